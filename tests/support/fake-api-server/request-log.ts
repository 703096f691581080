/**
 * What the fake remembers of the requests it answered: every request in full (unless told not to)
 * and, always, a count per verb, group, resource, subresource and status, so a benchmark that sends
 * tens of thousands of requests can still count them by kind in constant memory.
 */
import type { RequestRecord } from './router.js';

/** Which requests {@link RequestLog.counts} counts: every field given must match. */
export interface RequestFilter {
  /** One verb or any of several (`get list watch create update patch apply delete deletecollection discovery`). */
  readonly verb?: string | readonly string[];
  /** API group (`''` for core). */
  readonly group?: string;
  /** Plural resource name, e.g. `deployments`. */
  readonly resource?: string;
  /** `status`, or `''` for requests to the object itself. */
  readonly subresource?: string;
  /** HTTP status answered (for watches: 200 once the stream opened). */
  readonly status?: number;
}

interface Bucket {
  readonly verb: string;
  /** Undefined for discovery, which no group or resource filter matches. */
  readonly group: string | undefined;
  readonly resource: string | undefined;
  readonly subresource: string;
  readonly status: number;
  readonly label: string;
  count: number;
}

/** `list deployments`, `update aimodels/status`, `discovery`. */
function labelOf(record: RequestRecord): string {
  if (record.resource === undefined) return record.verb;
  const sub = record.subresource === undefined ? '' : `/${record.subresource}`;
  return `${record.verb} ${record.resource}${sub}`;
}

export class RequestLog {
  private readonly buckets = new Map<string, Bucket>();

  /**
   * @param records where full records go, in arrival order (the server's public `requests`)
   * @param keep whether to keep full records at all; counts are kept either way
   */
  constructor(
    readonly records: RequestRecord[],
    private readonly keep: boolean,
  ) {}

  /** A request arrived (its status is not known yet). */
  received(record: RequestRecord): void {
    if (this.keep) this.records.push(record);
  }

  /** A request was answered with `record.status` (call once per request). */
  answered(record: RequestRecord): void {
    const { group, resource } = record;
    const subresource = record.subresource ?? '';
    // U+0001 stands for "none": no group, resource or subresource name contains it.
    const key = [record.verb, group ?? '\u0001', resource ?? '\u0001', subresource, record.status].join(
      '\u0000',
    );
    const bucket = this.buckets.get(key);
    if (bucket) bucket.count += 1;
    else
      this.buckets.set(key, {
        verb: record.verb,
        group,
        resource,
        subresource,
        status: record.status,
        label: labelOf(record),
        count: 1,
      });
  }

  /** Requests answered so far by `verb resource[/subresource]`, e.g. `{ 'list deployments': 3 }`. */
  counts(filter: RequestFilter = {}): Record<string, number> {
    const verbs = filter.verb === undefined ? undefined : ([] as string[]).concat(filter.verb);
    const out: Record<string, number> = {};
    for (const b of this.buckets.values()) {
      if (verbs !== undefined && !verbs.includes(b.verb)) continue;
      if (filter.group !== undefined && b.group !== filter.group) continue;
      if (filter.resource !== undefined && b.resource !== filter.resource) continue;
      if (filter.subresource !== undefined && b.subresource !== filter.subresource) continue;
      if (filter.status !== undefined && b.status !== filter.status) continue;
      out[b.label] = (out[b.label] ?? 0) + b.count;
    }
    return out;
  }

  clear(): void {
    this.records.length = 0;
    this.buckets.clear();
  }
}
