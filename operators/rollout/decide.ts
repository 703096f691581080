/**
 * All rollout logic of a ModelVersion, as one pure function: `decide(state, observations, now)`
 * returns the next state (to write to status), the actions the controller must take and the Events
 * to record. No I/O, no clock: `now` is passed in, so every path is a table test.
 *
 * The actions are what the traffic router must do (SetWeight, RestorePreviousStable) and the request
 * to clear (ClearAction). A version's workload is not an action: the AIModel controller renders it
 * from the phase (Deploying … RollingBack, the stable, or kept warm) and prunes it after, so writing
 * the phase is what creates or removes it. The analysis bookkeeping (when one is due, confirmations,
 * recording and counting results) is in analysis-bookkeeping.ts.
 *
 * ## Transitions
 * | from                     | on                                              | to                         |
 * |--------------------------|-------------------------------------------------|----------------------------|
 * | Pending                  | no other version holds the canary slot          | Deploying                  |
 * | Deploying                | workload Available (a stable exists)            | Progressing, step 0        |
 * | Deploying                | workload Available (first version)              | Promoted, no bake          |
 * | Deploying                | workload Available, the policy has an evaluation| Evaluating BeforeTraffic   |
 * | Evaluating BeforeTraffic | gate passed (a stable exists)                   | Progressing, step 0        |
 * | Evaluating BeforeTraffic | gate passed (first version)                     | Promoted, no bake          |
 * | Evaluating               | gate failed (a stable exists)                   | RollingBack (first: Failed)|
 * | Evaluating               | no usable result, a problem, or its deadline    | Paused EvaluationInvalid   |
 * | Evaluating LastStep      | gate passed                                     | Promoted (Auto) / Paused ManualGate (Manual) |
 * | Paused EvaluationInvalid | resume                                          | Evaluating, next attempt   |
 * | Deploying                | progress deadline missed                        | RollingBack (first: Failed)|
 * | Progressing step i       | analysis passed, step held long enough          | step i+1                   |
 * | Progressing last step    | analysis passed                                 | Promoted (Auto) / Paused ManualGate (Manual) |
 * | Progressing last step    | analysis passed, atLastStep not yet passed      | Evaluating LastStep        |
 * | Progressing / Paused     | failedChecks > failureLimit                     | RollingBack                |
 * | Progressing              | inconclusive streak reaches inconclusiveLimit   | Paused Inconclusive        |
 * | Paused Inconclusive      | analysis passed                                 | Progressing (and advance)  |
 * | Progressing / Paused Inc.| progress deadline missed                        | RollingBack                |
 * | Progressing / Paused     | the router reports the route refused            | Paused RouteNotAccepted (a person's pause is kept) |
 * | Paused RouteNotAccepted  | the route is served again                       | Progressing, the step restarted |
 * | Promoted, baking         | analysis failed                                 | RollingBack (to the previous stable) |
 * | Promoted, baking         | bakeUntil reached                               | Promoted, final (BakeSucceeded, or BakeInconclusive without a pass) |
 * | Promoted                 | another version stable, this one at weight 0    | Superseded / RolledBack    |
 * | RollingBack              | router shows weight 0                           | RolledBack                 |
 * | before Promoted          | a newer version exists                          | RollingBack                |
 * | any                      | promote, abort, pause, resume, retry            | see actionRejection()      |
 *
 * A first version whose workload misses the progress deadline ends `Failed` (there is nothing to
 * roll back to); `retry` starts a RolledBack or Failed version again from Pending.
 *
 * ## Evaluation gates
 * With an evaluation in the policy, a version whose workload is Available is evaluated on its golden
 * set before any user request reaches it (gate BeforeTraffic): decide() records a Running run in
 * `evaluations` and the controller creates its Job (named by `evaluationJobName`), which calls the
 * version's own Service, and the stable's, with the same cases. The run's verdict (evaluation-gate.ts)
 * then starts step 0, promotes a first version, or rolls back before any weight was written. A run
 * that cannot be judged (the Job's result names an error, the Job ended without a result, the judge
 * model is missing, the deadline passed) is Invalid: the rollout holds (Paused EvaluationInvalid)
 * until a person fixes the cause and asks to `resume`, which runs the next attempt. With
 * `atLastStep`, the last step's passing analysis starts a second gate (LastStep) instead of
 * promoting, with the last step's routes kept and no analysis meanwhile. No route is written while
 * Evaluating. Runs (and so Job names) count on over `retry`; leaving Evaluating any other way (abort,
 * a newer version) closes the run, so the controller removes its Job.
 *
 * ## Strategies
 * Every strategy is a list of steps (policy.ts), each with a stage, a weight and routes besides the
 * weight, walked by the same rules: a shadow first when asked for (weight 0, a mirrored share), then
 * Canary's weights, BlueGreen's one preview (weight 0, a header route; its pause is the preview
 * duration) or Experiment's one cohort step (its weight and matches; its pause is the duration).
 * After the last step comes promotion (all traffic, no candidate routes: BlueGreen's switch,
 * Experiment's winner) or, in mode Manual (an experiment's `winner: Manual`), the manual gate, which
 * keeps the last step's routes. A step advances only on a passing analysis, so a preview or cohort
 * nobody calls is inconclusive and never promoted. Rolling back removes the weight and every
 * candidate route; a version is RolledBack only when the router shows neither.
 *
 * ## Formulas (times in milliseconds since the epoch)
 * - analysis due:  `now >= (lastAnalysisAt ?? stepStartedAt) + interval`, or, when the last analysis
 *                  failed (and did not roll back), `now >= lastAnalysisAt + confirmationDelay`, where
 *                  `confirmationDelay = clamp(interval / 4, MinConfirmationDelayMs (1s), interval)`
 * - confirmation:  the analysis after a failed one. Each analysis looks back one interval, so a failure
 *                  that starts late in an interval is diluted in that window and first fails the
 *                  analysis after; waiting a whole interval more to count the next failure made a
 *                  rollback take up to three intervals. The confirmation re-reads the interval a
 *                  quarter of one later: a real failure now fills its window and is counted at once; a
 *                  transient blip has faded and passes. A failed confirmation counts like any failure
 *                  (and is confirmed in turn); a passing one never advances the step: steps advance
 *                  only on analyses a whole interval after the previous one, and the next is due one
 *                  interval later. An inconclusive analysis is not a failure and is not confirmed early.
 * - step held:     `now - stepStartedAt >= steps[currentStep].pause`
 * - advance:       a passing analysis while the step is held → step + 1 (weight `steps[i+1].weight`);
 *                  after the last step → Promoted (Auto) or Paused/ManualGate (Manual)
 * - roll back:     `failedChecks > failureLimit` (failures count over the whole rollout)
 * - pause:         `inconclusiveChecks >= inconclusiveLimit` (consecutive; a pass or fail resets it)
 * - deadline:      `now >= progressAt + progressDeadline` → rolled back, where
 *                  `progressAt = max(stepStartedAt, time of the last passing analysis)` (`Deploying`
 *                  counts from `startedAt`; a resume restarts the step). A pause a person asked for
 *                  or must end (Requested, ManualGate, EvaluationInvalid) is not bounded by it, nor a
 *                  refused route; an inconclusive pause is. Evaluating has the run's deadline instead.
 * - evaluation:    a run is bounded by `startedAt + timeout + EvaluationGraceMs (1m)`; the Job's own
 *                  activeDeadlineSeconds (the timeout) normally ends it first, with a result. The
 *                  gate: `passRate >= minPassRate` and `stablePassRate - passRate <= maxDropVsStable`.
 * - bake:          after promotion, analyses continue at 100% until `bakeUntil = promotedAt +
 *                  bakeDuration` (fixed at promotion; `finishedAt` unset meanwhile); the first failed
 *                  analysis rolls back at once to the warm previous stable, which is kept warm for
 *                  `scaleDownDelay >= bakeDuration`. Inconclusive analyses do not end the bake early;
 *                  a bake with no passing analysis ends as BakeInconclusive (a Warning), not passed.
 *
 * ## Worked example (steps 10/25/50, interval 1m, pause 0, failureLimit 1, inconclusiveLimit 3)
 * - 12:00:00 canary Available → Progressing step 0, weight 10.
 * - 12:00:30 reconcile → analysis not due (30s < 1m): nothing new.
 * - 12:01:00 analysis passes → step 1, weight 25.
 * - 12:02:00 analysis fails → failedChecks 1 (≤ 1): hold at 25.
 * - 12:03:00 analysis passes → step 2, weight 50.
 * - 12:04:00 analysis fails → failedChecks 2 > 1 → RollingBack, weight 0; once the router reports
 *   0 → RolledBack and the canary is removed.
 * Had the 12:04 analysis passed instead: last step done → Promoted, weight 100, bake until 12:09.
 *
 * ## Worked example of a confirmation (same policy, confirmationDelay = 1m / 4 = 15s)
 * - 12:00:50 the canary starts failing 30% of its requests (the error-rate limit is 15%).
 * - 12:01:00 analysis: 10s of failures in a 1m window, about 5% → passes → step 1, weight 25.
 * - 12:02:00 analysis: failing the whole window → failedChecks 1 (≤ 1): hold, confirm at 12:02:15.
 * - 12:02:15 confirmation fails → failedChecks 2 > 1 → RollingBack: 1m25s after the failure began,
 *   where a full-interval cadence would have waited until 12:03:00 (2m10s).
 * Had it been a blip instead, every request failing from 12:01:00 to 12:01:15: the 12:02:00 window
 * holds 15s of it (25%) → fails; the 12:02:15 window starts after it (0%) → passes
 * (FailureNotConfirmed), step 1 holds, and the analysis at 12:03:15 advances as usual.
 *
 * ## Refused routes
 * Where a third party must accept the routes before they carry traffic (a Gateway API gateway,
 * `observations.routeRefused`), a refused route means no request reaches the versions through it:
 * nothing can be measured, and it is no failure of the version. While Progressing or Paused the
 * rollout then pauses (RouteNotAccepted) with the weights as they are: no analysis is run or counted,
 * no step advances, the progress deadline does not run. Once the route is served again it resumes by
 * itself with the step restarted: its pause, the deadline and the next analysis count from then, so
 * no analysis window reaches back into the refusal. A pause a person asked for (Requested,
 * ManualGate) stays theirs: its message says the route is refused, and later that it is served
 * again. Deploying is unaffected: the first weight is written whatever the gateway says. One Event
 * when a refusal begins (or says something else), one when it ends, none on the passes between.
 *
 * ## Restarts and idempotency
 * The controller performs the actions first and writes the state to status last. If it dies in
 * between, the next call gets the old state with the new routes: when the router already shows the
 * route the next transition would set (`steps[i+1]`'s weight and routes, or 100 and none for
 * promotion), decide completes that transition without a new analysis, so no step is repeated or
 * skipped. Routes are compared whole (weight, matches, mirror), so a shadow handing over to a
 * preview (both at weight 0) is recognised too, and the router writes each route in one apply. Any
 * other mismatch is drift, and the state's route is asserted again.
 *
 * An evaluation's verdict is read from its Job, which stays until the ModelVersion goes: a restart
 * after the route of a passed gate was written but before status was, finds the same Job finished
 * with the same result and reaches the same verdict, the route already in place.
 */
