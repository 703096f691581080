import type { EvaluationPolicy, EvaluationRunStatus, PromotionPolicy } from '../../crds/api/index.js';
import { analysisDue } from '../../operators/rollout/analysis-bookkeeping.js';
import { decide, initialState } from '../../operators/rollout/decide.js';
import { gateVerdict, MaxFailedCases } from '../../operators/rollout/evaluation-gate.js';
import { appendRun, MaxEvaluationRuns } from '../../operators/rollout/evaluation-runs.js';
import { resolvePolicy } from '../../operators/rollout/policy.js';
import { Reasons } from '../../operators/rollout/reasons.js';
import { stateFromStatus, statusFromState } from '../../operators/rollout/status.js';
import type {
  Decision,
  EffectivePolicy,
  EvaluationObservation,
  Observations,
  RolloutAction,
  RolloutState,
} from '../../operators/rollout/types.js';
import type { EvaluationResult, FailedCase, SideResult } from '../../runtime/eval/result.js';

const T0 = Date.parse('2026-01-01T12:00:00.000Z');
/** `s` seconds after T0. */
const at = (s: number): Date => new Date(T0 + s * 1000);
const iso = (s: number): string => at(s).toISOString();

const GOLDEN: EvaluationPolicy = {
  dataset: { configMapRef: { name: 'soer-golden-set' } },
  minPassRate: 0.8,
  maxDropVsStable: 0.1,
};
const promotion = (
  over: PromotionPolicy = {},
  evaluation: Partial<EvaluationPolicy> = {},
): PromotionPolicy => ({
  steps: [{ weight: 10 }, { weight: 50 }],
  interval: '1m',
  evaluation: { ...GOLDEN, ...evaluation },
  ...over,
});
const gated = resolvePolicy({ promotion: promotion() });
const atLastStep = resolvePolicy({ promotion: promotion({}, { atLastStep: true }) });
const manualAtLastStep = resolvePolicy({ promotion: promotion({ mode: 'Manual' }, { atLastStep: true }) });
const ungated = resolvePolicy({ promotion: { steps: [{ weight: 10 }, { weight: 50 }], interval: '1m' } });

const obs = (over: Partial<Observations> = {}): Observations => ({
  policy: gated,
  stableVersion: 'v1',
  canaryAvailable: true,
  observedWeight: 0,
  versionObjectName: 'soer-v2',
  ...over,
});
const firstVersion = (over: Partial<Observations> = {}): Observations =>
  obs({ stableVersion: undefined, ...over });

const state = (over: Partial<RolloutState> = {}): RolloutState => ({ ...initialState('v2'), ...over });
const deploying = (over: Partial<RolloutState> = {}): RolloutState =>
  state({ phase: 'Deploying', reason: Reasons.Deploying, startedAt: iso(-60), ...over });
const run = (over: Partial<EvaluationRunStatus> = {}): EvaluationRunStatus => ({
  gate: 'BeforeTraffic',
  attempt: 1,
  job: 'soer-v2-eval-pre-1',
  phase: 'Running',
  startedAt: iso(0),
  stableVersion: 'v1',
  ...over,
});
/** Evaluating before any traffic; its run started at T0. */
const evaluating = (
  over: Partial<RolloutState> = {},
  running: Partial<EvaluationRunStatus> = {},
): RolloutState =>
  deploying({ phase: 'Evaluating', reason: Reasons.EvaluationStarted, evaluations: [run(running)], ...over });
/** Evaluating at the last step (weight 50) after its analysis passed. */
const evaluatingLast = (over: Partial<RolloutState> = {}): RolloutState =>
  evaluating({
    currentStep: 1,
    canaryWeight: 50,
    stage: 'Canary',
    stepStartedAt: iso(-120),
    lastAnalysisAt: iso(-60),
    evaluations: [
      run({
        phase: 'Passed',
        startedAt: iso(-600),
        finishedAt: iso(-500),
        cases: 10,
        passed: 10,
        passRate: 1,
      }),
      run({ gate: 'LastStep', job: 'soer-v2-eval-last-1' }),
    ],
    ...over,
  });

const failed = (...ids: string[]): FailedCase[] =>
  ids.map((id) => ({ id, expectation: 'notContains', message: 'the answer contains "you have"' }));
