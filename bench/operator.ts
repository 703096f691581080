/**
 * `npm run bench:operator`: the controller machinery against the fake API server with 1,000 AIModel
 * objects. Prints time to initial sync, reconciles per second for a burst of 1,000 updates, memory per
 * 1,000 cached objects and API writes during a no-op resync (must be 0), each beside a baseline measured
 * in the same run; the last line is one JSON object of the figures.
 */
import { KubeClient } from '../operators/kit/client.js';
import { Informer } from '../operators/kit/informer.js';
import { Manager } from '../operators/kit/manager.js';
import { OperatorMetrics } from '../operators/kit/metrics.js';
import type { KubeList, KubeObject, ResourceType } from '../operators/kit/resource.js';
import { updateStatus } from '../operators/kit/status.js';
import { startFakeApiServer } from '../tests/support/fake-api-server/index.js';
import { waitFor } from '../tests/support/wait.js';
import { pool } from './pool.js';

const N = Number(process.env['BENCH_OBJECTS'] ?? 1000);
const NAMESPACE = 'bench';
const AIMODEL: ResourceType = {
  group: 'ai.suoke.life',
  version: 'v1alpha1',
  kind: 'AIModel',
  plural: 'aimodels',
};

function aimodel(i: number): KubeObject {
  return {
    apiVersion: 'ai.suoke.life/v1alpha1',
    kind: 'AIModel',
    metadata: {
      namespace: NAMESPACE,
      name: `model-${i}`,
      labels: { app: `model-${i}`, agent: `agent-${i % 4}` },
    },
    spec: {
      agent: { name: `agent-${i % 4}` },
      framework: 'onnx',
      engine: { image: 'ghcr.io/suoke-life/engine:1.0.0', port: 8001 },
    },
  };
}

const gc = (globalThis as { gc?: () => void }).gc;
function memory(): { rss: number; heap: number } {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed };
}

const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

