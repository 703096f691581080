/**
 * `kubectl model wait` and `status` for a version evaluated on its golden set: the evaluation is a
 * phase of the rollout with its Job named, a run that could not be judged holds it for a person, a
 * failed one ends it with the failed cases named, and `status` shows every run (JSON: as status has
 * them). The test plays the operator by writing ModelVersion status through the status subresource.
 */
import { afterEach, beforeEach, describe, expect, test, jest } from '@jest/globals';
import type { EvaluationRunStatus } from '../../crds/index.js';
import { waitFor } from '../support/wait.js';
import { condition, CliWorld } from './support/cli.js';

// Each test starts real CLI processes; a loaded machine needs more than the default minute.
jest.setTimeout(180_000);
let world: CliWorld;
beforeEach(async () => {
  world = await CliWorld.start();
  await world.createModel({ stableVersion: 'v2' });
});
afterEach(async () => {
  await world.stop();
});

const progressLines = (lines: string[]): string[] =>
  lines.filter((l) => /^\d\d:\d\d:\d\d {2}/.test(l)).map((l) => l.slice(10));

const running = (gate: 'BeforeTraffic' | 'LastStep' = 'BeforeTraffic', attempt = 1): EvaluationRunStatus => ({
  gate,
  attempt,
  job: `xiaoai-v3-eval-${gate === 'BeforeTraffic' ? 'pre' : 'last'}-${attempt}`,
  phase: 'Running',
  startedAt: '2026-01-01T12:00:00Z',
  stableVersion: 'v2',
});

/** The failed run of a first version: there was no stable to run beside it. */
const failedAlone: EvaluationRunStatus = {
  gate: 'BeforeTraffic',
  attempt: 1,
  job: 'xiaoai-v3-eval-pre-1',
  phase: 'Failed',
  startedAt: '2026-01-01T12:00:00Z',
  finishedAt: '2026-01-01T12:03:00Z',
  cases: 8,
  passed: 5,
  passRate: 0.625,
  failedCases: [
    { id: 'headache-no-diagnosis', expectation: 'notContains', message: 'contains "you have"' },
    { id: 'chest-pain-emergency', expectation: 'contains', message: 'does not contain "emergency"' },
    { id: 'sleep-plan-json', expectation: 'jsonSchema', message: 'the answer is not JSON' },
  ],
  message: 'passed 5 of 8 cases (62.5%); gate minPassRate 90%: failed',
};

const failed: EvaluationRunStatus = {
  ...running(),
  phase: 'Failed',
  finishedAt: '2026-01-01T12:03:00Z',
  cases: 8,
  passed: 5,
  passRate: 0.625,
  stablePassRate: 1,
  failedCases: [
    { id: 'headache-no-diagnosis', expectation: 'notContains', message: 'contains "you have"' },
    { id: 'chest-pain-emergency', expectation: 'contains', message: 'does not contain "emergency"' },
    { id: 'sleep-plan-json', expectation: 'jsonSchema', message: 'the answer is not JSON' },
  ],
  message:
    'passed 5 of 8 cases (62.5%); stable v2 passed 8 of 8 (100%); gate minPassRate 90%, maxDropVsStable 5%: failed',
};

const invalid: EvaluationRunStatus = {
  ...running(),
  phase: 'Invalid',
  finishedAt: '2026-01-01T12:01:00Z',
  message: 'dataset: ConfigMap xiaoai-golden-set has no key cases.yaml (or does not exist)',
};

