/**
 * What the operator costs the API server, counted at the fake: a first version converges in a few
 * requests, a pass with nothing to change makes none (reads included: they come from the caches),
 * a field removed from the AIModel disappears from what it derives, and a derived object edited or
 * deleted by hand is put back.
 */
import type { AIModel } from '../../crds/api/index.js';
import { AIMODEL } from '../../operators/kinds.js';
import type { KubeObject } from '../../operators/kit/resource.js';
import { Harness, MODEL, NS } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
});
afterEach(async () => {
  await h.stop();
});

const WRITES = new Set(['create', 'update', 'patch', 'apply', 'delete']);

type Spec = AIModel['spec'];

/** Changes the AIModel's spec as `kubectl edit` would (a merge patch; null removes a field). */
async function editModel(patch: Record<string, unknown>): Promise<void> {
  await h.client.patch(AIMODEL, NS, MODEL, { spec: patch }, 'merge');
}

function stored(kind: string, name: string): KubeObject {
  const apiVersion: Record<string, string> = {
    Deployment: 'apps/v1',
    HorizontalPodAutoscaler: 'autoscaling/v2',
    Service: 'v1',
    VirtualService: 'networking.istio.io/v1',
  };
  const obj = h.api.get({ apiVersion: apiVersion[kind]!, kind }, NS, name);
  if (obj === undefined) throw new Error(`${kind} ${NS}/${name} does not exist`);
  return obj;
}

const podSpec = (d: KubeObject): Record<string, unknown> =>
  (d.spec as { template: { spec: Record<string, unknown> } }).template.spec;
const engine = (d: KubeObject): Record<string, unknown> =>
  (podSpec(d)['containers'] as Array<{ name: string }>).find((c) => c.name === 'engine') as Record<
    string,
    unknown
  >;

/** An AIModel with a GPU, a toleration, a custom metric, an env var and a host, promoted at v1. */
async function fullModel(): Promise<void> {
  await h.createModel();
  const spec: Partial<Spec> = {
    engine: {
      image: 'ghcr.io/example/engine:1.0.0',
      env: [
        { name: 'KEEP', value: '1' },
        { name: 'DROP_ME', value: '2' },
      ],
    },
    resources: {
      gpu: {
        count: 1,
        product: 'NVIDIA-A100-SXM4-80GB',
        tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
      },
    },
    scaling: {
      minReplicas: 2,
      maxReplicas: 10,
      cpuUtilization: 70,
      customMetrics: [{ name: 'ai_inference_requests_per_second', target: '30' }],
    },
    traffic: { hosts: ['demo.example.com', 'demo-old.example.com'] },
  };
  await editModel(spec);
  await h.createVersion('v1');
  await h.settle();
  expect(await h.phase('v1')).toBe('Promoted');
}

describe('API requests of the operator', () => {
  it('a first version converges within 25 requests, one apply per derived object, and a pass with nothing to change makes none', async () => {
    await h.createModel();
    await h.createVersion('v1');
    const from = h.api.requests.length;
    await h.settle();
    const made = h.api.requests.slice(from).filter((r) => r.verb !== 'watch');
    expect(await h.phase('v1')).toBe('Promoted');
    const writes = made.filter((r) => WRITES.has(r.verb) && r.resource !== 'events');
    // Reads come from the caches: the API server sees only writes.
    expect(made.filter((r) => !WRITES.has(r.verb)).map((r) => `${r.verb} ${r.resource}`)).toEqual([]);
    expect(made.length).toBeLessThanOrEqual(25);
    // One apply per derived object, and status only when it moved: the AIModel's one (stable: a new
    // AIModel waits for its first version to be through deploying rather than report "no version" or
    // "deploying" a moment before), the version's two (Deploying, Promoted).
    expect(writes.filter((r) => r.verb === 'apply').length).toBe(11);
    expect(new Set(writes.filter((r) => r.verb === 'apply').map((r) => r.resource)).size).toBe(11);
    expect(writes.filter((r) => r.resource === 'aimodels').map((r) => r.subresource)).toEqual(['status']);
    expect(writes.filter((r) => r.resource === 'modelversions').map((r) => r.subresource)).toEqual([
      'status',
      'status',
    ]);
    expect(writes.length).toBe(14);
    // One Event per transition of the version; the model's first stable is not repeated on the AIModel.
    expect(made.filter((r) => r.resource === 'events').map((r) => r.verb)).toEqual(['create', 'create']);
    expect(
      h
        .eventsFor('demo-v1')
        .map((e) => e.split(':')[0])
        .sort(),
    ).toEqual(['Deploying', 'FirstVersion']);
    expect(h.eventsFor(MODEL)).toEqual([]);

    h.api.resetCounters();
    await h.pass();
    await h.pass();
    expect(h.lastPassRequests).toEqual([]);
    expect(h.api.requests.filter((r) => r.verb !== 'watch')).toEqual([]);
  });
});

