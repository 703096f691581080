import { ApiException, BatchV1Api, CoreV1Api, type V1Job, type V1Pod } from '@kubernetes/client-node';
import { startFakeApiServer, type FakeApiServer } from '../support/fake-api-server/index.js';
import { waitFor } from '../support/wait.js';

const NS = 'agents';

function job(
  name: string,
  overrides: { labels?: Record<string, string>; spec?: Partial<V1Job['spec']> } = {},
): V1Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: NS, ...(overrides.labels ? { labels: overrides.labels } : {}) },
    spec: {
      backoffLimit: 0,
      template: {
        metadata: { labels: { 'ai.suoke.life/evaluation': 'pre', model: 'soer' } },
        spec: {
          restartPolicy: 'Never',
          containers: [{ name: 'eval', image: 'ghcr.io/suoke-life/agent-runtime:0.1.0' }],
        },
      },
      ...overrides.spec,
    },
  };
}

/** A pod as the Job controller creates one: the template's labels and a controller reference to the Job. */
function podOf(owner: V1Job, name: string): V1Pod {
  return {
    metadata: {
      name,
      namespace: NS,
      labels: { ...owner.spec!.template.metadata!.labels },
      ownerReferences: [
        {
          apiVersion: 'batch/v1',
          kind: 'Job',
          name: owner.metadata!.name!,
          uid: owner.metadata!.uid!,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      restartPolicy: 'Never',
      containers: [{ name: 'eval', image: 'ghcr.io/suoke-life/agent-runtime:0.1.0' }],
    },
  };
}

/** The Kubernetes Status body of a failed client-node call. */
async function statusOf(call: Promise<unknown>): Promise<{ code: number; reason: string; details?: any }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ApiException) return JSON.parse(error.body as string);
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('fake API server: batch/v1 Jobs as Kubernetes 1.32 serves them', () => {
  let api: FakeApiServer;
  let batch: BatchV1Api;
  let core: CoreV1Api;

  beforeEach(async () => {
    api = await startFakeApiServer({ namespaces: [NS] });
    batch = api.kubeConfig().makeApiClient(BatchV1Api);
    core = api.kubeConfig().makeApiClient(CoreV1Api);
  });
  afterEach(async () => {
    await api.stop();
  });

  it('fills the defaults and generates the selector and the job-name/controller-uid labels on create', async () => {
    const created = await batch.createNamespacedJob({
      namespace: NS,
      body: job('soer-v2-eval-pre-1', { labels: { model: 'soer' } }),
    });
    const uid = created.metadata!.uid!;
    expect(uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.metadata!.generation).toBe(1);
    // The Job's own labels are its own; the generated ones go on the pod template only.
    expect(created.metadata!.labels).toEqual({ model: 'soer' });
    expect(created.spec).toMatchObject({
      completions: 1,
      parallelism: 1,
      backoffLimit: 0,
      completionMode: 'NonIndexed',
      suspend: false,
      podReplacementPolicy: 'TerminatingOrFailed',
      manualSelector: false,
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
    });
    expect(created.spec!.template.metadata!.labels).toEqual({
      'ai.suoke.life/evaluation': 'pre',
      model: 'soer',
      'job-name': 'soer-v2-eval-pre-1',
      'batch.kubernetes.io/job-name': 'soer-v2-eval-pre-1',
      'controller-uid': uid,
      'batch.kubernetes.io/controller-uid': uid,
    });
    // Pod template defaults, as for any workload.
    const container = created.spec!.template.spec!.containers[0]!;
    expect(container).toMatchObject({
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      imagePullPolicy: 'IfNotPresent',
    });
    expect(created.spec!.template.spec).toMatchObject({ restartPolicy: 'Never', dnsPolicy: 'ClusterFirst' });
    expect(created.status).toBeUndefined();
  });

  it('gives a Job without labels its template labels (before the generated ones), and backoffLimit 6 unless set', async () => {
    const { spec, ...rest } = job('plain');
    const { backoffLimit: _unset, ...withoutBackoff } = spec!;
    const created = await batch.createNamespacedJob({
      namespace: NS,
      body: { ...rest, spec: withoutBackoff },
    });
    expect(created.metadata!.labels).toEqual({ 'ai.suoke.life/evaluation': 'pre', model: 'soer' });
    expect(created.spec!.backoffLimit).toBe(6);
  });

  it('refuses a pod template that restarts Always or by default, and labels that contradict the generated ones', async () => {
    const always = job('always');
    always.spec!.template.spec!.restartPolicy = 'Always';
    const refused = await statusOf(batch.createNamespacedJob({ namespace: NS, body: always }));
    expect(refused).toMatchObject({ code: 422, reason: 'Invalid' });
    expect(refused.details.causes).toContainEqual({
      reason: 'FieldValueRequired',
      field: 'spec.template.spec.restartPolicy',
      message: 'Required value: valid values: "OnFailure", "Never"',
    });
    const unset = job('unset');
    delete unset.spec!.template.spec!.restartPolicy;
    expect(
      (await statusOf(batch.createNamespacedJob({ namespace: NS, body: unset }))).details.causes.map(
        (c: { field: string }) => c.field,
      ),
    ).toContain('spec.template.spec.restartPolicy');
    const wrongName = job('right-name');
    wrongName.spec!.template.metadata!.labels!['job-name'] = 'other-name';
    const conflicting = await statusOf(batch.createNamespacedJob({ namespace: NS, body: wrongName }));
    expect(conflicting.details.causes).toContainEqual(
      expect.objectContaining({
        field: 'spec.template.metadata.labels[job-name]',
        message: expect.stringContaining("must be 'right-name'"),
      }),
    );
    expect(await batch.listNamespacedJob({ namespace: NS }).then((l) => l.items)).toEqual([]);
  });

  it('keeps status and spec apart, bumps generation on spec changes only, and keeps the template immutable', async () => {
    const created = await batch.createNamespacedJob({ namespace: NS, body: job('runs') });
    const startTime = new Date('2025-01-01T00:00:00Z');
    const status = { startTime, active: 1, ready: 0, terminating: 0 };
    const withStatus = await batch.replaceNamespacedJobStatus({
      name: 'runs',
      namespace: NS,
      body: { ...created, status, spec: { ...created.spec!, backoffLimit: 3 } },
    });
    expect(withStatus.status).toMatchObject(status);
    expect(withStatus.spec!.backoffLimit).toBe(0);
    expect(withStatus.metadata!.generation).toBe(1);

    const longer = await batch.replaceNamespacedJob({
      name: 'runs',
      namespace: NS,
      body: { ...withStatus, spec: { ...withStatus.spec!, activeDeadlineSeconds: 600 }, status: {} },
    });
    expect(longer.metadata!.generation).toBe(2);
    expect(longer.spec!.activeDeadlineSeconds).toBe(600);
    expect(longer.status).toMatchObject(status);

    const changedTemplate = structuredClone(longer);
    changedTemplate.spec!.template.spec!.containers[0]!.image = 'ghcr.io/suoke-life/agent-runtime:0.2.0';
    const refused = await statusOf(
      batch.replaceNamespacedJob({ name: 'runs', namespace: NS, body: changedTemplate }),
    );
    expect(refused).toMatchObject({ code: 422, reason: 'Invalid' });
    expect(refused.details.causes).toContainEqual(
      expect.objectContaining({
        field: 'spec.template',
        message: expect.stringContaining('field is immutable'),
      }),
    );
    const changedSelector = structuredClone(longer);
    changedSelector.spec!.selector = { matchLabels: { 'job-name': 'runs' } };
    const selectorRefused = await statusOf(
      batch.replaceNamespacedJob({ name: 'runs', namespace: NS, body: changedSelector }),
    );
    expect(selectorRefused.details.causes.map((c: { field: string }) => c.field)).toContain('spec.selector');
  });

  it('lets a suspended Job that never started change its pod labels, and no other Job', async () => {
    const suspended = await batch.createNamespacedJob({
      namespace: NS,
      body: job('queued', { spec: { suspend: true } }),
    });
    const relabelled = structuredClone(suspended);
    relabelled.spec!.template.metadata!.labels!.queue = 'gpu';
    const accepted = await batch.replaceNamespacedJob({ name: 'queued', namespace: NS, body: relabelled });
    expect(accepted.spec!.template.metadata!.labels!.queue).toBe('gpu');

    const running = await batch.createNamespacedJob({ namespace: NS, body: job('running') });
    const alsoRelabelled = structuredClone(running);
    alsoRelabelled.spec!.template.metadata!.labels!.queue = 'gpu';
    const refused = await statusOf(
      batch.replaceNamespacedJob({ name: 'running', namespace: NS, body: alsoRelabelled }),
    );
    expect(refused.details.causes.map((c: { field: string }) => c.field)).toContain('spec.template');
  });

  it('orphans the pods of a Job deleted without propagationPolicy, and collects them with Background', async () => {
    const orphaning = await batch.createNamespacedJob({ namespace: NS, body: job('orphaning') });
    await core.createNamespacedPod({ namespace: NS, body: podOf(orphaning, 'orphaning-abcde') });
    await batch.deleteNamespacedJob({ name: 'orphaning', namespace: NS });
    const orphan = await core.readNamespacedPod({ name: 'orphaning-abcde', namespace: NS });
    expect(orphan.metadata!.ownerReferences ?? []).toEqual([]);

    const collected = await batch.createNamespacedJob({ namespace: NS, body: job('collected') });
    await core.createNamespacedPod({ namespace: NS, body: podOf(collected, 'collected-fghij') });
    await batch.deleteNamespacedJob({ name: 'collected', namespace: NS, propagationPolicy: 'Background' });
    await waitFor(
      async () =>
        (
          await core.listNamespacedPod({
            namespace: NS,
            labelSelector: 'batch.kubernetes.io/job-name=collected',
          })
        ).items.length === 0,
      { description: 'the pods of the Job deleted with Background to be collected' },
    );
    expect((await core.listNamespacedPod({ namespace: NS })).items.map((p) => p.metadata!.name)).toEqual([
      'orphaning-abcde',
    ]);
  });

  it('is discovered with its status subresource, listed by label and by status.successful', async () => {
    const discovery = (await fetch(`${api.url}/apis/batch/v1`).then((r) => r.json())) as {
      resources: Array<{ name: string }>;
    };
    expect(discovery.resources.map((r: { name: string }) => r.name)).toEqual(
      expect.arrayContaining(['jobs', 'jobs/status']),
    );
    expect(discovery.resources.find((r: { name: string }) => r.name === 'jobs')).toMatchObject({
      kind: 'Job',
      namespaced: true,
      categories: ['all'],
    });
    await batch.createNamespacedJob({ namespace: NS, body: job('evaluated') });
    await batch.createNamespacedJob({
      namespace: NS,
      body: {
        ...job('other'),
        spec: {
          ...job('other').spec!,
          template: { ...job('other').spec!.template, metadata: { labels: { app: 'x' } } },
        },
      },
    });
    const evaluated = await batch.listNamespacedJob({
      namespace: NS,
      labelSelector: 'ai.suoke.life/evaluation',
    });
    // The Job took its template's labels, so the label selects it (and not the other).
    expect(evaluated.items.map((j) => j.metadata!.name)).toEqual(['evaluated']);
    const done = await batch.readNamespacedJob({ name: 'evaluated', namespace: NS });
    await batch.replaceNamespacedJobStatus({
      name: 'evaluated',
      namespace: NS,
      body: { ...done, status: { startTime: new Date('2025-01-01T00:00:00Z'), succeeded: 1 } },
    });
    const successful = await batch.listNamespacedJob({ namespace: NS, fieldSelector: 'status.successful=1' });
    expect(successful.items.map((j) => j.metadata!.name)).toEqual(['evaluated']);
    const none = await batch.listNamespacedJob({ namespace: NS, fieldSelector: 'status.successful=0' });
    expect(none.items.map((j) => j.metadata!.name)).toEqual(['other']);
  });
});
