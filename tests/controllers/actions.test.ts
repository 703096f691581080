import { Harness } from './harness.js';

const MINUTE = 60_000;
const ACTION = 'ai.suoke.life/action';

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
  await h.createModel();
  await h.createVersion('v1');
  await h.settle();
  await h.createVersion('v2');
  await h.settle();
});
afterEach(async () => {
  await h.stop();
});

async function lastAction(
  kind: 'AIModel' | 'ModelVersion',
): Promise<{ status: string; reason: string; message: string } | undefined> {
  const obj = kind === 'AIModel' ? await h.model() : await h.version('v2');
  return obj.status?.conditions?.find((c) => c.type === 'LastAction');
}

describe('ModelVersion actions through ai.suoke.life/action', () => {
  it('promote: promotes from the current step, consumes the annotation and records it', async () => {
    await h.annotate('ModelVersion', 'demo-v2', 'promote');
    await h.settle();
    const v2 = await h.version('v2');
    expect(v2.status?.phase).toBe('Promoted');
    expect(v2.metadata.annotations?.[ACTION]).toBeUndefined();
    expect(await lastAction('ModelVersion')).toMatchObject({ status: 'True', reason: 'ActionAccepted' });
    expect(await h.weights()).toEqual([
      { version: 'v1', weight: 0 },
      { version: 'v2', weight: 100 },
    ]);
    expect(h.eventsFor('demo-v2').some((e) => e.startsWith("ActionAccepted: action 'promote'"))).toBe(true);
  });

  it('abort: rolls the canary back at once', async () => {
    await h.annotate('ModelVersion', 'demo-v2', 'abort');
    await h.settle();
    const v2 = await h.version('v2');
    expect(v2.status?.phase).toBe('RolledBack');
    expect(v2.status?.conditions?.find((c) => c.type === 'Degraded')?.reason).toBe('Aborted');
    expect(v2.metadata.annotations?.[ACTION]).toBeUndefined();
    expect(await h.weights()).toEqual([{ version: 'v1', weight: 100 }]);
    expect(await h.deployments()).toEqual(['demo-v1']);
  });

  it('pause holds the step past due analyses; resume continues from it', async () => {
    await h.annotate('ModelVersion', 'demo-v2', 'pause');
    await h.settle();
    expect((await h.version('v2')).status).toMatchObject({
      phase: 'Paused',
      currentStep: 0,
      canaryWeight: 10,
    });
    await h.after(20 * MINUTE);
    expect((await h.version('v2')).status).toMatchObject({ phase: 'Paused', currentStep: 0 });

    await h.annotate('ModelVersion', 'demo-v2', 'resume');
    await h.settle();
    expect((await h.version('v2')).status).toMatchObject({ phase: 'Progressing', currentStep: 0 });
    await h.after(MINUTE);
    expect((await h.version('v2')).status).toMatchObject({
      phase: 'Progressing',
      currentStep: 1,
      canaryWeight: 50,
    });
  });

  it('retry: starts a rolled back version again from step one', async () => {
    await h.annotate('ModelVersion', 'demo-v2', 'abort');
    await h.settle();
    expect(await h.phase('v2')).toBe('RolledBack');
    await h.annotate('ModelVersion', 'demo-v2', 'retry');
    await h.settle();
    const v2 = await h.version('v2');
    expect(v2.status).toMatchObject({
      phase: 'Progressing',
      currentStep: 0,
      canaryWeight: 10,
      failedChecks: 0,
    });
    expect(await h.deployments()).toEqual(['demo-v1', 'demo-v2']);
  });

  it('an illegal or unknown action is rejected with a condition and an Event, cleared, and changes nothing', async () => {
    await h.annotate('ModelVersion', 'demo-v2', 'resume');
    await h.settle();
    let v2 = await h.version('v2');
    expect(v2.status).toMatchObject({ phase: 'Progressing', currentStep: 0 });
    expect(v2.metadata.annotations?.[ACTION]).toBeUndefined();
    expect(await lastAction('ModelVersion')).toMatchObject({ status: 'False', reason: 'ActionRejected' });
    expect(
      h
        .eventsFor('demo-v2')
        .some((e) => e.startsWith("ActionRejected: action 'resume' rejected: the rollout is not paused")),
    ).toBe(true);

    await h.annotate('ModelVersion', 'demo-v2', 'launch');
    await h.settle();
    v2 = await h.version('v2');
    expect(v2.status?.phase).toBe('Progressing');
    expect((await lastAction('ModelVersion'))?.message).toMatch(
      /unknown action 'launch'; use one of promote, abort, pause, resume, retry/,
    );
  });
});

describe('AIModel rollback through ai.suoke.life/action', () => {
  async function promoteV2(): Promise<void> {
    await h.after(MINUTE);
    await h.after(MINUTE);
    expect(await h.phase('v2')).toBe('Promoted');
  }

  it('shifts all traffic back to the warm previous stable', async () => {
    await promoteV2();
    for (let i = 0; i < 6; i++) await h.after(MINUTE); // the bake is over
    expect((await h.version('v2')).status?.finishedAt).toBeDefined();

    await h.annotate('AIModel', 'demo', 'rollback');
    await h.settle();
    const model = await h.model();
    expect(model.metadata.annotations?.[ACTION]).toBeUndefined();
    expect(model.status?.stableVersion).toBe('v1');
    expect(model.status?.history?.[0]).toMatchObject({
      version: 'v2',
      outcome: 'RolledBack',
      message: 'rolled back by request to version v1',
    });
    expect(await lastAction('AIModel')).toMatchObject({ status: 'True', reason: 'ActionAccepted' });
    expect(await h.weights()).toEqual([{ version: 'v1', weight: 100 }]);
    expect(await h.phase('v2')).toBe('RolledBack');
    expect(await h.deployments()).toEqual(['demo-v1']);
    expect(h.eventsFor('demo').some((e) => e.startsWith('RolledBackToPrevious:'))).toBe(true);
  });

  it('is rejected once the rollback window has ended', async () => {
    await promoteV2();
    await h.after(61 * MINUTE);
    expect(await h.deployments()).toEqual(['demo-v2']);
    await h.annotate('AIModel', 'demo', 'rollback');
    await h.settle();
    const model = await h.model();
    expect(model.metadata.annotations?.[ACTION]).toBeUndefined();
    expect(model.status?.stableVersion).toBe('v2');
    expect((await lastAction('AIModel'))?.message).toMatch(/previous stable version v1 is no longer warm/);
    expect(await h.weights()).toEqual([{ version: 'v2', weight: 100 }]);
  });

  it('is rejected while a canary rolls out, pointing at abort', async () => {
    await h.annotate('AIModel', 'demo', 'rollback');
    await h.settle();
    expect((await lastAction('AIModel'))?.message).toMatch(
      /version v2 is rolling out .*abort on ModelVersion demo-v2/,
    );
    expect(await h.phase('v2')).toBe('Progressing');
  });
});
