import { createHash } from 'node:crypto';
import type { RedisClient } from './redis.js';
import { NO_TRACING, redisSpan, type Tracing } from './tracing.js';

/**
 * Which version a session is pinned to, in Redis, so every replica of every version agrees.
 * KEYS[1] the pin; ARGV: this runtime's version, the session TTL (seconds), and the pin expected.
 * - expected empty (a turn as it arrives): a pin there is returned and its TTL refreshed; none there
 *   is created pinned to this version (SET NX semantics: of two first turns racing, the first wins
 *   and the second is told the winner's version).
 * - expected a version (a compare-and-set): the pin moves to this version only while it still holds
 *   `expected`, so of the replicas that notice a version left, one moves the pin and counts it.
 * Returns {pin, changed (0|1)}: the pin after the call (false when none), and whether this call
 * wrote it. One script for both, so each turn costs one round trip and a move never races a read.
 */
export const SESSION_PIN_LUA = `
local ttl = tonumber(ARGV[2])
local pin = redis.call('GET', KEYS[1])
if ARGV[3] == '' then
  if not pin then
    redis.call('SET', KEYS[1], ARGV[1], 'EX', ttl)
    return {ARGV[1], 1}
  end
  redis.call('EXPIRE', KEYS[1], ttl)
  return {pin, 0}
end
if pin == ARGV[3] then
  redis.call('SET', KEYS[1], ARGV[1], 'EX', ttl)
  return {ARGV[1], 1}
end
return {pin, 0}
`;

/** A session pin after a read or a move. */
export interface Pin {
  /** The version the session is pinned to now; undefined when it has none (after a failed move). */
  readonly version: string | undefined;
  /** Whether this call wrote the pin (created it, or moved it). */
  readonly changed: boolean;
}

/** Options for {@link SessionPins}. */
export interface SessionPinsOptions {
  /** Whose sessions these are (agent and model): versions of one model share their pins. */
  readonly scope: string;
  /** This runtime's version: where a new session is pinned and where a moved one goes. */
  readonly version: string;
  /** A pin expires this long after the last turn served (seconds): the session TTL. */
  readonly ttlSeconds: number;
  /** Each call gets a span `redis session.pin`. @default none */
  readonly tracing?: Tracing;
}

type WithSessionPin = RedisClient & {
  suokeSessionPin(
    key: string,
    version: string,
    ttl: number,
    expected: string,
  ): Promise<[string | null, number]>;
};

/** The session pins of one model. Calls throw when Redis cannot be asked; the caller degrades. */
export class SessionPins {
  private readonly redis: WithSessionPin;
  private readonly tracing: Tracing;

  constructor(
    redis: RedisClient,
    private readonly options: SessionPinsOptions,
  ) {
    // defineCommand runs the script by EVALSHA and falls back to EVAL after a Redis restart.
    if (!('suokeSessionPin' in redis))
      redis.defineCommand('suokeSessionPin', { numberOfKeys: 1, lua: SESSION_PIN_LUA });
    this.redis = redis as WithSessionPin;
    this.tracing = options.tracing ?? NO_TRACING;
  }

  /**
   * The key of a session's pin. The caller is part of it, so one caller cannot steer (or learn)
   * another's session by sending its id; hashed, so neither appears in Redis as it is.
   */
  keyOf(principalId: string, sessionId: string): string {
    const digest = createHash('sha256').update(`${principalId}\n${sessionId}`, 'utf8').digest('hex');
    return `suoke:pin:${this.options.scope}:${digest}`;
  }

  /** The session's pin, its TTL refreshed; a session without one is pinned to this version. */
  claim(principalId: string, sessionId: string): Promise<Pin> {
    return this.call(principalId, sessionId, '');
  }

  /** Moves the session's pin from `from` to this version, unless it no longer holds `from`. */
  move(principalId: string, sessionId: string, from: string): Promise<Pin> {
    return this.call(principalId, sessionId, from);
  }

  private async call(principalId: string, sessionId: string, expected: string): Promise<Pin> {
    const [pin, changed] = await redisSpan(this.tracing, 'session.pin', 'EVALSHA', () =>
      this.redis.suokeSessionPin(
        this.keyOf(principalId, sessionId),
        this.options.version,
        this.options.ttlSeconds,
        expected,
      ),
    );
    return { version: pin ?? undefined, changed: changed === 1 };
  }
}
