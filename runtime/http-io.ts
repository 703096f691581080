import type { ServerResponse } from 'node:http';
import { RETRY_AFTER_SECONDS, type ApiError } from './errors.js';

/** Writes a JSON answer with its length (so keep-alive works without chunking). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** The statuses client SDKs retry on their own, and so get a Retry-After. */
const RETRIED_STATUSES = new Set([502, 503, 504]);

/** An ApiError in OpenAI's shape, with its headers (Retry-After, WWW-Authenticate, ...). */
export function sendError(res: ServerResponse, error: ApiError): void {
  const headers: Record<string, string> = { ...error.headers };
  if (RETRIED_STATUSES.has(error.status) && headers['retry-after'] === undefined) {
    headers['retry-after'] = String(RETRY_AFTER_SECONDS);
  }
  // The rest of an oversized body was never read: close rather than parse it as the next request.
  if (error.status === 413) headers.connection = 'close';
  sendJson(res, error.status, JSON.stringify(error.toJSON()), headers);
}

/**
 * Writes `data`, waiting for the socket to drain when its buffer is full (backpressure), at most
 * `timeoutMs`: a client that stops reading would otherwise hold its request, its engine call and its
 * concurrency slot for as long as it keeps the connection open. Past that the connection is
 * destroyed, which the caller sees as the client gone.
 */
export async function writeWithBackpressure(
  res: ServerResponse,
  data: string,
  timeoutMs: number,
): Promise<void> {
  if (res.write(data)) return;
  const stalled = setTimeout(() => res.destroy(), timeoutMs);
  try {
    await eventOrClose(res, 'drain');
  } finally {
    clearTimeout(stalled);
  }
}

/**
 * Ends the response with `data` and resolves once it has been handed to the socket (or the
 * connection is gone), so a caller that then lets the server close connections does not cut it off.
 */
export async function endResponse(res: ServerResponse, data: string): Promise<void> {
  // Its 'close' has been and gone: nothing left to wait for.
  if (res.destroyed) return;
  const ended = eventOrClose(res, 'finish');
  res.end(data);
  await ended;
}

/** Resolves on `event` or on 'close', whichever comes first: a gone client never leaves it waiting. */
function eventOrClose(res: ServerResponse, event: 'drain' | 'finish'): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = (): void => {
      res.off(event, done);
      res.off('close', done);
      resolve();
    };
    res.on(event, done);
    res.on('close', done);
  });
}