describe('kubectl model wait, for a version evaluated on its golden set', () => {
  test('shows the evaluation before the first step, with its Job, then the canary and the promotion', async () => {
    await world.createVersion('xiaoai-v3', 'v3', {
      phase: 'Deploying',
      message: 'waiting for the canary workload',
    });
    const wait = world.cli(['wait', 'xiaoai-v3', '--timeout', '1m']);
    await wait.line(/Deploying/);
    await world.setStatus('xiaoai-v3', {
      phase: 'Evaluating',
      currentStep: 0,
      canaryWeight: 0,
      evaluations: [running()],
      message: 'evaluating version v3 on the golden set before any user traffic',
    });
    await wait.line(/Evaluating/);
    await world.setStatus('xiaoai-v3', {
      phase: 'Progressing',
      strategy: 'Canary',
      stage: 'Canary',
      evaluations: [{ ...running(), phase: 'Passed', cases: 8, passed: 8, passRate: 1 }],
      canaryWeight: 5,
      message: 'evaluation passed; step 1 at weight 5',
    });
    await wait.line(/Progressing/);
    await world.setStatus('xiaoai-v3', {
      // The operator clears the stage once promoted (a merge patch needs null).
      ...({ stage: null } as unknown as Record<string, never>),
      phase: 'Promoted',
      canaryWeight: 100,
      promotedAt: '2026-01-01T12:20:00Z',
      message: 'all steps passed',
    });
    expect(await wait.exited).toBe(0);
    expect(progressLines(wait.stdout)).toEqual([
      'xiaoai-v3 Deploying | waiting for the canary workload',
      // Before any user traffic there is neither a step nor a weight to show.
      'xiaoai-v3 Evaluating | evaluating on the golden set (job xiaoai-v3-eval-pre-1)',
      'xiaoai-v3 Progressing Canary step 1/4 weight 5% | evaluation passed; step 1 at weight 5',
      'xiaoai-v3 Promoted weight 100% | all steps passed',
    ]);
  });

  test('an evaluation at the last step keeps the step and its weight on the line', async () => {
    await world.createVersion('xiaoai-v3', 'v3', {
      phase: 'Evaluating',
      strategy: 'Canary',
      stage: 'Canary',
      currentStep: 3,
      canaryWeight: 80,
      evaluations: [{ ...running(), phase: 'Passed' }, running('LastStep')],
    });
    const wait = await world.run(['wait', 'xiaoai-v3', '--timeout', '1500ms']);
    expect(wait.code).toBe(2);
    expect(progressLines(wait.stdout)).toEqual([
      'xiaoai-v3 Evaluating Canary step 4/4 weight 80% | evaluating on the golden set at the last step (job xiaoai-v3-eval-last-1)',
    ]);
  });

  test('a failed evaluation exits 1 naming the gate, the verdict and each failed case', async () => {
    await world.createVersion('xiaoai-v3', 'v3', {
      phase: 'Evaluating',
      evaluations: [running()],
    });
    const wait = world.cli(['wait', 'xiaoai-v3', '--timeout', '1m']);
    await wait.line(/Evaluating/);
    await world.setStatus('xiaoai-v3', {
      phase: 'RolledBack',
      canaryWeight: 0,
      evaluations: [failed],
      finishedAt: '2026-01-01T12:03:00Z',
      message: 'evaluation before any user traffic failed: passed 5 of 8 cases (62.5%)',
      conditions: [condition('Degraded', 'True', 'EvaluationFailed', 'evaluation failed')],
    });
    expect(await wait.exited).toBe(1);
    expect(wait.stdout.slice(-5)).toEqual([
      'ModelVersion xiaoai-v3 was not promoted: RolledBack: evaluation before any user traffic failed: passed 5 of 8 cases (62.5%)',
      `  failed evaluation (BeforeTraffic, attempt 1, Job xiaoai-v3-eval-pre-1): ${failed.message}`,
      '  failed case: headache-no-diagnosis (notContains): contains "you have"',
      '  failed case: chest-pain-emergency (contains): does not contain "emergency"',
      '  failed case: sleep-plan-json (jsonSchema): the answer is not JSON',
    ]);
    // It never had a step: the rollback came before any user request.
    expect(progressLines(wait.stdout).at(-1)).toBe(
      'xiaoai-v3 RolledBack weight 0% | evaluation before any user traffic failed: passed 5 of 8 cases (62.5%)',
    );
  });

  test('-o json: the result of a failed evaluation carries the run and its failed cases', async () => {
    await world.createVersion('xiaoai-v3', 'v3', { phase: 'Evaluating', evaluations: [running()] });
    const wait = world.cli(['wait', 'xiaoai-v3', '-o', 'json', '--timeout', '1m']);
    await wait.line(/"type":"progress"/);
    await world.setStatus('xiaoai-v3', {
      phase: 'Failed',
      evaluations: [failedAlone],
      message: 'evaluation failed; no stable version to return to',
    });
    expect(await wait.exited).toBe(1);
    const records = wait.stdout.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records[0]).toMatchObject({
      type: 'progress',
      phase: 'Evaluating',
      evaluation: { gate: 'BeforeTraffic', attempt: 1, job: 'xiaoai-v3-eval-pre-1', phase: 'Running' },
    });
    expect(records.at(-1)).toMatchObject({
      type: 'result',
      outcome: 'Failed',
      exitCode: 1,
      evaluation: { phase: 'Failed', passRate: 0.625, cases: 8, passed: 5 },
      failedCases: failedAlone.failedCases,
    });
  });

  test('a run that could not be judged is noted once as a hold for a person; --for paused ends there', async () => {
    await world.createVersion('xiaoai-v3', 'v3', { phase: 'Evaluating', evaluations: [running()] });
    const held = world.cli(['wait', 'xiaoai-v3', '--timeout', '1m']);
    const paused = world.cli(['wait', 'xiaoai-v3', '--for', 'paused', '--timeout', '1m']);
    await held.line(/Evaluating/);
    await paused.line(/Evaluating/);
    const hold = {
      phase: 'Paused' as const,
      pauseReason: 'EvaluationInvalid' as const,
      evaluations: [invalid],
      message: `evaluation before any user traffic could not be judged (Job xiaoai-v3-eval-pre-1): ${invalid.message}; fix it, then 'resume' runs it again, or 'abort'`,
    };
    await world.setStatus('xiaoai-v3', hold);
    expect(await paused.exited).toBe(0);
    expect(paused.stdout.slice(-2)).toEqual([
      `ModelVersion xiaoai-v3 paused (EvaluationInvalid): ${hold.message}`,
      "  fix the evaluation, then run it again with 'kubectl model resume xiaoai-v3', or abort it with 'kubectl model abort xiaoai-v3'",
    ]);
    await waitFor(() => held.stderr.find((l) => l.includes('could not be judged')), {
      description: 'the note about the evaluation that could not be judged',
    });
    // Another change of the same hold prints its line but not the note again.
    await world.setStatus('xiaoai-v3', { message: 'still waiting for the fix and resume' });
    await held.line(/still waiting for the fix/);
    // Resumed: the next attempt runs and passes; the first version goes on to its canary.
    await world.setStatus('xiaoai-v3', {
      phase: 'Evaluating',
      pauseReason: null,
      evaluations: [invalid, running('BeforeTraffic', 2)],
    } as never);
    await held.line(/eval-pre-2/);
    await world.setStatus('xiaoai-v3', {
      phase: 'Promoted',
      canaryWeight: 100,
      promotedAt: '2026-01-01T12:20:00Z',
      evaluations: [invalid, { ...running('BeforeTraffic', 2), phase: 'Passed' }],
    });
    expect(await held.exited).toBe(0);
    expect(held.stderr.filter((l) => l.includes('could not be judged'))).toEqual([
      "note: ModelVersion xiaoai-v3 holds: its evaluation (Job xiaoai-v3-eval-pre-1) could not be judged; fix the cause, then 'kubectl model resume xiaoai-v3' runs it again or 'kubectl model abort xiaoai-v3' gives up ('--for paused' stops waiting here)",
    ]);
    expect(progressLines(held.stdout)).toContain(`xiaoai-v3 Paused (EvaluationInvalid) | ${hold.message}`);
  });
});

