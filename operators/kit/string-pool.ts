/**
 * One shared copy of each repeated string in the informer caches. JSON.parse makes a fresh string for
 * every value it reads, so 1,000 models' cached objects held 21,000 copies of their namespace, 14,000
 * of their apiVersion and 13,000 of our field manager's name (a heap snapshot of bench:scale): about a
 * tenth of the operator's heap. Values that identify one object (metadata name, uid, resourceVersion)
 * and times are left alone: unique, they would only fill the pool.
 *
 * The pool is bounded: once it holds `maxEntries` strings it starts afresh (objects keep the copies they
 * already share), so values that keep changing (status messages, say) cannot grow it without end.
 */
export class StringPool {
  private pool = new Map<string, string>();

  constructor(
    private readonly maxEntries = 50_000,
    /** Longer strings are rare to repeat and cost a hash of their whole length. */
    private readonly maxLength = 256,
  ) {}

  /** Number of distinct strings held now. */
  get size(): number {
    return this.pool.size;
  }

  /** Replaces, in place, the strings of a freshly decoded object by their shared copies; returns it. */
  internAll<T>(value: T): T {
    this.walk(value, false);
    return value;
  }

  private share(s: string): string {
    if (s.length > this.maxLength) return s;
    const shared = this.pool.get(s);
    if (shared !== undefined) return shared;
    if (this.pool.size >= this.maxEntries) this.pool = new Map();
    this.pool.set(s, s);
    return s;
  }

  private walk(value: unknown, inMetadata: boolean): void {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (typeof item === 'string') value[i] = this.share(item);
        else if (typeof item === 'object' && item !== null) this.walk(item, false);
      }
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (typeof item === 'string') {
        if (!(inMetadata && IDENTITY_KEYS.has(key)) && !TIME_KEY.test(key)) record[key] = this.share(item);
      } else if (typeof item === 'object' && item !== null) {
        this.walk(item, key === 'metadata');
      }
    }
  }
}

/** Keys of `metadata` whose values belong to one object. */
const IDENTITY_KEYS: ReadonlySet<string> = new Set(['name', 'uid', 'resourceVersion', 'generateName']);
/** creationTimestamp, lastTransitionTime, promotedAt, …: times, nearly all unique. */
const TIME_KEY = /(?:Time|Timestamp|At)$/;
