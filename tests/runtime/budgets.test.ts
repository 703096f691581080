/**
 * Per-key token budgets (API keys file `tokens-per-day=` / `tokens-per-month=`), counted in a real
 * redis-server by in-process runtimes whose wall clock the tests set (RuntimeDeps.now), so that days
 * and months turn when a test says. tests/runtime/budgets-replicas.test.ts runs several runtime
 * processes against one budget.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import OpenAI from 'openai';
import { parseApiKeys } from '../../runtime/auth.js';
import { buildServer } from '../../runtime/build-server.js';
import { loadConfig } from '../../runtime/config.js';
import { OtlpReceiver } from '../support/otlp-receiver.js';
import { RedisServer } from '../support/redis-server.js';
import { StubEngine } from '../support/stub-engine.js';
import { waitFor, waitForEvent } from '../support/wait.js';
import { BASE_ENV, startRuntime, type TestRuntime } from './harness.js';

const KEYS = {
  alice: 'sk-alice-7f3a9c1e5b2d',
  bob: 'sk-bob-2d8e4f6a0c4b',
  carol: 'sk-carol-9b1c3e5d7f6a',
};
const work = mkdtempSync(join(tmpdir(), 'suoke-budgets-'));
const keysFile = join(work, 'api-keys');
writeFileSync(
  keysFile,
  [
    `${KEYS.alice} alice tokens-per-day=100`,
    `${KEYS.bob} bob tokens-per-month=100`,
    `${KEYS.carol} carol`,
    '',
  ].join('\n'),
);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The stub engine counts one token per word: 2 prompt tokens here, 8 completion tokens by default. */
const TOKENS_PER_REQUEST = 10;

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: any;
}

/**
 * One request as `key`, 8 max_tokens unless `body` says otherwise. Through node:http, which sends
 * the Host header it is given (fetch does not), as a mesh's mirrored copy has it.
 */
