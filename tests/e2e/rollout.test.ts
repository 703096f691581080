/**
 * End to end, with real processes: the fake API server, the operator (`operators/main.ts`, leader
 * elected), a real runtime process per version in front of its own stub engine, a real prometheus
 * scraping the runtimes every second, and clients whose requests follow the weights currently in
 * the model's VirtualService (see tests/e2e/harness). Nothing calls the operator's code directly:
 * the tests act as a model owner would (create a ModelVersion, annotate it) and check what users
 * see (status, Events, where requests go).
 *
 * The scenarios share one environment and run in order; each starts from the stable version the
 * previous one left (a rollout takes seconds: 3 s interval, two or three steps).
 */
import { ACTION_ANNOTATION } from '../../crds/api/index.js';
import { Environment } from './harness/environment.js';
import { AIMODELS, MODEL_VERSIONS } from './harness/kube.js';
import { aiModel, modelVersion, type Promotion } from './harness/objects.js';
import {
  CANARY_ROLLOUT,
  eventsOf as eventsOfVersion,
  failingCanaryRolledBack,
  healthyCanaryPromoted,
  pauseReason,
  promotedAndSettled as settled,
  stableVersion as stableOf,
  versionStatus,
  type EventView,
  type Suite,
} from './harness/scenarios.js';
import { StatusRecorder, type VersionStatus } from './harness/status-recorder.js';

const NAMESPACE = 'suoke-ai';
const MODEL = 'demo';
const INTERVAL_MS = 3_000;

/** The AIModel's default policy: short steps, one error-rate check, roll back after 2 failures. */
const ROLLOUT: Promotion = CANARY_ROLLOUT;

let env: Environment;
const suite: Suite = {
  get env() {
    return env;
  },
  model: MODEL,
  release: (version, promotion) => release(version, promotion),
};

const status = (version: string): Promise<VersionStatus> => versionStatus(suite, version);
const stableVersion = (): Promise<string | undefined> => stableOf(suite);
/** Promoted and done baking: the rollout is over and the next one may start. */
const promotedAndSettled = (version: string): Promise<boolean> => settled(suite, version);
const eventsOf = (version: string): Promise<EventView[]> => eventsOfVersion(suite, version);

async function release(version: string, promotion?: Promotion): Promise<number> {
  const since = Date.now();
  await env.kube.create(MODEL_VERSIONS, modelVersion(NAMESPACE, MODEL, version, promotion));
  return since;
}

/** Steps entered, by the Events that entered them ("… step N at weight W"), each counted with its series. */
function stepsEntered(events: readonly EventView[]): number[] {
  const out: number[] = [];
  for (const e of events) {
    const m = /step (\d+) at weight \d+/.exec(e.note ?? '');
    if (m === null || !['StepAdvanced', 'WeightsAdopted', 'WorkloadAvailable'].includes(e.reason ?? ''))
      continue;
    for (let i = 0; i < (e.series?.count ?? 1); i++) out.push(Number(m[1]));
  }
  return out.sort((a, b) => a - b);
}

beforeAll(async () => {
  env = await Environment.start({ namespace: NAMESPACE, model: MODEL, ratePerSecond: 20 });
  await env.startOperator();
  await env.kube.create(AIMODELS, aiModel(NAMESPACE, MODEL, ROLLOUT));
}, 240_000);

afterAll(async () => {
  await env?.stop();
}, 60_000);

