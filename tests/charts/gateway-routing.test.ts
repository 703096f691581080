import { describe, expect, it } from '@jest/globals';
import { Testing } from 'cdk8s';
import {
  GatewayRouting,
  gatewayCandidateRule,
  gatewayDuration,
  gatewayRouteMatch,
  parseGatewayRouteMatch,
  versionBackendRef,
  withGatewayMirror,
  withoutGatewayMirror,
  type GatewayRouteRule,
  type GatewayRoutingProps,
} from '../../charts-ts/constructs/gateway-routing.js';
import { render, type KubeObject, type RenderOptions } from '../../charts-ts/render.js';
import type { ParentRef, RequestMatch } from '../../crds/api/index.js';
import { sameRoute } from '../../operators/rollout/route.js';
import {
  validateCore,
  validateCustom,
  validateObject,
  type K8sObject,
} from '../charts-platform/support/validate.js';
import { CANDIDATES } from './rendered.js';
import { NAMESPACE, find, minimalModel, minimalVersion } from './support.js';

const SPLIT = [
  { version: 'v1', weight: 70 },
  { version: 'v2', weight: 30 },
];

function routing(overrides: Partial<GatewayRoutingProps> = {}): any[] {
  const chart = Testing.chart();
  new GatewayRouting(chart, 'r', {
    model: 'demo',
    agent: 'demo',
    namespace: 'agents',
    versions: ['v1', 'v2'],
    weights: SPLIT,
    ...overrides,
  });
  return Testing.synth(chart);
}

const httpRoute = (overrides: Partial<GatewayRoutingProps> = {}) =>
  routing(overrides).find((o) => o.kind === 'HTTPRoute');

const EVERY_PATH = { path: { type: 'PathPrefix', value: '/' } };
const service = (name: string) => ({ group: '', kind: 'Service', name, port: 80 });

/** Every match form a RequestMatch can take, with names and values full of regex metacharacters. */
const MATCHES: [string, RequestMatch][] = [
  ['header exact', { header: { name: 'x-cohort', exact: 'beta' } }],
  ['header exact with metacharacters', { header: { name: 'x-cohort', exact: 'a.b*(c)' } }],
  ['header prefix', { header: { name: 'x-cohort', prefix: 'be' } }],
  ['header prefix with metacharacters', { header: { name: 'x-cohort', prefix: 'v1.2+[rc]' } }],
  ['header regex', { header: { name: 'x-tier', regex: 'gold|silver' } }],
  ['header regex that is no prefix', { header: { name: 'x-tier', regex: 'gold.*x' } }],
  ['header regex of a lone .*', { header: { name: 'x-tier', regex: '.*' } }],
  ['raw cookie header', { header: { name: 'cookie', exact: 'raw' } }],
  ['raw cookie header regex', { header: { name: 'cookie', regex: '.*beta.*' } }],
  ['cookie exact', { cookie: { name: 'cohort', exact: 'b.1' } }],
  ['cookie prefix', { cookie: { name: 'ab+test', prefix: 'x*' } }],
  ['cookie regex', { cookie: { name: 'group', regex: 'beta|gamma' } }],
  ['cookie with an odd name', { cookie: { name: "a.b$^|*+'#", exact: 'v[1]{2}\\' } }],
];

/** RE2's whole-value match, as Gateway API implementations apply RegularExpression; our regexes read the same in JS. */
const fullMatch = (regex: string, value: string) => new RegExp(`^(?:${regex})$`).test(value);

async function problems(objects: readonly KubeObject[]): Promise<string[]> {
  const out: string[] = [];
  // One at a time: the ESM loader under jest races on concurrent first imports of the same model module.
  for (const object of objects) out.push(...(await validateObject(object as K8sObject)));
  return out;
}

