import type { ModelVersionStatus } from '../../crds/api/index.js';
import type { CheckResult, Verdict } from '../../operators/analysis/types.js';
import {
  analysisDue,
  awaitingConfirmation,
  confirmationDelayMs,
} from '../../operators/rollout/analysis-bookkeeping.js';
import { decide, initialState, progressAt } from '../../operators/rollout/decide.js';
import { Reasons } from '../../operators/rollout/reasons.js';
import { DefaultAnalysisHistory } from '../../operators/rollout/defaults.js';
import { stateFromStatus, statusFromState } from '../../operators/rollout/status.js';
import type {
  Decision,
  EffectivePolicy,
  Observations,
  PauseReason,
  RolloutAction,
  RolloutState,
} from '../../operators/rollout/types.js';

const T0 = Date.parse('2026-01-01T12:00:00.000Z');
/** `s` seconds after T0. */
const at = (s: number): Date => new Date(T0 + s * 1000);
const iso = (s: number): string => at(s).toISOString();

const policy: EffectivePolicy = {
  strategy: 'Canary',
  steps: [
    { stage: 'Canary', weight: 10, pauseMs: 0 },
    { stage: 'Canary', weight: 25, pauseMs: 0 },
    { stage: 'Canary', weight: 50, pauseMs: 0 },
  ],
  intervalMs: 60_000,
  metrics: [],
  failureLimit: 1,
  inconclusiveLimit: 3,
  mode: 'Auto',
  progressDeadlineMs: 600_000,
  bakeWindowMs: 300_000,
};
const manual: EffectivePolicy = { ...policy, mode: 'Manual' };
const WEIGHTS = [10, 25, 50];

const state = (over: Partial<RolloutState> = {}): RolloutState => ({ ...initialState('v2'), ...over });
/** Progressing at `step`, which started at T0 with no analysis yet. */
const progressing = (step: number, over: Partial<RolloutState> = {}): RolloutState =>
  state({
    phase: 'Progressing',
    reason: Reasons.StepAdvanced,
    currentStep: step,
    canaryWeight: WEIGHTS[step] as number,
    startedAt: iso(-120),
    stepStartedAt: iso(0),
    ...over,
  });
const paused = (reason: PauseReason, over: Partial<RolloutState> = {}) =>
  progressing(2, { phase: 'Paused', pauseReason: reason, ...over });
const baking = (over: Partial<RolloutState> = {}): RolloutState =>
  state({
    phase: 'Promoted',
    reason: Reasons.Promoted,
    currentStep: 2,
    canaryWeight: 100,
    startedAt: iso(-300),
    stepStartedAt: iso(-60),
    lastAnalysisAt: iso(0),
    promotedAt: iso(0),
    ...over,
  });

/** An analysis recorded `s` seconds after T0 at weight 100, as the bake records them. */
const bakeRecord = (s: number, verdict: Verdict) => ({
  time: iso(s),
  step: 2,
  weight: 100,
  verdict,
  checks: [] as CheckResult[],
});

/** Observations of a healthy cluster where v1 is stable and this version's weight matches `weight`. */
const obs = (over: Partial<Observations> = {}): Observations => ({
  policy,
  stableVersion: 'v1',
  canaryAvailable: true,
  observedWeight: 0,
  versionObjectName: 'soer-v2',
  ...over,
});
const check = (verdict: Verdict): CheckResult => ({
  metric: 'error-rate',
  query: 'sum(rate(ai_inference_requests_total{code=~"5.."}[1m]))',
  value: verdict === 'Failed' ? 0.3 : 0.001,
  threshold: { max: 0.01 },
  window: '1m',
  verdict,
  reason: `value vs max 0.01: ${verdict}`,
});
const run = (verdict: Verdict, version = 'v2') => ({ version, checks: [check(verdict)] });
const types = (d: Decision): string[] =>
  d.actions.map((a: RolloutAction) => (a.type === 'SetWeight' ? `SetWeight(${a.weight})` : a.type));

interface Case {
  readonly name: string;
  readonly state: RolloutState;
  readonly obs: Observations;
  readonly now: Date;
  readonly phase: string;
  readonly reason?: string;
  readonly step?: number;
  readonly weight?: number;
  readonly actions?: string[];
  readonly failedChecks?: number;
  readonly inconclusiveChecks?: number;
  readonly pauseReason?: string;
}

