import { TraceFlags, type Context } from '@opentelemetry/api';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import {
  BatchSpanProcessor,
  type ReadableSpan,
  type Span,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import type { TracingConfig } from './tracing-config.js';

/** What the export pipeline tells the runtime. */
export interface ExportEvents {
  /** `count` spans will never reach the collector: the queue was full, or their export failed. */
  dropped(count: number): void;
  /** An export failed after the last one went through (or after the start). */
  failing(error: Error | undefined): void;
  /** An export went through after failures. */
  recovered(): void;
}

/** Spans in one export request at most, the SDK's default (never above the queue size). */
const MAX_EXPORT_BATCH = 512;
/** The OTLP exporter's own default bound on one request (milliseconds). */
const EXPORTER_TIMEOUT_MS = 10_000;

/**
 * The span processor of an enabled tracing setup: ended spans wait in a bounded queue and go to the
 * collector in batches (OTLP over HTTP, JSON bodies), on a timer, never on the request's path. When
 * the queue is full a span is dropped rather than waited for; a failed export (after the exporter's
 * own retries) drops its batch. Both are counted through `events`.
 */
export function exportPipeline(config: TracingConfig, events: ExportEvents): SpanProcessor {
  const exporter = new CountingExporter(
    new OTLPTraceExporter({
      url: config.tracesUrl,
      headers: { ...config.headers },
      // Retries end within the processor's export bound, so a slow collector delays no later batch.
      timeoutMillis: Math.min(EXPORTER_TIMEOUT_MS, config.exportTimeoutMs),
    }),
    events,
  );
  const batches = new BatchSpanProcessor(exporter, {
    maxQueueSize: config.maxQueueSize,
    maxExportBatchSize: Math.min(MAX_EXPORT_BATCH, config.maxQueueSize),
    scheduledDelayMillis: config.scheduleDelayMs,
    exportTimeoutMillis: config.exportTimeoutMs,
  });
  return new QueueWatch(batches, config.maxQueueSize, exporter, events);
}

/**
 * An exporter that reports what its inner exporter lost: the spans of every export that did not
 * succeed. It also reports how many spans it was handed, which is when they leave the processor's
 * queue (see QueueWatch).
 */
class CountingExporter implements SpanExporter {
  handedOver: (count: number) => void = () => undefined;
  private failed = false;

  constructor(
    private readonly inner: SpanExporter,
    private readonly events: ExportEvents,
  ) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    this.handedOver(spans.length);
    this.inner.export(spans, (result) => {
      if (result.code === ExportResultCode.SUCCESS) {
        if (this.failed) this.events.recovered();
        this.failed = false;
      } else {
        this.events.dropped(spans.length);
        if (!this.failed) this.events.failing(result.error);
        this.failed = true;
      }
      done(result);
    });
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}

/**
 * The batch processor, with the spans it drops for a full queue counted. The SDK drops them without
 * telling anyone, so this keeps the same count the processor keeps: a sampled span joins the queue
 * when it ends, and leaves it when the processor hands its batch to the exporter (which does so at
 * once, in the same turn). A span that ends while `maxQueueSize` are waiting is the one dropped.
 */
class QueueWatch implements SpanProcessor {
  private waiting = 0;
  private stopped = false;

  constructor(
    private readonly inner: BatchSpanProcessor,
    private readonly maxQueueSize: number,
    exporter: CountingExporter,
    private readonly events: ExportEvents,
  ) {
    exporter.handedOver = (count) => {
      this.waiting = Math.max(0, this.waiting - count);
    };
  }

  onStart(span: Span, parentContext: Context): void {
    this.inner.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    if (!this.stopped && (span.spanContext().traceFlags & TraceFlags.SAMPLED) !== 0) {
      if (this.waiting >= this.maxQueueSize) this.events.dropped(1);
      else this.waiting += 1;
    }
    this.inner.onEnd(span);
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush();
  }

  shutdown(): Promise<void> {
    this.stopped = true;
    return this.inner.shutdown();
  }
}
