/**
 * The platform at work, small: real runtime processes (runtime/main.ts) for every agent, each in
 * front of its own stub engine and sharing a real redis-server; a real operator process
 * (operators/main.ts) against the fake API server process, canarying a second version of the first
 * agent's model; a real prometheus scraping the runtimes and the operator as the rendered
 * ServiceMonitors say (see service-monitor-scrape.ts); and traffic of every kind a dashboard shows.
 *
 * The runtimes are started here rather than from the Deployments the operator renders, so they get
 * what those Deployments cannot carry without volumes: an API keys file with a token budget. The
 * operator still runs the rollout for real, reading its analysis from this Prometheus, and its
 * /metrics is the one Prometheus scrapes for the rollout series.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  launchApiServer,
  launchOperator,
  type ApiServerProcess,
  type OperatorProcess,
} from '../../e2e/harness/launchers.js';
import { AIMODELS, KubeRest, MODEL_VERSIONS, type KubeObject } from '../../e2e/harness/kube.js';
import { aiModel, modelVersion, type Promotion } from '../../e2e/harness/objects.js';
import { ManagedProcess } from '../../e2e/harness/process.js';
import { freePort } from '../../support/net.js';
import { PrometheusServer } from '../../support/prometheus.js';
import { RedisServer } from '../../support/redis-server.js';
import { StubEngine, type StubBehaviour } from '../../support/stub-engine.js';
import { waitFor } from '../../support/wait.js';
import { DeploymentsAvailable } from './deployments-available.js';
import { PrometheusApi } from './prometheus-api.js';
import { scrapeConfigsOf } from './service-monitor-scrape.js';
import type { K8sObject } from './validate.js';

/** The models of the Suoke agents (DESIGN.md); an agent not listed serves `<agent>-model`. */
const MODEL_OF: Readonly<Record<string, string>> = {
  xiaoai: 'xiaoai-conversation-llm',
  xiaoke: 'xiaoke-health-classifier',
  laoke: 'laoke-tcm-expert',
  soer: 'soer-wellness-engine',
};

/** The key every request carries, with a daily token budget (API_KEYS_FILE format, runtime/auth.ts). */
export const API_KEY = 'sk-dashboards-0123456789abcdef';
export const API_KEY_NAME = 'dashboards';
const API_KEYS_FILE_TEXT = `${API_KEY} ${API_KEY_NAME} tokens-per-day=100000\n`;

/** Prices the runtimes count cost with (per million tokens). */
const PRICING = {
  PRICE_INPUT_PER_MILLION_TOKENS: '0.5',
  PRICE_OUTPUT_PER_MILLION_TOKENS: '1.5',
  PRICE_CURRENCY: 'USD',
};

/** The canary's policy: one step at 50%, analysed every 2 s, held there (Manual) until promoted. */
const CANARY: Promotion = {
  steps: [{ weight: 50 }],
  interval: '2s',
  mode: 'Manual',
  progressDeadline: '2m',
  analysis: {
    metrics: [{ name: 'error-rate', builtin: 'error-rate', thresholdRange: { max: 0.5 }, minSamples: 1 }],
    failureLimit: 3,
    inconclusiveLimit: 5,
  },
};

/** One runtime pod: which version of which model, and how its engine behaves. */
export interface RuntimePodSpec {
  readonly agent: string;
  readonly model: string;
  readonly version: string;
  readonly engine: Partial<StubBehaviour>;
}

export interface RuntimePod extends RuntimePodSpec {
  /** The pod label Prometheus attaches to its series. */
  readonly pod: string;
  readonly process: ManagedProcess;
  readonly stub: StubEngine;
  readonly url: string;
  readonly managementUrl: string;
}

/** One request the traffic made, and how it was answered. */
export interface Exchange {
  readonly pod: string;
  readonly kind: 'chat' | 'stream' | 'deterministic' | 'shadow' | 'shadow-stream' | 'evaluation';
  readonly status: number;
  readonly cache?: string;
}

export interface ServingPlatformOptions {
  /** The rendered ServiceMonitor of the runtimes (it names the agents' namespace). */
  readonly runtimeMonitor: K8sObject;
  /** The rendered ServiceMonitor of the operator (in the platform namespace). */
  readonly operatorMonitor: K8sObject;
  /** Agents to run a runtime for; the first one's model is rolled out (stable v1, canary v2). */
  readonly agents: readonly string[];
  /** @default 1 */
  readonly scrapeIntervalSeconds?: number;
}

export class ServingPlatform {
  readonly exchanges: Exchange[] = [];
  /** When the first request was sent (milliseconds). */
  trafficStartedAt = 0;

