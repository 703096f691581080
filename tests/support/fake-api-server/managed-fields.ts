/**
 * Field ownership (`metadata.managedFields`) and server-side apply.
 *
 * - Non-apply writes (create, update, patch) give the writing manager (operation `Update`) every
 *   field they set or change, taking it from other managers, as the real server does.
 * - Apply (`PATCH application/apply-patch+yaml` with `fieldManager`): the applied configuration's
 *   fields become the manager's set (operation `Apply`); a field whose value it would change and that
 *   another manager owns is a conflict (409 naming manager and field) unless `force=true`, which takes
 *   it over; a field the manager applied before and no longer applies is removed unless another
 *   manager owns it; re-applying the same configuration changes nothing (no write, same
 *   resourceVersion); applying to a missing object creates it.
 * Lists merge by `x-kubernetes-list-type` (CRDs) or the built-in merge keys (patch.ts).
 */
import { ApiError, badRequest, conflict, notFound } from './errors.js';
import {
  childSchema,
  fieldSetOf,
  formatPath,
  fromFieldsV1,
  itemKey,
  itemSchema,
  listTypeOf,
  removeAt,
  toFieldsV1,
  valueAt,
  FieldSet,
  type FieldPath,
  type WalkContext,
} from './field-set.js';
import type { ObjectApi, WriteContext } from './object-api.js';
import { apiVersionOf, type ResourceType } from './resource-registry.js';
import { clone, deepEqual, isPlainObject, type KubeObject, type ManagedFieldsEntry } from './types.js';

/** Metadata that nobody owns: the server sets it, or it names the object. */
const UNOWNED_METADATA = new Set([
  'name',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
]);

interface Entry {
  readonly manager: string;
  readonly operation: 'Apply' | 'Update';
  readonly apiVersion: string;
  time: string;
  readonly subresource: string | undefined;
  set: FieldSet;
}

function timestamp(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The part of an object that field ownership covers for a write to `subresource`. */
export function ownedPart(
  type: ResourceType,
  object: KubeObject,
  subresource: string | undefined,
): Record<string, unknown> {
  const { apiVersion: _a, kind: _k, metadata, status, ...rest } = object;
  if (type.statusSubresource && subresource === 'status') return status === undefined ? {} : { status };
  const meta: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(metadata ?? {}))
    if (!UNOWNED_METADATA.has(k) && v !== undefined) meta[k] = v;
  const part: Record<string, unknown> = { ...rest };
  if (Object.keys(meta).length > 0) part['metadata'] = meta;
  if (!type.statusSubresource && status !== undefined) part['status'] = status;
  return part;
}

function walkContext(type: ResourceType): WalkContext {
  return { schema: type.custom?.schema, builtin: type.custom === undefined };
}

function parseEntries(object: KubeObject | undefined): Entry[] {
  return (object?.metadata.managedFields ?? []).map((e) => ({
    manager: e.manager,
    operation: e.operation,
    apiVersion: e.apiVersion,
    time: e.time,
    subresource: e.subresource,
    set: fromFieldsV1(e.fieldsV1),
  }));
}

function serialise(entries: readonly Entry[]): ManagedFieldsEntry[] {
  return entries
    .filter((e) => e.set.size > 0)
    .map((e) => ({
      manager: e.manager,
      operation: e.operation,
      apiVersion: e.apiVersion,
      time: e.time,
      fieldsType: 'FieldsV1' as const,
      fieldsV1: toFieldsV1(e.set),
      ...(e.subresource === undefined ? {} : { subresource: e.subresource }),
    }));
}

