import type { IncomingMessage } from 'node:http';
import type { Attributes, Span } from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
} from '@opentelemetry/semantic-conventions';
import type { ChatMessage } from './chat-request.js';
import { NO_SPAN, markFailed, sampledTraceId, type Tracing } from './tracing.js';

/**
 * Names of the OpenTelemetry GenAI semantic conventions. They are still incubating, so they are
 * written out here, as the conventions advise for names that may change, not imported.
 */
export const GEN_AI = Object.freeze({
  operation: 'gen_ai.operation.name',
  provider: 'gen_ai.provider.name',
  requestModel: 'gen_ai.request.model',
  requestMaxTokens: 'gen_ai.request.max_tokens',
  requestTemperature: 'gen_ai.request.temperature',
  responseModel: 'gen_ai.response.model',
  responseId: 'gen_ai.response.id',
  finishReasons: 'gen_ai.response.finish_reasons',
  inputTokens: 'gen_ai.usage.input_tokens',
  outputTokens: 'gen_ai.usage.output_tokens',
  timeToFirstChunk: 'gen_ai.response.time_to_first_chunk',
  inputMessages: 'gen_ai.input.messages',
  outputMessages: 'gen_ai.output.messages',
});

/** The event on a server span when the first token reached the client. */
export const FIRST_TOKEN_EVENT = 'gen_ai.first_token';

/** Attributes of every chat span, server or engine: the operation and the API it speaks. */
export const CHAT_OPERATION: Attributes = Object.freeze({
  [GEN_AI.operation]: 'chat',
  [GEN_AI.provider]: 'openai',
});

/** The GenAI attributes of a request's parameters that the conventions name. */
export function requestParamAttributes(params: Readonly<Record<string, unknown>>): Attributes {
  const maxTokens = params.max_completion_tokens ?? params.max_tokens;
  return {
    ...(typeof maxTokens === 'number' ? { [GEN_AI.requestMaxTokens]: maxTokens } : {}),
    ...(typeof params.temperature === 'number' ? { [GEN_AI.requestTemperature]: params.temperature } : {}),
  };
}

/** What a finished request tells its span; the Outcome of chat-observe.ts, in the parts a span uses. */
export interface ChatSpanOutcome {
  readonly code: number;
  readonly errorCode?: string | undefined;
  readonly cache?: 'hit' | 'miss' | undefined;
  readonly promptTokens?: number | undefined;
  readonly completionTokens?: number | undefined;
  readonly finishReasons?: readonly string[] | undefined;
  /** Set only with LOG_CONTENT: then, and only then, the span carries the messages and the answer. */
  readonly content?: { readonly messages: readonly ChatMessage[]; readonly completion: string } | undefined;
}

/**
 * The SERVER span of one API request, named `chat <request model>` as the GenAI conventions name
 * it. It never holds prompt or completion text unless LOG_CONTENT allows it (`content`). With
 * tracing off it is one shared object whose methods return at once.
 */
export class ChatSpan {
  /** The span of every request while tracing is off. */
  private static readonly OFF = new ChatSpan(NO_SPAN);
  private requestModel: string | undefined;

  private constructor(readonly span: Span) {}

  static start(tracing: Tracing, req: IncomingMessage, route: string, traffic: string): ChatSpan {
    if (!tracing.enabled) return ChatSpan.OFF;
    const span = tracing.startServerSpan('chat', req.headers, {
      ...CHAT_OPERATION,
      [ATTR_HTTP_REQUEST_METHOD]: req.method ?? 'POST',
      [ATTR_HTTP_ROUTE]: route,
      traffic,
    });
    return new ChatSpan(span);
  }

  /** The trace id to put on metrics as an exemplar: only when this span is exported. */
  traceId(): string | undefined {
    return sampledTraceId(this.span);
  }

  /** The request as validated: its model names the span. */
  request(model: string, params: Readonly<Record<string, unknown>>): void {
    if (!this.span.isRecording()) return;
    this.requestModel = model;
    this.span.updateName(`chat ${model}`);
    this.span.setAttributes({ [GEN_AI.requestModel]: model, ...requestParamAttributes(params) });
  }

  /** The first token reached the client `seconds` after the request arrived. */
  firstToken(seconds: number): void {
    if (!this.span.isRecording()) return;
    this.span.setAttribute(GEN_AI.timeToFirstChunk, seconds);
    this.span.addEvent(FIRST_TOKEN_EVENT, { [GEN_AI.timeToFirstChunk]: seconds });
  }

  /** Ends the span with what the request came to; a 5xx marks it failed. */
  end(outcome: ChatSpanOutcome): void {
    if (!this.span.isRecording()) return;
    const { code, promptTokens, completionTokens, finishReasons, content } = outcome;
    this.span.setAttributes({
      [ATTR_HTTP_RESPONSE_STATUS_CODE]: code,
      ...(code === 200 && this.requestModel !== undefined
        ? { [GEN_AI.responseModel]: this.requestModel }
        : {}),
      ...(promptTokens !== undefined ? { [GEN_AI.inputTokens]: promptTokens } : {}),
      ...(completionTokens !== undefined ? { [GEN_AI.outputTokens]: completionTokens } : {}),
      ...(finishReasons !== undefined && finishReasons.length > 0
        ? { [GEN_AI.finishReasons]: [...finishReasons] }
        : {}),
      ...(outcome.cache !== undefined ? { 'ai.suoke.cache.result': outcome.cache } : {}),
      ...(content !== undefined ? contentAttributes(content.messages, content.completion) : {}),
    });
    if (code >= 500) markFailed(this.span, outcome.errorCode ?? String(code));
    else if (outcome.errorCode !== undefined)
      this.span.setAttribute('ai.suoke.error.code', outcome.errorCode);
    this.span.end();
  }
}

/**
 * The messages and the answer in the conventions' shape (`{role, parts: [{type, content}]}`, as
 * JSON), for LOG_CONTENT=true only.
 */
function contentAttributes(messages: readonly ChatMessage[], completion: string): Attributes {
  const input = messages.map((message) => ({ role: message.role, parts: partsOf(message.content) }));
  const output = [{ role: 'assistant', parts: [{ type: 'text', content: completion }] }];
  return { [GEN_AI.inputMessages]: JSON.stringify(input), [GEN_AI.outputMessages]: JSON.stringify(output) };
}

function partsOf(content: unknown): unknown[] {
  if (typeof content === 'string') return [{ type: 'text', content }];
  if (!Array.isArray(content)) return [];
  return content.map((part: { type?: unknown; text?: unknown }) =>
    part?.type === 'text' && typeof part.text === 'string'
      ? { type: 'text', content: part.text }
      : { type: typeof part?.type === 'string' ? part.type : 'unknown' },
  );
}
