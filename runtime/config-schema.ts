/**
 * The runtime's environment, one row per variable: its type, its bounds, its default and the words
 * its problems are told in. Variables arrive as text; config-read.ts turns each one into the type
 * its row names (never by guessing: `"1e3"` is no integer) and reports every one it refuses.
 *
 * The rows are in the order problems are reported in; rules between variables are the table of
 * config-rules.ts.
 */
import type { CacheScope } from './cache.js';
import { DEFAULTS, type BudgetFailureMode, type RedisMode } from './config-defaults.js';
import { SESSION_AFFINITY_ENV } from './session-affinity-config.js';
import { TRACING_ENV } from './tracing-config.js';

/** A host and port, e.g. a Sentinel or a Cluster seed node. */
export interface HostPort {
  readonly host: string;
  readonly port: number;
}

/** An integer written in plain digits, e.g. `8000`. */
export interface IntegerSpec {
  readonly type: 'integer';
  readonly minimum: number;
  /** @default Number.MAX_SAFE_INTEGER */
  readonly maximum?: number;
  readonly default?: number;
  /** What the variable accepts, in words. @default the range and the default */
  readonly allowed?: string;
}

/** A finite number written in decimal, e.g. `0.5` or `2.5e-3` (never `0x10` or `Infinity`). */
export interface NumberSpec {
  readonly type: 'number';
  readonly minimum: number;
  /** Unset, the variable is undefined. */
  readonly default?: number;
  /** What the variable accepts, in words. @default the minimum and the default */
  readonly allowed?: string;
}

/** `true`, `1` or `yes`; `false`, `0` or `no` (any case). */
export interface BooleanSpec {
  readonly type: 'boolean';
  readonly default: boolean;
}

export interface EnumSpec<T extends string = string> {
  readonly type: 'enum';
  readonly values: readonly T[];
  readonly default: T;
  /** What the variable accepts, in words. @default the values and the default */
  readonly allowed?: string;
}

/** Free text, or text matching `pattern` (then `allowed` says what it accepts). */
export interface TextSpec {
  readonly type: 'string';
  readonly pattern?: RegExp;
  readonly allowed?: string;
  readonly default?: string;
  /** Set on a variable without which the runtime cannot start: how to set it. */
  readonly required?: string;
}

/** An http(s) URL, e.g. `http://127.0.0.1:8001/v1`. */
export interface UrlSpec {
  readonly type: 'url';
  readonly required?: string;
}

/** A path whose file is read at start; the value is the file's content. */
export interface FileSpec {
  readonly type: 'file';
}

/** A comma-separated list; blank items are skipped, so `a,,b` and `a, b` are both two items. */
export interface ListSpec {
  readonly type: 'list';
  readonly items: ItemSpec;
}

/** One item of a list, and why an item is refused. */
export type ItemSpec =
  | { readonly type: 'url'; readonly refusal: string }
  | { readonly type: 'host-port'; readonly refusal: string }
  | {
      readonly type: 'string';
      readonly pattern: RegExp;
      readonly refusal: string;
      /** Items that match `pattern` and are still refused, for `reservedRefusal`. */
      readonly reserved: readonly string[];
      readonly reservedRefusal: string;
    };

export type VarSpec =
  IntegerSpec | NumberSpec | BooleanSpec | EnumSpec | TextSpec | UrlSpec | FileSpec | ListSpec;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const REDIS_MODES: readonly RedisMode[] = ['none', 'standalone', 'sentinel', 'cluster'];
const CACHE_SCOPES: readonly CacheScope[] = ['principal', 'tenant'];
const BUDGET_FAILURE_MODES: readonly BudgetFailureMode[] = ['open', 'closed'];
const LABEL_VALUE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
const LABEL_WORDS = "1-63 letters, digits, '.', '_' or '-', starting alphanumeric";
/** Claim names may be URIs (namespaced claims such as `https://example.com/tenant`), never spaced. */
const CLAIM_NAME = /^\S{1,256}$/;
const CLAIM_WORDS = 'a claim name without spaces (e.g. sub, client_id)';
/** Engine parameter names are snake_case; the pattern also keeps `__proto__` and friends out. */
const PARAM_NAME = /^[a-z][a-z0-9_]{0,63}$/;
/** Fields the runtime sets itself (engine model name, persona and history, usage), never the client. */
const RUNTIME_OWNED_FIELDS = ['model', 'messages', 'stream', 'stream_options'];
export const URL_REFUSAL = 'is not an http(s) URL (e.g. http://127.0.0.1:8001/v1)';
const HOST_PORT = { type: 'host-port', refusal: 'must be host:port (e.g. redis-sentinel:26379)' } as const;

