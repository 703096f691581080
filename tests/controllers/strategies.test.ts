/**
 * Each strategy through both controllers on the fake API server with the Istio router: what lands
 * in the VirtualService at each stage (preview route, cohort route, mirror), the candidate's
 * capacity, status, Events, and the refusal under the replica-ratio router.
 */
import type { KubeObject } from '../../operators/kit/resource.js';
import { Harness, NS, MODEL, sampled } from './harness.js';

const MINUTE = 60_000;

const { steps: _steps, ...withoutSteps } = sampled;

interface HttpRoute {
  name?: string;
  match?: unknown[];
  route?: { destination?: { subset?: string }; weight?: number }[];
  mirror?: { subset?: string };
  mirrorPercentage?: { value?: number };
}

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
  await h.createModel(sampled);
  await h.createVersion('v1');
  await h.settle();
});
afterEach(async () => {
  await h.stop();
});

function routes(): HttpRoute[] {
  const vs = h.api.get({ apiVersion: 'networking.istio.io/v1', kind: 'VirtualService' }, NS, MODEL) as
    (KubeObject & { spec?: { http?: HttpRoute[] } }) | undefined;
  return vs?.spec?.http ?? [];
}

function hpaBounds(name: string): { min?: number; max?: number } {
  const hpa = h.api.get({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler' }, NS, name) as
    (KubeObject & { spec?: { minReplicas?: number; maxReplicas?: number } }) | undefined;
  return { min: hpa?.spec?.minReplicas, max: hpa?.spec?.maxReplicas };
}

describe('BlueGreen with the Istio router', () => {
  it('previews v2 behind its header at full capacity, then switches all traffic at once', async () => {
    await h.createVersion('v2', {
      ...withoutSteps,
      strategy: 'BlueGreen',
      blueGreen: { previewDuration: '2m' },
    });
    await h.settle();
    const v2 = await h.version('v2');
    expect(v2.status).toMatchObject({
      phase: 'Progressing',
      strategy: 'BlueGreen',
      stage: 'Preview',
      canaryWeight: 0,
    });
    expect(v2.status?.routing).toEqual({ matches: [{ header: { name: 'x-model-version', exact: 'v2' } }] });
    // The preview route, ordered before the weighted one; users all on v1.
    expect(routes().map((r) => r.name)).toEqual(['candidate', 'versions']);
    expect(routes()[0]).toMatchObject({
      match: [{ headers: { 'x-model-version': { exact: 'v2' } } }],
      route: [{ destination: { subset: 'v2' } }],
    });
    expect(await h.weights()).toEqual([
      { version: 'v1', weight: 100 },
      { version: 'v2', weight: 0 },
    ]);
    // Green starts at the stable's capacity: the switch sends it everything at once.
    expect(hpaBounds('demo-v2')).toEqual(hpaBounds('demo-v1'));

    await h.after(MINUTE);
    expect((await h.version('v2')).status).toMatchObject({ phase: 'Progressing', stage: 'Preview' });
    await h.after(MINUTE);
    const promoted = await h.version('v2');
    expect(promoted.status).toMatchObject({ phase: 'Promoted', canaryWeight: 100 });
    expect(promoted.status?.stage).toBeUndefined();
    expect(routes().map((r) => r.name)).toEqual(['versions']);
    expect(await h.weights()).toEqual([
      { version: 'v1', weight: 0 },
      { version: 'v2', weight: 100 },
    ]);
    // One weight change for users: 0 → 100.
    expect(h.eventsFor('demo-v2').filter((e) => e.startsWith('Promoted'))).toHaveLength(1);
  });

  it('a preview no one calls is not promoted: inconclusive, paused, then rolled back at the deadline', async () => {
    h.metrics.samples = 0;
    await h.createVersion('v2', { ...withoutSteps, strategy: 'BlueGreen', progressDeadline: '5m' });
    await h.settle();
    for (let minute = 1; minute <= 3; minute++) {
      await h.after(MINUTE);
      expect(await h.phase('v2')).not.toBe('Promoted');
    }
    expect((await h.version('v2')).status).toMatchObject({ phase: 'Paused', pauseReason: 'Inconclusive' });
    expect(await h.weights()).toEqual([
      { version: 'v1', weight: 100 },
      { version: 'v2', weight: 0 },
    ]);
    await h.after(MINUTE);
    await h.after(MINUTE);
    expect(await h.phase('v2')).toBe('RolledBack');
    expect(routes().map((r) => r.name)).toEqual(['versions']);
    expect((await h.model()).status?.stableVersion).toBe('v1');
  });
});

describe('Experiment with the Istio router', () => {
  it('routes the cohort and its share to the candidate and promotes the winner at the end', async () => {
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
    const v2 = await h.version('v2');
    expect(v2.status).toMatchObject({ stage: 'Experiment', canaryWeight: 10 });
    expect(v2.status?.experiment?.endsAt).toBe(new Date(h.clock.now() + 3 * MINUTE).toISOString());
    const [cohort, versions] = routes();
    expect(cohort?.name).toBe('candidate');
    expect(cohort?.match).toHaveLength(2);
    expect(versions?.route?.map((d) => [d.destination?.subset, d.weight])).toEqual([
      ['v1', 90],
      ['v2', 10],
    ]);
    h.metrics.values.set('v1', 0.004);
    h.metrics.values.set('v2', 0.002);
    await h.after(MINUTE);
    await h.after(MINUTE);
    const midway = await h.version('v2');
    expect(midway.status?.phase).toBe('Progressing');
    expect(midway.status?.experiment?.metrics).toEqual([
      {
        name: 'errors',
        analyses: 2,
        candidate: 0.002,
        stable: 0.004,
        lastCandidate: 0.002,
        lastStable: 0.004,
      },
    ]);
    await h.after(MINUTE);
    expect((await h.version('v2')).status).toMatchObject({ phase: 'Promoted' });
    expect(routes().map((r) => r.name)).toEqual(['versions']);
    expect(h.eventsFor('demo-v2').some((e) => e.startsWith('ExperimentWon'))).toBe(true);
  });

  it('a worse candidate is rolled back at once and its cohort route removed', async () => {
    await h.createVersion('v2', {
      ...withoutSteps,
      strategy: 'Experiment',
      experiment: { match: [{ header: { name: 'x-cohort', prefix: 'beta' } }], duration: '30m' },
    });
    await h.settle();
    expect(routes().map((r) => r.name)).toEqual(['candidate', 'versions']);
    h.metrics.values.set('v2', 0.2);
    await h.after(MINUTE);
    expect(await h.phase('v2')).toBe('RolledBack');
    expect(routes().map((r) => r.name)).toEqual(['versions']);
    expect(await h.weights()).toEqual([{ version: 'v1', weight: 100 }]);
  });
});

describe('shadow with the Istio router', () => {
  it('mirrors a share of live requests before the canary, then removes the mirror', async () => {
    await h.createVersion('v2', { ...sampled, shadow: { percent: 20, duration: '1m' } });
    await h.settle();
    expect((await h.version('v2')).status).toMatchObject({ stage: 'Shadow', canaryWeight: 0 });
    const versions = routes().find((r) => r.name === 'versions');
    expect(versions?.mirror?.subset).toBe('v2');
    expect(versions?.mirrorPercentage?.value).toBe(20);
    // The mirrored share is load on v2: its bounds follow 20% of the model's 2-10.
    expect(hpaBounds('demo-v2')).toEqual({ min: 1, max: 2 });
    expect(await h.weights()).toEqual([
      { version: 'v1', weight: 100 },
      { version: 'v2', weight: 0 },
    ]);
    await h.after(MINUTE);
    expect((await h.version('v2')).status).toMatchObject({ stage: 'Canary', canaryWeight: 10 });
    const after = routes().find((r) => r.name === 'versions');
    expect(after?.mirror).toBeUndefined();
    expect(after?.mirrorPercentage).toBeUndefined();
  });

  it('a pass over settled strategy routes makes no API request', async () => {
    await h.createVersion('v2', { ...withoutSteps, strategy: 'BlueGreen', shadow: {} });
    await h.settle();
    await h.pass();
    expect(h.lastPassRequests).toEqual([]);
  });
});

describe('a strategy the router cannot run', () => {
  it('is refused under replica-ratio with a condition and a Warning naming the router; nothing else changes', async () => {
    await h.stop();
    h = await Harness.start({ crds: ['project', 'vpa'], router: 'replica-ratio' });
    await h.createModel(sampled);
    await h.createVersion('v1');
    await h.settle();
    const before = await h.deployments();
    await h.createVersion('v2', { ...withoutSteps, strategy: 'BlueGreen' });
    await h.settle();
    const v2 = await h.version('v2');
    expect(v2.status?.phase).toBe('Pending');
    const progressing = v2.status?.conditions?.find((c) => c.type === 'Progressing');
    expect(progressing).toMatchObject({ status: 'False', reason: 'StrategyUnsupported' });
    expect(progressing?.message).toMatch(
      /the replica-ratio traffic router cannot run this rollout: the blue-green preview route needs header matching; run the operator with --traffic-router=istio/,
    );
    expect(h.eventsFor('demo-v2').some((e) => e.startsWith('StrategyUnsupported: the replica-ratio'))).toBe(
      true,
    );
    expect(await h.deployments()).toEqual(before);
    expect((await h.model()).status?.stableVersion).toBe('v1');
  });
});
