import { Redis } from 'ioredis';
import { RedisServer } from '../support/redis-server.js';
import { StubEngine } from '../support/stub-engine.js';
import { waitFor } from '../support/wait.js';
import { startRuntime, type TestRuntime } from './harness.js';

/**
 * LLM cost and finish reasons as /metrics exposes them, over real HTTP: the official client (and raw
 * requests) → the runtime → the stub engine, whose usage and finish_reason the test sets.
 *
 * The stub counts one prompt token per word of the messages and one completion token per word it
 * answers, so "one two three" answered with 5 tokens costs exactly 3 × input + 5 × output per
 * million tokens.
 */
const PRICES = {
  PRICE_INPUT_PER_MILLION_TOKENS: '0.5',
  PRICE_OUTPUT_PER_MILLION_TOKENS: '2',
  PRICE_CURRENCY: 'EUR',
};
const QUESTION = 'one two three';
const ANSWER_TOKENS = 5;
/** (3 × 0.5 + 5 × 2) / 1e6 */
const COST_OF_ONE = (3 * 0.5 + ANSWER_TOKENS * 2) / 1e6;

interface Sample {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly value: number;
}

/** The samples of /metrics, labels parsed. */
async function scrape(rt: TestRuntime): Promise<Sample[]> {
  const text = await (await fetch(`${rt.url}/metrics`)).text();
  return text.split('\n').flatMap((line) => {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (match === null) return [];
    const labels = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]),
    );
    return [{ name: match[1]!, labels, value: Number(match[3]) }];
  });
}

/** The values of the series of `name` whose labels include `labels`. */
function values(samples: readonly Sample[], name: string, labels: Record<string, string> = {}): number[] {
  return samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .map((s) => s.value);
}

/** `reason → count` of the finish reasons of one traffic, zero-valued series left out. */
function finishReasons(samples: readonly Sample[], traffic = 'live'): Record<string, number> {
  return Object.fromEntries(
    samples
      .filter((s) => s.name === 'ai_inference_finish_reasons_total' && s.labels.traffic === traffic)
      .filter((s) => s.value > 0)
      .map((s) => [s.labels.reason!, s.value]),
  );
}

/** One request in each of the four ways a client asks: chat or responses, whole or streamed. */
async function askEveryWay(rt: TestRuntime, headers: Record<string, string> = {}): Promise<void> {
  const client = rt.client();
  const options = { headers };
  const chat = { model: 'xiaoai', messages: [{ role: 'user' as const, content: QUESTION }] };
  await client.chat.completions.create(chat, options);
  for await (const _ of await client.chat.completions.create({ ...chat, stream: true }, options)) {
    // drain
  }
  await client.responses.create({ model: 'xiaoai', input: QUESTION }, options);
  for await (const _ of await client.responses.create(
    { model: 'xiaoai', input: QUESTION, stream: true },
    options,
  )) {
    // drain
  }
}

/** Waits for the `request` log lines, written once a request's metrics are counted. */
async function settled(rt: TestRuntime, requests: number): Promise<void> {
  await waitFor(() => rt.logs.requests().length >= requests, {
    description: `${requests} request log lines`,
  });
}

