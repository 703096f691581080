/**
 * Evaluation gates through the ModelVersion controller on the fake API server: the Job it creates
 * once a version's workload is Available (before any user traffic), and what it makes of the Job's
 * end. The test plays the Job controller and the kubelet: it writes the Job's pod (labelled with the
 * Job's name, its `eval` container terminated with the result as its termination message) and the
 * Job's Complete or Failed condition, through the API, as Kubernetes does.
 */
import { EVALUATION_LABEL } from '../../crds/api/labels.js';
import type { EvaluationPolicy, ModelVersion, PromotionPolicy } from '../../crds/api/index.js';
import { aimodelController } from '../../operators/aimodel/controller.js';
import { JOB, POD } from '../../operators/kinds.js';
import { Applier } from '../../operators/kit/apply.js';
import { KubeClient } from '../../operators/kit/client.js';
import { ClusterClient } from '../../operators/kit/cluster-client.js';
import { Controller } from '../../operators/kit/controller.js';
import { EventRecorder } from '../../operators/kit/events.js';
import { SharedInformers } from '../../operators/kit/informers.js';
import { silentLogger } from '../../operators/kit/logger.js';
import type { OperatorContext } from '../../operators/kit/manager.js';
import { OperatorMetrics } from '../../operators/kit/metrics.js';
import type { KubeObject } from '../../operators/kit/resource.js';
import { modelVersionController } from '../../operators/model-version/controller.js';
import { createRolloutDeps } from '../../operators/rollout-deps/deps.js';
import { encodeResult, type EvaluationResult, type SideResult } from '../../runtime/eval/result.js';
import { CacheSync } from '../support/cache-sync.js';
import { Harness, MODEL, NS, policy } from './harness.js';

const MINUTE = 60_000;
const JOB_KIND = { apiVersion: 'batch/v1', kind: 'Job' };
const SERVICE_KIND = { apiVersion: 'v1', kind: 'Service' };

/** A gate on a ConfigMap golden set: at least 80% of the cases, at most 10 points below the stable. */
const EVALUATION: EvaluationPolicy = {
  dataset: { configMapRef: { name: 'demo-golden-set' } },
  minPassRate: 0.8,
  maxDropVsStable: 0.1,
};

const evaluated = (evaluation: Partial<EvaluationPolicy> = {}): PromotionPolicy =>
  policy({ evaluation: { ...EVALUATION, ...evaluation } });

let h: Harness;
afterEach(async () => {
  await h.stop();
});

// ── The test as the Job controller and the kubelet ──────────────────────────────────────────────

function jobNames(): string[] {
  return h.api
    .list(JOB_KIND, NS)
    .map((j) => j.metadata.name ?? '')
    .sort();
}

function job(name: string): KubeObject {
  const found = h.api.get(JOB_KIND, NS, name);
  if (found === undefined)
    throw new Error(`Job ${NS}/${name} does not exist; Jobs: ${jobNames().join(', ')}`);
  return found;
}

interface PodTemplate {
  metadata: { labels: Record<string, string> };
  spec: { containers: Array<{ name: string; image: string; env?: Array<{ name: string; value?: string }> }> };
}

const templateOf = (j: KubeObject): PodTemplate => (j.spec as { template: PodTemplate }).template;

function envOf(j: KubeObject): Record<string, string> {
  const eval_ = templateOf(j).spec.containers.find((c) => c.name === 'eval');
  return Object.fromEntries((eval_?.env ?? []).map((e) => [e.name, e.value ?? '']));
}

