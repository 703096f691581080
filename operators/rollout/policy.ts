/**
 * The effective promotion policy of a rollout: ModelVersion.spec.promotion over AIModel.spec.rollout
 * over the documented defaults (defaults.ts), field by field. The step description (either `steps`
 * or `stepWeight` + `maxWeight`) and the list of analysis metrics are each taken whole from the
 * first source that sets them; every other field is picked on its own.
 *
 * Example: the AIModel sets `interval: 2m` and `analysis.failureLimit: 0`; the ModelVersion sets
 * `stepWeight: 20, maxWeight: 60` and `mode: Manual`. The effective policy walks 20/40/60 with a
 * 2m interval, rolls back on the first failed analysis, uses the default checks (error-rate ≤ 1%,
 * p95 latency ≤ stable + 25%) and waits at 60% for `promote`.
 *
 * The bake and the warm window of the previous stable default to each other: without `bakeDuration`
 * the bake lasts `scaleDownDelay`; without `scaleDownDelay` the previous stable stays warm for the
 * default 5m or the bake, whichever is longer. Set on different layers, `scaleDownDelay` shorter than
 * `bakeDuration` is refused here (the CEL rule only sees one object).
 *
 * The evaluation is the exception to field by field: it is taken whole (evaluation-policy.ts).
 *
 * The schema (CEL rules) already refuses most bad policies; this re-checks what the rollout logic
 * relies on, so a policy that slipped past an older schema fails with a message naming the field.
 */
import {
  DEFAULT_PREVIEW_HEADER,
  DEFAULT_SHADOW_PERCENT,
  type AnalysisMetric,
  type PromotionPolicy,
  type RolloutStrategy,
} from '../../crds/api/index.js';
import { validateTemplate } from '../analysis/template.js';
import type { MetricCheck, NoDataPolicy } from '../analysis/types.js';
import {
  DefaultErrorRateMax,
  DefaultExperimentFailureLimit,
  DefaultFailureLimit,
  DefaultInconclusiveLimit,
  DefaultIntervalMs,
  DefaultLatencyMaxIncrease,
  DefaultMinSamples,
  DefaultMode,
  DefaultNoData,
  DefaultProgressDeadlineMs,
  DefaultScaleDownDelayMs,
  DefaultStepPauseMs,
  DefaultStepWeights,
} from './defaults.js';
import { formatDuration, parseDuration } from './duration.js';
import { resolveEvaluation } from './evaluation-policy.js';
import type { EffectivePolicy, Step } from './types.js';

/** Where the policy comes from; the paths name the object in errors. */
export interface PolicySources {
  /** ModelVersion.spec.promotion. @default none */
  readonly promotion?: PromotionPolicy;
  /** How errors name it. @default 'spec.promotion' */
  readonly promotionPath?: string;
  /** AIModel.spec.rollout. @default none */
  readonly rollout?: PromotionPolicy;
  /** How errors name it. @default 'AIModel spec.rollout' */
  readonly rolloutPath?: string;
  /**
   * ModelVersion.spec.version: the value of the blue-green preview header. Only rollouts need it;
   * without it the preview matches the empty string.
   */
  readonly version?: string;
}

/** The policy with every field resolved, plus the scale-down delay of the previous stable. */
export interface ResolvedPolicy extends EffectivePolicy {
  /**
   * How long the previous stable keeps running after a promotion (milliseconds); never shorter than
   * `bakeWindowMs`, so a failed bake has a warm version to return to.
   */
  readonly scaleDownDelayMs: number;
}

interface Layer {
  readonly policy: PromotionPolicy;
  readonly path: string;
}

/** A duration as resolved: its value, the field it came from (for errors), and whether one was set. */
interface ResolvedDuration {
  readonly ms: number;
  readonly path: string;
  readonly set: boolean;
}

/**
 * Resolves the effective policy.
 * @throws Error naming the field (e.g. `spec.promotion.interval`) and the fix, for a policy the
 *   rollout cannot follow
 */
