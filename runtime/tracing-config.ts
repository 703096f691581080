/**
 * Tracing settings: the standard OpenTelemetry variables (OTEL_*), read and checked like every other
 * variable (their rows join ENV_SCHEMA in config-schema.ts, their rules CROSS_FIELD_RULES in
 * config-rules.ts), so a bad value stops the start with a line naming it. Tracing is off unless an
 * OTLP endpoint is set, and off whenever OTEL_SDK_DISABLED=true.
 */
import type { CrossFieldRule } from './config-rules.js';
import type { EnvValues } from './config-schema.js';

/** The samplers of OTEL_TRACES_SAMPLER that this runtime builds (the spec's, less the vendor ones). */
export const TRACE_SAMPLERS = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
] as const;
export type TraceSampler = (typeof TRACE_SAMPLERS)[number];

/** The one OTLP protocol built in: HTTP with JSON bodies. */
const OTLP_PROTOCOL = {
  type: 'enum',
  values: ['http/json'],
  default: 'http/json',
  allowed:
    'http/json, the only OTLP protocol this runtime exports with (grpc and http/protobuf are not built in)',
} as const;

export const TRACING_DEFAULTS = Object.freeze({
  OTEL_TRACES_SAMPLER: 'parentbased_always_on' as TraceSampler,
  OTEL_TRACES_SAMPLER_ARG: 1, // ratio of traces kept by the traceidratio samplers
  OTEL_SERVICE_NAME: 'agent-runtime',
  OTEL_BSP_MAX_QUEUE_SIZE: 2048, // spans waiting for export; more are dropped, never waited for
  OTEL_BSP_SCHEDULE_DELAY: 5_000, // ms between exports
  OTEL_BSP_EXPORT_TIMEOUT: 30_000, // ms one export may take
});

/** The rows of ENV_SCHEMA for tracing (types in config-schema.ts). */
export const TRACING_ENV = {
  OTEL_SDK_DISABLED: { type: 'boolean', default: false },
  OTEL_EXPORTER_OTLP_ENDPOINT: { type: 'url' },
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: { type: 'url' },
  OTEL_EXPORTER_OTLP_PROTOCOL: OTLP_PROTOCOL,
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: OTLP_PROTOCOL,
  OTEL_EXPORTER_OTLP_HEADERS: { type: 'string' },
  OTEL_EXPORTER_OTLP_TRACES_HEADERS: { type: 'string' },
  OTEL_TRACES_SAMPLER: {
    type: 'enum',
    values: TRACE_SAMPLERS,
    default: TRACING_DEFAULTS.OTEL_TRACES_SAMPLER,
  },
  OTEL_TRACES_SAMPLER_ARG: {
    type: 'number',
    minimum: 0,
    default: TRACING_DEFAULTS.OTEL_TRACES_SAMPLER_ARG,
    allowed: 'a ratio from 0 to 1 (default 1)',
  },
  // Unset, the resource's own service.name, else agent-runtime (tracingConfigOf).
  OTEL_SERVICE_NAME: { type: 'string' },
  OTEL_RESOURCE_ATTRIBUTES: { type: 'string' },
  OTEL_BSP_MAX_QUEUE_SIZE: {
    type: 'integer',
    minimum: 1,
    maximum: 1_000_000,
    default: TRACING_DEFAULTS.OTEL_BSP_MAX_QUEUE_SIZE,
  },
  OTEL_BSP_SCHEDULE_DELAY: {
    type: 'integer',
    minimum: 0,
    default: TRACING_DEFAULTS.OTEL_BSP_SCHEDULE_DELAY,
  },
  OTEL_BSP_EXPORT_TIMEOUT: {
    type: 'integer',
    minimum: 1,
    default: TRACING_DEFAULTS.OTEL_BSP_EXPORT_TIMEOUT,
  },
} as const;

/** Where and how spans are exported; `enabled` false means no span is recorded at all. */
export interface TracingConfig {
  readonly enabled: boolean;
  /** `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` as given, else `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces`. */
  readonly tracesUrl: string | undefined;
  /** `OTEL_EXPORTER_OTLP_HEADERS` with `OTEL_EXPORTER_OTLP_TRACES_HEADERS` over them (values decoded). */
  readonly headers: Readonly<Record<string, string>>;
  /** `OTEL_TRACES_SAMPLER` */
  readonly sampler: TraceSampler;
  /** `OTEL_TRACES_SAMPLER_ARG`: the ratio of the traceidratio samplers. */
  readonly samplerRatio: number;
  /** `OTEL_SERVICE_NAME`, else `service.name` of OTEL_RESOURCE_ATTRIBUTES, else `agent-runtime`. */
  readonly serviceName: string;
  /** `OTEL_RESOURCE_ATTRIBUTES` (values decoded). */
  readonly resourceAttributes: Readonly<Record<string, string>>;
  /** `OTEL_BSP_MAX_QUEUE_SIZE`: spans waiting for export; beyond it they are dropped (and counted). */
  readonly maxQueueSize: number;
  /** `OTEL_BSP_SCHEDULE_DELAY`: milliseconds between exports. */
  readonly scheduleDelayMs: number;
  /** `OTEL_BSP_EXPORT_TIMEOUT`: milliseconds one export may take. */
  readonly exportTimeoutMs: number;
}

