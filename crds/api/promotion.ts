/**
 * The canary promotion policy: on an AIModel as `spec.rollout` (the default for its versions), on a
 * ModelVersion as `spec.promotion` (overrides field by field). No schema defaults here on purpose;
 * see PROMOTION_DEFAULTS.
 */
import { Type, type Static } from '@sinclair/typebox';
import { BUILTIN_METRICS, NO_DATA_POLICIES } from './constants.js';
import { duration, int, list, mapList, num, obj, str, strEnum } from './schema.js';
import { strategyFields, strategyRules } from './strategy.js';
import { EvaluationPolicySchema } from './evaluation.js';

export const ThresholdRangeSchema = obj(
  {
    min: Type.Optional(num({ description: 'Lowest acceptable value (inclusive).' })),
    max: Type.Optional(num({ description: 'Highest acceptable value (inclusive).' })),
  },
  {
    description: 'Absolute bounds the canary value must stay within. At least one of min and max.',
    rules: [
      { rule: 'has(self.min) || has(self.max)', message: 'thresholdRange needs min, max or both' },
      {
        rule: '!has(self.min) || !has(self.max) || self.min <= self.max',
        message: 'thresholdRange.min must be less than or equal to thresholdRange.max',
        fieldPath: '.min',
      },
    ],
  },
);

export const RelativeToStableSchema = obj(
  {
    maxIncrease: num({
      description:
        'Largest increase over the stable version, in percent of the stable value measured over the same interval (10 allows the canary to be at most 10% above stable). For tokens-per-second, where higher is better, the check reads the value as a decrease instead.',
      minimum: 0,
      maximum: 1000,
    }),
  },
  { description: 'Compare the canary with the stable version measured at the same time.' },
);

export const AnalysisMetricSchema = obj(
  {
    name: str({
      description: 'Name of this check, unique within the analysis; shown in status and events.',
      minLength: 1,
      maxLength: 63,
      pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
    }),
    builtin: Type.Optional(
      strEnum(BUILTIN_METRICS, {
        description:
          "A built-in query over the runtime's metrics scoped to the version: error-rate (share of 5xx, 0..1), latency-p95 and ttft-p95 (seconds), tokens-per-second, cost-per-request (currency units, needs spec.runtime.pricing), tokens-per-request (prompt and completion), truncation-rate (share of answers cut at the token limit, finish_reason length, 0..1).",
      }),
    ),
    query: Type.Optional(
      str({
        description:
          'A PromQL query returning one value. Placeholders replaced before it runs: {{namespace}}, {{model}}, {{agent}}, {{version}}, {{interval}}.',
        minLength: 1,
        maxLength: 4096,
      }),
    ),
    thresholdRange: Type.Optional(ThresholdRangeSchema),
    relativeToStable: Type.Optional(RelativeToStableSchema),
    minSamples: Type.Optional(
      int({
        description:
          'Requests the canary must have served in the interval for the check to count; fewer makes it inconclusive, not passed. Defaults to 20.',
        minimum: 0,
        maximum: 1000000,
      }),
    ),
    noData: Type.Optional(
      strEnum(NO_DATA_POLICIES, {
        description:
          "What this check's query returning no data counts as: Inconclusive holds the step without spending the failure budget (bounded by progressDeadline), Fail counts as a failed check. Defaults to analysis.noData.",
      }),
    ),
  },
  {
    description: 'One check run at every interval.',
    rules: [
      {
        rule: 'has(self.query) != has(self.builtin)',
        message: 'set exactly one of query or builtin',
      },
      {
        rule: 'has(self.thresholdRange) || has(self.relativeToStable)',
        message: 'a metric needs thresholdRange, relativeToStable or both',
      },
    ],
  },
);

export const AnalysisSchema = obj(
  {
    metrics: mapList(AnalysisMetricSchema, ['name'], {
      description: 'Checks run at every interval; a step advances only when all pass.',
      minItems: 1,
      maxItems: 16,
    }),
    failureLimit: Type.Optional(
      int({
        description: 'Failed analyses tolerated before rolling back. Defaults to 2.',
        minimum: 0,
        maximum: 100,
      }),
    ),
    inconclusiveLimit: Type.Optional(
      int({
        description: 'Inconclusive analyses tolerated before the rollout pauses. Defaults to 3.',
        minimum: 0,
        maximum: 100,
      }),
    ),
    noData: Type.Optional(
      strEnum(NO_DATA_POLICIES, {
        description:
          'What a query returning no data counts as, for the metrics that do not set their own noData. Defaults to Inconclusive.',
      }),
    ),
  },
  { description: 'Metric checks that gate every step.' },
);

