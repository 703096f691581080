import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingHttpHeaders } from 'node:http';
import {
  INVALID_SPAN_CONTEXT,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  TraceFlags,
  defaultTextMapGetter,
  defaultTextMapSetter,
  trace,
  type Attributes,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  type Sampler,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import {
  ATTR_DB_OPERATION_NAME,
  ATTR_DB_SYSTEM_NAME,
  ATTR_ERROR_TYPE,
  ATTR_SERVICE_NAME,
  ATTR_SERVICE_VERSION,
} from '@opentelemetry/semantic-conventions';
import type { MetricLabels } from './metrics.js';
import type { TraceSampler, TracingConfig } from './tracing-config.js';
import { exportPipeline, type ExportEvents } from './tracing-export.js';

/**
 * The runtime's spans. Nothing here is global: each runtime has its own provider (never registered
 * as the process's), and the span a request's steps run under is carried by an AsyncLocalStorage of
 * its own, so spans started anywhere below a request (the engine call, Redis) are children of its
 * server span without being passed along. With tracing off every method is a no-op that allocates
 * nothing.
 */
export interface Tracing {
  readonly enabled: boolean;
  /** The SERVER span of one API request; its parent is the caller's `traceparent` (and `tracestate`). */
  startServerSpan(name: string, headers: IncomingHttpHeaders, attributes: Attributes): Span;
  /** A CLIENT span, child of the span active where it is started. */
  startClientSpan(name: string, attributes: Attributes): Span;
  /** Runs `fn` with `span` active: spans started in it, across its awaits, are children of `span`. */
  within<T>(span: Span, fn: () => T): T;
  /** `traceparent` (and `tracestate`) naming `span` as the parent of a call to another service. */
  headersFor(span: Span): Readonly<Record<string, string>>;
  /**
   * Exports what is queued, waiting at most `timeoutMs` (an unreachable collector must not hold up
   * a shutdown), then stops exporting.
   */
  shutdown(timeoutMs: number): Promise<void>;
}

/** The span of everything when tracing is off: records nothing, names no trace. */
export const NO_SPAN: Span = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);
const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

/** Tracing off. */
export const NO_TRACING: Tracing = Object.freeze({
  enabled: false,
  startServerSpan: () => NO_SPAN,
  startClientSpan: () => NO_SPAN,
  within: <T>(_span: Span, fn: () => T): T => fn(),
  headersFor: () => NO_HEADERS,
  shutdown: () => Promise.resolve(),
});

/** What {@link createTracing} needs besides the config. */
export interface TracingDeps {
  /** The runtime's agent, model and version, for the resource. */
  readonly identity: MetricLabels;
  readonly events: ExportEvents;
}

/** The runtime's tracing as `config` (the OTEL_* variables) sets it up: {@link NO_TRACING} when off. */
export function createTracing(config: TracingConfig, deps: TracingDeps): Tracing {
  if (!config.enabled) return NO_TRACING;
  const { identity } = deps;
  const resource = defaultResource().merge(
    resourceFromAttributes({
      ...config.resourceAttributes,
      [ATTR_SERVICE_NAME]: config.serviceName,
      [ATTR_SERVICE_VERSION]: identity.version,
      'ai.suoke.agent': identity.agent,
      'ai.suoke.model': identity.model,
      'ai.suoke.version': identity.version,
    }),
  );
  const provider = new NodeTracerProvider({
    resource,
    sampler: samplerOf(config.sampler, config.samplerRatio),
    spanProcessors: [exportPipeline(config, deps.events)],
  });
  return new SdkTracing(provider, provider.getTracer('agent-runtime'));
}

class SdkTracing implements Tracing {
  readonly enabled = true;
  private readonly active = new AsyncLocalStorage<Context>();
  private readonly propagator = new W3CTraceContextPropagator();
  private shuttingDown: Promise<void> | undefined;

  constructor(
    private readonly provider: NodeTracerProvider,
    private readonly tracer: Tracer,
  ) {}

  startServerSpan(name: string, headers: IncomingHttpHeaders, attributes: Attributes): Span {
    const parent = this.propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
    return this.tracer.startSpan(name, { kind: SpanKind.SERVER, attributes }, parent);
  }

  startClientSpan(name: string, attributes: Attributes): Span {
    return this.tracer.startSpan(name, { kind: SpanKind.CLIENT, attributes }, this.context());
  }

  within<T>(span: Span, fn: () => T): T {
    return this.active.run(trace.setSpan(this.context(), span), fn);
  }

  headersFor(span: Span): Readonly<Record<string, string>> {
    const headers: Record<string, string> = {};
    this.propagator.inject(trace.setSpan(ROOT_CONTEXT, span), headers, defaultTextMapSetter);
    return headers;
  }

  shutdown(timeoutMs: number): Promise<void> {
    this.shuttingDown ??= this.provider.shutdown().catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    return Promise.race([this.shuttingDown, bound]).finally(() => clearTimeout(timer));
  }

  private context(): Context {
    return this.active.getStore() ?? ROOT_CONTEXT;
  }
}

function samplerOf(sampler: TraceSampler, ratio: number): Sampler {
  switch (sampler) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(ratio);
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratio) });
  }
}

/** The trace id of `span` when it is recorded and sampled (so it will be exported), else undefined. */
export function sampledTraceId(span: Span): string | undefined {
  const context = span.spanContext();
  return span.isRecording() && (context.traceFlags & TraceFlags.SAMPLED) !== 0 ? context.traceId : undefined;
}

/** Marks `span` failed, with `type` (an error code or class, never a message that may quote input). */
export function markFailed(span: Span, type: string): void {
  span.setAttribute(ATTR_ERROR_TYPE, type);
  span.setStatus({ code: SpanStatusCode.ERROR });
}

/**
 * Runs one Redis round trip `fn` in a CLIENT span `redis <name>` (`session.load`, `cache.get`,
 * `rate_limit`, `budget`, …), `command` being the Redis command it sends. A failure marks the span
 * and is rethrown as it was: what it means for the request is the caller's to decide.
 */
export async function redisSpan<T>(
  tracing: Tracing,
  name: string,
  command: string,
  fn: () => Promise<T>,
): Promise<T> {
  if (!tracing.enabled) return fn();
  const span = tracing.startClientSpan(`redis ${name}`, {
    [ATTR_DB_SYSTEM_NAME]: 'redis',
    [ATTR_DB_OPERATION_NAME]: command,
  });
  try {
    return await tracing.within(span, fn);
  } catch (error) {
    markFailed(span, (error as Error)?.name ?? typeof error);
    throw error;
  } finally {
    span.end();
  }
}
