import { ClusterClient } from '../../operators/kit/cluster-client.js';
import type { AIModel, ModelVersion } from '../../crds/api/index.js';
import { render } from '../../charts-ts/render.js';
import { subsetName } from '../../charts-ts/constructs/istio-routing.js';
import { Applier } from '../../operators/kit/apply.js';
import { KubeClient } from '../../operators/kit/client.js';
import type { KubeObject } from '../../operators/kit/resource.js';
import { DESTINATION_RULE, IstioRouter, VIRTUAL_SERVICE } from '../../operators/traffic/istio.js';
import { startFakeApiServer, type FakeApiServer } from '../support/fake-api-server/index.js';

/**
 * The Istio router against the fake API server, on the VirtualService and DestinationRule that
 * charts-ts render() produces and the operator applies, with a route of someone else's beside ours.
 */
const NS = 'suoke-ai';
const target = { namespace: NS, model: 'demo' };

const aimodel: AIModel = {
  apiVersion: 'ai.suoke.life/v1alpha1',
  kind: 'AIModel',
  metadata: { name: 'demo', namespace: NS, uid: 'uid-demo' },
  spec: {
    agent: { name: 'demo' },
    framework: 'custom',
    engine: { image: 'ghcr.io/example/engine:1.0.0' },
    scaling: { minReplicas: 2, maxReplicas: 6, cpuUtilization: 70 },
  },
};
const version = (v: string): ModelVersion => ({
  apiVersion: 'ai.suoke.life/v1alpha1',
  kind: 'ModelVersion',
  metadata: { name: `demo-${v}`, namespace: NS },
  spec: { modelRef: { name: 'demo' }, version: v, artifact: { uri: `oci://registry.example.com/demo:${v}` } },
});

/** A route added by a person with `kubectl edit`, ahead of ours. */
const debugRoute = {
  name: 'debug',
  match: [{ headers: { 'x-debug': { exact: '1' } } }],
  route: [{ destination: { host: 'demo.suoke-ai.svc.cluster.local', subset: 'v1' } }],
};

let api: FakeApiServer;
let client: KubeClient;
let router: IstioRouter;

const get = (rt: typeof VIRTUAL_SERVICE) => client.get<KubeObject>(rt, NS, 'demo');
const routeNamed = (vs: KubeObject, name: string) =>
  (
    vs.spec as { http: { name: string; route: { destination: { subset: string }; weight?: number }[] }[] }
  ).http.find((r) => r.name === name);

beforeEach(async () => {
  api = await startFakeApiServer({ crds: ['istio'], namespaces: [NS] });
  client = new KubeClient(api.kubeConfig());
  router = new IstioRouter(ClusterClient.direct(client));
  // What the AIModel controller does: render and apply with the operator's field manager.
  const applier = new Applier(ClusterClient.direct(client));
  const rendered = render(aimodel, [version('v1'), version('v2')], [{ version: 'v1', weight: 100 }]);
  for (const kind of ['DestinationRule', 'VirtualService']) {
    const obj = rendered.find((o) => o.kind === kind) as KubeObject;
    await applier.apply(kind === 'VirtualService' ? VIRTUAL_SERVICE : DESTINATION_RULE, obj);
  }
  // Someone else's route, written as `kubectl edit` would (a JSON patch under another manager).
  await client.request('PATCH', `/apis/networking.istio.io/v1/namespaces/${NS}/virtualservices/demo`, {
    body: [{ op: 'add', path: '/spec/http/0', value: debugRoute }],
    contentType: 'application/json-patch+json',
    query: { fieldManager: 'kubectl-edit' },
  });
});

afterEach(async () => {
  await api.stop();
});

