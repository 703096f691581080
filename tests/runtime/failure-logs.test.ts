import { freePort } from '../support/net.js';
import { startRuntime, type TestRuntime } from './harness.js';

describe('runtime: failure log lines carry the request id', () => {
  let rt: TestRuntime;
  beforeAll(async () => {
    // Nothing listens there: every call fails with 502 engine_unavailable.
    rt = await startRuntime({
      ENGINE_BASE_URL: `http://127.0.0.1:${await freePort()}/v1`,
      ENGINE_MAX_RETRIES: '0',
    });
  });
  afterAll(async () => rt.close());

  it.each([
    ['/v1/chat/completions', { model: 'xiaoai', messages: [{ role: 'user', content: 'x' }] }],
    ['/v1/responses', { model: 'xiaoai', input: 'x' }],
  ])('%s: "request failed" names the request it belongs to', async (path, body) => {
    const reqId = `failing-${path.replace(/\W/g, '-')}`;
    const res = await fetch(`${rt.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': reqId },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(502);
    const failed = rt.logs.lines.filter((l) => l.msg === 'request failed' && l.code === 'engine_unavailable');
    expect(failed.map((l) => l.reqId)).toContain(reqId);
    expect(rt.logs.requests().find((l) => l.reqId === reqId)).toMatchObject({ path, code: 502 });
  });
});
