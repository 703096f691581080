import { RedisServer } from '../support/redis-server.js';
import { StubEngine } from '../support/stub-engine.js';
import { waitFor } from '../support/wait.js';
import { loadConfig } from '../../runtime/config.js';
import { createRedisClient } from '../../runtime/redis.js';
import { startRuntime } from './harness.js';

const user = (content: string) => ({ role: 'user' as const, content });

/** Two turns in one session; the second must reach the engine with the first turn as history. */
async function sessionRoundTrip(env: Record<string, string>, stub: StubEngine): Promise<void> {
  const rt = await startRuntime({ ENGINE_BASE_URL: stub.baseUrl, ...env });
  try {
    await waitFor(() => rt.runtime.redis?.status === 'ready', {
      timeoutMs: 15_000,
      description: 'the redis client to be ready',
    });
    const headers = { 'X-Session-Id': 'modes' };
    stub.set({ reply: 'first answer' });
    await rt.client().chat.completions.create({ model: 'xiaoai', messages: [user('one')] }, { headers });
    await rt.client().chat.completions.create({ model: 'xiaoai', messages: [user('two')] }, { headers });
    expect(stub.lastRequest?.body.messages).toEqual([
      user('one'),
      { role: 'assistant', content: 'first answer' },
      user('two'),
    ]);
    const ready = await (await fetch(`${rt.url}/readyz`)).json();
    expect(ready).toEqual({ status: 'ready', checks: { engine: 'ok', redis: 'ok' } });
  } finally {
    await rt.close();
  }
}

describe('runtime Redis modes against real redis-server processes', () => {
  let stub: StubEngine;
  beforeAll(async () => {
    stub = await StubEngine.start();
  });
  afterAll(async () => stub.close());

  it('REDIS_MODE=sentinel finds the primary through a real Sentinel', async () => {
    const primary = await RedisServer.start();
    const s = await RedisServer.start({ extraArgs: ['--sentinel'] });
    try {
      // The primary's port is known only now, so the Sentinel learns it at run time.
      expect(await s.command(`SENTINEL MONITOR suoke 127.0.0.1 ${primary.port} 1`)).toBe('+OK');
      await sessionRoundTrip(
        { REDIS_MODE: 'sentinel', REDIS_SENTINELS: `127.0.0.1:${s.port}`, REDIS_SENTINEL_NAME: 'suoke' },
        stub,
      );
    } finally {
      await s.dispose();
      await primary.dispose();
    }
  });

  it('REDIS_MODE=cluster works against a real (single-node) Redis Cluster', async () => {
    // A lone node does not learn its own address from peers, so it announces it explicitly.
    const node = await RedisServer.start({
      extraArgs: ['--cluster-enabled', 'yes', '--cluster-announce-ip', '127.0.0.1'],
    });
    try {
      expect(await node.command('CLUSTER ADDSLOTSRANGE 0 16383')).toBe('+OK');
      await waitFor(async () => (await node.command('SET suoke:probe 1')) === '+OK', {
        description: 'the cluster to serve its slots',
      });
      await sessionRoundTrip({ REDIS_MODE: 'cluster', REDIS_CLUSTER_NODES: `127.0.0.1:${node.port}` }, stub);
    } finally {
      await node.dispose();
    }
  });
});

describe('REDIS_COMMAND_TIMEOUT_MS against a hung redis-server (SIGSTOP)', () => {
  it('fails a command that waits longer, and lets a longer timeout wait for the server to come back', async () => {
    const server = await RedisServer.start();
    const client = (timeout: string) =>
      createRedisClient(
        loadConfig({
          MODEL: 'xiaoai',
          ENGINE_BASE_URL: 'http://127.0.0.1:8001/v1',
          REDIS_MODE: 'standalone',
          REDIS_URL: server.url,
          REDIS_COMMAND_TIMEOUT_MS: timeout,
        }).redis,
      )!;
    const patient = client('60000');
    const hasty = client('600');
    try {
      await waitFor(() => patient.status === 'ready' && hasty.status === 'ready', {
        description: 'both clients to connect',
      });
      await server.pause();
      const waiting = patient.get('k');
      // Issued after `waiting`: once it has failed, `waiting` has waited longer than the default 500 ms.
      await expect(hasty.get('k')).rejects.toThrow(/timed out/i);
      await server.resume();
      await expect(waiting).resolves.toBeNull();
    } finally {
      await server.resume();
      patient.disconnect();
      hasty.disconnect();
      await server.dispose();
    }
  });
});
