import OpenAI from 'openai';
import type { ChatCompletion, ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { ChatMessage } from './chat-request.js';
import { AbortScope } from './abort-scope.js';
import { RetryBudget, retryDelayMs } from './engine-retry.js';
import { ApiError, errors } from './errors.js';
import { createHttpFetch } from './http-fetch.js';
import { NO_TRACING, type Tracing } from './tracing.js';
import { EngineSpan } from './tracing-engine.js';

/** One keep-alive pool for every engine URL. */
const sharedFetch = createHttpFetch();

/** One call to the engine. */
export interface EngineCall {
  readonly messages: readonly ChatMessage[];
  /** Client parameters passed through (temperature, max_tokens, tools, ...). */
  readonly params: Readonly<Record<string, unknown>>;
  /** Aborted when the client goes away: the engine call is cancelled, not left running. */
  readonly signal: AbortSignal;
  readonly requestId: string;
}

/** The model engine as the request handler sees it. */
export interface Engine {
  /** A whole answer. */
  complete(call: EngineCall): Promise<ChatCompletion>;
  /**
   * A streamed answer. Resolves once the first chunk has arrived, so every failure before the first
   * byte reaches the client can still be retried, fall back, or become a proper HTTP status. Later
   * failures (the engine gone quiet, the request deadline) are thrown by the iteration as an
   * ApiError. Iterate it to the end or stop early (`break`, `return()`): either releases the call.
   */
  stream(call: EngineCall): Promise<AsyncIterable<ChatCompletionChunk>>;
  /** True when at least one engine URL answers GET /models. */
  probe(timeoutMs: number): Promise<boolean>;
}

/** Options for {@link OpenAIEngine}. */
export interface OpenAIEngineOptions {
  /** Base URLs in order of preference: the primary first, then fallbacks. */
  readonly urls: readonly string[];
  /** Model name sent to the engine. */
  readonly model: string;
  /** Bearer key for the engine. @default none (no Authorization header) */
  readonly apiKey?: string;
  /** Per attempt, until response headers (milliseconds). @default 60000 */
  readonly timeoutMs?: number;
  /** Retries per URL on connection errors, 408/409/429/5xx; with backoff. @default 2 */
  readonly maxRetries?: number;
  /** No retry or fallback attempt starts later than this after the call began (milliseconds). @default 30000 */
  readonly retryBudgetMs?: number;
  /** A stream that sends no chunk for this long is ended and its engine request aborted (milliseconds). @default 30000 */
  readonly streamIdleTimeoutMs?: number;
  /** Longest a whole call may take, attempts and streaming included (milliseconds). @default 600000 */
  readonly requestDeadlineMs?: number;
  /** fetch implementation. @default {@link createHttpFetch} (node:http keep-alive) */
  readonly fetch?: typeof fetch;
  /** Monotonic clock in milliseconds, for the retry budget. @default performance.now */
  readonly clock?: () => number;
  /**
   * Each call gets a CLIENT span, child of the request's, whose `traceparent` every attempt sends.
   * @default none (tracing off: no span, no traceparent)
   */
  readonly tracing?: Tracing;
}

/** Thrown when the client went away; nothing should be sent, only recorded as 499. */
export class ClientGoneError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('client closed the request', options);
    this.name = 'ClientGoneError';
  }
}

/** One attempt against one engine URL, cancelled through `attempt`. */
type Attempt<T> = (client: OpenAI, attempt: AbortScope) => Promise<T>;

/**
 * The engine through the official `openai` SDK, every call bounded in time:
 * - retries with backoff on the same URL (safe here: nothing has reached the client yet and
 *   generation has no side effects), then the next URL of the ordered fallback list, on failures
 *   that another attempt could fix (unreachable, timeout, 408/409/429/5xx), never on other 4xx,
 *   which would fail the same everywhere; no attempt starts once the retry budget is spent;
 * - a stream that goes silent for the idle timeout ends with `engine_stream_idle`;
 * - the request deadline ends any call, streamed or not, with `engine_deadline_exceeded`.
 * Whatever ends a call early also aborts its engine request, so the engine stops generating.
 */
export class OpenAIEngine implements Engine {
  private readonly clients: readonly OpenAI[];
  private readonly maxRetries: number;
  private readonly retryBudgetMs: number;
  private readonly idleMs: number;
  private readonly deadlineMs: number;
  private readonly clock: () => number;
  private readonly tracing: Tracing;

