import type { ModelVersion } from '../../crds/api/index.js';
import { MODEL_VERSION } from '../../operators/kinds.js';
import type { KubeObject } from '../../operators/kit/resource.js';
import { Harness, NS, policy } from './harness.js';

const MINUTE = 60_000;

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
  await h.createModel();
  await h.createVersion('v1');
  await h.settle();
});
afterEach(async () => {
  await h.stop();
});

describe('a newer version arriving mid-rollout', () => {
  it('supersedes the running canary, which is rolled back first; the newer one starts from step one', async () => {
    await h.createVersion('v2');
    await h.settle();
    await h.after(MINUTE);
    expect((await h.version('v2')).status).toMatchObject({
      phase: 'Progressing',
      currentStep: 1,
      canaryWeight: 50,
    });

    await h.clock.advance(10_000);
    await h.createVersion('v3');
    await h.settle();
    const v2 = await h.version('v2');
    expect(v2.status?.phase).toBe('RolledBack');
    expect(v2.status?.conditions?.find((c) => c.type === 'Degraded')?.reason).toBe(
      'SupersededByNewerVersion',
    );
    const v3 = await h.version('v3');
    expect(v3.status).toMatchObject({ phase: 'Progressing', currentStep: 0, canaryWeight: 10 });
    expect(v3.status?.analysis ?? []).toEqual([]);
    expect(await h.weights()).toEqual([
      { version: 'v1', weight: 90 },
      { version: 'v3', weight: 10 },
    ]);
    expect(await h.deployments()).toEqual(['demo-v1', 'demo-v3']);
    expect((await h.model()).status?.history?.[0]).toMatchObject({ version: 'v2', outcome: 'RolledBack' });

    await h.after(MINUTE);
    expect((await h.version('v3')).status?.analysis?.map((a) => [a.step, a.verdict])).toEqual([
      [0, 'Passed'],
    ]);
  });
});

describe('a canary deleted mid-rollout', () => {
  it('loses its traffic and workload, and its rollout metrics are dropped', async () => {
    await h.createVersion('v2');
    await h.settle();
    expect(await h.registry.metrics()).toContain('version="v2"');
    await h.client.delete(MODEL_VERSION, NS, 'demo-v2');
    await h.settle();
    expect(await h.weights()).toEqual([{ version: 'v1', weight: 100 }]);
    expect(await h.deployments()).toEqual(['demo-v1']);
    await h.reconcileVersion({ namespace: NS, name: 'demo-v2' });
    expect(await h.registry.metrics()).not.toContain('version="v2"');
  });
});

describe('an operator restart', () => {
  it('mid-rollout resumes at the same step without repeating or skipping one', async () => {
    await h.createVersion('v2');
    await h.settle();
    await h.after(MINUTE);
    expect((await h.version('v2')).status).toMatchObject({ currentStep: 1, canaryWeight: 50 });

    await h.restartOperator();
    await h.after(30_000);
    expect((await h.version('v2')).status).toMatchObject({ phase: 'Progressing', currentStep: 1 });
    expect((await h.version('v2')).status?.analysis).toHaveLength(1);
    await h.after(30_000);
    const v2 = await h.version('v2');
    expect(v2.status?.phase).toBe('Promoted');
    expect(v2.status?.analysis?.map((a) => a.step)).toEqual([0, 1]);
  });

  it('between writing the weights and writing status completes the step the router shows', async () => {
    await h.createVersion('v2');
    await h.settle();
    // The step-1 weights were written, then the operator died before its status write.
    await h.router.setWeights({ namespace: NS, model: 'demo' }, [
      { version: 'v1', weight: 50 },
      { version: 'v2', weight: 50 },
    ]);
    await h.restartOperator();
    await h.after(MINUTE);
    const v2 = await h.version('v2');
    expect(v2.status).toMatchObject({ phase: 'Progressing', currentStep: 1, canaryWeight: 50 });
    expect(await h.weights()).toEqual([
      { version: 'v1', weight: 50 },
      { version: 'v2', weight: 50 },
    ]);
    expect(h.eventsFor('demo-v2').some((e) => e.startsWith('WeightsAdopted:'))).toBe(true);
  });
});

