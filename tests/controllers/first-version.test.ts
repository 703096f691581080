import { Harness, MODEL, NS } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
});
afterEach(async () => {
  await h.stop();
});

describe('the first ModelVersion of an AIModel', () => {
  it('is deployed, then promoted once its workload is Available, with all traffic', async () => {
    h.autoAvailable = false;
    await h.createModel();
    await h.createVersion('v1');
    await h.settle();
    expect(await h.phase('v1')).toBe('Deploying');
    expect(await h.deployments()).toEqual(['demo-v1']);
    expect((await h.model()).status?.stableVersion).toBeUndefined();

    h.markAvailable();
    await h.settle();
    const v1 = await h.version('v1');
    expect(v1.status?.phase).toBe('Promoted');
    expect(v1.status?.finishedAt).toBeDefined();
    expect(await h.weights()).toEqual([{ version: 'v1', weight: 100 }]);
    const model = (await h.model()).status;
    expect(model?.stableVersion).toBe('v1');
    expect(model?.endpoint).toBe(`http://${MODEL}.${NS}.svc.cluster.local`);
    expect(model?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    expect(model?.history?.[0]).toMatchObject({ version: 'v1', outcome: 'Promoted' });
    expect(h.eventsFor('demo-v1').some((e) => e.startsWith('FirstVersion:'))).toBe(true);
  });

  it('writes nothing on a reconcile that has nothing to change', async () => {
    await h.createModel();
    await h.createVersion('v1');
    await h.settle();
    expect(await h.phase('v1')).toBe('Promoted');
    h.api.resetCounters();
    await h.pass();
    await h.pass();
    expect(h.api.writeLog).toEqual([]);
    expect(h.api.writes).toBe(0);
  });
});

describe('a cluster without a CRD the rendered objects need', () => {
  it('reports ApplyFailed naming the kind on the AIModel, with an Event, and retries', async () => {
    await h.stop();
    h = await Harness.start({ crds: ['project', 'istio'] });
    await h.createModel();
    await h.createVersion('v1');
    await h.reconcileVersion({ namespace: NS, name: 'demo-v1' });
    expect(await h.phase('v1')).toBe('Deploying');
    await expect(h.reconcileModel({ namespace: NS, name: MODEL })).rejects.toThrow(/VerticalPodAutoscaler/);
    const degraded = (await h.model()).status?.conditions?.find((c) => c.type === 'Degraded');
    expect(degraded).toMatchObject({ status: 'True', reason: 'ApplyFailed' });
    expect(degraded?.message).toMatch(/VerticalPodAutoscaler .*demo-v1/);
    expect(h.eventsFor(MODEL)).toEqual([expect.stringMatching(/^ApplyFailed: VerticalPodAutoscaler/)]);
  });
});
