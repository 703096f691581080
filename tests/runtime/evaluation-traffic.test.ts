import { request } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { MAX_EVALUATION_RUN_LENGTH, readEvaluationRun } from '../../runtime/evaluation-run.js';
import { trafficOf } from '../../runtime/shadow.js';
import { ManagedProcess } from '../e2e/harness/process.js';
import { RedisServer } from '../support/redis-server.js';
import { StubEngine } from '../support/stub-engine.js';
import { waitFor } from '../support/wait.js';

/**
 * Evaluation traffic: requests carrying `X-Evaluation-Run` (the golden-set cases an evaluation Job
 * sends) are counted as `traffic="evaluation"`, are answered from their own messages only (no
 * session read or written, X-Session-Id ignored) and never from or into the response cache, while
 * authentication and rate limits apply exactly as to live requests. Checked on a real runtime
 * process in front of the stub engine, with a real redis-server whose MONITOR shows every command
 * the runtime sent.
 */

const RUN = 'suoke-ai/xiaoai-v2-eval-pre-1';
/** One token per 100 s: no bucket refills while the tests run. */
const BURST = 5;
/** Far below the runtime's session TTL (an hour), so a refreshed session would show. */
const SEEDED_TTL_SECONDS = 500;
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

describe('readEvaluationRun and trafficOf: the X-Evaluation-Run header', () => {
  const headers = (value: string | undefined, host = 'xiaoai-v2.suoke-ai.svc.cluster.local') => ({
    headers: { host, ...(value === undefined ? {} : { 'x-evaluation-run': value }) },
  });

  it.each([
    ['a namespace and Job name', RUN],
    ['one character', 'a'],
    ['the longest accepted', 'x'.repeat(MAX_EVALUATION_RUN_LENGTH)],
    ['spaces and punctuation', 'ns/job name ~!'],
  ])('%s names an evaluation run', (_what, value) => {
    expect(readEvaluationRun(headers(value))).toEqual({ id: value });
    expect(trafficOf(headers(value))).toBe('evaluation');
  });

  it.each([
    ['empty', ''],
    ['too long', 'x'.repeat(MAX_EVALUATION_RUN_LENGTH + 1)],
    ['not ASCII', 'suoke-ai/评估'],
    ['a control character', 'suoke-ai/\tjob'],
  ])('%s is refused with a 400 naming the header', (_what, value) => {
    const { id, refusal } = readEvaluationRun(headers(value));
    expect(id).toBeUndefined();
    expect(refusal?.status).toBe(400);
    expect(refusal?.toJSON().error).toMatchObject({
      type: 'invalid_request_error',
      code: 'invalid_evaluation_run',
      param: 'X-Evaluation-Run',
    });
    // Counted where it claimed to belong.
    expect(trafficOf(headers(value))).toBe('evaluation');
  });

  it('without the header a request is live, and a mirrored copy is shadow even with it', () => {
    expect(readEvaluationRun(headers(undefined))).toEqual({});
    expect(trafficOf(headers(undefined))).toBe('live');
    expect(trafficOf(headers(RUN, 'xiaoai.suoke-ai.svc.cluster.local-shadow'))).toBe('shadow');
  });
});

/** One API the evaluation cases come through. */
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
    body: (text, o = {}) => ({
      model: 'xiaoai',
      messages: [{ role: 'user', content: text }],
      stream: true,
      ...(o.deterministic ? { temperature: 0 } : {}),
    }),
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
    body: (text, o = {}) => ({
      model: 'xiaoai',
      input: text,
      stream: true,
      ...(o.deterministic ? { temperature: 0 } : {}),
    }),
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