  constructor(private readonly options: OpenAIEngineOptions) {
    if (options.urls.length === 0)
      throw new Error('OpenAIEngine: options.urls must list at least one engine URL');
    this.maxRetries = options.maxRetries ?? 2;
    this.retryBudgetMs = options.retryBudgetMs ?? 30_000;
    this.idleMs = options.streamIdleTimeoutMs ?? 30_000;
    this.deadlineMs = options.requestDeadlineMs ?? 600_000;
    this.clock = options.clock ?? (() => performance.now());
    this.tracing = options.tracing ?? NO_TRACING;
    this.clients = options.urls.map(
      (baseURL) =>
        new OpenAI({
          baseURL,
          apiKey: options.apiKey ?? 'unused',
          // Without a key send no Authorization header at all rather than a dummy one.
          defaultHeaders: options.apiKey === undefined ? { Authorization: null } : {},
          organization: null,
          project: null,
          timeout: options.timeoutMs ?? 60_000,
          // Retries are ours (see withRetries): the SDK's would sleep through any engine-advised
          // delay, unbounded and deaf to the client leaving.
          maxRetries: 0,
          fetch: sameRealmErrors(options.fetch ?? sharedFetch),
        }),
    );
  }

  async complete(call: EngineCall): Promise<ChatCompletion> {
    const scope = this.openCall(call);
    const span = EngineSpan.start(this.tracing, this.options.model, call.params);
    try {
      const completion = await this.withRetries(scope, span, (client, attempt) =>
        attempt.race(
          client.chat.completions.create(
            this.body(call, false) as any,
            this.requestOptions(call, attempt, span),
          ) as Promise<ChatCompletion>,
        ),
      );
      span.answered(completion);
      return completion;
    } catch (error) {
      span.failed(error);
      throw error;
    } finally {
      span.end();
      scope.dispose();
    }
  }

  async stream(call: EngineCall): Promise<AsyncIterable<ChatCompletionChunk>> {
    const scope = this.openCall(call);
    const span = EngineSpan.start(this.tracing, this.options.model, call.params);
    try {
      const started = await this.withRetries(scope, span, async (client, attempt) => {
        const stream = (await attempt.race(
          client.chat.completions.create(
            this.body(call, true) as any,
            this.requestOptions(call, attempt, span),
          ),
        )) as unknown as AsyncIterable<ChatCompletionChunk>;
        const iterator = stream[Symbol.asyncIterator]();
        const first = await this.firstChunk(iterator, attempt);
        return { first, iterator, attempt };
      });
      return this.rest(started.first, started.iterator, started.attempt, scope, span);
    } catch (error) {
      span.failed(error);
      span.end();
      scope.dispose();
      throw error;
    }
  }

  async probe(timeoutMs: number): Promise<boolean> {
    for (const client of this.clients) {
      try {
        await client.models.list({ timeout: timeoutMs, maxRetries: 0 });
        return true;
      } catch {
        // try the next engine URL
      }
    }
    return false;
  }

  /** The scope of one call: ends when the client goes away or the request deadline passes. */
  private openCall(call: EngineCall): AbortScope {
    return new AbortScope()
      .follow(call.signal, () => new ClientGoneError({ cause: call.signal.reason }))
      .expireIn(this.deadlineMs, () => errors.engineDeadline(this.deadlineMs));
  }

  /** The first chunk, within the idle timeout: a silent engine can still be retried or fallen back from. */
  private firstChunk(
    iterator: AsyncIterator<ChatCompletionChunk>,
    attempt: AbortScope,
  ): Promise<IteratorResult<ChatCompletionChunk>> {
    return attempt.race(iterator.next(), this.idleMs, () => errors.engineStreamIdle(this.idleMs));
  }

  /** The stream after its first chunk; the call's scope ends with it. */
  private async *rest(
    first: IteratorResult<ChatCompletionChunk>,
    iterator: AsyncIterator<ChatCompletionChunk>,
    attempt: AbortScope,
    scope: AbortScope,
    span: EngineSpan,
  ): AsyncGenerator<ChatCompletionChunk> {
    // Armed only while waiting for the engine: a client slow to read is not an engine gone quiet.
    const silence = attempt.watchdog(this.idleMs, () => errors.engineStreamIdle(this.idleMs));
    try {
      for (let next = first; next.done !== true;) {
        span.chunk(next.value);
        yield next.value;
        silence.arm();
        next = await iterator.next();
        silence.disarm();
      }
      // The SDK ends an aborted stream quietly; report why it ended.
      if (attempt.signal.aborted) throw attempt.signal.reason;
    } catch (error) {
      const failure: unknown = attempt.signal.aborted ? attempt.signal.reason : error;
      span.failed(failure);
      throw failure;
    } finally {
      span.end();
      scope.dispose();
      // Consumer stopped early (client gone, write failed) or the stream was cut: release the
      // engine's stream too. Not awaited: after a cut, a read may still be pending on it.
      iterator.return?.().catch(() => undefined);
    }
  }

