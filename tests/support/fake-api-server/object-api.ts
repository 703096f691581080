/**
 * The API semantics of one object write, independent of HTTP: create, update (main resource or
 * status subresource), patch, delete with finalizers, list; resourceVersion preconditions, generation,
 * immutable metadata, no-op detection, and hooks for schema validation, field ownership and
 * garbage collection.
 */
import { randomUUID } from 'node:crypto';
import {
  ApiError,
  alreadyExists,
  badRequest,
  conflict,
  invalid,
  notFound,
  type StatusCause,
} from './errors.js';
import { apiVersionOf, storageKey, type ResourceType } from './resource-registry.js';
import type { ObjectStore } from './store.js';
import { clone, deepEqual, isPlainObject, type KubeObject, type ManagedFieldsEntry } from './types.js';

/** Who writes, and how (query parameters of the request). */
export interface WriteContext {
  /** `fieldManager` query parameter, or one derived from the User-Agent like the real server. */
  readonly fieldManager: string;
  /** `dryRun=All`: validate and answer, store nothing. */
  readonly dryRun: boolean;
  /** `status` for writes to the status subresource. */
  readonly subresource?: 'status';
  /** `fieldValidation=Strict`: unknown fields are refused instead of pruned. @default pruned silently */
  readonly strictFields?: boolean;
  /** Set by server-side apply: the managedFields it computed (ownership is then not diffed). */
  readonly managedFields?: ManagedFieldsEntry[];
}

/** Extension points that the other parts of the server plug in. */
export interface ObjectApiHooks {
  /** Defaults, prunes and validates a custom resource (throws 422); returns the object to store. */
  validate(
    type: ResourceType,
    object: KubeObject,
    old: KubeObject | undefined,
    ctx: WriteContext,
  ): KubeObject;
  /** Records field ownership of a non-apply write in `next.metadata.managedFields`. */
  trackUpdate(
    type: ResourceType,
    old: KubeObject | undefined,
    next: KubeObject,
    ctx: WriteContext,
    now: Date,
  ): void;
  /** Called after an object left the store (garbage collection of its dependents). */
  deleted(type: ResourceType, object: KubeObject, propagationPolicy: string | undefined): void;
  /** Called after a write that stored something (counters for tests). */
  wrote(verb: string, type: ResourceType, object: KubeObject): void;
}

/** Options of DELETE (the DeleteOptions body and query). */
export interface DeleteOptions {
  readonly propagationPolicy?: string;
  readonly preconditions?: { readonly uid?: string; readonly resourceVersion?: string };
  readonly dryRun?: boolean;
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Fields that only the server sets; a client's values for them are ignored. */
const SYSTEM_METADATA = [
  'uid',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'generation',
  'resourceVersion',
  'managedFields',
  'selfLink',
] as const;

/** Everything but metadata and status: what `metadata.generation` tracks. */
function specPart(object: KubeObject): Record<string, unknown> {
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = object;
  return rest;
}

function labelsCauses(object: KubeObject): StatusCause[] {
  const causes: StatusCause[] = [];
  for (const [key, value] of Object.entries(object.metadata.labels ?? {})) {
    if (
      typeof value !== 'string' ||
      !/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(value) ||
      value.length > 63
    ) {
      causes.push({
        reason: 'FieldValueInvalid',
        field: `metadata.labels`,
        message: `Invalid value: ${JSON.stringify(value)}: label ${key}: a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (max 63 characters)`,
      });
    }
  }
  return causes;
}

/**
 * A namespace also waits for its `spec.finalizers` (the namespace controller's `kubernetes`, removed
 * once the namespace is empty) before it goes.
 */
function specFinalizers(type: ResourceType, object: KubeObject): unknown[] {
  if (type.group !== '' || type.kind !== 'Namespace') return [];
  const spec = object['spec'];
  return isPlainObject(spec) && Array.isArray(spec['finalizers']) ? spec['finalizers'] : [];
}

/**
 * What a DELETE without `propagationPolicy` does to dependents: batch/v1 Jobs orphan their pods, for
 * compatibility with the first Job API (jobStrategy.DefaultGarbageCollectionPolicy); everything else here
 * deletes them in the background.
 */
function defaultPropagationPolicy(type: ResourceType): string | undefined {
  return type.group === 'batch' && type.version === 'v1' && type.kind === 'Job' ? 'Orphan' : undefined;
}

export class ObjectApi {
  constructor(
    private readonly store: ObjectStore,
    private readonly hooks: ObjectApiHooks,
    private readonly now: () => Date,
  ) {}

