import { randomBytes } from 'node:crypto';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { CompletionUsage } from 'openai/resources/completions';
import type {
  Response,
  ResponseOutputMessage,
  ResponseOutputText,
  ResponseStatus,
  ResponseStreamEvent,
  ResponseUsage,
} from 'openai/resources/responses/responses';
import { createChatHandler, type ChatDeps } from './chat-handler.js';
import type { ChatRequest } from './chat-request.js';
import { ApiError } from './errors.js';
import { inResponsesTerms, readResponsesRequest, type ResponsesRequest } from './responses-request.js';
import type { Exchange, StreamEncoder, WireFormat } from './wire-format.js';

/**
 * `POST /v1/responses` (OpenAI's Responses API, the default of the AI SDK's OpenAI provider) for
 * text: the request becomes a chat request and runs through the chat pipeline — the same auth, rate
 * limit, sessions, cache, engine call, metrics and log line — and the engine's chat answer is written
 * back as a Response object, or streamed as Responses events. Responses are not stored.
 */
export function createResponsesHandler(deps: ChatDeps) {
  return createChatHandler(deps, RESPONSES);
}

/** A Response as sent: `output_text` is a convenience the SDKs compute, not part of the API. */
type WireResponse = Omit<Response, 'output_text'>;
/** A stream event before it is numbered, with its Response as sent. */
type Unnumbered<T> = T extends { response: Response }
  ? Omit<T, 'response' | 'sequence_number'> & { response: WireResponse }
  : Omit<T, 'sequence_number'>;
type StreamEvent = Unnumbered<ResponseStreamEvent>;

/** What every Response of one request repeats. */
interface ResponseFacts {
  readonly id: string;
  readonly messageId: string;
  readonly createdAt: number;
  /** The model id the client sent. */
  readonly model: string;
  readonly echo: ResponsesRequest;
}

export const RESPONSES: WireFormat = {
  path: '/v1/responses',
  read(body, parseChat): Exchange {
    const echo = readResponsesRequest(body);
    let request: ChatRequest;
    try {
      request = parseChat(echo.chatBody);
    } catch (error) {
      throw error instanceof ApiError ? inResponsesTerms(error, echo.leadingMessages) : error;
    }
    const facts: ResponseFacts = {
      id: `resp_${randomBytes(24).toString('hex')}`,
      messageId: `msg_${randomBytes(24).toString('hex')}`,
      createdAt: epochSeconds(),
      model: request.model,
      echo,
    };
    return {
      request,
      answer: (completion) => {
        const choice = completion.choices[0];
        return JSON.stringify(
          finalResponse(facts, choice?.message.content ?? '', choice?.finish_reason, completion.usage),
        );
      },
      stream: () => new ResponsesStream(facts),
    };
  },
};

/**
 * Responses events for one streamed answer, in the order OpenAI sends them: `response.created`,
 * `response.in_progress`, the message item and its text part opened, one `response.output_text.delta`
 * per engine token, the part and item closed, then `response.completed` (or `response.incomplete`
 * when the engine stopped at `max_output_tokens`, `response.failed` when it broke).
 */
class ResponsesStream implements StreamEncoder {
  private sequence = 0;
  private opened = false;
  private text = '';
  private finishReason: string | null = null;
  private usage: CompletionUsage | undefined;

  constructor(private readonly facts: ResponseFacts) {}

  chunk(chunk: ChatCompletionChunk): string {
    if (chunk.usage) this.usage = chunk.usage;
    const choice = chunk.choices[0];
    if (choice?.finish_reason) this.finishReason = choice.finish_reason;
    const delta = typeof choice?.delta?.content === 'string' ? choice.delta.content : '';
    let frames = this.open();
    if (delta !== '') {
      this.text += delta;
      frames += this.event({
        type: 'response.output_text.delta',
        item_id: this.facts.messageId,
        output_index: 0,
        content_index: 0,
        delta,
        logprobs: [],
      });
    }
    return frames;
  }

