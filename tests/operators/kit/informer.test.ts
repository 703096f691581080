import { KubeClient } from '../../../operators/kit/client.js';
import { Informer } from '../../../operators/kit/informer.js';
import { BY_LABEL, BY_NAMESPACE } from '../../../operators/kit/cache.js';
import { startFakeApiServer, type FakeApiServer } from '../../support/fake-api-server/index.js';
import { waitFor } from '../../support/wait.js';
import { WIDGET, WIDGET_CRD, widget, type Widget } from './widget.js';

describe('Informer against the fake API server', () => {
  let api: FakeApiServer;
  let client: KubeClient;
  let informer: Informer<Widget>;
  const events: string[] = [];

  beforeEach(async () => {
    api = await startFakeApiServer({ crds: [WIDGET_CRD], namespaces: ['a', 'b'] });
    client = new KubeClient(api.kubeConfig());
    events.length = 0;
    for (const [ns, name] of [
      ['a', 'w1'],
      ['a', 'w2'],
      ['b', 'w3'],
    ] as const) {
      await client.create(WIDGET, widget(ns, name, 1, { tier: ns === 'a' ? 'gold' : 'silver' }));
    }
    informer = new Informer<Widget>(client, {
      resource: WIDGET,
      initialBackoffMs: 20,
      maxBackoffMs: 200,
      stallTimeoutMs: 5_000,
    });
    informer.addHandlers({
      onAdd: (o) => events.push(`add ${o.metadata.name}`),
      onUpdate: (_old, o) => events.push(`update ${o.metadata.name} ${o.spec?.size}`),
      onDelete: (o) => events.push(`delete ${o.metadata.name}`),
    });
    informer.start();
    await informer.waitForSync();
  });

  afterEach(async () => {
    await informer.stop();
    await api.stop();
  });

  it('lists, then follows the watch, with indexes by namespace and label', async () => {
    expect(events.sort()).toEqual(['add w1', 'add w2', 'add w3']);
    expect(
      informer.cache
        .byIndex(BY_NAMESPACE, 'a')
        .map((o) => o.metadata.name)
        .sort(),
    ).toEqual(['w1', 'w2']);
    expect(informer.cache.byIndex(BY_LABEL, 'tier=silver').map((o) => o.metadata.name)).toEqual(['w3']);
    events.length = 0;
    await client.patch(WIDGET, 'a', 'w1', { spec: { size: 2 } });
    await client.delete(WIDGET, 'b', 'w3');
    await waitFor(() => events.length === 2, { description: 'watch events' });
    expect(events).toEqual(['update w1 2', 'delete w3']);
    expect(informer.cache.byIndex(BY_LABEL, 'tier=silver')).toEqual([]);
    expect(informer.cache.size).toBe(2);
  });

  it('asks for bookmarks and advances its resourceVersion on them', async () => {
    await waitFor(() => informer.isWatching(), { description: 'watch open' });
    const watchRequest = await waitFor(() => api.requests.find((r) => r.verb === 'watch'));
    expect(watchRequest?.query).toContain('allowWatchBookmarks=true');
    // A write to another kind moves the global resourceVersion; only a bookmark tells the informer.
    await client.create(
      { group: '', version: 'v1', kind: 'ConfigMap', plural: 'configmaps' },
      {
        metadata: { namespace: 'a', name: 'unrelated' },
      },
    );
    const target = api.resourceVersion;
    api.sendBookmarks();
    await waitFor(() => informer.lastSyncResourceVersion() === target, { description: 'bookmark' });
    expect(events).toHaveLength(3);
  });

  it('survives an API server restart without losing or repeating events', async () => {
    events.length = 0;
    await api.stop();
    // Changes made while the informer is disconnected reach it through the resumed watch.
    api.create(widget('a', 'w4'));
    await api.listen();
    await client.patch(WIDGET, 'a', 'w2', { spec: { size: 5 } });
    await waitFor(() => events.length >= 2, { description: 'events after restart' });
    await waitFor(() => informer.isWatching(), { description: 'watch re-established' });
    expect(events.sort()).toEqual(['add w4', 'update w2 5']);
  });

  it('relists after 410 Gone and turns what the lost watch missed into synthetic events', async () => {
    events.length = 0;
    // Keep the informer from watching while the changes happen, then expire its resourceVersion.
    const unblock = api.injectFailure({ match: (r) => r.verb === 'watch', status: 500, times: Infinity });
    api.closeWatches();
    await waitFor(() => !informer.isWatching(), { description: 'watch closed' });
    await client.patch(WIDGET, 'a', 'w1', { spec: { size: 9 } });
    await client.delete(WIDGET, 'b', 'w3');
    await client.create(WIDGET, widget('b', 'w5'));
    api.expireWatchHistory();
    unblock();
    await waitFor(() => events.length >= 3, { description: 'synthetic events after relist' });
    await waitFor(() => informer.isWatching(), { description: 'watch re-established' });
    expect(events.sort()).toEqual(['add w5', 'delete w3', 'update w1 9']);
    expect(api.requests.filter((r) => r.verb === 'list').length).toBeGreaterThanOrEqual(2);
    // w2 did not change: no event, so no duplicate reconcile downstream.
    expect(events.some((e) => e.includes('w2'))).toBe(false);
  });

  it('reconnects when a watch stalls (no event or bookmark within the timeout)', async () => {
    await informer.stop();
    const quiet = await startFakeApiServer({ crds: [WIDGET_CRD], bookmarkIntervalMs: 0 });
    const quietInformer = new Informer<Widget>(new KubeClient(quiet.kubeConfig()), {
      resource: WIDGET,
      stallTimeoutMs: 300,
      initialBackoffMs: 20,
    });
    quietInformer.start();
    await quietInformer.waitForSync();
    const watches = () => quiet.requests.filter((r) => r.verb === 'watch').length;
    await waitFor(() => watches() >= 3, { description: 'reconnects after stalls', timeoutMs: 5_000 });
    expect(quiet.requests.filter((r) => r.verb === 'list')).toHaveLength(1);
    await quietInformer.stop();
    await quiet.stop();
  });

  it('keeps retrying while the API server refuses connections, then resyncs', async () => {
    events.length = 0;
    await api.stop();
    api.create(widget('a', 'w6'));
    // The informer is now failing to connect (ECONNREFUSED) and backing off; it must not give up.
    await waitFor(() => !informer.isWatching(), { description: 'watch lost' });
    await api.listen();
    await waitFor(() => events.includes('add w6'), { description: 'recovery' });
    expect(events).toEqual(['add w6']);
  });
});
