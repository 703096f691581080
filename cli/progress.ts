/**
 * What a person (or a pipeline) sees of a rollout: the phase, the strategy and its stage, step i/n,
 * canary weight, the stage's routes, the latest evaluation on the golden set and the latest analysis
 * with each check's value against its threshold and verdict. One function builds the record, two
 * render it (a progress line, a JSON line), so both always say the same thing.
 */
import type {
  AIModel,
  CandidateRouting,
  EvaluationRunStatus,
  ExperimentStatus,
  MetricResult,
  ModelVersion,
  RequestMatch,
  RolloutStage,
} from '../crds/index.js';
import { runsOfThisRollout } from '../operators/rollout/evaluation-runs.js';
import { resolvePolicy } from '../operators/rollout/policy.js';
import { stateFromStatus } from '../operators/rollout/status.js';

/** One analysis check as shown. */
export interface CheckView {
  readonly metric: string;
  /** Canary value; undefined when the query returned no data. */
  readonly value?: number;
  readonly stableValue?: number;
  /** The bound it was judged against, e.g. `max 0.01` or `maxIncrease 25%`. */
  readonly threshold?: string;
  /** The range the query looked back over, e.g. `1m`. */
  readonly window?: string;
  readonly verdict: string;
  /** Why, as the operator wrote it. */
  readonly reason?: string;
}

/** The state of a rollout at one moment. */
export interface ProgressView {
  readonly name: string;
  readonly namespace: string;
  readonly version: string;
  readonly model: string;
  readonly phase: string;
  /** Why it is Paused (Requested, ManualGate, Inconclusive, RouteNotAccepted, EvaluationInvalid); only in phase Paused. */
  readonly pauseReason?: string;
  /** Canary, BlueGreen or Experiment, once the operator has resolved it. */
  readonly strategy?: string;
  /** While Progressing or Paused: Shadow, Preview, Experiment or Canary. */
  readonly stage?: string;
  /**
   * 1-based canary step (a shadow before the canary is not counted); undefined before the canary
   * gets traffic and in the other stages.
   */
  readonly step?: number;
  /** Number of canary steps of the effective policy; undefined when it has none or cannot be resolved. */
  readonly steps?: number;
  readonly canaryWeight?: number;
  /**
   * Percent of the model's live requests the version served, as the last analysis measured it
   * (status.requestShare). It lags the weight while sessions stay on the version they started on.
   */
  readonly requestShare?: number;
  /** Routes besides the weight: the preview header, the experiment's cohort, the shadow's mirror share. */
  readonly routing?: CandidateRouting;
  /** The experiment's window and candidate-vs-stable means per metric. */
  readonly experiment?: ExperimentStatus;
  readonly failedChecks?: number;
  readonly message?: string;
  /** The latest evaluation run on the golden set of the rollout under way, as status.evaluations has it. */
  readonly evaluation?: EvaluationRunStatus;
  /** The latest analysis run. */
  readonly analysis?: {
    readonly time: string;
    readonly verdict: string;
    readonly checks: readonly CheckView[];
  };
  readonly resourceVersion?: string;
}

/**
 * The stage of each step of the version's effective policy (its `spec.promotion` over the AIModel's
 * `spec.rollout` over the defaults), in order: e.g. `[Shadow, Canary, Canary]`, `[Preview]`. It
 * tells which canary step `status.currentStep` (an index over all of them) is. Undefined when the
 * policy cannot be resolved.
 */
export type StepPlan = readonly RolloutStage[];

export function stepPlan(mv: ModelVersion, model: AIModel | undefined): StepPlan | undefined {
  try {
    return resolvePolicy({ promotion: mv.spec?.promotion, rollout: model?.spec?.rollout }).steps.map(
      (s) => s.stage,
    );
  } catch {
    // An invalid policy is the operator's to report (status.message); the CLI just omits n.
    return undefined;
  }
}

/**
 * The 1-based canary step of step index `index`, or undefined when that step is no canary step.
 * Without a plan (or for a status written before stages) it is `index + 1`.
 */
