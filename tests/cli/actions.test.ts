/**
 * promote / abort / pause / resume / retry on a ModelVersion and rollback on an AIModel: the
 * annotation is set when the request makes sense, and refused with the reason (exit 3, nothing
 * written) when the phase makes it meaningless.
 */
import { afterEach, beforeEach, describe, expect, test, jest } from '@jest/globals';
import type { ModelVersionStatus } from '../../crds/index.js';
import { condition, CliWorld } from './support/cli.js';

// Each test starts real CLI processes; a loaded machine needs more than the default minute.
jest.setTimeout(180_000);
let world: CliWorld;
beforeEach(async () => {
  world = await CliWorld.start();
});
afterEach(async () => {
  await world.stop();
});

const ACTION = 'ai.suoke.life/action';

describe('rollout actions', () => {
  test.each([
    [
      'promote',
      { phase: 'Progressing', currentStep: 1, canaryWeight: 20 },
      'promote version v2 from step 2 (weight 20%)',
    ],
    ['abort', { phase: 'Progressing', currentStep: 1, canaryWeight: 20 }, 'roll version v2 back'],
    [
      'pause',
      { phase: 'Progressing', currentStep: 0, canaryWeight: 5 },
      'hold version v2 at step 1 (weight 5%)',
    ],
    [
      'resume',
      {
        phase: 'Paused',
        currentStep: 2,
        canaryWeight: 50,
        conditions: [condition('Progressing', 'False', 'PausedByRequest')],
      },
      'continue the rollout of version v2 from step 3',
    ],
    ['retry', { phase: 'RolledBack', canaryWeight: 0 }, 'start the rollout of version v2 again'],
  ] as const)('%s sets the action annotation and says what will happen', async (action, status, effect) => {
    await world.createModel();
    await world.createVersion('xiaoai-v2', 'v2', status as unknown as ModelVersionStatus);
    world.api.resetCounters();
    const run = await world.run([action, 'xiaoai-v2']);
    expect(run.code).toBe(0);
    expect(run.stdout.join('\n')).toContain(
      `modelversion.ai.suoke.life/xiaoai-v2 ${action} requested: the operator will ${effect}`,
    );
    expect(world.annotations('ModelVersion', 'xiaoai-v2')[ACTION]).toBe(action);
    const patch = world.api.requests.find((r) => r.verb === 'patch');
    expect(patch).toMatchObject({
      contentType: 'application/merge-patch+json',
      fieldManager: 'kubectl-model',
    });
  });

  test.each([
    [
      'promote',
      { phase: 'Deploying' },
      'the canary serves no traffic yet (phase Deploying); promote once it is Progressing',
    ],
    [
      'promote',
      { phase: 'RolledBack' },
      "the rollout has ended (phase RolledBack); use 'kubectl model retry'",
    ],
    [
      'abort',
      { phase: 'Promoted', promotedAt: '2026-01-01T12:00:00Z', finishedAt: '2026-01-01T12:05:00Z' },
      "the version is promoted and its bake is over; roll the model back with 'kubectl model rollback xiaoai'",
    ],
    ['pause', { phase: 'Deploying' }, 'nothing to pause in phase Deploying; pause applies while Progressing'],
    [
      'resume',
      { phase: 'Paused', conditions: [condition('Progressing', 'False', 'ManualGate')] },
      "the rollout waits at the manual gate; use 'kubectl model promote'",
    ],
    [
      'retry',
      { phase: 'Progressing' },
      'only a RolledBack or Failed version can be retried (phase Progressing)',
    ],
  ] as const)(
    '%s is refused in %j with the reason, exit 3, nothing written',
    async (action, status, reason) => {
      await world.createModel();
      await world.createVersion('xiaoai-v2', 'v2', status as unknown as ModelVersionStatus);
      world.api.resetCounters();
      const run = await world.run([action, 'xiaoai-v2']);
      expect(run.code).toBe(3);
      expect(run.stderr.join('\n')).toContain(`refusing to ${action} ModelVersion 'xiaoai-v2': ${reason}`);
      expect(world.api.writes).toBe(0);
      expect(world.annotations('ModelVersion', 'xiaoai-v2')[ACTION]).toBeUndefined();
    },
  );

  test('promote --wait requests the promotion and follows it to the end', async () => {
    await world.createModel();
    await world.createVersion('xiaoai-v2', 'v2', {
      phase: 'Paused',
      currentStep: 3,
      canaryWeight: 80,
      conditions: [condition('Progressing', 'False', 'ManualGate')],
    });
    const run = world.cli(['promote', 'xiaoai-v2', '--wait', '--timeout', '1m']);
    await run.line(/Paused step 4\/4 weight 80%/);
    expect(world.annotations('ModelVersion', 'xiaoai-v2')[ACTION]).toBe('promote');
    await world.setStatus('xiaoai-v2', {
      phase: 'Promoted',
      canaryWeight: 100,
      message: 'promoted by request',
    });
    expect(await run.exited).toBe(0);
  });

  test('rollback sets the annotation on the AIModel when a previous stable exists', async () => {
    await world.createModel({
      stableVersion: 'v2',
      history: [
        { version: 'v2', outcome: 'Promoted', time: '2026-01-01T12:00:00Z' },
        { version: 'v1', outcome: 'Superseded', time: '2026-01-01T12:00:00Z' },
      ],
    });
    const run = await world.run(['rollback', 'xiaoai']);
    expect(run.code).toBe(0);
    expect(run.stdout.join('\n')).toContain(
      'aimodel.ai.suoke.life/xiaoai rollback requested: the operator will move all traffic from version v2 back to v1',
    );
    expect(world.annotations('AIModel', 'xiaoai')[ACTION]).toBe('rollback');
  });

  test.each([
    [{}, 'the model has no stable version to roll back from'],
    [
      {
        stableVersion: 'v1',
        history: [{ version: 'v1', outcome: 'Promoted', time: '2026-01-01T12:00:00Z' }],
      },
      'version v1 is the only stable version there has been',
    ],
    [
      { stableVersion: 'v1', canaryVersion: 'v2' },
      "version v2 is rolling out; abort it with 'kubectl model abort",
    ],
  ] as const)('rollback is refused for %j', async (status, reason) => {
    await world.createModel(status as never);
    world.api.resetCounters();
    const run = await world.run(['rollback', 'xiaoai']);
    expect(run.code).toBe(3);
    expect(run.stderr.join('\n')).toContain(`refusing to rollback AIModel 'xiaoai': ${reason}`);
    expect(world.api.writes).toBe(0);
  });
});
