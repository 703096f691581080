/**
 * A canary whose route the gateway stops accepting mid-rollout: the rollout pauses with the
 * gateway's words, queries nothing while the route is refused, restarts the step's time once it is
 * served again and then completes. The router is the Istio one with route acceptance added (the
 * test plays the gateway's verdict), so these tests are about the pause, not about HTTPRoutes; and
 * the ModelVersion controller's watch of the route, which queues the versions being rolled out when
 * the verdict changes and nothing on the router's own writes.
 */
import { HTTP_ROUTE } from '../../operators/traffic/gateway-api.js';
import { MODEL_VERSION } from '../../operators/kinds.js';
import { Controller } from '../../operators/kit/controller.js';
import { ClusterClient } from '../../operators/kit/cluster-client.js';
import { KubeClient } from '../../operators/kit/client.js';
import { Applier } from '../../operators/kit/apply.js';
import { EventRecorder } from '../../operators/kit/events.js';
import { SharedInformers } from '../../operators/kit/informers.js';
import { silentLogger } from '../../operators/kit/logger.js';
import type { OperatorContext } from '../../operators/kit/manager.js';
import { OperatorMetrics } from '../../operators/kit/metrics.js';
import type { KubeObject } from '../../operators/kit/resource.js';
import { modelVersionController } from '../../operators/model-version/controller.js';
import { createRolloutDeps } from '../../operators/rollout-deps/deps.js';
import {
  RoutesNotFoundError,
  type CandidateRoutes,
  type RouteAcceptance,
  type RouteServing,
  type TrafficRouter,
  type TrafficTarget,
  type VersionWeight,
} from '../../operators/traffic/router.js';
import { CacheSync } from '../support/cache-sync.js';
import { Harness, MODEL, NS } from './harness.js';

const MINUTE = 60_000;
const REFUSED: RouteServing = {
  served: false,
  reason: 'NotAllowedByListeners',
  message:
    'HTTPRoute suoke-ai/demo: Gateway infra/public does not accept the route: NotAllowedByListeners: no listener allows routes from namespace suoke-ai',
};

/** The gateway's verdict as the test sets it, and how often the operator asked for it. */
class Verdict implements RouteAcceptance {
  readonly resource = HTTP_ROUTE;
  now: RouteServing | 'no-routes' = { served: true };
  asked = 0;

  servingOf(route: KubeObject): RouteServing {
    const parents = (route.status as { parents?: { conditions?: Condition[] }[] } | undefined)?.parents;
    const accepted = parents?.[0]?.conditions?.find((c) => c.type === 'Accepted');
    return accepted?.status === 'False'
      ? { served: false, reason: accepted.reason, message: accepted.message }
      : { served: true };
  }

  async serving(target: TrafficTarget): Promise<RouteServing> {
    this.asked += 1;
    if (this.now === 'no-routes') {
      throw new RoutesNotFoundError(`HTTPRoute ${target.namespace}/${target.model} does not exist yet`);
    }
    return this.now;
  }
}

interface Condition {
  type: string;
  status: string;
  reason: string;
  message: string;
}

/** A router that writes like `inner` and reports acceptance like a Gateway API one. */
class AcceptingRouter implements TrafficRouter {
  readonly name: string;
  readonly supports: TrafficRouter['supports'];
  readonly routes: TrafficRouter['routes'];

  constructor(
    private readonly inner: TrafficRouter,
    readonly acceptance: RouteAcceptance,
    routes: TrafficRouter['routes'] = inner.routes,
  ) {
    this.name = inner.name;
    this.supports = inner.supports;
    this.routes = routes;
  }

  reconcile(target: TrafficTarget, versions: readonly string[]): Promise<void> {
    return this.inner.reconcile(target, versions);
  }
  setWeights(t: TrafficTarget, w: readonly VersionWeight[], c?: CandidateRoutes): Promise<boolean> {
    return this.inner.setWeights(t, w, c);
  }
  getWeights(t: TrafficTarget): Promise<VersionWeight[]> {
    return this.inner.getWeights(t);
  }
  getCandidate(t: TrafficTarget): Promise<CandidateRoutes | undefined> {
    return this.inner.getCandidate(t);
  }
  finalize(t: TrafficTarget, stable: string): Promise<void> {
    return this.inner.finalize(t, stable);
  }
}

