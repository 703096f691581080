import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
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

  constructor(labels: MetricLabels, options: { readonly processMetrics?: boolean } = {}) {
    this.registry.setDefaultLabels({ agent: labels.agent, model: labels.model, version: labels.version });
    const registers = [this.registry];
    this.requests = new Counter({
      name: 'ai_inference_requests_total',
      help: 'Chat completion requests by outcome status code and traffic (live, shadow or evaluation).',
      labelNames: ['code', 'traffic'],
      registers,
    });
    this.duration = new Histogram({
      name: 'ai_inference_request_duration_seconds',
      help: 'Time from request to the last byte of the answer.',
      labelNames: ['traffic'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 40, 80],
      registers,
    });
    this.timeToFirstToken = new Histogram({
      name: 'ai_inference_time_to_first_token_seconds',
      help: 'Time from request to the first generated token (streaming and non-streaming).',
      labelNames: ['traffic'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
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
    // Zero-valued series from the start, so rate() and absent() behave before the first request.
    // For shadow traffic too: in a shadow stage, the mirrored copies are all a new version serves;
    // and for evaluation traffic, all a version serves before its first user request.
    for (const result of ['hit', 'miss']) this.cache.inc({ result }, 0);
    for (const traffic of TRAFFIC) {
      for (const type of ['prompt', 'completion']) this.tokens.inc({ type, traffic }, 0);
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

  /** Text exposition for GET /metrics. */
  async render(): Promise<{ contentType: string; body: string }> {
    const [own, process] = await Promise.all([this.registry.metrics(), this.processRegistry.metrics()]);
    return { contentType: this.registry.contentType, body: process === '' ? own : `${own}\n${process}` };
  }
}
