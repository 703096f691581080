import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { ModelVersion, PromotionPolicy } from '../../crds/api/index.js';
import { PROMOTION_DEFAULTS } from '../../crds/api/index.js';
import { resolvePolicy, stepWeights } from '../../operators/rollout/policy.js';

describe('resolvePolicy', () => {
  it('uses the documented defaults when nothing is set', () => {
    const p = resolvePolicy({});
    expect(p.steps.map((s) => s.weight)).toEqual(PROMOTION_DEFAULTS.steps.map((s) => s.weight));
    expect(p).toMatchObject({
      intervalMs: 60_000,
      failureLimit: PROMOTION_DEFAULTS.failureLimit,
      inconclusiveLimit: PROMOTION_DEFAULTS.inconclusiveLimit,
      mode: 'Auto',
      progressDeadlineMs: 600_000,
      scaleDownDelayMs: 300_000,
      bakeWindowMs: 300_000,
    });
    expect(p.metrics.map((m) => [m.name, m.minSamples, m.noData])).toEqual([
      ['error-rate', 20, 'Inconclusive'],
      ['latency-p95', 20, 'Inconclusive'],
    ]);
    expect(Object.isFrozen(p)).toBe(true);
  });

  it('takes the ModelVersion over the AIModel field by field', () => {
    const rollout: PromotionPolicy = {
      steps: [{ weight: 5 }, { weight: 50, pause: '5m' }],
      interval: '2m',
      analysis: {
        metrics: [{ name: 'errors', builtin: 'error-rate', thresholdRange: { max: 0.02 } }],
        failureLimit: 0,
        noData: 'Fail',
      },
    };
    const promotion: PromotionPolicy = {
      stepWeight: 20,
      maxWeight: 60,
      mode: 'Manual',
      analysis: {
        metrics: [{ name: 'tps', builtin: 'tokens-per-second', thresholdRange: { min: 5 } }],
        inconclusiveLimit: 5,
      },
    };
    const p = resolvePolicy({ promotion, rollout });
    expect(p.steps).toEqual([
      { stage: 'Canary', weight: 20, pauseMs: 0 },
      { stage: 'Canary', weight: 40, pauseMs: 0 },
      { stage: 'Canary', weight: 60, pauseMs: 0 },
    ]);
    expect(p).toMatchObject({ intervalMs: 120_000, mode: 'Manual', failureLimit: 0, inconclusiveLimit: 5 });
    // The ModelVersion's list replaces the AIModel's as a whole; noData still comes from the AIModel.
    expect(p.metrics).toEqual([
      {
        name: 'tps',
        builtin: 'tokens-per-second',
        thresholdRange: { min: 5 },
        minSamples: 20,
        noData: 'Fail',
      },
    ]);
  });

  it('inherits the AIModel checks with per-field defaults filled in', () => {
    const p = resolvePolicy({
      rollout: {
        steps: [{ weight: 5 }, { weight: 50, pause: '5m' }],
        analysis: {
          metrics: [
            { name: 'ttft', builtin: 'ttft-p95', relativeToStable: { maxIncrease: 10 }, minSamples: 3 },
          ],
          noData: 'Fail',
        },
      },
    });
    expect(p.steps).toEqual([
      { stage: 'Canary', weight: 5, pauseMs: 0 },
      { stage: 'Canary', weight: 50, pauseMs: 300_000 },
    ]);
    expect(p.metrics).toEqual([
      {
        name: 'ttft',
        builtin: 'ttft-p95',
        relativeToStable: { maxIncrease: 10 },
        minSamples: 3,
        noData: 'Fail',
      },
    ]);
  });

  it('lets each metric set its own noData, the analysis-level one being the default', () => {
    const p = resolvePolicy({
      promotion: {
        analysis: {
          metrics: [
            { name: 'errors', builtin: 'error-rate', thresholdRange: { max: 0.01 }, noData: 'Fail' },
            { name: 'latency', builtin: 'latency-p95', thresholdRange: { max: 2 } },
          ],
        },
      },
      rollout: {
        analysis: {
          metrics: [{ name: 'x', builtin: 'ttft-p95', thresholdRange: { max: 1 } }],
          noData: 'Inconclusive',
        },
      },
    });
    expect(p.metrics.map((m) => [m.name, m.noData])).toEqual([
      ['errors', 'Fail'],
      ['latency', 'Inconclusive'],
    ]);
    const strict = resolvePolicy({
      promotion: {
        analysis: {
          metrics: [
            { name: 'errors', builtin: 'error-rate', thresholdRange: { max: 0.01 }, noData: 'Inconclusive' },
            { name: 'latency', builtin: 'latency-p95', thresholdRange: { max: 2 } },
          ],
          noData: 'Fail',
        },
      },
    });
    expect(strict.metrics.map((m) => [m.name, m.noData])).toEqual([
      ['errors', 'Inconclusive'],
      ['latency', 'Fail'],
    ]);
  });

  it.each([
    ['neither set: both 5m', {}, {}, 300_000, 300_000],
    ['scaleDownDelay alone: the bake lasts as long', { scaleDownDelay: '2m' }, {}, 120_000, 120_000],
    ['bakeDuration alone, shorter: warm for the default 5m', { bakeDuration: '2m' }, {}, 120_000, 300_000],
    [
      'bakeDuration alone, longer: warm as long as the bake',
      { bakeDuration: '20m' },
      {},
      1_200_000,
      1_200_000,
    ],
    ['both set', { bakeDuration: '10m', scaleDownDelay: '15m' }, {}, 600_000, 900_000],
    ['bakeDuration 0s disables the bake', { bakeDuration: '0s' }, {}, 0, 300_000],
    [
      'bake on the ModelVersion, warm window on the AIModel',
      { bakeDuration: '10m' },
      { scaleDownDelay: '30m' },
      600_000,
      1_800_000,
    ],
  ] as const)('bake and warm window: %s', (_name, promotion, rollout, bake, warm) => {
    const p = resolvePolicy({ promotion: promotion as PromotionPolicy, rollout: rollout as PromotionPolicy });
    expect([p.bakeWindowMs, p.scaleDownDelayMs]).toEqual([bake, warm]);
    expect(p.scaleDownDelayMs).toBeGreaterThanOrEqual(p.bakeWindowMs);
  });

  it('refuses a bake longer than the warm window set on another layer, naming both fields', () => {
    expect(() =>
      resolvePolicy({
        promotion: { bakeDuration: '10m' },
        rollout: { scaleDownDelay: '5m' },
        rolloutPath: 'AIModel suoke-ai/xiaoai spec.rollout',
      }),
    ).toThrow(
      'AIModel suoke-ai/xiaoai spec.rollout.scaleDownDelay (5m) must be at least spec.promotion.bakeDuration (10m): the previous stable must still be running to roll back to when the bake fails',
    );
  });

  it('resolves the xiaoai canary example: its own bake, warm window and no-data policies', () => {
    const example = parse(
      readFileSync(new URL('../../examples/modelversions/xiaoai-v2-canary.yaml', import.meta.url), 'utf8'),
    ) as ModelVersion;
    const p = resolvePolicy({ promotion: example.spec.promotion });
    expect([p.bakeWindowMs, p.scaleDownDelayMs]).toEqual([600_000, 900_000]);
    expect(p.metrics.find((m) => m.name === 'error-rate')?.noData).toBe('Fail');
    expect(p.metrics.find((m) => m.name === 'latency-p95')?.noData).toBe('Inconclusive');
  });

  it.each([
    [
      'a bake shorter than the interval',
      { interval: '2m', bakeDuration: '30s' },
      'spec.promotion.bakeDuration (30s) must be 0s (no bake) or at least spec.promotion.interval (2m): the bake would end before its first analysis',
    ],
    [
      'a bake longer than the warm window',
      { bakeDuration: '10m', scaleDownDelay: '5m' },
      'spec.promotion.scaleDownDelay (5m) must be at least spec.promotion.bakeDuration (10m)',
    ],
    [
      'a bad duration',
      { interval: 'soon' },
      "spec.promotion.interval: 'soon' is not a duration; write a number with a unit ms, s, m or h, e.g. '30s', '5m', '1h30m'",
    ],
    [
      'a deadline not longer than the interval',
      { interval: '5m', progressDeadline: '5m' },
      'spec.promotion.progressDeadline (5m) must be greater than spec.promotion.interval (5m): every step needs at least one analysis before its deadline',
    ],
    [
      'descending steps',
      { steps: [{ weight: 50 }, { weight: 20 }] },
      'spec.promotion.steps[1].weight (20) must be greater than spec.promotion.steps[0].weight (50): weights strictly ascend',
    ],
    [
      'a weight over 100',
      { steps: [{ weight: 120 }] },
      'spec.promotion.steps[0].weight (120) must be a whole percent between 1 and 100',
    ],
    [
      'stepWeight alone',
      { stepWeight: 10 },
      'spec.promotion: stepWeight and maxWeight go together; set both, or use steps',
    ],
    [
      'a check with both builtin and query',
      {
        analysis: {
          metrics: [{ name: 'x', builtin: 'error-rate', query: 'up', thresholdRange: { max: 1 } }],
        },
      },
      'spec.promotion.analysis.metrics[0]: set exactly one of builtin and query',
    ],
    [
      'a check without bounds',
      { analysis: { metrics: [{ name: 'x', builtin: 'error-rate' }] } },
      'spec.promotion.analysis.metrics[0]: needs thresholdRange, relativeToStable or both, or the check can never fail',
    ],
    [
      'an unknown placeholder',
      { analysis: { metrics: [{ name: 'x', query: 'up{pod="{{pod}}"}', thresholdRange: { max: 1 } }] } },
      "spec.promotion.analysis.metrics[0].query: unknown placeholder '{{pod}}'; use {{namespace}}, {{model}}, {{agent}}, {{version}}, {{interval}}",
    ],
  ] as const)('refuses %s, naming the field', (_name, promotion, message) => {
    expect(() => resolvePolicy({ promotion: promotion as PromotionPolicy })).toThrow(message);
  });

  it('names the AIModel field when the fault is there', () => {
    expect(() =>
      resolvePolicy({
        rollout: { interval: '1 minute' },
        rolloutPath: 'AIModel suoke-ai/xiaoai spec.rollout',
      }),
    ).toThrow("AIModel suoke-ai/xiaoai spec.rollout.interval: '1 minute' is not a duration");
  });
});

