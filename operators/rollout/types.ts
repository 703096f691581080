/**
 * The inputs and outputs of {@link decide}: the rollout state as recorded in ModelVersion.status,
 * what the controller observed this reconcile, and what it must do next.
 */
import {
  MODEL_VERSION_ACTIONS,
  type ActionResult,
  type CandidateRouting,
  type ExperimentStatus,
  type RolloutStage,
  type RolloutStrategy,
  type ModelVersionAction,
  type ModelVersionPhase,
  type PauseReason as ApiPauseReason,
  type EvaluationPolicy,
  type EvaluationRunStatus,
} from '../../crds/api/index.js';
import type { EvaluationResult } from '../../runtime/eval/result.js';
import type { AnalysisRun, CheckResult, MetricCheck, Verdict } from '../analysis/types.js';

/** ModelVersion.status.phase. */
export type RolloutPhase = ModelVersionPhase;

/**
 * Why a rollout is Paused (status.pauseReason); `Inconclusive` resumes by itself on the next passing
 * analysis, `RouteNotAccepted` once the route is served again; `Requested`, `ManualGate` and
 * `EvaluationInvalid` (an evaluation that could not be judged) wait for a person.
 */
export type PauseReason = ApiPauseReason;

/** Requests through the `ai.suoke.life/action` annotation. */
export const ROLLOUT_ACTIONS = MODEL_VERSION_ACTIONS;
export type RolloutActionName = ModelVersionAction;

/**
 * One step of the rollout: a shadow, a blue-green preview, an experiment or one canary weight. Each
 * strategy is a list of steps (policy.ts), so every one of them shares the same analysis, deadlines,
 * actions and restart rules.
 */
export interface Step {
  /**
   * The candidate's share of the default route, percent: a canary step's weight (1..100, strictly
   * ascending over the canary steps), an experiment's fixed share, 0 for shadow and preview.
   */
  readonly weight: number;
  /** Least time the step is held (milliseconds); an experiment's duration. @default DefaultStepPauseMs */
  readonly pauseMs: number;
  /** What the analysed traffic is. */
  readonly stage: RolloutStage;
  /** Matched and mirror routes of the step. @default none */
  readonly routing?: CandidateRouting;
}

/** The promotion policy with every default resolved (see policy.ts). */
export interface EffectivePolicy {
  readonly strategy: RolloutStrategy;
  /** Shadow first when set, then the strategy's steps; after the last one comes promotion. */
  readonly steps: readonly Step[];
  /** Time between analyses and the PromQL window (milliseconds). */
  readonly intervalMs: number;
  readonly metrics: readonly MetricCheck[];
  readonly failureLimit: number;
  readonly inconclusiveLimit: number;
  /** Auto promotes after the last step; Manual waits there for `promote` (an experiment's `winner`). */
  readonly mode: 'Auto' | 'Manual';
  readonly progressDeadlineMs: number;
  /**
   * Analysis at 100% after promotion (milliseconds); 0 disables the bake. The policy's
   * `bakeDuration`, which defaults to its `scaleDownDelay`; the previous stable is kept warm at least
   * this long, so a failed bake returns to it at once.
   */
  readonly bakeWindowMs: number;
  /**
   * The golden-set evaluation run before any user traffic (and, with `atLastStep`, before
   * promotion); absent when neither the ModelVersion nor the AIModel declares one.
   */
  readonly evaluation?: EffectiveEvaluation;
}

/**
 * The evaluation of the effective policy: ModelVersion.spec.promotion.evaluation, else the AIModel's
 * spec.rollout.evaluation, taken whole (a dataset and its gate only make sense together).
 */
export interface EffectiveEvaluation {
  /** As declared (the ModelVersion's, else the AIModel's); the evaluation Job is rendered from it. */
  readonly spec: EvaluationPolicy;
  /** Evaluate again once the last step's analysis passed, before promotion. */
  readonly atLastStep: boolean;
  /** Least pass rate (0..1). @default none */
  readonly minPassRate?: number;
  /** Largest drop of the pass rate below the stable's in the same run (0..1). @default none */
  readonly maxDropVsStable?: number;
  /** Deadline of a whole run (milliseconds): the Job's activeDeadlineSeconds. */
  readonly timeoutMs: number;
  /** The judge AIModel (spec.judge.modelRef.name), which must exist in the namespace. @default none */
  readonly judgeModel?: string;
}

