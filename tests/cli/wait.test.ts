/**
 * `kubectl model wait`: what a CI pipeline relies on. The test plays the operator by writing
 * ModelVersion status through the status subresource and waits for each progress line before the
 * next change, so "one line per change" is checked without any sleep.
 */
import { afterEach, beforeEach, describe, expect, test, jest } from '@jest/globals';
import { waitFor } from '../support/wait.js';
import { analysisRun, condition, CliWorld, NAMESPACE, STRATEGIES } from './support/cli.js';

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

describe('kubectl model wait, for each strategy', () => {
  const passed = (weight: number, step = 0) =>
    analysisRun(step, weight, 'Passed', [
      { name: 'error-rate', value: 0.002, max: 0.01, verdict: 'Passed', why: '0.002 <= max 0.01' },
    ]);
  const preview = {
    strategy: 'BlueGreen' as const,
    stage: 'Preview' as const,
    currentStep: 0,
    canaryWeight: 0,
    routing: { matches: [{ header: { name: 'x-model-version', exact: 'v2' } }] },
  };
  const cohort = { matches: [{ header: { name: 'x-cohort', exact: 'beta' } }] };
  const experiment = {
    startedAt: '2026-01-01T12:05:00Z',
    endsAt: '2026-01-01T12:35:00Z',
    metrics: [{ name: 'error-rate', analyses: 1, candidate: 0.002, stable: 0.003 }],
  };
  // The operator clears the stage and its routes when the rollout leaves it (a merge patch needs null).
  const cleared = { stage: null, routing: null, pauseReason: null } as unknown as Record<string, never>;
  const progressLines = (lines: string[]): string[] =>
    lines.filter((l) => /^\d\d:\d\d:\d\d {2}/.test(l)).map((l) => l.slice(10));

  test('BlueGreen: lines name the Preview stage; --for paused ends at the manual gate and says what next', async () => {
    await world.createVersion(
      'xiaoai-v2',
      'v2',
      { phase: 'Progressing', ...preview, message: 'previewing' },
      STRATEGIES.blueGreenManual,
    );
    const wait = world.cli(['wait', 'xiaoai-v2', '--for', 'paused', '--timeout', '1m']);
    await wait.line(/Progressing Preview weight 0%/);
    await world.setStatus('xiaoai-v2', {
      phase: 'Paused',
      pauseReason: 'ManualGate',
      analysis: [passed(0)],
      message: "preview passed; waiting for 'promote' (mode Manual)",
      conditions: [condition('Progressing', 'False', 'ManualGate')],
    });
    expect(await wait.exited).toBe(0);
    expect(progressLines(wait.stdout)).toEqual([
      'xiaoai-v2 Progressing Preview weight 0% | previewing',
      'xiaoai-v2 Paused (ManualGate) Preview weight 0% | analysis Passed: error-rate 0.002 vs max 0.01 Passed',
    ]);
    expect(wait.stdout.slice(-2)).toEqual([
      "ModelVersion xiaoai-v2 paused at the manual gate: preview passed; waiting for 'promote' (mode Manual)",
      "  promote it with 'kubectl model promote xiaoai-v2' or abort it with 'kubectl model abort xiaoai-v2'",
    ]);
  });

  test('--for gate passes a pause for missing data and ends at the manual gate', async () => {
    await world.createVersion(
      'xiaoai-v2',
      'v2',
      { phase: 'Paused', pauseReason: 'Inconclusive', ...preview, message: 'no preview traffic' },
      STRATEGIES.blueGreenManual,
    );
    const wait = world.cli(['wait', 'xiaoai-v2', '--for', 'gate', '--timeout', '1m']);
    await wait.line(/Paused \(Inconclusive\) Preview/);
    await world.setStatus('xiaoai-v2', {
      phase: 'Paused',
      pauseReason: 'ManualGate',
      message: "preview passed; waiting for 'promote' (mode Manual)",
    });
    expect(await wait.exited).toBe(0);
    expect(progressLines(wait.stdout)).toEqual([
      'xiaoai-v2 Paused (Inconclusive) Preview weight 0% | no preview traffic',
      "xiaoai-v2 Paused (ManualGate) Preview weight 0% | preview passed; waiting for 'promote' (mode Manual)",
    ]);
    expect(wait.stdout.at(-2)).toBe(
      "ModelVersion xiaoai-v2 paused at the manual gate: preview passed; waiting for 'promote' (mode Manual)",
    );
  });

  test('BlueGreen: --for promoted notes the manual gate once and exits 0 after the switch', async () => {
    await world.createVersion(
      'xiaoai-v2',
      'v2',
      { phase: 'Paused', pauseReason: 'ManualGate', ...preview, message: 'waiting for promote' },
      STRATEGIES.blueGreenManual,
    );
    const wait = world.cli(['wait', 'xiaoai-v2', '--timeout', '1m']);
    await wait.line(/Paused \(ManualGate\) Preview weight 0%/);
    await waitFor(() => wait.stderr.find((l) => l.includes('manual gate')), {
      description: 'the note about the manual gate',
    });
    // A second change at the gate prints its line but not the note again.
    await world.setStatus('xiaoai-v2', { phase: 'Paused', message: 'still waiting for promote' });
    await wait.line(/still waiting for promote/);
    await world.setStatus('xiaoai-v2', {
      ...cleared,
      phase: 'Promoted',
      canaryWeight: 100,
      promotedAt: '2026-01-01T12:20:00Z',
      message: 'promoted by request; switched from 0 to 100%',
    });
    expect(await wait.exited).toBe(0);
    expect(wait.stderr.filter((l) => l.includes('manual gate'))).toEqual([
      "note: ModelVersion xiaoai-v2 waits at the manual gate; 'kubectl model promote xiaoai-v2' finishes it ('--for gate' stops waiting here)",
    ]);
    expect(progressLines(wait.stdout).at(-1)).toBe(
      'xiaoai-v2 Promoted weight 100% | promoted by request; switched from 0 to 100%',
    );
    expect(wait.stdout.at(-1)).toBe(
      'ModelVersion xiaoai-v2 promoted: promoted by request; switched from 0 to 100%',
    );
  });

  test('Experiment: the shadow, then the cohort, then promoted when it wins', async () => {
    await world.createVersion(
      'xiaoai-v2',
      'v2',
      {
        phase: 'Progressing',
        strategy: 'Experiment',
        stage: 'Shadow',
        currentStep: 0,
        canaryWeight: 0,
        routing: { mirrorPercent: 10 },
        message: 'mirroring 10% of live requests',
      },
      STRATEGIES.experiment('Auto'),
    );
    const wait = world.cli(['wait', 'xiaoai-v2', '--timeout', '1m']);
    await wait.line(/Progressing Shadow weight 0% mirror 10%/);
    await world.setStatus('xiaoai-v2', {
      phase: 'Progressing',
      stage: 'Experiment',
      currentStep: 1,
      canaryWeight: 10,
      routing: { mirrorPercent: null, ...cohort } as never,
      experiment,
      analysis: [passed(10, 1)],
    });
    await wait.line(/Progressing Experiment weight 10%/);
    await world.setStatus('xiaoai-v2', {
      ...cleared,
      phase: 'Promoted',
      canaryWeight: 100,
      promotedAt: '2026-01-01T12:35:00Z',
      finishedAt: '2026-01-01T12:35:00Z',
      message: 'the experiment ended with a passing analysis; promoted',
    });
    expect(await wait.exited).toBe(0);
    expect(progressLines(wait.stdout)).toEqual([
      'xiaoai-v2 Progressing Shadow weight 0% mirror 10% | mirroring 10% of live requests',
      'xiaoai-v2 Progressing Experiment weight 10% | analysis Passed: error-rate 0.002 vs max 0.01 Passed',
      'xiaoai-v2 Promoted weight 100% | analysis Passed: error-rate 0.002 vs max 0.01 Passed',
    ]);
    expect(wait.stdout.at(-1)).toBe(
      'ModelVersion xiaoai-v2 promoted: the experiment ended with a passing analysis; promoted',
    );
    expect(wait.stderr.filter((l) => l.includes('manual gate'))).toEqual([]);
  });

  test('Experiment winner Manual: -o json carries the stage, the cohort and the experiment, and ends at the gate', async () => {
    await world.createVersion(
      'xiaoai-v2',
      'v2',
      {
        phase: 'Progressing',
        strategy: 'Experiment',
        stage: 'Experiment',
        currentStep: 1,
        canaryWeight: 10,
        routing: cohort,
        experiment,
        analysis: [passed(10, 1)],
      },
      STRATEGIES.experiment('Manual'),
    );
    const wait = world.cli(['wait', 'xiaoai-v2', '--for', 'paused', '-o', 'json', '--timeout', '1m']);
    await wait.line(/"type":"progress"/);
    await world.setStatus('xiaoai-v2', {
      phase: 'Paused',
      pauseReason: 'ManualGate',
      message: "experiment ended; waiting for 'promote' (winner Manual)",
    });
    expect(await wait.exited).toBe(0);
    const records = wait.stdout.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records[0]).toMatchObject({
      type: 'progress',
      phase: 'Progressing',
      strategy: 'Experiment',
      stage: 'Experiment',
      canaryWeight: 10,
      routing: cohort,
      experiment,
    });
    expect(records[0]).not.toHaveProperty('step');
    expect(records.at(-2)).toMatchObject({ type: 'progress', phase: 'Paused', pauseReason: 'ManualGate' });
    expect(records.at(-1)).toEqual({
      time: expect.any(String),
      type: 'result',
      outcome: 'Paused',
      exitCode: 0,
      message: "experiment ended; waiting for 'promote' (winner Manual)",
      strategy: 'Experiment',
      stage: 'Experiment',
      pauseReason: 'ManualGate',
    });
  });

  test('Experiment: a failed cohort exits 1 on RolledBack with the failed check', async () => {
    await world.createVersion(
      'xiaoai-v2',
      'v2',
      {
        phase: 'Progressing',
        strategy: 'Experiment',
        stage: 'Experiment',
        currentStep: 1,
        canaryWeight: 10,
        routing: cohort,
        experiment,
      },
      STRATEGIES.experiment('Auto'),
    );
    const wait = world.cli(['wait', 'xiaoai-v2', '--timeout', '1m']);
    await wait.line(/Progressing Experiment weight 10%/);
    await world.setStatus('xiaoai-v2', {
      ...cleared,
      ...progressing(1, 10, 'Failed', 0.031),
      phase: 'RolledBack',
      canaryWeight: 0,
      failedChecks: 1,
      message: '1 failed analyses exceed the failure limit 0',
    });
    expect(await wait.exited).toBe(1);
    expect(wait.output).toContain(
      'ModelVersion xiaoai-v2 was not promoted: RolledBack: 1 failed analyses exceed the failure limit 0',
    );
    expect(wait.output).toContain('failed check: error-rate 0.031 vs max 0.01 Failed (0.031 > max 0.01)');
  });

  test('a timeout says which stage the rollout stood in', async () => {
    await world.createVersion(
      'xiaoai-v2',
      'v2',
      { phase: 'Progressing', ...preview },
      STRATEGIES.blueGreenManual,
    );
    const wait = await world.run(['wait', 'xiaoai-v2', '--timeout', '1500ms']);
    expect(wait.code).toBe(2);
    expect(wait.stdout.at(-1)).toBe(
      'timed out after 1500ms waiting for ModelVersion xiaoai-v2 to be promoted; it is Progressing in stage Preview (weight 0%)',
    );
  });

  test('a canary after a shadow counts only its canary steps', async () => {
    await world.createVersion(
      'xiaoai-v2',
      'v2',
      { phase: 'Progressing', strategy: 'Canary', stage: 'Canary', currentStep: 2, canaryWeight: 50 },
      STRATEGIES.shadowCanary,
    );
    const wait = await world.run(['wait', 'xiaoai-v2', '--timeout', '1500ms']);
    expect(wait.code).toBe(2);
    expect(progressLines(wait.stdout)).toEqual(['xiaoai-v2 Progressing Canary step 2/2 weight 50%']);
    expect(wait.stdout.at(-1)).toBe(
      'timed out after 1500ms waiting for ModelVersion xiaoai-v2 to be promoted; it is Progressing in stage Canary at step 2/2 (weight 50%)',
    );
  });
});

async function waitForWatch(): Promise<void> {
  await waitFor(() => world.api.openWatches() > 0, { description: 'the CLI to open its watch' });
}
