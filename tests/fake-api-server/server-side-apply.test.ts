import {
  ApiException,
  AppsV1Api,
  KubernetesObjectApi,
  PatchStrategy,
  setHeaderOptions,
  type KubernetesObject,
  type V1Deployment,
} from '@kubernetes/client-node';
import { startFakeApiServer, type FakeApiServer } from '../support/fake-api-server/index.js';

const APPLY = setHeaderOptions('Content-Type', PatchStrategy.ServerSideApply);

function config(
  replicas: number | undefined,
  labels: Record<string, string>,
  containers: { name: string; image: string }[] = [{ name: 'main', image: 'app:1' }],
): V1Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'apps', labels },
    spec: {
      ...(replicas === undefined ? {} : { replicas }),
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers } },
    },
  };
}

async function statusOf(call: Promise<unknown>): Promise<any> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ApiException) return JSON.parse(error.body as string);
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('fake API server: server-side apply', () => {
  let api: FakeApiServer;
  let objects: KubernetesObjectApi;
  let apps: AppsV1Api;
  const apply = (body: KubernetesObject, fieldManager: string, force?: boolean): Promise<V1Deployment> =>
    objects.patch(body, undefined, undefined, fieldManager, force, PatchStrategy.ServerSideApply);

  beforeEach(async () => {
    api = await startFakeApiServer({ namespaces: ['apps'] });
    objects = KubernetesObjectApi.makeApiClient(api.kubeConfig());
    apps = api.kubeConfig().makeApiClient(AppsV1Api);
  });
  afterEach(async () => {
    await api.stop();
  });

  it('creates on apply and records the manager as owner of the applied fields', async () => {
    const created = await apply(config(2, { app: 'web' }), 'operator');
    expect(api.requests.at(-1)).toMatchObject({ verb: 'apply', fieldManager: 'operator', status: 201 });
    expect(created.metadata?.managedFields).toEqual([
      expect.objectContaining({ manager: 'operator', operation: 'Apply', apiVersion: 'apps/v1' }),
    ]);
    const fields = created.metadata!.managedFields![0]!.fieldsV1 as any;
    expect(fields['f:spec']['f:replicas']).toEqual({});
    expect(fields['f:spec']['f:template']['f:spec']['f:containers']['k:{"name":"main"}']).toEqual({
      '.': {},
      'f:name': {},
      'f:image': {},
    });
  });

  it('treats applying the same configuration twice as a no-op (no write, same resourceVersion)', async () => {
    const first = await apply(config(2, { app: 'web' }), 'operator');
    api.resetCounters();
    const second = await apply(config(2, { app: 'web' }), 'operator');
    expect(second.metadata?.resourceVersion).toBe(first.metadata?.resourceVersion);
    expect(api.writes).toBe(0);
    expect(second.metadata?.managedFields).toEqual(first.metadata?.managedFields);
  });

  it('refuses an apply whose resourceVersion is stale with 409, and accepts the current one', async () => {
    const first = await apply(config(2, { app: 'web' }), 'operator');
    await apply(config(3, { app: 'web' }), 'operator');
    const stale = config(4, { app: 'web' });
    stale.metadata!.resourceVersion = first.metadata!.resourceVersion!;
    const status = await statusOf(apply(stale, 'operator'));
    expect(status).toMatchObject({ kind: 'Status', code: 409, reason: 'Conflict' });
    expect((await apps.readNamespacedDeployment({ name: 'web', namespace: 'apps' })).spec?.replicas).toBe(3);

    const current = config(4, { app: 'web' });
    current.metadata!.resourceVersion = (
      await apps.readNamespacedDeployment({ name: 'web', namespace: 'apps' })
    ).metadata!.resourceVersion!;
    expect((await apply(current, 'operator')).spec?.replicas).toBe(4);
  });

  it('removes a field the manager no longer applies, unless another manager owns it', async () => {
    await apply(config(2, { app: 'web', a: '1', b: '2' }), 'operator');
    // Another applier also sets label b (same value: shared ownership, no conflict).
    await apply(
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web', namespace: 'apps', labels: { b: '2' } },
      },
      'other',
    );
    const after = await apply(config(2, { app: 'web' }), 'operator');
    expect(after.metadata?.labels).toEqual({ app: 'web', b: '2' });
  });

  it('removes a list item the manager no longer applies', async () => {
    await apply(
      config(1, { app: 'web' }, [
        { name: 'main', image: 'app:1' },
        { name: 'sidecar', image: 'proxy:1' },
      ]),
      'operator',
    );
    const after = await apply(config(1, { app: 'web' }), 'operator');
    expect(after.spec?.template.spec?.containers.map((c) => c.name)).toEqual(['main']);
  });

  it('merges associative lists by key between managers', async () => {
    await apply(config(1, { app: 'web' }), 'operator');
    const injected = await apply(
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web', namespace: 'apps' },
        spec: { template: { spec: { containers: [{ name: 'istio-proxy', image: 'proxy:1' }] } } },
      } as KubernetesObject,
      'injector',
    );
    expect(injected.spec?.template.spec?.containers.map((c) => c.name)).toEqual(['main', 'istio-proxy']);
  });

  it('answers 409 Conflict naming the manager and field for a conflicting apply without force', async () => {
    await apply(config(2, { app: 'web' }), 'operator');
    const status = await statusOf(apply(config(5, { app: 'web' }), 'autoscaler'));
    expect(status).toMatchObject({
      kind: 'Status',
      code: 409,
      reason: 'Conflict',
      message: 'Apply failed with 1 conflict: conflict with "operator" using apps/v1: .spec.replicas',
      details: { causes: [{ reason: 'FieldManagerConflict', field: '.spec.replicas' }] },
    });
    const forced = await apply(config(5, { app: 'web' }), 'autoscaler', true);
    expect(forced.spec?.replicas).toBe(5);
    const owners = (path: string) =>
      forced
        .metadata!.managedFields!.filter((m) => Object.hasOwn((m.fieldsV1 as any)['f:spec'] ?? {}, path))
        .map((m) => m.manager);
    expect(owners('f:replicas')).toEqual(['autoscaler']);
    // Fields both applied with the same value stay shared: force takes over conflicts only.
    expect(owners('f:selector').sort()).toEqual(['autoscaler', 'operator']);
  });

  it('conflicts with fields changed by a plain update, and the update takes ownership', async () => {
    const applied = await apply(config(2, { app: 'web' }), 'operator');
    await apps.replaceNamespacedDeployment({
      name: 'web',
      namespace: 'apps',
      fieldManager: 'kubectl-edit',
      body: { ...(applied as V1Deployment), spec: { ...(applied as V1Deployment).spec!, replicas: 9 } },
    });
    const status = await statusOf(apply(config(2, { app: 'web' }), 'operator'));
    expect(status.message).toBe(
      'Apply failed with 1 conflict: conflict with "kubectl-edit" using apps/v1: .spec.replicas',
    );
  });

  it('applies status through the status subresource only', async () => {
    await apply(config(2, { app: 'web' }), 'operator');
    const result = await apps.patchNamespacedDeploymentStatus(
      {
        name: 'web',
        namespace: 'apps',
        fieldManager: 'controller',
        body: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'web' },
          spec: { replicas: 7 },
          status: { replicas: 2 },
        },
      },
      APPLY,
    );
    expect(result.status?.replicas).toBe(2);
    expect(result.spec?.replicas).toBe(2);
    expect(result.metadata?.managedFields?.find((m) => m.manager === 'controller')).toMatchObject({
      operation: 'Apply',
      subresource: 'status',
    });
  });

  it('merges custom resource lists by their x-kubernetes-list-map-keys, in spec and status', async () => {
    await api.stop();
    api = await startFakeApiServer({ crds: ['project'], namespaces: ['apps'] });
    objects = KubernetesObjectApi.makeApiClient(api.kubeConfig());
    const model = (env: { name: string; value: string }[]) => ({
      apiVersion: 'ai.suoke.life/v1alpha1',
      kind: 'AIModel',
      metadata: { name: 'xiaoai', namespace: 'apps' },
      spec: { agent: { name: 'xiaoai' }, framework: 'huggingface', engine: { image: 'vllm:1', env } },
    });
    await objects.patch(
      model([{ name: 'A', value: '1' }]),
      undefined,
      undefined,
      'gitops',
      undefined,
      PatchStrategy.ServerSideApply,
    );
    const both: any = await objects.patch(
      {
        ...model([{ name: 'B', value: '2' }]),
        spec: { engine: { env: [{ name: 'B', value: '2' }] } },
      } as KubernetesObject,
      undefined,
      undefined,
      'tuner',
      undefined,
      PatchStrategy.ServerSideApply,
    );
    expect(both.spec.engine.env).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: '2' },
    ]);
    const condition = (type: string) => ({
      type,
      status: 'True',
      reason: 'Checked',
      message: `${type} is fine`,
      lastTransitionTime: '2026-01-01T00:00:00Z',
    });
    const statusApply = (manager: string, type: string) =>
      fetch(
        `${api.url}/apis/ai.suoke.life/v1alpha1/namespaces/apps/aimodels/xiaoai/status?fieldManager=${manager}`,
        {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/apply-patch+yaml' },
          body: JSON.stringify({
            apiVersion: 'ai.suoke.life/v1alpha1',
            kind: 'AIModel',
            metadata: { name: 'xiaoai' },
            status: { conditions: [condition(type)] },
          }),
        },
      );
    expect((await statusApply('operator', 'Ready')).status).toBe(200);
    const merged = (await (await statusApply('prober', 'Degraded')).json()) as any;
    expect(merged.status.conditions.map((c: { type: string }) => c.type)).toEqual(['Ready', 'Degraded']);
  });

  it('requires a field manager for apply', async () => {
    const status = await statusOf(
      apps.patchNamespacedDeployment({ name: 'web', namespace: 'apps', body: config(1, {}) }, APPLY),
    );
    expect(status).toMatchObject({ code: 400, reason: 'BadRequest' });
    expect(status.message).toContain('fieldManager is required');
  });
});