export const CanaryStepSchema = obj(
  {
    weight: int({
      description: 'Percent of traffic sent to the canary at this step.',
      minimum: 1,
      maximum: 100,
    }),
    pause: Type.Optional(
      duration({ description: 'Extra wait at this step before its analysis counts, e.g. 5m.' }),
    ),
  },
  { description: 'One traffic step.' },
);

export const PromotionPolicySchema = obj(
  {
    ...strategyFields,
    steps: Type.Optional(
      list(CanaryStepSchema, {
        description:
          'Traffic steps, weights strictly ascending within 1..100. Exclusive with stepWeight/maxWeight. Defaults to 10, 25, 50.',
        minItems: 1,
        maxItems: 20,
        rules: [
          {
            rule: 'self.all(s, self.exists_one(t, t.weight == s.weight)) && self.map(s, s.weight).isSorted()',
            message:
              'steps[].weight must be strictly ascending (each step sends more traffic than the one before)',
          },
        ],
      }),
    ),
    stepWeight: Type.Optional(
      int({
        description: 'Traffic added at each step, in percent; use with maxWeight.',
        minimum: 1,
        maximum: 100,
      }),
    ),
    maxWeight: Type.Optional(
      int({
        description: 'Last canary weight before promotion, in percent; use with stepWeight.',
        minimum: 1,
        maximum: 100,
      }),
    ),
    interval: Type.Optional(
      duration({ description: 'Time between analyses and between steps. Defaults to 1m.' }),
    ),
    analysis: Type.Optional(AnalysisSchema),
    evaluation: Type.Optional(EvaluationPolicySchema),
    mode: Type.Optional(
      strEnum(['Auto', 'Manual'] as const, {
        description:
          'Auto promotes after the last step (or the blue-green preview) passes; Manual stops there, before the switch, until the promote action is requested. Experiments use experiment.winner instead. Defaults to Auto.',
      }),
    ),
    progressDeadline: Type.Optional(
      duration({
        description:
          'Time the canary workload has to become Available, and each step to make progress, before rolling back. Defaults to 10m.',
      }),
    ),
    bakeDuration: Type.Optional(
      duration({
        description:
          'How long analysis continues at 100% of traffic after promotion; one failed analysis in that time hands all traffic back to the previous stable at once, without re-running the steps. 0s disables the bake. At least interval, so the bake sees an analysis. Defaults to scaleDownDelay.',
      }),
    ),
    scaleDownDelay: Type.Optional(
      duration({
        description:
          'How long the previous stable version keeps running (warm, at its minimum replicas) after a promotion, so a failed bake or a rollback returns to it at once. At least bakeDuration. Defaults to 5m, or to bakeDuration when that is longer.',
      }),
    ),
  },
  {
    description: 'How a new version is canaried and promoted.',
    rules: [
      ...strategyRules,
      {
        rule: '!has(self.steps) || (!has(self.stepWeight) && !has(self.maxWeight))',
        message: 'steps and stepWeight/maxWeight are mutually exclusive; use one way to describe the steps',
      },
      {
        rule: 'has(self.stepWeight) == has(self.maxWeight)',
        message: 'stepWeight and maxWeight go together',
      },
      {
        rule: '!has(self.progressDeadline) || !has(self.interval) || duration(self.progressDeadline) > duration(self.interval)',
        message:
          'progressDeadline must be longer than interval, or every step misses its deadline before its first analysis',
        fieldPath: '.progressDeadline',
      },
      {
        rule: '!has(self.bakeDuration) || !has(self.scaleDownDelay) || duration(self.scaleDownDelay) >= duration(self.bakeDuration)',
        message:
          'scaleDownDelay must be at least bakeDuration: the previous stable must still be running to roll back to when the bake fails',
        fieldPath: '.scaleDownDelay',
      },
      {
        rule: "!has(self.bakeDuration) || !has(self.interval) || duration(self.bakeDuration) == duration('0s') || duration(self.bakeDuration) >= duration(self.interval)",
        message:
          'bakeDuration must be 0s (no bake) or at least interval, or the bake ends before its first analysis',
        fieldPath: '.bakeDuration',
      },
      {
        rule: '!has(self.stepWeight) || !has(self.maxWeight) || self.stepWeight <= self.maxWeight',
        message: 'stepWeight must be less than or equal to maxWeight',
        fieldPath: '.stepWeight',
      },
    ],
  },
);

export type PromotionPolicy = Static<typeof PromotionPolicySchema>;
export type AnalysisMetric = Static<typeof AnalysisMetricSchema>;
export type Analysis = Static<typeof AnalysisSchema>;
export type CanaryStep = Static<typeof CanaryStepSchema>;
export type ThresholdRange = Static<typeof ThresholdRangeSchema>;