  private constructor(
    readonly namespace: string,
    readonly pods: readonly RuntimePod[],
    readonly prometheus: PrometheusServer,
    readonly api: PrometheusApi,
    /** The model being rolled out. */
    readonly rolloutModel: string,
    private readonly kube: KubeRest,
    private readonly parts: {
      readonly dir: string;
      readonly redis: RedisServer;
      readonly apiServer: ApiServerProcess;
      readonly operator: OperatorProcess;
      readonly deployments: DeploymentsAvailable;
    },
  ) {}

  /**
   * Starts everything and waits until Prometheus scrapes every target and the first version of the
   * rolled-out model is promoted; stops what started if anything fails.
   */
  static async start(options: ServingPlatformOptions): Promise<ServingPlatform> {
    const interval = options.scrapeIntervalSeconds ?? 1;
    const namespace = (options.runtimeMonitor.spec.namespaceSelector.matchNames as string[])[0]!;
    const platformNamespace = (options.operatorMonitor.spec.namespaceSelector.matchNames as string[])[0]!;
    const dir = mkdtempSync(join(tmpdir(), 'dashboard-data-'));
    const cleanup: (() => Promise<unknown>)[] = [async () => rmSync(dir, { recursive: true, force: true })];
    const started = <T>(value: T, stop: (v: T) => Promise<unknown>): T => {
      cleanup.unshift(() => stop(value));
      return value;
    };
    try {
      const keysFile = join(dir, 'api-keys');
      writeFileSync(keysFile, API_KEYS_FILE_TEXT);
      const redis = started(await RedisServer.start(), (r) => r.dispose());
      const prometheusPort = await freePort();
      const [first, ...others] = options.agents;
      if (first === undefined) throw new Error('ServingPlatform needs at least one agent');
      const rolloutModel = MODEL_OF[first] ?? `${first}-model`;
      const specs: RuntimePodSpec[] = [
        { agent: first, model: rolloutModel, version: 'v1', engine: {} },
        // The canary's engine fails one call in four: a few 5xx for the error panels.
        { agent: first, model: rolloutModel, version: 'v2', engine: { failRate: 0.25 } },
        // One engine cuts every answer at its token limit, for the truncation panels.
        ...others.map((agent, i) => ({
          agent,
          model: MODEL_OF[agent] ?? `${agent}-model`,
          version: 'v1',
          engine: i === 0 ? { finishReason: 'length' } : {},
        })),
      ];
      const podsStarting = specs.map((spec) =>
        startPod(spec, { redis, keysFile }).then((p) => started(p, stopPod)),
      );
      const controlStarting = (async () => {
        const apiServer = started(await launchApiServer(dir, namespace), (a) => a.process.stop());
        const operator = started(
          await launchOperator({
            kubeconfig: apiServer.kubeconfig,
            namespace,
            prometheusUrl: `http://127.0.0.1:${prometheusPort}`,
          }),
          (o) => o.process.stop('SIGTERM', 5000),
        );
        return { apiServer, operator };
      })();
      // Everything that starts is registered for cleanup before the first failure is thrown.
      await Promise.allSettled([...podsStarting, controlStarting]);
      const pods = await Promise.all(podsStarting);
      const control = await controlStarting;
      const operatorAddress = new URL(control.operator.metricsUrl).host;
      const prometheus = started(
        await PrometheusServer.start({
          port: prometheusPort,
          scrapeIntervalSeconds: interval,
          scrapeConfigs: [
            ...scrapeConfigsOf(
              options.runtimeMonitor,
              pods.map((p) => ({
                namespace,
                service: p.model,
                pod: p.pod,
                container: 'runtime',
                ports: { [options.runtimeMonitor.spec.endpoints[0].port]: new URL(p.managementUrl).host },
              })),
              interval,
            ),
            ...scrapeConfigsOf(
              options.operatorMonitor,
              [
                {
                  namespace: platformNamespace,
                  service: options.operatorMonitor.spec.selector.matchLabels['app.kubernetes.io/name'],
                  pod: 'suoke-modelops-operator-0',
                  container: 'operator',
                  ports: { [options.operatorMonitor.spec.endpoints[0].port]: operatorAddress },
                },
              ],
              interval,
            ),
          ],
        }),
        (p) => p.dispose(),
      );
      const kube = new KubeRest(control.apiServer.url);
      const deployments = started(new DeploymentsAvailable(kube, namespace).start(), (d) => d.stop());
      const platform = new ServingPlatform(
        namespace,
        pods,
        prometheus,
        new PrometheusApi(prometheus.url),
        rolloutModel,
        kube,
        {
          dir,
          redis,
          ...control,
          deployments,
        },
      );
      await kube.create(AIMODELS, aiModel(namespace, rolloutModel, CANARY, { agent: { name: first } }));
      await kube.create(MODEL_VERSIONS, modelVersion(namespace, rolloutModel, 'v1'));
      await platform.until(
        async () =>
          (await platform.api.queryInstant('count(up == 1)', Date.now()))[0]?.values[0]?.[1] ===
          String(pods.length + 1),
        'Prometheus to scrape every runtime and the operator',
      );
      await platform.until(
        async () => (await platform.phase('v1')) === 'Promoted',
        'v1 (the first version) promoted',
      );
      return platform;
    } catch (error) {
      for (const step of cleanup) await step().catch(() => undefined);
      throw error;
    }
  }

