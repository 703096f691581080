/**
 * Typed, validated stack configuration.
 *
 * Every key is read once, checked, and frozen before any resource is declared, so a bad value fails
 * `pulumi preview` with one message that names the key, what was given, what is allowed and the
 * command that fixes it, instead of a half-built resource graph.
 *
 * Plain values come from a {@link ConfigReader} (raw strings, as Pulumi stores them: YAML maps and
 * lists arrive as JSON text); secret values stay `pulumi.Output`s marked secret from end to end.
 */
import * as pulumi from '@pulumi/pulumi';

/** The agents of the default Suoke Life stack, in the order of the design table. */
export const DEFAULT_AGENTS = ['xiaoai', 'xiaoke', 'laoke', 'soer'] as const;

/**
 * Where the agents' Redis comes from: `statefulset` (run in the cluster by the platform),
 * `cluster` (an existing Redis Cluster, by its seed nodes) or `external` (one Redis by URL).
 */
export const REDIS_MODES = ['statefulset', 'cluster', 'external'] as const;
export type RedisMode = (typeof REDIS_MODES)[number];

/** @default 'suoke-modelops-system' */
export const DefaultNamespace = 'suoke-modelops-system';
/** @default 'suoke-ai' */
export const DefaultAgentNamespace = 'suoke-ai';
/** @default 'http://prometheus-operated.monitoring.svc:9090' (prometheus-operator's governing Service) */
export const DefaultPrometheusUrl = 'http://prometheus-operated.monitoring.svc:9090';
/** Upper bound on `replicaScale`: beyond 10x the HPA bounds stop meaning anything. */
export const MaxReplicaScale = 10;

/** A container image split the way registries and `pulumi config` see it. */
export interface ImageRef {
  /** @example 'ghcr.io/suoke-life/agent-runtime' */
  readonly repository: string;
  /** Never `latest`: a rollout must name what it runs. */
  readonly tag: string;
}

export interface PlatformConfig {
  /** Namespace of the operator. @default 'suoke-modelops-system' */
  readonly namespace: string;
  /** Namespace of the agents (AIModels, their workloads) and Redis. @default 'suoke-ai' */
  readonly agentNamespace: string;
  readonly images: {
    /** @default ghcr.io/suoke-life/modelops-operator:0.1.0 */
    readonly operator: ImageRef;
    /** @default ghcr.io/suoke-life/agent-runtime:0.1.0 */
    readonly runtime: ImageRef;
  };
  /** Agents to declare. @default the four of {@link DEFAULT_AGENTS} */
  readonly agents: readonly string[];
  readonly gpu: {
    /** Request GPUs for agents whose model needs one. @default false (runs on any cluster) */
    readonly enabled: boolean;
    /** `nvidia.com/gpu.product` to pin GPU pods to, overriding each model's own. @default each model's product */
    readonly product?: string;
  };
  /** Multiplier on every agent's HPA min/max replicas (min stays ≥ 1). @default 1 */
  readonly replicaScale: number;
  readonly redis: {
    /** @default 'statefulset' */
    readonly mode: RedisMode;
    /** Data volume of the in-cluster StatefulSet (mode statefulset). @default '8Gi' */
    readonly storage: string;
    /** Seed `host:port`s of the Redis Cluster (mode cluster, required there). @default none */
    readonly clusterNodes: readonly string[];
  };
  readonly istio: {
    /** Route agents through Istio; off means the operator splits traffic by replica ratio. @default true */
    readonly enabled: boolean;
  };
  readonly gateway: {
    /** Public host of the agents' API on the Istio ingress gateway. @default none (no Gateway) */
    readonly host?: string;
    /** Secret in istio-system holding the host's TLS certificate; required with `host` (HTTPS only). @default none */
    readonly tlsSecretName?: string;
  };
  /** Prometheus the operator queries for canary analysis. @default {@link DefaultPrometheusUrl} */
  readonly prometheusUrl: string;
  /** Where people find the dashboards; exported only. @default none */
  readonly grafanaUrl?: string;
  /** Operator pods (one leads, the rest stand by). @default 2 */
  readonly operatorReplicas: number;
}

