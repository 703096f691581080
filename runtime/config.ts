/**
 * The runtime's configuration: environment variables (and the files they name) read once at start,
 * checked, and frozen, so a bad deployment fails at start with one error listing every problem.
 *
 * The variables, their types and defaults are the schema of config-schema.ts (defaults in
 * config-defaults.ts); rules between variables are the table of config-rules.ts.
 */
import { readFileSync } from 'node:fs';
import type { CacheScope } from './cache.js';
import type { BudgetFailureMode, RedisMode } from './config-defaults.js';
import { ConfigError, inVariableOrder } from './config-problems.js';
import { readEnvironment, type Env, type ReadFile } from './config-read.js';
import { CROSS_FIELD_RULES, ruleProblems } from './config-rules.js';
import { ENV_SCHEMA, type EnvValues, type HostPort } from './config-schema.js';
import type { Pricing } from './pricing.js';
import { sessionAffinityConfigOf, type SessionAffinityConfig } from './session-affinity-config.js';
import { tracingConfigOf, type TracingConfig } from './tracing-config.js';

export { DEFAULTS, type BudgetFailureMode, type RedisMode } from './config-defaults.js';
export { ConfigError } from './config-problems.js';
export type { HostPort } from './config-schema.js';

/** The runtime's whole configuration: validated once at start and frozen. */
export interface RuntimeConfig {
  /** `HOST`: address to listen on. */
  readonly host: string;
  /** `PORT`: the API, /healthz and /readyz, and /metrics unless MANAGEMENT_PORT is set (the Service port named `http`). */
  readonly port: number;
  /**
   * `MANAGEMENT_PORT`: /healthz, /readyz and /metrics on a port of their own, so callers of the API
   * cannot read the metrics; undefined serves them on PORT.
   */
  readonly managementPort: number | undefined;
  /** `AGENT`: metric label `agent`. */
  readonly agent: string;
  /** `MODEL`: metric label `model`; the model id clients send and /v1/models lists. */
  readonly model: string;
  /** `MODEL_VERSION`: metric label `version`; part of every cache key. */
  readonly modelVersion: string;
  /** `ENGINE_BASE_URL` then `ENGINE_FALLBACK_URLS`, tried in this order. */
  readonly engineUrls: readonly string[];
  /** `ENGINE_MODEL`: model name sent to the engine. */
  readonly engineModel: string;
  /** Content of `ENGINE_API_KEY_FILE`, if set. */
  readonly engineApiKey: string | undefined;
  /** `ENGINE_TIMEOUT_MS`: per attempt, until the engine's response headers (milliseconds). */
  readonly engineTimeoutMs: number;
  /** `ENGINE_MAX_RETRIES`: retries per engine URL, before anything reached the client. */
  readonly engineMaxRetries: number;
  /** `ENGINE_RETRY_BUDGET_MS`: no retry or fallback attempt starts later than this into a call (milliseconds). */
  readonly engineRetryBudgetMs: number;
  /** `ENGINE_STREAM_IDLE_TIMEOUT_MS`: a stream silent this long is ended with an error (milliseconds). */
  readonly engineStreamIdleTimeoutMs: number;
  /** `ENGINE_REQUEST_DEADLINE_MS`: longest an engine call may take, streamed or not (milliseconds). */
  readonly engineRequestDeadlineMs: number;
  /**
   * `CLIENT_WRITE_TIMEOUT_MS`: longest a streamed answer waits for a client that stopped reading
   * (its socket buffer full); then the connection is closed and the engine call cancelled (milliseconds).
   */
  readonly clientWriteTimeoutMs: number;
  /** Content of `SYSTEM_PROMPT_FILE` (the agent's persona), if set. */
  readonly systemPrompt: string | undefined;
  readonly redis: {
    /** `REDIS_MODE` */
    readonly mode: RedisMode;
    /** `REDIS_URL` (standalone), e.g. redis://redis:6379/0 */
    readonly url: string | undefined;
    /** `REDIS_SENTINELS`: host:port list. */
    readonly sentinels: readonly HostPort[];
    /** `REDIS_SENTINEL_NAME`: the monitored primary's name. */
    readonly sentinelName: string | undefined;
    /** `REDIS_CLUSTER_NODES`: seed nodes. */
    readonly clusterNodes: readonly HostPort[];
    /** Content of `REDIS_PASSWORD_FILE`, if set. */
    readonly password: string | undefined;
    /** `REDIS_REQUIRED`: /readyz fails while Redis is down (for agents that only serve sessions). */
    readonly required: boolean;
    /** `REDIS_COMMAND_TIMEOUT_MS`: how long one command may take before it counts as Redis unavailable. */
    readonly commandTimeoutMs: number;
  };
  /** `SESSION_TTL_SECONDS`: a session expires this long after its last turn (seconds). */
  readonly sessionTtlSeconds: number;
  /** `SESSION_MAX_MESSAGES`: history kept per session (oldest dropped first). */
  readonly sessionMaxMessages: number;
  /** `CACHE_TTL_SECONDS`: lifetime of a cached deterministic answer (seconds); 0 disables the cache. */
  readonly cacheTtlSeconds: number;
  /** `CACHE_SCOPE`: who shares cached answers, each `principal` or each `tenant`. */
  readonly cacheScope: CacheScope;
  /** `RATE_LIMIT_RPS`: sustained requests per second per caller; 0 disables rate limiting. */
  readonly rateLimitRps: number;
  /** `RATE_LIMIT_BURST`: requests a caller may make at once (token bucket size). */
  readonly rateLimitBurst: number;
  /**
   * `BUDGET_FAILURE_MODE`: what a request of an API key with a token budget gets while Redis cannot
   * be asked: `open` serves it uncounted, `closed` answers 503 `budget_unavailable`.
   */
  readonly budgetFailureMode: BudgetFailureMode;
  /** `API_KEYS_FILE`: when set, callers need one of its keys (or a valid JWT). */
  readonly apiKeysFile: string | undefined;
  /** `JWT_JWKS_FILE`: JSON Web Key Set accepted for bearer JWTs. */
  readonly jwtJwksFile: string | undefined;
  /** `JWT_JWKS_URL`: remote JSON Web Key Set accepted for bearer JWTs. */
  readonly jwtJwksUrl: string | undefined;
  /** `JWT_ISSUER`: the only `iss` accepted; required with a JWKS. */
  readonly jwtIssuer: string | undefined;
  /** `JWT_AUDIENCE`: the `aud` a token must name; required with a JWKS. */
  readonly jwtAudience: string | undefined;
  /** `JWT_REQUIRED_SCOPE`: a token without this scope gets 403. */
  readonly jwtRequiredScope: string | undefined;
  /** `JWT_SUBJECT_CLAIM`: the claim naming the caller; a token without it gets 401. */
  readonly jwtSubjectClaim: string;
  /** `JWT_TENANT_CLAIM`: the claim naming the caller's tenant; when set, a token without it gets 401. */
  readonly jwtTenantClaim: string | undefined;
  /** `JWT_MAX_LIFETIME_SECONDS`: longest validity a token may have, from `iat` or from now (seconds). */
  readonly jwtMaxLifetimeSeconds: number;
  /** `JWT_CLOCK_TOLERANCE_SECONDS`: skew allowed between the issuer's clock and ours (seconds). */
  readonly jwtClockToleranceSeconds: number;
  /** `LOG_CONTENT`: log prompt and completion text (health data: off unless explicitly enabled). */
  readonly logContent: boolean;
  /** `LOG_LEVEL`: pino level. */
  readonly logLevel: string;
  /** `MAX_BODY_BYTES`: largest request body accepted (bytes). */
  readonly maxBodyBytes: number;
  /** `MAX_JSON_DEPTH`: deepest nesting of objects and arrays accepted in a request body (levels). */
  readonly maxJsonDepth: number;
  /** `MAX_REQUEST_MESSAGES`: most messages one request may carry. */
  readonly maxRequestMessages: number;
  /** `MAX_TOKENS_LIMIT`: largest `max_tokens` / `max_completion_tokens` a client may ask for (tokens). */
  readonly maxTokensLimit: number;
  /** `EXTRA_REQUEST_PARAMS`: request fields forwarded to the engine besides the standard OpenAI ones. */
  readonly extraRequestParams: readonly string[];
  /** `DRAIN_TIMEOUT_MS`: on SIGTERM, how long in-flight requests may take to finish (milliseconds). */
  readonly drainTimeoutMs: number;
  /** `READY_ENGINE_CHECK_MS`: /readyz re-probes the engine at most this often (milliseconds). */
  readonly readyEngineCheckMs: number;
  /**
   * `PRICE_INPUT_PER_MILLION_TOKENS`, `PRICE_OUTPUT_PER_MILLION_TOKENS` (an unset one is 0) and
   * `PRICE_CURRENCY`: what the engine's tokens cost, counted in ai_inference_cost_total; undefined,
   * and no cost counted, when neither price is set.
   */
  readonly pricing: Pricing | undefined;
  /** The OTEL_* variables: where spans are exported, how many are kept (tracing-config.ts). */
  readonly tracing: TracingConfig;
  /**
   * SESSION_AFFINITY, SESSION_AFFINITY_HEADER / SESSION_AFFINITY_COOKIE, SESSION_FORWARD_URL and
   * SESSION_FORWARD_TIMEOUT_MS (session-affinity-config.ts); undefined when affinity is off.
   */
  readonly sessionAffinity: SessionAffinityConfig | undefined;
}