/** Records in `next.metadata.managedFields` who owns what after a non-apply write. */
export function trackUpdate(
  type: ResourceType,
  old: KubeObject | undefined,
  next: KubeObject,
  ctx: WriteContext,
  now: Date,
): void {
  if (ctx.managedFields !== undefined) {
    next.metadata.managedFields = clone(ctx.managedFields);
    return;
  }
  const scope = ctx.subresource;
  const walk = walkContext(type);
  const newPart = ownedPart(type, next, scope);
  const oldPart = old === undefined ? {} : ownedPart(type, old, scope);
  const newSet = fieldSetOf(newPart, walk);
  const oldSet = fieldSetOf(oldPart, walk);
  const changed = [...newSet].filter(
    (p) => !oldSet.has(p) || !deepEqual(valueAt(oldPart, p), valueAt(newPart, p)),
  );
  const removed = [...oldSet].filter((p) => !newSet.has(p));
  const entries = parseEntries(old);
  if (changed.length === 0 && removed.length === 0) {
    if (old?.metadata.managedFields) next.metadata.managedFields = clone(old.metadata.managedFields);
    else delete next.metadata.managedFields;
    return;
  }
  for (const e of entries) {
    for (const p of [...changed, ...removed]) e.set.delete(p);
  }
  let mine = entries.find(
    (e) => e.manager === ctx.fieldManager && e.operation === 'Update' && e.subresource === scope,
  );
  if (mine === undefined) {
    mine = {
      manager: ctx.fieldManager,
      operation: 'Update',
      apiVersion: apiVersionOf(type),
      time: timestamp(now),
      subresource: scope,
      set: new FieldSet(),
    };
    entries.push(mine);
  }
  for (const p of changed) mine.set.add(p);
  mine.time = timestamp(now);
  next.metadata.managedFields = serialise(entries);
}

function mergeInto(
  target: Record<string, unknown>,
  source: Record<string, unknown>,
  walk: WalkContext,
): void {
  for (const [k, v] of Object.entries(source)) {
    if (v === undefined) continue;
    const child: WalkContext = {
      schema: childSchema(walk.schema, k),
      builtin: walk.builtin || k === 'metadata',
    };
    const current = target[k];
    if (isPlainObject(v) && isPlainObject(current)) mergeInto(current, v, child);
    else if (Array.isArray(v) && Array.isArray(current)) target[k] = mergeList(k, current, v, child);
    else target[k] = clone(v);
  }
}

function mergeList(field: string, current: unknown[], applied: unknown[], walk: WalkContext): unknown[] {
  const lt = listTypeOf(field, walk.schema, [...applied, ...current], walk.builtin);
  if (lt.kind === 'atomic') return clone(applied);
  const out = clone(current);
  if (lt.kind === 'set') {
    for (const item of applied) if (!out.some((i) => deepEqual(i, item))) out.push(clone(item));
    return out;
  }
  const items: WalkContext = { schema: itemSchema(walk.schema), builtin: walk.builtin };
  for (const item of applied) {
    const key = itemKey(item, lt.keys);
    const existing = out.find((i) => itemKey(i, lt.keys) === key);
    if (isPlainObject(existing) && isPlainObject(item)) mergeInto(existing, item, items);
    else out.push(clone(item));
  }
  return out;
}

interface Conflict {
  readonly manager: string;
  readonly apiVersion: string;
  readonly path: FieldPath;
}

