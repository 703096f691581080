import { createHash } from 'node:crypto';
import { FIELD_MANAGER, isNotFound } from './client.js';
import type { ClusterClient } from './cluster-client.js';
import { canonicalJson, matchesLive, projectOnto } from './deep-equal.js';
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
   * The live object as last seen (from an informer cache). When it already holds exactly what would
   * be applied (see {@link Applier}), nothing is sent: a reconcile that changes nothing writes nothing.
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
  /** Candidates (from an informer cache). */
  readonly live: readonly KubeObject[];
}

/**
 * Annotation carrying a digest of the SHAPE of the configuration last applied: every field path it
 * set, without the values. See {@link Applier} for why.
 */
export const APPLIED_FIELDS_ANNOTATION = 'ai.suoke.life/applied-fields';

/** Most objects whose server-side normalisation is remembered (oldest forgotten first). */
const MaxNormalised = 20_000;

/**
 * Server-side apply of derived objects with the operator's field manager (`suoke-modelops-operator`),
 * forcing ownership of the fields it sets (the operator is the only writer of derived objects; see the
 * ownership rule in DESIGN.md), and pruning of owned objects that are no longer rendered.
 *
 * **Write only what differs.** An apply is skipped only when the live object (from the cache) already
 * holds exactly the configuration we would send, removals included:
 * 1. every value we set is there (`matchesLive`: arrays element by element, quantities by value, so
 *    the server's `500m` for our `0.5` is equal), which catches a hand edit or deletion of a field we
 *    own; and
 * 2. the set of fields we set is the one we set last time: the configuration carries
 *    {@link APPLIED_FIELDS_ANNOTATION}, a digest of its field paths without values, and the live
 *    object must carry the digest of the desired configuration. A field dropped from the desired
 *    object (a GPU, a toleration, an env var) changes the digest, so the apply is sent and the server
 *    removes the field from what our manager owns.
 * Reading our own field set from `managedFields` would say the same, but needs every kind's list keys
 * to turn an object into a field set, and keeping `managedFields` in the cache would be the largest
 * part of its memory; one short annotation does both jobs. Fields the server defaults are not ours
 * and never compared, so defaulting does not cause re-applies. A value the server rewrites in a way
 * `matchesLive` does not know is learnt from the apply's answer (what the server made of this exact
 * configuration) and accepted from then on, so it costs one apply per process, not one per pass.
 */
export class Applier {
  private readonly log: Logger;
  /** uid → digests of a configuration and of what the server stored for it, where those differ. */
  private readonly normalised = new Map<string, { config: string; stored: string }>();

  constructor(
    private readonly client: ClusterClient,
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
    const config = applyConfiguration(rt, options.owner ? withOwner(desired, options.owner) : desired);
    const { name, namespace } = config.metadata;
    if (!name) throw new Error(`${rt.kind}: metadata.name is required to apply`);
    if (options.live && this.upToDate(config, options.live)) {
      return { changed: false, object: options.live };
    }
    try {
      const object = await this.client.patch<KubeObject>(rt, namespace, name, config, 'apply', {
        force: true,
      });
      this.remember(config, object);
      this.log.debug({ object: describe(config) }, 'applied');
      return { changed: true, object };
    } catch (err) {
      throw new Error(`${describe(config)}: server-side apply failed: ${(err as Error).message}`, {
        cause: err,
      });
    }
  }

  /** Deletes owned objects matching `selector` whose names are not in `keep`; returns the deleted names. */
  async prune(rt: ResourceType, options: PruneOptions): Promise<string[]> {
    const keep = new Set(options.keep);
    const namespace = options.owner.metadata.namespace;
    const deleted: string[] = [];
    for (const obj of options.live) {
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

  private upToDate(config: KubeObject, live: KubeObject): boolean {
    if (
      live.metadata.annotations?.[APPLIED_FIELDS_ANNOTATION] !==
      config.metadata.annotations?.[APPLIED_FIELDS_ANNOTATION]
    )
      return false;
    // The configuration carries no status (applyConfiguration): it compares exactly what we set.
    if (matchesLive(config, live)) return true;
    const known = this.normalised.get(live.metadata.uid ?? '');
    return (
      known !== undefined &&
      known.config === digest(config) &&
      known.stored === digest(projectOnto(config, live))
    );
  }

  private remember(config: KubeObject, stored: KubeObject): void {
    const uid = stored.metadata.uid;
    if (uid === undefined) return;
    this.normalised.delete(uid);
    if (matchesLive(config, stored)) return;
    this.normalised.set(uid, { config: digest(config), stored: digest(projectOnto(config, stored)) });
    if (this.normalised.size > MaxNormalised) this.normalised.delete(this.normalised.keys().next().value!);
  }
}

/**
 * What an apply sends for `obj`: type meta, no server-owned metadata (managedFields, resourceVersion,
 * uid, creationTimestamp) and no status, with {@link APPLIED_FIELDS_ANNOTATION} set to the digest of
 * its field paths. Exported so other writers of the same objects (the traffic routers) keep the digest
 * true to what they apply.
 */
export function applyConfiguration(rt: ResourceType, obj: KubeObject): KubeObject {
  const {
    resourceVersion: _rv,
    managedFields: _mf,
    uid: _uid,
    creationTimestamp: _ct,
    generation: _gen,
    ...metadata
  } = obj.metadata;
  const { status: _status, ...rest } = obj;
  const { [APPLIED_FIELDS_ANNOTATION]: _old, ...annotations } = metadata.annotations ?? {};
  const body: KubeObject = {
    ...rest,
    apiVersion: obj.apiVersion ?? apiVersionOf(rt),
    kind: obj.kind ?? rt.kind,
    metadata: { ...metadata, annotations },
  };
  return {
    ...body,
    metadata: {
      ...body.metadata,
      annotations: { ...annotations, [APPLIED_FIELDS_ANNOTATION]: shapeDigest(body) },
    },
  };
}

/** Digest of the field paths of `obj` (every leaf value replaced by null; array lengths kept). */
function shapeDigest(obj: unknown): string {
  return digest(shapeOf(obj));
}

function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, shapeOf(v)]),
    );
  }
  return null;
}

function digest(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('base64url').slice(0, 22);
}
