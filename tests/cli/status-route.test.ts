/**
 * `kubectl model status <aimodel>` for a rollout paused on a route the gateway refuses: the pause
 * reason in the table, the gateway's words and where to look in the rollout's detail, the same in
 * JSON; and a person's pause meanwhile, which stays the person's.
 */
import { afterAll, beforeAll, describe, expect, test, jest } from '@jest/globals';
import { condition, CliWorld } from './support/cli.js';

// Each test starts real CLI processes; a loaded machine needs more than the default minute.
jest.setTimeout(180_000);
let world: CliWorld;

const refusal =
  'HTTPRoute agents/xiaoai: Gateway infra/public does not accept the route: NotAllowedByListeners: no listener allows routes from namespace agents';
const paused = `${refusal}; paused at step 1 (weight 20) with no analysis; the rollout resumes by itself once the gateway accepts the route`;
const held = `${refusal}; no analysis runs while the route is refused; still paused by request at step 1 (weight 20) until 'resume'`;

beforeAll(async () => {
  world = await CliWorld.start();
  await world.createModel({ stableVersion: 'v1', canaryVersion: 'v2', canaryWeight: 20 });
  await world.createVersion('xiaoai-v2', 'v2', {
    phase: 'Paused',
    pauseReason: 'RouteNotAccepted',
    strategy: 'Canary',
    stage: 'Canary',
    currentStep: 1,
    canaryWeight: 20,
    message: paused,
    conditions: [
      condition('Progressing', 'False', 'RouteNotAccepted', paused),
      condition('Degraded', 'True', 'RouteNotAccepted', paused),
    ],
  });
  await world.createVersion('xiaoai-v3', 'v3', {
    phase: 'Paused',
    pauseReason: 'Requested',
    strategy: 'Canary',
    stage: 'Canary',
    currentStep: 1,
    canaryWeight: 20,
    message: held,
    conditions: [condition('Progressing', 'False', 'PausedByRequest', held)],
  });
});
afterAll(async () => {
  await world.stop();
});

describe('kubectl model status <aimodel> while the gateway refuses the route', () => {
  test('names the pause in the table and gives the gateway’s words and where to look', async () => {
    const run = await world.run(['status', 'xiaoai']);
    expect([run.code, run.stderr]).toEqual([0, []]);
    const lines = run.stdout;
    const text = lines.join('\n');
    expect(text).toMatch(
      /xiaoai-v2\s+v2\s+Paused \(RouteNotAccepted\)\s+Canary\s+Canary\s+2\/4\s+20%\s+\S+\s+HTTPRoute agents\/xiaoai: Gateway infra\/public does not accept the route/,
    );
    const detail = lines.slice(
      lines.indexOf('Rollout of xiaoai-v2: strategy Canary, stage Canary, step 2/4, weight 20%') + 1,
    );
    expect(detail.slice(1, 3)).toEqual([
      `  paused (RouteNotAccepted): ${paused}`,
      "  the parents' verdicts: 'kubectl get httproute xiaoai -n agents -o yaml' (status.parents); the parents: the AIModel's spec.traffic.parentRefs",
    ]);
  });

  test("a person's pause meanwhile is shown as theirs, the refusal in its message", async () => {
    const run = await world.run(['status', 'xiaoai']);
    expect(run.code).toBe(0);
    const lines = run.stdout;
    expect(lines.join('\n')).toMatch(
      /xiaoai-v3\s+v3\s+Paused \(Requested\)\s+.*no analysis runs while the route is refused/,
    );
    const detail = lines.slice(
      lines.indexOf('Rollout of xiaoai-v3: strategy Canary, stage Canary, step 2/4, weight 20%') + 1,
    );
    expect(detail[1]).toBe('  paused (Requested)');
  });

  test('JSON carries the pause reason and the message', async () => {
    const run = await world.run(['status', 'xiaoai', '-o', 'json']);
    expect(run.code).toBe(0);
    const data = JSON.parse(run.stdout.join('\n')) as { versions: Record<string, unknown>[] };
    expect(data.versions.find((v) => v.name === 'xiaoai-v2')).toMatchObject({
      phase: 'Paused',
      pauseReason: 'RouteNotAccepted',
      message: paused,
    });
  });
});
