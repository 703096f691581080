import type { KubeObject } from '../../operators/kit/resource.js';
import { Harness, MODEL, NS, policy } from './harness.js';

const MINUTE = 60_000;

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
  await h.createModel();
  await h.createVersion('v1');
  await h.settle();
});
afterEach(async () => {
  await h.stop();
});

function hpaBounds(name: string): { min?: number; max?: number } {
  const hpa = h.api.get({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler' }, NS, name) as
    (KubeObject & { spec?: { minReplicas?: number; maxReplicas?: number } }) | undefined;
  return { min: hpa?.spec?.minReplicas, max: hpa?.spec?.maxReplicas };
}

describe('a canary', () => {
  it('walks every step on passing analyses and is promoted; the old stable is kept warm, then scaled away', async () => {
    await h.createVersion('v2');
    await h.settle();
    const v2 = await h.version('v2');
    expect(v2.status).toMatchObject({
      phase: 'Progressing',
      currentStep: 0,
      canaryWeight: 10,
      stableVersion: 'v1',
    });
    expect(await h.weights()).toEqual([
      { version: 'v1', weight: 90 },
      { version: 'v2', weight: 10 },
    ]);
    // Canary capacity follows its weight; the stable keeps its full bounds.
    expect(hpaBounds('demo-v2')).toEqual({ min: 1, max: 1 });
    expect(hpaBounds('demo-v1')).toEqual({ min: 2, max: 10 });
    expect((await h.model()).status).toMatchObject({
      stableVersion: 'v1',
      canaryVersion: 'v2',
      canaryWeight: 10,
    });

    // Not due yet: nothing moves.
    await h.after(30_000);
    expect((await h.version('v2')).status?.currentStep).toBe(0);

    // Sessions kept on the stable: the canary served 6.2% of the requests at weight 10. The share is
    // reported beside the weight; the step advances on the passing analysis all the same.
    h.metrics.shares.set('v2', 0.062);
    await h.after(30_000);
    expect((await h.version('v2')).status).toMatchObject({
      phase: 'Progressing',
      currentStep: 1,
      canaryWeight: 50,
      requestShare: 6.2,
    });
    expect(await h.weights()).toEqual([
      { version: 'v1', weight: 50 },
      { version: 'v2', weight: 50 },
    ]);
    expect(hpaBounds('demo-v2')).toEqual({ min: 1, max: 5 });

    h.metrics.shares.set('v2', 0.31);
    await h.after(MINUTE);
    const promoted = await h.version('v2');
    expect(promoted.status).toMatchObject({ phase: 'Promoted', canaryWeight: 100, requestShare: 31 });
    expect(promoted.status?.finishedAt).toBeUndefined(); // baking
    expect(promoted.status?.analysis?.map((a) => [a.step, a.weight, a.requestShare, a.verdict])).toEqual([
      [0, 10, 6.2, 'Passed'],
      [1, 50, 31, 'Passed'],
    ]);
    expect(await h.weights()).toEqual([
      { version: 'v1', weight: 0 },
      { version: 'v2', weight: 100 },
    ]);
    expect(await h.phase('v1')).toBe('Superseded');
    expect((await h.model()).status).toMatchObject({ stableVersion: 'v2' });
    expect((await h.model()).status?.canaryVersion).toBeUndefined();
    // Promoted: full bounds. The previous stable stays warm.
    expect(hpaBounds('demo-v2')).toEqual({ min: 2, max: 10 });
    expect(await h.deployments()).toEqual(['demo-v1', 'demo-v2']);

    // Every check is an Event with its decision report.
    const events = h.eventsFor('demo-v2');
    expect(events).toContainEqual(
      expect.stringMatching(
        /^AnalysisPassed: errors: Passed \(.*\); window 1m; query errors_ratio\{namespace="suoke-ai",model="demo",version="v2"\}$/,
      ),
    );
    expect(events.some((e) => e.startsWith('StepAdvanced:'))).toBe(true);
    expect(events.some((e) => e.startsWith('Promoted:'))).toBe(true);

    // The bake (scaleDownDelay 5m) passes; the rollout ends.
    for (let i = 0; i < 5; i++) await h.after(MINUTE);
    expect((await h.version('v2')).status?.finishedAt).toBeDefined();
    expect(await h.deployments()).toEqual(['demo-v1', 'demo-v2']);

    // The rollback window (1h) ends: the old stable is scaled away.
    await h.after(60 * MINUTE);
    expect(await h.deployments()).toEqual(['demo-v2']);
    expect(await h.weights()).toEqual([{ version: 'v2', weight: 100 }]);
    const history = (await h.model()).status?.history ?? [];
    expect(history.map((e) => [e.version, e.outcome])).toEqual([
      ['v1', 'Superseded'],
      ['v2', 'Promoted'],
      ['v1', 'Promoted'],
    ]);
  });

  it('that fails its analysis is rolled back: weights to stable, RolledBack, Events with the check report', async () => {
    h.metrics.values.set('v2', 0.2);
    await h.createVersion('v2');
    await h.settle();
    expect((await h.version('v2')).status?.canaryWeight).toBe(10);

    await h.after(MINUTE);
    const v2 = await h.version('v2');
    expect(v2.status).toMatchObject({ phase: 'RolledBack', canaryWeight: 0, failedChecks: 1 });
    expect(v2.status?.analysis?.at(-1)?.metrics?.[0]).toMatchObject({
      name: 'errors',
      value: 0.2,
      verdict: 'Failed',
    });
    expect(v2.status?.conditions?.find((c) => c.type === 'Degraded')).toMatchObject({
      status: 'True',
      reason: 'FailureLimitExceeded',
    });
    expect(await h.weights()).toEqual([{ version: 'v1', weight: 100 }]);
    expect(await h.deployments()).toEqual(['demo-v1']);
    expect(await h.phase('v1')).toBe('Promoted');
    const events = h.eventsFor('demo-v2');
    expect(events).toContainEqual(
      expect.stringMatching(
        /^AnalysisFailed: errors: Failed \(.*0\.2.*max 0\.01.*\); window 1m; query errors_ratio\{.*version="v2"\}$/,
      ),
    );
    expect(events.some((e) => e.startsWith('FailureLimitExceeded:'))).toBe(true);
    expect(events.some((e) => e.startsWith('RolledBack:'))).toBe(true);
    const model = (await h.model()).status;
    expect(model?.stableVersion).toBe('v1');
    expect(model?.history?.[0]).toMatchObject({ version: 'v2', outcome: 'RolledBack' });
  });

  it('whose workload misses the progress deadline in Deploying is rolled back', async () => {
    h.autoAvailable = false;
    await h.createVersion('v2');
    await h.settle();
    expect(await h.phase('v2')).toBe('Deploying');
    await h.after(9 * MINUTE);
    expect(await h.phase('v2')).toBe('Deploying');
    await h.after(MINUTE);
    const v2 = await h.version('v2');
    expect(v2.status?.phase).toBe('RolledBack');
    expect(v2.status?.conditions?.find((c) => c.type === 'Progressing')?.reason).toBe(
      'ProgressDeadlineExceeded',
    );
    expect(await h.weights()).toEqual([{ version: 'v1', weight: 100 }]);
    expect(await h.deployments()).toEqual(['demo-v1']);
  });

  it('pauses after a streak of inconclusive analyses and resumes once the data is conclusive', async () => {
    h.metrics.values.set('v2', 'no-data');
    await h.createVersion('v2');
    await h.settle();
    await h.after(MINUTE);
    expect((await h.version('v2')).status).toMatchObject({ phase: 'Progressing', inconclusiveChecks: 1 });
    await h.after(MINUTE);
    const paused = await h.version('v2');
    expect(paused.status).toMatchObject({
      phase: 'Paused',
      currentStep: 0,
      canaryWeight: 10,
      failedChecks: 0,
    });
    expect(paused.status?.conditions?.find((c) => c.type === 'Progressing')?.reason).toBe(
      'InconclusiveLimitExceeded',
    );
    expect(await h.weights()).toEqual([
      { version: 'v1', weight: 90 },
      { version: 'v2', weight: 10 },
    ]);

    h.metrics.values.delete('v2');
    await h.after(MINUTE);
    expect((await h.version('v2')).status).toMatchObject({
      phase: 'Progressing',
      currentStep: 1,
      canaryWeight: 50,
    });
  });

  it('that fails during the bake after promotion is rolled back at once to the warm previous stable', async () => {
    await h.createVersion('v2');
    await h.settle();
    await h.after(MINUTE);
    await h.after(MINUTE);
    expect(await h.phase('v2')).toBe('Promoted');
    expect(await h.phase('v1')).toBe('Superseded');
    // The AIModel's Events are its changes of stable version, not its first one.
    expect(h.eventsFor(MODEL)).toEqual(['StableAvailable: version v2 is the stable version']);

    h.metrics.values.set('v2', 0.3);
    await h.after(MINUTE);
    const v2 = await h.version('v2');
    expect(v2.status?.phase).toBe('RolledBack');
    expect(v2.status?.analysis?.at(-1)).toMatchObject({ weight: 100, verdict: 'Failed' });
    expect(h.eventsFor('demo-v2').some((e) => e.startsWith('BakeFailed:'))).toBe(true);
    expect(await h.weights()).toEqual([{ version: 'v1', weight: 100 }]);
    expect((await h.model()).status?.stableVersion).toBe('v1');
    expect(h.eventsFor(MODEL)).toContain('StableAvailable: version v1 is the stable version');
    expect(await h.deployments()).toEqual(['demo-v1']);
  });
});

describe('policy from the ModelVersion', () => {
  it('in Manual mode waits at the last step until promote', async () => {
    await h.createVersion('v2', policy({ mode: 'Manual' }));
    await h.settle();
    await h.after(MINUTE);
    await h.after(MINUTE);
    const gated = await h.version('v2');
    expect(gated.status).toMatchObject({ phase: 'Paused', currentStep: 1, canaryWeight: 50 });
    expect(gated.status?.conditions?.find((c) => c.type === 'Progressing')?.reason).toBe('ManualGate');
    // A person's gate is not bounded by the progress deadline.
    await h.after(30 * MINUTE);
    expect(await h.phase('v2')).toBe('Paused');

    await h.annotate('ModelVersion', 'demo-v2', 'promote');
    await h.settle();
    const v2 = await h.version('v2');
    expect(v2.status?.phase).toBe('Promoted');
    expect(v2.metadata.annotations?.['ai.suoke.life/action']).toBeUndefined();
    expect(await h.weights()).toEqual([
      { version: 'v1', weight: 0 },
      { version: 'v2', weight: 100 },
    ]);
  });
});
