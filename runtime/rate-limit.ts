import type { RedisClient } from './redis.js';
import { NO_TRACING, redisSpan, type Tracing } from './tracing.js';

/**
 * Token bucket, evaluated atomically inside Redis so every replica shares one budget per caller.
 * KEYS[1] bucket hash {t = tokens, ts = last refill (ms)}; ARGV: now (ms), refill rate (tokens/ms),
 * burst (bucket size), and optionally `0` to only look: whether a token is there, taking none and
 * writing nothing. Returns {allowed (0|1), wait before the next token (ms), tokens left}.
 * `now` comes from the caller (an injected clock) rather than Redis TIME, so tests control time;
 * a refill only moves forward, so small clock skew between replicas cannot mint tokens.
 */
export const TOKEN_BUCKET_LUA = `
local now = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local burst = tonumber(ARGV[3])
local take = ARGV[4] ~= '0'
local state = redis.call('HMGET', KEYS[1], 't', 'ts')
local tokens = tonumber(state[1])
local ts = tonumber(state[2])
if tokens == nil or ts == nil then
  tokens = burst
  ts = now
end
if now > ts then
  tokens = math.min(burst, tokens + (now - ts) * rate)
  ts = now
end
local allowed = 0
local wait = 0
if tokens >= 1 then
  if take then
    tokens = tokens - 1
  end
  allowed = 1
else
  wait = math.ceil((1 - tokens) / rate)
end
if take then
  redis.call('HSET', KEYS[1], 't', tostring(tokens), 'ts', tostring(ts))
  redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate) + 1000)
end
return {allowed, wait, math.floor(tokens)}
`;

/** A rate limit decision. */
export interface RateDecision {
  readonly allowed: boolean;
  /** Until the next request would be allowed (milliseconds); 0 when allowed. */
  readonly retryAfterMs: number;
  readonly remaining: number;
}

/** Options for {@link RateLimiter}. */
export interface RateLimiterOptions {
  /** Whose limits these are (agent and model): agents share one Redis but not their budgets. */
  readonly scope: string;
  /** Sustained requests per second per caller. */
  readonly ratePerSecond: number;
  /** Requests a caller may make at once. */
  readonly burst: number;
  /** Clock in epoch milliseconds. @default Date.now */
  readonly now?: () => number;
  /** Each decision gets a span `redis rate_limit`. @default none */
  readonly tracing?: Tracing;
}

type WithTokenBucket = RedisClient & {
  suokeTokenBucket(
    key: string,
    now: number,
    rate: number,
    burst: number,
    take?: '0' | '1',
  ): Promise<[number, number, number]>;
};

/** Per-caller rate limits. When Redis is unreachable it allows the request (fails open). */
export class RateLimiter {
  private readonly redis: WithTokenBucket;
  private readonly now: () => number;
  private readonly tracing: Tracing;

  constructor(
    redis: RedisClient,
    private readonly options: RateLimiterOptions,
  ) {
    if (!(options.ratePerSecond > 0))
      throw new Error(`RateLimiter: ratePerSecond (${options.ratePerSecond}) must be > 0`);
    if (!(options.burst >= 1)) throw new Error(`RateLimiter: burst (${options.burst}) must be >= 1`);
    // defineCommand runs the script by EVALSHA and falls back to EVAL after a Redis restart.
    if (!('suokeTokenBucket' in redis))
      redis.defineCommand('suokeTokenBucket', { numberOfKeys: 1, lua: TOKEN_BUCKET_LUA });
    this.redis = redis as WithTokenBucket;
    this.now = options.now ?? Date.now;
    this.tracing = options.tracing ?? NO_TRACING;
  }

  /** Takes one token for `caller`; `undefined` when Redis could not be asked. */
  take(caller: string): Promise<RateDecision | undefined> {
    return this.ask(caller, '1');
  }

  /**
   * Whether `caller` has a token now, without taking it or writing anything (a mirrored request:
   * see chat-admission.ts); `undefined` when Redis could not be asked.
   */
  check(caller: string): Promise<RateDecision | undefined> {
    return this.ask(caller, '0');
  }

  private async ask(caller: string, take: '0' | '1'): Promise<RateDecision | undefined> {
    try {
      const [allowed, wait, remaining] = await redisSpan(this.tracing, 'rate_limit', 'EVALSHA', () =>
        this.redis.suokeTokenBucket(
          `suoke:ratelimit:{${this.options.scope}:${caller}}`,
          this.now(),
          this.options.ratePerSecond / 1000,
          this.options.burst,
          take,
        ),
      );
      return { allowed: allowed === 1, retryAfterMs: wait, remaining };
    } catch {
      return undefined;
    }
  }
}
