import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import OpenAI from 'openai';
import { API_KEYS_RECHECK_MS, parseApiKeys } from '../../runtime/auth.js';
import { RedisServer } from '../support/redis-server.js';
import { StubEngine } from '../support/stub-engine.js';
import { waitFor } from '../support/wait.js';
import { startRuntime, type TestRuntime } from './harness.js';

type ApiErr = InstanceType<typeof OpenAI.APIError>;
type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
const ask = { model: 'xiaoai', messages: [{ role: 'user' as const, content: 'hi' }] };
const failure = (p: Promise<unknown>): Promise<ApiErr> =>
  p.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (e: unknown) => e as ApiErr,
  );

describe('runtime auth: API keys from a mounted file, JWTs from a JWKS', () => {
  let stub: StubEngine;
  let redis: RedisServer;
  let rt: TestRuntime;
  let privateKey: SigningKey;
  let otherKey: SigningKey;
  const hashedKey = 'sk-hashed-key-for-soer';

  const token = (claims: Record<string, unknown>, key = privateKey, expires = '5m') =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer('https://auth.suoke.life')
      .setAudience('xiaoai')
      .setSubject('user-42')
      .setIssuedAt()
      .setExpirationTime(expires)
      .sign(key);

  beforeAll(async () => {
    stub = await StubEngine.start();
    redis = await RedisServer.start();
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    otherKey = (await generateKeyPair('ES256')).privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    const dir = mkdtempSync(join(tmpdir(), 'runtime-auth-'));
    const digest = createHash('sha256').update(hashedKey).digest('hex');
    writeFileSync(join(dir, 'keys'), `# agent keys\nsk-plain-key-for-xiaoke xiaoke\nsha256:${digest} soer\n`);
    writeFileSync(join(dir, 'jwks.json'), JSON.stringify({ keys: [jwk] }));
    rt = await startRuntime({
      ENGINE_BASE_URL: stub.baseUrl,
      API_KEYS_FILE: join(dir, 'keys'),
      JWT_JWKS_FILE: join(dir, 'jwks.json'),
      JWT_ISSUER: 'https://auth.suoke.life',
      JWT_AUDIENCE: 'xiaoai',
      JWT_REQUIRED_SCOPE: 'inference',
      REDIS_MODE: 'standalone',
      REDIS_URL: redis.url,
    });
    await waitFor(() => rt.runtime.redis?.status === 'ready', { description: 'redis connection' });
  });
  afterAll(async () => {
    await rt.close();
    await stub.close();
    await redis.dispose();
  });

  it('answers 401 in the OpenAI shape without credentials', async () => {
    const response = await fetch(`${rt.url}/v1/chat/completions`, {
      method: 'POST',
      body: JSON.stringify(ask),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await response.json()).toEqual({
      error: {
        message: expect.stringContaining('Authorization: Bearer'),
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_api_key',
      },
    });
    expect(stub.stats.chatCalls).toBe(0);
  });

  it('answers 401 to a wrong key, through the official client too', async () => {
    const error = await failure(rt.client('sk-wrong').chat.completions.create(ask));
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(error.code).toBe('invalid_api_key');
    expect(await failure(rt.client('sk-wrong').models.list())).toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it('accepts plain and sha256-hashed keys from API_KEYS_FILE', async () => {
    await expect(rt.client('sk-plain-key-for-xiaoke').chat.completions.create(ask)).resolves.toBeDefined();
    await expect(rt.client(hashedKey).chat.completions.create(ask)).resolves.toBeDefined();
    const principals = rt.logs.requests().map((l) => l.principal);
    expect(principals.slice(-2)).toEqual(['xiaoke', 'soer']);
    expect(rt.logs.raw.join('\n')).not.toContain('sk-plain-key-for-xiaoke');
  });

  it('accepts a valid JWT carrying the required scope', async () => {
    const jwt = await token({ scope: 'inference profile' });
    await expect(rt.client(jwt).chat.completions.create(ask)).resolves.toBeDefined();
    expect(rt.logs.requests().at(-1)?.principal).toBe('jwt:user-42');
  });

  it.each([
    ['signed by an unknown key', () => token({ scope: 'inference' }, otherKey)],
    [
      'expired',
      () => token({ scope: 'inference', exp: Math.floor(Date.now() / 1000) - 60 }, undefined, '-1m'),
    ],
    [
      'for another audience',
      () =>
        new SignJWT({ scope: 'inference' })
          .setProtectedHeader({ alg: 'ES256' })
          .setAudience('laoke')
          .setIssuer('https://auth.suoke.life')
          .setExpirationTime('5m')
          .sign(privateKey),
    ],
  ])('answers 401 to a JWT %s', async (_name, make) => {
    const error = await failure(rt.client(await make()).chat.completions.create(ask));
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it('answers 403 to a valid JWT without the required scope', async () => {
    const error = await failure(rt.client(await token({ scope: 'profile' })).chat.completions.create(ask));
    expect(error).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect(error.code).toBe('insufficient_permissions');
  });

  it('keeps sessions apart per caller: the same session id is a different conversation', async () => {
    const headers = { 'X-Session-Id': 'shared-id' };
    stub.set({ reply: 'secret for xiaoke' });
    await rt.client('sk-plain-key-for-xiaoke').chat.completions.create(ask, { headers });
    stub.set({ reply: 'hello soer' });
    await rt.client(hashedKey).chat.completions.create(ask, { headers });
    expect(stub.lastRequest?.body.messages).toEqual([{ role: 'user', content: 'hi' }]);
  });

  it('leaves /healthz, /readyz and /metrics open for kubelet and Prometheus', async () => {
    for (const path of ['/healthz', '/readyz', '/metrics']) {
      expect((await fetch(`${rt.url}${path}`)).status).toBe(200);
    }
  });
});

describe('runtime auth: JWKS from JWT_JWKS_URL', () => {
  it('verifies tokens against a key set served over HTTP', async () => {
    const pair = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'remote', alg: 'RS256', use: 'sig' };
    let fetches = 0;
    const jwksServer = createServer((_req, res) => {
      fetches += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', () => resolve()));
    const stub = await StubEngine.start();
    const rt = await startRuntime({
      ENGINE_BASE_URL: stub.baseUrl,
      JWT_JWKS_URL: `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/.well-known/jwks.json`,
    });
    try {
      const jwt = await new SignJWT({})
        .setProtectedHeader({ alg: 'RS256', kid: 'remote' })
        .setSubject('ci')
        .setExpirationTime('5m')
        .sign(pair.privateKey);
      await expect(rt.client(jwt).chat.completions.create(ask)).resolves.toBeDefined();
      await expect(rt.client(jwt).chat.completions.create(ask)).resolves.toBeDefined();
      expect(fetches).toBe(1); // the key set is cached, not fetched per request
      expect(await failure(rt.client('not-a-jwt').chat.completions.create(ask))).toBeInstanceOf(
        OpenAI.AuthenticationError,
      );
    } finally {
      await rt.close();
      await stub.close();
      jwksServer.closeAllConnections();
      await new Promise((resolve) => jwksServer.close(resolve));
    }
  });
});

describe('runtime auth: rotated API keys', () => {
  it('picks up a rotated keys file within API_KEYS_RECHECK_MS, and keeps the old keys if the new file is broken', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'runtime-rotate-'));
    const file = join(dir, 'keys');
    writeFileSync(file, 'sk-old\n');
    let now = 1_000_000;
    const stub = await StubEngine.start();
    const rt = await startRuntime({ ENGINE_BASE_URL: stub.baseUrl, API_KEYS_FILE: file }, { now: () => now });
    try {
      await expect(rt.client('sk-old').chat.completions.create(ask)).resolves.toBeDefined();
      writeFileSync(file, 'sk-new\n');
      utimesSync(file, new Date(), new Date(Date.now() + 5_000)); // a distinct mtime, as a Secret swap gives
      // Not yet: the file is checked at most every API_KEYS_RECHECK_MS.
      expect(await failure(rt.client('sk-new').chat.completions.create(ask))).toBeInstanceOf(
        OpenAI.AuthenticationError,
      );
      now += API_KEYS_RECHECK_MS;
      await expect(rt.client('sk-new').chat.completions.create(ask)).resolves.toBeDefined();
      expect(await failure(rt.client('sk-old').chat.completions.create(ask))).toBeInstanceOf(
        OpenAI.AuthenticationError,
      );
      writeFileSync(file, 'sha256:broken\n');
      utimesSync(file, new Date(), new Date(Date.now() + 10_000));
      now += API_KEYS_RECHECK_MS;
      await expect(rt.client('sk-new').chat.completions.create(ask)).resolves.toBeDefined();
    } finally {
      await rt.close();
      await stub.close();
    }
  });
});

describe('parseApiKeys', () => {
  it('keeps only digests and names keys by their digest when unnamed', () => {
    const [key] = parseApiKeys('sk-abc\n');
    expect(key?.name).toBe(`key-${createHash('sha256').update('sk-abc').digest('hex').slice(0, 12)}`);
    expect(key?.digest.equals(createHash('sha256').update('sk-abc').digest())).toBe(true);
  });
  it.each([
    ['an empty file', '# nothing\n\n', /holds no keys/],
    ['a bad digest', 'sha256:abc\n', /line 1: 'sha256:' must be followed by 64 hex digits/],
    ['extra words', 'key name extra\n', /line 1: expected/],
  ])('refuses %s naming the line', (_name, text, message) => {
    expect(() => parseApiKeys(text)).toThrow(message);
  });
});
