/**
 * Go-style durations (`500ms`, `5s`, `1m30s`), as a dataset's `maxLatency` is written and as the
 * API writes every other duration.
 */
const UNIT_MS: Readonly<Record<string, number>> = Object.freeze({ ms: 1, s: 1_000, m: 60_000, h: 3_600_000 });
const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;

/** Milliseconds of `text`, or undefined when it is not a duration. */
export function parseDurationMs(text: string): number | undefined {
  const trimmed = text.trim();
  if (!DURATION.test(trimmed)) return undefined;
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(PART))
    total += Number(amount) * (UNIT_MS[unit as string] ?? 0);
  return Math.round(total);
}

/** `1500` → `1.5s`, `250` → `250ms`: how latencies read in messages. */
export function formatMs(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)}ms`;
  const seconds = ms / 1_000;
  return `${Number(seconds.toFixed(seconds < 10 ? 2 : 1))}s`;
}