const transitions: Case[] = [
  {
    name: 'Pending → Deploying: the phase alone gives the canary its workload (no action)',
    state: state(),
    obs: obs({ canaryAvailable: false }),
    now: at(0),
    phase: 'Deploying',
    reason: Reasons.Deploying,
    actions: [],
  },
  {
    name: 'Pending waits while another version holds the canary slot',
    state: state(),
    obs: obs({ waitingFor: 'v1b' }),
    now: at(0),
    phase: 'Pending',
    reason: Reasons.WaitingForCanarySlot,
    actions: [],
  },
  {
    name: 'Deploying waits for Available before the deadline',
    state: state({ phase: 'Deploying', startedAt: iso(0) }),
    obs: obs({ canaryAvailable: false }),
    now: at(599),
    phase: 'Deploying',
    actions: [],
  },
  {
    name: 'Deploying → Progressing step 0 once Available',
    state: state({ phase: 'Deploying', startedAt: iso(0) }),
    obs: obs(),
    now: at(30),
    phase: 'Progressing',
    reason: Reasons.WorkloadAvailable,
    step: 0,
    weight: 10,
    actions: ['SetWeight(10)'],
  },
  {
    name: 'first version (no stable) is promoted once Available',
    state: state({ phase: 'Deploying', startedAt: iso(0) }),
    obs: obs({ stableVersion: undefined }),
    now: at(30),
    phase: 'Promoted',
    reason: Reasons.FirstVersion,
    weight: 100,
    actions: ['SetWeight(100)'],
  },
  {
    name: 'Deploying misses the progress deadline → RollingBack',
    state: state({ phase: 'Deploying', startedAt: iso(0) }),
    obs: obs({ canaryAvailable: false }),
    now: at(601),
    phase: 'RollingBack',
    reason: Reasons.ProgressDeadlineExceeded,
    weight: 0,
    actions: [],
  },
  {
    name: 'Deploying deadline exactly reached counts as missed',
    state: state({ phase: 'Deploying', startedAt: iso(0) }),
    obs: obs({ canaryAvailable: false }),
    now: at(600),
    phase: 'RollingBack',
    reason: Reasons.ProgressDeadlineExceeded,
  },
  {
    name: 'first version missing its deadline fails (nothing to roll back to)',
    state: state({ phase: 'Deploying', startedAt: iso(0) }),
    obs: obs({ stableVersion: undefined, canaryAvailable: false }),
    now: at(600),
    phase: 'Failed',
    reason: Reasons.ProgressDeadlineExceeded,
    actions: [],
  },
  {
    name: 'step 0 analysis passes → step 1',
    state: progressing(0),
    obs: obs({ observedWeight: 10, analysis: run('Passed') }),
    now: at(60),
    phase: 'Progressing',
    reason: Reasons.StepAdvanced,
    step: 1,
    weight: 25,
    actions: ['SetWeight(25)'],
  },
  {
    name: 'step 1 analysis passes → step 2',
    state: progressing(1),
    obs: obs({ observedWeight: 25, analysis: run('Passed') }),
    now: at(60),
    phase: 'Progressing',
    step: 2,
    weight: 50,
    actions: ['SetWeight(50)'],
  },
  {
    name: 'last step passes (Auto) → Promoted with bake',
    state: progressing(2),
    obs: obs({ observedWeight: 50, analysis: run('Passed') }),
    now: at(60),
    phase: 'Promoted',
    reason: Reasons.Promoted,
    weight: 100,
    actions: ['SetWeight(100)'],
  },
  {
    name: 'last step passes (Manual) → Paused at the manual gate',
    state: progressing(2),
    obs: obs({ policy: manual, observedWeight: 50, analysis: run('Passed') }),
    now: at(60),
    phase: 'Paused',
    pauseReason: 'ManualGate',
    reason: Reasons.ManualGate,
    weight: 50,
    actions: [],
  },
  {
    name: 'manual gate keeps waiting on further passes',
    state: paused('ManualGate', { lastAnalysisAt: iso(60) }),
    obs: obs({ policy: manual, observedWeight: 50, analysis: run('Passed') }),
    now: at(3600),
    phase: 'Paused',
    pauseReason: 'ManualGate',
    weight: 50,
  },
  {
    name: 'a failure within the failure limit holds the step',
    state: progressing(1),
    obs: obs({ observedWeight: 25, analysis: run('Failed') }),
    now: at(60),
    phase: 'Progressing',
    reason: Reasons.AnalysisFailed,
    step: 1,
    weight: 25,
    failedChecks: 1,
    actions: [],
  },
  {
    name: 'failures over the failure limit → RollingBack',
    state: progressing(1, { failedChecks: 1 }),
    obs: obs({ observedWeight: 25, analysis: run('Failed') }),
    now: at(60),
    phase: 'RollingBack',
    reason: Reasons.FailureLimitExceeded,
    weight: 0,
    failedChecks: 2,
    actions: ['SetWeight(0)'],
  },
  {
    name: 'failure on the last step over the limit rolls back instead of promoting',
    state: progressing(2, { failedChecks: 1 }),
    obs: obs({ observedWeight: 50, analysis: run('Failed') }),
    now: at(60),
    phase: 'RollingBack',
    reason: Reasons.FailureLimitExceeded,
    actions: ['SetWeight(0)'],
  },
  {
    name: 'failure on the last step within the limit holds there, not promoted',
    state: progressing(2),
    obs: obs({ observedWeight: 50, analysis: run('Failed') }),
    now: at(60),
    phase: 'Progressing',
    step: 2,
    weight: 50,
    failedChecks: 1,
  },
  {
    name: 'an inconclusive analysis below the limit holds without spending the failure budget',
    state: progressing(1, { inconclusiveChecks: 1 }),
    obs: obs({ observedWeight: 25, analysis: run('Inconclusive') }),
    now: at(60),
    phase: 'Progressing',
    reason: Reasons.AnalysisInconclusive,
    step: 1,
    failedChecks: 0,
    inconclusiveChecks: 2,
  },
  {
    name: 'inconclusive streak reaching the limit → Paused (Inconclusive)',
    state: progressing(1, { inconclusiveChecks: 2 }),
    obs: obs({ observedWeight: 25, analysis: run('Inconclusive') }),
    now: at(60),
    phase: 'Paused',
    pauseReason: 'Inconclusive',
    reason: Reasons.InconclusiveLimitExceeded,
    step: 1,
    failedChecks: 0,
    inconclusiveChecks: 3,
  },
  {
    name: 'paused for no data keeps waiting and still spends no failure budget',
    state: progressing(1, { phase: 'Paused', pauseReason: 'Inconclusive', inconclusiveChecks: 3 }),
    obs: obs({ observedWeight: 25, analysis: run('Inconclusive') }),
    now: at(60),
    phase: 'Paused',
    pauseReason: 'Inconclusive',
    failedChecks: 0,
    inconclusiveChecks: 4,
  },
  {
    name: 'paused for no data resumes and advances on the next pass',
    state: progressing(1, { phase: 'Paused', pauseReason: 'Inconclusive', inconclusiveChecks: 3 }),
    obs: obs({ observedWeight: 25, analysis: run('Passed') }),
    now: at(60),
    phase: 'Progressing',
    step: 2,
    weight: 50,
    inconclusiveChecks: 0,
    actions: ['SetWeight(50)'],
  },
  {
    name: 'no data is bounded by the progress deadline',
    state: progressing(1, {
      phase: 'Paused',
      pauseReason: 'Inconclusive',
      inconclusiveChecks: 9,
      lastAnalysisAt: iso(540),
    }),
    obs: obs({ observedWeight: 25, analysis: run('Inconclusive') }),
    now: at(600),
    phase: 'RollingBack',
    reason: Reasons.ProgressDeadlineExceeded,
    failedChecks: 0,
  },
  {
    name: 'progress deadline one millisecond short does nothing',
    state: progressing(1, { phase: 'Paused', pauseReason: 'Inconclusive', lastAnalysisAt: iso(590) }),
    obs: obs({ observedWeight: 25 }),
    now: new Date(T0 + 599_999),
    phase: 'Paused',
  },
  {
    name: 'a pause a person asked for is not bounded by the progress deadline',
    state: paused('Requested', { lastAnalysisAt: iso(3540) }),
    obs: obs({ observedWeight: 50, analysis: run('Passed') }),
    now: at(3600),
    phase: 'Paused',
    pauseReason: 'Requested',
    weight: 50,
  },
  {
    name: 'a failure while paused still counts and can roll back',
    state: paused('Requested', { failedChecks: 1, lastAnalysisAt: iso(0) }),
    obs: obs({ observedWeight: 50, analysis: run('Failed') }),
    now: at(60),
    phase: 'RollingBack',
    reason: Reasons.FailureLimitExceeded,
  },
  {
    name: 'interval not elapsed: a result is ignored and nothing changes',
    state: progressing(1, { lastAnalysisAt: iso(30) }),
    obs: obs({ observedWeight: 25, analysis: run('Failed') }),
    now: at(60),
    phase: 'Progressing',
    reason: Reasons.StepAdvanced,
    step: 1,
    failedChecks: 0,
    actions: [],
  },
  {
    name: 'step pause longer than the interval: a pass before it ends holds the step',
    state: progressing(0),
    obs: obs({
      policy: {
        ...policy,
        steps: [{ stage: 'Canary', weight: 10, pauseMs: 300_000 }, ...policy.steps.slice(1)],
      },
      observedWeight: 10,
      analysis: run('Passed'),
    }),
    now: at(60),
    phase: 'Progressing',
    reason: Reasons.StepHeld,
    step: 0,
  },
  {
    name: 'step pause over: the next pass advances',
    state: progressing(0, { lastAnalysisAt: iso(240) }),
    obs: obs({
      policy: {
        ...policy,
        steps: [{ stage: 'Canary', weight: 10, pauseMs: 300_000 }, ...policy.steps.slice(1)],
      },
      observedWeight: 10,
      analysis: run('Passed'),
    }),
    now: at(300),
    phase: 'Progressing',
    step: 1,
    weight: 25,
  },
  {
    name: 'weight drift is corrected to the recorded weight',
    state: progressing(1),
    obs: obs({ observedWeight: 40 }),
    now: at(10),
    phase: 'Progressing',
    step: 1,
    actions: ['SetWeight(25)'],
  },
  {
    name: 'RollingBack re-sends weight 0 until the router shows it',
    state: progressing(1, { phase: 'RollingBack', canaryWeight: 0, reason: Reasons.FailureLimitExceeded }),
    obs: obs({ observedWeight: 25 }),
    now: at(61),
    phase: 'RollingBack',
    actions: ['SetWeight(0)'],
  },
  {
    name: 'RollingBack → RolledBack once weight 0 is observed; the cause stays the reason',
    state: progressing(1, { phase: 'RollingBack', canaryWeight: 0, reason: Reasons.FailureLimitExceeded }),
    obs: obs({ observedWeight: 0 }),
    now: at(62),
    phase: 'RolledBack',
    reason: Reasons.FailureLimitExceeded,
    actions: [],
  },
  {
    name: 'bake: a passing analysis at 100% keeps the promotion',
    state: baking(),
    obs: obs({ stableVersion: 'v2', observedWeight: 100, analysis: run('Passed') }),
    now: at(60),
    phase: 'Promoted',
    weight: 100,
    actions: [],
  },
  {
    name: 'bake: one failure rolls back at once to the warm previous stable',
    state: baking(),
    obs: obs({ stableVersion: 'v2', observedWeight: 100, analysis: run('Failed') }),
    now: at(60),
    phase: 'RollingBack',
    reason: Reasons.BakeFailed,
    actions: ['RestorePreviousStable'],
  },
  {
    name: 'bake over: promotion is final',
    state: baking({
      lastAnalysisAt: iso(240),
      analysis: [bakeRecord(60, 'Passed'), bakeRecord(240, 'Passed')],
    }),
    obs: obs({ stableVersion: 'v2', observedWeight: 100 }),
    now: at(300),
    phase: 'Promoted',
    reason: Reasons.BakeSucceeded,
  },
  {
    name: 'bake over with no passing analysis: promotion stands, reported as BakeInconclusive',
    state: baking({
      lastAnalysisAt: iso(240),
      analysis: [bakeRecord(0, 'Passed'), bakeRecord(60, 'Inconclusive'), bakeRecord(240, 'Inconclusive')],
    }),
    obs: obs({ stableVersion: 'v2', observedWeight: 100 }),
    now: at(300),
    phase: 'Promoted',
    reason: Reasons.BakeInconclusive,
    actions: [],
  },
  {
    name: 'bake lasts its own window (bakeDuration), not the warm window of the previous stable',
    state: baking({ lastAnalysisAt: iso(60), analysis: [bakeRecord(60, 'Passed')] }),
    obs: obs({ policy: { ...policy, bakeWindowMs: 120_000 }, stableVersion: 'v2', observedWeight: 100 }),
    now: at(120),
    phase: 'Promoted',
    reason: Reasons.BakeSucceeded,
    actions: [],
  },
  {
    name: 'bake still running one second before its window ends',
    state: baking({ lastAnalysisAt: iso(60) }),
    obs: obs({ policy: { ...policy, bakeWindowMs: 120_000 }, stableVersion: 'v2', observedWeight: 100 }),
    now: at(119),
    phase: 'Promoted',
    reason: Reasons.Promoted,
    actions: [],
  },
  {
    name: 'bakeDuration 0s: the last step passing promotes for good, with no bake',
    state: progressing(2),
    obs: obs({ policy: { ...policy, bakeWindowMs: 0 }, observedWeight: 50, analysis: run('Passed') }),
    now: at(60),
    phase: 'Promoted',
    reason: Reasons.Promoted,
    weight: 100,
    actions: ['SetWeight(100)'],
  },
  {
    name: 'a passing analysis that holds the step (pause) still ends the inconclusive streak',
    state: progressing(0, { inconclusiveChecks: 2, lastAnalysisAt: iso(60) }),
    obs: obs({
      policy: {
        ...policy,
        steps: [{ stage: 'Canary', weight: 10, pauseMs: 600_000 }, ...policy.steps.slice(1)],
      },
      observedWeight: 10,
      analysis: run('Passed'),
    }),
    now: at(120),
    phase: 'Progressing',
    reason: Reasons.StepHeld,
    step: 0,
    inconclusiveChecks: 0,
    actions: [],
  },
  {
    name: 'RollingBack after a bake failure re-sends the restore until weight 0',
    state: baking({
      phase: 'RollingBack',
      reason: Reasons.BakeFailed,
      canaryWeight: 0,
    }),
    obs: obs({ stableVersion: 'v2', observedWeight: 100 }),
    now: at(61),
    phase: 'RollingBack',
    actions: ['RestorePreviousStable'],
  },
  {
    name: 'a promoted version becomes Superseded when a newer one is stable',
    state: baking({ finishedAt: iso(300) }),
    obs: obs({ stableVersion: 'v3', supersededBy: 'v3', observedWeight: 0 }),
    now: at(4000),
    phase: 'Superseded',
    reason: Reasons.SupersededByNewerVersion,
  },
  {
    name: 'a promoted version taken out by an AIModel rollback is RolledBack',
    state: baking({ finishedAt: iso(300) }),
    obs: obs({ stableVersion: 'v1', observedWeight: 0 }),
    now: at(400),
    phase: 'RolledBack',
    reason: Reasons.StableRolledBack,
  },
  {
    name: 'a stale read of the stable alone does not end a fresh promotion',
    state: baking(),
    obs: obs({ stableVersion: 'v1', observedWeight: 100 }),
    now: at(1),
    phase: 'Promoted',
  },
  {
    name: 'supersede mid-step: the running canary rolls back',
    state: progressing(1, { failedChecks: 1, lastAnalysisAt: iso(60) }),
    obs: obs({ observedWeight: 25, supersededBy: 'v3', analysis: run('Passed') }),
    now: at(90),
    phase: 'RollingBack',
    reason: Reasons.SupersededByNewerVersion,
    actions: ['SetWeight(0)'],
  },
  {
    name: 'terminal phases stay put',
    state: state({ phase: 'RolledBack', reason: Reasons.FailureLimitExceeded }),
    obs: obs({ analysis: run('Passed') }),
    now: at(10_000),
    phase: 'RolledBack',
    actions: [],
  },
];

