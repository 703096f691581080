import { render } from '../../charts-ts/render.js';
import type { AIModel, ModelVersion } from '../../crds/api/index.js';
import { Applier } from '../../operators/kit/apply.js';
import { ClusterClient } from '../../operators/kit/cluster-client.js';
import { KubeClient } from '../../operators/kit/client.js';
import type { KubeObject } from '../../operators/kit/resource.js';
import { DESTINATION_RULE, IstioRouter, VIRTUAL_SERVICE } from '../../operators/traffic/istio.js';
import type { VersionWeight } from '../../operators/traffic/router.js';
import { startFakeApiServer, type FakeApiServer } from '../support/fake-api-server/index.js';
import { CANDIDATES } from '../charts/rendered.js';

/**
 * The Istio router's session routes (session affinity) against the fake API server, on the objects
 * render() derives for a model with Redis: a route per serving version first, gone in the same write
 * that takes a rolled back version's weight away, kept for the previous stable after a promotion until
 * the AIModel controller's render scales it down, and in agreement with that render.
 */
const NS = 'suoke-ai';
const target = { namespace: NS, model: 'demo' };

const model = (sessionAffinity?: { enabled: boolean }): AIModel => ({
  apiVersion: 'ai.suoke.life/v1alpha1',
  kind: 'AIModel',
  metadata: { name: 'demo', namespace: NS, uid: 'uid-demo' },
  spec: {
    agent: { name: 'demo' },
    framework: 'custom',
    engine: { image: 'ghcr.io/example/engine:1.0.0' },
    runtime: { redis: { mode: 'standalone', url: 'redis://redis.suoke-ai.svc:6379' } },
    ...(sessionAffinity === undefined ? {} : { traffic: { sessionAffinity } }),
  },
});
const version = (v: string): ModelVersion => ({
  apiVersion: 'ai.suoke.life/v1alpha1',
  kind: 'ModelVersion',
  metadata: { name: `demo-${v}`, namespace: NS },
  spec: { modelRef: { name: 'demo' }, version: v, artifact: { uri: `oci://registry.example.com/demo:${v}` } },
});
const split = (v1: number, v2: number): VersionWeight[] => [
  { version: 'v1', weight: v1 },
  { version: 'v2', weight: v2 },
];

/** Someone else's route, ahead of ours. */
const debugRoute = {
  name: 'debug',
  match: [{ headers: { 'x-debug': { exact: '1' } } }],
  route: [{ destination: { host: 'demo.suoke-ai.svc.cluster.local', subset: 'v1' } }],
};

let api: FakeApiServer;
let client: KubeClient;
let router: IstioRouter;
let applier: Applier;

const liveVs = async () => (await client.get<KubeObject>(VIRTUAL_SERVICE, NS, 'demo')) as KubeObject;
const names = async () => ((await liveVs()).spec as { http: { name: string }[] }).http.map((r) => r.name);

/** What the AIModel controller does: render and apply, keeping the routes of others. */
async function applyRender(
  aimodel: AIModel,
  versions: string[],
  traffic: VersionWeight[],
  sessionVersions?: string[],
) {
  const rendered = render(aimodel, versions.map(version), traffic, {
    ...(sessionVersions === undefined ? {} : { sessionVersions }),
  });
  for (const [kind, rt] of [
    ['DestinationRule', DESTINATION_RULE],
    ['VirtualService', VIRTUAL_SERVICE],
  ] as const) {
    const object = rendered.find((o) => o.kind === kind) as KubeObject;
    const live = await ClusterClient.direct(client).get<KubeObject>(rt, NS, 'demo');
    const desired = live === undefined ? object : router.withForeignRoutes(object, live);
    await applier.apply(rt, desired, live === undefined ? {} : { live });
  }
}

async function start(aimodel: AIModel) {
  await applyRender(aimodel, ['v1', 'v2'], split(100, 0));
  await client.request('PATCH', `/apis/networking.istio.io/v1/namespaces/${NS}/virtualservices/demo`, {
    body: [{ op: 'add', path: '/spec/http/0', value: debugRoute }],
    contentType: 'application/json-patch+json',
    query: { fieldManager: 'kubectl-edit' },
  });
}

beforeEach(async () => {
  api = await startFakeApiServer({ crds: ['istio'], namespaces: [NS] });
  client = new KubeClient(api.kubeConfig());
  router = new IstioRouter(ClusterClient.direct(client));
  applier = new Applier(ClusterClient.direct(client));
});

afterEach(async () => {
  await api.stop();
});

