import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { SignJWT, UnsecuredJWT, exportJWK, exportSPKI, generateKeyPair, importJWK, type JWK } from 'jose';
import OpenAI from 'openai';
import { API_KEYS_RECHECK_MS, Authenticator, parseApiKeys, type Principal } from '../../runtime/auth.js';
import { ConfigError, loadConfig } from '../../runtime/config.js';
import { ApiError } from '../../runtime/errors.js';
import { MAX_CLAIM_VALUE_LENGTH, algorithmsOf, scopedId } from '../../runtime/jwt-verifier.js';
import { RedisServer } from '../support/redis-server.js';
import { StubEngine } from '../support/stub-engine.js';
import { waitFor } from '../support/wait.js';
import { BASE_ENV, startRuntime, type TestRuntime } from './harness.js';

type ApiErr = InstanceType<typeof OpenAI.APIError>;
type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
const ask = { model: 'xiaoai', messages: [{ role: 'user' as const, content: 'hi' }] };
const ISSUER = 'https://auth.suoke.life';
const AUDIENCE = 'xiaoai';
/** The configuration every JWT runtime here needs: without issuer and audience it refuses to start. */
const TRUST = { JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE };
const seconds = (ms: number) => Math.floor(ms / 1000);
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
  let publicPem: string;
  const hashedKey = 'sk-hashed-key-for-soer';

  const token = (claims: Record<string, unknown>, key = privateKey, expires = '5m') =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject('user-42')
      .setIssuedAt()
      .setExpirationTime(expires)
      .sign(key);

  beforeAll(async () => {
    stub = await StubEngine.start();
    redis = await RedisServer.start();
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    publicPem = await exportSPKI(pair.publicKey);
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
      ...TRUST,
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
    expect(rt.logs.requests().at(-1)?.principal).toBe(scopedId(ISSUER, 'sub', 'user-42'));
  });

  it('answers 401 in the OpenAI shape to a token without a subject, and counts it as a client error', async () => {
    const withoutSubject = new SignJWT({ scope: 'inference' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m');
    const response = await fetch(`${rt.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await withoutSubject.sign(privateKey)}` },
      body: JSON.stringify(ask),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(await response.json()).toEqual({
      error: {
        message: expect.stringMatching(/^Invalid token: it has no 'sub' claim naming the caller/),
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_token',
      },
    });
    const metrics = await (await fetch(`${rt.url}/metrics`)).text();
    expect(metrics).toMatch(/ai_inference_requests_total\{code="401",[^}]*\} [1-9]/);
    expect(metrics).not.toMatch(/ai_inference_requests_total\{code="5\d\d",[^}]*\} [1-9]/);
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
          .setIssuer(ISSUER)
          .setExpirationTime('5m')
          .sign(privateKey),
    ],
    [
      'from another issuer',
      () =>
        new SignJWT({ scope: 'inference' })
          .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
          .setIssuer('https://elsewhere.example.com')
          .setAudience(AUDIENCE)
          .setSubject('user-42')
          .setExpirationTime('5m')
          .sign(privateKey),
    ],
    [
      'that never expires',
      () =>
        new SignJWT({ scope: 'inference' })
          .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setSubject('user-42')
          .setIssuedAt()
          .sign(privateKey),
    ],
    ['valid for a year', () => token({ scope: 'inference' }, undefined, '365d')],
    [
      'unsigned (alg none)',
      async () =>
        new UnsecuredJWT({ scope: 'inference' })
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setSubject('user-42')
          .setExpirationTime('5m')
          .encode(),
    ],
    [
      'HMAC-signed with the public key as the secret',
      async () =>
        new SignJWT({ scope: 'inference' })
          .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setSubject('user-42')
          .setExpirationTime('5m')
          .sign(new TextEncoder().encode(publicPem)),
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
  it('verifies tokens against a key set served over HTTP, only with the algorithms its keys declare', async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'remote', alg: 'RS256', use: 'sig' };
    // The same RSA key under PSS: the key declares RS256 only, so a PS256 signature must not pass.
    const pssKey = await importJWK(await exportJWK(pair.privateKey), 'PS256');
    const hmacSecret = 'a-shared-secret-that-has-no-place-in-a-public-key-set';
    const octJwk = { kty: 'oct', kid: 'shared', k: Buffer.from(hmacSecret).toString('base64url') };
    let fetches = 0;
    const jwksServer = createServer((_req, res) => {
      fetches += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk, octJwk] }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', () => resolve()));
    const stub = await StubEngine.start();
    const rt = await startRuntime({
      ENGINE_BASE_URL: stub.baseUrl,
      JWT_JWKS_URL: `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/.well-known/jwks.json`,
      ...TRUST,
    });
    const signed = (alg: string, kid: string, key: Parameters<SignJWT['sign']>[0]) =>
      new SignJWT({})
        .setProtectedHeader({ alg, kid })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setSubject('ci')
        .setExpirationTime('5m')
        .sign(key);
    try {
      const jwt = await signed('RS256', 'remote', pair.privateKey);
      await expect(rt.client(jwt).chat.completions.create(ask)).resolves.toBeDefined();
      await expect(rt.client(jwt).chat.completions.create(ask)).resolves.toBeDefined();
      expect(fetches).toBe(1); // the key set is cached, not fetched per request
      expect(await failure(rt.client('not-a-jwt').chat.completions.create(ask))).toBeInstanceOf(
        OpenAI.AuthenticationError,
      );
      for (const refused of [
        await signed('PS256', 'remote', pssKey),
        await signed('HS256', 'shared', new TextEncoder().encode(hmacSecret)),
      ]) {
        const error = await failure(rt.client(refused).chat.completions.create(ask));
        expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
        expect(error.code).toBe('invalid_token');
      }
    } finally {
      await rt.close();
      await stub.close();
      jwksServer.closeAllConnections();
      await new Promise((resolve) => jwksServer.close(resolve));
    }
  });
});

