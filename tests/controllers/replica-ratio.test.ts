/**
 * The rollout controllers with the replica-ratio router (no mesh): traffic follows replica counts
 * behind the model's one Service, so each step is checked in the Deployments' replicas, the router
 * reports the weights it set (not its approximation), and no autoscaler holds a version it split.
 */
import { DEPLOYMENT } from '../../operators/kinds.js';
import type { KubeObject } from '../../operators/kit/resource.js';
import {
  ReplicaRatioRouter,
  sharesOf,
  TRAFFIC_SPLIT_ANNOTATION,
} from '../../operators/traffic/replica-ratio.js';
import { Harness, MODEL, NS } from './harness.js';

const MINUTE = 60_000;

let h: Harness;

/** The operator started with `--traffic-router=replica-ratio`: fresh reconcilers, nothing in memory. */
async function startReplicaRatioOperator(): Promise<void> {
  await h.restartOperator('replica-ratio');
  expect(h.router).toBeInstanceOf(ReplicaRatioRouter);
}

/** spec.replicas of each version's Deployment, by version. */
function replicas(): Record<string, number | undefined> {
  return Object.fromEntries(
    h.api
      .list({ apiVersion: 'apps/v1', kind: 'Deployment' }, NS)
      .map((d) => [d.metadata.labels?.['version'] ?? '', (d.spec as { replicas?: number }).replicas]),
  );
}

