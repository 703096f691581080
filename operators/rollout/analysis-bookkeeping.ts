/**
 * The analysis side of a rollout's state, pure like decide() (which acts on what these return):
 * when the next analysis is due, whether it confirms a failure, how a result is recorded (kept in
 * status, the oldest dropped past {@link DefaultAnalysisHistory}) and counted, and what a bake's
 * analyses add up to. The formulas and a worked example of a confirmation are in decide.ts's
 * module comment.
 */
import { runVerdict, type AnalysisRun, type CheckResult, type Verdict } from '../analysis/types.js';
import { DefaultAnalysisHistory, MinConfirmationDelayMs } from './defaults.js';
import { epochMs as ms } from './duration.js';
import { heldBeforeTraffic } from './evaluation-runs.js';
import { Reasons } from './reasons.js';
import type { AnalysisRecord, EffectivePolicy, RolloutEvent, RolloutPhase, RolloutState } from './types.js';

/** Phases in which analyses run (besides the bake, see {@link isBaking}). */
const ANALYSED: ReadonlySet<RolloutPhase> = new Set(['Progressing', 'Paused']);

/** Promoted and still analysing at 100%. */
export function isBaking(state: RolloutState): boolean {
  return state.phase === 'Promoted' && state.promotedAt !== undefined && state.finishedAt === undefined;
}

/**
 * Whether the controller should run an analysis now (and pass it to decide as
 * `observations.analysis`). Due one interval after the last analysis, or after the step began; a
 * confirmation is due {@link confirmationDelayMs} after a failed analysis.
 */
export function analysisDue(state: RolloutState, policy: EffectivePolicy, now: Date): boolean {
  const at = nextAnalysisAt(state, policy);
  return at !== undefined && now.getTime() >= at;
}

/**
 * Delay of the confirmation analysis after a failed one (milliseconds):
 * `clamp(interval / 4, MinConfirmationDelayMs, interval)`. A quarter of the window is new data, enough
 * for a failure that really began to dominate the window while a blip fades; with the usual scrape
 * interval of at most a quarter of the analysis interval (15s scrapes, 1m interval) it spans at least
 * one new scrape. Examples: interval 1m → 15s; 5s → 1.25s; 2s → 1s (the floor).
 */
export function confirmationDelayMs(intervalMs: number): number {
  return Math.min(intervalMs, Math.max(MinConfirmationDelayMs, Math.round(intervalMs / 4)));
}

/** The last analysis failed without rolling back, so the next one confirms (or clears) it early. */
export function awaitingConfirmation(state: RolloutState): boolean {
  if (!ANALYSED.has(state.phase)) return false;
  const last = state.analysis.at(-1);
  const lastAt = ms(state.lastAnalysisAt);
  return last?.verdict === 'Failed' && lastAt !== undefined && ms(last.time) === lastAt;
}

/**
 * When the next analysis is due (ms since the epoch); undefined in phases without analyses, and
 * while held on an evaluation before any user traffic (the version serves nothing to analyse).
 */
export function nextAnalysisAt(state: RolloutState, policy: EffectivePolicy): number | undefined {
  if (!ANALYSED.has(state.phase) && !isBaking(state)) return undefined;
  if (heldBeforeTraffic(state)) return undefined;
  const last = ms(state.lastAnalysisAt);
  if (last !== undefined) {
    return last + (awaitingConfirmation(state) ? confirmationDelayMs(policy.intervalMs) : policy.intervalMs);
  }
  const since = ms(state.stepStartedAt) ?? ms(state.promotedAt);
  return since === undefined ? 0 : since + policy.intervalMs;
}

/** What {@link recordAnalysis} made of an analysis run. */
export interface RecordedAnalysis {
  /** The state with the run recorded; the same state when the run did not count. */
  readonly state: RolloutState;
  /** The run's verdict; undefined when there was no run or it did not count. */
  readonly verdict?: Verdict;
  /** One per check, or the discard of a run of another version. */
  readonly events: readonly RolloutEvent[];
}

/**
 * Records a due analysis of this version: `lastAnalysisAt`, the run appended to `analysis` (the
 * oldest dropped past {@link DefaultAnalysisHistory}) and an Event per check. A run of another
 * version is discarded with a Warning; a run before the interval elapsed is ignored, so analyses
 * stay one interval apart.
 */
export function recordAnalysis(
  state: RolloutState,
  run: AnalysisRun | undefined,
  policy: EffectivePolicy,
  now: Date,
): RecordedAnalysis {
  if (run === undefined) return { state, events: [] };
  if (run.version !== state.version) {
    return {
      state,
      events: [
        {
          type: 'Warning',
          reason: Reasons.AnalysisDiscarded,
          message: `analysis of version ${run.version} discarded: this rollout is of version ${state.version}`,
        },
      ],
    };
  }
  if (!analysisDue(state, policy, now)) return { state, events: [] };
  const verdict = runVerdict(run.checks);
  const record: AnalysisRecord = {
    time: now.toISOString(),
    step: state.currentStep,
    weight: state.canaryWeight,
    // Recorded for people beside the weight; nothing here or in decide() reads it.
    ...(run.requestShare === undefined ? {} : { requestShare: run.requestShare }),
    verdict,
    checks: run.checks,
  };
  return {
    state: {
      ...state,
      lastAnalysisAt: now.toISOString(),
      analysis: [...state.analysis, record].slice(-DefaultAnalysisHistory),
    },
    verdict,
    events: run.checks.map(checkEvent),
  };
}

/**
 * The counters after a verdict: a failure counts over the whole rollout; inconclusive analyses
 * count in a row, so a pass or a failure ends the streak.
 */
export function countVerdict(
  state: RolloutState,
  verdict: Verdict,
): Pick<RolloutState, 'failedChecks' | 'inconclusiveChecks'> {
  switch (verdict) {
    case 'Failed':
      return { failedChecks: state.failedChecks + 1, inconclusiveChecks: 0 };
    case 'Inconclusive':
      return { failedChecks: state.failedChecks, inconclusiveChecks: state.inconclusiveChecks + 1 };
    case 'Passed':
      return { failedChecks: state.failedChecks, inconclusiveChecks: 0 };
  }
}

/** The analyses run since promotion (the bake's), and how many of them passed. */
export function bakeAnalyses(state: RolloutState): { readonly runs: number; readonly passed: number } {
  const promotedAt = ms(state.promotedAt) as number;
  const during = state.analysis.filter((a) => Date.parse(a.time) > promotedAt);
  return { runs: during.length, passed: during.filter((a) => a.verdict === 'Passed').length };
}

function checkEvent(check: CheckResult): RolloutEvent {
  const query = check.query.length > 300 ? `${check.query.slice(0, 297)}...` : check.query;
  return {
    type: check.verdict === 'Passed' ? 'Normal' : 'Warning',
    reason: `Analysis${check.verdict}`,
    message: `${check.metric}: ${check.verdict} (${check.reason}; threshold ${thresholdText(check)}); window ${check.window}; query ${query}`,
  };
}

/** `max 0.01, maxIncrease 10%`: the bounds a check was judged against, for its Event. */
function thresholdText(check: CheckResult): string {
  const t = check.threshold;
  const parts = [
    t.min === undefined ? undefined : `min ${t.min}`,
    t.max === undefined ? undefined : `max ${t.max}`,
    t.maxIncrease === undefined ? undefined : `maxIncrease ${t.maxIncrease}%`,
  ].filter((p) => p !== undefined);
  return parts.length === 0 ? 'none' : parts.join(', ');
}
