import { existsSync, readFileSync } from 'node:fs';

/** Command-line settings of the operator process; defaults as kubebuilder operators have them. */
export interface OperatorFlags {
  /** @default ':8080' */
  readonly metricsBindAddress: string;
  /** @default ':8081' */
  readonly healthProbeBindAddress: string;
  /** @default true */
  readonly leaderElect: boolean;
  /** @default the pod's namespace in-cluster (service account), else POD_NAMESPACE */
  readonly leaderElectionNamespace: string | undefined;
  /** @default 'suoke-modelops-operator' */
  readonly leaderElectionId: string;
  /** @default 15_000 */
  readonly leaseDurationMs: number;
  /** @default 10_000 */
  readonly renewDeadlineMs: number;
  /** @default 2_000 */
  readonly retryPeriodMs: number;
  /** @default [] (all namespaces) */
  readonly namespaces: readonly string[];
  /** @default 'http://prometheus-operated.monitoring.svc:9090' */
  readonly prometheusUrl: string;
  /** @default 'istio' */
  readonly trafficRouter: 'istio' | 'gateway-api' | 'replica-ratio';
  /**
   * Whether the agents run in an Istio mesh: each model then gets its STRICT PeerAuthentication and
   * AuthorizationPolicy. @default 'istio' with the istio router, else 'none'
   */
  readonly mesh: 'istio' | 'none';
  /** How long the previous stable version stays warm after a promotion, for rollback. @default 3_600_000 (1h) */
  readonly rollbackWindowMs: number;
  /** Client-side requests per second to the API server; <= 0 disables the limit. @default 500 */
  readonly kubeApiQps: number;
  /** Requests the client may send at once before `kubeApiQps` paces it. @default 1000 */
  readonly kubeApiBurst: number;
  /** Reconciles each controller runs at once (different keys; one key is never in two). @default 4 */
  readonly maxConcurrentReconciles: number;
  /**
   * OTLP/HTTP base URL every agent runtime exports its traces to (set on the runtime containers the
   * operator renders); else TRACING_ENDPOINT. @default undefined (the runtimes do not trace)
   */
  readonly tracingEndpoint: string | undefined;
  /** Share of the traces a runtime starts that it keeps, 0..1; else TRACING_SAMPLING_RATIO. @default 1 */
  readonly tracingSamplingRatio: number;
  readonly help: boolean;
}

export const FLAG_HELP = `Usage: operator [flags]
  --metrics-bind-address <addr>          /metrics listen address; '0' disables (default ":8080")
  --health-probe-bind-address <addr>     /healthz and /readyz listen address; '0' disables (default ":8081")
  --leader-elect[=true|false]            elect one active replica through a Lease (default true)
  --leader-election-namespace <ns>       namespace of the Lease (default: the pod's namespace)
  --leader-election-id <name>            name of the Lease (default "suoke-modelops-operator")
  --leader-election-lease-duration <d>   how long a standby waits before taking over (default 15s)
  --leader-election-renew-deadline <d>   how long the leader retries renewing before giving up (default 10s)
  --leader-election-retry-period <d>     interval between acquire/renew attempts (default 2s)
  --namespace <ns>[,<ns>...]             namespaces to watch, repeatable (default: all)
  --prometheus-url <url>                 Prometheus for analysis (default "http://prometheus-operated.monitoring.svc:9090")
  --traffic-router istio|gateway-api|replica-ratio
                                         how canary traffic is split (default "istio")
  --mesh istio|none                      the agents run in an Istio mesh: per-model mTLS and authorization
                                         policies (default "istio" with the istio router, else "none")
  --rollback-window <d>                  how long the previous stable stays warm after a promotion (default 1h)
  --kube-api-qps <n>                     client-side requests/s to the API server; <= 0 disables (default 500)
  --kube-api-burst <n>                   requests sent at once before --kube-api-qps paces them (default 1000)
  --max-concurrent-reconciles <n>        reconciles each controller runs at once (default 4)
  --tracing-endpoint <url>               OTLP/HTTP base URL the agents' runtimes send traces to
                                         (env TRACING_ENDPOINT; default: none, no tracing)
  --tracing-sampling-ratio <0..1>        share of the traces a runtime starts that it keeps
                                         (env TRACING_SAMPLING_RATIO; default 1)
  --help                                 print these flags and exit
Kubeconfig comes from KUBECONFIG, else the in-cluster service account, else ~/.kube/config.`;