export function resolvePolicy(sources: PolicySources): ResolvedPolicy {
  const layers = new Layers(sources);
  const timing = resolveTiming(layers);
  const strategy: RolloutStrategy = layers.pick('strategy')?.value ?? 'Canary';
  const steps = [
    ...shadowSteps(layers, timing.interval.ms),
    ...strategySteps(strategy, layers, timing.interval.ms, sources.version ?? ''),
  ];
  // The analysis-level policy is the default of the metrics that do not set their own.
  const noData: NoDataPolicy = layers.analysisField('noData') ?? DefaultNoData;
  const metricsLayer = layers.list.find((l) => l.policy.analysis?.metrics !== undefined);
  const metrics =
    metricsLayer === undefined
      ? defaultChecks(noData)
      : (metricsLayer.policy.analysis?.metrics ?? []).map((m, i) =>
          toCheck(m, `${metricsLayer.path}.analysis.metrics[${i}]`, noData),
        );

  if (strategy !== 'Canary' || steps[0]?.stage === 'Shadow') assertNotSilent(metrics, layers, strategy);
  const experiment = strategy === 'Experiment' ? layers.pick('experiment')?.value : undefined;
  const evaluation = resolveEvaluation({
    ...sources,
    promotionPath: sources.promotionPath ?? 'spec.promotion',
    rolloutPath: sources.rolloutPath ?? 'AIModel spec.rollout',
  });

  return Object.freeze({
    strategy,
    steps,
    intervalMs: timing.interval.ms,
    metrics,
    failureLimit:
      layers.analysisField('failureLimit') ??
      (strategy === 'Experiment' ? DefaultExperimentFailureLimit : DefaultFailureLimit),
    inconclusiveLimit: layers.analysisField('inconclusiveLimit') ?? DefaultInconclusiveLimit,
    mode: experiment?.winner ?? layers.pick('mode')?.value ?? DefaultMode,
    progressDeadlineMs: timing.deadline.ms,
    bakeWindowMs: timing.bake.ms,
    scaleDownDelayMs: timing.scaleDown.ms,
    ...(evaluation === undefined ? {} : { evaluation }),
  });
}

/** The sources that are set, the ModelVersion's first; a field comes from the first that sets it. */
class Layers {
  readonly list: readonly Layer[];

  constructor(sources: PolicySources) {
    const layers: Layer[] = [];
    if (sources.promotion !== undefined) {
      layers.push({ policy: sources.promotion, path: sources.promotionPath ?? 'spec.promotion' });
    }
    if (sources.rollout !== undefined) {
      layers.push({ policy: sources.rollout, path: sources.rolloutPath ?? 'AIModel spec.rollout' });
    }
    this.list = layers;
  }

  /** The first layer that sets `key`, with the field path for errors. */
  pick<K extends keyof PromotionPolicy>(
    key: K,
  ): { value: NonNullable<PromotionPolicy[K]>; path: string } | undefined {
    for (const layer of this.list) {
      const value = layer.policy[key];
      if (value !== undefined)
        return { value: value as NonNullable<PromotionPolicy[K]>, path: `${layer.path}.${String(key)}` };
    }
    return undefined;
  }

  /** A duration inside a strategy block, e.g. `blueGreen.previewDuration`. */
  blockDuration(
    block: 'blueGreen' | 'experiment' | 'shadow',
    key: 'previewDuration' | 'duration',
    fallback: number,
  ): number {
    const found = this.pick(block);
    const value = (found?.value as Record<string, string | undefined> | undefined)?.[key];
    return value === undefined ? fallback : parseDuration(value, `${found?.path}.${key}`);
  }

  duration(
    key: 'interval' | 'progressDeadline' | 'scaleDownDelay' | 'bakeDuration',
    fallback: number,
  ): ResolvedDuration {
    const found = this.pick(key);
    if (found === undefined) return { ms: fallback, path: `default ${key}`, set: false };
    return { ms: parseDuration(found.value, found.path), path: found.path, set: true };
  }

  analysisField<K extends 'failureLimit' | 'inconclusiveLimit' | 'noData'>(
    key: K,
  ): NonNullable<PromotionPolicy['analysis']>[K] | undefined {
    for (const layer of this.list) {
      const value = layer.policy.analysis?.[key];
      if (value !== undefined) return value;
    }
    return undefined;
  }
}

/**
 * The interval, progress deadline, bake and warm window, checked against each other: the bake and
 * the warm window default to each other (see the module comment).
 */
