import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { ChatCompletion, ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { Authenticator, Principal } from './auth.js';
import { readJsonBody } from './body.js';
import type { ResponseCache } from './cache.js';
import { parseChatRequest, type ChatMessage } from './chat-request.js';
import type { RuntimeConfig } from './config.js';
import { ClientGoneError, type Engine } from './engine-client.js';
import { ApiError, errors, toApiError } from './errors.js';
import { endResponse, sendError, sendJson, writeWithBackpressure } from './http-io.js';
import type { RuntimeMetrics } from './metrics.js';
import type { RateLimiter } from './rate-limit.js';
import { planTurn, sessionIdOf, type SessionStore } from './sessions.js';
import { CHAT_COMPLETIONS, type StreamEncoder, type WireFormat } from './wire-format.js';

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
  /** Monotonic clock in milliseconds, for durations. @default performance.now */
  readonly clock?: () => number;
  /**
   * Aborted at the drain deadline: requests still running end with 503 `shutting_down` (in-band for
   * streams) instead of a connection reset. @default never
   */
  readonly drainCut?: AbortSignal;
}

/** Per-request facts for the one log line and the metrics; never prompt or completion text. */
interface Outcome {
  code: number;
  principal?: string;
  stream?: boolean;
  session?: boolean;
  cache?: 'hit' | 'miss';
  promptTokens?: number;
  completionTokens?: number;
  errorCode?: string;
  content?: { messages: readonly ChatMessage[]; completion: string };
}

/**
 * `POST /v1/chat/completions`, in order: authenticate → rate limit → read and validate the body →
 * load the session → cache lookup → call the engine (streaming or not) → save the session turn and
 * cache entry → one log line and the metrics. Cheap refusals come first so they cost no body parsing.
 * Another API served by the same pipeline (`POST /v1/responses`) passes its own `wire` format.
 */
