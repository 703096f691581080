import { builtinQuery, requestCountQuery } from '../../operators/analysis/builtins.js';
import { evaluateCheck, type AnalysisScope } from '../../operators/analysis/evaluate.js';
import { PrometheusProvider } from '../../operators/analysis/prometheus.js';
import type { MetricCheck } from '../../operators/analysis/types.js';
import { ManagedProcess } from '../e2e/harness/process.js';
import { PrometheusServer } from '../support/prometheus.js';
import { StubEngine, type StubBehaviour } from '../support/stub-engine.js';
import { waitFor } from '../support/wait.js';

/**
 * The cost and answer-shape built-ins (cost-per-request, tokens-per-request, truncation-rate) judged
 * on real runtime processes scraped by a real prometheus, each runtime in front of a stub engine of
 * its own. One stable version and four canaries serve the same requests:
 *
 * | version | stub answer       | prices (in / out per 1M) | cost per request | tokens per request |
 * |---------|-------------------|--------------------------|------------------|--------------------|
 * | v1      | 10 tokens, stop   | 1 / 2                    | 23e-6            | 13                 |
 * | v2      | 10 tokens, stop   | 1 / 2                    | 23e-6 (healthy)  | 13                 |
 * | v3      | 14 tokens, stop   | 1 / 2                    | 31e-6 (+35%)     | 17 (+31%)          |
 * | v4      | 10 tokens, stop   | 1.3 / 2.6                | 29.9e-6 (+30%)   | 13                 |
 * | v5      | 10 tokens, length | 1 / 2                    | 23e-6            | 13 (all cut)       |
 *
 * (3 prompt tokens: the stub counts a word of "one two three" as a token.) v2 also answers an
 * evaluation run's cases, with answers of 200 tokens, which the built-ins must leave out.
 */
const NAMESPACE = 'suoke-ai';
const MODEL = 'xiaoai';
/** The analysis window: the zero samples of the first scrape stay inside it while the test runs. */
const INTERVAL_MS = 60_000;
/** Requests per version: half of them streamed. */
const REQUESTS = 20;
const PROMPT = 'one two three';
const PROMPT_TOKENS = 3;

interface VersionSetup {
  readonly version: string;
  readonly stub: Partial<StubBehaviour>;
  readonly prices: readonly [input: number, output: number];
}

const VERSIONS: readonly VersionSetup[] = [
  { version: 'v1', stub: { tokens: 10 }, prices: [1, 2] },
  { version: 'v2', stub: { tokens: 10 }, prices: [1, 2] },
  { version: 'v3', stub: { tokens: 14 }, prices: [1, 2] },
  { version: 'v4', stub: { tokens: 10 }, prices: [1.3, 2.6] },
  { version: 'v5', stub: { tokens: 10, finishReason: 'length' }, prices: [1, 2] },
];

/** The cost of one request of `setup`, in currency units. */
const costPerRequest = ({ stub, prices: [input, output] }: VersionSetup): number =>
  (PROMPT_TOKENS * input + (stub.tokens as number) * output) / 1e6;

interface RunningVersion {
  readonly setup: VersionSetup;
  readonly stub: StubEngine;
  readonly runtime: ManagedProcess;
  readonly url: string;
}

async function startVersion(setup: VersionSetup): Promise<RunningVersion> {
  // The evaluation cases (sent to v2 only) get long answers.
  const stub = await StubEngine.start({
    ...setup.stub,
    answer: (messages) =>
      messages.some((m) => m.content.includes('golden'))
        ? Array.from({ length: 200 }, (_, i) => `long${i}`).join(' ')
        : undefined,
  });
  const runtime = new ManagedProcess({
    name: `runtime ${MODEL}-${setup.version}`,
    script: 'runtime/main.ts',
    env: {
      MODEL,
      AGENT: MODEL,
      MODEL_VERSION: setup.version,
      ENGINE_MODEL: 'stub-model',
      ENGINE_BASE_URL: stub.baseUrl,
      HOST: '127.0.0.1',
      PORT: '0',
      PRICE_INPUT_PER_MILLION_TOKENS: String(setup.prices[0]),
      PRICE_OUTPUT_PER_MILLION_TOKENS: String(setup.prices[1]),
      PRICE_CURRENCY: 'USD',
      DRAIN_TIMEOUT_MS: '1000',
    },
  });
  const listening = await runtime
    .waitForJson((l) => l['msg'] === 'listening', 60_000, 'listening')
    .catch(async (error: unknown) => {
      await stub.close();
      throw error;
    });
  return { setup, stub, runtime, url: `http://127.0.0.1:${String(listening['port'])}` };
}

