import type { ChatMessage } from './chat-request.js';
import { errors } from './errors.js';
import type { RedisClient } from './redis.js';

/** Options for {@link SessionStore}. */
export interface SessionStoreOptions {
  /**
   * Whose sessions these are: the agent (and model) serving them. Agents share one Redis, so the
   * key carries it; versions of one model share it, so a conversation survives a canary shift.
   */
  readonly scope: string;
  /** A session expires this long after its last turn (seconds). @default 3600 */
  readonly ttlSeconds?: number;
  /** Messages kept per session; the oldest are dropped first. @default 50 */
  readonly maxMessages?: number;
}

const SESSION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The `X-Session-Id` header, validated; undefined when absent. */
export function sessionIdOf(header: string | string[] | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  if (typeof header !== 'string' || !SESSION_ID.test(header)) throw errors.invalidSessionId();
  return header;
}

/**
 * Server-side conversation history in Redis: one list per (agent, caller, session), JSON messages, trimmed
 * to a maximum length, expiring `ttlSeconds` after the last turn. Keyed by the caller too, so one
 * caller cannot read another's session by guessing its id. Any Redis failure becomes a 503 that says
 * sessions are unavailable — a session request must not silently lose its history.
 */
export class SessionStore {
  private readonly ttlSeconds: number;
  private readonly maxMessages: number;

  constructor(
    private readonly redis: RedisClient,
    private readonly options: SessionStoreOptions,
  ) {
    this.ttlSeconds = options.ttlSeconds ?? 3600;
    this.maxMessages = options.maxMessages ?? 50;
  }

  key(principal: string, sessionId: string): string {
    return `suoke:session:{${this.options.scope}:${principal}}:${sessionId}`;
  }

  async load(principal: string, sessionId: string): Promise<ChatMessage[]> {
    let items: string[];
    try {
      items = await this.redis.lrange(this.key(principal, sessionId), 0, -1);
    } catch (error) {
      throw errors.sessionStoreUnavailable(error);
    }
    return items.map((item) => JSON.parse(item) as ChatMessage);
  }

  async append(principal: string, sessionId: string, messages: readonly ChatMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const key = this.key(principal, sessionId);
    try {
      await this.redis
        .multi()
        .rpush(key, ...messages.map((m) => JSON.stringify(m)))
        .ltrim(key, -this.maxMessages, -1)
        .expire(key, this.ttlSeconds)
        .exec();
    } catch (error) {
      throw errors.sessionStoreUnavailable(error);
    }
  }
}