import type { EvaluationGate, EvaluationRunStatus } from '../../crds/api/index.js';
import { evaluationJobName } from '../../charts-ts/constructs/evaluation-job.js';
import type { Verdict } from '../analysis/types.js';
import {
  awaitingConfirmation,
  bakeAnalyses,
  confirmationDelayMs,
  countVerdict,
  isBaking,
  nextAnalysisAt,
  recordAnalysis,
} from './analysis-bookkeeping.js';
import { DefaultRollbackRequeueMs, DefaultWaitRequeueMs, EvaluationGraceMs } from './defaults.js';
import { gateVerdict, MaxRunMessage } from './evaluation-gate.js';
import {
  appendRun,
  gateText,
  heldBeforeTraffic,
  latestRun,
  nextAttempt,
  passedLastStep,
  replaceLatest,
  runningRun,
} from './evaluation-runs.js';
import { describeStep, foldExperiment, heldFor, lastStepPassed } from './stages.js';
import { routeOf, sameRoute, type Route } from './route.js';
import { epochMs as ms, formatDuration } from './duration.js';
import { Reasons } from './reasons.js';
import {
  ROLLOUT_ACTIONS,
  type ActionRecord,
  type Decision,
  type EffectiveEvaluation,
  type EffectivePolicy,
  type EvaluationObservation,
  type Observations,
  type PauseReason,
  type RolloutAction,
  type RolloutEvent,
  type RolloutPhase,
  type RolloutState,
} from './types.js';

/** Phases a newer version supersedes (the version has not become stable yet). */
const SUPERSEDABLE: ReadonlySet<RolloutPhase> = new Set([
  'Pending',
  'Deploying',
  'Evaluating',
  'Progressing',
  'Paused',
]);

/** The state of a ModelVersion that has just been created. */
export function initialState(version: string): RolloutState {
  return {
    version,
    phase: 'Pending',
    currentStep: 0,
    canaryWeight: 0,
    failedChecks: 0,
    inconclusiveChecks: 0,
    reason: Reasons.Created,
    message: `version ${version} is waiting to be deployed`,
    analysis: [],
    evaluations: [],
  };
}

/** End of the bake (ms since the epoch), or undefined when the version is not baking. */
export function bakeEnd(state: RolloutState, policy: EffectivePolicy): number | undefined {
  if (!isBaking(state)) return undefined;
  // bakeUntil is recorded at promotion; statuses written before it existed derive it from the policy.
  return ms(state.bakeUntil) ?? (ms(state.promotedAt) as number) + policy.bakeWindowMs;
}

