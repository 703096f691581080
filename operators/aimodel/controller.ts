/**
 * Wires the AIModel reconciler. What queues an AIModel:
 * - a change to the AIModel itself, except its own status writes (generation, labels, annotations —
 *   a rollback request — or deletion);
 * - a change to any object it derives (controller-runtime's `Owns()`), so a hand edit or deletion is
 *   repaired: Deployments on any change (their availability and replicas are in the AIModel's
 *   status), the other kinds unless only their status moved (an autoscaler's current metrics);
 * - a change to one of its ModelVersions that moves the set of workloads or the stable version
 *   (version, phase, promotion and finish times), not every analysis written to status.
 * Every read comes from the shared informer caches (rollout-deps/caches.ts).
 */
import type { ControllerOptions } from '../kit/controller.js';
import type { OperatorContext } from '../kit/manager.js';
import { anyChange, changedApartFromStatus, specOrMetadataChanged } from '../kit/predicates.js';
import type { KubeObject } from '../kit/resource.js';
import { AIMODEL, DEPLOYMENT, MODEL_VERSION } from '../kinds.js';
import { configureRolloutCaches, derivedKinds } from '../rollout-deps/caches.js';
import { maxConcurrentReconciles, type RolloutDeps } from '../rollout-deps/deps.js';
import { rolloutFactsChanged } from '../rollout-deps/versions.js';
import { AIModelReconciler } from './reconciler.js';

/** `deps` are shared with the other rollout controller (`createRolloutDeps`, once per manager). */
export function aimodelController(ctx: OperatorContext, deps: RolloutDeps): ControllerOptions {
  const scope = { routes: deps.router.routes, mesh: deps.mesh };
  configureRolloutCaches(ctx.informers, scope);
  return {
    name: 'aimodel',
    for: AIMODEL,
    forPredicate: specOrMetadataChanged,
    owns: derivedKinds(scope).map((resource) => ({
      resource,
      predicate: resource === DEPLOYMENT ? anyChange : changedApartFromStatus,
    })),
    watches: [
      {
        resource: MODEL_VERSION,
        map: (mv: KubeObject) => {
          const model = (mv.spec as { modelRef?: { name?: string } } | undefined)?.modelRef?.name;
          return model === undefined ? [] : [{ namespace: mv.metadata.namespace ?? '', name: model }];
        },
        predicate: rolloutFactsChanged,
      },
    ],
    maxConcurrentReconciles: maxConcurrentReconciles(ctx),
    reconciler: new AIModelReconciler({
      client: ctx.cluster,
      applier: ctx.applier,
      events: ctx.events,
      router: deps.router,
      locks: deps.locks,
      clock: ctx.clock,
      logger: ctx.logger.child({ controller: 'aimodel' }),
      rollbackWindowMs: deps.rollbackWindowMs,
      mesh: deps.mesh,
      ...(deps.tracing === undefined ? {} : { tracing: deps.tracing }),
    }),
  };
}
