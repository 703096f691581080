/**
 * How the rollout controllers' kinds are cached (see kit/informers.ts `configure`): ModelVersions
 * indexed by the AIModel they name, and every derived kind filtered on the server by our managed-by
 * label, so the operator's memory follows the objects it derives, not every Deployment or Service in
 * the cluster. Evaluation Jobs and their pods are filtered the same way on their own label
 * (evaluation/cache.ts).
 */
import { LABEL_MANAGED_BY, MANAGED_BY } from '../../crds/api/index.js';
import { EVALUATION_JOBS, EVALUATION_PODS } from '../evaluation/cache.js';
import type { KindCacheOptions, SharedInformers } from '../kit/informers.js';
import type { KubeObject } from '../kit/resource.js';
import { AIMODEL, JOB, MODEL_VERSION, POD } from '../kinds.js';
import { DERIVED_KINDS, inScope, type DerivedScope } from './derived-kinds.js';

/** Index of ModelVersions by `namespace/spec.modelRef.name`. */
export const BY_MODEL = 'model';

/** The {@link BY_MODEL} index value of a ModelVersion (or of an AIModel's own key). */
export function modelKey(namespace: string | undefined, model: string): string {
  return `${namespace ?? ''}/${model}`;
}

const VERSIONS: KindCacheOptions = Object.freeze({
  indexers: {
    [BY_MODEL]: (mv: KubeObject) => {
      const model = (mv.spec as { modelRef?: { name?: string } } | undefined)?.modelRef?.name;
      return model === undefined ? [] : [modelKey(mv.metadata.namespace, model)];
    },
  },
});

const DERIVED: KindCacheOptions = Object.freeze({ labelSelector: `${LABEL_MANAGED_BY}=${MANAGED_BY}` });

/** Configures (once per process; both controllers call it) and returns the kinds cached. */
export function configureRolloutCaches(informers: SharedInformers, scope: DerivedScope): void {
  informers.configure(MODEL_VERSION, VERSIONS);
  for (const rt of derivedKinds(scope)) informers.configure(rt, DERIVED);
  informers.configure(JOB, EVALUATION_JOBS);
  informers.configure(POD, EVALUATION_PODS);
  // Created now, so the controllers start only once all of them have synced.
  for (const rt of [AIMODEL, MODEL_VERSION, ...derivedKinds(scope), JOB, POD]) informers.informersFor(rt);
}

/** The derived kinds the operator applies, watches and prunes in this scope (see `inScope`). */
export function derivedKinds(scope: DerivedScope): typeof DERIVED_KINDS {
  return DERIVED_KINDS.filter((rt) => inScope(rt, scope));
}
