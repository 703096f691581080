/**
 * Wires the AIModel reconciler: every AIModel change, every change of one of its Deployments
 * (availability, replicas) and every change of one of its ModelVersions (a phase moved, so the set of
 * workloads or the stable version may have) queues the AIModel.
 */
import type { ControllerOptions } from '../kit/controller.js';
import type { OperatorContext } from '../kit/manager.js';
import type { KubeObject } from '../kit/resource.js';
import { AIModelReconciler } from './reconciler.js';
import { AIMODEL, DEPLOYMENT, MODEL_VERSION } from './resources.js';
import { rolloutDeps, type RolloutDeps } from './shared.js';

export function aimodelController(
  ctx: OperatorContext,
  overrides: Partial<RolloutDeps> = {},
): ControllerOptions {
  const deps = rolloutDeps(ctx, overrides);
  return {
    name: 'aimodel',
    for: AIMODEL,
    owns: [DEPLOYMENT],
    watches: [
      {
        resource: MODEL_VERSION,
        map: (mv: KubeObject) => {
          const model = (mv.spec as { modelRef?: { name?: string } } | undefined)?.modelRef?.name;
          return model === undefined ? [] : [{ namespace: mv.metadata.namespace ?? '', name: model }];
        },
      },
    ],
    reconciler: new AIModelReconciler({
      client: ctx.client,
      applier: ctx.applier,
      events: ctx.events,
      router: deps.router,
      locks: deps.locks,
      clock: ctx.clock,
      logger: ctx.logger.child({ controller: 'aimodel' }),
      rollbackWindowMs: deps.rollbackWindowMs,
    }),
  };
}
