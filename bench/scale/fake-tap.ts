/**
 * Counts and write events of an in-process fake API server, for benchmarks that run for minutes with
 * thousands of objects: request records are tallied and dropped instead of kept (the fake's
 * `requests` log would otherwise grow by every request), and every stored write is reported to
 * listeners (the fake has no change hook of its own) instead of being kept in `writeLog`.
 *
 * Both arrays are the fake's public hooks (filled while `keepRequests` is left on); the tap replaces
 * their `push`, so nothing is stored in them any more and memory stays flat. `keepRequests: false`
 * would do that too, but leaves only counts by verb and resource: no field manager or namespace to
 * tell the benchmark's own requests apart, and no write to react to. The fake's own counts
 * (`requestCounts()`) still see every request; {@link FakeApiTap.crossCheck} compares the two.
 *
 * Attribution: the fake handles one request synchronously from recording it to storing its writes, so a
 * write reported while a request is being handled is that request's. Writes made through the direct
 * hooks inside {@link FakeApiTap.direct} (the benchmark's own setup, the simulated kubelet) and writes of
 * the fake's own controllers (garbage collection, on later ticks) belong to no request and are not
 * counted.
 */
import type { FakeApiServer, RequestRecord, WriteRecord } from '../../tests/support/fake-api-server/index.js';

/** Kubernetes verbs that ask for a change. */
export const WRITE_VERBS: ReadonlySet<string> = new Set([
  'create',
  'update',
  'patch',
  'apply',
  'delete',
  'deletecollection',
]);

/** Request figures over one period. */
export interface RequestCounts {
  /** Every counted request (watches count once, when opened). */
  total: number;
  /** By Kubernetes verb (`get list watch create update patch apply delete deletecollection discovery`). */
  byVerb: Record<string, number>;
  /** By resource (`deployments.apps`, `aimodels.ai.suoke.life/status`, `services`, …). */
  byResource: Record<string, number>;
  /** By `verb resource`. */
  byVerbResource: Record<string, number>;
  /** By HTTP status answered. */
  byStatus: Record<string, number>;
  /** Requests with a write verb, whether or not they changed anything. */
  writeRequests: number;
  /** Writes that changed stored state (a no-op apply or update is not one), by verb of the store. */
  storedWrites: number;
  storedWritesByKind: Record<string, number>;
}

export function emptyCounts(): RequestCounts {
  return {
    total: 0,
    byVerb: {},
    byResource: {},
    byVerbResource: {},
    byStatus: {},
    writeRequests: 0,
    storedWrites: 0,
    storedWritesByKind: {},
  };
}

const bump = (into: Record<string, number>, key: string): void => {
  into[key] = (into[key] ?? 0) + 1;
};

/** `deployments.apps`, `services`, `aimodels.ai.suoke.life/status`, `discovery`. */
export function resourceOf(record: RequestRecord): string {
  if (record.resource === undefined) return 'discovery';
  const base = record.group ? `${record.resource}.${record.group}` : record.resource;
  return record.subresource ? `${base}/${record.subresource}` : base;
}

export interface FakeApiTapOptions {
  /** Requests not to count (the benchmark's own); their writes are not counted either. */
  readonly exclude?: (record: RequestRecord) => boolean;
}

export class FakeApiTap {
  /** `performance.now()` of the last counted request. */
  lastRequestAt = performance.now();
  private counts = emptyCounts();
  private readonly seen = new WeakSet<RequestRecord>();
  private readonly listeners = new Set<(write: WriteRecord) => void>();
  private current: { record: RequestRecord; counted: boolean } | undefined;
  private directDepth = 0;
  /** Requests left out since the last reset. */
  private excluded = 0;
  /** The fake's own request total at the last reset. */
  private fakeBase = 0;

  constructor(
    readonly api: FakeApiServer,
    private readonly options: FakeApiTapOptions = {},
  ) {
    const requests = api.requests;
    requests.length = 0;
    requests.push = (...records: RequestRecord[]): number => {
      for (const record of records) this.take(record);
      return requests.length;
    };
    const writes = api.writeLog;
    writes.length = 0;
    writes.push = (...entries: WriteRecord[]): number => {
      for (const entry of entries) this.wrote(entry);
      return writes.length;
    };
  }

  /** Calls `listener` for every stored write (any source), synchronously while the fake stores it. */
  onWrite(listener: (write: WriteRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs `fn` (direct hooks of the fake) so that its writes are not counted as anyone's request. */
  direct<T>(fn: () => T): T {
    this.directDepth++;
    try {
      return fn();
    } finally {
      this.directDepth--;
    }
  }

  /** Starts a new period: the counts so far are forgotten. */
  reset(): void {
    this.counts = emptyCounts();
    this.excluded = 0;
    this.fakeBase = this.fakeTotal();
    this.lastRequestAt = performance.now();
  }

  /**
   * Requests since the last reset as the tap saw them (counted plus left out) and as the fake counted
   * them itself; the two must be equal.
   */
  crossCheck(): { tap: number; fake: number } {
    return { tap: this.counts.total + this.excluded, fake: this.fakeTotal() - this.fakeBase };
  }

  private fakeTotal(): number {
    return Object.values(this.api.requestCounts()).reduce((a, b) => a + b, 0);
  }

  /** The counts of the period so far (a copy). */
  snapshot(): RequestCounts {
    return structuredClone(this.counts);
  }

  private take(record: RequestRecord): void {
    // The fake records a request again when it fails after being recorded; count it once.
    if (this.seen.has(record)) return;
    this.seen.add(record);
    const counted = !(this.options.exclude?.(record) ?? false);
    const current = { record, counted };
    this.current = current;
    // The fake settles a request's status in the same synchronous run that recorded it.
    queueMicrotask(() => {
      if (this.current === current) this.current = undefined;
      if (counted) this.count(record);
      else this.excluded++;
    });
  }

  private count(record: RequestRecord): void {
    const c = this.counts;
    const resource = resourceOf(record);
    c.total++;
    bump(c.byVerb, record.verb);
    bump(c.byResource, resource);
    bump(c.byVerbResource, `${record.verb} ${resource}`);
    bump(c.byStatus, String(record.status));
    if (WRITE_VERBS.has(record.verb)) c.writeRequests++;
    this.lastRequestAt = performance.now();
  }

  private wrote(entry: WriteRecord): void {
    if (this.directDepth === 0 && this.current?.counted) {
      this.counts.storedWrites++;
      bump(this.counts.storedWritesByKind, `${entry.verb} ${entry.kind}`);
    }
    for (const listener of this.listeners) listener(entry);
  }
}
