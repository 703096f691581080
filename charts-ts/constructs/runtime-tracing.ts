/**
 * How the agents' runtime exports its traces: the standard OpenTelemetry variables it reads (OTLP over
 * HTTP with JSON bodies), set on every runtime container once the platform turns tracing on (the
 * operator's `--tracing-endpoint`). Tracing is a platform setting, not an AIModel field: one collector
 * serves every agent, and a model owner should not have to know where it is.
 */
import type { EnvVar } from './agent-workload-props.js';

/** Where and how much the runtimes trace. */
export interface RuntimeTracing {
  /**
   * OTLP/HTTP base URL; the runtime posts to `<endpoint>/v1/traces`
   * (e.g. `http://suoke-otel-collector.suoke-modelops-system.svc:4318`).
   */
  readonly endpoint: string;
  /**
   * Share of the traces a runtime starts that it keeps, from 0 to 1. A request whose `traceparent` says
   * the caller sampled it is traced whatever the ratio (the sampler is parent-based).
   * @default 1
   */
  readonly samplingRatio?: number;
}

/** Every trace the runtime starts is kept unless the platform says otherwise. */
export const DEFAULT_TRACING_SAMPLING_RATIO = 1;

/**
 * Variable the pod's name reaches the runtime through (downward API), for `k8s.pod.name`; declared before
 * `OTEL_RESOURCE_ATTRIBUTES`, which refers to it as `$(POD_NAME)`.
 */
export const POD_NAME_ENV = 'POD_NAME';

/** Throws, naming `field` (e.g. `render: options.tracing`), unless the endpoint and ratio are usable. */
export function validateTracing(field: string, tracing: RuntimeTracing): void {
  let url: URL;
  try {
    url = new URL(tracing.endpoint);
  } catch (cause) {
    throw new Error(
      `${field}.endpoint '${tracing.endpoint}' is not a URL; give the collector's OTLP/HTTP base URL, e.g. http://otel-collector.observability.svc:4318`,
      { cause },
    );
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    throw new Error(
      `${field}.endpoint '${tracing.endpoint}' must be an http(s) URL (OTLP over HTTP), e.g. http://otel-collector.observability.svc:4318`,
    );
  }
  const ratio = tracing.samplingRatio;
  if (ratio !== undefined && !(Number.isFinite(ratio) && ratio >= 0 && ratio <= 1)) {
    throw new Error(
      `${field}.samplingRatio (${ratio}) must be a number from 0 to 1, e.g. 0.1 to keep one trace in ten`,
    );
  }
}

/**
 * The runtime's tracing variables: export to `tracing.endpoint`, a parent-based ratio sampler, the agent as
 * the service name, and the pod's namespace and name as resource attributes (what a trace backend groups
 * and filters by). The runtime adds the model and version itself.
 */
export function tracingEnv(
  tracing: RuntimeTracing,
  identity: { readonly agent: string; readonly namespace?: string },
): EnvVar[] {
  const attributes = [
    ...(identity.namespace === undefined ? [] : [`k8s.namespace.name=${identity.namespace}`]),
    `k8s.pod.name=$(${POD_NAME_ENV})`,
  ];
  return [
    { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: tracing.endpoint },
    { name: 'OTEL_TRACES_SAMPLER', value: 'parentbased_traceidratio' },
    {
      name: 'OTEL_TRACES_SAMPLER_ARG',
      value: String(tracing.samplingRatio ?? DEFAULT_TRACING_SAMPLING_RATIO),
    },
    { name: 'OTEL_SERVICE_NAME', value: identity.agent },
    { name: POD_NAME_ENV, fieldRef: 'metadata.name' },
    { name: 'OTEL_RESOURCE_ATTRIBUTES', value: attributes.join(',') },
  ];
}
