import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { errors, toApiError } from './errors.js';
import { sendError, sendJson } from './http-io.js';
import type { MetricsFormat, RuntimeMetrics } from './metrics.js';
import type { Readiness } from './readiness.js';

/** The routes the kubelet and Prometheus call: liveness, readiness and the metrics. */
export type ManagementRoute = '/healthz' | '/readyz' | '/metrics';

/**
 * Serves one management route; resolves false for any other path, so the caller answers 404.
 * `routes` is the set this listener serves: with MANAGEMENT_PORT set the API port keeps the probes
 * (load balancers and older manifests probe it) but not /metrics, which only Prometheus may read.
 * /metrics answers in the format the scraper's `accept` header prefers (see metricsFormatFor).
 */
export function createManagementHandler(
  readiness: Readiness,
  metrics: RuntimeMetrics,
  routes: readonly ManagementRoute[],
): (path: string, res: ServerResponse, accept?: string) => Promise<boolean> {
  return async (path, res, accept) => {
    if (!(routes as readonly string[]).includes(path)) return false;
    switch (path as ManagementRoute) {
      case '/healthz':
        sendJson(res, 200, '{"status":"ok"}');
        return true;
      case '/readyz': {
        const { httpStatus, report } = await readiness.check();
        sendJson(res, httpStatus, JSON.stringify(report));
        return true;
      }
      case '/metrics': {
        const { contentType, body } = await metrics.render(metricsFormatFor(accept));
        res.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
        res.end(body);
        return true;
      }
    }
  };
}

/**
 * OpenMetrics when the `accept` header ranks `application/openmetrics-text` at least as high as the
 * text format (Prometheus asks for it first, whether or not it stores exemplars); the text format
 * otherwise, and for scrapers that send no preference at all.
 */
export function metricsFormatFor(accept: string | undefined): MetricsFormat {
  let openMetrics = 0;
  let text = 0;
  for (const range of (accept ?? '').split(',')) {
    const [type = '', ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    const q = Number(params.find((p) => p.startsWith('q='))?.slice(2) ?? 1);
    const weight = Number.isFinite(q) ? q : 0;
    if (type === 'application/openmetrics-text') openMetrics = Math.max(openMetrics, weight);
    else if (type === 'text/plain' || type === 'text/*' || type === '*/*') text = Math.max(text, weight);
  }
  return openMetrics > 0 && openMetrics >= text ? 'openmetrics' : 'text';
}

/** Every management route. */
export const MANAGEMENT_ROUTES: readonly ManagementRoute[] = ['/healthz', '/readyz', '/metrics'];
/** What the API port keeps when the management routes have a port of their own. */
export const PROBE_ROUTES: readonly ManagementRoute[] = ['/healthz', '/readyz'];

/** The server of MANAGEMENT_PORT: the management routes, and 404 for everything else (the API included). */
export function createManagementServer(
  readiness: Readiness,
  metrics: RuntimeMetrics,
  logger: Logger,
): Server {
  const serve = createManagementHandler(readiness, metrics, MANAGEMENT_ROUTES);
  const server = createServer({ keepAliveTimeout: 65_000, requestTimeout: 30_000 });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?', 1)[0] as string;
    serve(path, res, req.headers.accept)
      .then((served) => {
        if (!served) sendError(res, errors.notFound(req.method ?? 'GET', path));
      })
      .catch((error: unknown) => {
        logger.error({ path, err: (error as Error).message }, 'management request failed');
        if (!res.headersSent) sendError(res, toApiError(error));
        else res.end();
      });
  });
  return server;
}
