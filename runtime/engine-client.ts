import OpenAI from 'openai';
import type { ChatCompletion, ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { ChatMessage } from './chat-request.js';
import { ApiError, errors } from './errors.js';
import { createHttpFetch } from './http-fetch.js';

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
   * byte reaches the client can still be retried, fall back, or become a proper HTTP status.
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
  /** Retries per URL on connection errors, 408/409/429/5xx; with backoff (SDK). @default 2 */
  readonly maxRetries?: number;
  /** fetch implementation. @default {@link createHttpFetch} (node:http keep-alive) */
  readonly fetch?: typeof fetch;
}

/** Thrown when the client went away; nothing should be sent, only recorded as 499. */
export class ClientGoneError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('client closed the request', options);
    this.name = 'ClientGoneError';
  }
}

/**
 * The engine through the official `openai` SDK: the SDK's retries with exponential backoff (safe
 * here: nothing has reached the client yet and generation has no side effects), then the next URL
 * of the ordered fallback list on failures that another engine could fix (unreachable, timeout,
 * 429, 5xx) — never on 4xx, which would fail the same everywhere.
 */
export class OpenAIEngine implements Engine {
  private readonly clients: readonly OpenAI[];

  constructor(private readonly options: OpenAIEngineOptions) {
    if (options.urls.length === 0)
      throw new Error('OpenAIEngine: options.urls must list at least one engine URL');
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
          maxRetries: options.maxRetries ?? 2,
          fetch: sameRealmErrors(options.fetch ?? sharedFetch),
        }),
    );
  }

  async complete(call: EngineCall): Promise<ChatCompletion> {
    return this.withFallback(call, (client) =>
      client.chat.completions.create(this.body(call, false) as any, this.requestOptions(call)),
    ) as Promise<ChatCompletion>;
  }

  async stream(call: EngineCall): Promise<AsyncIterable<ChatCompletionChunk>> {
    return this.withFallback(call, async (client) => {
      const stream = (await client.chat.completions.create(
        this.body(call, true) as any,
        this.requestOptions(call),
      )) as unknown as AsyncIterable<ChatCompletionChunk>;
      const iterator = stream[Symbol.asyncIterator]();
      const first = await iterator.next();
      return prepend(first, iterator);
    });
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

  private requestOptions(call: EngineCall): { signal: AbortSignal; headers: Record<string, string> } {
    return { signal: call.signal, headers: { 'x-request-id': call.requestId } };
  }

  private async withFallback<T>(call: EngineCall, attempt: (client: OpenAI) => Promise<T>): Promise<T> {
    let last: ApiError | undefined;
    for (const client of this.clients) {
      try {
        return await attempt(client);
      } catch (error) {
        if (call.signal.aborted) throw new ClientGoneError({ cause: error });
        const mapped = mapEngineError(error);
        if (!worthFallingBack(error)) throw mapped;
        last = mapped;
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

function worthFallingBack(error: unknown): boolean {
  if (error instanceof OpenAI.APIConnectionError) return true;
  if (error instanceof OpenAI.APIError && error.status !== undefined) {
    return error.status === 429 || error.status >= 500;
  }
  return true;
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

async function* prepend<T>(first: IteratorResult<T>, rest: AsyncIterator<T>): AsyncGenerator<T> {
  try {
    if (first.done === true) return;
    yield first.value;
    for (;;) {
      const next = await rest.next();
      if (next.done === true) return;
      yield next.value;
    }
  } finally {
    // Consumer stopped early (client gone, write failed): release the engine's stream too.
    await rest.return?.();
  }
}