export function canaryStepOf(index: number, plan: StepPlan | undefined): number | undefined {
  if (plan === undefined || index >= plan.length) return index + 1;
  if (plan[index] !== 'Canary') return undefined;
  return plan.slice(0, index + 1).filter((stage) => stage === 'Canary').length;
}

/** The recorded threshold as people read it, e.g. `max 0.01` or `min 5, maxIncrease 25%`. */
export function formatThreshold(threshold: MetricResult['threshold']): string | undefined {
  if (!threshold) return undefined;
  const parts = [
    ...(threshold.min !== undefined ? [`min ${threshold.min}`] : []),
    ...(threshold.max !== undefined ? [`max ${threshold.max}`] : []),
    ...(threshold.maxIncrease !== undefined ? [`maxIncrease ${threshold.maxIncrease}%`] : []),
  ];
  return parts.length > 0 ? parts.join(', ') : undefined;
}

export function checkView(m: MetricResult): CheckView {
  return {
    metric: m.name,
    ...(m.value !== undefined ? { value: m.value } : {}),
    ...(m.stableValue !== undefined ? { stableValue: m.stableValue } : {}),
    ...(formatThreshold(m.threshold) !== undefined ? { threshold: formatThreshold(m.threshold) } : {}),
    ...(m.window !== undefined ? { window: m.window } : {}),
    verdict: m.verdict,
    ...(m.reason ? { reason: m.reason } : {}),
  };
}

/**
 * The latest evaluation run of the rollout under way, if it has one. Runs from before a `retry` are
 * kept in status (their Jobs' names count on), but they judged an earlier deployment.
 */
export function latestEvaluation(mv: ModelVersion): EvaluationRunStatus | undefined {
  return runsOfThisRollout(stateFromStatus(mv.spec?.version ?? '', mv.status)).at(-1);
}

/**
 * Whether the rollout stands before any user traffic at an evaluation that has not passed: running,
 * held because it could not be judged, or failed (the version was rolled back before any request).
 */
export function standsAtTrafficGate(mv: ModelVersion): boolean {
  const run = latestEvaluation(mv);
  return (
    run !== undefined &&
    run.gate === 'BeforeTraffic' &&
    run.phase !== 'Passed' &&
    !['Pending', 'Deploying'].includes(mv.status?.phase ?? 'Pending')
  );
}

/** The view of a ModelVersion; `plan` from {@link stepPlan}. */
export function progressView(mv: ModelVersion, plan: StepPlan | undefined): ProgressView {
  const s = mv.status ?? {};
  const last = s.analysis?.[s.analysis.length - 1];
  const evaluation = latestEvaluation(mv);
  // Before the canary has traffic there is no step (nor while it is evaluated before any traffic),
  // and once promoted the step no longer matters. A stage other than Canary (shadow, preview,
  // experiment) has no canary step either.
  const hasStep =
    s.currentStep !== undefined &&
    (s.stage === undefined || s.stage === 'Canary') &&
    !['Pending', 'Deploying', 'Promoted', 'Superseded'].includes(s.phase ?? 'Pending') &&
    !standsAtTrafficGate(mv);
  const step = hasStep ? canaryStepOf(s.currentStep as number, plan) : undefined;
  const steps = plan?.filter((stage) => stage === 'Canary').length;
  return {
    name: mv.metadata.name ?? '',
    namespace: mv.metadata.namespace ?? '',
    version: mv.spec?.version ?? '',
    model: mv.spec?.modelRef?.name ?? '',
    phase: s.phase ?? 'Pending',
    ...(s.phase === 'Paused' && s.pauseReason ? { pauseReason: s.pauseReason } : {}),
    ...(s.strategy ? { strategy: s.strategy } : {}),
    ...(s.stage ? { stage: s.stage } : {}),
    ...(step !== undefined ? { step } : {}),
    ...(steps !== undefined && steps > 0 ? { steps } : {}),
    ...(s.canaryWeight !== undefined ? { canaryWeight: s.canaryWeight } : {}),
    ...(s.requestShare !== undefined ? { requestShare: s.requestShare } : {}),
    ...(s.routing !== undefined ? { routing: s.routing } : {}),
    ...(s.experiment !== undefined ? { experiment: s.experiment } : {}),
    ...(s.failedChecks !== undefined ? { failedChecks: s.failedChecks } : {}),
    ...(s.message ? { message: s.message } : {}),
    ...(evaluation !== undefined ? { evaluation } : {}),
    ...(last
      ? { analysis: { time: last.time, verdict: last.verdict, checks: (last.metrics ?? []).map(checkView) } }
      : {}),
    ...(mv.metadata.resourceVersion ? { resourceVersion: mv.metadata.resourceVersion } : {}),
  };
}