describe('canary rollouts end to end', () => {
  it('promotes the first version once Available, then walks a healthy canary through every step', async () => {
    // The first version loads slowly; the second is applied meanwhile and must wait for it rather
    // than leave the model with nothing to route to.
    env.pods.holdReadiness('v1');
    const sinceV1 = await release('v1');
    await env.until(async () => (await status('v1')).phase === 'Deploying', 'v1 deploying', 60_000);
    const since = await release('v2');
    await env.until(
      async () => pauseReason(await status('v2')) === 'WaitingForCanarySlot',
      'v2 waiting for v1',
    );
    expect((await status('v1')).phase).toBe('Deploying');
    env.pods.releaseReadiness('v1');
    // The first version has nothing to compare with: promoted once Available, with all traffic.
    await env.until(async () => (await status('v1')).phase === 'Promoted', 'v1 promoted', 60_000);
    // Clients saw every step, in order, and then all traffic on v2.
    await healthyCanaryPromoted(suite, { version: 'v2', previous: 'v1', since });

    expect(env.mesh.weightsOf('v1', sinceV1)).toEqual([100, 75, 50, 0]);
    const v1PromotedAt = Date.parse((await status('v1')).promotedAt!);
    expect(env.mesh.firstTime('v2', (w) => w > 0, since)).toBeGreaterThanOrEqual(v1PromotedAt);
    expect(env.load.of('v1').ok).toBeGreaterThan(20);
  }, 240_000);

  it('rolls back a canary whose engine fails 30% of requests, and all traffic returns to stable', async () => {
    await failingCanaryRolledBack(suite, { version: 'v3', stable: 'v2' });
  }, 150_000);

  it('resumes at the same step, neither repeating nor skipping one, after the operator is SIGKILLed', async () => {
    const steps = { steps: [{ weight: 20 }, { weight: 40 }, { weight: 60 }] };
    const recorder = new StatusRecorder(env.kube, NAMESPACE, `${MODEL}-v4`).start();
    const since = await release('v4', steps);
    // Kill the moment the second step's weight reaches the VirtualService: the operator has written
    // the weights and may not have written the status yet.
    await env.until(() => env.mesh.weight('v4') === 40, 'v4 at its second step', 90_000);
    await env.killOperator();
    const killedAt = Date.now();
    expect(env.operator!.process.running).toBe(false);
    await env.startOperator();
    await env.until(() => promotedAndSettled('v4'), 'v4 promoted after the restart', 90_000);
    const samples = await recorder.stop();

    // Traffic moved forward one step at a time, with no step taken twice and none left out.
    expect(env.mesh.weightsOf('v4', since)).toEqual([20, 40, 60, 100]);
    expect(env.mesh.firstTime('v4', (w) => w === 60)).toBeGreaterThan(killedAt);
    const progressing = samples.filter((x) => x.phase === 'Progressing').map((x) => x.currentStep!);
    expect(progressing).toEqual([...progressing].sort((a, b) => a - b));
    // Each step was entered once, by one process or the other: status went through every step, and
    // no Event reports a step twice. Events are best-effort, as in Kubernetes: a kill between the
    // status write and its Event loses that Event, never the step; the step after the restart has one.
    expect([...new Set(progressing)]).toEqual([0, 1, 2]);
    const entered = stepsEntered(await eventsOf('v4')).filter((i) => i > 0);
    expect(entered).toEqual([...new Set(entered)]);
    expect(entered).toContain(2);
    expect(entered.every((i) => i === 1 || i === 2)).toBe(true);
    expect(await stableVersion()).toBe('v4');
  }, 180_000);

  it('promotes nothing while Prometheus is down, pausing as inconclusive, and continues when it is back', async () => {
    const since = await release('v5');
    await env.until(() => env.mesh.weight('v5') === 25, 'v5 at its first step', 90_000);
    await env.prometheus.stop();
    const stoppedAt = Date.now();
    await env.until(
      async () => {
        const s = await status('v5');
        return s.phase === 'Paused' && pauseReason(s) === 'InconclusiveLimitExceeded';
      },
      'v5 paused as inconclusive',
      60_000,
    );
    const pausedWeight = env.mesh.weight('v5');
    expect(pausedWeight).toBeLessThan(100);
    // Held, not promoted and not rolled back, for two more intervals without metrics.
    await env.holds(
      async () => (await status('v5')).phase === 'Paused' && env.mesh.weight('v5') === pausedWeight,
      'v5 stays paused at its weight while Prometheus is down',
      2 * INTERVAL_MS,
    );
    const s = await status('v5');
    expect(
      (s.analysis ?? []).some((a) => a.verdict === 'Inconclusive' && Date.parse(a.time) >= stoppedAt - 1000),
    ).toBe(true);
    expect(s.failedChecks ?? 0).toBe(0);

    await env.prometheus.restart();
    const backAt = Date.now();
    await env.until(() => promotedAndSettled('v5'), 'v5 promoted once Prometheus is back', 90_000);
    expect(env.mesh.firstTime('v5', (w) => w === 100, since)).toBeGreaterThan(backAt);
    expect(env.mesh.weightsOf('v5', since)).toEqual([25, 50, 100]);
    expect(await stableVersion()).toBe('v5');
  }, 180_000);

  it('waits at the last step of a Manual rollout until promote is requested', async () => {
    const since = await release('v6', { mode: 'Manual' });
    await env.until(
      async () => {
        const s = await status('v6');
        return s.phase === 'Paused' && s.currentStep === 1 && pauseReason(s) === 'ManualGate';
      },
      'v6 at the manual gate',
      90_000,
    );
    expect((await env.mesh.refresh())['v6']).toBe(50);
    // Analyses keep passing, but nothing moves without a person.
    await env.holds(
      async () => (await status('v6')).phase === 'Paused' && env.mesh.weight('v6') === 50,
      'v6 stays at the manual gate',
      2 * INTERVAL_MS,
    );
    expect(await stableVersion()).toBe('v5');

    const promoteAt = Date.now();
    await env.kube.mergePatch(MODEL_VERSIONS, NAMESPACE, `${MODEL}-v6`, {
      metadata: { annotations: { [ACTION_ANNOTATION]: 'promote' } },
    });
    await env.until(() => promotedAndSettled('v6'), 'v6 promoted on request', 60_000);
    expect(env.mesh.firstTime('v6', (w) => w === 100, since)).toBeGreaterThanOrEqual(promoteAt);
    expect(env.mesh.weightsOf('v6', since)).toEqual([25, 50, 100]);
    expect(await stableVersion()).toBe('v6');
    // The request was consumed.
    const mv = await env.kube.get(MODEL_VERSIONS, NAMESPACE, `${MODEL}-v6`);
    expect(mv?.metadata.annotations?.[ACTION_ANNOTATION]).toBeUndefined();
  }, 150_000);
});
