import { parseMessages, type ChatMessage } from './chat-messages.js';
import { parseParams, type ParamLimits } from './chat-params.js';
import { errors } from './errors.js';

export type { ChatMessage } from './chat-messages.js';

/** A validated `POST /v1/chat/completions` body. */
export interface ChatRequest {
  readonly model: string;
  readonly messages: readonly ChatMessage[];
  readonly stream: boolean;
  readonly includeUsage: boolean;
  /** temperature 0 or a fixed seed: the same request yields the same answer, so it may be cached. */
  readonly deterministic: boolean;
  /** The parameters the engine gets (temperature, max_tokens, tools, ...): allowed and checked. */
  readonly params: Readonly<Record<string, unknown>>;
}

/** Bounds on a chat request (from runtime/config.ts). */
export interface RequestLimits extends ParamLimits {
  /** Most messages one request may carry. */
  readonly maxRequestMessages: number;
}

/**
 * Validates a chat completion body. Every refusal is a 400 naming the field (`param`) and what it
 * must be, never a 5xx: whatever a client sends, it learns what to fix.
 */
export function parseChatRequest(body: unknown, limits: RequestLimits): ChatRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw errors.invalidParam('body', 'The request body must be a JSON object.');
  }
  const { model, messages, stream, stream_options: streamOptions, ...rest } = body as Record<string, unknown>;
  if (typeof model !== 'string' || model === '') {
    throw errors.invalidParam('model', "'model' is required and must be a non-empty string.");
  }
  const parsedMessages = parseMessages(messages, limits.maxRequestMessages);
  if (stream !== undefined && stream !== null && typeof stream !== 'boolean') {
    throw errors.invalidParam('stream', "'stream' must be a boolean.");
  }
  const params = parseParams(rest, limits);
  return {
    model,
    messages: parsedMessages,
    stream: stream === true,
    includeUsage: includeUsageOf(streamOptions),
    deterministic: params.temperature === 0 || Number.isInteger(params.seed),
    params,
  };
}

/** `stream_options.include_usage`; the runtime always asks the engine for usage itself. */
function includeUsageOf(streamOptions: unknown): boolean {
  if (streamOptions === undefined || streamOptions === null) return false;
  if (typeof streamOptions !== 'object' || Array.isArray(streamOptions)) {
    throw errors.invalidParam('stream_options', "'stream_options' must be an object.");
  }
  const flag = (streamOptions as Record<string, unknown>).include_usage;
  if (flag !== undefined && flag !== null && typeof flag !== 'boolean') {
    throw errors.invalidParam(
      'stream_options.include_usage',
      "'stream_options.include_usage' must be a boolean.",
    );
  }
  return flag === true;
}
