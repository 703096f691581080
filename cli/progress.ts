/**
 * What a person (or a pipeline) sees of a rollout: the phase, step i/n, canary weight and the latest
 * analysis with each check's value against its threshold and verdict. One function builds the record,
 * two render it (a progress line, a JSON line), so both always say the same thing.
 */
import type { AIModel, MetricResult, ModelVersion } from '../crds/index.js';
import { resolvePolicy } from '../operators/rollout/policy.js';

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
  /** 1-based step; undefined before the canary gets traffic. */
  readonly step?: number;
  /** Number of steps of the effective policy; undefined when it cannot be resolved. */
  readonly steps?: number;
  readonly canaryWeight?: number;
  readonly failedChecks?: number;
  readonly message?: string;
  /** The latest analysis run. */
  readonly analysis?: {
    readonly time: string;
    readonly verdict: string;
    readonly checks: readonly CheckView[];
  };
  readonly resourceVersion?: string;
}

/**
 * Number of canary steps of the version's effective policy (its `spec.promotion` over the AIModel's
 * `spec.rollout` over the defaults), or undefined when the policy cannot be resolved.
 */
export function stepCount(mv: ModelVersion, model: AIModel | undefined): number | undefined {
  try {
    return resolvePolicy({ promotion: mv.spec?.promotion, rollout: model?.spec?.rollout }).steps.length;
  } catch {
    // An invalid policy is the operator's to report (status.message); the CLI just omits n.
    return undefined;
  }
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

/** The view of a ModelVersion; `steps` from {@link stepCount}. */
export function progressView(mv: ModelVersion, steps: number | undefined): ProgressView {
  const s = mv.status ?? {};
  const last = s.analysis?.[s.analysis.length - 1];
  // Before the canary has traffic there is no step, and once promoted the step no longer matters.
  const hasStep =
    s.currentStep !== undefined &&
    !['Pending', 'Deploying', 'Promoted', 'Superseded'].includes(s.phase ?? 'Pending');
  return {
    name: mv.metadata.name ?? '',
    namespace: mv.metadata.namespace ?? '',
    version: mv.spec?.version ?? '',
    model: mv.spec?.modelRef?.name ?? '',
    phase: s.phase ?? 'Pending',
    ...(hasStep ? { step: (s.currentStep as number) + 1 } : {}),
    ...(steps !== undefined ? { steps } : {}),
    ...(s.canaryWeight !== undefined ? { canaryWeight: s.canaryWeight } : {}),
    ...(s.failedChecks !== undefined ? { failedChecks: s.failedChecks } : {}),
    ...(s.message ? { message: s.message } : {}),
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

/** `step 2/4` (or `step 2` when n is unknown), undefined before the canary has a step. */
export function stepText(v: ProgressView): string | undefined {
  if (v.step === undefined) return undefined;
  return v.steps !== undefined ? `step ${v.step}/${v.steps}` : `step ${v.step}`;
}

/**
 * One progress line, e.g.
 * `xiaoai-v2 Progressing step 2/4 weight 20% | analysis Passed: error-rate 0.004 vs max 0.01 Passed`.
 * The message is appended only when there is no analysis to show, so lines stay short.
 */
export function progressLine(v: ProgressView): string {
  const parts = [v.name, v.phase];
  const step = stepText(v);
  if (step) parts.push(step);
  if (v.canaryWeight !== undefined) parts.push(`weight ${v.canaryWeight}%`);
  let line = parts.join(' ');
  if (v.analysis) {
    const checks = v.analysis.checks.map(checkText).join(', ');
    line += ` | analysis ${v.analysis.verdict}${checks ? `: ${checks}` : ''}`;
  } else if (v.message) {
    line += ` | ${v.message}`;
  }
  return line;
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
