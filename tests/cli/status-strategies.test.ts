/**
 * `kubectl model status <aimodel>` for every strategy and stage: the strategy, the stage and the
 * routes in words in the table, an experiment's window and its candidate-vs-stable table, and the
 * same fields in JSON.
 */
import { afterAll, beforeAll, describe, expect, test, jest } from '@jest/globals';
import { analysisRun, condition, CliWorld, STRATEGIES } from './support/cli.js';

// Each test starts real CLI processes; a loaded machine needs more than the default minute.
jest.setTimeout(180_000);
let world: CliWorld;
const MINUTE = 60_000;
const iso = (ms: number): string => new Date(ms).toISOString();
const start = Date.now();
const cohort = [{ header: { name: 'x-cohort', exact: 'beta' } }, { cookie: { name: 'group', prefix: 'b' } }];
const experimentMetrics = [
  {
    name: 'error-rate',
    analyses: 3,
    candidate: 0.004,
    stable: 0.005,
    lastCandidate: 0.003,
    lastStable: 0.006,
  },
  { name: 'latency-p95', analyses: 3, candidate: 1.32, stable: 1.2, lastCandidate: 1.3 },
];

beforeAll(async () => {
  world = await CliWorld.start();
  await world.createModel({ stableVersion: 'v1', canaryVersion: 'v6', canaryWeight: 10 });
  // Canary after a shadow: in the shadow, then at the second canary step.
  await world.createVersion(
    'xiaoai-v2',
    'v2',
    {
      phase: 'Progressing',
      strategy: 'Canary',
      stage: 'Shadow',
      currentStep: 0,
      canaryWeight: 0,
      routing: { mirrorPercent: 20 },
      message: 'mirroring 20% of live requests',
    },
    STRATEGIES.shadowCanary,
  );
  await world.createVersion(
    'xiaoai-v3',
    'v3',
    { phase: 'Progressing', strategy: 'Canary', stage: 'Canary', currentStep: 2, canaryWeight: 50 },
    STRATEGIES.shadowCanary,
  );
  // Blue-green: previewing, then waiting at the manual gate before the switch.
  const preview = (version: string) => ({
    strategy: 'BlueGreen' as const,
    stage: 'Preview' as const,
    currentStep: 0,
    canaryWeight: 0,
    routing: { matches: [{ header: { name: 'x-model-version', exact: version } }] },
  });
  await world.createVersion(
    'xiaoai-v4',
    'v4',
    { phase: 'Progressing', ...preview('v4'), message: 'previewing' },
    STRATEGIES.blueGreenManual,
  );
  await world.createVersion(
    'xiaoai-v5',
    'v5',
    {
      phase: 'Paused',
      pauseReason: 'ManualGate',
      ...preview('v5'),
      message: "preview passed; waiting for 'promote' (mode Manual)",
    },
    STRATEGIES.blueGreenManual,
  );
  // Experiment: running (after its shadow), and ended, waiting for a person (winner Manual).
  await world.createVersion(
    'xiaoai-v6',
    'v6',
    {
      phase: 'Progressing',
      strategy: 'Experiment',
      stage: 'Experiment',
      currentStep: 1,
      canaryWeight: 10,
      routing: { matches: cohort },
      experiment: {
        startedAt: iso(start - 5 * MINUTE),
        endsAt: iso(start + 25 * MINUTE),
        metrics: experimentMetrics,
      },
      analysis: [
        analysisRun(1, 10, 'Passed', [
          { name: 'error-rate', value: 0.003, max: 0.01, verdict: 'Passed', why: '0.003 <= max 0.01' },
        ]),
      ],
    },
    STRATEGIES.experiment('Auto'),
  );
  await world.createVersion(
    'xiaoai-v7',
    'v7',
    {
      phase: 'Paused',
      pauseReason: 'ManualGate',
      strategy: 'Experiment',
      stage: 'Experiment',
      currentStep: 1,
      canaryWeight: 10,
      routing: { matches: cohort },
      experiment: { startedAt: iso(start - 40 * MINUTE), endsAt: iso(start - 10 * MINUTE), metrics: [] },
    },
    STRATEGIES.experiment('Manual'),
  );
  // A strategy the traffic router cannot run.
  await world.createVersion(
    'xiaoai-v8',
    'v8',
    {
      phase: 'Pending',
      message: 'the replica-ratio traffic router cannot run this rollout',
      conditions: [condition('Progressing', 'False', 'StrategyUnsupported', 'the replica-ratio …')],
    },
    STRATEGIES.blueGreenManual,
  );
});
afterAll(async () => {
  await world.stop();
});

