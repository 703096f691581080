import { BUILTIN_METRICS } from '../../crds/api/index.js';
import { builtinQuery, requestCountQuery, versionSelector } from '../../operators/analysis/builtins.js';
import { MetricsUnreachableError, NoDataError } from '../../operators/analysis/errors.js';
import { evaluateCheck, runAnalysis, type AnalysisScope } from '../../operators/analysis/evaluate.js';
import type { Measurement, MetricsProvider } from '../../operators/analysis/provider.js';
import { requestSharePercent, requestShareQuery } from '../../operators/analysis/request-share.js';
import { renderTemplate, validateTemplate } from '../../operators/analysis/template.js';
import { runVerdict, type MetricCheck } from '../../operators/analysis/types.js';
import { resolvePolicy } from '../../operators/rollout/policy.js';
import { checkToStatus } from '../../operators/rollout/status.js';

/**
 * The threshold arithmetic by table. Values come from a MetricsProvider that answers from a map of
 * version → value (the real Prometheus path is covered in prometheus.test.ts).
 */
class TableProvider implements MetricsProvider {
  constructor(private readonly values: Record<string, number | undefined>) {}
  async runQuery(query: string): Promise<Measurement> {
    if (query.startsWith('sum(increase(')) return { query, value: 100 };
    const version = /version="([^"]+)"/.exec(query)?.[1] ?? '';
    const value = this.values[version];
    return value === undefined
      ? { query, error: new NoDataError('the query returned no series') }
      : { query, value };
  }
}

const scope: AnalysisScope = {
  namespace: 'ns',
  model: 'm',
  agent: 'a',
  version: 'v2',
  stableVersion: 'v1',
  intervalMs: 30_000,
};
const base: MetricCheck = { name: 'c', builtin: 'latency-p95', minSamples: 0, noData: 'Inconclusive' };

describe('evaluateCheck thresholds', () => {
  it.each([
    [
      'inside the range',
      { thresholdRange: { min: 0.1, max: 1 } },
      0.5,
      0.5,
      'Passed',
      '0.5 within min 0.1, max 1',
    ],
    ['below min', { thresholdRange: { min: 0.6 } }, 0.5, 0.5, 'Failed', '0.5 < min 0.6'],
    ['above max', { thresholdRange: { max: 0.4 } }, 0.5, 0.5, 'Failed', '0.5 > max 0.4'],
    ['max is inclusive', { thresholdRange: { max: 0.5 } }, 0.5, 0.5, 'Passed', '0.5 within max 0.5'],
    [
      'within +20% of stable',
      { relativeToStable: { maxIncrease: 20 } },
      1.2,
      1,
      'Passed',
      '1.2 <= stable 1 +20% = 1.2',
    ],
    [
      'over +20% of stable',
      { relativeToStable: { maxIncrease: 20 } },
      1.3,
      1,
      'Failed',
      '1.3 > stable 1 +20% = 1.2',
    ],
    [
      'stable at zero allows no increase',
      { relativeToStable: { maxIncrease: 50 } },
      0.01,
      0,
      'Failed',
      '0.01 > stable 0 +50% = 0',
    ],
    [
      'both bounds must hold',
      { thresholdRange: { max: 2 }, relativeToStable: { maxIncrease: 50 } },
      1.1,
      1,
      'Passed',
      '1.1 <= stable 1 +50% = 1.5; within max 2',
    ],
    [
      'absolute fails before relative',
      { thresholdRange: { max: 1 }, relativeToStable: { maxIncrease: 50 } },
      1.1,
      1,
      'Failed',
      '1.1 > max 1',
    ],
    [
      'no stable value',
      { relativeToStable: { maxIncrease: 50 } },
      1,
      undefined,
      'Inconclusive',
      'stable v1: the query returned no series',
    ],
  ] as const)('%s', async (_name, bounds, canary, stable, verdict, reason) => {
    const r = await evaluateCheck(
      { ...base, ...bounds },
      scope,
      new TableProvider({ v2: canary, v1: stable }),
    );
    expect(r.verdict).toBe(verdict);
    expect(r.reason).toBe(reason);
    expect(r.window).toBe('30s');
  });

  it('is inconclusive without a stable version to compare with', async () => {
    const r = await evaluateCheck(
      { ...base, relativeToStable: { maxIncrease: 10 } },
      { ...scope, stableVersion: undefined },
      new TableProvider({ v2: 1 }),
    );
    expect(r).toMatchObject({
      verdict: 'Inconclusive',
      reason: 'no stable version to compare with',
      value: 1,
    });
  });

  it('bounds the decrease of a higher-is-better metric', async () => {
    const check: MetricCheck = {
      ...base,
      builtin: 'tokens-per-second',
      relativeToStable: { maxIncrease: 10 },
    };
    const ok = await evaluateCheck(check, scope, new TableProvider({ v2: 95, v1: 100 }));
    expect(ok).toMatchObject({ verdict: 'Passed', reason: '95 >= stable 100 −10% = 90' });
    const slow = await evaluateCheck(check, scope, new TableProvider({ v2: 80, v1: 100 }));
    expect(slow).toMatchObject({ verdict: 'Failed', reason: '80 < stable 100 −10% = 90' });
  });

  it('reports an unknown placeholder as inconclusive with the field named', async () => {
    const r = await evaluateCheck(
      { ...base, builtin: undefined, query: 'up{pod="{{pod}}"}' },
      scope,
      new TableProvider({}),
    );
    expect(r.verdict).toBe('Inconclusive');
    expect(r.reason).toBe(
      "analysis.metrics[c].query: unknown placeholder '{{pod}}'; use {{namespace}}, {{model}}, {{agent}}, {{version}}, {{interval}}",
    );
  });
});