describe('decide: transitions', () => {
  it.each(transitions.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const d = decide(c.state, c.obs, c.now);
    expect(d.state.phase).toBe(c.phase);
    if (c.reason !== undefined) expect(d.state.reason).toBe(c.reason);
    if (c.step !== undefined) expect(d.state.currentStep).toBe(c.step);
    if (c.weight !== undefined) expect(d.state.canaryWeight).toBe(c.weight);
    if (c.actions !== undefined) expect(types(d)).toEqual(c.actions);
    if (c.failedChecks !== undefined) expect(d.state.failedChecks).toBe(c.failedChecks);
    if (c.inconclusiveChecks !== undefined) expect(d.state.inconclusiveChecks).toBe(c.inconclusiveChecks);
    if (c.pauseReason !== undefined) expect(d.state.pauseReason).toBe(c.pauseReason);
    if (c.phase !== 'Paused') expect(d.state.pauseReason).toBeUndefined();
    // Every transition says why, in status and as an Event.
    expect(d.state.message.length).toBeGreaterThan(0);
    if (d.state.phase !== c.state.phase) {
      expect(d.events.map((e) => e.message).join('\n')).toContain(d.state.message.split(';')[0]);
    }
  });
});

type PhaseName =
  | 'Pending'
  | 'Deploying'
  | 'Progressing'
  | 'Paused(Requested)'
  | 'Paused(ManualGate)'
  | 'Paused(Inconclusive)'
  | 'Paused(RouteNotAccepted)'
  | 'Promoted(baking)'
  | 'Promoted'
  | 'RollingBack'
  | 'RolledBack'
  | 'Failed'
  | 'Superseded';

