/**
 * The built-in checks: PromQL over the runtime's own metrics (runtime/metrics.ts), scoped to one
 * version. Series carry `agent`, `model` and `version` from the runtime itself and `namespace` from
 * the scrape (the ServiceMonitor's target labels), so the selector below finds exactly one version
 * of one model in one namespace, however many pods serve it. Every query, and the sample count
 * `minSamples` is compared with, leaves out evaluation traffic (`traffic="evaluation"`: the cases of
 * an evaluation run, which has a verdict of its own). A last-step evaluation runs its golden set
 * against the canary while its analysis window is still open: counted in, a hard or slow case would
 * fail a healthy canary, a burst of easy ones would dilute its real errors, and either would fill
 * `minSamples` with requests no user sent. Mirrored (shadow) requests stay in: in a shadow stage
 * they are all a new version serves.
 *
 * Each query returns one value, or nothing / NaN when the version served no traffic in the window
 * (the provider records that as NoData):
 *
 * | builtin            | value                                            | unit           | better |
 * |--------------------|--------------------------------------------------|----------------|--------|
 * | error-rate         | 5xx requests / all requests                      | 0..1           | lower  |
 * | latency-p95        | p95 of request duration                          | seconds        | lower  |
 * | ttft-p95           | p95 of time to first token                       | seconds        | lower  |
 * | tokens-per-second  | completion tokens / seconds spent serving        | tokens/s       | higher |
 * | cost-per-request   | cost of the tokens used / answered requests      | currency units | lower  |
 * | tokens-per-request | prompt and completion tokens / answered requests | tokens         | lower  |
 * | truncation-rate    | answers cut at the token limit / all answers     | 0..1           | lower  |
 *
 * tokens-per-second divides by time spent serving, not by wall-clock time, so it measures generation
 * speed and does not depend on the share of traffic a version gets (a canary at 10% is comparable
 * with a stable at 90%). The error rate counts only 5xx as errors: 4xx are the caller's mistakes and
 * 499 is a caller that went away. The per-request checks divide by the answered (2xx) requests: a
 * refusal (429, 400) or a failure costs nothing, so counting it would make a version that fails or
 * refuses more look cheaper per answer. All three are ratios of rates, so they too compare a canary
 * at 10% with a stable at 90%. Cache hits are answered at no cost on both sides alike.
 * cost-per-request needs pricing on the version (`spec.runtime.pricing`): without it the runtime
 * counts no cost, and the check has no data. It sums the currencies, so stable and canary are to be
 * priced in the same one. truncation-rate counts answered choices by finish reason (`length` is an
 * answer stopped at max_tokens): a version that rambles until cut off shows here first.
 */
import type { BuiltinMetric } from '../../crds/api/index.js';
import type { QueryScope } from './template.js';

/** Whether a higher value is better; relative checks then bound the decrease instead of the increase. */
export const HIGHER_IS_BETTER: Readonly<Record<BuiltinMetric, boolean>> = Object.freeze({
  'error-rate': false,
  'latency-p95': false,
  'ttft-p95': false,
  'tokens-per-second': true,
  'cost-per-request': false,
  'tokens-per-request': false,
  'truncation-rate': false,
});

/** PromQL string literal: backslash and double quote escaped. */
function literal(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** `namespace="…",model="…"`: the labels that pick every version of one model. */
export function modelSelector(scope: Pick<QueryScope, 'namespace' | 'model'>): string {
  return `namespace=${literal(scope.namespace)},model=${literal(scope.model)}`;
}

/** `namespace="…",model="…",version="…"`: the labels that pick one version of one model. */
export function versionSelector(scope: Pick<QueryScope, 'namespace' | 'model' | 'version'>): string {
  return `${modelSelector(scope)},version=${literal(scope.version)}`;
}

/**
 * Leaves out evaluation runs' cases. `!=` rather than `=~"live|shadow"`, so series from runtimes
 * without the `traffic` label still count.
 */
export const NOT_EVALUATION = 'traffic!="evaluation"';

/** The requests a built-in check judges: one version's, evaluation cases left out. */
export function analysisSelector(scope: Pick<QueryScope, 'namespace' | 'model' | 'version'>): string {
  return `${versionSelector(scope)},${NOT_EVALUATION}`;
}

/** Requests that got an answer: what a per-request cost is the cost of. */
const ANSWERED = 'code=~"2.."';

/** The query of a built-in check for the version and window of `scope`. */
export function builtinQuery(name: BuiltinMetric, scope: QueryScope): string {
  const sel = analysisSelector(scope);
  const w = scope.interval;
  switch (name) {
    case 'error-rate':
      // `or vector(0)`: no 5xx series at all means no errors, not no data.
      return (
        `(sum(rate(ai_inference_requests_total{${sel},code=~"5.."}[${w}])) or vector(0))` +
        ` / sum(rate(ai_inference_requests_total{${sel}}[${w}]))`
      );
    case 'latency-p95':
      return `histogram_quantile(0.95, sum by (le) (rate(ai_inference_request_duration_seconds_bucket{${sel}}[${w}])))`;
    case 'ttft-p95':
      return `histogram_quantile(0.95, sum by (le) (rate(ai_inference_time_to_first_token_seconds_bucket{${sel}}[${w}])))`;
    case 'tokens-per-second':
      return (
        `sum(rate(ai_inference_tokens_total{${sel},type="completion"}[${w}]))` +
        ` / sum(rate(ai_inference_request_duration_seconds_sum{${sel}}[${w}]))`
      );
    case 'cost-per-request':
      return (
        `sum(rate(ai_inference_cost_total{${sel}}[${w}]))` +
        ` / sum(rate(ai_inference_requests_total{${sel},${ANSWERED}}[${w}]))`
      );
    case 'tokens-per-request':
      return (
        `sum(rate(ai_inference_tokens_total{${sel}}[${w}]))` +
        ` / sum(rate(ai_inference_requests_total{${sel},${ANSWERED}}[${w}]))`
      );
    case 'truncation-rate':
      return (
        `sum(rate(ai_inference_finish_reasons_total{${sel},reason="length"}[${w}]))` +
        ` / sum(rate(ai_inference_finish_reasons_total{${sel}}[${w}]))`
      );
  }
}

/** Requests the version served in the window (evaluation cases aside): what `minSamples` is compared with. */
export function requestCountQuery(scope: QueryScope): string {
  return `sum(increase(ai_inference_requests_total{${analysisSelector(scope)}}[${scope.interval}]))`;
}
