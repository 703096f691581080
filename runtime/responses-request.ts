import { ApiError, errors, quoted } from './errors.js';

/** A `POST /v1/responses` body read as the chat request it amounts to, plus what the answer echoes. */
export interface ResponsesRequest {
  /** The equivalent `POST /v1/chat/completions` body, still to be validated as one. */
  readonly chatBody: Readonly<Record<string, unknown>>;
  /** Chat messages put before the client's input (1 with `instructions`), for naming fields in errors. */
  readonly leadingMessages: number;
  readonly instructions: string | null;
  readonly metadata: Readonly<Record<string, string>>;
  readonly maxOutputTokens: number | null;
  readonly temperature: number | null;
  readonly topP: number | null;
}

type Fields = Record<string, unknown>;

const ROLES = ['user', 'assistant', 'system', 'developer'];
/** Text parts: `input_text` from the client, `output_text` when an earlier answer is sent back as history. */
const TEXT_PARTS = ['input_text', 'output_text'];
/** Fields of an input message that only echo an earlier output item and mean nothing to the engine. */
const ECHOED_ITEM_FIELDS = ['id', 'status', 'phase'];
const NO_STORED_RESPONSES =
  'this runtime keeps no responses: send the conversation in `input`, or keep it server-side with X-Session-Id.';

/** Parameters served without translation, checked here. */
const PASSIVE: Record<string, (value: unknown) => void> = {
  // Nothing is stored either way; clients that send the default `true` are still served.
  store: (value) => requireType(value, 'boolean', 'store'),
  parallel_tool_calls: (value) => requireType(value, 'boolean', 'parallel_tool_calls'),
  text: checkTextConfig,
  truncation: (value) => {
    if (value !== 'disabled') {
      throw errors.unsupportedOnResponses(
        'truncation',
        `truncation ${quoted(value)} is not supported: the runtime never drops input; send 'disabled' or leave it out.`,
      );
    }
  },
};

/** Parameters whose feature is not served, with why. */
const REFUSED: Record<string, string> = {
  previous_response_id: `'previous_response_id' needs stored responses, but ${NO_STORED_RESPONSES}`,
  conversation: `'conversation' needs stored conversations, but ${NO_STORED_RESPONSES}`,
  tools: "'tools' (function calling and built-in tools) is not supported.",
  tool_choice: "'tool_choice' is not supported (no tools).",
  reasoning: "'reasoning' is not supported.",
  include: "'include' is not supported (there are no extra outputs to include).",
};

/** Parameters translated into the chat request. */
const TRANSLATED = new Set([
  'model',
  'input',
  'instructions',
  'max_output_tokens',
  'temperature',
  'top_p',
  'stream',
  'user',
  'metadata',
]);

/**
 * Reads a Responses API body (text input only): `input` as a string or an array of messages with
 * text content, `instructions`, `max_output_tokens`, `temperature`, `top_p`, `stream`, `user`,
 * `metadata`. Every other parameter is refused with a 400 that names it, rather than ignored: a
 * client asking for tools or stored conversations must learn that it does not get them.
 */
export function readResponsesRequest(body: unknown): ResponsesRequest {
  if (!isObject(body)) throw errors.invalidParam('body', 'The request body must be a JSON object.');
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined || value === null || TRANSLATED.has(name)) continue;
    const check = PASSIVE[name];
    if (check !== undefined) check(value);
    else throw errors.unsupportedOnResponses(name, REFUSED[name] ?? `Unsupported parameter ${quoted(name)}.`);
  }
  const instructions = optionalString(body.instructions, 'instructions');
  const maxOutputTokens = optionalPositiveInteger(body.max_output_tokens, 'max_output_tokens');
  const messages = [
    ...(instructions === null ? [] : [{ role: 'system', content: instructions }]),
    ...inputMessages(body.input),
  ];
  const chatBody: Fields = { model: body.model, messages };
  if (isGiven(body.stream)) chatBody.stream = body.stream;
  if (isGiven(body.temperature)) chatBody.temperature = body.temperature;
  if (isGiven(body.top_p)) chatBody.top_p = body.top_p;
  if (isGiven(body.user)) chatBody.user = body.user;
  if (maxOutputTokens !== null) chatBody.max_tokens = maxOutputTokens;
  return {
    chatBody,
    leadingMessages: instructions === null ? 0 : 1,
    instructions,
    metadata: metadataOf(body.metadata),
    maxOutputTokens,
    temperature: typeof body.temperature === 'number' ? body.temperature : null,
    topP: typeof body.top_p === 'number' ? body.top_p : null,
  };
}

/**
 * A refusal of the translated chat request, reworded in the Responses API's terms: `max_tokens` is
 * `max_output_tokens`, `messages[i]` is `input[i - leadingMessages]`.
 */