describe('runtime cost and finish-reason metrics', () => {
  let stub: StubEngine;
  let rt: TestRuntime | undefined;

  beforeAll(async () => {
    stub = await StubEngine.start({ tokens: ANSWER_TOKENS });
  });
  afterAll(async () => {
    await stub.close();
  });
  beforeEach(() => stub.reset({ tokens: ANSWER_TOKENS }));
  afterEach(async () => {
    await rt?.close();
    rt = undefined;
  });

  it('starts with zero-valued cost, finish-reason and answered-request series for every traffic', async () => {
    rt = await startRuntime({ ENGINE_BASE_URL: stub.baseUrl, ...PRICES });
    const samples = await scrape(rt);
    for (const traffic of ['live', 'shadow', 'evaluation']) {
      expect([traffic, values(samples, 'ai_inference_cost_total', { traffic })]).toEqual([traffic, [0]]);
      expect(values(samples, 'ai_inference_cost_total', { traffic, currency: 'EUR' })).toEqual([0]);
      for (const reason of ['stop', 'length']) {
        expect([
          traffic,
          reason,
          values(samples, 'ai_inference_finish_reasons_total', { traffic, reason }),
        ]).toEqual([traffic, reason, [0]]);
      }
      expect(values(samples, 'ai_inference_requests_total', { traffic, code: '200' })).toEqual([0]);
    }
  });

  it('counts the cost of each answer from the usage the engine reported, at the configured prices', async () => {
    rt = await startRuntime({ ENGINE_BASE_URL: stub.baseUrl, ...PRICES });
    await askEveryWay(rt);
    await settled(rt, 4);
    const samples = await scrape(rt);
    const live = { traffic: 'live' };
    expect(values(samples, 'ai_inference_tokens_total', { ...live, type: 'prompt' })).toEqual([4 * 3]);
    expect(values(samples, 'ai_inference_tokens_total', { ...live, type: 'completion' })).toEqual([
      4 * ANSWER_TOKENS,
    ]);
    const [cost] = values(samples, 'ai_inference_cost_total', { ...live, currency: 'EUR' });
    expect(cost).toBeCloseTo(4 * COST_OF_ONE, 15);
    expect(cost).toBeGreaterThan(0);
    // The agent, model and version labels every runtime series carries.
    expect(
      samples.find((s) => s.name === 'ai_inference_cost_total' && s.labels.traffic === 'live')?.labels,
    ).toEqual({ agent: 'xiaoai', model: 'xiaoai', version: 'v1', currency: 'EUR', traffic: 'live' });
  });

  it('counts an evaluation run’s cases under traffic="evaluation", apart from live answers', async () => {
    rt = await startRuntime({ ENGINE_BASE_URL: stub.baseUrl, ...PRICES });
    await askEveryWay(rt, { 'x-evaluation-run': 'suoke-ai/xiaoai-v1-eval-pre-1' });
    await settled(rt, 4);
    const samples = await scrape(rt);
    expect(values(samples, 'ai_inference_cost_total', { traffic: 'evaluation' })[0]).toBeCloseTo(
      4 * COST_OF_ONE,
      15,
    );
    expect(values(samples, 'ai_inference_cost_total', { traffic: 'live' })).toEqual([0]);
    expect(finishReasons(samples, 'evaluation')).toEqual({ stop: 4 });
    expect(finishReasons(samples, 'live')).toEqual({});
  });

  it('counts one finish reason per answer as the engine reported it, streamed and not, and any unknown one as other', async () => {
    rt = await startRuntime({ ENGINE_BASE_URL: stub.baseUrl, ...PRICES });
    await askEveryWay(rt);
    // Answers cut at max_tokens, in all four ways…
    stub.set({ finishReason: 'length' });
    await askEveryWay(rt);
    // …and a reason no OpenAI API defines, which must not become a label value of its own.
    stub.set({ finishReason: 'eos_token' });
    await askEveryWay(rt);
    await settled(rt, 12);
    const samples = await scrape(rt);
    expect(finishReasons(samples)).toEqual({ stop: 4, length: 4, other: 4 });
    // The responses API tells the client about the cut too.
    stub.set({ finishReason: 'length' });
    const cut = await rt.client().responses.create({ model: 'xiaoai', input: QUESTION });
    expect(cut.status).toBe('incomplete');
  });

  it('counts no cost and has no cost series without pricing, while finish reasons are counted', async () => {
    rt = await startRuntime({ ENGINE_BASE_URL: stub.baseUrl });
    expect(rt.config.pricing).toBeUndefined();
    await askEveryWay(rt);
    await settled(rt, 4);
    const samples = await scrape(rt);
    expect(samples.filter((s) => s.name.startsWith('ai_inference_cost'))).toEqual([]);
    expect(finishReasons(samples)).toEqual({ stop: 4 });
  });

  it('counts only the completion price when only PRICE_OUTPUT_PER_MILLION_TOKENS is set, in USD', async () => {
    rt = await startRuntime({ ENGINE_BASE_URL: stub.baseUrl, PRICE_OUTPUT_PER_MILLION_TOKENS: '3' });
    await rt
      .client()
      .chat.completions.create({ model: 'xiaoai', messages: [{ role: 'user', content: QUESTION }] });
    await settled(rt, 1);
    const samples = await scrape(rt);
    expect(values(samples, 'ai_inference_cost_total', { traffic: 'live', currency: 'USD' })[0]).toBeCloseTo(
      (ANSWER_TOKENS * 3) / 1e6,
      15,
    );
  });

  it('counts nothing for an answer the engine failed, and no finish reason for a stream that broke', async () => {
    rt = await startRuntime({ ENGINE_BASE_URL: stub.baseUrl, ENGINE_MAX_RETRIES: '0', ...PRICES });
    stub.set({ failRate: 1 });
    await expect(
      rt
        .client()
        .chat.completions.create({ model: 'xiaoai', messages: [{ role: 'user', content: QUESTION }] }),
    ).rejects.toMatchObject({ status: 502 });
    stub.set({ failRate: 0, drop: 'mid-stream', tokens: 8 });
    const broken = await fetch(`${rt.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'xiaoai',
        messages: [{ role: 'user', content: QUESTION }],
        stream: true,
      }),
    });
    await broken.text();
    await settled(rt, 2);
    expect(rt.logs.requests().map((l) => l.code)).toEqual([502, 502]);
    const samples = await scrape(rt);
    expect(values(samples, 'ai_inference_cost_total', { traffic: 'live' })).toEqual([0]);
    expect(finishReasons(samples)).toEqual({});
  });
});

describe('runtime cost and finish reasons of cache hits (real redis-server)', () => {
  let redis: RedisServer;
  let admin: Redis;
  let stub: StubEngine;
  let rt: TestRuntime;

  beforeAll(async () => {
    redis = await RedisServer.start();
    admin = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await admin.connect();
    stub = await StubEngine.start({ tokens: ANSWER_TOKENS, finishReason: 'length' });
    rt = await startRuntime({
      ENGINE_BASE_URL: stub.baseUrl,
      REDIS_MODE: 'standalone',
      REDIS_URL: redis.url,
      CACHE_TTL_SECONDS: '60',
      ...PRICES,
    });
    await waitFor(() => rt.runtime.redis?.status === 'ready', {
      description: 'the runtime to connect to redis',
    });
  });
  afterAll(async () => {
    await rt?.close();
    admin?.disconnect();
    await stub?.close();
    await redis?.dispose();
  });

  it('costs nothing (no engine call) but counts the finish reason of the answer it repeats', async () => {
    const deterministic = {
      model: 'xiaoai',
      messages: [{ role: 'user' as const, content: QUESTION }],
      temperature: 0,
    };
    const first = await rt.client().chat.completions.create(deterministic).withResponse();
    expect(first.response.headers.get('x-cache')).toBe('miss');
    await waitFor(async () => (await admin.keys('suoke:cache:*')).length === 1, {
      description: 'the answer to be kept in the cache',
    });
    const second = await rt.client().chat.completions.create(deterministic).withResponse();
    expect(second.response.headers.get('x-cache')).toBe('hit');
    expect(second.data.choices[0]?.finish_reason).toBe('length');
    expect(stub.stats.chatCalls).toBe(1);
    await settled(rt, 2);
    const samples = await scrape(rt);
    expect(values(samples, 'ai_inference_cost_total', { traffic: 'live' })[0]).toBeCloseTo(COST_OF_ONE, 15);
    expect(values(samples, 'ai_inference_tokens_total', { traffic: 'live', type: 'completion' })).toEqual([
      ANSWER_TOKENS,
    ]);
    expect(finishReasons(samples)).toEqual({ length: 2 });
    expect(values(samples, 'ai_inference_requests_total', { traffic: 'live', code: '200' })).toEqual([2]);
  });
});
