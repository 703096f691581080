import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { StubEngine } from '../support/stub-engine.js';
import { postRaw, startRuntime, type TestRuntime } from './harness.js';

describe('runtime: OpenAI-compatible chat API (official openai client → runtime → stub engine)', () => {
  let stub: StubEngine;
  let rt: TestRuntime;
  const persona = 'You are Xiaoai, a friendly health assistant.';

  beforeAll(async () => {
    stub = await StubEngine.start();
    const dir = mkdtempSync(join(tmpdir(), 'runtime-chat-'));
    writeFileSync(join(dir, 'persona.txt'), `${persona}\n`);
    rt = await startRuntime({
      ENGINE_BASE_URL: stub.baseUrl,
      SYSTEM_PROMPT_FILE: join(dir, 'persona.txt'),
      MAX_BODY_BYTES: '4096',
    });
  });
  afterAll(async () => {
    await rt.close();
    await stub.close();
  });
  beforeEach(() => stub.reset());

  it('answers a non-streaming completion with usage, prefixing the persona from SYSTEM_PROMPT_FILE', async () => {
    const completion = await rt.client().chat.completions.create({
      model: 'xiaoai',
      messages: [{ role: 'user', content: 'hello there' }],
      max_tokens: 32,
    });
    expect(completion.choices[0]?.message.content).toBe('tok0 tok1 tok2 tok3 tok4 tok5 tok6 tok7');
    expect(completion.usage).toMatchObject({ completion_tokens: 8 });
    const sent = stub.lastRequest?.body;
    expect(sent?.model).toBe('stub-model');
    expect(sent?.max_tokens).toBe(32);
    expect(sent?.messages).toEqual([
      { role: 'system', content: persona },
      { role: 'user', content: 'hello there' },
    ]);
  });

  it('streams tokens as SSE, with usage only when stream_options.include_usage asks for it', async () => {
    stub.set({ tokens: 5, tokenDelayMs: 2 });
    const collect = async (includeUsage: boolean) => {
      const stream = await rt.client().chat.completions.create({
        model: 'xiaoai',
        messages: [{ role: 'user', content: 'stream please' }],
        stream: true,
        ...(includeUsage ? { stream_options: { include_usage: true } } : {}),
      });
      let text = '';
      let usage: unknown;
      for await (const chunk of stream) {
        text += chunk.choices[0]?.delta?.content ?? '';
        if (chunk.usage) usage = chunk.usage;
      }
      return { text, usage };
    };
    const plain = await collect(false);
    expect(plain.text).toBe('tok0 tok1 tok2 tok3 tok4');
    expect(plain.usage).toBeUndefined();
    const withUsage = await collect(true);
    expect(withUsage.text).toBe('tok0 tok1 tok2 tok3 tok4');
    expect(withUsage.usage).toMatchObject({ completion_tokens: 5 });
    // The runtime always asks the engine for usage (exact token metrics), whatever the client asked.
    expect(stub.lastRequest?.body.stream_options).toEqual({ include_usage: true });
  });

  it('lists the served model on GET /v1/models', async () => {
    const models = await rt.client().models.list();
    expect(models.data.map((m) => m.id)).toEqual(['xiaoai']);
  });

  it('accepts the engine model name too, and refuses other models with 404 model_not_found', async () => {
    await expect(
      rt
        .client()
        .chat.completions.create({ model: 'stub-model', messages: [{ role: 'user', content: 'x' }] }),
    ).resolves.toBeDefined();
    const error = await rt
      .client()
      .chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect((error as InstanceType<typeof OpenAI.APIError>).code).toBe('model_not_found');
    expect((error as InstanceType<typeof OpenAI.APIError>).param).toBe('model');
  });

  describe('bad input gets a 4xx in the OpenAI error shape, never a 5xx', () => {
    const cases: [string, number, string, string | null, string][] = [
      ['malformed JSON', 400, 'invalid_json', null, '{"model": "xiaoai", "messages": ['],
      ['empty body', 400, 'invalid_json', null, ''],
      ['a JSON array', 400, 'invalid_value', 'body', '[1,2]'],
      [
        'model of the wrong type',
        400,
        'invalid_value',
        'model',
        '{"model": 7, "messages": [{"role":"user","content":"x"}]}',
      ],
      ['messages not an array', 400, 'invalid_value', 'messages', '{"model":"xiaoai","messages":"hi"}'],
      [
        'an unknown role',
        400,
        'invalid_value',
        'messages[0].role',
        '{"model":"xiaoai","messages":[{"role":"robot","content":"x"}]}',
      ],
      [
        'content of the wrong type',
        400,
        'invalid_value',
        'messages[0].content',
        '{"model":"xiaoai","messages":[{"role":"user","content":5}]}',
      ],
      [
        'temperature out of range',
        400,
        'invalid_value',
        'temperature',
        '{"model":"xiaoai","temperature":3,"messages":[{"role":"user","content":"x"}]}',
      ],
      [
        'stream not a boolean',
        400,
        'invalid_value',
        'stream',
        '{"model":"xiaoai","stream":"yes","messages":[{"role":"user","content":"x"}]}',
      ],
      [
        'max_tokens not an integer',
        400,
        'invalid_value',
        'max_tokens',
        '{"model":"xiaoai","max_tokens":1.5,"messages":[{"role":"user","content":"x"}]}',
      ],
      [
        'a body over MAX_BODY_BYTES',
        413,
        'request_too_large',
        null,
        JSON.stringify({ model: 'xiaoai', messages: [{ role: 'user', content: 'x'.repeat(5000) }] }),
      ],
    ];
    it.each(cases)('%s → %i %s', async (_name, status, code, param, body) => {
      const response = await postRaw(rt.url, body);
      expect(response.status).toBe(status);
      const json = (await response.json()) as { error: Record<string, unknown> };
      expect(json.error).toEqual({ message: expect.any(String), type: 'invalid_request_error', param, code });
      expect(stub.stats.chatCalls).toBe(0);
    });

    it('a chunked body over the limit is cut off with 413 without reading it all', async () => {
      const big = Buffer.alloc(64 * 1024, 'a');
      async function* chunks() {
        for (let i = 0; i < 16; i++) yield big;
      }
      const response = await fetch(`${rt.url}/v1/chat/completions`, {
        method: 'POST',
        body: chunks() as any,
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(413);
      expect(((await response.json()) as any).error.code).toBe('request_too_large');
    });

    it('unknown paths are 404 and wrong methods 405 in the same shape', async () => {
      const notFound = await fetch(`${rt.url}/v1/embeddings`, { method: 'POST' });
      expect(notFound.status).toBe(404);
      expect(((await notFound.json()) as any).error.code).toBe('unknown_url');
      const wrongMethod = await fetch(`${rt.url}/v1/chat/completions`);
      expect(wrongMethod.status).toBe(405);
      expect(wrongMethod.headers.get('allow')).toBe('POST');
    });
  });

  it('refuses X-Session-Id with 400 sessions_disabled when no Redis is configured', async () => {
    const response = await postRaw(
      rt.url,
      JSON.stringify({ model: 'xiaoai', messages: [{ role: 'user', content: 'x' }] }),
      {
        'x-session-id': 'conv-1',
      },
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).error).toMatchObject({
      code: 'sessions_disabled',
      param: 'X-Session-Id',
    });
    expect(stub.stats.chatCalls).toBe(0);
  });

  it('echoes a sane X-Request-Id, sends it to the engine, and makes one up otherwise', async () => {
    const mine = await postRaw(
      rt.url,
      JSON.stringify({ model: 'xiaoai', messages: [{ role: 'user', content: 'x' }] }),
      {
        'x-request-id': 'req-123.abc',
      },
    );
    expect(mine.headers.get('x-request-id')).toBe('req-123.abc');
    expect(stub.lastRequest?.headers['x-request-id']).toBe('req-123.abc');
    const hostile = await postRaw(rt.url, '{}', { 'x-request-id': 'a b<script>' });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs one JSON line per request without prompt or completion text', async () => {
    await rt.client().chat.completions.create({
      model: 'xiaoai',
      messages: [{ role: 'user', content: 'my blood pressure is 150 over 95' }],
    });
    const all = rt.logs.raw.join('\n');
    expect(all).not.toContain('blood pressure');
    expect(all).not.toContain('tok0');
    expect(all).not.toContain(persona);
    const line = rt.logs.requests().at(-1);
    expect(line).toMatchObject({
      code: 200,
      stream: false,
      promptTokens: expect.any(Number),
      completionTokens: 8,
    });
    expect(line?.reqId).toEqual(expect.any(String));
  });
});

describe('runtime: engine credentials', () => {
  it('sends the key from ENGINE_API_KEY_FILE to the engine, and no Authorization header without one', async () => {
    const stub = await StubEngine.start();
    const dir = mkdtempSync(join(tmpdir(), 'runtime-engine-key-'));
    writeFileSync(join(dir, 'key'), 'sk-engine-secret\n');
    const withKey = await startRuntime({
      ENGINE_BASE_URL: stub.baseUrl,
      ENGINE_API_KEY_FILE: join(dir, 'key'),
    });
    const withoutKey = await startRuntime({ ENGINE_BASE_URL: stub.baseUrl });
    try {
      await withKey
        .client('caller-key')
        .chat.completions.create({ model: 'xiaoai', messages: [{ role: 'user', content: 'x' }] });
      expect(stub.lastRequest?.headers.authorization).toBe('Bearer sk-engine-secret');
      await withoutKey
        .client('caller-key')
        .chat.completions.create({ model: 'xiaoai', messages: [{ role: 'user', content: 'x' }] });
      // The caller's own credentials are never passed on to the engine.
      expect(stub.lastRequest?.headers.authorization).toBeUndefined();
    } finally {
      await withKey.close();
      await withoutKey.close();
      await stub.close();
    }
  });
});

describe('runtime: LOG_CONTENT=true', () => {
  it('logs prompt and completion text only when explicitly enabled', async () => {
    const stub = await StubEngine.start({ reply: 'take a walk' });
    const rt = await startRuntime({ ENGINE_BASE_URL: stub.baseUrl, LOG_CONTENT: 'true' });
    try {
      await rt.client().chat.completions.create({
        model: 'xiaoai',
        messages: [{ role: 'user', content: 'what helps sleep?' }],
      });
      const line = rt.logs.requests().at(-1);
      expect(line?.content).toEqual({
        messages: [{ role: 'user', content: 'what helps sleep?' }],
        completion: 'take a walk',
      });
    } finally {
      await rt.close();
      await stub.close();
    }
  });
});
