import { KubeClient } from '../../../operators/kit/client.js';
import { Manager, type ManagerOptions, type OperatorContext } from '../../../operators/kit/manager.js';
import { OperatorMetrics } from '../../../operators/kit/metrics.js';
import type { Reconciler, Request } from '../../../operators/kit/reconciler.js';
import type { ResourceType } from '../../../operators/kit/resource.js';
import { updateStatus } from '../../../operators/kit/status.js';
import type { FakeApiServer } from '../../support/fake-api-server/index.js';
import { WIDGET, type Widget } from './widget.js';

export const CONFIG_MAP: ResourceType = { group: '', version: 'v1', kind: 'ConfigMap', plural: 'configmaps' };

/** A manager on the fake with loopback servers on free ports and quick reconnects. */
export function testManager(api: FakeApiServer, overrides: Partial<ManagerOptions> = {}): Manager {
  return new Manager({
    client: new KubeClient(api.kubeConfig()),
    metricsBindAddress: '127.0.0.1:0',
    healthProbeBindAddress: '127.0.0.1:0',
    leaderElection: { enabled: false },
    metrics: new OperatorMetrics({ processMetrics: false }),
    informerTuning: { initialBackoffMs: 20, maxBackoffMs: 200 },
    ...overrides,
  });
}

export interface ReconcileRecord {
  readonly key: string;
  readonly size: number | undefined;
}

/**
 * The reconciler of a typical derived-object controller, level-based: read the Widget from the cache,
 * apply its ConfigMap (owned), write status only when it changed, record an Event on a change.
 */
export function widgetReconciler(
  ctx: OperatorContext,
  log: ReconcileRecord[],
  hooks: { beforeStatus?: (req: Request, w: Widget) => Promise<void> } = {},
): Reconciler {
  return {
    async reconcile(req) {
      const w = ctx.informers.get<Widget>(WIDGET, req.namespace, req.name);
      log.push({ key: `${req.namespace}/${req.name}`, size: w?.spec?.size });
      if (!w) return;
      const name = `${req.name}-config`;
      await ctx.applier.apply(
        CONFIG_MAP,
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { namespace: req.namespace, name, labels: { app: req.name } },
          data: { size: String(w.spec?.size ?? 0) },
        },
        { owner: w, live: ctx.informers.get(CONFIG_MAP, req.namespace, name) },
      );
      await hooks.beforeStatus?.(req, w);
      const { changed } = await updateStatus(ctx.client, WIDGET, w, {
        observedSize: w.spec?.size,
        observedGeneration: w.metadata.generation,
      });
      if (changed) {
        await ctx.events.record(w, {
          type: 'Normal',
          reason: 'Resized',
          action: 'Reconcile',
          note: `observed size ${w.spec?.size}`,
        });
      }
    },
  };
}

export function countBy(records: readonly ReconcileRecord[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of records) m.set(r.key, (m.get(r.key) ?? 0) + 1);
  return m;
}
