import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Chart } from 'cdk8s';
import { Redis as RedisClient } from 'ioredis';
import { Redis, type RedisProps } from '../../charts-ts/constructs/redis.js';
import { loadConfig } from '../../runtime/config.js';
import { freePort } from '../support/net.js';
import { waitFor } from '../support/wait.js';
import { find } from './support/platform.js';
import type { K8sObject } from './support/validate.js';

function render(props: Partial<RedisProps> = {}): { objects: K8sObject[]; redis: Redis } {
  const chart = new Chart(new App(), 'c');
  const redis = new Redis(chart, 'redis', {
    namespace: 'suoke-ai',
    passwordSecret: { name: 'suoke-redis' },
    ...props,
  });
  return { objects: chart.toJson() as K8sObject[], redis };
}

describe('Redis in the cluster', () => {
  const { objects, redis } = render();
  const sts = find(objects, 'StatefulSet', 'suoke-redis', 'suoke-ai');
  const [server, exporter] = sts.spec.template.spec.containers;

  it('persists data on a volume claimed per pod, kept when the StatefulSet goes', () => {
    expect(sts.spec.volumeClaimTemplates).toEqual([
      expect.objectContaining({
        metadata: expect.objectContaining({ name: 'data' }),
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '8Gi' } } },
      }),
    ]);
    expect(server.volumeMounts).toContainEqual({ name: 'data', mountPath: '/data' });
    expect(sts.spec.persistentVolumeClaimRetentionPolicy).toEqual({
      whenDeleted: 'Retain',
      whenScaled: 'Retain',
    });
    expect(sts.spec.serviceName).toBe('suoke-redis-headless');
    expect(find(objects, 'Service', 'suoke-redis-headless').spec.clusterIP).toBe('None');
  });

  it('takes its password from the Secret only: nothing secret is in the manifests', () => {
    const fromSecret = { secretKeyRef: { name: 'suoke-redis', key: 'password' } };
    for (const container of [server, exporter]) {
      const env = container.env as { name: string; value?: string; valueFrom?: unknown }[];
      const secretEnv = env.filter((x) => /PASSWORD|AUTH/.test(x.name));
      expect([container.name, secretEnv.length > 0]).toEqual([container.name, true]);
      for (const e of secretEnv) {
        expect([e.name, e.value, e.valueFrom]).toEqual([e.name, undefined, fromSecret]);
      }
    }
    expect(server.args).toEqual(expect.arrayContaining(['--requirepass', '$(REDIS_PASSWORD)']));
  });

  it('hands the runtime its connection settings and the Secret to mount', () => {
    expect(redis.connection).toEqual({
      env: { REDIS_MODE: 'standalone', REDIS_URL: 'redis://suoke-redis.suoke-ai.svc:6379' },
      passwordSecret: { name: 'suoke-redis', key: 'password' },
    });
    const service = find(objects, 'Service', 'suoke-redis');
    expect(service.spec.ports.map((p: { name: string; port: number }) => [p.name, p.port])).toEqual([
      ['tcp-redis', 6379],
      ['http-metrics', 9121],
    ]);
  });

  describe('runs as rendered with the real redis-server', () => {
    const password = 'correct horse battery staple';
    const dir = mkdtempSync(join(tmpdir(), 'suoke-redis-data-'));
    let port: number;
    let child: ChildProcess | undefined;

    /** Starts redis-server with the StatefulSet's args, expanded the way the kubelet expands $(VAR). */
    async function start(): Promise<void> {
      port = port ?? (await freePort());
      const args = (server.args as string[]).map((a) =>
        a === '$(REDIS_PASSWORD)' ? password : a === '/data' ? dir : a === '6379' ? String(port) : a,
      );
      child = spawn(server.command[0], [...args, '--bind', '127.0.0.1'], { stdio: 'ignore' });
      await waitFor(() => probe(password).then((code) => code === 0), { description: 'redis-server ready' });
    }

    async function stop(): Promise<void> {
      const c = child;
      if (c === undefined || c.exitCode !== null) return;
      const exited = new Promise((resolve) => c.once('exit', resolve));
      c.kill('SIGTERM');
      await exited;
    }

    /** Runs the rendered readiness probe; REDISCLI_AUTH is what the pod's env gives it. */
    async function probe(auth: string | undefined): Promise<number | null> {
      const command = (server.readinessProbe.exec.command as string[]).map((a) =>
        a.replace('-p 6379', `-p ${port}`),
      );
      const env = {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        ...(auth === undefined ? {} : { REDISCLI_AUTH: auth }),
      };
      return new Promise((resolve, reject) => {
        const p = spawn(command[0]!, command.slice(1), { env, stdio: 'ignore' });
        p.once('error', reject);
        p.once('close', resolve);
      });
    }

    beforeAll(start);
    afterAll(async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('refuses clients without the password, and the readiness probe authenticates', async () => {
      // Raw RESP over a socket: a client library would retry and hide the first answer.
      const reply = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.write('GET k\r\n'));
        socket.setEncoding('utf8').once('data', (data: string) => {
          socket.destroy();
          resolve(data);
        });
        socket.once('error', reject);
      });
      expect(reply).toMatch(/^-NOAUTH/);
      expect(await probe(undefined)).not.toBe(0);
      expect(await probe(password)).toBe(0);
    });

    it('keeps what was written across a restart (append-only file on the data volume)', async () => {
      const client = new RedisClient({
        port,
        host: '127.0.0.1',
        password,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      await client.set('session:42', 'kept');
      client.disconnect();
      await stop();
      await start();
      const again = new RedisClient({
        port,
        host: '127.0.0.1',
        password,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      expect(await again.get('session:42')).toBe('kept');
      again.disconnect();
    });
  });
});

