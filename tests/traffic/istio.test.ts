import { ClusterClient } from '../../operators/kit/cluster-client.js';
import type { AIModel, ModelVersion } from '../../crds/api/index.js';
import { render } from '../../charts-ts/render.js';
import { subsetName } from '../../charts-ts/constructs/istio-routing.js';
import { Applier } from '../../operators/kit/apply.js';
import { canonicalJson } from '../../operators/kit/deep-equal.js';
import { KubeClient } from '../../operators/kit/client.js';
import type { KubeObject } from '../../operators/kit/resource.js';
import { SharedInformers } from '../../operators/kit/informers.js';
import { DESTINATION_RULE, IstioRouter, VIRTUAL_SERVICE } from '../../operators/traffic/istio.js';
import type { CandidateRoutes, VersionWeight } from '../../operators/traffic/router.js';
import { CacheSync } from '../support/cache-sync.js';
import { startFakeApiServer, type FakeApiServer } from '../support/fake-api-server/index.js';
import { CANDIDATES } from '../charts/rendered.js';

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

describe('IstioRouter candidate routes', () => {
  const stable: VersionWeight[] = [
    { version: 'v1', weight: 100 },
    { version: 'v2', weight: 0 },
  ];
  const tenPercent: VersionWeight[] = [
    { version: 'v1', weight: 90 },
    { version: 'v2', weight: 10 },
  ];
  type Route = Record<string, any>;
  const http = async () => (await get(VIRTUAL_SERVICE)).spec as { http: Route[] };
  const names = async () => (await http()).http.map((r) => r.name);
  /** The http list the AIModel controller renders for the same split and candidate. */
  const rendered = (weights: readonly VersionWeight[], candidate?: CandidateRoutes) =>
    (
      render(
        aimodel,
        [version('v1'), version('v2')],
        weights,
        candidate === undefined ? {} : { candidate },
      ).find((o) => o.kind === 'VirtualService') as KubeObject
    ).spec as { http: Route[] };

  it('can match headers and mirror requests', () => {
    expect(router.supports).toEqual({ matches: true, mirror: true });
  });

  it.each<[string, VersionWeight[], CandidateRoutes]>([
    ['a blue-green preview by header', stable, CANDIDATES.preview],
    ['an experiment cohort by header and cookie, plus 10%', tenPercent, CANDIDATES.cohort],
    ['a shadow mirroring 10%', stable, CANDIDATES.shadow],
  ])(
    'sets %s in one write, reads it back, and writes what render() renders',
    async (_name, weights, candidate) => {
      expect(await router.getCandidate(target)).toBeUndefined();
      const writes = api.writes;
      expect(await router.setWeights(target, weights, candidate)).toBe(true);
      expect(api.writes).toBe(writes + 1);
      expect(await router.getCandidate(target)).toEqual(candidate);
      expect(await router.getWeights(target)).toEqual(weights);
      const written = (await http()).http;
      // Ours right before the versions route; someone else's route stays where it was, as it was.
      const matched = (candidate.routing.matches?.length ?? 0) > 0;
      expect(written.map((r) => r.name)).toEqual(['debug', ...(matched ? ['candidate'] : []), 'versions']);
      expect(written[0]).toEqual(debugRoute);
      // The same routes as the render of the same input, so neither writer undoes the other.
      const ours = written.filter((r) => r.name !== 'debug');
      expect(ours).toEqual(rendered(weights, candidate).http);
      expect(canonicalJson(ours)).toBe(canonicalJson(rendered(weights, candidate).http));
    },
  );

  it('mirrors on the same port as the route destinations, with the versions route’s timeout and retries on the candidate route', async () => {
    await router.setWeights(target, tenPercent, {
      version: 'v2',
      routing: { ...CANDIDATES.preview.routing, mirrorPercent: 25 },
    });
    const [, candidate, versions] = (await http()).http as [Route, Route, Route];
    expect(versions.mirror).toEqual(versions.route[1].destination);
    expect(versions.mirrorPercentage).toEqual({ value: 25 });
    expect(candidate.route).toEqual([{ destination: versions.route[1].destination, weight: 100 }]);
    expect([candidate.timeout, candidate.retries]).toEqual([versions.timeout, versions.retries]);
  });

  it('clearing removes exactly our routes, keeping a route someone else added and the other fields', async () => {
    const before = await get(VIRTUAL_SERVICE);
    await router.setWeights(target, tenPercent, {
      version: 'v2',
      routing: { ...CANDIDATES.cohort.routing, mirrorPercent: 10 },
    });
    // Someone adds a route of their own after ours.
    const late = { name: 'late', match: [{ uri: { prefix: '/late' } }], route: debugRoute.route };
    await client.request('PATCH', `/apis/networking.istio.io/v1/namespaces/${NS}/virtualservices/demo`, {
      body: [{ op: 'add', path: '/spec/http/-', value: late }],
      contentType: 'application/json-patch+json',
      query: { fieldManager: 'kubectl-edit' },
    });
    expect(await names()).toEqual(['debug', 'candidate', 'versions', 'late']);
    expect(await router.setWeights(target, tenPercent)).toBe(true);
    expect(await names()).toEqual(['debug', 'versions', 'late']);
    const { http: routes, ...rest } = (await get(VIRTUAL_SERVICE)).spec as { http: Route[] };
    const { http: _http, ...restBefore } = before.spec as Record<string, unknown>;
    expect(rest).toEqual(restBefore);
    expect(routes[0]).toEqual(debugRoute);
    expect(routes[2]).toEqual(late);
    expect(routes[1]?.mirror).toBeUndefined();
    expect(routes[1]?.mirrorPercentage).toBeUndefined();
    expect(await router.getCandidate(target)).toBeUndefined();
    // Plain routing asks for no candidate routes either: already so, nothing written.
    expect(await router.setWeights(target, tenPercent, { version: 'v2', routing: {} })).toBe(false);
  });

  it('finalize removes the candidate routes', async () => {
    await router.setWeights(target, tenPercent, {
      version: 'v2',
      routing: { ...CANDIDATES.cohort.routing, mirrorPercent: 10 },
    });
    await router.finalize(target, 'v1');
    expect(await names()).toEqual(['debug', 'versions']);
    expect(await router.getCandidate(target)).toBeUndefined();
    expect(await router.getWeights(target)).toEqual(stable);
  });

  it('replaces the candidate route when the matches change, and moves the mirror to the new share', async () => {
    await router.setWeights(target, stable, CANDIDATES.preview);
    const next: CandidateRoutes = {
      version: 'v2',
      routing: { matches: [{ cookie: { name: 'cohort', prefix: 'be' } }], mirrorPercent: 50 },
    };
    expect(await router.setWeights(target, stable, next)).toBe(true);
    expect(await names()).toEqual(['debug', 'candidate', 'versions']);
    expect(await router.getCandidate(target)).toEqual(next);
  });

  it('reads from the informer cache: the second call with the same input returns false and makes no request', async () => {
    const informers = new SharedInformers(client, { namespaces: [NS] });
    informers.configure(VIRTUAL_SERVICE, {});
    informers.configure(DESTINATION_RULE, {});
    const cached = new IstioRouter(ClusterClient.cached(client, informers));
    // Informers for both kinds exist once a reader asks for them before start.
    informers.informersFor(VIRTUAL_SERVICE);
    informers.informersFor(DESTINATION_RULE);
    informers.start();
    try {
      await informers.waitForSync();
      const sync = new CacheSync(api, informers);
      expect(await cached.setWeights(target, tenPercent, CANDIDATES.cohort)).toBe(true);
      await sync.wait();
      const requests = api.requestCounts();
      expect(await cached.setWeights(target, tenPercent, CANDIDATES.cohort)).toBe(false);
      expect(await cached.getCandidate(target)).toEqual(CANDIDATES.cohort);
      expect(api.requestCounts()).toEqual(requests);
    } finally {
      await informers.stop();
    }
  });

  it('stays in agreement with the AIModel controller’s apply of the same render', async () => {
    await router.setWeights(target, tenPercent, CANDIDATES.cohort);
    const vs = render(aimodel, [version('v1'), version('v2')], tenPercent, {
      candidate: CANDIDATES.cohort,
    }).find((o) => o.kind === 'VirtualService') as KubeObject;
    await new Applier(ClusterClient.direct(client)).apply(VIRTUAL_SERVICE, vs);
    const writes = api.writes;
    expect(await router.setWeights(target, tenPercent, CANDIDATES.cohort)).toBe(false);
    expect(api.writes).toBe(writes);
    expect(await router.getCandidate(target)).toEqual(CANDIDATES.cohort);
  });

  it('refuses a candidate without a subset, and reports a candidate route it cannot read back', async () => {
    await expect(
      router.setWeights(target, stable, { version: 'v9', routing: { mirrorPercent: 10 } }),
    ).rejects.toThrow(
      "DestinationRule suoke-ai/demo: no subset for version 'v9'; reconcile the routes first",
    );
    await router.setWeights(target, stable, CANDIDATES.preview);
    await client.request('PATCH', `/apis/networking.istio.io/v1/namespaces/${NS}/virtualservices/demo`, {
      body: [{ op: 'replace', path: '/spec/http/1/match/0', value: { uri: { prefix: '/preview' } } }],
      contentType: 'application/json-patch+json',
      query: { fieldManager: 'kubectl-edit' },
    });
    await expect(router.getCandidate(target)).rejects.toThrow(
      'VirtualService suoke-ai/demo: http route \'candidate\': match 1 cannot be read back: match {"uri":{"prefix":"/preview"}} is not a single header condition',
    );
    // setWeights puts back what it is asked for.
    expect(await router.setWeights(target, stable, CANDIDATES.preview)).toBe(true);
    expect(await router.getCandidate(target)).toEqual(CANDIDATES.preview);
  });
});