describe('Gateway API match encoding', () => {
  it('writes each RequestMatch as one header condition on every path', () => {
    expect(MATCHES.slice(0, 5).map(([, m]) => gatewayRouteMatch(m))).toEqual([
      { ...EVERY_PATH, headers: [{ type: 'Exact', name: 'x-cohort', value: 'beta' }] },
      { ...EVERY_PATH, headers: [{ type: 'Exact', name: 'x-cohort', value: 'a.b*(c)' }] },
      { ...EVERY_PATH, headers: [{ type: 'RegularExpression', name: 'x-cohort', value: 'be.*' }] },
      {
        ...EVERY_PATH,
        headers: [{ type: 'RegularExpression', name: 'x-cohort', value: 'v1\\.2\\+\\[rc\\].*' }],
      },
      { ...EVERY_PATH, headers: [{ type: 'RegularExpression', name: 'x-tier', value: 'gold|silver' }] },
    ]);
    expect(gatewayRouteMatch({ cookie: { name: 'cohort', exact: 'b.1' } })).toEqual({
      ...EVERY_PATH,
      headers: [{ type: 'RegularExpression', name: 'cookie', value: '(?:.*;\\s*)?cohort=b\\.1(?:;.*)?' }],
    });
  });

  it('a prefix regex matches exactly the values starting with the prefix, metacharacters literal', () => {
    const [header] = gatewayRouteMatch({ header: { name: 'x-v', prefix: 'v1.2+[rc]' } }).headers ?? [];
    for (const value of ['v1.2+[rc]', 'v1.2+[rc]-7', 'v1.2+[rc].x'])
      expect(fullMatch(header!.value, value)).toBe(true);
    for (const value of ['v1x2+[rc]', 'v1.22[rc]', 'xv1.2+[rc]', 'v1.2+r'])
      expect(fullMatch(header!.value, value)).toBe(false);
  });

  it.each(MATCHES)('reads back %s as the same RequestMatch', (_name, match) => {
    expect(parseGatewayRouteMatch(JSON.parse(JSON.stringify(gatewayRouteMatch(match))))).toEqual(match);
  });

  it('reads a header name in any case as the lower-case name, and a header type left out as Exact', () => {
    expect(parseGatewayRouteMatch({ ...EVERY_PATH, headers: [{ name: 'X-Cohort', value: 'beta' }] })).toEqual(
      {
        header: { name: 'x-cohort', exact: 'beta' },
      },
    );
    expect(
      parseGatewayRouteMatch({
        headers: [{ type: 'RegularExpression', name: 'Cookie', value: '(?:.*;\\s*)?c=1(?:;.*)?' }],
      }),
    ).toEqual({ cookie: { name: 'c', exact: '1' } });
  });

  it.each<[string, unknown, RegExp]>([
    ['a non-object', 'x-cohort', /is not an object/],
    [
      'a method match',
      { ...EVERY_PATH, method: 'GET', headers: [{ type: 'Exact', name: 'a', value: '1' }] },
      /matches on method; only a single header condition/,
    ],
    ['a query match', { queryParams: [{ name: 'q', value: '1' }] }, /matches on queryParams/],
    [
      'a path other than every path',
      { path: { type: 'PathPrefix', value: '/v1' }, headers: [{ type: 'Exact', name: 'a', value: '1' }] },
      /matches the path .*ours match every path/,
    ],
    ['no header', { ...EVERY_PATH }, /is not a single header condition/],
    [
      'two headers',
      {
        headers: [
          { type: 'Exact', name: 'a', value: '1' },
          { type: 'Exact', name: 'b', value: '2' },
        ],
      },
      /single header condition/,
    ],
    [
      'an unknown header type',
      { headers: [{ type: 'Prefix', name: 'a', value: '1' }] },
      /header type "Prefix"; ours are Exact or RegularExpression/,
    ],
    [
      'a header without a value',
      { headers: [{ type: 'Exact', name: 'a' }] },
      /without a string name and value/,
    ],
    [
      'an empty value',
      { headers: [{ type: 'Exact', name: 'a', value: '' }] },
      /is not one we write: .*exact must be a non-empty string/,
    ],
    [
      'a header name RequestMatch cannot hold',
      { headers: [{ type: 'Exact', name: 'x_a', value: '1' }] },
      /is not one we write: .*must be lower case letters, digits and '-'/,
    ],
  ])('refuses to read back %s', (_name, match, message) => {
    expect(() => parseGatewayRouteMatch(match)).toThrow(message);
  });

  it('treats a route whose regex is an escaped literal and .* as the prefix it was written from', () => {
    const prefix = { weight: 0, routing: { matches: [{ header: { name: 'x-v', prefix: 'v1.2' } }] } };
    const regex = { weight: 0, routing: { matches: [{ header: { name: 'x-v', regex: 'v1\\.2.*' } }] } };
    expect(sameRoute(prefix, regex)).toBe(true);
    expect(sameRoute(regex, prefix)).toBe(true);
    // Not the same prefix, and a regex whose `.` is a wildcard is no literal.
    expect(
      sameRoute(prefix, { weight: 0, routing: { matches: [{ header: { name: 'x-v', regex: 'v1.2.*' } }] } }),
    ).toBe(false);
    expect(
      sameRoute(prefix, {
        weight: 0,
        routing: { matches: [{ header: { name: 'x-v', regex: 'v1\\.3.*' } }] },
      }),
    ).toBe(false);
  });
});