function ask(
  rt: TestRuntime,
  key: string,
  body: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Answer> {
  const payload = JSON.stringify({
    model: 'xiaoai',
    messages: [{ role: 'user', content: 'hello budget' }],
    max_tokens: 8,
    ...body,
  });
  const { port } = new URL(rt.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/v1/chat/completions',
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let raw = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (raw += chunk));
        res.on('end', () => {
          const answerHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            if (typeof value === 'string') answerHeaders.set(name, value);
          }
          resolve({ status: res.statusCode ?? 0, headers: answerHeaders, body: JSON.parse(raw) });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const remaining = (answer: Answer) => Number(answer.headers.get('x-budget-remaining-tokens'));

/** Spends `key`'s whole budget of 100 in requests of 10 tokens, each admitted. */
async function spend(rt: TestRuntime, key: string): Promise<void> {
  for (let i = 0; i < 100 / TOKENS_PER_REQUEST; i++) {
    const answer = await ask(rt, key);
    expect([i, answer.status]).toEqual([i, 200]);
  }
}

/** The value of one series of the runtime's /metrics; undefined when it is not exposed. */
async function metric(
  rt: TestRuntime,
  name: string,
  labels: Record<string, string>,
): Promise<number | undefined> {
  const text = await (await fetch(`${rt.url}/metrics`)).text();
  const line = text
    .split('\n')
    .find(
      (l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)),
    );
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
}

describe('token budgets with a real redis-server', () => {
  let redis: RedisServer;
  let stub: StubEngine;
  let rt: TestRuntime;
  let admin: Redis;
  let now = Date.UTC(2040, 2, 14, 12, 0, 0);

  beforeAll(async () => {
    redis = await RedisServer.start();
    stub = await StubEngine.start();
    admin = new Redis(redis.url);
    rt = await startRuntime(
      {
        ENGINE_BASE_URL: stub.baseUrl,
        ENGINE_MAX_RETRIES: '0',
        REDIS_MODE: 'standalone',
        REDIS_URL: redis.url,
        API_KEYS_FILE: keysFile,
      },
      { now: () => now },
    );
    await waitFor(() => rt.runtime.redis?.status === 'ready', { description: 'the runtime to reach redis' });
  });
  afterAll(async () => {
    await rt.close();
    admin.disconnect();
    await stub.close();
    await redis.dispose();
  });
  beforeEach(async () => {
    stub.reset();
    await admin.flushall();
    now = Date.UTC(2040, 2, 14, 12, 0, 0);
  });

  it("spends the engine's tokens, then refuses with 429 budget_exceeded naming the period and when it resets", async () => {
    const first = await ask(rt, KEYS.alice);
    expect([first.status, remaining(first), first.headers.get('x-budget-reset')]).toEqual([
      200,
      100,
      '2040-03-15T00:00:00.000Z',
    ]);
    for (let i = 1; i < 10; i++) expect((await ask(rt, KEYS.alice)).status).toBe(200);
    const refused = await ask(rt, KEYS.alice);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      error: {
        type: 'insufficient_quota',
        code: 'budget_exceeded',
        param: null,
        message: expect.stringMatching(
          /UTC day is spent \(100 of 100 tokens\); it resets at 2040-03-15T00:00:00.000Z/,
        ),
      },
    });
    expect(
      Object.fromEntries(
        ['retry-after', 'x-budget-remaining-tokens', 'x-budget-reset', 'x-should-retry'].map((h) => [
          h,
          refused.headers.get(h),
        ]),
      ),
    ).toEqual({
      'retry-after': String(12 * 3600),
      'x-budget-remaining-tokens': '0',
      'x-budget-reset': '2040-03-15T00:00:00.000Z',
      'x-should-retry': 'false',
    });
    expect(stub.stats.chatCalls).toBe(10);
    // The official client raises its usual error and, told so, does not retry a spent budget.
    const refusals = () => rt.logs.requests().filter((l) => l.errorCode === 'budget_exceeded').length;
    const refusedBefore = refusals();
    const client = new OpenAI({ baseURL: `${rt.url}/v1`, apiKey: KEYS.alice, maxRetries: 2 });
    const error = await client.chat.completions
      .create({ model: 'xiaoai', messages: [{ role: 'user', content: 'hello budget' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect((error as InstanceType<typeof OpenAI.APIError>).code).toBe('budget_exceeded');
    expect(refusals()).toBe(refusedBefore + 1);
    expect(stub.stats.chatCalls).toBe(10);
    // Another key's budget is its own.
    expect((await ask(rt, KEYS.bob)).status).toBe(200);
  });

  it('starts a new day at 00:00 UTC: the spent budget is whole again, and the gauge reads 0', async () => {
    now = Date.UTC(2040, 2, 14, 23, 59, 50);
    await spend(rt, KEYS.alice);
    const refused = await ask(rt, KEYS.alice);
    expect([refused.status, refused.headers.get('retry-after')]).toEqual([429, '10']);
    expect(await metric(rt, 'ai_budget_tokens_used', { key: 'alice', period: 'day' })).toBe(100);
    now = Date.UTC(2040, 2, 15, 0, 0, 0);
    expect(await metric(rt, 'ai_budget_tokens_used', { key: 'alice', period: 'day' })).toBe(0);
    const admitted = await ask(rt, KEYS.alice);
    expect([admitted.status, remaining(admitted), admitted.headers.get('x-budget-reset')]).toEqual([
      200,
      100,
      '2040-03-16T00:00:00.000Z',
    ]);
    expect(await metric(rt, 'ai_budget_tokens_used', { key: 'alice', period: 'day' })).toBe(10);
  });

  it('counts a month budget across days, and starts it again on the first of the next month', async () => {
    now = Date.UTC(2040, 2, 30, 9, 0, 0);
    await spend(rt, KEYS.bob);
    now = Date.UTC(2040, 2, 31, 23, 59, 59);
    const refused = await ask(rt, KEYS.bob);
    expect([refused.status, refused.body.error.code, refused.headers.get('retry-after')]).toEqual([
      429,
      'budget_exceeded',
      '1',
    ]);
    expect(refused.body.error.message).toMatch(/UTC month is spent .* resets at 2040-04-01T00:00:00.000Z/);
    now = Date.UTC(2040, 3, 1, 0, 0, 0);
    const admitted = await ask(rt, KEYS.bob);
    expect([admitted.status, remaining(admitted), admitted.headers.get('x-budget-reset')]).toEqual([
      200,
      100,
      '2040-05-01T00:00:00.000Z',
    ]);
  });

  it('holds what a request in flight may use: others wait (429 type tokens, retry in a second) instead of overspending', async () => {
    // max_tokens 100: the hold alone is the whole budget.
    stub.set({ delayMs: 300 });
    const first = ask(rt, KEYS.alice, { max_tokens: 100 });
    await waitFor(() => stub.stats.chatCalls === 1, { description: 'the first request to reach the engine' });
    const held = await ask(rt, KEYS.alice);
    expect([held.status, held.body.error.type, held.body.error.code]).toEqual([
      429,
      'tokens',
      'budget_exceeded',
    ]);
    expect(held.body.error.message).toMatch(/is held by its requests in flight/);
    expect([held.headers.get('retry-after'), remaining(held), held.headers.get('x-should-retry')]).toEqual([
      '1',
      100,
      null,
    ]);
    expect((await first).status).toBe(200);
    const after = await ask(rt, KEYS.alice);
    expect([after.status, remaining(after)]).toEqual([200, 90]);
    expect(stub.stats.chatCalls).toBe(2);
  });

  it('releases the hold of a request the engine failed, counting nothing', async () => {
    stub.set({ failRate: 1, failStatus: 500 });
    const failed = await ask(rt, KEYS.alice, { max_tokens: 100 });
    expect([failed.status, failed.body.error.code]).toEqual([502, 'engine_error']);
    stub.set({ failRate: 0 });
    // A hold left behind would take the whole budget and refuse this one.
    const next = await ask(rt, KEYS.alice, { max_tokens: 100 });
    expect([next.status, remaining(next)]).toEqual([200, 100]);
    expect(await admin.hlen('suoke:budget:{xiaoai/xiaoai:alice}:holds')).toBe(0);
  });

  it('releases the hold of a stream whose client left, counting the tokens it was sent', async () => {
    stub.set({ stallAfter: 3 });
    const abort = new AbortController();
    const aborted = waitForEvent(stub, 'abort');
    const response = await fetch(`${rt.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEYS.alice}`, 'x-request-id': 'budget-abort' },
      body: JSON.stringify({
        model: 'xiaoai',
        messages: [{ role: 'user', content: 'hello budget' }],
        max_tokens: 100,
        stream: true,
      }),
      signal: abort.signal,
    });
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes('tok2')) {
      const { done, value } = await reader.read();
      if (done) throw new Error(`the stream ended before its third token: ${text}`);
      text += new TextDecoder().decode(value);
    }
    abort.abort();
    await aborted;
    await waitFor(() => rt.logs.requests().some((l) => l.reqId === 'budget-abort' && l.code === 499), {
      description: 'the cut stream to be over',
    });
    stub.set({ stallAfter: undefined });
    const next = await ask(rt, KEYS.alice, { max_tokens: 100 });
    expect([next.status, remaining(next)]).toEqual([200, 97]);
  });

  it('spends nothing on mirrored copies, and refuses the copies of a spent key', async () => {
    const shadow = { host: 'xiaoai.agents.svc-shadow' };
    expect((await ask(rt, KEYS.alice, {}, shadow)).status).toBe(200);
    expect(remaining(await ask(rt, KEYS.alice))).toBe(100);
    for (let i = 1; i < 10; i++) expect((await ask(rt, KEYS.alice)).status).toBe(200);
    const exceeded = { key: 'alice', period: 'day' };
    const before = (await metric(rt, 'ai_budget_exceeded_total', exceeded)) ?? 0;
    const copy = await ask(rt, KEYS.alice, {}, shadow);
    expect([copy.status, copy.body.error.code]).toEqual([429, 'budget_exceeded']);
    expect(stub.stats.chatCalls).toBe(11);
    // The copy's refusal is not counted: its original's is.
    expect(await metric(rt, 'ai_budget_exceeded_total', exceeded)).toBe(before);
  });

  it('spends nothing on answers from the cache', async () => {
    const deterministic = { temperature: 0 };
    expect((await ask(rt, KEYS.alice, deterministic)).headers.get('x-cache')).toBe('miss');
    expect((await ask(rt, KEYS.alice, deterministic)).headers.get('x-cache')).toBe('hit');
    expect(remaining(await ask(rt, KEYS.alice))).toBe(90);
  });

  it('counts POST /v1/responses in the same budget', async () => {
    const response = await fetch(`${rt.url}/v1/responses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEYS.alice}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'xiaoai', input: 'hello budget', max_output_tokens: 8 }),
    });
    expect([response.status, response.headers.get('x-budget-remaining-tokens')]).toEqual([200, '100']);
    expect(remaining(await ask(rt, KEYS.alice))).toBe(90);
  });

  it('makes no Redis call at all for a key without a budget', async () => {
    const calls = async () =>
      [...(await admin.info('commandstats')).matchAll(/^cmdstat_(\w+):calls=(\d+)/gm)]
        .filter((m) => m[1] !== 'info')
        .reduce((sum, m) => sum + Number(m[2]), 0);
    const before = await calls();
    expect((await ask(rt, KEYS.carol)).status).toBe(200);
    expect(
      (await ask(rt, KEYS.carol, {}, { 'x-request-id': 'carol' })).headers.get('x-budget-remaining-tokens'),
    ).toBeNull();
    expect(await calls()).toBe(before);
  });

  it('traces each budget round trip as a CLIENT span `redis budget` of the request', async () => {
    const receiver = await OtlpReceiver.start();
    const traced = await startRuntime(
      {
        ENGINE_BASE_URL: stub.baseUrl,
        REDIS_MODE: 'standalone',
        REDIS_URL: redis.url,
        API_KEYS_FILE: keysFile,
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_BSP_SCHEDULE_DELAY: '20',
      },
      { now: () => now },
    );
    try {
      await waitFor(() => traced.runtime.redis?.status === 'ready', { description: 'redis' });
      expect((await ask(traced, KEYS.alice)).status).toBe(200);
      const spans = await waitFor(
        () => {
          const server = receiver.spans.find((s) => s.kind === 'SERVER');
          const budget = receiver.spans.filter((s) => s.name === 'redis budget');
          return server !== undefined && budget.length === 2 ? { server, budget } : undefined;
        },
        { description: 'the request span and its two budget spans (reserve, settle)' },
      );
      for (const span of spans.budget) {
        expect(span).toMatchObject({
          kind: 'CLIENT',
          traceId: spans.server.traceId,
          parentSpanId: spans.server.spanId,
          attributes: { 'db.system.name': 'redis' },
        });
      }
      expect(JSON.stringify(receiver.exports.map((e) => e.body))).not.toContain(KEYS.alice);
    } finally {
      await traced.close();
      await receiver.close();
    }
  });

  it('labels its metrics with key names, and never lets the key itself into /metrics or the logs', async () => {
    await spend(rt, KEYS.alice);
    expect((await ask(rt, KEYS.alice)).status).toBe(429);
    const text = await (await fetch(`${rt.url}/metrics`)).text();
    expect(await metric(rt, 'ai_budget_tokens_used', { key: 'alice', period: 'day' })).toBe(100);
    expect(
      await metric(rt, 'ai_budget_exceeded_total', { key: 'alice', period: 'day' }),
    ).toBeGreaterThanOrEqual(1);
    // Refusal counters of every budgeted key exist from the start, for its budgeted periods only.
    expect(
      await metric(rt, 'ai_budget_exceeded_total', { key: 'bob', period: 'month' }),
    ).toBeGreaterThanOrEqual(0);
    expect(text).not.toMatch(/ai_budget_\w+\{[^}]*key="bob",period="day"/);
    expect(text).not.toContain('key="carol"');
    for (const key of Object.values(KEYS)) {
      expect(text).not.toContain(key);
      expect(rt.logs.raw.join('\n')).not.toContain(key);
    }
  });
});

describe('token budgets while Redis is down', () => {
  let redis: RedisServer;
  let stub: StubEngine;
  let open: TestRuntime;
  let closed: TestRuntime;

  beforeAll(async () => {
    redis = await RedisServer.start();
    stub = await StubEngine.start();
    const env = {
      ENGINE_BASE_URL: stub.baseUrl,
      REDIS_MODE: 'standalone',
      REDIS_URL: redis.url,
      API_KEYS_FILE: keysFile,
    };
    open = await startRuntime(env);
    closed = await startRuntime({ ...env, BUDGET_FAILURE_MODE: 'closed' });
  });
  afterAll(async () => {
    await Promise.all([open.close(), closed.close()]);
    await stub.close();
    await redis.dispose();
  });

  const ready = async () =>
    waitFor(() => [open, closed].every((rt) => rt.runtime.redis?.status === 'ready'), {
      description: 'both runtimes to reach redis',
    });
  const outageLines = (rt: TestRuntime) =>
    rt.logs.lines.filter((l) => String(l.msg).startsWith('budget store unreachable'));

  it('serves (open) or answers 503 budget_unavailable (closed), never 500, logging once per outage', async () => {
    await ready();
    expect((await ask(open, KEYS.alice)).status).toBe(200);
    await redis.stop();
    await waitFor(() => [open, closed].every((rt) => rt.runtime.redis?.status !== 'ready'), {
      description: 'both runtimes to notice redis is gone',
    });
    for (let i = 0; i < 3; i++) expect((await ask(open, KEYS.alice)).status).toBe(200);
    expect(outageLines(open)).toHaveLength(1);
    const refused = await ask(closed, KEYS.alice);
    expect([refused.status, refused.body.error.code, refused.headers.get('retry-after')]).toEqual([
      503,
      'budget_unavailable',
      '2',
    ]);
    // A key without a budget needs no Redis, whatever the mode.
    expect((await ask(closed, KEYS.carol)).status).toBe(200);

    await redis.restart();
    await ready();
    expect((await ask(open, KEYS.alice)).status).toBe(200);
    expect((await ask(closed, KEYS.alice)).status).toBe(200);
    expect(
      open.logs.lines.some((l) => l.msg === 'budget store reachable again; counting token budgets'),
    ).toBe(true);

    // A hung Redis (SIGSTOP) costs a request the client's command timeout, then the same answers.
    await redis.pause();
    try {
      expect((await ask(open, KEYS.alice)).status).toBe(200);
      expect((await ask(closed, KEYS.alice)).body.error.code).toBe('budget_unavailable');
      expect(outageLines(open)).toHaveLength(2);
      expect(outageLines(closed)).toHaveLength(2);
    } finally {
      await redis.resume();
    }
  });
});

describe('the API keys file with budgets', () => {
  it('gives a key its budget options, with or without a name', () => {
    const keys = parseApiKeys(
      [
        'sk-one one tokens-per-day=1000 tokens-per-month=20000',
        'sk-two tokens-per-month=5',
        'c2stdGhyZWU= three',
        'sk-four four',
      ].join('\n'),
    );
    expect(keys.map((k) => [k.name, k.budget])).toEqual([
      ['one', { tokensPerDay: 1000, tokensPerMonth: 20000 }],
      [expect.stringMatching(/^key-[0-9a-f]{12}$/), { tokensPerMonth: 5 }],
      ['three', undefined],
      ['four', undefined],
    ]);
  });

  it.each([
    [
      'a count that is not a whole number',
      'sk-a a tokens-per-day=1.5',
      /line 1: tokens-per-day='1.5' must be a whole number of tokens of at least 1/,
    ],
    ['a zero budget', 'sk-a a tokens-per-month=0', /line 1: tokens-per-month='0' must be a whole number/],
    [
      'an unknown option',
      'sk-a a tokens-per-week=5',
      /line 1: unknown option 'tokens-per-week'; the options are tokens-per-day=<n> and tokens-per-month=<n>/,
    ],
    [
      'an option given twice',
      'sk-a a tokens-per-day=5 tokens-per-day=6',
      /line 1: tokens-per-day is given twice/,
    ],
    [
      'a word after the name',
      'sk-a a b',
      /line 1: expected '<key> \[name\] \[tokens-per-day=<n>\] \[tokens-per-month=<n>\]'.*must be an option/,
    ],
    [
      'two budgets for one name',
      'sk-a a tokens-per-day=5\nsk-b a tokens-per-day=6',
      /line 2: the name 'a' has another budget on line 1/,
    ],
  ])('refuses %s, naming the line and the fix', (_what, text, message) => {
    expect(() => parseApiKeys(text)).toThrow(message);
  });

  it('never quotes what may be a second key pasted onto a line', () => {
    const pasted = 'c2stc2Vjb25kLWtleQ==';
    for (const text of [`sk-a a ${pasted}`, `sk-a a tokens-per-day=5 ${pasted}`, `sk-a a xY${pasted}`]) {
      expect(() => parseApiKeys(text)).toThrow(/line 1/);
      expect(() => parseApiKeys(text)).not.toThrow(pasted.slice(0, 8));
    }
  });

  it('lets keys that share a name (a rotation) share one budget', () => {
    const keys = parseApiKeys('sk-old team tokens-per-day=5\nsk-new team tokens-per-day=5\n');
    expect(keys.map((k) => [k.name, k.budget?.tokensPerDay])).toEqual([
      ['team', 5],
      ['team', 5],
    ]);
  });

  it('refuses to start with budgets but no Redis to count them in', () => {
    const config = loadConfig({
      ...BASE_ENV,
      ENGINE_BASE_URL: 'http://127.0.0.1:9/v1',
      API_KEYS_FILE: keysFile,
    });
    expect(() => buildServer(config, { redis: null })).toThrow(
      /API_KEYS_FILE: 2 key\(s\) have a token budget .* set REDIS_MODE, or remove the budgets/,
    );
  });

  it('refuses an unknown BUDGET_FAILURE_MODE, naming the values', () => {
    expect(() =>
      loadConfig({ ...BASE_ENV, ENGINE_BASE_URL: 'http://127.0.0.1:9/v1', BUDGET_FAILURE_MODE: 'maybe' }),
    ).toThrow("BUDGET_FAILURE_MODE='maybe' must be one of open, closed (default open)");
  });
});
