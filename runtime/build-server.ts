import { EventEmitter, setMaxListeners } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { Authenticator } from './auth.js';
import { ResponseCache } from './cache.js';
import { TokenBudgets } from './budget.js';
import { budgetGate, holdDurationMs } from './chat-budget.js';
import { createChatHandler, type ChatDeps } from './chat-handler.js';
import type { RuntimeConfig } from './config.js';
import { OpenAIEngine, type Engine } from './engine-client.js';
import { errors, toApiError } from './errors.js';
import { sendError, sendJson } from './http-io.js';
import { createLogger } from './logger.js';
import {
  createManagementHandler,
  createManagementServer,
  MANAGEMENT_ROUTES,
  PROBE_ROUTES,
} from './management.js';
import { RuntimeMetrics } from './metrics.js';
import { ModelCatalogue } from './models.js';
import { RateLimiter } from './rate-limit.js';
import { Readiness } from './readiness.js';
import { createRedisClient, type RedisClient } from './redis.js';
import { requestIdOf } from './request-id.js';
import { createResponsesHandler } from './responses-handler.js';
import { sessionAffinity } from './session-affinity.js';
import { SERVED_BY_HEADER, SessionForwarder } from './session-forward.js';
import { SessionPins } from './session-pins.js';
import { SessionStore } from './sessions.js';
import { createTracing, type Tracing } from './tracing.js';
import type { ExportEvents } from './tracing-export.js';

/**
 * How long requests cut at the drain deadline get to write their ending (milliseconds): their engine
 * calls are aborted, so this takes milliseconds; the bound is for a request stuck elsewhere.
 */
const DRAIN_CUT_GRACE_MS = 1_000;

/**
 * How long a drain waits for the last spans to reach the collector (milliseconds): long enough for a
 * collector that answers, short enough that one that does not leaves the pod's grace period intact.
 */
const TRACE_FLUSH_MS = 2_000;

/** Parts a test (or another entry point) may supply instead of the ones built from config. */
export interface RuntimeDeps {
  /** @default an OpenAIEngine over config.engineUrls */
  readonly engine?: Engine;
  /** @default a client for config.redis (none when REDIS_MODE=none); `null` forces none */
  readonly redis?: RedisClient | null;
  /** @default JSON logs on stdout at config.logLevel */
  readonly logger?: Logger;
  /** @default fresh metrics with process metrics */
  readonly metrics?: RuntimeMetrics;
  /** Wall clock (epoch milliseconds) for rate limits, token budgets and readiness. @default Date.now */
  readonly now?: () => number;
  /** Reads mounted files (API keys, JWKS). @default fs.readFileSync */
  readonly readFile?: (path: string) => string;
  /** @default spans exported as config.tracing (the OTEL_* variables) says, or none */
  readonly tracing?: Tracing;
}

/** A built runtime: the server is not listening yet. */
export interface Runtime {
  readonly server: Server;
  readonly readiness: Readiness;
  readonly metrics: RuntimeMetrics;
  readonly logger: Logger;
  readonly redis: RedisClient | undefined;
  /**
   * With MANAGEMENT_PORT: the server of /healthz, /readyz and /metrics (not listening yet either);
   * it keeps answering through a drain (/readyz 503) and closes at its end.
   */
  readonly management: Server | undefined;
  /** Requests being served now (all API routes). */
  inFlight(): number;
  /**
   * Graceful drain: /readyz answers 503, no new connections are accepted, idle keep-alive
   * connections close, in-flight requests (streams included) get until `timeoutMs` to finish;
   * then those still running are ended (503 `shutting_down`, in-band for streams, one log line
   * each), remaining connections are cut and Redis is closed. Resolves true when everything finished.
   */
  drain(timeoutMs: number): Promise<boolean>;
}

/**
 * Builds the runtime's HTTP server from a validated config without listening, so tests can bind it
 * to a free port (or inject requests) and `main.ts` stays a thin shell.
 */