describe('gatewayDuration', () => {
  it.each([
    ['120s', '120s'],
    ['90m', '90m'],
    ['1h30m', '1h30m'],
    ['1.5s', '1s500ms'],
    ['0.7s', '700ms'],
    ['2.5h', '2h30m'],
    ['1500ms', '1500ms'],
    ['250000us', '250ms'],
    ['1m0.5s', '1m500ms'],
    ['100000s', '27h46m40s'],
  ])('writes %s as %s', (duration, written) => {
    expect(gatewayDuration('traffic.timeout', duration)).toBe(written);
    expect(written).toMatch(/^([0-9]{1,5}(h|m|s|ms)){1,4}$/);
  });

  it.each([
    ['2 minutes', /traffic\.timeout '2 minutes' is not a duration/],
    ['1us', /traffic\.timeout '1us' is not a whole number of milliseconds/],
    ['1.0005ms', /not a whole number of milliseconds/],
    ['100000h', /longer than the 99999h a Gateway API duration holds/],
  ])('refuses %s', (duration, message) => {
    expect(() => gatewayDuration('traffic.timeout', duration)).toThrow(message);
  });
});

describe('Gateway API rule helpers', () => {
  const versions: GatewayRouteRule = {
    name: 'versions',
    matches: [EVERY_PATH],
    backendRefs: [versionBackendRef('demo', 'v1', 100), versionBackendRef('demo', 'v2', 0)],
    timeouts: { request: '30s' },
  };

  it('names each version by its Service, weight left out for mirrors', () => {
    expect(versionBackendRef('laoke', '1.0.0', 5)).toEqual({ ...service('laoke-1-0-0'), weight: 5 });
    expect(versionBackendRef('laoke', '1.0.0')).toEqual(service('laoke-1-0-0'));
  });

  it('the candidate rule takes the matches, the version alone and the versions rule timeouts', () => {
    expect(gatewayCandidateRule('demo', 'v2', [{ header: { name: 'x-a', exact: '1' } }], versions)).toEqual({
      name: 'candidate',
      matches: [{ ...EVERY_PATH, headers: [{ type: 'Exact', name: 'x-a', value: '1' }] }],
      backendRefs: [{ ...service('demo-v2'), weight: 1 }],
      timeouts: { request: '30s' },
    });
    expect(() => gatewayCandidateRule('demo', 'v2', [], versions, 'demo: candidate')).toThrow(
      /demo: candidate: a matched route needs at least one match/,
    );
    expect(() =>
      gatewayCandidateRule('demo', 'v2', [{ header: { name: 'X-A', exact: '1' } }], versions, 'demo'),
    ).toThrow(/demo: match 1: header name 'X-A' must be lower case/);
  });

  it('a mirror replaces any other mirror and keeps other filters; removing it drops an empty filters list', () => {
    const header = {
      type: 'RequestHeaderModifier',
      requestHeaderModifier: { set: [{ name: 'x', value: '1' }] },
    };
    const mirrored = withGatewayMirror({ ...versions, filters: [header] }, 'demo', 'v1', 50);
    const again = withGatewayMirror(mirrored, 'demo', 'v2', 10);
    expect(again.filters).toEqual([
      header,
      { type: 'RequestMirror', requestMirror: { backendRef: service('demo-v2'), percent: 10 } },
    ]);
    expect(withoutGatewayMirror(again)).toEqual({ ...versions, filters: [header] });
    expect(withoutGatewayMirror(withGatewayMirror(versions, 'demo', 'v2', 10))).toEqual(versions);
    expect(() => withGatewayMirror(versions, 'demo', 'v2', 0, 'demo: candidate')).toThrow(
      /demo: candidate: mirrorPercent \(0\) must be a whole percent in 1..100/,
    );
    expect(() => withGatewayMirror(versions, 'demo', 'v2', 12.5)).toThrow(/whole percent/);
  });
});

