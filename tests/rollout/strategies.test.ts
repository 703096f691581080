/**
 * decide() for every strategy, over policies as resolvePolicy() builds them from the API: blue-green
 * preview then switch, an experiment by cohort, shadow before the first user traffic. Each phase's
 * actions, the manual gates, rollbacks that take the candidate's routes away, supersede mid-strategy
 * and a restart between the router's write and the status write.
 */
import type { CandidateRouting, PromotionPolicy } from '../../crds/api/index.js';
import type { CheckResult, Verdict } from '../../operators/analysis/types.js';
import { decide, initialState } from '../../operators/rollout/decide.js';
import { resolvePolicy } from '../../operators/rollout/policy.js';
import { Reasons } from '../../operators/rollout/reasons.js';
import { stateFromStatus, statusFromState } from '../../operators/rollout/status.js';
import { unsupportedReason } from '../../operators/rollout/strategy-support.js';
import type { Decision, EffectivePolicy, Observations, RolloutState } from '../../operators/rollout/types.js';

const T0 = Date.parse('2026-01-01T12:00:00.000Z');
const at = (s: number): Date => new Date(T0 + s * 1000);
const iso = (s: number): string => at(s).toISOString();

const policyOf = (promotion: PromotionPolicy, rollout?: PromotionPolicy): EffectivePolicy =>
  resolvePolicy({ promotion, ...(rollout === undefined ? {} : { rollout }), version: 'v2' });

const blueGreen = policyOf({ strategy: 'BlueGreen', interval: '1m', blueGreen: { previewDuration: '5m' } });
const experiment = policyOf({
  strategy: 'Experiment',
  interval: '1m',
  experiment: {
    match: [{ header: { name: 'x-cohort', exact: 'beta' } }, { cookie: { name: 'group', prefix: 'b' } }],
    weight: 10,
    duration: '30m',
  },
  analysis: {
    metrics: [{ name: 'latency', builtin: 'latency-p95', relativeToStable: { maxIncrease: 20 } }],
  },
});
const shadowCanary = policyOf({
  shadow: { percent: 20, duration: '2m' },
  steps: [{ weight: 10 }, { weight: 50 }],
});

const PREVIEW: CandidateRouting = { matches: [{ header: { name: 'x-model-version', exact: 'v2' } }] };

const check = (verdict: Verdict, value = 0.5, stableValue?: number): CheckResult => ({
  metric: 'latency',
  query: 'q',
  value,
  ...(stableValue === undefined ? {} : { stableValue }),
  threshold: { maxIncrease: 20 },
  window: '1m',
  verdict,
  reason: verdict,
});
const run = (verdict: Verdict, value?: number, stableValue?: number) => ({
  version: 'v2',
  checks: [check(verdict, value, stableValue)],
});

const obs = (policy: EffectivePolicy, over: Partial<Observations> = {}): Observations => ({
  policy,
  stableVersion: 'v1',
  canaryAvailable: true,
  observedWeight: 0,
  versionObjectName: 'soer-v2',
  ...over,
});

/** The state after `decide` applied its actions (the router shows what it asked for). */
function applied(d: Decision, policy: EffectivePolicy): Observations {
  const set = d.actions.find((a) => a.type === 'SetWeight');
  const weight = set?.type === 'SetWeight' ? set.weight : d.state.canaryWeight;
  const routing = set?.type === 'SetWeight' ? set.routing : d.state.routing;
  return obs(policy, {
    observedWeight: weight,
    ...(routing === undefined ? {} : { observedRouting: routing }),
  });
}

/** Available, then the first step: from Pending to Progressing in two calls. */
function started(policy: EffectivePolicy, now = 0): Decision {
  const deploying = decide(initialState('v2'), obs(policy, { canaryAvailable: false }), at(now));
  return decide(deploying.state, obs(policy), at(now));
}

