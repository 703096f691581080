/**
 * One Kubernetes object → one Pulumi resource.
 *
 * Core kinds become the typed `@pulumi/kubernetes` classes (so the provider's await logic and
 * secret handling apply), everything else an `apiextensions.CustomResource`. Both carry the type
 * token `kubernetes:<apiVersion>:<Kind>`, so the provider treats them alike; the typed class only
 * adds behaviour. Resource names are `<Kind>:<namespace>/<name>` (`<Kind>:<name>` when cluster
 * scoped): stable across runs, readable in `pulumi preview`, and unique because Kubernetes keys
 * objects the same way.
 */
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';

/** The shape every manifest shares; the rest is passed through untouched. */
export interface KubernetesObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly [key: string]: unknown };
  readonly [key: string]: unknown;
}

type ResourceClass = new (
  name: string,
  args: any,
  opts?: pulumi.CustomResourceOptions,
) => pulumi.CustomResource;

/** Typed classes for the kinds the charts emit; keyed by `apiVersion/Kind`. */
const TYPED: Readonly<Record<string, ResourceClass>> = {
  'v1/Namespace': k8s.core.v1.Namespace,
  'v1/ServiceAccount': k8s.core.v1.ServiceAccount,
  'v1/ConfigMap': k8s.core.v1.ConfigMap,
  'v1/Secret': k8s.core.v1.Secret,
  'v1/Service': k8s.core.v1.Service,
  'v1/PersistentVolumeClaim': k8s.core.v1.PersistentVolumeClaim,
  'v1/ResourceQuota': k8s.core.v1.ResourceQuota,
  'v1/LimitRange': k8s.core.v1.LimitRange,
  'apps/v1/Deployment': k8s.apps.v1.Deployment,
  'apps/v1/StatefulSet': k8s.apps.v1.StatefulSet,
  'apps/v1/DaemonSet': k8s.apps.v1.DaemonSet,
  'batch/v1/Job': k8s.batch.v1.Job,
  'policy/v1/PodDisruptionBudget': k8s.policy.v1.PodDisruptionBudget,
  'autoscaling/v2/HorizontalPodAutoscaler': k8s.autoscaling.v2.HorizontalPodAutoscaler,
  'networking.k8s.io/v1/NetworkPolicy': k8s.networking.v1.NetworkPolicy,
  'networking.k8s.io/v1/Ingress': k8s.networking.v1.Ingress,
  'rbac.authorization.k8s.io/v1/Role': k8s.rbac.v1.Role,
  'rbac.authorization.k8s.io/v1/RoleBinding': k8s.rbac.v1.RoleBinding,
  'rbac.authorization.k8s.io/v1/ClusterRole': k8s.rbac.v1.ClusterRole,
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': k8s.rbac.v1.ClusterRoleBinding,
  'scheduling.k8s.io/v1/PriorityClass': k8s.scheduling.v1.PriorityClass,
  'apiextensions.k8s.io/v1/CustomResourceDefinition': k8s.apiextensions.v1.CustomResourceDefinition,
  'apiregistration.k8s.io/v1/APIService': k8s.apiregistration.v1.APIService,
  'admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration':
    k8s.admissionregistration.v1.ValidatingWebhookConfiguration,
};

/** Cluster-scoped kinds among those a platform install uses; everything else is namespaced. */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleBinding',
  'PriorityClass',
  'StorageClass',
  'APIService',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'IngressClass',
  'PersistentVolume',
]);

export function isClusterScoped(obj: KubernetesObject): boolean {
  return CLUSTER_SCOPED.has(obj.kind);
}

/** `Deployment:suoke-system/modelops-operator`, `CustomResourceDefinition:aimodels.ai.suoke.life`. */
export function resourceName(obj: KubernetesObject): string {
  const ns = obj.metadata.namespace;
  return ns === undefined || isClusterScoped(obj)
    ? `${obj.kind}:${obj.metadata.name}`
    : `${obj.kind}:${ns}/${obj.metadata.name}`;
}

/** API group of an apiVersion (`''` for the core group). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** `<group>/<Kind>` a CRD serves, e.g. `ai.suoke.life/AIModel`. */
export function servedKindOf(crd: KubernetesObject): string {
  const spec = crd.spec as { group?: string; names?: { kind?: string } } | undefined;
  if (!spec?.group || !spec.names?.kind) {
    throw new Error(
      `CustomResourceDefinition ${crd.metadata.name}: spec.group and spec.names.kind are required`,
    );
  }
  return `${spec.group}/${spec.names.kind}`;
}

export function kindKey(obj: KubernetesObject): string {
  return `${groupOf(obj.apiVersion)}/${obj.kind}`;
}

/**
 * Declares `obj` as a Pulumi resource. Secrets go through the typed `core.v1.Secret` class, which
 * marks `data` and `stringData` as Pulumi secrets before they reach the engine, so neither
 * `pulumi preview` nor the state file shows them in clear.
 */
export function declareObject(
  obj: KubernetesObject,
  opts: pulumi.CustomResourceOptions,
): pulumi.CustomResource {
  const name = resourceName(obj);
  const args: Record<string, unknown> = { ...obj };
  const Typed = TYPED[`${obj.apiVersion}/${obj.kind}`];
  if (Typed !== undefined) {
    // The typed classes set apiVersion and kind themselves.
    delete args.apiVersion;
    delete args.kind;
    return new Typed(name, args, opts);
  }
  return new k8s.apiextensions.CustomResource(name, args as k8s.apiextensions.CustomResourceArgs, opts);
}