const phaseStates: Record<PhaseName, RolloutState> = {
  Pending: state(),
  Deploying: state({ phase: 'Deploying', startedAt: iso(0) }),
  Progressing: progressing(1),
  'Paused(Requested)': paused('Requested'),
  'Paused(ManualGate)': paused('ManualGate'),
  'Paused(Inconclusive)': paused('Inconclusive'),
  // The matrix observes no refusal: the route is served again by the time the request is read.
  'Paused(RouteNotAccepted)': paused('RouteNotAccepted'),
  'Promoted(baking)': baking(),
  Promoted: baking({ finishedAt: iso(300) }),
  RollingBack: progressing(1, { phase: 'RollingBack', canaryWeight: 0, reason: Reasons.Aborted }),
  RolledBack: state({ phase: 'RolledBack', reason: Reasons.FailureLimitExceeded, failedChecks: 2 }),
  Failed: state({ phase: 'Failed', reason: Reasons.ProgressDeadlineExceeded }),
  Superseded: state({ phase: 'Superseded', reason: Reasons.SupersededByNewerVersion }),
};

/** Resulting phase of an accepted action, or 'Rejected'. */
const R = 'Rejected';
const matrix: Record<PhaseName, Record<'promote' | 'abort' | 'pause' | 'resume' | 'retry', string>> = {
  Pending: { promote: R, abort: 'RollingBack', pause: R, resume: R, retry: R },
  Deploying: { promote: R, abort: 'RollingBack', pause: R, resume: R, retry: R },
  Progressing: { promote: 'Promoted', abort: 'RollingBack', pause: 'Paused', resume: R, retry: R },
  'Paused(Requested)': {
    promote: 'Promoted',
    abort: 'RollingBack',
    pause: R,
    resume: 'Progressing',
    retry: R,
  },
  'Paused(ManualGate)': { promote: 'Promoted', abort: 'RollingBack', pause: R, resume: R, retry: R },
  'Paused(Inconclusive)': {
    promote: 'Promoted',
    abort: 'RollingBack',
    pause: 'Paused',
    resume: 'Progressing',
    retry: R,
  },
  'Paused(RouteNotAccepted)': {
    promote: 'Promoted',
    abort: 'RollingBack',
    pause: 'Paused',
    resume: 'Progressing',
    retry: R,
  },
  'Promoted(baking)': { promote: R, abort: 'RollingBack', pause: R, resume: R, retry: R },
  Promoted: { promote: R, abort: R, pause: R, resume: R, retry: R },
  RollingBack: { promote: R, abort: R, pause: R, resume: R, retry: R },
  RolledBack: { promote: R, abort: R, pause: R, resume: R, retry: 'Pending' },
  Failed: { promote: R, abort: R, pause: R, resume: R, retry: 'Pending' },
  Superseded: { promote: R, abort: R, pause: R, resume: R, retry: R },
};

const actionCases = Object.entries(matrix).flatMap(([phase, row]) =>
  Object.entries(row).map(([action, expected]) => [phase as PhaseName, action, expected] as const),
);

describe('decide: actions in every phase', () => {
  it.each(actionCases)('%s + %s → %s', (phase, action, expected) => {
    const s = phaseStates[phase];
    const weight = phase.startsWith('Promoted') ? 100 : s.canaryWeight;
    const stableVersion = phase.startsWith('Promoted') ? 'v2' : 'v1';
    const d = decide(
      s,
      obs({ action, observedWeight: weight, stableVersion, canaryAvailable: false }),
      at(1),
    );
    // The request is always consumed and recorded, accepted or not, with a reason.
    expect(d.actions).toContainEqual({ type: 'ClearAction' });
    expect(d.action).toMatchObject({ name: action, time: iso(1) });
    expect(d.action?.reason.length).toBeGreaterThan(10);
    // Kept in state, so status.lastAction shows it after the annotation is gone.
    expect(d.state.lastAction).toEqual(d.action);
    if (expected === R) {
      expect(d.action?.result).toBe('Rejected');
      // Visible in status too, not only as an Event.
      expect(d.state.message).toContain(`(action '${action}' rejected: ${d.action?.reason})`);
      expect(d.events).toContainEqual(expect.objectContaining({ type: 'Warning', reason: 'ActionRejected' }));
    } else {
      expect(d.action?.result).toBe('Accepted');
      expect(d.state.phase).toBe(expected);
    }
  });

  it('rejects an unknown action naming the valid ones', () => {
    const d = decide(progressing(1), obs({ action: 'rollback', observedWeight: 25 }), at(1));
    expect(d.action).toMatchObject({ result: 'Rejected' });
    expect(d.action?.reason).toBe(
      "unknown action 'rollback'; use one of promote, abort, pause, resume, retry",
    );
    expect(d.state.phase).toBe('Progressing');
    // A second refusal replaces the first note instead of piling up.
    const again = decide(d.state, obs({ action: 'resume', observedWeight: 25 }), at(2));
    expect(again.state.message.match(/rejected/g)).toHaveLength(1);
    expect(again.state.message).toContain(
      "(action 'resume' rejected: the rollout is not paused (phase Progressing))",
    );
  });

  it('retry starts again from step one with a clean slate', () => {
    const d = decide(phaseStates.RolledBack, obs({ action: 'retry' }), at(1));
    expect(d.state).toMatchObject({ phase: 'Pending', currentStep: 0, failedChecks: 0, analysis: [] });
  });

  it('refuses to retry a version that a newer one superseded', () => {
    const s = state({ phase: 'RolledBack', reason: Reasons.SupersededByNewerVersion });
    const d = decide(s, obs({ action: 'retry', supersededBy: 'v3' }), at(1));
    expect(d.action).toMatchObject({ result: 'Rejected' });
    expect(d.action?.reason).toContain('v3');
  });

  it('a manual-mode version waits at the last step until promote', () => {
    let s = progressing(2);
    let d = decide(s, obs({ policy: manual, observedWeight: 50, analysis: run('Passed') }), at(60));
    s = d.state;
    expect(s).toMatchObject({ phase: 'Paused', pauseReason: 'ManualGate' });
    for (let i = 2; i <= 5; i++) {
      d = decide(s, obs({ policy: manual, observedWeight: 50, analysis: run('Passed') }), at(60 * i));
      s = d.state;
      expect(s.phase).toBe('Paused');
      expect(d.actions).toEqual([]);
    }
    d = decide(s, obs({ policy: manual, observedWeight: 50, action: 'promote' }), at(400));
    expect(d.state.phase).toBe('Promoted');
    expect(types(d)).toEqual(['ClearAction', 'SetWeight(100)']);
  });
});

describe('decide: analysis bookkeeping', () => {
  it('records every check with query, value, threshold, window and verdict, and emits an Event each', () => {
    const d = decide(progressing(0), obs({ observedWeight: 10, analysis: run('Passed') }), at(60));
    expect(d.state.analysis).toEqual([
      { time: iso(60), step: 0, weight: 10, verdict: 'Passed', checks: [check('Passed')] },
    ]);
    const event = d.events.find((e) => e.reason === 'AnalysisPassed');
    expect(event?.message).toContain('error-rate: Passed');
    expect(event?.message).toContain('threshold max 0.01');
    expect(event?.message).toContain('window 1m');
    expect(event?.message).toContain('ai_inference_requests_total');
  });

  it('keeps only the most recent analyses', () => {
    let s = progressing(0, { phase: 'Paused', pauseReason: 'Requested' });
    const runs = DefaultAnalysisHistory + 5;
    for (let i = 1; i <= runs; i++) {
      s = decide(s, obs({ observedWeight: 10, analysis: run('Passed') }), at(60 * i)).state;
    }
    expect(s.analysis).toHaveLength(DefaultAnalysisHistory);
    expect(s.analysis.at(-1)?.time).toBe(iso(60 * runs));
    expect(s.analysis[0]?.time).toBe(iso(60 * 6));
  });

  it('analysisDue follows the interval from the last analysis or the step start', () => {
    expect(analysisDue(progressing(0), policy, at(59))).toBe(false);
    expect(analysisDue(progressing(0), policy, at(60))).toBe(true);
    expect(analysisDue(progressing(0, { lastAnalysisAt: iso(60) }), policy, at(119))).toBe(false);
    expect(analysisDue(baking(), policy, at(60))).toBe(true);
    expect(analysisDue(baking({ finishedAt: iso(300) }), policy, at(600))).toBe(false);
    expect(analysisDue(state({ phase: 'Deploying' }), policy, at(600))).toBe(false);
  });

  it('asks to come back when the next analysis is due', () => {
    const d = decide(progressing(1, { lastAnalysisAt: iso(30) }), obs({ observedWeight: 25 }), at(60));
    expect(d.requeueAfterMs).toBe(30_000);
  });
});

