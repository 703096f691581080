import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { ApiError, KubeClient, TokenBucket } from '../../../operators/kit/client.js';
import type { Clock, TimerHandle } from '../../../operators/kit/clock.js';
import { OperatorMetrics } from '../../../operators/kit/metrics.js';
import { startFakeApiServer, type FakeApiServer } from '../../support/fake-api-server/index.js';
import { waitFor } from '../../support/wait.js';
import { FakeClock, flush } from '../../support/fake-clock.js';
import { CONFIG_MAP } from './harness.js';

/** Wraps a clock and records every timer's delay: the waits the code under test asked for. */
function recording(clock: Clock): Clock & { readonly waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    now: () => clock.now(),
    setTimer(fn: () => void, ms: number): TimerHandle {
      waits.push(ms);
      return clock.setTimer(fn, ms);
    },
  };
}

/** A clock on which every timer fires on the next turn of the event loop, with time jumping ahead. */
function instantClock(): Clock {
  let now = Date.UTC(2026, 0, 1);
  return {
    now: () => now,
    setTimer(fn, ms) {
      let cancelled = false;
      setImmediate(() => {
        if (cancelled) return;
        now += Math.max(0, ms);
        fn();
      });
      return { cancel: () => (cancelled = true) };
    },
  };
}

const configMap = (name: string) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'ns' },
  data: { a: '1' },
});

describe('TokenBucket', () => {
  it('lets `burst` callers through at once, then paces the rest at `qps`, in arrival order', async () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket(clock, 10, 3);
    const done: number[] = [];
    for (let i = 0; i < 6; i++) void bucket.wait().then(() => done.push(i));
    await flush();
    expect(done).toEqual([0, 1, 2]);
    expect(bucket.waiting).toBe(3);

    await clock.advance(99);
    expect(done).toEqual([0, 1, 2]);
    await clock.advance(1); // 100 ms = one token at 10 qps
    expect(done).toEqual([0, 1, 2, 3]);
    await clock.advance(100);
    expect(done).toEqual([0, 1, 2, 3, 4]);
    await clock.advance(100);
    expect(done).toEqual([0, 1, 2, 3, 4, 5]);
    expect(bucket.waiting).toBe(0);
    expect(clock.pending).toBe(0);
  });

  it('serves callers first come, first served: a late caller never overtakes the queue', async () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket(clock, 1, 1);
    const done: string[] = [];
    await bucket.wait();
    void bucket.wait().then(() => done.push('first'));
    void bucket.wait().then(() => done.push('second'));
    await clock.advance(1_500); // one token back, half of the next
    expect(done).toEqual(['first']);
    void bucket.wait().then(() => done.push('third'));
    await clock.advance(499);
    expect(done).toEqual(['first']);
    await clock.advance(1);
    expect(done).toEqual(['first', 'second']);
    await clock.advance(1_000);
    expect(done).toEqual(['first', 'second', 'third']);
  });

  it('refills up to `burst` only, however long it was idle', async () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket(clock, 100, 2);
    await clock.advance(60_000);
    const done: number[] = [];
    for (let i = 0; i < 3; i++) void bucket.wait().then(() => done.push(i));
    await flush();
    expect(done).toEqual([0, 1]);
    await clock.advance(10);
    expect(done).toEqual([0, 1, 2]);
  });

  it('rejects a burst below 1, naming it', () => {
    expect(() => new TokenBucket(new FakeClock(), 10, 0)).toThrow("'burst' must be an integer >= 1");
    expect(() => new TokenBucket(new FakeClock(), 0, 10)).toThrow("'qps' must be > 0");
  });
});

