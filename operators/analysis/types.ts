import type { BuiltinMetric, NoDataPolicy as ApiNoDataPolicy } from '../../crds/api/index.js';

/**
 * The outcome of one check, spelled as in ModelVersion.status.analysis. `Inconclusive` is never a
 * pass: it holds the rollout where it is.
 */
export type Verdict = 'Passed' | 'Failed' | 'Inconclusive';

/**
 * What a check does when its query returns no series: `Inconclusive` holds the step without
 * spending the failure budget (bounded by the progress deadline); `Fail` counts as a failed check.
 * Per metric (`analysis.metrics[].noData`), defaulting to the analysis-level `noData`.
 * @default 'Inconclusive'
 */
export type NoDataPolicy = ApiNoDataPolicy;

/** An absolute bound; either side may be open. */
export interface ThresholdRange {
  /** Lowest passing value (inclusive). @default no lower bound */
  readonly min?: number;
  /** Highest passing value (inclusive). @default no upper bound */
  readonly max?: number;
}

/** A bound relative to the stable version measured over the same window at the same time. */
export interface RelativeToStable {
  /**
   * Largest allowed increase over the stable value, in percent (as in the API): `20` lets the canary
   * be up to 20% above stable, `canary <= stable * (1 + maxIncrease / 100)`. For a metric where
   * higher is better (tokens-per-second) it bounds the decrease instead.
   */
  readonly maxIncrease: number;
}

/** One analysis check with every default resolved (see operators/rollout/policy.ts). */
export interface MetricCheck {
  /** Name shown in status and Events. */
  readonly name: string;
  /** A built-in query; exactly one of `builtin` and `query` is set. */
  readonly builtin?: BuiltinMetric;
  /** Custom PromQL with `{{namespace}}`, `{{model}}`, `{{version}}`, `{{interval}}` placeholders. */
  readonly query?: string;
  /** Absolute bound. @default none */
  readonly thresholdRange?: ThresholdRange;
  /** Relative bound against stable. @default none */
  readonly relativeToStable?: RelativeToStable;
  /** Fewer requests than this in the window make the check Inconclusive. @default DefaultMinSamples */
  readonly minSamples: number;
  /** Verdict when the query returns nothing. @default 'Inconclusive' */
  readonly noData: NoDataPolicy;
}

/** The threshold a check was judged against, recorded beside its value. */
export interface RecordedThreshold {
  readonly min?: number;
  readonly max?: number;
  readonly maxIncrease?: number;
}

/**
 * The decision report of one check: what was asked, what came back, what it was judged against and
 * why. Written to status and to an Event as is, so CI and people can read it.
 */
export interface CheckResult {
  /** The check's name (`MetricCheck.name`). */
  readonly metric: string;
  /** The PromQL that ran (placeholders filled in). */
  readonly query: string;
  /** The canary's value; absent when there was no data or the query failed. */
  readonly value?: number;
  /** The stable version's value, for relative checks. */
  readonly stableValue?: number;
  /** Requests the canary served in the window (the minSamples count), when known. */
  readonly samples?: number;
  readonly threshold: RecordedThreshold;
  /** The range the query looked back over, e.g. `1m`. */
  readonly window: string;
  readonly verdict: Verdict;
  /** One sentence a person understands, naming the numbers. */
  readonly reason: string;
}

/** One analysis: every check of the policy, measured for one version at one moment. */
export interface AnalysisRun {
  /** The version measured (ModelVersion.spec.version); results for another version are ignored. */
  readonly version: string;
  readonly checks: readonly CheckResult[];
  /**
   * Percent (0..100, one decimal) of the model's live requests the version served over the window;
   * absent when the model served none or the query failed. Reported, never judged (request-share.ts).
   */
  readonly requestShare?: number;
}

/**
 * The verdict of a whole run: any Fail fails it, else any Inconclusive makes it inconclusive,
 * else it passes (a run with no checks passes: the policy asked for none).
 */
export function runVerdict(checks: readonly CheckResult[]): Verdict {
  if (checks.some((c) => c.verdict === 'Failed')) return 'Failed';
  if (checks.some((c) => c.verdict === 'Inconclusive')) return 'Inconclusive';
  return 'Passed';
}