  /** The object as a client of `type`'s version sees it. */
  present(type: ResourceType, object: KubeObject): KubeObject {
    return { ...object, apiVersion: apiVersionOf(type), kind: type.kind };
  }

  get(type: ResourceType, namespace: string | undefined, name: string): KubeObject {
    const found = this.store.get(storageKey(type), this.scope(type, namespace), name);
    if (found === undefined) throw notFound(type.group, type.plural, name);
    return this.present(type, found);
  }

  /** The stored object, or undefined (no presentation, for internal callers). */
  find(type: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.store.get(storageKey(type), this.scope(type, namespace), name);
  }

  create(type: ResourceType, namespace: string | undefined, body: unknown, ctx: WriteContext): KubeObject {
    const object = this.checkBody(type, namespace, body);
    const meta = object.metadata;
    if (!meta.name && meta.generateName) {
      meta.name = `${meta.generateName}${randomUUID().replace(/-/g, '').slice(0, 5)}`;
    }
    const name = meta.name ?? '';
    this.checkName(type, object, name);
    if (type.namespaced) this.checkNamespaceExists(type, meta.namespace!, name);
    if (this.store.get(storageKey(type), meta.namespace, name) !== undefined) {
      throw alreadyExists(type.group, type.plural, name);
    }
    for (const field of SYSTEM_METADATA) delete meta[field];
    // A create never sets status where status is a subresource: the status writer owns it.
    if (type.statusSubresource && type.kind !== 'Namespace') delete object.status;
    if (type.kind === 'Namespace') object.status = { phase: 'Active' };
    meta.uid = randomUUID();
    meta.creationTimestamp = this.timestamp();
    if (type.generation) meta.generation = 1;
    let next = this.hooks.validate(type, object, undefined, ctx);
    next = { ...next, apiVersion: apiVersionOf(type), kind: type.kind };
    this.hooks.trackUpdate(type, undefined, next, ctx, this.now());
    if (ctx.dryRun) return this.present(type, next);
    const stored = this.store.put(storageKey(type), next);
    this.hooks.wrote('create', type, stored);
    return this.present(type, stored);
  }

  /**
   * PUT semantics. `body.metadata.resourceVersion`, when set, must be the stored one (409 otherwise);
   * custom resources require it, as on the real server.
   */
  update(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    body: unknown,
    ctx: WriteContext,
  ): KubeObject {
    const candidate = this.checkBody(type, namespace, body);
    if (candidate.metadata.name !== undefined && candidate.metadata.name !== name) {
      throw badRequest(
        `the name of the object (${candidate.metadata.name}) does not match the name on the URL (${name})`,
      );
    }
    candidate.metadata.name = name;
    const old = this.find(type, namespace, name);
    if (old === undefined) throw notFound(type.group, type.plural, name);
    const rv = candidate.metadata.resourceVersion;
    if (rv === undefined || rv === '') {
      if (type.custom) {
        throw invalid(type.group, type.kind, name, [
          {
            reason: 'FieldValueInvalid',
            field: 'metadata.resourceVersion',
            message: 'Invalid value: 0x0: must be specified for an update',
          },
        ]);
      }
    } else if (rv !== old.metadata.resourceVersion) {
      throw conflict(
        type.group,
        type.plural,
        name,
        'the object has been modified; please apply your changes to the latest version and try again',
      );
    }
    return this.commit(type, old, candidate, ctx, ctx.subresource === 'status' ? 'update-status' : 'update');
  }