/** One analysis as kept in status. */
export interface AnalysisRecord {
  /** When it ran (RFC 3339). */
  readonly time: string;
  /** The step (0-based) and canary weight it measured; during the bake the weight is 100. */
  readonly step: number;
  readonly weight: number;
  /**
   * Percent of the model's live requests the version served over the window, beside the weight it
   * had; absent when unmeasured. decide() never reads it: a share that lags the weight (sessions
   * kept on the stable) is no step missing, and `minSamples` is the guard against too little traffic.
   */
  readonly requestShare?: number;
  readonly verdict: Verdict;
  readonly checks: readonly CheckResult[];
}

/** The last request through the annotation and what became of it (status.lastAction). */
export interface ActionRecord {
  /** The annotation's value as requested (status.lastAction.action). */
  readonly name: string;
  readonly result: ActionResult;
  /** What was done, or why it was refused (status.lastAction.message). */
  readonly reason: string;
  /** When it was consumed (RFC 3339). */
  readonly time: string;
}

/**
 * Everything decide() needs to resume a rollout, all of it kept in ModelVersion.status (see
 * status.ts) so a restarted operator continues exactly where it was. Times are RFC 3339 strings.
 * The last progress is derived rather than stored: the later of `stepStartedAt` and the last
 * passing analysis.
 */
export interface RolloutState {
  /** ModelVersion.spec.version. */
  readonly version: string;
  readonly phase: RolloutPhase;
  /** The strategy, fixed when the rollout leaves Pending. @default the policy's */
  readonly strategy?: RolloutStrategy;
  /** The current step's stage while it is analysed. @default none */
  readonly stage?: RolloutStage;
  /** The current step's matched and mirror routes. @default none */
  readonly routing?: CandidateRouting;
  /** The experiment's window and per-metric means, once its step has started. @default none */
  readonly experiment?: ExperimentStatus;
  /** Set while phase is Paused. */
  readonly pauseReason?: PauseReason;
  /** Index of the current step in policy.steps (0-based). */
  readonly currentStep: number;
  /** The canary weight this version should have, percent. */
  readonly canaryWeight: number;
  /** When Deploying began; the Deploying deadline counts from here. */
  readonly startedAt?: string;
  /** When the current step's weight was set, or the rollout last resumed. */
  readonly stepStartedAt?: string;
  /**
   * When the last analysis ran; the next one is due one interval later. Cleared when the step
   * restarts after a refused route, so the first analysis after it looks only at served traffic.
   */
  readonly lastAnalysisAt?: string;
  /** Failed analyses over the whole rollout. */
  readonly failedChecks: number;
  /** Consecutive inconclusive analyses. */
  readonly inconclusiveChecks: number;
  readonly promotedAt?: string;
  /**
   * When the bake after promotion ends; fixed at promotion so a policy edited meanwhile does not move
   * it. Absent when promoted without a bake (and in statuses written before the field existed).
   */
  readonly bakeUntil?: string;
  /** When the rollout ended; a Promoted version without it is still baking. */
  readonly finishedAt?: string;
  /** Machine-readable reason of the last transition (CamelCase, as in conditions). */
  readonly reason: string;
  /** The same in a sentence. */
  readonly message: string;
  /** Most recent analyses, oldest first. */
  readonly analysis: readonly AnalysisRecord[];
  /** The last request through the action annotation; kept until the next one. @default none */
  readonly lastAction?: ActionRecord;
  /**
   * Evaluation runs, oldest first (status.evaluations, at most MaxEvaluationRuns): the latest is
   * Running while the phase is Evaluating. Kept across `retry`, so a new run never reuses the name
   * of an earlier run's Job.
   */
  readonly evaluations: readonly EvaluationRunStatus[];
}

