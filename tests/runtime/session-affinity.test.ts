/**
 * Session affinity with real runtime processes (one per version, each with its own stub engine that
 * answers with the version's name), a real redis-server and a stand-in mesh (tests/support/
 * session-mesh.ts) that routes forwarded turns by `x-suoke-session-version` and the rest by weights.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { ManagedProcess } from '../e2e/harness/process.js';
import { MultiTurnLoad } from '../support/multi-turn-load.js';
import { RedisServer } from '../support/redis-server.js';
import { SessionMesh } from '../support/session-mesh.js';
import { StubEngine } from '../support/stub-engine.js';
import { waitFor } from '../support/wait.js';

const API_KEY = 'sk-affinity-5d1c9e3a7b2f';
const KEY_NAME = 'tester';
const work = mkdtempSync(join(tmpdir(), 'suoke-affinity-'));
const keysFile = join(work, 'api-keys');
writeFileSync(keysFile, `${API_KEY} ${KEY_NAME}\n`);

interface Runtime {
  readonly process: ManagedProcess;
  readonly url: string;
  readonly stub: StubEngine;
}

async function startRuntime(
  version: string,
  redisUrl: string,
  forwardUrl: string,
  env: Record<string, string> = {},
): Promise<Runtime> {
  const stub = await StubEngine.start({ reply: `${version} answers`, tokens: 2 });
  const process = new ManagedProcess({
    name: `runtime ${version}`,
    script: 'runtime/main.ts',
    env: {
      HOST: '127.0.0.1',
      PORT: '0',
      MODEL: 'xiaoai',
      AGENT: 'xiaoai',
      MODEL_VERSION: version,
      ENGINE_MODEL: 'stub-model',
      ENGINE_BASE_URL: stub.baseUrl,
      ENGINE_MAX_RETRIES: '0',
      REDIS_MODE: 'standalone',
      REDIS_URL: redisUrl,
      API_KEYS_FILE: keysFile,
      CACHE_TTL_SECONDS: '0',
      SESSION_FORWARD_URL: forwardUrl,
      ...env,
    },
  });
  const listening = await process.waitForJson((l) => l.msg === 'listening', 30_000, 'listening');
  await process.waitForJson((l) => l.msg === 'redis ready', 10_000, 'redis ready');
  return { process, url: `http://127.0.0.1:${String(listening.port)}`, stub };
}

/** The sum of a metric's samples whose labels include `labels`. */
async function metricSum(url: string, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).some(([k, v]) => !line.includes(`${k}="${v}"`))) continue;
    sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

const pinKey = (session: string) =>
  `suoke:pin:xiaoai/xiaoai:${createHash('sha256').update(`${KEY_NAME}\n${session}`).digest('hex')}`;

function ask(url: string, headers: Record<string, string>, stream = false): Promise<Response> {
  return fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ model: 'xiaoai', messages: [{ role: 'user', content: 'hello' }], stream }),
  });
}
const auth = { authorization: `Bearer ${API_KEY}` };

