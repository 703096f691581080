/**
 * Go-style duration strings (`120s`, `1m30s`, `500ms`), the format of our API and of Istio's fields (its CRDs
 * check them with CEL `duration(self)`). Parsed only to validate them and to derive seconds where Kubernetes
 * wants integers.
 */

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DURATION = /^([0-9]+(\.[0-9]+)?(ns|us|ms|s|m|h))+$/;
const PART = /([0-9]+(?:\.[0-9]+)?)(ns|us|ms|s|m|h)/g;

/** Milliseconds in a duration; throws naming `field` when it is not a duration. */
export function parseDurationMs(field: string, value: string): number {
  if (!DURATION.test(value)) {
    throw new Error(`${field} '${value}' is not a duration; write e.g. '30s', '2m' or '1m30s'`);
  }
  let total = 0;
  for (const match of value.matchAll(PART)) total += Number(match[1]) * (UNIT_MS[match[2] ?? 's'] ?? 0);
  return total;
}

/** Throws unless `value` is a duration of at least 1ms (what Istio accepts for timeouts). */
export function assertIstioDuration(field: string, value: string): void {
  if (parseDurationMs(field, value) < 1) throw new Error(`${field} '${value}' must be at least 1ms`);
}

/** Whole seconds (rounded up) of a duration, for fields such as Kubernetes' `*Seconds`. */
export function durationSeconds(field: string, value: string): number {
  return Math.ceil(parseDurationMs(field, value) / 1000);
}
