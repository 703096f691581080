/**
 * Judges one check: runs its query for the canary (and for the stable version when the check is
 * relative), then compares. The result is a decision report (query, value, stable value, samples,
 * threshold, window, verdict, reason) written to status and to an Event as is.
 *
 * Rules, in order; the first that applies decides:
 * 1. The request count of the canary in the window cannot be read → Inconclusive.
 * 2. Fewer requests than `minSamples` → Inconclusive: too little traffic is never a pass.
 * 3. The canary query fails (unreachable, refused, HTTP error) → Inconclusive; it returns no data
 *    (no series or NaN) → the check's `noData` policy (Inconclusive, or Failed).
 * 4. `thresholdRange`: `min <= value <= max` (either side optional) or Failed.
 * 5. `relativeToStable` (needs the stable's value; without it Inconclusive):
 *    lower-is-better metrics: `value <= stable × (1 + maxIncrease/100)`;
 *    higher-is-better metrics (tokens-per-second): `value >= stable × (1 − maxIncrease/100)`.
 * 6. Otherwise Passed.
 *
 * Example: error-rate, max 0.01, minSamples 20, window 1m. The canary served 57 requests, 2 of them
 * 5xx → value 0.0351 > max 0.01 → Failed, reason "0.0351 > max 0.01". Had it served 12 requests the
 * verdict would be Inconclusive: "12 requests in 1m, fewer than minSamples 20".
 */
import { formatDuration } from '../rollout/duration.js';
import { builtinQuery, HIGHER_IS_BETTER, requestCountQuery } from './builtins.js';
import type { MetricsError } from './errors.js';
import type { Measurement, MetricsProvider } from './provider.js';
import { measureRequestShare } from './request-share.js';
import { renderTemplate, type QueryScope } from './template.js';
import type { AnalysisRun, CheckResult, MetricCheck, RecordedThreshold, Verdict } from './types.js';

/** Whose metrics an analysis reads, and over what window. */
export interface AnalysisScope {
  readonly namespace: string;
  readonly model: string;
  readonly agent: string;
  /** The version being judged (the canary, or the promoted version during its bake). */
  readonly version: string;
  /** The version relative checks compare with; absent when there is none. */
  readonly stableVersion?: string;
  /** The window (milliseconds): the analysis interval. */
  readonly intervalMs: number;
  /**
   * Measure the stable version for every check, not only relative ones, and record its value: an
   * experiment reports candidate and stable side by side on every metric. @default false
   */
  readonly measureStable?: boolean;
}

/**
 * Runs every check of a policy for one version, in parallel, sharing one request count, and
 * measures the version's request share beside them (one query more, reported, never judged).
 */
export async function runAnalysis(
  checks: readonly MetricCheck[],
  scope: AnalysisScope,
  provider: MetricsProvider,
): Promise<AnalysisRun> {
  const share = measureRequestShare(queryScope(scope, scope.version), provider);
  const samples = checks.some((c) => c.minSamples > 0)
    ? await provider.runQuery(requestCountQuery(queryScope(scope, scope.version)))
    : undefined;
  const results = await Promise.all(checks.map((check) => evaluateCheck(check, scope, provider, samples)));
  const requestShare = await share;
  return { version: scope.version, checks: results, ...(requestShare === undefined ? {} : { requestShare }) };
}

/**
 * Judges one check, by the rules of the module comment.
 * @param samples the canary's request count, when the caller already measured it
 */