/**
 * Last progress (ms since the epoch), where the progress deadline counts from: the later of the
 * step's start (or resume) and the last passing analysis; `startedAt` while Deploying.
 */
export function progressAt(state: RolloutState): number | undefined {
  if (state.phase === 'Deploying') return ms(state.startedAt);
  const lastPass = state.analysis.findLast((a) => a.verdict === 'Passed');
  const candidates = [ms(state.stepStartedAt), ms(lastPass?.time)].filter(
    (t): t is number => t !== undefined,
  );
  return candidates.length === 0 ? ms(state.startedAt) : Math.max(...candidates);
}

/** Decides the next state, the actions and the Events. See the module comment for the rules. */
export function decide(state: RolloutState, observations: Observations, now: Date): Decision {
  const ctx = new Context(state, observations, now);
  if (supersede(ctx)) return ctx.result();
  if (handleAction(ctx)) {
    // A pause or resume accepted while the route is refused says so at once, not a pass later.
    routeNotServed(ctx);
    return ctx.result();
  }

  switch (ctx.state.phase) {
    case 'Pending':
      pending(ctx);
      break;
    case 'Deploying':
      deploying(ctx);
      break;
    case 'Evaluating':
      evaluating(ctx);
      break;
    case 'Progressing':
    case 'Paused':
      analysed(ctx);
      break;
    case 'Promoted':
      promoted(ctx);
      break;
    case 'RollingBack':
      rollingBack(ctx);
      break;
    case 'RolledBack':
    case 'Failed':
    case 'Superseded':
      // Terminal: only `retry` (handled above) moves these.
      break;
  }
  noteRejection(ctx);
  return ctx.result();
}

const REJECTION_NOTE = / \(action '[^']*' rejected: .*\)$/s;

/** The message without the note of a refused request. */
function withoutRejection(message: string): string {
  return message.replace(REJECTION_NOTE, '');
}

/** A refused request stays visible in status.message (and its Event) until the next transition. */
function noteRejection(ctx: Context): void {
  const record = ctx.actionRecord;
  if (record?.result !== 'Rejected') return;
  const base = withoutRejection(ctx.state.message);
  ctx.patch({ message: `${base} (action '${record.name}' rejected: ${record.reason})` });
}

/** Per-call working state: the evolving next state plus what to do and tell. */
class Context {
  /** The next state, built up by the steps below. */
  state: RolloutState;
  readonly actions: RolloutAction[] = [];
  readonly events: RolloutEvent[] = [];
  /** What became of the requested action, if one was. */
  actionRecord: ActionRecord | undefined;
  /** Earliest time (ms since the epoch) the controller should come back, if any. */
  private wakeAt: number | undefined;
  readonly nowMs: number;
  readonly nowIso: string;

  constructor(
    readonly initial: RolloutState,
    readonly obs: Observations,
    readonly now: Date,
  ) {
    this.state = initial;
    this.nowMs = now.getTime();
    this.nowIso = now.toISOString();
  }

  get policy(): EffectivePolicy {
    return this.obs.policy;
  }

  /** This version's route as the router reports it. */
  get observedRoute(): Route {
    const routing = this.obs.observedRouting;
    return {
      weight: this.obs.observedWeight,
      ...(routing === undefined ? {} : { routing }),
    };
  }

  /** A stable version other than this one serves traffic. */
  get hasStable(): boolean {
    return this.obs.stableVersion !== undefined && this.obs.stableVersion !== this.state.version;
  }

  patch(changes: Partial<RolloutState>): void {
    this.state = { ...this.state, ...changes };
  }

  /** Moves to `phase`, recording why in status and as an Event. */
  transition(
    phase: RolloutPhase,
    reason: string,
    message: string,
    changes: Partial<RolloutState> = {},
    type: RolloutEvent['type'] = 'Normal',
  ): void {
    const pauseReason = phase === 'Paused' ? (changes.pauseReason ?? this.state.pauseReason) : undefined;
    const abandoned = phase === 'Evaluating' ? undefined : runningRun(this.state);
    if (abandoned !== undefined) {
      // Left before its verdict (abort, a newer version): the run counts for nothing, and its Job,
      // no longer the running run's, is removed by the controller.
      this.patch({
        evaluations: replaceLatest(this.state.evaluations, {
          ...abandoned,
          phase: 'Invalid',
          finishedAt: this.nowIso,
          message: `not judged: ${message}`.slice(0, MaxRunMessage),
        }),
      });
    }
    this.patch({ ...changes, phase, pauseReason, reason, message });
    this.events.push({ type, reason, message });
    const terminal = phase === 'RolledBack' || phase === 'Failed' || phase === 'Superseded';
    if (!terminal) this.wake(this.nowMs);
  }

  /** Stays in the phase with a new reason; an Event only when the reason changes. */
  hold(reason: string, message: string, type: RolloutEvent['type'] = 'Normal'): void {
    if (this.state.reason !== reason) this.events.push({ type, reason, message });
    this.patch({ reason, message });
  }

  /**
   * Stays in the phase with a new message; an Event only when the message changes. For what a pause
   * reports besides its own reason, which status does not keep (its condition names the pause).
   */
  report(reason: string, message: string, type: RolloutEvent['type']): void {
    if (withoutRejection(this.state.message) === message) return;
    this.events.push({ type, reason, message });
    this.patch({ reason, message });
  }

  act(action: RolloutAction): void {
    this.actions.push(action);
  }

  /** Asks to be called again at `atMs` at the latest. */
  wake(atMs: number): void {
    this.wakeAt = this.wakeAt === undefined ? atMs : Math.min(this.wakeAt, atMs);
  }

  result(): Decision {
    const requeueAfterMs = this.wakeAt === undefined ? undefined : Math.max(0, this.wakeAt - this.nowMs);
    return {
      state: this.state,
      actions: this.actions,
      events: this.events,
      requeueAfterMs,
      ...(this.actionRecord === undefined ? {} : { action: this.actionRecord }),
    };
  }
}

// ── 1. A newer version supersedes this one ───────────────────────────────────────────────────────

function supersede(ctx: Context): boolean {
  const newer = ctx.obs.supersededBy;
  if (newer === undefined || !SUPERSEDABLE.has(ctx.state.phase)) return false;
  if (ctx.obs.action !== undefined) {
    recordAction(ctx, ctx.obs.action, 'Rejected', `version is superseded by ${newer}`);
  }
  // Its analysis is never carried over: the newer version starts from its own step one.
  rollBack(
    ctx,
    Reasons.SupersededByNewerVersion,
    `superseded by newer version ${newer}; rolling back the canary`,
  );
  return true;
}

// ── 2. Requests through the ai.suoke.life/action annotation ──────────────────────────────────────

