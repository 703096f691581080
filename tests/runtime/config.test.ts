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
      agent: 'xiaoai',
      model: 'xiaoai',
      modelVersion: 'unversioned',
      engineModel: 'xiaoai',
      engineUrls: ['http://127.0.0.1:8001/v1'],
      engineTimeoutMs: 60_000,
      engineMaxRetries: 2,
      redis: { mode: 'none', required: false },
      logContent: false,
      maxBodyBytes: 1_048_576,
      drainTimeoutMs: 25_000,
    });
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
});