const SA_NAMESPACE = '/var/run/secrets/kubernetes.io/serviceaccount/namespace';
const BOOLEAN = new Set(['leader-elect', 'help']);
const KNOWN = new Set([
  'metrics-bind-address',
  'health-probe-bind-address',
  'leader-elect',
  'leader-election-namespace',
  'leader-election-id',
  'leader-election-lease-duration',
  'leader-election-renew-deadline',
  'leader-election-retry-period',
  'namespace',
  'prometheus-url',
  'traffic-router',
  'mesh',
  'rollback-window',
  'kube-api-qps',
  'kube-api-burst',
  'max-concurrent-reconciles',
  'tracing-endpoint',
  'tracing-sampling-ratio',
  'help',
]);

/**
 * Every flag's default, in the units of {@link OperatorFlags}. Deployments, tests and the rollout
 * controllers (which fall back to these when a setting is absent) read them from here.
 */
export const FLAG_DEFAULTS = Object.freeze({
  metricsBindAddress: ':8080',
  healthProbeBindAddress: ':8081',
  leaderElect: true,
  leaderElectionId: 'suoke-modelops-operator',
  /** Milliseconds: 15s. */
  leaseDurationMs: 15_000,
  /** Milliseconds: 10s. */
  renewDeadlineMs: 10_000,
  /** Milliseconds: 2s. */
  retryPeriodMs: 2_000,
  prometheusUrl: 'http://prometheus-operated.monitoring.svc:9090',
  trafficRouter: 'istio' as OperatorFlags['trafficRouter'],
  /** Milliseconds: 1h. */
  rollbackWindowMs: 3_600_000,
  // The server's API Priority and Fairness is what protects the API server; the client-side limit
  // only stops a runaway loop from flooding it. 500/s with a burst of 1,000 stays out of the way of a
  // fleet converging (measured by bench:scale: 1,000 models send about 400 requests per second at
  // start-up), where client-go's 5/10 would stretch it to an hour and 100/s still doubled it.
  /** Requests per second. */
  kubeApiQps: 500,
  kubeApiBurst: 1000,
  maxConcurrentReconciles: 4,
  tracingSamplingRatio: 1,
});

/** Parses Go-style flags (`--name value`, `--name=value`, bare booleans); throws naming the bad flag. */
export function parseFlags(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): OperatorFlags {
  const flags = new FlagValues(tokenize(argv));
  const d = FLAG_DEFAULTS;
  // Checked in this order, so the error for several bad flags names the same one every time.
  const limits = apiClientLimitsOf(flags);
  const maxConcurrentReconciles = maxConcurrentReconcilesOf(flags);
  const trafficRouter = trafficRouterOf(flags);
  const mesh = meshOf(flags, trafficRouter);
  const prometheusUrl = prometheusUrlOf(flags);
  const tracing = tracingOf(flags, env);
  return {
    metricsBindAddress: flags.last('metrics-bind-address') ?? d.metricsBindAddress,
    healthProbeBindAddress: flags.last('health-probe-bind-address') ?? d.healthProbeBindAddress,
    leaderElect: flags.bool('leader-elect', d.leaderElect),
    leaderElectionNamespace:
      flags.last('leader-election-namespace') ?? inClusterNamespace() ?? env['POD_NAMESPACE'],
    leaderElectionId: flags.last('leader-election-id') ?? d.leaderElectionId,
    leaseDurationMs: flags.duration('leader-election-lease-duration', d.leaseDurationMs),
    renewDeadlineMs: flags.duration('leader-election-renew-deadline', d.renewDeadlineMs),
    retryPeriodMs: flags.duration('leader-election-retry-period', d.retryPeriodMs),
    namespaces: namespacesOf(flags.all('namespace')),
    prometheusUrl,
    trafficRouter,
    mesh,
    rollbackWindowMs: flags.duration('rollback-window', d.rollbackWindowMs),
    ...limits,
    maxConcurrentReconciles,
    ...tracing,
    help: flags.bool('help', false),
  };
}

