import type { Logger } from 'pino';
import type { Authenticator } from './auth.js';
import type { ResponseCache } from './cache.js';
import { admission } from './chat-admission.js';
import type { BudgetGate } from './chat-budget.js';
import { answerFromCache, cacheSlot } from './chat-cache.js';
import { completeTurn } from './chat-complete.js';
import { readExchange } from './chat-exchange.js';
import { observeChat, type ChatHandler } from './chat-observe.js';
import type { ChatMessage } from './chat-request.js';
import { openSession } from './chat-session.js';
import { streamTurn } from './chat-stream.js';
import type { ChatTurn } from './chat-turn.js';
import type { RuntimeConfig } from './config.js';
import type { Engine } from './engine-client.js';
import type { RuntimeMetrics } from './metrics.js';
import type { RateLimiter } from './rate-limit.js';
import type { Placement, sessionAffinity } from './session-affinity.js';
import type { SessionStore } from './sessions.js';
import type { Tracing } from './tracing.js';
import { CHAT_COMPLETIONS, type WireFormat } from './wire-format.js';

/** What the chat handler needs; each part optional where the feature is optional. */
export interface ChatDeps {
  readonly config: RuntimeConfig;
  readonly engine: Engine;
  readonly auth: Authenticator;
  readonly metrics: RuntimeMetrics;
  readonly logger: Logger;
  readonly sessions?: SessionStore;
  readonly cache?: ResponseCache;
  readonly rateLimiter?: RateLimiter;
  /** Per-key token budgets (chat-budget.ts), shared by every API the runtime serves. */
  readonly budgets: BudgetGate;
  /** Monotonic clock in milliseconds, for durations. @default performance.now */
  readonly clock?: () => number;
  /** Spans of each request (tracing.ts). @default none (tracing off) */
  readonly tracing?: Tracing;
  /**
   * Aborted at the drain deadline: requests still running end with 503 `shutting_down` (in-band for
   * streams) instead of a connection reset. @default never
   */
  readonly drainCut?: AbortSignal;
  /**
   * Session affinity (session-affinity.ts): a session's turn that landed on another version than
   * its pin is sent on to the pinned one. @default none (SESSION_AFFINITY off)
   */
  readonly affinity?: ReturnType<typeof sessionAffinity>;
}

const SERVED_HERE: Placement = { forwarded: false };

/**
 * `POST /v1/chat/completions`, in order: authenticate → session affinity (a turn pinned to another
 * version is forwarded to it, and that runtime does the rest) → rate limit → read and validate the body →
 * load the session → cache lookup → hold the key's token budget → call the engine (streaming or
 * not) → save the session turn and cache entry → settle the budget; around it all, one log line and
 * the metrics (chat-observe.ts). Cheap refusals come first so they cost no body parsing. Another
 * API served by the same pipeline (`POST /v1/responses`) passes its own `wire` format. A mirrored
 * request (shadow.ts) runs the same steps but writes nothing: no rate-limit token, no session turn,
 * no cache lookup or entry, no tokens spent. An evaluation case (evaluation-run.ts) takes its token
 * and spends its tokens like a live request but has no session and no cache.
 */
export function createChatHandler(deps: ChatDeps, wire: WireFormat = CHAT_COMPLETIONS): ChatHandler {
  const { config, engine, sessions, cache } = deps;
  const clock = deps.clock ?? (() => performance.now());
  const persona: ChatMessage[] =
    config.systemPrompt !== undefined ? [{ role: 'system', content: config.systemPrompt }] : [];
  const admit = admission(deps.auth, deps.rateLimiter);
  const observed = {
    metrics: deps.metrics,
    logger: deps.logger,
    clock,
    drainCut: deps.drainCut,
    pricing: config.pricing,
    tracing: deps.tracing,
  };

  return observeChat(observed, wire.path, async (scope) => {
    const principal = await admit.identify(scope);
    const placed = deps.affinity === undefined ? SERVED_HERE : await deps.affinity(scope, principal);
    if (placed.forwarded) return;
    await admit.limit(principal, scope);
    const exchange = await readExchange(scope, config, wire, placed.body);
    const { request } = exchange;
    const session = await openSession(scope, sessions, principal, request.messages);
    const messages = [...persona, ...session.turn.messages];
    const call = { messages, params: request.params, signal: scope.signal, requestId: scope.requestId };
    const turn: ChatTurn = { exchange, call, session, logContent: config.logContent };
    const slot = cacheSlot(scope, cache, principal, turn);
    if (slot !== undefined && (await answerFromCache(scope, slot, turn))) return;
    const spend = await deps.budgets.hold(scope, principal, call, engine);
    try {
      if (!request.stream) await completeTurn(scope, spend.engine, turn, slot);
      else await streamTurn(scope, spend.engine, turn, config.clientWriteTimeoutMs);
    } finally {
      await spend.settle();
    }
  });
}
