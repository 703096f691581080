/**
 * One API key's token budget spent through several runtime processes at once, all counting in one
 * real redis-server: concurrent requests on every replica overspend by at most one request's
 * tokens, and a process killed mid-request leaves no hold behind for longer than its deadline.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { holdDurationMs } from '../../runtime/chat-budget.js';
import { ManagedProcess } from '../e2e/harness/process.js';
import { RedisServer } from '../support/redis-server.js';
import { StubEngine } from '../support/stub-engine.js';
import { waitFor } from '../support/wait.js';
import { startRuntime } from './harness.js';

const TEAM_KEY = 'sk-team-4c9e1a7b3f5d';
const SOLO_KEY = 'sk-solo-8a2c4e6f1b3d';
const DAY_BUDGET = 300;
/** The stub engine counts one token per word: 2 prompt tokens here, 8 completion tokens. */
const TOKENS_PER_REQUEST = 10;
const REPLICAS = 3;
const WORKERS_PER_REPLICA = 6;
/** Small enough that a killed process's hold lapses soon after; see holdDurationMs. */
const DEADLINES = { ENGINE_REQUEST_DEADLINE_MS: 4_000, CLIENT_WRITE_TIMEOUT_MS: 1_000 };

const work = mkdtempSync(join(tmpdir(), 'suoke-budget-replicas-'));
const keysFile = join(work, 'api-keys');
writeFileSync(
  keysFile,
  `${TEAM_KEY} team tokens-per-day=${DAY_BUDGET}\n${SOLO_KEY} solo tokens-per-day=100\n`,
);

interface Replica {
  readonly process: ManagedProcess;
  readonly url: string;
}

async function startReplica(name: string, redisUrl: string, engineUrl: string): Promise<Replica> {
  const process = new ManagedProcess({
    name,
    script: 'runtime/main.ts',
    env: {
      HOST: '127.0.0.1',
      PORT: '0',
      MODEL: 'xiaoai',
      AGENT: 'xiaoai',
      MODEL_VERSION: 'v1',
      ENGINE_MODEL: 'stub-model',
      ENGINE_BASE_URL: engineUrl,
      ENGINE_MAX_RETRIES: '0',
      REDIS_MODE: 'standalone',
      REDIS_URL: redisUrl,
      API_KEYS_FILE: keysFile,
      CACHE_TTL_SECONDS: '0',
      ENGINE_REQUEST_DEADLINE_MS: String(DEADLINES.ENGINE_REQUEST_DEADLINE_MS),
      CLIENT_WRITE_TIMEOUT_MS: String(DEADLINES.CLIENT_WRITE_TIMEOUT_MS),
    },
  });
  const listening = await process.waitForJson((l) => l.msg === 'listening', 30_000, 'listening');
  const url = `http://127.0.0.1:${String(listening.port)}`;
  await process.waitForJson((l) => l.msg === 'redis ready', 10_000, 'redis ready');
  return { process, url };
}

interface Outcome {
  readonly status: number;
  readonly type?: string;
  readonly retryAfter: string | null;
  readonly reset: string | null;
}

async function ask(url: string, key: string, stream: boolean): Promise<Outcome> {
  const response = await fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'xiaoai',
      messages: [{ role: 'user', content: 'hello budget' }],
      max_tokens: 8,
      stream,
    }),
  });
  const text = await response.text();
  const type =
    response.status === 200 ? undefined : (JSON.parse(text) as { error: { type: string } }).error.type;
  return {
    status: response.status,
    ...(type === undefined ? {} : { type }),
    retryAfter: response.headers.get('retry-after'),
    reset: response.headers.get('x-budget-reset'),
  };
}

