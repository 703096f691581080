import {
  AppsV1Api,
  AutoscalingV2Api,
  CoordinationV1Api,
  CustomObjectsApi,
  EventsV1Api,
  KubernetesObjectApi,
  NetworkingV1Api,
  PatchStrategy,
  PolicyV1Api,
  RbacAuthorizationV1Api,
  setHeaderOptions,
  Watch,
  type KubernetesObject,
} from '@kubernetes/client-node';
import { startFakeApiServer, type FakeApiServer } from '../support/fake-api-server/index.js';
import { waitFor } from '../support/wait.js';

describe('fake API server: the client-node APIs the operator uses', () => {
  let api: FakeApiServer;

  beforeAll(async () => {
    api = await startFakeApiServer({ crds: ['project'], namespaces: ['apps'] });
  });
  afterAll(async () => {
    await api.stop();
  });

  it('CoordinationV1Api: creates and renews a Lease with optimistic concurrency', async () => {
    const leases = api.kubeConfig().makeApiClient(CoordinationV1Api);
    const created = await leases.createNamespacedLease({
      namespace: 'apps',
      body: {
        metadata: { name: 'leader' },
        spec: {
          holderIdentity: 'a',
          leaseDurationSeconds: 15,
          acquireTime: new Date(),
          renewTime: new Date(),
        },
      },
    });
    expect(created.spec?.holderIdentity).toBe('a');
    const renewed = await leases.replaceNamespacedLease({
      name: 'leader',
      namespace: 'apps',
      body: { ...created, spec: { ...created.spec, renewTime: new Date(Date.now() + 1000) } },
    });
    expect(Number(renewed.metadata?.resourceVersion)).toBeGreaterThan(
      Number(created.metadata?.resourceVersion),
    );
    await expect(
      leases.replaceNamespacedLease({
        name: 'leader',
        namespace: 'apps',
        body: { ...created, spec: { ...created.spec, holderIdentity: 'b' } },
      }),
    ).rejects.toMatchObject({ code: 409 });
  });

  it('setDeploymentAvailable writes the status a deployment controller would, visible to watches', async () => {
    const appsApi = api.kubeConfig().makeApiClient(AppsV1Api);
    await appsApi.createNamespacedDeployment({
      namespace: 'apps',
      body: {
        metadata: { name: 'web' },
        spec: {
          replicas: 3,
          selector: { matchLabels: { app: 'web' } },
          template: {
            metadata: { labels: { app: 'web' } },
            spec: { containers: [{ name: 'c', image: 'i' }] },
          },
        },
      },
    });
    const seen: string[] = [];
    const stop = await new Watch(api.kubeConfig()).watch(
      '/apis/apps/v1/namespaces/apps/deployments',
      { resourceVersion: api.resourceVersion },
      (type, obj) => seen.push(`${type} ${obj.status?.availableReplicas}`),
      () => undefined,
    );
    api.setDeploymentAvailable('apps', 'web');
    const dep = await appsApi.readNamespacedDeploymentStatus({ name: 'web', namespace: 'apps' });
    expect(dep.status).toMatchObject({
      observedGeneration: 1,
      replicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
    });
    expect(dep.status?.conditions?.find((c) => c.type === 'Available')?.status).toBe('True');
    await waitFor(() => seen.length === 1);
    expect(seen).toEqual(['MODIFIED 3']);
    api.resetCounters();
    api.setDeploymentAvailable('apps', 'web');
    expect(api.writes).toBe(0);
    api.setDeploymentAvailable('apps', 'web', false);
    const down = await appsApi.readNamespacedDeploymentStatus({ name: 'web', namespace: 'apps' });
    expect(down.status?.conditions?.find((c) => c.type === 'Available')?.status).toBe('False');
    stop.abort();
  });

  it('EventsV1Api: records and lists events.k8s.io Events', async () => {
    const events = api.kubeConfig().makeApiClient(EventsV1Api);
    await events.createNamespacedEvent({
      namespace: 'apps',
      body: {
        metadata: { name: 'xiaoai.1' },
        eventTime: new Date(),
        reportingController: 'ai.suoke.life/modelops-operator',
        reportingInstance: 'pod-1',
        action: 'Promote',
        reason: 'Promoted',
        type: 'Normal',
        note: 'version v2 promoted',
        regarding: {
          apiVersion: 'ai.suoke.life/v1alpha1',
          kind: 'ModelVersion',
          name: 'xiaoai-v2',
          namespace: 'apps',
        },
      },
    });
    const list = await events.listNamespacedEvent({
      namespace: 'apps',
      fieldSelector: 'regarding.name=xiaoai-v2',
    });
    expect(list.items.map((e) => e.reason)).toEqual(['Promoted']);
  });

  it('typed APIs for HPA, PDB, NetworkPolicy and RBAC', async () => {
    const kc = api.kubeConfig();
    await kc.makeApiClient(AutoscalingV2Api).createNamespacedHorizontalPodAutoscaler({
      namespace: 'apps',
      body: {
        metadata: { name: 'hpa' },
        spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 3 },
      },
    });
    await kc.makeApiClient(PolicyV1Api).createNamespacedPodDisruptionBudget({
      namespace: 'apps',
      body: {
        metadata: { name: 'pdb' },
        spec: { minAvailable: 1, selector: { matchLabels: { app: 'web' } } },
      },
    });
    await kc.makeApiClient(NetworkingV1Api).createNamespacedNetworkPolicy({
      namespace: 'apps',
      body: { metadata: { name: 'deny' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } },
    });
    const rbac = kc.makeApiClient(RbacAuthorizationV1Api);
    await rbac.createClusterRole({
      body: {
        metadata: { name: 'reader' },
        rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }],
      },
    });
    await rbac.createNamespacedRoleBinding({
      namespace: 'apps',
      body: {
        metadata: { name: 'rb' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'reader' },
        subjects: [],
      },
    });
    const hpa = await kc
      .makeApiClient(AutoscalingV2Api)
      .readNamespacedHorizontalPodAutoscaler({ name: 'hpa', namespace: 'apps' });
    expect(hpa.metadata?.generation).toBe(1);
    expect((await rbac.listClusterRole()).items.map((r) => r.metadata?.name)).toContain('reader');
  });

  it('KubernetesObjectApi: create, read, list, replace and delete through discovery', async () => {
    const objects = KubernetesObjectApi.makeApiClient(api.kubeConfig('apps'));
    const spec: KubernetesObject & { data?: Record<string, string> } = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'generic', namespace: 'apps' },
      data: { a: '1' },
    };
    await objects.create(spec);
    const read = (await objects.read({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'generic', namespace: 'apps' },
    })) as typeof spec;
    expect(read.data).toEqual({ a: '1' });
    const replaced = (await objects.replace({ ...read, data: { a: '2' } })) as typeof spec;
    expect(replaced.data).toEqual({ a: '2' });
    const list = await objects.list('v1', 'ConfigMap', 'apps');
    expect(list.items.map((i) => i.metadata?.name)).toContain('generic');
    await objects.delete({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'generic', namespace: 'apps' },
    });
    expect(api.get({ apiVersion: 'v1', kind: 'ConfigMap' }, 'apps', 'generic')).toBeUndefined();
  });

  it('CustomObjectsApi: writes status through the status subresource with a merge patch', async () => {
    const custom = api.kubeConfig().makeApiClient(CustomObjectsApi);
    const ref = {
      group: 'ai.suoke.life',
      version: 'v1alpha1',
      namespace: 'apps',
      plural: 'aimodels',
      name: 'xiaoai',
    };
    const created = await custom.createNamespacedCustomObject({
      ...ref,
      body: {
        apiVersion: 'ai.suoke.life/v1alpha1',
        kind: 'AIModel',
        metadata: { name: 'xiaoai' },
        spec: { agent: { name: 'xiaoai' }, framework: 'huggingface', engine: { image: 'vllm:1' } },
      },
    });
    const patched = await custom.patchNamespacedCustomObjectStatus(
      {
        ...ref,
        body: { status: { observedGeneration: 1, stableVersion: 'v1' }, spec: { framework: 'onnx' } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(patched.status).toMatchObject({ observedGeneration: 1, stableVersion: 'v1' });
    expect(patched.spec.framework).toBe('huggingface');
    expect(patched.metadata.generation).toBe(created.metadata.generation);
    const listed = await custom.listNamespacedCustomObject({
      group: 'ai.suoke.life',
      version: 'v1alpha1',
      namespace: 'apps',
      plural: 'aimodels',
    });
    expect(listed.items[0]).toMatchObject({ apiVersion: 'ai.suoke.life/v1alpha1', kind: 'AIModel' });
  });
});