/** The pod the Job controller creates for `jobName`, running. */
async function startPod(jobName: string): Promise<KubeObject> {
  const j = job(jobName);
  const template = templateOf(j);
  return h.client.create<KubeObject>(POD, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${jobName}-x7k2p`,
      namespace: NS,
      labels: template.metadata.labels,
      ownerReferences: [
        {
          apiVersion: 'batch/v1',
          kind: 'Job',
          name: jobName,
          uid: j.metadata.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: template.spec,
  });
}

/** The kubelet's report of the `eval` container's end: its exit code and termination message. */
async function endPod(pod: KubeObject, exitCode: number, message?: string): Promise<void> {
  const fresh = await h.client.get<KubeObject>(POD, NS, pod.metadata.name ?? '');
  const image = (fresh.spec as PodTemplate['spec']).containers[0]?.image ?? '';
  await h.client.replaceStatus(POD, {
    ...fresh,
    status: {
      phase: exitCode === 0 ? 'Succeeded' : 'Failed',
      containerStatuses: [
        {
          name: 'eval',
          ready: false,
          restartCount: 0,
          image,
          imageID: '',
          state: {
            terminated: {
              exitCode,
              reason: exitCode === 0 ? 'Completed' : 'Error',
              ...(message === undefined ? {} : { message }),
              startedAt: new Date(h.clock.now() - 30_000).toISOString(),
              finishedAt: new Date(h.clock.now()).toISOString(),
            },
          },
        },
      ],
    },
  });
}

/** The Job's end as Kubernetes 1.32 writes it: SuccessCriteriaMet + Complete, or FailureTarget + Failed. */
async function endJob(jobName: string, end: 'Complete' | { reason: string; message: string }): Promise<void> {
  const fresh = await h.client.get<KubeObject>(JOB, NS, jobName);
  const at = new Date(h.clock.now()).toISOString();
  const condition = (type: string, reason: string, message: string) => ({
    type,
    status: 'True',
    reason,
    message,
    lastProbeTime: at,
    lastTransitionTime: at,
  });
  const status =
    end === 'Complete'
      ? {
          conditions: [
            condition(
              'SuccessCriteriaMet',
              'CompletionsReached',
              'Reached expected number of succeeded pods',
            ),
            condition('Complete', 'CompletionsReached', 'Reached expected number of succeeded pods'),
          ],
          succeeded: 1,
          startTime: at,
          completionTime: at,
        }
      : {
          conditions: [
            condition('FailureTarget', end.reason, end.message),
            condition('Failed', end.reason, end.message),
          ],
          failed: 1,
          startTime: at,
        };
  await h.client.replaceStatus(JOB, { ...fresh, status });
}

/** A run to its end: the pod's result (exit 0), then the Job's Complete condition. */
async function finishRun(jobName: string, result: EvaluationResult): Promise<void> {
  const pod = await startPod(jobName);
  await endPod(pod, 0, encodeResult(result));
  await endJob(jobName, 'Complete');
}

/** One side of a result: `passed` of `cases`, the failed ones named by id and expectation. */
function side(version: string, cases: number, failed: Array<[string, string]> = []): SideResult {
  return {
    version,
    cases,
    passed: cases - failed.length,
    failed: failed.map(([id, expectation]) => ({ id, expectation, message: `${expectation} did not hold` })),
  };
}

const passing: EvaluationResult = {
  format: 1,
  target: side('v2', 10, [['sleep', 'judge']]),
  stable: side('v1', 10),
};
const failing: EvaluationResult = {
  format: 1,
  target: side('v2', 10, [
    ['no-diagnosis', 'notContains'],
    ['see-a-doctor', 'contains'],
    ['sleep', 'judge'],
  ]),
  stable: side('v1', 10),
};
const firstPassing: EvaluationResult = { format: 1, target: side('v1', 10) };

const condition = async (version: string, type: string) =>
  (await h.version(version)).status?.conditions?.find((c) => c.type === type);

/** The version's weight as the router reports it (0 when it is not routed at all). */
const weightOf = async (version: string) =>
  (await h.weights()).find((w) => w.version === version)?.weight ?? 0;

const evaluations = async (version: string) => (await h.version(version)).status?.evaluations ?? [];

/** v1 evaluated and promoted; v2 created with `promotion` and settled. */
async function stableThenCanary(
  rollout: PromotionPolicy,
  promotion?: PromotionPolicy,
): Promise<ModelVersion> {
  await h.createModel(rollout);
  await h.createVersion('v1');
  await h.settle();
  await finishRun('demo-v1-eval-pre-1', firstPassing);
  await h.settle();
  expect(await h.phase('v1')).toBe('Promoted');
  await h.createVersion('v2', promotion);
  await h.settle();
  return h.version('v2');
}

// ── The behaviour ──────────────────────────────────────────────────────────────────────────────────

describe("a model's first version with an evaluation", () => {
  beforeEach(async () => {
    h = await Harness.start();
  });

  it('is evaluated alone once Available, then promoted when the gate passes', async () => {
    await h.createModel(evaluated());
    await h.createVersion('v1');
    await h.settle();
    expect(await h.phase('v1')).toBe('Evaluating');
    expect(jobNames()).toEqual(['demo-v1-eval-pre-1']);
    const env = envOf(job('demo-v1-eval-pre-1'));
    expect(env).toMatchObject({
      EVAL_TARGET_URL: `http://demo-v1.${NS}.svc.cluster.local`,
      EVAL_TARGET_VERSION: 'v1',
    });
    expect(env['EVAL_STABLE_URL']).toBeUndefined();

    await finishRun('demo-v1-eval-pre-1', firstPassing);
    await h.settle();
    const v1 = await h.version('v1');
    expect(v1.status?.phase).toBe('Promoted');
    expect(v1.status?.evaluations).toEqual([
      expect.objectContaining({ gate: 'BeforeTraffic', attempt: 1, phase: 'Passed', cases: 10, passed: 10 }),
    ]);
    expect(await h.weights()).toEqual([{ version: 'v1', weight: 100 }]);
    expect(h.eventsFor('demo-v1').some((e) => e.startsWith('EvaluationPassed:'))).toBe(true);
  });

  it('fails (nothing to roll back to) when the gate fails', async () => {
    await h.createModel(evaluated());
    await h.createVersion('v1');
    await h.settle();
    await finishRun('demo-v1-eval-pre-1', {
      format: 1,
      target: side('v1', 4, [
        ['a', 'regex'],
        ['b', 'equals'],
      ]),
    });
    await h.settle();
    const v1 = await h.version('v1');
    expect(v1.status?.phase).toBe('Failed');
    expect(v1.status?.evaluations?.[0]).toMatchObject({ phase: 'Failed', passRate: 0.5 });
    expect((await h.model()).status?.stableVersion).toBeUndefined();
  });
});

