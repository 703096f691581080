/**
 * The order Kubernetes needs a platform applied in, as stages.
 *
 * A namespace must exist before anything is created in it; a CustomResourceDefinition must be
 * established before the API server accepts objects of its kind; the operator (and the services it
 * needs) must run before the custom resources it reconciles arrive, or they sit unreconciled and
 * their first status is an error. Each stage `dependsOn` the nearest earlier stage that has
 * resources, and every custom resource also depends directly on its own CRD.
 */
import { groupOf, type KubernetesObject } from './kubernetes-objects.js';

export const STAGES = ['namespace', 'crd', 'config', 'workload', 'custom'] as const;
/**
 * - `namespace`: Namespaces.
 * - `crd`: CustomResourceDefinitions.
 * - `config`: identities, RBAC, configuration and secrets the workloads mount.
 * - `workload`: the operator, Redis, Services, policies and third-party custom resources.
 * - `custom`: custom resources whose CRD this program installs (AIModel, ModelRegistry, ModelVersion).
 */
export type Stage = (typeof STAGES)[number];

/** `<group>/<Kind>` of the config stage (the core group is `''`). */
const CONFIG_KINDS = new Set([
  '/ServiceAccount',
  '/ConfigMap',
  '/Secret',
  '/PersistentVolumeClaim',
  '/ResourceQuota',
  '/LimitRange',
  'rbac.authorization.k8s.io/Role',
  'rbac.authorization.k8s.io/RoleBinding',
  'rbac.authorization.k8s.io/ClusterRole',
  'rbac.authorization.k8s.io/ClusterRoleBinding',
  'scheduling.k8s.io/PriorityClass',
]);

/**
 * The stage of `obj`. `installedKinds` holds the `<group>/<Kind>` keys of the CRDs this program
 * installs; custom resources of CRDs installed elsewhere (Istio, prometheus-operator, VPA) are
 * prerequisites of the cluster and belong with the workloads.
 */
export function stageOf(obj: KubernetesObject, installedKinds: ReadonlySet<string>): Stage {
  if (obj.apiVersion === 'v1' && obj.kind === 'Namespace') return 'namespace';
  if (groupOf(obj.apiVersion) === 'apiextensions.k8s.io' && obj.kind === 'CustomResourceDefinition')
    return 'crd';
  if (installedKinds.has(`${groupOf(obj.apiVersion)}/${obj.kind}`)) return 'custom';
  if (CONFIG_KINDS.has(`${groupOf(obj.apiVersion)}/${obj.kind}`)) return 'config';
  return 'workload';
}