const num = (v: number): string => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4))));

/** `error-rate 0.004 vs max 0.01 Passed`. */
export function checkText(c: CheckView): string {
  const value = c.value === undefined ? 'no data' : num(c.value);
  const stable = c.stableValue === undefined ? '' : ` (stable ${num(c.stableValue)})`;
  const against = c.threshold ? ` vs ${c.threshold}` : '';
  return `${c.metric} ${value}${stable}${against} ${c.verdict}`;
}

/** `requests 31%`: the measured share of live requests beside the weight; undefined when unmeasured. */
export function requestShareText(share: number | undefined): string | undefined {
  return share === undefined ? undefined : `requests ${share}%`;
}

/** `step 2/4` (or `step 2` when n is unknown), undefined before the canary has a step. */
export function stepText(v: ProgressView): string | undefined {
  if (v.step === undefined) return undefined;
  return v.steps !== undefined ? `step ${v.step}/${v.steps}` : `step ${v.step}`;
}

/** `Paused (ManualGate)`, else the phase. */
export const phaseText = (v: ProgressView): string =>
  v.pauseReason ? `${v.phase} (${v.pauseReason})` : v.phase;

/**
 * One progress line, e.g.
 * `xiaoai-v2 Progressing Canary step 2/4 weight 20% | analysis Passed: error-rate 0.004 vs max 0.01 Passed`
 * or `soer-v2 Paused (ManualGate) Preview weight 0% | analysis Passed: …`, or while a version is
 * evaluated `xiaoai-v3 Evaluating | evaluating on the golden set (job xiaoai-v3-eval-pre-1)`. The
 * stage is named as the status gives it (a status written before stages has none). The message is
 * appended only when there is no analysis or evaluation to show, so lines stay short.
 */
export function progressLine(v: ProgressView): string {
  const parts = [v.name, phaseText(v)];
  if (v.stage) parts.push(v.stage);
  const step = stepText(v);
  if (step) parts.push(step);
  // Before any user traffic the weight is 0 by construction; saying so would suggest a step.
  if (v.canaryWeight !== undefined && !(v.phase === 'Evaluating' && v.evaluation?.gate === 'BeforeTraffic')) {
    parts.push(`weight ${v.canaryWeight}%`);
  }
  if (v.stage === 'Shadow' && v.routing?.mirrorPercent !== undefined) {
    parts.push(`mirror ${v.routing.mirrorPercent}%`);
  }
  let line = parts.join(' ');
  if (v.phase === 'Evaluating' && v.evaluation?.phase === 'Running') {
    line += ` | evaluating on the golden set${v.evaluation.gate === 'LastStep' ? ' at the last step' : ''} (job ${v.evaluation.job})`;
  } else if (v.pauseReason === 'EvaluationInvalid' && v.message) {
    // What could not be judged is the whole story of this hold; an older analysis is not.
    line += ` | ${v.message}`;
  } else if (v.analysis) {
    const checks = v.analysis.checks.map(checkText).join(', ');
    line += ` | analysis ${v.analysis.verdict}${checks ? `: ${checks}` : ''}`;
  } else if (v.message) {
    line += ` | ${v.message}`;
  }
  return line;
}