function resolveTiming(layers: Layers): {
  interval: ResolvedDuration;
  deadline: ResolvedDuration;
  bake: ResolvedDuration;
  scaleDown: ResolvedDuration;
} {
  const interval = layers.duration('interval', DefaultIntervalMs);
  const deadline = layers.duration('progressDeadline', DefaultProgressDeadlineMs);
  const declaredBake = layers.duration('bakeDuration', 0);
  const declaredWarm = layers.duration('scaleDownDelay', DefaultScaleDownDelayMs);
  const bake = declaredBake.set ? declaredBake : declaredWarm;
  const scaleDown = declaredWarm.set
    ? declaredWarm
    : { ...declaredWarm, ms: Math.max(declaredWarm.ms, bake.ms) };
  if (declaredBake.set && declaredWarm.set && declaredWarm.ms < declaredBake.ms) {
    throw new Error(
      `${declaredWarm.path} (${formatDuration(declaredWarm.ms)}) must be at least ${declaredBake.path} (${formatDuration(declaredBake.ms)}): ` +
        'the previous stable must still be running to roll back to when the bake fails',
    );
  }
  if (interval.ms <= 0) throw new Error(`${interval.path}: must be greater than 0, e.g. '1m'`);
  if (deadline.ms <= interval.ms) {
    throw new Error(
      `${deadline.path} (${formatDuration(deadline.ms)}) must be greater than ${interval.path} (${formatDuration(interval.ms)}): ` +
        'every step needs at least one analysis before its deadline',
    );
  }
  if (declaredBake.set && declaredBake.ms > 0 && declaredBake.ms < interval.ms) {
    throw new Error(
      `${declaredBake.path} (${formatDuration(declaredBake.ms)}) must be 0s (no bake) or at least ${interval.path} (${formatDuration(interval.ms)}): ` +
        'the bake would end before its first analysis',
    );
  }
  return { interval, deadline, bake, scaleDown };
}

/** The shadow step, when a layer asks for one: mirrored copies, analysed before any user traffic. */
function shadowSteps(layers: Layers, intervalMs: number): Step[] {
  const shadow = layers.pick('shadow')?.value;
  if (shadow === undefined) return [];
  return [
    {
      stage: 'Shadow',
      weight: 0,
      pauseMs: layers.blockDuration('shadow', 'duration', intervalMs),
      routing: { mirrorPercent: shadow.percent ?? DEFAULT_SHADOW_PERCENT },
    },
  ];
}

/**
 * The strategy as steps: Canary its weights; BlueGreen one preview step (no weight, the preview
 * header) before the switch; Experiment one step of its duration with its cohort.
 */
function strategySteps(
  strategy: RolloutStrategy,
  layers: Layers,
  intervalMs: number,
  version: string,
): readonly Step[] {
  switch (strategy) {
    case 'Canary':
      return canarySteps(layers.list);
    case 'BlueGreen': {
      const header = layers.pick('blueGreen')?.value.previewHeader ?? DEFAULT_PREVIEW_HEADER;
      return [
        {
          stage: 'Preview',
          weight: 0,
          pauseMs: layers.blockDuration('blueGreen', 'previewDuration', intervalMs),
          routing: { matches: [{ header: { name: header, exact: version } }] },
        },
      ];
    }
    case 'Experiment': {
      const found = layers.pick('experiment');
      if (found === undefined) {
        const path = layers.pick('strategy')?.path ?? 'strategy';
        throw new Error(
          `${path} is Experiment but no experiment block is set; add experiment with its cohort (match or weight) and duration`,
        );
      }
      const { match, weight } = found.value;
      if ((match?.length ?? 0) === 0 && weight === undefined) {
        throw new Error(`${found.path}: needs a cohort: match, weight or both`);
      }
      const pauseMs = parseDuration(found.value.duration, `${found.path}.duration`);
      if (pauseMs <= 0) throw new Error(`${found.path}.duration must be longer than 0s`);
      return [
        {
          stage: 'Experiment',
          weight: weight ?? 0,
          pauseMs,
          ...((match?.length ?? 0) === 0 ? {} : { routing: { matches: match } }),
        },
      ];
    }
  }
}

/**
 * A strategy that advances on analysed traffic other than a weight (a preview, a cohort, a shadow)
 * must not advance when that traffic never came: some check has to need samples.
 */
function assertNotSilent(metrics: readonly MetricCheck[], layers: Layers, strategy: RolloutStrategy): void {
  if (metrics.some((m) => m.minSamples > 0)) return;
  const path = layers.list.find((l) => l.policy.analysis?.metrics !== undefined)?.path ?? 'spec.promotion';
  throw new Error(
    `${path}.analysis.metrics: every check has minSamples 0, so ${strategy === 'Canary' ? 'the shadow' : `strategy ${strategy}`} would advance with no traffic at all; give at least one check minSamples of 1 or more`,
  );
}