/** Secret stack values; each one stays a secret `Output` and never reaches a log or a state file in clear. */
export interface PlatformSecrets {
  /** `redisPassword`: required; Redis without a password would hold every session open. */
  readonly redisPassword?: pulumi.Output<string>;
  /** `redisUrl`: required for mode external, e.g. rediss://redis.example.com:6380/0 (no password in it). */
  readonly redisUrl?: pulumi.Output<string>;
  /** `registryCredentials`: a .dockerconfigjson document for private image registries. @default none */
  readonly registryCredentials?: pulumi.Output<string>;
}

/** Raw access to the stack's configuration; `pulumi.Config` satisfies it. */
export interface ConfigReader {
  readonly name: string;
  get(key: string): string | undefined;
  getSecret(key: string): pulumi.Output<string> | undefined;
  /** The clear value of a secret key, only to validate it before any resource is declared. */
  peekSecret(key: string): string | undefined;
  /** Every key set for this project, so that a misspelt one is reported. @default not checked */
  all?(): string[];
}

/** A stack configuration value that cannot be used; names the full key and how to fix it. */
export class StackConfigError extends pulumi.RunError {
  constructor(
    /** Fully qualified key, e.g. `suoke-modelops:redis.mode`. */
    readonly key: string,
    readonly problem: string,
    /** What the key accepts, in words. */
    readonly allowed: string,
    /** The command that sets it. */
    readonly fix: string,
  ) {
    super(`Invalid stack config '${key}': ${problem}. Allowed: ${allowed}. Fix: ${fix}`);
    this.name = 'StackConfigError';
  }
}

/** Keys this program reads; anything else under the project's namespace is a typo worth reporting. */
const KNOWN_KEYS = [
  'namespace',
  'agentNamespace',
  'images',
  'agents',
  'gpu',
  'replicaScale',
  'redis',
  'istio',
  'gateway',
  'prometheusUrl',
  'grafanaUrl',
  'operatorReplicas',
  'redisPassword',
  'redisUrl',
  'registryCredentials',
] as const;

