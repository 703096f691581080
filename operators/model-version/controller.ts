/**
 * Wires the ModelVersion reconciler. Besides its own changes, a version is queued when something it
 * decides on changes: its AIModel (policy, stable version, rollback history), a sibling version (a
 * newer one supersedes it, or the canary slot frees up) and its Deployment (availability).
 */
import { LABEL_MODEL, LABEL_VERSION } from '../../crds/api/index.js';
import { AIMODEL, DEPLOYMENT, MODEL_VERSION } from '../aimodel/resources.js';
import { rolloutDeps, type RolloutDeps } from '../aimodel/shared.js';
import type { ControllerOptions } from '../kit/controller.js';
import type { OperatorContext } from '../kit/manager.js';
import type { Request } from '../kit/reconciler.js';
import type { KubeObject } from '../kit/resource.js';
import { ModelVersionReconciler } from './reconciler.js';

export function modelVersionController(
  ctx: OperatorContext,
  overrides: Partial<RolloutDeps> = {},
): ControllerOptions {
  const deps = rolloutDeps(ctx, overrides);
  /** ModelVersions of `model` in `namespace`, from the shared cache. */
  const versionsOf = (namespace: string, model: string, version?: string): Request[] =>
    ctx.informers
      .list(MODEL_VERSION, { namespace })
      .filter((mv) => {
        const spec = mv.spec as { modelRef?: { name?: string }; version?: string } | undefined;
        return spec?.modelRef?.name === model && (version === undefined || spec.version === version);
      })
      .map((mv) => ({ namespace, name: mv.metadata.name ?? '' }));
  const modelOf = (obj: KubeObject): string | undefined =>
    (obj.spec as { modelRef?: { name?: string } } | undefined)?.modelRef?.name;
  return {
    name: 'modelversion',
    for: MODEL_VERSION,
    watches: [
      { resource: AIMODEL, map: (m) => versionsOf(m.metadata.namespace ?? '', m.metadata.name ?? '') },
      {
        resource: MODEL_VERSION,
        map: (mv) => {
          const model = modelOf(mv);
          return model === undefined ? [] : versionsOf(mv.metadata.namespace ?? '', model);
        },
      },
      {
        resource: DEPLOYMENT,
        map: (d) => {
          const model = d.metadata.labels?.[LABEL_MODEL];
          const version = d.metadata.labels?.[LABEL_VERSION];
          return model === undefined || version === undefined
            ? []
            : versionsOf(d.metadata.namespace ?? '', model, version);
        },
      },
    ],
    reconciler: new ModelVersionReconciler({
      client: ctx.client,
      events: ctx.events,
      router: deps.router,
      metricsProvider: deps.metricsProvider,
      locks: deps.locks,
      clock: ctx.clock,
      rolloutMetrics: deps.rolloutMetrics,
      logger: ctx.logger.child({ controller: 'modelversion' }),
    }),
  };
}