describe('policies of each strategy', () => {
  it('BlueGreen is one preview step on the version header, then the switch', () => {
    expect(blueGreen.strategy).toBe('BlueGreen');
    expect(blueGreen.steps).toEqual([{ stage: 'Preview', weight: 0, pauseMs: 300_000, routing: PREVIEW }]);
    const custom = policyOf({ strategy: 'BlueGreen', blueGreen: { previewHeader: 'x-preview' } });
    expect(custom.steps[0]?.routing).toEqual({ matches: [{ header: { name: 'x-preview', exact: 'v2' } }] });
    expect(custom.steps[0]?.pauseMs).toBe(custom.intervalMs);
  });

  it('Experiment is one step of its duration with its cohort; no failure tolerated by default', () => {
    expect(experiment.steps).toEqual([
      {
        stage: 'Experiment',
        weight: 10,
        pauseMs: 1_800_000,
        routing: {
          matches: [
            { header: { name: 'x-cohort', exact: 'beta' } },
            { cookie: { name: 'group', prefix: 'b' } },
          ],
        },
      },
    ]);
    expect(experiment.failureLimit).toBe(0);
    expect(experiment.mode).toBe('Auto');
    const manual = policyOf({
      strategy: 'Experiment',
      experiment: { weight: 5, duration: '1h', winner: 'Manual' },
    });
    expect(manual.mode).toBe('Manual');
    expect(manual.steps[0]?.routing).toBeUndefined();
  });

  it('shadow comes first, mirroring its percentage, before any strategy', () => {
    expect(shadowCanary.steps.map((s) => [s.stage, s.weight, s.routing?.mirrorPercent])).toEqual([
      ['Shadow', 0, 20],
      ['Canary', 10, undefined],
      ['Canary', 50, undefined],
    ]);
    expect(policyOf({ shadow: {} }).steps[0]?.routing).toEqual({ mirrorPercent: 10 });
  });

  it('the AIModel default strategy applies when the version names none', () => {
    const p = resolvePolicy({
      promotion: { interval: '2m' },
      rollout: { strategy: 'BlueGreen', blueGreen: { previewHeader: 'x-v' } },
      version: 'v7',
    });
    expect(p.strategy).toBe('BlueGreen');
    expect(p.steps[0]?.routing).toEqual({ matches: [{ header: { name: 'x-v', exact: 'v7' } }] });
    expect(p.steps[0]?.pauseMs).toBe(120_000);
  });

  it('refuses a strategy that would advance on no traffic at all', () => {
    expect(() =>
      policyOf({
        strategy: 'BlueGreen',
        analysis: { metrics: [{ name: 'x', query: 'vector(1)', thresholdRange: { max: 2 }, minSamples: 0 }] },
      }),
    ).toThrow(/minSamples 0, so strategy BlueGreen would advance with no traffic at all/);
  });

  it('the replica-ratio router is named with what is missing; istio runs everything', () => {
    const replicaRatio = { name: 'replica-ratio', supports: { matches: false, mirror: false } };
    expect(unsupportedReason(blueGreen, replicaRatio)).toMatch(
      /replica-ratio traffic router cannot run this rollout: the blue-green preview route needs header matching; run the operator with --traffic-router=istio/,
    );
    expect(unsupportedReason(shadowCanary, replicaRatio)).toMatch(/shadow needs request mirroring/);
    expect(unsupportedReason(experiment, replicaRatio)).toMatch(/cohort needs header or cookie matching/);
    const weightOnly = policyOf({ strategy: 'Experiment', experiment: { weight: 5, duration: '1h' } });
    expect(unsupportedReason(weightOnly, replicaRatio)).toBeUndefined();
    const istio = { name: 'istio', supports: { matches: true, mirror: true } };
    for (const p of [blueGreen, experiment, shadowCanary])
      expect(unsupportedReason(p, istio)).toBeUndefined();
  });

  it('refuses an evaluation where a ready version would serve users before it passed', () => {
    const evaluated = policyOf({
      evaluation: { dataset: { configMapRef: { name: 'soer-golden-set' } }, minPassRate: 0.9 },
    });
    const replicaRatio = {
      name: 'replica-ratio',
      supports: { matches: false, mirror: false },
      routes: 'none',
    };
    expect(unsupportedReason(evaluated, replicaRatio)).toBe(
      'the replica-ratio traffic router cannot run this rollout: an evaluation needs routes that keep the version from users until it passes, and this router sends requests to every ready pod; run the operator with --traffic-router=istio, or remove the evaluation',
    );
    expect(unsupportedReason(policyOf({}), replicaRatio)).toBeUndefined();
    const gatewayApi = {
      name: 'gateway-api',
      supports: { matches: true, mirror: true },
      routes: 'gateway-api',
    };
    expect(unsupportedReason(evaluated, gatewayApi)).toBeUndefined();
  });
});

