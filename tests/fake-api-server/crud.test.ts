import {
  ApiException,
  AppsV1Api,
  CoreV1Api,
  PatchStrategy,
  setHeaderOptions,
  type V1Deployment,
} from '@kubernetes/client-node';
import { startFakeApiServer, type FakeApiServer } from '../support/fake-api-server/index.js';

function deployment(name: string, replicas = 1): V1Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'apps', labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'main', image: 'nginx:1.27' }] },
      },
    },
  };
}

/** The Kubernetes Status body of a failed client-node call. */
async function statusOf(
  call: Promise<unknown>,
): Promise<{ code: number; reason: string; message: string; details?: any }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ApiException) return JSON.parse(error.body as string);
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('fake API server: CRUD semantics through client-node', () => {
  let api: FakeApiServer;
  let core: CoreV1Api;
  let apps: AppsV1Api;

  beforeEach(async () => {
    api = await startFakeApiServer({ namespaces: ['apps'] });
    core = api.kubeConfig().makeApiClient(CoreV1Api);
    apps = api.kubeConfig().makeApiClient(AppsV1Api);
  });
  afterEach(async () => {
    await api.stop();
  });

  it('creates, reads and lists with a resourceVersion on every object and list', async () => {
    const created = await apps.createNamespacedDeployment({ namespace: 'apps', body: deployment('web') });
    expect(created.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.metadata?.generation).toBe(1);
    expect(Number(created.metadata?.resourceVersion)).toBeGreaterThan(0);
    const read = await apps.readNamespacedDeployment({ name: 'web', namespace: 'apps' });
    expect(read.metadata?.resourceVersion).toBe(created.metadata?.resourceVersion);
    const list = await apps.listNamespacedDeployment({ namespace: 'apps' });
    expect(list.items.map((d) => d.metadata?.name)).toEqual(['web']);
    expect(Number(list.metadata?.resourceVersion)).toBeGreaterThanOrEqual(
      Number(created.metadata?.resourceVersion),
    );
    await core.createNamespacedConfigMap({
      namespace: 'apps',
      body: { metadata: { name: 'cfg' }, data: { a: '1' } },
    });
    const after = await apps.listNamespacedDeployment({ namespace: 'apps' });
    expect(Number(after.metadata?.resourceVersion)).toBeGreaterThan(Number(list.metadata?.resourceVersion));
  });

  it('answers 404 NotFound and 409 AlreadyExists as Status objects', async () => {
    const missing = await statusOf(apps.readNamespacedDeployment({ name: 'nope', namespace: 'apps' }));
    expect(missing).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      code: 404,
      reason: 'NotFound',
      message: 'deployments.apps "nope" not found',
      details: { name: 'nope', group: 'apps', kind: 'deployments' },
    });
    await apps.createNamespacedDeployment({ namespace: 'apps', body: deployment('web') });
    const dup = await statusOf(
      apps.createNamespacedDeployment({ namespace: 'apps', body: deployment('web') }),
    );
    expect(dup).toMatchObject({
      code: 409,
      reason: 'AlreadyExists',
      message: 'deployments.apps "web" already exists',
    });
  });

  it('refuses an update with a stale resourceVersion with 409 Conflict', async () => {
    const created = await apps.createNamespacedDeployment({ namespace: 'apps', body: deployment('web') });
    const first = { ...created, spec: { ...created.spec!, replicas: 2 } };
    await apps.replaceNamespacedDeployment({ name: 'web', namespace: 'apps', body: first });
    const stale = { ...created, spec: { ...created.spec!, replicas: 3 } };
    const status = await statusOf(
      apps.replaceNamespacedDeployment({ name: 'web', namespace: 'apps', body: stale }),
    );
    expect(status).toMatchObject({ code: 409, reason: 'Conflict' });
    expect(status.message).toContain('the object has been modified');
    expect((await apps.readNamespacedDeployment({ name: 'web', namespace: 'apps' })).spec?.replicas).toBe(2);
  });

  it('bumps generation on spec changes only, not on metadata or status changes', async () => {
    const created = await apps.createNamespacedDeployment({ namespace: 'apps', body: deployment('web') });
    const labelled = await apps.replaceNamespacedDeployment({
      name: 'web',
      namespace: 'apps',
      body: { ...created, metadata: { ...created.metadata, labels: { app: 'web', tier: 'front' } } },
    });
    expect(labelled.metadata?.generation).toBe(1);
    expect(Number(labelled.metadata?.resourceVersion)).toBeGreaterThan(
      Number(created.metadata?.resourceVersion),
    );
    const withStatus = await apps.replaceNamespacedDeploymentStatus({
      name: 'web',
      namespace: 'apps',
      body: { ...labelled, status: { replicas: 1, readyReplicas: 1 } },
    });
    expect(withStatus.metadata?.generation).toBe(1);
    const scaled = await apps.replaceNamespacedDeployment({
      name: 'web',
      namespace: 'apps',
      body: { ...withStatus, spec: { ...withStatus.spec!, replicas: 4 } },
    });
    expect(scaled.metadata?.generation).toBe(2);
  });

  it('separates the status subresource from the main resource', async () => {
    const created = await apps.createNamespacedDeployment({
      namespace: 'apps',
      body: { ...deployment('web'), status: { replicas: 99 } },
    });
    expect(created.status?.replicas).toBeUndefined();
    // A status write ignores spec changes.
    const statusWrite = await apps.replaceNamespacedDeploymentStatus({
      name: 'web',
      namespace: 'apps',
      body: { ...created, spec: { ...created.spec!, replicas: 7 }, status: { replicas: 1 } },
    });
    expect(statusWrite.spec?.replicas).toBe(1);
    expect(statusWrite.status?.replicas).toBe(1);
    // A main-resource write ignores status changes.
    const mainWrite = await apps.replaceNamespacedDeployment({
      name: 'web',
      namespace: 'apps',
      body: { ...statusWrite, spec: { ...statusWrite.spec!, replicas: 3 }, status: { replicas: 42 } },
    });
    expect(mainWrite.spec?.replicas).toBe(3);
    expect(mainWrite.status?.replicas).toBe(1);
  });

  it('does not write or bump resourceVersion for an update that changes nothing', async () => {
    const created = await apps.createNamespacedDeployment({ namespace: 'apps', body: deployment('web') });
    api.resetCounters();
    const same = await apps.replaceNamespacedDeployment({ name: 'web', namespace: 'apps', body: created });
    expect(same.metadata?.resourceVersion).toBe(created.metadata?.resourceVersion);
    expect(api.writes).toBe(0);
    expect(api.requests.map((r) => r.verb)).toEqual(['update']);
  });

  it('applies merge, JSON and strategic merge patches', async () => {
    await apps.createNamespacedDeployment({ namespace: 'apps', body: deployment('web') });
    const merged = await apps.patchNamespacedDeployment(
      { name: 'web', namespace: 'apps', body: { spec: { replicas: 5 } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(merged.spec?.replicas).toBe(5);
    const jsonPatched = await apps.patchNamespacedDeployment({
      name: 'web',
      namespace: 'apps',
      body: [{ op: 'replace', path: '/spec/replicas', value: 6 }],
    });
    expect(jsonPatched.spec?.replicas).toBe(6);
    const strategic = await apps.patchNamespacedDeployment(
      {
        name: 'web',
        namespace: 'apps',
        body: { spec: { template: { spec: { containers: [{ name: 'sidecar', image: 'envoy:1' }] } } } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
    );
    expect(strategic.spec?.template.spec?.containers.map((c) => c.name)).toEqual(['main', 'sidecar']);
    expect(strategic.metadata?.generation).toBe(4);
    const smp = setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch);
    await apps.patchNamespacedDeployment(
      { name: 'web', namespace: 'apps', body: { metadata: { finalizers: ['a/x'] } } },
      smp,
    );
    const both = await apps.patchNamespacedDeployment(
      { name: 'web', namespace: 'apps', body: { metadata: { finalizers: ['b/y'] } } },
      smp,
    );
    expect(both.metadata?.finalizers).toEqual(['a/x', 'b/y']);
    const removed = await apps.patchNamespacedDeployment(
      {
        name: 'web',
        namespace: 'apps',
        body: { metadata: { '$deleteFromPrimitiveList/finalizers': ['a/x'] } },
      },
      smp,
    );
    expect(removed.metadata?.finalizers).toEqual(['b/y']);
    const deleted = await apps.patchNamespacedDeployment(
      {
        name: 'web',
        namespace: 'apps',
        body: { spec: { template: { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } } } },
      },
      smp,
    );
    expect(deleted.spec?.template.spec?.containers.map((c) => c.name)).toEqual(['main']);
  });

  it('answers 422 Invalid with causes naming the field', async () => {
    const status = await statusOf(
      core.createNamespacedConfigMap({ namespace: 'apps', body: { metadata: { name: 'Bad_Name' } } }),
    );
    expect(status).toMatchObject({ code: 422, reason: 'Invalid' });
    expect(status.details.causes).toEqual([
      expect.objectContaining({ field: 'metadata.name', reason: 'FieldValueInvalid' }),
    ]);
  });

  it('fills the server-side defaults of built-in kinds, as a real cluster shows them', async () => {
    const created = await apps.createNamespacedDeployment({
      namespace: 'apps',
      body: { ...deployment('web'), spec: { ...deployment('web').spec!, replicas: undefined } },
    });
    expect(created.spec).toMatchObject({
      replicas: 1,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    });
    expect(created.spec?.template.spec).toMatchObject({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' });
    expect(created.spec?.template.spec?.containers[0]).toMatchObject({
      imagePullPolicy: 'IfNotPresent',
      terminationMessagePath: '/dev/termination-log',
    });
    const svc = await core.createNamespacedService({
      namespace: 'apps',
      body: {
        metadata: { name: 'web' },
        spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }] },
      },
    });
    expect(svc.spec).toMatchObject({
      type: 'ClusterIP',
      sessionAffinity: 'None',
      ports: [{ protocol: 'TCP', targetPort: 80 }],
    });
    expect(svc.spec?.clusterIP).toMatch(/^10\.96\.\d+\.\d+$/);
    // Defaults are stable: writing back what was read changes nothing.
    api.resetCounters();
    await core.replaceNamespacedService({ name: 'web', namespace: 'apps', body: svc });
    await apps.replaceNamespacedDeployment({ name: 'web', namespace: 'apps', body: created });
    expect(api.writes).toBe(0);
  });

  it('refuses invalid built-in objects with 422 causes, as the real server does', async () => {
    const mismatched = await statusOf(
      apps.createNamespacedDeployment({
        namespace: 'apps',
        body: {
          ...deployment('web'),
          spec: { ...deployment('web').spec!, selector: { matchLabels: { app: 'other' } } },
        },
      }),
    );
    expect(mismatched.details.causes).toEqual([
      expect.objectContaining({
        field: 'spec.template.metadata.labels',
        message: expect.stringContaining('`selector` does not match template `labels`'),
      }),
    ]);
    const noImage = await statusOf(
      core.createNamespacedPod({
        namespace: 'apps',
        body: { metadata: { name: 'p' }, spec: { containers: [{ name: 'c' }] } },
      }),
    );
    expect(noImage.details.causes).toEqual([
      expect.objectContaining({ field: 'spec.containers[0].image', reason: 'FieldValueRequired' }),
    ]);
    const wrongType = await statusOf(
      apps.createNamespacedDeployment({
        namespace: 'apps',
        body: {
          ...deployment('web'),
          spec: { ...deployment('web').spec!, replicas: 'three' as unknown as number },
        },
      }),
    );
    expect(wrongType.details.causes).toEqual([
      expect.objectContaining({ field: 'spec.replicas', reason: 'FieldValueInvalid' }),
    ]);
    const created = await apps.createNamespacedDeployment({ namespace: 'apps', body: deployment('web') });
    const immutable = await statusOf(
      apps.replaceNamespacedDeployment({
        name: 'web',
        namespace: 'apps',
        body: {
          ...created,
          spec: {
            ...created.spec!,
            selector: { matchLabels: { app: 'web', v: '2' } },
            template: { ...created.spec!.template, metadata: { labels: { app: 'web', v: '2' } } },
          },
        },
      }),
    );
    expect(immutable.details.causes).toEqual([
      expect.objectContaining({
        field: 'spec.selector',
        message: expect.stringContaining('field is immutable'),
      }),
    ]);
  });

  it('filters lists by label selectors and field selectors', async () => {
    const labelled = (name: string, labels: Record<string, string>) =>
      core.createNamespacedConfigMap({ namespace: 'apps', body: { metadata: { name, labels } } });
    await labelled('a', { app: 'x', tier: 'web' });
    await labelled('b', { app: 'y', tier: 'db' });
    await labelled('c', { app: 'z' });
    const names = async (labelSelector?: string, fieldSelector?: string) =>
      (await core.listNamespacedConfigMap({ namespace: 'apps', labelSelector, fieldSelector })).items
        .map((i) => i.metadata?.name)
        .sort();
    expect(await names('app=x')).toEqual(['a']);
    expect(await names('app==x')).toEqual(['a']);
    expect(await names('app!=x')).toEqual(['b', 'c']);
    expect(await names('app in (x, y)')).toEqual(['a', 'b']);
    expect(await names('app notin (x,y)')).toEqual(['c']);
    expect(await names('tier')).toEqual(['a', 'b']);
    expect(await names('!tier')).toEqual(['c']);
    expect(await names('tier,app in (y,z)')).toEqual(['b']);
    expect(await names(undefined, 'metadata.name=b')).toEqual(['b']);
    expect(await names(undefined, 'metadata.name!=b,metadata.namespace=apps')).toEqual(['a', 'c']);
    const bad = await statusOf(
      core.listNamespacedConfigMap({ namespace: 'apps', fieldSelector: 'data.a=1' }),
    );
    expect(bad).toMatchObject({ code: 400, reason: 'BadRequest' });
    const badLabels = await statusOf(
      core.listNamespacedConfigMap({ namespace: 'apps', labelSelector: 'app in x' }),
    );
    expect(badLabels).toMatchObject({ code: 400, reason: 'BadRequest' });
    expect(badLabels.message).toContain('app in x');
  });

  it('lists across namespaces and in one namespace', async () => {
    await core.createNamespace({ body: { metadata: { name: 'other' } } });
    await core.createNamespacedConfigMap({ namespace: 'apps', body: { metadata: { name: 'one' } } });
    await core.createNamespacedConfigMap({ namespace: 'other', body: { metadata: { name: 'two' } } });
    const all = await core.listConfigMapForAllNamespaces();
    expect(all.items.map((i) => `${i.metadata?.namespace}/${i.metadata?.name}`)).toEqual([
      'apps/one',
      'other/two',
    ]);
    const one = await core.listNamespacedConfigMap({ namespace: 'other' });
    expect(one.items.map((i) => i.metadata?.name)).toEqual(['two']);
  });

  it('refuses objects in a namespace that does not exist', async () => {
    const status = await statusOf(
      core.createNamespacedConfigMap({ namespace: 'nowhere', body: { metadata: { name: 'x' } } }),
    );
    expect(status).toMatchObject({
      code: 404,
      reason: 'NotFound',
      message: 'namespaces "nowhere" not found',
    });
  });

  it('records requests with verb, path and field manager, and injects failures', async () => {
    const remove = api.injectFailure({
      match: (r) => r.verb === 'create' && r.resource === 'configmaps',
      status: 500,
    });
    const failed = await statusOf(
      core.createNamespacedConfigMap({
        namespace: 'apps',
        body: { metadata: { name: 'x' } },
        fieldManager: 'me',
      }),
    );
    expect(failed).toMatchObject({ code: 500, reason: 'InternalError' });
    await core.createNamespacedConfigMap({
      namespace: 'apps',
      body: { metadata: { name: 'x' } },
      fieldManager: 'me',
    });
    remove();
    expect(api.requests.map((r) => [r.verb, r.path, r.fieldManager, r.status])).toEqual([
      ['create', '/api/v1/namespaces/apps/configmaps', 'me', 500],
      ['create', '/api/v1/namespaces/apps/configmaps', 'me', 201],
    ]);
    expect(api.writes).toBe(1);
  });

  it('answers an injected 429 with Retry-After and details.retryAfterSeconds, as a client sees it', async () => {
    api.injectFailure({ match: (r) => r.verb === 'list', status: 429, retryAfterSeconds: 3 });
    let caught: unknown;
    try {
      await core.listNamespacedConfigMap({ namespace: 'apps' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ApiException);
    const error = caught as ApiException<string>;
    expect(error.code).toBe(429);
    expect(error.headers['retry-after']).toBe('3');
    expect(JSON.parse(error.body)).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Too many requests, please try again later.',
      reason: 'TooManyRequests',
      details: { retryAfterSeconds: 3 },
      code: 429,
    });
    // Once only (times defaults to 1): the retry goes through.
    await expect(core.listNamespacedConfigMap({ namespace: 'apps' })).resolves.toBeDefined();
  });

  it('answers a 429 as the Priority and Fairness filter does with plainText: a header and a text body', async () => {
    api.injectFailure({ match: () => true, status: 429, retryAfterSeconds: 1, plainText: true });
    const res = await fetch(`${api.url}/api/v1/namespaces/apps/configmaps`);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await res.text()).toBe('Too many requests, please try again later.\n');
  });

  it('counts requests by verb and resource, watches and failures included', async () => {
    api.injectFailure({ match: (r) => r.verb === 'get', status: 404, reason: 'NotFound' });
    await apps.createNamespacedDeployment({ namespace: 'apps', body: deployment('web') });
    await apps.listNamespacedDeployment({ namespace: 'apps' });
    await apps.listNamespacedDeployment({ namespace: 'apps' });
    await statusOf(apps.readNamespacedDeployment({ name: 'web', namespace: 'apps' }));
    await apps.readNamespacedDeployment({ name: 'web', namespace: 'apps' });
    await apps.replaceNamespacedDeploymentStatus({
      name: 'web',
      namespace: 'apps',
      body: { ...deployment('web'), status: { replicas: 1 } },
    });
    const watch = await fetch(`${api.url}/apis/apps/v1/namespaces/apps/deployments?watch=true`);
    await fetch(`${api.url}/apis`);
    expect(api.requestCounts()).toEqual({
      'create deployments': 1,
      'list deployments': 2,
      'get deployments': 2,
      'update deployments/status': 1,
      'watch deployments': 1,
      discovery: 1,
    });
    expect(api.requestCounts({ verb: ['get', 'list'], status: 200 })).toEqual({
      'list deployments': 2,
      'get deployments': 1,
    });
    expect(api.requestCounts({ group: 'apps', subresource: 'status' })).toEqual({
      'update deployments/status': 1,
    });
    expect(api.requestCounts({ group: '' })).toEqual({});
    await watch.body?.cancel();
    api.resetCounters();
    expect(api.requestCounts()).toEqual({});
  });

  it('with keepRequests: false keeps counts but no request or write records', async () => {
    const lean = await startFakeApiServer({ namespaces: ['apps'], keepRequests: false });
    try {
      const leanCore = lean.kubeConfig().makeApiClient(CoreV1Api);
      for (const name of ['a', 'b', 'c']) {
        await leanCore.createNamespacedConfigMap({ namespace: 'apps', body: { metadata: { name } } });
      }
      await leanCore.listNamespacedConfigMap({ namespace: 'apps' });
      expect(lean.requestCounts()).toEqual({ 'create configmaps': 3, 'list configmaps': 1 });
      expect(lean.writes).toBe(3);
      expect(lean.requests).toEqual([]);
      expect(lean.writeLog).toEqual([]);
    } finally {
      await lean.stop();
    }
  });
});
