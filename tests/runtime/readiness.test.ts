import { OpenAIEngine } from '../../runtime/engine-client.js';
import { Readiness } from '../../runtime/readiness.js';
import { freePort } from '../support/net.js';
import { StubEngine } from '../support/stub-engine.js';

describe('Readiness', () => {
  let stub: StubEngine;
  beforeAll(async () => {
    stub = await StubEngine.start();
  });
  afterAll(async () => stub.close());

  it('probes the engine at most once per engineCheckMs, however often it is asked', async () => {
    let now = 0;
    const engine = new OpenAIEngine({ urls: [stub.baseUrl], model: 'stub-model', maxRetries: 0 });
    const readiness = new Readiness(engine, undefined, { engineCheckMs: 2_000, now: () => now });
    const reports = await Promise.all([readiness.check(), readiness.check(), readiness.check()]);
    expect(reports.map((r) => r.httpStatus)).toEqual([200, 200, 200]);
    expect(stub.stats.modelsCalls).toBe(1);
    now = 1_999;
    await readiness.check();
    expect(stub.stats.modelsCalls).toBe(1);
    now = 2_000;
    await readiness.check();
    expect(stub.stats.modelsCalls).toBe(2);
  });

  it('is ready while any engine of the fallback list answers, unready (503) when none does', async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}/v1`;
    const withFallback = new Readiness(
      new OpenAIEngine({ urls: [nowhere, stub.baseUrl], model: 'm', maxRetries: 0 }),
      undefined,
    );
    expect(await withFallback.check()).toEqual({
      httpStatus: 200,
      report: { status: 'ready', checks: { engine: 'ok', redis: 'disabled' } },
    });
    const alone = new Readiness(new OpenAIEngine({ urls: [nowhere], model: 'm', maxRetries: 0 }), undefined);
    expect(await alone.check()).toEqual({
      httpStatus: 503,
      report: { status: 'unready', checks: { engine: 'unreachable', redis: 'disabled' } },
    });
  });
});