/** Applies a requested action; returns true when it was accepted (its transition is this call's). */
function handleAction(ctx: Context): boolean {
  const name = ctx.obs.action;
  if (name === undefined) return false;
  const rejection = actionRejection(ctx, name.trim());
  if (rejection !== undefined) {
    recordAction(ctx, name, 'Rejected', rejection);
    return false;
  }
  const s = ctx.state;
  switch (name.trim()) {
    case 'promote':
      recordAction(
        ctx,
        name,
        'Accepted',
        `promoted by request from step ${s.currentStep} at weight ${s.canaryWeight}`,
      );
      promote(
        ctx,
        Reasons.PromotedByRequest,
        `promoted by request at step ${s.currentStep} (weight ${s.canaryWeight})`,
      );
      break;
    case 'abort':
      recordAction(ctx, name, 'Accepted', `aborted in phase ${s.phase}`);
      rollBack(ctx, Reasons.Aborted, `aborted by request in phase ${s.phase}`);
      break;
    case 'pause':
      recordAction(ctx, name, 'Accepted', `paused at step ${s.currentStep}`);
      ctx.transition(
        'Paused',
        Reasons.PausedByRequest,
        `paused by request at step ${s.currentStep} (weight ${s.canaryWeight})`,
        {
          pauseReason: 'Requested',
        },
      );
      break;
    case 'resume':
      if (s.pauseReason === 'EvaluationInvalid') {
        recordAction(ctx, name, 'Accepted', `evaluation run again after it could not be judged`);
        rerunEvaluation(ctx);
        break;
      }
      recordAction(ctx, name, 'Accepted', `resumed at step ${s.currentStep}`);
      // The step's clock restarts: its pause and the progress deadline count from the resume.
      ctx.transition(
        'Progressing',
        Reasons.Resumed,
        `resumed at step ${s.currentStep} (weight ${s.canaryWeight})`,
        {
          stepStartedAt: ctx.nowIso,
          inconclusiveChecks: 0,
          // Out of a refused route (served again by now): no analysis window reaches back into it.
          ...(s.pauseReason === 'RouteNotAccepted' || heldWhileRefused(s)
            ? { lastAnalysisAt: undefined }
            : {}),
        },
      );
      break;
    case 'retry': {
      recordAction(ctx, name, 'Accepted', `retried after ${s.phase}`);
      // Replaced, not patched: times of the previous attempt (promotedAt, lastAnalysisAt, …) would
      // otherwise leak into the new one, e.g. make a later failure restore a "previous stable".
      ctx.state = {
        ...initialState(s.version),
        // Kept so the next run's Job is not named like an earlier one's (evaluation-runs.ts).
        evaluations: s.evaluations,
        ...(ctx.actionRecord === undefined ? {} : { lastAction: ctx.actionRecord }),
      };
      ctx.transition('Pending', Reasons.Retried, `retrying version ${s.version} from step one`);
      break;
    }
  }
  return true;
}

/** Why promote and pause wait while an evaluation runs. */
const EVALUATION_RUNNING = 'an evaluation is running; wait for it or abort';

/** Why `name` cannot apply in the current phase, or undefined when it can. */
function actionRejection(ctx: Context, name: string): string | undefined {
  const s = ctx.state;
  const phase = s.phase;
  const ended = phase === 'RolledBack' || phase === 'Failed' || phase === 'Superseded';
  if (!(ROLLOUT_ACTIONS as readonly string[]).includes(name)) {
    return `unknown action '${name}'; use one of ${ROLLOUT_ACTIONS.join(', ')}`;
  }
  switch (name) {
    case 'promote':
      if (phase === 'Evaluating') return EVALUATION_RUNNING;
      if (heldBeforeTraffic(s)) {
        return `the version has not passed its evaluation and serves no traffic yet; fix the evaluation and 'resume', or 'abort'`;
      }
      if (phase === 'Progressing' || phase === 'Paused') return undefined;
      if (phase === 'Pending' || phase === 'Deploying') {
        return `the canary serves no traffic yet (phase ${phase}); promote once it is Progressing`;
      }
      if (phase === 'Promoted') return 'the version is already promoted';
      return `the rollout has ended (phase ${phase}); use 'retry' to start it again`;
    case 'abort':
      if (SUPERSEDABLE.has(phase)) return undefined;
      if (isBaking(s)) return undefined;
      if (phase === 'Promoted') {
        return `the version is promoted and its bake is over; set ai.suoke.life/action=rollback on the AIModel instead`;
      }
      if (phase === 'RollingBack') return 'the version is already rolling back';
      return `the rollout has ended (phase ${phase})`;
    case 'pause':
      if (phase === 'Progressing') return undefined;
      if (phase === 'Evaluating') return EVALUATION_RUNNING;
      // Pauses that end by themselves can be turned into one that waits for 'resume'.
      if (phase === 'Paused' && (s.pauseReason === 'Inconclusive' || s.pauseReason === 'RouteNotAccepted')) {
        return undefined;
      }
      if (phase === 'Paused') return `the rollout is already paused (${s.pauseReason ?? 'Requested'})`;
      return `nothing to pause in phase ${phase}; pause applies while Progressing`;
    case 'resume':
      if (phase === 'Paused' && s.pauseReason === 'RouteNotAccepted' && ctx.obs.routeRefused !== undefined) {
        return `the route is not accepted (${ctx.obs.routeRefused.reason}); the rollout resumes by itself once the gateway accepts it`;
      }
      if (phase === 'Paused' && s.pauseReason !== 'ManualGate') return undefined;
      if (phase === 'Paused')
        return `the rollout waits at the manual gate; use 'promote' to finish it or 'abort'`;
      return `the rollout is not paused (phase ${phase})`;
    case 'retry':
      if (!ended || phase === 'Superseded') {
        return `only a RolledBack or Failed version can be retried (phase ${phase})`;
      }
      if (ctx.obs.supersededBy !== undefined) {
        const newer =
          ctx.obs.supersededBy === undefined ? 'a newer version' : `newer version ${ctx.obs.supersededBy}`;
        return `${newer} superseded this one; apply a new ModelVersion instead of retrying`;
      }
      return undefined;
  }
  return undefined;
}

function recordAction(ctx: Context, name: string, result: 'Accepted' | 'Rejected', reason: string): void {
  ctx.actionRecord = { name, result, reason, time: ctx.nowIso };
  // Kept in state (status.lastAction) so people and CI read the outcome after the annotation is gone.
  ctx.patch({ lastAction: ctx.actionRecord });
  ctx.act({ type: 'ClearAction' });
  ctx.events.push(
    result === 'Accepted'
      ? { type: 'Normal', reason: Reasons.ActionAccepted, message: `action '${name}': ${reason}` }
      : { type: 'Warning', reason: Reasons.ActionRejected, message: `action '${name}' rejected: ${reason}` },
  );
}

// ── 3. Phases ───────────────────────────────────────────────────────────────────────────────────