describe('decide: bake', () => {
  it('with bakeDuration 0s the promotion is final at once: finishedAt set, no analysis due', () => {
    const noBake = { ...policy, bakeWindowMs: 0 };
    const d = decide(
      progressing(2),
      obs({ policy: noBake, observedWeight: 50, analysis: run('Passed') }),
      at(60),
    );
    expect(d.state).toMatchObject({ phase: 'Promoted', promotedAt: iso(60), finishedAt: iso(60) });
    expect(d.state.message).not.toContain('baking');
    expect(analysisDue(d.state, noBake, at(600))).toBe(false);
  });

  it('with a bake the promotion says until when, and analyses stay due one interval apart', () => {
    const d = decide(progressing(2), obs({ observedWeight: 50, analysis: run('Passed') }), at(60));
    expect(d.state.finishedAt).toBeUndefined();
    expect(d.state.bakeUntil).toBe(iso(360));
    expect(d.state.message).toContain(`baking at 100% until ${iso(360)}`);
    expect(analysisDue(d.state, policy, at(119))).toBe(false);
    expect(analysisDue(d.state, policy, at(120))).toBe(true);
  });
});

describe('decide: bake end is fixed at promotion', () => {
  const shorter = { ...policy, bakeWindowMs: 60_000 };
  it.each([
    ['recorded bakeUntil wins over a policy shortened meanwhile', { bakeUntil: iso(300) }, 120, 'Promoted'],
    ['the bake ends exactly at bakeUntil', { bakeUntil: iso(300) }, 300, 'BakeSucceeded'],
    ['a status from before bakeUntil existed uses the policy', {}, 120, 'BakeSucceeded'],
  ] as const)('%s', (_name, over, seconds, reason) => {
    const d = decide(
      baking({ lastAnalysisAt: iso(seconds - 30), analysis: [bakeRecord(seconds - 30, 'Passed')], ...over }),
      obs({ policy: shorter, stableVersion: 'v2', observedWeight: 100 }),
      at(seconds),
    );
    expect(d.state.reason).toBe(reason);
    expect(d.state.finishedAt === undefined).toBe(reason !== 'BakeSucceeded');
  });
});

describe('decide: bake reports', () => {
  it.each([
    [
      'two passes',
      [bakeRecord(60, 'Passed'), bakeRecord(120, 'Passed')],
      'BakeSucceeded',
      '2 of 2 analyses passed',
    ],
    ['only inconclusive', [bakeRecord(60, 'Inconclusive')], 'BakeInconclusive', '(1 inconclusive)'],
    ['no analysis at all', [], 'BakeInconclusive', 'ended before its first analysis (interval 1m)'],
  ] as const)('%s', (_name, analysis, reason, text) => {
    const d = decide(
      baking({ lastAnalysisAt: iso(290), analysis: [...analysis] }),
      obs({ stableVersion: 'v2', observedWeight: 100 }),
      at(300),
    );
    expect(d.state).toMatchObject({ phase: 'Promoted', reason, finishedAt: iso(300) });
    expect(d.state.message).toContain(text);
    expect(d.events).toEqual([
      expect.objectContaining({ type: reason === 'BakeSucceeded' ? 'Normal' : 'Warning', reason }),
    ]);
  });
});

describe('decide: retry', () => {
  it('after a failed bake starts clean: no trace of the earlier promotion or analyses', () => {
    const failedBake = baking({
      phase: 'RolledBack',
      reason: Reasons.BakeFailed,
      canaryWeight: 0,
      bakeUntil: iso(300),
      finishedAt: iso(90),
      failedChecks: 1,
    });
    const d = decide(failedBake, obs({ action: 'retry', stableVersion: 'v1' }), at(100));
    expect(d.state).toEqual({
      ...initialState('v2'),
      reason: Reasons.Retried,
      message: 'retrying version v2 from step one',
      lastAction: d.action,
    });
    // A failure of the retried canary takes its weight away; it does not restore a "previous stable".
    const failing = progressing(0, { lastAnalysisAt: iso(200) });
    const retried = decide(
      { ...d.state, ...failing, failedChecks: 1 },
      obs({ observedWeight: 10, analysis: run('Failed') }),
      at(260),
    );
    expect(retried.state.phase).toBe('RollingBack');
    expect(types(retried)).toEqual(['SetWeight(0)']);
  });
});

describe('decide: progress deadline', () => {
  it('counts from the later of the step start and the last passing analysis', () => {
    const passAt = (t: number) => ({
      time: iso(t),
      step: 0,
      weight: 10,
      verdict: 'Passed' as const,
      checks: [],
    });
    expect(progressAt(progressing(0))).toBe(T0);
    expect(progressAt(progressing(0, { analysis: [passAt(500)] }))).toBe(T0 + 500_000);
    expect(progressAt(progressing(0, { analysis: [passAt(-500)] }))).toBe(T0);
    expect(progressAt(state({ phase: 'Deploying', startedAt: iso(7) }))).toBe(T0 + 7000);
  });

  it('a resume restarts the step clock, so a long pause does not trip the deadline', () => {
    const s = paused('Requested', { stepStartedAt: iso(0) });
    const d = decide(s, obs({ observedWeight: 50, action: 'resume' }), at(7200));
    expect(d.state).toMatchObject({ phase: 'Progressing', stepStartedAt: iso(7200) });
    const later = decide(d.state, obs({ observedWeight: 50 }), at(7260));
    expect(later.state.phase).toBe('Progressing');
  });
});

describe('decide: supersede', () => {
  it('a newer version restarts from step one and never uses the old version’s analysis', () => {
    // v2 is at step 1 when v3 arrives; v2 rolls back first.
    const old = decide(progressing(1), obs({ observedWeight: 25, supersededBy: 'v3' }), at(10));
    expect(old.state).toMatchObject({ phase: 'RollingBack', reason: Reasons.SupersededByNewerVersion });

    let s = initialState('v3');
    const v3obs = (over: Partial<Observations> = {}) => obs({ stableVersion: 'v1', ...over });
    s = decide(s, v3obs({ waitingFor: 'v2' }), at(11)).state;
    expect(s.phase).toBe('Pending');
    s = decide(s, v3obs({ canaryAvailable: false }), at(20)).state;
    expect(s.phase).toBe('Deploying');
    s = decide(s, v3obs(), at(30)).state;
    expect(s).toMatchObject({
      phase: 'Progressing',
      currentStep: 0,
      canaryWeight: 10,
      failedChecks: 0,
      analysis: [],
    });
    // A late result for v2 handed to v3 is discarded, not counted.
    const d = decide(s, v3obs({ observedWeight: 10, analysis: run('Passed', 'v2') }), at(90));
    expect(d.state.currentStep).toBe(0);
    expect(d.state.analysis).toEqual([]);
    expect(d.events).toContainEqual(expect.objectContaining({ reason: Reasons.AnalysisDiscarded }));
  });

  it('rejects an action that arrives together with the supersede', () => {
    const d = decide(
      progressing(1),
      obs({ observedWeight: 25, supersededBy: 'v3', action: 'promote' }),
      at(10),
    );
    expect(d.state.phase).toBe('RollingBack');
    expect(d.action).toMatchObject({ name: 'promote', result: 'Rejected' });
  });
});

