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

/** The catalogue. Messages say what is wrong and what to do. */
export const errors = {
  invalidJson: (detail: string) =>
    new ApiError(400, 'invalid_request_error', 'invalid_json', `Request body is not valid JSON (${detail}).`),
  invalidParam: (param: string, message: string) =>
    new ApiError(400, 'invalid_request_error', 'invalid_value', message, param),
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
  invalidSessionId: () =>
    new ApiError(
      400,
      'invalid_request_error',
      'invalid_session_id',
      'X-Session-Id must be 1-128 characters of letters, digits, ".", "_", ":" or "-".',
      'X-Session-Id',
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
      { 'retry-after': '1' },
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
      {
        'retry-after': '1',
      },
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

/** Any thrown value as an ApiError (unknown errors become a 500 that keeps the cause for the log). */
export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : errors.internal(error);
}