const side = (version: string, cases: number, failedIds: string[] = []): SideResult => ({
  version,
  cases,
  passed: cases - failedIds.length,
  failed: failed(...failedIds),
});
const result = (target: SideResult, stable?: SideResult): EvaluationResult => ({
  format: 1,
  target,
  ...(stable === undefined ? {} : { stable }),
});
const finished = (
  outcome: Pick<EvaluationObservation, 'result' | 'failure'>,
  job = 'soer-v2-eval-pre-1',
): Pick<Observations, 'evaluation'> => ({ evaluation: { job, state: 'Finished', ...outcome } });
const passing = finished({ result: result(side('v2', 10, ['sleep']), side('v1', 10)) });
const failing = finished({ result: result(side('v2', 10, ['a', 'b', 'c']), side('v1', 10)) });

const types = (d: Decision): string[] =>
  d.actions.map((a: RolloutAction) => (a.type === 'SetWeight' ? `SetWeight(${a.weight})` : a.type));
const latest = (s: RolloutState): EvaluationRunStatus => s.evaluations.at(-1) as EvaluationRunStatus;

interface Row {
  readonly name: string;
  readonly state: RolloutState;
  readonly obs: Observations;
  readonly now: Date;
  readonly phase: string;
  readonly reason: string;
  readonly actions: string[];
  readonly weight?: number;
  readonly step?: number;
  readonly pauseReason?: string;
  /** The latest run afterwards. */
  readonly run?: Partial<EvaluationRunStatus>;
  /** The one Event, `Type Reason`. */
  readonly event?: string;
}

