/**
 * Rollouts end to end through Gateway API, with real processes (see tests/e2e/harness): the
 * operator started with `--traffic-router=gateway-api --mesh=none` on a cluster that has Gateway
 * API's CRDs and no Istio at all, a real runtime per version in front of its stub engine, real
 * Prometheus, and clients whose requests the harness's gateway routes by the model's HTTPRoute as
 * an implementation would (match precedence, backendRef weights to the per-version Services), the
 * gateway also reporting the route's status.parents, which the rollout waits on.
 *
 * The scenarios are the ones the Istio suites run (harness/scenarios.ts), in one environment, in
 * order: v1, then a healthy canary v2, a failing canary v3, and a blue-green v4 whose preview
 * reaches testers only; then v5, released while the gateway refuses the route, which is what
 * Gateway API adds: a route is served only once its parents accept it.
 */
import { Environment } from './harness/environment.js';
import { CONTROLLER_NAME } from './harness/gateway-status.js';
import { AIMODELS, HTTP_ROUTES, MODEL_VERSIONS, SERVICES, type KubeObject } from './harness/kube.js';
import type { ClientKind } from './harness/load-generator.js';
import { aiModel, modelVersion, type Promotion } from './harness/objects.js';
import {
  blueGreenPreviewed,
  CANARY_ROLLOUT,
  failingCanaryRolledBack,
  healthyCanaryPromoted,
  pauseReason,
  promotedAndSettled,
  versionStatus,
  type Suite,
} from './harness/scenarios.js';

const NAMESPACE = 'suoke-ai';
const MODEL = 'demo';

/** Plain clients, testers asking for the preview of `preview`, and a near miss of their header. */
function clients(preview: string): ClientKind[] {
  return [
    { name: 'plain', share: 3 },
    { name: 'preview', share: 2, headers: { 'x-model-version': preview } },
    { name: 'decoy', share: 1, headers: { 'x-model-version': `${preview}-rc` } },
  ];
}

let env: Environment;
const suite: Suite = {
  get env() {
    return env;
  },
  model: MODEL,
  release: async (version: string, promotion?: Promotion) => {
    env.load.setClients(clients(version));
    env.load.reset();
    const since = Date.now();
    await env.kube.create(MODEL_VERSIONS, modelVersion(NAMESPACE, MODEL, version, promotion));
    return since;
  },
};

interface HttpRouteView extends KubeObject {
  spec?: { parentRefs?: unknown[]; rules?: Array<{ name?: string; backendRefs?: Array<{ name?: string }> }> };
  status?: {
    parents?: Array<{ controllerName: string; conditions: Array<{ type: string; status: string }> }>;
  };
}

beforeAll(async () => {
  env = await Environment.start({
    namespace: NAMESPACE,
    model: MODEL,
    ratePerSecond: 20,
    router: 'gateway-api',
    clients: clients('v1'),
  });
  await env.startOperator();
  await env.kube.create(AIMODELS, aiModel(NAMESPACE, MODEL, CANARY_ROLLOUT));
}, 240_000);

afterAll(async () => {
  await env?.stop();
}, 60_000);

afterEach(() => {
  // Every HTTPRoute the operator wrote is one the gateway serves: backends resolved, no feature it lacks.
  expect(env.mesh.rejected).toEqual([]);
  expect(env.mesh.statusError).toBeUndefined();
});

