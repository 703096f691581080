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
import type { Measurement, MetricsProvider } from './provider.js';
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
}

/** Runs every check of a policy for one version, in parallel, sharing one request count. */
export async function runAnalysis(
  checks: readonly MetricCheck[],
  scope: AnalysisScope,
  provider: MetricsProvider,
): Promise<AnalysisRun> {
  const samples = checks.some((c) => c.minSamples > 0)
    ? await provider.runQuery(requestCountQuery(queryScope(scope, scope.version)))
    : undefined;
  const results = await Promise.all(checks.map((check) => evaluateCheck(check, scope, provider, samples)));
  return { version: scope.version, checks: results };
}

/**
 * Judges one check.
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
  const canaryScope = queryScope(scope, scope.version);
  const field = `analysis.metrics[${check.name}].query`;
  let query: string;
  try {
    query =
      check.builtin !== undefined
        ? builtinQuery(check.builtin, canaryScope)
        : renderTemplate(check.query ?? '', canaryScope, field);
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
  let count: number | undefined;
  if (check.minSamples > 0) {
    const m = samples ?? (await provider.runQuery(requestCountQuery(canaryScope)));
    if (m.error !== undefined && m.error.code !== 'NoData') {
      return result('Inconclusive', `cannot count requests: ${m.error.message}`);
    }
    count = Math.round(m.value ?? 0);
    if (count < check.minSamples) {
      return result(
        'Inconclusive',
        `${count} requests in ${window}, fewer than minSamples ${check.minSamples}`,
        {
          samples: count,
        },
      );
    }
  }
  const withSamples = count === undefined ? {} : { samples: count };

  // 3. The canary's value; a stable value for a relative check is asked for at the same moment.
  const relative = check.relativeToStable;
  const hasStable = scope.stableVersion !== undefined && scope.stableVersion !== scope.version;
  const stableMeasurement =
    relative !== undefined && hasStable
      ? provider.runQuery(
          check.builtin !== undefined
            ? builtinQuery(check.builtin, queryScope(scope, scope.stableVersion as string))
            : renderTemplate(check.query ?? '', queryScope(scope, scope.stableVersion as string), field),
        )
      : undefined;
  const canary = await provider.runQuery(query);
  if (canary.error !== undefined) {
    if (canary.error.code === 'NoData') {
      return result(
        check.noData === 'Fail' ? 'Failed' : 'Inconclusive',
        `no data (${canary.error.message}); noData is ${check.noData}`,
        withSamples,
      );
    }
    return result('Inconclusive', `query failed: ${canary.error.message}`, withSamples);
  }
  const value = canary.value as number;
  const measured = { ...withSamples, value };

  // 4. Absolute bounds.
  const range = check.thresholdRange;
  if (range?.min !== undefined && value < range.min) {
    return result('Failed', `${fmt(value)} < min ${fmt(range.min)}`, measured);
  }
  if (range?.max !== undefined && value > range.max) {
    return result('Failed', `${fmt(value)} > max ${fmt(range.max)}`, measured);
  }

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
    const compared = { ...measured, stableValue };
    const higherIsBetter = check.builtin !== undefined && HIGHER_IS_BETTER[check.builtin];
    const factor = relative.maxIncrease / 100;
    if (higherIsBetter) {
      const floor = stableValue * (1 - factor);
      if (value < floor) {
        return result(
          'Failed',
          `${fmt(value)} < stable ${fmt(stableValue)} −${relative.maxIncrease}% = ${fmt(floor)}`,
          compared,
        );
      }
      return result(
        'Passed',
        `${fmt(value)} >= stable ${fmt(stableValue)} −${relative.maxIncrease}% = ${fmt(floor)}${rangeText(check)}`,
        compared,
      );
    }
    const ceiling = stableValue * (1 + factor);
    if (value > ceiling) {
      return result(
        'Failed',
        `${fmt(value)} > stable ${fmt(stableValue)} +${relative.maxIncrease}% = ${fmt(ceiling)}`,
        compared,
      );
    }
    return result(
      'Passed',
      `${fmt(value)} <= stable ${fmt(stableValue)} +${relative.maxIncrease}% = ${fmt(ceiling)}${rangeText(check)}`,
      compared,
    );
  }
  const bounds = boundsText(check);
  return result(
    'Passed',
    bounds === '' ? `${fmt(value)}; no bounds set` : `${fmt(value)} within ${bounds}`,
    measured,
  );
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
