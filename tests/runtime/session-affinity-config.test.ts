import { ConfigError, loadConfig } from '../../runtime/config.js';

const BASE = { MODEL: 'xiaoai', ENGINE_BASE_URL: 'http://127.0.0.1:8001/v1' };
const REDIS = { REDIS_MODE: 'standalone', REDIS_URL: 'redis://127.0.0.1:6379' };
const FORWARD = 'http://xiaoai.agents.svc.cluster.local:80';

function problems(env: Record<string, string>): string {
  try {
    loadConfig({ ...BASE, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('the config was accepted');
}

describe('session affinity settings', () => {
  it('is on by default with Redis and a forward URL, keyed by X-Session-Id', () => {
    const config = loadConfig({ ...BASE, ...REDIS, SESSION_FORWARD_URL: `${FORWARD}/` });
    expect(config.sessionAffinity).toEqual({
      key: { kind: 'header', name: 'x-session-id' },
      forwardUrl: FORWARD,
      forwardTimeoutMs: 5000,
    });
  });

  it('is off without Redis, without a forward URL, or when turned off', () => {
    expect(loadConfig({ ...BASE, SESSION_FORWARD_URL: FORWARD }).sessionAffinity).toBeUndefined();
    expect(loadConfig({ ...BASE, ...REDIS }).sessionAffinity).toBeUndefined();
    expect(
      loadConfig({ ...BASE, ...REDIS, SESSION_FORWARD_URL: FORWARD, SESSION_AFFINITY: 'off' })
        .sessionAffinity,
    ).toBeUndefined();
  });

  it('reads the session key from a cookie when told', () => {
    const config = loadConfig({
      ...BASE,
      ...REDIS,
      SESSION_FORWARD_URL: FORWARD,
      SESSION_AFFINITY_COOKIE: 'suoke_session',
      SESSION_FORWARD_TIMEOUT_MS: '800',
    });
    expect(config.sessionAffinity).toMatchObject({
      key: { kind: 'cookie', name: 'suoke_session' },
      forwardTimeoutMs: 800,
    });
  });

  it('refuses settings that cannot work, naming the variable and the fix', () => {
    expect(problems({ SESSION_AFFINITY: 'on', SESSION_FORWARD_URL: FORWARD })).toMatch(
      /SESSION_AFFINITY=on needs Redis.*set REDIS_MODE/,
    );
    expect(problems({ ...REDIS, SESSION_AFFINITY: 'on' })).toMatch(/SESSION_FORWARD_URL is required/);
    expect(problems({ SESSION_AFFINITY: 'yes' })).toMatch(/SESSION_AFFINITY/);
    expect(problems({ SESSION_AFFINITY_HEADER: 'x-conversation', SESSION_AFFINITY_COOKIE: 'sid' })).toMatch(
      /SESSION_AFFINITY_COOKIE and SESSION_AFFINITY_HEADER are both set/,
    );
    expect(problems({ SESSION_AFFINITY_HEADER: 'X-Session' })).toMatch(/lower-case HTTP header name/);
    expect(problems({ SESSION_FORWARD_URL: 'xiaoai:80' })).toMatch(/SESSION_FORWARD_URL/);
  });
});
