/**
 * The end-to-end harness's gateway, without processes: HTTPRoutes compiled as a Gateway API
 * implementation runs them (precedence across rules, path and header matching, relative weights,
 * RequestMirror shares, unresolvable backends), the routes GatewayRouting renders routed as the
 * contract says, and the mesh playing the gateway's controller against the fake API server serving
 * the upstream HTTPRoute CRD (status.parents written through the status subresource, once per change).
 */
import { Testing } from 'cdk8s';
import { GatewayRouting } from '../../charts-ts/constructs/gateway-routing.js';
import { startFakeApiServer, type FakeApiServer } from '../support/fake-api-server/index.js';
import {
  compileHttpRoute,
  type HttpRouteObjectView,
  type HttpRouteRuleView,
  type ServiceView,
} from './harness/gateway-routes.js';
import { CONTROLLER_NAME, type RouteParentStatus } from './harness/gateway-status.js';
import { HTTP_ROUTES, KubeRest, SERVICES, type KubeObject } from './harness/kube.js';
import { Mesh } from './harness/mesh.js';

const NS = 'suoke-ai';
const service = (version: string): ServiceView => ({
  metadata: { name: `demo-${version}`, namespace: NS },
  spec: { selector: { app: 'demo', version }, ports: [{ name: 'http', port: 80 }] },
});
const SERVICES_V1_V2 = [service('v1'), service('v2')];
const ref = (version: string, weight?: number) => ({
  group: '',
  kind: 'Service',
  name: `demo-${version}`,
  port: 80,
  ...(weight === undefined ? {} : { weight }),
});
const EVERY_PATH = { path: { type: 'PathPrefix', value: '/' } };
const header = (name: string, value: string, type = 'Exact') => ({ type, name, value });
const GAMMA = [{ group: '', kind: 'Service', name: 'demo', port: 80 }];

function route(rules: HttpRouteRuleView[], extra: Record<string, unknown> = {}): HttpRouteObjectView {
  return { metadata: { name: 'demo', namespace: NS }, spec: { parentRefs: GAMMA, rules, ...extra } };
}

const versions = (...backendRefs: ReturnType<typeof ref>[]): HttpRouteRuleView => ({
  name: 'versions',
  matches: [EVERY_PATH],
  backendRefs,
});

