import { canonicalJson } from './cache.js';
import type { ChatMessage } from './chat-request.js';
import { errors } from './errors.js';
import type { RedisClient } from './redis.js';
import { NO_TRACING, redisSpan, type Tracing } from './tracing.js';

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
  /** Loads and saves get spans `redis session.load` / `redis session.save`. @default none */
  readonly tracing?: Tracing;
}

/** What a session id may be: short, and plain enough to go into a Redis key and a log line. */
export const SESSION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The `X-Session-Id` header, validated; undefined when absent. */
export function sessionIdOf(header: string | string[] | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  if (typeof header !== 'string' || !SESSION_ID.test(header)) throw errors.invalidSessionId();
  return header;
}

/**
 * One turn of a session: what the engine is sent and what the session keeps. Clients use a session
 * in one of two ways, told apart by the messages they send (system and developer messages aside,
 * which are instructions the client re-sends every turn and are never kept):
 * - server-kept history: only the new message(s); the stored history is put before them;
 * - client-kept history: the whole conversation each turn (LangChain, the AI SDK). It starts with the
 *   stored history, so it is sent as it is and only the turns after the stored ones are kept.
 * A request that holds an assistant message but does not start with the stored history is a
 * client-kept conversation whose copy differs from ours: a turn was edited or regenerated. The
 * client's copy wins and replaces the session, since that is the conversation its user sees.
 * A request of user or tool messages only is always a new turn: one message cannot say whether it
 * follows the stored history or starts again (a new session id starts again).
 */
export interface SessionTurn {
  /** The messages for the engine (the agent's persona goes before them). */
  readonly messages: readonly ChatMessage[];
  /** The messages this turn adds to the session; the answer is kept after them. */
  readonly keep: readonly ChatMessage[];
  /** `append` adds `keep` to the stored history; `replace` drops the stored history first. */
  readonly store: 'append' | 'replace';
}

/** Plans the turn for `messages` (the request's, in order) given the session's stored `history`. */
export function planTurn(history: readonly ChatMessage[], messages: readonly ChatMessage[]): SessionTurn {
  const conversation = messages.filter((m) => !isInstruction(m));
  if (history.length === 0) return { messages, keep: conversation, store: 'append' };
  if (startsWith(conversation, history)) {
    return { messages, keep: conversation.slice(history.length), store: 'append' };
  }
  if (conversation.some((m) => m.role === 'assistant')) {
    return { messages, keep: conversation, store: 'replace' };
  }
  const instructions = messages.filter(isInstruction);
  return { messages: [...instructions, ...history, ...conversation], keep: conversation, store: 'append' };
}

function isInstruction(message: ChatMessage): boolean {
  return message.role === 'system' || message.role === 'developer';
}

function startsWith(conversation: readonly ChatMessage[], history: readonly ChatMessage[]): boolean {
  return (
    conversation.length >= history.length &&
    history.every((stored, i) => sameTurn(stored, conversation[i] as ChatMessage))
  );
}

/**
 * Whether a client's copy of a message is the stored one. Role and content only: clients re-send an
 * answer with fields of their own (`refusal`, `annotations`, `tool_calls`, which the session does
 * not keep) and in their own form (no content, `null` or `''`; one text part for a string). Reading
 * two different turns as one costs nothing the engine sees: a client-kept request is sent as is.
 */
function sameTurn(stored: ChatMessage, sent: ChatMessage): boolean {
  return stored.role === sent.role && comparableContent(stored.content) === comparableContent(sent.content);
}

function comparableContent(content: unknown): string {
  if (content === null || content === undefined) return 'text:';
  if (typeof content === 'string') return `text:${content}`;
  if (Array.isArray(content) && content.every(isTextPart)) {
    return `text:${content.map((part) => part.text).join('')}`;
  }
  return `json:${canonicalJson(content)}`;
}

function isTextPart(part: unknown): part is { type: 'text'; text: string } {
  const { type, text } = (part ?? {}) as { type?: unknown; text?: unknown };
  return type === 'text' && typeof text === 'string';
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
  private readonly tracing: Tracing;

  constructor(
    private readonly redis: RedisClient,
    private readonly options: SessionStoreOptions,
  ) {
    this.ttlSeconds = options.ttlSeconds ?? 3600;
    this.maxMessages = options.maxMessages ?? 50;
    this.tracing = options.tracing ?? NO_TRACING;
  }

  key(principal: string, sessionId: string): string {
    return `suoke:session:{${this.options.scope}:${principal}}:${sessionId}`;
  }

  async load(principal: string, sessionId: string): Promise<ChatMessage[]> {
    let items: string[];
    try {
      items = await redisSpan(this.tracing, 'session.load', 'LRANGE', () =>
        this.redis.lrange(this.key(principal, sessionId), 0, -1),
      );
    } catch (error) {
      throw errors.sessionStoreUnavailable(error);
    }
    return items.map((item) => JSON.parse(item) as ChatMessage);
  }

  /** Keeps a planned turn and its answer, appended to the history or replacing it. */
  async saveTurn(
    principal: string,
    sessionId: string,
    turn: SessionTurn,
    answer: ChatMessage,
  ): Promise<void> {
    const messages = [...turn.keep, answer];
    if (turn.store === 'replace') await this.replace(principal, sessionId, messages);
    else await this.append(principal, sessionId, messages);
  }

  async append(principal: string, sessionId: string, messages: readonly ChatMessage[]): Promise<void> {
    await this.write(principal, sessionId, messages, false);
  }

  /** The session becomes `messages` (their newest `maxMessages`) in one transaction. */
  async replace(principal: string, sessionId: string, messages: readonly ChatMessage[]): Promise<void> {
    await this.write(principal, sessionId, messages, true);
  }

  private async write(
    principal: string,
    sessionId: string,
    messages: readonly ChatMessage[],
    replace: boolean,
  ): Promise<void> {
    if (messages.length === 0 && !replace) return;
    const key = this.key(principal, sessionId);
    const transaction = this.redis.multi();
    if (replace) transaction.del(key);
    if (messages.length > 0) {
      transaction
        .rpush(key, ...messages.map((m) => JSON.stringify(m)))
        .ltrim(key, -this.maxMessages, -1)
        .expire(key, this.ttlSeconds);
    }
    let results: [Error | null, unknown][] | null;
    try {
      results = await redisSpan(this.tracing, 'session.save', 'EXEC', () => transaction.exec());
    } catch (error) {
      throw errors.sessionStoreUnavailable(error);
    }
    // EXEC reports a failed command in its results rather than rejecting.
    const failed = results?.find(([error]) => error !== null)?.[0];
    if (failed) throw errors.sessionStoreUnavailable(failed);
  }
}
