/**
 * Defaults of the promotion policy, used when neither ModelVersion.spec.promotion nor
 * AIModel.spec.rollout sets a field. They come from the API's PROMOTION_DEFAULTS (one source of
 * truth, documented in the CRD field descriptions), converted here to the units the rollout logic
 * works in: durations in milliseconds, weights in percent of traffic.
 */
import { PROMOTION_DEFAULTS } from '../../crds/api/index.js';
import type { NoDataPolicy } from '../analysis/types.js';
import { parseDuration } from './duration.js';

/** Canary weights walked in order before promotion to 100% (percent): 10, 25, 50. */
export const DefaultStepWeights: readonly number[] = Object.freeze(
  PROMOTION_DEFAULTS.steps.map((s) => s.weight),
);

/** Least time each step is held (milliseconds): 0, one passing analysis is enough. */
export const DefaultStepPauseMs = 0;

/** Time between two analyses, and the window each looks back over (milliseconds): 1m. */
export const DefaultIntervalMs = parseDuration(PROMOTION_DEFAULTS.interval, 'PROMOTION_DEFAULTS.interval');

/** Failed analyses tolerated over the whole rollout; one more rolls back: 2. */
export const DefaultFailureLimit: number = PROMOTION_DEFAULTS.failureLimit;

/**
 * Failed analyses an experiment tolerates when the policy sets no failureLimit: none, since a
 * candidate that fails a gate is rolled back at once instead of waiting for the experiment's end.
 */
export const DefaultExperimentFailureLimit = 0;

/** Consecutive inconclusive analyses at which the rollout pauses and waits for data: 3. */
export const DefaultInconclusiveLimit: number = PROMOTION_DEFAULTS.inconclusiveLimit;

/**
 * Longest time without progress (milliseconds): 10m. Deploying must become Available within it, and
 * a rollout whose analyses stay inconclusive is rolled back once it has passed nothing for this long.
 */
export const DefaultProgressDeadlineMs = parseDuration(
  PROMOTION_DEFAULTS.progressDeadline,
  'PROMOTION_DEFAULTS.progressDeadline',
);

/**
 * How long the previous stable keeps running after a promotion (milliseconds): 5m, or the bake when
 * `bakeDuration` is longer. Without `bakeDuration` the bake runs for this same window: analysis
 * continues at 100% while the previous stable is still warm, so a failure can hand traffic straight
 * back to it (see policy.ts).
 */
export const DefaultScaleDownDelayMs = parseDuration(
  PROMOTION_DEFAULTS.scaleDownDelay,
  'PROMOTION_DEFAULTS.scaleDownDelay',
);

/** `Auto` promotes after the last step; `Manual` waits there for `promote`. */
export const DefaultMode: 'Auto' | 'Manual' = PROMOTION_DEFAULTS.mode;

/** Requests a version must serve in the window before a check can pass: 20. */
export const DefaultMinSamples: number = PROMOTION_DEFAULTS.minSamples;

/** What a check does when its query returns nothing: Inconclusive. */
export const DefaultNoData: NoDataPolicy = PROMOTION_DEFAULTS.noData;

/**
 * Analyses kept in status, oldest first: 20 (the schema's maximum). The progress deadline reads the
 * last passing analysis from this list, so it should cover more than one progress deadline.
 */
export const DefaultAnalysisHistory = 20;

/** Checks used when the policy declares none: errors at most 1%, p95 latency at most 25% above stable. */
export const DefaultErrorRateMax = 0.01;
/** Percent, as `relativeToStable.maxIncrease`. */
export const DefaultLatencyMaxIncrease = 25;

/** Requeue period while waiting on something with no deadline of its own (milliseconds). */
export const DefaultWaitRequeueMs = 10_000;

/** Requeue period while rolling back, so weight 0 is observed promptly (milliseconds). */
export const DefaultRollbackRequeueMs = 2_000;

/**
 * Least delay of the confirmation analysis that follows a failed one (milliseconds): 1s. Below it a
 * confirmation would read the very samples the failed analysis read (Prometheus rarely scrapes more
 * often than once a second), so it would confirm nothing. See `confirmationDelayMs` in decide.ts.
 */
export const MinConfirmationDelayMs = 1_000;

/**
 * Time an evaluation run is given past its timeout before it is Invalid (milliseconds): 1m. The Job's
 * activeDeadlineSeconds is the timeout, so its own deadline ends it first, with a result; the grace
 * covers the pod's shutdown and the Job's status reaching the operator.
 */
export const EvaluationGraceMs = 60_000;
