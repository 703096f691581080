/**
 * Rules between environment variables, which the schema of each variable alone cannot state: one
 * row per rule, reported on the variable to change. Each row names the variables whose values it
 * reads and is skipped while one of them is itself refused, so that a bad value is reported once,
 * for what it is, and never compared in its default's place.
 */
import type { ConfigProblem } from './config-problems.js';
import type { EnvName, EnvValues } from './config-schema.js';
import { SESSION_AFFINITY_RULES } from './session-affinity-config.js';
import { TRACING_RULES } from './tracing-config.js';

/** What a rule may look at. */
export interface RuleInput {
  /** Every variable, defaults applied; those a rule `uses` are valid. */
  readonly values: EnvValues;
  /** Whether a variable is set at all, as opposed to left to its default. */
  readonly isSet: (name: EnvName) => boolean;
}

export interface CrossFieldRule {
  /** The variable the problem is reported on. */
  readonly variable: EnvName;
  /** The variables whose values the rule reads (presence alone, through `isSet`, needs none). */
  readonly uses: readonly EnvName[];
  /** The whole problem line, naming the fix; `undefined` while the rule holds. */
  readonly check: (input: RuleInput) => string | undefined;
}

/** `variable` is required when REDIS_MODE is `mode`; `how` says what to set it to. */
function requiredForRedisMode(variable: EnvName, mode: string, how: string): CrossFieldRule {
  return {
    variable,
    uses: ['REDIS_MODE'],
    check: ({ values, isSet }) =>
      values.REDIS_MODE === mode && !isSet(variable)
        ? `${variable} is required when REDIS_MODE=${mode} ${how}`
        : undefined,
  };
}

/** Without both, any token the key set signs would do, whoever it was issued for. */
function requiredWithJwks(variable: EnvName, how: string): CrossFieldRule {
  return {
    variable,
    uses: [],
    check: ({ isSet }) =>
      (isSet('JWT_JWKS_FILE') || isSet('JWT_JWKS_URL')) && !isSet(variable)
        ? `${variable} is required when JWT_JWKS_FILE or JWT_JWKS_URL is set; ${how}`
        : undefined,
  };
}

export const CROSS_FIELD_RULES: readonly CrossFieldRule[] = [
  {
    variable: 'MANAGEMENT_PORT',
    uses: ['PORT', 'MANAGEMENT_PORT'],
    // Two 0s are two free ports the system picks, never the same one.
    check: ({ values: { PORT, MANAGEMENT_PORT } }) =>
      MANAGEMENT_PORT !== undefined && MANAGEMENT_PORT !== 0 && MANAGEMENT_PORT === PORT
        ? `MANAGEMENT_PORT=${MANAGEMENT_PORT} must differ from PORT (${PORT}); unset it to serve /metrics and the probes on PORT`
        : undefined,
  },
  requiredForRedisMode('REDIS_URL', 'standalone', '(e.g. redis://redis:6379)'),
  {
    variable: 'REDIS_URL',
    uses: ['REDIS_MODE'],
    check: ({ values: { REDIS_MODE, REDIS_URL } }) =>
      REDIS_MODE === 'standalone' && REDIS_URL !== undefined && !/^rediss?:\/\//.test(REDIS_URL)
        ? `REDIS_URL='${REDIS_URL}' must start with redis:// or rediss://`
        : undefined,
  },
  requiredForRedisMode('REDIS_SENTINELS', 'sentinel', '(host:port,...)'),
  requiredForRedisMode('REDIS_SENTINEL_NAME', 'sentinel', '(e.g. mymaster)'),
  requiredForRedisMode('REDIS_CLUSTER_NODES', 'cluster', '(host:port,...)'),
  {
    variable: 'REDIS_REQUIRED',
    uses: ['REDIS_MODE', 'REDIS_REQUIRED'],
    check: ({ values }) =>
      values.REDIS_MODE === 'none' && values.REDIS_REQUIRED
        ? 'REDIS_REQUIRED=true needs Redis: set REDIS_MODE'
        : undefined,
  },
  {
    variable: 'RATE_LIMIT_RPS',
    uses: ['REDIS_MODE', 'RATE_LIMIT_RPS'],
    check: ({ values }) =>
      values.REDIS_MODE === 'none' && values.RATE_LIMIT_RPS > 0
        ? 'RATE_LIMIT_RPS needs Redis: set REDIS_MODE (or RATE_LIMIT_RPS=0)'
        : undefined,
  },
  requiredWithJwks('JWT_ISSUER', "set it to the issuer's 'iss' (e.g. https://auth.example.com)"),
  requiredWithJwks(
    'JWT_AUDIENCE',
    "set it to the 'aud' the issuer puts in tokens for this model (e.g. xiaoai)",
  ),
  ...TRACING_RULES,
  ...SESSION_AFFINITY_RULES,
];

/** The problems of the rules that do not hold, skipping those that read a refused variable. */
export function ruleProblems(
  rules: readonly CrossFieldRule[],
  input: RuleInput,
  invalid: ReadonlySet<EnvName>,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const rule of rules) {
    if (rule.uses.some((name) => invalid.has(name))) continue;
    const message = rule.check(input);
    if (message !== undefined) problems.push({ variable: rule.variable, message });
  }
  return problems;
}
