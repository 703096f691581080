import { objectKey, type KubeObject } from './resource.js';

/** Maps an object to the index values it is found under. */
export type IndexFunc<T extends KubeObject> = (obj: T) => readonly string[];

export const BY_NAMESPACE = 'namespace';
export const BY_OWNER_UID = 'owner-uid';
/** Values are `key=value` for every label. */
export const BY_LABEL = 'label';

export function defaultIndexers<T extends KubeObject>(): Record<string, IndexFunc<T>> {
  return {
    [BY_NAMESPACE]: (o) => [o.metadata.namespace ?? ''],
    [BY_OWNER_UID]: (o) => (o.metadata.ownerReferences ?? []).map((r) => r.uid),
    [BY_LABEL]: (o) => Object.entries(o.metadata.labels ?? {}).map(([k, v]) => `${k}=${v}`),
  };
}

/**
 * The informer's in-memory store: objects by `namespace/name`, plus secondary indexes (namespace, owner
 * UID, label) kept in step on every write so lookups never scan. Objects are stored as received and must
 * be treated as read-only by callers (clone before mutating).
 */
export class Cache<T extends KubeObject = KubeObject> {
  private readonly items = new Map<string, T>();
  private readonly indexers: Record<string, IndexFunc<T>>;
  /**
   * Index value → the keys found under it: one key as the string itself, several as a Set. Most
   * values name one object (an owner UID, a model's `app` label), and a Set per value cost more memory
   * than the object it points to (about 200 bytes each: 40,000 of them at 1,000 models).
   */
  private readonly indices = new Map<string, Map<string, string | Set<string>>>();

  constructor(indexers: Record<string, IndexFunc<T>> = defaultIndexers<T>()) {
    this.indexers = indexers;
    for (const name of Object.keys(indexers)) this.indices.set(name, new Map());
  }

  get size(): number {
    return this.items.size;
  }

  get(key: string): T | undefined {
    return this.items.get(key);
  }

  getByName(namespace: string | undefined, name: string): T | undefined {
    return this.items.get(namespace ? `${namespace}/${name}` : name);
  }

  keys(): IterableIterator<string> {
    return this.items.keys();
  }

  /** All objects, or those of one namespace (through the namespace index). */
  list(namespace?: string): T[] {
    if (namespace === undefined) return [...this.items.values()];
    return this.byIndex(BY_NAMESPACE, namespace);
  }

  byIndex(indexName: string, value: string): T[] {
    const index = this.indices.get(indexName);
    if (!index)
      throw new Error(`cache: no index named '${indexName}'; known: ${[...this.indices.keys()].join(', ')}`);
    const keys = index.get(value);
    if (keys === undefined) return [];
    if (typeof keys === 'string') return [this.items.get(keys)!];
    return [...keys].map((k) => this.items.get(k)!);
  }

  /** Objects carrying every label in `selector` (equality only). */
  byLabels(selector: Record<string, string>): T[] {
    const entries = Object.entries(selector);
    if (entries.length === 0) return this.list();
    const [k0, v0] = entries[0]!;
    return this.byIndex(BY_LABEL, `${k0}=${v0}`).filter((o) =>
      entries.every(([k, v]) => o.metadata.labels?.[k] === v),
    );
  }

  /** Inserts or replaces; returns the previous object under the same key. */
  upsert(obj: T): T | undefined {
    const key = objectKey(obj);
    const previous = this.items.get(key);
    if (previous) this.unindex(key, previous);
    this.items.set(key, obj);
    this.index(key, obj);
    return previous;
  }

  delete(key: string): T | undefined {
    const previous = this.items.get(key);
    if (!previous) return undefined;
    this.unindex(key, previous);
    this.items.delete(key);
    return previous;
  }

  private index(key: string, obj: T): void {
    for (const [name, fn] of Object.entries(this.indexers)) {
      const index = this.indices.get(name)!;
      for (const value of fn(obj)) {
        const keys = index.get(value);
        if (keys === undefined) index.set(value, key);
        else if (typeof keys !== 'string') keys.add(key);
        else if (keys !== key) index.set(value, new Set([keys, key]));
      }
    }
  }

  private unindex(key: string, obj: T): void {
    for (const [name, fn] of Object.entries(this.indexers)) {
      const index = this.indices.get(name)!;
      for (const value of fn(obj)) {
        const keys = index.get(value);
        if (keys === undefined) continue;
        if (typeof keys === 'string') {
          if (keys === key) index.delete(value);
          continue;
        }
        keys.delete(key);
        if (keys.size === 1) index.set(value, keys.values().next().value!);
        else if (keys.size === 0) index.delete(value);
      }
    }
  }
}
