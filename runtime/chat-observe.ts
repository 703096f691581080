import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import type { ChatMessage } from './chat-request.js';
import { ClientGoneError } from './engine-client.js';
import { errors, toApiError } from './errors.js';
import { readEvaluationRun } from './evaluation-run.js';
import { finishReasonLabel } from './finish-reasons.js';
import { sendError } from './http-io.js';
import { observeLatency, type RuntimeMetrics } from './metrics.js';
import { costOf, type Pricing } from './pricing.js';
import { trafficOf, type Traffic } from './shadow.js';
import { NO_TRACING, type Tracing } from './tracing.js';
import { ChatSpan } from './tracing-chat.js';

/** Per-request facts for the one log line and the metrics; never prompt or completion text. */
export interface Outcome {
  code: number;
  /** Set (true) only for a mirrored request (shadow.ts), so its log line says so. */
  shadow?: true;
  /** The evaluation run (`X-Evaluation-Run`) the request is a case of, so its log line names it. */
  evaluationRun?: string;
  principal?: string;
  stream?: boolean;
  session?: boolean;
  cache?: 'hit' | 'miss';
  promptTokens?: number;
  completionTokens?: number;
  /**
   * The `finish_reason` of each answered choice, as the engine reported it (e.g. `stop`, `length`);
   * `unknown` for a streamed choice it gave none. Unset for an answer that broke.
   */
  finishReasons?: string[];
  errorCode?: string;
  content?: { messages: readonly ChatMessage[]; completion: string };
  /**
   * The version the request was forwarded to (session-affinity.ts): that runtime served it, and
   * counts it; this one logs one `forwarded` line and no request metrics.
   */
  forwardedTo?: string;
}

/**
 * One request as the pipeline's steps see it. The steps answer the client and write down what
 * happened in `outcome`; the observer owns every metric and log line, so steps report through it.
 */
export interface ChatScope {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly requestId: string;
  /**
   * A mirrored copy of a live request (shadow.ts), whose answer nobody sees: it reads what it needs
   * to answer like the live one (session history, the rate-limit bucket) but writes nothing.
   */
  readonly shadow: boolean;
  /**
   * The evaluation run (evaluation-run.ts) the request is a golden-set case of: it is answered
   * from its own messages alone (no session) and never from or into the cache, so the run measures
   * the version itself. Set for a valid `X-Evaluation-Run` header only.
   */
  readonly evaluationRun: string | undefined;
  /** Aborted when the client goes away or the drain deadline passes: cancels the engine call. */
  readonly signal: AbortSignal;
  /** Filled in by the steps as they learn; written out once the request is over. */
  readonly outcome: Outcome;
  /** Records the time to the first token; calls after the first do nothing. */
  firstToken(): void;
  /** Records the validated request's model and parameters on its span (tracing-chat.ts). */
  describeRequest(model: string, params: Readonly<Record<string, unknown>>): void;
  /** Records a cache lookup's result in the outcome and the cache metric. */
  cacheLookup(result: 'hit' | 'miss'): void;
  /** A warning about this request, with its id. */
  warn(fields: Record<string, unknown>, message: string): void;
  /** A request cancelled by the drain deadline is answered as such, not recorded as the client leaving. */
  asDrainCut(error: unknown): unknown;
  /**
   * The request was answered by the runtime of `version` (a forwarded session turn) with `status`;
   * `complete` false when the answer broke off. It leaves the in-flight gauge now.
   */
  forwarded(version: string, status: number, complete: boolean): void;
}

/** What the observer needs. */
export interface ObserverDeps {
  readonly metrics: RuntimeMetrics;
  readonly logger: Logger;
  /** Monotonic clock in milliseconds, for durations. */
  readonly clock: () => number;
  /** Aborted at the drain deadline. @default never */
  readonly drainCut?: AbortSignal;
  /** Token prices (PRICE_*): each answer's cost is counted from its usage. @default none, no cost */
  readonly pricing?: Pricing | undefined;
  /** Each request's server span, its steps' spans below it. @default none (tracing off) */
  readonly tracing?: Tracing | undefined;
}

export type ChatHandler = (req: IncomingMessage, res: ServerResponse, requestId: string) => Promise<void>;

/**
 * Wraps the pipeline `run` with what every request gets whatever it does: cancellation when the
 * client leaves or the drain deadline passes, the in-flight gauge, an answer for any failure, its
 * server span (the steps' spans below it; its trace id the latency exemplars'), and at the end the
 * request metrics and the one `request` log line (the Outcome), under `path`. The
 * metrics are labelled with the request's `traffic`, and its log lines say `shadow: true` when it
 * is a mirrored copy and `evaluationRun: <run>` when it is a case of an evaluation run. A malformed
 * `X-Evaluation-Run` header is refused (400) before any step runs.
 */
