import { jest } from '@jest/globals';
import { get } from 'node:http';
import { CoreV1Api, makeInformer, Watch, type KubeConfig } from '@kubernetes/client-node';
import { startFakeApiServer, type FakeApiServer } from '../support/fake-api-server/index.js';
import { waitFor } from '../support/wait.js';

interface Stream {
  readonly events: { type: string; object: any }[];
  readonly ended: () => unknown;
  readonly controller: AbortController;
}

async function open(
  kc: KubeConfig,
  path: string,
  query: Record<string, string | undefined>,
): Promise<Stream> {
  const events: { type: string; object: any }[] = [];
  let ended: unknown = 'open';
  const controller = await new Watch(kc).watch(
    path,
    query,
    (type, object) => events.push({ type, object }),
    (err) => {
      ended = err ?? null;
    },
  );
  return { events, controller, ended: () => ended };
}

/**
 * A watch over plain node:http, which needs no timers: it keeps working while a test fakes them.
 * `until` resolves once an event matching `predicate` has arrived.
 */
async function rawWatch(url: string): Promise<{
  readonly events: { type: string; object: any }[];
  until(predicate: (event: { type: string }) => boolean): Promise<void>;
  close(): void;
}> {
  const events: { type: string; object: any }[] = [];
  const waiters: { predicate: (event: { type: string }) => boolean; resolve: () => void }[] = [];
  const response = await new Promise<import('node:http').IncomingMessage>((resolve, reject) =>
    get(url, resolve).on('error', reject),
  );
  let buffered = '';
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines.filter(Boolean)) {
      const event = JSON.parse(line) as { type: string; object: any };
      events.push(event);
      for (const w of waiters.filter((x) => x.predicate(event))) w.resolve();
    }
  });
  return {
    events,
    until: (predicate) =>
      events.some(predicate)
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push({ predicate, resolve })),
    close: () => response.destroy(),
  };
}

const CONFIGMAPS = '/api/v1/namespaces/apps/configmaps';