  /**
   * Writes `candidate` over `old` (already read in the same tick, so no other write came between):
   * applies subresource separation, keeps server-owned metadata, bumps generation on spec changes,
   * validates, records field ownership, and stores only when something changed.
   */
  commit(
    type: ResourceType,
    old: KubeObject,
    candidate: KubeObject,
    ctx: WriteContext,
    verb: string,
  ): KubeObject {
    const name = old.metadata.name!;
    let next: KubeObject;
    if (type.statusSubresource && ctx.subresource === 'status') {
      // A status write changes status only; everything else stays as stored.
      next = clone(old);
      if (candidate.status === undefined) delete next.status;
      else next.status = clone(candidate.status);
    } else {
      next = clone(candidate);
      next.metadata = clone(candidate.metadata ?? {});
      if (type.statusSubresource) {
        // A main-resource write never changes status (the status writer owns it).
        if (old.status === undefined) delete next.status;
        else next.status = clone(old.status);
      }
    }
    next.apiVersion = old.apiVersion ?? apiVersionOf(type);
    next.kind = type.kind;
    const meta = next.metadata;
    for (const field of SYSTEM_METADATA) {
      if (old.metadata[field] === undefined) delete meta[field];
      else (meta as Record<string, unknown>)[field] = clone(old.metadata[field]);
    }
    meta.name = old.metadata.name;
    if (type.namespaced) meta.namespace = old.metadata.namespace;
    else delete meta.namespace;
    if (old.metadata.deletionTimestamp !== undefined) {
      const added = (meta.finalizers ?? []).filter((f) => !(old.metadata.finalizers ?? []).includes(f));
      if (added.length > 0) {
        throw invalid(type.group, type.kind, name, [
          {
            reason: 'FieldValueForbidden',
            field: 'metadata.finalizers',
            message: `Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers ${JSON.stringify(added)}`,
          },
        ]);
      }
    }
    const labelErrors = labelsCauses(next);
    if (labelErrors.length > 0) throw invalid(type.group, type.kind, name, labelErrors);
    next = this.hooks.validate(type, next, old, ctx);
    if (type.generation && !deepEqual(specPart(next), specPart(old))) {
      next.metadata.generation = (old.metadata.generation ?? 0) + 1;
    }
    this.hooks.trackUpdate(type, old, next, ctx, this.now());
    if (deepEqual(next, old)) return this.present(type, old);
    if (ctx.dryRun) return this.present(type, next);
    const gone =
      next.metadata.deletionTimestamp !== undefined &&
      (next.metadata.finalizers ?? []).length === 0 &&
      specFinalizers(type, next).length === 0;
    if (gone) {
      const removed = this.store.remove(storageKey(type), next.metadata.namespace, name)!;
      this.hooks.wrote('delete', type, removed);
      this.hooks.deleted(type, removed, undefined);
      return this.present(type, removed);
    }
    const stored = this.store.put(storageKey(type), next);
    this.hooks.wrote(verb, type, stored);
    return this.present(type, stored);
  }