export function observeChat(
  deps: ObserverDeps,
  path: string,
  run: (scope: ChatScope) => Promise<void>,
): ChatHandler {
  const { metrics, logger, clock, drainCut, pricing } = deps;
  const tracing = deps.tracing ?? NO_TRACING;
  return async function handleChat(req, res, requestId) {
    const started = clock();
    const traffic = trafficOf(req);
    const span = ChatSpan.start(tracing, req, path, traffic);
    const shadow = traffic === 'shadow';
    const evaluation = readEvaluationRun(req);
    // Every line about a mirrored or evaluation request says so, not only the `request` line.
    const tag = {
      ...(shadow ? { shadow: true as const } : {}),
      ...(evaluation.id !== undefined ? { evaluationRun: evaluation.id } : {}),
    };
    const outcome: Outcome = { code: 500, ...tag };
    const abort = new AbortController();
    // 'close' before the response finished means the client went away: cancel the engine call.
    res.once('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    const cut = (): void => {
      logger.warn(
        { reqId: requestId, ...tag, stream: outcome.stream === true },
        'drain deadline: ending request',
      );
      abort.abort();
    };
    drainCut?.addEventListener('abort', cut, { once: true });
    metrics.inFlight.inc({ traffic });
    let awaitingFirstToken = true;
    const scope: ChatScope = {
      req,
      res,
      requestId,
      shadow,
      evaluationRun: evaluation.id,
      signal: abort.signal,
      outcome,
      firstToken() {
        if (!awaitingFirstToken) return;
        awaitingFirstToken = false;
        const seconds = (clock() - started) / 1000;
        observeLatency(metrics.timeToFirstToken, traffic, seconds, span.traceId());
        span.firstToken(seconds);
      },
      describeRequest: (model, params) => span.request(model, params),
      cacheLookup(result) {
        outcome.cache = result;
        metrics.cache.inc({ result });
      },
      warn: (fields, message) => logger.warn({ reqId: requestId, ...tag, ...fields }, message),
      asDrainCut(error) {
        const cutByDrain = error instanceof ClientGoneError && drainCut?.aborted === true && !res.destroyed;
        return cutByDrain ? errors.draining() : error;
      },
      forwarded(version, status, complete) {
        if (outcome.forwardedTo === undefined) metrics.inFlight.dec({ traffic });
        outcome.forwardedTo = version;
        // Broken off: by the client leaving, or by the pinned runtime (a 502 here, as for a broken stream).
        outcome.code = complete ? status : abort.signal.aborted ? 499 : 502;
      },
    };
    try {
      if (evaluation.refusal !== undefined) throw evaluation.refusal;
      await tracing.within(span.span, () => run(scope));
    } catch (error) {
      fail(scope.asDrainCut(error), scope);
    } finally {
      drainCut?.removeEventListener('abort', cut);
      const seconds = (clock() - started) / 1000;
      if (outcome.forwardedTo !== undefined) {
        // Served, counted and logged as `request` by the runtime it went to.
        const { code, forwardedTo: to } = outcome;
        logger.info({ reqId: requestId, path, ms: Math.round(seconds * 1000), to, code }, 'forwarded');
      } else {
        metrics.inFlight.dec({ traffic });
        metrics.requests.inc({ code: String(outcome.code), traffic });
        observeLatency(metrics.duration, traffic, seconds, span.traceId());
        if (outcome.promptTokens) metrics.tokens.inc({ type: 'prompt', traffic }, outcome.promptTokens);
        if (outcome.completionTokens) {
          metrics.tokens.inc({ type: 'completion', traffic }, outcome.completionTokens);
        }
        countCostAndFinish(metrics, pricing, outcome, traffic);
        logger.info({ reqId: requestId, path, ms: Math.round(seconds * 1000), ...outcome }, 'request');
      }
      span.end(outcome);
    }
  };
}

/**
 * The cost of the tokens the engine reported (none for a cache hit, which reported none) and one
 * finish reason per answered choice.
 */
function countCostAndFinish(
  metrics: RuntimeMetrics,
  pricing: Pricing | undefined,
  outcome: Outcome,
  traffic: Traffic,
): void {
  const { promptTokens = 0, completionTokens = 0 } = outcome;
  if (pricing !== undefined && promptTokens + completionTokens > 0) {
    metrics.cost?.inc(
      { currency: pricing.currency, traffic },
      costOf(pricing, promptTokens, completionTokens),
    );
  }
  for (const reason of outcome.finishReasons ?? []) {
    metrics.finishReasons.inc({ reason: finishReasonLabel(reason), traffic });
  }
}

/** Keeps the engine's token counts for the metrics and the log line. */
export function countTokens(usage: ChatCompletion['usage'] | null | undefined, outcome: Outcome): void {
  if (!usage) return;
  outcome.promptTokens = usage.prompt_tokens;
  outcome.completionTokens = usage.completion_tokens;
}

/** Answers a request that failed (unless the client is gone) and records why. */
function fail(error: unknown, scope: ChatScope): void {
  const { res, outcome } = scope;
  if (error instanceof ClientGoneError || (res.destroyed && !res.writableFinished)) {
    outcome.code = 499;
    outcome.errorCode = 'client_closed_request';
    return;
  }
  const apiError = toApiError(error);
  outcome.code = apiError.status;
  outcome.errorCode = apiError.code;
  if (apiError.status >= 500) {
    scope.warn({ code: apiError.code, cause: describeCause(apiError.cause) }, 'request failed');
  }
  if (!res.headersSent) sendError(res, apiError);
  else if (!res.writableEnded) res.end();
}

/** The class and status of a cause — not its message, which may quote the request. */
function describeCause(cause: unknown): string | undefined {
  if (cause === undefined || cause === null) return undefined;
  const status = (cause as { status?: unknown }).status;
  return `${(cause as object).constructor?.name ?? typeof cause}${typeof status === 'number' ? ` ${status}` : ''}`;
}