describe('session affinity across versions', () => {
  let redis: RedisServer;
  let admin: Redis;
  let mesh: SessionMesh;
  let v1: Runtime;
  let v2: Runtime;
  let cookie: Runtime;

  beforeAll(async () => {
    redis = await RedisServer.start();
    admin = new Redis(redis.url);
    mesh = await SessionMesh.start();
    [v1, v2, cookie] = await Promise.all([
      startRuntime('v1', redis.url, mesh.url),
      startRuntime('v2', redis.url, mesh.url),
      startRuntime('v1', redis.url, mesh.url, {
        AGENT: 'xiaoai-cookie',
        SESSION_AFFINITY_COOKIE: 'suoke_session',
      }),
    ]);
    mesh.add('v1', v1.url);
    mesh.add('v2', v2.url);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([v1, v2, cookie].map((r) => r?.process.stop()));
    await Promise.all([v1, v2, cookie].map((r) => r?.stub.close()));
    admin?.disconnect();
    await mesh?.close();
    await redis?.dispose();
    rmSync(work, { recursive: true, force: true });
  });

  const liveRequests = async () =>
    (await metricSum(v1.url, 'ai_inference_requests_total', { traffic: 'live' })) +
    (await metricSum(v2.url, 'ai_inference_requests_total', { traffic: 'live' }));

  it('keeps every conversation on its version while the canary goes 10 → 50 → 100, each turn counted once', async () => {
    await admin.flushdb();
    const before = await liveRequests();
    mesh.route({ weights: { v1: 90, v2: 10 } });
    const early = new MultiTurnLoad({
      url: mesh.url,
      users: 20,
      apiKey: API_KEY,
      model: 'xiaoai',
      sessionPrefix: 'early',
    });
    const late = new MultiTurnLoad({
      url: mesh.url,
      users: 10,
      apiKey: API_KEY,
      model: 'xiaoai',
      sessionPrefix: 'late',
    });
    early.start();
    await waitFor(() => early.turnsDone >= 60, { timeoutMs: 15_000, description: 'turns at weight 10' });
    mesh.route({ weights: { v1: 50, v2: 50 } });
    late.start();
    await waitFor(() => early.turnsDone >= 120 && late.turnsDone >= 30, {
      timeoutMs: 15_000,
      description: 'turns at weight 50',
    });
    mesh.route({ weights: { v1: 0, v2: 100 }, serving: ['v1', 'v2'] });
    const at100 = early.turnsDone + late.turnsDone;
    await waitFor(() => early.turnsDone + late.turnsDone >= at100 + 90, {
      timeoutMs: 15_000,
      description: 'turns at weight 100',
    });
    await Promise.all([early.stop(), late.stop()]);

    const onV1: string[] = [];
    for (const load of [early, late]) {
      for (const [session, runs] of load.versionRuns()) {
        expect({ session, runs }).toEqual({ session, runs: [expect.stringMatching(/^v[12]$/)] });
        if (runs[0] === 'v1') onV1.push(session);
      }
      for (const turns of load.conversations.values()) {
        for (const turn of turns) {
          expect(turn.status).toBe(200);
          expect(turn.text).toContain(`${turn.servedBy} answers`);
        }
      }
    }
    // Both versions held conversations, so turns did cross between them.
    expect(onV1.length).toBeGreaterThan(0);
    expect(onV1.length).toBeLessThan(30);
    expect(mesh.hops.some((h) => h.byPin)).toBe(true);
    const sent = early.turnsDone + late.turnsDone;
    expect((await liveRequests()) - before).toBe(sent);

    // v1 leaves at the end: each of its conversations moves to v2 on its next turn, once.
    const switchesBefore = await metricSum(v2.url, 'ai_session_version_switches_total', {
      from: 'v1',
      to: 'v2',
      reason: 'version_left',
    });
    mesh.route({ weights: { v2: 100 } });
    for (const session of onV1) {
      const load = session.startsWith('early') ? early : late;
      expect((await load.turn(session)).servedBy).toBe('v2');
      expect((await load.turn(session)).servedBy).toBe('v2');
    }
    const switches = await metricSum(v2.url, 'ai_session_version_switches_total', {
      from: 'v1',
      to: 'v2',
      reason: 'version_left',
    });
    expect(switches - switchesBefore).toBe(onV1.length);
  }, 30_000);

  it('moves each conversation of a rolled-back canary to the stable version once; a streamed turn in flight ends on the canary', async () => {
    await admin.flushdb();
    mesh.route({ weights: { v1: 50, v2: 50 } });
    const switchesBefore = await metricSum(v1.url, 'ai_session_version_switches_total', {
      reason: 'version_left',
    });
    const load = new MultiTurnLoad({
      url: mesh.url,
      users: 20,
      apiKey: API_KEY,
      model: 'xiaoai',
      sessionPrefix: 'rollback',
    });
    load.start();
    await waitFor(() => load.turnsDone >= 60, { timeoutMs: 15_000, description: 'turns at weight 50' });

    // A conversation on v2 whose streamed turn is mid-answer when the rollback is written.
    const streamed = await ask(v2.url, { ...auth, 'x-session-id': 'streamed' });
    expect(streamed.headers.get('x-suoke-served-by')).toBe('v2');
    v2.stub.set({ tokenDelayMs: 100, reply: 'v2 answers slowly in many words' });
    const inFlight = await ask(mesh.url, { ...auth, 'x-session-id': 'streamed' }, true);
    const reader = (inFlight.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    mesh.route({ weights: { v1: 100, v2: 0 }, serving: ['v1'] });
    // Every user then takes two more turns: the first one after the change may have been sent before it.
    const at = new Map([...load.conversations].map(([session, turns]) => [session, turns.length + 2]));
    let text = new TextDecoder().decode(first.value);
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      text += new TextDecoder().decode(chunk.value);
    }
    v2.stub.set({ tokenDelayMs: 0, reply: 'v2 answers' });
    expect(inFlight.headers.get('x-suoke-served-by')).toBe('v2');
    expect(text).toContain('slowly');
    expect(text).toContain('[DONE]');
    await waitFor(
      () => [...at].every(([session, n]) => (load.conversations.get(session)?.length ?? 0) >= n),
      {
        timeoutMs: 15_000,
        description: 'two turns of every user after the rollback',
      },
    );
    await load.stop();

    let movedSessions = 0;
    for (const [session, runs] of load.versionRuns()) {
      if (runs[0] === 'v2') {
        expect({ session, runs }).toEqual({ session, runs: ['v2', 'v1'] });
        movedSessions += 1;
      } else expect({ session, runs }).toEqual({ session, runs: ['v1'] });
    }
    expect(movedSessions).toBeGreaterThan(0);
    expect(
      (await ask(mesh.url, { ...auth, 'x-session-id': 'streamed' })).headers.get('x-suoke-served-by'),
    ).toBe('v1');
    const switches = await metricSum(v1.url, 'ai_session_version_switches_total', { reason: 'version_left' });
    expect(switches - switchesBefore).toBe(movedSessions + 1);
  }, 30_000);

  it('forwards a turn at most once, even when its pin points elsewhere', async () => {
    await admin.flushdb();
    mesh.route({ weights: { v1: 50, v2: 50 } });
    await admin.set(pinKey('depth'), 'v2', 'EX', 600);
    const v2Calls = v2.stub.stats.chatCalls;
    // A forwarded turn pinned to v1 arriving at v1 is served there, whatever the pin says now.
    const here = await ask(v1.url, { ...auth, 'x-session-id': 'depth', 'x-suoke-session-version': 'v1' });
    expect(here.status).toBe(200);
    expect(here.headers.get('x-suoke-served-by')).toBe('v1');
    // Pinned to a version that left: served here too, never sent on.
    const left = await ask(v1.url, { ...auth, 'x-session-id': 'depth', 'x-suoke-session-version': 'v7' });
    expect(left.headers.get('x-suoke-served-by')).toBe('v1');
    expect(v2.stub.stats.chatCalls).toBe(v2Calls);
    expect(await admin.get(pinKey('depth'))).toBe('v2');

    // A turn from a client is forwarded once; the log says so, and names no content.
    const forwarded = await ask(v1.url, { ...auth, 'x-session-id': 'depth', 'x-request-id': 'depth-1' });
    expect(forwarded.headers.get('x-suoke-served-by')).toBe('v2');
    expect(await forwarded.text()).toContain('v2 answers');
    const line = await v1.process.waitForJson(
      (l) => l.msg === 'forwarded' && l.reqId === 'depth-1',
      5_000,
      'forwarded',
    );
    expect(line).toMatchObject({ to: 'v2', code: 200 });
    expect(JSON.stringify(line)).not.toContain('hello');
    await v2.process.waitForJson((l) => l.msg === 'request' && l.reqId === 'depth-1', 5_000, 'served on v2');
    expect(v1.process.jsonLines().some((l) => l.msg === 'request' && l.reqId === 'depth-1')).toBe(false);
  });

  it('serves a turn here when the pinned version answers with something that is not a runtime', async () => {
    // v3 still has its route but no endpoints: the mesh answers 503 itself (no x-suoke-served-by).
    mesh.route({ weights: { v1: 100 }, serving: ['v1', 'v3'] });
    await admin.set(pinKey('sidecar'), 'v3', 'EX', 600);
    const before = await metricSum(v1.url, 'ai_session_version_switches_total', {
      from: 'v3',
      reason: 'forward_failed',
    });
    const failedBefore = await metricSum(v1.url, 'ai_session_forwards_total', {
      to: 'v3',
      outcome: 'failed',
    });
    const response = await ask(mesh.url, { ...auth, 'x-session-id': 'sidecar' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-suoke-served-by')).toBe('v1');
    expect(await admin.get(pinKey('sidecar'))).toBe('v1');
    expect(
      (await metricSum(v1.url, 'ai_session_version_switches_total', {
        from: 'v3',
        reason: 'forward_failed',
      })) - before,
    ).toBe(1);
    expect(
      (await metricSum(v1.url, 'ai_session_forwards_total', { to: 'v3', outcome: 'failed' })) - failedBefore,
    ).toBe(1);
  });

  it('forwards a /v1/responses turn the same way', async () => {
    mesh.route({ weights: { v1: 50, v2: 50 } });
    await admin.set(pinKey('responses'), 'v2', 'EX', 600);
    const response = await fetch(`${v1.url}/v1/responses`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'x-session-id': 'responses' },
      body: JSON.stringify({ model: 'xiaoai', input: 'hello' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-suoke-served-by')).toBe('v2');
    const body = (await response.json()) as {
      object: string;
      output: Array<{ content: Array<{ text: string }> }>;
    };
    expect(body.object).toBe('response');
    expect(body.output[0]?.content[0]?.text).toContain('v2 answers');
  });

  it('forwards no unauthenticated turn, and the serving runtime authenticates a forwarded one', async () => {
    await admin.set(pinKey('auth'), 'v2', 'EX', 600);
    const hops = mesh.hops.length;
    const anonymous = await ask(v1.url, { 'x-session-id': 'auth' });
    expect(anonymous.status).toBe(401);
    const wrong = await ask(v1.url, { authorization: 'Bearer sk-wrong', 'x-session-id': 'auth' });
    expect(wrong.status).toBe(401);
    expect(mesh.hops.length).toBe(hops);
    // A forged forwarded turn straight at v2, without credentials.
    const forged = await ask(v2.url, { 'x-session-id': 'auth', 'x-suoke-session-version': 'v2' });
    expect(forged.status).toBe(401);
    expect(forged.headers.get('x-suoke-served-by')).toBe('v2');
  });

  it('ignores forged and stale pins, reassigning the session without a 5xx', async () => {
    mesh.route({ weights: { v1: 50, v2: 50 } });
    const invalidBefore =
      (await metricSum(v1.url, 'ai_session_version_switches_total', { reason: 'invalid_pin' })) +
      (await metricSum(v2.url, 'ai_session_version_switches_total', { reason: 'invalid_pin' }));
    await admin.set(pinKey('forged'), '../../etc/passwd', 'EX', 600);
    await admin.set(pinKey('gone'), 'v9', 'EX', 600);
    const forged = await ask(mesh.url, { ...auth, 'x-session-id': 'forged' });
    expect(forged.status).toBe(200);
    const forgedOn = forged.headers.get('x-suoke-served-by');
    expect(await admin.get(pinKey('forged'))).toBe(forgedOn);
    const invalidAfter =
      (await metricSum(v1.url, 'ai_session_version_switches_total', { reason: 'invalid_pin' })) +
      (await metricSum(v2.url, 'ai_session_version_switches_total', { reason: 'invalid_pin' }));
    expect(invalidAfter - invalidBefore).toBe(1);

    const gone = await ask(mesh.url, { ...auth, 'x-session-id': 'gone' });
    expect(gone.status).toBe(200);
    const goneOn = gone.headers.get('x-suoke-served-by') as string;
    expect(['v1', 'v2']).toContain(goneOn);
    expect(await admin.get(pinKey('gone'))).toBe(goneOn);
    // It stays there.
    for (let i = 0; i < 3; i++) {
      expect(
        (await ask(mesh.url, { ...auth, 'x-session-id': 'gone' })).headers.get('x-suoke-served-by'),
      ).toBe(goneOn);
    }
  });

  it('refuses a malformed session id (header or cookie) and a malformed forwarded version with 400', async () => {
    for (const [headers, code, param] of [
      [{ 'x-session-id': 'x'.repeat(129) }, 'invalid_session_id', 'X-Session-Id'],
      [{ 'x-session-id': 'bad id!' }, 'invalid_session_id', 'X-Session-Id'],
      [
        { 'x-session-id': 'ok', 'x-suoke-session-version': 'V2;drop' },
        'invalid_session_version',
        'x-suoke-session-version',
      ],
    ] as const) {
      const response = await ask(v1.url, { ...auth, ...headers });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string; param: string } }).error).toMatchObject({
        code,
        param,
      });
    }
    for (const value of ['y'.repeat(129), 'two%20words']) {
      const response = await ask(cookie.url, { ...auth, cookie: `theme=dark; suoke_session=${value}` });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string; param: string } }).error).toMatchObject({
        code: 'invalid_session_id',
        param: 'cookie suoke_session',
      });
    }
    const fine = await ask(cookie.url, { ...auth, cookie: 'theme=dark; suoke_session=chat-42' });
    expect(fine.status).toBe(200);
    expect(
      await admin.exists(
        `suoke:pin:xiaoai-cookie/xiaoai:${createHash('sha256').update(`${KEY_NAME}\nchat-42`).digest('hex')}`,
      ),
    ).toBe(1);
  });

  it('serves by the weights while Redis is down, with one warning per runtime', async () => {
    mesh.route({ weights: { v1: 50, v2: 50 } });
    await redis.stop();
    const seen = new Set<string>();
    for (let i = 0; i < 10; i++) {
      const response = await ask(mesh.url, { ...auth, 'x-session-id': `down-${i % 2}` });
      seen.add(response.headers.get('x-suoke-served-by') as string);
      // The history store needs Redis too and says so; affinity itself fails no turn.
      if (response.status !== 200) {
        expect(response.status).toBe(503);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
          'session_store_unavailable',
        );
      } else await response.text();
    }
    expect(mesh.hops.slice(-10).every((h) => h.pinned === undefined)).toBe(true);
    const noSession = await ask(mesh.url, { ...auth });
    expect(noSession.status).toBe(200);
    expect(seen).toEqual(new Set(['v1', 'v2']));
    for (const runtime of [v1, v2]) {
      const warnings = runtime.process
        .jsonLines()
        .filter((l) => String(l.msg).startsWith('session pins unavailable'));
      expect(warnings).toHaveLength(1);
      expect(await metricSum(runtime.url, 'ai_session_affinity_degraded_total')).toBeGreaterThanOrEqual(5);
    }
  });
});