export function inResponsesTerms(error: ApiError, leadingMessages: number): ApiError {
  const reword = (text: string): string =>
    text
      .replace(/\bmax_tokens\b/g, 'max_output_tokens')
      .replace(/\bmessages\[(\d+)\]/g, (_match, index: string) => `input[${Number(index) - leadingMessages}]`)
      .replace(/'messages'/g, "'input'");
  const param = error.param === 'messages' ? 'input' : error.param;
  return new ApiError(
    error.status,
    error.type,
    error.code,
    reword(error.message),
    param === null ? null : reword(param),
    error.headers,
    { cause: error },
  );
}

function inputMessages(input: unknown): Fields[] {
  if (typeof input === 'string' && input !== '') return [{ role: 'user', content: input }];
  if (!Array.isArray(input) || input.length === 0) {
    throw errors.invalidParam(
      'input',
      "'input' is required: a non-empty string, or a non-empty array of messages ({role, content}).",
    );
  }
  return input.map((item: unknown, i) => inputMessage(item, `input[${i}]`));
}

function inputMessage(item: unknown, at: string): Fields {
  if (!isObject(item))
    throw errors.invalidParam(at, `${at} must be a message object with 'role' and 'content'.`);
  const { type, role, content, ...rest } = item;
  if (type === 'item_reference') {
    throw errors.unsupportedOnResponses(
      `${at}.type`,
      `${at} is an item_reference, but ${NO_STORED_RESPONSES} ` +
        '(The AI SDK sends references unless providerOptions.openai.store is false.)',
    );
  }
  if (isGiven(type) && type !== 'message') {
    throw errors.unsupportedOnResponses(
      `${at}.type`,
      `${at}.type ${quoted(type)} is not supported; only messages are.`,
    );
  }
  if (typeof role !== 'string' || !ROLES.includes(role)) {
    throw errors.invalidParam(
      `${at}.role`,
      `${at}.role must be one of ${ROLES.join(', ')}; got ${quoted(role)}.`,
    );
  }
  const extra = Object.keys(rest).find((name) => !ECHOED_ITEM_FIELDS.includes(name) && isGiven(rest[name]));
  if (extra !== undefined) {
    throw errors.unsupportedOnResponses(`${at}.${extra}`, `${at}.${extra} is not supported in a message.`);
  }
  return { role, content: textContent(content, `${at}.content`) };
}

/** One text part becomes a string (what every chat template takes); several stay separate parts. */
function textContent(content: unknown, at: string): unknown {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) {
    throw errors.invalidParam(at, `${at} must be a string or an array of input_text parts.`);
  }
  const texts = content.map((part: unknown, j) => {
    const partAt = `${at}[${j}]`;
    const type = isObject(part) ? part.type : undefined;
    if (!isObject(part) || typeof type !== 'string' || !TEXT_PARTS.includes(type)) {
      throw errors.unsupportedOnResponses(
        `${partAt}.type`,
        `${partAt}.type ${quoted(type)} is not supported; only text parts (input_text) are.`,
      );
    }
    if (typeof part.text !== 'string')
      throw errors.invalidParam(`${partAt}.text`, `${partAt}.text must be a string.`);
    return part.text;
  });
  if (texts.length === 1) return texts[0];
  return texts.length === 0 ? '' : texts.map((text) => ({ type: 'text', text }));
}

function checkTextConfig(value: unknown): void {
  if (!isObject(value)) throw errors.invalidParam('text', "'text' must be an object.");
  for (const [name, setting] of Object.entries(value)) {
    if (!isGiven(setting)) continue;
    const plainText = name === 'format' && isObject(setting) && setting.type === 'text';
    if (!plainText) {
      throw errors.unsupportedOnResponses(
        `text.${name}`,
        `text.${name} ${quoted(setting)} is not supported; only text.format {"type":"text"} is.`,
      );
    }
  }
}

/** OpenAI's limits: at most 16 pairs, keys up to 64 characters, values up to 512. */
function metadataOf(value: unknown): Readonly<Record<string, string>> {
  if (!isGiven(value)) return {};
  const entries = isObject(value) ? Object.entries(value) : undefined;
  const valid =
    entries !== undefined &&
    entries.length <= 16 &&
    entries.every(([key, v]) => key.length <= 64 && typeof v === 'string' && v.length <= 512);
  if (!valid) {
    throw errors.invalidParam(
      'metadata',
      "'metadata' must be an object of at most 16 string values (keys up to 64 characters, values up to 512).",
    );
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

function optionalString(value: unknown, name: string): string | null {
  if (!isGiven(value)) return null;
  requireType(value, 'string', name);
  return value as string;
}

function optionalPositiveInteger(value: unknown, name: string): number | null {
  if (!isGiven(value)) return null;
  if (!Number.isInteger(value) || (value as number) < 1) {
    throw errors.invalidParam(name, `'${name}' must be a positive integer; got ${quoted(value)}.`);
  }
  return value as number;
}

function requireType(value: unknown, type: 'string' | 'boolean', name: string): void {
  if (typeof value !== type)
    throw errors.invalidParam(name, `'${name}' must be a ${type}; got ${quoted(value)}.`);
}

function isGiven(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function isObject(value: unknown): value is Fields {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