describe('BlueGreen', () => {
  it('previews behind the header with no user traffic, then switches 0 → 100 in one change', () => {
    const d = started(blueGreen);
    expect(d.state).toMatchObject({
      phase: 'Progressing',
      stage: 'Preview',
      canaryWeight: 0,
      strategy: 'BlueGreen',
    });
    expect(d.state.routing).toEqual(PREVIEW);
    expect(d.actions).toEqual([{ type: 'SetWeight', weight: 0, routing: PREVIEW }]);
    expect(d.state.message).toMatch(/preview: requests with header x-model-version: v2 reach it/);

    // A pass before the preview duration holds; one after it switches.
    const held = decide(d.state, { ...applied(d, blueGreen), analysis: run('Passed') }, at(60));
    expect(held.state).toMatchObject({ phase: 'Progressing', reason: Reasons.StepHeld });
    expect(held.state.message).toMatch(/the preview is analysed 4m more/);
    expect(held.actions).toEqual([]);
    const switched = decide(held.state, { ...applied(held, blueGreen), analysis: run('Passed') }, at(300));
    expect(switched.state).toMatchObject({ phase: 'Promoted', canaryWeight: 100 });
    expect(switched.state.stage).toBeUndefined();
    expect(switched.state.routing).toBeUndefined();
    expect(switched.actions).toEqual([{ type: 'SetWeight', weight: 100 }]);
    expect(switched.state.message).toMatch(/the preview passed its analysis; switching all traffic/);
  });

  it('a preview nobody calls is inconclusive, pauses, and is never promoted by silence', () => {
    let d = started(blueGreen);
    for (let i = 1; i <= 8; i++) {
      d = decide(d.state, { ...applied(d, blueGreen), analysis: run('Inconclusive') }, at(60 * i));
      expect(d.state.phase).not.toBe('Promoted');
    }
    expect(d.state).toMatchObject({ phase: 'Paused', pauseReason: 'Inconclusive' });
    // Bounded by the progress deadline (10m by default) like any inconclusive pause.
    const late = decide(d.state, applied(d, blueGreen), at(60 * 11));
    expect(late.state.phase).toBe('RollingBack');
  });

  it('mode Manual waits at the gate with the preview still routed; promote switches', () => {
    const manual = policyOf({ strategy: 'BlueGreen', mode: 'Manual', blueGreen: { previewDuration: '1m' } });
    const d = started(manual);
    const gate = decide(d.state, { ...applied(d, manual), analysis: run('Passed') }, at(60));
    expect(gate.state).toMatchObject({ phase: 'Paused', pauseReason: 'ManualGate', stage: 'Preview' });
    expect(gate.state.routing).toEqual(PREVIEW);
    expect(gate.actions).toEqual([]);
    expect(gate.state.message).toMatch(
      /the preview passed its analysis, waiting for 'promote' \(mode Manual\)/,
    );
    const promoted = decide(gate.state, { ...applied(gate, manual), action: 'promote' }, at(90));
    expect(promoted.state.phase).toBe('Promoted');
    expect(promoted.actions).toContainEqual({ type: 'SetWeight', weight: 100 });
  });

  it('a failing preview is rolled back: its preview route goes although its weight was already 0', () => {
    const failing = policyOf({
      strategy: 'BlueGreen',
      blueGreen: { previewDuration: '5m' },
      analysis: {
        failureLimit: 0,
        metrics: [{ name: 'e', builtin: 'error-rate', thresholdRange: { max: 0.01 } }],
      },
    });
    const d = started(failing);
    const back = decide(d.state, { ...applied(d, failing), analysis: run('Failed') }, at(60));
    expect(back.state).toMatchObject({ phase: 'RollingBack', canaryWeight: 0 });
    expect(back.state.routing).toBeUndefined();
    expect(back.actions).toEqual([{ type: 'SetWeight', weight: 0 }]);
    // Still routed (the router has not removed the preview yet): not rolled back, asked again.
    const pending = decide(back.state, obs(failing, { observedWeight: 0, observedRouting: PREVIEW }), at(62));
    expect(pending.state.phase).toBe('RollingBack');
    expect(pending.actions).toEqual([{ type: 'SetWeight', weight: 0 }]);
    const done = decide(back.state, obs(failing), at(64));
    expect(done.state.phase).toBe('RolledBack');
  });
});

