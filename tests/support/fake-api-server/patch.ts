/**
 * The three classic patch formats: JSON patch (RFC 6902), JSON merge patch (RFC 7386) and a basic
 * strategic merge patch (merge patch, except that lists with a known merge key merge item by item,
 * and `$patch: delete` / `$patch: replace` directives).
 */
import { badRequest, ApiError } from './errors.js';
import { clone, deepEqual, isPlainObject } from './types.js';

/**
 * Merge keys of the associative lists in built-in kinds, by field name (the real server reads them
 * from Go struct tags; these are the ones that workload, service and metadata fields use).
 */
export const LIST_MERGE_KEYS: Readonly<Record<string, readonly string[]>> = {
  containers: ['name'],
  initContainers: ['name'],
  ephemeralContainers: ['name'],
  env: ['name'],
  volumes: ['name'],
  volumeMounts: ['mountPath'],
  volumeDevices: ['devicePath'],
  imagePullSecrets: ['name'],
  ports: ['containerPort', 'port'],
  conditions: ['type'],
  ownerReferences: ['uid'],
  tolerations: [],
  hostAliases: ['ip'],
  topologySpreadConstraints: ['topologyKey', 'whenUnsatisfiable'],
};

/** The key field an item of list `field` is identified by, or undefined for an atomic list. */
export function mergeKeyFor(field: string, items: readonly unknown[]): string | undefined {
  const candidates = LIST_MERGE_KEYS[field];
  if (!candidates || candidates.length === 0) return undefined;
  const first = items.find(isPlainObject);
  if (first === undefined) return candidates[0];
  return candidates.find((k) => Object.hasOwn(first, k)) ?? candidates[0];
}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw badRequest(`the JSON patch path "${path}" must start with "/"`);
  return path
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(doc: unknown, parts: string[], path: string): { parent: any; last: string } {
  let node: any = doc;
  for (const part of parts.slice(0, -1)) {
    node = Array.isArray(node) ? node[Number(part)] : isPlainObject(node) ? node[part] : undefined;
    if (node === undefined) throw new ApiError(422, 'Invalid', `doc is missing path: "${path}"`);
  }
  return { parent: node, last: parts[parts.length - 1]! };
}

function readPointer(doc: unknown, path: string): unknown {
  let node: any = doc;
  for (const part of pointer(path)) {
    node = Array.isArray(node) ? node[Number(part)] : isPlainObject(node) ? node[part] : undefined;
    if (node === undefined) throw new ApiError(422, 'Invalid', `doc is missing path: "${path}"`);
  }
  return node;
}

interface JsonPatchOp {
  readonly op: string;
  readonly path: string;
  readonly from?: string;
  readonly value?: unknown;
}

/** Applies an RFC 6902 JSON patch; failures are 422 like the real server's. */
export function applyJsonPatch<T>(target: T, patch: unknown): T {
  if (!Array.isArray(patch)) throw badRequest('json patch must be an array of operations');
  let doc: any = clone(target);
  for (const raw of patch as JsonPatchOp[]) {
    const { op, path } = raw;
    if (typeof path !== 'string') throw badRequest(`json patch operation "${op}" has no path`);
    const parts = pointer(path);
    const set = (value: unknown, insert: boolean): void => {
      if (parts.length === 0) {
        doc = value;
        return;
      }
      const { parent, last } = parentOf(doc, parts, path);
      if (Array.isArray(parent)) {
        const index = last === '-' ? parent.length : Number(last);
        if (!Number.isInteger(index) || index < 0 || index > parent.length) {
          throw new ApiError(422, 'Invalid', `index out of bounds in json patch path "${path}"`);
        }
        if (insert) parent.splice(index, 0, value);
        else parent[index] = value;
      } else if (isPlainObject(parent)) {
        if (!insert && !Object.hasOwn(parent, last)) {
          throw new ApiError(422, 'Invalid', `replace operation does not apply: doc is missing key: ${path}`);
        }
        parent[last] = value;
      } else throw new ApiError(422, 'Invalid', `doc is missing path: "${path}"`);
    };
    const remove = (p: string[]): unknown => {
      const { parent, last } = parentOf(doc, p, path);
      if (Array.isArray(parent)) {
        const index = Number(last);
        if (!(index >= 0 && index < parent.length)) {
          throw new ApiError(422, 'Invalid', `index out of bounds in json patch path "${path}"`);
        }
        return parent.splice(index, 1)[0];
      }
      if (!isPlainObject(parent) || !Object.hasOwn(parent, last)) {
        throw new ApiError(422, 'Invalid', `remove operation does not apply: doc is missing path: "${path}"`);
      }
      const value = parent[last];
      delete parent[last];
      return value;
    };
    switch (op) {
      case 'add':
        set(clone(raw.value), true);
        break;
      case 'replace':
        set(clone(raw.value), false);
        break;
      case 'remove':
        remove(parts);
        break;
      case 'move': {
        const value = remove(pointer(raw.from ?? ''));
        set(value, true);
        break;
      }
      case 'copy':
        set(clone(readPointer(doc, raw.from ?? '')), true);
        break;
      case 'test':
        if (!deepEqual(readPointer(doc, path), raw.value)) {
          throw new ApiError(422, 'Invalid', `testing value ${path} failed`);
        }
        break;
      default:
        throw badRequest(`unexpected json patch operation "${op}"`);
    }
  }
  return doc as T;
}

