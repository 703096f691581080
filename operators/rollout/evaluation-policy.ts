/**
 * The evaluation of the effective policy: ModelVersion.spec.promotion.evaluation, else the AIModel's
 * spec.rollout.evaluation. Unlike the other fields of the policy it is taken whole, never field by
 * field: a dataset, its gate and its judge only make sense together, so a version that brings its
 * own golden set does not inherit a threshold tuned for the AIModel's.
 *
 * Example: the AIModel sets `evaluation: {dataset: {configMapRef: {name: xiaoai-golden-set}},
 * minPassRate: 0.9}`; a ModelVersion setting `evaluation: {dataset: {uri: https://…}, maxDropVsStable:
 * 0.05}` is gated on the drop alone, with its own dataset, the default timeout (10m) and no judge.
 *
 * The schema (CEL rules) refuses most bad evaluations already; this re-checks what the rollout
 * relies on, so one that slipped past an older schema fails with a message naming the field.
 */
import { EVALUATION_DEFAULTS, type EvaluationPolicy, type PromotionPolicy } from '../../crds/api/index.js';
import { formatDuration, parseDuration } from './duration.js';
import type { EffectiveEvaluation } from './types.js';

/** Shortest whole run the schema allows (CEL: `duration(self.timeout) >= duration('10s')`). */
const MinTimeoutMs = 10_000;

/** The layers the evaluation may come from, with the paths that name them in errors. */
export interface EvaluationSources {
  readonly promotion?: PromotionPolicy;
  readonly promotionPath: string;
  readonly rollout?: PromotionPolicy;
  readonly rolloutPath: string;
}

/**
 * The effective evaluation, or undefined when neither layer declares one.
 * @throws Error naming the field and the fix, for an evaluation the rollout cannot follow
 */
export function resolveEvaluation(sources: EvaluationSources): EffectiveEvaluation | undefined {
  const own = sources.promotion?.evaluation;
  const spec = own ?? sources.rollout?.evaluation;
  if (spec === undefined) return undefined;
  const path = `${own === undefined ? sources.rolloutPath : sources.promotionPath}.evaluation`;
  checkGate(spec, path);
  checkDataset(spec, path);
  const timeoutMs = parseDuration(spec.timeout ?? EVALUATION_DEFAULTS.timeout, `${path}.timeout`);
  if (timeoutMs < MinTimeoutMs) {
    throw new Error(
      `${path}.timeout (${formatDuration(timeoutMs)}) must be at least ${formatDuration(MinTimeoutMs)}`,
    );
  }
  const caseTimeoutMs = parseDuration(
    spec.caseTimeout ?? EVALUATION_DEFAULTS.caseTimeout,
    `${path}.caseTimeout`,
  );
  if (caseTimeoutMs >= timeoutMs) {
    throw new Error(
      `${path}.caseTimeout (${formatDuration(caseTimeoutMs)}) must be shorter than ${path}.timeout (${formatDuration(timeoutMs)}), or no case can finish within the run`,
    );
  }
  const concurrency = spec.concurrency;
  if (
    concurrency !== undefined &&
    !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 64)
  ) {
    throw new Error(`${path}.concurrency (${concurrency}) must be a whole number from 1 to 64`);
  }
  const minScore = spec.judge?.minScore;
  if (minScore !== undefined) checkFraction(minScore, `${path}.judge.minScore`);
  return Object.freeze({
    spec,
    atLastStep: spec.atLastStep ?? false,
    ...(spec.minPassRate === undefined ? {} : { minPassRate: spec.minPassRate }),
    ...(spec.maxDropVsStable === undefined ? {} : { maxDropVsStable: spec.maxDropVsStable }),
    timeoutMs,
    ...(spec.judge === undefined ? {} : { judgeModel: spec.judge.modelRef.name }),
  });
}

/** A gate that can fail: at least one of the rates, each a share from 0 to 1. */
function checkGate(spec: EvaluationPolicy, path: string): void {
  if (spec.minPassRate === undefined && spec.maxDropVsStable === undefined) {
    throw new Error(`${path}: needs a gate; set minPassRate, maxDropVsStable or both, e.g. minPassRate: 0.9`);
  }
  if (spec.minPassRate !== undefined) checkFraction(spec.minPassRate, `${path}.minPassRate`);
  if (spec.maxDropVsStable !== undefined) checkFraction(spec.maxDropVsStable, `${path}.maxDropVsStable`);
}

function checkDataset(spec: EvaluationPolicy, path: string): void {
  const { configMapRef, uri, digest } = spec.dataset;
  if ((configMapRef === undefined) === (uri === undefined)) {
    throw new Error(`${path}.dataset: set exactly one of configMapRef and uri`);
  }
  if (digest !== undefined && uri === undefined) {
    throw new Error(
      `${path}.dataset.digest pins a dataset.uri; remove it, or give the dataset as a uri instead of a ConfigMap`,
    );
  }
}

function checkFraction(value: number, field: string): void {
  if (!(Number.isFinite(value) && value >= 0 && value <= 1)) {
    throw new Error(`${field} (${value}) must be a share from 0 to 1, e.g. 0.9 for 90%`);
  }
}
