/**
 * The evaluation runs kept in a rollout's state (status.evaluations), pure: which run is the latest,
 * which belong to the rollout under way, the next attempt at a gate, and the list kept within the
 * schema's bound.
 *
 * A run's Job is named after its gate and attempt (`soer-v2-eval-pre-1`), and the controller finds
 * the Job by that name. Finished Jobs are kept (their logs) until the ModelVersion goes, so a new run
 * must never reuse an earlier attempt's name: attempts count on over `retry`, and the list keeps the
 * last run of each gate (the highest attempt) whatever else it drops.
 */
import type { EvaluationGate, EvaluationRunStatus } from '../../crds/api/index.js';
import { epochMs as ms } from './duration.js';
import type { RolloutState } from './types.js';

/** Runs kept in status (the schema's maxItems). */
export const MaxEvaluationRuns = 4;

/** How a gate is named in messages. */
export function gateText(gate: EvaluationGate): string {
  return gate === 'BeforeTraffic' ? 'before any user traffic' : 'at the last step, before promotion';
}

/** The latest run, if any. */
export function latestRun(state: RolloutState): EvaluationRunStatus | undefined {
  return state.evaluations.at(-1);
}

/** The latest run while it runs. */
export function runningRun(state: RolloutState): EvaluationRunStatus | undefined {
  const run = latestRun(state);
  return run?.phase === 'Running' ? run : undefined;
}

/**
 * Runs of the rollout under way: started since it began Deploying (`startedAt`). The runs of an attempt before a
 * `retry` are kept for their Jobs' names, but they judged another deployment.
 */
export function runsOfThisRollout(state: RolloutState): readonly EvaluationRunStatus[] {
  const since = ms(state.startedAt);
  // Every rollout records when it began; a status without it (edited by hand) keeps all its runs.
  if (since === undefined) return state.evaluations;
  return state.evaluations.filter((r) => (ms(r.startedAt) ?? 0) >= since);
}

/** The attempt a new run at `gate` gets: one more than the last one at that gate. */
export function nextAttempt(state: RolloutState, gate: EvaluationGate): number {
  return 1 + Math.max(0, ...state.evaluations.filter((r) => r.gate === gate).map((r) => r.attempt));
}

/**
 * `runs` with `run` appended, at most MaxEvaluationRuns: the oldest runs go first, except the last
 * run of each gate, whose attempt the next run's name counts from.
 */
export function appendRun(
  runs: readonly EvaluationRunStatus[],
  run: EvaluationRunStatus,
): EvaluationRunStatus[] {
  const list = [...runs, run];
  while (list.length > MaxEvaluationRuns) {
    const droppable = list.findIndex((r, i) => list.slice(i + 1).some((later) => later.gate === r.gate));
    list.splice(droppable < 0 ? 0 : droppable, 1);
  }
  return list;
}

/** `runs` with the latest one replaced by `run`. */
export function replaceLatest(
  runs: readonly EvaluationRunStatus[],
  run: EvaluationRunStatus,
): EvaluationRunStatus[] {
  return [...runs.slice(0, -1), run];
}

/**
 * Held on an evaluation that could not be judged before any user traffic: the version serves
 * nothing, so there is nothing to analyse or to promote.
 */
export function heldBeforeTraffic(state: RolloutState): boolean {
  return (
    state.phase === 'Paused' &&
    state.pauseReason === 'EvaluationInvalid' &&
    latestRun(state)?.gate !== 'LastStep'
  );
}

/** This rollout has passed its evaluation at the last step. */
export function passedLastStep(state: RolloutState): boolean {
  return runsOfThisRollout(state).some((r) => r.gate === 'LastStep' && r.phase === 'Passed');
}
