import { errors, quoted } from './errors.js';

/** One chat message as the OpenAI API takes it (content may be text or an array of parts). */
export interface ChatMessage {
  readonly role: string;
  readonly content?: unknown;
  readonly [field: string]: unknown;
}

const ROLES = ['system', 'developer', 'user', 'assistant', 'tool', 'function'];
const PART_TYPES = ['text', 'image_url', 'input_audio'];

type Fields = Record<string, unknown>;

/**
 * Validates `messages` and returns copies that hold only the fields an engine needs (role, content,
 * name, tool_calls, tool_call_id). Other fields are dropped rather than refused: clients commonly send
 * an answer's message back as history, with response-only fields (`refusal`, `annotations`,
 * `reasoning_content`...) that a chat template must not see. Content parts are copied the same way.
 */
export function parseMessages(value: unknown, maxMessages: number): ChatMessage[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw errors.invalidParam('messages', "'messages' must be a non-empty array of messages.");
  }
  if (value.length > maxMessages) {
    throw errors.invalidParam(
      'messages',
      `'messages' holds ${value.length} messages; at most ${maxMessages} are accepted (MAX_REQUEST_MESSAGES). ` +
        'Send fewer, e.g. by summarising older turns.',
    );
  }
  return value.map((message: unknown, i) => parseMessage(message, `messages[${i}]`));
}

function parseMessage(value: unknown, at: string): ChatMessage {
  if (!isObject(value)) throw errors.invalidParam(at, `${at} must be an object with 'role' and 'content'.`);
  const { role, content, name, tool_calls: toolCalls, tool_call_id: toolCallId } = value;
  if (typeof role !== 'string' || !ROLES.includes(role)) {
    throw errors.invalidParam(
      `${at}.role`,
      `${at}.role must be one of ${ROLES.join(', ')}; got ${quoted(role)}.`,
    );
  }
  const parsed = parseContent(content, role, `${at}.content`);
  const message: Fields = parsed === undefined ? { role } : { role, content: parsed };
  if (isGiven(name)) message.name = requireString(name, `${at}.name`);
  if (isGiven(toolCallId)) message.tool_call_id = requireString(toolCallId, `${at}.tool_call_id`);
  if (isGiven(toolCalls)) message.tool_calls = parseToolCalls(toolCalls, `${at}.tool_calls`);
  return message as ChatMessage;
}

function parseContent(content: unknown, role: string, at: string): unknown {
  if (typeof content === 'string') return content;
  // An assistant turn that only called tools has no text.
  if ((content === null || content === undefined) && role === 'assistant') return content;
  if (!Array.isArray(content) || content.length === 0) {
    throw errors.invalidParam(at, `${at} must be a string or a non-empty array of content parts.`);
  }
  return content.map((part: unknown, j) => parsePart(part, `${at}[${j}]`));
}

function parsePart(part: unknown, at: string): Fields {
  const type = isObject(part) ? part.type : undefined;
  if (!isObject(part) || typeof type !== 'string' || !PART_TYPES.includes(type)) {
    throw errors.invalidParam(
      at,
      `${at} must be a content part of type ${PART_TYPES.join(', ')}; got ${quoted(type ?? part)}.`,
    );
  }
  if (type === 'text') return { type, text: requireString(part.text, `${at}.text`) };
  if (type === 'image_url') {
    const image = requireObject(part.image_url, `${at}.image_url`, "an object with a 'url' string");
    const copy: Fields = {
      url: imageUrl(requireString(image.url, `${at}.image_url.url`), `${at}.image_url.url`),
    };
    if (isGiven(image.detail)) copy.detail = requireString(image.detail, `${at}.image_url.detail`);
    return { type, image_url: copy };
  }
  const audio = requireObject(
    part.input_audio,
    `${at}.input_audio`,
    "an object with 'data' and 'format' strings",
  );
  return {
    type,
    input_audio: {
      data: requireString(audio.data, `${at}.input_audio.data`),
      format: requireString(audio.format, `${at}.input_audio.format`),
    },
  };
}

function parseToolCalls(value: unknown, at: string): unknown[] {
  if (!Array.isArray(value)) throw errors.invalidParam(at, `${at} must be an array of tool calls.`);
  value.forEach((call: unknown, k) => {
    const fn = requireObject(
      isObject(call) ? call.function : undefined,
      `${at}[${k}].function`,
      "an object with 'name' and 'arguments' strings",
    );
    requireString(fn.name, `${at}[${k}].function.name`);
    requireString(fn.arguments, `${at}[${k}].function.arguments`);
  });
  return value;
}

/** Host names that only mean something inside a cluster or a host, never on the public internet. */
const INTERNAL_HOST = /(^|\.)(localhost|local|internal|localdomain|svc|cluster\.local|home\.arpa)$/i;
/** IP literals, as the URL parser normalises them (`2130706433` and `0x7f.1` become `127.0.0.1`). */
const IP_LITERAL = /^(\d{1,3}(\.\d{1,3}){3}|\[.*\])$/;

/**
 * An image URL the engine may fetch: inline data, or https to a public host name. The engine fetches
 * it from inside the cluster, so an http URL, an IP literal or a cluster-internal name would let a
 * caller make the engine reach what only the cluster can (its metadata endpoint, other Services).
 * A host name that resolves to an internal address is beyond what a string can tell; engines that
 * fetch images should also run without a route to internal networks (the chart's NetworkPolicy).
 */
function imageUrl(url: string, at: string): string {
  if (/^data:image\/[-+.\w]+(;[-\w]+=[-\w]+)*;base64,/i.test(url)) return url;
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  const host = parsed?.hostname ?? '';
  if (
    parsed?.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    host.includes('.') &&
    !IP_LITERAL.test(host) &&
    !INTERNAL_HOST.test(host)
  ) {
    return url;
  }
  throw errors.invalidParam(
    at,
    `${at} must be inline image data (data:image/png;base64,...) or an https URL of a public host name; ` +
      `got ${quoted(url.length > 80 ? `${url.slice(0, 80)}...` : url)}. The model engine fetches image URLs from inside the cluster, so plain http, IP addresses and internal names are refused.`,
  );
}

function isObject(value: unknown): value is Fields {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `null` means "not given" throughout OpenAI's API. */
function isGiven(value: unknown): boolean {
  return value !== null && value !== undefined;
}

function requireString(value: unknown, at: string): string {
  if (typeof value !== 'string')
    throw errors.invalidParam(at, `${at} must be a string; got ${quoted(value)}.`);
  return value;
}

function requireObject(value: unknown, at: string, expected: string): Fields {
  if (!isObject(value)) throw errors.invalidParam(at, `${at} must be ${expected}; got ${quoted(value)}.`);
  return value;
}