describe('External Redis', () => {
  it.each([
    [
      { mode: 'external', topology: 'standalone', url: 'rediss://redis.example.com:6380' },
      { REDIS_MODE: 'standalone', REDIS_URL: 'rediss://redis.example.com:6380' },
    ],
    [
      {
        mode: 'external',
        topology: 'sentinel',
        sentinels: ['s1.example:26379', 's2.example:26379'],
        sentinelName: 'agents',
      },
      {
        REDIS_MODE: 'sentinel',
        REDIS_SENTINELS: 's1.example:26379,s2.example:26379',
        REDIS_SENTINEL_NAME: 'agents',
      },
    ],
    [
      { mode: 'external', topology: 'cluster', clusterNodes: ['c1.example:6379', 'c2.example:6379'] },
      { REDIS_MODE: 'cluster', REDIS_CLUSTER_NODES: 'c1.example:6379,c2.example:6379' },
    ],
  ] as const)('%j renders nothing and hands over %j', (redisConfig, env) => {
    const { objects, redis } = render({ redis: redisConfig as RedisProps['redis'] });
    expect(objects).toEqual([]);
    expect(redis.inCluster).toBe(false);
    expect(redis.connection).toEqual({ env, passwordSecret: { name: 'suoke-redis', key: 'password' } });
  });

  it.each([
    ['in-cluster', { mode: 'in-cluster' }, 'standalone'],
    [
      'standalone',
      { mode: 'external', topology: 'standalone', url: 'rediss://redis.example.com:6380' },
      'standalone',
    ],
    [
      'sentinel',
      { mode: 'external', topology: 'sentinel', sentinels: ['s1.example:26379'], sentinelName: 'agents' },
      'sentinel',
    ],
    ['cluster', { mode: 'external', topology: 'cluster', clusterNodes: ['c1.example:6379'] }, 'cluster'],
  ] as const)('%s: the runtime accepts the connection settings it is handed', (_n, redisConfig, mode) => {
    const { redis } = render({ redis: redisConfig as RedisProps['redis'] });
    const config = loadConfig(
      {
        AGENT: 'xiaoai',
        MODEL: 'xiaoai-conversation-llm',
        MODEL_VERSION: 'v1',
        ENGINE_BASE_URL: 'http://127.0.0.1:8001/v1',
        ENGINE_MODEL: 'xiaoai',
        ...redis.connection.env,
        REDIS_PASSWORD_FILE: '/etc/agent/redis/password',
      },
      (path) => (path === '/etc/agent/redis/password' ? 'from-the-secret' : ''),
    );
    expect(config.redis).toMatchObject({ mode, password: 'from-the-secret' });
  });

  it.each([
    [{ topology: 'standalone' }, /redis.url '' must be a redis:\/\/ or rediss:\/\/ URL/],
    [
      { topology: 'standalone', url: 'redis://user:hunter2@r.example:6379' },
      /must not contain a password: put it in the Secret/,
    ],
    [{ topology: 'sentinel', sentinels: ['s:26379'] }, /redis.sentinelName must name the master group/],
    [
      { topology: 'sentinel', sentinels: [], sentinelName: 'm' },
      /redis.sentinels must list at least one host:port/,
    ],
    [
      { topology: 'cluster', clusterNodes: ['c1.example'] },
      /redis.clusterNodes entry 'c1.example' must be host:port/,
    ],
    [{ topology: 'replicated' }, /redis.topology 'replicated' must be standalone, sentinel or cluster/],
  ])('refuses %j', (partial, message) => {
    expect(() => render({ redis: { mode: 'external', ...partial } as never })).toThrow(message);
  });

  it('refuses an unpinned image and a storage size that is no size', () => {
    expect(() => render({ redis: { mode: 'in-cluster', image: 'redis:latest' } })).toThrow(
      /redis.image 'redis:latest' uses ':latest'; it must pin a version/,
    );
    expect(() => render({ redis: { mode: 'in-cluster', storage: 'big' } })).toThrow(
      /redis.storage 'big' must be a size/,
    );
  });
});
