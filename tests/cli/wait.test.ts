/**
 * `kubectl model wait`: what a CI pipeline relies on. The test plays the operator by writing
 * ModelVersion status through the status subresource and waits for each progress line before the
 * next change, so "one line per change" is checked without any sleep.
 */
import { afterEach, beforeEach, describe, expect, test, jest } from '@jest/globals';
import { waitFor } from '../support/wait.js';
import { analysisRun, condition, CliWorld, NAMESPACE } from './support/cli.js';

// Each test starts real CLI processes; a loaded machine needs more than the default minute.
jest.setTimeout(180_000);
let world: CliWorld;
beforeEach(async () => {
  world = await CliWorld.start();
  await world.createModel();
});
afterEach(async () => {
  await world.stop();
});

const progressing = (step: number, weight: number, verdict: 'Passed' | 'Failed', value: number) => ({
  phase: 'Progressing' as const,
  currentStep: step,
  canaryWeight: weight,
  analysis: [
    analysisRun(step, weight, verdict, [
      {
        name: 'error-rate',
        value,
        max: 0.01,
        verdict,
        why: `${value} ${verdict === 'Passed' ? '<=' : '>'} max 0.01`,
      },
    ]),
  ],
});

describe('kubectl model wait', () => {
  test('prints one progress line per change and exits 0 once Promoted', async () => {
    await world.createVersion('xiaoai-v2', 'v2', {
      phase: 'Deploying',
      message: 'waiting for the canary workload',
    });
    const wait = world.cli(['wait', 'xiaoai-v2', '--timeout', '1m']);
    await wait.line(/xiaoai-v2 Deploying \| waiting for the canary workload/);

    await world.setStatus('xiaoai-v2', progressing(0, 5, 'Passed', 0.004));
    const first = await wait.line(/Progressing step 1\/4/);
    expect(first).toContain('weight 5%');
    expect(first).toContain('analysis Passed: error-rate 0.004 vs max 0.01 Passed');

    await world.setStatus('xiaoai-v2', progressing(1, 20, 'Passed', 0.003));
    await wait.line(/Progressing step 2\/4 weight 20%/);

    // A change that alters nothing shown (an annotation) prints nothing new.
    await world.client.patch(
      { group: 'ai.suoke.life', version: 'v1alpha1', kind: 'ModelVersion', plural: 'modelversions' },
      NAMESPACE,
      'xiaoai-v2',
      { metadata: { annotations: { note: 'unrelated' } } },
    );
    await world.setStatus('xiaoai-v2', {
      phase: 'Promoted',
      canaryWeight: 100,
      message: 'all steps passed',
      promotedAt: '2026-01-01T12:10:00Z',
    });
    expect(await wait.exited).toBe(0);
    expect(wait.stdout.filter((l) => /^\d\d:\d\d:\d\d {2}/.test(l)).map((l) => l.slice(10))).toEqual([
      'xiaoai-v2 Deploying | waiting for the canary workload',
      'xiaoai-v2 Progressing step 1/4 weight 5% | analysis Passed: error-rate 0.004 vs max 0.01 Passed',
      'xiaoai-v2 Progressing step 2/4 weight 20% | analysis Passed: error-rate 0.003 vs max 0.01 Passed',
      'xiaoai-v2 Promoted weight 100% | analysis Passed: error-rate 0.003 vs max 0.01 Passed',
    ]);
    expect(wait.stdout.at(-1)).toBe('ModelVersion xiaoai-v2 promoted: all steps passed');
  });

  test('exits 1 on RolledBack and prints the message and the failed checks', async () => {
    await world.createVersion('xiaoai-v2', 'v2', progressing(1, 20, 'Passed', 0.003));
    const wait = world.cli(['wait', 'xiaoai-v2']);
    await wait.line(/Progressing step 2\/4/);
    await world.setStatus('xiaoai-v2', {
      ...progressing(1, 20, 'Failed', 0.031),
      phase: 'RolledBack',
      canaryWeight: 0,
      failedChecks: 3,
      message: 'failed checks 3 > failureLimit 2; rolled back',
      conditions: [condition('Degraded', 'True', 'FailureLimitExceeded', 'rolled back')],
    });
    expect(await wait.exited).toBe(1);
    expect(wait.output).toContain(
      'ModelVersion xiaoai-v2 was not promoted: RolledBack: failed checks 3 > failureLimit 2; rolled back',
    );
    expect(wait.output).toContain('failed check: error-rate 0.031 vs max 0.01 Failed (0.031 > max 0.01)');
  });

  test('waits for --for baked until the bake has finished', async () => {
    await world.createVersion('xiaoai-v2', 'v2', {
      phase: 'Promoted',
      canaryWeight: 100,
      promotedAt: '2026-01-01T12:10:00Z',
      message: 'baking at 100% until 12:20',
    });
    const wait = world.cli(['wait', 'xiaoai-v2', '--for', 'baked']);
    await wait.line(/Promoted weight 100% \| baking/);
    await world.setStatus('xiaoai-v2', { finishedAt: '2026-01-01T12:20:00Z', message: 'bake passed' });
    expect(await wait.exited).toBe(0);
    expect(wait.stdout.at(-1)).toBe('ModelVersion xiaoai-v2 promoted and baked: bake passed');
  });

  test('exits 2 on timeout and says where the rollout stood', async () => {
    await world.createVersion('xiaoai-v2', 'v2', progressing(2, 50, 'Passed', 0.002));
    const wait = await world.run(['wait', 'xiaoai-v2', '--timeout', '1500ms']);
    expect(wait.code).toBe(2);
    expect(wait.stdout.at(-1)).toBe(
      'timed out after 1500ms waiting for ModelVersion xiaoai-v2 to be promoted; it is Progressing at step 3/4 (weight 50%)',
    );
  });

  test('exits 1 with a clear message when the ModelVersion is deleted while waiting', async () => {
    await world.createVersion('xiaoai-v2', 'v2', progressing(0, 5, 'Passed', 0.002));
    const wait = world.cli(['wait', 'xiaoai-v2']);
    await wait.line(/Progressing step 1\/4/);
    await world.client.delete(
      { group: 'ai.suoke.life', version: 'v1alpha1', kind: 'ModelVersion', plural: 'modelversions' },
      NAMESPACE,
      'xiaoai-v2',
    );
    expect(await wait.exited).toBe(1);
    expect(wait.stdout.at(-1)).toBe(
      'ModelVersion xiaoai-v2 was deleted while waiting; it will not be promoted',
    );
  });

  test('survives an API server restart: reconnects and still sees the promotion', async () => {
    await world.createVersion('xiaoai-v2', 'v2', progressing(0, 5, 'Passed', 0.002));
    const wait = world.cli(['wait', 'xiaoai-v2', '--timeout', '1m']);
    await wait.line(/Progressing step 1\/4/);
    await world.api.restart();
    // Written while the CLI may still be reconnecting: it must resume from its resourceVersion.
    await world.setStatus('xiaoai-v2', progressing(1, 20, 'Passed', 0.002));
    await wait.line(/Progressing step 2\/4/);
    // The restarted server started with no watches: the CLI has opened a new one.
    await waitForWatch();
    await world.setStatus('xiaoai-v2', {
      phase: 'Promoted',
      canaryWeight: 100,
      promotedAt: '2026-01-01T12:10:00Z',
    });
    expect(await wait.exited).toBe(0);
  });

  test('relists after a forced 410 Gone and still sees the promotion', async () => {
    await world.createVersion('xiaoai-v2', 'v2', progressing(0, 5, 'Passed', 0.002));
    const wait = world.cli(['wait', 'xiaoai-v2', '--timeout', '1m']);
    await wait.line(/Progressing step 1\/4/);
    await waitForWatch();
    const listsBefore = world.api.requests.filter((r) => r.verb === 'list').length;
    world.api.expireWatchHistory();
    await world.setStatus('xiaoai-v2', {
      phase: 'Promoted',
      canaryWeight: 100,
      promotedAt: '2026-01-01T12:10:00Z',
    });
    expect(await wait.exited).toBe(0);
    expect(wait.stderr.join('\n')).toContain('410 Gone');
    expect(world.api.requests.filter((r) => r.verb === 'list').length).toBeGreaterThan(listsBefore);
  });

  test('-o json prints one JSON object per line for machines', async () => {
    await world.createVersion('xiaoai-v2', 'v2', progressing(1, 20, 'Passed', 0.003));
    const wait = world.cli(['wait', 'xiaoai-v2', '-o', 'json']);
    await wait.line(/"type":"progress"/);
    await world.setStatus('xiaoai-v2', { phase: 'Failed', message: 'workload never became available' });
    expect(await wait.exited).toBe(1);
    const records = wait.stdout.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records[0]).toMatchObject({
      type: 'progress',
      name: 'xiaoai-v2',
      version: 'v2',
      model: 'xiaoai',
      phase: 'Progressing',
      step: 2,
      steps: 4,
      canaryWeight: 20,
      analysis: {
        verdict: 'Passed',
        checks: [{ metric: 'error-rate', value: 0.003, threshold: 'max 0.01', window: '1m' }],
      },
    });
    expect(records.at(-1)).toMatchObject({
      type: 'result',
      outcome: 'Failed',
      exitCode: 1,
      message: 'workload never became available',
    });
  });

  test('does not judge status written for an older generation of the spec', async () => {
    await world.createVersion('xiaoai-v2', 'v2', {
      phase: 'RolledBack',
      observedGeneration: 1,
      message: 'old',
    });
    // A new spec (generation 2) restarts the rollout; until the operator observes it the old outcome is stale.
    await world.client.patch(
      { group: 'ai.suoke.life', version: 'v1alpha1', kind: 'ModelVersion', plural: 'modelversions' },
      NAMESPACE,
      'xiaoai-v2',
      { spec: { changelog: 'same weights, new prompt template' } },
    );
    const wait = world.cli(['wait', 'xiaoai-v2']);
    await wait.line(/RolledBack/);
    await world.setStatus('xiaoai-v2', {
      phase: 'Promoted',
      observedGeneration: 2,
      canaryWeight: 100,
      message: 'new',
    });
    expect(await wait.exited).toBe(0);
  });

  test('exits 4 when the ModelVersion does not exist, and 4 on a refused request', async () => {
    const missing = await world.run(['wait', 'nope']);
    expect(missing.code).toBe(4);
    expect(missing.stderr.join('\n')).toContain(
      "ModelVersion 'nope' not found in namespace 'agents'; list them with 'kubectl get modelversions -n agents'",
    );

    await world.createVersion('xiaoai-v2', 'v2', progressing(0, 5, 'Passed', 0.002));
    world.api.injectFailure({
      match: (r) => r.verb === 'list' && r.resource === 'modelversions',
      status: 403,
      reason: 'Forbidden',
      message: 'modelversions.ai.suoke.life is forbidden: User "ci" cannot list resource "modelversions"',
    });
    const forbidden = await world.run(['wait', 'xiaoai-v2']);
    expect(forbidden.code).toBe(4);
    expect(forbidden.stderr.join('\n')).toContain('cannot list resource "modelversions"');
    expect(forbidden.stderr.join('\n')).toContain('RBAC');
  });
});

async function waitForWatch(): Promise<void> {
  await waitFor(() => world.api.openWatches() > 0, { description: 'the CLI to open its watch' });
}
