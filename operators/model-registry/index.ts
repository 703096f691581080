/**
 * The ModelRegistry controller: probes each registry, records whether it is reachable, discovers the
 * versions of tracked models and (optionally) creates ModelVersions for new ones. Registered in
 * `operators/main.ts`.
 */
import type { ControllerOptions } from '../kit/controller.js';
import type { OperatorContext } from '../kit/manager.js';
import { ModelRegistryReconciler } from './reconciler.js';
import { MODEL_REGISTRY, MODEL_VERSION } from '../kinds.js';

export function modelRegistryController(ctx: OperatorContext): ControllerOptions {
  // Read from the cache: the ModelVersions it creates (its informer is shared with the rollout).
  ctx.informers.informersFor(MODEL_VERSION);
  return {
    name: 'model-registry',
    for: MODEL_REGISTRY,
    reconciler: new ModelRegistryReconciler({
      client: ctx.cluster,
      events: ctx.events,
      clock: ctx.clock,
      logger: ctx.logger.child({ controller: 'model-registry' }),
    }),
    // Each pass waits on a remote registry; a few at once keep one slow registry from delaying others.
    maxConcurrentReconciles: 4,
  };
}

export { ModelRegistryReconciler, type ModelRegistryReconcilerDeps } from './reconciler.js';
export { createRegistryClient, type RegistryClientFactory } from './factory.js';
export type * from './registry-client.js';
export { MODEL_REGISTRY, MODEL_VERSION } from '../kinds.js';
export { LABEL_AUTO_CREATED, LABEL_REGISTRY } from './auto-create.js';
