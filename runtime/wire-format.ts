import type { ChatCompletion, ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { ChatRequest } from './chat-request.js';
import type { ApiError } from './errors.js';

/**
 * One client-facing API served by the chat pipeline (auth, rate limit, sessions, cache, engine call,
 * metrics, log line): how its request body becomes a chat request and how the engine's chat answer
 * is written back in that API's shape. The pipeline is written once; each API only translates.
 */
export interface WireFormat {
  /** The route, as written in log lines. */
  readonly path: string;
  /**
   * Validates the client's body and turns it into a chat request with `parseChat` (the chat API's own
   * validation, so every API obeys the same limits). Throws an ApiError (4xx) naming the field.
   */
  read(body: unknown, parseChat: (chatBody: unknown) => ChatRequest): Exchange;
}

/** One request in a wire format: the chat request to run and how to answer it. */
export interface Exchange {
  readonly request: ChatRequest;
  /** The JSON body of a whole answer. */
  answer(completion: ChatCompletion): string;
  /** A fresh encoder for a streamed answer. */
  stream(): StreamEncoder;
}

/** Turns the engine's chunks into this API's SSE frames, in order. */
export interface StreamEncoder {
  /** The frames for one engine chunk; '' when the client gets nothing for it. */
  chunk(chunk: ChatCompletionChunk): string;
  /** The frames that end a stream that went well. */
  end(): string;
  /** The frames that end a stream that broke after its 200 headers were sent. */
  error(error: ApiError): string;
}

/** `POST /v1/chat/completions`: the engine's own format, relayed with the client's model id. */
export const CHAT_COMPLETIONS: WireFormat = {
  path: '/v1/chat/completions',
  read(body, parseChat) {
    const request = parseChat(body);
    return {
      request,
      // Clients see the model id they asked for, not the name the engine serves it under.
      answer: (completion) => JSON.stringify({ ...completion, model: request.model }),
      stream: () => ({
        chunk(chunk) {
          const reported = { ...chunk, model: request.model };
          if (chunk.usage && !request.includeUsage) {
            // The runtime always asks the engine for usage; the client gets it only if it asked.
            if (chunk.choices.length === 0) return '';
            const { usage: _usage, ...rest } = reported;
            return sseData(rest);
          }
          return sseData(reported);
        },
        end: () => 'data: [DONE]\n\n',
        // In-band, the way OpenAI reports a stream that failed after its headers.
        error: (error) => sseData(error.toJSON()),
      }),
    };
  },
};

function sseData(value: unknown): string {
  return `data: ${JSON.stringify(value)}\n\n`;
}