describe('evaluation requests (X-Evaluation-Run) on a runtime process with a real redis-server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'suoke-evaluation-traffic-'));
  /** Every test calls as callers of its own, so each starts with a full rate-limit bucket. */
  const CALLERS = Array.from({ length: 40 }, (_, i) => `caller-${i}`);
  let callersHandedOut = 0;
  let redis: RedisServer;
  let stub: StubEngine;
  let runtime: ManagedProcess;
  let url: string;
  let admin: Redis;
  let monitor: Redis;

  beforeAll(async () => {
    redis = await RedisServer.start();
    stub = await StubEngine.start();
    admin = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await admin.connect();
    monitor = await admin.monitor();
    writeFileSync(join(dir, 'keys'), CALLERS.map((name) => `sk-${name} ${name}`).join('\n'));
    runtime = new ManagedProcess({
      name: 'runtime xiaoai-v2',
      script: 'runtime/main.ts',
      env: {
        MODEL: 'xiaoai',
        AGENT: 'xiaoai',
        MODEL_VERSION: 'v2',
        ENGINE_MODEL: 'stub-model',
        ENGINE_BASE_URL: stub.baseUrl,
        ENGINE_MAX_RETRIES: '0',
        HOST: '127.0.0.1',
        PORT: '0',
        API_KEYS_FILE: join(dir, 'keys'),
        REDIS_MODE: 'standalone',
        REDIS_URL: redis.url,
        RATE_LIMIT_RPS: '0.01',
        RATE_LIMIT_BURST: String(BURST),
        DRAIN_TIMEOUT_MS: '2000',
        LOG_LEVEL: 'info',
      },
    });
    const listening = await runtime.waitForJson((l) => l['msg'] === 'listening', 60_000, 'listening');
    url = `http://127.0.0.1:${String(listening['port'])}`;
    await waitFor(async () => (await fetch(`${url}/readyz`).catch(() => undefined))?.ok === true, {
      timeoutMs: 20_000,
      description: 'the runtime to be ready (redis connected)',
    });
  }, 90_000);
  afterAll(async () => {
    await runtime?.stop();
    monitor?.disconnect();
    admin?.disconnect();
    await stub?.close();
    await redis?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    stub.reset();
    await admin.flushall();
  });

  /** The next caller with a full bucket: its `Authorization` header and its principal id. */
  function freshCaller(): { auth: Record<string, string>; principal: string } {
    const name = CALLERS[callersHandedOut++];
    if (name === undefined) throw new Error('add callers to CALLERS: every test needs its own');
    return { auth: { authorization: `Bearer sk-${name}` }, principal: name };
  }

  function post(api: Api, body: unknown, headers: Record<string, string>): Promise<Answer> {
    const { port } = new URL(url);
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

  /** The `request` log line of `answer`: written once its metrics are counted and its turn is kept. */
  const requestLine = (answer: Answer) =>
    runtime.waitForJson(
      (line) => line['msg'] === 'request' && line['reqId'] === answer.headers['x-request-id'],
      10_000,
      `the request log line of ${String(answer.headers['x-request-id'])}`,
    );

  async function metrics(): Promise<string> {
    return (await fetch(`${url}/metrics`)).text();
  }

  /** The commands the runtime sent to Redis while `work` ran, in order. */
  async function commandsDuring(work: () => Promise<void>): Promise<string[][]> {
    const seen: string[][] = [];
    const listener = (_time: string, args: string[]) => seen.push(args);
    // Commands reach MONITOR in the server's order, but later than they ran: one sent just before
    // (the test's own seeding) may still arrive after the listener is on. Markers around the work
    // bound exactly what ran during it.
    const markerAt = async (marker: string): Promise<number> => {
      await admin.echo(marker);
      return waitFor(
        () => {
          const index = seen.findIndex((args) => args[0]?.toLowerCase() === 'echo' && args[1] === marker);
          return index >= 0 ? index : undefined;
        },
        { description: `the marker ${marker} in the MONITOR feed` },
      );
    };
    monitor.on('monitor', listener);
    try {
      const from = await markerAt(`start-of-work-${Math.random()}`);
      await work();
      const to = await markerAt(`end-of-work-${Math.random()}`);
      return seen.slice(from + 1, to);
    } finally {
      monitor.off('monitor', listener);
    }
  }

  /**
   * Commands that would change Redis other than the caller's rate-limit bucket, which an evaluation
   * request takes its token from like a live one.
   */
  function writesAmong(commands: string[][]): string[][] {
    return commands.filter(
      (args) => WRITE_COMMANDS.has(args[0]!.toLowerCase()) && !args[1]?.startsWith('suoke:ratelimit:'),
    );
  }

  describe.each(APIS)('$name', (api) => {
    it('is counted once as traffic="evaluation" and logged with its run, never its content', async () => {
      const { auth, principal } = freshCaller();
      const count = (text: string, traffic: string) =>
        sample(text, 'ai_inference_requests_total', { code: '200', traffic }) ?? 0;
      const durations = (text: string, traffic: string) =>
        sample(text, 'ai_inference_request_duration_seconds_count', { traffic }) ?? 0;
      const tokens = (text: string, traffic: string) =>
        sample(text, 'ai_inference_tokens_total', { type: 'completion', traffic }) ?? 0;
      const before = await metrics();
      // Zero-valued from the start, like the live and shadow series.
      expect(sample(before, 'ai_inference_requests_total', { code: '500', traffic: 'evaluation' })).toBe(0);
      expect(sample(before, 'ai_inference_in_flight_requests', { traffic: 'evaluation' })).toBe(0);
      const secret = `my blood pressure is ${callersHandedOut} over 90`;

      const evaluated = await post(api, api.body(secret), { ...auth, 'x-evaluation-run': RUN });
      expect(evaluated.status).toBe(200);
      const line = await requestLine(evaluated);
      expect(line).toMatchObject({ evaluationRun: RUN, principal, code: 200, path: api.path });
      expect(line).not.toHaveProperty('shadow');

      const after = await metrics();
      expect({
        evaluation: count(after, 'evaluation') - count(before, 'evaluation'),
        live: count(after, 'live') - count(before, 'live'),
        shadow: count(after, 'shadow') - count(before, 'shadow'),
        durations: durations(after, 'evaluation') - durations(before, 'evaluation'),
        liveDurations: durations(after, 'live') - durations(before, 'live'),
        tokens: tokens(after, 'evaluation') - tokens(before, 'evaluation'),
        liveTokens: tokens(after, 'live') - tokens(before, 'live'),
      }).toEqual({
        evaluation: 1,
        live: 0,
        shadow: 0,
        durations: 1,
        liveDurations: 0,
        tokens: 8,
        liveTokens: 0,
      });
      expect(sample(after, 'ai_inference_in_flight_requests', { traffic: 'evaluation' })).toBe(0);
      expect(runtime.lines.filter((l) => l.includes(secret))).toEqual([]);

      // A live request beside it is counted live, and its log line names no run.
      const live = await post(api, api.body('Hello'), auth);
      expect(await requestLine(live)).not.toHaveProperty('evaluationRun');
      const later = await metrics();
      expect([count(later, 'live') - count(after, 'live'), count(later, 'evaluation')]).toEqual([
        1,
        count(after, 'evaluation'),
      ]);
    });

    it('ignores X-Session-Id: answered from its own messages, reading and writing no session', async () => {
      const { auth, principal } = freshCaller();
      const sessionId = `conv-${callersHandedOut}`;
      const key = `suoke:session:{xiaoai/xiaoai:${principal}}:${sessionId}`;
      stub.set({ reply: 'Nice to meet you, Li.' });
      const seeded = await post(api, api.body('My name is Li.'), { ...auth, 'x-session-id': sessionId });
      expect(seeded.status).toBe(200);
      await requestLine(seeded);
      expect(await admin.llen(key)).toBe(2);
      const stored = await admin.lrange(key, 0, -1);
      // Shorter than the runtime's session TTL, so a refresh would show.
      await admin.expire(key, SEEDED_TTL_SECONDS);

      stub.set({ reply: 'I do not know your name.' });
      let answer: Answer | undefined;
      const commands = await commandsDuring(async () => {
        answer = await post(api, api.body('What is my name?'), {
          ...auth,
          'x-session-id': sessionId,
          'x-evaluation-run': RUN,
        });
        await requestLine(answer);
      });
      expect(answer!.status).toBe(200);
      expect(api.text(answer!.raw)).toBe('I do not know your name.');
      expect(stub.lastRequest?.body.messages).toEqual([{ role: 'user', content: 'What is my name?' }]);
      expect(commands.filter((args) => args.some((arg) => arg.startsWith('suoke:session:')))).toEqual([]);
      expect(writesAmong(commands)).toEqual([]);
      expect(await admin.lrange(key, 0, -1)).toEqual(stored);
      expect(await admin.pttl(key)).toBeLessThanOrEqual(SEEDED_TTL_SECONDS * 1000);
      expect(await requestLine(answer!)).toMatchObject({ session: false, evaluationRun: RUN });

      // Ignored altogether: a malformed session id is no error on an evaluation request.
      const malformed = await post(api, api.body('Hello'), {
        ...auth,
        'x-session-id': 'not a valid session id!',
        'x-evaluation-run': RUN,
      });
      expect(malformed.status).toBe(200);
    });

    it('is neither answered from the response cache nor kept in it: a deterministic case reaches the engine each time', async () => {
      const { auth } = freshCaller();
      const ask = api.body('What is 2 + 2?', { deterministic: true });
      const cacheTouched = (commands: string[][]) =>
        commands.filter((args) => args.slice(1).some((arg) => arg.startsWith('suoke:cache:')));
      const replies = ['Four.', 'Four, again.'];
      for (const reply of replies) {
        stub.set({ reply });
        const calls = stub.stats.chatCalls;
        let answer: Answer | undefined;
        const commands = await commandsDuring(async () => {
          answer = await post(api, ask, { ...auth, 'x-evaluation-run': RUN });
          await requestLine(answer);
        });
        expect([reply, answer!.status, answer!.headers['x-cache']]).toEqual([reply, 200, undefined]);
        expect(api.text(answer!.raw)).toBe(reply);
        expect(stub.stats.chatCalls).toBe(calls + 1);
        expect(cacheTouched(commands)).toEqual([]);
      }
      expect(await admin.keys('suoke:cache:*')).toEqual([]);

      if (!api.stream) {
        // A live request caches its answer, which an evaluation case still does not use.
        stub.set({ reply: 'Four, for users.' });
        const live = await post(api, ask, auth);
        expect(live.headers['x-cache']).toBe('miss');
        await waitFor(async () => (await admin.keys('suoke:cache:*')).length === 1, {
          description: 'the live answer cached',
        });
        stub.set({ reply: 'Four, evaluated.' });
        const calls = stub.stats.chatCalls;
        const evaluated = await post(api, ask, { ...auth, 'x-evaluation-run': RUN });
        expect(evaluated.headers['x-cache']).toBeUndefined();
        expect(api.text(evaluated.raw)).toBe('Four, evaluated.');
        expect(stub.stats.chatCalls).toBe(calls + 1);
        expect(await requestLine(evaluated)).not.toHaveProperty('cache');
      }
    });

    it('takes a rate-limit token like a live request, and is refused (429) once the bucket is empty', async () => {
      const { auth } = freshCaller();
      for (let i = 0; i < BURST; i++) {
        const answer = await post(api, api.body('Hello'), { ...auth, 'x-evaluation-run': RUN });
        expect([i, answer.status]).toEqual([i, 200]);
      }
      const calls = stub.stats.chatCalls;
      const refused = await post(api, api.body('Hello'), { ...auth, 'x-evaluation-run': RUN });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(await requestLine(refused)).toMatchObject({ evaluationRun: RUN, code: 429 });
      // The evaluation cases spent the caller's tokens: its live requests are refused too.
      expect((await post(api, api.body('Hello'), auth)).status).toBe(429);
      expect(stub.stats.chatCalls).toBe(calls);
    });

    it('needs credentials like a live request', async () => {
      const missing = await post(api, api.body('Hello'), { 'x-evaluation-run': RUN });
      const wrong = await post(api, api.body('Hello'), {
        authorization: 'Bearer sk-not-a-key',
        'x-evaluation-run': RUN,
      });
      for (const answer of [missing, wrong]) {
        expect(answer.status).toBe(401);
        expect(JSON.parse(answer.raw).error).toMatchObject({
          type: 'invalid_request_error',
          code: 'invalid_api_key',
        });
        expect(await requestLine(answer)).toMatchObject({ evaluationRun: RUN, code: 401 });
      }
      expect(stub.stats.chatCalls).toBe(0);
    });

    it.each([
      ['empty', ''],
      ['too long', 'x'.repeat(MAX_EVALUATION_RUN_LENGTH + 1)],
      ['not ASCII', 'suoke-ai/évaluation'],
    ])(
      'refuses an X-Evaluation-Run that is %s with a 400 in the OpenAI error shape',
      async (_what, value) => {
        const { auth } = freshCaller();
        const before = await metrics();
        const answer = await post(api, api.body('Hello'), { ...auth, 'x-evaluation-run': value });
        expect(answer.status).toBe(400);
        expect(answer.headers['content-type']).toContain('application/json');
        expect(JSON.parse(answer.raw)).toEqual({
          error: {
            message: expect.stringContaining('X-Evaluation-Run must be 1-256 printable ASCII characters'),
            type: 'invalid_request_error',
            param: 'X-Evaluation-Run',
            code: 'invalid_evaluation_run',
          },
        });
        const line = await requestLine(answer);
        expect(line).toMatchObject({ code: 400, errorCode: 'invalid_evaluation_run' });
        expect(line).not.toHaveProperty('evaluationRun');
        expect(stub.stats.chatCalls).toBe(0);
        const counted = (text: string) =>
          sample(text, 'ai_inference_requests_total', { code: '400', traffic: 'evaluation' }) ?? 0;
        expect(counted(await metrics()) - counted(before)).toBe(1);
      },
    );
  });
});