function pending(ctx: Context): void {
  // Shown from the first status write; fixed once the rollout leaves Pending.
  if (ctx.state.strategy !== ctx.policy.strategy) ctx.patch({ strategy: ctx.policy.strategy });
  const waitingFor = ctx.obs.waitingFor;
  if (waitingFor !== undefined) {
    // One canary at a time: the previous one finishes rolling back or baking first.
    ctx.hold(Reasons.WaitingForCanarySlot, `waiting for version ${waitingFor} to finish before deploying`);
    ctx.wake(ctx.nowMs + DefaultWaitRequeueMs);
    return;
  }
  ctx.transition('Deploying', Reasons.Deploying, `deploying the workload of version ${ctx.state.version}`, {
    startedAt: ctx.nowIso,
    strategy: ctx.policy.strategy,
  });
}

function deploying(ctx: Context): void {
  const { obs, policy } = ctx;
  const first = policy.steps[0];
  const weightsWritten = ctx.hasStable && first !== undefined && sameRoute(ctx.observedRoute, routeOf(first));
  if (obs.canaryAvailable || weightsWritten) {
    if (policy.evaluation !== undefined) {
      startEvaluation(ctx, 'BeforeTraffic', `the workload of version ${ctx.state.version} is Available`);
      return;
    }
    if (!ctx.hasStable) {
      promote(
        ctx,
        Reasons.FirstVersion,
        `first version of the model: promoted once Available, nothing to compare with`,
      );
      return;
    }
    startStep(
      ctx,
      0,
      weightsWritten && !obs.canaryAvailable ? Reasons.WeightsAdopted : Reasons.WorkloadAvailable,
    );
    return;
  }
  const deadline = (ms(ctx.state.startedAt) ?? ctx.nowMs) + policy.progressDeadlineMs;
  if (ctx.nowMs >= deadline) {
    const message = `canary workload not Available within the progress deadline ${formatDuration(policy.progressDeadlineMs)}`;
    if (!ctx.hasStable) {
      ctx.transition(
        'Failed',
        Reasons.ProgressDeadlineExceeded,
        `${message}; no stable version to return to`,
        {
          finishedAt: ctx.nowIso,
          canaryWeight: 0,
        },
        'Warning',
      );
      return;
    }
    rollBack(ctx, Reasons.ProgressDeadlineExceeded, message);
    return;
  }
  ctx.wake(deadline);
}

/** Progressing and Paused: the route's acceptance, weights, analysis, deadline. */
function analysed(ctx: Context): void {
  if (routeNotServed(ctx)) return;
  routeServedAgain(ctx);
  const { obs, policy } = ctx;
  const s = ctx.state;

  // Restart between writing routes and writing status: finish the transition the router shows.
  const observed = ctx.observedRoute;
  const current = stateRoute(s);
  const next = nextRoute(ctx);
  if (
    s.phase === 'Progressing' &&
    !sameRoute(observed, current) &&
    next !== undefined &&
    sameRoute(observed, next)
  ) {
    advance(
      ctx,
      Reasons.WeightsAdopted,
      `router already at weight ${obs.observedWeight}; completing the step`,
    );
    return;
  }
  if (!sameRoute(observed, current)) ctx.act(setRoute(current));

  // Read before the analysis is recorded: whether this one confirms a failure.
  const confirming = awaitingConfirmation(ctx.state);
  const verdict = consumeAnalysis(ctx);
  if (verdict !== undefined && ctx.state.phase !== 'RollingBack') onVerdict(ctx, verdict, confirming);
  if (ctx.state.phase !== 'Progressing' && ctx.state.phase !== 'Paused') return;

  // Bounded by the progress deadline unless a person holds the rollout.
  const personHolds = heldByPerson(ctx.state);
  const deadline = (progressAt(ctx.state) ?? ctx.nowMs) + policy.progressDeadlineMs;
  if (!personHolds && ctx.nowMs >= deadline) {
    rollBack(
      ctx,
      Reasons.ProgressDeadlineExceeded,
      `no progress for ${formatDuration(policy.progressDeadlineMs)} at step ${ctx.state.currentStep} (last: ${ctx.state.reason})`,
    );
    return;
  }
  if (!personHolds) ctx.wake(deadline);
  const nextAnalysis = nextAnalysisAt(ctx.state, policy);
  if (nextAnalysis !== undefined) ctx.wake(nextAnalysis);
}

/** Paused by request, at the manual gate or on an evaluation that could not be judged: only a person ends it. */
function heldByPerson(s: RolloutState): boolean {
  return (
    s.phase === 'Paused' &&
    (s.pauseReason === 'Requested' || s.pauseReason === 'ManualGate' || s.pauseReason === 'EvaluationInvalid')
  );
}

/** What a person's pause waits for, e.g. `paused by request at step 1 (weight 25) until 'resume'`. */
function personHold(s: RolloutState): string {
  if (s.pauseReason === 'EvaluationInvalid') {
    return `waiting for the evaluation to be fixed and 'resume' to run it again`;
  }
  return s.pauseReason === 'ManualGate'
    ? `waiting at the manual gate for 'promote'`
    : `paused by request at step ${s.currentStep} (weight ${s.canaryWeight}) until 'resume'`;
}

/** In the message of a person's pause while the route is refused. */
const HELD_WHILE_REFUSED = 'no analysis runs while the route is refused';

/**
 * A person's pause that saw the route refused. Status keeps the pause reason of the person's pause
 * (its conditions say Requested or ManualGate), so the refusal lives on in its message alone.
 */
function heldWhileRefused(s: RolloutState): boolean {
  return heldByPerson(s) && s.message.includes(HELD_WHILE_REFUSED);
}

/**
 * Progressing or Paused while the router reports the route refused: pauses (RouteNotAccepted) with
 * the weights as they are, or keeps a person's pause and says so in its message. Nothing is measured,
 * advanced or timed out, and nothing is due: the route's change of status queues the next pass (the
 * ModelVersion controller watches it). Returns true when the pass ends here.
 */
function routeNotServed(ctx: Context): boolean {
  const refused = ctx.obs.routeRefused;
  const s = ctx.state;
  if (refused === undefined || (s.phase !== 'Progressing' && s.phase !== 'Paused')) return false;
  if (heldByPerson(s)) {
    ctx.report(
      Reasons.RouteNotAccepted,
      `${refused.message}; ${HELD_WHILE_REFUSED}; still ${personHold(s)}`,
      'Warning',
    );
    return true;
  }
  const message = `${refused.message}; paused at step ${s.currentStep} (weight ${s.canaryWeight}) with no analysis; the rollout resumes by itself once the gateway accepts the route`;
  if (s.phase === 'Paused' && s.pauseReason === 'RouteNotAccepted') {
    ctx.report(Reasons.RouteNotAccepted, message, 'Warning');
    return true;
  }
  ctx.transition('Paused', Reasons.RouteNotAccepted, message, { pauseReason: 'RouteNotAccepted' }, 'Warning');
  return true;
}

/**
 * The route is served again: a RouteNotAccepted pause resumes with the step restarted (its pause,
 * the deadline and the next analysis count from now, the inconclusive streak from zero); a person's
 * pause stays, its message saying the route is served, and its analyses also count from now.
 */