/** One request match as people read it: `header x-cohort = beta`, `cookie group prefix b`. */
export function matchText(m: RequestMatch): string {
  const [kind, match] = m.header ? (['header', m.header] as const) : (['cookie', m.cookie] as const);
  if (!match) return '<empty match>';
  const value =
    match.exact !== undefined
      ? `= ${match.exact}`
      : match.prefix !== undefined
        ? `prefix ${match.prefix}`
        : `matches ${match.regex ?? ''}`;
  return `${kind} ${match.name} ${value}`;
}

/** A preview match: the header as a tester sends it (`header x-model-version: v2`). */
const previewMatchText = (m: RequestMatch): string =>
  m.header?.exact !== undefined ? `header ${m.header.name}: ${m.header.exact}` : matchText(m);

/**
 * The current stage's routes in words, or undefined when the status names no stage:
 * - `shadow: 10% of live requests mirrored (answers discarded)`
 * - `preview: requests with header x-model-version: v2`
 * - `cohort: header x-cohort = beta, cookie group prefix b, plus 10% of the rest`
 * - `canary: 20% of requests`
 */
export function routesText(v: ProgressView): string | undefined {
  const matches = v.routing?.matches ?? [];
  const weight = v.canaryWeight ?? 0;
  switch (v.stage) {
    case 'Shadow':
      return `shadow: ${v.routing?.mirrorPercent ?? 0}% of live requests mirrored (answers discarded)`;
    case 'Preview':
      return matches.length === 0
        ? 'preview: no preview route'
        : `preview: requests with ${matches.map(previewMatchText).join(' or ')}`;
    case 'Experiment': {
      if (matches.length === 0) return `cohort: ${weight}% of requests`;
      const matched = matches.map(matchText).join(', ');
      return `cohort: ${matched}${weight > 0 ? `, plus ${weight}% of the rest` : ''}`;
    }
    case 'Canary':
      return `canary: ${weight}% of requests`;
    default:
      return undefined;
  }
}

/** `72% (18/25)`, or undefined before the run has a verdict. */
export function passRateText(run: EvaluationRunStatus): string | undefined {
  if (run.passRate === undefined) return undefined;
  const counts = run.cases !== undefined && run.passed !== undefined ? ` (${run.passed}/${run.cases})` : '';
  return `${percent(run.passRate)}${counts}`;
}

/** A share 0..1 as a percent people read: `90%`, `66.7%`. */
export const percent = (share: number): string => `${Number((share * 100).toFixed(1))}%`;

/** `no-diagnosis (notContains), see-a-doctor (contains)`: the failed cases of a run. */
export function failedCasesText(run: EvaluationRunStatus, max = Infinity): string | undefined {
  const cases = run.failedCases ?? [];
  if (cases.length === 0) return undefined;
  const shown = cases.slice(0, max).map((c) => `${c.id} (${c.expectation})`);
  // Status keeps at most 50 failed cases; the counts say how many failed in all.
  const total = run.cases !== undefined && run.passed !== undefined ? run.cases - run.passed : cases.length;
  const more = total - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

/**
 * The evaluation that ended the rollout: its latest run, when it Failed (the version was rolled
 * back, or a first version Failed, on the gate's verdict).
 */
export function failedEvaluation(mv: ModelVersion): EvaluationRunStatus | undefined {
  const run = latestEvaluation(mv);
  return run?.phase === 'Failed' ? run : undefined;
}

/** The checks that failed in the rollout's analyses, newest first, one per metric. */
export function failedChecks(mv: ModelVersion): CheckView[] {
  const seen = new Set<string>();
  const out: CheckView[] = [];
  for (const run of [...(mv.status?.analysis ?? [])].reverse()) {
    for (const m of run.metrics ?? []) {
      if (m.verdict === 'Failed' && !seen.has(m.name)) {
        seen.add(m.name);
        out.push(checkView(m));
      }
    }
  }
  return out;
}