describe('IstioRouter', () => {
  it('writes the weights of its own route and leaves the rest untouched', async () => {
    const before = await get(VIRTUAL_SERVICE);
    expect(
      await router.setWeights(target, [
        { version: 'v1', weight: 90 },
        { version: 'v2', weight: 10 },
      ]),
    ).toBe(true);
    const after = await get(VIRTUAL_SERVICE);
    expect(routeNamed(after, 'versions')?.route.map((d) => [d.destination.subset, d.weight])).toEqual([
      ['v1', 90],
      ['v2', 10],
    ]);
    expect(routeNamed(after, 'debug')).toEqual(debugRoute);
    const { http: _h1, ...restBefore } = before.spec as Record<string, unknown>;
    const { http: _h2, ...restAfter } = after.spec as Record<string, unknown>;
    expect(restAfter).toEqual(restBefore);
    expect(after.metadata.labels).toEqual(before.metadata.labels);
    expect(after.metadata.ownerReferences).toEqual(before.metadata.ownerReferences);
    // Timeout and retries of our route are kept too.
    const { route: _r1, ...ourBefore } = routeNamed(before, 'versions') as Record<string, unknown>;
    const { route: _r2, ...ourAfter } = routeNamed(after, 'versions') as Record<string, unknown>;
    expect(ourAfter).toEqual(ourBefore);
  });

  it('reads the weights back by version', async () => {
    expect(await router.getWeights(target)).toEqual([
      { version: 'v1', weight: 100 },
      { version: 'v2', weight: 0 },
    ]);
    await router.setWeights(target, [
      { version: 'v1', weight: 75 },
      { version: 'v2', weight: 25 },
    ]);
    expect(await router.getWeights(target)).toEqual([
      { version: 'v1', weight: 75 },
      { version: 'v2', weight: 25 },
    ]);
  });

  it('writes nothing when the weights are already in place', async () => {
    const weights = [
      { version: 'v1', weight: 50 },
      { version: 'v2', weight: 50 },
    ];
    await router.setWeights(target, weights);
    const writes = api.writes;
    expect(await router.setWeights(target, weights)).toBe(false);
    expect(api.writes).toBe(writes);
  });

  it('keeps the operator’s own render apply and its weight writes in agreement', async () => {
    await router.setWeights(target, [
      { version: 'v1', weight: 80 },
      { version: 'v2', weight: 20 },
    ]);
    // The AIModel controller re-applies the render with the same split recorded in status.
    const rendered = render(
      aimodel,
      [version('v1'), version('v2')],
      [
        { version: 'v1', weight: 80 },
        { version: 'v2', weight: 20 },
      ],
    ).find((o) => o.kind === 'VirtualService') as KubeObject;
    await new Applier(ClusterClient.direct(client)).apply(VIRTUAL_SERVICE, rendered);
    expect(await router.getWeights(target)).toEqual([
      { version: 'v1', weight: 80 },
      { version: 'v2', weight: 20 },
    ]);
  });

  it('finalize sends everything to the stable version', async () => {
    await router.setWeights(target, [
      { version: 'v1', weight: 50 },
      { version: 'v2', weight: 50 },
    ]);
    await router.finalize(target, 'v2');
    expect(await router.getWeights(target)).toEqual([
      { version: 'v1', weight: 0 },
      { version: 'v2', weight: 100 },
    ]);
  });

  it('reconcile adds a subset for a new version, keeps the others, and is idempotent', async () => {
    const before = await get(DESTINATION_RULE);
    await router.reconcile(target, ['v1', 'v2', 'v3.1']);
    const subsets = (await get(DESTINATION_RULE)).spec as { subsets: { name: string; labels: object }[] };
    expect(subsets.subsets.slice(0, 2)).toEqual((before.spec as { subsets: unknown[] }).subsets);
    expect(subsets.subsets[2]).toEqual({ name: subsetName('v3.1'), labels: { version: 'v3.1' } });
    const writes = api.writes;
    await router.reconcile(target, ['v1', 'v2', 'v3.1']);
    expect(api.writes).toBe(writes);
    // The new version can now get traffic.
    await router.setWeights(target, [
      { version: 'v1', weight: 95 },
      { version: 'v3.1', weight: 5 },
    ]);
    expect(await router.getWeights(target)).toEqual([
      { version: 'v1', weight: 95 },
      { version: 'v2', weight: 0 },
      { version: 'v3.1', weight: 5 },
    ]);
  });

  it('refuses bad input with the object named', async () => {
    await expect(
      router.setWeights(target, [
        { version: 'v1', weight: 90 },
        { version: 'v2', weight: 20 },
      ]),
    ).rejects.toThrow(
      'VirtualService suoke-ai/demo: weights add up to 110 (v1=90, v2=20); they must add up to 100',
    );
    await expect(
      router.setWeights(target, [
        { version: 'v1', weight: 90 },
        { version: 'v9', weight: 10 },
      ]),
    ).rejects.toThrow(
      "DestinationRule suoke-ai/demo: no subset for version 'v9'; reconcile the routes first",
    );
    await expect(router.getWeights({ namespace: NS, model: 'other' })).rejects.toThrow(
      'VirtualService suoke-ai/other not found; the AIModel controller creates it',
    );
    const named = new IstioRouter(ClusterClient.direct(client), { routeName: 'primary' });
    await expect(named.getWeights(target)).rejects.toThrow(
      "VirtualService suoke-ai/demo: no http route named 'primary' (routes: debug, versions); the AIModel controller renders it",
    );
  });
});