describe('Experiment', () => {
  const cohort = experiment.steps[0]?.routing as CandidateRouting;

  it('sends the cohort and its share to the candidate and records candidate beside stable', () => {
    const d = started(experiment);
    expect(d.state).toMatchObject({ stage: 'Experiment', canaryWeight: 10, routing: cohort });
    expect(d.state.experiment).toEqual({ startedAt: iso(0), endsAt: iso(1800), metrics: [] });
    expect(d.actions).toEqual([{ type: 'SetWeight', weight: 10, routing: cohort }]);
    expect(d.state.message).toMatch(
      /experiment for 30m: requests with header x-cohort: beta or cookie group starting with b and 10% of the other requests go to the candidate/,
    );
    const one = decide(d.state, { ...applied(d, experiment), analysis: run('Passed', 0.5, 0.4) }, at(60));
    const two = decide(
      one.state,
      { ...applied(one, experiment), analysis: run('Passed', 0.7, 0.6) },
      at(120),
    );
    expect(two.state.phase).toBe('Progressing');
    expect(two.state.message).toMatch(/the experiment runs 28m more/);
    expect(two.state.experiment?.metrics).toEqual([
      { name: 'latency', analyses: 2, candidate: 0.6, stable: 0.5, lastCandidate: 0.7, lastStable: 0.6 },
    ]);
    // Kept through status, as a restarted operator reads it back.
    const status = statusFromState(two.state, undefined, { nowMs: T0 });
    expect(stateFromStatus('v2', status).experiment).toEqual(two.state.experiment);
    expect(status).toMatchObject({ strategy: 'Experiment', stage: 'Experiment', routing: cohort });
  });

  it('a candidate failing a gate is rolled back at once, before the experiment ends', () => {
    const d = started(experiment);
    const back = decide(d.state, { ...applied(d, experiment), analysis: run('Failed', 0.9, 0.4) }, at(60));
    expect(back.state).toMatchObject({ phase: 'RollingBack', reason: Reasons.FailureLimitExceeded });
    expect(back.actions).toEqual([{ type: 'SetWeight', weight: 0 }]);
  });

  it('at the end the winner is promoted (Auto) or waits for a person (Manual)', () => {
    const d = started(experiment);
    const end = decide(d.state, { ...applied(d, experiment), analysis: run('Passed', 0.5, 0.5) }, at(1800));
    expect(end.state).toMatchObject({ phase: 'Promoted', reason: Reasons.ExperimentWon });
    expect(end.state.message).toMatch(/the experiment of 30m ended with the candidate passing its analyses/);
    expect(end.actions).toEqual([{ type: 'SetWeight', weight: 100 }]);

    const manual = policyOf({
      strategy: 'Experiment',
      experiment: {
        match: [{ header: { name: 'x-cohort', regex: 'beta|gamma' } }],
        duration: '10m',
        winner: 'Manual',
      },
    });
    const m = started(manual);
    const gate = decide(m.state, { ...applied(m, manual), analysis: run('Passed') }, at(600));
    expect(gate.state).toMatchObject({ phase: 'Paused', pauseReason: 'ManualGate' });
    expect(gate.state.message).toMatch(/waiting for 'promote' \(winner Manual\)/);
  });

  it('a newer version supersedes it mid-experiment: the cohort routes go with the weight', () => {
    const d = started(experiment);
    const gone = decide(d.state, { ...applied(d, experiment), supersededBy: 'v3' }, at(30));
    expect(gone.state).toMatchObject({ phase: 'RollingBack', reason: Reasons.SupersededByNewerVersion });
    expect(gone.state.routing).toBeUndefined();
    expect(gone.actions).toEqual([{ type: 'SetWeight', weight: 0 }]);
  });
});