describe('KubeClient against the fake API server', () => {
  let api: FakeApiServer;

  beforeEach(async () => {
    api = await startFakeApiServer({ namespaces: ['ns'] });
    await new KubeClient(api.kubeConfig()).create(CONFIG_MAP, configMap('cm'));
    api.resetCounters();
  });

  afterEach(async () => {
    await api.stop();
  });

  describe('client-side rate limit', () => {
    it('sends `burst` requests at once, then one per 1/qps', async () => {
      const clock = new FakeClock();
      const client = new KubeClient(api.kubeConfig(), { qps: 2, burst: 3, clock });
      const results = Array.from({ length: 6 }, () => client.get(CONFIG_MAP, 'ns', 'cm'));
      await waitFor(() => api.requests.length === 3, { description: 'the burst' });
      expect(client.rateLimiter?.waiting).toBe(3);

      for (const expected of [4, 5, 6]) {
        await clock.advance(499);
        await flush();
        expect(client.rateLimiter?.waiting).toBe(6 - (expected - 1));
        expect(api.requests).toHaveLength(expected - 1);
        await clock.advance(1); // 500 ms = one token at 2 qps
        await waitFor(() => api.requests.length === expected, { description: `request ${expected}` });
      }
      const objects = await Promise.all(results);
      expect(objects.map((o) => o.metadata.name)).toEqual(Array(6).fill('cm'));
    });

    it('takes a token to open a watch, not for the events it streams', async () => {
      const clock = new FakeClock();
      const client = new KubeClient(api.kubeConfig(), { qps: 1, burst: 1, clock });
      const events: string[] = [];
      const watch = await client.watch(
        '/api/v1/namespaces/ns/configmaps',
        { resourceVersion: '0' },
        (type) => events.push(type),
        () => {},
      );
      try {
        await waitFor(() => events.length === 1, { description: 'the initial ADDED' });
        expect(api.requests.filter((r) => r.verb === 'watch')).toHaveLength(1);
        // The watch used the only token: the next request waits for the refill.
        const get = client.get(CONFIG_MAP, 'ns', 'cm');
        await flush();
        expect(client.rateLimiter?.waiting).toBe(1);
        expect(api.requests.filter((r) => r.verb === 'get')).toHaveLength(0);
        await clock.advance(1_000);
        await get;
        expect(api.requests.filter((r) => r.verb === 'get')).toHaveLength(1);
      } finally {
        watch.abort();
      }
    });

    it('does not limit with qps <= 0', async () => {
      const client = new KubeClient(api.kubeConfig(), { qps: 0, burst: 1, clock: new FakeClock() });
      expect(client.rateLimiter).toBeUndefined();
      await Promise.all(Array.from({ length: 20 }, () => client.get(CONFIG_MAP, 'ns', 'cm')));
      expect(api.requests).toHaveLength(20);
    });
  });

  describe('429 Too Many Requests', () => {
    it('retries after the advertised Retry-After, then succeeds', async () => {
      const fake = new FakeClock();
      const clock = recording(fake);
      const metrics = new OperatorMetrics({ processMetrics: false });
      const client = new KubeClient(api.kubeConfig(), { clock, metrics: metrics.forClient() });
      api.injectFailure({
        match: (r) => r.verb === 'get' && r.resource === 'configmaps',
        status: 429,
        reason: 'TooManyRequests',
        message: 'too many requests, please try again later',
        retryAfterSeconds: 2,
      });
      let got: unknown;
      const get = client.get(CONFIG_MAP, 'ns', 'cm').then((o) => (got = o));
      await waitFor(() => fake.pending === 1, { description: 'the client waiting to retry' });
      expect(clock.waits).toEqual([2_000]);
      expect(api.requests).toHaveLength(1);
      expect(api.requests[0]!.status).toBe(429);

      await fake.advance(1_999);
      expect(api.requests).toHaveLength(1);
      expect(got).toBeUndefined();
      await fake.advance(1);
      await get;
      expect(got).toMatchObject({ metadata: { name: 'cm' } });
      expect(api.requests.map((r) => r.status)).toEqual([429, 200]);
      expect(await metrics.registry.getSingleMetricAsString('rest_client_request_retries_total')).toContain(
        'rest_client_request_retries_total{code="429",verb="GET"} 1',
      );
    });

    it('retries a write too: a 429 means the server did not process it', async () => {
      const clock = recording(instantClock());
      const client = new KubeClient(api.kubeConfig(), { clock });
      api.injectFailure({ match: (r) => r.verb === 'create', status: 429, retryAfterSeconds: 1, times: 2 });
      await client.create(CONFIG_MAP, configMap('new'));
      expect(clock.waits).toEqual([1_000, 1_000]);
      expect(api.requests.map((r) => r.status)).toEqual([429, 429, 201]);
      expect(api.get({ apiVersion: 'v1', kind: 'ConfigMap' }, 'ns', 'new')).toBeDefined();
    });

    it("backs off on Priority and Fairness's text/plain 429 by its Retry-After header alone", async () => {
      const clock = recording(instantClock());
      const client = new KubeClient(api.kubeConfig(), { clock, maxRetries: 1 });
      api.injectFailure({
        match: (r) => r.verb === 'list',
        status: 429,
        retryAfterSeconds: 4,
        plainText: true,
      });
      await expect(client.list(CONFIG_MAP, 'ns')).resolves.toMatchObject({
        items: [{ metadata: { name: 'cm' } }],
      });
      expect(clock.waits).toEqual([4_000]);

      api.resetCounters();
      api.injectFailure({
        match: (r) => r.verb === 'list',
        status: 429,
        retryAfterSeconds: 4,
        plainText: true,
        times: 2,
      });
      const err = await client.list(CONFIG_MAP, 'ns').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).message).toContain('429 Too many requests, please try again later.');
      expect(api.requests).toHaveLength(2);
    });

    it('gives up with the ApiError after maxRetries, backing off without a tight loop', async () => {
      const clock = recording(instantClock());
      const client = new KubeClient(api.kubeConfig(), { clock });
      api.injectFailure({
        match: (r) => r.verb === 'get',
        status: 429,
        reason: 'TooManyRequests',
        times: Infinity,
      });
      const err = await client.get(CONFIG_MAP, 'ns', 'cm').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect(err).toMatchObject({ statusCode: 429, reason: 'TooManyRequests' });
      // client-go's 10 retries: 11 requests in all.
      expect(api.requests).toHaveLength(11);
      // No Retry-After: 1 s doubling, each wait capped at 60 s.
      expect(clock.waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60, 60].map((s) => s * 1_000));
    });

    it('caps an advertised delay and honours maxRetries', async () => {
      const clock = recording(instantClock());
      const client = new KubeClient(api.kubeConfig(), { clock, maxRetries: 2, maxRetryWaitMs: 5_000 });
      api.injectFailure({
        match: (r) => r.verb === 'get',
        status: 429,
        retryAfterSeconds: 3_600,
        times: Infinity,
      });
      await expect(client.get(CONFIG_MAP, 'ns', 'cm')).rejects.toMatchObject({ statusCode: 429 });
      expect(api.requests).toHaveLength(3);
      expect(clock.waits).toEqual([5_000, 5_000]);
    });

    it('retries a 5xx only when it carries Retry-After', async () => {
      const clock = recording(instantClock());
      const client = new KubeClient(api.kubeConfig(), { clock });
      api.injectFailure({ match: (r) => r.verb === 'get', status: 503, retryAfterSeconds: 1 });
      await expect(client.get(CONFIG_MAP, 'ns', 'cm')).resolves.toMatchObject({ metadata: { name: 'cm' } });
      expect(api.requests.map((r) => r.status)).toEqual([503, 200]);
      expect(clock.waits).toEqual([1_000]);

      api.resetCounters();
      api.injectFailure({ match: (r) => r.verb === 'get', status: 503 });
      await expect(client.get(CONFIG_MAP, 'ns', 'cm')).rejects.toMatchObject({ statusCode: 503 });
      expect(api.requests).toHaveLength(1);
      expect(clock.waits).toEqual([1_000]);
    });

    it('does not retry other errors', async () => {
      const clock = recording(instantClock());
      const client = new KubeClient(api.kubeConfig(), { clock });
      await expect(client.get(CONFIG_MAP, 'ns', 'missing')).rejects.toMatchObject({ statusCode: 404 });
      api.injectFailure({ match: (r) => r.verb === 'get', status: 500 });
      await expect(client.get(CONFIG_MAP, 'ns', 'cm')).rejects.toMatchObject({ statusCode: 500 });
      expect(api.requests).toHaveLength(2);
      expect(clock.waits).toEqual([]);
    });
  });
});