describe('a token budget shared by runtime processes', () => {
  let redis: RedisServer;
  let stub: StubEngine;
  let admin: Redis;
  let replicas: Replica[] = [];

  beforeAll(async () => {
    redis = await RedisServer.start();
    stub = await StubEngine.start({ tokens: 8, tokenDelayMs: 2 });
    admin = new Redis(redis.url);
    replicas = await Promise.all(
      Array.from({ length: REPLICAS }, (_, i) => startReplica(`runtime ${i + 1}`, redis.url, stub.baseUrl)),
    );
  }, 60_000);
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.process.stop()));
    admin.disconnect();
    await stub.close();
    await redis.dispose();
    rmSync(work, { recursive: true, force: true });
  });

  it('overspends by at most one request, however many requests race on however many replicas', async () => {
    const outcomes: Outcome[] = [];
    // Every worker keeps asking until told the budget is spent; a hold in the way is retried.
    const worker = async (url: string, stream: boolean): Promise<void> => {
      for (let attempt = 0; attempt < 2_000; attempt++) {
        const outcome = await ask(url, TEAM_KEY, stream);
        outcomes.push(outcome);
        if (outcome.status === 429 && outcome.type === 'insufficient_quota') return;
        if (outcome.status !== 200 && outcome.status !== 429) throw new Error(`unexpected ${outcome.status}`);
      }
      throw new Error('the budget was never spent');
    };
    await Promise.all(
      replicas.flatMap((replica) =>
        Array.from({ length: WORKERS_PER_REPLICA }, (_, i) => worker(replica.url, i % 2 === 1)),
      ),
    );

    const engineTokens = stub.stats.completed * TOKENS_PER_REQUEST;
    expect(stub.stats.completed).toBe(outcomes.filter((o) => o.status === 200).length);
    expect(engineTokens).toBeGreaterThanOrEqual(DAY_BUDGET);
    expect(engineTokens).toBeLessThanOrEqual(DAY_BUDGET + TOKENS_PER_REQUEST);
    // Counted exactly: what Redis holds for the day is what the engine reported.
    const day = new Date().toISOString().slice(0, 10);
    expect(Number(await admin.get(`suoke:budget:{xiaoai/xiaoai:team}:day:${day}`))).toBe(engineTokens);
    expect(await admin.hlen('suoke:budget:{xiaoai/xiaoai:team}:holds')).toBe(0);
    // The race was real: requests were turned away while others held the rest of the budget.
    expect(outcomes.some((o) => o.status === 429 && o.type === 'tokens')).toBe(true);

    const spent = outcomes.filter((o) => o.type === 'insufficient_quota');
    expect(spent).toHaveLength(REPLICAS * WORKERS_PER_REPLICA);
    const midnight = new Date(new Date().setUTCHours(24, 0, 0, 0));
    for (const refusal of spent) {
      expect(refusal.reset).toBe(midnight.toISOString());
      const seconds = (midnight.getTime() - Date.now()) / 1000;
      expect(Number(refusal.retryAfter)).toBeGreaterThanOrEqual(Math.floor(seconds) - 60);
      expect(Number(refusal.retryAfter)).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
    }
    for (const replica of replicas) {
      const metrics = await (await fetch(`${replica.url}/metrics`)).text();
      expect(metrics).toMatch(/ai_budget_exceeded_total\{[^}]*key="team"[^}]*\} [1-9]/);
      expect(metrics).not.toContain(TEAM_KEY);
      expect(replica.process.lines.join('\n')).not.toContain(TEAM_KEY);
    }
  });

  it("lets the hold of a process killed mid-request lapse at its deadline, not keep the key's budget", async () => {
    const [doomed] = replicas as [Replica];
    // The engine hangs after its first token: the request stays in flight until its process dies.
    stub.reset({ stallAfter: 1 });
    const answer = await fetch(`${doomed.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SOLO_KEY}`, 'content-type': 'application/json' },
      // max_tokens 100: the hold alone is the key's whole budget.
      body: JSON.stringify({
        model: 'xiaoai',
        messages: [{ role: 'user', content: 'hello budget' }],
        max_tokens: 100,
        stream: true,
      }),
    });
    await answer.body!.getReader().read();
    await doomed.process.kill();
    stub.reset();

    // A replica whose clock the test sets, counting in the same Redis for the same model.
    let now = Date.now();
    const survivor = await startRuntime(
      {
        ENGINE_BASE_URL: stub.baseUrl,
        REDIS_MODE: 'standalone',
        REDIS_URL: redis.url,
        API_KEYS_FILE: keysFile,
        ...Object.fromEntries(Object.entries(DEADLINES).map(([k, v]) => [k, String(v)])),
      },
      { now: () => now },
    );
    try {
      await waitFor(() => survivor.runtime.redis?.status === 'ready', { description: 'redis' });
      const held = await ask(survivor.url, SOLO_KEY, false);
      expect([held.status, held.type]).toEqual([429, 'tokens']);
      now += holdDurationMs(survivor.config) + 1_000;
      const admitted = await ask(survivor.url, SOLO_KEY, false);
      expect(admitted.status).toBe(200);
    } finally {
      await survivor.close();
    }
  });
});