function conflictError(type: ResourceType, name: string, conflicts: readonly Conflict[]): ApiError {
  const lines = conflicts.map(
    (c) => `conflict with "${c.manager}" using ${c.apiVersion}: ${formatPath(c.path)}`,
  );
  const message =
    conflicts.length === 1
      ? `Apply failed with 1 conflict: ${lines[0]}`
      : `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
  return new ApiError(409, 'Conflict', message, {
    name,
    group: type.group,
    kind: type.plural,
    causes: conflicts.map((c) => ({
      reason: 'FieldManagerConflict',
      message: `conflict with "${c.manager}" using ${c.apiVersion}`,
      field: formatPath(c.path),
    })),
  });
}

/** Handles one apply request (see the module comment). */
export function applyServerSide(
  objects: ObjectApi,
  type: ResourceType,
  namespace: string | undefined,
  name: string,
  body: unknown,
  ctx: WriteContext,
  force: boolean,
  now: Date,
): KubeObject {
  if (!isPlainObject(body)) throw badRequest('the apply configuration must be an object');
  const applied = clone(body) as KubeObject;
  if (!applied.apiVersion)
    throw badRequest('invalid object type: apiVersion must be set in an apply configuration');
  if (applied.kind !== type.kind) {
    throw badRequest(
      `the kind of the apply configuration (${String(applied.kind)}) does not match ${type.kind}`,
    );
  }
  if (!isPlainObject(applied.metadata)) applied.metadata = {};
  if (applied.metadata.name !== undefined && applied.metadata.name !== name) {
    throw badRequest(
      `the name of the object (${String(applied.metadata.name)}) does not match the name on the URL (${name})`,
    );
  }
  applied.metadata.name = name;
  const scope = ctx.subresource;
  const walk = walkContext(type);
  const appliedPart = ownedPart(type, applied, scope);
  const appliedSet = fieldSetOf(appliedPart, walk);
  const entry = (set: FieldSet): Entry => ({
    manager: ctx.fieldManager,
    operation: 'Apply',
    apiVersion: apiVersionOf(type),
    time: timestamp(now),
    subresource: scope,
    set,
  });
  const stored = objects.find(type, namespace, name);
  if (stored === undefined) {
    if (scope === 'status') throw notFound(type.group, type.plural, name);
    return objects.create(type, namespace, applied, {
      ...ctx,
      managedFields: serialise([entry(appliedSet)]),
    });
  }
  // A resourceVersion in the applied configuration is a precondition, as on the real server: the
  // apply fails with 409 when the object changed since the applier read it.
  const expected = applied.metadata.resourceVersion;
  if (expected !== undefined && expected !== stored.metadata.resourceVersion) {
    throw conflict(
      type.group,
      type.plural,
      name,
      'the object has been modified; please apply your changes to the latest version and try again',
    );
  }
  const live = objects.present(type, stored);
  const entries = parseEntries(stored);
  const isMine = (e: Entry): boolean =>
    e.manager === ctx.fieldManager && e.operation === 'Apply' && e.subresource === scope;
  const mine = entries.find(isMine);
  const others = entries.filter((e) => !isMine(e));

  const conflicts: Conflict[] = [];
  for (const path of appliedSet) {
    // List item markers are checked through the item's own fields.
    if (!path[path.length - 1]!.startsWith('f:')) continue;
    const liveValue = valueAt(live, path);
    if (liveValue === undefined || deepEqual(liveValue, valueAt(applied, path))) continue;
    for (const e of others)
      if (e.set.has(path)) conflicts.push({ manager: e.manager, apiVersion: e.apiVersion, path });
  }
  if (conflicts.length > 0 && !force) throw conflictError(type, name, conflicts);
  for (const c of conflicts) for (const e of others) if (e.set.has(c.path)) e.set.delete(c.path);

  const merged = clone(live);
  const dropped = [...(mine?.set ?? [])]
    .filter((p) => !appliedSet.has(p) && !others.some((e) => e.set.hasWithin(p)))
    // Shallowest first: a dropped list item goes whole (with server defaults), before its key fields.
    .sort((a, b) => a.length - b.length);
  for (const p of dropped) removeAt(merged as Record<string, unknown>, p);
  if (scope === 'status') {
    const status = isPlainObject(merged['status']) ? merged['status'] : {};
    merged['status'] = status;
    if (isPlainObject(appliedPart['status'])) {
      mergeInto(status, appliedPart['status'], {
        schema: childSchema(walk.schema, 'status'),
        builtin: walk.builtin,
      });
    }
  } else mergeInto(merged as Record<string, unknown>, appliedPart, walk);

  const next = entry(appliedSet);
  if (mine !== undefined && mine.set.equals(appliedSet)) next.time = mine.time;
  const updated = mine === undefined ? [...others, next] : entries.map((e) => (isMine(e) ? next : e));
  return objects.commit(type, stored, merged, { ...ctx, managedFields: serialise(updated) }, 'apply');
}