  /** `status.phase` of the rolled-out model's version. */
  async phase(version: string): Promise<string | undefined> {
    const mv = await this.kube.get<KubeObject & { status?: { phase?: string } }>(
      MODEL_VERSIONS,
      this.namespace,
      `${this.rolloutModel}-${version}`,
    );
    return mv?.status?.phase;
  }

  /** Creates the canary v2; the operator deploys it, shifts traffic and analyses it every interval. */
  async releaseCanary(): Promise<void> {
    await this.kube.create(MODEL_VERSIONS, modelVersion(this.namespace, this.rolloutModel, 'v2'));
  }

  /**
   * `rounds` rounds of traffic, each after Prometheus has scraped every target since the last, so
   * rates see it arrive over several scrapes: to every runtime a chat completion and a streamed
   * one; to the stable version of the rolled-out model a deterministic request (a cache miss, then
   * hits); to its canary the mirrored (shadow) copies of both, as Envoy sends them, and an
   * evaluation case. Runtimes are called at once, each one's requests in order: the canary's engine
   * fails every fourth call, so with five calls a round each kind of request fails at most once.
   */
  async sendTraffic(rounds: number): Promise<void> {
    this.trafficStartedAt = Date.now();
    for (let round = 0; round < rounds; round++) {
      if (round > 0) await this.scrapedSince(Date.now());
      await Promise.all(
        this.pods.map(async (p) => {
          const ask = (content: string, extra: Record<string, unknown> = {}) => ({
            model: p.model,
            messages: [{ role: 'user', content }],
            ...extra,
          });
          const chat = ask(`how are you feeling today, round ${round}`);
          const stream = ask(`tell me about sleep, round ${round}`, { stream: true });
          await this.send(p, 'chat', chat);
          await this.send(p, 'stream', stream);
          if (p.model === this.rolloutModel && p.version === 'v1') {
            await this.send(p, 'deterministic', ask('what is a good breakfast', { temperature: 0 }));
          }
          if (p.model === this.rolloutModel && p.version === 'v2') {
            // Envoy's mirrored copy: the same request with `-shadow` appended to the host.
            const host = { host: `${p.model}.${this.namespace}.svc.cluster.local-shadow` };
            await this.send(p, 'shadow', chat, host);
            await this.send(p, 'shadow-stream', stream, host);
            await this.send(p, 'evaluation', ask('which foods are warming'), {
              'x-evaluation-run': `${this.namespace}/${p.model}-v2-golden-set`,
            });
          }
        }),
      );
    }
  }

  /**
   * Waits until Prometheus holds the last request every runtime counted and the operator's first
   * analysis of the canary (twice, so increase() has two samples), then until one more scrape of
   * every target, so gauges set as a request settles are in too. Returns the time after that.
   */
  async settled(): Promise<number> {
    const sent = this.exchanges.length;
    await this.until(async () => {
      const [total] = await this.api.queryInstant(
        `sum(ai_inference_requests_total{namespace="${this.namespace}"})`,
        Date.now(),
      );
      return Number(total?.values[0]?.[1]) === sent;
    }, `Prometheus to count the ${sent} requests sent`);
    await this.until(async () => {
      const result = await this.api.queryInstant(
        'count_over_time(ai_rollout_analysis_total[5m]) >= 2',
        Date.now(),
      );
      return result.length > 0;
    }, "Prometheus to hold the operator's first analysis of the canary");
    const now = Date.now();
    await this.scrapedSince(now);
    return Date.now();
  }

  /** Waits until Prometheus has scraped every target after `ms`. */
  async scrapedSince(ms: number): Promise<void> {
    await this.until(async () => {
      const [oldest] = await this.api.queryInstant('min(timestamp(up))', Date.now());
      return Number(oldest?.values[0]?.[1]) * 1000 > ms;
    }, 'a scrape of every target');
  }

