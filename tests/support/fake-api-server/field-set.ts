/**
 * Field sets as server-side apply sees them: the set of leaf paths an object configures, with list
 * items of associative lists identified by key (`k:{"name":"main"}`), set items by value
 * (`v:"x"`), and atomic lists as one leaf; converted to and from the `fieldsV1` format of
 * `metadata.managedFields`.
 */
import { LIST_MERGE_KEYS } from './patch.js';
import { deepEqual, isPlainObject } from './types.js';

/** A path of tokens: `f:<field>`, `k:<json key>`, `v:<json value>`. */
export type FieldPath = readonly string[];

/** Paths, serialised so that a Set compares them by value. */
export class FieldSet {
  private readonly paths = new Map<string, FieldPath>();

  constructor(paths: Iterable<FieldPath> = []) {
    for (const p of paths) this.add(p);
  }

  add(path: FieldPath): void {
    this.paths.set(JSON.stringify(path), path);
  }

  delete(path: FieldPath): void {
    this.paths.delete(JSON.stringify(path));
  }

  has(path: FieldPath): boolean {
    return this.paths.has(JSON.stringify(path));
  }

  /** Whether the set holds `path` itself or anything below it. */
  hasWithin(path: FieldPath): boolean {
    for (const p of this.paths.values())
      if (p.length >= path.length && path.every((t, i) => p[i] === t)) return true;
    return false;
  }

  get size(): number {
    return this.paths.size;
  }

  [Symbol.iterator](): IterableIterator<FieldPath> {
    return this.paths.values();
  }

  equals(other: FieldSet): boolean {
    return this.size === other.size && [...this].every((p) => other.has(p));
  }
}

/** How a list is merged: as one value, by item key, or as a set of values. */
export type ListType =
  | { readonly kind: 'atomic' }
  | { readonly kind: 'map'; readonly keys: readonly string[] }
  | { readonly kind: 'set' };

type Schema = Record<string, unknown> | undefined;

export function childSchema(schema: Schema, field: string): Schema {
  if (schema === undefined) return undefined;
  const props = schema['properties'];
  if (isPlainObject(props) && isPlainObject(props[field])) return props[field];
  const additional = schema['additionalProperties'];
  return isPlainObject(additional) ? additional : undefined;
}

export function itemSchema(schema: Schema): Schema {
  const items = schema?.['items'];
  return isPlainObject(items) ? items : undefined;
}

/**
 * The list type of field `field`: from the CRD schema (`x-kubernetes-list-type`) when there is one,
 * otherwise from the built-in merge keys (built-in kinds and metadata).
 */
export function listTypeOf(
  field: string,
  schema: Schema,
  items: readonly unknown[],
  builtin: boolean,
): ListType {
  if (field === 'finalizers') return { kind: 'set' };
  if (schema !== undefined && !builtin) {
    const declared = schema['x-kubernetes-list-type'];
    if (declared === 'map') {
      const keys = schema['x-kubernetes-list-map-keys'];
      return { kind: 'map', keys: Array.isArray(keys) ? (keys as string[]) : [] };
    }
    if (declared === 'set') return { kind: 'set' };
    return { kind: 'atomic' };
  }
  const candidates = LIST_MERGE_KEYS[field];
  if (!candidates || candidates.length === 0) return { kind: 'atomic' };
  const first = items.find(isPlainObject);
  const key =
    first === undefined
      ? candidates[0]!
      : (candidates.find((k) => Object.hasOwn(first, k)) ?? candidates[0]!);
  return { kind: 'map', keys: [key] };
}

export function itemKey(item: unknown, keys: readonly string[]): string {
  const key: Record<string, unknown> = {};
  if (isPlainObject(item)) for (const k of keys) if (item[k] !== undefined) key[k] = item[k];
  return `k:${JSON.stringify(key)}`;
}

/** Context of a walk: which schema applies and whether built-in merge keys do. */
export interface WalkContext {
  readonly schema: Schema;
  readonly builtin: boolean;
}

