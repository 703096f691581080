/**
 * Wires the ModelVersion reconciler. Each source queues only the versions that must react:
 * - the version itself when its spec, metadata (an action request) or phase changes; its own status
 *   writes within a phase (an analysis, a step) do not, since the reconciler asks to come back at
 *   the next due time itself;
 * - the versions of an AIModel when its spec (rollout policy) or its stable version and history
 *   change;
 * - the versions of a model when a sibling appears, goes, or changes phase or promotion (a newer one
 *   supersedes it, the canary slot frees up, the stable changes);
 * - the version a Deployment runs when its availability changes;
 * - for routers whose routes a third party must accept (TrafficRouter.acceptance), the versions of a
 *   model being rolled out (Progressing or Paused) when what its route's status says changes (served
 *   or not, and why); the router's own weight writes do not.
 * - the version an evaluation Job belongs to when the Job ends, or its pod's evaluation container
 *   does (evaluation/watches.ts).
 * Every read comes from the shared informer caches (rollout-deps/caches.ts).
 */
import { LABEL_MODEL, LABEL_VERSION } from '../../crds/api/index.js';
import { AIMODEL, DEPLOYMENT, MODEL_VERSION } from '../kinds.js';
import { evaluationWatches } from '../evaluation/watches.js';
import { BY_MODEL, configureRolloutCaches, modelKey } from '../rollout-deps/caches.js';
import { maxConcurrentReconciles, type RolloutDeps } from '../rollout-deps/deps.js';
import { rolloutFactsChanged } from '../rollout-deps/versions.js';
import { deploymentAvailable } from '../rollout-deps/workload.js';
import type { ControllerOptions } from '../kit/controller.js';
import { deepEqual } from '../kit/deep-equal.js';
import type { OperatorContext } from '../kit/manager.js';
import { specOrMetadataChanged, type UpdatePredicate } from '../kit/predicates.js';
import type { Request } from '../kit/reconciler.js';
import type { KubeObject } from '../kit/resource.js';
import type { RouteAcceptance } from '../traffic/router.js';
import { ModelVersionReconciler } from './reconciler.js';

const phaseOf = (mv: KubeObject): unknown => (mv.status as { phase?: string } | undefined)?.phase;

/** The version's own changes that need a pass: spec, metadata, or a phase written by this controller. */
const ownChange: UpdatePredicate = (old, obj) =>
  specOrMetadataChanged(old, obj) || phaseOf(old) !== phaseOf(obj);

/** An AIModel change its versions decide on: the policy (spec) or the stable version and history. */
const modelChange: UpdatePredicate = (old, obj) => {
  const facts = (m: KubeObject): unknown => {
    const status = m.status as { stableVersion?: string; history?: unknown } | undefined;
    return [status?.stableVersion, status?.history];
  };
  return old.metadata.generation !== obj.metadata.generation || !deepEqual(facts(old), facts(obj));
};

const availabilityChange: UpdatePredicate = (old, obj) =>
  deploymentAvailable(old) !== deploymentAvailable(obj);

/** Phases whose rollout pauses while the route is refused, and resumes once it is served. */
const MEASURED: ReadonlySet<unknown> = new Set(['Progressing', 'Paused']);

/** A change of what the route's status says: served or not, and the refusal's reason. */
function servingChange(acceptance: RouteAcceptance): UpdatePredicate {
  const said = (route: KubeObject): string => {
    const serving = acceptance.servingOf(route);
    return serving.served ? 'served' : `refused: ${serving.reason}`;
  };
  return (old, obj) => said(old) !== said(obj);
}

/** `deps` are shared with the other rollout controller (`createRolloutDeps`, once per manager). */
export function modelVersionController(ctx: OperatorContext, deps: RolloutDeps): ControllerOptions {
  configureRolloutCaches(ctx.informers, { routes: deps.router.routes, mesh: deps.mesh });
  /** ModelVersions of `model` in `namespace`, from the shared cache's model index. */
  const cachedVersionsOf = (namespace: string, model: string): KubeObject[] =>
    ctx.informers.list(MODEL_VERSION, { index: { name: BY_MODEL, value: modelKey(namespace, model) } });
  const requestsFor = (namespace: string, versions: KubeObject[]): Request[] =>
    versions.map((mv) => ({ namespace, name: mv.metadata.name ?? '' }));
  const versionsOf = (namespace: string, model: string, version?: string): Request[] =>
    requestsFor(
      namespace,
      cachedVersionsOf(namespace, model).filter(
        (mv) => version === undefined || (mv.spec as { version?: string } | undefined)?.version === version,
      ),
    );
  const acceptance = deps.router.acceptance;
  const modelOf = (obj: KubeObject): string | undefined =>
    (obj.spec as { modelRef?: { name?: string } } | undefined)?.modelRef?.name;
  return {
    name: 'modelversion',
    for: MODEL_VERSION,
    forPredicate: ownChange,
    watches: [
      {
        resource: AIMODEL,
        map: (m) => versionsOf(m.metadata.namespace ?? '', m.metadata.name ?? ''),
        predicate: modelChange,
      },
      {
        resource: MODEL_VERSION,
        map: (mv) => {
          const model = modelOf(mv);
          return model === undefined ? [] : versionsOf(mv.metadata.namespace ?? '', model);
        },
        predicate: rolloutFactsChanged,
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
        predicate: availabilityChange,
      },
      ...(acceptance === undefined
        ? []
        : [
            {
              // Named after its AIModel; only the versions being rolled out wait on it.
              resource: acceptance.resource,
              map: (route: KubeObject) => {
                const namespace = route.metadata.namespace ?? '';
                const measured = cachedVersionsOf(namespace, route.metadata.name ?? '').filter((mv) =>
                  MEASURED.has(phaseOf(mv)),
                );
                return requestsFor(namespace, measured);
              },
              predicate: servingChange(acceptance),
            },
          ]),
      ...evaluationWatches(ctx.informers),
    ],
    maxConcurrentReconciles: maxConcurrentReconciles(ctx),
    reconciler: new ModelVersionReconciler({
      client: ctx.cluster,
      events: ctx.events,
      router: deps.router,
      metricsProvider: deps.metricsProvider,
      locks: deps.locks,
      clock: ctx.clock,
      rolloutMetrics: deps.rolloutMetrics,
      mesh: deps.mesh,
      logger: ctx.logger.child({ controller: 'modelversion' }),
    }),
  };
}