describe('a field removed from the AIModel', () => {
  it('is removed from every derived object: GPU (limits, node selector, tolerations, annotations), env var, custom metric, host', async () => {
    await fullModel();
    const before = stored('Deployment', 'demo-v1');
    expect(JSON.stringify(engine(before))).toContain('nvidia.com/gpu');
    expect(podSpec(before)['nodeSelector']).toMatchObject({
      'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-80GB',
    });
    expect(podSpec(before)['tolerations']).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: 'nvidia.com/gpu' })]),
    );

    await editModel({
      resources: null,
      engine: { image: 'ghcr.io/example/engine:1.0.0', env: [{ name: 'KEEP', value: '1' }] },
      scaling: { minReplicas: 2, maxReplicas: 10, cpuUtilization: 70, customMetrics: null },
      traffic: { hosts: ['demo.example.com'] },
    });
    await h.settle();

    const after = stored('Deployment', 'demo-v1');
    expect(JSON.stringify(engine(after))).not.toContain('nvidia.com/gpu');
    expect(podSpec(after)['nodeSelector'] ?? {}).not.toHaveProperty(['nvidia.com/gpu.product']);
    expect(JSON.stringify(podSpec(after)['tolerations'] ?? [])).not.toContain('nvidia.com/gpu');
    expect(Object.keys(after.metadata.annotations ?? {}).filter((k) => k.includes('gpu'))).toEqual([]);
    expect((engine(after)['env'] as Array<{ name: string }>).map((e) => e.name)).not.toContain('DROP_ME');
    expect((engine(after)['env'] as Array<{ name: string }>).map((e) => e.name)).toContain('KEEP');

    const hpa = stored('HorizontalPodAutoscaler', 'demo-v1');
    expect(JSON.stringify(hpa.spec)).not.toContain('ai_inference_requests_per_second');
    expect(JSON.stringify(hpa.spec)).toContain('cpu');

    const vs = stored('VirtualService', MODEL);
    expect((vs.spec as { hosts: string[] }).hosts).not.toContain('demo-old.example.com');
    expect((vs.spec as { hosts: string[] }).hosts).toContain('demo.example.com');
  });
});

describe('a derived object changed by hand', () => {
  it('is re-created when deleted, and a field we own is restored when edited', async () => {
    await fullModel();
    await h.client.delete(
      { group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments' },
      NS,
      'demo-v1',
    );
    await h.settle();
    expect(await h.deployments()).toEqual(['demo-v1']);

    const service = { group: '', version: 'v1', kind: 'Service', plural: 'services' };
    const before = stored('Service', MODEL);
    const ports = (before.spec as { ports: Array<Record<string, unknown>> }).ports;
    await h.client.patch(service, NS, MODEL, { metadata: { labels: { app: 'hijacked' } } }, 'merge');
    await h.settle();
    expect(stored('Service', MODEL).metadata.labels?.['app']).toBe(MODEL);
    expect((stored('Service', MODEL).spec as { ports: unknown[] }).ports).toEqual(ports);
  });
});

describe('the AIModel status of a model applied with its first version', () => {
  it('waits for the version’s first status, and is written anyway once the wait is over', async () => {
    await h.createModel();
    await h.createVersion('v1');
    const first = await h.reconcileModel({ namespace: NS, name: MODEL });
    expect((await h.model()).status).toBeUndefined();
    expect(first.requeueAfter).toBe(10_000);
    // The version's controller never gets to it (down, say): the AIModel reports what it knows.
    await h.clock.advance(10_000);
    await h.reconcileModel({ namespace: NS, name: MODEL });
    expect((await h.model()).status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({
      status: 'False',
      reason: 'NoStableVersion',
    });
  });

  it('waits 5 s for a version when the AIModel came first, and then reports that it has none', async () => {
    // `kubectl apply -f dir/` sends every AIModel before any ModelVersion.
    await h.createModel();
    const alone = await h.reconcileModel({ namespace: NS, name: MODEL });
    expect((await h.model()).status).toBeUndefined();
    expect(alone.requeueAfter).toBe(5_000);
    await h.clock.advance(5_000);
    await h.reconcileModel({ namespace: NS, name: MODEL });
    expect((await h.model()).status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({
      status: 'False',
      reason: 'NoStableVersion',
    });
  });

  it('writes once when the version follows the AIModel within the wait', async () => {
    await h.createModel();
    await h.reconcileModel({ namespace: NS, name: MODEL });
    await h.clock.advance(2_000);
    await h.createVersion('v1');
    const from = h.api.requests.length;
    await h.settle();
    expect(await h.phase('v1')).toBe('Promoted');
    const statusWrites = h.api.requests
      .slice(from)
      .filter((r) => r.resource === 'aimodels' && r.subresource === 'status');
    expect(statusWrites).toHaveLength(1);
    expect((await h.model()).status?.stableVersion).toBe('v1');
  });

  it('counts the wait from the pass that applied the workload when the queue held the model back', async () => {
    h.autoAvailable = false;
    await h.createModel();
    await h.createVersion('v1');
    await h.clock.advance(8_000); // a thousand models ahead of this one
    await h.reconcileVersion({ namespace: NS, name: 'demo-v1' });
    expect(await h.deployments()).toEqual([]);
    const first = await h.reconcileModel({ namespace: NS, name: MODEL });
    expect(await h.deployments()).toEqual(['demo-v1']);
    expect((await h.model()).status).toBeUndefined();
    expect(first.requeueAfter).toBe(10_000);
    await h.clock.advance(4_000);
    expect((await h.reconcileModel({ namespace: NS, name: MODEL })).requeueAfter).toBe(6_000);
  });

  it('waits for the first version to be through deploying, and reports it deploying once the wait is over', async () => {
    h.autoAvailable = false; // the image takes its time to pull
    await h.createModel();
    await h.createVersion('v1');
    await h.reconcileVersion({ namespace: NS, name: 'demo-v1' });
    expect(await h.phase('v1')).toBe('Deploying');
    const first = await h.reconcileModel({ namespace: NS, name: MODEL });
    expect((await h.model()).status).toBeUndefined();
    expect(first.requeueAfter).toBeGreaterThan(0);
    expect(first.requeueAfter).toBeLessThanOrEqual(10_000);
    await h.clock.advance(10_000);
    await h.reconcileModel({ namespace: NS, name: MODEL });
    expect((await h.model()).status?.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({
      status: 'True',
    });
    expect((await h.model()).status?.canaryVersion).toBe('v1');
  });
});