function walk(value: unknown, path: string[], ctx: WalkContext, out: FieldSet): void {
  if (isPlainObject(value)) {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined);
    if (keys.length === 0) {
      out.add(path);
      return;
    }
    for (const k of keys) {
      // metadata is never described by a CRD schema: built-in rules apply there.
      const builtin = ctx.builtin || (path.length === 0 && k === 'metadata');
      walk(value[k], [...path, `f:${k}`], { schema: childSchema(ctx.schema, k), builtin }, out);
    }
    return;
  }
  if (Array.isArray(value)) {
    const field = (path[path.length - 1] ?? '').slice(2);
    const lt = listTypeOf(field, ctx.schema, value, ctx.builtin);
    if (lt.kind === 'atomic') out.add(path);
    else if (lt.kind === 'set') for (const item of value) out.add([...path, `v:${JSON.stringify(item)}`]);
    else {
      const items = itemSchema(ctx.schema);
      for (const item of value) {
        const itemPath = [...path, itemKey(item, lt.keys)];
        out.add(itemPath);
        if (isPlainObject(item)) {
          for (const [k, v] of Object.entries(item)) {
            if (v !== undefined)
              walk(v, [...itemPath, `f:${k}`], { schema: childSchema(items, k), builtin: ctx.builtin }, out);
          }
        }
      }
    }
    return;
  }
  out.add(path);
}

/** Leaf paths (and associative list items) that `value` sets. */
export function fieldSetOf(value: Record<string, unknown>, ctx: WalkContext): FieldSet {
  const out = new FieldSet();
  walk(value, [], ctx, out);
  out.delete([]);
  return out;
}

/** The value at `path`, or undefined. */
export function valueAt(root: unknown, path: FieldPath): unknown {
  let node: unknown = root;
  for (const token of path) {
    if (node === undefined) return undefined;
    node = step(node, token);
  }
  return node;
}

function step(node: unknown, token: string): unknown {
  const body = token.slice(2);
  if (token.startsWith('f:')) return isPlainObject(node) ? node[body] : undefined;
  if (!Array.isArray(node)) return undefined;
  if (token.startsWith('v:')) {
    const value = JSON.parse(body) as unknown;
    return node.find((i) => deepEqual(i, value));
  }
  const key = JSON.parse(body) as Record<string, unknown>;
  return node.find((i) => isPlainObject(i) && Object.entries(key).every(([k, v]) => deepEqual(i[k], v)));
}

/** Removes the field or list item at `path`; parents that become empty maps are removed too. */
export function removeAt(root: Record<string, unknown>, path: FieldPath): void {
  if (path.length === 0) return;
  const parents: unknown[] = [root];
  for (const token of path.slice(0, -1)) {
    const next = step(parents[parents.length - 1], token);
    if (next === undefined) return;
    parents.push(next);
  }
  const last = path[path.length - 1]!;
  const parent = parents[parents.length - 1];
  if (last.startsWith('f:')) {
    if (isPlainObject(parent)) delete parent[last.slice(2)];
  } else if (Array.isArray(parent)) {
    const item = step(parent, last);
    const index = parent.indexOf(item);
    if (index >= 0) parent.splice(index, 1);
  }
  // Prune maps left empty by the removal (not lists: an empty list may be meaningful).
  for (let i = parents.length - 1; i > 0; i -= 1) {
    const node = parents[i];
    if (!isPlainObject(node) || Object.keys(node).length > 0) break;
    const holder = parents[i - 1];
    const token = path[i - 1]!;
    if (token.startsWith('f:') && isPlainObject(holder)) delete holder[token.slice(2)];
    else break;
  }
}

/** `{"f:spec":{"f:replicas":{}}}` from a set of paths. */
export function toFieldsV1(set: FieldSet): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const path of set) {
    let node = root;
    for (const token of path) {
      if (!isPlainObject(node[token])) node[token] = {};
      node = node[token] as Record<string, unknown>;
    }
    if (path.length > 0 && path[path.length - 1]!.startsWith('k:')) node['.'] = {};
  }
  return root;
}

/** The set of paths a `fieldsV1` object describes. */
export function fromFieldsV1(fields: unknown): FieldSet {
  const out = new FieldSet();
  const visit = (node: unknown, path: string[]): void => {
    if (!isPlainObject(node)) return;
    const keys = Object.keys(node);
    if (keys.length === 0 && path.length > 0) out.add(path);
    for (const k of keys) {
      if (k === '.') out.add(path);
      else visit(node[k], [...path, k]);
    }
  };
  visit(fields, []);
  return out;
}

/** `.spec.template.spec.containers[name="main"].image`, as conflict messages print paths. */
export function formatPath(path: FieldPath): string {
  return path
    .map((token) => {
      const body = token.slice(2);
      if (token.startsWith('f:')) return `.${body}`;
      if (token.startsWith('v:')) return `[${body}]`;
      const key = JSON.parse(body) as Record<string, unknown>;
      return `[${Object.entries(key)
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(',')}]`;
    })
    .join('');
}
