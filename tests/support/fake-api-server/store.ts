/**
 * The object store: every object of every kind, one global resourceVersion counter (like etcd's
 * revision), and a bounded history of changes that watches replay from. Objects handed in and out
 * are copies, so callers can never change stored state behind the server's back.
 */
import { expired } from './errors.js';
import { clone, type KubeObject } from './types.js';

/** One change, as recorded in the watch history. */
export interface StoreEvent {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
  /** Storage bucket (`group/plural`). */
  readonly key: string;
  readonly rv: number;
  /** The object after the change (for DELETED: as it was, with the deletion's resourceVersion). */
  readonly object: KubeObject;
  /** The object before the change (MODIFIED and DELETED). */
  readonly previous?: KubeObject;
}

export type StoreListener = (event: StoreEvent) => void;

function objectKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

export class ObjectStore {
  private revision = 0;
  private readonly buckets = new Map<string, Map<string, KubeObject>>();
  private history: StoreEvent[] = [];
  /** Watches and continue tokens from at or below this revision get 410 Gone. */
  private compactedRevision = 0;
  private readonly listeners = new Set<StoreListener>();

  /**
   * @param historySize how many changes are kept for watches to resume from; older resourceVersions
   *   get 410 Gone, as with the real server's bounded watch cache.
   */
  constructor(private readonly historySize: number) {}

  /** The latest resourceVersion handed out. */
  get currentRevision(): number {
    return this.revision;
  }

  /** The oldest resourceVersion a watch may still resume from. */
  get oldestResumableRevision(): number {
    return this.compactedRevision;
  }

  onChange(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get(key: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const found = this.buckets.get(key)?.get(objectKey(namespace, name));
    return found === undefined ? undefined : clone(found);
  }

  /** Objects of one bucket (optionally one namespace), sorted by namespace/name like etcd keys. */
  list(key: string, namespace?: string): KubeObject[] {
    const bucket = this.buckets.get(key);
    if (bucket === undefined) return [];
    const keys = [...bucket.keys()].sort();
    const out: KubeObject[] = [];
    for (const k of keys) {
      const obj = bucket.get(k)!;
      if (namespace === undefined || obj.metadata.namespace === namespace) out.push(clone(obj));
    }
    return out;
  }

  /** Every object in every bucket, with its bucket key (for garbage collection and namespace deletion). */
  *entries(): Generator<{ key: string; object: KubeObject }> {
    for (const [key, bucket] of this.buckets) for (const object of bucket.values()) yield { key, object };
  }

  /** Stores a new or changed object under a fresh resourceVersion and records the change. */
  put(key: string, object: KubeObject): KubeObject {
    const bucket = this.bucketFor(key);
    const id = objectKey(object.metadata.namespace, object.metadata.name!);
    const previous = bucket.get(id);
    const stored = clone(object);
    const rv = ++this.revision;
    stored.metadata.resourceVersion = String(rv);
    bucket.set(id, stored);
    this.record({
      type: previous === undefined ? 'ADDED' : 'MODIFIED',
      key,
      rv,
      object: stored,
      ...(previous === undefined ? {} : { previous }),
    });
    return clone(stored);
  }

  /** Removes an object; the DELETED event carries a fresh resourceVersion, as on the real server. */
  remove(key: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const bucket = this.buckets.get(key);
    const id = objectKey(namespace, name);
    const previous = bucket?.get(id);
    if (bucket === undefined || previous === undefined) return undefined;
    bucket.delete(id);
    const rv = ++this.revision;
    const object = clone(previous);
    object.metadata.resourceVersion = String(rv);
    this.record({ type: 'DELETED', key, rv, object, previous });
    return clone(object);
  }

  /** Drops every object of a bucket without events (a CRD's removal ends its kind). */
  dropBucket(key: string): void {
    this.buckets.delete(key);
  }

  /**
   * Changes of `key` after `sinceRv`, oldest first.
   * @throws ApiError 410 when `sinceRv` is older than the retained history.
   */
  changesSince(key: string, sinceRv: number): StoreEvent[] {
    if (sinceRv < this.compactedRevision) {
      throw expired(`too old resource version: ${sinceRv} (${this.compactedRevision})`);
    }
    return this.history.filter((e) => e.key === key && e.rv > sinceRv);
  }

  /**
   * Forgets all history, as an etcd compaction does: the revision moves on by one so that every
   * resourceVersion handed out so far is too old to resume from.
   */
  compact(): void {
    this.revision += 1;
    this.compactedRevision = this.revision;
    this.history = [];
  }

  private bucketFor(key: string): Map<string, KubeObject> {
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = new Map();
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  private record(event: StoreEvent): void {
    this.history.push(event);
    if (this.history.length > this.historySize) {
      const dropped = this.history.splice(0, this.history.length - this.historySize);
      this.compactedRevision = dropped[dropped.length - 1]!.rv;
    }
    for (const listener of this.listeners) listener(event);
  }
}
