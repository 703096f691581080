/** Options for {@link waitFor}. */
export interface WaitOptions {
  /** Give up after this long (milliseconds). @default 10000 */
  readonly timeoutMs?: number;
  /** Poll period (milliseconds). @default 20 */
  readonly intervalMs?: number;
  /** What is being waited for; quoted in the timeout error. @default 'condition' */
  readonly description?: string;
}

/**
 * Polls `check` until it returns a value other than `undefined`/`false` (or stops throwing) and
 * returns that value; fails with the last error after the deadline. This is how tests wait for
 * something to happen — never a bare sleep.
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  { timeoutMs = 10_000, intervalMs = 20, description = 'condition' }: WaitOptions = {},
): Promise<Exclude<T, false | undefined>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value as Exclude<T, false | undefined>;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}`, { cause: lastError });
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Resolves with the first emission of `event` on `emitter`, or rejects after `timeoutMs`. */
export async function waitForEvent<T = unknown>(
  emitter: {
    once(event: string, listener: (value: T) => void): unknown;
    off(event: string, l: (v: T) => void): unknown;
  },
  event: string,
  timeoutMs = 10_000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.off(event, onEvent);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for event '${event}'`));
    }, timeoutMs);
    const onEvent = (value: T): void => {
      clearTimeout(timer);
      resolve(value);
    };
    emitter.once(event, onEvent);
  });
}