describe('GatewayRouting', () => {
  it('routes every request by weight to one Service per version, through the model Service by default (GAMMA)', () => {
    const objects = routing();
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Service/demo-v1',
      'Service/demo-v2',
      'HTTPRoute/demo',
    ]);
    const route = objects[2];
    expect(route.apiVersion).toBe('gateway.networking.k8s.io/v1');
    expect(route.metadata).toEqual({
      name: 'demo',
      namespace: 'agents',
      labels: expect.objectContaining({ app: 'demo', agent: 'demo', model: 'demo' }),
    });
    expect(route.spec).toEqual({
      parentRefs: [service('demo')],
      rules: [
        {
          name: 'versions',
          matches: [EVERY_PATH],
          backendRefs: [
            { ...service('demo-v1'), weight: 70 },
            { ...service('demo-v2'), weight: 30 },
          ],
          timeouts: { request: '120s' },
        },
      ],
    });
  });

  it("gives each version a ClusterIP Service on the runtime's API port alone, selecting its pods", async () => {
    const services = routing({ targetPort: 8080 }).filter((o) => o.kind === 'Service');
    expect(services[1]).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'demo-v2',
        namespace: 'agents',
        labels: expect.objectContaining({
          app: 'demo',
          version: 'v2',
          'app.kubernetes.io/instance': 'demo-v2',
        }),
      },
      spec: {
        type: 'ClusterIP',
        selector: { app: 'demo', version: 'v2' },
        ports: [{ name: 'http', port: 80, targetPort: 8080 }],
      },
    });
    for (const object of services) expect(await validateCore(object)).toEqual([]);
  });

  it('keeps a version at weight 0 among the backendRefs', () => {
    const rule = httpRoute({
      weights: [
        { version: 'v1', weight: 100 },
        { version: 'v2', weight: 0 },
      ],
    }).spec.rules[0];
    expect(rule.backendRefs.map((b: any) => [b.name, b.weight])).toEqual([
      ['demo-v1', 100],
      ['demo-v2', 0],
    ]);
  });

  it('puts the candidate rule, with every kind of match, before the versions rule', () => {
    const matches = MATCHES.map(([, m]) => m);
    const [candidate, versions] = httpRoute({
      candidate: { version: 'v2', routing: { matches } },
      timeout: '1.5s',
    }).spec.rules;
    expect(candidate).toEqual({
      name: 'candidate',
      matches: matches.map((m) => gatewayRouteMatch(m)),
      backendRefs: [{ ...service('demo-v2'), weight: 1 }],
      timeouts: { request: '1s500ms' },
    });
    expect(versions.name).toBe('versions');
    expect(versions.timeouts).toEqual({ request: '1s500ms' });
    expect(versions.filters).toBeUndefined();
  });

  it('mirrors a share of the versions rule to the candidate', () => {
    const rules = httpRoute({ candidate: CANDIDATES.shadow }).spec.rules;
    expect(rules.map((r: any) => r.name)).toEqual(['versions']);
    expect(rules[0].filters).toEqual([
      { type: 'RequestMirror', requestMirror: { backendRef: service('demo-v2'), percent: 10 } },
    ]);
  });

  it('attaches to the Gateways named, with group and kind written out, and answers on the hosts there', () => {
    const parentRefs: ParentRef[] = [
      { name: 'public', namespace: 'gateways', sectionName: 'https', port: 443 },
      { name: 'public', namespace: 'gateways', sectionName: 'http' },
      { group: '', kind: 'Service', name: 'demo', port: 80 },
    ];
    const spec = httpRoute({ parentRefs, hosts: ['demo.example.com', '*.demo.example.com'] }).spec;
    expect(spec.parentRefs).toEqual([
      {
        group: 'gateway.networking.k8s.io',
        kind: 'Gateway',
        namespace: 'gateways',
        name: 'public',
        sectionName: 'https',
        port: 443,
      },
      {
        group: 'gateway.networking.k8s.io',
        kind: 'Gateway',
        namespace: 'gateways',
        name: 'public',
        sectionName: 'http',
      },
      service('demo'),
    ]);
    expect(spec.hostnames).toEqual(['demo.example.com', '*.demo.example.com']);
    // A Service is called by its own name: host names would only narrow what it answers.
    expect(httpRoute({ hosts: ['demo.example.com'] }).spec.hostnames).toBeUndefined();
  });

  it('every HTTPRoute it renders passes the upstream CRD schema (strict) and its CEL rules', () => {
    const cases: Partial<GatewayRoutingProps>[] = [
      {},
      { versions: ['v1'], weights: [] },
      { candidate: CANDIDATES.preview },
      { candidate: CANDIDATES.cohort },
      { candidate: { version: 'v2', routing: { matches: MATCHES.map(([, m]) => m) } } },
      { candidate: CANDIDATES.shadow, timeout: '0.25s' },
      { candidate: { version: 'v2', routing: { ...CANDIDATES.cohort.routing, mirrorPercent: 100 } } },
      {
        parentRefs: [
          { name: 'public', namespace: 'gateways', sectionName: 'https', port: 443 },
          { name: 'public', namespace: 'gateways', sectionName: 'http' },
          { name: 'internal' },
        ],
        hosts: ['demo.example.com', '*.example.org'],
      },
      { parentRefs: [{ group: '', kind: 'Service', name: 'demo', namespace: 'agents', port: 80 }] },
    ];
    for (const overrides of cases) {
      const route = httpRoute(overrides);
      expect({ overrides, errors: validateCustom(route) }).toEqual({ overrides, errors: [] });
    }
  });

  it('the CRD validation is live, CEL rules included', () => {
    const route = JSON.parse(JSON.stringify(httpRoute()));
    route.spec.rules[0].backendRefs[0].weight = 'half';
    expect(validateCustom(route).length).toBeGreaterThan(0);
    // A copy made in this realm: the CEL library recognises only its own realm's arrays.
    const twice = JSON.parse(
      JSON.stringify(
        httpRoute({
          parentRefs: [
            { name: 'a', sectionName: 'x' },
            { name: 'a', sectionName: 'y' },
          ],
        }),
      ),
    );
    // Each rule fails on its own, so a rule that errors instead of evaluating would show here.
    delete twice.spec.parentRefs[0].sectionName;
    delete twice.spec.parentRefs[1].sectionName;
    expect(validateCustom(twice)).toEqual([expect.stringMatching(/sectionName must be unique/)]);
    const mirror = JSON.parse(JSON.stringify(httpRoute({ candidate: CANDIDATES.shadow })));
    mirror.spec.rules[0].filters[0].requestMirror.fraction = { numerator: 1, denominator: 10 };
    expect(validateCustom(mirror)).toEqual([expect.stringMatching(/Only one of percent or fraction/)]);
  });

  describe('throws at construction', () => {
    it.each<[string, Partial<GatewayRoutingProps>, RegExp]>([
      ['no versions', { versions: [], weights: [] }, /demo: GatewayRouting needs at least one version/],
      [
        'weights not adding up to 100',
        { weights: [{ version: 'v1', weight: 70 }] },
        /traffic weights add up to 70/,
      ],
      ['several versions without weights', { weights: undefined }, /traffic weights are required/],
      [
        'a weight for a version without pods',
        { weights: [{ version: 'v3', weight: 100 }] },
        /names version 'v3', which has no workload/,
      ],
      [
        'a candidate that is not among the versions',
        { candidate: { version: 'v3', routing: { mirrorPercent: 10 } } },
        /demo: candidate version 'v3' is not among the versions \(v1, v2\); render it among the versions so it has a Service/,
      ],
      [
        'a bad match',
        {
          candidate: {
            version: 'v2',
            routing: { matches: [{ header: { name: 'a', exact: '1', prefix: '2' } }] },
          },
        },
        /match 1: header a: set exactly one of exact, prefix or regex/,
      ],
      [
        'a mirror of no requests',
        { candidate: { version: 'v2', routing: { mirrorPercent: 0 } } },
        /mirrorPercent \(0\) must be a whole percent/,
      ],
      ['a bad timeout', { timeout: '2 minutes' }, /demo: traffic\.timeout '2 minutes' is not a duration/],
      ['a zero timeout', { timeout: '0s' }, /traffic\.timeout '0s' must be at least 1ms/],
      [
        'a timeout finer than a millisecond',
        { timeout: '1500us' },
        /traffic\.timeout '1500us' is not a whole number of milliseconds/,
      ],
      [
        'a host that is no hostname',
        { parentRefs: [{ name: 'public' }], hosts: ['a..b'] },
        /traffic\.hosts\[0\] 'a\.\.b' is not a Gateway API hostname/,
      ],
      [
        'a Gateway named twice without distinct listeners',
        {
          parentRefs: [
            { name: 'public', namespace: 'gw' },
            { name: 'public', namespace: 'gw', sectionName: 'https' },
          ],
        },
        /demo: traffic\.parentRefs names Gateway gw\/public 2 times; give each of them a different sectionName/,
      ],
      [
        'a Gateway named twice with one listener',
        {
          parentRefs: [
            { name: 'public', sectionName: 'https' },
            { name: 'public', sectionName: 'https' },
          ],
        },
        /names Gateway public 2 times/,
      ],
      [
        'versions that fold to one Service',
        { versions: ['1.0', '1-0'], weights: [{ version: '1.0', weight: 100 }] },
        /versions '1-0' and '1\.0' both become 'demo-1-0'/,
      ],
    ])('%s', (_name, overrides, message) => {
      expect(() => routing(overrides)).toThrow(message);
    });
  });
});

