/**
 * MLflow and HTTP-index clients against small HTTP servers that implement the documented endpoints
 * and their error shapes. (No MLflow server can be installed here; these servers follow MLflow's
 * REST API 2.0 reference: registered-models/search, registered-models/get, model-versions/search.)
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpIndexRegistryClient } from '../../operators/model-registry/http.js';
import { MlflowRegistryClient } from '../../operators/model-registry/mlflow.js';

interface Served {
  readonly url: string;
  readonly requests: Array<{ path: string; query: Record<string, string>; authorization?: string }>;
  close(): Promise<void>;
}

async function serve(
  handler: (path: string, q: URLSearchParams, auth?: string) => [number, unknown],
): Promise<Served> {
  const requests: Served['requests'] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push({
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorization: req.headers.authorization,
    });
    const [status, body] = handler(url.pathname, url.searchParams, req.headers.authorization);
    res
      .writeHead(status, { 'Content-Type': typeof body === 'string' ? 'text/html' : 'application/json' })
      .end(typeof body === 'string' ? body : JSON.stringify(body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('MLflow client', () => {
  const TOKEN = 'mlflow-secret-token';
  const versions = [
    {
      name: 'xiaoke',
      version: '1',
      status: 'READY',
      current_stage: 'Archived',
      creation_timestamp: 1735689600000,
    },
    {
      name: 'xiaoke',
      version: '2',
      status: 'READY',
      current_stage: 'Production',
      creation_timestamp: 1738368000000,
    },
    {
      name: 'xiaoke',
      version: '3',
      status: 'READY',
      current_stage: 'None',
      creation_timestamp: 1740787200000,
    },
    { name: 'xiaoke', version: '4', status: 'PENDING_REGISTRATION', creation_timestamp: 1743465600000 },
  ];
  let mlflow: Served;

  beforeAll(async () => {
    mlflow = await serve((path, q, auth) => {
      if (auth !== `Bearer ${TOKEN}`) {
        return [401, { error_code: 'UNAUTHENTICATED', message: 'You are not authenticated.' }];
      }
      if (path === '/api/2.0/mlflow/registered-models/search')
        return [200, { registered_models: [{ name: 'xiaoke' }] }];
      if (path === '/api/2.0/mlflow/registered-models/get') {
        if (q.get('name') === 'broken')
          return [500, { error_code: 'INTERNAL_ERROR', message: 'database is locked' }];
        if (q.get('name') !== 'xiaoke') {
          return [
            404,
            {
              error_code: 'RESOURCE_DOES_NOT_EXIST',
              message: `Registered Model with name=${q.get('name')} not found`,
            },
          ];
        }
        return [
          200,
          { registered_model: { name: 'xiaoke', aliases: [{ alias: 'champion', version: '3' }] } },
        ];
      }
      if (path === '/api/2.0/mlflow/model-versions/search') {
        // Two per page, so the client has to follow next_page_token.
        const start = Number(q.get('page_token') ?? '0');
        const page = versions.slice(start, start + 2);
        const next = start + 2 < versions.length ? { next_page_token: String(start + 2) } : {};
        return [200, { model_versions: page, ...next }];
      }
      return [404, { error_code: 'ENDPOINT_NOT_FOUND', message: 'No API found' }];
    });
  });
  afterAll(() => mlflow?.close());

  const client = (token = TOKEN) =>
    new MlflowRegistryClient({ url: mlflow.url, credentials: { type: 'bearer', token }, timeoutMs: 5_000 });

  it('probes with registered-models/search and the bearer token', async () => {
    expect((await client().probe()).ok).toBe(true);
    expect(mlflow.requests.at(-1)).toMatchObject({
      path: '/api/2.0/mlflow/registered-models/search',
      authorization: `Bearer ${TOKEN}`,
    });
  });

  it('lists READY versions across pages as mlflow:// URIs with their creation time', async () => {
    const result = await client().listVersions({ name: 'xiaoke' });
    if (!result.ok) throw new Error(result.failure.message);
    expect(result.versions).toEqual([
      { version: '1', uri: 'mlflow://xiaoke/1', createdAt: '2025-01-01T00:00:00.000Z' },
      { version: '2', uri: 'mlflow://xiaoke/2', createdAt: '2025-02-01T00:00:00.000Z' },
      { version: '3', uri: 'mlflow://xiaoke/3', createdAt: '2025-03-01T00:00:00.000Z' },
    ]);
    const search = mlflow.requests.filter((r) => r.path.endsWith('model-versions/search'));
    expect(search.at(-1)?.query).toMatchObject({ filter: "name='xiaoke'", page_token: '2' });
  });

  it('keeps versions holding a tracked alias or stage', async () => {
    const champion = await client().listVersions({ name: 'xiaoke', aliases: ['champion'] });
    expect(champion.ok && champion.versions.map((v) => v.version)).toEqual(['3']);
    const production = await client().listVersions({ name: 'xiaoke', aliases: ['production'] });
    expect(production.ok && production.versions.map((v) => v.version)).toEqual(['2']);
    const tagged = await client().listVersions({ name: 'xiaoke', tags: ['1', '2'] });
    expect(tagged.ok && tagged.versions.map((v) => v.version)).toEqual(['1', '2']);
  });

  it("quotes MLflow's own error for an unknown model, a refused token and a server error", async () => {
    const missing = await client().listVersions({ name: 'nope' });
    expect(!missing.ok && missing.failure).toMatchObject({ kind: 'not-found', status: 404 });
    expect(!missing.ok && missing.failure.message).toMatch(
      /model 'nope'.*RESOURCE_DOES_NOT_EXIST: Registered Model with name=nope not found/,
    );
    const refused = await client('wrong').probe();
    expect(!refused.ok && refused.failure.kind).toBe('unauthorized');
    expect(!refused.ok && refused.failure.message).toMatch(/UNAUTHENTICATED/);
    expect(JSON.stringify(refused)).not.toContain('wrong');
    const broken = await client().listVersions({ name: 'broken' });
    expect(!broken.ok && broken.failure).toMatchObject({ kind: 'server-error', status: 500 });
    expect(!broken.ok && broken.failure.message).toMatch(/database is locked/);
  });
});

describe('HTTP index client', () => {
  const digest = `sha256:${'a'.repeat(64)}`;
  let index: Served;

  beforeAll(async () => {
    index = await serve((path, _q, auth) => {
      if (auth !== `Basic ${Buffer.from('reader:pw').toString('base64')}`)
        return [401, { error: 'unauthorized' }];
      if (path === '/models/index.json') return [200, { models: ['soer', 'broken', 'html'] }];
      if (path === '/models/soer/index.json') {
        return [
          200,
          {
            versions: [
              {
                version: '1.0.0',
                uri: 'https://cdn.example.com/soer-1.0.0.onnx',
                digest,
                createdAt: '2025-01-01T00:00:00Z',
              },
              { version: '1.1.0', aliases: ['stable'] },
            ],
          },
        ];
      }
      if (path === '/models/broken/index.json') return [200, { versions: [{ uri: 'https://x' }] }];
      if (path === '/models/html/index.json') return [200, '<html>login</html>'];
      return [404, { error: 'not found', message: `${path} does not exist` }];
    });
  });
  afterAll(() => index?.close());

  const client = (password = 'pw') =>
    new HttpIndexRegistryClient({
      url: `${index.url}/models`,
      credentials: { type: 'basic', username: 'reader', password },
      timeoutMs: 5_000,
    });

  it('probes <url>/index.json', async () => {
    expect((await client().probe()).ok).toBe(true);
    expect(index.requests.at(-1)?.path).toBe('/models/index.json');
  });

  it("lists a model's versions, defaulting the URI to <url>/<model>/<version>", async () => {
    const result = await client().listVersions({ name: 'soer' });
    expect(result.ok && result.versions).toEqual([
      {
        version: '1.0.0',
        uri: 'https://cdn.example.com/soer-1.0.0.onnx',
        digest,
        createdAt: '2025-01-01T00:00:00Z',
      },
      { version: '1.1.0', uri: `${index.url}/models/soer/1.1.0` },
    ]);
    const stable = await client().listVersions({ name: 'soer', aliases: ['stable'] });
    expect(stable.ok && stable.versions.map((v) => v.version)).toEqual(['1.1.0']);
  });

  it('reports a missing model, an entry without version, a non-JSON page and bad credentials', async () => {
    const missing = await client().listVersions({ name: 'gone' });
    expect(!missing.ok && missing.failure).toMatchObject({ kind: 'not-found', status: 404 });
    expect(!missing.ok && missing.failure.message).toMatch(/does not exist/);
    const broken = await client().listVersions({ name: 'broken' });
    expect(!broken.ok && broken.failure).toMatchObject({ kind: 'protocol' });
    expect(!broken.ok && broken.failure.message).toMatch(/'version' on every entry/);
    const html = await client().listVersions({ name: 'html' });
    expect(!html.ok && html.failure.message).toMatch(/not JSON/);
    const denied = await client('nope').probe();
    expect(!denied.ok && denied.failure.kind).toBe('unauthorized');
  });
});
