/**
 * ModelVersion.status ⇄ RolloutState. All progress lives in status, so a restarted operator reads
 * the state back and decide() continues where it was. Fields map one to one (the pause reason is
 * `status.pauseReason`, the last request through the action annotation `status.lastAction`, each
 * check's decision report an entry of `status.analysis[].metrics`), except:
 * - the reason of the last transition lives in the `Progressing` condition (status False while
 *   Paused, with reason PausedByRequest, ManualGate, InconclusiveLimitExceeded, RouteNotAccepted or
 *   EvaluationInvalid,
 *   the reason a person reads in `kubectl describe`); a status written before `pauseReason` existed
 *   is read back from it;
 * - `Degraded` is True while the version fails (RollingBack, RolledBack, Failed), while its route
 *   is refused (Paused RouteNotAccepted) and while its evaluation cannot be judged (Paused
 *   EvaluationInvalid): not the version's failure, but one someone has to fix before the rollout
 *   can go on;
 * - `Evaluated` tells the latest evaluation run of this rollout: Unknown while it runs
 *   (EvaluationStarted), True when it passed, False when it failed or could not be judged; Unknown
 *   NotEvaluated before the first run when the policy has an evaluation; absent without one;
 * - `evaluations` is written only once there is a run, so statuses of versions without an
 *   evaluation stay as they were;
 * - a check's query longer than MAX_RECORDED_QUERY is cut, and so is its reason;
 * - `requestShare` is the last analysis' (`analysis[-1].requestShare`), beside the weight: written
 *   in the same status write as the analysis that measured it, and derived, so not read back (each
 *   run's share is, with the run).
 *
 * The `Available` condition (the canary workload) is the controller's: it is kept as it is.
 */
import {
  CONDITION_TYPES,
  MAX_RECORDED_QUERY,
  MAX_RECORDED_REASON,
  PAUSE_REASONS as API_PAUSE_REASONS,
  REASONS,
  type LastAction,
  type ModelVersionStatus,
  type MetricResult,
  type AnalysisRun as StatusAnalysisRun,
} from '../../crds/api/index.js';
import { removeCondition, setCondition, type Condition, type ConditionInput } from '../kit/conditions.js';
import type { CheckResult } from '../analysis/types.js';
import { initialState } from './decide.js';
import { runsOfThisRollout } from './evaluation-runs.js';
import { Reasons } from './reasons.js';
import type { ActionRecord, AnalysisRecord, PauseReason, RolloutState } from './types.js';

const T = CONDITION_TYPES.ModelVersion;

/** Condition reason of each pause reason, and back. */
const PAUSE_REASONS: Readonly<Record<PauseReason, string>> = Object.freeze({
  Requested: REASONS.PausedByRequest,
  ManualGate: REASONS.ManualGate,
  Inconclusive: REASONS.InconclusiveLimitExceeded,
  RouteNotAccepted: REASONS.RouteNotAccepted,
  EvaluationInvalid: REASONS.EvaluationInvalid,
});

/** The rollout state recorded in a ModelVersion's status (a fresh state when there is none). */
export function stateFromStatus(version: string, status: ModelVersionStatus | undefined): RolloutState {
  if (status?.phase === undefined) return initialState(version);
  const progressing = status.conditions?.find((c) => c.type === T.Progressing);
  const pauseReason =
    status.phase === 'Paused'
      ? ((API_PAUSE_REASONS.includes(status.pauseReason as PauseReason) ? status.pauseReason : undefined) ??
        (Object.entries(PAUSE_REASONS).find(([, r]) => r === progressing?.reason)?.[0] as
          PauseReason | undefined) ??
        // An unknown pause reason is held for a person: it neither resumes by itself nor times out.
        'Requested')
      : undefined;
  return {
    version,
    phase: status.phase,
    ...(pauseReason === undefined ? {} : { pauseReason }),
    ...optional('strategy', status.strategy),
    ...optional('stage', status.stage),
    ...optional('routing', status.routing),
    ...optional('experiment', status.experiment),
    currentStep: status.currentStep ?? 0,
    canaryWeight: status.canaryWeight ?? 0,
    ...optional('startedAt', status.startedAt),
    ...optional('stepStartedAt', status.stepStartedAt),
    ...optional('lastAnalysisAt', status.lastAnalysisAt),
    ...optional('promotedAt', status.promotedAt),
    ...optional('bakeUntil', status.bakeUntil),
    ...optional('finishedAt', status.finishedAt),
    failedChecks: status.failedChecks ?? 0,
    inconclusiveChecks: status.inconclusiveChecks ?? 0,
    reason: progressing?.reason ?? Reasons.Created,
    message: status.message ?? '',
    analysis: (status.analysis ?? []).map(recordFromStatus),
    evaluations: status.evaluations ?? [],
    ...optional(
      'lastAction',
      status.lastAction === undefined ? undefined : actionFromStatus(status.lastAction),
    ),
  };
}

