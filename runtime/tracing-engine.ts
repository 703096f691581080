import type { Span } from '@opentelemetry/api';
import { ATTR_SERVER_ADDRESS, ATTR_SERVER_PORT } from '@opentelemetry/semantic-conventions';
import type { ChatCompletion, ChatCompletionChunk } from 'openai/resources/chat/completions';
import { ApiError } from './errors.js';
import { NO_SPAN, NO_TRACING, markFailed, type Tracing } from './tracing.js';
import { CHAT_OPERATION, GEN_AI, requestParamAttributes } from './tracing-chat.js';

/**
 * The CLIENT span of one engine call, `chat <engine model>`, from the first attempt to the last
 * chunk, retries and fallbacks included: every attempt sends its `traceparent`, so the engine's own
 * spans hang below it. It holds what the engine answered (model, finish reasons, token usage),
 * never the text.
 */
export class EngineSpan {
  private static readonly OFF = new EngineSpan(NO_TRACING, NO_SPAN);
  private propagation: Readonly<Record<string, string>> | undefined;
  private readonly finishReasons: string[] = [];
  /** What the engine answered: the id and model of its answer, and its token usage. */
  private replyId: string | undefined;
  private replyModel: string | undefined;
  private usage: ChatCompletion['usage'] | undefined;

  private constructor(
    private readonly tracing: Tracing,
    private readonly span: Span,
  ) {}

  static start(tracing: Tracing, model: string, params: Readonly<Record<string, unknown>>): EngineSpan {
    if (!tracing.enabled) return EngineSpan.OFF;
    const span = tracing.startClientSpan(`chat ${model}`, {
      ...CHAT_OPERATION,
      [GEN_AI.requestModel]: model,
      ...requestParamAttributes(params),
    });
    return new EngineSpan(tracing, span);
  }

  /** The headers that make this span the parent of the engine's work; none with tracing off. */
  headers(): Readonly<Record<string, string>> {
    this.propagation ??= this.tracing.headersFor(this.span);
    return this.propagation;
  }

  /** An attempt starts against `baseUrl`; `previous` is why the one before failed, if any. */
  attempt(baseUrl: string, previous: ApiError | undefined): void {
    if (!this.span.isRecording()) return;
    const url = new URL(baseUrl);
    const port = url.port !== '' ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
    this.span.setAttributes({ [ATTR_SERVER_ADDRESS]: url.hostname, [ATTR_SERVER_PORT]: port });
    if (previous !== undefined) this.span.addEvent('retry', { 'error.type': previous.code });
  }

  /** A whole answer arrived. */
  answered(completion: ChatCompletion): void {
    if (!this.span.isRecording()) return;
    this.replyId = completion.id;
    this.replyModel = completion.model;
    this.usage = completion.usage;
    for (const choice of completion.choices) this.finishReasons.push(choice.finish_reason);
  }

  /** A streamed chunk arrived. */
  chunk(chunk: ChatCompletionChunk): void {
    if (!this.span.isRecording()) return;
    this.replyId = chunk.id;
    this.replyModel = chunk.model;
    // Usage comes on the last chunk only (stream_options.include_usage).
    if (chunk.usage) this.usage = chunk.usage;
    for (const choice of chunk.choices)
      if (choice.finish_reason) this.finishReasons.push(choice.finish_reason);
  }

  /** The call failed; a client that left is no failure of the engine's. */
  failed(error: unknown): void {
    if (!this.span.isRecording()) return;
    if ((error as Error | undefined)?.name === 'ClientGoneError') {
      this.span.setAttribute('ai.suoke.cancelled', true);
      return;
    }
    markFailed(this.span, error instanceof ApiError ? error.code : ((error as Error)?.name ?? 'unknown'));
  }

  end(): void {
    if (!this.span.isRecording()) return;
    const { replyId: id, replyModel: model, usage } = this;
    this.span.setAttributes({
      ...(typeof id === 'string' && id !== '' ? { [GEN_AI.responseId]: id } : {}),
      ...(typeof model === 'string' && model !== '' ? { [GEN_AI.responseModel]: model } : {}),
      ...(usage
        ? { [GEN_AI.inputTokens]: usage.prompt_tokens, [GEN_AI.outputTokens]: usage.completion_tokens }
        : {}),
      ...(this.finishReasons.length > 0 ? { [GEN_AI.finishReasons]: this.finishReasons } : {}),
    });
    this.span.end();
  }
}
