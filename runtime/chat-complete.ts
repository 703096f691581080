import { rememberAnswer, type CacheSlot } from './chat-cache.js';
import { countTokens, type ChatScope } from './chat-observe.js';
import { keepTurn } from './chat-session.js';
import type { ChatTurn } from './chat-turn.js';
import type { Engine } from './engine-client.js';
import { sendJson } from './http-io.js';

/**
 * The pipeline's answer step for a whole answer: the engine's completion, kept in the session before
 * the client sees it, then sent and kept in the cache (`slot`, on a miss).
 */
export async function completeTurn(
  scope: ChatScope,
  engine: Engine,
  turn: ChatTurn,
  slot: CacheSlot | undefined,
): Promise<void> {
  const { outcome } = scope;
  const completion = await engine.complete(turn.call);
  countTokens(completion.usage, outcome);
  outcome.finishReasons = completion.choices.map((choice) => choice.finish_reason);
  const text = completion.choices[0]?.message?.content ?? '';
  await keepTurn(scope, turn.session, text, 'before-answer');
  outcome.code = 200;
  sendJson(scope.res, 200, turn.exchange.answer(completion), slot !== undefined ? { 'x-cache': 'miss' } : {});
  if (slot !== undefined) rememberAnswer(slot, completion);
  if (turn.logContent) outcome.content = { messages: turn.call.messages, completion: text };
}
