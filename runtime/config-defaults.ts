import type { CacheScope } from './cache.js';

/** Where Redis lives. `none` runs without sessions, cache or rate limits. */
export type RedisMode = 'none' | 'standalone' | 'sentinel' | 'cluster';

/** What a request of a key with a token budget gets while Redis cannot be asked: served, or 503. */
export type BudgetFailureMode = 'open' | 'closed';

/**
 * Defaults for every optional variable, with units. DRAIN_TIMEOUT_MS stays below Kubernetes' default
 * terminationGracePeriodSeconds (30 s) so the process exits on its own before SIGKILL.
 */
export const DEFAULTS = Object.freeze({
  HOST: '0.0.0.0',
  PORT: 8000,
  MANAGEMENT_PORT: undefined as number | undefined, // none: /healthz, /readyz and /metrics on PORT
  MODEL_VERSION: 'unversioned',
  ENGINE_TIMEOUT_MS: 60_000, // ms, per attempt, until response headers
  ENGINE_MAX_RETRIES: 2, // attempts after the first, per engine URL
  ENGINE_RETRY_BUDGET_MS: 30_000, // ms into a call; rides out an engine restart, fails an outage fast
  ENGINE_STREAM_IDLE_TIMEOUT_MS: 30_000, // ms without a streamed chunk (first one included)
  ENGINE_REQUEST_DEADLINE_MS: 600_000, // ms per call; the openai SDK's own default timeout
  CLIENT_WRITE_TIMEOUT_MS: 30_000, // ms a streamed answer may wait for a client that stopped reading
  REDIS_MODE: 'none' as RedisMode,
  REDIS_REQUIRED: false,
  REDIS_COMMAND_TIMEOUT_MS: 500, // ms a Redis command may take before the request goes on without it
  SESSION_TTL_SECONDS: 3600, // s
  SESSION_MAX_MESSAGES: 50, // messages
  CACHE_TTL_SECONDS: 300, // s
  CACHE_SCOPE: 'principal' as CacheScope, // a hit tells a caller someone asked the same: only itself
  RATE_LIMIT_RPS: 0, // requests/s per caller; 0 = off
  RATE_LIMIT_BURST: 20, // requests
  BUDGET_FAILURE_MODE: 'open' as BudgetFailureMode, // a Redis outage must not stop every budgeted key
  JWT_SUBJECT_CLAIM: 'sub',
  JWT_MAX_LIFETIME_SECONDS: 86_400, // s (24 h); a stolen token is worth a day at most
  JWT_CLOCK_TOLERANCE_SECONDS: 30, // s
  LOG_CONTENT: false,
  LOG_LEVEL: 'info',
  MAX_BODY_BYTES: 1_048_576, // bytes (1 MiB)
  MAX_JSON_DEPTH: 64, // levels; a tool schema 30 levels deep fits, engines' parsers are far from their limits
  MAX_REQUEST_MESSAGES: 2048, // messages, OpenAI's own limit, so no client written against it is refused
  MAX_TOKENS_LIMIT: 16_384, // tokens, the output limit of OpenAI's gpt-4o class
  EXTRA_REQUEST_PARAMS: [] as readonly string[], // none: only standard OpenAI parameters reach the engine
  DRAIN_TIMEOUT_MS: 25_000, // ms
  READY_ENGINE_CHECK_MS: 2_000, // ms
  PRICE_CURRENCY: 'USD', // of the prices; no prices set: no cost counted
});
