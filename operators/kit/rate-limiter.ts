import type { Clock } from './clock.js';

/**
 * Rate limiters decide how long an item waits before it is processed again. The defaults mirror
 * client-go's `DefaultControllerRateLimiter`: the larger of a per-item exponential backoff (5 ms doubling
 * to 1000 s) and a global token bucket (10 per second, burst 100).
 */
export interface RateLimiter {
  /** Delay in milliseconds before `item` may be processed; counts one more failure for it. */
  when(item: string): number;
  /** Clears the failure history of `item` (after a successful reconcile). */
  forget(item: string): void;
  /** How many times `item` has been rate limited since it was last forgotten. */
  retries(item: string): number;
}

export interface ExponentialBackoffOptions {
  /** First delay in milliseconds. @default 5 */
  readonly baseDelayMs?: number;
  /** Largest delay in milliseconds. @default 1_000_000 (1000 s) */
  readonly maxDelayMs?: number;
}

/** Per-item exponential backoff: base * 2^failures, capped. */
export class ItemExponentialRateLimiter implements RateLimiter {
  private readonly failures = new Map<string, number>();
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;

  constructor(options: ExponentialBackoffOptions = {}) {
    this.baseDelayMs = options.baseDelayMs ?? 5;
    this.maxDelayMs = options.maxDelayMs ?? 1_000_000;
    if (!(this.baseDelayMs > 0) || !(this.maxDelayMs >= this.baseDelayMs)) {
      throw new Error(
        `rate limiter: 'baseDelayMs' (${this.baseDelayMs}) must be > 0 and <= 'maxDelayMs' (${this.maxDelayMs})`,
      );
    }
  }

  when(item: string): number {
    const n = this.failures.get(item) ?? 0;
    this.failures.set(item, n + 1);
    // 2^n overflows to Infinity for large n, which Math.min then caps.
    return Math.min(this.baseDelayMs * 2 ** n, this.maxDelayMs);
  }

  forget(item: string): void {
    this.failures.delete(item);
  }

  retries(item: string): number {
    return this.failures.get(item) ?? 0;
  }
}

export interface TokenBucketOptions {
  /** Tokens added per second. @default 10 */
  readonly qps?: number;
  /** Bucket size. @default 100 */
  readonly burst?: number;
}

/**
 * A global token bucket: every `when` takes a token; when the bucket is empty the delay is the time until
 * the token it reserved is refilled. Protects the API server from a thundering herd of retries.
 */
export class TokenBucketRateLimiter implements RateLimiter {
  private readonly qps: number;
  private readonly burst: number;
  private tokens: number;
  private last: number;

  constructor(
    private readonly clock: Clock,
    options: TokenBucketOptions = {},
  ) {
    this.qps = options.qps ?? 10;
    this.burst = options.burst ?? 100;
    if (!(this.qps > 0) || !(this.burst >= 1)) {
      throw new Error(`rate limiter: 'qps' (${this.qps}) must be > 0 and 'burst' (${this.burst}) >= 1`);
    }
    this.tokens = this.burst;
    this.last = clock.now();
  }

  when(): number {
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.qps);
    this.last = now;
    this.tokens -= 1;
    // A negative balance is a reservation: the caller waits until it is paid back.
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.qps) * 1000);
  }

  forget(): void {}

  retries(): number {
    return 0;
  }
}

/** The worst (largest) delay of several limiters. */
export class MaxOfRateLimiter implements RateLimiter {
  private readonly limiters: readonly RateLimiter[];

  constructor(...limiters: RateLimiter[]) {
    this.limiters = limiters;
  }

  when(item: string): number {
    return Math.max(...this.limiters.map((l) => l.when(item)));
  }

  forget(item: string): void {
    for (const l of this.limiters) l.forget(item);
  }

  retries(item: string): number {
    return Math.max(...this.limiters.map((l) => l.retries(item)));
  }
}

/** client-go's default controller rate limiter: max(per-item 5 ms..1000 s backoff, 10 qps / burst 100 bucket). */
export function defaultControllerRateLimiter(clock: Clock): RateLimiter {
  return new MaxOfRateLimiter(new ItemExponentialRateLimiter(), new TokenBucketRateLimiter(clock));
}