describe('a canary whose route the gateway refuses', () => {
  let h: Harness;
  let verdict: Verdict;
  beforeEach(async () => {
    verdict = new Verdict();
    h = await Harness.start({ wrapRouter: (router) => new AcceptingRouter(router, verdict) });
    await h.createModel();
    await h.createVersion('v1');
    await h.settle();
  });
  afterEach(async () => {
    await h.stop();
  });

  it('pauses with the message, queries nothing while refused, restarts the step once served and completes', async () => {
    // The first version never waits on the gateway: Deploying → Promoted, nothing asked.
    expect(await h.phase('v1')).toBe('Promoted');
    expect(verdict.asked).toBe(0);

    await h.createVersion('v2');
    await h.settle();
    expect((await h.version('v2')).status).toMatchObject({ phase: 'Progressing', currentStep: 0 });

    // Half way to the first analysis the gateway stops accepting the route.
    await h.clock.advance(30_000);
    verdict.now = REFUSED;
    await h.settle();
    const paused = await h.version('v2');
    expect(paused.status).toMatchObject({
      phase: 'Paused',
      pauseReason: 'RouteNotAccepted',
      currentStep: 0,
      canaryWeight: 10,
      message: `${REFUSED.message}; paused at step 0 (weight 10) with no analysis; the rollout resumes by itself once the gateway accepts the route`,
    });
    expect(paused.status?.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'RouteNotAccepted',
    });
    expect(paused.status?.conditions?.find((c) => c.type === 'Degraded')).toMatchObject({
      status: 'True',
      reason: 'RouteNotAccepted',
    });
    // The weights stay as they were: the refusal is no failure of the version.
    expect(await h.weights()).toEqual([
      { version: 'v1', weight: 90 },
      { version: 'v2', weight: 10 },
    ]);

    // Well past the analysis interval and the progress deadline (10m): no query, no Event, no move.
    const queries = h.metrics.queries.length;
    const events = h.eventsFor('demo-v2').length;
    for (let i = 0; i < 15; i++) await h.after(MINUTE);
    expect(h.metrics.queries.length).toBe(queries);
    expect(h.eventsFor('demo-v2')).toHaveLength(events);
    expect((await h.version('v2')).status).toMatchObject({
      phase: 'Paused',
      pauseReason: 'RouteNotAccepted',
    });
    expect(h.eventsFor('demo-v2').filter((e) => e.startsWith('RouteNotAccepted:'))).toEqual([
      `RouteNotAccepted: ${paused.status?.message}`,
    ]);

    // The gateway accepts the route: the step resumes, its time counted from now.
    verdict.now = { served: true };
    await h.settle();
    const resumedAt = new Date(h.clock.now()).toISOString();
    const resumed = await h.version('v2');
    expect(resumed.status).toMatchObject({ phase: 'Progressing', currentStep: 0, stepStartedAt: resumedAt });
    expect(resumed.status?.pauseReason).toBeUndefined();
    expect(resumed.status?.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({
      status: 'True',
      reason: 'RouteAccepted',
    });
    expect(h.eventsFor('demo-v2').at(-1)).toMatch(/^RouteAccepted: the gateway accepts the route again/);
    expect(h.metrics.queries.length).toBe(queries);

    // Half an interval after the route is served: nothing due yet (the step began 16 minutes ago).
    await h.after(30_000);
    expect(h.metrics.queries.length).toBe(queries);
    expect((await h.version('v2')).status?.currentStep).toBe(0);

    // One interval after it: the first analysis, over served traffic only, and the canary goes on.
    await h.after(30_000);
    expect((await h.version('v2')).status).toMatchObject({ phase: 'Progressing', currentStep: 1 });
    await h.after(MINUTE);
    const promoted = await h.version('v2');
    expect(promoted.status).toMatchObject({ phase: 'Promoted', canaryWeight: 100 });
    expect(promoted.status?.analysis?.map((a) => [a.step, a.verdict])).toEqual([
      [0, 'Passed'],
      [1, 'Passed'],
    ]);
    expect(promoted.status?.analysis?.every((a) => a.time >= resumedAt)).toBe(true);
    expect(await h.weights()).toEqual([
      { version: 'v1', weight: 0 },
      { version: 'v2', weight: 100 },
    ]);
  });

  it("a person's pause stays the person's: the refusal in its message, and 'resume' once served", async () => {
    await h.createVersion('v2');
    await h.settle();
    await h.annotate('ModelVersion', `${MODEL}-v2`, 'pause');
    await h.settle();
    verdict.now = REFUSED;
    await h.after(MINUTE);
    const held = await h.version('v2');
    expect(held.status).toMatchObject({ phase: 'Paused', pauseReason: 'Requested' });
    expect(held.status?.message).toBe(
      `${REFUSED.message}; no analysis runs while the route is refused; still paused by request at step 0 (weight 10) until 'resume'`,
    );
    const queries = h.metrics.queries.length;
    await h.after(5 * MINUTE);
    expect(h.metrics.queries.length).toBe(queries);

    verdict.now = { served: true };
    await h.settle();
    expect((await h.version('v2')).status).toMatchObject({
      phase: 'Paused',
      pauseReason: 'Requested',
      message:
        "the gateway accepts the route again; still paused by request at step 0 (weight 10) until 'resume'",
    });
    await h.annotate('ModelVersion', `${MODEL}-v2`, 'resume');
    await h.settle();
    expect(await h.phase('v2')).toBe('Progressing');
    await h.after(MINUTE);
    expect((await h.version('v2')).status?.currentStep).toBe(1);
  });

  it('routes that do not exist yet are no refusal: the rollout goes on as the router reads it', async () => {
    verdict.now = 'no-routes';
    await h.createVersion('v2');
    await h.settle();
    await h.after(MINUTE);
    expect((await h.version('v2')).status).toMatchObject({ phase: 'Progressing', currentStep: 1 });
    expect(verdict.asked).toBeGreaterThan(0);
  });
});

