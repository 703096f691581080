import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import type { ResponseStreamEvent } from 'openai/resources/responses/responses';
import { StubEngine } from '../support/stub-engine.js';
import { startRuntime, type TestRuntime } from './harness.js';

type ApiErr = InstanceType<typeof OpenAI.APIError>;
const STUB_ANSWER = 'tok0 tok1 tok2 tok3 tok4 tok5 tok6 tok7';

/** Requests counted by status code in ai_inference_requests_total (live and shadow traffic). */
async function requestsByCode(rt: TestRuntime): Promise<Record<string, number>> {
  const { values } = await rt.runtime.metrics.requests.get();
  const counts: Record<string, number> = {};
  for (const v of values) counts[String(v.labels.code)] = (counts[String(v.labels.code)] ?? 0) + v.value;
  return counts;
}

async function postResponses(rt: TestRuntime, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${rt.url}/v1/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

describe('runtime: POST /v1/responses (official openai client → runtime → stub engine)', () => {
  let stub: StubEngine;
  let rt: TestRuntime;
  const persona = 'You are Xiaoai, a friendly health assistant.';

  beforeAll(async () => {
    stub = await StubEngine.start();
    const dir = mkdtempSync(join(tmpdir(), 'runtime-responses-'));
    writeFileSync(join(dir, 'persona.txt'), persona);
    rt = await startRuntime({
      ENGINE_BASE_URL: stub.baseUrl,
      SYSTEM_PROMPT_FILE: join(dir, 'persona.txt'),
      MAX_TOKENS_LIMIT: '1000',
    });
  });
  afterAll(async () => {
    await rt.close();
    await stub.close();
  });
  beforeEach(() => stub.reset());

  it('answers a Response object with output_text and usage, calling the engine as chat would', async () => {
    const response = await rt.client().responses.create({
      model: 'xiaoai',
      input: 'How did I sleep?',
      instructions: 'Answer in one sentence.',
      max_output_tokens: 64,
      temperature: 0.5,
    });
    expect(response).toMatchObject({
      object: 'response',
      status: 'completed',
      model: 'xiaoai',
      instructions: 'Answer in one sentence.',
      max_output_tokens: 64,
      temperature: 0.5,
      error: null,
      incomplete_details: null,
      // The stub counts words: persona (7) + instructions (4) + input (4).
      usage: { input_tokens: 15, output_tokens: 8, total_tokens: 23 },
    });
    expect(response.id).toMatch(/^resp_[0-9a-f]{48}$/);
    expect(response.output).toHaveLength(1);
    expect(response.output[0]).toMatchObject({ type: 'message', role: 'assistant', status: 'completed' });
    const message = response.output[0] as Extract<(typeof response.output)[number], { type: 'message' }>;
    expect(message.content).toEqual([
      { type: 'output_text', text: STUB_ANSWER, annotations: [], logprobs: [] },
    ]);
    expect(response.output_text).toBe(STUB_ANSWER);

    const sent = stub.lastRequest?.body;
    expect(sent).toMatchObject({ model: 'stub-model', max_tokens: 64, temperature: 0.5, stream: false });
    expect(sent?.messages).toEqual([
      { role: 'system', content: persona },
      { role: 'system', content: 'Answer in one sentence.' },
      { role: 'user', content: 'How did I sleep?' },
    ]);
  });

  it('takes input as messages with input_text parts, and earlier answers sent back as output_text', async () => {
    await rt.client().responses.create({
      model: 'xiaoai',
      input: [
        { role: 'developer', content: 'Be kind.' },
        { role: 'user', content: [{ type: 'input_text', text: 'My name is Li.' }] },
        {
          type: 'message',
          id: 'msg_earlier',
          role: 'assistant',
          status: 'completed',
          content: [{ type: 'output_text', text: 'Hello Li.', annotations: [] }],
        },
        {
          role: 'user',
          content: [
            { type: 'input_text', text: 'What is' },
            { type: 'input_text', text: 'my name?' },
          ],
        },
      ],
    });
    expect(stub.lastRequest?.body.messages).toEqual([
      { role: 'system', content: persona },
      { role: 'developer', content: 'Be kind.' },
      { role: 'user', content: 'My name is Li.' },
      { role: 'assistant', content: 'Hello Li.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is' },
          { type: 'text', text: 'my name?' },
        ],
      },
    ]);
  });

  it('streams Responses events: created, one output_text.delta per token, completed with usage', async () => {
    stub.set({ tokens: 4, tokenDelayMs: 2 });
    const stream = await rt
      .client()
      .responses.create({ model: 'xiaoai', input: 'stream please', stream: true });
    const events: ResponseStreamEvent[] = [];
    for await (const event of stream) events.push(event);

    expect(events.map((e) => e.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, i) => i));
    const deltas = events.filter((e) => e.type === 'response.output_text.delta');
    expect(deltas.map((e) => e.delta).join('')).toBe('tok0 tok1 tok2 tok3');
    const created = events[0] as Extract<ResponseStreamEvent, { type: 'response.created' }>;
    expect(created.response).toMatchObject({ status: 'in_progress', model: 'xiaoai', output: [] });
    const completed = events.at(-1) as Extract<ResponseStreamEvent, { type: 'response.completed' }>;
    expect(completed.response).toMatchObject({
      id: created.response.id,
      status: 'completed',
      model: 'xiaoai',
      usage: { input_tokens: 9, output_tokens: 4, total_tokens: 13 },
    });
    const item = completed.response.output[0] as Extract<
      (typeof completed.response.output)[number],
      { type: 'message' }
    >;
    expect(deltas.every((e) => e.item_id === item.id)).toBe(true);
    expect(item.content).toEqual([
      { type: 'output_text', text: 'tok0 tok1 tok2 tok3', annotations: [], logprobs: [] },
    ]);
    expect(stub.lastRequest?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('reports an answer cut at the token limit as incomplete (max_output_tokens), streamed or not', async () => {
    stub.set({ finishReason: 'length' });
    const whole = await rt.client().responses.create({ model: 'xiaoai', input: 'x', max_output_tokens: 8 });
    expect(whole.status).toBe('incomplete');
    expect(whole.incomplete_details).toEqual({ reason: 'max_output_tokens' });
    expect(whole.output[0]).toMatchObject({ status: 'incomplete' });

    const stream = await rt.client().responses.create({ model: 'xiaoai', input: 'x', stream: true });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types.at(-1)).toBe('response.incomplete');
    expect(types).not.toContain('response.completed');
  });

  it('ends a stream that broke after its headers with response.failed, counted as a 502', async () => {
    stub.set({ tokens: 8, drop: 'mid-stream' });
    const before = await requestsByCode(rt);
    const stream = await rt.client().responses.create({ model: 'xiaoai', input: 'x', stream: true });
    const events: ResponseStreamEvent[] = [];
    for await (const event of stream) events.push(event);
    const last = events.at(-1) as Extract<ResponseStreamEvent, { type: 'response.failed' }>;
    expect(last.type).toBe('response.failed');
    expect(last.response.status).toBe('failed');
    expect(last.response.error?.message).toMatch(/engine/);
    expect((await requestsByCode(rt))['502']).toBe((before['502'] ?? 0) + 1);
  });

  describe('what it does not serve gets a 4xx in the OpenAI error shape naming the field, never a 5xx', () => {
    const cases: [string, Record<string, unknown>, number, string, string][] = [
      ['no input', { model: 'xiaoai' }, 400, 'invalid_value', 'input'],
      [
        'tools',
        { model: 'xiaoai', input: 'x', tools: [{ type: 'web_search' }] },
        400,
        'unsupported_parameter',
        'tools',
      ],
      [
        'a stored conversation',
        { model: 'xiaoai', input: 'x', previous_response_id: 'resp_1' },
        400,
        'unsupported_parameter',
        'previous_response_id',
      ],
      [
        'a reference to a stored item',
        { model: 'xiaoai', input: [{ type: 'item_reference', id: 'msg_1' }] },
        400,
        'unsupported_parameter',
        'input[0].type',
      ],
      [
        'an image part',
        {
          model: 'xiaoai',
          input: [{ role: 'user', content: [{ type: 'input_image', image_url: 'http://x/y.png' }] }],
        },
        400,
        'unsupported_parameter',
        'input[0].content[0].type',
      ],
      [
        'a structured output format',
        { model: 'xiaoai', input: 'x', text: { format: { type: 'json_object' } } },
        400,
        'unsupported_parameter',
        'text.format',
      ],
      [
        'an unknown role',
        { model: 'xiaoai', input: [{ role: 'robot', content: 'x' }] },
        400,
        'invalid_value',
        'input[0].role',
      ],
      [
        'temperature out of range (the chat rules)',
        { model: 'xiaoai', input: 'x', temperature: 3 },
        400,
        'invalid_value',
        'temperature',
      ],
      [
        'an output limit above MAX_TOKENS_LIMIT (named as sent)',
        { model: 'xiaoai', input: 'x', max_output_tokens: 5000 },
        400,
        'invalid_value',
        'max_output_tokens',
      ],
      ['a model not served here', { model: 'gpt-4o', input: 'x' }, 404, 'model_not_found', 'model'],
    ];
    it.each(cases)('%s', async (_name, body, status, code, param) => {
      const before = await requestsByCode(rt);
      const answer = await postResponses(rt, body);
      expect(answer.status).toBe(status);
      expect(answer.body.error).toMatchObject({ code, param, type: 'invalid_request_error' });
      expect(answer.body.error.message).toEqual(expect.any(String));
      if (code === 'unsupported_parameter')
        expect(answer.body.error.message).toContain('/v1/chat/completions');
      if (param === 'max_output_tokens') expect(answer.body.error.message).toContain("'max_output_tokens'");
      const after = await requestsByCode(rt);
      expect(after[String(status)]).toBe((before[String(status)] ?? 0) + 1);
      for (const serverError of ['500', '502', '503', '504'])
        expect(after[serverError]).toBe(before[serverError]);
      expect(stub.stats.chatCalls).toBe(0);
    });

    it('raises the official client’s own error types', async () => {
      const error = (await rt
        .client()
        .responses.create({ model: 'xiaoai', input: 'x', tools: [{ type: 'web_search' }] })
        .catch((e: unknown) => e)) as ApiErr;
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      expect(error.param).toBe('tools');
    });
  });

  it('answers 405 to anything but POST', async () => {
    const res = await fetch(`${rt.url}/v1/responses`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });

  it('logs one request line with its path and request id, without prompt or completion text', async () => {
    await rt
      .client()
      .responses.create(
        { model: 'xiaoai', input: 'my blood pressure is 150/95' },
        { headers: { 'x-request-id': 'resp-log-1' } },
      );
    const line = rt.logs.requests().find((l) => l.reqId === 'resp-log-1');
    expect(line).toMatchObject({ path: '/v1/responses', code: 200, stream: false, completionTokens: 8 });
    expect(rt.logs.raw.join('\n')).not.toContain('150/95');
    expect(rt.logs.raw.join('\n')).not.toContain('tok7');
  });
});

describe('runtime: POST /v1/responses shares the chat pipeline’s authentication', () => {
  it('needs the same API key as chat completions', async () => {
    const stub = await StubEngine.start();
    const dir = mkdtempSync(join(tmpdir(), 'runtime-responses-auth-'));
    writeFileSync(join(dir, 'keys'), 'sk-responses-test app\n');
    const rt = await startRuntime({ ENGINE_BASE_URL: stub.baseUrl, API_KEYS_FILE: join(dir, 'keys') });
    try {
      const refused = (await rt
        .client('sk-wrong')
        .responses.create({ model: 'xiaoai', input: 'x' })
        .catch((e: unknown) => e)) as ApiErr;
      expect(refused).toBeInstanceOf(OpenAI.AuthenticationError);
      expect(stub.stats.chatCalls).toBe(0);
      const served = await rt.client('sk-responses-test').responses.create({ model: 'xiaoai', input: 'x' });
      expect(served.output_text).toBe(STUB_ANSWER);
      expect(rt.logs.requests().map((l) => [l.path, l.code, l.principal])).toEqual([
        ['/v1/responses', 401, undefined],
        ['/v1/responses', 200, 'app'],
      ]);
    } finally {
      await rt.close();
      await stub.close();
    }
  });
});
