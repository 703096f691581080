/**
 * Resource types and the JSON shape of objects as they travel over the wire. The kit addresses every kind
 * through an explicit `ResourceType` (no discovery round-trips), exactly as the REST paths of the API
 * server spell them: `/api/v1/...` for the core group, `/apis/<group>/<version>/...` otherwise.
 */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** One entry of `metadata.managedFields` as the API server writes it. */
export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Record<string, unknown>;
  subresource?: string;
}

/** ObjectMeta as JSON (timestamps are RFC 3339 strings, not Dates). */
export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  ownerReferences?: OwnerReference[];
  managedFields?: ManagedFieldsEntry[];
  [extra: string]: unknown;
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export interface KubeList<T extends KubeObject = KubeObject> {
  apiVersion?: string;
  kind?: string;
  metadata: { resourceVersion?: string; continue?: string };
  items: T[];
}

export interface ResourceType {
  /** '' for the core group. */
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  /** Lower-case plural used in REST paths, e.g. 'aimodels'. */
  readonly plural: string;
  /** @default true */
  readonly namespaced?: boolean;
}

export function apiVersionOf(rt: ResourceType): string {
  return rt.group ? `${rt.group}/${rt.version}` : rt.version;
}

function prefix(rt: ResourceType): string {
  return rt.group ? `/apis/${rt.group}/${rt.version}` : `/api/${rt.version}`;
}

/** The collection path; all namespaces when `namespace` is empty or the kind is cluster-scoped. */
export function collectionPath(rt: ResourceType, namespace?: string): string {
  const nsPart = (rt.namespaced ?? true) && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${prefix(rt)}${nsPart}/${rt.plural}`;
}

export function objectPath(
  rt: ResourceType,
  namespace: string | undefined,
  name: string,
  sub?: string,
): string {
  if ((rt.namespaced ?? true) && !namespace) {
    throw new Error(`${rt.kind} '${name}': metadata.namespace is required for a namespaced kind`);
  }
  return `${collectionPath(rt, namespace)}/${encodeURIComponent(name)}${sub ? `/${sub}` : ''}`;
}

/** `namespace/name` (or `name`) of an object: the cache and work-queue key. */
export function objectKey(obj: KubeObject): string {
  const ns = obj.metadata.namespace;
  return ns ? `${ns}/${obj.metadata.name ?? ''}` : (obj.metadata.name ?? '');
}

export function describe(obj: KubeObject): string {
  return `${obj.kind ?? 'object'} ${objectKey(obj)}`;
}

export const LEASE: ResourceType = {
  group: 'coordination.k8s.io',
  version: 'v1',
  kind: 'Lease',
  plural: 'leases',
};

export const EVENT: ResourceType = { group: 'events.k8s.io', version: 'v1', kind: 'Event', plural: 'events' };