describe('per-metric no-data policy', () => {
  // The canary (v2) has no series at all; the stable (v1) has.
  const provider = new TableProvider({ v1: 0.2 });
  const policy = (analysisNoData: 'Inconclusive' | 'Fail' | undefined) =>
    resolvePolicy({
      promotion: {
        analysis: {
          metrics: [
            { name: 'errors', builtin: 'error-rate', thresholdRange: { max: 0.01 }, noData: 'Fail' },
            { name: 'ttft', builtin: 'ttft-p95', thresholdRange: { max: 1 }, noData: 'Inconclusive' },
            { name: 'latency', builtin: 'latency-p95', relativeToStable: { maxIncrease: 10 } },
          ],
          ...(analysisNoData === undefined ? {} : { noData: analysisNoData }),
        },
      },
    });

  it.each([
    ['analysis default (Inconclusive)', undefined, ['Failed', 'Inconclusive', 'Inconclusive'], 'Failed'],
    [
      'analysis-level Fail for the metric without its own',
      'Fail',
      ['Failed', 'Inconclusive', 'Failed'],
      'Failed',
    ],
  ] as const)('%s', async (_name, analysisNoData, verdicts, overall) => {
    const checks = policy(analysisNoData).metrics.map((m) => ({ ...m, minSamples: 0 }));
    const run = await runAnalysis(checks, scope, provider);
    expect(run.checks.map((c) => c.verdict)).toEqual(verdicts);
    expect(runVerdict(run.checks)).toBe(overall);
    expect(run.checks[0]?.reason).toContain('noData is Fail');
  });

  it('an Inconclusive metric alone holds without failing', async () => {
    const checks = policy(undefined)
      .metrics.filter((m) => m.name !== 'errors')
      .map((m) => ({ ...m, minSamples: 0 }));
    const run = await runAnalysis(checks, scope, provider);
    expect(runVerdict(run.checks)).toBe('Inconclusive');
  });

  it('reports each check with its query, threshold and window as status fields', async () => {
    const checks = policy(undefined).metrics.map((m) => ({ ...m, minSamples: 0 }));
    const run = await runAnalysis(checks, scope, provider);
    expect(run.checks.map(checkToStatus)).toEqual([
      {
        name: 'errors',
        query: builtinQuery('error-rate', {
          namespace: 'ns',
          model: 'm',
          agent: 'a',
          version: 'v2',
          interval: '30s',
        }),
        threshold: { max: 0.01 },
        window: '30s',
        verdict: 'Failed',
        reason: 'no data (the query returned no series); noData is Fail',
      },
      expect.objectContaining({
        name: 'ttft',
        threshold: { max: 1 },
        window: '30s',
        verdict: 'Inconclusive',
      }),
      expect.objectContaining({ name: 'latency', threshold: { maxIncrease: 10 }, window: '30s' }),
    ]);
  });
});

