/** The per-model and per-version records `status` and `history` print (as tables) or emit (as data). */
import { CONDITION_TYPES, type AIModel, type ModelVersion } from '../crds/index.js';
import { progressView, stepCount, type CheckView, type ProgressView } from './progress.js';

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

export type VersionSummary = ProgressView & { readonly created?: string };

export function versionSummary(mv: ModelVersion, model: AIModel | undefined): VersionSummary {
  return {
    ...progressView(mv, stepCount(mv, model)),
    ...(mv.metadata.creationTimestamp ? { created: String(mv.metadata.creationTimestamp) } : {}),
  };
}

/** The running canary's latest analysis, as the report under `status <aimodel>`. */
export interface AnalysisReport {
  readonly modelVersion: string;
  readonly version: string;
  readonly time: string;
  readonly step: number;
  readonly weight: number;
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
  return {
    modelVersion: mv.metadata.name ?? '',
    version: canary,
    time: run.time,
    step: run.step + 1,
    weight: run.weight,
    verdict: run.verdict,
    checks: view.analysis?.checks ?? [],
    samples: (run.metrics ?? []).map((m) => m.samples),
  };
}