/** Applies an RFC 7386 merge patch: objects merge, `null` deletes, everything else replaces. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return clone(patch);
  const out: Record<string, unknown> = isPlainObject(target) ? clone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = applyMergePatch(out[k], v);
  }
  return out;
}

/**
 * A basic strategic merge patch: as merge patch, but lists with a known merge key merge by key,
 * `$patch: delete` in a list item removes that item, `$patch: replace` replaces the whole map, and
 * `$setElementOrder/…` and `$retainKeys` directives are ignored.
 */
export function applyStrategicMergePatch(target: unknown, patch: unknown, field = ''): unknown {
  if (Array.isArray(patch)) return mergeList(Array.isArray(target) ? target : [], patch, field);
  if (!isPlainObject(patch)) return clone(patch);
  if (patch['$patch'] === 'replace') {
    const { $patch: _ignored, ...rest } = patch;
    return clone(rest);
  }
  if (patch['$patch'] === 'delete') return undefined;
  const out: Record<string, unknown> = isPlainObject(target) ? clone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    const deleteFrom = /^\$deleteFromPrimitiveList\/(.+)$/.exec(k);
    if (deleteFrom && Array.isArray(v) && Array.isArray(out[deleteFrom[1]!])) {
      const field = deleteFrom[1]!;
      out[field] = (out[field] as unknown[]).filter((item) => !v.some((d) => deepEqual(d, item)));
      continue;
    }
    if (k.startsWith('$')) continue;
    if (v === null) delete out[k];
    else {
      const merged = applyStrategicMergePatch(out[k], v, k);
      if (merged === undefined) delete out[k];
      else out[k] = merged;
    }
  }
  return out;
}

/** Lists of primitives whose patch strategy is merge: a patch adds to them instead of replacing. */
const PRIMITIVE_MERGE_LISTS = new Set(['finalizers']);

function mergeList(target: readonly unknown[], patch: readonly unknown[], field: string): unknown[] {
  if (PRIMITIVE_MERGE_LISTS.has(field)) {
    const out = clone(target as unknown[]);
    for (const item of patch) if (!out.some((t) => deepEqual(t, item))) out.push(clone(item));
    return out;
  }
  const key = mergeKeyFor(field, [...patch, ...target]);
  if (key === undefined || !patch.every(isPlainObject)) return clone(patch as unknown[]);
  const out = clone(target as unknown[]);
  for (const item of patch as Record<string, unknown>[]) {
    const index = out.findIndex((t) => isPlainObject(t) && deepEqual(t[key], item[key]));
    if (item['$patch'] === 'delete') {
      if (index >= 0) out.splice(index, 1);
    } else if (index >= 0) out[index] = applyStrategicMergePatch(out[index], item);
    else out.push(applyStrategicMergePatch(undefined, item));
  }
  return out;
}
