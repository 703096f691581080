/**
 * Evaluation gates, the I/O side (the logic is decide()'s, operators/rollout): the ModelVersion
 * controller observes the Job of a running evaluation and its pod's result from the caches, creates
 * the Job a run needs, deletes the ones no run needs any more, and is queued by their ends.
 */
export { EVALUATION_JOBS, EVALUATION_PODS } from './cache.js';
export {
  JOB_NAME_LABELS,
  evalTermination,
  evaluationProblemOf,
  jobEnd,
  jobNameOfPod,
  observeJob,
  observeRunningEvaluation,
  ownedBy,
  type JobEnd,
  type Termination,
} from './observe.js';
export { syncEvaluationJobs, type EvaluationJobsDeps, type EvaluationJobsTarget } from './jobs.js';
export { evaluationWatches, jobEndChanged, owningVersion, podEndChanged } from './watches.js';