/** Every value given for each flag, in order; throws on an unknown flag or a missing value. */
function tokenize(argv: readonly string[]): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const m = /^--?([a-z0-9-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`unexpected argument '${arg}'; flags look like --name=value (see --help)`);
    const name = m[1]!;
    if (!KNOWN.has(name)) throw new Error(`unknown flag '--${name}' (see --help)`);
    let value = m[2];
    if (value === undefined) {
      if (BOOLEAN.has(name)) value = 'true';
      else if (i + 1 < argv.length) value = argv[++i]!;
      else throw new Error(`flag '--${name}' needs a value`);
    }
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  return values;
}

/** Typed reads of the given flags; the last value of a repeated flag wins. */
class FlagValues {
  constructor(private readonly values: ReadonlyMap<string, readonly string[]>) {}

  all(name: string): readonly string[] {
    return this.values.get(name) ?? [];
  }

  last(name: string): string | undefined {
    return this.values.get(name)?.at(-1);
  }

  bool(name: string, dflt: boolean): boolean {
    const v = this.last(name);
    if (v === undefined) return dflt;
    if (v === 'true' || v === '1') return true;
    if (v === 'false' || v === '0') return false;
    throw new Error(`flag '--${name}' must be true or false, got '${v}'`);
  }

  duration(name: string, dflt: number): number {
    const v = this.last(name);
    return v === undefined ? dflt : parseDuration(v, `--${name}`);
  }

  number(name: string, dflt: number): number {
    const v = this.last(name);
    if (v === undefined) return dflt;
    const n = v.trim() === '' ? NaN : Number(v);
    if (!Number.isFinite(n)) throw new Error(`flag '--${name}' must be a number, got '${v}'`);
    return n;
  }
}

function apiClientLimitsOf(flags: FlagValues): Pick<OperatorFlags, 'kubeApiQps' | 'kubeApiBurst'> {
  const kubeApiQps = flags.number('kube-api-qps', FLAG_DEFAULTS.kubeApiQps);
  const kubeApiBurst = flags.number('kube-api-burst', FLAG_DEFAULTS.kubeApiBurst);
  if (kubeApiQps > 0 && !(Number.isInteger(kubeApiBurst) && kubeApiBurst >= 1)) {
    throw new Error(
      `flag '--kube-api-burst' must be an integer >= 1 while --kube-api-qps is > 0, got '${flags.last('kube-api-burst')}'; ` +
        `raise it (default ${FLAG_DEFAULTS.kubeApiBurst}) or set --kube-api-qps=0 to disable client-side rate limiting`,
    );
  }
  return { kubeApiQps, kubeApiBurst };
}

function maxConcurrentReconcilesOf(flags: FlagValues): number {
  const n = flags.number('max-concurrent-reconciles', FLAG_DEFAULTS.maxConcurrentReconciles);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(
      `flag '--max-concurrent-reconciles' must be an integer >= 1, got '${flags.last('max-concurrent-reconciles')}'; ` +
        `use 1 for one reconcile at a time per controller (default ${FLAG_DEFAULTS.maxConcurrentReconciles})`,
    );
  }
  return n;
}

function trafficRouterOf(flags: FlagValues): OperatorFlags['trafficRouter'] {
  const trafficRouter = flags.last('traffic-router') ?? FLAG_DEFAULTS.trafficRouter;
  if (trafficRouter !== 'istio' && trafficRouter !== 'gateway-api' && trafficRouter !== 'replica-ratio') {
    throw new Error(
      `flag '--traffic-router' must be 'istio', 'gateway-api' or 'replica-ratio', got '${trafficRouter}'`,
    );
  }
  return trafficRouter;
}

/** The mesh defaults to the router's: Istio routing needs the mesh, the others do not. */
function meshOf(flags: FlagValues, trafficRouter: OperatorFlags['trafficRouter']): OperatorFlags['mesh'] {
  const mesh = flags.last('mesh') ?? (trafficRouter === 'istio' ? 'istio' : 'none');
  if (mesh !== 'istio' && mesh !== 'none') {
    throw new Error(`flag '--mesh' must be 'istio' or 'none', got '${mesh}'`);
  }
  if (mesh === 'none' && trafficRouter === 'istio') {
    throw new Error(
      `flag '--mesh=none' cannot go with '--traffic-router=istio', which routes through the mesh; pick --traffic-router=gateway-api or replica-ratio`,
    );
  }
  return mesh;
}