  /**
   * DELETE: with finalizers the object only gets `deletionTimestamp` (and stays until they are
   * removed); without, it goes at once and its dependents are garbage-collected.
   */
  delete(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    options: DeleteOptions,
  ): KubeObject {
    const old = this.find(type, namespace, name);
    if (old === undefined) throw notFound(type.group, type.plural, name);
    const pre = options.preconditions;
    if (pre?.uid !== undefined && pre.uid !== old.metadata.uid) {
      throw conflict(
        type.group,
        type.plural,
        name,
        `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${old.metadata.uid}`,
      );
    }
    if (pre?.resourceVersion !== undefined && pre.resourceVersion !== old.metadata.resourceVersion) {
      throw conflict(
        type.group,
        type.plural,
        name,
        `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${old.metadata.resourceVersion}`,
      );
    }
    if (options.dryRun) return this.present(type, old);
    const finalizers = [...(old.metadata.finalizers ?? [])];
    const policy = options.propagationPolicy ?? defaultPropagationPolicy(type);
    if (policy === 'Foreground' && !finalizers.includes('foregroundDeletion'))
      finalizers.push('foregroundDeletion');
    if (finalizers.length > 0 || specFinalizers(type, old).length > 0) {
      if (old.metadata.deletionTimestamp !== undefined) return this.present(type, old);
      const next = clone(old);
      next.metadata.deletionTimestamp = this.timestamp();
      next.metadata.deletionGracePeriodSeconds = 0;
      if (finalizers.length > 0) next.metadata.finalizers = finalizers;
      if (type.generation) next.metadata.generation = (old.metadata.generation ?? 0) + 1;
      if (type.kind === 'Namespace' && type.group === '') next.status = { phase: 'Terminating' };
      const stored = this.store.put(storageKey(type), next);
      this.hooks.wrote('delete', type, stored);
      this.hooks.deleted(type, stored, policy);
      return this.present(type, stored);
    }
    const removed = this.store.remove(storageKey(type), old.metadata.namespace, name)!;
    this.hooks.wrote('delete', type, removed);
    this.hooks.deleted(type, removed, policy);
    return this.present(type, removed);
  }

  private scope(type: ResourceType, namespace: string | undefined): string | undefined {
    return type.namespaced ? namespace : undefined;
  }

  private timestamp(): string {
    // Kubernetes timestamps have second precision (metav1.Time, RFC 3339).
    return this.now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
  }

  private checkBody(type: ResourceType, namespace: string | undefined, body: unknown): KubeObject {
    if (!isPlainObject(body)) throw badRequest(`the body of the request must be a ${type.kind} object`);
    const object = clone(body) as KubeObject;
    if (object.kind !== undefined && object.kind !== type.kind) {
      throw badRequest(
        `the kind of the object (${String(object.kind)}) does not match the resource ${type.plural} (${type.kind})`,
      );
    }
    if (object.metadata === undefined || object.metadata === null) object.metadata = {};
    if (!isPlainObject(object.metadata)) throw badRequest('metadata must be an object');
    if (type.namespaced) {
      if (
        object.metadata.namespace !== undefined &&
        object.metadata.namespace !== '' &&
        object.metadata.namespace !== namespace
      ) {
        throw badRequest(
          'the namespace of the provided object does not match the namespace sent on the request',
        );
      }
      object.metadata.namespace = namespace;
    } else delete object.metadata.namespace;
    return object;
  }

  private checkName(type: ResourceType, object: KubeObject, name: string): void {
    if (name === '') {
      throw invalid(type.group, type.kind, '', [
        {
          reason: 'FieldValueRequired',
          field: 'metadata.name',
          message: 'Required value: name or generateName is required',
        },
      ]);
    }
    const pattern = type.kind === 'Namespace' || type.kind === 'Service' ? DNS1123_LABEL : DNS1123_SUBDOMAIN;
    if (!pattern.test(name) || name.length > 253) {
      throw invalid(type.group, type.kind, name, [
        {
          reason: 'FieldValueInvalid',
          field: 'metadata.name',
          message: `Invalid value: ${JSON.stringify(name)}: a lowercase RFC 1123 ${pattern === DNS1123_LABEL ? 'label' : 'subdomain'} must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
        },
      ]);
    }
    const labelErrors = labelsCauses(object);
    if (labelErrors.length > 0) throw invalid(type.group, type.kind, name, labelErrors);
  }

  private checkNamespaceExists(type: ResourceType, namespace: string, name: string): void {
    const ns = this.store.get('/namespaces', undefined, namespace);
    if (ns === undefined)
      throw new ApiError(404, 'NotFound', `namespaces "${namespace}" not found`, {
        name: namespace,
        kind: 'namespaces',
      });
    if (ns.metadata.deletionTimestamp !== undefined) {
      throw new ApiError(
        403,
        'Forbidden',
        `${type.plural} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
      );
    }
  }
}