describe('render() routes and mesh', () => {
  const versions = [minimalVersion('v1'), minimalVersion('v2')];
  const split = SPLIT;
  const kinds = (objects: readonly KubeObject[]) => [...new Set(objects.map((o) => o.kind))].sort();
  const istioKinds = (objects: readonly KubeObject[]) =>
    objects.filter((o) => o.apiVersion.includes('istio.io'));
  const derive = (options: RenderOptions, spec: Parameters<typeof minimalModel>[0] = {}) =>
    render(minimalModel(spec), versions, split, options);

  it("with gateway-api routes and no mesh: the HTTPRoute and the versions' Services, no Istio kind", async () => {
    const objects = derive({ routes: 'gateway-api', candidate: CANDIDATES.cohort });
    expect(istioKinds(objects)).toEqual([]);
    expect(objects.filter((o) => o.kind === 'Service').map((o) => o.metadata.name)).toEqual([
      'demo',
      'demo-v1',
      'demo-v2',
    ]);
    const route = find(objects, 'HTTPRoute', 'demo');
    expect(route.metadata.ownerReferences[0]).toMatchObject({
      kind: 'AIModel',
      name: 'demo',
      controller: true,
    });
    expect(route.spec.rules.map((r: any) => r.name)).toEqual(['candidate', 'versions']);
    expect(await problems(objects)).toEqual([]);
  });

  it("with gateway-api routes in a mesh: also STRICT mTLS and the AuthorizationPolicy, which admits the Gateways' namespaces", async () => {
    const objects = derive(
      { routes: 'gateway-api', mesh: true },
      { traffic: { parentRefs: [{ name: 'public', namespace: 'gateways' }] } },
    );
    expect(kinds(istioKinds(objects))).toEqual(['AuthorizationPolicy', 'PeerAuthentication']);
    const policy = find(objects, 'AuthorizationPolicy', 'demo');
    expect(policy.spec.rules[0].from).toEqual([{ source: { namespaces: ['gateways', NAMESPACE] } }]);
    expect(await problems(objects)).toEqual([]);
  });

  it('with no routes: neither Istio nor Gateway API routes, nor per-version Services', () => {
    const objects = derive({ routes: 'none' });
    expect(
      objects.filter((o) => ['HTTPRoute', 'VirtualService', 'DestinationRule'].includes(o.kind)),
    ).toEqual([]);
    expect(istioKinds(objects)).toEqual([]);
    expect(objects.filter((o) => o.kind === 'Service').map((o) => o.metadata.name)).toEqual(['demo']);
    expect(kinds(istioKinds(derive({ routes: 'none', mesh: true })))).toEqual([
      'AuthorizationPolicy',
      'PeerAuthentication',
    ]);
  });

  it('with Istio routes (the default): DestinationRule, VirtualService and the mesh security, no HTTPRoute', () => {
    const objects = derive({});
    expect(kinds(istioKinds(objects))).toEqual([
      'AuthorizationPolicy',
      'DestinationRule',
      'PeerAuthentication',
      'VirtualService',
    ]);
    expect(objects.some((o) => o.kind === 'HTTPRoute')).toBe(false);
    expect(kinds(istioKinds(derive({ mesh: false })))).toEqual(['DestinationRule', 'VirtualService']);
  });

  it('takes parentRefs, hosts and timeout from spec.traffic', () => {
    const objects = derive(
      { routes: 'gateway-api' },
      {
        traffic: {
          parentRefs: [{ name: 'public', namespace: 'gateways', sectionName: 'https' }],
          hosts: ['demo.example.com'],
          timeout: '45s',
        },
      },
    );
    const spec = find(objects, 'HTTPRoute', 'demo').spec;
    expect(spec.parentRefs).toEqual([
      {
        group: 'gateway.networking.k8s.io',
        kind: 'Gateway',
        namespace: 'gateways',
        name: 'public',
        sectionName: 'https',
      },
    ]);
    expect(spec.hostnames).toEqual(['demo.example.com']);
    expect(spec.rules[0].timeouts).toEqual({ request: '45s' });
  });

  describe('NetworkPolicy of the API port', () => {
    const apiNamespaces = (objects: readonly KubeObject[]) =>
      objects
        .filter((o) => o.kind === 'NetworkPolicy')
        .map((o) =>
          (o.spec as any).ingress[0].from
            .filter((peer: any) => peer.namespaceSelector !== undefined)
            .map((peer: any) => peer.namespaceSelector.matchLabels['kubernetes.io/metadata.name']),
        );

    it("admits the namespaces of Gateways outside the model's, once each and sorted, besides istio-system", () => {
      const parentRefs: ParentRef[] = [
        { name: 'public', namespace: 'zeta-gateways', sectionName: 'https' },
        { name: 'public', namespace: 'zeta-gateways', sectionName: 'http' },
        { name: 'internal', namespace: 'alpha-gateways' },
        { name: 'local' },
        { name: 'same', namespace: NAMESPACE },
        // A Service elsewhere is no gateway: its callers' namespaces are their own concern.
        { group: '', kind: 'Service', name: 'other', namespace: 'elsewhere', port: 80 },
      ];
      const objects = derive({ routes: 'gateway-api' }, { traffic: { parentRefs } });
      expect(apiNamespaces(objects)).toEqual([
        ['alpha-gateways', 'istio-system', 'zeta-gateways'],
        ['alpha-gateways', 'istio-system', 'zeta-gateways'],
      ]);
    });

    it('admits nothing more for a GAMMA route, nor with Istio routes', () => {
      expect(apiNamespaces(derive({ routes: 'gateway-api' }))).toEqual([['istio-system'], ['istio-system']]);
      const parentRefs: ParentRef[] = [{ name: 'public', namespace: 'gateways' }];
      expect(apiNamespaces(derive({}, { traffic: { parentRefs } }))).toEqual([
        ['istio-system'],
        ['istio-system'],
      ]);
    });
  });

  it('refuses routes it does not know', () => {
    expect(() => derive({ routes: 'linkerd' as never })).toThrow(
      /render: options\.routes 'linkerd' is not one of istio, gateway-api, none/,
    );
  });
});
