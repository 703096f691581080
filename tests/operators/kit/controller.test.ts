import { KubeClient } from '../../../operators/kit/client.js';
import type { Controller } from '../../../operators/kit/controller.js';
import type { Manager } from '../../../operators/kit/manager.js';
import { startFakeApiServer, type FakeApiServer } from '../../support/fake-api-server/index.js';
import { waitFor } from '../../support/wait.js';
import { CONFIG_MAP, countBy, testManager, widgetReconciler, type ReconcileRecord } from './harness.js';
import { WIDGET, WIDGET_CRD, widget, type Widget } from './widget.js';

const NAMES = ['w1', 'w2', 'w3', 'w4', 'w5'];

describe('Controller against the fake API server', () => {
  let api: FakeApiServer;
  let client: KubeClient;
  let manager: Manager;
  let log: ReconcileRecord[];
  let controller: Controller;

  const converged = (names = NAMES) =>
    names.every((n) => {
      const w = api.get({ apiVersion: 'kit.test.suoke.life/v1', kind: 'Widget' }, 'ns', n) as
        Widget | undefined;
      return (
        w?.status?.observedSize === w?.spec?.size && w?.status?.observedGeneration === w?.metadata.generation
      );
    });

  /**
   * Waits until the controller has seen every write (each informer's resourceVersion has reached the
   * newest object of its kind), its queue is idle, and no reconcile ran for a poll interval.
   */
  const quiesce = async () => {
    let last = -1;
    await waitFor(
      () => {
        const seenAll = manager.informers.all().every((i) => {
          const kind = {
            apiVersion: i.resource.group ? `${i.resource.group}/${i.resource.version}` : 'v1',
            kind: i.resource.kind,
          };
          const newest = Math.max(0, ...api.list(kind).map((o) => Number(o.metadata.resourceVersion)));
          return Number(i.lastSyncResourceVersion()) >= newest;
        });
        const idle = seenAll && controller.queue.idle && log.length === last;
        last = log.length;
        return idle;
      },
      { intervalMs: 100, description: 'reconciles to settle' },
    );
  };

  async function start(hooks: Parameters<typeof widgetReconciler>[2] = {}, maxConcurrentReconciles = 2) {
    manager = testManager(api);
    controller = manager.add((ctx) => ({
      name: 'widget',
      for: WIDGET,
      owns: [CONFIG_MAP],
      maxConcurrentReconciles,
      reconciler: widgetReconciler(ctx, log, hooks),
    }));
    await manager.start();
    await waitFor(() => converged(), { description: 'initial convergence' });
    await quiesce();
  }

  beforeEach(async () => {
    api = await startFakeApiServer({ crds: [WIDGET_CRD], namespaces: ['ns'] });
    client = new KubeClient(api.kubeConfig());
    for (const n of NAMES) await client.create(WIDGET, widget('ns', n, 1));
    log = [];
  });

  afterEach(async () => {
    await manager?.stop();
    await api.stop();
  });

  it('reconciles changed objects exactly as needed across an API server restart and a 410 Gone', async () => {
    await start();
    const before = log.length;
    api.resetCounters();

    await api.restart();
    await client.patch(WIDGET, 'ns', 'w1', { spec: { size: 2 } });
    await waitFor(() => converged(['w1']), { description: 'w1 after restart' });

    const unblock = api.injectFailure({ match: (r) => r.verb === 'watch', status: 503, times: Infinity });
    api.closeWatches();
    await waitFor(() => manager.informers.all().every((i) => !i.isWatching()), {
      description: 'watches down',
    });
    await client.patch(WIDGET, 'ns', 'w2', { spec: { size: 3 } });
    api.expireWatchHistory();
    unblock();
    await waitFor(() => converged(['w2']), { description: 'w2 after 410' });
    await quiesce();

    // The restart was bridged by resuming the watch from its resourceVersion (no list); the 410 (an
    // ERROR event in the stream, as the real server sends it) by exactly one relist.
    expect(api.requests.filter((r) => r.verb === 'list' && r.resource === 'widgets')).toHaveLength(1);
    const after = countBy(log.slice(before));
    // Unchanged objects were not reconciled again: a relist does not duplicate work.
    expect([...after.keys()].sort()).toEqual(['ns/w1', 'ns/w2']);
    // Each changed object: one reconcile for the spec change, at most one more for the echo of its own
    // status write (which writes nothing).
    for (const key of ['ns/w1', 'ns/w2']) expect(after.get(key)).toBeLessThanOrEqual(2);
    const widgetWrites = api.writeLog.filter((w) => w.kind === 'Widget');
    expect(widgetWrites.map((w) => `${w.verb} ${w.name}`).sort()).toEqual([
      'patch w1',
      'patch w2',
      'update-status w1',
      'update-status w2',
    ]);
    expect(
      api.writeLog
        .filter((w) => w.kind === 'ConfigMap')
        .map((w) => w.name)
        .sort(),
    ).toEqual(['w1-config', 'w2-config']);
  });

  it('writes nothing when a resync reconciles every object and nothing changed', async () => {
    await start();
    api.resetCounters();
    const before = log.length;
    for (const informer of manager.informers.all()) informer.resync();
    await waitFor(() => log.length - before >= NAMES.length, { description: 'resync reconciles' });
    await quiesce();
    expect(api.writes).toBe(0);
    expect(api.requests.filter((r) => !['get', 'list', 'watch'].includes(r.verb))).toEqual([]);
  });

  it('retries a conflicting update and converges', async () => {
    let interfered = false;
    await start({
      beforeStatus: async (req, w) => {
        // Another writer changes the object between our read and our write, once.
        if (req.name === 'w3' && w.spec?.size === 7 && !interfered) {
          interfered = true;
          await client.patch(WIDGET, 'ns', 'w3', { metadata: { labels: { touched: 'yes' } } });
        }
      },
    });
    await client.patch(WIDGET, 'ns', 'w3', { spec: { size: 7 } });
    await waitFor(() => converged(['w3']), { description: 'w3 converged after conflict' });
    expect(interfered).toBe(true);
    expect(api.requests.some((r) => r.subresource === 'status' && r.name === 'w3' && r.status === 409)).toBe(
      true,
    );
    const metrics = await manager.metrics.registry.getSingleMetricAsString(
      'controller_runtime_reconcile_errors_total',
    );
    expect(metrics).toMatch(/controller_runtime_reconcile_errors_total\{controller="widget"\} [1-9]/);
    const retries = await manager.metrics.registry.getSingleMetricAsString('workqueue_retries_total');
    expect(retries).toMatch(/workqueue_retries_total\{name="widget"\} [1-9]/);
  });

  it('never runs one key in two workers, even with many workers and a storm of updates', async () => {
    const inFlight = new Set<string>();
    let overlaps = 0;
    await start(
      {
        beforeStatus: async (req) => {
          const key = `${req.namespace}/${req.name}`;
          if (inFlight.has(key)) overlaps++;
          inFlight.add(key);
          // Yield to the event loop so other workers get a chance to pick the same key if they could.
          await new Promise((r) => setImmediate(r));
          inFlight.delete(key);
        },
      },
      8,
    );
    for (let i = 2; i < 22; i++) {
      await Promise.all(NAMES.slice(0, 3).map((n) => client.patch(WIDGET, 'ns', n, { spec: { size: i } })));
    }
    await waitFor(() => converged(), { description: 'convergence after the storm' });
    expect(overlaps).toBe(0);
  });

  it('serves controller-runtime metrics and readiness', async () => {
    await start();
    const { port } = manager.metricsAddress()!;
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    for (const name of [
      'controller_runtime_reconcile_total{controller="widget",result="success"}',
      'controller_runtime_reconcile_time_seconds_bucket',
      'workqueue_adds_total{name="widget"}',
      'workqueue_depth{name="widget"}',
      'workqueue_queue_duration_seconds_bucket',
      'leader_election_master_status',
    ]) {
      expect(text).toContain(name);
    }
    const probe = manager.probeAddress()!.port;
    expect((await fetch(`http://127.0.0.1:${probe}/readyz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${probe}/healthz`)).status).toBe(200);
  });
});
