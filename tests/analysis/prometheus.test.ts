import { createServer, type Server } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RuntimeMetrics } from '../../runtime/metrics.js';
import type { Traffic } from '../../runtime/shadow.js';
import { builtinQuery, requestCountQuery } from '../../operators/analysis/builtins.js';
import { evaluateCheck, runAnalysis, type AnalysisScope } from '../../operators/analysis/evaluate.js';
import { PrometheusProvider } from '../../operators/analysis/prometheus.js';
import type { MetricCheck } from '../../operators/analysis/types.js';
import { baseUrlOf } from '../support/net.js';
import { PrometheusServer } from '../support/prometheus.js';
import { waitFor } from '../support/wait.js';

/**
 * A real prometheus scrapes two tiny servers exposing the runtime's own metrics (RuntimeMetrics,
 * the class the inference server uses) for a stable (v1) and a canary (v2) version of one model,
 * with values the test sets. The built-in queries must read back exactly what was put in for live
 * traffic, whatever the evaluation cases beside it did.
 */
const NAMESPACE = 'suoke-ai';
const MODEL = 'xiaoai-conversation-llm';
const AGENT = 'xiaoai';
/** The analysis window: long enough that the zero samples before the increments stay inside it. */
const INTERVAL_MS = 60_000;

interface MetricsTarget {
  readonly metrics: RuntimeMetrics;
  readonly server: Server;
}