describe('resolvePolicy: evaluation', () => {
  const golden = { dataset: { configMapRef: { name: 'xiaoai-golden-set' } }, minPassRate: 0.9 };

  it('is absent when neither layer declares one', () => {
    expect(resolvePolicy({ promotion: { interval: '2m' } }).evaluation).toBeUndefined();
  });

  it("inherits the AIModel's with the defaults resolved", () => {
    const p = resolvePolicy({
      rollout: {
        evaluation: { ...golden, judge: { modelRef: { name: 'xiaoai-judge' }, rubric: 'safe advice' } },
      },
    });
    expect(p.evaluation).toEqual({
      spec: { ...golden, judge: { modelRef: { name: 'xiaoai-judge' }, rubric: 'safe advice' } },
      atLastStep: false,
      minPassRate: 0.9,
      timeoutMs: 600_000,
      judgeModel: 'xiaoai-judge',
    });
  });

  it("takes the ModelVersion's whole: nothing of the AIModel's is merged into it", () => {
    const own = {
      dataset: { uri: 'https://golden.example/soer.yaml' },
      maxDropVsStable: 0.05,
      timeout: '90s',
      atLastStep: true,
    };
    const p = resolvePolicy({
      promotion: { evaluation: own },
      rollout: { evaluation: { ...golden, concurrency: 4 } },
    });
    expect(p.evaluation).toEqual({ spec: own, atLastStep: true, maxDropVsStable: 0.05, timeoutMs: 90_000 });
    expect(p.evaluation?.minPassRate).toBeUndefined();
  });

  it.each([
    [
      { dataset: golden.dataset },
      'spec.promotion.evaluation: needs a gate; set minPassRate, maxDropVsStable or both',
    ],
    [{ ...golden, timeout: '5s' }, 'spec.promotion.evaluation.timeout (5s) must be at least 10s'],
    [
      { ...golden, timeout: '1m', caseTimeout: '1m' },
      'spec.promotion.evaluation.caseTimeout (1m) must be shorter than spec.promotion.evaluation.timeout (1m)',
    ],
    [{ ...golden, caseTimeout: 'soon' }, "spec.promotion.evaluation.caseTimeout: 'soon' is not a duration"],
    [
      { ...golden, minPassRate: 90 },
      'spec.promotion.evaluation.minPassRate (90) must be a share from 0 to 1',
    ],
    [
      { ...golden, dataset: { configMapRef: { name: 'x' }, uri: 'https://golden.example/x.yaml' } },
      'spec.promotion.evaluation.dataset: set exactly one of configMapRef and uri',
    ],
    [
      { ...golden, dataset: { configMapRef: { name: 'x' }, digest: `sha256:${'a'.repeat(64)}` } },
      'spec.promotion.evaluation.dataset.digest pins a dataset.uri',
    ],
    [
      { ...golden, concurrency: 0 },
      'spec.promotion.evaluation.concurrency (0) must be a whole number from 1 to 64',
    ],
  ])('refuses %j naming the field', (evaluation, message) => {
    expect(() => resolvePolicy({ promotion: { evaluation } })).toThrow(message);
  });

  it('names the AIModel field when the inherited evaluation is at fault', () => {
    expect(() =>
      resolvePolicy({
        rollout: { evaluation: { dataset: golden.dataset } },
        rolloutPath: 'AIModel suoke-ai/xiaoai spec.rollout',
      }),
    ).toThrow('AIModel suoke-ai/xiaoai spec.rollout.evaluation: needs a gate');
  });
});

describe('stepWeights', () => {
  it.each([
    [10, 50, [10, 20, 30, 40, 50]],
    [20, 50, [20, 40, 50]],
    [50, 50, [50]],
    [33, 100, [33, 66, 99, 100]],
  ])('%d up to %d', (step, max, expected) => {
    expect(stepWeights(step, max)).toEqual(expected);
  });
});
