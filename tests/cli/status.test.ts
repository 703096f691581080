/** `kubectl model status` and `history`: tables for people and JSON/YAML for machines carry the same values. */
import { afterAll, beforeAll, describe, expect, test, jest } from '@jest/globals';
import { parse } from 'yaml';
import { analysisRun, condition, CliWorld } from './support/cli.js';

// Each test starts real CLI processes; a loaded machine needs more than the default minute.
jest.setTimeout(180_000);
let world: CliWorld;
beforeAll(async () => {
  world = await CliWorld.start();
  await world.createModel({
    stableVersion: 'v1',
    canaryVersion: 'v2',
    canaryWeight: 20,
    traffic: [
      { version: 'v1', weight: 80 },
      { version: 'v2', weight: 20 },
    ],
    replicas: 4,
    readyReplicas: 3,
    history: [
      { version: 'v1', outcome: 'Promoted', time: '2026-01-01T10:00:00Z', message: 'first version' },
      {
        version: 'v0',
        outcome: 'RolledBack',
        time: '2026-01-01T09:00:00Z',
        message: 'error-rate 0.05 > max 0.01',
      },
    ],
    conditions: [condition('Ready', 'True', 'StableAvailable')],
  });
  await world.createVersion('xiaoai-v1', 'v1', {
    phase: 'Promoted',
    strategy: 'Canary',
    canaryWeight: 100,
    message: 'first version',
  });
  await world.createVersion('xiaoai-v2', 'v2', {
    phase: 'Progressing',
    strategy: 'Canary',
    stage: 'Canary',
    currentStep: 1,
    canaryWeight: 20,
    // Sessions kept on the stable: the canary served fewer requests than its weight.
    requestShare: 12.5,
    message: 'step 2 at weight 20',
    analysis: [
      {
        ...analysisRun(1, 20, 'Inconclusive', [
          { name: 'error-rate', value: 0.002, max: 0.01, verdict: 'Passed', why: '0.002 <= max 0.01' },
          { name: 'ttft-p95', max: 0.8, verdict: 'Inconclusive', why: 'no data' },
        ]),
        requestShare: 12.5,
      },
    ],
  });
});
afterAll(async () => {
  await world.stop();
});