describe('IstioRouter session routes', () => {
  it('adds the candidate’s session route with its first weight, first and in agreement with render()', async () => {
    await start(model());
    expect(await names()).toEqual(['debug', 'session-v1', 'versions']);
    expect(await router.setWeights(target, split(90, 10))).toBe(true);
    expect(await names()).toEqual(['debug', 'session-v1', 'session-v2', 'versions']);
    // Read-back ignores them: the split and the candidate are what was written.
    expect(await router.getWeights(target)).toEqual(split(90, 10));
    expect(await router.getCandidate(target)).toBeUndefined();
    // The controller's render of the same split is the same object, and the router's repeat is no write.
    const writes = api.writes;
    await applyRender(model(), ['v1', 'v2'], split(90, 10));
    expect(await router.setWeights(target, split(90, 10))).toBe(false);
    expect(api.writes).toBe(writes);
  });

  it('gives a preview its session route at weight 0 and takes it away with its matched route', async () => {
    await start(model());
    await router.setWeights(target, split(100, 0), CANDIDATES.preview);
    expect(await names()).toEqual(['debug', 'session-v1', 'session-v2', 'candidate', 'versions']);
    expect(await router.getCandidate(target)).toEqual(CANDIDATES.preview);
    const writes = api.writes;
    await router.setWeights(target, [{ version: 'v1', weight: 100 }], undefined, { leaving: 'v2' });
    expect(api.writes).toBe(writes + 1);
    expect(await names()).toEqual(['debug', 'session-v1', 'versions']);
  });

  it('removes a rolled back candidate’s session route in the write that takes its weight away', async () => {
    await start(model());
    await router.setWeights(target, split(70, 30));
    const writes = api.writes;
    expect(
      await router.setWeights(target, [{ version: 'v1', weight: 100 }], undefined, { leaving: 'v2' }),
    ).toBe(true);
    expect(api.writes).toBe(writes + 1);
    const vs = await liveVs();
    expect((vs.spec as { http: { name: string }[] }).http.map((r) => r.name)).toEqual([
      'debug',
      'session-v1',
      'versions',
    ]);
    expect(await router.getWeights(target)).toEqual(split(100, 0));
    // The controller's render, with the rolled back version still running at 0, agrees.
    await applyRender(model(), ['v1', 'v2'], split(100, 0), ['v1']);
    expect(api.writes).toBe(writes + 1);
  });

  it('keeps the previous stable’s session route after a promotion until it is scaled down', async () => {
    await start(model());
    await router.setWeights(target, split(40, 60));
    await router.finalize(target, 'v2');
    expect(await names()).toEqual(['debug', 'session-v1', 'session-v2', 'versions']);
    expect(await router.getWeights(target)).toEqual(split(0, 100));
    // While v1 is kept warm, the controller renders it as a serving version: nothing to write.
    const writes = api.writes;
    await applyRender(model(), ['v1', 'v2'], split(0, 100), ['v1', 'v2']);
    expect(api.writes).toBe(writes);
    // Scaled down: the render without v1 has no route for it; the router's next write does not bring it back.
    await applyRender(model(), ['v2'], [{ version: 'v2', weight: 100 }]);
    expect(await names()).toEqual(['debug', 'session-v2', 'versions']);
    expect(await router.setWeights(target, [{ version: 'v2', weight: 100 }])).toBe(false);
  });

  it('writes no session route for a model whose affinity is off', async () => {
    await start(model({ enabled: false }));
    expect(await names()).toEqual(['debug', 'versions']);
    await router.setWeights(target, split(50, 50), CANDIDATES.preview);
    expect(await names()).toEqual(['debug', 'candidate', 'versions']);
    await router.finalize(target, 'v2', { leaving: 'v1' });
    expect(await names()).toEqual(['debug', 'versions']);
  });

  it('puts back a session route someone changed out of the form it writes', async () => {
    await start(model());
    await router.setWeights(target, split(90, 10));
    await client.request('PATCH', `/apis/networking.istio.io/v1/namespaces/${NS}/virtualservices/demo`, {
      body: [
        { op: 'replace', path: '/spec/http/2/match/0/headers/x-suoke-session-version/exact', value: 'v1' },
      ],
      contentType: 'application/json-patch+json',
      query: { fieldManager: 'kubectl-edit' },
    });
    expect(await router.setWeights(target, split(90, 10))).toBe(true);
    const http = (await liveVs()).spec as { http: { name: string; match?: unknown[] }[] };
    expect(http.http[2]).toMatchObject({
      name: 'session-v2',
      match: [{ headers: { 'x-suoke-session-version': { exact: 'v2' } } }],
    });
  });
});
