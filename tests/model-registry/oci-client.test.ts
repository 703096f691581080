import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { rm } from 'node:fs/promises';
import { OciRegistryClient } from '../../operators/model-registry/oci.js';
import type { RegistryClientOptions } from '../../operators/model-registry/registry-client.js';
import { OciRegistry, pushArtifact, type PushedArtifact } from '../support/oci-registry.js';
import { makeTestPki, type TestPki } from './tls.js';
import { TokenAuthProxy } from './token-proxy.js';

const alice = { username: 'alice', password: 'correct horse' };

describe('OCI registry client against a real docker-registry', () => {
  let secured: OciRegistry;
  let open: OciRegistry;
  let proxy: TokenAuthProxy;
  const pushed = new Map<string, PushedArtifact>();

  beforeAll(async () => {
    [secured, open] = await Promise.all([
      OciRegistry.start({ users: { alice: alice.password } }),
      OciRegistry.start(),
    ]);
    for (const tag of ['1.0.0', '1.2.0', '1.10.0', '2.0.0-rc1', 'latest']) {
      pushed.set(
        tag,
        await pushArtifact({ url: secured.url, repository: 'suoke-life/xiaoai', tag, auth: alice }),
      );
    }
    await pushArtifact({ url: open.url, repository: 'suoke-life/laoke', tag: '0.1.0' });
    proxy = await new TokenAuthProxy(open.url, alice).start();
  });

  afterAll(async () => {
    await proxy?.stop();
    await Promise.all([secured?.dispose(), open?.dispose()]);
  });

  const client = (url: string, extra: Partial<RegistryClientOptions> = {}, pageSize?: number) =>
    new OciRegistryClient({ url, timeoutMs: 5_000, ...extra }, { pageSize });

  it('probes a reachable registry and measures the latency', async () => {
    let t = 0;
    const now = () => (t += 7);
    const result = await client(secured.url, { credentials: { type: 'basic', ...alice }, now }).probe();
    expect(result).toEqual({ ok: true, latencyMs: 7 });
    expect((await client(open.url).probe()).ok).toBe(true);
  });

  it('discovers tags with the digests the registry stored, following tags/list pagination', async () => {
    const c = client(secured.url, { credentials: { type: 'basic', ...alice } }, 2);
    const result = await c.listVersions({ name: 'suoke-life/xiaoai' });
    if (!result.ok) throw new Error(result.failure.message);
    const byTag = new Map(result.versions.map((v) => [v.version, v]));
    expect([...byTag.keys()].sort()).toEqual(['1.0.0', '1.10.0', '1.2.0', '2.0.0-rc1', 'latest']);
    for (const [tag, artifact] of pushed) {
      expect(byTag.get(tag)).toEqual({
        version: tag,
        uri: `oci://${secured.host}/suoke-life/xiaoai:${tag}`,
        digest: artifact.digest,
      });
    }
  });

  it('keeps only tags matching the tracked patterns', async () => {
    const c = client(secured.url, { credentials: { type: 'basic', ...alice } });
    const result = await c.listVersions({ name: 'suoke-life/xiaoai', tags: ['1.*'] });
    expect(result.ok && result.versions.map((v) => v.version).sort()).toEqual(['1.0.0', '1.10.0', '1.2.0']);
  });

  it('says credentials are needed when the registry asks for basic auth and none are set', async () => {
    const result = await client(secured.url).probe();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.failure).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(!result.ok && result.failure.message).toMatch(
      /name a Secret with keys 'username' and 'password' in spec.auth.secretRef/,
    );
  });

  it('reports wrong credentials as 401 without echoing them', async () => {
    const result = await client(secured.url, {
      credentials: { type: 'basic', username: 'alice', password: 'wrong-password' },
    }).probe();
    expect(!result.ok && result.failure.kind).toBe('unauthorized');
    expect(JSON.stringify(result)).not.toContain('wrong-password');
  });

  it('reports a repository that does not exist as not found, naming it', async () => {
    const result = await client(open.url).listVersions({ name: 'suoke-life/nothing-here' });
    expect(!result.ok && result.failure).toMatchObject({ kind: 'not-found', status: 404 });
    expect(!result.ok && result.failure.message).toMatch(
      /model 'suoke-life\/nothing-here'.*no such repository/,
    );
  });

  it('refuses a model name that is not a repository name', async () => {
    const result = await client(open.url).listVersions({ name: 'Suoke Life/X' });
    expect(!result.ok && result.failure.kind).toBe('invalid-config');
  });

  it('answers a Bearer challenge: gets a token per scope from the realm with the basic credentials', async () => {
    const c = client(proxy.url, { credentials: { type: 'basic', ...alice } });
    expect((await c.probe()).ok).toBe(true);
    const result = await c.listVersions({ name: 'suoke-life/laoke' });
    expect(result.ok && result.versions.map((v) => v.version)).toEqual(['0.1.0']);
    expect(result.ok && result.versions[0]!.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(proxy.issued).toEqual(['', 'repository:suoke-life/laoke:pull']);
  });

  it('hashes the manifest itself when the registry sends no Docker-Content-Digest', async () => {
    const soer = await pushArtifact({ url: open.url, repository: 'suoke-life/soer', tag: '0.2.0' });
    const stripping = await new TokenAuthProxy(open.url, alice, true).start();
    try {
      const c = client(stripping.url, { credentials: { type: 'basic', ...alice } });
      const result = await c.listVersions({ name: 'suoke-life/soer', tags: ['0.2.0'] });
      expect(result.ok && result.versions).toEqual([
        {
          version: '0.2.0',
          uri: `oci://${new URL(stripping.url).host}/suoke-life/soer:0.2.0`,
          digest: soer.digest,
        },
      ]);
    } finally {
      await stripping.stop();
    }
  });

  it('reports a token service that refuses the credentials as 401', async () => {
    const c = client(proxy.url, { credentials: { type: 'basic', username: 'alice', password: 'nope' } });
    const result = await c.probe();
    expect(!result.ok && result.failure).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(!result.ok && result.failure.message).toMatch(/token service/);
  });

  it('classifies a stopped registry, an unknown host and a server without /v2/', async () => {
    const stopped = await OciRegistry.start();
    const url = stopped.url;
    await stopped.dispose();
    const refused = await client(url).probe();
    expect(!refused.ok && refused.failure.kind).toBe('connection-refused');
    const dns = await client('http://registry.does-not-exist.invalid').probe();
    expect(!dns.ok && dns.failure.kind).toBe('dns');
    const web = http.createServer((_req, res) => res.writeHead(404).end('<html>not found</html>'));
    await new Promise<void>((r) => web.listen(0, '127.0.0.1', () => r()));
    try {
      const wrong = await client(`http://127.0.0.1:${(web.address() as AddressInfo).port}`).probe();
      expect(!wrong.ok && wrong.failure.kind).toBe('not-found');
      expect(!wrong.ok && wrong.failure.message).toMatch(/does not serve the OCI distribution API/);
    } finally {
      await new Promise<void>((r) => web.close(() => r()));
    }
  });

  it('gives up on a registry that accepts the connection but never answers, after spec.timeout', async () => {
    const silent = http.createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    try {
      const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
      const result = await client(url, { timeoutMs: 200 }).probe();
      expect(!result.ok && result.failure).toEqual({
        kind: 'timeout',
        message: `GET ${url}/v2/: no answer within 200 ms`,
      });
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });

  describe('over TLS', () => {
    let pki: TestPki;
    let tls: OciRegistry;

    beforeAll(async () => {
      pki = await makeTestPki();
      tls = await OciRegistry.start({ tls: { certFile: pki.certFile, keyFile: pki.keyFile } });
    });

    afterAll(async () => {
      await tls?.dispose();
      if (pki) await rm(pki.dir, { recursive: true, force: true });
    });

    it('fails the handshake with an unknown CA and says to set spec.tls.caBundle', async () => {
      const result = await client(tls.url).probe();
      expect(!result.ok && result.failure.kind).toBe('tls');
      expect(!result.ok && result.failure.message).toMatch(/spec.tls.caBundle/);
    });

    it('trusts the registry with its CA in caBundle', async () => {
      expect((await client(tls.url, { caBundle: pki.caPem }).probe()).ok).toBe(true);
    });

    it('skips verification only when insecure is set', async () => {
      expect((await client(tls.url, { insecure: true }).probe()).ok).toBe(true);
    });
  });
});
