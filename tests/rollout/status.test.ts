import { Ajv } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { ModelVersionStatusSchema, type ModelVersionStatus } from '../../crds/api/index.js';
import type { CheckResult } from '../../operators/analysis/types.js';
import { analysisDue } from '../../operators/rollout/analysis-bookkeeping.js';
import { decide, initialState } from '../../operators/rollout/decide.js';
import { stateFromStatus, statusFromState } from '../../operators/rollout/status.js';
import type { EffectivePolicy, Observations, RolloutState } from '../../operators/rollout/types.js';

const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validStatus = ajv.compile(ModelVersionStatusSchema);

const T0 = Date.parse('2026-01-01T12:00:00.000Z');
const at = (s: number) => new Date(T0 + s * 1000);
const policy: EffectivePolicy = {
  strategy: 'Canary',
  steps: [
    { stage: 'Canary', weight: 10, pauseMs: 0 },
    { stage: 'Canary', weight: 50, pauseMs: 0 },
  ],
  intervalMs: 60_000,
  metrics: [],
  failureLimit: 1,
  inconclusiveLimit: 2,
  mode: 'Manual',
  progressDeadlineMs: 600_000,
  bakeWindowMs: 300_000,
};
const check = (verdict: CheckResult['verdict']): CheckResult => ({
  metric: 'errors',
  query: 'sum(rate(ai_inference_requests_total{version="v2"}[1m]))',
  value: 0.5,
  samples: 40,
  threshold: { max: 0.01 },
  window: '1m',
  verdict,
  reason: '0.5 > max 0.01',
});

const analysisRun = (verdict: CheckResult['verdict'], requestShare: number | undefined) => ({
  version: 'v2',
  checks: [check(verdict)],
  ...(requestShare === undefined ? {} : { requestShare }),
});

/**
 * Drives a rollout through decide() twice: once keeping the state in memory, once writing it to
 * status and reading it back at every step, as a restarted operator would. Both must agree.
 */
function drive(
  throughStatus: boolean,
  verdicts: CheckResult['verdict'][],
  /** The request share each analysis measured, in order; none when absent. */
  shares: readonly (number | undefined)[] = [],
): { state: RolloutState; statuses: ModelVersionStatus[] } {
  let state = initialState('v2');
  let status: ModelVersionStatus | undefined;
  let weight = 0;
  const statuses: ModelVersionStatus[] = [];
  let next = 0;
  for (let t = 0; t < 40; t++) {
    const now = at(t * 30);
    const obs: Observations = {
      policy,
      stableVersion: 'v1',
      canaryAvailable: t > 1,
      observedWeight: weight,
      versionObjectName: 'soer-v2',
      ...(analysisDue(state, policy, now) && next < verdicts.length
        ? { analysis: analysisRun(verdicts[next] as CheckResult['verdict'], shares[next++]) }
        : {}),
    };
    const d = decide(state, obs, now);
    for (const a of d.actions) if (a.type === 'SetWeight') weight = a.weight;
    if (throughStatus) {
      status = statusFromState(d.state, status, {
        nowMs: now.getTime(),
        observedGeneration: 1,
        stableVersion: 'v1',
      });
      statuses.push(status);
      state = stateFromStatus('v2', JSON.parse(JSON.stringify(status)) as ModelVersionStatus);
    } else {
      state = d.state;
    }
  }
  return { state, statuses };
}