describe('decide: restarts are idempotent', () => {
  /** Runs decide, then "crashes" before the status write: the old state with the new weights. */
  function crashAfterWeights(s: RolloutState, o: Observations, now: Date, later: Date): [Decision, Decision] {
    const first = decide(s, o, now);
    const weight = first.actions.findLast((a) => a.type === 'SetWeight');
    const observedWeight = weight?.type === 'SetWeight' ? weight.weight : o.observedWeight;
    const again = decide(s, { ...o, analysis: undefined, observedWeight }, later);
    return [first, again];
  }

  it.each([
    ['a step advance', progressing(0), obs({ observedWeight: 10, analysis: run('Passed') })],
    ['the promotion', progressing(2), obs({ observedWeight: 50, analysis: run('Passed') })],
    ['the first step', state({ phase: 'Deploying', startedAt: iso(0) }), obs()],
  ])('completes %s the router already shows, without a new analysis', (_name, s, o) => {
    const [first, again] = crashAfterWeights(s, o, at(60), at(75));
    expect(again.state.phase).toBe(first.state.phase);
    expect(again.state.currentStep).toBe(first.state.currentStep);
    expect(again.state.canaryWeight).toBe(first.state.canaryWeight);
    expect(again.actions.filter((a) => a.type === 'SetWeight')).toEqual([]);
    expect(again.state.analysis).toHaveLength(s.analysis.length);
  });

  it('deciding again on its own output with the weights applied changes nothing', () => {
    const first = decide(progressing(0), obs({ observedWeight: 10, analysis: run('Passed') }), at(60));
    const again = decide(first.state, obs({ observedWeight: first.state.canaryWeight }), at(60));
    expect(again.state).toEqual(first.state);
    expect(again.actions).toEqual([]);
    expect(again.events).toEqual([]);
  });

  it('walks a whole healthy rollout one interval at a time without skipping a step', () => {
    let s = decide(state(), obs({ canaryAvailable: false }), at(0)).state;
    let weight = 0;
    const seen: number[] = [];
    for (let t = 1; s.phase !== 'Promoted' && t < 100; t++) {
      const now = at(t * 30);
      const o = obs({ observedWeight: weight });
      const d = decide(s, analysisDue(s, policy, now) ? { ...o, analysis: run('Passed') } : o, now);
      for (const a of d.actions) if (a.type === 'SetWeight') weight = a.weight;
      if (d.state.canaryWeight !== s.canaryWeight) seen.push(d.state.canaryWeight);
      s = d.state;
    }
    expect(seen).toEqual([10, 25, 50, 100]);
    expect(s.finishedAt).toBeUndefined(); // still baking
  });
});

describe('decide: a failed analysis is confirmed after a quarter interval', () => {
  /** Step 1 at T0; its first analysis (at 60s) fails, within failureLimit 1. */
  const failedOnce = (p: EffectivePolicy = policy): Decision =>
    decide(progressing(1), obs({ policy: p, observedWeight: 25, analysis: run('Failed') }), at(60));

  it.each([
    ['1m → a quarter, 15s', 60_000, 15_000],
    ['5s → 1.25s', 5_000, 1_250],
    ['2s → the 1s floor', 2_000, 1_000],
    ['500ms → never longer than the interval', 500, 500],
  ])('confirmationDelayMs: %s', (_name, interval, delay) => {
    expect(confirmationDelayMs(interval)).toBe(delay);
  });

  interface ConfirmationCase {
    readonly name: string;
    readonly verdict: Verdict;
    readonly phase: string;
    readonly reason: string;
    readonly step: number;
    readonly failedChecks: number;
    /** When the analysis after the confirmation is due (seconds after T0); undefined once rolling back. */
    readonly nextDue?: number;
  }
  const cases: ConfirmationCase[] = [
    {
      name: 'failure then quick confirmation → rollback',
      verdict: 'Failed',
      phase: 'RollingBack',
      reason: Reasons.FailureLimitExceeded,
      step: 1,
      failedChecks: 2,
    },
    {
      name: 'failure then pass on confirmation → continue at the normal cadence, without advancing',
      verdict: 'Passed',
      phase: 'Progressing',
      reason: Reasons.FailureNotConfirmed,
      step: 1,
      failedChecks: 1,
      nextDue: 75 + 60,
    },
    {
      name: 'failure then inconclusive confirmation → counted as inconclusive, next one a full interval later',
      verdict: 'Inconclusive',
      phase: 'Progressing',
      reason: Reasons.AnalysisInconclusive,
      step: 1,
      failedChecks: 1,
      nextDue: 75 + 60,
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const failed = failedOnce();
    expect(failed.state.reason).toBe(Reasons.AnalysisFailed);
    expect(failed.state.message).toContain('confirming in 15s');
    expect(failed.requeueAfterMs).toBe(15_000);
    expect(analysisDue(failed.state, policy, at(74.999))).toBe(false);
    expect(analysisDue(failed.state, policy, at(75))).toBe(true);

    const d = decide(failed.state, obs({ observedWeight: 25, analysis: run(c.verdict) }), at(75));
    expect(d.state.phase).toBe(c.phase);
    expect(d.state.reason).toBe(c.reason);
    expect(d.state.currentStep).toBe(c.step);
    expect(d.state.failedChecks).toBe(c.failedChecks);
    expect(d.state.analysis.map((a) => [a.time, a.verdict])).toEqual([
      [iso(60), 'Failed'],
      [iso(75), c.verdict],
    ]);
    if (c.nextDue === undefined) {
      expect(types(d)).toEqual(['SetWeight(0)']);
      return;
    }
    expect(types(d)).toEqual([]);
    expect(awaitingConfirmation(d.state)).toBe(false);
    expect(analysisDue(d.state, policy, at(c.nextDue - 0.001))).toBe(false);
    expect(analysisDue(d.state, policy, at(c.nextDue))).toBe(true);
    expect(d.requeueAfterMs).toBe((c.nextDue - 75) * 1000);
  });

  it('a pass at the normal cadence after an unconfirmed failure advances the step', () => {
    const cleared = decide(failedOnce().state, obs({ observedWeight: 25, analysis: run('Passed') }), at(75));
    const d = decide(cleared.state, obs({ observedWeight: 25, analysis: run('Passed') }), at(135));
    expect(d.state.reason).toBe(Reasons.StepAdvanced);
    expect(d.state.currentStep).toBe(2);
    expect(types(d)).toEqual(['SetWeight(50)']);
  });

  it('an inconclusive analysis is not confirmed early: the next one is a full interval later', () => {
    const d = decide(progressing(1), obs({ observedWeight: 25, analysis: run('Inconclusive') }), at(60));
    expect(awaitingConfirmation(d.state)).toBe(false);
    expect(analysisDue(d.state, policy, at(119))).toBe(false);
    expect(d.requeueAfterMs).toBe(60_000);
  });

  it('a result that arrives before the confirmation is due is ignored', () => {
    const failed = failedOnce();
    const d = decide(failed.state, obs({ observedWeight: 25, analysis: run('Failed') }), at(70));
    expect(d.state).toEqual(failed.state);
    expect(d.requeueAfterMs).toBe(5_000);
  });

  it('with failureLimit 2 each failure is confirmed in turn: rollback on the third, 30s after the first', () => {
    const p = { ...policy, failureLimit: 2 };
    let s = failedOnce(p).state;
    for (const t of [75, 90]) {
      s = decide(s, obs({ policy: p, observedWeight: 25, analysis: run('Failed') }), at(t)).state;
    }
    expect(s.phase).toBe('RollingBack');
    expect(s.failedChecks).toBe(3);
    expect(s.analysis.map((a) => a.time)).toEqual([iso(60), iso(75), iso(90)]);
  });

  it('the confirmation is scheduled from status alone, so it survives a restart of the operator', () => {
    const failed = failedOnce().state;
    // Written to status and read back, as a restarted operator reads it.
    const written = statusFromState(failed, undefined, { nowMs: at(60).getTime() });
    const reread = stateFromStatus('v2', JSON.parse(JSON.stringify(written)) as ModelVersionStatus);
    expect(awaitingConfirmation(reread)).toBe(true);
    expect(decide(reread, obs({ observedWeight: 25 }), at(62)).requeueAfterMs).toBe(13_000);
  });

  it('a failure during the bake still rolls back at once, with no confirmation', () => {
    const d = decide(
      baking(),
      obs({ stableVersion: 'v2', observedWeight: 100, analysis: run('Failed') }),
      at(60),
    );
    expect(d.state.phase).toBe('RollingBack');
    expect(d.state.reason).toBe(Reasons.BakeFailed);
  });
});