async function serveMetrics(version: string): Promise<MetricsTarget> {
  const metrics = new RuntimeMetrics({ agent: AGENT, model: MODEL, version }, { processMetrics: false });
  // Every series exists at 0 before the first scrape, as in a runtime that has just started.
  for (const code of ['200', '500']) metrics.requests.inc({ code, traffic: 'live' }, 0);
  const server = createServer((req, res) => {
    void metrics.render().then(({ contentType, body }) => {
      res.writeHead(200, { 'content-type': contentType });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { metrics, server };
}

/** Records `requests` requests of `seconds` each, `errors` of them 5xx, and `tokens` completion tokens. */
function serve(
  t: MetricsTarget,
  requests: number,
  errors: number,
  seconds: number,
  ttft: number,
  tokens: number,
  traffic: Traffic = 'live',
): void {
  t.metrics.requests.inc({ code: '200', traffic }, requests - errors);
  t.metrics.requests.inc({ code: '500', traffic }, errors);
  for (let i = 0; i < requests; i++) {
    t.metrics.duration.observe({ traffic }, seconds);
    t.metrics.timeToFirstToken.observe({ traffic }, ttft);
  }
  t.metrics.tokens.inc({ type: 'completion', traffic }, tokens);
}

const scope = (version: string, stableVersion?: string): AnalysisScope => ({
  namespace: NAMESPACE,
  model: MODEL,
  agent: AGENT,
  version,
  stableVersion,
  intervalMs: INTERVAL_MS,
});
const qscope = (version: string) => ({ ...scope(version), interval: '1m' });
const check = (over: Partial<MetricCheck>): MetricCheck => ({
  name: 'check',
  minSamples: 0,
  noData: 'Inconclusive',
  ...over,
});

let prometheus: PrometheusServer;
let stable: MetricsTarget;
let canary: MetricsTarget;
let provider: PrometheusProvider;

beforeAll(async () => {
  stable = await serveMetrics('v1');
  canary = await serveMetrics('v2');
  prometheus = await PrometheusServer.start({
    targets: [stable, canary].map((t) => ({
      address: baseUrlOf(t.server).replace('http://', ''),
      labels: { namespace: NAMESPACE },
    })),
  });
  provider = new PrometheusProvider({ url: prometheus.url, timeoutMs: 2000 });
  // The zeros are in the TSDB for both versions…
  await waitFor(
    async () =>
      ((await prometheus.query('ai_inference_requests_total{code=~"200|500",traffic="live"}')) as unknown[])
        .length === 4,
    {
      timeoutMs: 20_000,
      description: 'the first scrape of both versions',
    },
  );
  // …then the traffic arrives, in one tick, so one scrape sees all of it.
  serve(canary, 100, 20, 0.3, 0.02, 500);
  serve(stable, 200, 2, 0.2, 0.02, 2000);
  // An evaluation run's cases in the same window, unlike the live traffic in every respect (all
  // failed, slow, verbose): the built-ins must read back the live numbers alone.
  serve(canary, 100, 100, 8, 4, 100_000, 'evaluation');
  serve(stable, 100, 100, 8, 4, 100_000, 'evaluation');
  await waitFor(
    async () => {
      const [c, s] = await Promise.all(
        ['v2', 'v1'].map((v) => provider.runQuery(requestCountQuery(qscope(v)))),
      );
      // increase() extrapolates to the end of the window by up to 1.1 scrape intervals, which is a
      // lot over the first seconds of samples; wait until the sampled span makes that small.
      return (c?.value ?? 0) >= 100 && (c?.value ?? 0) <= 125 && (s?.value ?? 0) >= 200;
    },
    { timeoutMs: 30_000, description: 'the traffic to be scraped over a few seconds' },
  );
}, 60_000);

/** Upper bound of v2's 100 requests as increase() extrapolates them: far from v1's 200. */
const EXTRAPOLATED_MAX = 150;

afterAll(async () => {
  await prometheus?.dispose();
  for (const t of [stable, canary]) await new Promise((resolve) => t?.server.close(resolve));
});

describe('built-in queries against a real prometheus (evaluation cases left out)', () => {
  it.each([
    ['error-rate', 'v2', 0.2],
    ['error-rate', 'v1', 0.01],
    // 100 observations in the (0.25, 0.5] bucket: 0.25 + 0.25 × 0.95
    ['latency-p95', 'v2', 0.4875],
    // 200 observations in the (0.1, 0.25] bucket: 0.1 + 0.15 × 0.95
    ['latency-p95', 'v1', 0.2425],
    // (0.01, 0.025] bucket: 0.01 + 0.015 × 0.95
    ['ttft-p95', 'v2', 0.02425],
    // 500 tokens over 100 × 0.3 s of serving; 2000 over 200 × 0.2 s
    ['tokens-per-second', 'v2', 500 / 30],
    ['tokens-per-second', 'v1', 50],
  ] as const)('%s of %s is %d', async (name, version, expected) => {
    const m = await provider.runQuery(builtinQuery(name, qscope(version)));
    expect(m.error).toBeUndefined();
    expect(m.value).toBeCloseTo(expected, 6);
  });

  it('counts the requests of one version only', async () => {
    const m = await provider.runQuery(requestCountQuery(qscope('v2')));
    // 100 plus increase()'s extrapolation to the window's end, which moves with scrape timing
    // (more on a loaded machine): never v1's 200 nor the sum.
    expect(m.value).toBeGreaterThanOrEqual(100);
    expect(m.value).toBeLessThan(EXTRAPOLATED_MAX);
  });

  it('answers a constant query', async () => {
    expect(await provider.runQuery('vector(1)')).toEqual({ query: 'vector(1)', value: 1 });
  });
});

describe('checks against a real prometheus', () => {
  it('fails an absolute bound and says by how much', async () => {
    const r = await evaluateCheck(
      check({ name: 'errors', builtin: 'error-rate', thresholdRange: { max: 0.05 }, minSamples: 50 }),
      scope('v2'),
      provider,
    );
    expect(r).toMatchObject({ metric: 'errors', verdict: 'Failed', reason: '0.2 > max 0.05', window: '1m' });
    expect(r.threshold).toEqual({ max: 0.05 });
    expect(r.value).toBeCloseTo(0.2, 9);
    expect(r.samples).toBeGreaterThanOrEqual(100);
    expect(r.query).toContain('version="v2"');
  });

  it('compares with stable measured at the same time', async () => {
    const tight = await evaluateCheck(
      check({ name: 'p95', builtin: 'latency-p95', relativeToStable: { maxIncrease: 50 } }),
      scope('v2', 'v1'),
      provider,
    );
    expect(tight.verdict).toBe('Failed');
    expect(tight.stableValue).toBeCloseTo(0.2425, 6);
    expect(tight.reason).toMatch(/^0\.4875 > stable 0\.2425 \+50% = 0\.363[78]$/);
    const loose = await evaluateCheck(
      check({ name: 'p95', builtin: 'latency-p95', relativeToStable: { maxIncrease: 150 } }),
      scope('v2', 'v1'),
      provider,
    );
    expect(loose.verdict).toBe('Passed');
  });

  it('reads tokens-per-second as higher-is-better', async () => {
    const r = await evaluateCheck(
      check({ name: 'speed', builtin: 'tokens-per-second', relativeToStable: { maxIncrease: 50 } }),
      scope('v2', 'v1'),
      provider,
    );
    expect(r.verdict).toBe('Failed');
    expect(r.reason).toBe('16.67 < stable 50 −50% = 25');
  });

  it('is inconclusive, never passed, with fewer requests than minSamples', async () => {
    const r = await evaluateCheck(
      check({ name: 'errors', builtin: 'error-rate', thresholdRange: { max: 0.5 }, minSamples: 1000 }),
      scope('v2'),
      provider,
    );
    expect(r.verdict).toBe('Inconclusive');
    const counted = /^(\d+) requests in 1m, fewer than minSamples 1000$/.exec(r.reason);
    expect(counted).not.toBeNull();
    expect(Number(counted![1])).toBeGreaterThanOrEqual(100);
    expect(Number(counted![1])).toBeLessThan(EXTRAPOLATED_MAX);
    expect(r.value).toBeUndefined();
  });

  it('applies the noData policy to a version without series', async () => {
    const inconclusive = await evaluateCheck(
      check({ builtin: 'error-rate', thresholdRange: { max: 0.05 } }),
      scope('v9'),
      provider,
    );
    expect(inconclusive.verdict).toBe('Inconclusive');
    expect(inconclusive.reason).toContain('no data');
    const failed = await evaluateCheck(
      check({ builtin: 'error-rate', thresholdRange: { max: 0.05 }, noData: 'Fail' }),
      scope('v9'),
      provider,
    );
    expect(failed.verdict).toBe('Failed');
    expect(failed.reason).toContain('noData is Fail');
  });

  it('runs custom PromQL with placeholders filled in', async () => {
    const r = await evaluateCheck(
      check({
        name: 'server-errors',
        // A custom query picks its traffic itself: here it leaves the evaluation cases out too.
        query:
          'sum(increase(ai_inference_requests_total{namespace="{{namespace}}",model="{{model}}",version="{{ version }}",code="500",traffic!="evaluation"}[{{interval}}]))' +
          ' / sum(increase(ai_inference_requests_total{agent="{{agent}}",version="{{version}}",traffic!="evaluation"}[{{interval}}]))',
        thresholdRange: { max: 0.25 },
      }),
      scope('v2'),
      provider,
    );
    expect(r.query).toContain(
      'namespace="suoke-ai",model="xiaoai-conversation-llm",version="v2",code="500",traffic!="evaluation"}[1m]',
    );
    expect(r.value).toBeCloseTo(0.2, 9);
    expect(r).toMatchObject({ verdict: 'Passed', reason: '0.2 within max 0.25' });
  });

  it('runs a whole analysis for one version', async () => {
    const run = await runAnalysis(
      [
        check({ name: 'errors', builtin: 'error-rate', thresholdRange: { max: 0.05 }, minSamples: 20 }),
        check({ name: 'ttft', builtin: 'ttft-p95', thresholdRange: { max: 1 }, minSamples: 20 }),
      ],
      scope('v1', 'v2'),
      provider,
    );
    expect(run.version).toBe('v1');
    expect(run.checks.map((c) => [c.metric, c.verdict])).toEqual([
      ['errors', 'Passed'],
      ['ttft', 'Passed'],
    ]);
  });

  it('records a refused query as BadQuery', async () => {
    const syntax = await provider.runQuery('sum(');
    expect(syntax.error?.code).toBe('BadQuery');
    expect(syntax.error?.message).toContain('bad_data');
    const many = await provider.runQuery('ai_inference_requests_total{code=~"200|500",traffic="live"}');
    expect(many.error?.code).toBe('BadQuery');
    expect(many.error?.message).toBe('the query returned 4 series; aggregate it to one, e.g. with sum()');
  });
});

describe('when prometheus is down', () => {
  it('records Unreachable instead of throwing, and recovers when it is back', async () => {
    await prometheus.stop();
    const m = await provider.runQuery(builtinQuery('error-rate', qscope('v2')));
    expect(m.value).toBeUndefined();
    expect(m.error?.code).toBe('Unreachable');
    expect(m.error?.message).toMatch(
      /^Prometheus at http:\/\/127\.0\.0\.1:\d+ is unreachable: ECONNREFUSED$/,
    );
    expect((await provider.runQuery('vector(1)')).error?.code).toBe('Unreachable');
    const r = await evaluateCheck(
      check({ builtin: 'error-rate', thresholdRange: { max: 0.5 }, minSamples: 10 }),
      scope('v2'),
      provider,
    );
    expect(r.verdict).toBe('Inconclusive');
    expect(r.reason).toContain('unreachable');

    await prometheus.restart();
    await waitFor(async () => (await provider.runQuery('vector(1)')).value === 1, {
      timeoutMs: 20_000,
      description: 'prometheus back online',
    });
    const back = await provider.runQuery(builtinQuery('error-rate', qscope('v2')));
    expect(back.value).toBeCloseTo(0.2, 9);
  }, 40_000);
});

describe('PrometheusProvider over HTTP', () => {
  /** A server answering like the Prometheus API, recording the requests it gets. */
  async function answering(
    status: number,
    body: unknown,
  ): Promise<{ url: string; headers: Record<string, unknown>[]; close(): Promise<void> }> {
    const headers: Record<string, unknown>[] = [];
    const server = createServer((req, res) => {
      headers.push(req.headers);
      if (status === 0) return; // never answers
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      url: baseUrlOf(server),
      headers,
      close: () =>
        new Promise((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
  }

  it('sends the bearer token read from its file at every query', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'token-'));
    const file = join(dir, 'token');
    await writeFile(file, 'first\n');
    const api = await answering(200, { status: 'success', data: { resultType: 'scalar', result: [0, '3'] } });
    try {
      const p = new PrometheusProvider({ url: api.url, bearerTokenFile: file });
      expect((await p.runQuery('scalar(3)')).value).toBe(3);
      await writeFile(file, 'rotated');
      await p.runQuery('scalar(3)');
      expect(api.headers.map((h) => h.authorization)).toEqual(['Bearer first', 'Bearer rotated']);
    } finally {
      await api.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('records an HTTP status it does not expect', async () => {
    const api = await answering(401, { status: 'error', error: 'unauthorized' });
    try {
      const m = await new PrometheusProvider({ url: api.url }).runQuery('vector(1)');
      expect(m.error?.code).toBe('HttpStatus');
      expect(m.error?.message).toBe(`Prometheus at ${api.url} answered HTTP 401: unauthorized`);
    } finally {
      await api.close();
    }
  });

  it('gives up after the timeout', async () => {
    const api = await answering(0, undefined);
    try {
      const m = await new PrometheusProvider({ url: api.url, timeoutMs: 200 }).runQuery('vector(1)');
      expect(m.error?.code).toBe('Unreachable');
      expect(m.error?.message).toBe(`Prometheus at ${api.url} did not answer within 200 ms`);
    } finally {
      await api.close();
    }
  });

  it('records an unreadable token file as a clear error', async () => {
    const m = await new PrometheusProvider({
      url: 'http://127.0.0.1:9',
      bearerTokenFile: '/nonexistent/token',
    }).runQuery('vector(1)');
    expect(m.error?.message).toMatch(/^cannot read the Prometheus bearer token file \/nonexistent\/token: /);
  });

  it('rejects a URL that is not http(s) at construction', () => {
    expect(() => new PrometheusProvider({ url: 'prometheus:9090' })).toThrow(
      "prometheus url: 'prometheus:9090' must use http or https",
    );
    expect(() => new PrometheusProvider({ url: 'not a url' })).toThrow(/is not a URL/);
  });
});
