/**
 * Every error a client can get, with a stable `code`, rendered in OpenAI's error shape
 * `{ error: { message, type, param, code } }` so OpenAI clients raise their usual exceptions.
 */
export class ApiError extends Error {
  constructor(
    /** HTTP status. */
    readonly status: number,
    /** OpenAI error `type`. */
    readonly type: string,
    /** Stable machine-readable code. */
    readonly code: string,
    message: string,
    /** The request field at fault, e.g. `messages[0].role`. */
    readonly param: string | null = null,
    /** Extra response headers (e.g. Retry-After). */
    readonly headers: Readonly<Record<string, string>> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ApiError';
  }

  toJSON(): { error: { message: string; type: string; param: string | null; code: string } } {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

/**
 * Seconds a client is told to wait before retrying a 502/503/504 (`Retry-After`; sendError adds it
 * to any such answer that does not set its own). Client SDKs otherwise retry at once or after half a
 * second (the openai SDK honours Retry-After), which multiplies the load on an engine that is down or
 * overloaded just when it can least take it; two seconds spaces retries out and costs little to a
 * blip such as an engine restart or a Redis failover. A draining replica says 1 s: another replica
 * can answer at once.
 */
export const RETRY_AFTER_SECONDS = 2;

/** The catalogue. Messages say what is wrong and what to do. */
export const errors = {
  invalidJson: (detail: string) =>
    new ApiError(400, 'invalid_request_error', 'invalid_json', `Request body is not valid JSON (${detail}).`),
  invalidParam: (param: string, message: string) =>
    new ApiError(400, 'invalid_request_error', 'invalid_value', message, param),
  jsonTooDeep: (limit: number) =>
    new ApiError(
      400,
      'invalid_request_error',
      'json_too_deep',
      `Request body nests objects and arrays deeper than ${limit} levels (MAX_JSON_DEPTH); flatten it.`,
    ),
  unknownParam: (name: string) =>
    new ApiError(
      400,
      'invalid_request_error',
      'unknown_parameter',
      `Unknown parameter ${quoted(name)}: only standard OpenAI chat-completions parameters reach the model engine. ` +
        'Remove it, or have the operator allow it with EXTRA_REQUEST_PARAMS (AIModel spec.runtime.extraRequestParams).',
      clip(name),
    ),
  unsupportedOnResponses: (param: string, detail: string) =>
    new ApiError(
      400,
      'invalid_request_error',
      'unsupported_parameter',
      `${detail} POST /v1/responses here serves text input and text output only; for anything else use ` +
        'POST /v1/chat/completions (provider.chat(...) in the AI SDK).',
      param,
    ),
  bodyTooLarge: (limit: number) =>
    new ApiError(
      413,
      'invalid_request_error',
      'request_too_large',
      `Request body exceeds the limit of ${limit} bytes.`,
    ),
  notFound: (method: string, path: string) =>
    new ApiError(404, 'invalid_request_error', 'unknown_url', `Unknown request URL: ${method} ${path}.`),
  methodNotAllowed: (method: string, path: string, allowed: string) =>
    new ApiError(
      405,
      'invalid_request_error',
      'method_not_allowed',
      `${method} is not allowed on ${path}; use ${allowed}.`,
      null,
      {
        allow: allowed,
      },
    ),
  modelNotFound: (model: string, served: string) =>
    new ApiError(
      404,
      'invalid_request_error',
      'model_not_found',
      `The model '${model}' is not served here; use '${served}'.`,
      'model',
    ),
  missingCredentials: () =>
    new ApiError(
      401,
      'invalid_request_error',
      'invalid_api_key',
      'Missing credentials: send an API key or token as "Authorization: Bearer <key>".',
      null,
      { 'www-authenticate': 'Bearer' },
    ),
  invalidCredentials: () =>
    new ApiError(401, 'invalid_request_error', 'invalid_api_key', 'Invalid API key or token.', null, {
      'www-authenticate': 'Bearer error="invalid_token"',
    }),
  /** A JWT refused; `reason` says what is wrong with it and what to ask the issuer for. */
  invalidToken: (reason: string, cause?: unknown) =>
    new ApiError(
      401,
      'invalid_request_error',
      'invalid_token',
      `Invalid token: ${reason}`,
      null,
      { 'www-authenticate': 'Bearer error="invalid_token"' },
      { cause },
    ),
  forbidden: (reason: string) => new ApiError(403, 'permission_error', 'insufficient_permissions', reason),
  rateLimited: (retryAfterSeconds: number) =>
    new ApiError(
      429,
      'rate_limit_error',
      'rate_limit_exceeded',
      `Rate limit reached; retry after ${retryAfterSeconds} s.`,
      null,
      { 'retry-after': String(retryAfterSeconds) },
    ),
  /**
   * A key's token budget for `period` cannot admit the request: spent (`used` of `budget`), or, while
   * some is left, held by the key's requests in flight. `resetsAt` is when the period turns (ISO);
   * `retryAfterSeconds` until then, or a second while only holds are in the way.
   */
  budgetExceeded: (refusal: {
    readonly period: 'day' | 'month';
    readonly budget: number;
    readonly used: number;
    readonly spent: boolean;
    readonly resetsAt: string;
    readonly retryAfterSeconds: number;
  }) => {
    const { period, budget, used, spent, resetsAt, retryAfterSeconds } = refusal;
    const headers: Record<string, string> = {
      'retry-after': String(retryAfterSeconds),
      'x-budget-remaining-tokens': String(Math.max(0, budget - used)),
      'x-budget-reset': resetsAt,
    };
    // The openai SDKs honour x-should-retry: retrying a spent budget before it resets is pointless.
    if (spent) headers['x-should-retry'] = 'false';
    return spent
      ? new ApiError(
          429,
          'insufficient_quota',
          'budget_exceeded',
          `This API key's token budget for the UTC ${period} is spent (${used} of ${budget} tokens); it resets at ${resetsAt}.`,
          null,
          headers,
        )
      : new ApiError(
          429,
          'tokens',
          'budget_exceeded',
          `The rest of this API key's token budget for the UTC ${period} (${budget - used} of ${budget} tokens) is held by its requests in flight, ` +
            'each holding its prompt and max_tokens until it ends; retry in a moment, or ask for a smaller max_tokens. ' +
            `The budget resets at ${resetsAt}.`,
          null,
          headers,
        );
  },
  budgetUnavailable: (cause?: unknown) =>
    new ApiError(
      503,
      'service_unavailable_error',
      'budget_unavailable',
      "This API key's token budget cannot be checked right now (budget store unreachable); retry later.",
      null,
      { 'retry-after': String(RETRY_AFTER_SECONDS) },
      { cause },
    ),
  /** `source`: where the session id was read, e.g. `X-Session-Id` or `cookie suoke_session`. */
  invalidSessionId: (source = 'X-Session-Id') =>
    new ApiError(
      400,
      'invalid_request_error',
      'invalid_session_id',
      `${source} must be 1-128 characters of letters, digits, ".", "_", ":" or "-".`,
      source,
    ),
  invalidSessionVersion: (header: string) =>
    new ApiError(
      400,
      'invalid_request_error',
      'invalid_session_version',
      `${header} must name a model version (1-63 lower-case letters, digits, "-" or ".", starting and ending alphanumeric); it is set by the runtime when it forwards a turn, not by clients.`,
      header,
    ),
  invalidEvaluationRun: (maxLength: number) =>
    new ApiError(
      400,
      'invalid_request_error',
      'invalid_evaluation_run',
      `X-Evaluation-Run must be 1-${maxLength} printable ASCII characters naming the evaluation run (<namespace>/<job name>); ` +
        'send it only from an evaluation Job, or leave it out.',
      'X-Evaluation-Run',
    ),
  sessionsDisabled: () =>
    new ApiError(
      400,
      'invalid_request_error',
      'sessions_disabled',
      'Server-side sessions are not enabled for this model; send the whole conversation in messages instead of X-Session-Id.',
      'X-Session-Id',
    ),
  sessionStoreUnavailable: (cause?: unknown) =>
    new ApiError(
      503,
      'service_unavailable_error',
      'session_store_unavailable',
      'Sessions are temporarily unavailable (session store unreachable); retry later or send the request without X-Session-Id.',
      null,
      {},
      { cause },
    ),
  keySetUnavailable: (cause?: unknown) =>
    new ApiError(
      503,
      'service_unavailable_error',
      'key_set_unavailable',
      "Tokens cannot be verified right now: the issuer's key set (JWT_JWKS_URL) could not be fetched; retry later.",
      null,
      {},
      { cause },
    ),
  engineUnavailable: (cause?: unknown) =>
    new ApiError(
      502,
      'server_error',
      'engine_unavailable',
      'The model engine could not be reached.',
      null,
      {},
      { cause },
    ),
  engineTimeout: (cause?: unknown) =>
    new ApiError(
      504,
      'server_error',
      'engine_timeout',
      'The model engine did not answer in time.',
      null,
      {},
      { cause },
    ),
  engineStreamIdle: (idleMs: number) =>
    new ApiError(
      504,
      'server_error',
      'engine_stream_idle',
      `The model engine sent nothing for ${idleMs} ms (ENGINE_STREAM_IDLE_TIMEOUT_MS), so the answer was ended; retry the request.`,
    ),
  engineDeadline: (deadlineMs: number) =>
    new ApiError(
      504,
      'server_error',
      'engine_deadline_exceeded',
      `The answer did not finish within the request deadline of ${deadlineMs} ms (ENGINE_REQUEST_DEADLINE_MS); ask for a shorter answer (max_tokens) or retry.`,
    ),
  engineError: (status: number, cause?: unknown) =>
    new ApiError(
      502,
      'server_error',
      'engine_error',
      `The model engine failed (status ${status}).`,
      null,
      {},
      { cause },
    ),
  engineRejected: (status: number, message: string, param: string | null, cause?: unknown) =>
    new ApiError(status, 'invalid_request_error', 'engine_rejected', message, param, {}, { cause }),
  engineBusy: (cause?: unknown) =>
    new ApiError(
      503,
      'service_unavailable_error',
      'engine_overloaded',
      'The model engine is overloaded; retry later.',
      null,
      {},
      { cause },
    ),
  draining: () =>
    new ApiError(
      503,
      'service_unavailable_error',
      'shutting_down',
      'This replica is shutting down; retry the request.',
      null,
      {
        'retry-after': '1',
        connection: 'close',
      },
    ),
  internal: (cause?: unknown) =>
    new ApiError(500, 'server_error', 'internal_error', 'Internal error.', null, {}, { cause }),
} as const;

const SHOWN_CHARS = 64;

function clip(text: string): string {
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text;
}

/** A client's value as JSON for an error message, cut short so an error never echoes a whole body. */
export function quoted(value: unknown): string {
  return clip(JSON.stringify(value) ?? String(value));
}

/** Any thrown value as an ApiError (unknown errors become a 500 that keeps the cause for the log). */
export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : errors.internal(error);
}