describe('compileHttpRoute', () => {
  it('picks by match precedence across rules, not rule order: exact path, longer prefix, more headers, then the earlier rule', () => {
    const { table } = compileHttpRoute(
      route([
        versions(ref('v1', 1)),
        {
          name: 'one-header',
          matches: [{ ...EVERY_PATH, headers: [header('x-a', '1')] }],
          backendRefs: [ref('v2')],
        },
        {
          name: 'two-headers',
          matches: [{ ...EVERY_PATH, headers: [header('x-a', '1'), header('x-b', '1')] }],
          backendRefs: [ref('v2')],
        },
        {
          name: 'same-one-header',
          matches: [{ ...EVERY_PATH, headers: [header('x-a', '1')] }],
          backendRefs: [ref('v1')],
        },
        {
          name: 'prefix',
          matches: [{ path: { type: 'PathPrefix', value: '/v1/chat' } }],
          backendRefs: [ref('v2')],
        },
        {
          name: 'exact',
          matches: [{ path: { type: 'Exact', value: '/v1/models' } }],
          backendRefs: [ref('v1')],
        },
      ]),
      SERVICES_V1_V2,
    );
    expect(table.problems).toEqual([]);
    const to = (headers: Record<string, string>, path?: string) =>
      table.select({ headers, ...(path === undefined ? {} : { path }) })?.key;
    // The default request path is /v1/chat/completions: the longer prefix beats the catch-all.
    expect(to({})).toBe('prefix');
    expect(to({}, '/v1/models')).toBe('exact');
    expect(to({}, '/healthz')).toBe('versions');
    // A prefix is longer than any header count: path first.
    expect(to({ 'x-a': '1', 'x-b': '1' })).toBe('prefix');
    expect(to({ 'x-a': '1', 'x-b': '1' }, '/other')).toBe('two-headers');
    // Equal precedence: the earlier rule.
    expect(to({ 'x-a': '1' }, '/other')).toBe('one-header');
    expect(to({ 'x-a': '2' }, '/other')).toBe('versions');
    expect(table.defaultRoute?.key).toBe('versions');
    expect(table.split).toEqual({ v1: 100 });
  });

  it('matches whole path elements, every header of an entry, names case-insensitively and values as written', () => {
    const { table } = compileHttpRoute(
      route([
        {
          name: 'candidate',
          matches: [
            {
              path: { type: 'PathPrefix', value: '/v1/' },
              headers: [header('X-Cohort', 'beta'), header('x-tier', 'gold|silver', 'RegularExpression')],
            },
            {
              ...EVERY_PATH,
              headers: [header('cookie', '(?:.*;\\s*)?cohort=beta(?:;.*)?', 'RegularExpression')],
            },
          ],
          backendRefs: [ref('v2', 1)],
        },
        versions(ref('v1', 100), ref('v2', 0)),
      ]),
      SERVICES_V1_V2,
    );
    expect(table.problems).toEqual([]);
    const to = (headers: Record<string, string>, path = '/v1/chat/completions') =>
      table.select({ headers, path })?.key;
    expect(to({ 'x-cohort': 'beta', 'x-tier': 'gold' })).toBe('candidate');
    expect(to({ 'x-cohort': 'beta', 'x-tier': 'gold' }, '/v1')).toBe('candidate');
    expect(to({ 'x-cohort': 'beta', 'x-tier': 'gold' }, '/v10/chat')).toBe('versions');
    expect(to({ 'x-cohort': 'beta' })).toBe('versions');
    expect(to({ 'x-cohort': 'Beta', 'x-tier': 'gold' })).toBe('versions');
    expect(to({ 'x-cohort': 'beta', 'x-tier': 'golden' })).toBe('versions');
    expect(to({ cookie: 'theme=dark; cohort=beta; lang=zh' })).toBe('candidate');
    expect(to({ cookie: 'cohort=beta2' })).toBe('versions');
    expect(table.matchedRoutesTo('v2').map((r) => r.key)).toEqual(['candidate']);
    expect(table.split).toEqual({ v1: 100 });
  });

  it('splits by relative weight in percent: 1 when unset, 0 takes none, a sole backend takes all', () => {
    const split = (...refs: ReturnType<typeof ref>[]) =>
      compileHttpRoute(route([versions(...refs)]), SERVICES_V1_V2).table.split;
    expect(split(ref('v1', 75), ref('v2', 25))).toEqual({ v1: 75, v2: 25 });
    expect(split(ref('v1', 1))).toEqual({ v1: 100 });
    expect(split(ref('v1'), ref('v2'))).toEqual({ v1: 50, v2: 50 });
    expect(split(ref('v1', 3), ref('v2', 0))).toEqual({ v1: 100 });
  });

  it('mirrors percent, or fraction, or every request of the rule', () => {
    const mirror = (requestMirror: Record<string, unknown>) =>
      compileHttpRoute(
        route([
          {
            ...versions(ref('v1', 100), ref('v2', 0)),
            filters: [{ type: 'RequestMirror', requestMirror: { backendRef: ref('v2'), ...requestMirror } }],
          },
        ]),
        SERVICES_V1_V2,
      ).table.mirror;
    expect(mirror({ percent: 50 })).toEqual({ version: 'v2', percent: 50 });
    expect(mirror({ fraction: { numerator: 1, denominator: 4 } })).toEqual({ version: 'v2', percent: 25 });
    expect(mirror({ fraction: { numerator: 10 } })).toEqual({ version: 'v2', percent: 10 });
    expect(mirror({})).toEqual({ version: 'v2', percent: 100 });
  });

  it('records a weighted backend whose Service is missing as a problem, a weight-0 one only for the status', () => {
    const weighted = compileHttpRoute(route([versions(ref('v1', 50), ref('v3', 50))]), SERVICES_V1_V2);
    expect(weighted.table.problems.join()).toMatch(
      /demo-v3 cannot be resolved; its share would be answered 500/,
    );
    expect(weighted.unresolved).toEqual([
      {
        reason: 'BackendNotFound',
        message: expect.stringContaining('Service suoke-ai/demo-v3 does not exist'),
      },
    ]);
    expect(weighted.unsupported).toEqual([]);
    const idle = compileHttpRoute(route([versions(ref('v1', 100), ref('v3', 0))]), SERVICES_V1_V2);
    expect(idle.table.problems).toEqual([]);
    expect(idle.unresolved.map((u) => u.reason)).toEqual(['BackendNotFound']);
    const otherKind = compileHttpRoute(
      route([versions({ ...ref('v1', 1), group: 'example.net', kind: 'Backend' })]),
      SERVICES_V1_V2,
    );
    expect(otherKind.unresolved.map((u) => u.reason)).toEqual(['InvalidKind']);
  });

  it('refuses what it cannot honour: other filters, queryParams, regex paths, invalid RE2, unknown fields', () => {
    const problems = (rules: HttpRouteRuleView[], extra?: Record<string, unknown>) =>
      compileHttpRoute(route(rules, extra), SERVICES_V1_V2).unsupported.join('; ');
    const base = versions(ref('v1', 1));
    expect(problems([{ ...base, filters: [{ type: 'RequestHeaderModifier' }] }])).toMatch(
      /does not apply RequestHeaderModifier filters/,
    );
    expect(problems([{ ...base, matches: [{ queryParams: [{ name: 'a', value: 'b' }] }] }])).toMatch(
      /queryParams/,
    );
    expect(
      problems([{ ...base, matches: [{ path: { type: 'RegularExpression', value: '/v.*' } }] }]),
    ).toMatch(/precedence is implementation-specific/);
    expect(
      problems([{ ...base, matches: [{ headers: [header('x-a', '(?=a)a', 'RegularExpression')] }] }]),
    ).toMatch(/RE2 has no lookahead/);
    expect(problems([{ ...base, retry: { attempts: 2 } }])).toMatch(/does not evaluate retry/);
    expect(problems([base], { useDefaultGateways: 'All' })).toMatch(/does not evaluate useDefaultGateways/);
  });

  it('honours hostnames behind a Gateway, and addresses a Service parent by its name', () => {
    const gateway = compileHttpRoute(
      route([versions(ref('v1', 1))], {
        parentRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'public' }],
        hostnames: ['demo.example.com', '*.agents.example.com'],
      }),
      SERVICES_V1_V2,
    ).table;
    expect(gateway.host).toBe('demo.example.com');
    const to = (host: string) => gateway.select({ headers: { host } })?.key;
    expect(to('demo.example.com:443')).toBe('versions');
    expect(to('a.b.agents.example.com')).toBe('versions');
    expect(to('agents.example.com')).toBeUndefined();
    expect(to('other.example.com')).toBeUndefined();
    const mesh = compileHttpRoute(
      route([versions(ref('v1', 1))], { hostnames: ['demo.example.com'] }),
      SERVICES_V1_V2,
    ).table;
    expect(mesh.host).toBe('demo.suoke-ai.svc.cluster.local');
    expect(mesh.select({ headers: { host: 'anything' } })?.key).toBe('versions');
  });

  it('routes what GatewayRouting renders as the contract says: cohort by header, prefix and cookie, mirror share, weights', () => {
    const chart = Testing.chart();
    new GatewayRouting(chart, 'routing', {
      model: 'demo',
      agent: 'demo',
      namespace: NS,
      versions: ['v1', 'v2'],
      weights: [
        { version: 'v1', weight: 90 },
        { version: 'v2', weight: 10 },
      ],
      candidate: {
        version: 'v2',
        routing: {
          matches: [
            { header: { name: 'x-cohort', exact: 'beta' } },
            { header: { name: 'x-tier', prefix: 'gold.' } },
            { cookie: { name: 'cohort', exact: 'beta' } },
          ],
          mirrorPercent: 20,
        },
      },
    });
    const objects = Testing.synth(chart) as KubeObject[];
    const httpRoute = objects.find((o) => o.kind === 'HTTPRoute') as unknown as HttpRouteObjectView;
    const services = objects.filter((o) => o.kind === 'Service') as unknown as ServiceView[];
    const compiled = compileHttpRoute(httpRoute, services);
    expect(compiled.table.problems).toEqual([]);
    expect(compiled.unresolved).toEqual([]);
    const { table } = compiled;
    const to = (headers: Record<string, string>) => table.select({ headers })?.key;
    expect(to({ 'x-cohort': 'beta' })).toBe('candidate');
    expect(to({ 'x-cohort': 'betamax' })).toBe('versions');
    expect(to({ 'x-tier': 'gold.plus' })).toBe('candidate');
    expect(to({ 'x-tier': 'goldXplus' })).toBe('versions');
    expect(to({ cookie: 'theme=dark; cohort=beta; lang=zh' })).toBe('candidate');
    expect(to({ cookie: 'cohort=beta2' })).toBe('versions');
    expect(table.split).toEqual({ v1: 90, v2: 10 });
    expect(table.mirror).toEqual({ version: 'v2', percent: 20 });
    expect(table.host).toBe('demo.suoke-ai.svc.cluster.local');
  });
});

