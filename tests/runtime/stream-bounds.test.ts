import { request } from 'node:http';
import OpenAI from 'openai';
import { StubEngine } from '../support/stub-engine.js';
import { waitFor } from '../support/wait.js';
import { postRaw, startRuntime, type TestRuntime } from './harness.js';

type ApiErr = InstanceType<typeof OpenAI.APIError>;
const ask = { model: 'xiaoai', messages: [{ role: 'user' as const, content: 'hi' }] };

/** Reads a stream with the official client: the text it got, and the error it raised (if any). */
async function consume(stream: AsyncIterable<OpenAI.Chat.ChatCompletionChunk>) {
  let text = '';
  const error = await (async () => {
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
  })().then(
    () => undefined,
    (e: unknown) => e,
  );
  return { text, error: error as ApiErr | undefined };
}

async function requestsCounted(rt: TestRuntime, code: string): Promise<number> {
  const metrics = await (await fetch(`${rt.url}/metrics`)).text();
  const line = new RegExp(`ai_inference_requests_total\\{code="${code}",traffic="live",[^}]*\\} (\\d+)`).exec(
    metrics,
  );
  return line === null ? 0 : Number(line[1]);
}

describe('runtime: bounded streams and engine calls', () => {
  let stub: StubEngine;
  const running: TestRuntime[] = [];
  const start = async (env: Record<string, string>) => {
    const rt = await startRuntime({ ENGINE_BASE_URL: stub.baseUrl, ENGINE_MAX_RETRIES: '0', ...env });
    running.push(rt);
    return rt;
  };

  beforeAll(async () => {
    stub = await StubEngine.start();
  });
  afterEach(async () => {
    for (const rt of running.splice(0)) await rt.close();
    stub.reset();
  });
  afterAll(async () => stub.close());

  describe('ENGINE_STREAM_IDLE_TIMEOUT_MS', () => {
    it('ends a stream the engine stopped feeding with an in-band error event and no [DONE]', async () => {
      stub.set({ tokens: 10, stallAfter: 3 });
      const rt = await start({ ENGINE_STREAM_IDLE_TIMEOUT_MS: '100' });
      const res = await postRaw(rt.url, JSON.stringify({ ...ask, stream: true }));
      expect(res.status).toBe(200);
      // Resolves only because the runtime ends the response: the engine never does.
      const body = await res.text();
      expect(body).not.toContain('[DONE]');
      const events = body.split('\n\n').filter(Boolean);
      expect(JSON.parse((events.at(-1) as string).replace(/^data: /, ''))).toEqual({
        error: {
          message: expect.stringContaining('sent nothing for 100 ms (ENGINE_STREAM_IDLE_TIMEOUT_MS)'),
          type: 'server_error',
          param: null,
          code: 'engine_stream_idle',
        },
      });
    });

    it('raises the error in the official client, aborts the engine request and frees the slot as a 504', async () => {
      stub.set({ tokens: 10, stallAfter: 3 });
      const rt = await start({ ENGINE_STREAM_IDLE_TIMEOUT_MS: '100' });
      const { text, error } = await consume(
        await rt.client().chat.completions.create({ ...ask, stream: true }),
      );
      expect(text).toBe('tok0 tok1 tok2');
      expect(error).toBeInstanceOf(OpenAI.APIError);
      expect(error?.code).toBe('engine_stream_idle');
      await waitFor(() => stub.stats.aborted === 1, { description: 'the engine request to be aborted' });
      await waitFor(() => rt.runtime.inFlight() === 0, { description: 'the request to end' });
      expect(await requestsCounted(rt, '504')).toBe(1);
      expect(rt.logs.requests()).toEqual([
        expect.objectContaining({ code: 504, errorCode: 'engine_stream_idle', stream: true }),
      ]);
    });

    it('retries an engine silent before its first chunk on the next URL, the client none the wiser', async () => {
      const fallback = await StubEngine.start({ reply: 'from the fallback' });
      try {
        stub.set({ stallAfter: 0 });
        const rt = await start({
          ENGINE_STREAM_IDLE_TIMEOUT_MS: '100',
          ENGINE_FALLBACK_URLS: fallback.baseUrl,
        });
        const { text, error } = await consume(
          await rt.client().chat.completions.create({ ...ask, stream: true }),
        );
        expect(error).toBeUndefined();
        expect(text).toBe('from the fallback');
        expect(stub.stats.stalled).toBe(1);
        await waitFor(() => stub.stats.aborted === 1, {
          description: 'the silent engine request to be aborted',
        });
      } finally {
        await fallback.close();
      }
    });

    it('bounds the silence between chunks, not the whole stream', async () => {
      stub.set({ tokens: 20, tokenDelayMs: 20 });
      const rt = await start({ ENGINE_STREAM_IDLE_TIMEOUT_MS: '300' });
      const { text, error } = await consume(
        await rt.client().chat.completions.create({ ...ask, stream: true }),
      );
      expect(error).toBeUndefined();
      expect(text.split(' ')).toHaveLength(20);
      expect(stub.stats.completed).toBe(1);
    });
  });

  describe('ENGINE_REQUEST_DEADLINE_MS', () => {
    it('ends a stream that is still going at the deadline, in-band, and aborts the engine request', async () => {
      stub.set({ tokens: 100_000, tokenDelayMs: 5 });
      const rt = await start({ ENGINE_REQUEST_DEADLINE_MS: '300' });
      const { text, error } = await consume(
        await rt.client().chat.completions.create({ ...ask, stream: true }),
      );
      expect(text).toMatch(/^tok0 tok1/);
      expect(error).toBeInstanceOf(OpenAI.APIError);
      expect(error?.code).toBe('engine_deadline_exceeded');
      expect(error?.message).toContain('300 ms (ENGINE_REQUEST_DEADLINE_MS)');
      await waitFor(() => stub.stats.aborted === 1, { description: 'the engine request to be aborted' });
      await waitFor(async () => (await requestsCounted(rt, '504')) === 1, {
        description: 'the request to be counted as a 504',
      });
    });

    it('answers a whole (non-streamed) call still running at the deadline with 504 and Retry-After', async () => {
      stub.set({ delayMs: 30_000 });
      const rt = await start({ ENGINE_REQUEST_DEADLINE_MS: '200', ENGINE_TIMEOUT_MS: '60000' });
      const error = (await rt
        .client()
        .chat.completions.create(ask)
        .catch((e: unknown) => e)) as ApiErr;
      expect(error).toBeInstanceOf(OpenAI.APIError);
      expect(error.status).toBe(504);
      expect(error.code).toBe('engine_deadline_exceeded');
      expect(error.headers?.get('retry-after')).toBe('2');
      await waitFor(() => stub.stats.aborted === 1, { description: 'the engine request to be aborted' });
    });

    it('includes the waits between retries', async () => {
      stub.set({ failRate: 1, failStatus: 503, retryAfterMs: 100 });
      const rt = await start({
        ENGINE_MAX_RETRIES: '10',
        ENGINE_RETRY_BUDGET_MS: '60000',
        ENGINE_REQUEST_DEADLINE_MS: '250',
      });
      const error = (await rt
        .client()
        .chat.completions.create(ask)
        .catch((e: unknown) => e)) as ApiErr;
      expect(error.status).toBe(504);
      expect(error.code).toBe('engine_deadline_exceeded');
      // 100 ms apart within 250 ms: the first attempt and at most two retries.
      expect(stub.stats.chatCalls).toBeLessThanOrEqual(3);
    });
  });
  describe('CLIENT_WRITE_TIMEOUT_MS', () => {
    it('closes a stream whose client stopped reading, cancels its engine call and frees its slot', async () => {
      const rt = await start({ CLIENT_WRITE_TIMEOUT_MS: '300' });
      // An answer far larger than the socket buffers on both sides (3,000 chunks of 10 kB), chunk by chunk.
      stub.set({ reply: Array.from({ length: 3_000 }, () => 'x'.repeat(10_000)).join(' '), tokenDelayMs: 1 });
      const url = new URL(`${rt.url}/v1/chat/completions`);
      let body = '';
      let ended = false;
      let response: import('node:http').IncomingMessage | undefined;
      const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        response = res;
        // Reads the headers, then nothing: the connection stays open and the buffers fill.
        res.pause();
        res.setEncoding('utf8');
        res.on('data', (data: string) => (body += data));
        res.on('end', () => (ended = true));
        res.on('error', () => (ended = true));
      });
      req.on('error', () => (ended = true));
      req.end(JSON.stringify({ ...ask, stream: true }));
      await waitFor(() => stub.stats.aborted >= 1, { description: 'the engine call to be cancelled' });
      await waitFor(() => rt.runtime.inFlight() === 0, { description: 'the request to end' });
      expect(stub.stats.chatCalls).toBe(1);
      // Reading again, the client finds the stream cut short: the runtime closed the connection.
      response?.resume();
      await waitFor(() => ended, { description: 'the client to see the connection end' });
      expect(body).toMatch(/^data: /);
      expect(body).not.toContain('[DONE]');
      req.destroy();
    });
  });
});
