import { request } from 'node:http';
import { Redis } from 'ioredis';
import { isMirrored } from '../../runtime/shadow.js';
import { RedisServer } from '../support/redis-server.js';
import { StubEngine } from '../support/stub-engine.js';
import { waitFor } from '../support/wait.js';
import { startRuntime, type TestRuntime } from './harness.js';

/**
 * Mirrored requests (a shadow stage: Envoy sends a copy with `-shadow` appended to the host of
 * Host/:authority) read what they need to answer like the live request but write nothing: no session
 * turn or TTL refresh, no cache lookup or entry, no rate-limit token. Checked against a real
 * redis-server, whose MONITOR shows every command the runtime sent.
 */

const SERVICE = 'xiaoai.suoke-ai.svc.cluster.local';
const LIVE_HOST = `${SERVICE}:8000`;
/** Envoy's mirrored host: `-shadow` after the host, before the port when there is one. */
const SHADOW_HOSTS = [`${SERVICE}-shadow`, `${SERVICE}-shadow:8000`];
/** Session TTL of the runtime; the seeded sessions get another, so a refresh would show. */
const SESSION_TTL_SECONDS = 3600;
const SEEDED_TTL_SECONDS = 500;
/** A bucket of one token, refilled in full by {@link refill} (the rate limiter's clock is ours). */
const RATE_LIMIT = { RATE_LIMIT_RPS: '0.01', RATE_LIMIT_BURST: '1' };
const REFILL_MS = 1_000_000;
const WRITE_COMMANDS = new Set([
  'set',
  'setex',
  'del',
  'unlink',
  'expire',
  'pexpire',
  'persist',
  'rpush',
  'lpush',
  'ltrim',
  'lset',
  'hset',
  'hmset',
  'multi',
  'exec',
]);

describe('isMirrored: the Host header of an Envoy mirror', () => {
  const host = (value: string | undefined) => isMirrored({ headers: { host: value } });

  it.each([
    `${SERVICE}-shadow`,
    `${SERVICE}-shadow:8080`,
    'SOER.AGENTS.SVC.CLUSTER.LOCAL-SHADOW:8080',
    'xiaoai-Shadow',
    '[fd00::1]-shadow:8000',
  ])('%s is mirrored', (value) => {
    expect(host(value)).toBe(true);
  });

  it.each([
    SERVICE,
    `${SERVICE}:8000`,
    'shadow.suoke-ai.svc.cluster.local',
    'xiaoai-shadow.suoke-ai.svc.cluster.local:8000',
    'shadow-xiaoai:8000',
    'xiaoai-shadowing',
    // Not the host part: a suffix of the port, or nothing but the suffix.
    `${SERVICE}:8000-shadow`,
    '-shadow',
    '',
  ])('%s is live', (value) => {
    expect(host(value)).toBe(false);
  });

  it('without a Host header, a request is live', () => {
    expect(host(undefined)).toBe(false);
  });
});

/** One API the mirrored requests come through. */
interface Api {
  readonly name: string;
  readonly path: string;
  readonly stream: boolean;
  body(text: string, options?: { deterministic?: boolean }): Record<string, unknown>;
  /** The answer's text, from the raw response body. */
  text(raw: string): string;
}

const sseData = (raw: string): any[] =>
  raw
    .split('\n')
    .filter((line) => line.startsWith('data: ') && line !== 'data: [DONE]')
    .map((line) => JSON.parse(line.slice('data: '.length)));

const APIS: Api[] = [
  {
    name: 'chat completions',
    path: '/v1/chat/completions',
    stream: false,
    body: (text, o = {}) => ({
      model: 'xiaoai',
      messages: [{ role: 'user', content: text }],
      ...(o.deterministic ? { temperature: 0 } : {}),
    }),
    text: (raw) => JSON.parse(raw).choices[0].message.content,
  },
  {
    name: 'chat completions, streamed',
    path: '/v1/chat/completions',
    stream: true,
    body: (text) => ({ model: 'xiaoai', messages: [{ role: 'user', content: text }], stream: true }),
    text: (raw) =>
      sseData(raw)
        .map((chunk) => chunk.choices[0]?.delta?.content ?? '')
        .join(''),
  },
  {
    name: 'responses',
    path: '/v1/responses',
    stream: false,
    body: (text, o = {}) => ({
      model: 'xiaoai',
      input: text,
      ...(o.deterministic ? { temperature: 0 } : {}),
    }),
    text: (raw) => JSON.parse(raw).output[0].content[0].text,
  },
  {
    name: 'responses, streamed',
    path: '/v1/responses',
    stream: true,
    body: (text) => ({ model: 'xiaoai', input: text, stream: true }),
    text: (raw) =>
      sseData(raw).find((e) => e.type === 'response.completed').response.output[0].content[0].text,
  },
];

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly raw: string;
}

