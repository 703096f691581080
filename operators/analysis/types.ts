/** The outcome of one check. `Inconclusive` is never a pass: it holds the rollout where it is. */
export type Verdict = 'Pass' | 'Fail' | 'Inconclusive';

/** What a check does when its query returns no series. @default 'Inconclusive' */
export type NoDataPolicy = 'Inconclusive' | 'Fail';

/** Names of the built-in checks, PromQL over the runtime's own metrics (see builtins.ts). */
export const BUILTIN_NAMES = ['error-rate', 'latency-p95', 'ttft-p95', 'tokens-per-second'] as const;
export type BuiltinName = (typeof BUILTIN_NAMES)[number];

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
   * Largest allowed increase over the stable value, as a fraction: `0.2` lets the canary be up to 20%
   * higher than stable (`canary <= stable * (1 + maxIncrease)`).
   */
  readonly maxIncrease: number;
}

/** One analysis check with every default resolved (see operators/rollout/policy.ts). */
export interface MetricCheck {
  /** Name shown in status and Events. */
  readonly name: string;
  /** A built-in query; exactly one of `builtin` and `query` is set. */
  readonly builtin?: BuiltinName;
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
}

/**
 * The verdict of a whole run: any Fail fails it, else any Inconclusive makes it inconclusive,
 * else it passes (a run with no checks passes: the policy asked for none).
 */
export function runVerdict(checks: readonly CheckResult[]): Verdict {
  if (checks.some((c) => c.verdict === 'Fail')) return 'Fail';
  if (checks.some((c) => c.verdict === 'Inconclusive')) return 'Inconclusive';
  return 'Pass';
}