describe('status codec', () => {
  it('reads back what it wrote, so a restarted operator decides the same', () => {
    const verdicts: CheckResult['verdict'][] = [
      'Passed',
      'Inconclusive',
      'Inconclusive',
      'Passed',
      'Failed',
      'Passed',
    ];
    const memory = drive(false, verdicts).state;
    const { state, statuses } = drive(true, verdicts);
    expect(state.phase).toBe(memory.phase);
    expect(state.pauseReason).toBe(memory.pauseReason);
    expect(state).toMatchObject({
      currentStep: memory.currentStep,
      canaryWeight: memory.canaryWeight,
      failedChecks: memory.failedChecks,
      inconclusiveChecks: memory.inconclusiveChecks,
      stepStartedAt: memory.stepStartedAt,
      lastAnalysisAt: memory.lastAnalysisAt,
    });
    expect(state.analysis.map((a) => [a.time, a.verdict])).toEqual(
      memory.analysis.map((a) => [a.time, a.verdict]),
    );
    // The walk went through an inconclusive pause and ended at the manual gate.
    expect(statuses.some((s) => s.conditions?.some((c) => c.reason === 'InconclusiveLimitExceeded'))).toBe(
      true,
    );
    expect(memory).toMatchObject({ phase: 'Paused', pauseReason: 'ManualGate' });
  });

  it('writes statuses the CRD schema accepts', () => {
    const { statuses } = drive(true, ['Passed', 'Failed', 'Failed']);
    for (const status of statuses) {
      expect(validStatus(status) ? [] : validStatus.errors).toEqual([]);
    }
    expect(statuses.at(-1)?.phase).toBe('RolledBack');
  });

  it('keeps the decision report of each check in status, field by field', () => {
    const { statuses } = drive(true, ['Failed']);
    const metric = statuses.find((s) => (s.analysis ?? []).length > 0)?.analysis?.[0]?.metrics?.[0];
    expect(metric).toEqual({
      name: 'errors',
      query: 'sum(rate(ai_inference_requests_total{version="v2"}[1m]))',
      value: 0.5,
      samples: 40,
      threshold: { max: 0.01 },
      window: '1m',
      verdict: 'Failed',
      reason: '0.5 > max 0.01',
    });
  });

  it('reads the decision report back whole, so a restart keeps it', () => {
    const verdicts: CheckResult['verdict'][] = ['Passed', 'Failed'];
    const memory = drive(false, verdicts).state;
    const { state } = drive(true, verdicts);
    expect(state.analysis).toEqual(memory.analysis);
  });

  it("records each analysis' request share beside its weight, the last one as status.requestShare", () => {
    const { state, statuses } = drive(true, ['Passed', 'Passed'], [8.4, 31]);
    const last = statuses.at(-1) as ModelVersionStatus;
    expect(last.analysis?.map((a) => [a.weight, a.requestShare])).toEqual([
      [10, 8.4],
      [50, 31],
    ]);
    expect(last).toMatchObject({ canaryWeight: 50, requestShare: 31 });
    // Before the first analysis there is no share to report.
    const before = statuses.filter((s) => (s.analysis ?? []).length === 0);
    expect(before.length).toBeGreaterThan(0);
    expect(before.filter((s) => 'requestShare' in s)).toEqual([]);
    for (const status of statuses) expect(validStatus(status) ? [] : validStatus.errors).toEqual([]);
    // Read back with the runs, so a restart keeps the history of shares.
    expect(state.analysis.map((a) => a.requestShare)).toEqual([8.4, 31]);
  });

  it('decides the same whatever share an analysis measured: the share is reported, not judged', () => {
    const verdicts: CheckResult['verdict'][] = ['Passed', 'Inconclusive', 'Passed', 'Failed', 'Passed'];
    const walk = (shares: readonly (number | undefined)[]) =>
      drive(true, verdicts, shares).statuses.map((s) => [
        s.phase,
        s.pauseReason,
        s.currentStep,
        s.canaryWeight,
        s.failedChecks,
        s.inconclusiveChecks,
        s.message,
      ]);
    const unmeasured = walk([]);
    expect(walk(verdicts.map(() => 0))).toEqual(unmeasured);
    expect(walk(verdicts.map(() => 100))).toEqual(unmeasured);
  });

  it('records relative thresholds and the stable value, and cuts what exceeds the schema bounds', () => {
    const long = `sum(${'x'.repeat(2000)})`;
    const state: RolloutState = {
      ...initialState('v2'),
      phase: 'Progressing',
      analysis: [
        {
          time: '2026-01-01T12:00:00.000Z',
          step: 0,
          weight: 10,
          verdict: 'Failed',
          checks: [
            {
              metric: 'latency',
              query: long,
              value: 0.9,
              stableValue: 0.5,
              threshold: { max: 2, maxIncrease: 10 },
              window: '1m',
              verdict: 'Failed',
              reason: 'r'.repeat(3000),
            },
            {
              metric: 'tps',
              query: 'q',
              value: Number.NaN,
              threshold: { min: 5 },
              window: '30s',
              verdict: 'Inconclusive',
              reason: 'NaN',
            },
          ],
        },
      ],
    };
    const status = statusFromState(state, undefined, { nowMs: T0 });
    expect(validStatus(status) ? [] : validStatus.errors).toEqual([]);
    const [latency, tps] = status.analysis?.[0]?.metrics ?? [];
    expect(latency).toMatchObject({ stableValue: 0.5, threshold: { max: 2, maxIncrease: 10 }, window: '1m' });
    expect(latency?.query).toHaveLength(1024);
    expect(latency?.query?.endsWith('...')).toBe(true);
    expect(latency?.reason).toHaveLength(1024);
    // JSON has no NaN: the value is left out rather than written as null.
    expect(tps).not.toHaveProperty('value');
    expect(tps).toMatchObject({ threshold: { min: 5 }, window: '30s' });
  });

  it('writes bakeUntil at promotion and reads it back', () => {
    const auto: EffectivePolicy = { ...policy, mode: 'Auto' };
    const d = decide(
      {
        ...initialState('v2'),
        phase: 'Progressing',
        currentStep: 1,
        canaryWeight: 50,
        stepStartedAt: at(0).toISOString(),
      },
      {
        policy: auto,
        stableVersion: 'v1',
        canaryAvailable: true,
        observedWeight: 50,
        versionObjectName: 'soer-v2',
        analysis: { version: 'v2', checks: [check('Passed')] },
      },
      at(60),
    );
    const status = statusFromState(d.state, undefined, { nowMs: at(60).getTime() });
    expect(validStatus(status) ? [] : validStatus.errors).toEqual([]);
    expect(status).toMatchObject({
      phase: 'Promoted',
      promotedAt: at(60).toISOString(),
      bakeUntil: at(360).toISOString(),
    });
    expect(status.finishedAt).toBeUndefined();
    expect(stateFromStatus('v2', status).bakeUntil).toBe(at(360).toISOString());
  });

  it('writes status.pauseReason while Paused, and only then', () => {
    const { statuses } = drive(true, ['Passed', 'Inconclusive', 'Inconclusive', 'Passed', 'Passed']);
    const paused = statuses.filter((s) => s.phase === 'Paused');
    expect(paused.map((s) => s.pauseReason)).toContain('Inconclusive');
    expect(paused.at(-1)?.pauseReason).toBe('ManualGate');
    expect(statuses.filter((s) => s.phase !== 'Paused' && s.pauseReason !== undefined)).toEqual([]);
  });

  it.each([
    ['status.pauseReason wins over the condition', 'Inconclusive', 'ManualGate', 'Inconclusive'],
    [
      'a status written before pauseReason existed reads the condition',
      undefined,
      'ManualGate',
      'ManualGate',
    ],
    ['an unknown reason is held for a person', undefined, 'SomethingElse', 'Requested'],
  ] as const)('%s', (_name, pauseReason, conditionReason, expected) => {
    const status: ModelVersionStatus = {
      phase: 'Paused',
      ...(pauseReason === undefined ? {} : { pauseReason }),
      conditions: [
        {
          type: 'Progressing',
          status: 'False',
          reason: conditionReason,
          message: '',
          lastTransitionTime: '2026-01-01T11:00:00Z',
        },
      ],
    };
    expect(stateFromStatus('v2', status).pauseReason).toBe(expected);
  });

  it('records the last action in status.lastAction and reads it back', () => {
    const paused: RolloutState = { ...initialState('v2'), phase: 'Progressing', canaryWeight: 10 };
    const obs: Observations = {
      policy,
      stableVersion: 'v1',
      canaryAvailable: true,
      observedWeight: 10,
      versionObjectName: 'soer-v2',
    };
    const accepted = decide(paused, { ...obs, action: 'pause' }, at(0));
    const status = statusFromState(accepted.state, undefined, { nowMs: T0 });
    expect(validStatus(status) ? [] : validStatus.errors).toEqual([]);
    expect(status.lastAction).toEqual({
      action: 'pause',
      time: at(0).toISOString(),
      result: 'Accepted',
      message: 'paused at step 0',
    });
    expect(status).toMatchObject({ phase: 'Paused', pauseReason: 'Requested' });
    const read = stateFromStatus('v2', JSON.parse(JSON.stringify(status)) as ModelVersionStatus);
    expect(read.lastAction).toEqual(accepted.action);

    // A refused request is recorded too, and replaces the previous record.
    const refused = decide(read, { ...obs, action: 'pause' }, at(30));
    const after = statusFromState(refused.state, status, { nowMs: T0 + 30_000 });
    expect(after.lastAction).toMatchObject({
      action: 'pause',
      result: 'Rejected',
      time: at(30).toISOString(),
    });
    expect(after.lastAction?.message).toMatch(/already paused/);

    // With no new request the record stays.
    const quiet = decide(stateFromStatus('v2', after), obs, at(60));
    expect(statusFromState(quiet.state, after, { nowMs: T0 + 60_000 }).lastAction).toEqual(after.lastAction);
  });

  it('sets Progressing, Promoted and Degraded and keeps the controller’s Available', () => {
    const previous: ModelVersionStatus = {
      conditions: [
        {
          type: 'Available',
          status: 'True',
          reason: 'WorkloadAvailable',
          message: 'ready',
          lastTransitionTime: '2026-01-01T11:00:00Z',
        },
      ],
    };
    const s = statusFromState(
      {
        ...initialState('v2'),
        phase: 'Paused',
        pauseReason: 'ManualGate',
        reason: 'AnalysisPassed',
        message: 'waiting',
      },
      previous,
      { nowMs: T0 },
    );
    const byType = Object.fromEntries((s.conditions ?? []).map((c) => [c.type, [c.status, c.reason]]));
    expect(byType).toEqual({
      Available: ['True', 'WorkloadAvailable'],
      Progressing: ['False', 'ManualGate'],
      Promoted: ['False', 'NotPromoted'],
      Degraded: ['False', 'AsExpected'],
    });
    expect(stateFromStatus('v2', s).pauseReason).toBe('ManualGate');
  });

  it('starts a fresh rollout from an empty status', () => {
    expect(stateFromStatus('v3', undefined)).toEqual(initialState('v3'));
    expect(stateFromStatus('v3', {})).toEqual(initialState('v3'));
  });
});

