/**
 * What each change queues, through the two rollout controllers' own watches (aimodel/controller.ts,
 * model-version/controller.ts: their mappings and predicates) on real informers over the fake API
 * server, rather than through reconcile() called by hand. The reconcilers are left out (no workers
 * run), so each change's fan-out is read off the work queues by itself.
 */
import { aimodelController } from '../../operators/aimodel/controller.js';
import { AIMODEL, DEPLOYMENT, MODEL_VERSION } from '../../operators/kinds.js';
import { Applier } from '../../operators/kit/apply.js';
import { KubeClient } from '../../operators/kit/client.js';
import { ClusterClient } from '../../operators/kit/cluster-client.js';
import { Controller } from '../../operators/kit/controller.js';
import { EventRecorder } from '../../operators/kit/events.js';
import { SharedInformers } from '../../operators/kit/informers.js';
import { silentLogger } from '../../operators/kit/logger.js';
import type { OperatorContext } from '../../operators/kit/manager.js';
import { OperatorMetrics } from '../../operators/kit/metrics.js';
import type { KubeObject } from '../../operators/kit/resource.js';
import { modelVersionController } from '../../operators/model-version/controller.js';
import { createRolloutDeps } from '../../operators/rollout-deps/deps.js';
import { CacheSync } from '../support/cache-sync.js';
import { Harness, MODEL, NS } from './harness.js';

/** The controllers' watches and queues, without workers. */
class Watches {
  private constructor(
    private readonly informers: SharedInformers,
    private readonly controllers: readonly Controller[],
    private readonly sync: CacheSync,
  ) {}

  static async start(h: Harness): Promise<Watches> {
    const client = new KubeClient(h.api.kubeConfig());
    const informers = new SharedInformers(client);
    const cluster = ClusterClient.cached(client, informers);
    const ctx: OperatorContext = {
      client,
      cluster,
      informers,
      applier: new Applier(cluster),
      events: new EventRecorder(client, { clock: h.clock }),
      metrics: new OperatorMetrics({ processMetrics: false }),
      logger: silentLogger,
      clock: h.clock,
      settings: {},
    };
    const deps = createRolloutDeps(ctx, { metricsProvider: h.metrics });
    const never = {
      reconcile: (): never => {
        throw new Error('no worker runs in these tests');
      },
    };
    const controllers = [aimodelController(ctx, deps), modelVersionController(ctx, deps)].map(
      (options) =>
        new Controller(
          { ...options, reconciler: never },
          { informers, metrics: ctx.metrics, clock: h.clock },
        ),
    );
    const sync = new CacheSync(h.api, informers);
    informers.start();
    await informers.waitForSync();
    const watches = new Watches(informers, controllers, sync);
    await watches.queued(); // every object listed at start is queued once: not what these tests look at
    return watches;
  }

  /**
   * Keys queued since the last call, per controller (sorted), once the caches hold what the API
   * server holds: the informers deliver an event to the handlers as they apply it, so by then every
   * change made so far has been mapped.
   */
  async queued(): Promise<Record<string, string[]>> {
    await this.sync.wait();
    const out: Record<string, string[]> = {};
    for (const c of this.controllers) {
      const keys: string[] = [];
      while (c.queue.length > 0) {
        const key = (await c.queue.get()) as string;
        keys.push(key);
        c.queue.done(key);
      }
      out[c.name] = keys.sort();
    }
    return out;
  }

  async stop(): Promise<void> {
    for (const c of this.controllers) c.queue.shutDown();
    await this.informers.stop();
  }
}

const key = (name: string): string => `${NS}/${name}`;
const V1 = key(`${MODEL}-v1`);
const V2 = key(`${MODEL}-v2`);

let h: Harness;
let watches: Watches;

beforeAll(async () => {
  // v1 stable, v2 a canary at its first step, every derived object in place.
  h = await Harness.start();
  await h.createModel();
  await h.createVersion('v1');
  await h.settle();
  await h.createVersion('v2');
  await h.settle();
  expect(await h.phase('v2')).toBe('Progressing');
  watches = await Watches.start(h);
});
afterAll(async () => {
  await watches.stop();
  await h.stop();
});

