import type { ServerResponse } from 'node:http';
import type { ApiError } from './errors.js';

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

/** An ApiError in OpenAI's shape, with its headers (Retry-After, WWW-Authenticate, ...). */
export function sendError(res: ServerResponse, error: ApiError): void {
  const headers: Record<string, string> = { ...error.headers };
  // The rest of an oversized body was never read: close rather than parse it as the next request.
  if (error.status === 413) headers.connection = 'close';
  sendJson(res, error.status, JSON.stringify(error.toJSON()), headers);
}

/** Writes `data`, waiting for the socket to drain when its buffer is full (backpressure). */
export async function writeWithBackpressure(res: ServerResponse, data: string): Promise<void> {
  if (res.write(data)) return;
  await new Promise<void>((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
