import { ClusterClient } from '../../operators/kit/cluster-client.js';
import { Applier } from '../../operators/kit/apply.js';
import { KubeClient } from '../../operators/kit/client.js';
import { SharedInformers } from '../../operators/kit/informers.js';
import type { KubeObject } from '../../operators/kit/resource.js';
import { SERVICE } from '../../operators/kinds.js';
import { createTrafficRouter } from '../../operators/traffic/factory.js';
import { GatewayApiRouter, HTTP_ROUTE, routeServing } from '../../operators/traffic/gateway-api.js';
import {
  RoutesNotFoundError,
  type CandidateRoutes,
  type VersionWeight,
} from '../../operators/traffic/router.js';
import { versionBackendRef } from '../../charts-ts/constructs/gateway-routing.js';
import { cookieRegex } from '../../charts-ts/constructs/istio-routing.js';
import { render } from '../../charts-ts/render.js';
import type { AIModel, ModelVersion, RequestMatch } from '../../crds/api/index.js';
import { CacheSync } from '../support/cache-sync.js';
import { startFakeApiServer, type FakeApiServer } from '../support/fake-api-server/index.js';
import { CANDIDATES } from '../charts/rendered.js';

/**
 * The Gateway API router against the fake API server serving the upstream HTTPRoute CRD (so every
 * write is validated against the real schema and its CEL rules), on the HTTPRoute and per-version
 * Services the AIModel controller applies, with a rule of someone else's beside ours.
 */
const NS = 'suoke-ai';
const target = { namespace: NS, model: 'demo' };
const EVERY_PATH = { path: { type: 'PathPrefix', value: '/' } };
const publicGateway = {
  group: 'gateway.networking.k8s.io',
  kind: 'Gateway',
  namespace: 'infra',
  name: 'public',
  sectionName: 'https',
};

const aimodel: AIModel = {
  apiVersion: 'ai.suoke.life/v1alpha1',
  kind: 'AIModel',
  metadata: { name: 'demo', namespace: NS, uid: 'uid-demo' },
  spec: {
    agent: { name: 'demo' },
    framework: 'custom',
    engine: { image: 'ghcr.io/example/engine:1.0.0' },
    scaling: { minReplicas: 2, maxReplicas: 6, cpuUtilization: 70 },
    traffic: {
      hosts: ['demo.example.com'],
      parentRefs: [{ namespace: 'infra', name: 'public', sectionName: 'https' }],
    },
  },
};
const version = (v: string): ModelVersion => ({
  apiVersion: 'ai.suoke.life/v1alpha1',
  kind: 'ModelVersion',
  metadata: { name: `demo-${v}`, namespace: NS },
  spec: { modelRef: { name: 'demo' }, version: v, artifact: { uri: `oci://registry.example.com/demo:${v}` } },
});

/** What the AIModel controller renders with the gateway-api router, for v1 and v2. */
const rendered = (weights: readonly VersionWeight[], candidate?: CandidateRoutes): KubeObject[] =>
  render(aimodel, [version('v1'), version('v2')], weights, {
    routes: 'gateway-api',
    mesh: false,
    ...(candidate === undefined ? {} : { candidate }),
  });
const renderedRules = (weights: readonly VersionWeight[], candidate?: CandidateRoutes): Rule[] =>
  ((rendered(weights, candidate).find((o) => o.kind === 'HTTPRoute') as KubeObject).spec as { rules: Rule[] })
    .rules;
/** The Service of one version, as the AIModel controller renders it. */
const versionService = (v: string): KubeObject =>
  render(aimodel, [version(v)], [{ version: v, weight: 100 }], { routes: 'gateway-api', mesh: false }).find(
    (o) => o.kind === 'Service' && o.metadata.labels?.['version'] === v,
  ) as KubeObject;

/** A rule added by a person with `kubectl edit`, ahead of ours. */
const debugRule = {
  name: 'debug',
  matches: [
    { path: { type: 'PathPrefix', value: '/' }, headers: [{ type: 'Exact', name: 'x-debug', value: '1' }] },
  ],
  backendRefs: [{ group: '', kind: 'Service', name: 'demo-debug', port: 80, weight: 1 }],
};

type Rule = Record<string, any>;

let api: FakeApiServer;
let client: KubeClient;
let router: GatewayApiRouter;