describe('runtime auth: a JWKS that cannot be fetched', () => {
  it('answers 503 key_set_unavailable with Retry-After, not 401, and verifies again once it is back', async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    let healthy = false;
    const jwksServer = createServer((_req, res) => {
      if (!healthy) {
        res.writeHead(500).end('issuer down');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', () => resolve()));
    const stub = await StubEngine.start();
    const rt = await startRuntime({
      ENGINE_BASE_URL: stub.baseUrl,
      JWT_JWKS_URL: `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`,
      ...TRUST,
    });
    try {
      const jwt = await new SignJWT({})
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setSubject('ci')
        .setExpirationTime('5m')
        .sign(pair.privateKey);
      const down = await fetch(`${rt.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
        body: JSON.stringify(ask),
      });
      expect(down.status).toBe(503);
      expect(Number(down.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = (await down.json()) as { error: { type: string; code: string; message: string } };
      expect(body.error).toMatchObject({ type: 'service_unavailable_error', code: 'key_set_unavailable' });
      expect(body.error.message).toMatch(/key set \(JWT_JWKS_URL\) could not be fetched; retry later/);
      expect(stub.requests).toHaveLength(0);
      // A bad token is still the caller's fault only once the keys can be read: the same token now passes.
      healthy = true;
      await expect(rt.client(jwt).chat.completions.create(ask)).resolves.toBeDefined();
    } finally {
      await rt.close();
      await stub.close();
      jwksServer.closeAllConnections();
      await new Promise((resolve) => jwksServer.close(resolve));
    }
  });
});

describe('JWT claims: lifetime, clock tolerance, subject and tenant', () => {
  const NOW = Date.UTC(2026, 0, 1, 12); // epoch ms: the authenticator's clock, fixed
  const t = seconds(NOW);
  let key: SigningKey;
  let jwks: string;
  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    key = pair.privateKey;
    jwks = JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256' }] });
  });

  const authenticator = (env: Record<string, string> = {}) =>
    Authenticator.fromConfig(
      loadConfig({
        ...BASE_ENV,
        ENGINE_BASE_URL: 'http://127.0.0.1:8001/v1',
        JWT_JWKS_FILE: '/etc/agent/jwks.json',
        ...TRUST,
        JWT_MAX_LIFETIME_SECONDS: '3600',
        ...env,
      }),
      { readFile: () => jwks, now: () => NOW },
    );
  const sign = (claims: Record<string, unknown>) =>
    new SignJWT({ iss: ISSUER, aud: AUDIENCE, sub: 'user-42', ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .sign(key);
  const bearer = (jwt: string) => ({ headers: { authorization: `Bearer ${jwt}` } }) as IncomingMessage;
  const refusal = (p: Promise<Principal>): Promise<ApiError> =>
    p.then(
      () => {
        throw new Error('expected the token to be refused');
      },
      (e: unknown) => e as ApiError,
    );
  const expectRefused = async (p: Promise<Principal>, message: RegExp) => {
    const error = await refusal(p);
    expect(error).toBeInstanceOf(ApiError);
    expect([error.status, error.code]).toEqual([401, 'invalid_token']);
    expect(error.message).toMatch(message);
  };

  const lifetimes: [string, Record<string, unknown>, RegExp | 'accepted'][] = [
    ['expired 20 s ago, within the clock tolerance', { iat: t - 600, exp: t - 20 }, 'accepted'],
    ['expired 40 s ago, beyond the clock tolerance', { iat: t - 600, exp: t - 40 }, /it has expired/],
    ['valid for exactly the maximum lifetime', { iat: t, exp: t + 3600 }, 'accepted'],
    [
      'valid for a second more than the maximum lifetime',
      { iat: t - 10, exp: t + 3591 },
      /valid for 3601 s from its 'iat', longer than the 3600 s this model accepts/,
    ],
    ['without iat, ending within the maximum lifetime and tolerance', { exp: t + 3630 }, 'accepted'],
    ['without iat, ending later than that', { exp: t + 3631 }, /stays valid for 3631 s, longer than/],
    [
      'with an iat in the future that would stretch its validity',
      { iat: t + 7200, exp: t + 7260 },
      /stays valid for 7260 s/,
    ],
    ['without exp', { iat: t }, /no valid 'exp' claim; tokens must expire/],
    ['with an exp that is not a number', { exp: 'tomorrow' }, /no valid 'exp' claim/],
  ];
  it.each(lifetimes)('a token %s', async (_name, claims, verdict) => {
    const result = authenticator().authenticate(bearer(await sign(claims)));
    if (verdict === 'accepted') await expect(result).resolves.toMatchObject({ kind: 'jwt' });
    else await expectRefused(result, verdict);
  });

  it('applies JWT_CLOCK_TOLERANCE_SECONDS', async () => {
    const jwt = await sign({ iat: t - 600, exp: t - 20 });
    await expectRefused(
      authenticator({ JWT_CLOCK_TOLERANCE_SECONDS: '0' }).authenticate(bearer(jwt)),
      /it has expired/,
    );
    await expect(
      authenticator({ JWT_CLOCK_TOLERANCE_SECONDS: '30' }).authenticate(bearer(jwt)),
    ).resolves.toMatchObject({ kind: 'jwt' });
  });

  it('names the caller by issuer and subject, with no tenant unless JWT_TENANT_CLAIM is set', async () => {
    const principal = await authenticator().authenticate(
      bearer(await sign({ exp: t + 60, tid: 'clinic-7' })),
    );
    expect(principal).toEqual({ id: scopedId(ISSUER, 'sub', 'user-42'), kind: 'jwt' });
  });

  it('takes the caller from JWT_SUBJECT_CLAIM and its tenant from JWT_TENANT_CLAIM', async () => {
    const auth = authenticator({ JWT_SUBJECT_CLAIM: 'client_id', JWT_TENANT_CLAIM: 'tid' });
    const jwt = await sign({ exp: t + 60, client_id: 'billing-svc', tid: 'clinic-7' });
    expect(await auth.authenticate(bearer(jwt))).toEqual({
      id: scopedId(ISSUER, 'client_id', 'billing-svc'),
      kind: 'jwt',
      tenant: scopedId(ISSUER, 'tid', 'clinic-7'),
    });
  });

  const claimed = { JWT_SUBJECT_CLAIM: 'client_id', JWT_TENANT_CLAIM: 'tid' };
  it.each<[string, Record<string, unknown>, RegExp]>([
    ['no subject claim', { tid: 'clinic-7' }, /no 'client_id' claim naming the caller/],
    ['a subject that is not a string', { client_id: 42, tid: 'clinic-7' }, /no 'client_id' claim/],
    ['an empty subject', { client_id: '', tid: 'clinic-7' }, /no 'client_id' claim/],
    [
      'a subject too long for an id',
      { client_id: 'x'.repeat(MAX_CLAIM_VALUE_LENGTH + 1), tid: 'clinic-7' },
      /a string of 1 to 256 characters/,
    ],
    ['no tenant claim', { client_id: 'billing-svc' }, /no 'tid' claim naming the caller's tenant/],
  ])('refuses a token with %s, saying which claim', async (_name, claims, message) => {
    const jwt = await sign({ exp: t + 60, sub: undefined, ...claims });
    await expectRefused(authenticator(claimed).authenticate(bearer(jwt)), message);
  });
});

describe('a JWKS file that could never verify a token stops the start', () => {
  let publicJwk: JWK;
  let privateJwk: JWK;
  beforeAll(async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1' };
    privateJwk = { ...(await exportJWK(pair.privateKey)), kid: 'k1' };
  });
  const start = (jwks: unknown) => () =>
    Authenticator.fromConfig(
      loadConfig({
        ...BASE_ENV,
        ENGINE_BASE_URL: 'http://127.0.0.1:8001/v1',
        JWT_JWKS_FILE: '/jwks',
        ...TRUST,
      }),
      { readFile: () => JSON.stringify(jwks) },
    );

  it.each<[string, () => unknown, RegExp]>([
    [
      'a shared secret (HMAC)',
      () => ({ keys: [publicJwk, { kty: 'oct', kid: 'hs', k: 'c2VjcmV0' }] }),
      /JWT_JWKS_FILE \(\/jwks\): key 'hs' holds private or secret material/,
    ],
    [
      'a private key',
      () => ({ keys: [privateJwk] }),
      /key 'k1' holds private or secret material \('d' or 'k'\); mount the issuer's public key set only/,
    ],
    [
      'only an encryption key',
      () => ({ keys: [{ ...publicJwk, use: 'enc' }] }),
      /holds no public signing key/,
    ],
    ['no key at all', () => ({ keys: [] }), /holds no public signing key; it needs RSA, EC/],
    ['something else than a key set', () => ({ key: publicJwk }), /is not a JSON Web Key Set/],
  ])('%s', (_name, jwks, message) => {
    expect(start(jwks())).toThrow(message);
  });

  it('starts with a public signing key', () => {
    expect(start({ keys: [publicJwk] })().required).toBe(true);
  });

  it('needs JWT_ISSUER and JWT_AUDIENCE beside a JWKS', () => {
    expect(() =>
      loadConfig({ ...BASE_ENV, ENGINE_BASE_URL: 'http://127.0.0.1:8001/v1', JWT_JWKS_FILE: '/jwks' }),
    ).toThrow(ConfigError);
  });
});

describe('algorithmsOf: what a JWK may verify', () => {
  it.each<[string, JWK, string[]]>([
    [
      'an RSA key without alg: the RS and PS families',
      { kty: 'RSA' },
      ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'],
    ],
    ['an RSA key declaring RS256', { kty: 'RSA', alg: 'RS256' }, ['RS256']],
    ['an RSA key declaring HMAC', { kty: 'RSA', alg: 'HS256' }, []],
    ['an RSA key declaring none', { kty: 'RSA', alg: 'none' }, []],
    ['an EC P-256 key', { kty: 'EC', crv: 'P-256' }, ['ES256']],
    ['an EC P-256 key declaring another curve', { kty: 'EC', crv: 'P-256', alg: 'ES384' }, []],
    ['an EC P-521 key', { kty: 'EC', crv: 'P-521' }, ['ES512']],
    ['an OKP Ed25519 key', { kty: 'OKP', crv: 'Ed25519' }, ['EdDSA', 'Ed25519']],
    ['an OKP X25519 key (key agreement)', { kty: 'OKP', crv: 'X25519' }, []],
    ['a symmetric key', { kty: 'oct', k: 'c2VjcmV0' }, []],
    ['an encryption key', { kty: 'RSA', use: 'enc' }, []],
  ])('%s', (_name, jwk, expected) => {
    expect(algorithmsOf(jwk)).toEqual(expected);
  });
});

describe('scopedId: caller ids from token claims', () => {
  const SAFE = /^jwt:[0-9a-f]{12}\/[A-Za-z0-9._~:@|+=%-]+$/;

  it('tells the same value of another issuer or another claim apart', () => {
    const ids = [
      scopedId(ISSUER, 'sub', 'alice'),
      scopedId('https://other-idp.example.com', 'sub', 'alice'),
      scopedId(ISSUER, 'client_id', 'alice'),
    ];
    expect(new Set(ids).size).toBe(3);
  });

  it('maps distinct values to distinct ids, even when one looks encoded', () => {
    expect(scopedId(ISSUER, 'sub', 'a/b')).not.toBe(scopedId(ISSUER, 'sub', 'a%2Fb'));
  });

  it.each([
    ['a plain subject', 'user-42', 'user-42'],
    [
      'a Kubernetes service account',
      'system:serviceaccount:suoke-ai:xiaoke',
      'system:serviceaccount:suoke-ai:xiaoke',
    ],
    ['an Auth0 subject', 'auth0|5f7c8ec7c33c6c004bbafe82', 'auth0|5f7c8ec7c33c6c004bbafe82'],
    ['an email address', 'alice@example.com', 'alice@example.com'],
    ['spaces and a newline', 'a b\nc', 'a%20b%0Ac'],
    ['Redis Cluster hash-tag braces', '{slot}', '%7Bslot%7D'],
    ['a slash and a percent sign', 'a/b%', 'a%2Fb%25'],
    ['non-ASCII text', 'ü', '%C3%BC'],
  ])('keeps %s readable where safe, encoded where not', (_name, value, encoded) => {
    const id = scopedId(ISSUER, 'sub', value);
    expect(id).toMatch(SAFE);
    expect(id.slice(id.indexOf('/') + 1)).toBe(encoded);
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
    [
      'a name only token callers may have',
      'sk-abc jwt:user-42\n',
      /line 1: the name 'jwt:user-42' starts with 'jwt:', which is reserved for token callers/,
    ],
  ])('refuses %s naming the line', (_name, text, message) => {
    expect(() => parseApiKeys(text)).toThrow(message);
  });
});