/** `steps`, or `stepWeight` up to `maxWeight`, from the first layer describing steps at all. */
function canarySteps(layers: readonly Layer[]): readonly Step[] {
  for (const { policy, path } of layers) {
    if (policy.steps !== undefined) {
      const steps = policy.steps.map((s, i) => ({
        stage: 'Canary' as const,
        weight: s.weight,
        pauseMs:
          s.pause === undefined ? DefaultStepPauseMs : parseDuration(s.pause, `${path}.steps[${i}].pause`),
      }));
      checkWeights(steps, `${path}.steps`);
      return steps;
    }
    if (policy.stepWeight !== undefined || policy.maxWeight !== undefined) {
      const { stepWeight, maxWeight } = policy;
      if (stepWeight === undefined || maxWeight === undefined) {
        throw new Error(`${path}: stepWeight and maxWeight go together; set both, or use steps`);
      }
      if (!(stepWeight >= 1 && stepWeight <= maxWeight && maxWeight <= 100)) {
        throw new Error(
          `${path}.stepWeight (${stepWeight}) must be between 1 and ${path}.maxWeight (${maxWeight}), which is at most 100`,
        );
      }
      return stepWeights(stepWeight, maxWeight).map((weight) => canaryStep(weight));
    }
  }
  return DefaultStepWeights.map((weight) => canaryStep(weight));
}

function canaryStep(weight: number): Step {
  return { stage: 'Canary', weight, pauseMs: DefaultStepPauseMs };
}

/**
 * Weights of `stepWeight` increments, ending exactly at `maxWeight`:
 * `stepWeights(10, 50)` → 10, 20, 30, 40, 50; `stepWeights(20, 50)` → 20, 40, 50.
 */
export function stepWeights(stepWeight: number, maxWeight: number): number[] {
  const weights: number[] = [];
  for (let w = stepWeight; w < maxWeight; w += stepWeight) weights.push(w);
  weights.push(maxWeight);
  return weights;
}

function checkWeights(steps: readonly Step[], path: string): void {
  if (steps.length === 0)
    throw new Error(`${path}: needs at least one step, e.g. [{weight: 10}, {weight: 50}]`);
  steps.forEach((step, i) => {
    if (!Number.isInteger(step.weight) || step.weight < 1 || step.weight > 100) {
      throw new Error(`${path}[${i}].weight (${step.weight}) must be a whole percent between 1 and 100`);
    }
    const previous = steps[i - 1];
    if (previous !== undefined && step.weight <= previous.weight) {
      throw new Error(
        `${path}[${i}].weight (${step.weight}) must be greater than ${path}[${i - 1}].weight (${previous.weight}): weights strictly ascend`,
      );
    }
  });
}

/** One declared metric as a check; `noData` is the analysis-level default for it. */
function toCheck(metric: AnalysisMetric, path: string, noData: NoDataPolicy): MetricCheck {
  if ((metric.builtin === undefined) === (metric.query === undefined)) {
    throw new Error(`${path}: set exactly one of builtin and query`);
  }
  if (metric.thresholdRange === undefined && metric.relativeToStable === undefined) {
    throw new Error(`${path}: needs thresholdRange, relativeToStable or both, or the check can never fail`);
  }
  const range = metric.thresholdRange;
  if (range?.min !== undefined && range.max !== undefined && range.min > range.max) {
    throw new Error(
      `${path}.thresholdRange.min (${range.min}) must be less than or equal to max (${range.max})`,
    );
  }
  if (metric.query !== undefined) validateTemplate(metric.query, `${path}.query`);
  return {
    name: metric.name,
    ...(metric.builtin === undefined ? {} : { builtin: metric.builtin }),
    ...(metric.query === undefined ? {} : { query: metric.query }),
    ...(range === undefined ? {} : { thresholdRange: range }),
    ...(metric.relativeToStable === undefined ? {} : { relativeToStable: metric.relativeToStable }),
    minSamples: metric.minSamples ?? DefaultMinSamples,
    noData: metric.noData ?? noData,
  };
}

/** The checks used when no layer declares any. */
function defaultChecks(noData: NoDataPolicy): MetricCheck[] {
  return [
    {
      name: 'error-rate',
      builtin: 'error-rate',
      thresholdRange: { max: DefaultErrorRateMax },
      minSamples: DefaultMinSamples,
      noData,
    },
    {
      name: 'latency-p95',
      builtin: 'latency-p95',
      relativeToStable: { maxIncrease: DefaultLatencyMaxIncrease },
      minSamples: DefaultMinSamples,
      noData,
    },
  ];
}