  end(): string {
    const { messageId } = this.facts;
    const final = finalResponse(this.facts, this.text, this.finishReason, this.usage);
    const item = final.output[0] as ResponseOutputMessage;
    return (
      this.open() +
      this.event({
        type: 'response.output_text.done',
        item_id: messageId,
        output_index: 0,
        content_index: 0,
        text: this.text,
        logprobs: [],
      }) +
      this.event({
        type: 'response.content_part.done',
        item_id: messageId,
        output_index: 0,
        content_index: 0,
        part: outputText(this.text),
      }) +
      this.event({ type: 'response.output_item.done', output_index: 0, item }) +
      this.event({
        type: final.status === 'incomplete' ? 'response.incomplete' : 'response.completed',
        response: final,
      })
    );
  }

  error(error: ApiError): string {
    const failed: WireResponse = {
      ...responseBase(this.facts, 'failed', []),
      // ResponseError codes are OpenAI's own list; ours goes in the message.
      error: { code: 'server_error', message: `${error.message} (${error.code})` },
      ...(this.usage === undefined ? {} : { usage: responsesUsage(this.usage) }),
    };
    return this.open() + this.event({ type: 'response.failed', response: failed });
  }

  /** The opening events, once. */
  private open(): string {
    if (this.opened) return '';
    this.opened = true;
    const { messageId } = this.facts;
    const started = responseBase(this.facts, 'in_progress', []);
    return (
      this.event({ type: 'response.created', response: started }) +
      this.event({ type: 'response.in_progress', response: started }) +
      this.event({
        type: 'response.output_item.added',
        output_index: 0,
        item: { id: messageId, type: 'message', role: 'assistant', status: 'in_progress', content: [] },
      }) +
      this.event({
        type: 'response.content_part.added',
        item_id: messageId,
        output_index: 0,
        content_index: 0,
        part: outputText(''),
      })
    );
  }

  private event(event: StreamEvent): string {
    const numbered = { ...event, sequence_number: this.sequence++ };
    return `event: ${event.type}\ndata: ${JSON.stringify(numbered)}\n\n`;
  }
}

/** The finished Response: the engine's text, why it stopped, and its token counts. */
function finalResponse(
  facts: ResponseFacts,
  text: string,
  finishReason: string | null | undefined,
  usage: CompletionUsage | undefined,
): WireResponse {
  const incomplete = incompleteReason(finishReason);
  const status: ResponseStatus = incomplete === undefined ? 'completed' : 'incomplete';
  const message: ResponseOutputMessage = {
    id: facts.messageId,
    type: 'message',
    role: 'assistant',
    status,
    content: [outputText(text)],
  };
  return {
    ...responseBase(facts, status, [message]),
    incomplete_details: incomplete === undefined ? null : { reason: incomplete },
    completed_at: epochSeconds(),
    ...(usage === undefined ? {} : { usage: responsesUsage(usage) }),
  };
}

function responseBase(
  facts: ResponseFacts,
  status: ResponseStatus,
  output: ResponseOutputMessage[],
): WireResponse {
  const { echo } = facts;
  return {
    id: facts.id,
    object: 'response',
    created_at: facts.createdAt,
    status,
    model: facts.model,
    output,
    error: null,
    incomplete_details: null,
    instructions: echo.instructions,
    metadata: { ...echo.metadata },
    max_output_tokens: echo.maxOutputTokens,
    temperature: echo.temperature,
    top_p: echo.topP,
    parallel_tool_calls: false,
    tool_choice: 'none',
    tools: [],
    truncation: 'disabled',
    text: { format: { type: 'text' } },
  };
}

function outputText(text: string): ResponseOutputText {
  return { type: 'output_text', text, annotations: [], logprobs: [] };
}

/** Why an answer stopped short, in the Responses API's terms; undefined when it completed. */
function incompleteReason(
  finishReason: string | null | undefined,
): 'max_output_tokens' | 'content_filter' | undefined {
  if (finishReason === 'length') return 'max_output_tokens';
  if (finishReason === 'content_filter') return 'content_filter';
  return undefined;
}

function responsesUsage(usage: CompletionUsage): ResponseUsage {
  return {
    input_tokens: usage.prompt_tokens,
    input_tokens_details: { cached_tokens: usage.prompt_tokens_details?.cached_tokens ?? 0 },
    output_tokens: usage.completion_tokens,
    output_tokens_details: { reasoning_tokens: usage.completion_tokens_details?.reasoning_tokens ?? 0 },
    total_tokens: usage.total_tokens,
  };
}

function epochSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