describe("the ModelVersion controller's watch of the route", () => {
  let h: Harness;
  let informers: SharedInformers;
  let controller: Controller;
  let sync: CacheSync;

  const route = (accepted: Condition): KubeObject => ({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: {
      name: MODEL,
      namespace: NS,
      labels: { 'app.kubernetes.io/managed-by': 'suoke-modelops-operator' },
    },
    spec: {
      parentRefs: [
        { group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'infra', name: 'public' },
      ],
      rules: [
        {
          matches: [{ path: { type: 'PathPrefix', value: '/' } }],
          backendRefs: [{ group: '', kind: 'Service', name: `${MODEL}-v1`, port: 80, weight: 100 }],
        },
      ],
    },
    status: {
      parents: [
        {
          parentRef: {
            group: 'gateway.networking.k8s.io',
            kind: 'Gateway',
            namespace: 'infra',
            name: 'public',
          },
          controllerName: 'example.com/gateway',
          conditions: [{ ...accepted, lastTransitionTime: '2026-06-01T12:00:00Z' }],
        },
      ],
    },
  });
  const ACCEPTED: Condition = { type: 'Accepted', status: 'True', reason: 'Accepted', message: 'accepted' };
  const NOT_ALLOWED: Condition = {
    type: 'Accepted',
    status: 'False',
    reason: 'NotAllowedByListeners',
    message: 'no listener allows routes from namespace suoke-ai',
  };

  /** Keys queued since the last call, sorted, once the caches hold what the API server holds. */
  async function queued(): Promise<string[]> {
    await sync.wait();
    const keys: string[] = [];
    while (controller.queue.length > 0) {
      const key = (await controller.queue.get()) as string;
      keys.push(key);
      controller.queue.done(key);
    }
    return keys.sort();
  }

  async function setAccepted(accepted: Condition): Promise<void> {
    const current = await h.client.get<KubeObject>(HTTP_ROUTE, NS, MODEL);
    await h.client.replaceStatus(HTTP_ROUTE, { ...current, status: route(accepted).status });
  }

  beforeAll(async () => {
    // v1 stable, v2 a canary (Progressing), v0 long gone (RolledBack); the route accepted.
    h = await Harness.start({ crds: ['project', 'istio', 'vpa', 'gateway-api'] });
    await h.createModel();
    await h.createVersion('v1');
    await h.settle();
    await h.createVersion('v2');
    await h.settle();
    await h.createVersion('v0');
    const v0 = await h.version('v0');
    await h.client.replaceStatus(MODEL_VERSION, { ...v0, status: { phase: 'RolledBack' } });
    const created = await h.client.create<KubeObject>(HTTP_ROUTE, route(ACCEPTED));
    await h.client.replaceStatus(HTTP_ROUTE, { ...created, status: route(ACCEPTED).status });

    const client = new KubeClient(h.api.kubeConfig());
    informers = new SharedInformers(client);
    const cluster = ClusterClient.cached(client, informers);
    const ctx: OperatorContext = {
      client,
      cluster,
      informers,
      applier: new Applier(cluster),
      events: new EventRecorder(client, { clock: h.clock }),
      metrics: new OperatorMetrics({ processMetrics: false }),
      logger: silentLogger,
      clock: h.clock,
      settings: {},
    };
    const router = new AcceptingRouter(h.router, new Verdict(), 'gateway-api');
    const deps = createRolloutDeps(ctx, { metricsProvider: h.metrics, router, mesh: false });
    const never = {
      reconcile: (): never => {
        throw new Error('no worker runs in these tests');
      },
    };
    controller = new Controller(
      { ...modelVersionController(ctx, deps), reconciler: never },
      { informers, metrics: ctx.metrics, clock: h.clock },
    );
    sync = new CacheSync(h.api, informers);
    informers.start();
    await informers.waitForSync();
    await queued(); // every object listed at start is queued once: not what these tests look at
  });
  afterAll(async () => {
    controller.queue.shutDown();
    await informers.stop();
    await h.stop();
  });

  it('a refusal queues the versions being rolled out, and so does its end', async () => {
    expect(await h.phase('v2')).toBe('Progressing');
    await setAccepted(NOT_ALLOWED);
    expect(await queued()).toEqual([`${NS}/${MODEL}-v2`]);
    await setAccepted(ACCEPTED);
    expect(await queued()).toEqual([`${NS}/${MODEL}-v2`]);
  });

  it('a refusal for another reason queues them again; the same refusal reworded does not', async () => {
    await setAccepted(NOT_ALLOWED);
    expect(await queued()).toEqual([`${NS}/${MODEL}-v2`]);
    await setAccepted({ ...NOT_ALLOWED, message: 'no listener of Gateway infra/public allows it' });
    expect(await queued()).toEqual([]);
    await setAccepted({ ...NOT_ALLOWED, reason: 'NoMatchingParent' });
    expect(await queued()).toEqual([`${NS}/${MODEL}-v2`]);
    await setAccepted(ACCEPTED);
    await queued();
  });

  it("the router's own weight writes queue nothing", async () => {
    const current = await h.client.get<KubeObject & { spec: { rules: { backendRefs: unknown[] }[] } }>(
      HTTP_ROUTE,
      NS,
      MODEL,
    );
    current.spec.rules[0]!.backendRefs = [
      { group: '', kind: 'Service', name: `${MODEL}-v1`, port: 80, weight: 90 },
      { group: '', kind: 'Service', name: `${MODEL}-v2`, port: 80, weight: 10 },
    ];
    await h.client.replace(HTTP_ROUTE, current);
    expect(await queued()).toEqual([]);
  });
});