describe('templates and built-in queries', () => {
  it('fills every placeholder, whitespace allowed', () => {
    expect(
      renderTemplate('x{ns="{{namespace}}",m="{{ model }}",a="{{agent}}",v="{{version}}"}[{{interval}}]', {
        namespace: 'n',
        model: 'm',
        agent: 'a',
        version: 'v1',
        interval: '1m',
      }),
    ).toBe('x{ns="n",m="m",a="a",v="v1"}[1m]');
  });

  it('rejects an unknown placeholder naming the field', () => {
    expect(() => validateTemplate('{{ Version }}', 'spec.promotion.analysis.metrics[0].query')).toThrow(
      "spec.promotion.analysis.metrics[0].query: unknown placeholder '{{Version}}'",
    );
  });

  it('scopes every built-in to one version of one model in one namespace', () => {
    const q = { namespace: 'ns', model: 'm', agent: 'a', version: 'v2', interval: '2m' };
    for (const name of BUILTIN_METRICS) {
      const query = builtinQuery(name, q);
      expect(query).toContain('namespace="ns",model="m",version="v2"');
      expect(query).toContain('[2m]');
    }
  });

  it('leaves evaluation cases out of every selector of every built-in and of the sample count', () => {
    const q = { namespace: 'ns', model: 'm', agent: 'a', version: 'v2', interval: '2m' };
    const queries = [...BUILTIN_METRICS.map((name) => builtinQuery(name, q)), requestCountQuery(q)];
    for (const query of queries) {
      const selectors = [...query.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
      expect(selectors.length).toBeGreaterThan(0);
      for (const selector of selectors)
        expect([query, selector]).toEqual([query, expect.stringContaining('traffic!="evaluation"')]);
    }
    expect(requestCountQuery(q)).toBe(
      'sum(increase(ai_inference_requests_total{namespace="ns",model="m",version="v2",traffic!="evaluation"}[2m]))',
    );
    expect(builtinQuery('error-rate', q)).toBe(
      '(sum(rate(ai_inference_requests_total{namespace="ns",model="m",version="v2",traffic!="evaluation",code=~"5.."}[2m])) or vector(0))' +
        ' / sum(rate(ai_inference_requests_total{namespace="ns",model="m",version="v2",traffic!="evaluation"}[2m]))',
    );
  });

  it('escapes label values', () => {
    expect(versionSelector({ namespace: 'a"b', model: 'c\\d', version: 'v' })).toBe(
      'namespace="a\\"b",model="c\\\\d",version="v"',
    );
  });
});

describe('request share', () => {
  /** Answers the share query with `share` (or fails it) and every other query like TableProvider. */
  class ShareProvider extends TableProvider {
    readonly queries: string[] = [];
    constructor(private readonly share: Measurement['value'] | 'unreachable' | 'no-data') {
      super({ v2: 0.001, v1: 0.001 });
    }
    override async runQuery(query: string): Promise<Measurement> {
      this.queries.push(query);
      if (query !== requestShareQuery({ ...scope, interval: '30s' })) return super.runQuery(query);
      if (this.share === 'unreachable') {
        return { query, error: new MetricsUnreachableError('Prometheus at http://p is unreachable') };
      }
      if (this.share === 'no-data') return { query, error: new NoDataError('the query returned NaN') };
      return { query, value: this.share };
    }
  }
  const checks = resolvePolicy({}).metrics;

  it("is the version's share of the model's live requests, both sides live only", () => {
    expect(requestShareQuery({ namespace: 'ns', model: 'm', version: 'v2', interval: '1m' })).toBe(
      'sum(rate(ai_inference_requests_total{namespace="ns",model="m",version="v2",traffic="live"}[1m]))' +
        ' / sum(rate(ai_inference_requests_total{namespace="ns",model="m",traffic="live"}[1m]))',
    );
  });

  it('is measured with one query more per analysis, as a percent with one decimal', async () => {
    const provider = new ShareProvider(0.31449);
    const run = await runAnalysis(checks, scope, provider);
    // The request count, error-rate, latency of canary and stable: and the share, once.
    expect(provider.queries).toHaveLength(5);
    expect(
      provider.queries.filter((q) => q === requestShareQuery({ ...scope, interval: '30s' })),
    ).toHaveLength(1);
    expect(run.requestShare).toBe(31.4);
    // The checks are judged as without it.
    expect(run.checks.map((c) => c.verdict)).toEqual(checks.map(() => 'Passed'));
  });

  it.each([
    ['all of them', 1, 100],
    ['none of them', 0, 0],
    ['a rounding up', 0.0996, 10],
  ] as const)('reads %s', async (_name, ratio, percent) => {
    expect((await runAnalysis(checks, scope, new ShareProvider(ratio))).requestShare).toBe(percent);
  });

  it.each(['no-data', 'unreachable'] as const)(
    'is left out when the share query has %s, without touching the verdicts',
    async (answer) => {
      const run = await runAnalysis(checks, scope, new ShareProvider(answer));
      expect(run).not.toHaveProperty('requestShare');
      expect(run.checks.map((c) => c.verdict)).toEqual(checks.map(() => 'Passed'));
    },
  );

  it('reads a measurement as a percent in 0..100, nothing for NaN or an error', () => {
    expect(requestSharePercent({ query: 'q', value: 0.5 })).toBe(50);
    expect(requestSharePercent({ query: 'q', value: 1.0000001 })).toBe(100);
    expect(requestSharePercent({ query: 'q', value: Number.NaN })).toBeUndefined();
    expect(requestSharePercent({ query: 'q', error: new NoDataError('no series') })).toBeUndefined();
  });
});