/** Keys whose values must be set with `--secret`. */
const SECRET_KEYS = ['redisPassword', 'redisUrl', 'registryCredentials'] as const;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const REPOSITORY = /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const QUANTITY = /^[0-9]+(\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/;

/** Reads and validates every key; throws {@link StackConfigError} on the first bad one. */
export function loadPlatformConfig(reader: ConfigReader): {
  readonly config: PlatformConfig;
  readonly secrets: PlatformSecrets;
} {
  const ctx = new Reader(reader);
  ctx.rejectUnknownKeys();

  const namespace = ctx.namespace('namespace', DefaultNamespace);
  const agentNamespace = ctx.namespace('agentNamespace', DefaultAgentNamespace);
  if (agentNamespace === namespace) {
    ctx.fail(
      'agentNamespace',
      `is the operator's namespace "${namespace}"`,
      'a namespace of its own (the agents run under their own policies)',
    );
  }

  const images = ctx.object('images', ['operator', 'runtime']);
  const operatorImage = ctx.image(images, 'operator', 'ghcr.io/suoke-life/modelops-operator');
  const runtimeImage = ctx.image(images, 'runtime', 'ghcr.io/suoke-life/agent-runtime');

  const agents = ctx.agents();

  const gpuRaw = ctx.object('gpu', ['enabled', 'product']);
  const gpuEnabled = ctx.bool(gpuRaw, 'gpu.enabled', false);
  const gpuProduct = ctx.optionalString(gpuRaw, 'gpu.product');
  if (gpuProduct !== undefined && !/^[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/.test(gpuProduct)) {
    ctx.fail(
      'gpu.product',
      `"${gpuProduct}" is not a valid label value`,
      'a node label value such as NVIDIA-A100-SXM4-40GB',
    );
  }
  if (gpuProduct !== undefined && !gpuEnabled) {
    ctx.fail(
      'gpu.product',
      'is set while gpu.enabled is false',
      'no product while gpu.enabled is false',
      'pulumi config set --path gpu.enabled true',
    );
  }

  const replicaScale = ctx.number('replicaScale', 1);
  if (!(replicaScale > 0 && replicaScale <= MaxReplicaScale)) {
    ctx.fail(
      'replicaScale',
      `${replicaScale} is out of range`,
      `a number greater than 0 and at most ${MaxReplicaScale}`,
    );
  }

  const redisRaw = ctx.object('redis', ['mode', 'storage', 'clusterNodes']);
  const redisMode = ctx.oneOf(redisRaw, 'redis.mode', REDIS_MODES, 'statefulset');
  const redisStorage = ctx.optionalString(redisRaw, 'redis.storage') ?? '8Gi';
  if (!QUANTITY.test(redisStorage)) {
    ctx.fail('redis.storage', `"${redisStorage}" is not a Kubernetes quantity`, 'e.g. 8Gi');
  }
  if (redisRaw.storage !== undefined && redisMode !== 'statefulset') {
    ctx.fail(
      'redis.storage',
      `is only used when redis.mode is statefulset (it is ${redisMode})`,
      'no value',
      'pulumi config rm --path redis.storage',
    );
  }
  const clusterNodes = ctx.hostPorts(redisRaw, 'redis.clusterNodes');
  if (redisMode === 'cluster' && clusterNodes.length === 0) {
    ctx.fail(
      'redis.clusterNodes',
      'is required when redis.mode is cluster',
      'a list of host:port seed nodes',
      "pulumi config set --path 'redis.clusterNodes[0]' redis-0.redis.example:6379",
    );
  }
  if (redisMode !== 'cluster' && clusterNodes.length > 0) {
    ctx.fail(
      'redis.clusterNodes',
      `is only used when redis.mode is cluster (it is ${redisMode})`,
      'no value',
      'pulumi config rm --path redis.clusterNodes',
    );
  }

  const istioRaw = ctx.object('istio', ['enabled']);
  const istioEnabled = ctx.bool(istioRaw, 'istio.enabled', true);

  const gatewayRaw = ctx.object('gateway', ['host', 'tlsSecretName']);
  const gatewayHost = ctx.optionalString(gatewayRaw, 'gateway.host');
  const tlsSecretName = ctx.optionalString(gatewayRaw, 'gateway.tlsSecretName');
  if (gatewayHost !== undefined && !DNS_SUBDOMAIN.test(gatewayHost)) {
    ctx.fail('gateway.host', `"${gatewayHost}" is not a DNS name`, 'a host such as agents.example.com');
  }
  if (gatewayHost !== undefined && !istioEnabled) {
    ctx.fail(
      'gateway.host',
      'needs the Istio ingress gateway but istio.enabled is false',
      'no host while istio.enabled is false',
      'pulumi config set --path istio.enabled true',
    );
  }
  if (tlsSecretName !== undefined && gatewayHost === undefined) {
    ctx.fail(
      'gateway.tlsSecretName',
      'is set without gateway.host',
      'a TLS secret only together with a host',
      'pulumi config set --path gateway.host <host>',
    );
  }
  if (gatewayHost !== undefined && tlsSecretName === undefined) {
    ctx.fail(
      'gateway.tlsSecretName',
      'is required with gateway.host: the agents are served over HTTPS only',
      'the name of a kubernetes.io/tls Secret in the ingress gateway namespace',
      'pulumi config set --path gateway.tlsSecretName <secret>',
    );
  }
  if (tlsSecretName !== undefined && !DNS_SUBDOMAIN.test(tlsSecretName)) {
    ctx.fail('gateway.tlsSecretName', `"${tlsSecretName}" is not a Secret name`, 'a DNS-1123 subdomain');
  }

  const prometheusUrl = ctx.url('prometheusUrl', DefaultPrometheusUrl);
  const grafanaUrl = reader.get('grafanaUrl') === undefined ? undefined : ctx.url('grafanaUrl', '');

  const operatorReplicas = ctx.integer(undefined, 'operatorReplicas', 2);
  if (operatorReplicas < 1 || operatorReplicas > 5) {
    ctx.fail(
      'operatorReplicas',
      `${operatorReplicas} is out of range`,
      'an integer from 1 to 5 (one leads, the rest stand by)',
    );
  }

  const secrets: PlatformSecrets = {
    redisPassword: reader.getSecret('redisPassword'),
    redisUrl: reader.getSecret('redisUrl'),
    registryCredentials: reader.getSecret('registryCredentials'),
  };
  if (redisMode === 'external' && secrets.redisUrl === undefined) {
    ctx.fail(
      'redisUrl',
      'is required when redis.mode is external',
      'a secret redis:// or rediss:// URL',
      'pulumi config set --secret redisUrl rediss://<host>:6380/0',
    );
  }
  if (secrets.redisPassword === undefined) {
    ctx.fail(
      'redisPassword',
      'is required: Redis without a password would hold every session open',
      'a secret string',
      'pulumi config set --secret redisPassword <a long random string>',
    );
  }
  const redisUrl = reader.peekSecret('redisUrl');
  if (redisUrl !== undefined) ctx.redisUrl('redisUrl', redisUrl);
  if (redisMode !== 'external' && secrets.redisUrl !== undefined) {
    ctx.fail(
      'redisUrl',
      `is only used when redis.mode is external (it is ${redisMode})`,
      'no value',
      'pulumi config rm redisUrl',
    );
  }

  const config: PlatformConfig = {
    namespace,
    agentNamespace,
    images: { operator: operatorImage, runtime: runtimeImage },
    agents,
    gpu: { enabled: gpuEnabled, product: gpuProduct },
    replicaScale,
    redis: { mode: redisMode, storage: redisStorage, clusterNodes },
    istio: { enabled: istioEnabled },
    gateway: { host: gatewayHost, tlsSecretName },
    prometheusUrl,
    grafanaUrl,
    operatorReplicas,
  };
  return { config: deepFreeze(config), secrets: Object.freeze(secrets) };
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Parses and checks raw values; every failure names the fully qualified key. */
class Reader {
  constructor(private readonly reader: ConfigReader) {}

  private qualified(key: string): string {
    return `${this.reader.name}:${key}`;
  }

  private setCommand(key: string, value: string): string {
    const secret = (SECRET_KEYS as readonly string[]).includes(key) ? ' --secret' : '';
    const path = key.includes('.') ? ' --path' : '';
    return `pulumi config set${secret}${path} ${key} ${value}`;
  }

  fail(key: string, problem: string, allowed: string, fix = this.setCommand(key, '<value>')): never {
    throw new StackConfigError(this.qualified(key), problem, allowed, fix);
  }

  rejectUnknownKeys(): void {
    const listing = this.reader.all?.() ?? [];
    for (const key of listing) {
      if (!(KNOWN_KEYS as readonly string[]).includes(key)) {
        this.fail(key, 'is not a setting of this program', KNOWN_KEYS.join(', '), `pulumi config rm ${key}`);
      }
    }
  }

  namespace(key: string, fallback: string): string {
    const value = this.string(key, fallback);
    if (!DNS_LABEL.test(value))
      this.fail(key, `"${value}" is not a DNS-1123 label`, 'lower-case letters, digits and "-", up to 63');
    return value;
  }

  /** Checks a secret Redis URL once it resolves; the message never quotes it. */
  redisUrl(key: string, url: string): string {
    if (!/^rediss?:\/\/[^/@]+/.test(url)) {
      this.fail(
        key,
        'is not a redis:// or rediss:// URL',
        'redis://host:port[/db] or rediss://host:port[/db]',
        `pulumi config set --secret ${key} rediss://<host>:6380/0`,
      );
    }
    if (url.includes('@')) {
      this.fail(
        key,
        'holds credentials',
        'a URL without user or password (the password goes in redisPassword)',
        `pulumi config set --secret ${key} rediss://<host>:6380/0`,
      );
    }
    return url;
  }

  /** A list of `host:port` strings inside a map. */
  hostPorts(map: Record<string, Json>, key: string): string[] {
    const value = map[leaf(key)];
    if (value === undefined || value === null) return [];
    if (
      !Array.isArray(value) ||
      !value.every((v) => typeof v === 'string' && /^[A-Za-z0-9.-]+:\d{1,5}$/.test(v))
    ) {
      return this.fail(
        key,
        `${JSON.stringify(value)} is not a list of host:port`,
        'a list such as ["redis-0.example:6379"]',
      );
    }
    return value as string[];
  }

  string(key: string, fallback: string): string {
    const raw = this.reader.get(key);
    if (raw === undefined) return fallback;
    if (raw.trim() === '') this.fail(key, 'is empty', 'a non-empty value');
    return raw.trim();
  }

  /** A YAML map in the stack file; `allowed` lists its fields so a misspelt one is reported, not ignored. */
  object(key: string, allowed: readonly string[]): Record<string, Json> {
    const raw = this.reader.get(key);
    if (raw === undefined) return {};
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (error) {
      this.fail(
        key,
        `is not a map (${(error as Error).message})`,
        `a map with fields ${allowed.join(', ')}`,
        this.setCommand(`${key}.${allowed[0]}`, '<value>'),
      );
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      this.fail(
        key,
        'is not a map',
        `a map with fields ${allowed.join(', ')}`,
        this.setCommand(`${key}.${allowed[0]}`, '<value>'),
      );
    }
    for (const field of Object.keys(parsed)) {
      if (!allowed.includes(field)) {
        this.fail(
          `${key}.${field}`,
          'is not a known field',
          allowed.map((f) => `${key}.${f}`).join(', '),
          `pulumi config rm --path ${key}.${field}`,
        );
      }
    }
    return parsed as Record<string, Json>;
  }

  optionalString(map: Record<string, Json>, key: string): string | undefined {
    const value = map[leaf(key)];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || value.trim() === '')
      this.fail(key, `must be a non-empty string, got ${JSON.stringify(value)}`, 'a string');
    return value.trim();
  }

  bool(map: Record<string, Json>, key: string, fallback: boolean): boolean {
    const value = map[leaf(key)];
    if (value === undefined || value === null) return fallback;
    if (value === true || value === 'true') return true;
    if (value === false || value === 'false') return false;
    return this.fail(key, `${JSON.stringify(value)} is not a boolean`, 'true or false');
  }

  oneOf<T extends string>(map: Record<string, Json>, key: string, allowed: readonly T[], fallback: T): T {
    const value = map[leaf(key)];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      return this.fail(key, `${JSON.stringify(value)} is not allowed`, `one of ${allowed.join(', ')}`);
    }
    return value as T;
  }

  number(key: string, fallback: number): number {
    const raw = this.reader.get(key);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value))
      this.fail(key, `"${raw}" is not a number`, 'a number such as 1 or 0.5');
    return value;
  }

  /** An integer either at the top level (`map` undefined) or inside a map. */
  integer(map: Record<string, Json> | undefined, key: string, fallback: number): number {
    const value: Json | undefined = map === undefined ? this.reader.get(key) : map[leaf(key)];
    if (value === undefined || value === null) return fallback;
    const n =
      typeof value === 'number'
        ? value
        : typeof value === 'string' && value.trim() !== ''
          ? Number(value)
          : NaN;
    if (!Number.isInteger(n)) this.fail(key, `${JSON.stringify(value)} is not an integer`, 'a whole number');
    return n;
  }

  url(key: string, fallback: string): string {
    const value = this.string(key, fallback);
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      return this.fail(
        key,
        `"${value}" is not a URL`,
        'an http(s) URL such as http://prometheus.monitoring.svc:9090',
      );
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      this.fail(key, `"${value}" uses ${parsed.protocol}`, 'an http:// or https:// URL');
    }
    return value.replace(/\/+$/, '');
  }

  image(images: Record<string, Json>, which: 'operator' | 'runtime', defaultRepository: string): ImageRef {
    const base = `images.${which}`;
    const value = images[which];
    if (value === undefined || value === null) return { repository: defaultRepository, tag: '0.1.0' };
    if (typeof value !== 'object' || Array.isArray(value)) {
      return this.fail(
        base,
        'is not a map',
        `fields ${base}.repository and ${base}.tag`,
        this.setCommand(`${base}.tag`, '0.1.0'),
      );
    }
    for (const field of Object.keys(value)) {
      if (field !== 'repository' && field !== 'tag') {
        this.fail(
          `${base}.${field}`,
          'is not a known field',
          `${base}.repository, ${base}.tag`,
          `pulumi config rm --path ${base}.${field}`,
        );
      }
    }
    const repository = this.optionalString(value, `${base}.repository`) ?? defaultRepository;
    if (!REPOSITORY.test(repository)) {
      this.fail(
        `${base}.repository`,
        `"${repository}" is not an image repository`,
        'e.g. ghcr.io/suoke-life/agent-runtime (no tag)',
      );
    }
    const tag = this.optionalString(value, `${base}.tag`) ?? '0.1.0';
    if (!TAG.test(tag))
      this.fail(
        `${base}.tag`,
        `"${tag}" is not an image tag`,
        'letters, digits, "_", "." and "-", up to 128',
      );
    if (tag === 'latest') {
      this.fail(`${base}.tag`, '"latest" moves under a running rollout', 'a fixed version such as 0.1.0');
    }
    return { repository, tag };
  }

  agents(): readonly string[] {
    const raw = this.reader.get('agents');
    if (raw === undefined) return [...DEFAULT_AGENTS];
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = undefined;
    }
    if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((a) => typeof a === 'string')) {
      return this.fail(
        'agents',
        `${raw} is not a non-empty list of agent names`,
        `a list drawn from ${DEFAULT_AGENTS.join(', ')}`,
      );
    }
    const seen = new Set<string>();
    for (const agent of parsed as string[]) {
      if (!(DEFAULT_AGENTS as readonly string[]).includes(agent)) {
        this.fail('agents', `"${agent}" is not a known agent`, `names from ${DEFAULT_AGENTS.join(', ')}`);
      }
      if (seen.has(agent)) this.fail('agents', `"${agent}" is listed twice`, 'each agent once');
      seen.add(agent);
    }
    return parsed as string[];
  }
}

function leaf(key: string): string {
  return key.slice(key.lastIndexOf('.') + 1);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Adapts `pulumi.Config` (plus the runtime's key listing) to a {@link ConfigReader}. */
export function stackConfigReader(config: pulumi.Config = new pulumi.Config()): ConfigReader {
  return {
    name: config.name,
    get: (key) => config.get(key),
    getSecret: (key) => config.getSecret(key),
    // The runtime's store, not config.get: that would warn that the key is a secret.
    peekSecret: (key) => pulumi.runtime.getConfig(`${config.name}:${key}`),
    all: () =>
      Object.keys(pulumi.runtime.allConfig())
        .filter((k) => k.startsWith(`${config.name}:`))
        .map((k) => k.slice(config.name.length + 1)),
  };
}
