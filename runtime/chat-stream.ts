import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { countTokens, type ChatScope } from './chat-observe.js';
import { keepTurn } from './chat-session.js';
import type { ChatTurn } from './chat-turn.js';
import { ClientGoneError, type Engine } from './engine-client.js';
import { ApiError, errors } from './errors.js';
import { StreamedFinishReasons } from './finish-reasons.js';
import { endResponse, writeWithBackpressure } from './http-io.js';
import type { StreamEncoder } from './wire-format.js';

/**
 * The pipeline's answer step for a streamed answer: the engine's chunks relayed as SSE in the
 * client's API, then the turn kept in the session (only for a stream that ended well).
 */
export async function streamTurn(
  scope: ChatScope,
  engine: Engine,
  turn: ChatTurn,
  writeTimeoutMs: number,
): Promise<void> {
  const { res, outcome } = scope;
  const chunks = await engine.stream(turn.call);
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    'x-accel-buffering': 'no',
  });
  outcome.code = 200;
  const sse = turn.exchange.stream();
  const text = await relay(scope, chunks, sse, writeTimeoutMs);
  if (!res.writableEnded) res.end(sse.end());
  // A stream that broke mid-way is not a turn worth remembering.
  if (outcome.code === 200) await keepTurn(scope, turn.session, text, 'after-answer');
  if (turn.logContent) outcome.content = { messages: turn.call.messages, completion: text };
}

/** Streams engine chunks to the client as SSE; returns the completion text (for the session). */
async function relay(
  scope: ChatScope,
  chunks: AsyncIterable<ChatCompletionChunk>,
  sse: StreamEncoder,
  writeTimeoutMs: number,
): Promise<string> {
  const { res, outcome } = scope;
  let text = '';
  const finishReasons = new StreamedFinishReasons();
  try {
    for await (const chunk of chunks) {
      if (res.destroyed) throw new ClientGoneError();
      const delta = chunk.choices[0]?.delta;
      if (delta?.content || delta?.tool_calls) scope.firstToken();
      if (typeof delta?.content === 'string') text += delta.content;
      if (chunk.usage) countTokens(chunk.usage, outcome);
      finishReasons.see(chunk.choices);
      const frames = sse.chunk(chunk);
      if (frames !== '') await writeWithBackpressure(res, frames, writeTimeoutMs);
    }
    // The SDK ends an aborted stream quietly; a client that left must not count as a success.
    if (res.destroyed && !res.writableFinished) throw new ClientGoneError();
    // Only an answer that ended well has finish reasons: a broken one counts as a failed request.
    outcome.finishReasons = finishReasons.answered();
  } catch (error) {
    await endInBand(scope, error, sse);
  }
  return text;
}

/**
 * Ends a stream that broke after its 200 headers: the client is told in-band the way OpenAI does
 * (no [DONE], so clients raise an error rather than take a truncated answer), and it counts as the
 * server's failure. A client that left is only reported as gone.
 */
async function endInBand(scope: ChatScope, error: unknown, sse: StreamEncoder): Promise<void> {
  const { res, outcome } = scope;
  const failure = scope.asDrainCut(error);
  if (res.destroyed || failure instanceof ClientGoneError) throw new ClientGoneError({ cause: error });
  const apiError = failure instanceof ApiError ? failure : errors.engineUnavailable(failure);
  outcome.code = apiError.status >= 500 ? apiError.status : 502;
  outcome.errorCode = apiError.code;
  await endResponse(res, sse.error(apiError));
}