/** Versions that have an HPA. */
function autoscaled(): string[] {
  return h.api
    .list({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler' }, NS)
    .map((o) => o.metadata.labels?.['version'] ?? '')
    .sort();
}

/** Plays the HPA of the stable version: it has scaled the model to `n` replicas. */
async function scaleStable(version: string, n: number): Promise<void> {
  await h.client.patch(DEPLOYMENT, NS, `${MODEL}-${version}`, { spec: { replicas: n } }, 'merge');
  h.markAvailable();
}

beforeEach(async () => {
  // No Istio CRDs: a cluster without a mesh.
  h = await Harness.start({ crds: ['project', 'vpa'] });
  await startReplicaRatioOperator();
  await h.createModel();
  await h.createVersion('v1');
  await h.settle();
  await scaleStable('v1', 10);
  await h.settle();
});
afterEach(async () => {
  await h.stop();
});

describe('a canary with the replica-ratio router', () => {
  it('walks its steps with the replicas of each step, is promoted and gets its autoscaler back', async () => {
    expect(await h.phase('v1')).toBe('Promoted');
    expect(replicas()).toEqual({ v1: 10 });
    expect(autoscaled()).toEqual(['v1']);
    // The one Service balances over every version: no version in its selector.
    const service = h.api.get({ apiVersion: 'v1', kind: 'Service' }, NS, MODEL) as KubeObject;
    expect((service.spec as { selector: Record<string, string> }).selector).toEqual({ app: MODEL });

    await h.createVersion('v2');
    await h.settle();
    expect((await h.version('v2')).status).toMatchObject({
      phase: 'Progressing',
      currentStep: 0,
      canaryWeight: 10,
    });
    // 90/10 of the 10 replicas the stable's autoscaler chose; no autoscaler moves them.
    expect(replicas()).toEqual({ v1: 9, v2: 1 });
    expect(autoscaled()).toEqual([]);
    expect(await h.weights()).toEqual([
      { version: 'v1', weight: 90 },
      { version: 'v2', weight: 10 },
    ]);
    expect((await h.model()).status).toMatchObject({ canaryVersion: 'v2', canaryWeight: 10 });

    await h.after(MINUTE);
    expect((await h.version('v2')).status).toMatchObject({ currentStep: 1, canaryWeight: 50 });
    expect(replicas()).toEqual({ v1: 5, v2: 5 });

    await h.after(MINUTE);
    expect((await h.version('v2')).status?.phase).toBe('Promoted');
    expect(await h.weights()).toEqual([
      { version: 'v1', weight: 0 },
      { version: 'v2', weight: 100 },
    ]);
    // The previous stable serves nothing: 0 replicas and no autoscaler to raise it; the new stable
    // holds the capacity and is autoscaled again.
    expect(replicas()).toEqual({ v1: 0, v2: 10 });
    expect(autoscaled()).toEqual(['v2']);
    expect((await h.version('v2')).status?.analysis?.map((a) => [a.step, a.weight])).toEqual([
      [0, 10],
      [1, 50],
    ]);
  });

  it('reports the weight it set, not its approximation, so a coarse split still walks every step', async () => {
    // 3 replicas cannot make 90/10: 2/1 is about 67/33. The rollout must still see step 0 as done.
    await scaleStable('v1', 3);
    await h.createVersion('v2');
    await h.settle();
    expect(replicas()).toEqual({ v1: 2, v2: 1 });
    expect(await h.weights()).toEqual([
      { version: 'v1', weight: 90 },
      { version: 'v2', weight: 10 },
    ]);
    const ready = new Map<string, number>();
    for (const v of ['v1', 'v2']) {
      const d = await h.client.get<KubeObject>(DEPLOYMENT, NS, `${MODEL}-${v}`);
      const marked = await h.client.replaceStatus(DEPLOYMENT, {
        ...d,
        status: {
          ...(d.status as Record<string, unknown>),
          readyReplicas: (d.spec as { replicas: number }).replicas,
        },
      });
      ready.set(v, (marked.status as { readyReplicas: number }).readyReplicas);
    }
    // What clients get: shares of the ready replicas behind the one Service.
    expect(sharesOf(ready)).toEqual([
      { version: 'v1', weight: 67 },
      { version: 'v2', weight: 33 },
    ]);
    await h.after(30_000);
    expect((await h.version('v2')).status).toMatchObject({ currentStep: 0, canaryWeight: 10 });
    expect(h.eventsFor('demo-v2').some((e) => e.startsWith('WeightsAdopted:'))).toBe(false);
    await h.after(30_000);
    expect((await h.version('v2')).status).toMatchObject({ currentStep: 1, canaryWeight: 50 });
    expect(replicas()).toEqual({ v1: 2, v2: 1 });
  });

  it('that fails its analysis is rolled back to 0 replicas and the stable gets its capacity back', async () => {
    h.metrics.values.set('v2', 0.2);
    await h.createVersion('v2');
    await h.settle();
    expect(replicas()).toEqual({ v1: 9, v2: 1 });
    await h.after(MINUTE);
    expect((await h.version('v2')).status).toMatchObject({ phase: 'RolledBack', canaryWeight: 0 });
    expect(await h.weights()).toEqual([{ version: 'v1', weight: 100 }]);
    expect(replicas()).toEqual({ v1: 10 });
    expect(autoscaled()).toEqual(['v1']);
  });

  it('resumes at the same step after an operator restart, from the split recorded on the Service', async () => {
    await h.createVersion('v2');
    await h.settle();
    await h.after(MINUTE);
    expect((await h.version('v2')).status).toMatchObject({ currentStep: 1, canaryWeight: 50 });
    const service = h.api.get({ apiVersion: 'v1', kind: 'Service' }, NS, MODEL) as KubeObject;
    expect(JSON.parse(service.metadata.annotations?.[TRAFFIC_SPLIT_ANNOTATION] ?? '')).toEqual({
      weights: { v1: 50, v2: 50 },
      replicas: { v1: 5, v2: 5 },
    });

    await startReplicaRatioOperator();
    h.api.resetCounters();
    await h.after(30_000);
    // Nothing to redo: the new operator reads the same split and writes no Deployment.
    expect(h.api.writeLog.filter((w) => w.kind === 'Deployment')).toEqual([]);
    expect((await h.version('v2')).status).toMatchObject({ phase: 'Progressing', currentStep: 1 });
    expect(replicas()).toEqual({ v1: 5, v2: 5 });
    await h.after(30_000);
    const v2 = await h.version('v2');
    expect(v2.status?.phase).toBe('Promoted');
    expect(v2.status?.analysis?.map((a) => a.step)).toEqual([0, 1]);
    expect(replicas()).toEqual({ v1: 0, v2: 10 });
  });

  it('completes the step whose split was recorded when the operator died before scaling', async () => {
    await h.createVersion('v2');
    await h.settle();
    // The step-1 split was recorded, then the operator died before scaling and before its status write.
    await h.client.patch(
      { group: '', version: 'v1', kind: 'Service', plural: 'services' },
      NS,
      MODEL,
      {
        metadata: {
          annotations: {
            [TRAFFIC_SPLIT_ANNOTATION]: JSON.stringify({
              weights: { v1: 50, v2: 50 },
              replicas: { v1: 5, v2: 5 },
            }),
          },
        },
      },
      'merge',
    );
    await startReplicaRatioOperator();
    await h.after(MINUTE);
    expect((await h.version('v2')).status).toMatchObject({ currentStep: 1, canaryWeight: 50 });
    expect(h.eventsFor('demo-v2').some((e) => e.startsWith('WeightsAdopted:'))).toBe(true);
    // The AIModel controller renders the recorded replica counts: the scaling is finished.
    expect(replicas()).toEqual({ v1: 5, v2: 5 });
  });

  it('superseded mid-rollout: the running canary goes to 0 and the newer one splits the same capacity', async () => {
    await h.createVersion('v2');
    await h.settle();
    await h.after(MINUTE);
    expect(replicas()).toEqual({ v1: 5, v2: 5 });
    await h.clock.advance(10_000);
    await h.createVersion('v3');
    await h.settle();
    expect(await h.phase('v2')).toBe('RolledBack');
    expect((await h.version('v3')).status).toMatchObject({ phase: 'Progressing', currentStep: 0 });
    expect(replicas()).toEqual({ v1: 9, v3: 1 });
    expect(await h.weights()).toEqual([
      { version: 'v1', weight: 90 },
      { version: 'v3', weight: 10 },
    ]);
  });

  it('a rollback request after the bake gives the previous stable the capacity again (it starts cold)', async () => {
    await h.createVersion('v2');
    await h.settle();
    await h.after(MINUTE);
    await h.after(MINUTE);
    for (let i = 0; i < 6; i++) await h.after(MINUTE); // the bake is over
    expect(replicas()).toEqual({ v1: 0, v2: 10 });
    await h.annotate('AIModel', MODEL, 'rollback');
    await h.settle();
    expect((await h.model()).status?.stableVersion).toBe('v1');
    expect(await h.weights()).toEqual([{ version: 'v1', weight: 100 }]);
    expect(replicas()).toEqual({ v1: 10 });
    expect(autoscaled()).toEqual(['v1']);
  });
});
