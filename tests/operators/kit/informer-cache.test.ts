/**
 * The informer as a cache reconcilers read from: a quiet watch is left alone until past the timeout
 * the server promised, a kind that is not served is an empty synced cache, and this process's own
 * writes are read back before the watch delivers them, without a second event.
 */
import { KubeClient } from '../../../operators/kit/client.js';
import { Informer } from '../../../operators/kit/informer.js';
import { createLogger } from '../../../operators/kit/logger.js';
import { startFakeApiServer, type FakeApiServer } from '../../support/fake-api-server/index.js';
import { waitFor } from '../../support/wait.js';
import { FakeClock } from '../../support/fake-clock.js';
import { WIDGET, WIDGET_CRD, widget, type Widget } from './widget.js';

let api: FakeApiServer;
let client: KubeClient;
const informers: Informer<Widget>[] = [];

beforeEach(async () => {
  api = await startFakeApiServer({ crds: [WIDGET_CRD], namespaces: ['a'] });
  client = new KubeClient(api.kubeConfig());
});
afterEach(async () => {
  for (const i of informers.splice(0)) await i.stop();
  await api.stop();
});

function start(options: Partial<ConstructorParameters<typeof Informer<Widget>>[1]> = {}): Informer<Widget> {
  const informer = new Informer<Widget>(client, { resource: WIDGET, initialBackoffMs: 20, ...options });
  informers.push(informer);
  informer.start();
  return informer;
}

/** A logger that keeps every line it is given. */
function recordingLogger(): {
  logger: ReturnType<typeof createLogger>;
  lines: Array<{ level: string; msg: string }>;
} {
  const lines: Array<{ level: string; msg: string }> = [];
  const logger = createLogger({
    level: 'debug',
    destination: {
      write: (line: string) => void lines.push(JSON.parse(line) as { level: string; msg: string }),
    },
  });
  return { logger, lines };
}

describe('a quiet watch (no events, no BOOKMARK: a real server may send none for minutes)', () => {
  it('is not torn down, nor warned about, before the timeout the server promised; past it, it is', async () => {
    const clock = new FakeClock();
    const { logger, lines } = recordingLogger();
    const informer = start({ clock, logger, watchTimeoutSeconds: 300 });
    await informer.waitForSync();
    await waitFor(() => informer.isWatching(), { description: 'watching' });
    const watches = () => api.requests.filter((r) => r.verb === 'watch');
    expect(watches()).toHaveLength(1);
    // The server was asked to end the stream after 5 to 10 minutes.
    const asked = Number(new URLSearchParams(watches()[0]!.query).get('timeoutSeconds'));
    expect(asked).toBeGreaterThanOrEqual(300);
    expect(asked).toBeLessThan(600);

    await clock.advance(asked * 1000);
    expect(watches()).toHaveLength(1);
    expect(lines.filter((l) => l.level === 'warn')).toEqual([]);

    // A stream that outlives its own timeout by a minute is a hung connection: reconnect, from where it was.
    await clock.advance(60_000);
    await waitFor(() => watches().length === 2, { description: 'reconnect after the stall' });
    expect(lines.filter((l) => l.level === 'warn').map((l) => l.msg)).toEqual([
      'watch stalled past its timeout; reconnecting',
    ]);
    expect(api.requests.filter((r) => r.verb === 'list')).toHaveLength(1);
  });
});

describe('a kind the API server does not serve (its CRD is not installed)', () => {
  it('is a synced, empty cache, and fills once the CRD is installed', async () => {
    const other = await startFakeApiServer({ crds: [], namespaces: ['a'] });
    client = new KubeClient(other.kubeConfig());
    const informer = start({ maxBackoffMs: 50 });
    expect(await informer.waitForSync()).toBe(true);
    expect(informer.cache.size).toBe(0);
    other.installCrd(WIDGET_CRD);
    await new KubeClient(other.kubeConfig()).create(WIDGET, widget('a', 'late'));
    await waitFor(() => informer.get('a/late') !== undefined, { description: 'the object after the CRD' });
    await informer.stop();
    await other.stop();
  });
});

describe('reading its own writes', () => {
  it('returns a write of this process before the watch delivers it, and the watch then delivers it once', async () => {
    await client.create(WIDGET, widget('a', 'w1', 1));
    const informer = start();
    await informer.waitForSync();
    const updates: number[] = [];
    informer.addHandlers({ onUpdate: (_o, n) => updates.push(n.spec?.size ?? 0) });
    const cached = informer.get('a/w1')!;

    // What a write answers with: a newer resourceVersion. Until the watch delivers it, reads return it.
    const written = {
      ...cached,
      spec: { ...cached.spec, size: 2 },
      metadata: {
        ...cached.metadata,
        resourceVersion: String(Number(cached.metadata.resourceVersion) + 1000),
      },
    } as Widget;
    informer.observe(written);
    expect(informer.get('a/w1')?.spec?.size).toBe(2);
    expect(informer.withMutations(informer.cache.list(), () => true).map((w) => w.spec?.size)).toEqual([2]);
    // An answer older than what is cached is ignored.
    informer.observe({ ...cached, metadata: { ...cached.metadata, resourceVersion: '1' } });
    expect(informer.get('a/w1')?.spec?.size).toBe(2);
    expect(updates).toEqual([]);

    // A real write: the watch event reaches the handlers once, and the cache holds the server's object.
    const patched = await client.patch<Widget>(WIDGET, 'a', 'w1', { spec: { size: 3 } });
    informer.observe(patched);
    await waitFor(
      () => informer.cache.get('a/w1')?.metadata.resourceVersion === patched.metadata.resourceVersion,
      {
        description: 'the watch event',
      },
    );
    expect(updates).toEqual([3]);
    expect(informer.get('a/w1')?.spec?.size).toBe(3);
  });

  it('hides an object this process deleted until the watch says it is gone', async () => {
    await client.create(WIDGET, widget('a', 'w1', 1));
    const informer = start();
    await informer.waitForSync();
    const uid = informer.get('a/w1')?.metadata.uid;
    informer.observeDeleted('a/w1', uid);
    expect(informer.get('a/w1')).toBeUndefined();
    expect(informer.withMutations(informer.cache.list(), () => true)).toEqual([]);
    await client.delete(WIDGET, 'a', 'w1');
    await waitFor(() => informer.cache.get('a/w1') === undefined, { description: 'the DELETED event' });
    // Re-created under the same name: a new object, visible at once.
    await client.create(WIDGET, widget('a', 'w1', 5));
    await waitFor(() => informer.get('a/w1')?.spec?.size === 5, { description: 'the re-created object' });
  });
});