const rows: Row[] = [
  {
    name: 'Deploying → Evaluating before any traffic, beside the stable, with no route written',
    state: deploying(),
    obs: obs(),
    now: at(0),
    phase: 'Evaluating',
    reason: Reasons.EvaluationStarted,
    actions: [],
    weight: 0,
    run: {
      gate: 'BeforeTraffic',
      attempt: 1,
      job: 'soer-v2-eval-pre-1',
      phase: 'Running',
      startedAt: iso(0),
      stableVersion: 'v1',
    },
    event: 'Normal EvaluationStarted',
  },
  {
    name: 'a first version is evaluated too, with no stable beside it',
    state: deploying(),
    obs: firstVersion(),
    now: at(0),
    phase: 'Evaluating',
    reason: Reasons.EvaluationStarted,
    actions: [],
    run: { job: 'soer-v2-eval-pre-1', phase: 'Running', stableVersion: undefined },
    event: 'Normal EvaluationStarted',
  },
  {
    name: 'Deploying waits for Available before evaluating',
    state: deploying(),
    obs: obs({ canaryAvailable: false }),
    now: at(0),
    phase: 'Deploying',
    reason: Reasons.Deploying,
    actions: [],
  },
  {
    name: 'Evaluating holds while the Job runs',
    state: evaluating(),
    obs: obs({ evaluation: { job: 'soer-v2-eval-pre-1', state: 'Running' } }),
    now: at(300),
    phase: 'Evaluating',
    reason: Reasons.EvaluationStarted,
    actions: [],
    run: { phase: 'Running' },
  },
  {
    name: 'Passed with a stable → step 0, its weight written only now',
    state: evaluating(),
    obs: obs(passing),
    now: at(120),
    phase: 'Progressing',
    reason: Reasons.EvaluationPassed,
    actions: ['SetWeight(10)'],
    step: 0,
    weight: 10,
    run: {
      phase: 'Passed',
      cases: 10,
      passed: 9,
      passRate: 0.9,
      stableVersion: 'v1',
      stablePassRate: 1,
      finishedAt: iso(120),
    },
    event: 'Normal EvaluationPassed',
  },
  {
    name: 'Passed, first version → promoted without a bake',
    state: evaluating({}, { stableVersion: undefined }),
    obs: firstVersion(finished({ result: result(side('v2', 10, ['sleep'])) })),
    now: at(120),
    phase: 'Promoted',
    reason: Reasons.EvaluationPassed,
    actions: ['SetWeight(100)'],
    weight: 100,
    run: { phase: 'Passed', passRate: 0.9, stablePassRate: undefined },
    event: 'Normal EvaluationPassed',
  },
  {
    name: 'Failed with a stable → RollingBack before any user request (no weight to take away)',
    state: evaluating(),
    obs: obs(failing),
    now: at(120),
    phase: 'RollingBack',
    reason: Reasons.EvaluationFailed,
    actions: [],
    weight: 0,
    run: { phase: 'Failed', cases: 10, passed: 7, passRate: 0.7, stablePassRate: 1 },
    event: 'Warning EvaluationFailed',
  },
  {
    name: 'Failed on the drop below the stable alone (minPassRate met)',
    state: evaluating(),
    obs: obs(finished({ result: result(side('v2', 10, ['a', 'b']), side('v1', 10)) })),
    now: at(120),
    phase: 'RollingBack',
    reason: Reasons.EvaluationFailed,
    actions: [],
    run: { phase: 'Failed', passRate: 0.8 },
    event: 'Warning EvaluationFailed',
  },
  {
    name: 'Failed, first version → Failed',
    state: evaluating({}, { stableVersion: undefined }),
    obs: firstVersion(finished({ result: result(side('v2', 10, ['a', 'b', 'c'])) })),
    now: at(120),
    phase: 'Failed',
    reason: Reasons.EvaluationFailed,
    actions: [],
    run: { phase: 'Failed', passRate: 0.7 },
    event: 'Warning EvaluationFailed',
  },
  {
    name: 'the result names an error → Invalid, paused for a fix',
    state: evaluating(),
    obs: obs(
      finished({
        result: {
          format: 1,
          error: {
            field: 'dataset',
            message: 'ConfigMap soer-golden-set has no key cases.yaml (or does not exist)',
          },
        },
        failure: 'Job soer-v2-eval-pre-1 failed: BackoffLimitExceeded',
      }),
    ),
    now: at(30),
    phase: 'Paused',
    pauseReason: 'EvaluationInvalid',
    reason: Reasons.EvaluationInvalid,
    actions: [],
    run: {
      phase: 'Invalid',
      message: 'dataset: ConfigMap soer-golden-set has no key cases.yaml (or does not exist)',
    },
    event: 'Warning EvaluationInvalid',
  },
  {
    name: 'the Job failed without a result → Invalid with its failure',
    state: evaluating(),
    obs: obs(
      finished({
        failure:
          'Job soer-v2-eval-pre-1 failed: DeadlineExceeded: Job was active longer than specified deadline',
      }),
    ),
    now: at(600),
    phase: 'Paused',
    pauseReason: 'EvaluationInvalid',
    reason: Reasons.EvaluationInvalid,
    actions: [],
    run: {
      phase: 'Invalid',
      message:
        'Job soer-v2-eval-pre-1 failed: DeadlineExceeded: Job was active longer than specified deadline',
    },
  },
  {
    name: 'the Job completed but its pod has no result → Invalid',
    state: evaluating(),
    obs: obs(finished({})),
    now: at(60),
    phase: 'Paused',
    pauseReason: 'EvaluationInvalid',
    reason: Reasons.EvaluationInvalid,
    actions: [],
    run: {
      phase: 'Invalid',
      message: "Job soer-v2-eval-pre-1 finished without a result in its pod's termination message",
    },
  },
  {
    name: 'a result with no case run → Invalid',
    state: evaluating(),
    obs: obs(finished({ result: result(side('v2', 0)) })),
    now: at(60),
    phase: 'Paused',
    pauseReason: 'EvaluationInvalid',
    reason: Reasons.EvaluationInvalid,
    actions: [],
    run: { phase: 'Invalid', message: 'no case was run against version v2' },
  },
  {
    name: 'a problem found before any Job (missing judge) → Invalid, naming the field',
    state: evaluating(),
    obs: obs({
      evaluationProblem: {
        field: 'spec.promotion.evaluation.judge.modelRef.name',
        message: 'AIModel soer-judge does not exist in suoke-ai; create it or fix the name',
      },
    }),
    now: at(1),
    phase: 'Paused',
    pauseReason: 'EvaluationInvalid',
    reason: Reasons.EvaluationInvalid,
    actions: [],
    run: {
      phase: 'Invalid',
      message:
        'spec.promotion.evaluation.judge.modelRef.name: AIModel soer-judge does not exist in suoke-ai; create it or fix the name',
    },
  },
  {
    name: "a finished Job of another run is not this run's verdict",
    state: evaluating({}, { attempt: 2, job: 'soer-v2-eval-pre-2' }),
    obs: obs(failing),
    now: at(60),
    phase: 'Evaluating',
    reason: Reasons.EvaluationStarted,
    actions: [],
    run: { phase: 'Running', job: 'soer-v2-eval-pre-2' },
  },
  {
    name: 'no result by timeout + 1m → Invalid',
    state: evaluating(),
    obs: obs({ evaluation: { job: 'soer-v2-eval-pre-1', state: 'Running' } }),
    now: at(660),
    phase: 'Paused',
    pauseReason: 'EvaluationInvalid',
    reason: Reasons.EvaluationInvalid,
    actions: [],
    run: { phase: 'Invalid', message: 'no result within the timeout 10m and 1m more' },
  },
  {
    name: 'a result in hand beats the deadline (a restarted operator that was down)',
    state: evaluating(),
    obs: obs(passing),
    now: at(3600),
    phase: 'Progressing',
    reason: Reasons.EvaluationPassed,
    actions: ['SetWeight(10)'],
    run: { phase: 'Passed' },
  },
  {
    name: 'Progressing at the last step, analysis passed, atLastStep → Evaluating LastStep, the weight kept',
    state: state({
      phase: 'Progressing',
      reason: Reasons.StepAdvanced,
      currentStep: 1,
      canaryWeight: 50,
      stage: 'Canary',
      startedAt: iso(-600),
      stepStartedAt: iso(-60),
      evaluations: [run({ phase: 'Passed', startedAt: iso(-500), cases: 10, passed: 10, passRate: 1 })],
    }),
    obs: obs({
      policy: atLastStep,
      observedWeight: 50,
      analysis: { version: 'v2', checks: [] },
    }),
    now: at(0),
    phase: 'Evaluating',
    reason: Reasons.EvaluationStarted,
    actions: [],
    step: 1,
    weight: 50,
    run: { gate: 'LastStep', attempt: 1, job: 'soer-v2-eval-last-1', phase: 'Running', stableVersion: 'v1' },
  },
  {
    name: 'LastStep passed (Auto) → Promoted',
    state: evaluatingLast(),
    obs: obs({
      policy: atLastStep,
      observedWeight: 50,
      ...finished({ result: result(side('v2', 10), side('v1', 10)) }, 'soer-v2-eval-last-1'),
    }),
    now: at(120),
    phase: 'Promoted',
    reason: Reasons.EvaluationPassed,
    actions: ['SetWeight(100)'],
    weight: 100,
    run: { gate: 'LastStep', phase: 'Passed' },
    event: 'Normal EvaluationPassed',
  },
  {
    name: 'LastStep passed (Manual) → Paused ManualGate, the weight kept',
    state: evaluatingLast(),
    obs: obs({
      policy: manualAtLastStep,
      observedWeight: 50,
      ...finished({ result: result(side('v2', 10), side('v1', 10)) }, 'soer-v2-eval-last-1'),
    }),
    now: at(120),
    phase: 'Paused',
    pauseReason: 'ManualGate',
    reason: Reasons.EvaluationPassed,
    actions: [],
    weight: 50,
    run: { gate: 'LastStep', phase: 'Passed' },
  },
  {
    name: 'LastStep failed → RollingBack, the weight taken away',
    state: evaluatingLast(),
    obs: obs({
      policy: atLastStep,
      observedWeight: 50,
      ...finished({ result: result(side('v2', 10, ['a', 'b', 'c']), side('v1', 10)) }, 'soer-v2-eval-last-1'),
    }),
    now: at(120),
    phase: 'RollingBack',
    reason: Reasons.EvaluationFailed,
    actions: ['SetWeight(0)'],
    weight: 0,
    run: { gate: 'LastStep', phase: 'Failed' },
  },
  {
    name: 'the evaluation removed from the policy while Evaluating → on without it',
    state: evaluating(),
    obs: obs({ policy: ungated }),
    now: at(60),
    phase: 'Progressing',
    reason: Reasons.NotEvaluated,
    actions: ['SetWeight(10)'],
    run: { phase: 'Invalid', message: 'not judged: the evaluation was removed from the policy' },
  },
];

