import { KubeClient } from '../../operators/kit/client.js';
import { Manager } from '../../operators/kit/manager.js';
import { OperatorMetrics } from '../../operators/kit/metrics.js';
import { rolloutControllers } from '../../operators/main.js';
import { waitFor } from '../support/wait.js';
import { Harness } from './harness.js';

/**
 * The two controllers under a running Manager (informers, work queues, requeue timers on the injected
 * clock) on the fake API server, and a second Manager taking over mid-rollout from the same server.
 */
const MINUTE = 60_000;

let h: Harness;
const managers: Manager[] = [];

async function startManager(): Promise<Manager> {
  const manager = new Manager({
    client: new KubeClient(h.api.kubeConfig()),
    metricsBindAddress: '127.0.0.1:0',
    healthProbeBindAddress: '127.0.0.1:0',
    leaderElection: { enabled: false },
    metrics: new OperatorMetrics({ processMetrics: false }),
    clock: h.clock,
    informerTuning: { initialBackoffMs: 20, maxBackoffMs: 200 },
  });
  for (const factory of rolloutControllers({ metricsProvider: h.metrics })) manager.add(factory);
  await manager.start();
  managers.push(manager);
  return manager;
}

async function scrape(manager: Manager): Promise<string> {
  const address = manager.metricsAddress();
  return (await fetch(`http://127.0.0.1:${address?.port}/metrics`)).text();
}

/** Waits while playing the deployment controller. */
function until<T>(check: () => Promise<T>, description: string): Promise<Exclude<T, false | undefined>> {
  return waitFor(
    async () => {
      h.markAvailable();
      return check();
    },
    { description, timeoutMs: 20_000 },
  );
}

beforeEach(async () => {
  h = await Harness.start();
});
afterEach(async () => {
  for (const m of managers.splice(0)) await m.stop();
  await h.stop();
});

describe('the controllers under a running manager', () => {
  it('roll out a version, and a new manager over the same API server resumes at the same step', async () => {
    const first = await startManager();
    await h.createModel();
    await h.createVersion('v1');
    await until(async () => (await h.phase('v1')) === 'Promoted', 'v1 promoted');

    await h.clock.advance(10_000);
    await h.createVersion('v2');
    await until(async () => (await h.version('v2')).status?.canaryWeight === 10, 'v2 at step 0');
    // The requeue the reconciler asked for (one interval) fires on the clock and runs the analysis.
    await h.clock.advance(MINUTE);
    await until(async () => (await h.version('v2')).status?.currentStep === 1, 'v2 at step 1');
    expect(await h.weights()).toEqual([
      { version: 'v1', weight: 50 },
      { version: 'v2', weight: 50 },
    ]);
    expect(await scrape(first)).toContain(
      'ai_rollout_phase{namespace="suoke-ai",model="demo",version="v2",phase="Progressing"} 1',
    );

    // The operator goes away; another one starts over the same API server with nothing in memory.
    await first.stop();
    const second = await startManager();
    await until(
      async () =>
        (await scrape(second)).includes(
          'ai_rollout_phase{namespace="suoke-ai",model="demo",version="v2",phase="Progressing"} 1',
        ),
      'the new manager to reconcile v2',
    );
    let v2 = await h.version('v2');
    expect(v2.status).toMatchObject({ phase: 'Progressing', currentStep: 1, canaryWeight: 50 });
    expect(v2.status?.analysis).toHaveLength(1);

    await h.clock.advance(MINUTE);
    await until(async () => (await h.phase('v2')) === 'Promoted', 'v2 promoted');
    v2 = await h.version('v2');
    expect(v2.status?.analysis?.map((a) => [a.step, a.weight])).toEqual([
      [0, 10],
      [1, 50],
    ]);
    await until(async () => (await h.phase('v1')) === 'Superseded', 'v1 superseded');
    expect((await h.model()).status?.stableVersion).toBe('v2');
  });
});

describe('the running controllers and the objects they derive', () => {
  const DEPLOYMENT = { group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments' };
  const SERVICE = { group: '', version: 'v1', kind: 'Service', plural: 'services' };
  const nonWatch = (from: number) => h.api.requests.slice(from).filter((r) => r.verb !== 'watch');

  it('put back a derived object deleted or edited by hand, from its watch event alone', async () => {
    await startManager();
    await h.createModel();
    await h.createVersion('v1');
    await until(async () => (await h.phase('v1')) === 'Promoted', 'v1 promoted');
    const uid = h.api.get({ apiVersion: 'apps/v1', kind: 'Deployment' }, 'suoke-ai', 'demo-v1')?.metadata.uid;

    await h.client.delete(DEPLOYMENT, 'suoke-ai', 'demo-v1');
    await until(async () => {
      const d = h.api.get({ apiVersion: 'apps/v1', kind: 'Deployment' }, 'suoke-ai', 'demo-v1');
      return d !== undefined && d.metadata.uid !== uid && d.metadata.deletionTimestamp === undefined;
    }, 'the Deployment re-created');

    await h.client.patch(SERVICE, 'suoke-ai', 'demo', { metadata: { labels: { app: 'hijacked' } } }, 'merge');
    await until(
      async () =>
        h.api.get({ apiVersion: 'v1', kind: 'Service' }, 'suoke-ai', 'demo')?.metadata.labels?.['app'] ===
        'demo',
      'the Service label restored',
    );
  });

  it('make no API request when every object is reconciled again with nothing to change (a resync)', async () => {
    const manager = await startManager();
    await h.createModel();
    await h.createVersion('v1');
    await until(async () => (await h.model()).status?.stableVersion === 'v1', 'v1 stable');
    await until(
      async () => (await scrape(manager)).match(/workqueue_depth\{name="aimodel"\} 0/) !== null,
      'idle',
    );
    const reconciles = async () =>
      Number(
        /controller_runtime_reconcile_total\{controller="aimodel",result="success"\} (\d+)/.exec(
          await scrape(manager),
        )?.[1] ?? 0,
      );
    const before = await reconciles();
    const from = h.api.requests.length;
    for (const informer of manager.informers.all()) informer.resync();
    await until(async () => (await reconciles()) > before, 'the AIModel reconciled again');
    await until(
      async () =>
        (await scrape(manager)).match(/controller_runtime_active_workers\{controller="aimodel"\} 0/) !== null,
      'reconciles done',
    );
    expect(nonWatch(from).map((r) => `${r.verb} ${r.resource} ${r.name ?? ''}`)).toEqual([]);
  });
});
