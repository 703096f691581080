/** The per-model and per-version records `status` and `history` print (as tables) or emit (as data). */
import { CONDITION_TYPES, type AIModel, type EvaluationRunStatus, type ModelVersion } from '../crds/index.js';
import {
  canaryStepOf,
  failedCasesText,
  passRateText,
  percent,
  progressView,
  stepPlan,
  type CheckView,
  type ProgressView,
} from './progress.js';

export interface ModelSummary {
  readonly name: string;
  readonly namespace: string;
  readonly agent: string;
  readonly stable?: string;
  readonly canary?: string;
  readonly canaryWeight?: number;
  /** Traffic split, e.g. [{version: 'v1', weight: 90}, {version: 'v2', weight: 10}]. */
  readonly traffic: readonly { readonly version: string; readonly weight: number }[];
  /** Status of the Ready condition: True, False or Unknown. */
  readonly ready: string;
  readonly replicas?: number;
  readonly readyReplicas?: number;
  readonly created?: string;
}

export function modelSummary(m: AIModel): ModelSummary {
  const s = m.status ?? {};
  const ready = s.conditions?.find((c) => c.type === CONDITION_TYPES.AIModel.Ready)?.status ?? 'Unknown';
  return {
    name: m.metadata.name ?? '',
    namespace: m.metadata.namespace ?? '',
    agent: m.spec?.agent?.name ?? '',
    ...(s.stableVersion ? { stable: s.stableVersion } : {}),
    ...(s.canaryVersion ? { canary: s.canaryVersion } : {}),
    ...(s.canaryWeight !== undefined ? { canaryWeight: s.canaryWeight } : {}),
    traffic: (s.traffic ?? []).map((t) => ({ version: t.version, weight: t.weight })),
    ready,
    ...(s.replicas !== undefined ? { replicas: s.replicas } : {}),
    ...(s.readyReplicas !== undefined ? { readyReplicas: s.readyReplicas } : {}),
    ...(m.metadata.creationTimestamp ? { created: String(m.metadata.creationTimestamp) } : {}),
  };
}

/** `v1=90 v2=10`. */
export const trafficText = (t: ModelSummary['traffic']): string =>
  t.map((w) => `${w.version}=${w.weight}`).join(' ');

/** `2/3` replicas ready, else the Ready condition. */
export const readyText = (m: ModelSummary): string =>
  m.replicas !== undefined ? `${m.readyReplicas ?? 0}/${m.replicas}` : m.ready;

export type VersionSummary = ProgressView & {
  readonly created?: string;
  /** Every evaluation run on the golden set, oldest first, as status.evaluations has them. */
  readonly evaluations?: readonly EvaluationRunStatus[];
};

export function versionSummary(mv: ModelVersion, model: AIModel | undefined): VersionSummary {
  const evaluations = mv.status?.evaluations;
  return {
    ...progressView(mv, stepPlan(mv, model)),
    ...(mv.metadata.creationTimestamp ? { created: String(mv.metadata.creationTimestamp) } : {}),
    ...(evaluations !== undefined && evaluations.length > 0 ? { evaluations } : {}),
  };
}

/** Failed cases named in a row of the evaluations table; the rest are counted. */
const FAILED_CASES_IN_ROW = 5;

/** One evaluation run as a row of the table under `status <aimodel>`. */
export interface EvaluationRow {
  readonly gate: string;
  readonly attempt: number;
  readonly phase: string;
  /** `90% (9/10)`. */
  readonly passRate?: string;
  /** `v1 100%`. */
  readonly stable?: string;
  readonly judgeScore?: string;
  /** `no-diagnosis (notContains), see-a-doctor (contains) and 2 more`. */
  readonly failedCases?: string;
  readonly job: string;
  readonly message?: string;
}

export function evaluationRow(run: EvaluationRunStatus): EvaluationRow {
  const stable =
    run.stableVersion === undefined
      ? undefined
      : `${run.stableVersion}${run.stablePassRate === undefined ? '' : ` ${percent(run.stablePassRate)}`}`;
  return {
    gate: run.gate,
    attempt: run.attempt,
    phase: run.phase,
    ...optional('passRate', passRateText(run)),
    ...optional('stable', stable),
    ...optional('judgeScore', run.judgeScore === undefined ? undefined : String(run.judgeScore)),
    ...optional('failedCases', failedCasesText(run, FAILED_CASES_IN_ROW)),
    job: run.job,
    ...optional('message', run.message),
  };
}

const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

/** The running canary's latest analysis, as the report under `status <aimodel>`. */
export interface AnalysisReport {
  readonly modelVersion: string;
  readonly version: string;
  readonly time: string;
  /** What the analysed traffic was (Shadow, Preview, Experiment, Canary); absent when unknown. */
  readonly stage?: string;
  /** 1-based canary step the analysis ran at; absent in the other stages. */
  readonly step?: number;
  readonly weight: number;
  /** Percent of the model's live requests the version served over the run's window, when measured. */
  readonly requestShare?: number;
  readonly verdict: string;
  readonly checks: readonly CheckView[];
  readonly samples: readonly (number | undefined)[];
}

export function canaryReport(model: AIModel, versions: readonly ModelVersion[]): AnalysisReport | undefined {
  const canary = model.status?.canaryVersion;
  if (!canary) return undefined;
  const mv = versions.find((v) => v.spec?.version === canary);
  const run = mv?.status?.analysis?.[mv.status.analysis.length - 1];
  if (!mv || !run) return undefined;
  const view = progressView(mv, undefined);
  // The run's step is an index over all steps of the policy; its stage says what was analysed.
  const plan = stepPlan(mv, model);
  const stage = plan?.[run.step] ?? mv.status?.stage;
  const step = stage === undefined || stage === 'Canary' ? canaryStepOf(run.step, plan) : undefined;
  return {
    modelVersion: mv.metadata.name ?? '',
    version: canary,
    time: run.time,
    ...(stage !== undefined ? { stage } : {}),
    ...(step !== undefined ? { step } : {}),
    weight: run.weight,
    ...(run.requestShare !== undefined ? { requestShare: run.requestShare } : {}),
    verdict: run.verdict,
    checks: view.analysis?.checks ?? [],
    samples: (run.metrics ?? []).map((m) => m.samples),
  };
}

/** One metric of an experiment: the candidate against the stable over the experiment so far. */
export interface ExperimentMetricView {
  readonly metric: string;
  readonly analyses: number;
  readonly candidate?: number;
  readonly stable?: number;
  /** (candidate - stable) / stable, percent; absent without both means or with a stable of 0. */
  readonly changePercent?: number;
  readonly lastCandidate?: number;
  readonly lastStable?: number;
}

export function experimentMetrics(v: ProgressView): ExperimentMetricView[] {
  return (v.experiment?.metrics ?? []).map((m) => {
    const change =
      m.candidate !== undefined && m.stable !== undefined && m.stable !== 0
        ? ((m.candidate - m.stable) / Math.abs(m.stable)) * 100
        : undefined;
    return {
      metric: m.name,
      analyses: m.analyses,
      ...(m.candidate !== undefined ? { candidate: m.candidate } : {}),
      ...(m.stable !== undefined ? { stable: m.stable } : {}),
      ...(change !== undefined ? { changePercent: Number(change.toFixed(1)) } : {}),
      ...(m.lastCandidate !== undefined ? { lastCandidate: m.lastCandidate } : {}),
      ...(m.lastStable !== undefined ? { lastStable: m.lastStable } : {}),
    };
  });
}
