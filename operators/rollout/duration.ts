/**
 * Durations in the API are Go-style strings (`500ms`, `30s`, `5m`, `1h30m`), the format people
 * already write in Flagger, Argo Rollouts and Kubernetes itself. Everything inside the rollout logic
 * works in milliseconds.
 */
const UNIT_MS: Readonly<Record<string, number>> = Object.freeze({
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
});

const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;

/**
 * Parses a duration such as `90s` or `1h30m` into milliseconds.
 * @param field the field path quoted in the error, e.g. `spec.promotion.interval`
 * @throws Error naming the field and the accepted format when the text is not a duration
 */
export function parseDuration(text: string, field: string): number {
  const trimmed = text.trim();
  if (!DURATION.test(trimmed)) {
    throw new Error(
      `${field}: '${text}' is not a duration; write a number with a unit ms, s, m or h, e.g. '30s', '5m', '1h30m'`,
    );
  }
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(PART)) {
    total += Number(amount) * (UNIT_MS[unit as string] as number);
  }
  return Math.round(total);
}

/** Formats milliseconds the way PromQL range selectors and people read them (`90s`, `5m`, `1h`). */
export function formatDuration(ms: number): string {
  if (ms % 3_600_000 === 0 && ms > 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0 && ms > 0) return `${ms / 60_000}m`;
  if (ms % 1_000 === 0) return `${ms / 1_000}s`;
  return `${ms}ms`;
}

/** Milliseconds since the epoch of an RFC 3339 time; undefined for no time. */
export function epochMs(time: string | undefined): number | undefined {
  return time === undefined ? undefined : Date.parse(time);
}