describe('decide: evaluation gates', () => {
  it.each(rows)('$name', (row) => {
    const d = decide(row.state, row.obs, row.now);
    expect(d.state.phase).toBe(row.phase);
    expect(d.state.reason).toBe(row.reason);
    expect(types(d)).toEqual(row.actions);
    if (row.weight !== undefined) expect(d.state.canaryWeight).toBe(row.weight);
    if (row.step !== undefined) expect(d.state.currentStep).toBe(row.step);
    expect(d.state.pauseReason).toBe(row.pauseReason);
    // A field given as undefined must be absent from the run.
    const fields = Object.entries(row.run ?? {});
    const present = Object.fromEntries(fields.filter(([, value]) => value !== undefined));
    if (row.run !== undefined) expect(latest(d.state)).toEqual(expect.objectContaining(present));
    for (const [key] of fields.filter(([, value]) => value === undefined)) {
      expect(latest(d.state)).not.toHaveProperty(key);
    }
    // One Event per transition, none while nothing changes.
    const changed = d.state.phase !== row.state.phase;
    expect(d.events).toHaveLength(changed ? 1 : 0);
    if (row.event !== undefined) expect(`${d.events[0]?.type} ${d.events[0]?.reason}`).toBe(row.event);
  });

  it('records the verdict in a sentence and names the failed cases in the Event', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `case-${i + 1}`);
    const d = decide(
      evaluating(),
      obs(finished({ result: result(side('v2', 20, ids), side('v1', 20)) })),
      at(60),
    );
    expect(latest(d.state).message).toBe(
      "passed 8 of 20 cases (40%); stable v1 passed 20 of 20 (100%); gate minPassRate 80%, maxDropVsStable 10%: failed (pass rate 40% is below minPassRate 80%; 60 points below the stable's pass rate, more than maxDropVsStable 10%)",
    );
    expect(latest(d.state).failedCases?.map((c) => c.id)).toEqual(ids);
    const event = d.events[0]?.message ?? '';
    expect(event).toContain('failed cases: case-1 (notContains), case-2 (notContains)');
    expect(event).toContain('case-10 (notContains) and 2 more');
    expect(event).not.toContain('case-11');
    expect(event).not.toContain('you have');
  });

  it('a passing verdict reads as the gate says', () => {
    const d = decide(evaluating(), obs(passing), at(60));
    expect(latest(d.state).message).toBe(
      'passed 9 of 10 cases (90%); stable v1 passed 10 of 10 (100%); gate minPassRate 80%, maxDropVsStable 10%: passed',
    );
    expect(d.state.message).toMatch(/^evaluation before any user traffic passed: .*; step 0 at weight 10$/);
  });

  it('writes no route while Evaluating before traffic, whatever the router shows', () => {
    for (const observedWeight of [0, 10]) {
      const d = decide(
        evaluating(),
        obs({ observedWeight, evaluation: { job: 'soer-v2-eval-pre-1', state: 'Running' } }),
        at(60),
      );
      expect(d.actions).toEqual([]);
    }
  });

  it('asks to be called back at the run deadline while it runs', () => {
    const d = decide(
      evaluating(),
      obs({ evaluation: { job: 'soer-v2-eval-pre-1', state: 'Running' } }),
      at(60),
    );
    expect(d.requeueAfterMs).toBe((600 + 60 - 60) * 1000);
    const custom = resolvePolicy({ promotion: promotion({}, { timeout: '2m' }) });
    const soon = decide(evaluating(), obs({ policy: custom }), at(60));
    expect(soon.requeueAfterMs).toBe((120 + 60 - 60) * 1000);
    expect(decide(evaluating(), obs({ policy: custom }), at(180)).state.pauseReason).toBe(
      'EvaluationInvalid',
    );
  });

  it('rolls a failed canary back to RolledBack keeping EvaluationFailed as the reason', () => {
    const rolling = decide(evaluating(), obs(failing), at(60)).state;
    const done = decide(rolling, obs(failing), at(61));
    expect(done.state.phase).toBe('RolledBack');
    expect(done.state.reason).toBe(Reasons.EvaluationFailed);
  });

  it('a restarted operator finds the same verdict, with the route of step 0 already written', () => {
    // Written before the restart: Evaluating, the run Running; the Job finished meanwhile.
    const before = evaluating();
    const status = statusFromState(before, undefined, { nowMs: T0, hasEvaluation: true });
    const restored = stateFromStatus('v2', JSON.parse(JSON.stringify(status)));
    expect(restored.evaluations).toEqual(before.evaluations);
    const first = decide(restored, obs(passing), at(60));
    // Died after writing the weight, before writing status: the same pass again.
    const again = decide(restored, obs({ ...passing, observedWeight: 10 }), at(70));
    expect(again.state.phase).toBe(first.state.phase);
    expect(latest(again.state)).toMatchObject({ phase: 'Passed', passRate: 0.9 });
    expect(again.actions).toEqual([]);
    // A settled pass afterwards: nothing to write, nothing to tell.
    const settled = decide(again.state, obs({ ...passing, observedWeight: 10 }), at(71));
    expect(settled.state).toEqual(again.state);
    expect(settled.events).toEqual([]);
    expect(settled.actions).toEqual([]);
  });

  it('starts the LastStep gate only once per rollout', () => {
    const lastStep = (evaluations: EvaluationRunStatus[]) =>
      state({
        phase: 'Progressing',
        reason: Reasons.StepAdvanced,
        currentStep: 1,
        canaryWeight: 50,
        startedAt: iso(-600),
        stepStartedAt: iso(-60),
        evaluations,
      });
    const analysed = obs({ policy: atLastStep, observedWeight: 50, analysis: { version: 'v2', checks: [] } });
    const passedHere = run({
      gate: 'LastStep',
      job: 'soer-v2-eval-last-1',
      phase: 'Passed',
      startedAt: iso(-300),
    });
    expect(decide(lastStep([passedHere]), analysed, at(0)).state.phase).toBe('Promoted');
    // Passed before a retry: it judged another deployment.
    const passedBefore = { ...passedHere, startedAt: iso(-3600) };
    const d = decide(lastStep([passedBefore]), analysed, at(0));
    expect(d.state.phase).toBe('Evaluating');
    expect(latest(d.state)).toMatchObject({ gate: 'LastStep', attempt: 2, job: 'soer-v2-eval-last-2' });
    // Without atLastStep the last step promotes as before.
    expect(decide(lastStep([]), { ...analysed, policy: gated }, at(0)).state.phase).toBe('Promoted');
  });

  it('runs no analysis while Evaluating', () => {
    expect(analysisDue(evaluatingLast(), atLastStep, at(3600))).toBe(false);
  });
});

