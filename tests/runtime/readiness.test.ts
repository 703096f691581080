import { Redis } from 'ioredis';
import { OpenAIEngine } from '../../runtime/engine-client.js';
import { Readiness } from '../../runtime/readiness.js';
import { freePort } from '../support/net.js';
import { RedisServer } from '../support/redis-server.js';
import { StubEngine } from '../support/stub-engine.js';
import { waitFor } from '../support/wait.js';
import { startRuntime } from './harness.js';

describe('Readiness', () => {
  let stub: StubEngine;
  beforeAll(async () => {
    stub = await StubEngine.start();
  });
  afterAll(async () => stub.close());

  it('probes the engine at most once per engineCheckMs, however often it is asked', async () => {
    let now = 0;
    const engine = new OpenAIEngine({ urls: [stub.baseUrl], model: 'stub-model', maxRetries: 0 });
    const readiness = new Readiness(engine, undefined, { engineCheckMs: 2_000, now: () => now });
    const reports = await Promise.all([readiness.check(), readiness.check(), readiness.check()]);
    expect(reports.map((r) => r.httpStatus)).toEqual([200, 200, 200]);
    expect(stub.stats.modelsCalls).toBe(1);
    now = 1_999;
    await readiness.check();
    expect(stub.stats.modelsCalls).toBe(1);
    now = 2_000;
    await readiness.check();
    expect(stub.stats.modelsCalls).toBe(2);
  });

  it('is ready while any engine of the fallback list answers, unready (503) when none does', async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}/v1`;
    const withFallback = new Readiness(
      new OpenAIEngine({ urls: [nowhere, stub.baseUrl], model: 'm', maxRetries: 0 }),
      undefined,
    );
    expect(await withFallback.check()).toEqual({
      httpStatus: 200,
      report: { status: 'ready', checks: { engine: 'ok', redis: 'disabled' } },
    });
    const alone = new Readiness(new OpenAIEngine({ urls: [nowhere], model: 'm', maxRetries: 0 }), undefined);
    expect(await alone.check()).toEqual({
      httpStatus: 503,
      report: { status: 'unready', checks: { engine: 'unreachable', redis: 'disabled' } },
    });
  });
});

describe('Readiness with a hung Redis (a real redis-server stopped with SIGSTOP)', () => {
  let stub: StubEngine;
  let redis: RedisServer;
  beforeAll(async () => {
    [stub, redis] = await Promise.all([StubEngine.start(), RedisServer.start()]);
  });
  afterEach(async () => redis.resume());
  afterAll(async () => {
    await stub.close();
    await redis.dispose();
  });

  const connect = async (): Promise<Redis> => {
    // No command timeout of its own: only the probe's deadline can end a PING to a hung Redis.
    const client = new Redis(redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    await waitFor(() => client.status === 'ready', { description: 'the client to connect to redis' });
    return client;
  };

  it('reports Redis unavailable once a PING gets no answer within its deadline, and ok once it answers again', async () => {
    let now = 0;
    const client = await connect();
    try {
      const engine = new OpenAIEngine({ urls: [stub.baseUrl], model: 'stub-model', maxRetries: 0 });
      const readiness = new Readiness(engine, client, {
        redisCheckMs: 1_000,
        redisProbeTimeoutMs: 200,
        now: () => now,
      });
      expect((await readiness.check()).report).toEqual({
        status: 'ready',
        checks: { engine: 'ok', redis: 'ok' },
      });

      await redis.pause();
      // The TCP connection is still up, so the client itself still says ready.
      expect(client.status).toBe('ready');
      now += 1_000;
      expect(await readiness.check()).toEqual({
        httpStatus: 200,
        report: { status: 'degraded', checks: { engine: 'ok', redis: 'unavailable' } },
      });

      await redis.resume();
      now += 1_000;
      expect((await readiness.check()).report.checks.redis).toBe('ok');
    } finally {
      client.disconnect();
    }
  });

  it('PINGs Redis at most once per redisCheckMs, however often it is asked', async () => {
    let now = 0;
    const client = await connect();
    const admin = await connect();
    // The server's own count, so nothing but PINGs that reached Redis is counted.
    const pings = async () =>
      Number(/cmdstat_ping:calls=(\d+)/.exec(await admin.info('commandstats'))?.[1] ?? 0);
    try {
      await admin.config('RESETSTAT');
      const engine = new OpenAIEngine({ urls: [stub.baseUrl], model: 'stub-model', maxRetries: 0 });
      const readiness = new Readiness(engine, client, { redisCheckMs: 1_000, now: () => now });
      await Promise.all([readiness.check(), readiness.check(), readiness.check()]);
      now = 999;
      await readiness.check();
      expect(await pings()).toBe(1);
      now = 1_000;
      await readiness.check();
      expect(await pings()).toBe(2);
    } finally {
      client.disconnect();
      admin.disconnect();
    }
  });

  it('takes the replica out (/readyz 503) while a required Redis hangs, and back in once it answers', async () => {
    let now = 1_700_000_000_000;
    const rt = await startRuntime(
      {
        ENGINE_BASE_URL: stub.baseUrl,
        REDIS_MODE: 'standalone',
        REDIS_URL: redis.url,
        REDIS_REQUIRED: 'true',
      },
      { now: () => now },
    );
    try {
      await waitFor(() => rt.runtime.redis?.status === 'ready', {
        description: 'the runtime to connect to redis',
      });
      const readyz = async () => {
        const res = await fetch(`${rt.url}/readyz`);
        return { status: res.status, body: (await res.json()) as unknown };
      };
      expect(await readyz()).toEqual({
        status: 200,
        body: { status: 'ready', checks: { engine: 'ok', redis: 'ok' } },
      });
      await redis.pause();
      now += 60_000;
      expect(await readyz()).toEqual({
        status: 503,
        body: { status: 'unready', checks: { engine: 'ok', redis: 'unavailable' } },
      });
      await redis.resume();
      now += 60_000;
      expect((await readyz()).status).toBe(200);
    } finally {
      await rt.close();
    }
  });
});
