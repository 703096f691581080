/**
 * The CLI refuses a request locally exactly when the operator would reject it: for every phase
 * (and pause reason, and bake) and every action, the CLI's verdict on the status the operator
 * writes agrees with `decide()` given that action.
 */
import { describe, expect, test } from '@jest/globals';
import { MODEL_VERSION_ACTIONS, type ModelVersion } from '../../crds/index.js';
import {
  decide,
  initialState,
  resolvePolicy,
  statusFromState,
  type RolloutState,
} from '../../operators/rollout/index.js';
import { modelVersionAction } from '../../cli/action-rules.js';

const NOW = new Date('2026-01-01T12:30:00Z');
const base = (phase: RolloutState['phase'], extra: Partial<RolloutState> = {}): RolloutState => ({
  ...initialState('v2'),
  phase,
  currentStep: 1,
  canaryWeight: 20,
  startedAt: '2026-01-01T12:00:00Z',
  stepStartedAt: '2026-01-01T12:29:00Z',
  ...extra,
});

/** An evaluation run as the operator records it, for the versions it evaluates. */
const run = (
  gate: 'BeforeTraffic' | 'LastStep',
  phase: 'Running' | 'Invalid',
): RolloutState['evaluations'][number] => ({
  gate,
  attempt: 1,
  job: `xiaoai-v2-eval-${gate === 'BeforeTraffic' ? 'pre' : 'last'}-1`,
  phase,
  startedAt: '2026-01-01T12:20:00Z',
  ...(phase === 'Invalid'
    ? {
        finishedAt: '2026-01-01T12:21:00Z',
        message: 'dataset: ConfigMap xiaoai-golden-set has no key cases.yaml (or does not exist)',
      }
    : {}),
});

const STATES: Record<string, RolloutState> = {
  Pending: base('Pending', { currentStep: 0, canaryWeight: 0 }),
  Deploying: base('Deploying', { currentStep: 0, canaryWeight: 0 }),
  'Evaluating (before any traffic)': base('Evaluating', {
    currentStep: 0,
    canaryWeight: 0,
    evaluations: [run('BeforeTraffic', 'Running')],
  }),
  'Evaluating (at the last step)': base('Evaluating', {
    currentStep: 3,
    canaryWeight: 80,
    evaluations: [run('LastStep', 'Running')],
  }),
  'Paused (evaluation invalid, before any traffic)': base('Paused', {
    pauseReason: 'EvaluationInvalid',
    currentStep: 0,
    canaryWeight: 0,
    evaluations: [run('BeforeTraffic', 'Invalid')],
  }),
  'Paused (evaluation invalid, at the last step)': base('Paused', {
    pauseReason: 'EvaluationInvalid',
    currentStep: 3,
    canaryWeight: 80,
    evaluations: [run('LastStep', 'Invalid')],
  }),
  Progressing: base('Progressing'),
  'Paused (requested)': base('Paused', { pauseReason: 'Requested' }),
  'Paused (manual gate)': base('Paused', { pauseReason: 'ManualGate' }),
  'Paused (inconclusive)': base('Paused', { pauseReason: 'Inconclusive' }),
  'Paused (route not accepted)': base('Paused', { pauseReason: 'RouteNotAccepted' }),
  'Promoted (baking)': base('Promoted', { canaryWeight: 100, promotedAt: '2026-01-01T12:28:00Z' }),
  'Promoted (baked)': base('Promoted', {
    canaryWeight: 100,
    promotedAt: '2026-01-01T12:00:00Z',
    finishedAt: '2026-01-01T12:10:00Z',
  }),
  RollingBack: base('RollingBack', { canaryWeight: 0 }),
  RolledBack: base('RolledBack', { canaryWeight: 0, finishedAt: '2026-01-01T12:10:00Z' }),
  Failed: base('Failed', { canaryWeight: 0, finishedAt: '2026-01-01T12:10:00Z' }),
  Superseded: base('Superseded', { canaryWeight: 0, finishedAt: '2026-01-01T12:10:00Z' }),
};

const cases = Object.entries(STATES).flatMap(([label, state]) =>
  MODEL_VERSION_ACTIONS.map((action) => [label, action, state] as const),
);