/**
 * Reads the configuration from `env` (and the files it points at). Throws one {@link ConfigError}
 * listing every bad variable with what is wrong and how to fix it.
 */
export function loadConfig(
  env: Env = process.env,
  readFile: ReadFile = (p) => readFileSync(p, 'utf8'),
): RuntimeConfig {
  const reading = readEnvironment(env, readFile);
  const problems = [...reading.problems, ...ruleProblems(CROSS_FIELD_RULES, reading, reading.invalid)];
  if (problems.length > 0) throw new ConfigError(inVariableOrder(problems, Object.keys(ENV_SCHEMA)));
  return deepFreeze(toRuntimeConfig(reading.values));
}

/** The valid environment as the rest of the runtime reads it. */
function toRuntimeConfig(env: EnvValues): RuntimeConfig {
  // Paths are joined onto engine URLs, so a trailing slash would double.
  const engineUrls = [env.ENGINE_BASE_URL, ...env.ENGINE_FALLBACK_URLS].map((u) => u.replace(/\/+$/, ''));
  return {
    host: env.HOST,
    port: env.PORT,
    managementPort: env.MANAGEMENT_PORT,
    agent: env.AGENT ?? env.MODEL,
    model: env.MODEL,
    modelVersion: env.MODEL_VERSION,
    engineUrls,
    engineModel: env.ENGINE_MODEL ?? env.MODEL,
    engineApiKey: env.ENGINE_API_KEY_FILE?.trim(),
    engineTimeoutMs: env.ENGINE_TIMEOUT_MS,
    engineMaxRetries: env.ENGINE_MAX_RETRIES,
    engineRetryBudgetMs: env.ENGINE_RETRY_BUDGET_MS,
    engineStreamIdleTimeoutMs: env.ENGINE_STREAM_IDLE_TIMEOUT_MS,
    engineRequestDeadlineMs: env.ENGINE_REQUEST_DEADLINE_MS,
    clientWriteTimeoutMs: env.CLIENT_WRITE_TIMEOUT_MS,
    // A blank persona file means no persona, not an empty system message.
    systemPrompt: env.SYSTEM_PROMPT_FILE?.trim() || undefined,
    redis: {
      mode: env.REDIS_MODE,
      url: env.REDIS_URL,
      sentinels: env.REDIS_SENTINELS,
      sentinelName: env.REDIS_SENTINEL_NAME,
      clusterNodes: env.REDIS_CLUSTER_NODES,
      password: env.REDIS_PASSWORD_FILE?.trim(),
      required: env.REDIS_REQUIRED,
      commandTimeoutMs: env.REDIS_COMMAND_TIMEOUT_MS,
    },
    sessionTtlSeconds: env.SESSION_TTL_SECONDS,
    sessionMaxMessages: env.SESSION_MAX_MESSAGES,
    cacheTtlSeconds: env.CACHE_TTL_SECONDS,
    cacheScope: env.CACHE_SCOPE,
    rateLimitRps: env.RATE_LIMIT_RPS,
    rateLimitBurst: env.RATE_LIMIT_BURST,
    budgetFailureMode: env.BUDGET_FAILURE_MODE,
    apiKeysFile: env.API_KEYS_FILE,
    jwtJwksFile: env.JWT_JWKS_FILE,
    jwtJwksUrl: env.JWT_JWKS_URL,
    jwtIssuer: env.JWT_ISSUER,
    jwtAudience: env.JWT_AUDIENCE,
    jwtRequiredScope: env.JWT_REQUIRED_SCOPE,
    jwtSubjectClaim: env.JWT_SUBJECT_CLAIM,
    jwtTenantClaim: env.JWT_TENANT_CLAIM,
    jwtMaxLifetimeSeconds: env.JWT_MAX_LIFETIME_SECONDS,
    jwtClockToleranceSeconds: env.JWT_CLOCK_TOLERANCE_SECONDS,
    logContent: env.LOG_CONTENT,
    logLevel: env.LOG_LEVEL,
    maxBodyBytes: env.MAX_BODY_BYTES,
    maxJsonDepth: env.MAX_JSON_DEPTH,
    maxRequestMessages: env.MAX_REQUEST_MESSAGES,
    maxTokensLimit: env.MAX_TOKENS_LIMIT,
    extraRequestParams: env.EXTRA_REQUEST_PARAMS,
    drainTimeoutMs: env.DRAIN_TIMEOUT_MS,
    readyEngineCheckMs: env.READY_ENGINE_CHECK_MS,
    pricing:
      env.PRICE_INPUT_PER_MILLION_TOKENS === undefined && env.PRICE_OUTPUT_PER_MILLION_TOKENS === undefined
        ? undefined
        : {
            inputPerMillionTokens: env.PRICE_INPUT_PER_MILLION_TOKENS ?? 0,
            outputPerMillionTokens: env.PRICE_OUTPUT_PER_MILLION_TOKENS ?? 0,
            currency: env.PRICE_CURRENCY,
          },
    tracing: tracingConfigOf(env),
    sessionAffinity: sessionAffinityConfigOf(env),
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}