function routeServedAgain(ctx: Context): void {
  if (ctx.obs.routeRefused !== undefined) return;
  const s = ctx.state;
  const restart = { stepStartedAt: ctx.nowIso, lastAnalysisAt: undefined };
  if (s.phase === 'Paused' && s.pauseReason === 'RouteNotAccepted') {
    ctx.transition(
      'Progressing',
      Reasons.RouteAccepted,
      `the gateway accepts the route again; resuming at step ${s.currentStep} (weight ${s.canaryWeight}), the step's time and analyses counted from now`,
      { ...restart, inconclusiveChecks: 0 },
    );
  } else if (heldWhileRefused(s)) {
    ctx.report(
      Reasons.RouteAccepted,
      `the gateway accepts the route again; still ${personHold(s)}`,
      'Normal',
    );
    ctx.patch(restart);
  }
}

/** The verdict of a due analysis for this version, recorded in state; undefined when none applies. */
function consumeAnalysis(ctx: Context): Verdict | undefined {
  const recorded = recordAnalysis(ctx.state, ctx.obs.analysis, ctx.policy, ctx.now);
  ctx.state = recorded.state;
  ctx.events.push(...recorded.events);
  if (recorded.verdict !== undefined && ctx.state.stage === 'Experiment' && ctx.obs.analysis !== undefined) {
    ctx.patch({ experiment: foldExperiment(ctx.state.experiment, ctx.obs.analysis.checks) });
  }
  return recorded.verdict;
}

/** Counts an analysis' verdict and acts on it; `confirming` when the analysis before it failed. */
function onVerdict(ctx: Context, verdict: Verdict, confirming: boolean): void {
  const before = ctx.state;
  ctx.patch(countVerdict(before, verdict));
  if (verdict === 'Failed') onFailed(ctx, before, confirming);
  else if (verdict === 'Inconclusive') onInconclusive(ctx, before);
  else onPassed(ctx, before, confirming);
}

/** Past the failure limit: roll back; within it: hold, and confirm early. */
function onFailed(ctx: Context, before: RolloutState, confirming: boolean): void {
  const { failureLimit, intervalMs } = ctx.policy;
  const failedChecks = ctx.state.failedChecks;
  if (failedChecks > failureLimit) {
    rollBack(
      ctx,
      Reasons.FailureLimitExceeded,
      `${failedChecks} failed analyses exceed the failure limit ${failureLimit}${confirming ? ' (failure confirmed)' : ''}`,
    );
  } else {
    ctx.hold(
      Reasons.AnalysisFailed,
      `analysis failed (${failedChecks} of ${failureLimit} tolerated) at step ${before.currentStep}; confirming in ${formatDuration(confirmationDelayMs(intervalMs))}`,
      'Warning',
    );
  }
}

/** A streak reaching the inconclusive limit pauses a Progressing rollout; shorter ones hold it. */
function onInconclusive(ctx: Context, before: RolloutState): void {
  const { inconclusiveLimit } = ctx.policy;
  const inconclusiveChecks = ctx.state.inconclusiveChecks;
  if (before.phase === 'Progressing' && inconclusiveChecks >= inconclusiveLimit) {
    ctx.transition(
      'Paused',
      Reasons.InconclusiveLimitExceeded,
      `${inconclusiveChecks} inconclusive analyses in a row at step ${before.currentStep}; paused until the data is conclusive`,
      { pauseReason: 'Inconclusive' },
      'Warning',
    );
  } else if (before.phase === 'Progressing') {
    ctx.hold(
      Reasons.AnalysisInconclusive,
      `analysis inconclusive (${inconclusiveChecks} of ${inconclusiveLimit} in a row)`,
      'Warning',
    );
  }
}

/**
 * Resumes an inconclusive pause; then clears an unconfirmed failure, or advances once the step has
 * been held its pause.
 */
function onPassed(ctx: Context, before: RolloutState, confirming: boolean): void {
  const { failureLimit, intervalMs } = ctx.policy;
  if (before.phase === 'Paused' && before.pauseReason === 'Inconclusive') {
    ctx.transition(
      'Progressing',
      Reasons.Resumed,
      `analysis conclusive again at step ${before.currentStep}; resuming`,
    );
  }
  if (ctx.state.phase !== 'Progressing') return;
  if (confirming) {
    // Only a quarter interval after the failure: not enough to advance on, enough to clear it.
    ctx.hold(
      Reasons.FailureNotConfirmed,
      `confirmation analysis passed at step ${before.currentStep}: the failure was not confirmed (${before.failedChecks} of ${failureLimit} tolerated); next analysis in ${formatDuration(intervalMs)}`,
    );
    return;
  }
  const pauseMs = currentStep(ctx)?.pauseMs ?? 0;
  const heldMs = ctx.nowMs - (ms(ctx.state.stepStartedAt) ?? ctx.nowMs);
  if (heldMs >= pauseMs) {
    advance(
      ctx,
      Reasons.StepAdvanced,
      `analysis passed at step ${before.currentStep} (weight ${before.canaryWeight})`,
    );
  } else {
    ctx.hold(
      Reasons.StepHeld,
      `analysis passed; ${heldFor(currentStep(ctx), before.currentStep, pauseMs - heldMs)}`,
    );
    ctx.wake((ms(ctx.state.stepStartedAt) ?? ctx.nowMs) + pauseMs);
  }
}

function currentStep(ctx: Context): EffectivePolicy['steps'][number] | undefined {
  const steps = ctx.policy.steps;
  return steps[Math.min(ctx.state.currentStep, steps.length - 1)];
}

/** The route the next transition from the current step sets; undefined when it sets none. */
function nextRoute(ctx: Context): Route | undefined {
  const next = ctx.policy.steps[ctx.state.currentStep + 1];
  if (next !== undefined) return routeOf(next);
  return ctx.policy.mode === 'Auto' ? PROMOTED_ROUTE : undefined;
}

/** The route the state asks for: its weight and the current step's matched and mirror routes. */
function stateRoute(state: RolloutState): Route {
  return { weight: state.canaryWeight, ...(state.routing === undefined ? {} : { routing: state.routing }) };
}

function setRoute(route: Route): RolloutAction {
  return route.routing === undefined
    ? { type: 'SetWeight', weight: route.weight }
    : { type: 'SetWeight', weight: route.weight, routing: route.routing };
}

/** All traffic, no candidate routes: a promoted version. */
const PROMOTED_ROUTE: Route = { weight: 100 };
/** No traffic, no candidate routes: a version rolled back (or never started). */
const NO_ROUTE: Route = { weight: 0 };

/**
 * From the current step to the next one; after the last one to the evaluation at the last step (when
 * the policy asks for it and this rollout has not passed it), else the manual gate or promotion.
 */
function advance(ctx: Context, reason: string, why: string): void {
  const s = ctx.state;
  if (s.currentStep + 1 < ctx.policy.steps.length) {
    startStep(ctx, s.currentStep + 1, reason, why);
    return;
  }
  // The router already shows the promotion (a restart after writing it): it is not undone for a gate.
  if (ctx.policy.evaluation?.atLastStep === true && reason !== Reasons.WeightsAdopted && !passedLastStep(s)) {
    startEvaluation(ctx, 'LastStep', why);
    return;
  }
  afterLastStep(ctx, reason, why);
}

