import {
  ApiException,
  AppsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  type V1ConfigMap,
  type V1OwnerReference,
} from '@kubernetes/client-node';
import { startFakeApiServer, type FakeApiServer } from '../support/fake-api-server/index.js';
import { waitFor } from '../support/wait.js';

async function exists(call: Promise<unknown>): Promise<boolean> {
  try {
    await call;
    return true;
  } catch (error) {
    if (error instanceof ApiException && error.code === 404) return false;
    throw error;
  }
}

function ownedBy(owner: {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; uid?: string };
}): V1OwnerReference {
  return {
    apiVersion: owner.apiVersion!,
    kind: owner.kind!,
    name: owner.metadata!.name!,
    uid: owner.metadata!.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

describe('fake API server: finalizers, deletionTimestamp and garbage collection', () => {
  let api: FakeApiServer;
  let core: CoreV1Api;
  let apps: AppsV1Api;
  let custom: CustomObjectsApi;
  const cm = (name: string, extra: Partial<V1ConfigMap['metadata']> = {}): V1ConfigMap => ({
    metadata: { name, ...extra },
  });

  beforeEach(async () => {
    api = await startFakeApiServer({
      crds: ['project'],
      namespaces: ['apps'],
      now: () => new Date('2026-01-02T03:04:05.678Z'),
    });
    core = api.kubeConfig().makeApiClient(CoreV1Api);
    apps = api.kubeConfig().makeApiClient(AppsV1Api);
    custom = api.kubeConfig().makeApiClient(CustomObjectsApi);
  });
  afterEach(async () => {
    await api.stop();
  });

  it('keeps an object with finalizers, marked with deletionTimestamp, until the last finalizer is removed', async () => {
    await core.createNamespacedConfigMap({
      namespace: 'apps',
      body: cm('guarded', { finalizers: ['example.com/a', 'example.com/b'] }),
    });
    await core.deleteNamespacedConfigMap({ name: 'guarded', namespace: 'apps' });
    const marked = await core.readNamespacedConfigMap({ name: 'guarded', namespace: 'apps' });
    expect(marked.metadata?.deletionTimestamp?.toISOString()).toBe('2026-01-02T03:04:05.000Z');
    // Deleting again changes nothing.
    const rv = marked.metadata?.resourceVersion;
    await core.deleteNamespacedConfigMap({ name: 'guarded', namespace: 'apps' });
    expect(
      (await core.readNamespacedConfigMap({ name: 'guarded', namespace: 'apps' })).metadata?.resourceVersion,
    ).toBe(rv);
    await core.patchNamespacedConfigMap({
      name: 'guarded',
      namespace: 'apps',
      body: [{ op: 'replace', path: '/metadata/finalizers', value: ['example.com/b'] }],
    });
    expect(await exists(core.readNamespacedConfigMap({ name: 'guarded', namespace: 'apps' }))).toBe(true);
    await core.patchNamespacedConfigMap({
      name: 'guarded',
      namespace: 'apps',
      body: [{ op: 'remove', path: '/metadata/finalizers' }],
    });
    expect(await exists(core.readNamespacedConfigMap({ name: 'guarded', namespace: 'apps' }))).toBe(false);
  });

  it('answers delete with 202 and the object while finalizers hold it, then with a Success Status', async () => {
    await core.createNamespacedConfigMap({
      namespace: 'apps',
      body: cm('held', { finalizers: ['example.com/a'] }),
    });
    const pending = await core.deleteNamespacedConfigMapWithHttpInfo({ name: 'held', namespace: 'apps' });
    expect(pending.httpStatusCode).toBe(202);
    await core.createNamespacedConfigMap({ namespace: 'apps', body: cm('free') });
    const done = await core.deleteNamespacedConfigMapWithHttpInfo({ name: 'free', namespace: 'apps' });
    expect(done.httpStatusCode).toBe(200);
    expect(done.data).toMatchObject({
      kind: 'Status',
      status: 'Success',
      details: { name: 'free', kind: 'configmaps' },
    });
  });

  it('refuses new finalizers on an object being deleted', async () => {
    await core.createNamespacedConfigMap({
      namespace: 'apps',
      body: cm('guarded', { finalizers: ['example.com/a'] }),
    });
    await core.deleteNamespacedConfigMap({ name: 'guarded', namespace: 'apps' });
    const marked = await core.readNamespacedConfigMap({ name: 'guarded', namespace: 'apps' });
    const error = await core
      .replaceNamespacedConfigMap({
        name: 'guarded',
        namespace: 'apps',
        body: {
          ...marked,
          metadata: { ...marked.metadata, finalizers: ['example.com/a', 'example.com/new'] },
        },
      })
      .catch((e: ApiException<string>) => JSON.parse(e.body));
    expect(error).toMatchObject({
      code: 422,
      details: { causes: [expect.objectContaining({ field: 'metadata.finalizers' })] },
    });
  });

  it('bumps generation when deletionTimestamp is set on a kind with generation', async () => {
    const dep = await apps.createNamespacedDeployment({
      namespace: 'apps',
      body: {
        metadata: { name: 'web', finalizers: ['example.com/a'] },
        spec: {
          selector: { matchLabels: { a: 'b' } },
          template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'i' }] } },
        },
      },
    });
    await apps.deleteNamespacedDeployment({ name: 'web', namespace: 'apps' });
    const marked = await apps.readNamespacedDeployment({ name: 'web', namespace: 'apps' });
    expect(marked.metadata?.generation).toBe((dep.metadata?.generation ?? 0) + 1);
  });

  it('deletes dependents of a deleted owner across kinds, including custom resources (background cascade)', async () => {
    const owner = await custom.createNamespacedCustomObject({
      group: 'ai.suoke.life',
      version: 'v1alpha1',
      namespace: 'apps',
      plural: 'aimodels',
      body: {
        apiVersion: 'ai.suoke.life/v1alpha1',
        kind: 'AIModel',
        metadata: { name: 'xiaoai' },
        spec: { agent: { name: 'xiaoai' }, framework: 'huggingface', engine: { image: 'vllm:1' } },
      },
    });
    const ref = ownedBy(owner);
    const dep = await apps.createNamespacedDeployment({
      namespace: 'apps',
      body: {
        metadata: { name: 'xiaoai-v1', ownerReferences: [ref] },
        spec: {
          selector: { matchLabels: { a: 'b' } },
          template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'i' }] } },
        },
      },
    });
    // A grandchild owned by the Deployment goes too.
    await core.createNamespacedConfigMap({
      namespace: 'apps',
      body: cm('grandchild', { ownerReferences: [ownedBy(dep)] }),
    });
    await core.createNamespacedService({
      namespace: 'apps',
      body: { metadata: { name: 'xiaoai', ownerReferences: [ref] }, spec: { ports: [{ port: 80 }] } },
    });
    await core.createNamespacedConfigMap({ namespace: 'apps', body: cm('unrelated') });
    await custom.deleteNamespacedCustomObject({
      group: 'ai.suoke.life',
      version: 'v1alpha1',
      namespace: 'apps',
      plural: 'aimodels',
      name: 'xiaoai',
    });
    await waitFor(
      async () =>
        !(await exists(apps.readNamespacedDeployment({ name: 'xiaoai-v1', namespace: 'apps' }))) &&
        !(await exists(core.readNamespacedService({ name: 'xiaoai', namespace: 'apps' }))) &&
        !(await exists(core.readNamespacedConfigMap({ name: 'grandchild', namespace: 'apps' }))),
      { description: 'dependents collected' },
    );
    expect(await exists(core.readNamespacedConfigMap({ name: 'unrelated', namespace: 'apps' }))).toBe(true);
  });

  it('keeps a dependent that still has another owner, dropping the dangling reference', async () => {
    const a = await core.createNamespacedConfigMap({ namespace: 'apps', body: cm('owner-a') });
    const b = await core.createNamespacedConfigMap({ namespace: 'apps', body: cm('owner-b') });
    const refA = { ...ownedBy({ ...a, apiVersion: 'v1', kind: 'ConfigMap' }), controller: false };
    const refB = { ...ownedBy({ ...b, apiVersion: 'v1', kind: 'ConfigMap' }), controller: false };
    await core.createNamespacedConfigMap({
      namespace: 'apps',
      body: cm('shared', { ownerReferences: [refA, refB] }),
    });
    await core.deleteNamespacedConfigMap({ name: 'owner-a', namespace: 'apps' });
    await waitFor(async () => {
      const shared = await core.readNamespacedConfigMap({ name: 'shared', namespace: 'apps' });
      return (
        shared.metadata?.ownerReferences?.length === 1 &&
        shared.metadata.ownerReferences[0]!.uid === b.metadata?.uid
      );
    });
  });

  it('orphans dependents with propagationPolicy Orphan', async () => {
    const owner = await core.createNamespacedConfigMap({ namespace: 'apps', body: cm('owner') });
    await core.createNamespacedConfigMap({
      namespace: 'apps',
      body: cm('child', { ownerReferences: [ownedBy({ ...owner, apiVersion: 'v1', kind: 'ConfigMap' })] }),
    });
    await core.deleteNamespacedConfigMap({ name: 'owner', namespace: 'apps', propagationPolicy: 'Orphan' });
    const child = await core.readNamespacedConfigMap({ name: 'child', namespace: 'apps' });
    expect(child.metadata?.ownerReferences ?? []).toEqual([]);
  });

  it('holds the owner with foregroundDeletion until its dependents are gone (Foreground)', async () => {
    const owner = await core.createNamespacedConfigMap({ namespace: 'apps', body: cm('owner') });
    await core.createNamespacedConfigMap({
      namespace: 'apps',
      body: cm('child', {
        finalizers: ['example.com/hold'],
        ownerReferences: [ownedBy({ ...owner, apiVersion: 'v1', kind: 'ConfigMap' })],
      }),
    });
    await core.deleteNamespacedConfigMap({
      name: 'owner',
      namespace: 'apps',
      propagationPolicy: 'Foreground',
    });
    const held = await core.readNamespacedConfigMap({ name: 'owner', namespace: 'apps' });
    expect(held.metadata?.finalizers).toEqual(['foregroundDeletion']);
    await waitFor(
      async () =>
        (await core.readNamespacedConfigMap({ name: 'child', namespace: 'apps' })).metadata
          ?.deletionTimestamp,
    );
    expect(await exists(core.readNamespacedConfigMap({ name: 'owner', namespace: 'apps' }))).toBe(true);
    await core.patchNamespacedConfigMap({
      name: 'child',
      namespace: 'apps',
      body: [{ op: 'remove', path: '/metadata/finalizers' }],
    });
    await waitFor(
      async () => !(await exists(core.readNamespacedConfigMap({ name: 'owner', namespace: 'apps' }))),
      {
        description: 'owner released',
      },
    );
  });

  it('empties a deleted namespace, then removes it', async () => {
    await core.createNamespace({ body: { metadata: { name: 'doomed' } } });
    await core.createNamespacedConfigMap({ namespace: 'doomed', body: cm('a') });
    await core.createNamespacedConfigMap({
      namespace: 'doomed',
      body: cm('held', { finalizers: ['example.com/hold'] }),
    });
    await core.createNamespacedSecret({ namespace: 'doomed', body: { metadata: { name: 's' } } });
    await core.deleteNamespace({ name: 'doomed' });
    // Everything without a finalizer goes; the namespace stays Terminating while anything remains.
    await waitFor(
      async () => (await core.listNamespacedConfigMap({ namespace: 'doomed' })).items.length === 1,
    );
    const terminating = await core.readNamespace({ name: 'doomed' });
    expect(terminating.status?.phase).toBe('Terminating');
    expect(terminating.spec?.finalizers).toEqual(['kubernetes']);
    const refused = await core
      .createNamespacedConfigMap({ namespace: 'doomed', body: cm('late') })
      .catch((e: ApiException<string>) => JSON.parse(e.body));
    expect(refused).toMatchObject({ code: 403, reason: 'Forbidden' });
    await core.patchNamespacedConfigMap({
      name: 'held',
      namespace: 'doomed',
      body: [{ op: 'remove', path: '/metadata/finalizers' }],
    });
    await waitFor(async () => !(await exists(core.readNamespace({ name: 'doomed' }))), {
      description: 'namespace gone',
    });
    expect((await core.listNamespacedSecret({ namespace: 'doomed' })).items).toEqual([]);
    expect(await exists(core.readNamespace({ name: 'apps' }))).toBe(true);
  });
});