describe('rollouts through Gateway API end to end', () => {
  it('walks a healthy canary through the HTTPRoute weights, each generation accepted by the gateway', async () => {
    await suite.release('v1');
    await env.until(() => promotedAndSettled(suite, 'v1'), 'v1 promoted', 90_000);
    const since = await suite.release('v2');
    await healthyCanaryPromoted(suite, { version: 'v2', previous: 'v1', since });
    expect(env.mesh.weightsOf('v1', since)).toEqual([75, 50, 0]);

    // The route the operator derived: on the model's Service (no Gateway named), one backendRef
    // per running version's Service, which selects that version's pods.
    const route = await env.kube.get<HttpRouteView>(HTTP_ROUTES, NAMESPACE, MODEL);
    expect(route?.spec?.parentRefs).toEqual([{ group: '', kind: 'Service', name: MODEL, port: 80 }]);
    const versionsRule = route?.spec?.rules?.find((r) => r.name === 'versions');
    expect(versionsRule?.backendRefs?.map((r) => r.name)).toContain(`${MODEL}-v2`);
    const v2Service = await env.kube.get(SERVICES, NAMESPACE, `${MODEL}-v2`);
    expect(v2Service?.['spec']).toMatchObject({
      selector: { app: MODEL, version: 'v2' },
      ports: [expect.objectContaining({ name: 'http', port: 80 })],
    });
    // The gateway reported on every generation the rollout wrote, and accepted each.
    const reported = env.mesh.routeStatuses.filter((s) => s.at >= since);
    expect(reported.length).toBeGreaterThanOrEqual(3);
    for (const { parents } of reported) {
      expect(parents.flatMap((p) => p.conditions.map((c) => `${c.type}=${c.status}`))).toEqual([
        'Accepted=True',
        'ResolvedRefs=True',
      ]);
    }
    const [parent] = route?.status?.parents ?? [];
    expect(parent?.controllerName).toBe(CONTROLLER_NAME);
    expect(route?.status?.parents).toHaveLength(1);
  }, 240_000);

  it('rolls back a canary whose engine fails 30% of requests, and the route returns to 100% stable', async () => {
    await failingCanaryRolledBack(suite, { version: 'v3', stable: 'v2' });
    // The failed canary's backendRef and Service go with its pods.
    await env.until(async () => {
      const route = await env.kube.get<HttpRouteView>(HTTP_ROUTES, NAMESPACE, MODEL);
      const refs = route?.spec?.rules?.flatMap((r) => r.backendRefs ?? []).map((r) => r.name);
      return refs !== undefined && !refs.includes(`${MODEL}-v3`);
    }, 'v3 out of the HTTPRoute');
    expect(env.mesh.split()).toEqual({ v2: 100 });
  }, 150_000);

  it('blue-green: previews v4 by header to testers only through a matched rule, then switches all traffic at once', async () => {
    await blueGreenPreviewed(suite, {
      version: 'v4',
      stable: 'v2',
      clients: { preview: 'preview', others: ['plain', 'decoy'] },
    });
    // The preview was the `candidate` rule, matched by the header ahead of the versions rule.
    const previewTable = env.mesh.tables.find((c) => c.table.matchedRoutesTo('v4').length > 0)!.table;
    expect(previewTable.matchedRoutesTo('v4').map((r) => r.key)).toEqual(['candidate']);
  }, 150_000);

  it('counts no step while the gateway refuses the route, and walks the steps once it accepts it', async () => {
    env.mesh.refuseRoutes({
      reason: 'NotAllowedByListeners',
      message: `no listener of the e2e gateway admits routes from namespace ${NAMESPACE}`,
    });
    const since = await suite.release('v5');
    await env.until(
      async () => {
        const s = await versionStatus(suite, 'v5');
        return s.phase === 'Paused' && pauseReason(s) === 'RouteNotAccepted';
      },
      'v5 paused: route not accepted',
      60_000,
    );
    expect((await versionStatus(suite, 'v5')).message).toContain('NotAllowedByListeners');
    // Held at its first step for an interval and more, while the gateway serves the route it last
    // accepted: nobody reached v5, and no step was counted.
    await env.holds(
      async () => {
        const s = await versionStatus(suite, 'v5');
        return s.phase === 'Paused' && s.currentStep === 0;
      },
      'v5 stays paused at its first step while the route is refused',
      4_000,
    );
    expect(env.mesh.split()).toEqual({ v4: 100 });
    expect(env.load.reached((r) => r.version === 'v5')).toEqual({});

    const acceptedAt = Date.now();
    env.mesh.refuseRoutes(undefined);
    await env.until(() => promotedAndSettled(suite, 'v5'), 'v5 promoted once the route is accepted', 90_000);
    expect(env.mesh.weightsOf('v5', since)).toEqual([25, 50, 100]);
    expect(env.mesh.firstTime('v5', (w) => w > 0, since)).toBeGreaterThanOrEqual(acceptedAt);
    // Every analysis was of traffic the gateway served (times are whole seconds at worst).
    const analyses = (await versionStatus(suite, 'v5')).analysis ?? [];
    expect(analyses.length).toBeGreaterThanOrEqual(2);
    for (const a of analyses) expect(Date.parse(a.time)).toBeGreaterThanOrEqual(acceptedAt - 1000);
  }, 150_000);
});
