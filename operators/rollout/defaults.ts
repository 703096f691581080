/**
 * Defaults of the promotion policy, used when neither ModelVersion.spec.promotion nor
 * AIModel.spec.rollout sets a field. Durations are milliseconds; weights are percent of traffic.
 */
import type { NoDataPolicy } from '../analysis/types.js';

/** Canary weights walked in order, then promotion to 100%: a small first step limits the blast radius. */
export const DefaultStepWeights: readonly number[] = Object.freeze([10, 25, 50]);

/** How long each step is held at least (milliseconds); 0 means one passing analysis is enough. */
export const DefaultStepPauseMs = 0;

/** Time between two analyses, and the PromQL window each looks back over (milliseconds): 1m. */
export const DefaultIntervalMs = 60_000;

/** Failed analyses tolerated over the whole rollout; one more rolls back. */
export const DefaultFailureLimit = 1;

/** Consecutive inconclusive analyses after which the rollout pauses (and waits for data). */
export const DefaultInconclusiveLimit = 3;

/**
 * Longest time without progress (milliseconds): 10m. Deploying must become Available within it, and
 * a rollout whose analyses stay inconclusive is rolled back once it has passed nothing for this long.
 */
export const DefaultProgressDeadlineMs = 600_000;

/** Analysis at 100% after promotion (milliseconds): 5m; a failure in it rolls back at once. */
export const DefaultBakeWindowMs = 300_000;

/** How long the previous stable is kept warm after a promotion, for instant rollback (milliseconds): 1h. */
export const DefaultRollbackWindowMs = 3_600_000;

/** `Auto` promotes after the last step; `Manual` waits there for `promote`. */
export const DefaultMode = 'Auto' as const;

/** Requests a version must serve in the window before a check can pass. */
export const DefaultMinSamples = 10;

/** What a check does when its query returns nothing. */
export const DefaultNoData: NoDataPolicy = 'Inconclusive';

/** Analyses kept in status (most recent last). */
export const DefaultAnalysisHistory = 10;

/** Built-in checks used when the policy declares none: errors under 1%, p95 latency at most 25% above stable. */
export const DefaultErrorRateMax = 0.01;
export const DefaultLatencyMaxIncrease = 0.25;

/** Requeue period while waiting on something with no deadline of its own (milliseconds). */
export const DefaultWaitRequeueMs = 10_000;

/** Requeue period while rolling back, so weight 0 is observed promptly (milliseconds). */
export const DefaultRollbackRequeueMs = 2_000;
