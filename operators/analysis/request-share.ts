/**
 * The effective request share: the percent of the model's live requests the measured version
 * served over the analysis window, measured once per analysis beside its checks and recorded in
 * status beside the weight (`status.requestShare`, `status.analysis[].requestShare`).
 *
 * It is a report for people, never an input of the rollout: decide() does not read it, so a low
 * share is neither a step not taken nor a lack of traffic. The weight decides where new requests
 * go; the share is where requests were served. The two part when something keeps requests where
 * they were: with session affinity a conversation stays on the version it started on, so old
 * sessions stay on the stable and the share lags the weight; when sessions outlast the whole
 * rollout the canary may see only new sessions until promotion. `minSamples` (with the progress
 * deadline) is what keeps the analysis honest then: too few requests make a check Inconclusive,
 * whatever the weight says.
 *
 * Only live requests count on both sides (`traffic="live"`): mirrored copies are not requests a user
 * waits for, and evaluation cases are the evaluation's. A request one runtime forwards to the
 * version a session is pinned to is counted once, by the runtime that served it.
 *
 * Example: weight 50, stable 69 requests/s, canary 31/s over the window → requestShare 31.
 */
import { modelSelector, versionSelector } from './builtins.js';
import type { Measurement, MetricsProvider } from './provider.js';
import type { QueryScope } from './template.js';

/** The request share of `scope.version` in its model over `scope.interval`, as a ratio 0..1. */
export function requestShareQuery(
  scope: Pick<QueryScope, 'namespace' | 'model' | 'version' | 'interval'>,
): string {
  const w = scope.interval;
  return (
    `sum(rate(ai_inference_requests_total{${versionSelector(scope)},traffic="live"}[${w}]))` +
    ` / sum(rate(ai_inference_requests_total{${modelSelector(scope)},traffic="live"}[${w}]))`
  );
}

/**
 * The measured ratio as a percent with one decimal (0..100); undefined when there is none: the
 * model served no live request in the window (the ratio is NaN, or there are no series) or the
 * query failed. Nothing depends on it, so a missing share is left out, not an error.
 */
export function requestSharePercent(measurement: Measurement): number | undefined {
  const ratio = measurement.value;
  if (measurement.error !== undefined || ratio === undefined || !Number.isFinite(ratio)) return undefined;
  return Math.round(Math.min(1, Math.max(0, ratio)) * 1000) / 10;
}

/** Runs the one query of the share and reads it as {@link requestSharePercent} does. */
export async function measureRequestShare(
  scope: Pick<QueryScope, 'namespace' | 'model' | 'version' | 'interval'>,
  provider: MetricsProvider,
): Promise<number | undefined> {
  return requestSharePercent(await provider.runQuery(requestShareQuery(scope)));
}