/** The tracing settings of a valid environment. */
export function tracingConfigOf(env: EnvValues): TracingConfig {
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  const tracesUrl =
    env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ??
    (base === undefined ? undefined : `${base.replace(/\/+$/, '')}/v1/traces`);
  const resourceAttributes = keyValues(env.OTEL_RESOURCE_ATTRIBUTES).pairs;
  return {
    enabled: tracesUrl !== undefined && !env.OTEL_SDK_DISABLED,
    tracesUrl,
    headers: {
      ...keyValues(env.OTEL_EXPORTER_OTLP_HEADERS).pairs,
      ...keyValues(env.OTEL_EXPORTER_OTLP_TRACES_HEADERS).pairs,
    },
    sampler: env.OTEL_TRACES_SAMPLER,
    samplerRatio: env.OTEL_TRACES_SAMPLER_ARG,
    serviceName:
      env.OTEL_SERVICE_NAME ?? resourceAttributes['service.name'] ?? TRACING_DEFAULTS.OTEL_SERVICE_NAME,
    resourceAttributes,
    maxQueueSize: env.OTEL_BSP_MAX_QUEUE_SIZE,
    scheduleDelayMs: env.OTEL_BSP_SCHEDULE_DELAY,
    exportTimeoutMs: env.OTEL_BSP_EXPORT_TIMEOUT,
  };
}

/** The rules of the tracing variables that their rows alone cannot state. */
export const TRACING_RULES: readonly CrossFieldRule[] = [
  {
    variable: 'OTEL_TRACES_SAMPLER_ARG',
    uses: ['OTEL_TRACES_SAMPLER_ARG'],
    check: ({ values: { OTEL_TRACES_SAMPLER_ARG: ratio } }) =>
      ratio > 1 ? `OTEL_TRACES_SAMPLER_ARG='${ratio}' must be a ratio from 0 to 1 (default 1)` : undefined,
  },
  pairsRule('OTEL_RESOURCE_ATTRIBUTES', 'k8s.namespace.name=suoke-ai,deployment.environment.name=prod', true),
  // Headers carry credentials: their problems name the entry by position, never quote it.
  pairsRule('OTEL_EXPORTER_OTLP_HEADERS', 'authorization=Bearer%20<token>', false),
  pairsRule('OTEL_EXPORTER_OTLP_TRACES_HEADERS', 'authorization=Bearer%20<token>', false),
];

type PairsVariable =
  'OTEL_RESOURCE_ATTRIBUTES' | 'OTEL_EXPORTER_OTLP_HEADERS' | 'OTEL_EXPORTER_OTLP_TRACES_HEADERS';

/** `variable` must be `key=value` pairs separated by commas, values percent-encoded. */
function pairsRule(variable: PairsVariable, example: string, quote: boolean): CrossFieldRule {
  return {
    variable,
    uses: [variable],
    check: ({ values }) => {
      const { bad } = keyValues(values[variable]);
      if (bad.length === 0) return undefined;
      const which = bad.map(({ position, entry }) => (quote ? `'${entry}'` : `entry ${position}`)).join(', ');
      return `${variable}: ${which} must be key=value (values percent-encoded), pairs separated by commas (e.g. ${example})`;
    },
  };
}

/**
 * The W3C Baggage-style list the OTEL_* variables use: `k1=v1,k2=v2`, blanks around items ignored,
 * values percent-decoded. Entries that are no pair, or whose value does not decode, are `bad`.
 */
export function keyValues(raw: string | undefined): {
  pairs: Record<string, string>;
  bad: { position: number; entry: string }[];
} {
  const pairs: Record<string, string> = {};
  const bad: { position: number; entry: string }[] = [];
  const entries = (raw ?? '').split(',').map((entry) => entry.trim());
  entries.forEach((entry, index) => {
    if (entry === '') return;
    const at = entry.indexOf('=');
    const key = entry.slice(0, at).trim();
    let value: string | undefined;
    try {
      value = at > 0 ? decodeURIComponent(entry.slice(at + 1).trim()) : undefined;
    } catch {
      value = undefined;
    }
    if (key === '' || value === undefined || /\s/.test(key)) bad.push({ position: index + 1, entry });
    else pairs[key] = value;
  });
  return { pairs, bad };
}