describe('kubectl model status <aimodel> for each strategy and stage', () => {
  test('the versions table has the strategy and the stage; canary steps do not count the shadow', async () => {
    const run = await world.run(['status', 'xiaoai']);
    expect([run.code, run.stderr]).toEqual([0, []]);
    const text = run.stdout.join('\n');
    expect(text).toMatch(/NAME\s+VERSION\s+PHASE\s+STRATEGY\s+STAGE\s+STEP\s+WEIGHT\s+AGE\s+MESSAGE/);
    expect(text).toMatch(/xiaoai-v2\s+v2\s+Progressing\s+Canary\s+Shadow\s+<none>\s+0%\s+\d+s\s+mirroring/);
    expect(text).toMatch(/xiaoai-v3\s+v3\s+Progressing\s+Canary\s+Canary\s+2\/2\s+50%/);
    expect(text).toMatch(
      /xiaoai-v4\s+v4\s+Progressing\s+BlueGreen\s+Preview\s+<none>\s+0%\s+\d+s\s+previewing/,
    );
    expect(text).toMatch(/xiaoai-v5\s+v5\s+Paused \(ManualGate\)\s+BlueGreen\s+Preview\s+<none>\s+0%/);
    expect(text).toMatch(/xiaoai-v6\s+v6\s+Progressing\s+Experiment\s+Experiment\s+<none>\s+10%/);
    expect(text).toMatch(/xiaoai-v7\s+v7\s+Paused \(ManualGate\)\s+Experiment\s+Experiment\s+<none>\s+10%/);
    expect(text).toMatch(
      /xiaoai-v8\s+v8\s+Pending\s+<none>\s+<none>\s+<none>\s+<none>\s+\d+s\s+the replica-ratio traffic router cannot run/,
    );
  });

  test('says in words which requests reach each version being rolled out', async () => {
    const run = await world.run(['status', 'xiaoai']);
    expect(run.code).toBe(0);
    const lines = run.stdout;
    const after = (head: string): string[] => lines.slice(lines.indexOf(head) + 1);
    expect(after('Rollout of xiaoai-v2: strategy Canary, stage Shadow, weight 0%')[0]).toBe(
      '  shadow: 20% of live requests mirrored (answers discarded)',
    );
    expect(after('Rollout of xiaoai-v3: strategy Canary, stage Canary, step 2/2, weight 50%')[0]).toBe(
      '  canary: 50% of requests',
    );
    expect(after('Rollout of xiaoai-v4: strategy BlueGreen, stage Preview, weight 0%')[0]).toBe(
      '  preview: requests with header x-model-version: v4',
    );
    expect(after('Rollout of xiaoai-v5: strategy BlueGreen, stage Preview, weight 0%').slice(0, 2)).toEqual([
      '  preview: requests with header x-model-version: v5',
      "  paused at the manual gate: 'kubectl model promote xiaoai-v5' finishes it, 'kubectl model abort xiaoai-v5' rolls it back",
    ]);
    // Nothing is said of a version that is not being rolled out.
    expect(lines.filter((l) => l.startsWith('Rollout of xiaoai-v8'))).toEqual([]);
  });

  test("shows an experiment's cohort, window and each metric's candidate against stable", async () => {
    const run = await world.run(['status', 'xiaoai']);
    expect(run.code).toBe(0);
    const lines = run.stdout;
    const running = lines.slice(
      lines.indexOf('Rollout of xiaoai-v6: strategy Experiment, stage Experiment, weight 10%') + 1,
    );
    expect(running[0]).toBe('  cohort: header x-cohort = beta, cookie group prefix b, plus 10% of the rest');
    expect(running[1]).toMatch(
      new RegExp(
        `^  experiment: started [56]m ago \\(${iso(start - 5 * MINUTE)}\\), ends in 2[45]m \\(${iso(start + 25 * MINUTE)}\\)$`,
      ),
    );
    expect(running[3]).toMatch(
      /^METRIC\s+ANALYSES\s+CANDIDATE\s+STABLE\s+CHANGE\s+LAST CANDIDATE\s+LAST STABLE$/,
    );
    expect(running[4]).toMatch(/^error-rate\s+3\s+0.004\s+0.005\s+-20%\s+0.003\s+0.006$/);
    expect(running[5]).toMatch(/^latency-p95\s+3\s+1.32\s+1.2\s+\+10%\s+1.3\s+<none>$/);

    const ended = lines.slice(
      lines.indexOf('Rollout of xiaoai-v7: strategy Experiment, stage Experiment, weight 10%') + 1,
    );
    expect(ended[0]).toBe('  cohort: header x-cohort = beta, cookie group prefix b, plus 10% of the rest');
    expect(ended[1]).toMatch(/paused at the manual gate: 'kubectl model promote xiaoai-v7'/);
    expect(ended[2]).toMatch(/^ {2}experiment: started 4\dm ago \(.*\), ended 1\dm ago \(.*\)$/);
    expect(ended[4]).toBe('  (no analysis of the experiment yet)');

    // The latest analysis is named after the stage it measured; an experiment has no canary step.
    expect(lines.join('\n')).toMatch(/Experiment analysis \(xiaoai-v6, weight 10%, .* ago\): Passed/);
  });

  test('JSON carries the strategy, the stage, the routes and the experiment', async () => {
    const run = await world.run(['status', 'xiaoai', '-o', 'json']);
    expect(run.code).toBe(0);
    const data = JSON.parse(run.stdout.join('\n')) as {
      versions: Record<string, unknown>[];
      canaryAnalysis: Record<string, unknown>;
    };
    const version = (name: string) => data.versions.find((v) => v.name === name);
    expect(version('xiaoai-v2')).toMatchObject({
      strategy: 'Canary',
      stage: 'Shadow',
      steps: 2,
      canaryWeight: 0,
      routing: { mirrorPercent: 20 },
    });
    expect(version('xiaoai-v2')).not.toHaveProperty('step');
    expect(version('xiaoai-v3')).toMatchObject({ stage: 'Canary', step: 2, steps: 2, canaryWeight: 50 });
    expect(version('xiaoai-v5')).toMatchObject({
      phase: 'Paused',
      pauseReason: 'ManualGate',
      strategy: 'BlueGreen',
      stage: 'Preview',
      routing: { matches: [{ header: { name: 'x-model-version', exact: 'v5' } }] },
    });
    expect(version('xiaoai-v5')).not.toHaveProperty('steps');
    expect(version('xiaoai-v6')).toMatchObject({
      strategy: 'Experiment',
      stage: 'Experiment',
      canaryWeight: 10,
      routing: { matches: cohort },
      experiment: {
        startedAt: iso(start - 5 * MINUTE),
        endsAt: iso(start + 25 * MINUTE),
        metrics: experimentMetrics,
      },
    });
    expect(version('xiaoai-v8')).toMatchObject({ phase: 'Pending' });
    expect(version('xiaoai-v8')).not.toHaveProperty('stage');
    expect(data.canaryAnalysis).toMatchObject({ modelVersion: 'xiaoai-v6', stage: 'Experiment', weight: 10 });
    expect(data.canaryAnalysis).not.toHaveProperty('step');
  });
});
