import type { AIModel } from '../../crds/api/index.js';
import { SESSION_ROUTE_DRAIN_MS } from '../../operators/aimodel/reconciler.js';
import type { KubeObject } from '../../operators/kit/resource.js';
import { AIMODEL } from '../../operators/kinds.js';
import type { TrafficRouter } from '../../operators/traffic/router.js';
import { Harness, MODEL, NS, policy } from './harness.js';

/**
 * Session routes through whole rollouts, with both controllers and the Istio router on the fake API
 * server: a model with Redis keeps a session route per serving version first in its VirtualService.
 * Every `settle()` also proves the render and the router agree: it passes only once a pass makes no
 * request at all.
 */
const MINUTE = 60_000;

let h: Harness;
/** The VirtualService's route names right after each of the router's writes of the split. */
let afterWrites: string[][];

/** The operator's router, recording the routes each of its writes leaves. */
function recording(router: TrafficRouter): TrafficRouter {
  return new Proxy(router, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      if (prop !== 'setWeights' && prop !== 'finalize') return value.bind(target);
      return async (...args: unknown[]) => {
        const out = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        afterWrites.push(routes());
        return out;
      };
    },
  });
}

beforeEach(async () => {
  afterWrites = [];
  h = await Harness.start({ wrapRouter: recording });
  await h.client.create<AIModel & KubeObject>(AIMODEL, {
    apiVersion: 'ai.suoke.life/v1alpha1',
    kind: 'AIModel',
    metadata: { name: MODEL, namespace: NS },
    spec: {
      agent: { name: MODEL },
      framework: 'custom',
      engine: { image: 'ghcr.io/example/engine:1.0.0' },
      runtime: { redis: { mode: 'standalone', url: 'redis://redis.suoke-ai.svc:6379' } },
      scaling: { minReplicas: 2, maxReplicas: 10, cpuUtilization: 70 },
      rollout: policy(),
    },
  });
  await h.createVersion('v1');
  await h.settle();
});
afterEach(async () => {
  await h.stop();
});

/** spec.replicas of Deployment `name`. */
function replicas(name: string): number | undefined {
  const d = h.api.get({ apiVersion: 'apps/v1', kind: 'Deployment' }, NS, name) as
    (KubeObject & { spec?: { replicas?: number } }) | undefined;
  return d?.spec?.replicas;
}

/** The VirtualService's http route names, in order. */
function routes(): string[] {
  const vs = h.api.get({ apiVersion: 'networking.istio.io/v1', kind: 'VirtualService' }, NS, MODEL) as
    (KubeObject & { spec?: { http?: { name?: string }[] } }) | undefined;
  return (vs?.spec?.http ?? []).map((r) => r.name ?? '');
}

describe('session routes', () => {
  it('give the first version its route, and the runtimes the forward URL', async () => {
    expect(routes()).toEqual(['session-v1', 'versions']);
    const deployment = h.api.get(
      { apiVersion: 'apps/v1', kind: 'Deployment' },
      NS,
      'demo-v1',
    ) as KubeObject & {
      spec: {
        template: { spec: { containers: { name: string; env?: { name: string; value?: string }[] }[] } };
      };
    };
    const runtime = deployment.spec.template.spec.containers.find((c) => c.name === 'runtime');
    expect(runtime?.env).toContainEqual({
      name: 'SESSION_FORWARD_URL',
      value: 'http://demo.suoke-ai.svc.cluster.local:80',
    });
  });

  it('follow a canary that is rolled back: its route goes with its weight', async () => {
    h.metrics.values.set('v2', 0.2);
    await h.createVersion('v2');
    await h.settle();
    expect(await h.weights()).toEqual([
      { version: 'v1', weight: 90 },
      { version: 'v2', weight: 10 },
    ]);
    expect(routes()).toEqual(['session-v1', 'session-v2', 'versions']);

    afterWrites = [];
    await h.after(MINUTE);
    expect(await h.phase('v2')).toBe('RolledBack');
    expect(routes()).toEqual(['session-v1', 'versions']);
    // The router's write that took v2's weight away took its session route with it.
    expect(afterWrites[0]).toEqual(['session-v1', 'versions']);
    // v2's pods outlive its route by the drain, at the capacity of weight 0, for proxies that still
    // forward there; then they go.
    expect(await h.weights()).toEqual([
      { version: 'v1', weight: 100 },
      { version: 'v2', weight: 0 },
    ]);
    expect(await h.deployments()).toEqual(['demo-v1', 'demo-v2']);
    expect(replicas('demo-v2')).toBe(1);
    await h.after(SESSION_ROUTE_DRAIN_MS - 1);
    expect(await h.deployments()).toEqual(['demo-v1', 'demo-v2']);
    await h.after(1);
    expect(await h.deployments()).toEqual(['demo-v1']);
    expect(await h.weights()).toEqual([{ version: 'v1', weight: 100 }]);
  });

  it('keep the previous stable’s route after a promotion until it is scaled down', async () => {
    await h.createVersion('v2');
    await h.settle();
    await h.after(MINUTE);
    await h.after(MINUTE);
    expect(await h.phase('v2')).toBe('Promoted');
    expect(await h.weights()).toEqual([
      { version: 'v1', weight: 0 },
      { version: 'v2', weight: 100 },
    ]);
    // v1 keeps its pods for the rollback window, and its pinned sessions with them.
    expect(routes()).toEqual(['session-v1', 'session-v2', 'versions']);
    for (let i = 0; i < 5; i++) await h.after(MINUTE);
    expect(routes()).toEqual(['session-v1', 'session-v2', 'versions']);

    // The window (1 h) ends: the route goes first, the pods once the drain is over.
    const promotedAt = Date.parse((await h.version('v2')).status?.promotedAt ?? '');
    await h.after(promotedAt + 60 * MINUTE - h.clock.now());
    expect(routes()).toEqual(['session-v2', 'versions']);
    expect(await h.deployments()).toEqual(['demo-v1', 'demo-v2']);
    await h.after(SESSION_ROUTE_DRAIN_MS);
    expect(await h.deployments()).toEqual(['demo-v2']);
    expect(routes()).toEqual(['session-v2', 'versions']);
  });

  it('drop a stable rolled back by request, in the write that gives the previous stable everything', async () => {
    await h.createVersion('v2');
    await h.settle();
    await h.after(MINUTE);
    await h.after(MINUTE);
    expect(await h.phase('v2')).toBe('Promoted');
    afterWrites = [];
    await h.annotate('AIModel', MODEL, 'rollback');
    await h.settle();
    expect((await h.model()).status?.stableVersion).toBe('v1');
    expect(afterWrites[0]).toEqual(['session-v1', 'versions']);
    expect(routes()).toEqual(['session-v1', 'versions']);
    expect(await h.deployments()).toEqual(['demo-v1', 'demo-v2']);
    await h.after(SESSION_ROUTE_DRAIN_MS);
    expect(await h.deployments()).toEqual(['demo-v1']);
    expect(await h.weights()).toEqual([{ version: 'v1', weight: 100 }]);
  });

  it('remove a rolled-back canary at once when the model has no session affinity', async () => {
    await h.client.patch(
      AIMODEL,
      NS,
      MODEL,
      { spec: { traffic: { sessionAffinity: { enabled: false } } } },
      'merge',
    );
    await h.settle();
    h.metrics.values.set('v2', 0.2);
    await h.createVersion('v2');
    await h.settle();
    await h.after(MINUTE);
    expect(await h.phase('v2')).toBe('RolledBack');
    expect(await h.deployments()).toEqual(['demo-v1']);
  });
});
