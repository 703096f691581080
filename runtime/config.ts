import { readFileSync } from 'node:fs';
import type { CacheScope } from './cache.js';

/** Where Redis lives. `none` runs without sessions, cache or rate limits. */
export type RedisMode = 'none' | 'standalone' | 'sentinel' | 'cluster';

/** A host and port, e.g. a Sentinel or a Cluster seed node. */
export interface HostPort {
  readonly host: string;
  readonly port: number;
}

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
}

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
  REDIS_MODE: 'none' as RedisMode,
  REDIS_REQUIRED: false,
  SESSION_TTL_SECONDS: 3600, // s
  SESSION_MAX_MESSAGES: 50, // messages
  CACHE_TTL_SECONDS: 300, // s
  CACHE_SCOPE: 'principal' as CacheScope, // a hit tells a caller someone asked the same: only itself
  RATE_LIMIT_RPS: 0, // requests/s per caller; 0 = off
  RATE_LIMIT_BURST: 20, // requests
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
});

/** Every bad variable, one line each, so an operator fixes them all in one go. */
export class ConfigError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(`invalid runtime configuration:\n  - ${issues.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;
type ReadFile = (path: string) => string;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const REDIS_MODES: readonly RedisMode[] = ['none', 'standalone', 'sentinel', 'cluster'];
const CACHE_SCOPES: readonly CacheScope[] = ['principal', 'tenant'];
const LABEL_VALUE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
/** Claim names may be URIs (namespaced claims such as `https://example.com/tenant`), never spaced. */
const CLAIM_NAME = /^\S{1,256}$/;
/** Engine parameter names are snake_case; the pattern also keeps `__proto__` and friends out. */
const PARAM_NAME = /^[a-z][a-z0-9_]{0,63}$/;
/** Fields the runtime sets itself (engine model name, persona and history, usage), never the client. */
const RUNTIME_OWNED_FIELDS = ['model', 'messages', 'stream', 'stream_options'];

/**
 * Reads the configuration from `env` (and the files it points at). Throws one {@link ConfigError}
 * listing every bad variable with what is wrong and how to fix it.
 */
export function loadConfig(
  env: Env = process.env,
  readFile: ReadFile = (p) => readFileSync(p, 'utf8'),
): RuntimeConfig {
  const issues: string[] = [];
  const str = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const int = (name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number => {
    const raw = str(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw) || value < min || value > max) {
      issues.push(`${name}='${raw}' must be an integer from ${min} to ${max} (default ${fallback})`);
      return fallback;
    }
    return value;
  };
  const num = (name: string, fallback: number, min: number): number => {
    const raw = str(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min) {
      issues.push(`${name}='${raw}' must be a number >= ${min} (default ${fallback})`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = str(name);
    if (raw === undefined) return fallback;
    if (/^(true|1|yes)$/i.test(raw)) return true;
    if (/^(false|0|no)$/i.test(raw)) return false;
    issues.push(`${name}='${raw}' must be true or false (default ${fallback})`);
    return fallback;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = str(name);
    if (raw === undefined) return fallback;
    if (allowed.includes(raw as T)) return raw as T;
    issues.push(`${name}='${raw}' must be one of ${allowed.join(', ')} (default ${fallback})`);
    return fallback;
  };
  const url = (name: string, raw: string): string | undefined => {
    try {
      const parsed = new URL(raw);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('scheme');
      return raw.replace(/\/+$/, '');
    } catch {
      issues.push(`${name}: '${raw}' is not an http(s) URL (e.g. http://127.0.0.1:8001/v1)`);
      return undefined;
    }
  };
  const file = (name: string): string | undefined => {
    const path = str(name);
    if (path === undefined) return undefined;
    try {
      return readFile(path);
    } catch (error) {
      issues.push(
        `${name}='${path}' cannot be read (${(error as Error).message}); mount the file or unset ${name}`,
      );
      return undefined;
    }
  };
  const label = (name: string, value: string | undefined, fallback?: string): string => {
    if (value === undefined) {
      if (fallback !== undefined) return fallback;
      issues.push(`${name} is required (e.g. ${name}=xiaoai-conversation-llm)`);
      return '';
    }
    if (!LABEL_VALUE.test(value)) {
      issues.push(`${name}='${value}' must be 1-63 letters, digits, '.', '_' or '-', starting alphanumeric`);
    }
    return value;
  };
  const hostPorts = (name: string): HostPort[] => {
    const raw = str(name);
    if (raw === undefined) return [];
    const out: HostPort[] = [];
    for (const item of raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const match = /^(.+):(\d{1,5})$/.exec(item);
      const port = Number(match?.[2]);
      if (match === null || port < 1 || port > 65535) {
        issues.push(`${name}: '${item}' must be host:port (e.g. redis-sentinel:26379)`);
      } else out.push({ host: match[1] as string, port });
    }
    return out;
  };

  const port = int('PORT', DEFAULTS.PORT, 0, 65535);
  const managementRaw = str('MANAGEMENT_PORT');
  let managementPort = DEFAULTS.MANAGEMENT_PORT;
  if (managementRaw !== undefined) {
    managementPort = Number(managementRaw);
    if (!/^\d+$/.test(managementRaw) || managementPort > 65535) {
      issues.push(
        `MANAGEMENT_PORT='${managementRaw}' must be a port from 0 to 65535 (or unset, to serve /metrics and the probes on PORT)`,
      );
      managementPort = undefined;
    } else if (managementPort !== 0 && managementPort === port) {
      issues.push(
        `MANAGEMENT_PORT=${managementPort} must differ from PORT (${port}); unset it to serve /metrics and the probes on PORT`,
      );
    }
  }
  const model = label('MODEL', str('MODEL'));
  const agent = label('AGENT', str('AGENT'), model);
  const modelVersion = label('MODEL_VERSION', str('MODEL_VERSION'), DEFAULTS.MODEL_VERSION);

  const engineUrls: string[] = [];
  const base = str('ENGINE_BASE_URL');
  if (base === undefined)
    issues.push('ENGINE_BASE_URL is required (the OpenAI-compatible engine, e.g. http://127.0.0.1:8001/v1)');
  else {
    const u = url('ENGINE_BASE_URL', base);
    if (u !== undefined) engineUrls.push(u);
  }
  for (const item of (str('ENGINE_FALLBACK_URLS') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const u = url('ENGINE_FALLBACK_URLS', item);
    if (u !== undefined) engineUrls.push(u);
  }

  const redisModeRaw = str('REDIS_MODE') ?? DEFAULTS.REDIS_MODE;
  let redisMode = redisModeRaw as RedisMode;
  if (!REDIS_MODES.includes(redisMode)) {
    issues.push(`REDIS_MODE='${redisModeRaw}' must be one of ${REDIS_MODES.join(', ')}`);
    redisMode = 'none';
  }
  const redisUrl = str('REDIS_URL');
  if (redisMode === 'standalone') {
    if (redisUrl === undefined)
      issues.push('REDIS_URL is required when REDIS_MODE=standalone (e.g. redis://redis:6379)');
    else if (!/^rediss?:\/\//.test(redisUrl))
      issues.push(`REDIS_URL='${redisUrl}' must start with redis:// or rediss://`);
  }
  const sentinels = hostPorts('REDIS_SENTINELS');
  const sentinelName = str('REDIS_SENTINEL_NAME');
  if (redisMode === 'sentinel') {
    if (str('REDIS_SENTINELS') === undefined)
      issues.push('REDIS_SENTINELS is required when REDIS_MODE=sentinel (host:port,...)');
    if (sentinelName === undefined)
      issues.push('REDIS_SENTINEL_NAME is required when REDIS_MODE=sentinel (e.g. mymaster)');
  }
  const clusterNodes = hostPorts('REDIS_CLUSTER_NODES');
  if (redisMode === 'cluster' && str('REDIS_CLUSTER_NODES') === undefined) {
    issues.push('REDIS_CLUSTER_NODES is required when REDIS_MODE=cluster (host:port,...)');
  }

  const logLevel = str('LOG_LEVEL') ?? DEFAULTS.LOG_LEVEL;
  if (!LOG_LEVELS.includes(logLevel))
    issues.push(`LOG_LEVEL='${logLevel}' must be one of ${LOG_LEVELS.join(', ')}`);

  const jwtJwksUrl = str('JWT_JWKS_URL');
  if (jwtJwksUrl !== undefined) url('JWT_JWKS_URL', jwtJwksUrl);
  const apiKeysFile = str('API_KEYS_FILE');
  const jwtJwksFile = str('JWT_JWKS_FILE');
  const jwtIssuer = str('JWT_ISSUER');
  const jwtAudience = str('JWT_AUDIENCE');
  if (jwtJwksFile !== undefined || jwtJwksUrl !== undefined) {
    // Without both, any token the key set signs would do, whoever it was issued for.
    if (jwtIssuer === undefined)
      issues.push(
        "JWT_ISSUER is required when JWT_JWKS_FILE or JWT_JWKS_URL is set; set it to the issuer's 'iss' (e.g. https://auth.example.com)",
      );
    if (jwtAudience === undefined)
      issues.push(
        "JWT_AUDIENCE is required when JWT_JWKS_FILE or JWT_JWKS_URL is set; set it to the 'aud' the issuer puts in tokens for this model (e.g. xiaoai)",
      );
  }
  const claimName = (name: string): string | undefined => {
    const value = str(name);
    if (value !== undefined && !CLAIM_NAME.test(value))
      issues.push(`${name}='${value}' must be a claim name without spaces (e.g. sub, client_id)`);
    return value;
  };
  const rateLimitRps = num('RATE_LIMIT_RPS', DEFAULTS.RATE_LIMIT_RPS, 0);
  const extraRequestParams = paramNames('EXTRA_REQUEST_PARAMS', str('EXTRA_REQUEST_PARAMS'), issues);

  const config: RuntimeConfig = {
    host: str('HOST') ?? DEFAULTS.HOST,
    port,
    managementPort,
    agent,
    model,
    modelVersion,
    engineUrls,
    engineModel: str('ENGINE_MODEL') ?? model,
    engineApiKey: file('ENGINE_API_KEY_FILE')?.trim(),
    engineTimeoutMs: int('ENGINE_TIMEOUT_MS', DEFAULTS.ENGINE_TIMEOUT_MS, 1),
    engineMaxRetries: int('ENGINE_MAX_RETRIES', DEFAULTS.ENGINE_MAX_RETRIES, 0, 10),
    engineRetryBudgetMs: int('ENGINE_RETRY_BUDGET_MS', DEFAULTS.ENGINE_RETRY_BUDGET_MS, 0),
    engineStreamIdleTimeoutMs: int(
      'ENGINE_STREAM_IDLE_TIMEOUT_MS',
      DEFAULTS.ENGINE_STREAM_IDLE_TIMEOUT_MS,
      1,
    ),
    engineRequestDeadlineMs: int('ENGINE_REQUEST_DEADLINE_MS', DEFAULTS.ENGINE_REQUEST_DEADLINE_MS, 1),
    systemPrompt: file('SYSTEM_PROMPT_FILE')?.trim() || undefined,
    redis: {
      mode: redisMode,
      url: redisUrl,
      sentinels,
      sentinelName,
      clusterNodes,
      password: file('REDIS_PASSWORD_FILE')?.trim(),
      required: bool('REDIS_REQUIRED', DEFAULTS.REDIS_REQUIRED),
    },
    sessionTtlSeconds: int('SESSION_TTL_SECONDS', DEFAULTS.SESSION_TTL_SECONDS, 1),
    sessionMaxMessages: int('SESSION_MAX_MESSAGES', DEFAULTS.SESSION_MAX_MESSAGES, 2, 10_000),
    cacheTtlSeconds: int('CACHE_TTL_SECONDS', DEFAULTS.CACHE_TTL_SECONDS, 0),
    cacheScope: oneOf('CACHE_SCOPE', CACHE_SCOPES, DEFAULTS.CACHE_SCOPE),
    rateLimitRps,
    rateLimitBurst: int('RATE_LIMIT_BURST', DEFAULTS.RATE_LIMIT_BURST, 1),
    apiKeysFile,
    jwtJwksFile,
    jwtJwksUrl,
    jwtIssuer,
    jwtAudience,
    jwtRequiredScope: str('JWT_REQUIRED_SCOPE'),
    jwtSubjectClaim: claimName('JWT_SUBJECT_CLAIM') ?? DEFAULTS.JWT_SUBJECT_CLAIM,
    jwtTenantClaim: claimName('JWT_TENANT_CLAIM'),
    // Capped at 30 days so no setting brings back tokens that are valid all but forever.
    jwtMaxLifetimeSeconds: int('JWT_MAX_LIFETIME_SECONDS', DEFAULTS.JWT_MAX_LIFETIME_SECONDS, 1, 2_592_000),
    jwtClockToleranceSeconds: int(
      'JWT_CLOCK_TOLERANCE_SECONDS',
      DEFAULTS.JWT_CLOCK_TOLERANCE_SECONDS,
      0,
      300,
    ),
    logContent: bool('LOG_CONTENT', DEFAULTS.LOG_CONTENT),
    logLevel,
    maxBodyBytes: int('MAX_BODY_BYTES', DEFAULTS.MAX_BODY_BYTES, 1024),
    // Above a few hundred levels the serialisers on the way (the SDK's, the cache key's, a Python
    // engine's) run out of stack: a 5xx again.
    maxJsonDepth: int('MAX_JSON_DEPTH', DEFAULTS.MAX_JSON_DEPTH, 8, 256),
    maxRequestMessages: int('MAX_REQUEST_MESSAGES', DEFAULTS.MAX_REQUEST_MESSAGES, 1, 100_000),
    maxTokensLimit: int('MAX_TOKENS_LIMIT', DEFAULTS.MAX_TOKENS_LIMIT, 1, 10_000_000),
    extraRequestParams,
    drainTimeoutMs: int('DRAIN_TIMEOUT_MS', DEFAULTS.DRAIN_TIMEOUT_MS, 0),
    readyEngineCheckMs: int('READY_ENGINE_CHECK_MS', DEFAULTS.READY_ENGINE_CHECK_MS, 0),
  };
  if (redisMode === 'none') {
    if (rateLimitRps > 0) issues.push('RATE_LIMIT_RPS needs Redis: set REDIS_MODE (or RATE_LIMIT_RPS=0)');
    if (config.redis.required) issues.push('REDIS_REQUIRED=true needs Redis: set REDIS_MODE');
  }
  if (issues.length > 0) throw new ConfigError(issues);
  return deepFreeze(config);
}

/** A comma-separated list of request field names the engine may get besides the standard ones. */
function paramNames(name: string, raw: string | undefined, issues: string[]): string[] {
  const names = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const field of names) {
    if (!PARAM_NAME.test(field)) {
      issues.push(`${name}: '${field}' must be a snake_case request field name (e.g. top_k,min_p)`);
    } else if (RUNTIME_OWNED_FIELDS.includes(field)) {
      issues.push(`${name}: '${field}' is set by the runtime itself and cannot be passed through; remove it`);
    }
  }
  return names;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}