describe('fake API server: bookmarks, 410 Gone, timeouts and restarts', () => {
  let api: FakeApiServer;
  let core: CoreV1Api;

  afterEach(async () => {
    await api.stop();
  });

  describe('with the default bookmarks (on request only)', () => {
    beforeEach(async () => {
      api = await startFakeApiServer({ namespaces: ['apps'] });
      core = api.kubeConfig().makeApiClient(CoreV1Api);
    });

    it('sends BOOKMARK events carrying the current resourceVersion to watches that allow them', async () => {
      const list = await core.listNamespacedConfigMap({ namespace: 'apps' });
      const withBookmarks = await open(api.kubeConfig(), CONFIGMAPS, {
        resourceVersion: list.metadata?.resourceVersion,
        allowWatchBookmarks: 'true',
      });
      const without = await open(api.kubeConfig(), CONFIGMAPS, {
        resourceVersion: list.metadata?.resourceVersion,
      });
      await waitFor(() => api.openWatches() === 2);
      // A change elsewhere moves the resourceVersion on without an event for this watch.
      await core.createNamespacedSecret({ namespace: 'apps', body: { metadata: { name: 's' } } });
      api.sendBookmarks();
      await waitFor(() => withBookmarks.events.length === 1);
      expect(withBookmarks.events[0]).toEqual({
        type: 'BOOKMARK',
        object: { kind: 'ConfigMap', apiVersion: 'v1', metadata: { resourceVersion: api.resourceVersion } },
      });
      expect(without.events).toEqual([]);
      withBookmarks.controller.abort();
      without.controller.abort();
    });

    it('answers a watch from a compacted resourceVersion with an ERROR 410 Expired event', async () => {
      const list = await core.listNamespacedConfigMap({ namespace: 'apps' });
      await core.createNamespacedConfigMap({ namespace: 'apps', body: { metadata: { name: 'a' } } });
      api.expireWatchHistory();
      const w = await open(api.kubeConfig(), CONFIGMAPS, { resourceVersion: list.metadata?.resourceVersion });
      await waitFor(() => w.ended() !== 'open', { description: 'stream end' });
      expect(w.events).toEqual([
        {
          type: 'ERROR',
          object: expect.objectContaining({
            kind: 'Status',
            code: 410,
            reason: 'Expired',
            status: 'Failure',
          }),
        },
      ]);
      // A fresh list gives a resourceVersion that can be watched from again.
      const relist = await core.listNamespacedConfigMap({ namespace: 'apps' });
      const again = await open(api.kubeConfig(), CONFIGMAPS, {
        resourceVersion: relist.metadata?.resourceVersion,
      });
      await core.createNamespacedConfigMap({ namespace: 'apps', body: { metadata: { name: 'b' } } });
      await waitFor(() => again.events.length === 1);
      expect(again.events[0]).toMatchObject({ type: 'ADDED', object: { metadata: { name: 'b' } } });
      again.controller.abort();
    });

    it('ends open watches with 410 when the history is expired, and an informer relists', async () => {
      const informer = makeInformer(api.kubeConfig(), CONFIGMAPS, () =>
        core.listNamespacedConfigMap({ namespace: 'apps' }),
      );
      const added: string[] = [];
      informer.on('add', (o) => added.push(o.metadata!.name!));
      await informer.start();
      await waitFor(() => api.openWatches() === 1);
      api.expireWatchHistory();
      await core.createNamespacedConfigMap({
        namespace: 'apps',
        body: { metadata: { name: 'after-expiry' } },
      });
      await waitFor(() => added.includes('after-expiry'), {
        description: 'informer sees the object after relisting',
      });
      const lists = api.requests.filter((r) => r.verb === 'list').length;
      expect(lists).toBeGreaterThanOrEqual(2);
      await informer.stop();
    });

    it('retains a bounded history: resourceVersions older than the watch cache get 410', async () => {
      await api.stop();
      api = await startFakeApiServer({ namespaces: ['apps'], bookmarkIntervalMs: 0, watchCacheSize: 3 });
      core = api.kubeConfig().makeApiClient(CoreV1Api);
      const start = await core.listNamespacedConfigMap({ namespace: 'apps' });
      for (const name of ['a', 'b', 'c', 'd']) {
        await core.createNamespacedConfigMap({ namespace: 'apps', body: { metadata: { name } } });
      }
      const tooOld = await open(api.kubeConfig(), CONFIGMAPS, {
        resourceVersion: start.metadata?.resourceVersion,
      });
      await waitFor(() => tooOld.ended() !== 'open');
      expect(tooOld.events[0]).toMatchObject({ type: 'ERROR', object: { code: 410 } });
      const recent = await open(api.kubeConfig(), CONFIGMAPS, {
        resourceVersion: String(Number(api.resourceVersion) - 2),
      });
      await waitFor(() => recent.events.length === 2);
      expect(recent.events.map((e) => e.object.metadata.name)).toEqual(['c', 'd']);
      recent.controller.abort();
    });

    it('stalls open watches silently while new watches still get events', async () => {
      const list = await core.listNamespacedConfigMap({ namespace: 'apps' });
      const rv = list.metadata?.resourceVersion;
      const hung = await open(api.kubeConfig(), CONFIGMAPS, {
        resourceVersion: rv,
        allowWatchBookmarks: 'true',
      });
      await waitFor(() => api.openWatches() === 1);
      expect(api.stallWatches()).toBe(1);
      await core.createNamespacedConfigMap({ namespace: 'apps', body: { metadata: { name: 'unseen' } } });
      api.sendBookmarks();
      const fresh = await open(api.kubeConfig(), CONFIGMAPS, { resourceVersion: rv });
      await waitFor(() => fresh.events.length === 1, { description: 'the new watch replays the change' });
      expect(hung.events).toEqual([]);
      expect(hung.ended()).toBe('open');
      hung.controller.abort();
      fresh.controller.abort();
    });

    it('closes a watch after timeoutSeconds', async () => {
      const w = await open(api.kubeConfig(), CONFIGMAPS, { timeoutSeconds: '1' });
      await waitFor(() => w.ended() === null, { timeoutMs: 5000, description: 'server-side close' });
      expect(api.openWatches()).toBe(0);
    });

    it('sends initial events then a BOOKMARK marking their end for sendInitialEvents', async () => {
      await core.createNamespacedConfigMap({ namespace: 'apps', body: { metadata: { name: 'a' } } });
      const w = await open(api.kubeConfig(), CONFIGMAPS, {
        sendInitialEvents: 'true',
        allowWatchBookmarks: 'true',
        resourceVersionMatch: 'NotOlderThan',
      });
      await waitFor(() => w.events.length === 2);
      expect(w.events[0]).toMatchObject({ type: 'ADDED', object: { metadata: { name: 'a' } } });
      expect(w.events[1]).toMatchObject({
        type: 'BOOKMARK',
        object: { metadata: { annotations: { 'k8s.io/initial-events-end': 'true' } } },
      });
      w.controller.abort();
    });

    it('pages lists with limit and continue', async () => {
      for (const name of ['a', 'b', 'c']) {
        await core.createNamespacedConfigMap({ namespace: 'apps', body: { metadata: { name } } });
      }
      const first = await core.listNamespacedConfigMap({ namespace: 'apps', limit: 2 });
      expect(first.items.map((i) => i.metadata?.name)).toEqual(['a', 'b']);
      expect(first.metadata?._continue).toBeTruthy();
      const second = await core.listNamespacedConfigMap({
        namespace: 'apps',
        limit: 2,
        _continue: first.metadata?._continue,
      });
      expect(second.items.map((i) => i.metadata?.name)).toEqual(['c']);
      expect(second.metadata?._continue).toBeUndefined();
    });
  });

  it('sends BOOKMARK events periodically', async () => {
    api = await startFakeApiServer({ namespaces: ['apps'], bookmarkIntervalMs: 50 });
    const w = await open(api.kubeConfig(), CONFIGMAPS, {
      allowWatchBookmarks: 'true',
      resourceVersion: api.resourceVersion,
    });
    await waitFor(() => w.events.filter((e) => e.type === 'BOOKMARK').length >= 2, {
      description: 'two periodic bookmarks',
    });
    w.controller.abort();
  });

  it('sends no periodic BOOKMARK by default, however long a watch idles: only the ones asked for', async () => {
    // The server's timers are fake, so ten idle minutes pass at once; the watch itself needs none.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      api = await startFakeApiServer({ namespaces: ['apps'] });
      const w = await rawWatch(
        `${api.url}${CONFIGMAPS}?watch=true&allowWatchBookmarks=true&resourceVersion=${api.resourceVersion}`,
      );
      jest.advanceTimersByTime(10 * 60_000);
      api.sendBookmarks();
      api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'after', namespace: 'apps' } });
      await w.until((e) => e.type === 'ADDED');
      expect(w.events.map((e) => e.type)).toEqual(['BOOKMARK', 'ADDED']);
      w.close();
    } finally {
      jest.useRealTimers();
    }
  });

  it('keeps data across a restart on the same port; watches end and resume from their resourceVersion', async () => {
    api = await startFakeApiServer({ namespaces: ['apps'], bookmarkIntervalMs: 0 });
    core = api.kubeConfig().makeApiClient(CoreV1Api);
    await core.createNamespacedConfigMap({ namespace: 'apps', body: { metadata: { name: 'kept' } } });
    const list = await core.listNamespacedConfigMap({ namespace: 'apps' });
    const w = await open(api.kubeConfig(), CONFIGMAPS, { resourceVersion: list.metadata?.resourceVersion });
    const url = api.url;
    await api.stop();
    await waitFor(() => w.ended() !== 'open', { description: 'watch ended by the stop' });
    // A change while the client is disconnected (made directly on the store) is replayed on resume.
    api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'while-down', namespace: 'apps' } });
    await api.listen();
    expect(api.url).toBe(url);
    const resumed = await open(api.kubeConfig(), CONFIGMAPS, {
      resourceVersion: list.metadata?.resourceVersion,
    });
    await waitFor(() => resumed.events.length === 1);
    expect(resumed.events[0]).toMatchObject({ type: 'ADDED', object: { metadata: { name: 'while-down' } } });
    expect((await core.readNamespacedConfigMap({ name: 'kept', namespace: 'apps' })).metadata?.name).toBe(
      'kept',
    );
    resumed.controller.abort();
    await api.restart();
    expect(api.url).toBe(url);
  });

  it('listens on the requested port', async () => {
    const first = await startFakeApiServer();
    const port = Number(new URL(first.url).port);
    await first.stop();
    api = await startFakeApiServer({ port });
    expect(api.url).toBe(`http://127.0.0.1:${port}`);
    expect(
      (await api.kubeConfig().makeApiClient(CoreV1Api).readNamespace({ name: 'default' })).metadata?.name,
    ).toBe('default');
  });
});