describe('shadow', () => {
  it('mirrors before any user traffic, then the canary starts without the mirror', () => {
    const d = started(shadowCanary);
    expect(d.state).toMatchObject({ stage: 'Shadow', canaryWeight: 0, routing: { mirrorPercent: 20 } });
    expect(d.actions).toEqual([{ type: 'SetWeight', weight: 0, routing: { mirrorPercent: 20 } }]);
    expect(d.state.message).toMatch(/shadow: 20% of live requests mirrored, answers discarded/);
    const canary = decide(d.state, { ...applied(d, shadowCanary), analysis: run('Passed') }, at(120));
    expect(canary.state).toMatchObject({ stage: 'Canary', currentStep: 1, canaryWeight: 10 });
    expect(canary.state.routing).toBeUndefined();
    expect(canary.actions).toEqual([{ type: 'SetWeight', weight: 10 }]);
  });

  it('a shadow before blue-green hands over to the preview (both at weight 0)', () => {
    const p = policyOf({ strategy: 'BlueGreen', shadow: { duration: '1m' } });
    const d = started(p);
    const preview = decide(d.state, { ...applied(d, p), analysis: run('Passed') }, at(60));
    expect(preview.state).toMatchObject({
      stage: 'Preview',
      currentStep: 1,
      canaryWeight: 0,
      routing: PREVIEW,
    });
    expect(preview.actions).toEqual([{ type: 'SetWeight', weight: 0, routing: PREVIEW }]);
  });
});

describe('restart between the route change and the status write', () => {
  it('the router already shows the next stage: the transition completes without repeating it', () => {
    const p = policyOf({ strategy: 'BlueGreen', shadow: { duration: '1m' } });
    const d = started(p);
    // The preview was routed but status still says Shadow: no new analysis is needed to finish.
    const resumed = decide(d.state, obs(p, { observedWeight: 0, observedRouting: PREVIEW }), at(70));
    expect(resumed.state).toMatchObject({ stage: 'Preview', currentStep: 1, reason: Reasons.WeightsAdopted });
    expect(resumed.actions).toEqual([]);
    // And once more: the state now matches the router; nothing moves.
    const again = decide(resumed.state, obs(p, { observedWeight: 0, observedRouting: PREVIEW }), at(71));
    expect(again.state.currentStep).toBe(1);
    expect(again.actions).toEqual([]);
  });

  it('a switch written but not recorded completes the promotion', () => {
    const d = started(blueGreen);
    const resumed = decide(d.state, obs(blueGreen, { observedWeight: 100 }), at(90));
    expect(resumed.state).toMatchObject({ phase: 'Promoted', reason: Reasons.WeightsAdopted });
    expect(resumed.actions).toEqual([]);
  });

  it('a route that is neither the current nor the next stage is drift: the current one is asserted', () => {
    const d = started(experiment);
    const drifted = decide(d.state, obs(experiment, { observedWeight: 10 }), at(30));
    expect(drifted.state.currentStep).toBe(0);
    expect(drifted.actions).toEqual([{ type: 'SetWeight', weight: 10, routing: d.state.routing }]);
  });

  it('a deploying version whose first stage is already routed starts it without a second write', () => {
    const deploying: RolloutState = decide(
      initialState('v2'),
      obs(blueGreen, { canaryAvailable: false }),
      at(0),
    ).state;
    const d = decide(deploying, obs(blueGreen, { canaryAvailable: false, observedRouting: PREVIEW }), at(5));
    expect(d.state).toMatchObject({ phase: 'Progressing', stage: 'Preview', reason: Reasons.WeightsAdopted });
    expect(d.actions).toEqual([]);
  });
});