describe('KubeClient retry delay sources', () => {
  let server: http.Server;
  let answers: Array<{ status: number; headers?: Record<string, string>; body: unknown }>;
  let seen: number;

  beforeEach(async () => {
    seen = 0;
    server = http.createServer((_req, res) => {
      const a = answers[Math.min(seen++, answers.length - 1)]!;
      res.writeHead(a.status, { 'Content-Type': 'application/json', ...a.headers });
      res.end(JSON.stringify(a.body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const client = (clock: Clock): KubeClient => {
    const kc = new KubeConfig();
    const { port } = server.address() as AddressInfo;
    kc.loadFromOptions({
      clusters: [{ name: 'c', server: `http://127.0.0.1:${port}`, skipTLSVerify: true }],
      users: [{ name: 'u' }],
      contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
      currentContext: 'x',
    });
    return new KubeClient(kc, { clock });
  };

  const status = (retryAfterSeconds?: number) => ({
    kind: 'Status',
    apiVersion: 'v1',
    status: 'Failure',
    reason: 'TooManyRequests',
    code: 429,
    ...(retryAfterSeconds === undefined ? {} : { details: { retryAfterSeconds } }),
  });

  it('prefers the Retry-After header, then details.retryAfterSeconds', async () => {
    const clock = recording(instantClock());
    answers = [
      { status: 429, headers: { 'Retry-After': '3' }, body: status(7) },
      { status: 429, body: status(5) },
      { status: 200, body: { kind: 'ConfigMap', metadata: { name: 'cm' } } },
    ];
    await expect(client(clock).get(CONFIG_MAP, 'ns', 'cm')).resolves.toMatchObject({
      metadata: { name: 'cm' },
    });
    expect(seen).toBe(3);
    expect(clock.waits).toEqual([3_000, 5_000]);
  });

  it('treats Retry-After: 0 as no advice and backs off instead of retrying at once', async () => {
    const clock = recording(instantClock());
    answers = [
      { status: 503, headers: { 'Retry-After': '0' }, body: { ...status(), code: 503 } },
      { status: 503, headers: { 'Retry-After': '0' }, body: { ...status(), code: 503 } },
      { status: 200, body: { kind: 'ConfigMap', metadata: { name: 'cm' } } },
    ];
    await expect(client(clock).get(CONFIG_MAP, 'ns', 'cm')).resolves.toMatchObject({
      metadata: { name: 'cm' },
    });
    expect(clock.waits).toEqual([1_000, 2_000]);
  });
});
