import { errors } from './errors.js';

/** One chat message as the OpenAI API takes it (content may be text or an array of parts). */
export interface ChatMessage {
  readonly role: string;
  readonly content?: unknown;
  readonly [field: string]: unknown;
}

/** A validated `POST /v1/chat/completions` body. Unknown fields are kept and passed to the engine. */
export interface ChatRequest {
  readonly model: string;
  readonly messages: readonly ChatMessage[];
  readonly stream: boolean;
  readonly includeUsage: boolean;
  /** temperature 0 or a fixed seed: the same request yields the same answer, so it may be cached. */
  readonly deterministic: boolean;
  /** Everything else the client sent (temperature, max_tokens, tools, ...), minus model/stream fields. */
  readonly params: Readonly<Record<string, unknown>>;
}

const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);

type Check = (value: unknown) => boolean;
const isNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const isInt: Check = (v) => Number.isInteger(v);
const isString: Check = (v) => typeof v === 'string';
const isBool: Check = (v) => typeof v === 'boolean';

/** Typed fields we check; anything else passes through to the engine untouched. */
const FIELDS: Record<string, { check: Check; expected: string; min?: number; max?: number }> = {
  temperature: { check: isNumber, expected: 'a number from 0 to 2', min: 0, max: 2 },
  top_p: { check: isNumber, expected: 'a number from 0 to 1', min: 0, max: 1 },
  n: { check: isInt, expected: 'an integer from 1 to 16', min: 1, max: 16 },
  max_tokens: { check: isInt, expected: 'a positive integer', min: 1 },
  max_completion_tokens: { check: isInt, expected: 'a positive integer', min: 1 },
  seed: { check: isInt, expected: 'an integer' },
  presence_penalty: { check: isNumber, expected: 'a number from -2 to 2', min: -2, max: 2 },
  frequency_penalty: { check: isNumber, expected: 'a number from -2 to 2', min: -2, max: 2 },
  user: { check: isString, expected: 'a string' },
  logprobs: { check: isBool, expected: 'a boolean' },
};

/**
 * Validates a chat completion body. Every refusal is a 400 naming the field (`param`) and what it
 * must be, never a 5xx: whatever a client sends, it learns what to fix.
 */
export function parseChatRequest(body: unknown): ChatRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw errors.invalidParam('body', 'The request body must be a JSON object.');
  }
  const { model, messages, stream, stream_options: streamOptions, ...rest } = body as Record<string, unknown>;
  if (typeof model !== 'string' || model === '') {
    throw errors.invalidParam('model', "'model' is required and must be a non-empty string.");
  }
  if (!Array.isArray(messages) || messages.length === 0) {
    throw errors.invalidParam('messages', "'messages' must be a non-empty array of messages.");
  }
  messages.forEach((m: unknown, i) => {
    if (m === null || typeof m !== 'object' || Array.isArray(m)) {
      throw errors.invalidParam(
        `messages[${i}]`,
        `messages[${i}] must be an object with 'role' and 'content'.`,
      );
    }
    const { role, content } = m as Record<string, unknown>;
    if (typeof role !== 'string' || !ROLES.has(role)) {
      throw errors.invalidParam(
        `messages[${i}].role`,
        `messages[${i}].role must be one of ${[...ROLES].join(', ')}; got ${JSON.stringify(role)}.`,
      );
    }
    const contentOk =
      typeof content === 'string' ||
      Array.isArray(content) ||
      ((content === null || content === undefined) && role === 'assistant');
    if (!contentOk) {
      throw errors.invalidParam(
        `messages[${i}].content`,
        `messages[${i}].content must be a string or an array of parts.`,
      );
    }
  });
  if (stream !== undefined && stream !== null && typeof stream !== 'boolean') {
    throw errors.invalidParam('stream', "'stream' must be a boolean.");
  }
  let includeUsage = false;
  if (streamOptions !== undefined && streamOptions !== null) {
    if (typeof streamOptions !== 'object' || Array.isArray(streamOptions)) {
      throw errors.invalidParam('stream_options', "'stream_options' must be an object.");
    }
    const flag = (streamOptions as Record<string, unknown>).include_usage;
    if (flag !== undefined && typeof flag !== 'boolean') {
      throw errors.invalidParam(
        'stream_options.include_usage',
        "'stream_options.include_usage' must be a boolean.",
      );
    }
    includeUsage = flag === true;
  }
  for (const [name, rule] of Object.entries(FIELDS)) {
    const value = rest[name];
    if (value === undefined || value === null) continue;
    const inRange =
      isNumber(value) &&
      (rule.min === undefined || (value as number) >= rule.min) &&
      (rule.max === undefined || (value as number) <= rule.max);
    if (!rule.check(value) || (isNumber(value) && !inRange)) {
      throw errors.invalidParam(name, `'${name}' must be ${rule.expected}; got ${JSON.stringify(value)}.`);
    }
  }
  if (
    rest.stop !== undefined &&
    rest.stop !== null &&
    typeof rest.stop !== 'string' &&
    !Array.isArray(rest.stop)
  ) {
    throw errors.invalidParam('stop', "'stop' must be a string or an array of strings.");
  }
  const deterministic = rest.temperature === 0 || Number.isInteger(rest.seed);
  return {
    model,
    messages: messages as ChatMessage[],
    stream: stream === true,
    includeUsage,
    deterministic,
    params: rest,
  };
}
