/**
 * Serves custom resources for CustomResourceDefinitions, as the real apiextensions server does:
 * creating (or updating) a CRD makes each served version's kind available at once, marks the CRD
 * Established, and deleting the CRD stops serving the kind and removes its objects.
 */
import type { ResourceRegistry, ResourceType } from './resource-registry.js';
import type { ObjectStore } from './store.js';
import { clone, isPlainObject, type KubeObject } from './types.js';

export const CRD_KEY = 'apiextensions.k8s.io/customresourcedefinitions';

interface CrdVersion {
  readonly name: string;
  readonly served?: boolean;
  readonly storage?: boolean;
  readonly schema?: { readonly openAPIV3Schema?: Record<string, unknown> };
  readonly subresources?: { readonly status?: unknown; readonly scale?: unknown };
}

interface CrdSpec {
  readonly group: string;
  readonly scope: 'Namespaced' | 'Cluster';
  readonly names: {
    readonly kind: string;
    readonly plural: string;
    readonly singular?: string;
    readonly listKind?: string;
    readonly shortNames?: string[];
    readonly categories?: string[];
  };
  readonly versions: CrdVersion[];
}

/** The resource types a CRD object serves (one per served version). */
export function typesOfCrd(crd: KubeObject): ResourceType[] {
  const spec = crd['spec'] as CrdSpec;
  return spec.versions
    .filter((v) => v.served !== false)
    .map((v) => ({
      group: spec.group,
      version: v.name,
      kind: spec.names.kind,
      listKind: spec.names.listKind ?? `${spec.names.kind}List`,
      plural: spec.names.plural,
      singular: spec.names.singular ?? spec.names.kind.toLowerCase(),
      namespaced: spec.scope !== 'Cluster',
      shortNames: spec.names.shortNames ?? [],
      categories: spec.names.categories ?? [],
      statusSubresource: isPlainObject(v.subresources) && v.subresources.status !== undefined,
      generation: true,
      custom: { crdName: crd.metadata.name!, schema: v.schema?.openAPIV3Schema },
    }));
}

export class CrdController {
  constructor(
    private readonly store: ObjectStore,
    private readonly registry: ResourceRegistry,
    private readonly now: () => Date = () => new Date(),
  ) {
    store.onChange((event) => {
      if (event.key !== CRD_KEY) return;
      const name = event.object.metadata.name!;
      if (event.type === 'DELETED') {
        const types = typesOfCrd(event.object);
        this.registry.removeCustom(name);
        for (const t of types) this.store.dropBucket(`${t.group}/${t.plural}`);
        return;
      }
      this.registry.removeCustom(name);
      for (const type of typesOfCrd(event.object)) this.registry.add(type);
      // The status write is a change of its own; make it after this event reached every listener.
      queueMicrotask(() => this.markEstablished(name));
    });
  }

  /** Sets the conditions and accepted names the real server reports once a CRD is served. */
  markEstablished(name: string): void {
    const crd = this.store.get(CRD_KEY, undefined, name);
    if (crd === undefined || crd.metadata.deletionTimestamp !== undefined) return;
    const spec = crd['spec'] as CrdSpec;
    const status = (isPlainObject(crd['status']) ? crd['status'] : {}) as Record<string, unknown>;
    const conditions = Array.isArray(status['conditions'])
      ? (status['conditions'] as Record<string, unknown>[])
      : [];
    if (conditions.some((c) => c['type'] === 'Established' && c['status'] === 'True')) return;
    const now = this.now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
    const next = clone(crd);
    next['status'] = {
      acceptedNames: spec.names,
      conditions: [
        {
          type: 'NamesAccepted',
          status: 'True',
          reason: 'NoConflicts',
          message: 'no conflicts found',
          lastTransitionTime: now,
        },
        {
          type: 'Established',
          status: 'True',
          reason: 'InitialNamesAccepted',
          message: 'the initial names have been accepted',
          lastTransitionTime: now,
        },
      ],
      storedVersions: spec.versions.filter((v) => v.storage).map((v) => v.name),
    };
    this.store.put(CRD_KEY, next);
  }
}