describe('bad input the API cannot refuse', () => {
  it('a modelRef naming a missing AIModel gives a condition and an Event, backs off, and proceeds once it exists', async () => {
    await h.createVersion('v1', undefined, 'ghost');
    const request = { namespace: NS, name: 'ghost-v1' };
    const first = await h.reconcileVersion(request);
    expect(first.requeueAfter).toBeGreaterThanOrEqual(10_000);
    const mv = await h.client.get<ModelVersion & KubeObject>(MODEL_VERSION, NS, 'ghost-v1');
    expect(mv.status?.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'WaitingForModel',
      message: expect.stringMatching(/AIModel suoke-ai\/ghost named in spec.modelRef.name does not exist/),
    });
    expect(h.eventsFor('ghost-v1')).toEqual([
      expect.stringMatching(/^WaitingForModel: AIModel suoke-ai\/ghost/),
    ]);

    // The longer it lasts, the slower it is retried; repeating writes nothing new.
    await h.clock.advance(5 * MINUTE);
    h.api.resetCounters();
    const later = await h.reconcileVersion(request);
    expect(later.requeueAfter).toBeGreaterThan(first.requeueAfter ?? 0);
    expect(h.api.writeLog.filter((w) => w.kind === 'ModelVersion')).toEqual([]);

    await h.createModel(undefined, 'ghost');
    await h.reconcileVersion(request);
    const deploying = await h.client.get<ModelVersion & KubeObject>(MODEL_VERSION, NS, 'ghost-v1');
    expect(deploying.status?.phase).toBe('Deploying');
  });

  it('a policy the schema let through but the rollout cannot use gives a condition and an Event naming the field', async () => {
    const bad = policy();
    await h.createVersion('v2', {
      ...bad,
      analysis: {
        ...bad.analysis,
        metrics: [{ name: 'custom', query: 'x{version="{{release}}"}', thresholdRange: { max: 1 } }],
      },
    });
    await h.settle();
    const v2 = await h.version('v2');
    expect(v2.status?.phase).toBe('Pending');
    expect(v2.status?.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'InvalidSpec',
      message: expect.stringMatching(/metrics\[0\]\.query: unknown placeholder '\{\{release\}\}'/),
    });
    expect(h.eventsFor('demo-v2')).toEqual([expect.stringMatching(/^InvalidSpec: .*unknown placeholder/)]);
    expect(await h.weights()).toEqual([{ version: 'v1', weight: 100 }]);
    expect(await h.deployments()).toEqual(['demo-v1']);
  });

  it('a check whose backend fails is inconclusive, with the error in the report', async () => {
    h.metrics.values.set('v2', 'error');
    await h.createVersion('v2');
    await h.settle();
    await h.after(MINUTE);
    const v2 = await h.version('v2');
    expect(v2.status).toMatchObject({
      phase: 'Progressing',
      currentStep: 0,
      inconclusiveChecks: 1,
      failedChecks: 0,
    });
    expect(v2.status?.analysis?.at(-1)?.metrics?.[0]?.reason).toMatch(/connection refused/);
    expect(
      h
        .eventsFor('demo-v2')
        .some((e) => /^AnalysisInconclusive: errors: Inconclusive \(.*connection refused/.test(e)),
    ).toBe(true);
  });
});

describe('rollout metrics', () => {
  it('track phase, weight, analyses and duration', async () => {
    await h.createVersion('v2');
    await h.settle();
    await h.after(MINUTE);
    await h.after(MINUTE);
    const text = await h.registry.metrics();
    const labels = 'namespace="suoke-ai",model="demo"';
    expect(text).toContain(`ai_rollout_phase{${labels},version="v2",phase="Promoted"} 1`);
    expect(text).toContain(`ai_rollout_phase{${labels},version="v2",phase="Progressing"} 0`);
    expect(text).toContain(`ai_rollout_canary_weight{${labels},version="v2"} 100`);
    expect(text).toContain(`ai_rollout_analysis_total{${labels},result="Passed"} 2`);
    expect(text).toContain(`ai_rollout_duration_seconds_count{${labels},outcome="Promoted"} 2`);
    expect(text).toContain(`ai_rollout_duration_seconds_sum{${labels},outcome="Promoted"} 120`);
  });
});
