import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { RedisServer } from '../support/redis-server.js';
import { StubEngine } from '../support/stub-engine.js';
import { waitFor } from '../support/wait.js';
import { startRuntime, type TestRuntime } from './harness.js';

type ApiErr = InstanceType<typeof OpenAI.APIError>;
/** An engine name with a slash, as vLLM serves Hugging Face models; the stub itself answers as 'stub-model'. */
const ENGINE_MODEL = 'meta-llama/Llama-3.1-8B-Instruct';
const user = (content: string) => ({ role: 'user' as const, content });

describe('runtime: model ids (GET /v1/models/{id}, and the model reported in answers)', () => {
  let stub: StubEngine;
  let redis: RedisServer;
  let rt: TestRuntime;

  beforeAll(async () => {
    [stub, redis] = await Promise.all([StubEngine.start(), RedisServer.start()]);
    rt = await startRuntime({
      ENGINE_BASE_URL: stub.baseUrl,
      ENGINE_MODEL,
      REDIS_MODE: 'standalone',
      REDIS_URL: redis.url,
    });
    await waitFor(() => rt.runtime.redis?.status === 'ready', {
      description: 'the runtime to connect to redis',
    });
  });
  afterAll(async () => {
    await rt.close();
    await stub.close();
    await redis.dispose();
  });
  beforeEach(() => stub.reset());

  describe('models.retrieve', () => {
    it('answers the model object for the served model id and for the engine model name chat accepts', async () => {
      const client = rt.client();
      expect(await client.models.retrieve('xiaoai')).toEqual({
        id: 'xiaoai',
        object: 'model',
        created: expect.any(Number),
        owned_by: 'xiaoai',
      });
      // The SDK percent-encodes the slash; the runtime decodes it.
      expect((await client.models.retrieve(ENGINE_MODEL)).id).toBe(ENGINE_MODEL);
    });

    it('answers 404 model_not_found in the OpenAI shape for any other model', async () => {
      const error = (await rt
        .client()
        .models.retrieve('gpt-4o')
        .catch((e: unknown) => e)) as ApiErr;
      expect(error).toBeInstanceOf(OpenAI.NotFoundError);
      expect(error.code).toBe('model_not_found');
      expect(error.param).toBe('model');
      expect(error.message).toContain("use 'xiaoai'");
    });

    it('answers 405 to a DELETE (there are no fine-tuned models to delete)', async () => {
      const res = await fetch(`${rt.url}/v1/models/xiaoai`, { method: 'DELETE' });
      expect(res.status).toBe(405);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('method_not_allowed');
    });
  });

  describe('answers report the model id the client sent, not the engine’s name', () => {
    it('in a whole chat completion, for either id', async () => {
      const client = rt.client();
      expect((await client.chat.completions.create({ model: 'xiaoai', messages: [user('a')] })).model).toBe(
        'xiaoai',
      );
      expect(
        (await client.chat.completions.create({ model: ENGINE_MODEL, messages: [user('a')] })).model,
      ).toBe(ENGINE_MODEL);
      expect(stub.lastRequest?.body.model).toBe(ENGINE_MODEL);
    });

    it('in every streamed chunk, the usage chunk included', async () => {
      stub.set({ tokens: 3 });
      const stream = await rt.client().chat.completions.create({
        model: 'xiaoai',
        messages: [user('a')],
        stream: true,
        stream_options: { include_usage: true },
      });
      const models: string[] = [];
      let sawUsage = false;
      for await (const chunk of stream) {
        models.push(chunk.model);
        sawUsage ||= chunk.usage !== undefined && chunk.usage !== null;
      }
      expect(sawUsage).toBe(true);
      expect(models.length).toBeGreaterThan(3);
      expect(new Set(models)).toEqual(new Set(['xiaoai']));
    });

    it('in a cached answer, which is shared by both ids and by both APIs', async () => {
      const ask = { messages: [user('cache me')], temperature: 0 };
      const client = rt.client();
      const first = await client.chat.completions.create({ model: 'xiaoai', ...ask }).withResponse();
      expect(first.response.headers.get('x-cache')).toBe('miss');
      const second = await client.chat.completions.create({ model: ENGINE_MODEL, ...ask }).withResponse();
      expect(second.response.headers.get('x-cache')).toBe('hit');
      expect(second.data.model).toBe(ENGINE_MODEL);
      expect(second.data.choices[0]?.message.content).toBe(first.data.choices[0]?.message.content);

      const viaResponses = await client.responses
        .create({ model: 'xiaoai', input: [user('cache me')], temperature: 0 })
        .withResponse();
      expect(viaResponses.response.headers.get('x-cache')).toBe('hit');
      expect(viaResponses.data).toMatchObject({ object: 'response', model: 'xiaoai' });
      expect(viaResponses.data.output_text).toBe(first.data.choices[0]?.message.content);
      expect(stub.stats.chatCalls).toBe(1);
    });
  });

  it('keeps a conversation over POST /v1/responses with X-Session-Id, as over chat completions', async () => {
    const headers = { 'X-Session-Id': 'responses-session-1' };
    stub.set({ reply: 'Hello Li.' });
    await rt.client().responses.create({ model: 'xiaoai', input: 'My name is Li.' }, { headers });
    stub.set({ reply: 'You are Li.' });
    await rt.client().responses.create({ model: 'xiaoai', input: 'Who am I?' }, { headers });
    expect(stub.lastRequest?.body.messages).toEqual([
      { role: 'user', content: 'My name is Li.' },
      { role: 'assistant', content: 'Hello Li.' },
      { role: 'user', content: 'Who am I?' },
    ]);
  });
});

describe('runtime: GET /v1/models/{id} needs credentials like every API route', () => {
  it('answers 401 without a key and the model with one', async () => {
    const stub = await StubEngine.start();
    const dir = mkdtempSync(join(tmpdir(), 'runtime-models-auth-'));
    writeFileSync(join(dir, 'keys'), 'sk-models-test\n');
    const rt = await startRuntime({ ENGINE_BASE_URL: stub.baseUrl, API_KEYS_FILE: join(dir, 'keys') });
    try {
      expect((await fetch(`${rt.url}/v1/models/xiaoai`)).status).toBe(401);
      expect((await rt.client('sk-models-test').models.retrieve('xiaoai')).id).toBe('xiaoai');
    } finally {
      await rt.close();
      await stub.close();
    }
  });
});