describe('kubectl model status', () => {
  test('lists AIModels as a table', async () => {
    const run = await world.run(['status']);
    expect(run.code).toBe(0);
    expect(run.stdout[0]).toMatch(/^NAME\s+AGENT\s+STABLE\s+CANARY\s+CANARY WEIGHT\s+TRAFFIC\s+READY\s+AGE$/);
    expect(run.stdout[1]).toMatch(/^xiaoai\s+xiaoai\s+v1\s+v2\s+20%\s+v1=80 v2=20\s+3\/4\s+\d+s$/);
  });

  test('lists AIModels as JSON', async () => {
    const run = await world.run(['status', '-o', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout.join('\n'))).toEqual([
      expect.objectContaining({
        name: 'xiaoai',
        namespace: 'agents',
        agent: 'xiaoai',
        stable: 'v1',
        canary: 'v2',
        canaryWeight: 20,
        traffic: [
          { version: 'v1', weight: 80 },
          { version: 'v2', weight: 20 },
        ],
        ready: 'True',
        replicas: 4,
        readyReplicas: 3,
      }),
    ]);
  });

  test("shows one model's versions, history and the canary's last analysis", async () => {
    const run = await world.run(['status', 'xiaoai']);
    expect(run.code).toBe(0);
    const text = run.stdout.join('\n');
    expect(text).toContain(
      'AIModel xiaoai (agent xiaoai) in agents: stable v1, canary v2, traffic v1=80 v2=20, ready 3/4',
    );
    expect(text).toMatch(
      /xiaoai-v1\s+v1\s+Promoted\s+Canary\s+<none>\s+<none>\s+100%\s+\d+s\s+first version/,
    );
    expect(text).toMatch(
      /xiaoai-v2\s+v2\s+Progressing\s+Canary\s+Canary\s+2\/4\s+20%\s+\d+s\s+step 2 at weight 20/,
    );
    expect(text).toContain(
      'Rollout of xiaoai-v2: strategy Canary, stage Canary, step 2/4, weight 20%, requests 12.5%\n  canary: 20% of requests',
    );
    expect(text).toMatch(/v0\s+RolledBack\s+\S+\s+error-rate 0.05 > max 0.01/);
    expect(text).toMatch(
      /Canary analysis \(xiaoai-v2, step 2, weight 20%, requests 12\.5%, \d+\S* ago\): Inconclusive/,
    );
    expect(text).toMatch(/error-rate\s+0.002\s+<none>\s+max 0.01\s+1m\s+120\s+Passed\s+0.002 <= max 0.01/);
    expect(text).toMatch(/ttft-p95\s+no data\s+<none>\s+max 0.8\s+1m\s+120\s+Inconclusive\s+no data/);
  });

  test('shows one model as YAML with the same values', async () => {
    const run = await world.run(['status', 'xiaoai', '-o', 'yaml']);
    expect(run.code).toBe(0);
    const data = parse(run.stdout.join('\n')) as {
      versions: {
        name: string;
        phase: string;
        step?: number;
        steps?: number;
        canaryWeight?: number;
        requestShare?: number;
      }[];
      canaryAnalysis: {
        verdict: string;
        weight: number;
        requestShare?: number;
        checks: { metric: string }[];
      };
      history: { version: string; outcome: string }[];
    };
    expect(data.versions.map((v) => [v.name, v.phase, v.step, v.steps])).toEqual([
      ['xiaoai-v1', 'Promoted', undefined, 4],
      ['xiaoai-v2', 'Progressing', 2, 4],
    ]);
    expect(data.canaryAnalysis.verdict).toBe('Inconclusive');
    // The weight beside the share of requests served; none measured for the stable.
    expect(data.versions.map((v) => [v.name, v.canaryWeight, v.requestShare])).toEqual([
      ['xiaoai-v1', 100, undefined],
      ['xiaoai-v2', 20, 12.5],
    ]);
    expect(data.canaryAnalysis).toMatchObject({ weight: 20, requestShare: 12.5 });
    expect(data.canaryAnalysis.checks.map((c) => c.metric)).toEqual(['error-rate', 'ttft-p95']);
    expect(data.history.map((h) => [h.version, h.outcome])).toEqual([
      ['v1', 'Promoted'],
      ['v0', 'RolledBack'],
    ]);
  });

  test('exits 4 naming a model that does not exist', async () => {
    const run = await world.run(['status', 'nope']);
    expect(run.code).toBe(4);
    expect(run.stderr.join('\n')).toContain("AIModel 'nope' not found in namespace 'agents'");
  });
});

describe('kubectl model history', () => {
  test('prints past versions and outcomes, newest first', async () => {
    const run = await world.run(['history', 'xiaoai']);
    expect([run.code, run.stderr]).toEqual([0, []]);
    expect(run.stdout[0]).toMatch(/^VERSION\s+OUTCOME\s+MODELVERSION\s+AGE\s+TIME\s+MESSAGE$/);
    expect(run.stdout[1]).toMatch(/^v1\s+Promoted\s+xiaoai-v1\s+\S+\s+2026-01-01T10:00:00Z\s+first version$/);
    expect(run.stdout[2]).toMatch(
      /^v0\s+RolledBack\s+<none>\s+\S+\s+2026-01-01T09:00:00Z\s+error-rate 0.05 > max 0.01$/,
    );
  });

  test('prints JSON for machines', async () => {
    const run = await world.run(['history', 'xiaoai', '-o', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout.join('\n'))).toEqual([
      {
        version: 'v1',
        outcome: 'Promoted',
        time: '2026-01-01T10:00:00Z',
        message: 'first version',
        modelVersion: 'xiaoai-v1',
      },
      {
        version: 'v0',
        outcome: 'RolledBack',
        time: '2026-01-01T09:00:00Z',
        message: 'error-rate 0.05 > max 0.01',
      },
    ]);
  });
});