export interface StatusOptions {
  /** metadata.generation of the ModelVersion the state was decided for. */
  readonly observedGeneration?: number;
  /** The stable version this one is compared with. */
  readonly stableVersion?: string;
  /** For the conditions' lastTransitionTime (ms since the epoch). */
  readonly nowMs: number;
  /**
   * The effective policy has an evaluation: before its first run the `Evaluated` condition says
   * NotEvaluated. Without it (and without a run) the condition is left out. @default false
   */
  readonly hasEvaluation?: boolean;
}

/**
 * The status to write for `state`. `previous` is the status as read: its conditions keep their
 * transition times and the controller's `Available` condition is carried over.
 */
export function statusFromState(
  state: RolloutState,
  previous: ModelVersionStatus | undefined,
  options: StatusOptions,
): ModelVersionStatus {
  const generation = options.observedGeneration;
  const withGen = generation === undefined ? {} : { observedGeneration: generation };
  let conditions = (previous?.conditions ?? []) as Condition[];
  const phase = state.phase;
  const active =
    phase === 'Pending' ||
    phase === 'Deploying' ||
    phase === 'Evaluating' ||
    phase === 'Progressing' ||
    phase === 'RollingBack';
  conditions = setCondition(
    conditions,
    {
      type: T.Progressing,
      status: active ? 'True' : 'False',
      reason: phase === 'Paused' ? PAUSE_REASONS[state.pauseReason ?? 'Requested'] : state.reason,
      message: state.message,
      ...withGen,
    },
    options.nowMs,
  );
  const promoted = phase === 'Promoted' || phase === 'Superseded';
  conditions = setCondition(
    conditions,
    {
      type: T.Promoted,
      status: promoted ? 'True' : 'False',
      reason: promoted
        ? phase === 'Superseded'
          ? REASONS.SupersededByNewerVersion
          : REASONS.Promoted
        : 'NotPromoted',
      message: promoted
        ? `version ${state.version} ${phase === 'Superseded' ? 'was' : 'is'} stable`
        : 'not promoted',
      ...withGen,
    },
    options.nowMs,
  );
  const evaluated = evaluatedCondition(state, options.hasEvaluation ?? false);
  conditions =
    evaluated === undefined
      ? removeCondition(conditions, T.Evaluated)
      : setCondition(conditions, { ...evaluated, ...withGen }, options.nowMs);
  // A pause someone has to fix: a refused route, an evaluation that cannot be judged.
  const brokenPause =
    phase === 'Paused' &&
    (state.pauseReason === 'RouteNotAccepted' || state.pauseReason === 'EvaluationInvalid')
      ? PAUSE_REASONS[state.pauseReason]
      : undefined;
  const degraded =
    phase === 'RollingBack' || phase === 'RolledBack' || phase === 'Failed' || brokenPause !== undefined;
  conditions = setCondition(
    conditions,
    {
      type: T.Degraded,
      status: degraded ? 'True' : 'False',
      reason: brokenPause ?? (degraded ? state.reason : REASONS.AsExpected),
      message: degraded ? state.message : 'no failure',
      ...withGen,
    },
    options.nowMs,
  );
  return {
    ...withGen,
    phase,
    ...optional('pauseReason', phase === 'Paused' ? (state.pauseReason ?? 'Requested') : undefined),
    ...optional('strategy', state.strategy),
    ...optional('stage', state.stage),
    ...optional('routing', state.routing),
    ...optional('experiment', state.experiment),
    currentStep: state.currentStep,
    canaryWeight: state.canaryWeight,
    ...optional('requestShare', state.analysis.at(-1)?.requestShare),
    analysis: state.analysis.map(recordToStatus),
    failedChecks: state.failedChecks,
    inconclusiveChecks: state.inconclusiveChecks,
    message: state.message.slice(0, 4096),
    ...optional('startedAt', state.startedAt),
    ...optional('stepStartedAt', state.stepStartedAt),
    ...optional('lastAnalysisAt', state.lastAnalysisAt),
    ...optional('promotedAt', state.promotedAt),
    ...optional('bakeUntil', state.bakeUntil),
    ...optional('finishedAt', state.finishedAt),
    ...optional('stableVersion', options.stableVersion ?? previous?.stableVersion),
    ...optional('lastAction', state.lastAction === undefined ? undefined : actionToStatus(state.lastAction)),
    ...(state.evaluations.length === 0 ? {} : { evaluations: [...state.evaluations] }),
    conditions,
  };
}