export function createChatHandler(deps: ChatDeps, wire: WireFormat = CHAT_COMPLETIONS) {
  const { config, engine, auth, metrics, logger, sessions, cache, rateLimiter } = deps;
  const clock = deps.clock ?? (() => performance.now());
  const persona: ChatMessage[] =
    config.systemPrompt !== undefined ? [{ role: 'system', content: config.systemPrompt }] : [];

  return async function handleChat(
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
  ): Promise<void> {
    const started = clock();
    const outcome: Outcome = { code: 500 };
    const abort = new AbortController();
    // 'close' before the response finished means the client went away: cancel the engine call.
    res.once('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    const cut = (): void => {
      logger.warn({ reqId: requestId, stream: outcome.stream === true }, 'drain deadline: ending request');
      abort.abort();
    };
    deps.drainCut?.addEventListener('abort', cut, { once: true });
    metrics.inFlight.inc();
    try {
      const principal = await auth.authenticate(req);
      outcome.principal = principal.id;
      await enforceRateLimit(principal, req);
      const exchange = wire.read(await readJsonBody(req, config), (chatBody) =>
        parseChatRequest(chatBody, config),
      );
      const { request } = exchange;
      if (request.model !== config.model && request.model !== config.engineModel) {
        throw errors.modelNotFound(request.model, config.model);
      }
      outcome.stream = request.stream;
      const sessionId = sessionIdOf(req.headers['x-session-id']);
      outcome.session = sessionId !== undefined;
      if (sessionId !== undefined && sessions === undefined) throw errors.sessionsDisabled();
      const history =
        sessionId !== undefined ? await (sessions as SessionStore).load(principal.id, sessionId) : [];
      const turn = planTurn(history, request.messages);
      const messages = [...persona, ...turn.messages];
      const call = { messages, params: request.params, signal: abort.signal, requestId };

      const cacheKey =
        cache !== undefined && request.deterministic && sessionId === undefined && !request.stream
          ? cache.key(principal, { messages, params: request.params })
          : undefined;
      if (cacheKey !== undefined) {
        const hit = await (cache as ResponseCache).get(cacheKey);
        outcome.cache = hit !== undefined ? 'hit' : 'miss';
        metrics.cache.inc({ result: outcome.cache });
        if (hit !== undefined) {
          outcome.code = 200;
          sendJson(res, 200, exchange.answer(JSON.parse(hit) as ChatCompletion), { 'x-cache': 'hit' });
          return;
        }
      }

      if (!request.stream) {
        const completion = await engine.complete(call);
        countTokens(completion.usage, outcome);
        const text = completion.choices[0]?.message?.content ?? '';
        if (sessionId !== undefined) {
          // Saved before answering: a session answer the store did not keep would silently fork history.
          await (sessions as SessionStore).saveTurn(principal.id, sessionId, turn, {
            role: 'assistant',
            content: text,
          });
        }
        outcome.code = 200;
        sendJson(res, 200, exchange.answer(completion), cacheKey !== undefined ? { 'x-cache': 'miss' } : {});
        // Kept in the engine's shape: every API answers a hit in its own shape, with the client's model id.
        if (cacheKey !== undefined) void (cache as ResponseCache).set(cacheKey, JSON.stringify(completion));
        if (config.logContent) outcome.content = { messages, completion: text };
        return;
      }

      const chunks = await engine.stream(call);
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        'x-accel-buffering': 'no',
      });
      outcome.code = 200;
      const sse = exchange.stream();
      const text = await relay(chunks, sse, res, outcome, started);
      if (!res.writableEnded) res.end(sse.end());
      // A stream that broke mid-way is not a turn worth remembering.
      if (sessionId !== undefined && outcome.code === 200) {
        try {
          await (sessions as SessionStore).saveTurn(principal.id, sessionId, turn, {
            role: 'assistant',
            content: text,
          });
        } catch (error) {
          logger.warn({ reqId: requestId, err: (error as Error).message }, 'session turn not saved');
        }
      }
      if (config.logContent) outcome.content = { messages, completion: text };
    } catch (error) {
      fail(asDrainCut(error, res), res, outcome, requestId);
    } finally {
      deps.drainCut?.removeEventListener('abort', cut);
      metrics.inFlight.dec();
      const seconds = (clock() - started) / 1000;
      metrics.requests.inc({ code: String(outcome.code) });
      metrics.duration.observe(seconds);
      if (outcome.promptTokens) metrics.tokens.inc({ type: 'prompt' }, outcome.promptTokens);
      if (outcome.completionTokens) metrics.tokens.inc({ type: 'completion' }, outcome.completionTokens);
      logger.info(
        { reqId: requestId, path: wire.path, ms: Math.round(seconds * 1000), ...outcome },
        'request',
      );
    }
  };

  async function enforceRateLimit(principal: Principal, req: IncomingMessage): Promise<void> {
    if (rateLimiter === undefined) return;
    // Anonymous callers are told apart by address; authenticated ones by identity across replicas.
    const caller =
      principal.kind === 'anonymous' ? `ip:${req.socket.remoteAddress ?? 'unknown'}` : principal.id;
    const decision = await rateLimiter.take(caller);
    if (decision !== undefined && !decision.allowed) {
      throw errors.rateLimited(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)));
    }
  }

  /** Streams engine chunks to the client as SSE; returns the completion text (for the session). */
  async function relay(
    chunks: AsyncIterable<ChatCompletionChunk>,
    sse: StreamEncoder,
    res: ServerResponse,
    outcome: Outcome,
    started: number,
  ): Promise<string> {
    let text = '';
    let firstToken = true;
    try {
      for await (const chunk of chunks) {
        if (res.destroyed) throw new ClientGoneError();
        const delta = chunk.choices[0]?.delta;
        if (firstToken && (delta?.content || delta?.tool_calls)) {
          firstToken = false;
          metrics.timeToFirstToken.observe((clock() - started) / 1000);
        }
        if (typeof delta?.content === 'string') text += delta.content;
        if (chunk.usage) countTokens(chunk.usage, outcome);
        const frames = sse.chunk(chunk);
        if (frames !== '') await writeWithBackpressure(res, frames);
      }
      // The SDK ends an aborted stream quietly; a client that left must not count as a success.
      if (res.destroyed && !res.writableFinished) throw new ClientGoneError();
    } catch (error) {
      const failure = asDrainCut(error, res);
      if (res.destroyed || failure instanceof ClientGoneError) throw new ClientGoneError({ cause: error });
      // Headers are gone: tell the client in-band the way OpenAI does (no [DONE], so clients raise
      // an error rather than take a truncated answer), and count it as the server's failure.
      const apiError = failure instanceof ApiError ? failure : errors.engineUnavailable(failure);
      outcome.code = apiError.status >= 500 ? apiError.status : 502;
      outcome.errorCode = apiError.code;
      await endResponse(res, sse.error(apiError));
    }
    return text;
  }

  /** A request cancelled by the drain deadline is answered as such, not recorded as the client leaving. */
  function asDrainCut(error: unknown, res: ServerResponse): unknown {
    const cutByDrain = error instanceof ClientGoneError && deps.drainCut?.aborted === true && !res.destroyed;
    return cutByDrain ? errors.draining() : error;
  }

  function fail(error: unknown, res: ServerResponse, outcome: Outcome, requestId: string): void {
    if (error instanceof ClientGoneError || (res.destroyed && !res.writableFinished)) {
      outcome.code = 499;
      outcome.errorCode = 'client_closed_request';
      return;
    }
    const apiError = toApiError(error);
    outcome.code = apiError.status;
    outcome.errorCode = apiError.code;
    if (apiError.status >= 500) {
      logger.warn(
        { reqId: requestId, code: apiError.code, cause: describeCause(apiError.cause) },
        'request failed',
      );
    }
    if (!res.headersSent) sendError(res, apiError);
    else if (!res.writableEnded) res.end();
  }
}

function countTokens(usage: ChatCompletion['usage'] | null | undefined, outcome: Outcome): void {
  if (!usage) return;
  outcome.promptTokens = usage.prompt_tokens;
  outcome.completionTokens = usage.completion_tokens;
}

/** The class and status of a cause — not its message, which may quote the request. */
function describeCause(cause: unknown): string | undefined {
  if (cause === undefined || cause === null) return undefined;
  const status = (cause as { status?: unknown }).status;
  return `${(cause as object).constructor?.name ?? typeof cause}${typeof status === 'number' ? ` ${status}` : ''}`;
}
