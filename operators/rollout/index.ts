/** Rollout logic: the pure decision, its policy, state in status, capacity rule and metrics. */
export * from './analysis-bookkeeping.js';
export * from './canary-capacity.js';
export * from './decide.js';
export * from './defaults.js';
export * from './duration.js';
export * from './metrics.js';
export * from './policy.js';
export * from './reasons.js';
export * from './siblings.js';
export * from './status.js';
export * from './types.js';