const ROUTE_PATH = `/apis/gateway.networking.k8s.io/v1/namespaces/${NS}/httproutes/demo`;
const getRoute = () => client.get<KubeObject>(HTTP_ROUTE, NS, 'demo');
const rules = async () => ((await getRoute()).spec as { rules: Rule[] }).rules;
const ruleNamed = async (name: string) => (await rules()).find((r) => r.name === name);
const names = async () => (await rules()).map((r) => r.name as string);
/** A change by someone else (`kubectl edit`): a JSON patch under another field manager. */
const edit = (patch: unknown[]) =>
  client.request('PATCH', ROUTE_PATH, {
    body: patch,
    contentType: 'application/json-patch+json',
    query: { fieldManager: 'kubectl-edit' },
  });

beforeEach(async () => {
  api = await startFakeApiServer({ crds: ['gateway-api'], namespaces: [NS] });
  client = new KubeClient(api.kubeConfig());
  router = new GatewayApiRouter(ClusterClient.direct(client));
  // What the AIModel controller does: render and apply with the operator's field manager.
  const applier = new Applier(ClusterClient.direct(client));
  const objects = rendered([{ version: 'v1', weight: 100 }]);
  await applier.apply(HTTP_ROUTE, objects.find((o) => o.kind === 'HTTPRoute') as KubeObject);
  // The per-version Services; the model's own one is not the router's.
  for (const service of objects.filter((o) => o.kind === 'Service' && o.metadata.labels?.['version']))
    await applier.apply(SERVICE, service);
  await edit([{ op: 'add', path: '/spec/rules/0', value: debugRule }]);
});

afterEach(async () => {
  await api.stop();
});

const stable: VersionWeight[] = [
  { version: 'v1', weight: 100 },
  { version: 'v2', weight: 0 },
];
const tenPercent: VersionWeight[] = [
  { version: 'v1', weight: 90 },
  { version: 'v2', weight: 10 },
];

