import { ConfigError, DEFAULTS, loadConfig } from '../../runtime/config.js';

const minimal = { MODEL: 'xiaoai', ENGINE_BASE_URL: 'http://127.0.0.1:8001/v1' };
const noFiles = (path: string): string => {
  throw new Error(`ENOENT: no such file, open '${path}'`);
};

function issuesOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env, noFiles);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues;
  }
  throw new Error('expected a ConfigError');
}

describe('runtime config', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig(minimal, noFiles);
    expect(config).toMatchObject({
      port: DEFAULTS.PORT,
      managementPort: undefined,
      agent: 'xiaoai',
      model: 'xiaoai',
      modelVersion: 'unversioned',
      engineModel: 'xiaoai',
      engineUrls: ['http://127.0.0.1:8001/v1'],
      engineTimeoutMs: 60_000,
      engineMaxRetries: 2,
      engineRetryBudgetMs: 30_000,
      engineStreamIdleTimeoutMs: 30_000,
      engineRequestDeadlineMs: 600_000,
      clientWriteTimeoutMs: 30_000,
      redis: { mode: 'none', required: false, commandTimeoutMs: 500 },
      cacheScope: 'principal',
      logContent: false,
      maxBodyBytes: 1_048_576,
      maxJsonDepth: 64,
      maxRequestMessages: 2048,
      maxTokensLimit: 16_384,
      extraRequestParams: [],
      drainTimeoutMs: 25_000,
      jwtSubjectClaim: 'sub',
      jwtTenantClaim: undefined,
      jwtMaxLifetimeSeconds: 86_400,
      jwtClockToleranceSeconds: 30,
    });
  });

  it('reads MANAGEMENT_PORT (0 lets the system pick a free port, as PORT=0 does)', () => {
    expect(loadConfig({ ...minimal, MANAGEMENT_PORT: '9090' }, noFiles).managementPort).toBe(9090);
    expect(loadConfig({ ...minimal, PORT: '0', MANAGEMENT_PORT: '0' }, noFiles).managementPort).toBe(0);
  });

  it('reads EXTRA_REQUEST_PARAMS as a comma-separated list', () => {
    const config = loadConfig(
      { ...minimal, EXTRA_REQUEST_PARAMS: ' top_k, min_p,,chat_template_kwargs ' },
      noFiles,
    );
    expect(config.extraRequestParams).toEqual(['top_k', 'min_p', 'chat_template_kwargs']);
  });

  it('is frozen, all the way down', () => {
    const config = loadConfig(
      { ...minimal, REDIS_MODE: 'cluster', REDIS_CLUSTER_NODES: 'a:7000,b:7001' },
      noFiles,
    );
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.redis.clusterNodes[0])).toBe(true);
    expect(() => ((config as any).port = 1)).toThrow(TypeError);
  });

  it('reads the persona, engine key and Redis password from their files', () => {
    const files: Record<string, string> = { '/p': 'Be kind.\n', '/k': 'sk-engine\n', '/r': 'redispw\n' };
    const config = loadConfig(
      { ...minimal, SYSTEM_PROMPT_FILE: '/p', ENGINE_API_KEY_FILE: '/k', REDIS_PASSWORD_FILE: '/r' },
      (p) => files[p] as string,
    );
    expect(config.systemPrompt).toBe('Be kind.');
    expect(config.engineApiKey).toBe('sk-engine');
    expect(config.redis.password).toBe('redispw');
  });

  it('parses fallback URLs, sentinels and cluster nodes in order', () => {
    const config = loadConfig(
      {
        ...minimal,
        ENGINE_FALLBACK_URLS: 'http://b:8000/v1/, https://api.example.com/v1',
        REDIS_MODE: 'sentinel',
        REDIS_SENTINELS: 's1:26379,s2:26379',
        REDIS_SENTINEL_NAME: 'mymaster',
      },
      noFiles,
    );
    expect(config.engineUrls).toEqual([
      'http://127.0.0.1:8001/v1',
      'http://b:8000/v1',
      'https://api.example.com/v1',
    ]);
    expect(config.redis.sentinels).toEqual([
      { host: 's1', port: 26379 },
      { host: 's2', port: 26379 },
    ]);
  });

  const bad: [string, Record<string, string>, RegExp][] = [
    ['ENGINE_BASE_URL missing', { ENGINE_BASE_URL: '' }, /^ENGINE_BASE_URL is required/],
    ['MODEL missing', { MODEL: '' }, /^MODEL is required/],
    ['PORT not a number', { PORT: 'eighty' }, /^PORT='eighty' must be an integer from 0 to 65535/],
    ['PORT out of range', { PORT: '70000' }, /^PORT='70000' must be an integer/],
    [
      'MANAGEMENT_PORT not a port',
      { MANAGEMENT_PORT: '9090x' },
      /^MANAGEMENT_PORT='9090x' must be a port from 0 to 65535 \(or unset, to serve \/metrics and the probes on PORT\)/,
    ],
    [
      'MANAGEMENT_PORT equal to PORT',
      { PORT: '8000', MANAGEMENT_PORT: '8000' },
      /^MANAGEMENT_PORT=8000 must differ from PORT \(8000\); unset it to serve \/metrics and the probes on PORT/,
    ],
    [
      'ENGINE_BASE_URL not a URL',
      { ENGINE_BASE_URL: 'engine:8001' },
      /^ENGINE_BASE_URL: 'engine:8001' is not an http\(s\) URL/,
    ],
    ['a bad fallback URL', { ENGINE_FALLBACK_URLS: 'ftp://x' }, /^ENGINE_FALLBACK_URLS: 'ftp:\/\/x'/],
    [
      'REDIS_MODE unknown',
      { REDIS_MODE: 'memcached' },
      /^REDIS_MODE='memcached' must be one of none, standalone, sentinel, cluster/,
    ],
    [
      'REDIS_URL missing for standalone',
      { REDIS_MODE: 'standalone' },
      /^REDIS_URL is required when REDIS_MODE=standalone/,
    ],
    [
      'REDIS_URL of the wrong scheme',
      { REDIS_MODE: 'standalone', REDIS_URL: 'http://r' },
      /^REDIS_URL='http:\/\/r' must start with redis:\/\//,
    ],
    [
      'sentinel without name',
      { REDIS_MODE: 'sentinel', REDIS_SENTINELS: 's:1' },
      /^REDIS_SENTINEL_NAME is required/,
    ],
    [
      'a bad sentinel address',
      { REDIS_MODE: 'sentinel', REDIS_SENTINELS: 'nohost', REDIS_SENTINEL_NAME: 'm' },
      /^REDIS_SENTINELS: 'nohost' must be host:port/,
    ],
    ['cluster without nodes', { REDIS_MODE: 'cluster' }, /^REDIS_CLUSTER_NODES is required/],
    [
      'LOG_CONTENT not a boolean',
      { LOG_CONTENT: 'sometimes' },
      /^LOG_CONTENT='sometimes' must be true or false/,
    ],
    ['LOG_LEVEL unknown', { LOG_LEVEL: 'loud' }, /^LOG_LEVEL='loud' must be one of/],
    [
      'CACHE_SCOPE unknown',
      { CACHE_SCOPE: 'global' },
      /^CACHE_SCOPE='global' must be one of principal, tenant \(default principal\)/,
    ],
    [
      'a MODEL_VERSION unfit for a label',
      { MODEL_VERSION: 'v 2' },
      /^MODEL_VERSION='v 2' must be 1-63 letters/,
    ],
    ['rate limits without Redis', { RATE_LIMIT_RPS: '5' }, /^RATE_LIMIT_RPS needs Redis/],
    ['RATE_LIMIT_RPS negative', { RATE_LIMIT_RPS: '-1' }, /^RATE_LIMIT_RPS='-1' must be a number >= 0/],
    [
      'an unreadable SYSTEM_PROMPT_FILE',
      { SYSTEM_PROMPT_FILE: '/nope' },
      /^SYSTEM_PROMPT_FILE='\/nope' cannot be read .*ENOENT.*mount the file or unset SYSTEM_PROMPT_FILE/,
    ],
    [
      'MAX_BODY_BYTES too small',
      { MAX_BODY_BYTES: '10' },
      /^MAX_BODY_BYTES='10' must be an integer from 1024/,
    ],
    [
      'MAX_JSON_DEPTH deep enough to overflow a serialiser',
      { MAX_JSON_DEPTH: '5000' },
      /^MAX_JSON_DEPTH='5000' must be an integer from 8 to 256 \(default 64\)/,
    ],
    ['MAX_TOKENS_LIMIT zero', { MAX_TOKENS_LIMIT: '0' }, /^MAX_TOKENS_LIMIT='0' must be an integer from 1/],
    [
      'EXTRA_REQUEST_PARAMS with a name that is not a field',
      { EXTRA_REQUEST_PARAMS: 'top_k,__proto__' },
      /^EXTRA_REQUEST_PARAMS: '__proto__' must be a snake_case request field name/,
    ],
    [
      'EXTRA_REQUEST_PARAMS with a field the runtime sets',
      { EXTRA_REQUEST_PARAMS: 'messages' },
      /^EXTRA_REQUEST_PARAMS: 'messages' is set by the runtime itself/,
    ],
    [
      'ENGINE_STREAM_IDLE_TIMEOUT_MS of 0',
      { ENGINE_STREAM_IDLE_TIMEOUT_MS: '0' },
      /^ENGINE_STREAM_IDLE_TIMEOUT_MS='0' must be an integer from 1 to \d+ \(default 30000\)/,
    ],
    [
      'ENGINE_REQUEST_DEADLINE_MS not a number',
      { ENGINE_REQUEST_DEADLINE_MS: '10m' },
      /^ENGINE_REQUEST_DEADLINE_MS='10m' must be an integer from 1 to \d+ \(default 600000\)/,
    ],
    [
      'ENGINE_RETRY_BUDGET_MS negative',
      { ENGINE_RETRY_BUDGET_MS: '-1' },
      /^ENGINE_RETRY_BUDGET_MS='-1' must be an integer from 0 to \d+ \(default 30000\)/,
    ],
    [
      'a JWKS without JWT_ISSUER',
      { JWT_JWKS_URL: 'https://auth.example.com/jwks.json', JWT_AUDIENCE: 'xiaoai' },
      /^JWT_ISSUER is required when JWT_JWKS_FILE or JWT_JWKS_URL is set; set it to the issuer's 'iss'/,
    ],
    [
      'a JWKS without JWT_AUDIENCE',
      { JWT_JWKS_FILE: '/jwks.json', JWT_ISSUER: 'https://auth.example.com' },
      /^JWT_AUDIENCE is required when JWT_JWKS_FILE or JWT_JWKS_URL is set; set it to the 'aud'/,
    ],
    [
      'JWT_MAX_LIFETIME_SECONDS over 30 days',
      { JWT_MAX_LIFETIME_SECONDS: '2592001' },
      /^JWT_MAX_LIFETIME_SECONDS='2592001' must be an integer from 1 to 2592000/,
    ],
    [
      'JWT_CLOCK_TOLERANCE_SECONDS negative',
      { JWT_CLOCK_TOLERANCE_SECONDS: '-1' },
      /^JWT_CLOCK_TOLERANCE_SECONDS='-1' must be an integer from 0 to 300/,
    ],
    [
      'JWT_SUBJECT_CLAIM with a space',
      { JWT_SUBJECT_CLAIM: 'user id' },
      /^JWT_SUBJECT_CLAIM='user id' must be a claim name without spaces/,
    ],
  ];
  it.each(bad)('names the variable and the fix: %s', (_name, env, message) => {
    const issues = issuesOf({ ...minimal, ...env });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(message);
  });

  it('reports every bad variable at once, one line each', () => {
    const issues = issuesOf({ PORT: 'x', REDIS_MODE: 'y', LOG_CONTENT: 'z' });
    expect(issues).toHaveLength(5); // PORT, MODEL, ENGINE_BASE_URL, REDIS_MODE, LOG_CONTENT
    expect(() => loadConfig({ PORT: 'x' }, noFiles)).toThrow(
      /^invalid runtime configuration:\n {2}- PORT='x'/,
    );
  });

  it('reports three bad variables together, each with what was given and what is allowed', () => {
    const env = { ...minimal, MAX_JSON_DEPTH: '5000', PORT: 'eighty', CACHE_SCOPE: 'global' };
    expect(issuesOf(env)).toEqual([
      "PORT='eighty' must be an integer from 0 to 65535 (default 8000)",
      "CACHE_SCOPE='global' must be one of principal, tenant (default principal)",
      "MAX_JSON_DEPTH='5000' must be an integer from 8 to 256 (default 64)",
    ]);
    expect(() => loadConfig(env, noFiles)).toThrow(
      "invalid runtime configuration:\n  - PORT='eighty' must be an integer from 0 to 65535 (default 8000)\n  - CACHE_SCOPE='global' must be one of principal, tenant (default principal)\n  - MAX_JSON_DEPTH='5000' must be an integer from 8 to 256 (default 64)",
    );
  });

  const refusedOnce: [string, Record<string, string>, string][] = [
    [
      'PORT refused: MANAGEMENT_PORT is not compared with its default',
      { PORT: 'x', MANAGEMENT_PORT: '8000' },
      "PORT='x' must be an integer from 0 to 65535 (default 8000)",
    ],
    [
      'REDIS_MODE refused: RATE_LIMIT_RPS is not told Redis is off',
      { REDIS_MODE: 'memcached', RATE_LIMIT_RPS: '5' },
      "REDIS_MODE='memcached' must be one of none, standalone, sentinel, cluster (default none)",
    ],
  ];
  it.each(refusedOnce)('reports a refused variable once, for what it is: %s', (_name, env, issue) => {
    expect(issuesOf({ ...minimal, ...env })).toEqual([issue]);
  });
});
