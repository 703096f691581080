/**
 * Session affinity settings (SESSION_AFFINITY*, SESSION_FORWARD_*), read and checked like every other
 * variable: their rows join ENV_SCHEMA in config-schema.ts, their rules CROSS_FIELD_RULES in
 * config-rules.ts. Affinity keeps a conversation on the version that answered its first turn while a
 * canary runs (session-affinity.ts); it needs Redis (where the pins live) and the model's own Service
 * (where a turn that landed on the other version is sent once).
 */
import type { CrossFieldRule } from './config-rules.js';
import type { EnvValues } from './config-schema.js';

export const SESSION_AFFINITY_DEFAULTS = Object.freeze({
  SESSION_AFFINITY_HEADER: 'x-session-id',
  SESSION_FORWARD_TIMEOUT_MS: 5_000, // ms to the response headers of a forwarded turn
});

/** A lower-case HTTP header name (an RFC 9110 token); Node hands headers over in lower case. */
const HEADER_NAME = /^[a-z0-9!#$%&'*+.^_`|~-]{1,128}$/;
/** A cookie name (an RFC 6265 token). */
const COOKIE_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,128}$/;

/** The rows of ENV_SCHEMA for session affinity (types in config-schema.ts). */
export const SESSION_AFFINITY_ENV = {
  // Unset: on when REDIS_MODE is not none and SESSION_FORWARD_URL is set (sessionAffinityConfigOf).
  SESSION_AFFINITY: {
    type: 'string',
    pattern: /^(on|off)$/,
    allowed: 'on or off (unset: on when REDIS_MODE is not none and SESSION_FORWARD_URL is set)',
  },
  SESSION_AFFINITY_HEADER: {
    type: 'string',
    pattern: HEADER_NAME,
    allowed: 'a lower-case HTTP header name (e.g. x-session-id)',
  },
  SESSION_AFFINITY_COOKIE: {
    type: 'string',
    pattern: COOKIE_NAME,
    allowed: "a cookie name (letters, digits and !#$%&'*+.^_`|~-, e.g. suoke_session)",
  },
  SESSION_FORWARD_URL: { type: 'url' },
  SESSION_FORWARD_TIMEOUT_MS: {
    type: 'integer',
    minimum: 1,
    default: SESSION_AFFINITY_DEFAULTS.SESSION_FORWARD_TIMEOUT_MS,
  },
} as const;

/** Where a request's session key is read from. */
export type SessionKeySource =
  { readonly kind: 'header'; readonly name: string } | { readonly kind: 'cookie'; readonly name: string };

/** Session affinity as the runtime reads it; undefined in RuntimeConfig when it is off. */
export interface SessionAffinityConfig {
  /** `SESSION_AFFINITY_HEADER` (default x-session-id) or `SESSION_AFFINITY_COOKIE`. */
  readonly key: SessionKeySource;
  /** `SESSION_FORWARD_URL`: the model's own Service, e.g. http://xiaoai.agents.svc.cluster.local:80. */
  readonly forwardUrl: string;
  /** `SESSION_FORWARD_TIMEOUT_MS`: time to the response headers of a forwarded turn (milliseconds). */
  readonly forwardTimeoutMs: number;
}

/** The session affinity of a valid environment; undefined when it is off. */
export function sessionAffinityConfigOf(env: EnvValues): SessionAffinityConfig | undefined {
  const forwardUrl = env.SESSION_FORWARD_URL?.replace(/\/+$/, '');
  const wanted =
    env.SESSION_AFFINITY === undefined
      ? env.REDIS_MODE !== 'none' && forwardUrl !== undefined
      : env.SESSION_AFFINITY === 'on';
  if (!wanted || forwardUrl === undefined) return undefined;
  const key: SessionKeySource =
    env.SESSION_AFFINITY_COOKIE !== undefined
      ? { kind: 'cookie', name: env.SESSION_AFFINITY_COOKIE }
      : {
          kind: 'header',
          name: env.SESSION_AFFINITY_HEADER ?? SESSION_AFFINITY_DEFAULTS.SESSION_AFFINITY_HEADER,
        };
  return { key, forwardUrl, forwardTimeoutMs: env.SESSION_FORWARD_TIMEOUT_MS };
}

/** The rules of the session affinity variables that their rows alone cannot state. */
export const SESSION_AFFINITY_RULES: readonly CrossFieldRule[] = [
  {
    variable: 'SESSION_AFFINITY',
    uses: ['SESSION_AFFINITY', 'REDIS_MODE'],
    check: ({ values }) =>
      values.SESSION_AFFINITY === 'on' && values.REDIS_MODE === 'none'
        ? 'SESSION_AFFINITY=on needs Redis, where the session pins live: set REDIS_MODE (or SESSION_AFFINITY=off)'
        : undefined,
  },
  {
    variable: 'SESSION_FORWARD_URL',
    uses: ['SESSION_AFFINITY'],
    check: ({ values, isSet }) =>
      values.SESSION_AFFINITY === 'on' && !isSet('SESSION_FORWARD_URL')
        ? "SESSION_FORWARD_URL is required when SESSION_AFFINITY=on: the model's own Service (e.g. http://xiaoai.agents.svc.cluster.local:80)"
        : undefined,
  },
  {
    variable: 'SESSION_AFFINITY_COOKIE',
    uses: [],
    check: ({ isSet }) =>
      isSet('SESSION_AFFINITY_COOKIE') && isSet('SESSION_AFFINITY_HEADER')
        ? 'SESSION_AFFINITY_COOKIE and SESSION_AFFINITY_HEADER are both set: the session key comes from one of them; unset one'
        : undefined,
  },
];
