import { FIELD_MANAGER, isNotFound, type KubeClient } from './client.js';
import { isSubset } from './deep-equal.js';
import { silentLogger, type Logger } from './logger.js';
import {
  apiVersionOf,
  describe,
  type KubeObject,
  type OwnerReference,
  type ResourceType,
} from './resource.js';

/** The controller owner reference for `owner` (garbage collection, and Argo CD's resource tree). */
export function ownerReference(owner: KubeObject): OwnerReference {
  const { name, uid } = owner.metadata;
  if (!owner.apiVersion || !owner.kind || !name || !uid) {
    throw new Error(`${describe(owner)}: an owner needs apiVersion, kind, metadata.name and metadata.uid`);
  }
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name,
    uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** `obj` with `owner` as its controller owner reference (other owner references are kept). */
export function withOwner<T extends KubeObject>(obj: T, owner: KubeObject): T {
  const ref = ownerReference(owner);
  const others = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== ref.uid && !r.controller);
  return { ...obj, metadata: { ...obj.metadata, ownerReferences: [...others, ref] } };
}

export function isOwnedBy(obj: KubeObject, owner: KubeObject): boolean {
  return (obj.metadata.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid && r.controller);
}

export interface ApplyOptions {
  /** Sets a controller owner reference to this object. @default none */
  readonly owner?: KubeObject;
  /**
   * The live object as last seen (from an informer cache). When every field of the desired object
   * already has its value there, nothing is sent: a reconcile that changes nothing writes nothing.
   * @default undefined (always apply)
   */
  readonly live?: KubeObject;
}

export interface ApplyResult {
  readonly changed: boolean;
  readonly object: KubeObject;
}

export interface PruneOptions {
  readonly owner: KubeObject;
  /** Label selector (equality) that all derived objects of this owner carry. */
  readonly selector: Record<string, string>;
  /** Names still rendered; every other owned object matching the selector is deleted. */
  readonly keep: Iterable<string>;
  /**
   * Candidates from an informer cache; when absent they are listed from the API server.
   * @default list from the API server
   */
  readonly live?: readonly KubeObject[];
}

/**
 * Server-side apply of derived objects with the operator's field manager (`suoke-modelops-operator`),
 * forcing ownership of the fields it sets (the operator is the only writer of derived objects; see the
 * ownership rule in DESIGN.md), and pruning of owned objects that are no longer rendered.
 */
export class Applier {
  private readonly log: Logger;

  constructor(
    private readonly client: KubeClient,
    options: { readonly logger?: Logger; readonly fieldManager?: string } = {},
  ) {
    this.log = options.logger ?? silentLogger;
    if ((options.fieldManager ?? FIELD_MANAGER) !== FIELD_MANAGER) {
      throw new Error(
        `applier: fieldManager must be '${FIELD_MANAGER}' (the client sends it on every write)`,
      );
    }
  }

  async apply(rt: ResourceType, desired: KubeObject, options: ApplyOptions = {}): Promise<ApplyResult> {
    const body: KubeObject = {
      ...(options.owner ? withOwner(desired, options.owner) : desired),
      apiVersion: desired.apiVersion ?? apiVersionOf(rt),
      kind: desired.kind ?? rt.kind,
    };
    const { name, namespace } = body.metadata;
    if (!name) throw new Error(`${rt.kind}: metadata.name is required to apply`);
    if (options.live && isSubset(stripForCompare(body), options.live)) {
      return { changed: false, object: options.live };
    }
    // managedFields, resourceVersion, uid and status are not ours to send in an apply configuration.
    const {
      resourceVersion: _rv,
      managedFields: _mf,
      uid: _uid,
      creationTimestamp: _ct,
      ...metadata
    } = body.metadata;
    const { status: _status, ...config } = body;
    try {
      const object = await this.client.patch<KubeObject>(
        rt,
        namespace,
        name,
        { ...config, metadata },
        'apply',
        { force: true },
      );
      this.log.debug({ object: describe(body) }, 'applied');
      return { changed: true, object };
    } catch (err) {
      throw new Error(`${describe(body)}: server-side apply failed: ${(err as Error).message}`, {
        cause: err,
      });
    }
  }

  /** Deletes owned objects matching `selector` whose names are not in `keep`; returns the deleted names. */
  async prune(rt: ResourceType, options: PruneOptions): Promise<string[]> {
    const keep = new Set(options.keep);
    const namespace = options.owner.metadata.namespace;
    const candidates =
      options.live ??
      (
        await this.client.list(rt, namespace, {
          labelSelector: Object.entries(options.selector)
            .map(([k, v]) => `${k}=${v}`)
            .join(','),
        })
      ).items;
    const deleted: string[] = [];
    for (const obj of candidates) {
      const name = obj.metadata.name ?? '';
      if (keep.has(name) || !isOwnedBy(obj, options.owner) || obj.metadata.deletionTimestamp) continue;
      if (!Object.entries(options.selector).every(([k, v]) => obj.metadata.labels?.[k] === v)) continue;
      try {
        // The uid precondition makes sure we delete the object we looked at, not a re-created namesake.
        await this.client.delete(rt, obj.metadata.namespace, name, { uid: obj.metadata.uid });
        deleted.push(name);
      } catch (err) {
        if (isNotFound(err)) continue;
        throw new Error(`${rt.kind} ${namespace}/${name}: prune failed: ${(err as Error).message}`, {
          cause: err,
        });
      }
    }
    if (deleted.length > 0) this.log.info({ kind: rt.kind, namespace, deleted }, 'pruned derived objects');
    return deleted;
  }
}

function stripForCompare(obj: KubeObject): KubeObject {
  const { status: _s, ...rest } = obj;
  return rest as KubeObject;
}