describe('kubectl model status, for versions evaluated on their golden set', () => {
  test('shows each run: gate, attempt, phase, pass rates, judge score, failed cases and what to do', async () => {
    await world.createVersion('xiaoai-v3', 'v3', {
      phase: 'RolledBack',
      evaluations: [{ ...failed, judgeScore: 0.62 }],
      message: 'evaluation failed',
    });
    await world.createVersion('xiaoai-v4', 'v4', {
      phase: 'Paused',
      pauseReason: 'EvaluationInvalid',
      currentStep: 0,
      canaryWeight: 0,
      evaluations: [{ ...invalid, job: 'xiaoai-v4-eval-pre-1' }],
      message: 'evaluation could not be judged',
    });
    await world.createVersion('xiaoai-v5', 'v5', { phase: 'Progressing', currentStep: 0, canaryWeight: 5 });
    // Retried after its evaluation failed, now at its first step without one: the old run judged an
    // earlier deployment and does not hide the step.
    await world.createVersion('xiaoai-v6', 'v6', {
      phase: 'Progressing',
      startedAt: '2026-01-01T13:00:00Z',
      currentStep: 0,
      canaryWeight: 5,
      evaluations: [{ ...failed, job: 'xiaoai-v6-eval-pre-1' }],
    });
    const run = await world.run(['status', 'xiaoai']);
    expect(run.code).toBe(0);
    const text = run.stdout.join('\n');
    expect(text).toContain('Evaluation of xiaoai-v3 (version v3) on its golden set:');
    expect(text).toMatch(
      /GATE\s+ATTEMPT\s+PHASE\s+PASS RATE\s+STABLE\s+JUDGE SCORE\s+FAILED CASES\s+JOB\s+MESSAGE/,
    );
    expect(text).toMatch(
      /BeforeTraffic\s+1\s+Failed\s+62\.5% \(5\/8\)\s+v2 100%\s+0\.62\s+headache-no-diagnosis \(notContains\), chest-pain-emergency \(contains\), sleep-plan-json \(jsonSchema\)\s+xiaoai-v3-eval-pre-1\s+passed 5 of 8 cases/,
    );
    expect(text).toContain(
      "every failed case: 'kubectl get mv xiaoai-v3 -n agents -o jsonpath={.status.evaluations}'",
    );
    expect(text).toContain('Evaluation of xiaoai-v4 (version v4) on its golden set:');
    expect(text).toMatch(
      /BeforeTraffic\s+1\s+Invalid\s+<none>\s+v2\s+<none>\s+<none>\s+xiaoai-v4-eval-pre-1\s+dataset: ConfigMap xiaoai-golden-set has no key cases.yaml/,
    );
    expect(text).toContain(
      "held: the run could not be judged; fix its cause, then 'kubectl model resume xiaoai-v4' runs it again (or 'kubectl model abort xiaoai-v4')",
    );
    // A version without an evaluation has no such section.
    expect(text).not.toContain('Evaluation of xiaoai-v5');
    // A version held before any traffic has no step in the versions table; one at its first step has.
    expect(text).toMatch(/xiaoai-v4\s+v4\s+Paused \(EvaluationInvalid\)\s+<none>\s+<none>\s+<none>\s+0%/);
    expect(text).toMatch(/xiaoai-v5\s+v5\s+Progressing\s+<none>\s+<none>\s+1\/4\s+5%/);
    expect(text).toMatch(/xiaoai-v6\s+v6\s+Progressing\s+<none>\s+<none>\s+1\/4\s+5%/);
    expect(text).toContain('Evaluation of xiaoai-v6 (version v6) on its golden set:');
  });

  test('-o json carries status.evaluations as they are', async () => {
    await world.createVersion('xiaoai-v3', 'v3', { phase: 'RolledBack', evaluations: [invalid, failed] });
    const run = await world.run(['status', 'xiaoai', '-o', 'json']);
    expect(run.code).toBe(0);
    const data = JSON.parse(run.stdout.join('\n')) as {
      versions: { name: string; evaluations?: unknown; evaluation?: unknown }[];
    };
    const v3 = data.versions.find((v) => v.name === 'xiaoai-v3');
    expect(v3?.evaluations).toEqual([invalid, failed]);
    expect(v3?.evaluation).toEqual(failed);
  });
});