function prometheusUrlOf(flags: FlagValues): string {
  const prometheusUrl = flags.last('prometheus-url') ?? FLAG_DEFAULTS.prometheusUrl;
  try {
    new URL(prometheusUrl);
  } catch (err) {
    throw new Error(`flag '--prometheus-url' must be an absolute URL, got '${prometheusUrl}'`, {
      cause: err,
    });
  }
  return prometheusUrl;
}

/**
 * `--tracing-endpoint` (else TRACING_ENDPOINT): an http(s) URL, trailing slashes dropped so the runtime's
 * `/v1/traces` joins onto it; `--tracing-sampling-ratio` (else TRACING_SAMPLING_RATIO) from 0 to 1, refused
 * without an endpoint, where it would silently do nothing.
 */
function tracingOf(
  flags: FlagValues,
  env: NodeJS.ProcessEnv,
): Pick<OperatorFlags, 'tracingEndpoint' | 'tracingSamplingRatio'> {
  const endpoint = flagOrEnv(flags, env, 'tracing-endpoint', 'TRACING_ENDPOINT');
  if (endpoint !== undefined && !isHttpUrl(endpoint.value)) {
    throw new Error(
      `${endpoint.source} must be an http(s) URL (OTLP over HTTP), got '${endpoint.value}'; ` +
        'e.g. http://suoke-otel-collector.suoke-modelops-system.svc:4318',
    );
  }
  const tracingEndpoint = endpoint?.value.replace(/\/+$/, '');
  const ratio = flagOrEnv(flags, env, 'tracing-sampling-ratio', 'TRACING_SAMPLING_RATIO');
  if (ratio === undefined) {
    return { tracingEndpoint, tracingSamplingRatio: FLAG_DEFAULTS.tracingSamplingRatio };
  }
  const tracingSamplingRatio = ratio.value.trim() === '' ? NaN : Number(ratio.value);
  if (!(Number.isFinite(tracingSamplingRatio) && tracingSamplingRatio >= 0 && tracingSamplingRatio <= 1)) {
    throw new Error(
      `${ratio.source} must be a number from 0 to 1, got '${ratio.value}'; e.g. 0.1 keeps one trace in ten`,
    );
  }
  if (tracingEndpoint === undefined) {
    throw new Error(
      `${ratio.source} has no effect without --tracing-endpoint (or TRACING_ENDPOINT); set the endpoint or drop the ratio`,
    );
  }
  return { tracingEndpoint, tracingSamplingRatio };
}

/** A flag's last value, else the variable's (blank counts as unset), with where it came from for errors. */
function flagOrEnv(
  flags: FlagValues,
  env: NodeJS.ProcessEnv,
  flag: string,
  variable: string,
): { readonly value: string; readonly source: string } | undefined {
  const given = flags.last(flag);
  if (given !== undefined) return { value: given, source: `flag '--${flag}'` };
  const value = env[variable]?.trim();
  return value === undefined || value === '' ? undefined : { value, source: `env ${variable}` };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** `--namespace a,b --namespace c` → a, b, c (each once). */
function namespacesOf(values: readonly string[]): string[] {
  const namespaces = values
    .flatMap((v) => v.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  return [...new Set(namespaces)];
}

/** Go durations: '15s', '500ms', '1m30s', '2h'. */
export function parseDuration(text: string, what: string): number {
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * units[m[2]!]!;
    matched = re.lastIndex;
  }
  if (!text || matched !== text.length || total <= 0) {
    throw new Error(`${what}: '${text}' is not a positive duration like '15s', '500ms' or '1m30s'`);
  }
  return total;
}

function inClusterNamespace(): string | undefined {
  try {
    return existsSync(SA_NAMESPACE) ? readFileSync(SA_NAMESPACE, 'utf8').trim() || undefined : undefined;
  } catch {
    return undefined;
  }
}