  /** Polls `check` (never a bare sleep); a timeout says what the processes said last. */
  async until(check: () => Promise<boolean>, description: string, timeoutMs = 30_000): Promise<void> {
    try {
      await waitFor(check, { timeoutMs, intervalMs: 100, description });
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${this.diagnostics()}`, { cause: error });
    }
  }

  diagnostics(): string {
    return [
      `exchanges: ${JSON.stringify(this.exchanges.map((e) => `${e.pod} ${e.kind} ${e.status}`))}`,
      `deployment status errors: ${this.parts.deployments.errors.slice(-3).join(' | ')}`,
      ...this.pods.map((p) => p.process.tail(8)),
      this.parts.operator.process.tail(20),
    ].join('\n');
  }

  async stop(): Promise<void> {
    await this.parts.deployments.stop();
    await this.parts.operator.process.stop('SIGTERM', 5000);
    await this.parts.apiServer.process.stop();
    await this.prometheus.dispose();
    await Promise.all(this.pods.map(stopPod));
    await this.parts.redis.dispose();
    rmSync(this.parts.dir, { recursive: true, force: true });
  }

  private async send(
    pod: RuntimePod,
    kind: Exchange['kind'],
    body: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<void> {
    const answer = await post(`${pod.url}/v1/chat/completions`, body, {
      authorization: `Bearer ${API_KEY}`,
      ...headers,
    });
    this.exchanges.push({
      pod: pod.pod,
      kind,
      status: answer.status,
      ...(answer.cache === undefined ? {} : { cache: answer.cache }),
    });
  }
}

/** Starts a runtime process in front of a fresh stub engine and waits until it is ready. */
async function startPod(
  spec: RuntimePodSpec,
  shared: { readonly redis: RedisServer; readonly keysFile: string },
): Promise<RuntimePod> {
  const stub = await StubEngine.start({ tokens: 6, ...spec.engine });
  const pod = `${spec.model}-${spec.version}-0`;
  const process = new ManagedProcess({
    name: `runtime ${pod}`,
    script: 'runtime/main.ts',
    env: {
      AGENT: spec.agent,
      MODEL: spec.model,
      MODEL_VERSION: spec.version,
      ENGINE_BASE_URL: stub.baseUrl,
      // A retry of the stub's evenly spread failures always succeeds; the 5xx are the point here.
      ENGINE_MAX_RETRIES: '0',
      HOST: '127.0.0.1',
      PORT: '0',
      MANAGEMENT_PORT: '0',
      REDIS_MODE: 'standalone',
      REDIS_URL: shared.redis.url,
      API_KEYS_FILE: shared.keysFile,
      ...PRICING,
      DRAIN_TIMEOUT_MS: '2000',
      LOG_LEVEL: 'info',
    },
  });
  try {
    // A runtime that refuses its configuration exits at once: fail then, with what it said.
    const exited = process.exited.then((how) => {
      throw new Error(`runtime ${pod} exited (${JSON.stringify(how)})\n${process.tail()}`);
    });
    // Only the race below reads this rejection; an exit after the start is stopPod's doing.
    exited.catch(() => undefined);
    const line = await Promise.race([
      process.waitForJson((l) => l['msg'] === 'listening', 60_000, 'listening'),
      exited,
    ]);
    const url = `http://127.0.0.1:${String(line['port'])}`;
    const managementUrl = `http://127.0.0.1:${String(line['managementPort'])}`;
    await waitFor(
      async () => {
        if (!process.running) throw new Error(`runtime ${pod} exited\n${process.tail()}`);
        return (await fetch(`${managementUrl}/readyz`).catch(() => undefined))?.ok === true;
      },
      { timeoutMs: 30_000, intervalMs: 50, description: `runtime ${pod} ready` },
    );
    return { ...spec, pod, process, stub, url, managementUrl };
  } catch (error) {
    await process.stop('SIGKILL');
    await stub.close();
    throw error;
  }
}

async function stopPod(pod: RuntimePod): Promise<void> {
  await pod.process.stop('SIGTERM', 5000);
  await pod.stub.close();
}

/** POSTs JSON with node:http (which, unlike fetch, lets the caller set Host) and reads the whole answer. */
function post(
  url: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<{ status: number; cache?: string }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          const cache = res.headers['x-cache'];
          resolve({ status: res.statusCode ?? 0, ...(typeof cache === 'string' ? { cache } : {}) });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}