async function writeVersionStatus(version: string, changes: Record<string, unknown>): Promise<void> {
  const mv = await h.version(version);
  await h.client.replaceStatus(MODEL_VERSION, { ...mv, status: { ...mv.status, ...changes } });
}

describe('what a change queues', () => {
  it('a ModelVersion phase written to status: its AIModel, and every version of the model', async () => {
    await writeVersionStatus('v2', { phase: 'Paused', pauseReason: 'Requested' });
    expect(await watches.queued()).toEqual({ aimodel: [key(MODEL)], modelversion: [V1, V2] });
    await writeVersionStatus('v2', { phase: 'Progressing', pauseReason: undefined });
    expect(await watches.queued()).toEqual({ aimodel: [key(MODEL)], modelversion: [V1, V2] });
  });

  it('a ModelVersion status write within its phase (a count, a weight): nothing', async () => {
    const before = (await h.version('v2')).status;
    await writeVersionStatus('v2', { failedChecks: (before?.failedChecks ?? 0) + 1 });
    expect(await watches.queued()).toEqual({ aimodel: [], modelversion: [] });
  });

  it('a Deployment turning unavailable: its owner AIModel and the one version it runs', async () => {
    h.api.setDeploymentAvailable(NS, `${MODEL}-v2`, false);
    expect(await watches.queued()).toEqual({ aimodel: [key(MODEL)], modelversion: [V2] });
    h.api.setDeploymentAvailable(NS, `${MODEL}-v2`, true);
    expect(await watches.queued()).toEqual({ aimodel: [key(MODEL)], modelversion: [V2] });
  });

  it('a Deployment status change that keeps it available: its owner AIModel only', async () => {
    const d = await h.client.get<KubeObject>(DEPLOYMENT, NS, `${MODEL}-v1`);
    const status = d.status as Record<string, unknown>;
    await h.client.replaceStatus(DEPLOYMENT, {
      ...d,
      status: { ...status, readyReplicas: ((status['readyReplicas'] as number | undefined) ?? 0) + 1 },
    });
    expect(await watches.queued()).toEqual({ aimodel: [key(MODEL)], modelversion: [] });
  });

  it("an AIModel's stable version and history written to status: its versions, not the AIModel", async () => {
    const m = await h.model();
    await h.client.replaceStatus(AIMODEL, {
      ...m,
      status: {
        ...m.status,
        history: [
          ...(m.status?.history ?? []),
          { version: 'v0', outcome: 'Superseded', time: '2026-01-01T00:00:00Z', message: 'older' },
        ],
      },
    });
    expect(await watches.queued()).toEqual({ aimodel: [], modelversion: [V1, V2] });
  });

  it("an AIModel's spec: the AIModel and its versions", async () => {
    await h.client.patch(AIMODEL, NS, MODEL, { spec: { historyLimit: 5 } }, 'merge');
    expect(await watches.queued()).toEqual({ aimodel: [key(MODEL)], modelversion: [V1, V2] });
  });

  it('objects the operator does not derive, even labelled like a version: nothing', async () => {
    const labels = { app: MODEL, model: MODEL, version: 'v2' };
    await h.client.create(DEPLOYMENT, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'someone-elses', namespace: NS, labels },
      spec: {
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: { containers: [{ name: 'app', image: 'ghcr.io/example/app:1.0.0' }] },
        },
      },
    });
    h.api.setDeploymentAvailable(NS, 'someone-elses', true);
    expect(await watches.queued()).toEqual({ aimodel: [], modelversion: [] });
  });

  it("another model's version: that model and its versions alone", async () => {
    await h.createVersion('v1', undefined, 'other');
    expect(await watches.queued()).toEqual({
      aimodel: [key('other')],
      modelversion: [key('other-v1')],
    });
  });
});