export async function evaluateCheck(
  check: MetricCheck,
  scope: AnalysisScope,
  provider: MetricsProvider,
  samples?: Measurement,
): Promise<CheckResult> {
  const window = formatDuration(scope.intervalMs);
  const threshold = recordedThreshold(check);
  let query: string;
  try {
    query = checkQuery(check, scope, scope.version);
  } catch (error) {
    return {
      metric: check.name,
      query: check.query ?? '',
      threshold,
      window,
      verdict: 'Inconclusive',
      reason: (error as Error).message,
    };
  }
  const base = { metric: check.name, query, threshold, window };
  const result = (verdict: Verdict, reason: string, extra: Partial<CheckResult> = {}): CheckResult => ({
    ...base,
    ...extra,
    verdict,
    reason,
  });

  // 1–2. Enough traffic to judge?
  const traffic = await requestCount(check, scope, provider, samples, window);
  const withSamples = traffic.count === undefined ? {} : { samples: traffic.count };
  if (traffic.inconclusive !== undefined) return result('Inconclusive', traffic.inconclusive, withSamples);

  // 3. The canary's value; a stable value for a relative check is asked for at the same moment.
  const relative = check.relativeToStable;
  const hasStable = scope.stableVersion !== undefined && scope.stableVersion !== scope.version;
  const stableMeasurement =
    (relative !== undefined || scope.measureStable === true) && hasStable
      ? provider.runQuery(checkQuery(check, scope, scope.stableVersion as string))
      : undefined;
  const canary = await provider.runQuery(query);
  if (canary.error !== undefined) {
    const unmeasured = unmeasuredVerdict(check, canary.error);
    return result(unmeasured.verdict, unmeasured.reason, withSamples);
  }
  const value = canary.value as number;
  const measured = { ...withSamples, value };

  // 4. Absolute bounds.
  const outside = outsideRange(check, value);
  if (outside !== undefined) return result('Failed', outside, { ...measured, ...(await stableSide()) });

  // 5. Relative to stable, measured over the same window at the same time.
  if (relative !== undefined) {
    if (stableMeasurement === undefined) {
      return result('Inconclusive', 'no stable version to compare with', measured);
    }
    const stable = await stableMeasurement;
    if (stable.error !== undefined) {
      return result('Inconclusive', `stable ${scope.stableVersion}: ${stable.error.message}`, measured);
    }
    const stableValue = stable.value as number;
    const judged = judgeRelative(check, relative, value, stableValue);
    return result(judged.verdict, judged.reason, { ...measured, stableValue });
  }

  // 6. Passed.
  const bounds = boundsText(check);
  return result('Passed', bounds === '' ? `${fmt(value)}; no bounds set` : `${fmt(value)} within ${bounds}`, {
    ...measured,
    ...(await stableSide()),
  });

  /** The stable's value beside an absolute check's, when asked for and measured. */
  async function stableSide(): Promise<{ stableValue?: number }> {
    if (stableMeasurement === undefined) return {};
    const stable = await stableMeasurement;
    return stable.error === undefined ? { stableValue: stable.value as number } : {};
  }
}

/** The check's query for `version`: its builtin, or its template rendered. */
function checkQuery(check: MetricCheck, scope: AnalysisScope, version: string): string {
  const versionScope = queryScope(scope, version);
  return check.builtin !== undefined
    ? builtinQuery(check.builtin, versionScope)
    : renderTemplate(check.query ?? '', versionScope, `analysis.metrics[${check.name}].query`);
}

/**
 * Rules 1–2: the canary's request count in the window (when the check needs one), and why it is
 * Inconclusive when the count cannot be read or is below `minSamples`.
 */
async function requestCount(
  check: MetricCheck,
  scope: AnalysisScope,
  provider: MetricsProvider,
  samples: Measurement | undefined,
  window: string,
): Promise<{ readonly count?: number; readonly inconclusive?: string }> {
  if (!(check.minSamples > 0)) return {};
  const m = samples ?? (await provider.runQuery(requestCountQuery(queryScope(scope, scope.version))));
  if (m.error !== undefined && m.error.code !== 'NoData') {
    return { inconclusive: `cannot count requests: ${m.error.message}` };
  }
  const count = Math.round(m.value ?? 0);
  return count < check.minSamples
    ? { count, inconclusive: `${count} requests in ${window}, fewer than minSamples ${check.minSamples}` }
    : { count };
}

