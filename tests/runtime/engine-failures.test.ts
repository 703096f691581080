import OpenAI from 'openai';
import { freePort } from '../support/net.js';
import { StubEngine } from '../support/stub-engine.js';
import { waitFor } from '../support/wait.js';
import { startRuntime, type TestRuntime } from './harness.js';

type ApiErr = InstanceType<typeof OpenAI.APIError>;
const ask = { model: 'xiaoai', messages: [{ role: 'user' as const, content: 'hi' }] };

async function failureOf(promise: Promise<unknown>): Promise<ApiErr> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OpenAI.APIError);
  return error as ApiErr;
}

describe('runtime: engine failures', () => {
  let primary: StubEngine;
  let fallback: StubEngine;
  const running: TestRuntime[] = [];
  const start = async (env: Record<string, string>) => {
    const rt = await startRuntime({ ENGINE_BASE_URL: primary.baseUrl, ...env });
    running.push(rt);
    return rt;
  };

  beforeAll(async () => {
    primary = await StubEngine.start();
    fallback = await StubEngine.start({ reply: 'from the fallback' });
  });
  afterEach(async () => {
    for (const rt of running.splice(0)) await rt.close();
    primary.reset();
    fallback.reset({ reply: 'from the fallback' });
  });
  afterAll(async () => {
    await primary.close();
    await fallback.close();
  });

  it('retries a failing engine, then answers 502 engine_error in the OpenAI shape', async () => {
    primary.set({ failRate: 1, failStatus: 500, retryAfterMs: 5 });
    const rt = await start({ ENGINE_MAX_RETRIES: '2' });
    const error = await failureOf(rt.client().chat.completions.create(ask));
    expect(error.status).toBe(502);
    expect(error.code).toBe('engine_error');
    expect(error.type).toBe('server_error');
    expect(primary.stats.chatCalls).toBe(3);
  });

  it('recovers within its retries when the engine fails intermittently', async () => {
    primary.set({ failRate: 0.5, failStatus: 503, retryAfterMs: 5 });
    const rt = await start({ ENGINE_MAX_RETRIES: '2' });
    for (let i = 0; i < 4; i++) {
      const completion = await rt.client().chat.completions.create(ask);
      expect(completion.choices[0]?.message.content).toContain('tok0');
    }
    // Calls alternate ok/fail at rate 0.5: requests 2-4 each needed one retry.
    expect(primary.stats.failed).toBe(3);
    expect(primary.stats.completed).toBe(4);
  });

  it('starts no attempt once ENGINE_RETRY_BUDGET_MS is spent, however many retries are allowed', async () => {
    primary.set({ failRate: 1, failStatus: 503, retryAfterMs: 300 });
    const rt = await start({ ENGINE_MAX_RETRIES: '10', ENGINE_RETRY_BUDGET_MS: '500' });
    const error = await failureOf(rt.client().chat.completions.create(ask));
    expect(error.status).toBe(502);
    expect(error.code).toBe('engine_error');
    // Attempts start at 0 and 300 ms; the next would start at 600 ms, past the budget.
    expect(primary.stats.chatCalls).toBe(2);
  });

  it('moves to the next URL at once when the engine asks for a wait longer than the budget', async () => {
    primary.set({ failRate: 1, failStatus: 503, retryAfterMs: 600_000 });
    const rt = await start({ ENGINE_MAX_RETRIES: '2', ENGINE_FALLBACK_URLS: fallback.baseUrl });
    const completion = await rt.client().chat.completions.create(ask);
    expect(completion.choices[0]?.message.content).toBe('from the fallback');
    expect(primary.stats.chatCalls).toBe(1);
  });

  const unavailability: [string, number, () => Promise<Record<string, string>>][] = [
    ['engine_unavailable', 502, async () => ({ ENGINE_BASE_URL: `http://127.0.0.1:${await freePort()}/v1` })],
    [
      'engine_error',
      502,
      async () => {
        primary.set({ failRate: 1, failStatus: 500 });
        return {};
      },
    ],
    [
      'engine_overloaded',
      503,
      async () => {
        primary.set({ failRate: 1, failStatus: 429 });
        return {};
      },
    ],
    [
      'engine_timeout',
      504,
      async () => {
        primary.set({ delayMs: 3_000 });
        return { ENGINE_TIMEOUT_MS: '100' };
      },
    ],
  ];
  it.each(unavailability)(
    'sends Retry-After with %s (%i), so client retries are spaced out',
    async (code, status, arrange) => {
      const rt = await start({ ENGINE_MAX_RETRIES: '0', ...(await arrange()) });
      const error = await failureOf(rt.client().chat.completions.create(ask));
      expect([error.status, error.code]).toEqual([status, code]);
      expect(error.headers?.get('retry-after')).toBe('2');
    },
  );

  it('does not retry what the engine refused as the client’s mistake (4xx passes through)', async () => {
    primary.set({ failRate: 1, failStatus: 400 });
    const rt = await start({ ENGINE_MAX_RETRIES: '2' });
    const error = await failureOf(rt.client().chat.completions.create(ask));
    expect(error.status).toBe(400);
    expect(error.code).toBe('engine_rejected');
    expect(primary.stats.chatCalls).toBe(1);
  });

  it('falls back to the next URL in ENGINE_FALLBACK_URLS, in order', async () => {
    primary.set({ failRate: 1, failStatus: 503, retryAfterMs: 5 });
    const rt = await start({ ENGINE_MAX_RETRIES: '1', ENGINE_FALLBACK_URLS: fallback.baseUrl });
    const completion = await rt.client().chat.completions.create(ask);
    expect(completion.choices[0]?.message.content).toBe('from the fallback');
    expect(primary.stats.chatCalls).toBe(2);
    expect(fallback.stats.chatCalls).toBe(1);
  });

  it('answers 502 engine_unavailable when no engine is listening', async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}/v1`;
    const rt = await start({ ENGINE_BASE_URL: nowhere, ENGINE_MAX_RETRIES: '0' });
    const error = await failureOf(rt.client().chat.completions.create(ask));
    expect(error.status).toBe(502);
    expect(error.code).toBe('engine_unavailable');
  });

  it('answers 504 engine_timeout when the engine does not answer within ENGINE_TIMEOUT_MS', async () => {
    primary.set({ delayMs: 3_000 });
    const rt = await start({ ENGINE_TIMEOUT_MS: '150', ENGINE_MAX_RETRIES: '0' });
    const error = await failureOf(rt.client().chat.completions.create(ask));
    expect(error.status).toBe(504);
    expect(error.code).toBe('engine_timeout');
  });

  it('retries a connection the engine dropped before answering, then falls back', async () => {
    primary.set({ drop: 'before-response' });
    const rt = await start({ ENGINE_MAX_RETRIES: '1', ENGINE_FALLBACK_URLS: fallback.baseUrl });
    const completion = await rt.client().chat.completions.create(ask);
    expect(completion.choices[0]?.message.content).toBe('from the fallback');
    expect(primary.stats.dropped).toBe(2);
  });

  it('reports a stream the engine broke mid-way in-band, and counts it as a 502', async () => {
    primary.set({ drop: 'mid-stream', tokens: 10 });
    const rt = await start({ ENGINE_MAX_RETRIES: '0' });
    const stream = await rt.client().chat.completions.create({ ...ask, stream: true });
    let text = '';
    const error = await (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(text).toBe('tok0 tok1 tok2 tok3 tok4');
    const metrics = await (await fetch(`${rt.url}/metrics`)).text();
    expect(metrics).toMatch(/ai_inference_requests_total\{code="502",[^}]*\} 1/);
  });

  it('cancels the engine call when the client disconnects (non-streaming)', async () => {
    primary.set({ delayMs: 10_000 });
    const rt = await start({});
    const controller = new AbortController();
    const pending = rt
      .client()
      .chat.completions.create(ask, { signal: controller.signal })
      .catch((e: unknown) => e);
    await waitFor(() => primary.stats.chatCalls === 1, { description: 'the engine to receive the call' });
    controller.abort();
    await waitFor(() => primary.stats.aborted === 1, { description: 'the engine call to be cancelled' });
    expect(await pending).toBeInstanceOf(OpenAI.APIUserAbortError);
    await waitFor(() => rt.logs.requests().some((l) => l.code === 499), { description: 'a 499 request log' });
    expect(rt.runtime.inFlight()).toBe(0);
  });

  it('cancels the engine stream when the client disconnects mid-stream', async () => {
    primary.set({ tokens: 200, tokenDelayMs: 20 });
    const rt = await start({});
    const controller = new AbortController();
    const stream = await rt
      .client()
      .chat.completions.create({ ...ask, stream: true }, { signal: controller.signal });
    let received = 0;
    await (async () => {
      for await (const chunk of stream) {
        if (chunk.choices[0]?.delta?.content) received += 1;
        if (received === 3) controller.abort();
      }
    })().catch(() => undefined);
    await waitFor(() => primary.stats.aborted === 1, { description: `the engine stream to be cancelled` });
    expect(primary.stats.completed).toBe(0);
    await waitFor(
      async () =>
        /ai_inference_requests_total\{code="499",[^}]*\} 1/.test(
          await (await fetch(`${rt.url}/metrics`)).text(),
        ),
      {
        description: 'the request to be counted as 499',
      },
    );
  });
});