/** What the controller saw this reconcile. */
export interface Observations {
  readonly policy: EffectivePolicy;
  /** AIModel.status.stableVersion; absent before the first promotion. */
  readonly stableVersion?: string;
  /** The canary Deployment is Available (all its wanted replicas ready). */
  readonly canaryAvailable: boolean;
  /** This version's weight as the traffic router reports it now (0 when it has no route). */
  readonly observedWeight: number;
  /** This version's matched and mirror routes as the router reports them now. @default none */
  readonly observedRouting?: CandidateRouting;
  /** A newer ModelVersion of the same AIModel exists; this one must give way. */
  readonly supersededBy?: string;
  /** Another version still holds the canary slot (rolling back or baking); this one waits in Pending. */
  readonly waitingFor?: string;
  /** The analysis the controller ran because {@link analysisDue} said so. */
  readonly analysis?: AnalysisRun;
  /** The value of the `ai.suoke.life/action` annotation, if set. */
  readonly action?: string;
  /**
   * The router reports that no data plane serves this model's route (a Gateway API gateway refuses
   * the HTTPRoute): `reason` is the refusing party's (e.g. NotAllowedByListeners), `message` a
   * sentence naming the route and the parent. Absent when the route is served, or when the router
   * cannot tell (it has no `acceptance`, or the routes do not exist yet).
   */
  readonly routeRefused?: { readonly reason: string; readonly message: string };
  /**
   * The ModelVersion's metadata.name: the name of an evaluation run's Job is derived from it
   * (`evaluationJobName`), so decide() names the Job it asks for and the controller finds it by name.
   */
  readonly versionObjectName: string;
  /** The Job of the run status.evaluations says is Running (matched by job name). @default none */
  readonly evaluation?: EvaluationObservation;
  /**
   * Something found wrong before any Job can run, naming the field: e.g. the judge AIModel does not
   * exist. The run is then Invalid and the rollout holds for a fix. @default none
   */
  readonly evaluationProblem?: { readonly field: string; readonly message: string };
}

/** What the controller saw of the Job of the running evaluation. */
export interface EvaluationObservation {
  /** The Job's name (the run's `job`). */
  readonly job: string;
  /**
   * Running: the Job exists and has not finished; Finished: it completed or failed. No observation
   * at all means there is no such Job in the cache (yet).
   */
  readonly state: 'Running' | 'Finished';
  /** The decoded termination message of its pod, when it has one. */
  readonly result?: EvaluationResult;
  /**
   * Why it finished without a usable result, e.g. "Job soer-v2-eval-pre-1 failed: DeadlineExceeded: …"
   * or "termination message is not a result: …".
   */
  readonly failure?: string;
}

/**
 * What the controller must do; every action is idempotent. The workload is not among them: it
 * follows the phase written to status (the AIModel controller renders a version's Deployment from
 * Deploying to RollingBack, and while it is stable or kept warm).
 */
export type RolloutAction =
  | TrafficAction
  /** Remove the `ai.suoke.life/action` annotation, once the request is recorded in status. */
  | { readonly type: 'ClearAction' };

/** The actions carried out through the TrafficRouter, before status is written. */
export type TrafficAction =
  /**
   * Route `weight` percent to this version and the rest to stable, and give it exactly `routing`
   * (none when absent), in one write.
   */
  | { readonly type: 'SetWeight'; readonly weight: number; readonly routing?: CandidateRouting }
  /** Bake failed: make the previous (warm) stable the stable again with all traffic. */
  | { readonly type: 'RestorePreviousStable' };

/** A Kubernetes Event to record on the ModelVersion. */
export interface RolloutEvent {
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly message: string;
}

/** The result of decide(). */
export interface Decision {
  readonly state: RolloutState;
  readonly actions: readonly RolloutAction[];
  readonly events: readonly RolloutEvent[];
  /** Come back after this long (milliseconds) even if nothing changes; absent when nothing is pending. */
  readonly requeueAfterMs?: number;
  /** What became of `observations.action`, when one was requested (also an Event). */
  readonly action?: ActionRecord;
}
