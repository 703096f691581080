import {
  Counter,
  Gauge,
  Histogram,
  Registry,
  collectDefaultMetrics,
  type LabelValues,
  type ObserveDataWithExemplar,
  type RegistryContentType,
} from 'prom-client';
import type { Traffic } from './shadow.js';

/** Labels every runtime series carries (from AGENT, MODEL, MODEL_VERSION). */
export interface MetricLabels {
  readonly agent: string;
  readonly model: string;
  readonly version: string;
}

/** Status codes the runtime answers with when it or its engine fails (see errors.ts). */
export const SERVER_ERROR_CODES: readonly string[] = ['500', '502', '503', '504'];

/**
 * Values of the `traffic` label: requests from clients, mirrored copies (shadow.ts), and the
 * golden-set cases of evaluation runs (evaluation-run.ts).
 */
export const TRAFFIC: readonly Traffic[] = ['live', 'shadow', 'evaluation'];

/**
 * The runtime's Prometheus metrics, with the names canary analysis and the autoscaling rules query.
 * `code` is the outcome as an HTTP status: 499 when the client went away, 502 when a stream failed
 * after its 200 headers were sent (so error-rate analysis sees broken streams).
 *
 * The request metrics carry `traffic` (`live`, `shadow` or `evaluation`), so dashboards can keep a
 * shadow stage's mirrored copies and an evaluation run's cases apart from what clients were
 * answered. Canary analysis counts live and shadow requests and leaves evaluation cases out (they
 * are judged by their own gate, and would dilute or inflate the canary's numbers); the autoscaling
 * rules count all three, since each is real load on its version. The cache metric has no
 * `traffic`: mirrored and evaluation requests never use the cache.
 */
export class RuntimeMetrics {
  readonly registry = new Registry();
  /**
   * Process and Node.js metrics, kept apart: the default labels would clash with
   * `nodejs_version_info{version}` (the Node.js version), and the pod's labels already identify them.
   */
  readonly processRegistry = new Registry();
  readonly requests: Counter<'code' | 'traffic'>;
  readonly duration: Histogram<'traffic'>;
  readonly timeToFirstToken: Histogram<'traffic'>;
  readonly tokens: Counter<'type' | 'traffic'>;
  readonly cache: Counter<'result'>;
  readonly inFlight: Gauge<'traffic'>;
  /** Cost of the tokens the engine reported, in `currency`; only with pricing (PRICE_*). */
  readonly cost: Counter<'currency' | 'traffic'> | undefined;
  /** Answered choices by finish reason (finish-reasons.ts); truncation-rate divides by them. */
  readonly finishReasons: Counter<'reason' | 'traffic'>;
  /**
   * Tokens an API key (by its name, never its material) used in the current UTC `period` (`day`,
   * `month`) of its budget, as this replica last learnt from Redis (chat-budget.ts). Every replica
   * reports the shared count as it last saw it, so dashboards take the max over replicas.
   */
  readonly budgetTokensUsed: Gauge<'key' | 'period'>;
  /** Requests refused because an API key's budget for `period` could not admit them. */
  readonly budgetExceeded: Counter<'key' | 'period'>;
  /** Spans lost on their way to the collector: the export queue was full, or their export failed. */
  readonly tracingSpansDropped: Counter;
  /**
   * Sessions moved from the version they were pinned to (`from`) to this one (`to`), by `reason`
   * (version_left, forward_failed, invalid_pin; session-affinity.ts).
   */
  readonly sessionSwitches: Counter<'from' | 'to' | 'reason'>;
  /** Turns of sessions pinned to another version sent on to it (`to`), by `outcome` (ok, failed). */
  readonly sessionForwards: Counter<'to' | 'outcome'>;
  /** Time a forwarded turn took to its response headers: what the hop adds. */
  readonly sessionForwardDuration: Histogram;
  /** Turns served where the mesh sent them because the session pins could not be read (Redis down). */
  readonly sessionAffinityDegraded: Counter;
  /** Runs before each scrape of budgetTokensUsed: zeroes the keys whose period has turned since. */
  onBudgetScrape: () => void = () => undefined;