describe('GatewayApiRouter', () => {
  it('is the gateway-api router, with matches and mirrors, and says whether its routes are accepted', () => {
    const named = createTrafficRouter('gateway-api', ClusterClient.direct(client));
    expect(named).toBeInstanceOf(GatewayApiRouter);
    expect([named.name, named.routes, named.supports]).toEqual([
      'gateway-api',
      'gateway-api',
      { matches: true, mirror: true },
    ]);
    expect(named.acceptance?.resource).toBe(HTTP_ROUTE);
  });

  it('writes the weights of its own rule and leaves the rest untouched', async () => {
    const before = await getRoute();
    expect(await router.setWeights(target, tenPercent)).toBe(true);
    const after = await getRoute();
    const { rules: afterRules, ...restAfter } = after.spec as { rules: Rule[] };
    const { rules: beforeRules, ...restBefore } = before.spec as { rules: Rule[] };
    expect(afterRules.map((r) => r.name)).toEqual(['debug', 'versions']);
    expect(afterRules[1]?.backendRefs).toEqual([
      versionBackendRef('demo', 'v1', 90),
      versionBackendRef('demo', 'v2', 10),
    ]);
    expect(afterRules[0]).toEqual(debugRule);
    // parentRefs and hostnames, as the controller wrote them.
    expect(restAfter).toEqual(restBefore);
    expect(restAfter).toEqual({ parentRefs: [publicGateway], hostnames: ['demo.example.com'] });
    expect(after.metadata.labels).toEqual(before.metadata.labels);
    expect(after.metadata.ownerReferences).toEqual(before.metadata.ownerReferences);
    // The matches and timeouts of our rule are kept too.
    const { backendRefs: _b1, ...ourBefore } = beforeRules[1] as Rule;
    const { backendRefs: _b2, ...ourAfter } = afterRules[1] as Rule;
    expect(ourAfter).toEqual(ourBefore);
  });

  it('reads the weights back by version', async () => {
    expect(await router.getWeights(target)).toEqual(stable);
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
    await router.setWeights(target, tenPercent);
    const writes = api.writes;
    expect(await router.setWeights(target, tenPercent)).toBe(false);
    expect(api.writes).toBe(writes);
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

  it('adds a backendRef for a version that has none yet, and keeps one to a Service that is no version’s at 0', async () => {
    const foreign = { group: '', kind: 'Service', name: 'legacy', port: 8080, weight: 5 };
    await edit([{ op: 'add', path: '/spec/rules/1/backendRefs/0', value: foreign }]);
    await new Applier(ClusterClient.direct(client)).apply(SERVICE, versionService('v3.1'));
    await router.reconcile(target, ['v1', 'v2', 'v3.1']);
    expect(await router.getWeights(target)).toEqual(stable);
    await router.setWeights(target, [
      { version: 'v1', weight: 95 },
      { version: 'v3.1', weight: 5 },
    ]);
    expect((await ruleNamed('versions'))?.backendRefs).toEqual([
      { ...foreign, weight: 0 },
      versionBackendRef('demo', 'v1', 95),
      versionBackendRef('demo', 'v2', 0),
      versionBackendRef('demo', 'v3.1', 5),
    ]);
    expect(await router.getWeights(target)).toEqual([
      { version: 'v1', weight: 95 },
      { version: 'v2', weight: 0 },
      { version: 'v3.1', weight: 5 },
    ]);
  });

  it('reads a sole backend as taking every request, whatever its weight', async () => {
    await edit([
      { op: 'replace', path: '/spec/rules/1/backendRefs', value: [versionBackendRef('demo', 'v1', 1)] },
    ]);
    expect(await router.getWeights(target)).toEqual([{ version: 'v1', weight: 100 }]);
  });

  it('refuses bad input with the object named', async () => {
    await expect(
      router.setWeights(target, [
        { version: 'v1', weight: 90 },
        { version: 'v2', weight: 20 },
      ]),
    ).rejects.toThrow(
      'HTTPRoute suoke-ai/demo: weights add up to 110 (v1=90, v2=20); they must add up to 100',
    );
    await edit([{ op: 'replace', path: '/spec/rules/1/name', value: 'primary' }]);
    await expect(router.getWeights(target)).rejects.toThrow(
      "HTTPRoute suoke-ai/demo: no rule named 'versions' (rules: debug, primary); the AIModel controller renders it",
    );
  });
});

describe('GatewayApiRouter before the routes exist', () => {
  const other = { namespace: NS, model: 'other' };

  it('throws RoutesNotFoundError naming the HTTPRoute from every call', async () => {
    const calls: Array<[string, () => Promise<unknown>]> = [
      ['getWeights', () => router.getWeights(other)],
      ['getCandidate', () => router.getCandidate(other)],
      ['setWeights', () => router.setWeights(other, [{ version: 'v1', weight: 100 }])],
      ['finalize', () => router.finalize(other, 'v1')],
      ['reconcile', () => router.reconcile(other, ['v1'])],
      ['serving', () => router.acceptance.serving(other)],
    ];
    for (const [, call] of calls) {
      const error = await call().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(RoutesNotFoundError);
      expect((error as Error).message).toBe(
        'HTTPRoute suoke-ai/other not found; the AIModel controller creates it',
      );
    }
  });
});

describe('GatewayApiRouter and the per-version Services', () => {
  it('reconcile passes when every version has its Service, and writes nothing', async () => {
    const writes = api.writes;
    await router.reconcile(target, ['v1', 'v2']);
    expect(api.writes).toBe(writes);
  });

  it('reconcile throws RoutesNotFoundError naming the Service a version lacks, until it exists', async () => {
    const error = await router.reconcile(target, ['v1', 'v2', 'v3']).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RoutesNotFoundError);
    expect((error as Error).message).toBe(
      "Service suoke-ai/demo-v3 of version 'v3' of model demo not found; the AIModel controller creates it",
    );
    await new Applier(ClusterClient.direct(client)).apply(SERVICE, versionService('v3'));
    await router.reconcile(target, ['v1', 'v2', 'v3']);
  });

  it('refuses weights or a candidate for a version without its Service', async () => {
    const writes = api.writes;
    await expect(
      router.setWeights(target, [
        { version: 'v1', weight: 90 },
        { version: 'v9', weight: 10 },
      ]),
    ).rejects.toThrow(
      "HTTPRoute suoke-ai/demo: no Service for version 'v9' (Service suoke-ai/demo-v9); reconcile the routes first",
    );
    await expect(
      router.setWeights(target, stable, { version: 'v9', routing: { mirrorPercent: 10 } }),
    ).rejects.toThrow(
      "HTTPRoute suoke-ai/demo: no Service for version 'v9' (Service suoke-ai/demo-v9); reconcile the routes first",
    );
    expect(api.writes).toBe(writes);
  });

  it('does not count a Service someone else labelled as a version’s', async () => {
    // Labelled like ours but not managed by the operator.
    const stray = versionService('v3');
    await client.create(SERVICE, {
      ...stray,
      metadata: {
        ...stray.metadata,
        labels: { app: 'demo', version: 'v3' },
        ownerReferences: undefined,
      },
    } as KubeObject);
    await expect(router.reconcile(target, ['v3'])).rejects.toThrow(RoutesNotFoundError);
  });
});

describe('GatewayApiRouter candidate routes', () => {
  it.each<[string, VersionWeight[], CandidateRoutes]>([
    ['a blue-green preview by header', stable, CANDIDATES.preview],
    ['an experiment cohort by header and cookie, plus 10%', tenPercent, CANDIDATES.cohort],
    ['a shadow mirroring 10%', stable, CANDIDATES.shadow],
  ])('sets %s in one write and reads it back', async (_name, weights, candidate) => {
    expect(await router.getCandidate(target)).toBeUndefined();
    const writes = api.writes;
    expect(await router.setWeights(target, weights, candidate)).toBe(true);
    expect(api.writes).toBe(writes + 1);
    expect(await router.getCandidate(target)).toEqual(candidate);
    expect(await router.getWeights(target)).toEqual(weights);
    const matched = (candidate.routing.matches?.length ?? 0) > 0;
    expect(await names()).toEqual(['debug', ...(matched ? ['candidate'] : []), 'versions']);
    expect((await rules())[0]).toEqual(debugRule);
    // The same rules as the render of the same input, so neither writer undoes the other.
    expect((await rules()).slice(1)).toEqual(renderedRules(weights, candidate));
    expect(await router.setWeights(target, weights, candidate)).toBe(false);
    expect(api.writes).toBe(writes + 1);
  });

  it('stays in agreement with the AIModel controller’s apply of the same render', async () => {
    await router.setWeights(target, tenPercent, CANDIDATES.cohort);
    const route = rendered(tenPercent, CANDIDATES.cohort).find((o) => o.kind === 'HTTPRoute') as KubeObject;
    await new Applier(ClusterClient.direct(client)).apply(HTTP_ROUTE, route);
    const writes = api.writes;
    expect(await router.setWeights(target, tenPercent, CANDIDATES.cohort)).toBe(false);
    expect(api.writes).toBe(writes);
    expect(await router.getCandidate(target)).toEqual(CANDIDATES.cohort);
    expect(await router.getWeights(target)).toEqual(tenPercent);
  });

  it.each<[string, RequestMatch, Record<string, string>]>([
    [
      'header exact',
      { header: { name: 'x-model-version', exact: 'v2' } },
      { type: 'Exact', name: 'x-model-version', value: 'v2' },
    ],
    [
      'header prefix',
      { header: { name: 'x-tenant', prefix: 'beta.' } },
      { type: 'RegularExpression', name: 'x-tenant', value: 'beta\\..*' },
    ],
    [
      'header regex',
      { header: { name: 'x-tenant', regex: 'beta|gamma' } },
      { type: 'RegularExpression', name: 'x-tenant', value: 'beta|gamma' },
    ],
    [
      'cookie exact',
      { cookie: { name: 'cohort', exact: 'beta' } },
      { type: 'RegularExpression', name: 'cookie', value: cookieRegex({ name: 'cohort', exact: 'beta' }) },
    ],
    [
      'cookie prefix',
      { cookie: { name: 'ab.group', prefix: 'b$' } },
      { type: 'RegularExpression', name: 'cookie', value: cookieRegex({ name: 'ab.group', prefix: 'b$' }) },
    ],
    [
      'cookie regex',
      { cookie: { name: 'cohort', regex: 'beta|gamma' } },
      {
        type: 'RegularExpression',
        name: 'cookie',
        value: cookieRegex({ name: 'cohort', regex: 'beta|gamma' }),
      },
    ],
  ])('writes a %s match as the contract says and reads it back', async (_name, match, header) => {
    const candidate: CandidateRoutes = { version: 'v2', routing: { matches: [match] } };
    await router.setWeights(target, stable, candidate);
    expect(await ruleNamed('candidate')).toEqual({
      name: 'candidate',
      matches: [{ ...EVERY_PATH, headers: [header] }],
      backendRefs: [versionBackendRef('demo', 'v2', 1)],
      timeouts: { request: '120s' },
    });
    expect(await router.getCandidate(target)).toEqual(candidate);
  });

  it('mirrors to the candidate’s Service and keeps the versions rule’s timeouts on the candidate rule', async () => {
    await router.setWeights(target, tenPercent, {
      version: 'v2',
      routing: { ...CANDIDATES.preview.routing, mirrorPercent: 25 },
    });
    const [, candidate, versions] = await rules();
    expect(versions?.filters).toEqual([
      {
        type: 'RequestMirror',
        requestMirror: { backendRef: { group: '', kind: 'Service', name: 'demo-v2', port: 80 }, percent: 25 },
      },
    ]);
    expect(candidate?.backendRefs).toEqual([versionBackendRef('demo', 'v2', 1)]);
    expect(candidate?.timeouts).toEqual(versions?.timeouts);
  });

  it('changes the mirrored share, then removes the mirror', async () => {
    await router.setWeights(target, stable, CANDIDATES.shadow);
    const shadow50: CandidateRoutes = { version: 'v2', routing: { mirrorPercent: 50 } };
    expect(await router.setWeights(target, stable, shadow50)).toBe(true);
    expect(await router.getCandidate(target)).toEqual(shadow50);
    expect((await ruleNamed('versions'))?.filters).toHaveLength(1);
    expect(await router.setWeights(target, stable)).toBe(true);
    expect((await ruleNamed('versions'))?.filters).toBeUndefined();
    expect(await router.getCandidate(target)).toBeUndefined();
  });

  it('keeps filters of others on the versions rule when the mirror comes and goes', async () => {
    const header = {
      type: 'RequestHeaderModifier',
      requestHeaderModifier: { set: [{ name: 'x-routed-by', value: 'gateway' }] },
    };
    await edit([{ op: 'add', path: '/spec/rules/1/filters', value: [header] }]);
    await router.setWeights(target, stable, CANDIDATES.shadow);
    expect((await ruleNamed('versions'))?.filters.map((f: Rule) => f.type)).toEqual([
      'RequestHeaderModifier',
      'RequestMirror',
    ]);
    await router.setWeights(target, stable);
    expect((await ruleNamed('versions'))?.filters).toEqual([header]);
  });

  it('replaces the candidate rule when the matches change, and moves the mirror to the new share', async () => {
    await router.setWeights(target, stable, CANDIDATES.preview);
    const next: CandidateRoutes = {
      version: 'v2',
      routing: { matches: [{ cookie: { name: 'cohort', prefix: 'be' } }], mirrorPercent: 50 },
    };
    expect(await router.setWeights(target, stable, next)).toBe(true);
    expect(await names()).toEqual(['debug', 'candidate', 'versions']);
    expect(await router.getCandidate(target)).toEqual(next);
  });

  it('clearing removes exactly our rules, keeping a rule someone else added and the other fields', async () => {
    const before = await getRoute();
    await router.setWeights(target, tenPercent, {
      version: 'v2',
      routing: { ...CANDIDATES.cohort.routing, mirrorPercent: 10 },
    });
    // Someone adds a rule of their own after ours.
    const late = {
      name: 'late',
      matches: [{ path: { type: 'PathPrefix', value: '/late' } }],
      backendRefs: debugRule.backendRefs,
    };
    await edit([{ op: 'add', path: '/spec/rules/-', value: late }]);
    expect(await names()).toEqual(['debug', 'candidate', 'versions', 'late']);
    expect(await router.setWeights(target, tenPercent)).toBe(true);
    expect(await names()).toEqual(['debug', 'versions', 'late']);
    const { rules: written, ...rest } = (await getRoute()).spec as { rules: Rule[] };
    const { rules: _rules, ...restBefore } = before.spec as Record<string, unknown>;
    expect(rest).toEqual(restBefore);
    expect(written[0]).toEqual(debugRule);
    expect(written[2]).toEqual(late);
    expect(written[1]?.filters).toBeUndefined();
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
});

describe('GatewayApiRouter reading candidate routes it did not write', () => {
  beforeEach(async () => {
    await router.setWeights(target, stable, {
      version: 'v2',
      routing: { ...CANDIDATES.preview.routing, mirrorPercent: 10 },
    });
  });

  it.each<[string, unknown[], string]>([
    [
      'a path match',
      [
        {
          op: 'replace',
          path: '/spec/rules/1/matches/0',
          value: { path: { type: 'PathPrefix', value: '/preview' } },
        },
      ],
      'HTTPRoute suoke-ai/demo: rule \'candidate\': match 1 cannot be read back: HTTPRoute match {"path":{"type":"PathPrefix","value":"/preview"}} matches the path {"type":"PathPrefix","value":"/preview"}; ours match every path (PathPrefix /)',
    ],
    [
      'two backends',
      [{ op: 'add', path: '/spec/rules/1/backendRefs/-', value: versionBackendRef('demo', 'v1', 1) }],
      "HTTPRoute suoke-ai/demo: rule 'candidate' has 2 backendRefs; the router writes one, the candidate's Service",
    ],
    [
      'a backend that is no version’s',
      [{ op: 'replace', path: '/spec/rules/1/backendRefs/0/name', value: 'legacy' }],
      "HTTPRoute suoke-ai/demo: rule 'candidate' routes to Service suoke-ai/legacy, which is no version's Service of model demo",
    ],
    [
      'a second candidate rule',
      [
        {
          op: 'add',
          path: '/spec/rules/1',
          value: {
            name: 'candidate',
            matches: [{ ...EVERY_PATH, headers: [{ type: 'Exact', name: 'x-beta', value: '1' }] }],
            backendRefs: [versionBackendRef('demo', 'v2', 1)],
          },
        },
      ],
      "HTTPRoute suoke-ai/demo: rule 'candidate' is there twice",
    ],
    [
      'a mirror to another version than the matched one',
      [{ op: 'replace', path: '/spec/rules/2/filters/0/requestMirror/backendRef/name', value: 'demo-v1' }],
      "HTTPRoute suoke-ai/demo: rule 'candidate' routes to version 'v2' while rule 'versions' mirrors to 'v1'; there is one candidate",
    ],
    [
      'a mirrored fraction that is not a whole percent',
      [
        { op: 'remove', path: '/spec/rules/2/filters/0/requestMirror/percent' },
        {
          op: 'add',
          path: '/spec/rules/2/filters/0/requestMirror/fraction',
          value: { numerator: 1, denominator: 3 },
        },
      ],
      "HTTPRoute suoke-ai/demo: rule 'versions' mirrors fraction 1/3 of requests; the router writes a whole percent in 1..100",
    ],
  ])('refuses %s, naming the rule', async (_name, patch, message) => {
    await edit(patch);
    await expect(router.getCandidate(target)).rejects.toThrow(message);
  });

  it('reads a mirrored fraction that is a whole percent, and a mirror without a share as every request', async () => {
    await edit([
      { op: 'remove', path: '/spec/rules/2/filters/0/requestMirror/percent' },
      {
        op: 'add',
        path: '/spec/rules/2/filters/0/requestMirror/fraction',
        value: { numerator: 1, denominator: 4 },
      },
    ]);
    expect((await router.getCandidate(target))?.routing.mirrorPercent).toBe(25);
    await edit([{ op: 'remove', path: '/spec/rules/2/filters/0/requestMirror/fraction' }]);
    expect((await router.getCandidate(target))?.routing.mirrorPercent).toBe(100);
    // setWeights puts back what it is asked for.
    const asked: CandidateRoutes = {
      version: 'v2',
      routing: { ...CANDIDATES.preview.routing, mirrorPercent: 10 },
    };
    expect(await router.setWeights(target, stable, asked)).toBe(true);
    expect(await router.getCandidate(target)).toEqual(asked);
  });
});

describe('GatewayApiRouter on the informer cache', () => {
  let informers: SharedInformers;
  let cached: GatewayApiRouter;

  beforeEach(async () => {
    informers = new SharedInformers(client, { namespaces: [NS] });
    informers.configure(HTTP_ROUTE, {});
    informers.configure(SERVICE, {});
    cached = new GatewayApiRouter(ClusterClient.cached(client, informers));
    // Informers for both kinds exist once a reader asks for them before start.
    informers.informersFor(HTTP_ROUTE);
    informers.informersFor(SERVICE);
    informers.start();
    await informers.waitForSync();
  });

  afterEach(async () => {
    await informers.stop();
  });

  it('the second call with the same input returns false and makes no request', async () => {
    const sync = new CacheSync(api, informers);
    expect(await cached.setWeights(target, tenPercent, CANDIDATES.cohort)).toBe(true);
    await sync.wait();
    const requests = api.requestCounts();
    expect(await cached.setWeights(target, tenPercent, CANDIDATES.cohort)).toBe(false);
    expect(await cached.getCandidate(target)).toEqual(CANDIDATES.cohort);
    expect(await cached.getWeights(target)).toEqual(tenPercent);
    await cached.reconcile(target, ['v1', 'v2']);
    expect(await cached.acceptance.serving(target)).toMatchObject({ served: false });
    expect(api.requestCounts()).toEqual(requests);
  });

  it('a change it has not seen yet makes its write fail with 409 instead of overwriting it', async () => {
    await new CacheSync(api, informers).wait();
    // The cache stops hearing of changes, as when a watch lags behind.
    api.stallWatches();
    const late = {
      name: 'late',
      matches: [{ path: { type: 'PathPrefix', value: '/late' } }],
      backendRefs: debugRule.backendRefs,
    };
    await edit([{ op: 'add', path: '/spec/rules/-', value: late }]);
    await expect(cached.setWeights(target, tenPercent)).rejects.toThrow(
      /^HTTPRoute suoke-ai\/demo: server-side apply failed: .*the object has been modified/,
    );
    expect(await names()).toEqual(['debug', 'versions', 'late']);
    expect(await router.getWeights(target)).toEqual(stable);
  });
});

describe('routeServing', () => {
  const GENERATION = 3;
  const route = (parentRefs: unknown[], parents?: unknown[]): KubeObject => ({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'demo', namespace: NS, generation: GENERATION },
    spec: { parentRefs, rules: [] },
    ...(parents === undefined ? {} : { status: { parents } }),
  });
  const condition = (
    type: string,
    status: string,
    reason: string,
    message = '',
    observedGeneration = GENERATION,
  ) => ({
    type,
    status,
    reason,
    message,
    observedGeneration,
    lastTransitionTime: '2025-01-01T00:00:00Z',
  });
  const accepted = condition('Accepted', 'True', 'Accepted', 'Route is accepted');
  const resolved = condition('ResolvedRefs', 'True', 'ResolvedRefs', 'All references resolved');
  const report = (parentRef: unknown, conditions: unknown[]) => ({
    parentRef,
    controllerName: 'example.net/gateway-controller',
    conditions,
  });
  /** The parentRef as a gateway copies it into status: as written in the spec. */
  const gatewayRef = { name: 'public', namespace: 'infra', sectionName: 'https' };
  const internalRef = { name: 'internal' };

  it('is not served before any gateway reports on a parent', () => {
    expect(routeServing(route([gatewayRef]))).toEqual({
      served: false,
      reason: 'NotAttached',
      message:
        'HTTPRoute suoke-ai/demo: no gateway has reported on Gateway infra/public/https (status.parents has no entry for it); ' +
        'is a Gateway API implementation running, and does the Gateway exist?',
    });
  });

  it('is served once every parent accepts it and resolves its references', () => {
    expect(routeServing(route([gatewayRef], [report(gatewayRef, [accepted, resolved])]))).toEqual({
      served: true,
    });
    // The defaults written out in status (group, kind, namespace) name the same parent.
    const spelled = { group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: NS, name: 'internal' };
    expect(routeServing(route([internalRef], [report(spelled, [accepted])]))).toEqual({ served: true });
  });

  it('is refused with the gateway’s reason and message when it does not accept the route', () => {
    const refusal = condition(
      'Accepted',
      'False',
      'NotAllowedByListeners',
      'No listener in namespace infra allows routes from namespace suoke-ai',
    );
    expect(routeServing(route([gatewayRef], [report(gatewayRef, [refusal, resolved])]))).toEqual({
      served: false,
      reason: 'NotAllowedByListeners',
      message:
        'HTTPRoute suoke-ai/demo: Gateway infra/public/https does not accept the route: NotAllowedByListeners: ' +
        'No listener in namespace infra allows routes from namespace suoke-ai',
    });
  });

  it('is refused while a backend cannot be resolved', () => {
    const missing = condition(
      'ResolvedRefs',
      'False',
      'BackendNotFound',
      'Service suoke-ai/demo-v2 not found',
    );
    expect(routeServing(route([gatewayRef], [report(gatewayRef, [accepted, missing])]))).toEqual({
      served: false,
      reason: 'BackendNotFound',
      message:
        'HTTPRoute suoke-ai/demo: Gateway infra/public/https does not accept the route: BackendNotFound: ' +
        'Service suoke-ai/demo-v2 not found',
    });
  });

  it('is pending while a parent has reported without an Accepted condition', () => {
    expect(routeServing(route([gatewayRef], [report(gatewayRef, [resolved])]))).toMatchObject({
      served: false,
      reason: 'Pending',
    });
  });

  it('needs every parent: one refusing is enough to refuse', () => {
    const refusal = condition('Accepted', 'False', 'NoMatchingListenerHostname', 'no hostname matches');
    const served = route(
      [gatewayRef, internalRef],
      [report(gatewayRef, [accepted]), report(internalRef, [refusal])],
    );
    expect(routeServing(served)).toEqual({
      served: false,
      reason: 'NoMatchingListenerHostname',
      message:
        'HTTPRoute suoke-ai/demo: Gateway suoke-ai/internal does not accept the route: NoMatchingListenerHostname: no hostname matches',
    });
    expect(routeServing(route([gatewayRef, internalRef], [report(gatewayRef, [accepted])]))).toMatchObject({
      served: false,
      reason: 'NotAttached',
    });
  });

  it('does not take a report on another listener (sectionName) or port for the parent', () => {
    const otherListener = { ...gatewayRef, sectionName: 'http' };
    expect(routeServing(route([gatewayRef], [report(otherListener, [accepted])]))).toMatchObject({
      served: false,
      reason: 'NotAttached',
    });
    const unsectioned = { name: 'public', namespace: 'infra' };
    expect(routeServing(route([gatewayRef], [report(unsectioned, [accepted])]))).toMatchObject({
      served: false,
      reason: 'NotAttached',
    });
    const meshParent = { group: '', kind: 'Service', name: 'demo', port: 80 };
    expect(routeServing(route([meshParent], [report({ ...meshParent, port: 8080 }, [accepted])]))).toEqual({
      served: false,
      reason: 'NotAttached',
      message:
        'HTTPRoute suoke-ai/demo: no gateway has reported on Service suoke-ai/demo:80 (status.parents has no entry for it); ' +
        'is a Gateway API implementation running, and does the Service exist?',
    });
    expect(routeServing(route([meshParent], [report(meshParent, [accepted])]))).toEqual({ served: true });
  });

  it('keeps the last verdict while the gateway has not reported on the latest generation', () => {
    const old = GENERATION - 1;
    const acceptedBefore = condition('Accepted', 'True', 'Accepted', '', old);
    expect(routeServing(route([gatewayRef], [report(gatewayRef, [acceptedBefore])]))).toEqual({
      served: true,
    });
    const refusedBefore = condition('Accepted', 'False', 'NotAllowedByListeners', 'not allowed', old);
    expect(routeServing(route([gatewayRef], [report(gatewayRef, [refusedBefore])]))).toMatchObject({
      served: false,
      reason: 'NotAllowedByListeners',
    });
  });

  it('serving reads the status a gateway wrote, and routes keep it through weight writes', async () => {
    expect(await router.acceptance.serving(target)).toMatchObject({ served: false, reason: 'NotAttached' });
    await client.patch(
      HTTP_ROUTE,
      NS,
      'demo',
      { status: { parents: [report(publicGateway, [accepted, resolved])] } },
      'merge',
      { subresource: 'status' },
    );
    expect(await router.acceptance.serving(target)).toEqual({ served: true });
    await router.setWeights(target, tenPercent, CANDIDATES.cohort);
    // The write is a new generation; the gateway's last verdict stands until it reports again.
    expect(await router.acceptance.serving(target)).toEqual({ served: true });
  });
});
