import type { ChatCompletion } from 'openai/resources/chat/completions';
import type { Principal } from './auth.js';
import type { ResponseCache } from './cache.js';
import type { ChatScope } from './chat-observe.js';
import type { ChatTurn } from './chat-turn.js';
import { sendJson } from './http-io.js';

/** The cache entry a request may be answered from and its answer kept in. */
export interface CacheSlot {
  readonly cache: ResponseCache;
  readonly key: string;
}

/**
 * The request's cache entry, or undefined when it may not use one: only deterministic answers are
 * cached, and never a session's (its history is part of the answer) or a stream. A mirrored request
 * (shadow.ts) neither reads nor writes the cache: a hit would answer it without the version under
 * test, making its metrics meaningless, and its answer kept would reach clients of that version.
 * An evaluation case (X-Evaluation-Run) does neither either: a hit would grade an earlier answer
 * instead of what the version answers now (a retried run would be graded on its first run's
 * answers, and a latency expectation on Redis), and a run's answers are not for users to be served.
 */
export function cacheSlot(
  { shadow, evaluationRun }: ChatScope,
  cache: ResponseCache | undefined,
  principal: Principal,
  { exchange: { request }, session, call }: ChatTurn,
): CacheSlot | undefined {
  if (
    cache === undefined ||
    shadow ||
    evaluationRun !== undefined ||
    !request.deterministic ||
    session.kept !== undefined ||
    request.stream
  ) {
    return undefined;
  }
  return { cache, key: cache.key(principal, { messages: call.messages, params: request.params }) };
}

/** The pipeline's cache step: answers from the cache on a hit; true when it did. */
export async function answerFromCache(scope: ChatScope, slot: CacheSlot, turn: ChatTurn): Promise<boolean> {
  const hit = await slot.cache.get(slot.key);
  scope.cacheLookup(hit !== undefined ? 'hit' : 'miss');
  if (hit === undefined) return false;
  const completion = JSON.parse(hit) as ChatCompletion;
  scope.outcome.code = 200;
  // What the client got, as answered fresh: a cut-off answer is cut off for every caller served it.
  // Its tokens (and so its cost) are not counted again: no engine was called.
  scope.outcome.finishReasons = completion.choices.map((choice) => choice.finish_reason);
  sendJson(scope.res, 200, turn.exchange.answer(completion), { 'x-cache': 'hit' });
  return true;
}

/** Keeps a fresh answer for the next identical request; the client already has it. */
export function rememberAnswer(slot: CacheSlot, completion: ChatCompletion): void {
  // Kept in the engine's shape: every API answers a hit in its own shape, with the client's model id.
  void slot.cache.set(slot.key, JSON.stringify(completion));
}