describe('local refusal agrees with the operator', () => {
  test.each(cases)('%s + %s', (_label, action, state) => {
    const promoted = state.phase === 'Promoted';
    const decision = decide(
      state,
      {
        policy: resolvePolicy({}),
        versionObjectName: 'xiaoai-v2',
        stableVersion: promoted ? 'v2' : 'v1',
        canaryAvailable: true,
        observedWeight: state.canaryWeight,
        // The operator writes this pause only while the gateway refuses the route.
        ...(state.pauseReason === 'RouteNotAccepted'
          ? { routeRefused: { reason: 'NotAllowedByListeners', message: 'HTTPRoute agents/xiaoai: refused' } }
          : {}),
        action,
      },
      NOW,
    );
    const mv = {
      apiVersion: 'ai.suoke.life/v1alpha1',
      kind: 'ModelVersion',
      metadata: { name: 'xiaoai-v2', namespace: 'agents' },
      spec: { modelRef: { name: 'xiaoai' }, version: 'v2', artifact: { uri: 'hf://suoke/xiaoai@v2' } },
      status: statusFromState(state, undefined, { nowMs: NOW.getTime() }),
    } as ModelVersion;
    const verdict = modelVersionAction(action, mv);
    expect({ refused: verdict.refusal !== undefined }).toEqual({
      refused: decision.action?.result === 'Rejected',
    });
    // Either way the person is told something specific.
    expect((verdict.refusal ?? verdict.effect ?? '').length).toBeGreaterThan(20);
  });
});

describe('what the person is told', () => {
  test('promote at the manual gate of a blue-green preview names the stage, not a canary step', () => {
    const mv = {
      metadata: { name: 'soer-v2', namespace: 'agents' },
      spec: { modelRef: { name: 'soer' }, version: 'v2', artifact: { uri: 'hf://suoke/soer@v2' } },
      status: {
        phase: 'Paused',
        pauseReason: 'ManualGate',
        stage: 'Preview',
        currentStep: 0,
        canaryWeight: 0,
      },
    } as ModelVersion;
    expect(modelVersionAction('promote', mv).effect).toBe(
      'the operator will promote version v2 from stage Preview (weight 0%) to 100% of traffic, skipping the remaining steps',
    );
  });

  const evaluated = (state: RolloutState): ModelVersion =>
    ({
      metadata: { name: 'xiaoai-v2', namespace: 'agents' },
      spec: { modelRef: { name: 'xiaoai' }, version: 'v2', artifact: { uri: 'hf://suoke/xiaoai@v2' } },
      status: statusFromState(state, undefined, { nowMs: NOW.getTime() }),
    }) as ModelVersion;

  test('promote and pause wait for a running evaluation; abort stops it and names its Job', () => {
    const mv = evaluated(STATES['Evaluating (before any traffic)']!);
    expect(modelVersionAction('promote', mv).refusal).toBe('an evaluation is running; wait for it or abort');
    expect(modelVersionAction('pause', mv).refusal).toBe('an evaluation is running; wait for it or abort');
    expect(modelVersionAction('abort', mv).effect).toContain(
      'the operator will stop the evaluation (Job xiaoai-v2-eval-pre-1) and roll version v2 back',
    );
  });

  test('resume after an evaluation that could not be judged runs the next attempt at the same gate', () => {
    expect(
      modelVersionAction('resume', evaluated(STATES['Paused (evaluation invalid, before any traffic)']!))
        .effect,
    ).toBe(
      'the operator will evaluate version v2 on the golden set again before any user traffic (attempt 2); fix what made the last run invalid first (dataset: ConfigMap xiaoai-golden-set has no key cases.yaml (or does not exist))',
    );
    expect(
      modelVersionAction('resume', evaluated(STATES['Paused (evaluation invalid, at the last step)']!))
        .effect,
    ).toContain('again at the last step (attempt 2)');
  });

  test('a version held before any traffic cannot be promoted; one held at the last step can', () => {
    expect(
      modelVersionAction('promote', evaluated(STATES['Paused (evaluation invalid, before any traffic)']!))
        .refusal,
    ).toBe(
      "the version has not passed its evaluation and serves no traffic yet; fix the evaluation and 'kubectl model resume' it, or 'kubectl model abort'",
    );
    expect(
      modelVersionAction('promote', evaluated(STATES['Paused (evaluation invalid, at the last step)']!))
        .effect,
    ).toBe(
      'the operator will promote version v2 from step 4 (weight 80%) to 100% of traffic, skipping the remaining steps',
    );
  });
});