async function main(): Promise<void> {
  const api = await startFakeApiServer({ crds: ['project'], namespaces: [NAMESPACE] });
  for (let i = 0; i < N; i++) api.create(aimodel(i) as Parameters<typeof api.create>[0]);
  const client = new KubeClient(api.kubeConfig());
  // What the cache holds per object as JSON (without managedFields, which the cache drops).
  const jsonBytes = Buffer.byteLength(
    JSON.stringify(
      api.list({ apiVersion: 'ai.suoke.life/v1alpha1', kind: 'AIModel' }).map((o) => ({
        ...o,
        metadata: { ...o.metadata, managedFields: undefined },
      })),
    ),
  );

  // Baseline: a plain paginated list of the same objects with the same client (after one warm-up list,
  // so neither side pays for JIT compilation of the client).
  const plainList = async (): Promise<number> => {
    const start = performance.now();
    let cont: string | undefined;
    do {
      const page: KubeList = await client.list(AIMODEL, NAMESPACE, { limit: 500, continue: cont });
      cont = page.metadata.continue || undefined;
    } while (cont);
    return performance.now() - start;
  };
  await plainList();
  const plainListMs = await plainList();

  // Memory of caches alone: CACHES bare informers over the same objects (a larger sample than one
  // cache, so RSS noise of a few MiB does not swamp the figure), measured before any write grows the
  // fake's own history.
  const CACHES = 10;
  const before = memory();
  const probes = Array.from(
    { length: CACHES },
    () => new Informer(client, { resource: AIMODEL, namespace: NAMESPACE }),
  );
  for (const p of probes) p.start();
  await Promise.all(probes.map((p) => p.waitForSync()));
  const after = memory();
  const cached = probes.reduce((n, p) => n + p.cache.size, 0);
  await Promise.all(probes.map((p) => p.stop()));
  const rssPer1000 = ((after.rss - before.rss) / cached) * 1000;
  const heapPer1000 = ((after.heap - before.heap) / cached) * 1000;

  let reconciles = 0;
  const manager = new Manager({
    client,
    metricsBindAddress: '0',
    healthProbeBindAddress: '0',
    leaderElection: { enabled: false },
    metrics: new OperatorMetrics({ processMetrics: false }),
  });
  manager.add((ctx) => ({
    name: 'aimodel-bench',
    for: AIMODEL,
    maxConcurrentReconciles: 4,
    reconciler: {
      async reconcile(req) {
        reconciles++;
        const m = ctx.informers.get(AIMODEL, req.namespace, req.name);
        if (!m) return;
        await updateStatus(ctx.client, AIMODEL, m, {
          ...(m['status'] as object),
          observedGeneration: m.metadata.generation,
        });
      },
    },
  }));
  const observed = () =>
    manager.informers
      .list(AIMODEL)
      .every(
        (m) =>
          (m['status'] as { observedGeneration?: number } | undefined)?.observedGeneration ===
          m.metadata.generation,
      );

  let t = performance.now();
  await manager.start();
  await manager.informers.waitForSync();
  const syncMs = performance.now() - t;
  await waitFor(() => observed() && reconciles >= 2 * N, {
    timeoutMs: 120_000,
    intervalMs: 10,
    description: 'first pass',
  });
  const firstPassMs = performance.now() - t;

  // Baseline for the burst: the same 1,000 status writes issued directly, 4 at a time, no controller.
  const names = Array.from({ length: N }, (_, i) => `model-${i}`);
  t = performance.now();
  await pool(names, 4, async (name) => {
    const m = await client.get(AIMODEL, NAMESPACE, name);
    await client.replaceStatus(AIMODEL, {
      ...m,
      status: { ...(m['status'] as object), observedGeneration: m.metadata.generation },
    });
  });
  const directMs = performance.now() - t;
  await waitFor(() => observed(), {
    timeoutMs: 60_000,
    intervalMs: 10,
    description: 'settled after baseline',
  });
  await new Promise((r) => setTimeout(r, 200));

  // Burst: 1,000 spec updates; each bumps the generation and needs one status write.
  const startCount = reconciles;
  t = performance.now();
  await pool(names, 16, (name) =>
    client.patch(AIMODEL, NAMESPACE, name, { spec: { engine: { args: ['--burst'] } } }),
  );
  await waitFor(
    () =>
      manager.informers
        .list(AIMODEL)
        .every((m) => (m['spec'] as { engine?: { args?: string[] } }).engine?.args?.[0] === '--burst') &&
      observed(),
    { timeoutMs: 120_000, intervalMs: 10, description: 'burst reconciled' },
  );
  const burstMs = performance.now() - t;
  const burstReconciles = reconciles - startCount;
  const reconcilesPerSecond = (N / burstMs) * 1000;
  const directPerSecond = (N / directMs) * 1000;

  // No-op resync: every object reconciled again; nothing may be written.
  await new Promise((r) => setTimeout(r, 300));
  api.resetCounters();
  const resyncStart = reconciles;
  t = performance.now();
  for (const informer of manager.informers.all()) informer.resync();
  await waitFor(() => reconciles - resyncStart >= N, {
    timeoutMs: 60_000,
    intervalMs: 10,
    description: 'resync',
  });
  const resyncMs = performance.now() - t;
  const resyncWrites = api.writes;

  await manager.stop();
  await api.stop();

  const figures = {
    objects: N,
    initialSyncMs: round(syncMs),
    plainListMs: round(plainListMs),
    syncVsPlainList: round(syncMs / plainListMs),
    firstFullReconcileMs: round(firstPassMs),
    burstUpdates: N,
    burstReconciles,
    burstMs: round(burstMs),
    reconcilesPerSecond: round(reconcilesPerSecond),
    directStatusWritesPerSecond: round(directPerSecond),
    reconcileVsDirectWrites: round(reconcilesPerSecond / directPerSecond),
    rssMiBPer1000Objects: round(rssPer1000 / 2 ** 20),
    heapMiBPer1000Objects: round(heapPer1000 / 2 ** 20),
    jsonMiBPer1000Objects: round(((jsonBytes / N) * 1000) / 2 ** 20),
    heapVsJson: round(heapPer1000 / ((jsonBytes / N) * 1000)),
    gcExposed: Boolean(gc),
    noopResyncReconciles: N,
    noopResyncMs: round(resyncMs),
    noopResyncWrites: resyncWrites,
  };
  console.log(`objects:                     ${N} AIModels in the fake API server`);
  console.log(
    `initial sync:                ${figures.initialSyncMs} ms (a plain list: ${figures.plainListMs} ms; x${figures.syncVsPlainList})`,
  );
  console.log(`first full reconcile:        ${figures.firstFullReconcileMs} ms (sync + ${N} status writes)`);
  console.log(
    `burst of ${N} updates:        ${figures.reconcilesPerSecond} objects reconciled/s (${burstReconciles} reconciles in ${figures.burstMs} ms); ` +
      `direct status writes: ${figures.directStatusWritesPerSecond}/s; x${figures.reconcileVsDirectWrites}`,
  );
  console.log(
    `memory per 1,000 cached:     (over ${CACHES} caches) RSS ${figures.rssMiBPer1000Objects} MiB, heap ${figures.heapMiBPer1000Objects} MiB ` +
      `(objects as JSON: ${figures.jsonMiBPer1000Objects} MiB; heap x${figures.heapVsJson})${gc ? '' : ' [run with --expose-gc for stable figures]'}`,
  );
  console.log(
    `no-op resync:                ${N} reconciles in ${figures.noopResyncMs} ms, API writes: ${resyncWrites} (must be 0)`,
  );
  console.log(JSON.stringify(figures));
  if (resyncWrites !== 0) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