describe('status: evaluations', () => {
  const evalPolicy: EffectivePolicy = {
    ...policy,
    mode: 'Auto',
    evaluation: {
      spec: { dataset: { configMapRef: { name: 'soer-golden-set' } }, minPassRate: 0.8 },
      atLastStep: false,
      minPassRate: 0.8,
      timeoutMs: 600_000,
    },
  };
  const obs = (over: Partial<Observations> = {}): Observations => ({
    policy: evalPolicy,
    stableVersion: 'v1',
    canaryAvailable: true,
    observedWeight: 0,
    versionObjectName: 'soer-v2',
    ...over,
  });
  const deploying: RolloutState = {
    ...initialState('v2'),
    phase: 'Deploying',
    startedAt: at(-60).toISOString(),
  };
  const write = (state: RolloutState, previous?: ModelVersionStatus, hasEvaluation = true) =>
    statusFromState(state, previous, { nowMs: T0, hasEvaluation });
  const condition = (status: ModelVersionStatus, type: string) =>
    status.conditions?.find((c) => c.type === type);
  const evaluatingState = decide(deploying, obs(), at(0)).state;
  const failure = 'Job soer-v2-eval-pre-1 failed: BackoffLimitExceeded';
  const invalidState = decide(
    evaluatingState,
    obs({ evaluation: { job: 'soer-v2-eval-pre-1', state: 'Finished', failure } }),
    at(30),
  ).state;

  it('round-trips the runs and the EvaluationInvalid pause, within the schema', () => {
    for (const state of [evaluatingState, invalidState]) {
      const status = write(state);
      expect(validStatus(status)).toBe(true);
      const back = stateFromStatus('v2', JSON.parse(JSON.stringify(status)) as ModelVersionStatus);
      expect(back.evaluations).toEqual(state.evaluations);
      expect(back.phase).toBe(state.phase);
      expect(back.pauseReason).toBe(state.pauseReason);
    }
    expect(write(invalidState).pauseReason).toBe('EvaluationInvalid');
  });

  it('Evaluating is progress: Progressing True, not Degraded, Evaluated Unknown while the run runs', () => {
    const status = write(evaluatingState);
    expect(condition(status, 'Progressing')).toMatchObject({ status: 'True', reason: 'EvaluationStarted' });
    expect(condition(status, 'Degraded')).toMatchObject({ status: 'False' });
    expect(condition(status, 'Evaluated')).toMatchObject({
      status: 'Unknown',
      reason: 'EvaluationStarted',
      message: 'evaluation BeforeTraffic attempt 1 (Job soer-v2-eval-pre-1) is running',
    });
  });

  it('an invalid run pauses, is Degraded and not Evaluated, and says why', () => {
    const status = write(invalidState);
    expect(condition(status, 'Progressing')).toMatchObject({ status: 'False', reason: 'EvaluationInvalid' });
    expect(condition(status, 'Degraded')).toMatchObject({ status: 'True', reason: 'EvaluationInvalid' });
    expect(condition(status, 'Evaluated')).toMatchObject({ status: 'False', reason: 'EvaluationInvalid' });
    expect(condition(status, 'Evaluated')?.message).toContain(failure);
  });

  it('a passed run is Evaluated True; a failed one False and Degraded with EvaluationFailed', () => {
    const finished = (passed: number) =>
      obs({
        evaluation: {
          job: 'soer-v2-eval-pre-1',
          state: 'Finished',
          result: {
            format: 1,
            target: {
              version: 'v2',
              cases: 4,
              passed,
              failed: Array.from({ length: 4 - passed }, (_, i) => ({ id: `c${i}`, expectation: 'regex' })),
            },
          },
        },
      });
    const passed = write(decide(evaluatingState, finished(4), at(30)).state);
    expect(validStatus(passed)).toBe(true);
    expect(condition(passed, 'Evaluated')).toMatchObject({ status: 'True', reason: 'EvaluationPassed' });
    const failedStatus = write(decide(evaluatingState, finished(1), at(30)).state);
    expect(validStatus(failedStatus)).toBe(true);
    expect(failedStatus.phase).toBe('RollingBack');
    expect(condition(failedStatus, 'Evaluated')).toMatchObject({
      status: 'False',
      reason: 'EvaluationFailed',
    });
    expect(condition(failedStatus, 'Degraded')).toMatchObject({ status: 'True', reason: 'EvaluationFailed' });
    expect(failedStatus.evaluations?.[0]?.failedCases).toEqual([
      { id: 'c0', expectation: 'regex' },
      { id: 'c1', expectation: 'regex' },
      { id: 'c2', expectation: 'regex' },
    ]);
  });

  it('before the first run: NotEvaluated with an evaluation; nothing at all without one', () => {
    expect(condition(write(deploying), 'Evaluated')).toMatchObject({
      status: 'Unknown',
      reason: 'NotEvaluated',
    });
    const without = write(deploying, undefined, false);
    expect(condition(without, 'Evaluated')).toBeUndefined();
    expect(without).not.toHaveProperty('evaluations');
    // An evaluation removed from the policy takes the condition away.
    expect(condition(write(deploying, write(deploying), false), 'Evaluated')).toBeUndefined();
  });
});