describe('decide: requests while evaluating', () => {
  const running = obs({ evaluation: { job: 'soer-v2-eval-pre-1', state: 'Running' } });

  it.each(['pause', 'promote'])('%s while Evaluating is refused: wait or abort', (action) => {
    const d = decide(evaluating(), { ...running, action }, at(60));
    expect(d.action).toMatchObject({
      result: 'Rejected',
      reason: 'an evaluation is running; wait for it or abort',
    });
    expect(d.state.phase).toBe('Evaluating');
    expect(latest(d.state).phase).toBe('Running');
    expect(d.state.message).toContain("(action '");
  });

  it('resume while Evaluating is refused: nothing is paused', () => {
    const d = decide(evaluating(), { ...running, action: 'resume' }, at(60));
    expect(d.action).toMatchObject({
      result: 'Rejected',
      reason: 'the rollout is not paused (phase Evaluating)',
    });
  });

  it('abort while Evaluating rolls back and closes the run, so its Job goes', () => {
    const d = decide(evaluating(), { ...running, action: 'abort' }, at(60));
    expect(d.state.phase).toBe('RollingBack');
    expect(d.state.reason).toBe(Reasons.Aborted);
    expect(types(d)).toEqual(['ClearAction']);
    expect(latest(d.state)).toMatchObject({ phase: 'Invalid', finishedAt: iso(60) });
    expect(latest(d.state).message).toMatch(/^not judged: aborted by request in phase Evaluating/);
  });

  it('a newer version supersedes an Evaluating one', () => {
    const d = decide(evaluating(), { ...running, supersededBy: 'v3' }, at(60));
    expect(d.state.phase).toBe('RollingBack');
    expect(d.state.reason).toBe(Reasons.SupersededByNewerVersion);
    expect(latest(d.state).phase).toBe('Invalid');
    expect(d.actions).toEqual([]);
  });

  const invalid = (over: Partial<EvaluationRunStatus> = {}): RolloutState =>
    decide(
      evaluating({}, over),
      obs(finished({ failure: 'Job soer-v2-eval-pre-1 failed: BackoffLimitExceeded' }, over.job)),
      at(60),
    ).state;

  it('resume after an Invalid run runs the next attempt at the same gate', () => {
    const paused = invalid();
    const d = decide(paused, obs({ action: 'resume' }), at(120));
    expect(d.state.phase).toBe('Evaluating');
    expect(d.state.reason).toBe(Reasons.EvaluationStarted);
    expect(d.state.evaluations.map((r) => [r.job, r.phase])).toEqual([
      ['soer-v2-eval-pre-1', 'Invalid'],
      ['soer-v2-eval-pre-2', 'Running'],
    ]);
    expect(latest(d.state)).toMatchObject({ attempt: 2, startedAt: iso(120) });
    expect(d.action?.result).toBe('Accepted');
  });

  it('resume at the last step runs the LastStep gate again', () => {
    const last = decide(
      evaluatingLast(),
      obs({ policy: atLastStep, observedWeight: 50, evaluationProblem: { field: 'f', message: 'm' } }),
      at(60),
    ).state;
    const d = decide(last, obs({ policy: atLastStep, observedWeight: 50, action: 'resume' }), at(120));
    expect(latest(d.state)).toMatchObject({ gate: 'LastStep', attempt: 2, job: 'soer-v2-eval-last-2' });
    expect(d.state.canaryWeight).toBe(50);
    expect(d.actions).toEqual([{ type: 'ClearAction' }]);
  });

  it('promote is refused while held before any traffic, accepted at the last step', () => {
    const before = decide(invalid(), obs({ action: 'promote' }), at(120));
    expect(before.action?.result).toBe('Rejected');
    expect(before.state.phase).toBe('Paused');
    const last = decide(
      evaluatingLast(),
      obs({ policy: atLastStep, observedWeight: 50, evaluationProblem: { field: 'f', message: 'm' } }),
      at(60),
    ).state;
    const d = decide(last, obs({ policy: atLastStep, observedWeight: 50, action: 'promote' }), at(120));
    expect(d.state.phase).toBe('Promoted');
  });

  it('an Invalid pause before traffic waits for a person: no analysis, no deadline, a refused route changes nothing', () => {
    const paused = invalid();
    expect(analysisDue(paused, gated, at(7200))).toBe(false);
    const later = decide(paused, obs(), at(7200));
    expect(later.state.phase).toBe('Paused');
    expect(later.state.pauseReason).toBe('EvaluationInvalid');
    expect(later.actions).toEqual([]);
    expect(later.events).toEqual([]);
    const refused = decide(
      paused,
      obs({ routeRefused: { reason: 'NotAllowedByListeners', message: 'HTTPRoute suoke-ai/soer refused' } }),
      at(7200),
    );
    expect(refused.state.pauseReason).toBe('EvaluationInvalid');
  });

  it('abort of an Invalid first version ends it RolledBack', () => {
    const paused = decide(
      evaluating({}, { stableVersion: undefined }),
      firstVersion(finished({})),
      at(60),
    ).state;
    const rolling = decide(paused, firstVersion({ action: 'abort' }), at(120)).state;
    expect(decide(rolling, firstVersion(), at(121)).state.phase).toBe('RolledBack');
  });

  it('retry keeps the runs, so the new attempt gets a Job of its own', () => {
    const failedFirst = decide(
      evaluating({}, { stableVersion: undefined }),
      firstVersion(finished({ result: result(side('v2', 10, ['a', 'b', 'c'])) })),
      at(60),
    ).state;
    expect(failedFirst.phase).toBe('Failed');
    let s = decide(failedFirst, firstVersion({ action: 'retry' }), at(120)).state;
    expect(s.phase).toBe('Pending');
    s = decide(s, firstVersion({ canaryAvailable: false }), at(121)).state;
    expect(s.phase).toBe('Deploying');
    // The old run no longer speaks for this rollout.
    const status = statusFromState(s, undefined, { nowMs: at(121).getTime(), hasEvaluation: true });
    expect(status.conditions?.find((c) => c.type === 'Evaluated')).toMatchObject({
      status: 'Unknown',
      reason: 'NotEvaluated',
    });
    s = decide(s, firstVersion(), at(122)).state;
    expect(s.evaluations.map((r) => r.job)).toEqual(['soer-v2-eval-pre-1', 'soer-v2-eval-pre-2']);
  });
});

