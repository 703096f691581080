import type { IncomingMessage } from 'node:http';
import { errors } from './errors.js';

/**
 * Reads a JSON request body (whatever Content-Type says: `curl -d` sends form-urlencoded by default,
 * and refusing it would help nobody) of at most `limit` bytes. Refuses early on a Content-Length over the
 * limit, and stops reading (413) as soon as a chunked body crosses it, so a large upload cannot
 * exhaust memory.
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw errors.bodyTooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw errors.bodyTooLarge(limit);
    chunks.push(chunk as Buffer);
  }
  const text =
    chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw errors.invalidJson('empty body');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw errors.invalidJson((error as Error).message);
  }
}