describe('Mesh over Gateway API', () => {
  let api: FakeApiServer;
  let kube: KubeRest;

  beforeAll(async () => {
    api = await startFakeApiServer({ crds: ['gateway-api'], namespaces: [NS] });
    kube = new KubeRest(api.url);
  }, 60_000);

  afterAll(async () => {
    await api?.stop();
  });

  const parentsOf = async (): Promise<RouteParentStatus[]> =>
    ((await kube.get(HTTP_ROUTES, NS, 'demo'))?.['status'] as { parents?: RouteParentStatus[] } | undefined)
      ?.parents ?? [];

  it('routes by the HTTPRoute and writes status.parents as the gateway controller, once per change', async () => {
    for (const s of SERVICES_V1_V2) {
      await kube.create(SERVICES, { apiVersion: 'v1', kind: 'Service', ...s } as unknown as KubeObject);
    }
    await kube.create(HTTP_ROUTES, {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'demo', namespace: NS },
      spec: { parentRefs: GAMMA, rules: [versions(ref('v1', 100), ref('v2', 0))] },
    });
    const mesh = new Mesh({ kube, namespace: NS, model: 'demo', router: 'gateway-api' });
    expect(await mesh.refresh()).toEqual({ v1: 100 });
    expect(mesh.statusError).toBeUndefined();
    const [entry] = await parentsOf();
    expect(entry).toMatchObject({ parentRef: GAMMA[0], controllerName: CONTROLLER_NAME });
    expect(entry!.conditions.map((c) => [c.type, c.status, c.reason, c.observedGeneration])).toEqual([
      ['Accepted', 'True', 'Accepted', 1],
      ['ResolvedRefs', 'True', 'ResolvedRefs', 1],
    ]);
    // Nothing changed: nothing written.
    await mesh.refresh();
    expect(mesh.routeStatuses).toHaveLength(1);

    // A new generation naming a Service that does not exist yet, at weight 0: reported, still routed.
    await kube.mergePatch(HTTP_ROUTES, NS, 'demo', {
      spec: { rules: [versions(ref('v1', 100), ref('v2', 0), ref('v3', 0))] },
    });
    expect(await mesh.refresh()).toEqual({ v1: 100 });
    const [missing] = await parentsOf();
    expect(missing!.conditions.find((c) => c.type === 'ResolvedRefs')).toMatchObject({
      status: 'False',
      reason: 'BackendNotFound',
      observedGeneration: 2,
      message: expect.stringContaining('Service suoke-ai/demo-v3 does not exist'),
    });
    expect(missing!.conditions.find((c) => c.type === 'Accepted')?.observedGeneration).toBe(2);

    // The Service appears: the same generation is reported again, resolved.
    await kube.create(SERVICES, {
      apiVersion: 'v1',
      kind: 'Service',
      ...service('v3'),
    } as unknown as KubeObject);
    await mesh.refresh();
    const [resolved] = await parentsOf();
    expect(resolved!.conditions.find((c) => c.type === 'ResolvedRefs')).toMatchObject({
      status: 'True',
      observedGeneration: 2,
    });
    expect(mesh.routeStatuses.map((s) => s.generation)).toEqual([1, 2, 2]);
    expect(mesh.rejected).toEqual([]);

    // A weighted share to a missing Service: the table is refused, the last one stays in force.
    await kube.mergePatch(HTTP_ROUTES, NS, 'demo', {
      spec: { rules: [versions(ref('v1', 50), ref('v9', 50))] },
    });
    expect(await mesh.refresh()).toEqual({ v1: 100 });
    expect(mesh.rejected.at(-1)?.problems.join()).toMatch(/demo-v9 cannot be resolved/);

    // Refused by the gateway: reported at the new generation, served as last accepted meanwhile.
    mesh.refuseRoutes({ reason: 'NotAllowedByListeners', message: 'no listener admits it' });
    await kube.mergePatch(HTTP_ROUTES, NS, 'demo', {
      spec: { rules: [versions(ref('v1', 50), ref('v2', 50))] },
    });
    expect(await mesh.refresh()).toEqual({ v1: 100 });
    const [refused] = await parentsOf();
    expect(refused!.conditions.find((c) => c.type === 'Accepted')).toMatchObject({
      status: 'False',
      reason: 'NotAllowedByListeners',
      observedGeneration: 4,
    });
    mesh.refuseRoutes(undefined);
    expect(await mesh.refresh()).toEqual({ v1: 50, v2: 50 });
    expect((await parentsOf())[0]!.conditions.find((c) => c.type === 'Accepted')?.status).toBe('True');
  });
});
