import { CoreV1Api, KubeConfig, makeInformer, Watch, type V1ConfigMap } from '@kubernetes/client-node';
import { startFakeApiServer, type FakeApiServer } from '../support/fake-api-server/index.js';
import { waitFor } from '../support/wait.js';

interface Seen {
  readonly type: string;
  readonly name: string;
  readonly rv: string;
  readonly object: any;
}

/** Opens a raw client-node Watch and collects its events until `done`. */
async function collect(kc: KubeConfig, path: string, query: Record<string, string | undefined>) {
  const events: Seen[] = [];
  let ended: unknown = 'open';
  const controller = await new Watch(kc).watch(
    path,
    query,
    (type, object) =>
      events.push({ type, name: object?.metadata?.name, rv: object?.metadata?.resourceVersion, object }),
    (err) => {
      ended = err ?? null;
    },
  );
  return { events, controller, ended: () => ended };
}

describe('fake API server: list + watch', () => {
  let api: FakeApiServer;
  let core: CoreV1Api;
  const cm = (
    name: string,
    labels: Record<string, string> = {},
    data: Record<string, string> = {},
  ): V1ConfigMap => ({
    metadata: { name, labels },
    data,
  });

  beforeEach(async () => {
    api = await startFakeApiServer({ namespaces: ['apps'], bookmarkIntervalMs: 0 });
    core = api.kubeConfig().makeApiClient(CoreV1Api);
  });
  afterEach(async () => {
    await api.stop();
  });

  it('watches from a list resourceVersion and sees later changes in order', async () => {
    await core.createNamespacedConfigMap({ namespace: 'apps', body: cm('before') });
    const list = await core.listNamespacedConfigMap({ namespace: 'apps' });
    const w = await collect(api.kubeConfig(), '/api/v1/namespaces/apps/configmaps', {
      resourceVersion: list.metadata?.resourceVersion,
    });
    const created = await core.createNamespacedConfigMap({ namespace: 'apps', body: cm('after') });
    await core.patchNamespacedConfigMap({
      name: 'after',
      namespace: 'apps',
      body: [{ op: 'add', path: '/data', value: { k: 'v' } }],
    });
    await core.deleteNamespacedConfigMap({ name: 'after', namespace: 'apps' });
    await waitFor(() => w.events.length === 3, { description: 'three watch events' });
    expect(w.events.map((e) => [e.type, e.name])).toEqual([
      ['ADDED', 'after'],
      ['MODIFIED', 'after'],
      ['DELETED', 'after'],
    ]);
    expect(w.events[0]!.rv).toBe(created.metadata?.resourceVersion);
    const rvs = w.events.map((e) => Number(e.rv));
    expect(rvs).toEqual([...rvs].sort((a, b) => a - b));
    expect(w.events[0]!.object).toMatchObject({ apiVersion: 'v1', kind: 'ConfigMap' });
    w.controller.abort();
  });

  it('replays changes made between the list and the watch', async () => {
    const list = await core.listNamespacedConfigMap({ namespace: 'apps' });
    await core.createNamespacedConfigMap({ namespace: 'apps', body: cm('missed') });
    const w = await collect(api.kubeConfig(), '/api/v1/namespaces/apps/configmaps', {
      resourceVersion: list.metadata?.resourceVersion,
    });
    await waitFor(() => w.events.length === 1);
    expect(w.events[0]).toMatchObject({ type: 'ADDED', name: 'missed' });
    w.controller.abort();
  });

  it('starts with the current state as ADDED events when no resourceVersion is given', async () => {
    await core.createNamespacedConfigMap({ namespace: 'apps', body: cm('a') });
    await core.createNamespacedConfigMap({ namespace: 'apps', body: cm('b') });
    const w = await collect(api.kubeConfig(), '/api/v1/namespaces/apps/configmaps', {});
    await waitFor(() => w.events.length === 2);
    expect(w.events.map((e) => [e.type, e.name])).toEqual([
      ['ADDED', 'a'],
      ['ADDED', 'b'],
    ]);
    w.controller.abort();
  });

  it('filters watch events by label selector, turning label changes into ADDED/DELETED', async () => {
    const list = await core.listNamespacedConfigMap({ namespace: 'apps' });
    const w = await collect(api.kubeConfig(), '/api/v1/namespaces/apps/configmaps', {
      resourceVersion: list.metadata?.resourceVersion,
      labelSelector: 'app=web',
    });
    await core.createNamespacedConfigMap({ namespace: 'apps', body: cm('other', { app: 'db' }) });
    await core.createNamespacedConfigMap({ namespace: 'apps', body: cm('x', { app: 'db' }) });
    await core.patchNamespacedConfigMap({
      name: 'x',
      namespace: 'apps',
      body: [{ op: 'replace', path: '/metadata/labels/app', value: 'web' }],
    });
    await core.patchNamespacedConfigMap({
      name: 'x',
      namespace: 'apps',
      body: [{ op: 'replace', path: '/metadata/labels/app', value: 'db' }],
    });
    await waitFor(() => w.events.length === 2);
    expect(w.events.map((e) => [e.type, e.name])).toEqual([
      ['ADDED', 'x'],
      ['DELETED', 'x'],
    ]);
    w.controller.abort();
  });

  it('watches across all namespaces and only one namespace', async () => {
    await core.createNamespace({ body: { metadata: { name: 'other' } } });
    const list = await core.listConfigMapForAllNamespaces();
    const all = await collect(api.kubeConfig(), '/api/v1/configmaps', {
      resourceVersion: list.metadata?.resourceVersion,
    });
    const one = await collect(api.kubeConfig(), '/api/v1/namespaces/other/configmaps', {
      resourceVersion: list.metadata?.resourceVersion,
    });
    await core.createNamespacedConfigMap({ namespace: 'apps', body: cm('in-apps') });
    await core.createNamespacedConfigMap({ namespace: 'other', body: cm('in-other') });
    await waitFor(() => all.events.length === 2 && one.events.length === 1);
    expect(all.events.map((e) => e.name)).toEqual(['in-apps', 'in-other']);
    expect(one.events.map((e) => e.name)).toEqual(['in-other']);
    all.controller.abort();
    one.controller.abort();
  });

  it('feeds a client-node informer (ListWatch) with adds, updates and deletes', async () => {
    await core.createNamespacedConfigMap({ namespace: 'apps', body: cm('existing') });
    const informer = makeInformer(api.kubeConfig(), '/api/v1/namespaces/apps/configmaps', () =>
      core.listNamespacedConfigMap({ namespace: 'apps' }),
    );
    const log: string[] = [];
    informer.on('add', (o) => log.push(`add ${o.metadata?.name}`));
    informer.on('update', (o) => log.push(`update ${o.metadata?.name}`));
    informer.on('delete', (o) => log.push(`delete ${o.metadata?.name}`));
    await informer.start();
    await waitFor(() => api.openWatches() === 1, { description: 'informer watching' });
    await core.createNamespacedConfigMap({ namespace: 'apps', body: cm('new') });
    await core.replaceNamespacedConfigMap({
      name: 'new',
      namespace: 'apps',
      body: cm('new', {}, { changed: 'yes' }),
    });
    await core.deleteNamespacedConfigMap({ name: 'existing', namespace: 'apps' });
    await waitFor(() => log.length === 4, { description: 'four informer events' });
    expect(log).toEqual(['add existing', 'add new', 'update new', 'delete existing']);
    expect(informer.list('apps').map((o) => o.data)).toEqual([{ changed: 'yes' }]);
    await informer.stop();
  });
});
