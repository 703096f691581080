/**
 * Typed, validated stack configuration.
 *
 * Every key is read once, checked, and frozen before any resource is declared, so a bad config
 * fails `pulumi preview` with one message that lists every problem, each with the key, what was
 * given, what is allowed and the command that fixes it, instead of a half-built resource graph.
 *
 * The keys, their types and defaults are the TypeBox schema below ({@link StackConfigSchema});
 * rules between keys are the table of config-rules.ts. Plain values come from a
 * {@link ConfigReader} (raw strings, as Pulumi stores them: YAML maps and lists arrive as JSON
 * text); secret values stay `pulumi.Output`s marked secret from end to end.
 */
import * as pulumi from '@pulumi/pulumi';
import { Type, type Static, type TProperties, type TSchema } from '@sinclair/typebox';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { DEFAULT_OPERATOR_IMAGE, DEFAULT_RUNTIME_IMAGE } from '../crds/api/constants.js';
import {
  schemaProblems,
  StackConfigError,
  type ConfigProblem,
  type ProblemContext,
} from './config-problems.js';
import { CROSS_FIELD_RULES, ruleProblems } from './config-rules.js';
import { splitImage } from '../charts-ts/constructs/image-rule.js';
import {
  TRAFFIC_ROUTER_NAMES,
  defaultTrafficRouter,
  type TrafficRouterName,
} from '../charts-ts/constructs/operator-install.js';