/** A value of one series in a text exposition, found by its labels (in any order); undefined if none. */
function sample(exposition: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of exposition.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)\{([^}]*)\} (\S+)$/.exec(line);
    if (match === null || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...match[2]!.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]),
    );
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return undefined;
}

describe('mirrored requests (Host ending in -shadow) with a real redis-server', () => {
  let redis: RedisServer;
  let stub: StubEngine;
  let rt: TestRuntime;
  let admin: Redis;
  let monitor: Redis;
  let now = 1_700_000_000_000;

  beforeAll(async () => {
    redis = await RedisServer.start();
    stub = await StubEngine.start();
    admin = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await admin.connect();
    monitor = await admin.monitor();
    rt = await startRuntime(
      {
        ENGINE_BASE_URL: stub.baseUrl,
        REDIS_MODE: 'standalone',
        REDIS_URL: redis.url,
        SESSION_TTL_SECONDS: String(SESSION_TTL_SECONDS),
        ...RATE_LIMIT,
      },
      { now: () => now },
    );
    await waitFor(() => rt.runtime.redis?.status === 'ready', {
      description: 'the runtime to connect to redis',
    });
  });
  afterAll(async () => {
    await rt.close();
    monitor.disconnect();
    admin.disconnect();
    await stub.close();
    await redis.dispose();
  });
  beforeEach(async () => {
    stub.reset();
    await admin.flushall();
    refill();
  });

  /** Time passes for the rate limiter: every caller's bucket is full again (without a write). */
  function refill(): void {
    now += REFILL_MS;
  }

  function post(api: Api, body: unknown, headers: Record<string, string>): Promise<Answer> {
    const { port } = new URL(rt.url);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: api.path,
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
        },
        (res) => {
          let raw = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (raw += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, raw }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify(body));
    });
  }

  /** Redis as a whole: every key's type and value, and its TTL (milliseconds, -1 for none). */
  async function snapshot(): Promise<Record<string, { type: string; value: unknown; ttlMs: number }>> {
    const keys = (await admin.keys('*')).sort();
    const entries = await Promise.all(
      keys.map(async (key) => {
        const type = await admin.type(key);
        const value =
          type === 'list'
            ? await admin.lrange(key, 0, -1)
            : type === 'hash'
              ? await admin.hgetall(key)
              : await admin.get(key);
        return [key, { type, value, ttlMs: await admin.pttl(key) }] as const;
      }),
    );
    return Object.fromEntries(entries);
  }

  /** `after` holds the same keys and values as `before`, each TTL within a second of its old one. */
  function expectUnchanged(
    before: Awaited<ReturnType<typeof snapshot>>,
    after: Awaited<ReturnType<typeof snapshot>>,
  ): void {
    const strip = (s: typeof before) =>
      Object.fromEntries(Object.entries(s).map(([k, { type, value }]) => [k, { type, value }]));
    expect(strip(after)).toEqual(strip(before));
    for (const [key, { ttlMs }] of Object.entries(before)) {
      const later = after[key]!.ttlMs;
      expect([key, ttlMs < 0 ? later === ttlMs : Math.abs(later - ttlMs) < 1000]).toEqual([key, true]);
    }
  }

  /** The commands the runtime sent to Redis while `work` ran (and anything it set off), in order. */
  async function commandsDuring(work: () => Promise<void>): Promise<string[][]> {
    const seen: string[][] = [];
    const listener = (_time: string, args: string[]) => seen.push(args);
    monitor.on('monitor', listener);
    try {
      await work();
      // Commands reach MONITOR in the server's order: once the marker is seen, so is all before it.
      const marker = `end-of-work-${now}-${Math.random()}`;
      await admin.echo(marker);
      const at = await waitFor(
        () => {
          const index = seen.findIndex((args) => args[0]?.toLowerCase() === 'echo' && args[1] === marker);
          return index >= 0 ? index : undefined;
        },
        { description: 'the marker in the MONITOR feed' },
      );
      return seen.slice(0, at);
    } finally {
      monitor.off('monitor', listener);
    }
  }

  /** Commands that would change Redis: writes, and a token-bucket script that may take a token. */
  function writesAmong(commands: string[][]): string[][] {
    return commands.filter((args) => {
      const name = args[0]!.toLowerCase();
      if (name === 'evalsha' || name === 'eval') return args[args.length - 1] !== '0';
      return WRITE_COMMANDS.has(name);
    });
  }

  async function metrics(): Promise<string> {
    return (await fetch(`${rt.url}/metrics`)).text();
  }

  /** The `request` log line of `answer` (a stream's is written after its last byte). */
  const requestLine = (answer: Answer) =>
    waitFor(() => rt.logs.requests().find((line) => line.reqId === answer.headers['x-request-id']), {
      description: 'the request log line',
    });

  /** Waits for the requests answered to be over (metrics and log lines come last). */
  const settled = () => waitFor(() => rt.runtime.inFlight() === 0, { description: 'no request in flight' });

  describe.each(APIS)('$name', (api) => {
    it('reads the session history for the engine, and leaves the session exactly as it was', async () => {
      const sessionId = `conv-${api.path.length}-${api.stream}`;
      const key = `suoke:session:{xiaoai/xiaoai:anonymous}:${sessionId}`;
      stub.set({ reply: 'Nice to meet you, Li.' });
      const seeded = await post(api, api.body('My name is Li.'), {
        host: LIVE_HOST,
        'x-session-id': sessionId,
      });
      expect(seeded.status).toBe(200);
      // A stream's turn is kept after its last byte.
      await waitFor(async () => (await admin.llen(key)) === 2, { description: 'the live turn kept' });
      await admin.expire(key, SEEDED_TTL_SECONDS);
      refill();
      const before = await snapshot();
      expect(Object.keys(before)).toContain(key);

      for (const host of SHADOW_HOSTS) {
        stub.set({ reply: 'Your name is Li.' });
        let answer: Answer | undefined;
        const commands = await commandsDuring(async () => {
          answer = await post(api, api.body('What is my name?'), { host, 'x-session-id': sessionId });
        });
        expect([host, answer!.status]).toEqual([host, 200]);
        expect(api.text(answer!.raw)).toBe('Your name is Li.');
        expect(stub.lastRequest?.body.messages).toEqual([
          { role: 'user', content: 'My name is Li.' },
          { role: 'assistant', content: 'Nice to meet you, Li.' },
          { role: 'user', content: 'What is my name?' },
        ]);
        // It read the session…
        expect(commands.some((args) => args[0]!.toLowerCase() === 'lrange' && args[1] === key)).toBe(true);
        // …and wrote nothing at all.
        expect({ host, writes: writesAmong(commands) }).toEqual({ host, writes: [] });
      }
      const after = await snapshot();
      expectUnchanged(before, after);
      expect(after[key]!.ttlMs).toBeLessThanOrEqual(SEEDED_TTL_SECONDS * 1000);
    });

    if (!api.stream) {
      it('is neither answered from the response cache nor kept in it, for a deterministic request', async () => {
        const ask = api.body('What is 2 + 2?', { deterministic: true });
        const cacheKeys = () => admin.keys('suoke:cache:*');
        const cacheTouched = (commands: string[][]) =>
          commands.filter((args) => args.slice(1).some((arg) => arg.startsWith('suoke:cache:')));
        // Without an entry: answered by the engine, and no entry left behind.
        stub.set({ reply: 'Four.' });
        let first: Answer | undefined;
        const firstCommands = await commandsDuring(async () => {
          first = await post(api, ask, { host: SHADOW_HOSTS[1]! });
        });
        expect(first!.status).toBe(200);
        expect(first!.headers['x-cache']).toBeUndefined();
        expect(cacheTouched(firstCommands)).toEqual([]);
        expect(await cacheKeys()).toEqual([]);

        // A live request caches its answer…
        const live = await post(api, ask, { host: LIVE_HOST });
        expect(live.headers['x-cache']).toBe('miss');
        const [entry] = await waitFor(async () => {
          const keys = await cacheKeys();
          return keys.length === 1 ? keys : undefined;
        });
        refill();
        const before = await snapshot();
        const hitsBefore = sample(await metrics(), 'ai_inference_cache_requests_total', { result: 'hit' });

        // …which a mirrored copy does not use: the version under test answers it.
        stub.set({ reply: 'Four, freshly.' });
        const calls = stub.stats.chatCalls;
        let mirrored: Answer | undefined;
        const commands = await commandsDuring(async () => {
          mirrored = await post(api, ask, { host: SHADOW_HOSTS[0]! });
        });
        expect(mirrored!.status).toBe(200);
        expect(mirrored!.headers['x-cache']).toBeUndefined();
        expect(api.text(mirrored!.raw)).toBe('Four, freshly.');
        expect(stub.stats.chatCalls).toBe(calls + 1);
        expect(cacheTouched(commands)).toEqual([]);
        expect(writesAmong(commands)).toEqual([]);
        expectUnchanged(before, await snapshot());
        expect(await admin.get(entry!)).toContain('Four.');
        expect(sample(await metrics(), 'ai_inference_cache_requests_total', { result: 'hit' })).toBe(
          hitsBefore,
        );
      });
    }

    it('takes no rate-limit token: with a limit of one, a live request after mirrored ones passes', async () => {
      for (const host of [...SHADOW_HOSTS, ...SHADOW_HOSTS]) {
        const mirrored = await post(api, api.body('Hello'), { host });
        expect([host, mirrored.status]).toEqual([host, 200]);
      }
      expect((await post(api, api.body('Hello'), { host: LIVE_HOST })).status).toBe(200);
      // The limit is one: the next live request is refused.
      expect((await post(api, api.body('Hello'), { host: LIVE_HOST })).status).toBe(429);
    });

    it('is refused (429) when its caller has no token left, and leaves the bucket as it was', async () => {
      expect((await post(api, api.body('Hello'), { host: LIVE_HOST })).status).toBe(200);
      const before = await snapshot();
      const calls = stub.stats.chatCalls;
      for (const host of SHADOW_HOSTS) {
        const refused = await post(api, api.body('Hello'), { host });
        expect([host, refused.status]).toEqual([host, 429]);
        expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        expect(await requestLine(refused)).toMatchObject({ shadow: true, code: 429 });
      }
      expect(stub.stats.chatCalls).toBe(calls);
      expectUnchanged(before, await snapshot());
    });

    it('is counted as traffic="shadow" and logged with shadow: true, a live one as traffic="live"', async () => {
      const labels = { code: '200' };
      const count = (text: string, traffic: string) =>
        sample(text, 'ai_inference_requests_total', { ...labels, traffic }) ?? 0;
      const durations = (text: string, traffic: string) =>
        sample(text, 'ai_inference_request_duration_seconds_count', { traffic }) ?? 0;
      const tokens = (text: string, traffic: string) =>
        sample(text, 'ai_inference_tokens_total', { type: 'completion', traffic }) ?? 0;
      const firstTokens = (text: string, traffic: string) =>
        sample(text, 'ai_inference_time_to_first_token_seconds_count', { traffic }) ?? 0;
      const before = await metrics();
      const secret = `my blood pressure is ${now}`;

      const mirrored = await post(api, api.body(secret), { host: SHADOW_HOSTS[1]! });
      const live = await post(api, api.body(secret), { host: LIVE_HOST });
      expect([mirrored.status, live.status]).toEqual([200, 200]);
      await settled();

      const after = await metrics();
      for (const traffic of ['shadow', 'live']) {
        expect([traffic, count(after, traffic) - count(before, traffic)]).toEqual([traffic, 1]);
        expect([traffic, durations(after, traffic) - durations(before, traffic)]).toEqual([traffic, 1]);
        expect([traffic, tokens(after, traffic) - tokens(before, traffic)]).toEqual([traffic, 8]);
        expect([traffic, firstTokens(after, traffic) - firstTokens(before, traffic)]).toEqual([
          traffic,
          api.stream ? 1 : 0,
        ]);
        expect(sample(after, 'ai_inference_in_flight_requests', { traffic })).toBe(0);
      }
      expect(await requestLine(mirrored)).toMatchObject({ shadow: true, code: 200, path: api.path });
      expect(await requestLine(live)).toMatchObject({ code: 200, path: api.path });
      expect(await requestLine(live)).not.toHaveProperty('shadow');
      expect(rt.logs.raw.filter((line) => line.includes(secret))).toEqual([]);
    });

    it('an ordinary Host that merely contains "shadow" is live: its turn is kept and counted live', async () => {
      const hosts = [
        'shadow.suoke-ai.svc.cluster.local',
        'xiaoai-shadow.suoke-ai.svc.cluster.local:8000',
        'shadow-xiaoai:8000',
      ];
      for (const [i, host] of hosts.entries()) {
        refill();
        const sessionId = `live-${i}-${api.path.length}-${api.stream}`;
        const before = sample(await metrics(), 'ai_inference_requests_total', {
          code: '200',
          traffic: 'live',
        });
        const answer = await post(api, api.body('Hello'), { host, 'x-session-id': sessionId });
        expect([host, answer.status]).toEqual([host, 200]);
        expect(await requestLine(answer)).not.toHaveProperty('shadow');
        await settled();
        const key = `suoke:session:{xiaoai/xiaoai:anonymous}:${sessionId}`;
        await waitFor(async () => (await admin.llen(key)) === 2, {
          description: `the turn via ${host} kept`,
        });
        expect(await admin.ttl(key)).toBeGreaterThan(SESSION_TTL_SECONDS - 5);
        expect(sample(await metrics(), 'ai_inference_requests_total', { code: '200', traffic: 'live' })).toBe(
          before! + 1,
        );
        // It took the caller's only token.
        expect((await post(api, api.body('Hello'), { host: LIVE_HOST })).status).toBe(429);
      }
    });
  });
});