/** What follows the last step (and its evaluation): the manual gate (mode Manual) or promotion. */
function afterLastStep(ctx: Context, reason: string, why: string): void {
  if (ctx.policy.mode === 'Manual') {
    ctx.transition(
      'Paused',
      reason === Reasons.EvaluationPassed || reason === Reasons.NotEvaluated ? reason : Reasons.ManualGate,
      `${why}; ${lastStepPassed(currentStep(ctx), true)}, waiting for 'promote' (${ctx.policy.strategy === 'Experiment' ? 'winner' : 'mode'} Manual)`,
      {
        pauseReason: 'ManualGate' as PauseReason,
      },
    );
  } else {
    const won = currentStep(ctx)?.stage === 'Experiment' ? Reasons.ExperimentWon : Reasons.Promoted;
    const kept: readonly string[] = [Reasons.WeightsAdopted, Reasons.EvaluationPassed, Reasons.NotEvaluated];
    promote(ctx, kept.includes(reason) ? reason : won, `${why}; ${lastStepPassed(currentStep(ctx))}`);
  }
}

function startStep(ctx: Context, index: number, reason: string, why?: string): void {
  const step = ctx.policy.steps[index] as EffectivePolicy['steps'][number];
  const message = `${why === undefined ? '' : `${why}; `}${describeStep(step, index)}`;
  const experiment =
    step.stage === 'Experiment'
      ? {
          startedAt: ctx.nowIso,
          endsAt: new Date(ctx.nowMs + step.pauseMs).toISOString(),
          metrics: [],
        }
      : undefined;
  ctx.transition('Progressing', reason, message, {
    currentStep: index,
    canaryWeight: step.weight,
    stage: step.stage,
    routing: step.routing,
    stepStartedAt: ctx.nowIso,
    inconclusiveChecks: 0,
    ...(experiment === undefined ? {} : { experiment }),
  });
  const route = routeOf(step);
  if (!sameRoute(ctx.observedRoute, route)) ctx.act(setRoute(route));
}

function promote(ctx: Context, reason: string, message: string): void {
  // The first version has no previous stable to fall back to, so it has no bake either.
  const bake = ctx.hasStable && ctx.policy.bakeWindowMs > 0;
  const bakeUntil = new Date(ctx.nowMs + ctx.policy.bakeWindowMs).toISOString();
  ctx.transition('Promoted', reason, bake ? `${message}; baking at 100% until ${bakeUntil}` : message, {
    canaryWeight: 100,
    stage: undefined,
    routing: undefined,
    promotedAt: ctx.nowIso,
    // Fixed now, so a policy edited during the bake neither cuts it short nor stretches it.
    bakeUntil: bake ? bakeUntil : undefined,
    finishedAt: bake ? undefined : ctx.nowIso,
    inconclusiveChecks: 0,
  });
  if (!sameRoute(ctx.observedRoute, PROMOTED_ROUTE)) ctx.act(setRoute(PROMOTED_ROUTE));
}

function promoted(ctx: Context): void {
  const { obs, policy } = ctx;
  if (ctx.hasStable && obs.observedWeight === 0) {
    // Another version is the stable now and this one serves nothing: a newer one was promoted, or
    // the AIModel was rolled back. Both observations are required so a stale read of one of them
    // cannot end a version that has just been promoted.
    if (obs.supersededBy !== undefined) {
      ctx.transition(
        'Superseded',
        Reasons.SupersededByNewerVersion,
        `version ${obs.stableVersion} is now stable`,
        {
          canaryWeight: 0,
          finishedAt: ctx.state.finishedAt ?? ctx.nowIso,
        },
      );
    } else {
      ctx.transition(
        'RolledBack',
        Reasons.StableRolledBack,
        `the AIModel was rolled back to version ${obs.stableVersion}`,
        { canaryWeight: 0, finishedAt: ctx.nowIso },
        'Warning',
      );
    }
    return;
  }
  const bakeUntil = bakeEnd(ctx.state, policy);
  if (bakeUntil === undefined) return;
  const verdict = consumeAnalysis(ctx);
  if (verdict === 'Failed') {
    rollBack(
      ctx,
      Reasons.BakeFailed,
      `analysis failed during the bake after promotion; returning to the previous stable`,
    );
    return;
  }
  if (ctx.nowMs >= bakeUntil) {
    // The promotion stands either way (the previous stable is about to go cold), but a bake that
    // never saw a passing analysis says so instead of claiming it passed.
    const { runs, passed } = bakeAnalyses(ctx.state);
    const lasted = formatDuration(bakeUntil - (ms(ctx.state.promotedAt) as number));
    ctx.patch({ finishedAt: ctx.nowIso });
    if (passed > 0) {
      ctx.hold(
        Reasons.BakeSucceeded,
        `bake of ${lasted} at 100% passed (${passed} of ${runs} analyses passed, none failed)`,
      );
    } else {
      ctx.hold(
        Reasons.BakeInconclusive,
        runs === 0
          ? `bake of ${lasted} at 100% ended before its first analysis (interval ${formatDuration(policy.intervalMs)}); the promotion stands`
          : `bake of ${lasted} at 100% ended without a passing analysis (${runs} inconclusive); the promotion stands`,
        'Warning',
      );
    }
    return;
  }
  ctx.wake(Math.min(bakeUntil, nextAnalysisAt(ctx.state, policy) as number));
}

/** Starts taking this version's traffic away (or fails the first version outright). */
function rollBack(ctx: Context, reason: string, message: string): void {
  const wasPromoted = ctx.state.promotedAt !== undefined;
  ctx.transition(
    'RollingBack',
    reason,
    message,
    { canaryWeight: 0, pauseReason: undefined, stage: undefined, routing: undefined },
    'Warning',
  );
  rollBackActions(ctx, wasPromoted);
}

function rollBackActions(ctx: Context, wasPromoted: boolean): void {
  if (sameRoute(ctx.observedRoute, NO_ROUTE)) return;
  // A promoted version (bake failure) hands the stable role back; a canary loses its weight and
  // its preview, cohort or mirror routes.
  ctx.act(wasPromoted ? { type: 'RestorePreviousStable' } : setRoute(NO_ROUTE));
}

function rollingBack(ctx: Context): void {
  if (sameRoute(ctx.observedRoute, NO_ROUTE)) {
    const cause = ctx.state.reason;
    ctx.transition(
      'RolledBack',
      Reasons.RolledBack,
      `traffic is back on the stable version; ${ctx.state.message}`,
      {
        finishedAt: ctx.nowIso,
      },
      'Warning',
    );
    // The status keeps the cause (FailureLimitExceeded, Aborted, …) as its reason; the Event says RolledBack.
    ctx.patch({ reason: cause });
    return;
  }
  rollBackActions(ctx, ctx.state.promotedAt !== undefined);
  ctx.wake(ctx.nowMs + DefaultRollbackRequeueMs);
}