/** Rule 3 without a value: no data follows the check's `noData`; a failed query is Inconclusive. */
function unmeasuredVerdict(
  check: MetricCheck,
  error: MetricsError,
): { readonly verdict: Verdict; readonly reason: string } {
  return error.code === 'NoData'
    ? {
        verdict: check.noData === 'Fail' ? 'Failed' : 'Inconclusive',
        reason: `no data (${error.message}); noData is ${check.noData}`,
      }
    : { verdict: 'Inconclusive', reason: `query failed: ${error.message}` };
}

/** Rule 4: why `value` is outside the check's `thresholdRange`, or undefined when it is within. */
function outsideRange(check: MetricCheck, value: number): string | undefined {
  const range = check.thresholdRange;
  if (range?.min !== undefined && value < range.min) return `${fmt(value)} < min ${fmt(range.min)}`;
  if (range?.max !== undefined && value > range.max) return `${fmt(value)} > max ${fmt(range.max)}`;
  return undefined;
}

/**
 * Rule 5, once both values are in: at most `maxIncrease` percent above the stable value, or, for a
 * higher-is-better metric, at most that much below it.
 */
function judgeRelative(
  check: MetricCheck,
  relative: NonNullable<MetricCheck['relativeToStable']>,
  value: number,
  stableValue: number,
): { readonly verdict: Verdict; readonly reason: string } {
  const higherIsBetter = check.builtin !== undefined && HIGHER_IS_BETTER[check.builtin];
  const factor = relative.maxIncrease / 100;
  if (higherIsBetter) {
    const floor = stableValue * (1 - factor);
    return value < floor
      ? {
          verdict: 'Failed',
          reason: `${fmt(value)} < stable ${fmt(stableValue)} −${relative.maxIncrease}% = ${fmt(floor)}`,
        }
      : {
          verdict: 'Passed',
          reason: `${fmt(value)} >= stable ${fmt(stableValue)} −${relative.maxIncrease}% = ${fmt(floor)}${rangeText(check)}`,
        };
  }
  const ceiling = stableValue * (1 + factor);
  return value > ceiling
    ? {
        verdict: 'Failed',
        reason: `${fmt(value)} > stable ${fmt(stableValue)} +${relative.maxIncrease}% = ${fmt(ceiling)}`,
      }
    : {
        verdict: 'Passed',
        reason: `${fmt(value)} <= stable ${fmt(stableValue)} +${relative.maxIncrease}% = ${fmt(ceiling)}${rangeText(check)}`,
      };
}

function queryScope(scope: AnalysisScope, version: string): QueryScope {
  return {
    namespace: scope.namespace,
    model: scope.model,
    agent: scope.agent,
    version,
    interval: formatDuration(scope.intervalMs),
  };
}

function recordedThreshold(check: MetricCheck): RecordedThreshold {
  return {
    ...(check.thresholdRange?.min === undefined ? {} : { min: check.thresholdRange.min }),
    ...(check.thresholdRange?.max === undefined ? {} : { max: check.thresholdRange.max }),
    ...(check.relativeToStable === undefined ? {} : { maxIncrease: check.relativeToStable.maxIncrease }),
  };
}

/** `min 0, max 0.01`: the absolute bounds of a check, or '' when it has none. */
function boundsText(check: MetricCheck): string {
  const parts: string[] = [];
  if (check.thresholdRange?.min !== undefined) parts.push(`min ${fmt(check.thresholdRange.min)}`);
  if (check.thresholdRange?.max !== undefined) parts.push(`max ${fmt(check.thresholdRange.max)}`);
  return parts.join(', ');
}

/** `; within min 0, max 0.01` when a relative check also had absolute bounds that held. */
function rangeText(check: MetricCheck): string {
  const bounds = boundsText(check);
  return bounds === '' ? '' : `; within ${bounds}`;
}

/** Four significant digits: enough to read, short enough for an Event. */
function fmt(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(4))) : String(value);
}