/** One chat request, whole or streamed; resolves once the answer is read to its end. */
async function ask(url: string, stream: boolean, headers: Record<string, string> = {}, prompt = PROMPT) {
  const response = await fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ model: MODEL, messages: [{ role: 'user', content: prompt }], stream }),
  });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${body}`);
}

const scope = (version: string): AnalysisScope => ({
  namespace: NAMESPACE,
  model: MODEL,
  agent: MODEL,
  version,
  stableVersion: 'v1',
  intervalMs: INTERVAL_MS,
});
const check = (over: Partial<MetricCheck>): MetricCheck => ({
  name: 'check',
  minSamples: 10,
  noData: 'Inconclusive',
  ...over,
});

let versions: RunningVersion[] = [];
let prometheus: PrometheusServer | undefined;
let provider: PrometheusProvider;

beforeAll(async () => {
  const started = await Promise.allSettled(VERSIONS.map(startVersion));
  versions = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  prometheus = await PrometheusServer.start({
    targets: versions.map((v) => ({
      address: v.url.replace('http://', ''),
      labels: { namespace: NAMESPACE },
    })),
  });
  provider = new PrometheusProvider({ url: prometheus.url, timeoutMs: 5000 });
  // Every series of every version is in the TSDB at 0 before the first request…
  await waitFor(
    async () =>
      ((await prometheus!.query('ai_inference_cost_total{traffic="live"} == 0')) as unknown[]).length ===
      VERSIONS.length,
    { timeoutMs: 20_000, description: 'the first scrape of every version' },
  );
  // …then each version serves the same requests, and v2 an evaluation run besides.
  const live = (v: RunningVersion) => Array.from({ length: REQUESTS }, (_, i) => ask(v.url, i % 2 === 1));
  const evaluation = (v: RunningVersion) =>
    v.setup.version !== 'v2'
      ? []
      : Array.from({ length: REQUESTS }, (_, i) =>
          ask(v.url, i % 2 === 1, { 'x-evaluation-run': 'suoke-ai/xiaoai-v2-eval-1' }, 'a golden case'),
        );
  await Promise.all(versions.flatMap((v) => [...live(v), ...evaluation(v)]));
  // The latest scrape may predate the last answers (live ones can all be in while v2's cases are not),
  // so both kinds are waited for.
  await waitFor(
    async () => {
      const counted = (await prometheus!.query(
        `sum by (version) (ai_inference_requests_total{code="200",traffic="live"}) == ${REQUESTS}`,
      )) as unknown[];
      const cases = (await prometheus!.query(
        `sum(ai_inference_requests_total{version="v2",code="200",traffic="evaluation"}) == ${REQUESTS}`,
      )) as unknown[];
      return counted.length === VERSIONS.length && cases.length === 1;
    },
    { timeoutMs: 20_000, description: 'every request of every version to be scraped' },
  );
}, 120_000);

afterAll(async () => {
  await prometheus?.dispose();
  await Promise.all(versions.map((v) => v.runtime.stop()));
  await Promise.all(versions.map((v) => v.stub.close()));
});

const setupOf = (version: string) => VERSIONS.find((v) => v.version === version)!;

describe('cost and answer-shape built-ins read back what the runtimes served (evaluation cases left out)', () => {
  it.each(['v1', 'v2', 'v3', 'v4', 'v5'])(
    'cost-per-request of %s is its prices times its usage',
    async (version) => {
      const m = await provider.runQuery(
        builtinQuery('cost-per-request', { ...scope(version), interval: '1m' }),
      );
      expect(m.error).toBeUndefined();
      // A ratio of rates over the same samples: exact up to floating point.
      expect((m.value as number) / costPerRequest(setupOf(version))).toBeCloseTo(1, 9);
    },
  );

  it.each([
    ['v1', PROMPT_TOKENS + 10],
    ['v2', PROMPT_TOKENS + 10],
    ['v3', PROMPT_TOKENS + 14],
  ])('tokens-per-request of %s is %d (prompt and completion)', async (version, tokens) => {
    const m = await provider.runQuery(
      builtinQuery('tokens-per-request', { ...scope(version), interval: '1m' }),
    );
    expect(m.value).toBeCloseTo(tokens, 9);
  });

  it.each([
    ['v1', 0],
    ['v2', 0],
    ['v5', 1],
  ])('truncation-rate of %s is %d', async (version, rate) => {
    const m = await provider.runQuery(builtinQuery('truncation-rate', { ...scope(version), interval: '1m' }));
    expect(m.value).toBeCloseTo(rate, 9);
  });

  it('counts the served requests, not the evaluation cases, as samples', async () => {
    // The cases were served, and counted as evaluation traffic…
    const cases = (await prometheus!.query(
      'sum(ai_inference_tokens_total{version="v2",traffic="evaluation"})',
    )) as { value: [number, string] }[];
    expect(Number(cases[0]?.value[1])).toBe(REQUESTS * (PROMPT_TOKENS + 200));
    // …and are no samples of the analysis.
    const m = await provider.runQuery(requestCountQuery({ ...scope('v2'), interval: '1m' }));
    // increase() extrapolates a little past the 20 requests; never the 40 with the evaluation cases.
    expect(m.value).toBeGreaterThanOrEqual(REQUESTS);
    expect(m.value).toBeLessThan(2 * REQUESTS);
  });
});

describe('cost and answer-shape checks against the stable version', () => {
  const costCheck = check({
    name: 'cost',
    builtin: 'cost-per-request',
    relativeToStable: { maxIncrease: 20 },
  });
  const tokensCheck = check({
    name: 'tokens',
    builtin: 'tokens-per-request',
    relativeToStable: { maxIncrease: 20 },
  });
  const truncationCheck = check({
    name: 'truncation',
    builtin: 'truncation-rate',
    thresholdRange: { max: 0.05 },
  });
  const verdicts = async (version: string, checks: readonly MetricCheck[]) =>
    Promise.all(
      checks.map(async (c) => [c.name, (await evaluateCheck(c, scope(version), provider)).verdict]),
    );

  it('passes a healthy canary on cost, tokens and truncation', async () => {
    expect(await verdicts('v2', [costCheck, tokensCheck, truncationCheck])).toEqual([
      ['cost', 'Passed'],
      ['tokens', 'Passed'],
      ['truncation', 'Passed'],
    ]);
  });

  it('fails a canary whose tokens are priced 30% higher on cost, but not on tokens', async () => {
    const cost = await evaluateCheck(costCheck, scope('v4'), provider);
    expect(cost.verdict).toBe('Failed');
    expect(cost.value! / cost.stableValue!).toBeCloseTo(1.3, 9);
    expect(cost.reason).toBe('0.0000299 > stable 0.000023 +20% = 0.0000276');
    expect(await verdicts('v4', [tokensCheck, truncationCheck])).toEqual([
      ['tokens', 'Passed'],
      ['truncation', 'Passed'],
    ]);
  });

  it('fails a canary that answers with 40% more tokens on cost and on tokens', async () => {
    expect(await verdicts('v3', [costCheck, tokensCheck, truncationCheck])).toEqual([
      ['cost', 'Failed'],
      ['tokens', 'Failed'],
      ['truncation', 'Passed'],
    ]);
  });

  it('fails a canary whose answers are cut at the token limit on truncation, absolute and relative to stable', async () => {
    const absolute = await evaluateCheck(truncationCheck, scope('v5'), provider);
    expect(absolute).toMatchObject({ verdict: 'Failed', reason: '1 > max 0.05', value: 1 });
    const relative = await evaluateCheck(
      check({ name: 'truncation', builtin: 'truncation-rate', relativeToStable: { maxIncrease: 50 } }),
      scope('v5'),
      provider,
    );
    expect(relative).toMatchObject({ verdict: 'Failed', stableValue: 0 });
    expect(await verdicts('v5', [costCheck, tokensCheck])).toEqual([
      ['cost', 'Passed'],
      ['tokens', 'Passed'],
    ]);
  });

  it('has no cost data for a version its runtime does not price', async () => {
    const r = await evaluateCheck(check({ ...costCheck, minSamples: 0 }), scope('v9'), provider);
    expect(r.verdict).toBe('Inconclusive');
    expect(r.reason).toContain('no data');
  });
});