/** The `Evaluated` condition; undefined when it is left out (no evaluation, no run). */
function evaluatedCondition(state: RolloutState, hasEvaluation: boolean): ConditionInput | undefined {
  const run = runsOfThisRollout(state).at(-1);
  const type = T.Evaluated;
  if (run === undefined) {
    return hasEvaluation
      ? {
          type,
          status: 'Unknown',
          reason: REASONS.NotEvaluated,
          message: 'not evaluated yet: the evaluation runs once the workload is Available',
        }
      : undefined;
  }
  const which = `evaluation ${run.gate} attempt ${run.attempt} (Job ${run.job})`;
  switch (run.phase) {
    case 'Running':
      return { type, status: 'Unknown', reason: REASONS.EvaluationStarted, message: `${which} is running` };
    case 'Passed':
      return {
        type,
        status: 'True',
        reason: REASONS.EvaluationPassed,
        message: `${which}: ${run.message ?? 'passed'}`,
      };
    case 'Failed':
      return {
        type,
        status: 'False',
        reason: REASONS.EvaluationFailed,
        message: `${which}: ${run.message ?? 'failed'}`,
      };
    case 'Invalid':
      return {
        type,
        status: 'False',
        reason: REASONS.EvaluationInvalid,
        message: `${which} could not be judged: ${run.message ?? 'no reason recorded'}`,
      };
  }
}

function actionToStatus(record: ActionRecord): LastAction {
  return {
    action: cut(record.name, 63),
    time: record.time,
    result: record.result,
    message: cut(record.reason, 1024),
  };
}

function actionFromStatus(last: LastAction): ActionRecord {
  return { name: last.action, result: last.result, reason: last.message ?? '', time: last.time };
}

function recordToStatus(record: AnalysisRecord): StatusAnalysisRun {
  return {
    time: record.time,
    step: record.step,
    weight: record.weight,
    ...optional('requestShare', record.requestShare),
    verdict: record.verdict,
    metrics: record.checks.map(checkToStatus),
  };
}

/** The decision report of one check in the schema's MetricResult, cut to the schema's bounds. */
export function checkToStatus(check: CheckResult): MetricResult {
  const threshold = check.threshold;
  const hasThreshold =
    threshold.min !== undefined || threshold.max !== undefined || threshold.maxIncrease !== undefined;
  return {
    name: check.metric,
    ...optional('query', check.query === '' ? undefined : cut(check.query, MAX_RECORDED_QUERY)),
    ...optional('value', finite(check.value)),
    ...optional('stableValue', finite(check.stableValue)),
    ...optional('samples', check.samples),
    ...(hasThreshold
      ? {
          threshold: {
            ...optional('min', threshold.min),
            ...optional('max', threshold.max),
            ...optional('maxIncrease', threshold.maxIncrease),
          },
        }
      : {}),
    ...optional('window', check.window === '' ? undefined : check.window),
    verdict: check.verdict,
    reason: cut(check.reason, MAX_RECORDED_REASON),
  };
}

/** JSON has no NaN or Infinity: such a value is left out (the reason still names it). */
function finite(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

function recordFromStatus(run: StatusAnalysisRun): AnalysisRecord {
  return {
    time: run.time,
    step: run.step,
    weight: run.weight,
    ...optional('requestShare', run.requestShare),
    verdict: run.verdict,
    checks: (run.metrics ?? []).map((m) => ({
      metric: m.name,
      // Empty for reports written before these fields existed; decide() needs only the verdicts.
      query: m.query ?? '',
      threshold: { ...m.threshold },
      window: m.window ?? '',
      ...optional('value', m.value),
      ...optional('stableValue', m.stableValue),
      ...optional('samples', m.samples),
      verdict: m.verdict,
      reason: m.reason ?? '',
    })),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
