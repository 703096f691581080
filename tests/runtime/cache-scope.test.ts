import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { ResponseCache, type CacheScope } from '../../runtime/cache.js';
import { RedisServer } from '../support/redis-server.js';
import { StubEngine } from '../support/stub-engine.js';
import { waitFor } from '../support/wait.js';
import { startRuntime, type TestRuntime } from './harness.js';

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
const question = {
  model: 'xiaoai',
  temperature: 0,
  messages: [{ role: 'user' as const, content: 'Is 160/100 blood pressure dangerous?' }],
};

describe('ResponseCache.key: who shares an entry', () => {
  const redis = new Redis({ lazyConnect: true });
  afterAll(() => redis.disconnect());
  const request = { messages: [{ role: 'user', content: 'q' }], params: { temperature: 0 } };
  const keyOf = (scope: CacheScope, principal: { id: string; tenant?: string }): string =>
    new ResponseCache(redis, { model: 'xiaoai', version: 'v1', scope }).key(principal, request);

  const cases: [
    string,
    CacheScope,
    { id: string; tenant?: string },
    { id: string; tenant?: string },
    boolean,
  ][] = [
    ['principal: one caller, one entry', 'principal', { id: 'alice' }, { id: 'alice' }, true],
    [
      'principal: two callers of one tenant apart',
      'principal',
      { id: 'a', tenant: 't' },
      { id: 'b', tenant: 't' },
      false,
    ],
    [
      'tenant: two callers of one tenant share',
      'tenant',
      { id: 'a', tenant: 't' },
      { id: 'b', tenant: 't' },
      true,
    ],
    ['tenant: two tenants apart', 'tenant', { id: 'a', tenant: 't1' }, { id: 'a', tenant: 't2' }, false],
    ['tenant: a caller without a tenant is its own', 'tenant', { id: 'a' }, { id: 'b' }, false],
    [
      'tenant: a tenant named like a caller is not that caller',
      'tenant',
      { id: 'x', tenant: 'alice' },
      { id: 'alice' },
      false,
    ],
  ];
  it.each(cases)('%s', (_name, scope, first, second, shared) => {
    expect(keyOf(scope, first) === keyOf(scope, second)).toBe(shared);
  });

  it('puts a digest in the key, never the caller', () => {
    expect(keyOf('principal', { id: 'jwt:clinic/patient-7' })).toMatch(
      /^suoke:cache:xiaoai:v1:[0-9a-f]{64}$/,
    );
  });
});

describe('response cache scope with a real redis-server', () => {
  let redis: RedisServer;
  let stub: StubEngine;
  let admin: Redis;
  let perPrincipal: TestRuntime;
  let perTenant: TestRuntime;
  let privateKey: SigningKey;

  const token = (subject: string, org: string) =>
    new SignJWT({ org })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer('https://auth.suoke.life')
      .setAudience('xiaoai')
      .setSubject(subject)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);

  beforeAll(async () => {
    redis = await RedisServer.start();
    stub = await StubEngine.start();
    admin = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await admin.connect();
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    const dir = mkdtempSync(join(tmpdir(), 'runtime-cache-scope-'));
    writeFileSync(join(dir, 'keys'), 'sk-alice-secret alice\nsk-bob-secret bob\n');
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    writeFileSync(join(dir, 'jwks.json'), JSON.stringify({ keys: [jwk] }));
    const env = {
      ENGINE_BASE_URL: stub.baseUrl,
      REDIS_MODE: 'standalone',
      REDIS_URL: redis.url,
      API_KEYS_FILE: join(dir, 'keys'),
      JWT_JWKS_FILE: join(dir, 'jwks.json'),
      JWT_ISSUER: 'https://auth.suoke.life',
      JWT_AUDIENCE: 'xiaoai',
      JWT_TENANT_CLAIM: 'org',
    };
    perPrincipal = await startRuntime(env);
    perTenant = await startRuntime({ ...env, CACHE_SCOPE: 'tenant' });
    await waitFor(
      () => perPrincipal.runtime.redis?.status === 'ready' && perTenant.runtime.redis?.status === 'ready',
      { description: 'both runtimes to connect to redis' },
    );
  });
  afterAll(async () => {
    await perPrincipal.close();
    await perTenant.close();
    admin.disconnect();
    await stub.close();
    await redis.dispose();
  });
  beforeEach(async () => {
    stub.reset();
    await admin.flushall();
  });

  async function cacheResult(
    rt: TestRuntime,
    credential: string,
    body: object = question,
  ): Promise<string | null> {
    const { response } = await rt
      .client(credential)
      .chat.completions.create(body as typeof question)
      .withResponse();
    return response.headers.get('x-cache');
  }

  it("never answers one caller from another's cached answer, and keeps only digests in Redis", async () => {
    expect(await cacheResult(perPrincipal, 'sk-alice-secret')).toBe('miss');
    expect(await cacheResult(perPrincipal, 'sk-bob-secret')).toBe('miss');
    expect(await cacheResult(perPrincipal, 'sk-alice-secret')).toBe('hit');
    expect(await cacheResult(perPrincipal, 'sk-bob-secret')).toBe('hit');
    expect(stub.stats.chatCalls).toBe(2);
    const keys = await admin.keys('suoke:cache:*');
    expect(keys).toHaveLength(2);
    for (const key of keys) expect(key).toMatch(/^suoke:cache:xiaoai:v1:[0-9a-f]{64}$/);
  });

  it("keeps a caller's end users (the request's `user`) apart too", async () => {
    const forPatient = (user: string) => ({ ...question, user });
    expect(await cacheResult(perPrincipal, 'sk-alice-secret', forPatient('patient-1'))).toBe('miss');
    expect(await cacheResult(perPrincipal, 'sk-alice-secret', forPatient('patient-2'))).toBe('miss');
    expect(await cacheResult(perPrincipal, 'sk-alice-secret', forPatient('patient-1'))).toBe('hit');
    expect(stub.stats.chatCalls).toBe(2);
  });

  it('keeps two subjects of one tenant apart by default', async () => {
    expect(await cacheResult(perPrincipal, await token('doctor-1', 'clinic-a'))).toBe('miss');
    expect(await cacheResult(perPrincipal, await token('doctor-2', 'clinic-a'))).toBe('miss');
    expect(stub.stats.chatCalls).toBe(2);
  });

  it('with CACHE_SCOPE=tenant, shares answers within a tenant and never across', async () => {
    expect(await cacheResult(perTenant, await token('doctor-1', 'clinic-a'))).toBe('miss');
    expect(await cacheResult(perTenant, await token('doctor-2', 'clinic-a'))).toBe('hit');
    expect(await cacheResult(perTenant, await token('doctor-3', 'clinic-b'))).toBe('miss');
    // An API key carries no tenant: it shares with no one.
    expect(await cacheResult(perTenant, 'sk-alice-secret')).toBe('miss');
    expect(await cacheResult(perTenant, 'sk-bob-secret')).toBe('miss');
    expect(stub.stats.chatCalls).toBe(4);
  });
});
