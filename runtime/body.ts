import type { IncomingMessage } from 'node:http';
import { errors } from './errors.js';

/** Bounds on a request body (from runtime/config.ts). */
export interface BodyLimits {
  /** Largest body accepted (bytes). */
  readonly maxBodyBytes: number;
  /** Deepest nesting of objects and arrays accepted (levels; the body's own object is level 1). */
  readonly maxJsonDepth: number;
}

/**
 * Reads a JSON request body (whatever Content-Type says: `curl -d` sends form-urlencoded by default,
 * and refusing it would help nobody) of at most `maxBodyBytes`. Refuses early on a Content-Length over
 * the limit, and stops reading (413) as soon as a chunked body crosses it, so a large upload cannot
 * exhaust memory. Refuses nesting deeper than `maxJsonDepth` before parsing: every serialiser after
 * this point (the SDK's, the cache key's, the engine's) recurses, and a 10 KB body of brackets would
 * otherwise overflow the stack and come back as a 5xx.
 */
export async function readJsonBody(
  req: IncomingMessage,
  limits: BodyLimits,
  alreadyRead?: Buffer,
): Promise<unknown> {
  const text = (alreadyRead ?? (await readRawBody(req, limits.maxBodyBytes))).toString('utf8');
  if (text.trim() === '') throw errors.invalidJson('empty body');
  if (jsonDepthExceeds(text, limits.maxJsonDepth)) throw errors.jsonTooDeep(limits.maxJsonDepth);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw errors.invalidJson((error as Error).message);
  }
}

/**
 * The body as its bytes, at most `limit` of them (413 past it, as soon as it is crossed): for a body
 * passed on as it came (a forwarded session turn, session-forward.ts) and parsed here only if the
 * forward fails.
 */
export async function readRawBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw errors.bodyTooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw errors.bodyTooLarge(limit);
    chunks.push(chunk as Buffer);
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * True when `text` opens more than `maxDepth` objects or arrays at once. One pass, no recursion and
 * no allocation, so it costs the same on hostile input as on a normal body. Brackets inside strings
 * do not count; whether the brackets match is left to `JSON.parse`.
 *
 * `{"a":[1,{"b":"[["}]}` has depth 3: the body, the array, the inner object.
 */
export function jsonDepthExceeds(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > maxDepth) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return false;
}
