/**
 * Which kinds the fake serves, under which paths, and with which behaviour (scope, status subresource,
 * generation). Built-in kinds are listed here; custom resources are added when a
 * CustomResourceDefinition is created, as on the real server.
 */

/** Schema and rules of one served version of a custom resource. */
export interface CustomVersionInfo {
  /** `spec.versions[].schema.openAPIV3Schema` of the CRD. */
  readonly schema: Record<string, unknown> | undefined;
}

/** One served resource at one group/version. */
export interface ResourceType {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly listKind: string;
  readonly plural: string;
  readonly singular: string;
  readonly namespaced: boolean;
  readonly shortNames: readonly string[];
  readonly categories: readonly string[];
  /** Whether `/status` is a subresource: main writes then ignore status and status writes ignore the rest. */
  readonly statusSubresource: boolean;
  /** Whether `metadata.generation` is maintained (bumped on spec changes). */
  readonly generation: boolean;
  /** Set for custom resources: the CRD name and this version's schema. */
  readonly custom?: CustomVersionInfo & { readonly crdName: string };
}

/** Objects of all versions of one resource share one storage bucket, keyed like this. */
export function storageKey(type: Pick<ResourceType, 'group' | 'plural'>): string {
  return `${type.group}/${type.plural}`;
}

export function apiVersionOf(type: Pick<ResourceType, 'group' | 'version'>): string {
  return type.group === '' ? type.version : `${type.group}/${type.version}`;
}

interface BuiltinSpec {
  readonly gv: string;
  readonly kind: string;
  readonly plural: string;
  readonly namespaced?: boolean;
  readonly status?: boolean;
  readonly generation?: boolean;
  readonly shortNames?: readonly string[];
  readonly categories?: readonly string[];
}

const BUILTINS: readonly BuiltinSpec[] = [
  { gv: 'v1', kind: 'Namespace', plural: 'namespaces', namespaced: false, status: true, shortNames: ['ns'] },
  { gv: 'v1', kind: 'Pod', plural: 'pods', status: true, shortNames: ['po'], categories: ['all'] },
  { gv: 'v1', kind: 'Service', plural: 'services', status: true, shortNames: ['svc'], categories: ['all'] },
  { gv: 'v1', kind: 'ConfigMap', plural: 'configmaps', shortNames: ['cm'] },
  { gv: 'v1', kind: 'Secret', plural: 'secrets' },
  { gv: 'v1', kind: 'ServiceAccount', plural: 'serviceaccounts', shortNames: ['sa'] },
  { gv: 'v1', kind: 'Event', plural: 'events', shortNames: ['ev'] },
  { gv: 'v1', kind: 'Endpoints', plural: 'endpoints', shortNames: ['ep'] },
  {
    gv: 'v1',
    kind: 'PersistentVolumeClaim',
    plural: 'persistentvolumeclaims',
    status: true,
    shortNames: ['pvc'],
  },
  {
    gv: 'apps/v1',
    kind: 'Deployment',
    plural: 'deployments',
    status: true,
    generation: true,
    shortNames: ['deploy'],
    categories: ['all'],
  },
  {
    gv: 'apps/v1',
    kind: 'ReplicaSet',
    plural: 'replicasets',
    status: true,
    generation: true,
    shortNames: ['rs'],
  },
  {
    gv: 'apps/v1',
    kind: 'StatefulSet',
    plural: 'statefulsets',
    status: true,
    generation: true,
    shortNames: ['sts'],
  },
  {
    gv: 'batch/v1',
    kind: 'Job',
    plural: 'jobs',
    status: true,
    generation: true,
    categories: ['all'],
  },
  {
    gv: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    plural: 'horizontalpodautoscalers',
    status: true,
    generation: true,
    shortNames: ['hpa'],
    categories: ['all'],
  },
  {
    gv: 'policy/v1',
    kind: 'PodDisruptionBudget',
    plural: 'poddisruptionbudgets',
    status: true,
    generation: true,
    shortNames: ['pdb'],
  },
  {
    gv: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    plural: 'networkpolicies',
    generation: true,
    shortNames: ['netpol'],
  },
  { gv: 'rbac.authorization.k8s.io/v1', kind: 'Role', plural: 'roles' },
  { gv: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', plural: 'rolebindings' },
  { gv: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', plural: 'clusterroles', namespaced: false },
  {
    gv: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    plural: 'clusterrolebindings',
    namespaced: false,
  },
  { gv: 'coordination.k8s.io/v1', kind: 'Lease', plural: 'leases' },
  { gv: 'events.k8s.io/v1', kind: 'Event', plural: 'events', shortNames: ['ev'] },
  {
    gv: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    plural: 'customresourcedefinitions',
    namespaced: false,
    status: true,
    generation: true,
    shortNames: ['crd', 'crds'],
    categories: ['api-extensions'],
  },
];

function builtinType(spec: BuiltinSpec): ResourceType {
  const [group, version] = spec.gv.includes('/') ? (spec.gv.split('/') as [string, string]) : ['', spec.gv];
  return {
    group,
    version,
    kind: spec.kind,
    listKind: `${spec.kind}List`,
    plural: spec.plural,
    singular: spec.kind.toLowerCase(),
    namespaced: spec.namespaced ?? true,
    shortNames: spec.shortNames ?? [],
    categories: spec.categories ?? [],
    statusSubresource: spec.status ?? false,
    generation: spec.generation ?? false,
  };
}

/** The served kinds, looked up by group/version/plural (URLs) or apiVersion/kind (objects). */
export class ResourceRegistry {
  private readonly types = new Map<string, ResourceType>();

  constructor() {
    for (const spec of BUILTINS) this.add(builtinType(spec));
  }

  add(type: ResourceType): void {
    this.types.set(`${type.group}/${type.version}/${type.plural}`, type);
  }

  /** Stops serving every version of a CRD's kind. */
  removeCustom(crdName: string): void {
    for (const [key, type] of this.types) if (type.custom?.crdName === crdName) this.types.delete(key);
  }

  byPath(group: string, version: string, plural: string): ResourceType | undefined {
    return this.types.get(`${group}/${version}/${plural}`);
  }

  byKind(apiVersion: string, kind: string): ResourceType | undefined {
    for (const type of this.types.values())
      if (apiVersionOf(type) === apiVersion && type.kind === kind) return type;
    return undefined;
  }

  /** Every served version of the resource stored under `key`. */
  versionsOf(key: string): ResourceType[] {
    return [...this.types.values()].filter((t) => storageKey(t) === key);
  }

  all(): ResourceType[] {
    return [...this.types.values()];
  }

  hasGroupVersion(group: string, version: string): boolean {
    return this.all().some((t) => t.group === group && t.version === version);
  }
}
