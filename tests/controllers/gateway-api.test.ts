/**
 * The rollout controllers with the gateway-api router on the fake API server (Gateway API CRDs, no
 * Istio): what lands in the model's HTTPRoute at each stage (backendRef weights, the candidate rule,
 * the mirror filter), the per-version Services it routes to, and the pause while the gateway does
 * not accept the route. The test plays the gateway (status.parents, see fake-gateway.ts).
 */
import { cookieRegex } from '../../charts-ts/constructs/istio-routing.js';
import { LABEL_APP, LABEL_MANAGED_BY, MANAGED_BY } from '../../crds/api/index.js';
import { AIMODEL } from '../../operators/kinds.js';
import type { KubeObject } from '../../operators/kit/resource.js';
import { GatewayApiRouter, HTTP_ROUTE } from '../../operators/traffic/gateway-api.js';
import { Harness, MODEL, NS, sampled, type HarnessOptions } from './harness.js';
import type { GatewayVerdict } from './fake-gateway.js';

const MINUTE = 60_000;

/** A cluster with Gateway API and no mesh, the operator run with `--traffic-router=gateway-api`. */
const GATEWAY_CLUSTER: HarnessOptions = {
  crds: ['project', 'vpa', 'gateway-api'],
  router: 'gateway-api',
  gateway: 'accepting',
};

const { steps: _steps, ...withoutSteps } = sampled;

interface BackendRef {
  group?: string;
  kind?: string;
  name?: string;
  port?: number;
  weight?: number;
}
interface RouteMatch {
  path?: { type?: string; value?: string };
  headers?: { type?: string; name?: string; value?: string }[];
}
interface RouteRule {
  name?: string;
  matches?: RouteMatch[];
  backendRefs?: BackendRef[];
  filters?: { type?: string; requestMirror?: { backendRef?: BackendRef; percent?: number } }[];
  timeouts?: { request?: string };
}
interface HttpRoute extends KubeObject {
  spec?: { parentRefs?: Record<string, unknown>[]; hostnames?: string[]; rules?: RouteRule[] };
}

const HTTP_ROUTE_KIND = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute' };
const EVERY_PATH = { path: { type: 'PathPrefix', value: '/' } };
const TIMEOUTS = { request: '120s' };

let h: Harness;

async function start(options: HarnessOptions = GATEWAY_CLUSTER): Promise<void> {
  h = await Harness.start(options);
  expect(h.router).toBeInstanceOf(GatewayApiRouter);
}

beforeEach(async () => {
  await start();
  await h.createModel(sampled);
  await h.createVersion('v1');
  await h.settle();
});
afterEach(async () => {
  await h.stop();
});

/** The model's HTTPRoute as stored. */
function httpRoute(): HttpRoute {
  const route = h.api.get(HTTP_ROUTE_KIND, NS, MODEL);
  if (route === undefined) throw new Error(`HTTPRoute ${NS}/${MODEL} does not exist`);
  return route as HttpRoute;
}

function rules(): RouteRule[] {
  return httpRoute().spec?.rules ?? [];
}

function rule(name: string): RouteRule | undefined {
  return rules().find((r) => r.name === name);
}

/** The `versions` rule's split: `[Service, weight]` per backendRef, in order. */
function split(): [string | undefined, number | undefined][] {
  return (rule('versions')?.backendRefs ?? []).map((b) => [b.name, b.weight]);
}

/** A backendRef to a version's Service, with every field the API server would default written out. */
function backend(version: string, weight: number): BackendRef {
  return { group: '', kind: 'Service', name: `${MODEL}-${version}`, port: 80, weight };
}

function services(): string[] {
  return h.api
    .list({ apiVersion: 'v1', kind: 'Service' }, NS)
    .map((s) => s.metadata.name ?? '')
    .sort();
}