const integer = (minimum: number, fallback: number, maximum?: number) =>
  ({ type: 'integer', minimum, default: fallback, ...(maximum === undefined ? {} : { maximum }) }) as const;
const text = { type: 'string' } as const;
const file = { type: 'file' } as const;
/** Unset, that kind of token costs nothing; with neither price set no cost is counted (config.ts). */
const price = (tokens: 'prompt' | 'completion') =>
  ({
    type: 'number',
    minimum: 0,
    allowed: `a decimal number >= 0, the price of one million ${tokens} tokens (e.g. 0.15), or unset`,
  }) as const;

/** Every variable the runtime reads; see RuntimeConfig (config.ts) for what each one does. */
export const ENV_SCHEMA = {
  PORT: integer(0, DEFAULTS.PORT, 65535),
  MANAGEMENT_PORT: {
    type: 'integer',
    minimum: 0,
    maximum: 65535,
    allowed: 'a port from 0 to 65535 (or unset, to serve /metrics and the probes on PORT)',
  },
  HOST: { type: 'string', default: DEFAULTS.HOST },
  MODEL: {
    type: 'string',
    pattern: LABEL_VALUE,
    allowed: LABEL_WORDS,
    required: '(e.g. MODEL=xiaoai-conversation-llm)',
  },
  // Unset, the agent is named for its model (config.ts).
  AGENT: { type: 'string', pattern: LABEL_VALUE, allowed: LABEL_WORDS },
  MODEL_VERSION: {
    type: 'string',
    pattern: LABEL_VALUE,
    allowed: LABEL_WORDS,
    default: DEFAULTS.MODEL_VERSION,
  },
  ENGINE_BASE_URL: {
    type: 'url',
    required: '(the OpenAI-compatible engine, e.g. http://127.0.0.1:8001/v1)',
  },
  ENGINE_FALLBACK_URLS: { type: 'list', items: { type: 'url', refusal: URL_REFUSAL } },
  // Unset, the engine is asked for the model clients name (config.ts).
  ENGINE_MODEL: text,
  ENGINE_API_KEY_FILE: file,
  ENGINE_TIMEOUT_MS: integer(1, DEFAULTS.ENGINE_TIMEOUT_MS),
  ENGINE_MAX_RETRIES: integer(0, DEFAULTS.ENGINE_MAX_RETRIES, 10),
  ENGINE_RETRY_BUDGET_MS: integer(0, DEFAULTS.ENGINE_RETRY_BUDGET_MS),
  ENGINE_STREAM_IDLE_TIMEOUT_MS: integer(1, DEFAULTS.ENGINE_STREAM_IDLE_TIMEOUT_MS),
  ENGINE_REQUEST_DEADLINE_MS: integer(1, DEFAULTS.ENGINE_REQUEST_DEADLINE_MS),
  CLIENT_WRITE_TIMEOUT_MS: integer(1, DEFAULTS.CLIENT_WRITE_TIMEOUT_MS),
  EXTRA_REQUEST_PARAMS: {
    type: 'list',
    items: {
      type: 'string',
      pattern: PARAM_NAME,
      refusal: 'must be a snake_case request field name (e.g. top_k,min_p)',
      reserved: RUNTIME_OWNED_FIELDS,
      reservedRefusal: 'is set by the runtime itself and cannot be passed through; remove it',
    },
  },
  SYSTEM_PROMPT_FILE: file,
  REDIS_MODE: { type: 'enum', values: REDIS_MODES, default: DEFAULTS.REDIS_MODE },
  REDIS_URL: text,
  REDIS_SENTINELS: { type: 'list', items: HOST_PORT },
  REDIS_SENTINEL_NAME: text,
  REDIS_CLUSTER_NODES: { type: 'list', items: HOST_PORT },
  REDIS_PASSWORD_FILE: file,
  REDIS_REQUIRED: { type: 'boolean', default: DEFAULTS.REDIS_REQUIRED },
  REDIS_COMMAND_TIMEOUT_MS: integer(1, DEFAULTS.REDIS_COMMAND_TIMEOUT_MS),
  SESSION_TTL_SECONDS: integer(1, DEFAULTS.SESSION_TTL_SECONDS),
  SESSION_MAX_MESSAGES: integer(2, DEFAULTS.SESSION_MAX_MESSAGES, 10_000),
  CACHE_TTL_SECONDS: integer(0, DEFAULTS.CACHE_TTL_SECONDS),
  CACHE_SCOPE: { type: 'enum', values: CACHE_SCOPES, default: DEFAULTS.CACHE_SCOPE },
  RATE_LIMIT_RPS: { type: 'number', minimum: 0, default: DEFAULTS.RATE_LIMIT_RPS },
  RATE_LIMIT_BURST: integer(1, DEFAULTS.RATE_LIMIT_BURST),
  BUDGET_FAILURE_MODE: {
    type: 'enum',
    values: BUDGET_FAILURE_MODES,
    default: DEFAULTS.BUDGET_FAILURE_MODE,
  },
  API_KEYS_FILE: text,
  JWT_JWKS_FILE: text,
  JWT_JWKS_URL: { type: 'url' },
  JWT_ISSUER: text,
  JWT_AUDIENCE: text,
  JWT_REQUIRED_SCOPE: text,
  JWT_SUBJECT_CLAIM: {
    type: 'string',
    pattern: CLAIM_NAME,
    allowed: CLAIM_WORDS,
    default: DEFAULTS.JWT_SUBJECT_CLAIM,
  },
  JWT_TENANT_CLAIM: { type: 'string', pattern: CLAIM_NAME, allowed: CLAIM_WORDS },
  // Capped at 30 days so no setting brings back tokens that are valid all but forever.
  JWT_MAX_LIFETIME_SECONDS: integer(1, DEFAULTS.JWT_MAX_LIFETIME_SECONDS, 2_592_000),
  JWT_CLOCK_TOLERANCE_SECONDS: integer(0, DEFAULTS.JWT_CLOCK_TOLERANCE_SECONDS, 300),
  LOG_CONTENT: { type: 'boolean', default: DEFAULTS.LOG_CONTENT },
  LOG_LEVEL: { type: 'enum', values: LOG_LEVELS, default: DEFAULTS.LOG_LEVEL },
  MAX_BODY_BYTES: integer(1024, DEFAULTS.MAX_BODY_BYTES),
  // Above a few hundred levels the serialisers on the way (the SDK's, the cache key's, a Python
  // engine's) run out of stack: a 5xx again.
  MAX_JSON_DEPTH: integer(8, DEFAULTS.MAX_JSON_DEPTH, 256),
  MAX_REQUEST_MESSAGES: integer(1, DEFAULTS.MAX_REQUEST_MESSAGES, 100_000),
  MAX_TOKENS_LIMIT: integer(1, DEFAULTS.MAX_TOKENS_LIMIT, 10_000_000),
  DRAIN_TIMEOUT_MS: integer(0, DEFAULTS.DRAIN_TIMEOUT_MS),
  READY_ENGINE_CHECK_MS: integer(0, DEFAULTS.READY_ENGINE_CHECK_MS),
  PRICE_INPUT_PER_MILLION_TOKENS: price('prompt'),
  PRICE_OUTPUT_PER_MILLION_TOKENS: price('completion'),
  PRICE_CURRENCY: {
    type: 'string',
    pattern: /^[A-Z]{3}$/,
    allowed: 'an ISO 4217 currency code, three capital letters (e.g. USD, EUR, CNY)',
    default: DEFAULTS.PRICE_CURRENCY,
  },
  ...TRACING_ENV,
  ...SESSION_AFFINITY_ENV,
} as const satisfies Record<string, VarSpec>;

export type EnvName = keyof typeof ENV_SCHEMA;

/** The type a variable's row reads its text into. */
type Parsed<S> = S extends { readonly type: 'integer' | 'number' }
  ? number
  : S extends { readonly type: 'boolean' }
    ? boolean
    : S extends EnumSpec<infer T>
      ? T
      : S extends { readonly type: 'list'; readonly items: { readonly type: 'host-port' } }
        ? readonly HostPort[]
        : S extends { readonly type: 'list' }
          ? readonly string[]
          : string;

/** Undefined only when a variable is unset and has no default (a list defaults to none). */
type ValueOf<S> = S extends { readonly default: unknown } | { readonly required: string } | ListSpec
  ? Parsed<S>
  : Parsed<S> | undefined;

/** Every variable, read: defaults applied, files read, lists split. */
export type EnvValues = { readonly [K in EnvName]: ValueOf<(typeof ENV_SCHEMA)[K]> };