  private body(call: EngineCall, stream: boolean): Record<string, unknown> {
    return {
      ...call.params,
      model: this.options.model,
      messages: call.messages,
      stream,
      // Always ask for usage so token metrics are exact; the client only sees it if it asked.
      ...(stream ? { stream_options: { include_usage: true } } : {}),
    };
  }

  private requestOptions(
    call: EngineCall,
    attempt: AbortScope,
    span: EngineSpan,
  ): { signal: AbortSignal; headers: Record<string, string> } {
    return { signal: attempt.signal, headers: { 'x-request-id': call.requestId, ...span.headers() } };
  }

  /**
   * Each URL in order, each up to 1 + maxRetries times, waiting between retries of one URL as
   * {@link retryDelayMs} says. When that wait would end past the retry budget the next URL is tried
   * at once instead; once the budget is spent, the last failure is the answer.
   */
  private async withRetries<T>(scope: AbortScope, span: EngineSpan, attempt: Attempt<T>): Promise<T> {
    const budget = new RetryBudget(this.retryBudgetMs, this.clock);
    let last: ApiError | undefined;
    for (const client of this.clients) {
      for (let retry = 0; retry <= this.maxRetries; retry++) {
        if (last !== undefined && !budget.allows()) throw last;
        span.attempt(client.baseURL, last);
        const attemptScope = scope.child();
        try {
          return await attempt(client, attemptScope);
        } catch (error) {
          if (scope.signal.aborted) throw scope.signal.reason;
          // An attempt cut by its own limit (no first chunk in time) fails with that limit's error.
          const failure: unknown = attemptScope.signal.aborted ? attemptScope.signal.reason : error;
          attemptScope.dispose();
          last = mapEngineError(failure);
          if (!isTransient(failure)) throw last;
          if (retry === this.maxRetries) break;
          const delayMs = retryDelayMs(retry + 1, headersOf(failure));
          if (!budget.allows(delayMs)) break;
          await scope.wait(delayMs);
        }
      }
    }
    throw last ?? errors.engineUnavailable();
  }
}

/**
 * fetch whose rejections are plain Errors of this realm that keep their `name`. A fetch error can be
 * a DOMException from another realm (vm contexts, embedders); the SDK would then lose its
 * `AbortError` name and report a timeout as a generic connection error.
 */
function sameRealmErrors(inner: typeof fetch): typeof fetch {
  return async (input, init) => {
    try {
      return await inner(input, init);
    } catch (error) {
      const source = error as { name?: unknown; message?: unknown } | null;
      const copy = new Error(typeof source?.message === 'string' ? source.message : String(error), {
        cause: error,
      });
      if (typeof source?.name === 'string') copy.name = source.name;
      throw copy;
    }
  };
}

/** Whether a later attempt, here or at another engine, could succeed where this one failed. */
function isTransient(error: unknown): boolean {
  if (error instanceof ApiError) return error.status >= 500;
  if (error instanceof OpenAI.APIConnectionError) return true;
  if (error instanceof OpenAI.APIError && error.status !== undefined) {
    return [408, 409, 429].includes(error.status) || error.status >= 500;
  }
  return true;
}

function headersOf(error: unknown): Headers | undefined {
  return error instanceof OpenAI.APIError ? error.headers : undefined;
}

/** Engine failures as client-facing errors: the client's own mistakes pass through, the rest is 5xx. */
export function mapEngineError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof OpenAI.APIConnectionTimeoutError) return errors.engineTimeout(error);
  if (error instanceof OpenAI.APIConnectionError) return errors.engineUnavailable(error);
  if (error instanceof OpenAI.APIError && error.status !== undefined) {
    const status = error.status;
    if (status === 429) return errors.engineBusy(error);
    if ([400, 404, 413, 422].includes(status)) {
      const param = typeof error.param === 'string' ? error.param : null;
      return errors.engineRejected(status === 404 ? 400 : status, engineMessage(error), param, error);
    }
    return errors.engineError(status, error);
  }
  return errors.engineUnavailable(error);
}

function engineMessage(error: InstanceType<typeof OpenAI.APIError>): string {
  const inner = (error.error as { message?: unknown } | undefined)?.message;
  return typeof inner === 'string' && inner !== ''
    ? `The model engine refused the request: ${inner}`
    : error.message;
}
