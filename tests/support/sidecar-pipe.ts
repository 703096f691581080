import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';

/**
 * Passes `req` on to `base` and its answer back, unbuffered, as an Envoy sidecar does: an upstream that
 * cannot be reached before any answer gets Envoy's own 503 (no `x-suoke-served-by`), a client that
 * leaves cancels the upstream call.
 */
export function pipeToUpstream(req: IncomingMessage, res: ServerResponse, base: string): void {
  const upstream = request(new URL(req.url ?? '/', base), { method: req.method, headers: req.headers });
  upstream.on('response', (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    pipeline(answer, res).catch(() => res.destroy());
  });
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(503, { 'content-type': 'text/plain' }).end('upstream connect error');
    else res.destroy();
  });
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  pipeline(req, upstream).catch(() => upstream.destroy());
}