function hpaBounds(name: string): { min?: number; max?: number } {
  const hpa = h.api.get({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler' }, NS, name) as
    (KubeObject & { spec?: { minReplicas?: number; maxReplicas?: number } }) | undefined;
  return { min: hpa?.spec?.minReplicas, max: hpa?.spec?.maxReplicas };
}

/** Warning Events about `name`, oldest first, as `reason: note`. */
function warnings(name: string): string[] {
  return h.api
    .list({ apiVersion: 'events.k8s.io/v1', kind: 'Event' }, NS)
    .filter((e) => e['type'] === 'Warning')
    .filter((e) => (e['regarding'] as { name?: string } | undefined)?.name === name)
    .sort((a, b) => String(a['eventTime']).localeCompare(String(b['eventTime'])))
    .map((e) => `${String(e['reason'])}: ${String(e['note'])}`);
}

async function progressingCondition(version: string): Promise<{ reason?: string; message?: string }> {
  return (await h.version(version)).status?.conditions?.find((c) => c.type === 'Progressing') ?? {};
}

describe('the routes rendered with the gateway-api router', () => {
  it('are an HTTPRoute owned by the AIModel, with the whole split to the only version, parented by the model Service', async () => {
    const route = httpRoute();
    expect(route.spec).toEqual({
      parentRefs: [{ group: '', kind: 'Service', name: MODEL, port: 80 }],
      rules: [
        { name: 'versions', matches: [EVERY_PATH], backendRefs: [backend('v1', 100)], timeouts: TIMEOUTS },
      ],
    });
    const model = await h.model();
    expect(route.metadata.ownerReferences).toEqual([
      expect.objectContaining({ kind: 'AIModel', name: MODEL, uid: model.metadata.uid, controller: true }),
    ]);
    expect(route.metadata.labels).toMatchObject({ [LABEL_APP]: MODEL, [LABEL_MANAGED_BY]: MANAGED_BY });
    expect(await h.weights()).toEqual([{ version: 'v1', weight: 100 }]);
  });

  it('route to one Service per running version, with the API port only', async () => {
    await h.createVersion('v2');
    await h.settle();
    expect(services()).toEqual(['demo', 'demo-v1', 'demo-v2']);
    const model = h.api.get({ apiVersion: 'v1', kind: 'Service' }, NS, MODEL) as KubeObject;
    const apiPort = (model.spec as { ports: { name: string; targetPort: unknown }[] }).ports.find(
      (p) => p.name === 'http',
    );
    const perVersion = h.api.get({ apiVersion: 'v1', kind: 'Service' }, NS, 'demo-v2') as KubeObject;
    expect(perVersion.spec).toMatchObject({
      type: 'ClusterIP',
      selector: { app: MODEL, version: 'v2' },
      ports: [{ name: 'http', port: 80, targetPort: apiPort?.targetPort }],
    });
    // The ServiceMonitor scrapes through the model Service; a metrics port here would scrape twice.
    expect((perVersion.spec as { ports: unknown[] }).ports).toHaveLength(1);
    expect(perVersion.metadata.ownerReferences).toEqual([
      expect.objectContaining({ kind: 'AIModel', name: MODEL, controller: true }),
    ]);
  });

  it('are no Istio objects, even where the Istio CRDs are installed, with --mesh=none', async () => {
    await h.stop();
    await start({ ...GATEWAY_CLUSTER, crds: ['project', 'istio', 'vpa', 'gateway-api'] });
    await h.createModel(sampled);
    await h.createVersion('v1');
    await h.settle();
    await h.createVersion('v2', { ...sampled, shadow: {} });
    await h.settle();
    expect(httpRoute().metadata.name).toBe(MODEL);
    for (const kind of [
      { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService' },
      { apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule' },
      { apiVersion: 'security.istio.io/v1', kind: 'PeerAuthentication' },
      { apiVersion: 'security.istio.io/v1', kind: 'AuthorizationPolicy' },
    ]) {
      expect([kind.kind, h.api.list(kind, NS)]).toEqual([kind.kind, []]);
    }
  });

  it('carry the AIModel’s Gateways, group and kind written out, and its hostnames, kept through a canary', async () => {
    await h.client.patch(
      AIMODEL,
      NS,
      MODEL,
      {
        spec: {
          traffic: {
            hosts: ['demo.example.com'],
            parentRefs: [
              { name: 'public', namespace: 'gateways', sectionName: 'https' },
              { name: 'internal', namespace: 'gateways' },
            ],
          },
        },
      },
      'merge',
    );
    await h.settle();
    const parents = [
      {
        group: 'gateway.networking.k8s.io',
        kind: 'Gateway',
        name: 'public',
        namespace: 'gateways',
        sectionName: 'https',
      },
      { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'internal', namespace: 'gateways' },
    ];
    expect(httpRoute().spec?.parentRefs).toEqual(parents);
    expect(httpRoute().spec?.hostnames).toEqual(['demo.example.com']);

    await h.createVersion('v2');
    await h.settle();
    expect(split()).toEqual([
      ['demo-v1', 90],
      ['demo-v2', 10],
    ]);
    expect(httpRoute().spec?.parentRefs).toEqual(parents);
    expect(httpRoute().spec?.hostnames).toEqual(['demo.example.com']);

    // Each Gateway reports on the route; with both accepting it, the canary walks on.
    const status = httpRoute()['status'] as { parents: { parentRef: { name: string } }[] };
    expect(status.parents.map((p) => p.parentRef.name)).toEqual(['public', 'internal']);
    await h.after(MINUTE);
    await h.after(MINUTE);
    expect(await h.phase('v2')).toBe('Promoted');
    expect(httpRoute().spec?.parentRefs).toEqual(parents);
    expect(httpRoute().spec?.hostnames).toEqual(['demo.example.com']);
  });

  it('keep a rule someone else added to the HTTPRoute, through the AIModel controller’s applies and a canary', async () => {
    // A status page served by the same route, added by hand.
    const statusPage: RouteRule = {
      name: 'status-page',
      matches: [{ path: { type: 'PathPrefix', value: '/status' } }],
      backendRefs: [{ group: '', kind: 'Service', name: 'status-page', port: 8080, weight: 1 }],
    };
    const live = await h.client.get<HttpRoute>(HTTP_ROUTE, NS, MODEL);
    await h.client.replace<HttpRoute>(HTTP_ROUTE, {
      ...live,
      spec: { ...live.spec, rules: [...(live.spec?.rules ?? []), statusPage] },
    });
    await h.settle();
    expect(rule('status-page')).toEqual(statusPage);

    await h.createVersion('v2');
    await h.settle();
    expect(split()).toEqual([
      ['demo-v1', 90],
      ['demo-v2', 10],
    ]);
    expect(rule('status-page')).toEqual(statusPage);
    await h.after(MINUTE);
    await h.after(MINUTE);
    expect(await h.phase('v2')).toBe('Promoted');
    expect(rules().map((r) => r.name)).toEqual(['versions', 'status-page']);
    expect(rule('status-page')).toEqual(statusPage);
  });
});

describe('a canary through the HTTPRoute', () => {
  it('sets every step as backendRef weights, is promoted, and drops the old stable with its Service', async () => {
    await h.createVersion('v2');
    await h.settle();
    expect((await h.version('v2')).status).toMatchObject({
      phase: 'Progressing',
      currentStep: 0,
      canaryWeight: 10,
    });
    expect(rule('versions')).toEqual({
      name: 'versions',
      matches: [EVERY_PATH],
      backendRefs: [backend('v1', 90), backend('v2', 10)],
      timeouts: TIMEOUTS,
    });
    expect(rules().map((r) => r.name)).toEqual(['versions']);
    expect(await h.weights()).toEqual([
      { version: 'v1', weight: 90 },
      { version: 'v2', weight: 10 },
    ]);

    await h.after(MINUTE);
    expect((await h.version('v2')).status).toMatchObject({ currentStep: 1, canaryWeight: 50 });
    expect(split()).toEqual([
      ['demo-v1', 50],
      ['demo-v2', 50],
    ]);

    await h.after(MINUTE);
    expect((await h.version('v2')).status).toMatchObject({ phase: 'Promoted', canaryWeight: 100 });
    expect(await h.phase('v1')).toBe('Superseded');
    // The previous stable stays warm and routable at weight 0.
    expect(split()).toEqual([
      ['demo-v1', 0],
      ['demo-v2', 100],
    ]);
    expect(services()).toEqual(['demo', 'demo-v1', 'demo-v2']);

    // The bake, then the rollback window (1h) ends: the old stable goes, its backendRef and Service too.
    await h.after(5 * MINUTE);
    await h.after(60 * MINUTE);
    expect(await h.deployments()).toEqual(['demo-v2']);
    expect(split()).toEqual([['demo-v2', 100]]);
    expect(services()).toEqual(['demo', 'demo-v2']);
    expect(await h.weights()).toEqual([{ version: 'v2', weight: 100 }]);
    // The gateway accepted each write of the route: the rollout never waited on it.
    expect(warnings('demo-v2')).toEqual([]);
  });

  it('that fails its analysis is rolled back: the weights back to stable, the canary’s Service removed', async () => {
    h.metrics.values.set('v2', 0.2);
    await h.createVersion('v2');
    await h.settle();
    expect(split()).toEqual([
      ['demo-v1', 90],
      ['demo-v2', 10],
    ]);
    await h.after(MINUTE);
    expect((await h.version('v2')).status).toMatchObject({ phase: 'RolledBack', canaryWeight: 0 });
    expect(split()).toEqual([['demo-v1', 100]]);
    expect(await h.weights()).toEqual([{ version: 'v1', weight: 100 }]);
    expect(services()).toEqual(['demo', 'demo-v1']);
    expect(await h.deployments()).toEqual(['demo-v1']);
  });

  it('makes no API request in a pass over settled routes, mid-step or mid-preview', async () => {
    await h.createVersion('v2');
    await h.settle();
    await h.pass();
    expect(h.lastPassRequests).toEqual([]);
    await h.after(MINUTE);
    await h.pass();
    expect(h.lastPassRequests).toEqual([]);
    await h.after(2 * MINUTE);
    expect(await h.phase('v2')).toBe('Promoted');

    await h.createVersion('v3', { ...withoutSteps, strategy: 'BlueGreen', shadow: {} });
    await h.settle();
    await h.pass();
    expect(h.lastPassRequests).toEqual([]);
  });
});

describe('BlueGreen through the HTTPRoute', () => {
  it('previews v2 in the candidate rule behind its header at full capacity, then switches all traffic at once', async () => {
    await h.createVersion('v2', {
      ...withoutSteps,
      strategy: 'BlueGreen',
      blueGreen: { previewDuration: '2m' },
    });
    await h.settle();
    expect((await h.version('v2')).status).toMatchObject({
      phase: 'Progressing',
      stage: 'Preview',
      canaryWeight: 0,
    });
    // The preview rule, before the weighted one; users all on v1.
    expect(rules().map((r) => r.name)).toEqual(['candidate', 'versions']);
    expect(rule('candidate')).toEqual({
      name: 'candidate',
      matches: [{ ...EVERY_PATH, headers: [{ type: 'Exact', name: 'x-model-version', value: 'v2' }] }],
      backendRefs: [backend('v2', 1)],
      timeouts: TIMEOUTS,
    });
    expect(split()).toEqual([
      ['demo-v1', 100],
      ['demo-v2', 0],
    ]);
    expect(await h.weights()).toEqual([
      { version: 'v1', weight: 100 },
      { version: 'v2', weight: 0 },
    ]);
    expect(hpaBounds('demo-v2')).toEqual(hpaBounds('demo-v1'));

    await h.after(MINUTE);
    expect((await h.version('v2')).status).toMatchObject({ phase: 'Progressing', stage: 'Preview' });
    await h.after(MINUTE);
    expect((await h.version('v2')).status).toMatchObject({ phase: 'Promoted', canaryWeight: 100 });
    expect(rules().map((r) => r.name)).toEqual(['versions']);
    expect(split()).toEqual([
      ['demo-v1', 0],
      ['demo-v2', 100],
    ]);
  });
});

describe('Experiment through the HTTPRoute', () => {
  it('routes the cohort in the candidate rule and its share by weight, and promotes the winner', async () => {
    await h.createVersion('v2', {
      ...withoutSteps,
      strategy: 'Experiment',
      experiment: {
        match: [{ header: { name: 'x-cohort', exact: 'beta' } }, { cookie: { name: 'group', exact: 'b' } }],
        weight: 10,
        duration: '3m',
      },
    });
    await h.settle();
    expect((await h.version('v2')).status).toMatchObject({ stage: 'Experiment', canaryWeight: 10 });
    expect(rules().map((r) => r.name)).toEqual(['candidate', 'versions']);
    expect(rule('candidate')?.matches).toEqual([
      { ...EVERY_PATH, headers: [{ type: 'Exact', name: 'x-cohort', value: 'beta' }] },
      {
        ...EVERY_PATH,
        headers: [
          { type: 'RegularExpression', name: 'cookie', value: cookieRegex({ name: 'group', exact: 'b' }) },
        ],
      },
    ]);
    expect(rule('candidate')?.backendRefs).toEqual([backend('v2', 1)]);
    expect(split()).toEqual([
      ['demo-v1', 90],
      ['demo-v2', 10],
    ]);

    h.metrics.values.set('v1', 0.004);
    h.metrics.values.set('v2', 0.002);
    for (let minute = 1; minute <= 3; minute++) await h.after(MINUTE);
    expect((await h.version('v2')).status).toMatchObject({ phase: 'Promoted' });
    expect(h.eventsFor('demo-v2').some((e) => e.startsWith('ExperimentWon'))).toBe(true);
    expect(rules().map((r) => r.name)).toEqual(['versions']);
    expect(split()).toEqual([
      ['demo-v1', 0],
      ['demo-v2', 100],
    ]);
  });

  it('matches header prefixes and regexes as RE2 expressions; a worse candidate loses its rule at once', async () => {
    await h.createVersion('v2', {
      ...withoutSteps,
      strategy: 'Experiment',
      experiment: {
        match: [
          { header: { name: 'x-cohort', prefix: 'beta.1' } },
          { header: { name: 'x-tier', regex: 'gold|silver' } },
        ],
        duration: '30m',
      },
    });
    await h.settle();
    expect(rule('candidate')?.matches).toEqual([
      { ...EVERY_PATH, headers: [{ type: 'RegularExpression', name: 'x-cohort', value: 'beta\\.1.*' }] },
      { ...EVERY_PATH, headers: [{ type: 'RegularExpression', name: 'x-tier', value: 'gold|silver' }] },
    ]);
    h.metrics.values.set('v2', 0.2);
    await h.after(MINUTE);
    expect(await h.phase('v2')).toBe('RolledBack');
    expect(rules().map((r) => r.name)).toEqual(['versions']);
    expect(split()).toEqual([['demo-v1', 100]]);
  });
});

describe('shadow through the HTTPRoute', () => {
  it('mirrors a share of live requests with a RequestMirror filter before the canary, then removes it', async () => {
    await h.createVersion('v2', { ...sampled, shadow: { percent: 20, duration: '1m' } });
    await h.settle();
    expect((await h.version('v2')).status).toMatchObject({ stage: 'Shadow', canaryWeight: 0 });
    expect(rules().map((r) => r.name)).toEqual(['versions']);
    expect(rule('versions')?.filters).toEqual([
      {
        type: 'RequestMirror',
        requestMirror: {
          backendRef: { group: '', kind: 'Service', name: 'demo-v2', port: 80 },
          percent: 20,
        },
      },
    ]);
    expect(split()).toEqual([
      ['demo-v1', 100],
      ['demo-v2', 0],
    ]);
    expect(hpaBounds('demo-v2')).toEqual({ min: 1, max: 2 });

    await h.after(MINUTE);
    expect((await h.version('v2')).status).toMatchObject({ stage: 'Canary', canaryWeight: 10 });
    expect(rule('versions')?.filters).toBeUndefined();
    expect(split()).toEqual([
      ['demo-v1', 90],
      ['demo-v2', 10],
    ]);
  });
});

describe('a canary whose route the gateway does not serve', () => {
  const refusals: [string, GatewayVerdict & { accepted: false }][] = [
    [
      'Accepted False',
      {
        accepted: false,
        condition: 'Accepted',
        reason: 'NotAllowedByListeners',
        message: 'No listener of Gateway gateways/public allows routes from namespace suoke-ai',
      },
    ],
    [
      'ResolvedRefs False',
      {
        accepted: false,
        condition: 'ResolvedRefs',
        reason: 'BackendNotFound',
        message: 'Service suoke-ai/demo-v2 not found',
      },
    ],
  ];

  it.each(refusals)(
    'pauses while the gateway reports %s: no analysis, no step; resumes once accepted, the step counted from then',
    async (_case, refusal) => {
      await h.createVersion('v2');
      await h.settle();
      expect((await h.version('v2')).status).toMatchObject({ phase: 'Progressing', currentStep: 0 });
      await h.after(MINUTE / 2);

      await h.gatewayVerdict(refusal);
      await h.settle();
      const paused = await h.version('v2');
      expect(paused.status).toMatchObject({
        phase: 'Paused',
        pauseReason: 'RouteNotAccepted',
        currentStep: 0,
        canaryWeight: 10,
      });
      expect((await progressingCondition('v2')).reason).toBe('RouteNotAccepted');
      const warned = warnings('demo-v2').filter((e) => e.startsWith('RouteNotAccepted:'));
      expect(warned).toHaveLength(1);
      expect(warned[0]).toContain(refusal.reason);
      expect(warned[0]).toContain(refusal.message);

      // Someone has to fix the gateway's side: Degraded says so.
      expect(paused.status?.conditions?.find((c) => c.type === 'Degraded')).toMatchObject({
        status: 'True',
        reason: 'RouteNotAccepted',
      });

      // A route nobody serves measures nothing: no query, no step, and no rollback at the progress
      // deadline (10m), however long it lasts.
      const queried = h.metrics.queries.length;
      for (let minute = 1; minute <= 15; minute++) {
        await h.after(MINUTE);
        expect((await h.version('v2')).status).toMatchObject({ phase: 'Paused', currentStep: 0 });
      }
      expect(h.metrics.queries).toHaveLength(queried);
      expect(split()).toEqual([
        ['demo-v1', 90],
        ['demo-v2', 10],
      ]);
      expect(warnings('demo-v2').filter((e) => e.startsWith('RouteNotAccepted:'))).toHaveLength(1);

      await h.gatewayVerdict({ accepted: true });
      await h.settle();
      expect((await h.version('v2')).status).toMatchObject({ phase: 'Progressing', currentStep: 0 });
      expect((await h.version('v2')).status?.pauseReason).toBeUndefined();
      expect((await progressingCondition('v2')).reason).toBe('RouteAccepted');
      expect((await h.version('v2')).status?.conditions?.find((c) => c.type === 'Degraded')?.status).toBe(
        'False',
      );
      expect(h.eventsFor('demo-v2').some((e) => e.startsWith('RouteAccepted:'))).toBe(true);
      // The step's interval counts from the acceptance, not from the step's start.
      await h.after(MINUTE / 2);
      expect((await h.version('v2')).status?.currentStep).toBe(0);
      expect(h.metrics.queries).toHaveLength(queried);
      await h.after(MINUTE / 2);
      expect((await h.version('v2')).status).toMatchObject({
        phase: 'Progressing',
        currentStep: 1,
        canaryWeight: 50,
      });
      expect(split()).toEqual([
        ['demo-v1', 50],
        ['demo-v2', 50],
      ]);
    },
  );

  it('pauses too when no gateway reports on the route at all, and when the gateway stops reporting', async () => {
    await h.stop();
    await start({ ...GATEWAY_CLUSTER, gateway: undefined });
    await h.createModel(sampled);
    await h.createVersion('v1');
    await h.settle();
    expect(await h.phase('v1')).toBe('Promoted');
    expect(httpRoute()['status']).toBeUndefined();

    await h.createVersion('v2');
    await h.settle();
    expect((await h.version('v2')).status).toMatchObject({
      phase: 'Paused',
      pauseReason: 'RouteNotAccepted',
    });
    const condition = await progressingCondition('v2');
    expect(condition.reason).toBe('RouteNotAccepted');
    // The router's verdict names the route and the parent nobody reported on.
    expect(condition.message).toContain(
      `HTTPRoute ${NS}/${MODEL}: no gateway has reported on Service ${NS}/${MODEL}:80`,
    );
    expect(warnings('demo-v2')).toEqual([`RouteNotAccepted: ${condition.message}`]);
    await h.after(5 * MINUTE);
    expect((await h.version('v2')).status).toMatchObject({ phase: 'Paused', currentStep: 0 });
    expect(h.metrics.queries).toEqual([]);

    await h.gatewayVerdict({ accepted: true });
    await h.settle();
    expect(await h.phase('v2')).toBe('Progressing');
    await h.after(MINUTE);
    expect((await h.version('v2')).status).toMatchObject({ phase: 'Progressing', currentStep: 1 });

    // The gateway withdraws its report (status.parents without it): paused again.
    await h.gatewayVerdict(undefined);
    await h.settle();
    expect((await h.version('v2')).status).toMatchObject({
      phase: 'Paused',
      pauseReason: 'RouteNotAccepted',
      currentStep: 1,
    });
    expect((await h.model()).status?.canaryVersion).toBe('v2');
  });
});