  constructor(
    labels: MetricLabels,
    options: {
      readonly processMetrics?: boolean;
      /** The currency of PRICE_*: registers the cost counter. @default none (no pricing, no cost) */
      readonly costCurrency?: string;
    } = {},
  ) {
    this.registry.setDefaultLabels({ agent: labels.agent, model: labels.model, version: labels.version });
    const registers = [this.registry];
    this.requests = new Counter({
      name: 'ai_inference_requests_total',
      help: 'Chat completion requests by outcome status code and traffic (live, shadow or evaluation).',
      labelNames: ['code', 'traffic'],
      registers,
    });
    this.duration = withExemplars(
      new Histogram({
        name: 'ai_inference_request_duration_seconds',
        help: 'Time from request to the last byte of the answer.',
        labelNames: ['traffic'],
        buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 40, 80],
        registers: [],
        enableExemplars: true,
      }),
      this.registry,
    );
    this.timeToFirstToken = withExemplars(
      new Histogram({
        name: 'ai_inference_time_to_first_token_seconds',
        help: 'Time from request to the first generated token of a streamed answer (a non-streamed one arrives whole: see the request duration).',
        labelNames: ['traffic'],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        registers: [],
        enableExemplars: true,
      }),
      this.registry,
    );
    this.tokens = new Counter({
      name: 'ai_inference_tokens_total',
      help: 'Tokens processed, as reported by the engine.',
      labelNames: ['type', 'traffic'],
      registers,
    });
    this.cache = new Counter({
      name: 'ai_inference_cache_requests_total',
      help: 'Response cache lookups for deterministic requests.',
      labelNames: ['result'],
      registers,
    });
    this.inFlight = new Gauge({
      name: 'ai_inference_in_flight_requests',
      help: 'Chat completion requests being served now.',
      labelNames: ['traffic'],
      registers,
    });
    this.cost =
      options.costCurrency === undefined
        ? undefined
        : new Counter({
            name: 'ai_inference_cost_total',
            help: 'Cost of the tokens the engine reported (prompt at the input price, completion at the output price), in currency units; cache hits cost nothing.',
            labelNames: ['currency', 'traffic'],
            registers,
          });
    this.finishReasons = new Counter({
      name: 'ai_inference_finish_reasons_total',
      help: 'Answered choices by finish reason as the engine reported it (stop, length, tool_calls, content_filter, function_call; other for any other, unknown for none); cache hits count the reason of the answer they repeat.',
      labelNames: ['reason', 'traffic'],
      registers,
    });
    this.budgetTokensUsed = new Gauge({
      name: 'ai_budget_tokens_used',
      help: "Tokens (prompt + completion) an API key used in the current UTC day or month of its budget, by the key's name.",
      labelNames: ['key', 'period'],
      registers,
      // Runs on every scrape, before the values are read.
      collect: () => this.onBudgetScrape(),
    });
    this.budgetExceeded = new Counter({
      name: 'ai_budget_exceeded_total',
      help: "Requests refused with 429 budget_exceeded because an API key's token budget for the period could not admit them.",
      labelNames: ['key', 'period'],
      registers,
    });
    this.tracingSpansDropped = new Counter({
      name: 'ai_tracing_spans_dropped_total',
      help: 'Spans never exported: the export queue (OTEL_BSP_MAX_QUEUE_SIZE) was full or their export failed; 0 while tracing is off.',
      registers,
    });
    this.sessionSwitches = new Counter({
      name: 'ai_session_version_switches_total',
      help: 'Sessions moved from the version they were pinned to (from) to this one (to): version_left (the pinned version no longer serves), forward_failed (it could not be reached), invalid_pin (the pin was no version).',
      labelNames: ['from', 'to', 'reason'],
      registers,
    });
    this.sessionForwards = new Counter({
      name: 'ai_session_forwards_total',
      help: 'Turns of sessions pinned to another version (to) forwarded to it once through the mesh, by outcome (ok: a runtime answered; failed: served here instead).',
      labelNames: ['to', 'outcome'],
      registers,
    });
    this.sessionForwardDuration = new Histogram({
      name: 'ai_session_forward_duration_seconds',
      help: 'Time a forwarded turn took to the response headers of the pinned version: the latency the hop adds.',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.sessionAffinityDegraded = new Counter({
      name: 'ai_session_affinity_degraded_total',
      help: 'Turns served where the mesh sent them, without their session pin, because Redis could not be asked.',
      registers,
    });
    // Zero-valued series from the start, so rate() and absent() behave before the first request.
    // For shadow traffic too: in a shadow stage, the mirrored copies are all a new version serves;
    // and for evaluation traffic, all a version serves before its first user request.
    for (const result of ['hit', 'miss']) this.cache.inc({ result }, 0);
    for (const traffic of TRAFFIC) {
      for (const type of ['prompt', 'completion']) this.tokens.inc({ type, traffic }, 0);
      // The answers every per-request check divides by (error rate, cost and tokens per request),
      // and the truncation rate's: there from the start, every one of them counts from the first.
      this.requests.inc({ code: '200', traffic }, 0);
      for (const reason of ['stop', 'length']) this.finishReasons.inc({ reason, traffic }, 0);
      if (options.costCurrency !== undefined) {
        this.cost?.inc({ currency: options.costCurrency, traffic }, 0);
      }
      // The server errors an error-rate analysis counts: a counter series that first appears with
      // its first error hides that error from rate(), delaying a canary's rollback by a scrape.
      for (const code of SERVER_ERROR_CODES) this.requests.inc({ code, traffic }, 0);
      this.duration.zero({ traffic });
      this.timeToFirstToken.zero({ traffic });
      this.inFlight.set({ traffic }, 0);
    }
    if (options.processMetrics ?? true) {
      collectDefaultMetrics({ register: this.processRegistry });
      // Gauges named *_total break Prometheus naming rules (promtool flags them); the per-type
      // gauges nodejs_active_{handles,requests,resources} carry the same information.
      for (const name of [
        'nodejs_active_handles_total',
        'nodejs_active_requests_total',
        'nodejs_active_resources_total',
      ]) {
        this.processRegistry.removeSingleMetric(name);
      }
    }
  }

  /**
   * The exposition for GET /metrics: the Prometheus text format, or OpenMetrics, the only one that
   * carries the latency histograms' exemplars. Expositions run one at a time (see openMetrics).
   */
  render(format: MetricsFormat = 'text'): Promise<{ contentType: string; body: string }> {
    const next = this.exposition.then(() => (format === 'openmetrics' ? this.openMetrics() : this.text()));
    this.exposition = next.catch(() => undefined);
    return next;
  }

  private exposition: Promise<unknown> = Promise.resolve();

  private async text(): Promise<{ contentType: string; body: string }> {
    const [own, process] = await Promise.all([this.registry.metrics(), this.processRegistry.metrics()]);
    return { contentType: this.registry.contentType, body: process === '' ? own : `${own}\n${process}` };
  }

  /**
   * prom-client writes OpenMetrics from a registry switched to that content type, and renames every
   * counter on the way (the family loses `_total`, the samples keep it). Both are put back at the
   * end, so the next text exposition is what it always was; since expositions never overlap, none
   * sees another's names or content type.
   */
  private async openMetrics(): Promise<{ contentType: string; body: string }> {
    const registries: Registry<RegistryContentType>[] = [this.registry, this.processRegistry];
    const names = registries.flatMap((r) => r.getMetricsAsArray()).map((m) => [m, m.name] as const);
    try {
      for (const r of registries) r.setContentType(Registry.OPENMETRICS_CONTENT_TYPE);
      const parts = await Promise.all(registries.map((r) => r.metrics()));
      // Each part ends with `# EOF`; the exposition has one, at its very end.
      const families = parts.map((p) => p.replace(/\n?# EOF\n$/, '')).filter((p) => p !== '');
      return { contentType: Registry.OPENMETRICS_CONTENT_TYPE, body: `${families.join('\n')}\n# EOF\n` };
    } finally {
      for (const r of registries) r.setContentType(Registry.PROMETHEUS_CONTENT_TYPE);
      for (const [metric, name] of names) (metric as { name: string }).name = name;
    }
  }
}

/** `text`: the Prometheus text format 0.0.4; `openmetrics`: OpenMetrics 1.0, with exemplars. */
export type MetricsFormat = 'text' | 'openmetrics';

/**
 * Observes a latency with the request's trace as its exemplar (`trace_id`), when it has one: a
 * slow bucket then links to a trace of a request that landed in it.
 */
export function observeLatency(
  histogram: Histogram<'traffic'>,
  traffic: Traffic,
  seconds: number,
  traceId: string | undefined,
): void {
  if (traceId === undefined) histogram.observe({ traffic }, seconds);
  else {
    // prom-client types exemplar labels as the metric's own label names; any name is valid.
    const exemplarLabels = { trace_id: traceId } as unknown as LabelValues<'traffic'>;
    histogram.observe({ labels: { traffic }, value: seconds, exemplarLabels });
  }
}

/**
 * A histogram with exemplars on, registered in `registry`. prom-client refuses exemplars on a
 * registry that renders the text format, though that format just leaves them out, so the histogram
 * is registered by hand. prom-client then accepts only the object form of observe(): the plain forms
 * (`observe(labels, value)`, `observe(value)`) are kept working over it.
 */
function withExemplars<T extends string>(histogram: Histogram<T>, registry: Registry): Histogram<T> {
  registry.registerMetric(histogram);
  const observeData = histogram.observe.bind(histogram) as (data: ObserveDataWithExemplar<T>) => void;
  histogram.observe = ((first: LabelValues<T> | ObserveDataWithExemplar<T> | number, value?: number) => {
    if (typeof first === 'number') observeData({ value: first });
    else if (value !== undefined) observeData({ labels: first as LabelValues<T>, value });
    else observeData(first as ObserveDataWithExemplar<T>);
  }) as Histogram<T>['observe'];
  return histogram;
}
