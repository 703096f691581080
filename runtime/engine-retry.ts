/**
 * How long to wait before retry number `retry` (1 for the first retry) of an engine call.
 *
 * The engine's own advice wins: `retry-after-ms`, then `retry-after` in seconds or as an HTTP date.
 * Otherwise the openai SDK's schedule, so taking retries over from the SDK (to bound them by time)
 * does not change how hard a struggling engine is hit: 0.5 s doubling per retry, at most 8 s, minus
 * up to 25 % jitter so replicas that failed together do not retry together.
 *
 * Examples: retry 1 → 375-500 ms; retry 2 → 750-1000 ms; retry 5 and later → 6-8 s;
 * `retry-after-ms: 5` → 5 ms; `retry-after: 3` → 3000 ms.
 */
export function retryDelayMs(
  retry: number,
  headers: Headers | undefined,
  random: () => number = Math.random,
  now: () => number = Date.now,
): number {
  const advised = advisedDelayMs(headers, now);
  if (advised !== undefined) return advised;
  const seconds = Math.min(0.5 * 2 ** (retry - 1), 8);
  return seconds * (1 - random() * 0.25) * 1000;
}

/** The wait an engine asked for (milliseconds), or undefined when it gave none that parses. */
export function advisedDelayMs(
  headers: Headers | undefined,
  now: () => number = Date.now,
): number | undefined {
  const millis = headers?.get('retry-after-ms');
  if (millis && Number.isFinite(Number(millis)) && Number(millis) >= 0) return Number(millis);
  const after = headers?.get('retry-after');
  if (!after) return undefined;
  if (Number.isFinite(Number(after))) return Math.max(0, Number(after) * 1000);
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now());
}

/**
 * The time one engine call may spend starting attempts. Without it, retries × fallback URLs ×
 * ENGINE_TIMEOUT_MS multiply (3 URLs × 3 attempts × 60 s is 9 minutes before a first byte); with
 * it, the wait for a first byte is at most the budget plus one attempt's timeout, however many
 * retries and URLs are configured.
 */
export class RetryBudget {
  private readonly started: number;

  constructor(
    /** Milliseconds from the start of the call; 0 allows only the first attempt. */
    private readonly budgetMs: number,
    /** Monotonic clock in milliseconds. */
    private readonly clock: () => number,
  ) {
    this.started = clock();
  }

  /** True when an attempt starting `inMs` from now would start within the budget. */
  allows(inMs = 0): boolean {
    return this.clock() + inMs - this.started < this.budgetMs;
  }
}