describe('decide: a route the gateway does not accept', () => {
  const refusal = {
    reason: 'NotAllowedByListeners',
    message:
      'HTTPRoute suoke-ai/xiaoai: Gateway infra/public does not accept the route: NotAllowedByListeners: no listener allows routes from namespace suoke-ai',
  };
  const refused = (over: Partial<Observations> = {}) => obs({ routeRefused: refusal, ...over });
  /** Step 1 (weight 25) paused on the refused route at 30s, its last analysis at 20s. */
  const routePaused = (over: Partial<RolloutState> = {}) =>
    decide(progressing(1, { lastAnalysisAt: iso(20), ...over }), refused({ observedWeight: 25 }), at(30))
      .state;
  const conditionOf = (s: RolloutState, type: string) =>
    statusFromState(s, undefined, { nowMs: T0 }).conditions?.find((c) => c.type === type);

  it('pauses a Progressing rollout with the gateway’s words, once, leaving the weights and the analysis alone', () => {
    // Due and passing, with the step held long enough: it would advance if the route were served.
    const s = progressing(1);
    const d = decide(s, refused({ observedWeight: 20, analysis: run('Passed') }), at(60));
    expect(d.state).toMatchObject({
      phase: 'Paused',
      pauseReason: 'RouteNotAccepted',
      reason: Reasons.RouteNotAccepted,
      currentStep: 1,
      canaryWeight: 25,
      failedChecks: 0,
      analysis: [],
    });
    expect(d.state.lastAnalysisAt).toBeUndefined();
    expect(d.state.message).toBe(
      `${refusal.message}; paused at step 1 (weight 25) with no analysis; the rollout resumes by itself once the gateway accepts the route`,
    );
    // No SetWeight, not even to correct the drifted 20%: a refused route is no failure of the version.
    expect(d.actions).toEqual([]);
    expect(d.events).toEqual([
      { type: 'Warning', reason: Reasons.RouteNotAccepted, message: d.state.message },
    ]);
  });

  it('stays paused without Events, analyses or a deadline while the route is refused, however long', () => {
    let s = routePaused();
    for (const t of [60, 120, 600, 3600, 36_000]) {
      const d = decide(s, refused({ observedWeight: 25, analysis: run('Failed') }), at(t));
      expect(d.state).toEqual(s);
      expect(d.actions).toEqual([]);
      expect(d.events).toEqual([]);
      // Nothing is due: the route's status change brings the next pass (the controller watches it).
      expect(d.requeueAfterMs).toBeUndefined();
      s = d.state;
    }
  });

  it('the same pause read back from status after a restart is just as quiet', () => {
    const s = routePaused();
    const read = stateFromStatus('v2', statusFromState(s, undefined, { nowMs: T0 }));
    expect(read).toMatchObject({ phase: 'Paused', pauseReason: 'RouteNotAccepted', message: s.message });
    const d = decide(read, refused({ observedWeight: 25 }), at(90));
    expect(d.events).toEqual([]);
    expect(d.state.message).toBe(s.message);
  });

  it('reports a different refusal once, staying paused', () => {
    const s = routePaused();
    const other = {
      reason: 'NoMatchingParent',
      message: 'HTTPRoute suoke-ai/xiaoai: Gateway infra/public has no listener on port 8080',
    };
    const d = decide(s, obs({ routeRefused: other, observedWeight: 25 }), at(60));
    expect(d.state).toMatchObject({ phase: 'Paused', pauseReason: 'RouteNotAccepted' });
    expect(d.state.message).toMatch(
      /^HTTPRoute suoke-ai\/xiaoai: Gateway infra\/public has no listener on port 8080; /,
    );
    expect(d.events).toEqual([
      { type: 'Warning', reason: Reasons.RouteNotAccepted, message: d.state.message },
    ]);
    expect(decide(d.state, obs({ routeRefused: other, observedWeight: 25 }), at(61)).events).toEqual([]);
  });

  it('resumes by itself once the route is served, the step’s time, deadline and analyses counted from then', () => {
    const s = routePaused({ failedChecks: 1, inconclusiveChecks: 1 });
    // Served again two hours later: no deadline fired meanwhile.
    const back = decide(s, obs({ observedWeight: 25, analysis: run('Passed') }), at(7200));
    expect(back.state).toMatchObject({
      phase: 'Progressing',
      reason: Reasons.RouteAccepted,
      currentStep: 1,
      canaryWeight: 25,
      stepStartedAt: iso(7200),
      // A failure before the refusal still counts; the inconclusive streak does not go on.
      failedChecks: 1,
      inconclusiveChecks: 0,
      analysis: [],
    });
    expect(back.state.pauseReason).toBeUndefined();
    expect(back.state.lastAnalysisAt).toBeUndefined();
    expect(back.state.message).toBe(
      "the gateway accepts the route again; resuming at step 1 (weight 25), the step's time and analyses counted from now",
    );
    expect(back.events).toEqual([
      { type: 'Normal', reason: Reasons.RouteAccepted, message: back.state.message },
    ]);
    expect(back.actions).toEqual([]);

    // The first analysis is one interval after the route is served, its window all served traffic.
    expect(analysisDue(back.state, policy, at(7259))).toBe(false);
    expect(analysisDue(back.state, policy, at(7260))).toBe(true);
    const early = decide(back.state, obs({ observedWeight: 25, analysis: run('Passed') }), at(7230));
    expect(early.state.currentStep).toBe(1);
    expect(early.state.analysis).toEqual([]);
    const next = decide(back.state, obs({ observedWeight: 25, analysis: run('Passed') }), at(7260));
    expect(next.state).toMatchObject({ phase: 'Progressing', currentStep: 2, canaryWeight: 50 });
    expect(types(next)).toEqual(['SetWeight(50)']);
  });

  it('a step’s pause counts from when the route is served again', () => {
    const held: EffectivePolicy = {
      ...policy,
      steps: policy.steps.map((step) => ({ ...step, pauseMs: 300_000 })),
    };
    const s = decide(
      progressing(1),
      obs({ policy: held, routeRefused: refusal, observedWeight: 25 }),
      at(200),
    ).state;
    const back = decide(s, obs({ policy: held, observedWeight: 25 }), at(1000)).state;
    // 1060s is 18 minutes after the step began, but one minute after the route was served.
    const d = decide(back, obs({ policy: held, observedWeight: 25, analysis: run('Passed') }), at(1060));
    expect(d.state).toMatchObject({ phase: 'Progressing', currentStep: 1, reason: Reasons.StepHeld });
    const done = decide(
      d.state,
      obs({ policy: held, observedWeight: 25, analysis: run('Passed') }),
      at(1300),
    );
    expect(done.state).toMatchObject({ currentStep: 2 });
  });

  it('the progress deadline counts from when the route is served again', () => {
    const back = decide(routePaused(), obs({ observedWeight: 25 }), at(5000)).state;
    expect(decide(back, obs({ observedWeight: 25 }), at(5599)).state.phase).toBe('Progressing');
    expect(decide(back, obs({ observedWeight: 25 }), at(5600)).state).toMatchObject({
      phase: 'RollingBack',
      reason: Reasons.ProgressDeadlineExceeded,
    });
  });

  it('replaces an inconclusive pause, which resumed by itself on data there is none of now', () => {
    const d = decide(
      paused('Inconclusive', { inconclusiveChecks: 3 }),
      refused({ observedWeight: 50 }),
      at(60),
    );
    expect(d.state).toMatchObject({
      phase: 'Paused',
      pauseReason: 'RouteNotAccepted',
      reason: Reasons.RouteNotAccepted,
    });
    expect(d.events.map((e) => e.type)).toEqual(['Warning']);
  });

  it.each([
    ['Requested', "still paused by request at step 2 (weight 50) until 'resume'"],
    ['ManualGate', "still waiting at the manual gate for 'promote'"],
  ] as const)(
    'keeps a pause a person asked for (%s), reporting the refusal and its end in the message',
    (reason, held) => {
      const s = paused(reason, { lastAnalysisAt: iso(30), message: 'held' });
      const d = decide(s, refused({ observedWeight: 50, analysis: run('Failed') }), at(60));
      expect(d.state).toMatchObject({ phase: 'Paused', pauseReason: reason, failedChecks: 0, analysis: [] });
      expect(d.state.message).toBe(
        `${refusal.message}; no analysis runs while the route is refused; ${held}`,
      );
      expect(d.events).toEqual([
        { type: 'Warning', reason: Reasons.RouteNotAccepted, message: d.state.message },
      ]);
      expect(d.actions).toEqual([]);
      expect(d.requeueAfterMs).toBeUndefined();

      // Read back from status (whose condition names the person's pause, not the refusal): still quiet.
      const status = statusFromState(d.state, undefined, { nowMs: T0 });
      expect(status.conditions?.find((c) => c.type === 'Progressing')?.reason).toBe(
        reason === 'Requested' ? 'PausedByRequest' : 'ManualGate',
      );
      const read = stateFromStatus('v2', status);
      const again = decide(read, refused({ observedWeight: 50 }), at(120));
      expect(again.events).toEqual([]);
      expect(again.state.message).toBe(d.state.message);

      // Served again: still the person's pause, saying so; its analyses count from now.
      const served = decide(read, obs({ observedWeight: 50, analysis: run('Passed') }), at(600));
      expect(served.state).toMatchObject({
        phase: 'Paused',
        pauseReason: reason,
        stepStartedAt: iso(600),
        analysis: [],
      });
      expect(served.state.message).toBe(`the gateway accepts the route again; ${held}`);
      expect(served.events).toEqual([
        { type: 'Normal', reason: Reasons.RouteAccepted, message: served.state.message },
      ]);
      expect(decide(served.state, obs({ observedWeight: 50 }), at(601)).events).toEqual([]);
    },
  );

  it('a resume while the route is refused waits for the gateway instead; on a RouteNotAccepted pause it is refused', () => {
    const requested = decide(paused('Requested'), refused({ observedWeight: 50, action: 'resume' }), at(60));
    expect(requested.action).toMatchObject({ result: 'Accepted' });
    expect(requested.state).toMatchObject({ phase: 'Paused', pauseReason: 'RouteNotAccepted' });
    expect(requested.events.map((e) => e.reason)).toEqual([
      Reasons.ActionAccepted,
      Reasons.Resumed,
      Reasons.RouteNotAccepted,
    ]);

    const waiting = decide(routePaused(), refused({ observedWeight: 25, action: 'resume' }), at(60));
    expect(waiting.action).toMatchObject({
      result: 'Rejected',
      reason:
        'the route is not accepted (NotAllowedByListeners); the rollout resumes by itself once the gateway accepts it',
    });
    expect(waiting.state).toMatchObject({ phase: 'Paused', pauseReason: 'RouteNotAccepted' });
  });

  it('a pause requested while the route is refused holds it past the refusal', () => {
    const d = decide(routePaused(), refused({ observedWeight: 25, action: 'pause' }), at(60));
    expect(d.action).toMatchObject({ result: 'Accepted' });
    expect(d.state).toMatchObject({
      phase: 'Paused',
      pauseReason: 'Requested',
      reason: Reasons.RouteNotAccepted,
    });
    expect(d.state.message).toContain(refusal.message);
    const served = decide(d.state, obs({ observedWeight: 25 }), at(120));
    expect(served.state).toMatchObject({ phase: 'Paused', pauseReason: 'Requested' });
  });

  it('a resume of the RouteNotAccepted pause once the route is served again restarts the analyses as well', () => {
    const d = decide(routePaused(), obs({ observedWeight: 25, action: 'resume' }), at(600));
    expect(d.state).toMatchObject({ phase: 'Progressing', stepStartedAt: iso(600) });
    expect(d.state.lastAnalysisAt).toBeUndefined();
  });

  it('leaves Deploying alone: the first weight is written whatever the gateway says', () => {
    const d = decide(state({ phase: 'Deploying', startedAt: iso(0) }), refused(), at(30));
    expect(d.state).toMatchObject({ phase: 'Progressing', currentStep: 0, canaryWeight: 10 });
    expect(types(d)).toEqual(['SetWeight(10)']);
  });

  it('status says it: Progressing False and Degraded True with reason RouteNotAccepted and the message', () => {
    const s = routePaused();
    expect(conditionOf(s, 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'RouteNotAccepted',
      message: s.message,
    });
    expect(conditionOf(s, 'Degraded')).toMatchObject({
      status: 'True',
      reason: 'RouteNotAccepted',
      message: s.message,
    });
    expect(statusFromState(s, undefined, { nowMs: T0 }).pauseReason).toBe('RouteNotAccepted');
    // Served again: progressing, nothing degraded.
    const back = decide(s, obs({ observedWeight: 25 }), at(60)).state;
    expect(conditionOf(back, 'Progressing')).toMatchObject({ status: 'True', reason: 'RouteAccepted' });
    expect(conditionOf(back, 'Degraded')).toMatchObject({ status: 'False', reason: 'AsExpected' });
    // A person's pause with the route refused is the person's: not Degraded.
    const held = decide(paused('Requested'), refused({ observedWeight: 50 }), at(60)).state;
    expect(conditionOf(held, 'Degraded')).toMatchObject({ status: 'False' });
  });
});