describe('a canary with an evaluation', () => {
  beforeEach(async () => {
    h = await Harness.start();
  });

  it("gets a Job once Available, before any user traffic: owned by the version, labelled, calling both versions' own Services", async () => {
    const v2 = await stableThenCanary(evaluated());
    expect(v2.status).toMatchObject({ phase: 'Evaluating', canaryWeight: 0 });
    expect(await weightOf('v1')).toBe(100);
    expect(await weightOf('v2')).toBe(0);
    expect(v2.status?.evaluations).toEqual([
      expect.objectContaining({
        gate: 'BeforeTraffic',
        attempt: 1,
        job: 'demo-v2-eval-pre-1',
        phase: 'Running',
      }),
    ]);
    expect(jobNames()).toEqual(['demo-v1-eval-pre-1', 'demo-v2-eval-pre-1']);

    const j = job('demo-v2-eval-pre-1');
    expect(j.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'ai.suoke.life/v1alpha1',
        kind: 'ModelVersion',
        name: 'demo-v2',
        uid: v2.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(j.metadata.labels?.[EVALUATION_LABEL]).toBe('pre');
    expect(templateOf(j).metadata.labels[EVALUATION_LABEL]).toBe('pre');
    expect(j.spec).toMatchObject({ backoffLimit: 0, activeDeadlineSeconds: 600 });
    expect(envOf(j)).toMatchObject({
      EVAL_RUN_ID: `${NS}/demo-v2-eval-pre-1`,
      EVAL_MODEL: MODEL,
      EVAL_TARGET_URL: `http://demo-v2.${NS}.svc.cluster.local`,
      EVAL_TARGET_VERSION: 'v2',
      EVAL_STABLE_URL: `http://demo-v1.${NS}.svc.cluster.local`,
      EVAL_STABLE_VERSION: 'v1',
      EVAL_DATASET_FILE: '/etc/evaluation/dataset/cases.yaml',
      EVAL_DATASET_CONFIGMAP: 'demo-golden-set',
    });
    // The Services the Job calls exist.
    expect(h.api.get(SERVICE_KIND, NS, 'demo-v1')).toBeDefined();
    expect(h.api.get(SERVICE_KIND, NS, 'demo-v2')).toBeDefined();
    expect(await condition('v2', 'Evaluated')).toMatchObject({
      status: 'Unknown',
      reason: 'EvaluationStarted',
    });
  });

  it('goes on to step 0 when the gate passes, with the run recorded', async () => {
    await stableThenCanary(evaluated());
    await finishRun('demo-v2-eval-pre-1', passing);
    await h.settle();
    const v2 = await h.version('v2');
    expect(v2.status).toMatchObject({ phase: 'Progressing', currentStep: 0, canaryWeight: 10 });
    expect(v2.status?.evaluations?.[0]).toMatchObject({
      phase: 'Passed',
      cases: 10,
      passed: 9,
      passRate: 0.9,
      stableVersion: 'v1',
      stablePassRate: 1,
      failedCases: [{ id: 'sleep', expectation: 'judge', message: 'judge did not hold' }],
    });
    expect(await h.weights()).toEqual([
      { version: 'v1', weight: 90 },
      { version: 'v2', weight: 10 },
    ]);
    expect(await condition('v2', 'Evaluated')).toMatchObject({ status: 'True', reason: 'EvaluationPassed' });
  });

  it('is rolled back before any user request when the gate fails, naming the failed cases', async () => {
    await stableThenCanary(evaluated());
    await finishRun('demo-v2-eval-pre-1', failing);
    await h.settle();
    const v2 = await h.version('v2');
    expect(v2.status?.phase).toBe('RolledBack');
    expect(v2.status?.evaluations?.[0]).toMatchObject({ phase: 'Failed', passRate: 0.7, stablePassRate: 1 });
    expect(v2.status?.evaluations?.[0]?.failedCases?.map((c) => [c.id, c.expectation])).toEqual([
      ['no-diagnosis', 'notContains'],
      ['see-a-doctor', 'contains'],
      ['sleep', 'judge'],
    ]);
    expect(await h.weights()).toEqual([{ version: 'v1', weight: 100 }]);
    expect(await h.deployments()).toEqual(['demo-v1']);
    const failed = h.eventsFor('demo-v2').find((e) => e.startsWith('EvaluationFailed:'));
    expect(failed).toMatch(/no-diagnosis \(notContains\), see-a-doctor \(contains\), sleep \(judge\)/);
    expect(await condition('v2', 'Evaluated')).toMatchObject({ status: 'False', reason: 'EvaluationFailed' });
    // The finished Job stays (its logs), until the ModelVersion goes.
    expect(jobNames()).toContain('demo-v2-eval-pre-1');
  });

  it('waits for the pod when the Job reports Complete before the pod reports its end', async () => {
    await stableThenCanary(evaluated());
    const pod = await startPod('demo-v2-eval-pre-1');
    await endJob('demo-v2-eval-pre-1', 'Complete');
    await h.settle();
    expect(await h.phase('v2')).toBe('Evaluating');
    await endPod(pod, 0, encodeResult(passing));
    await h.settle();
    expect(await h.phase('v2')).toBe('Progressing');
  });

  it('holds, Paused EvaluationInvalid, on a result that names what kept it from running', async () => {
    await stableThenCanary(evaluated());
    const pod = await startPod('demo-v2-eval-pre-1');
    const message = 'ConfigMap demo-golden-set has no key cases.yaml (or does not exist)';
    await endPod(pod, 2, encodeResult({ format: 1, error: { field: 'dataset', message } }));
    await endJob('demo-v2-eval-pre-1', {
      reason: 'BackoffLimitExceeded',
      message: 'Job has reached the specified backoff limit',
    });
    await h.settle();
    const v2 = await h.version('v2');
    expect(v2.status).toMatchObject({ phase: 'Paused', pauseReason: 'EvaluationInvalid' });
    expect(v2.status?.evaluations?.[0]?.phase).toBe('Invalid');
    expect(v2.status?.evaluations?.[0]?.message).toContain(`dataset: ${message}`);
    expect(await weightOf('v2')).toBe(0);
  });

  it('holds when the program crashed without writing a result, pointing at its logs', async () => {
    await stableThenCanary(evaluated());
    const pod = await startPod('demo-v2-eval-pre-1');
    await endPod(pod, 1);
    await endJob('demo-v2-eval-pre-1', {
      reason: 'BackoffLimitExceeded',
      message: 'Job has reached the specified backoff limit',
    });
    await h.settle();
    const v2 = await h.version('v2');
    expect(v2.status).toMatchObject({ phase: 'Paused', pauseReason: 'EvaluationInvalid' });
    expect(v2.status?.evaluations?.[0]?.message).toMatch(
      /Job demo-v2-eval-pre-1 failed: BackoffLimitExceeded: .*its eval container ended with exit code 1 \(Error\) without writing a result; see its logs \(kubectl logs job\/demo-v2-eval-pre-1\)/,
    );
  });

  it('holds when the Job fails without a result (its deadline), and resume runs a second Job', async () => {
    await stableThenCanary(evaluated());
    // The Job controller deleted the pod at the deadline: nothing is left to read a result from.
    await endJob('demo-v2-eval-pre-1', {
      reason: 'DeadlineExceeded',
      message: 'Job was active longer than specified deadline',
    });
    await h.settle();
    const v2 = await h.version('v2');
    expect(v2.status).toMatchObject({ phase: 'Paused', pauseReason: 'EvaluationInvalid' });
    expect(v2.status?.evaluations?.[0]?.message).toMatch(
      /Job demo-v2-eval-pre-1 failed: DeadlineExceeded: Job was active longer than specified deadline/,
    );
    expect(await condition('v2', 'Evaluated')).toMatchObject({
      status: 'False',
      reason: 'EvaluationInvalid',
    });
    expect(await condition('v2', 'Degraded')).toMatchObject({ status: 'True' });

    await h.annotate('ModelVersion', 'demo-v2', 'resume');
    await h.settle();
    expect(await h.phase('v2')).toBe('Evaluating');
    expect(jobNames()).toEqual(['demo-v1-eval-pre-1', 'demo-v2-eval-pre-1', 'demo-v2-eval-pre-2']);
    expect((await evaluations('v2')).map((r) => [r.attempt, r.phase])).toEqual([
      [1, 'Invalid'],
      [2, 'Running'],
    ]);
    await finishRun('demo-v2-eval-pre-2', passing);
    await h.settle();
    expect(await h.phase('v2')).toBe('Progressing');
  });

  it('holds without a Job when the judge AIModel does not exist, naming the field', async () => {
    await stableThenCanary(
      evaluated(),
      evaluated({ judge: { modelRef: { name: 'demo-judge' }, rubric: 'Safe, kind health advice.' } }),
    );
    const v2 = await h.version('v2');
    expect(v2.status).toMatchObject({ phase: 'Paused', pauseReason: 'EvaluationInvalid' });
    const evaluated_ = await condition('v2', 'Evaluated');
    expect(evaluated_).toMatchObject({ status: 'False', reason: 'EvaluationInvalid' });
    expect(evaluated_?.message).toContain(
      `spec.promotion.evaluation.judge.modelRef.name: AIModel demo-judge does not exist in ${NS}; create it or fix the name`,
    );
    expect(jobNames()).toEqual(['demo-v1-eval-pre-1']);

    // Fixed: the judge exists; resume runs the evaluation with it.
    await h.createModel(policy(), 'demo-judge');
    await h.annotate('ModelVersion', 'demo-v2', 'resume');
    await h.settle();
    expect(await h.phase('v2')).toBe('Evaluating');
    expect(envOf(job('demo-v2-eval-pre-2'))).toMatchObject({
      EVAL_JUDGE_URL: `http://demo-judge.${NS}.svc.cluster.local`,
      EVAL_JUDGE_MODEL: 'demo-judge',
    });
  });

  it('deletes the running Job when the rollout is aborted', async () => {
    await stableThenCanary(evaluated());
    expect(jobNames()).toContain('demo-v2-eval-pre-1');
    await h.annotate('ModelVersion', 'demo-v2', 'abort');
    await h.settle();
    expect(await h.phase('v2')).toBe('RolledBack');
    expect(jobNames()).toEqual(['demo-v1-eval-pre-1']);
    expect((await evaluations('v2'))[0]?.phase).toBe('Invalid');
  });

  it('with atLastStep, is evaluated again after the last step, with its traffic kept, before promotion', async () => {
    await stableThenCanary(evaluated({ atLastStep: true }));
    await finishRun('demo-v2-eval-pre-1', passing);
    await h.settle();
    await h.after(MINUTE);
    expect((await h.version('v2')).status).toMatchObject({ phase: 'Progressing', currentStep: 1 });
    await h.after(MINUTE);
    const v2 = await h.version('v2');
    expect(v2.status).toMatchObject({ phase: 'Evaluating', canaryWeight: 50 });
    expect(jobNames()).toContain('demo-v2-eval-last-1');
    expect(job('demo-v2-eval-last-1').metadata.labels?.[EVALUATION_LABEL]).toBe('last');
    expect(await h.weights()).toEqual([
      { version: 'v1', weight: 50 },
      { version: 'v2', weight: 50 },
    ]);

    await finishRun('demo-v2-eval-last-1', passing);
    await h.settle();
    expect(await h.phase('v2')).toBe('Promoted');
    expect((await evaluations('v2')).map((r) => [r.gate, r.phase])).toEqual([
      ['BeforeTraffic', 'Passed'],
      ['LastStep', 'Passed'],
    ]);
  });
});

describe('a refused Job', () => {
  beforeEach(async () => {
    h = await Harness.start();
  });

  const createsJobs = (r: { verb: string; resource?: string }) =>
    r.verb === 'create' && r.resource === 'jobs';

  it('403: a Warning Event saying what to grant, a retry, and the Job once allowed', async () => {
    await h.createModel(evaluated());
    await h.createVersion('v1');
    h.api.injectFailure({
      match: createsJobs,
      status: 403,
      reason: 'Forbidden',
      message:
        'jobs.batch is forbidden: User "system:serviceaccount:suoke-system:operator" cannot create resource "jobs"',
    });
    await expect(h.settle()).rejects.toThrow(/forbade creating evaluation Job suoke-ai\/demo-v1-eval-pre-1/);
    expect(await h.phase('v1')).toBe('Evaluating');
    expect(h.eventsFor('demo-v1')).toContainEqual(
      expect.stringMatching(
        /^ApplyFailed: the API server forbade creating evaluation Job .*needs create on batch jobs/,
      ),
    );
    await h.settle();
    expect(jobNames()).toEqual(['demo-v1-eval-pre-1']);
  });

  it('422: the Event reports a defect of the rendering, naming the field', async () => {
    await h.createModel(evaluated());
    await h.createVersion('v1');
    h.api.injectFailure({
      match: createsJobs,
      status: 422,
      reason: 'Invalid',
      message:
        'Job.batch "demo-v1-eval-pre-1" is invalid: spec.template.spec.containers[0].image: Required value',
    });
    await expect(h.settle()).rejects.toThrow(/refused evaluation Job .* as invalid/);
    expect(h.eventsFor('demo-v1')).toContainEqual(
      expect.stringMatching(/^ApplyFailed: .*containers\[0\]\.image: Required value.*a defect/),
    );
  });
});

describe('API requests with evaluations', () => {
  beforeEach(async () => {
    h = await Harness.start();
  });

  it('one Job create per run, reads from the caches, and a settled pass makes none, while running and after', async () => {
    /** The operator's requests from request number `from` on (the test's own come before or after), watches aside. */
    const operatorRequests = (from: number) =>
      h.api.requests
        .slice(from)
        .filter((r) => r.verb !== 'watch')
        .map((r) => `${r.verb} ${r.resource ?? ''}`);
    await h.createModel(evaluated());
    await h.createVersion('v1');
    let from = h.api.requests.length;
    await h.settle();
    const first = operatorRequests(from);
    expect(first.filter((r) => r.endsWith(' jobs'))).toEqual(['create jobs']);
    expect(first.filter((r) => r.startsWith('get ') || r.startsWith('list '))).toEqual([]);

    await finishRun('demo-v1-eval-pre-1', firstPassing);
    await h.createVersion('v2');
    from = h.api.requests.length;
    await h.settle();
    const canary = operatorRequests(from);
    expect(await h.phase('v2')).toBe('Evaluating');
    expect(canary.filter((r) => r.endsWith(' jobs'))).toEqual(['create jobs']);
    expect(canary.filter((r) => r.startsWith('get ') || r.startsWith('list '))).toEqual([]);
    // Running: nothing to do until the Job ends.
    await h.pass();
    await h.pass();
    expect(h.lastPassRequests).toEqual([]);

    await finishRun('demo-v2-eval-pre-1', passing);
    from = h.api.requests.length;
    await h.settle();
    const verdict = operatorRequests(from);
    expect(await h.phase('v2')).toBe('Progressing');
    expect(verdict.filter((r) => r.endsWith(' jobs') || r.endsWith(' pods'))).toEqual([]);
    expect(verdict.filter((r) => r.startsWith('get ') || r.startsWith('list '))).toEqual([]);
    await h.pass();
    expect(h.lastPassRequests).toEqual([]);
  });
});

describe('what an evaluation Job or pod queues', () => {
  /** The ModelVersion controller's watches and queue, without workers (as watches.test.ts). */
  async function watchVersions(): Promise<{ queued: () => Promise<string[]>; stop: () => Promise<void> }> {
    const client = new KubeClient(h.api.kubeConfig());
    const informers = new SharedInformers(client);
    const cluster = ClusterClient.cached(client, informers);
    const ctx: OperatorContext = {
      client,
      cluster,
      informers,
      applier: new Applier(cluster),
      events: new EventRecorder(client, { clock: h.clock }),
      metrics: new OperatorMetrics({ processMetrics: false }),
      logger: silentLogger,
      clock: h.clock,
      settings: {},
    };
    const deps = createRolloutDeps(ctx, { metricsProvider: h.metrics });
    const never = {
      reconcile: (): never => {
        throw new Error('no worker runs in these tests');
      },
    };
    aimodelController(ctx, deps);
    const controller = new Controller(
      { ...modelVersionController(ctx, deps), reconciler: never },
      { informers, metrics: ctx.metrics, clock: h.clock },
    );
    const sync = new CacheSync(h.api, informers);
    informers.start();
    await informers.waitForSync();
    const queued = async (): Promise<string[]> => {
      await sync.wait();
      const keys: string[] = [];
      while (controller.queue.length > 0) {
        const key = (await controller.queue.get()) as string;
        keys.push(key);
        controller.queue.done(key);
      }
      return keys.sort();
    };
    await queued();
    return {
      queued,
      stop: async () => {
        controller.queue.shutDown();
        await informers.stop();
      },
    };
  }

  beforeEach(async () => {
    h = await Harness.start();
  });

  it("the Job's end and its pod's end queue the owning version; a pod starting does not", async () => {
    await stableThenCanary(evaluated());
    const watches = await watchVersions();
    try {
      const pod = await startPod('demo-v2-eval-pre-1');
      // The pod appearing is an add (always passes); its status moving without an end is not.
      expect(await watches.queued()).toEqual([`${NS}/demo-v2`]);
      const fresh = await h.client.get<KubeObject>(POD, NS, pod.metadata.name ?? '');
      await h.client.replaceStatus(POD, { ...fresh, status: { phase: 'Running' } });
      expect(await watches.queued()).toEqual([]);
      await endPod(pod, 0, encodeResult(passing));
      expect(await watches.queued()).toEqual([`${NS}/demo-v2`]);
      await endJob('demo-v2-eval-pre-1', 'Complete');
      expect(await watches.queued()).toEqual([`${NS}/demo-v2`]);
      // A pod without the evaluation label is not even cached, whatever Job it names.
      await h.client.create(POD, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: 'someone-elses',
          namespace: NS,
          labels: { 'batch.kubernetes.io/job-name': 'demo-v2-eval-pre-1' },
        },
        spec: { containers: [{ name: 'eval', image: 'ghcr.io/example/app:1.0.0' }] },
      });
      expect(await watches.queued()).toEqual([]);
    } finally {
      await watches.stop();
    }
  });
});