describe('gateVerdict', () => {
  const evaluation = (over: Partial<EvaluationPolicy>) =>
    resolvePolicy({ promotion: promotion({}, over) }).evaluation as NonNullable<
      EffectivePolicy['evaluation']
    >;

  it('compares with a tolerance: equal on paper is equal', () => {
    // 0.8 - 0.7 is 0.10000000000000009 in doubles.
    const v = gateVerdict(
      result(side('v2', 10, ['a', 'b', 'c']), side('v1', 10, ['x', 'y'])),
      evaluation({ minPassRate: 0.7 }),
    );
    expect(v.verdict).toBe('Passed');
  });

  it('ignores maxDropVsStable without a stable, and says so', () => {
    const only = { maxDropVsStable: 0, minPassRate: undefined } as Partial<EvaluationPolicy>;
    const spec = { ...GOLDEN, ...only };
    delete spec.minPassRate;
    const v = gateVerdict(
      result(side('v2', 4, ['a'])),
      resolvePolicy({ promotion: { evaluation: spec } }).evaluation as NonNullable<
        EffectivePolicy['evaluation']
      >,
    );
    expect(v).toMatchObject({ verdict: 'Passed' });
    expect(v.message).toBe(
      'passed 3 of 4 cases (75%); gate maxDropVsStable 0% (ignored: no stable evaluated): passed',
    );
  });

  it('the stable never fails the gate on its own', () => {
    const v = gateVerdict(
      result(side('v2', 10, ['a']), side('v1', 10, ['a', 'b', 'c', 'd', 'e'])),
      evaluation({}),
    );
    expect(v).toMatchObject({ verdict: 'Passed', record: { passRate: 0.9, stablePassRate: 0.5 } });
  });

  it('keeps at most 50 failed cases, cut to the schema, and counts the rest', () => {
    const ids = Array.from({ length: 70 }, (_, i) => `c${i}`);
    const target: SideResult = {
      version: 'v2',
      cases: 100,
      passed: 20,
      failed: ids.map((id) => ({ id, expectation: 'judge', message: 'm'.repeat(300), score: 0.2 })),
      truncated: 10,
      judgeScore: 0.41,
    };
    const v = gateVerdict(result(target), evaluation({}));
    if (v.verdict === 'Invalid') throw new Error(v.message);
    expect(v.record.failedCases).toHaveLength(MaxFailedCases);
    expect(v.record.failedCases?.[0]).toMatchObject({ id: 'c0', expectation: 'judge', score: 0.2 });
    expect(v.record.failedCases?.[0]?.message?.length).toBeLessThanOrEqual(256);
    expect(v.record.judgeScore).toBe(0.41);
    expect(v.message).toContain('judge score 0.41');
    expect(v.message).toMatch(/; 30 failed cases not listed$/);
  });

  it('an error the run reported is Invalid, naming its field', () => {
    expect(
      gateVerdict(
        { format: 1, error: { field: 'EVAL_API_KEY_FILE', message: 'the runtime answered 401' } },
        evaluation({}),
      ),
    ).toEqual({ verdict: 'Invalid', message: 'EVAL_API_KEY_FILE: the runtime answered 401' });
  });
});

describe('appendRun', () => {
  it(`keeps at most ${MaxEvaluationRuns} runs and always the last of each gate`, () => {
    let runs: EvaluationRunStatus[] = [run({ phase: 'Passed' })];
    for (let attempt = 1; attempt <= 5; attempt++) {
      runs = appendRun(
        runs,
        run({ gate: 'LastStep', attempt, job: `soer-v2-eval-last-${attempt}`, phase: 'Invalid' }),
      );
    }
    expect(runs.map((r) => r.job)).toEqual([
      'soer-v2-eval-pre-1',
      'soer-v2-eval-last-3',
      'soer-v2-eval-last-4',
      'soer-v2-eval-last-5',
    ]);
  });
});
