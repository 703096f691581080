import { Redis } from 'ioredis';
import OpenAI from 'openai';
import { RedisServer } from '../support/redis-server.js';
import { StubEngine } from '../support/stub-engine.js';
import { waitFor } from '../support/wait.js';
import { postRaw, startRuntime, type TestRuntime } from './harness.js';

type ApiErr = InstanceType<typeof OpenAI.APIError>;
const user = (content: string) => ({ role: 'user' as const, content });

describe('runtime with a real redis-server', () => {
  let redis: RedisServer;
  let stub: StubEngine;
  let rt: TestRuntime;
  let admin: Redis;
  let now = 1_700_000_000_000;

  beforeAll(async () => {
    redis = await RedisServer.start();
    stub = await StubEngine.start();
    admin = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => 100 });
    await admin.connect();
    rt = await startRuntime(
      {
        ENGINE_BASE_URL: stub.baseUrl,
        REDIS_MODE: 'standalone',
        REDIS_URL: redis.url,
        SESSION_TTL_SECONDS: '60',
        SESSION_MAX_MESSAGES: '6',
        RATE_LIMIT_RPS: '1',
        RATE_LIMIT_BURST: '1000',
      },
      { now: () => now },
    );
    await waitFor(() => rt.runtime.redis?.status === 'ready', {
      description: 'the runtime to connect to redis',
    });
  });
  afterAll(async () => {
    await rt.close();
    admin.disconnect();
    await stub.close();
    await redis.dispose();
  });
  beforeEach(async () => {
    stub.reset();
    if (redis.running) await admin.flushall();
    now += 10_000_000; // a fresh rate limit budget for every test
  });

  describe('sessions (X-Session-Id)', () => {
    it('carry the conversation across requests: the engine sees the history', async () => {
      const client = rt.client();
      const headers = { 'X-Session-Id': 'conv-1' };
      stub.set({ reply: 'Nice to meet you, Li.' });
      await client.chat.completions.create(
        { model: 'xiaoai', messages: [user('My name is Li.')] },
        { headers },
      );
      stub.set({ reply: 'Your name is Li.' });
      const second = await client.chat.completions.create(
        { model: 'xiaoai', messages: [user('What is my name?')] },
        { headers },
      );
      expect(second.choices[0]?.message.content).toBe('Your name is Li.');
      expect(stub.lastRequest?.body.messages).toEqual([
        user('My name is Li.'),
        { role: 'assistant', content: 'Nice to meet you, Li.' },
        user('What is my name?'),
      ]);
    });

    it('record streamed answers too', async () => {
      const headers = { 'X-Session-Id': 'conv-stream' };
      stub.set({ reply: 'streamed answer', tokenDelayMs: 1 });
      const stream = await rt
        .client()
        .chat.completions.create({ model: 'xiaoai', messages: [user('first')], stream: true }, { headers });
      for await (const _chunk of stream) {
        // drain
      }
      await rt.client().chat.completions.create({ model: 'xiaoai', messages: [user('second')] }, { headers });
      expect(stub.lastRequest?.body.messages).toEqual([
        user('first'),
        { role: 'assistant', content: 'streamed answer' },
        user('second'),
      ]);
    });

    it('keep at most SESSION_MAX_MESSAGES, dropping the oldest', async () => {
      const headers = { 'X-Session-Id': 'conv-long' };
      for (let i = 0; i < 5; i++) {
        await rt
          .client()
          .chat.completions.create({ model: 'xiaoai', messages: [user(`turn ${i}`)] }, { headers });
      }
      const sent = stub.lastRequest?.body.messages as { content: string }[];
      // 6 kept before the 5th turn (turns 1-3 with answers), plus the new turn.
      expect(sent.map((m) => m.content).filter((c) => c.startsWith('turn'))).toEqual([
        'turn 1',
        'turn 2',
        'turn 3',
        'turn 4',
      ]);
      expect(sent).toHaveLength(7);
    });

    it('belong to one agent: another agent on the same Redis never sees them', async () => {
      const other = await startRuntime({
        ENGINE_BASE_URL: stub.baseUrl,
        REDIS_MODE: 'standalone',
        REDIS_URL: redis.url,
        AGENT: 'xiaoke',
        MODEL: 'xiaoke',
      });
      try {
        await waitFor(() => other.runtime.redis?.status === 'ready', {
          description: 'the second agent to connect to redis',
        });
        const headers = { 'X-Session-Id': 'conv-shared-id' };
        await rt
          .client()
          .chat.completions.create({ model: 'xiaoai', messages: [user('my blood pressure')] }, { headers });
        await other
          .client()
          .chat.completions.create({ model: 'xiaoke', messages: [user('hello')] }, { headers });
        expect(stub.lastRequest?.body.messages).toEqual([user('hello')]);
      } finally {
        await other.close();
      }
    });

    it('expire SESSION_TTL_SECONDS after the last turn', async () => {
      const headers = { 'X-Session-Id': 'conv-expiring' };
      await rt
        .client()
        .chat.completions.create({ model: 'xiaoai', messages: [user('remember me')] }, { headers });
      const [key] = await admin.keys('suoke:session:*conv-expiring');
      expect(key).toBeDefined();
      const ttl = await admin.ttl(key as string);
      expect(ttl).toBeGreaterThan(55);
      expect(ttl).toBeLessThanOrEqual(60);
      // Let Redis expire it now rather than waiting a minute of real time.
      await admin.pexpire(key as string, 1);
      await waitFor(async () => (await admin.exists(key as string)) === 0, {
        description: 'the session to expire',
      });
      await rt
        .client()
        .chat.completions.create({ model: 'xiaoai', messages: [user('who am I?')] }, { headers });
      expect(stub.lastRequest?.body.messages).toEqual([user('who am I?')]);
    });

    it('refuse a malformed session id with 400', async () => {
      const response = await postRaw(rt.url, JSON.stringify({ model: 'xiaoai', messages: [user('x')] }), {
        'x-session-id': 'bad id with spaces',
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as any).error).toMatchObject({
        code: 'invalid_session_id',
        param: 'X-Session-Id',
      });
    });
  });

  describe('response cache', () => {
    it('answers a repeated deterministic request with the same body without calling the engine', async () => {
      const request = { model: 'xiaoai', temperature: 0, messages: [user('Define qi deficiency.')] };
      const first = await rt.client().chat.completions.create(request).withResponse();
      expect(first.response.headers.get('x-cache')).toBe('miss');
      const second = await rt.client().chat.completions.create(request).withResponse();
      expect(second.response.headers.get('x-cache')).toBe('hit');
      expect(second.data).toEqual(first.data);
      expect(stub.stats.chatCalls).toBe(1);
      const metrics = await (await fetch(`${rt.url}/metrics`)).text();
      expect(metrics).toMatch(/ai_inference_cache_requests_total\{result="hit",[^}]*\} [1-9]/);
    });

    it('treats a fixed seed as deterministic and key order as irrelevant', async () => {
      await postRaw(rt.url, '{"model":"xiaoai","seed":7,"messages":[{"role":"user","content":"a"}]}');
      const again = await postRaw(
        rt.url,
        '{"messages":[{"content":"a","role":"user"}],"seed":7,"model":"xiaoai"}',
      );
      expect(again.headers.get('x-cache')).toBe('hit');
      expect(stub.stats.chatCalls).toBe(1);
    });

    it('does not cache sampled requests, and keys entries by model version', async () => {
      const sampled = { model: 'xiaoai', temperature: 0.7, messages: [user('tell a story')] };
      await rt.client().chat.completions.create(sampled);
      await rt.client().chat.completions.create(sampled);
      expect(stub.stats.chatCalls).toBe(2);
      await rt
        .client()
        .chat.completions.create({ model: 'xiaoai', temperature: 0, messages: [user('versioned')] });
      const keys = await admin.keys('suoke:cache:*');
      expect(keys).toHaveLength(1);
      expect(keys[0]).toMatch(/^suoke:cache:xiaoai:v1:[0-9a-f]{64}$/);
    });
  });

  describe('rate limits', () => {
    it('answer 429 with Retry-After once the burst is spent, and allow again after refill', async () => {
      const limited = await startRuntime(
        {
          ENGINE_BASE_URL: stub.baseUrl,
          REDIS_MODE: 'standalone',
          REDIS_URL: redis.url,
          RATE_LIMIT_RPS: '0.5',
          RATE_LIMIT_BURST: '2',
        },
        { now: () => now },
      );
      try {
        await waitFor(() => limited.runtime.redis?.status === 'ready', { description: 'redis connection' });
        const client = limited.client();
        await client.chat.completions.create({ model: 'xiaoai', messages: [user('1')] });
        await client.chat.completions.create({ model: 'xiaoai', messages: [user('2')] });
        const error = (await client.chat.completions
          .create({ model: 'xiaoai', messages: [user('3')] })
          .catch((e: unknown) => e)) as ApiErr;
        expect(error).toBeInstanceOf(OpenAI.RateLimitError);
        expect(error.code).toBe('rate_limit_exceeded');
        expect(error.headers?.get('retry-after')).toBe('2');
        expect(stub.stats.chatCalls).toBe(2);
        now += 2_000; // one token refilled at 0.5/s
        await expect(
          client.chat.completions.create({ model: 'xiaoai', messages: [user('4')] }),
        ).resolves.toBeDefined();
      } finally {
        await limited.close();
      }
    });
  });

  describe('Redis outage', () => {
    it('keeps stateless traffic working, answers sessions 503, reports degraded, and recovers by itself', async () => {
      const headers = { 'X-Session-Id': 'conv-outage' };
      stub.set({ reply: 'before' });
      await rt.client().chat.completions.create({ model: 'xiaoai', messages: [user('hello')] }, { headers });

      await redis.kill();
      await waitFor(() => rt.runtime.redis?.status !== 'ready', {
        description: 'the runtime to notice redis is gone',
      });

      // Stateless, even deterministic (cache) requests still work, quickly.
      const started = Date.now();
      const plain = await rt
        .client()
        .chat.completions.create({ model: 'xiaoai', temperature: 0, messages: [user('q')] });
      expect(plain.choices[0]?.message.content).toBe('before');
      expect(Date.now() - started).toBeLessThan(2_000);

      const error = (await rt
        .client()
        .chat.completions.create({ model: 'xiaoai', messages: [user('still there?')] }, { headers })
        .catch((e: unknown) => e)) as ApiErr;
      expect(error.status).toBe(503);
      expect(error.code).toBe('session_store_unavailable');

      const degraded = await fetch(`${rt.url}/readyz`);
      expect(degraded.status).toBe(200);
      expect(await degraded.json()).toEqual({
        status: 'degraded',
        checks: { engine: 'ok', redis: 'unavailable' },
      });

      await redis.restart();
      await waitFor(() => rt.runtime.redis?.status === 'ready', {
        timeoutMs: 15_000,
        description: 'the runtime to reconnect',
      });
      const ready = await fetch(`${rt.url}/readyz`);
      expect(await ready.json()).toEqual({ status: 'ready', checks: { engine: 'ok', redis: 'ok' } });
      stub.set({ reply: 'after' });
      const resumed = await rt
        .client()
        .chat.completions.create({ model: 'xiaoai', messages: [user('back?')] }, { headers });
      expect(resumed.choices[0]?.message.content).toBe('after');
      // The crash lost the old history (no persistence configured); the new session works.
      await rt
        .client()
        .chat.completions.create({ model: 'xiaoai', messages: [user('and now?')] }, { headers });
      expect(stub.lastRequest?.body.messages).toEqual([
        user('back?'),
        { role: 'assistant', content: 'after' },
        user('and now?'),
      ]);
    });
  });
});

describe('runtime with REDIS_REQUIRED=true', () => {
  it('reports unready (503) while Redis is down', async () => {
    const redis = await RedisServer.start();
    const stub = await StubEngine.start();
    const rt = await startRuntime({
      ENGINE_BASE_URL: stub.baseUrl,
      REDIS_MODE: 'standalone',
      REDIS_URL: redis.url,
      REDIS_REQUIRED: 'true',
    });
    try {
      await waitFor(() => rt.runtime.redis?.status === 'ready', { description: 'redis connection' });
      expect((await fetch(`${rt.url}/readyz`)).status).toBe(200);
      await redis.kill();
      await waitFor(() => rt.runtime.redis?.status !== 'ready', { description: 'redis to be seen down' });
      const response = await fetch(`${rt.url}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        status: 'unready',
        checks: { engine: 'ok', redis: 'unavailable' },
      });
    } finally {
      await rt.close();
      await stub.close();
      await redis.dispose();
    }
  });
});