export function buildServer(config: RuntimeConfig, deps: RuntimeDeps = {}): Runtime {
  const logger = deps.logger ?? createLogger(config.logLevel);
  const metrics =
    deps.metrics ??
    new RuntimeMetrics(
      { agent: config.agent, model: config.model, version: config.modelVersion },
      { costCurrency: config.pricing?.currency },
    );
  if (config.pricing !== undefined && metrics.cost === undefined) {
    throw new Error(
      `PRICE_* are set but the metrics were built without costCurrency: pass { costCurrency: '${config.pricing.currency}' } to RuntimeMetrics`,
    );
  }
  const tracing =
    deps.tracing ??
    createTracing(config.tracing, {
      identity: { agent: config.agent, model: config.model, version: config.modelVersion },
      events: exportEvents(metrics, logger),
    });
  const engine =
    deps.engine ??
    new OpenAIEngine({
      urls: config.engineUrls,
      model: config.engineModel,
      ...(config.engineApiKey !== undefined ? { apiKey: config.engineApiKey } : {}),
      timeoutMs: config.engineTimeoutMs,
      maxRetries: config.engineMaxRetries,
      retryBudgetMs: config.engineRetryBudgetMs,
      streamIdleTimeoutMs: config.engineStreamIdleTimeoutMs,
      requestDeadlineMs: config.engineRequestDeadlineMs,
      tracing,
    });
  const redis = deps.redis === null ? undefined : (deps.redis ?? createRedisClient(config.redis));
  let redisWasReady = false;
  redis?.on('ready', () => {
    redisWasReady = true;
    logger.info('redis ready');
  });
  // ioredis emits 'error' on every failed reconnect; log transitions, not a line per attempt.
  redis?.on('error', (error: Error) => {
    if (redisWasReady)
      logger.warn({ err: error.message }, 'redis unavailable; serving without cache, sessions answer 503');
    redisWasReady = false;
  });
  const now = deps.now ?? Date.now;
  const auth = Authenticator.fromConfig(config, {
    ...(deps.readFile ? { readFile: deps.readFile } : {}),
    now,
  });
  const keyBudgets = auth.budgets();
  if (redis === undefined && keyBudgets.size > 0) {
    throw new Error(
      `API_KEYS_FILE: ${keyBudgets.size} key(s) have a token budget (tokens-per-day / tokens-per-month), which is counted in Redis across replicas: set REDIS_MODE, or remove the budgets`,
    );
  }
  // The refusal counters of the keys known now, from zero, so rate() sees their first refusal.
  for (const [key, budget] of keyBudgets) {
    if (budget.tokensPerDay !== undefined) metrics.budgetExceeded.inc({ key, period: 'day' }, 0);
    if (budget.tokensPerMonth !== undefined) metrics.budgetExceeded.inc({ key, period: 'month' }, 0);
  }
  const readiness = new Readiness(engine, redis, {
    redisRequired: config.redis.required,
    engineCheckMs: config.readyEngineCheckMs,
    now,
  });
  // Aborted at the drain deadline, so the handlers end what is still running with an answer.
  const drainCut = new AbortController();
  // One listener per request in flight: thousands are expected, not a leak.
  setMaxListeners(0, drainCut.signal);
  const affinity = config.sessionAffinity;
  const forwarder =
    affinity !== undefined && redis !== undefined
      ? new SessionForwarder({ url: affinity.forwardUrl, timeoutMs: affinity.forwardTimeoutMs })
      : undefined;
  const chatDeps: ChatDeps = {
    config,
    engine,
    auth,
    metrics,
    logger,
    drainCut: drainCut.signal,
    tracing,
    budgets: budgetGate({
      budgets:
        redis === undefined
          ? undefined
          : new TokenBudgets(redis, {
              scope: `${config.agent}/${config.model}`,
              holdMs: holdDurationMs(config),
              now,
              tracing,
            }),
      failureMode: config.budgetFailureMode,
      maxTokensLimit: config.maxTokensLimit,
      metrics,
      logger,
      now,
    }),
    ...(affinity !== undefined && redis !== undefined && forwarder !== undefined
      ? {
          affinity: sessionAffinity({
            version: config.modelVersion,
            key: affinity.key,
            pins: new SessionPins(redis, {
              scope: `${config.agent}/${config.model}`,
              version: config.modelVersion,
              ttlSeconds: config.sessionTtlSeconds,
              tracing,
            }),
            forwarder,
            metrics,
            logger,
            maxBodyBytes: config.maxBodyBytes,
          }),
        }
      : {}),
    ...(redis !== undefined
      ? {
          sessions: new SessionStore(redis, {
            scope: `${config.agent}/${config.model}`,
            ttlSeconds: config.sessionTtlSeconds,
            maxMessages: config.sessionMaxMessages,
            tracing,
          }),
          ...(config.cacheTtlSeconds > 0
            ? {
                cache: new ResponseCache(redis, {
                  ttlSeconds: config.cacheTtlSeconds,
                  model: config.model,
                  version: config.modelVersion,
                  scope: config.cacheScope,
                  tracing,
                }),
              }
            : {}),
          ...(config.rateLimitRps > 0
            ? {
                rateLimiter: new RateLimiter(redis, {
                  scope: `${config.agent}/${config.model}`,
                  ratePerSecond: config.rateLimitRps,
                  burst: config.rateLimitBurst,
                  now,
                  tracing,
                }),
              }
            : {}),
        }
      : {}),
  };
  const handleChat = createChatHandler(chatDeps);
  const handleResponses = createResponsesHandler(chatDeps);
  const models = new ModelCatalogue(config, Math.floor(now() / 1000));
  // With a management port of its own, /metrics is not served to the API's callers at all.
  const separateManagement = config.managementPort !== undefined;
  const serveApiManagement = createManagementHandler(
    readiness,
    metrics,
    separateManagement ? PROBE_ROUTES : MANAGEMENT_ROUTES,
  );
  const management = separateManagement ? createManagementServer(readiness, metrics, logger) : undefined;

  let inFlight = 0;
  const idle = new EventEmitter();
  // requestTimeout bounds receiving a request (slow uploads), not streaming the answer.
  const server = createServer({ keepAliveTimeout: 65_000, requestTimeout: 30_000 });

  async function route(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const path = (req.url ?? '/').split('?', 1)[0] as string;
    const method = req.method ?? 'GET';
    switch (path) {
      case '/v1/chat/completions':
        if (method !== 'POST') return sendError(res, errors.methodNotAllowed(method, path, 'POST'));
        return handleChat(req, res, requestId);
      case '/v1/responses':
        if (method !== 'POST') return sendError(res, errors.methodNotAllowed(method, path, 'POST'));
        return handleResponses(req, res, requestId);
      case '/v1/models':
        if (method !== 'GET') return sendError(res, errors.methodNotAllowed(method, path, 'GET'));
        await auth.authenticate(req);
        return sendJson(res, 200, models.listBody());
      default:
        if (path.startsWith(MODEL_PATH_PREFIX) && path.length > MODEL_PATH_PREFIX.length) {
          if (method !== 'GET') return sendError(res, errors.methodNotAllowed(method, path, 'GET'));
          await auth.authenticate(req);
          return sendJson(res, 200, models.retrieveBody(path.slice(MODEL_PATH_PREFIX.length)));
        }
        if (await serveApiManagement(path, res, req.headers.accept)) return;
        return sendError(res, errors.notFound(method, path));
    }
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    inFlight += 1;
    const requestId = requestIdOf(req);
    res.setHeader('x-request-id', requestId);
    // A runtime answered (not a sidecar): what a session forwarder checks, and what clients can see.
    res.setHeader(SERVED_BY_HEADER, config.modelVersion);
    // While draining, finish this request but do not keep its connection for another.
    if (readiness.draining) res.setHeader('connection', 'close');
    route(req, res, requestId)
      .catch((error: unknown) => {
        const apiError = toApiError(error);
        if (apiError.status >= 500)
          logger.error({ reqId: requestId, err: (error as Error).message }, 'unhandled error');
        if (!res.headersSent) sendError(res, apiError);
        else res.end();
      })
      .finally(() => {
        inFlight -= 1;
        if (inFlight === 0) idle.emit('idle');
      });
  });

  async function drain(timeoutMs: number): Promise<boolean> {
    readiness.draining = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const finished = await idleWithin(timeoutMs);
    if (!finished) {
      logger.warn({ running: inFlight }, 'drain deadline reached; ending the requests still running');
      drainCut.abort();
      // Let them write their 503 or in-band error; only what is still stuck then gets reset.
      await idleWithin(DRAIN_CUT_GRACE_MS);
    }
    server.closeAllConnections();
    await closed;
    if (management !== undefined) await closeNow(management);
    forwarder?.close();
    await Promise.all([tracing.shutdown(TRACE_FLUSH_MS), redis?.quit().catch(() => redis.disconnect())]);
    return finished;
  }

  /** Resolves true once no request is in flight, or false after `ms`. */
  function idleWithin(ms: number): Promise<boolean> {
    if (inFlight === 0) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const onIdle = (): void => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        idle.off('idle', onIdle);
        resolve(false);
      }, ms);
      idle.once('idle', onIdle);
    });
  }

  return { server, readiness, metrics, logger, redis, management, inFlight: () => inFlight, drain };
}

/**
 * Export trouble as the runtime reports it: lost spans in ai_tracing_spans_dropped_total, and one
 * log line when exports start failing and one when they work again, not one per batch.
 */
function exportEvents(metrics: RuntimeMetrics, logger: Logger): ExportEvents {
  return {
    dropped: (count) => metrics.tracingSpansDropped.inc(count),
    failing: (error) =>
      logger.warn(
        { err: error?.message },
        'trace export failing; spans are dropped (ai_tracing_spans_dropped_total) until it recovers',
      ),
    recovered: () => logger.info('trace export recovered'),
  };
}

/** `GET /v1/models/{id}` */
const MODEL_PATH_PREFIX = '/v1/models/';

/** Closes a server and its connections at once (a server that never listened closes too). */
function closeNow(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