export { StackConfigError, type ConfigProblem } from './config-problems.js';

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

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const REPOSITORY = /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const QUANTITY = /^[0-9]+(\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/;
const LABEL_VALUE = /^[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/;
const HOST_PORT = /^[A-Za-z0-9.-]+:\d{1,5}$/;

/**
 * How a key's errors are worded (config-problems.ts): `title` names a valid value, for
 * `"8 gigs" is not a Kubernetes quantity`; `allowed` says what the key accepts.
 */
interface Words {
  readonly title?: string;
  readonly allowed: string;
}

/** A non-empty string matching `pattern`. */
const text = (description: string, pattern: RegExp, words: Words & { readonly default?: string }) =>
  Type.String({ description, minLength: 1, pattern: pattern.source, ...words });

/** A YAML map: its fields are checked, a misspelt one is reported rather than ignored. */
const map = <T extends TProperties>(description: string, properties: T) =>
  Type.Object(properties, { description, default: {}, additionalProperties: false });

const namespace = (description: string, fallback: string) =>
  text(description, DNS_LABEL, {
    default: fallback,
    title: 'a DNS-1123 label',
    allowed: 'lower-case letters, digits and "-", up to 63',
  });

const httpUrl = (description: string, fallback?: string) =>
  Type.String({
    description,
    minLength: 1,
    // The host is required: the `uri` format alone takes `http://`.
    pattern: '^https?://[^\\s/]+(/[^\\s]*)?$',
    format: 'uri',
    title: 'an http(s) URL',
    allowed: 'an http:// or https:// URL such as http://prometheus.monitoring.svc:9090',
    ...(fallback === undefined ? {} : { default: fallback }),
  });

/** A container image split the way registries and `pulumi config` see it; defaults to `image`. */
function imageRef(description: string, image: string) {
  const fallback = splitImage(image);
  return map(description, {
    repository: text('Image repository, without a tag.', REPOSITORY, {
      default: fallback.repository,
      title: 'an image repository',
      allowed: 'e.g. ghcr.io/suoke-life/agent-runtime (no tag)',
    }),
    tag: text('Version tag; never `latest`: a rollout must name what it runs.', TAG, {
      default: fallback.tag,
      title: 'an image tag',
      allowed: 'letters, digits, "_", "." and "-", up to 128',
    }),
  });
}

/** Every non-secret key of the stack, with its default; the reference of what a stack file may set. */
export const StackConfigSchema = Type.Object(
  {
    namespace: namespace('Namespace of the operator.', DefaultNamespace),
    agentNamespace: namespace(
      'Namespace of the agents (AIModels, their workloads) and Redis.',
      DefaultAgentNamespace,
    ),
    images: map('Images of the platform.', {
      operator: imageRef('The operator image.', DEFAULT_OPERATOR_IMAGE),
      runtime: imageRef("The agents' runtime image.", DEFAULT_RUNTIME_IMAGE),
    }),
    agents: Type.Array(
      Type.Unsafe<string>({
        type: 'string',
        enum: [...DEFAULT_AGENTS],
        title: 'a known agent',
        allowed: `names from ${DEFAULT_AGENTS.join(', ')}`,
      }),
      {
        description: 'Agents to declare.',
        default: [...DEFAULT_AGENTS],
        minItems: 1,
        uniqueItems: true,
        title: 'a non-empty list of agent names',
        allowed: `a list drawn from ${DEFAULT_AGENTS.join(', ')}`,
      },
    ),
    gpu: map('GPUs for the agents.', {
      enabled: Type.Boolean({
        description: 'Request GPUs for agents whose model needs one; off runs on any cluster.',
        default: false,
      }),
      product: Type.Optional(
        text("`nvidia.com/gpu.product` to pin GPU pods to, overriding each model's own.", LABEL_VALUE, {
          title: 'a valid label value',
          allowed: 'a node label value such as NVIDIA-A100-SXM4-40GB',
        }),
      ),
    }),
    replicaScale: Type.Number({
      description: "Multiplier on every agent's HPA min/max replicas (min stays ≥ 1).",
      default: 1,
      exclusiveMinimum: 0,
      maximum: MaxReplicaScale,
      allowed: `a number greater than 0 and at most ${MaxReplicaScale}, such as 1 or 0.5`,
    }),
    redis: map("The agents' Redis.", {
      mode: Type.Unsafe<RedisMode>({ type: 'string', enum: [...REDIS_MODES], default: 'statefulset' }),
      storage: text('Data volume of the in-cluster StatefulSet (mode statefulset).', QUANTITY, {
        default: '8Gi',
        title: 'a Kubernetes quantity',
        allowed: 'e.g. 8Gi',
      }),
      clusterNodes: Type.Array(
        text('A seed node.', HOST_PORT, {
          title: 'host:port',
          allowed: 'host:port, e.g. redis-0.example:6379',
        }),
        {
          description: 'Seed `host:port`s of the Redis Cluster (mode cluster, required there).',
          default: [],
          title: 'a list of host:port',
          allowed: 'a list such as ["redis-0.example:6379"]',
        },
      ),
    }),
    istio: map('The service mesh.', {
      enabled: Type.Boolean({
        description:
          'Run the agents in the Istio mesh (sidecars, STRICT mTLS, per-model AuthorizationPolicy); the istio router needs it.',
        default: true,
      }),
    }),
    trafficRouter: Type.Optional(
      Type.Unsafe<TrafficRouterName>({
        type: 'string',
        enum: [...TRAFFIC_ROUTER_NAMES],
        description:
          'How the operator splits traffic between versions: istio (VirtualService), gateway-api (HTTPRoute) or replica-ratio. Default: istio with istio.enabled, else replica-ratio.',
        title: 'a traffic router',
        allowed: TRAFFIC_ROUTER_NAMES.join(', '),
      }),
    ),
    gateway: map("The agents' public API on the Istio ingress gateway; none by default.", {
      host: Type.Optional(
        text("Public host of the agents' API.", DNS_SUBDOMAIN, {
          title: 'a DNS name',
          allowed: 'a host such as agents.example.com',
        }),
      ),
      tlsSecretName: Type.Optional(
        text("Secret in istio-system holding the host's TLS certificate (HTTPS only).", DNS_SUBDOMAIN, {
          title: 'a Secret name',
          allowed: 'a DNS-1123 subdomain',
        }),
      ),
    }),
    prometheusUrl: httpUrl('Prometheus the operator queries for canary analysis.', DefaultPrometheusUrl),
    grafanaUrl: Type.Optional(httpUrl('Where people find the dashboards; exported only.')),
    operatorReplicas: Type.Integer({
      description: 'Operator pods (one leads, the rest stand by).',
      default: 2,
      minimum: 1,
      maximum: 5,
      allowed: 'an integer from 1 to 5 (one leads, the rest stand by)',
    }),
    tracing: map("OpenTelemetry traces of the agents' runtimes; off by default.", {
      endpoint: Type.Optional(
        httpUrl(
          'OTLP/HTTP base URL the runtimes send traces to; default with tracing.collector: the collector.',
        ),
      ),
      samplingRatio: Type.Number({
        description: 'Share of the traces a runtime starts that it keeps.',
        default: 1,
        minimum: 0,
        maximum: 1,
        allowed: 'a number from 0 to 1, such as 0.1 to keep one trace in ten',
      }),
      collector: Type.Boolean({
        description: 'Run an OpenTelemetry Collector in the operator namespace, forwarding to the backend.',
        default: false,
      }),
      collectorExporterEndpoint: Type.Optional(
        httpUrl('OTLP/HTTP endpoint of the trace backend the collector forwards to (Jaeger, Tempo, …).'),
      ),
    }),
  },
  { additionalProperties: false },
);

type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/**
 * The stack configuration, defaults applied (see {@link StackConfigSchema}); `trafficRouter`, whose
 * default follows `istio.enabled`, is always set.
 */
export type PlatformConfig = DeepReadonly<
  Omit<Static<typeof StackConfigSchema>, 'trafficRouter'> & { trafficRouter: TrafficRouterName }
>;

/** What the schema alone fills in: `trafficRouter` may still be unset. */
type SchemaConfig = DeepReadonly<Static<typeof StackConfigSchema>>;

/** A container image split the way registries and `pulumi config` see it; the tag is never `latest`. */
export type ImageRef = PlatformConfig['images']['runtime'];

/** Secret stack values; each one stays a secret `Output` and never reaches a log or a state file in clear. */
export interface PlatformSecrets {
  /** `redisPassword`: required; Redis without a password would hold every session open. */
  readonly redisPassword?: pulumi.Output<string>;
  /** `redisUrl`: required for mode external, e.g. rediss://redis.example.com:6380/0 (no password in it). */
  readonly redisUrl?: pulumi.Output<string>;
  /** `registryCredentials`: a .dockerconfigjson document for private image registries. @default none */
  readonly registryCredentials?: pulumi.Output<string>;
}

/** Keys whose values must be set with `--secret`; they are read as Outputs, never into the schema. */
const SECRET_KEYS = ['redisPassword', 'redisUrl', 'registryCredentials'] as const;
export type SecretKey = (typeof SECRET_KEYS)[number];

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

/** Keys this program reads; anything else under the project's namespace is a typo worth reporting. */
const KNOWN_KEYS: readonly string[] = [...Object.keys(StackConfigSchema.properties), ...SECRET_KEYS];

const PROBLEM_CONTEXT: ProblemContext = { knownKeys: KNOWN_KEYS, secretKeys: SECRET_KEYS };

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** Fills in the defaults too, so that the schema is the one place they are written. */
function compileSchema() {
  const ajv = new Ajv({ allErrors: true, useDefaults: true, verbose: true, strict: true });
  addFormats(ajv);
  ajv.addVocabulary(['allowed']);
  return ajv.compile<Static<typeof StackConfigSchema>>(StackConfigSchema);
}

const validate = compileSchema();

/** Reads and validates every key; throws one {@link StackConfigError} listing every bad one. */
export function loadPlatformConfig(reader: ConfigReader): {
  readonly config: PlatformConfig;
  readonly secrets: PlatformSecrets;
} {
  const document = readDocument(reader);
  const isSet = settingsOf(structuredClone(document));
  const problems = validate(document) ? [] : schemaProblems(validate.errors ?? [], PROBLEM_CONTEXT);
  // With defaults filled in; valid wherever `problems` names no key, which is all the rules read.
  const config = withDefaultRouter(document as unknown as SchemaConfig);
  const secrets: PlatformSecrets = {
    redisPassword: reader.getSecret('redisPassword'),
    redisUrl: reader.getSecret('redisUrl'),
    registryCredentials: reader.getSecret('registryCredentials'),
  };
  const peek = (key: SecretKey) => reader.peekSecret(key);
  const invalid = problems.map((p) => p.key);
  problems.push(
    ...ruleProblems(CROSS_FIELD_RULES, { config, isSet, secrets, peek }, invalid, PROBLEM_CONTEXT),
  );
  const [first, ...rest] = inKeyOrder(reader.name, problems);
  if (first !== undefined) throw new StackConfigError([first, ...rest]);
  return { config: deepFreeze(withoutTrailingSlashes(config)), secrets: Object.freeze(secrets) };
}

/**
 * The stack's plain values as one document for the schema. Maps and lists are parsed from their
 * JSON text; text that does not parse is kept, for the schema to report as "not a map". Listed keys
 * the program does not know go in without their value, so that the schema reports them; secrets
 * stay out, so that no clear secret can reach a message that quotes a value.
 */
function readDocument(reader: ConfigReader): Record<string, unknown> {
  const document: Record<string, unknown> = {};
  for (const key of reader.all?.() ?? []) {
    if (!KNOWN_KEYS.includes(key)) document[key] = '<unknown>';
  }
  for (const [key, schema] of Object.entries(StackConfigSchema.properties)) {
    const raw = reader.get(key);
    if (raw === undefined) continue;
    const structured = schema.type === 'object' || schema.type === 'array';
    const value = normalise(schema, structured ? parseJson(raw) : raw);
    if (value !== null) document[key] = value;
  }
  return document;
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/**
 * A raw value as the schema reads it: strings trimmed and map fields set to null dropped (a
 * hand-edited stack file may carry either), numbers and booleans read from the text Pulumi stores
 * them as (`"0.5"`, `"true"`). Nothing becomes a string: YAML reads `tag: 1.10` as the number 1.1,
 * which is refused rather than deployed as tag "1.1".
 */
function normalise(schema: TSchema | undefined, value: unknown): unknown {
  if (typeof value === 'string') return fromText(schema?.type, value.trim());
  if (Array.isArray(value)) return value.map((item) => normalise(schema?.items, item));
  if (value === null || typeof value !== 'object') return value;
  const fields = Object.entries(value).filter(([, v]) => v !== null);
  return Object.fromEntries(fields.map(([k, v]) => [k, normalise(schema?.properties?.[k], v)]));
}

function fromText(type: unknown, text: string): unknown {
  const numeric = (type === 'number' || type === 'integer') && text !== '';
  if (numeric && Number.isFinite(Number(text))) return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** Whether the stack sets a dotted key (`redis.storage`) in `document`, taken before defaults. */
function settingsOf(document: Record<string, unknown>): (key: string) => boolean {
  return (key) =>
    key
      .split('.')
      .reduce<unknown>(
        (node, field) =>
          node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[field] : undefined,
        document,
      ) !== undefined;
}

/** Qualified with the project's name, in the order of the keys (misspelt ones first), then as found. */
function inKeyOrder(project: string, problems: readonly ConfigProblem[]): ConfigProblem[] {
  const rank = (key: string) => KNOWN_KEYS.indexOf(key.split('.')[0] ?? key);
  return [...problems]
    .sort((a, b) => rank(a.key) - rank(b.key))
    .map((p) => ({ ...p, key: `${project}:${p.key}` }));
}

/**
 * The router the stack names, else the one its mesh implies: istio inside the Istio mesh,
 * replica-ratio without one (the one router that needs nothing of the cluster).
 */
function withDefaultRouter(config: SchemaConfig): PlatformConfig {
  // An invalid `istio` map is reported by the schema; the default then is only a placeholder.
  return {
    ...config,
    trafficRouter: config.trafficRouter ?? defaultTrafficRouter(config.istio?.enabled !== false),
  };
}

/** URLs without trailing slashes, so that paths join onto them cleanly. */
function withoutTrailingSlashes(config: PlatformConfig): PlatformConfig {
  const trim = (url: string) => url.replace(/\/+$/, '');
  return {
    ...config,
    prometheusUrl: trim(config.prometheusUrl),
    grafanaUrl: config.grafanaUrl === undefined ? undefined : trim(config.grafanaUrl),
    tracing: {
      ...config.tracing,
      endpoint: config.tracing.endpoint === undefined ? undefined : trim(config.tracing.endpoint),
    },
  };
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