// ── 4. Evaluation gates ─────────────────────────────────────────────────────────────────────────

/**
 * Starts a run at `gate`: records it Running (its Job is created by the controller once this state
 * is written) and moves to Evaluating. Before any user traffic the version has no weight; at the last
 * step it keeps the last step's routes. No route is written.
 */
function startEvaluation(ctx: Context, gate: EvaluationGate, why: string): void {
  const s = ctx.state;
  const attempt = nextAttempt(s, gate);
  const job = evaluationJobName(ctx.obs.versionObjectName, gate, attempt);
  const stableVersion = ctx.hasStable ? ctx.obs.stableVersion : undefined;
  const run: EvaluationRunStatus = {
    gate,
    attempt,
    job,
    phase: 'Running',
    startedAt: ctx.nowIso,
    ...(stableVersion === undefined ? {} : { stableVersion }),
  };
  const beside = stableVersion === undefined ? '' : `, beside stable ${stableVersion}`;
  ctx.transition(
    'Evaluating',
    Reasons.EvaluationStarted,
    `${why}; evaluating version ${s.version} on the golden set ${gateText(gate)}${beside} (Job ${job}, attempt ${attempt})`,
    {
      evaluations: appendRun(s.evaluations, run),
      inconclusiveChecks: 0,
      ...(gate === 'BeforeTraffic'
        ? { currentStep: 0, canaryWeight: 0, stage: undefined, routing: undefined }
        : {}),
    },
  );
}

/** `resume` of a run that could not be judged: the next attempt at the same gate. */
function rerunEvaluation(ctx: Context): void {
  const gate = latestRun(ctx.state)?.gate ?? 'BeforeTraffic';
  if (ctx.policy.evaluation === undefined) {
    afterGate(ctx, gate, Reasons.NotEvaluated, 'resumed with no evaluation in the policy any more');
    return;
  }
  startEvaluation(ctx, gate, 'resumed by request');
}

/** Evaluating: waits for the run's Job, then judges its result; bounded by the run's deadline. */
function evaluating(ctx: Context): void {
  const evaluation = ctx.policy.evaluation;
  const run = runningRun(ctx.state);
  if (run === undefined) {
    // A status that lost its running run (edited by hand): the gate starts over.
    const gate = latestRun(ctx.state)?.gate ?? 'BeforeTraffic';
    if (evaluation === undefined) {
      afterGate(ctx, gate, Reasons.NotEvaluated, 'no evaluation is running or declared');
    } else {
      startEvaluation(ctx, gate, 'no evaluation run was recorded');
    }
    return;
  }
  if (evaluation === undefined) {
    closeRun(ctx, run, 'not judged: the evaluation was removed from the policy');
    afterGate(
      ctx,
      run.gate,
      Reasons.NotEvaluated,
      'the evaluation was removed from the policy; going on without it',
    );
    return;
  }
  const seen = ctx.obs.evaluation?.job === run.job ? ctx.obs.evaluation : undefined;
  if (seen?.state === 'Finished') {
    judge(ctx, run, seen, evaluation);
    return;
  }
  const problem = ctx.obs.evaluationProblem;
  if (problem !== undefined) {
    invalidRun(ctx, run, `${problem.field}: ${problem.message}`);
    return;
  }
  const deadline = (ms(run.startedAt) ?? ctx.nowMs) + evaluation.timeoutMs + EvaluationGraceMs;
  if (ctx.nowMs >= deadline) {
    invalidRun(
      ctx,
      run,
      `no result within the timeout ${formatDuration(evaluation.timeoutMs)} and ${formatDuration(EvaluationGraceMs)} more`,
    );
    return;
  }
  ctx.wake(deadline);
}

/** The verdict on a finished Job: the gate passed or failed, or the run could not be judged. */
function judge(
  ctx: Context,
  run: EvaluationRunStatus,
  seen: EvaluationObservation,
  evaluation: EffectiveEvaluation,
): void {
  const result = seen.result;
  // An error the run reported names the field; a failure of the Job only says it failed.
  if (result?.error === undefined && seen.failure !== undefined) {
    invalidRun(ctx, run, seen.failure);
    return;
  }
  if (result === undefined) {
    invalidRun(ctx, run, `Job ${run.job} finished without a result in its pod's termination message`);
    return;
  }
  const outcome = gateVerdict(result, evaluation);
  if (outcome.verdict === 'Invalid') {
    invalidRun(ctx, run, outcome.message);
    return;
  }
  const { gate, attempt, job, startedAt } = run;
  ctx.patch({
    evaluations: replaceLatest(ctx.state.evaluations, {
      gate,
      attempt,
      job,
      startedAt,
      phase: outcome.verdict,
      finishedAt: ctx.nowIso,
      ...outcome.record,
      message: outcome.message,
    }),
  });
  if (outcome.verdict === 'Passed') {
    afterGate(ctx, gate, Reasons.EvaluationPassed, `evaluation ${gateText(gate)} passed: ${outcome.message}`);
    return;
  }
  const why = `evaluation ${gateText(gate)} failed: ${outcome.message}; failed cases: ${outcome.failedSummary}`;
  if (ctx.hasStable || gate === 'LastStep') {
    rollBack(ctx, Reasons.EvaluationFailed, why);
    return;
  }
  ctx.transition(
    'Failed',
    Reasons.EvaluationFailed,
    `${why}; no stable version to return to`,
    { finishedAt: ctx.nowIso, canaryWeight: 0 },
    'Warning',
  );
}

/** The run could not be judged: it is Invalid and the rollout holds for a fix and `resume`. */
function invalidRun(ctx: Context, run: EvaluationRunStatus, why: string): void {
  closeRun(ctx, run, why);
  ctx.transition(
    'Paused',
    Reasons.EvaluationInvalid,
    `evaluation ${gateText(run.gate)} could not be judged (Job ${run.job}): ${why}; fix it, then 'resume' runs it again, or 'abort'`,
    { pauseReason: 'EvaluationInvalid' },
    'Warning',
  );
}

/** Records the running run as Invalid with `message`. */
function closeRun(ctx: Context, run: EvaluationRunStatus, message: string): void {
  ctx.patch({
    evaluations: replaceLatest(ctx.state.evaluations, {
      ...run,
      phase: 'Invalid',
      finishedAt: ctx.nowIso,
      message: message.slice(0, MaxRunMessage),
    }),
  });
}

/**
 * Past the gate: before traffic, step 0 (or, for a first version, promotion: there is nothing to
 * compare with); at the last step, the manual gate or promotion.
 */
function afterGate(ctx: Context, gate: EvaluationGate, reason: string, why: string): void {
  if (gate === 'LastStep') {
    afterLastStep(ctx, reason, why);
  } else if (ctx.hasStable) {
    startStep(ctx, 0, reason, why);
  } else {
    promote(ctx, reason, `${why}; first version of the model: promoted, nothing to compare with`);
  }
}
