import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { jsonDepthExceeds } from '../../runtime/body.js';
import { RedisServer } from '../support/redis-server.js';
import { StubEngine } from '../support/stub-engine.js';
import { waitFor } from '../support/wait.js';
import { postRaw, startRuntime, type TestRuntime } from './harness.js';

type Json = Record<string, unknown>;
const user = (content: unknown) => ({ role: 'user', content });
const ask = (extra: Json = {}, messages: unknown[] = [user('hi')]) =>
  JSON.stringify({ model: 'xiaoai', messages, ...extra });

/** `n` levels of nested arrays as JSON text, e.g. 2 → `[[]]`. */
const brackets = (n: number) => '['.repeat(n) + ']'.repeat(n);

/** A JSON Schema of arrays of arrays..., `levels` objects deep. */
function nestedSchema(levels: number): Json {
  let schema: Json = { type: 'string' };
  for (let i = 1; i < levels; i++) schema = { type: 'array', items: schema };
  return schema;
}

/** A body whose deepest point is `depth` levels down: body, tools, tool, function, then the schema. */
function toolBodyOfDepth(depth: number): string {
  const tool = { type: 'function', function: { name: 'lookup', parameters: nestedSchema(depth - 4) } };
  return ask({ tools: [tool] });
}

async function errorOf(response: Response): Promise<Json> {
  const body = (await response.json()) as { error: Json };
  expect(Object.keys(body)).toEqual(['error']);
  const { param, ...rest } = body.error;
  expect(rest).toEqual({
    message: expect.any(String),
    type: 'invalid_request_error',
    code: expect.any(String),
  });
  expect(param === null || typeof param === 'string').toBe(true);
  return body.error;
}

/** Sum of `ai_inference_requests_total` over 5xx codes, as /metrics exposes it. */
async function serverErrors(rt: TestRuntime): Promise<number> {
  const text = await rt.runtime.metrics.registry.metrics();
  let sum = 0;
  for (const match of text.matchAll(/^ai_inference_requests_total\{code="5\d\d"[^}]*\} (\d+)$/gm)) {
    sum += Number(match[1]);
  }
  return sum;
}

describe('jsonDepthExceeds: counts nesting outside strings in one pass', () => {
  const cases: [string, string, number, boolean][] = [
    ['a flat object at its limit', '{"a":1}', 1, false],
    ['an object in an array over a limit of 1', '[{}]', 1, true],
    ['the doc example at 3', '{"a":[1,{"b":"[["}]}', 3, false],
    ['the doc example at 2', '{"a":[1,{"b":"[["}]}', 2, true],
    ['brackets inside a string', `{"a":"${brackets(500)}"}`, 1, false],
    ['an escaped quote does not end the string', '{"a":"\\"[[[["}', 1, false],
    ['an escaped backslash does end it', '{"a":"\\\\","b":[[]]}', 2, true],
    ['unicode escapes and surrogates', '{"a":"\\u005b\\ud83d\\ude00😀"}', 1, false],
    ['siblings do not add up', '[[],[],[],[]]', 2, false],
    ['5,000 levels', brackets(5000), 64, true],
  ];
  it.each(cases)('%s', (_name, text, limit, exceeds) => {
    expect(jsonDepthExceeds(text, limit)).toBe(exceeds);
  });
});

describe('runtime: request bounds and the parameter allow-list', () => {
  let redis: RedisServer;
  let stub: StubEngine;
  let rt: TestRuntime;
  const persona = 'You are Xiaoai.';

  beforeAll(async () => {
    redis = await RedisServer.start();
    stub = await StubEngine.start();
    const dir = mkdtempSync(join(tmpdir(), 'runtime-limits-'));
    writeFileSync(join(dir, 'persona.txt'), persona);
    rt = await startRuntime({
      ENGINE_BASE_URL: stub.baseUrl,
      SYSTEM_PROMPT_FILE: join(dir, 'persona.txt'),
      REDIS_MODE: 'standalone',
      REDIS_URL: redis.url,
      MAX_TOKENS_LIMIT: '1000',
      MAX_REQUEST_MESSAGES: '8',
      EXTRA_REQUEST_PARAMS: 'top_k, chat_template_kwargs',
    });
    await waitFor(() => rt.runtime.redis?.status === 'ready', { description: 'the runtime to reach redis' });
  });
  afterAll(async () => {
    await rt.close();
    await stub.close();
    await redis.dispose();
  });
  beforeEach(() => stub.reset());

  describe('nesting depth (MAX_JSON_DEPTH, default 64)', () => {
    // Today's 5xx: the body parses, then a recursive serialiser (the SDK's, the cache key's) overflows.
    const deep: [string, string][] = [
      [
        'deep in a tool schema',
        ask({ tools: [{ type: 'function', function: { name: 'f', parameters: {} } }] }).replace(
          '"parameters":{}',
          `"parameters":{"default":${brackets(5000)}}`,
        ),
      ],
      [
        'deep in a tool schema, temperature 0 (cached)',
        ask({ temperature: 0, tools: [] }).replace('"tools":[]', `"tools":${brackets(5000)}`),
      ],
      [
        'deep in an unknown field, streaming',
        ask({ stream: true }).replace('"stream":true', `"stream":true,"x":${brackets(5000)}`),
      ],
      [
        'deep in a message',
        ask({}, [user('x')]).replace('"content":"x"', `"content":"x","extra":${brackets(5000)}`),
      ],
    ];
    it.each(deep)('%s → 400 json_too_deep, not a 5xx, and the engine is not called', async (_name, body) => {
      const before = await serverErrors(rt);
      const response = await postRaw(rt.url, body);
      expect(response.status).toBe(400);
      const error = await errorOf(response);
      expect(error.code).toBe('json_too_deep');
      expect(error.message).toMatch(/deeper than 64 levels \(MAX_JSON_DEPTH\)/);
      expect(stub.stats.chatCalls).toBe(0);
      expect(await serverErrors(rt)).toBe(before);
    });

    it('accepts a body exactly 64 levels deep and forwards it whole; refuses 65', async () => {
      const atLimit = await postRaw(rt.url, toolBodyOfDepth(64));
      expect(atLimit.status).toBe(200);
      expect(stub.lastRequest?.body.tools).toEqual(JSON.parse(toolBodyOfDepth(64)).tools);
      const over = await postRaw(rt.url, toolBodyOfDepth(65));
      expect(over.status).toBe(400);
      expect((await errorOf(over)).code).toBe('json_too_deep');
    });

    it('does not count brackets inside strings', async () => {
      const response = await postRaw(rt.url, ask({}, [user(brackets(2000))]));
      expect(response.status).toBe(200);
      expect(stub.lastRequest?.body.messages.at(-1)).toEqual(user(brackets(2000)));
    });
  });

  describe('parameters: only the standard ones (and EXTRA_REQUEST_PARAMS) reach the engine', () => {
    it.each([
      'chat_template',
      'prompt_logprobs',
      'echo',
      'add_generation_prompt',
      'guided_json',
      'functions',
    ])('refuses %s with 400 unknown_parameter naming it and how to allow it', async (name) => {
      const response = await postRaw(rt.url, ask({ [name]: name === 'echo' ? true : 'x' }));
      expect(response.status).toBe(400);
      const error = await errorOf(response);
      expect(error).toMatchObject({ code: 'unknown_parameter', param: name });
      expect(error.message).toContain(`"${name}"`);
      expect(error.message).toContain('EXTRA_REQUEST_PARAMS');
      expect(stub.stats.chatCalls).toBe(0);
    });

    it('forwards every standard parameter the official client sends, unchanged', async () => {
      const params = {
        temperature: 0.7,
        top_p: 0.9,
        n: 2,
        max_tokens: 100,
        max_completion_tokens: 100,
        stop: ['\n\n', 'END'],
        seed: 42,
        presence_penalty: 0.5,
        frequency_penalty: -0.5,
        logit_bias: { '50256': -100, '13': 5 },
        logprobs: true,
        top_logprobs: 5,
        user: 'user-7',
        reasoning_effort: 'low' as const,
        tools: [
          {
            type: 'function' as const,
            function: {
              name: 'get_weather',
              description: 'Weather in a city.',
              parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
              strict: true,
            },
          },
        ],
        tool_choice: { type: 'function' as const, function: { name: 'get_weather' } },
        parallel_tool_calls: false,
        response_format: {
          type: 'json_schema' as const,
          json_schema: { name: 'weather', schema: { type: 'object' } },
        },
      };
      await rt
        .client()
        .chat.completions.create({ model: 'xiaoai', messages: [user('hi') as any], ...params });
      const { model, messages, stream, ...sent } = stub.lastRequest?.body ?? {};
      expect(sent).toEqual(params);
      expect(model).toBe('stub-model');
      expect(stream).toBe(false);
      expect(messages).toEqual([{ role: 'system', content: persona }, user('hi')]);
    });

    it('forwards the names in EXTRA_REQUEST_PARAMS as they are', async () => {
      const response = await postRaw(
        rt.url,
        ask({ top_k: 20, chat_template_kwargs: { enable_thinking: false } }),
      );
      expect(response.status).toBe(200);
      expect(stub.lastRequest?.body).toMatchObject({
        top_k: 20,
        chat_template_kwargs: { enable_thinking: false },
      });
    });

    it('leaves out null fields, which mean "not given", whatever their name', async () => {
      const response = await postRaw(
        rt.url,
        ask({ temperature: null, functions: null, chat_template: null }),
      );
      expect(response.status).toBe(200);
      expect(Object.keys(stub.lastRequest?.body ?? {}).sort()).toEqual(['messages', 'model', 'stream']);
    });

    const badValues: [string, Json, string, RegExp][] = [
      [
        'max_tokens over MAX_TOKENS_LIMIT',
        { max_tokens: 1001 },
        'max_tokens',
        /from 1 to 1000 \(MAX_TOKENS_LIMIT\); got 1001/,
      ],
      [
        'max_completion_tokens over it',
        { max_completion_tokens: 5000 },
        'max_completion_tokens',
        /MAX_TOKENS_LIMIT/,
      ],
      ['a seed beyond 2^53', { seed: 1e300 }, 'seed', /must be an integer/],
      ['a huge temperature', { temperature: 1e308 }, 'temperature', /from 0 to 2/],
      ['top_logprobs over 20', { top_logprobs: 21 }, 'top_logprobs', /from 0 to 20/],
      ['stop with a number', { stop: ['a', 1] }, 'stop', /array of strings/],
      ['logit_bias keyed by words', { logit_bias: { hello: 1 } }, 'logit_bias', /token ids/],
      ['logit_bias out of range', { logit_bias: { '42': 101 } }, 'logit_bias["42"]', /-100 to 100/],
      ['tools not an array', { tools: { type: 'function' } }, 'tools', /array of tools/],
      ['a tool of another type', { tools: [{ type: 'web_search' }] }, 'tools[0].type', /'function'/],
      [
        'a tool without a name',
        { tools: [{ type: 'function', function: {} }] },
        'tools[0].function.name',
        /non-empty string/,
      ],
      [
        'tool parameters not an object',
        { tools: [{ type: 'function', function: { name: 'f', parameters: 'x' } }] },
        'tools[0].function.parameters',
        /JSON Schema object/,
      ],
      [
        '129 tools',
        { tools: Array.from({ length: 129 }, (_, i) => ({ type: 'function', function: { name: `f${i}` } })) },
        'tools',
        /at most 128 tools; got 129/,
      ],
      ['tool_choice unknown', { tool_choice: 'always' }, 'tool_choice', /none, auto, required/],
      [
        'response_format unknown',
        { response_format: { type: 'xml' } },
        'response_format.type',
        /text, json_object, json_schema/,
      ],
      [
        'json_schema without a schema object',
        { response_format: { type: 'json_schema' } },
        'response_format.json_schema',
        /'name' and 'schema'/,
      ],
    ];
    it.each(badValues)('%s → 400 naming the field', async (_name, extra, param, message) => {
      const response = await postRaw(rt.url, ask(extra));
      expect(response.status).toBe(400);
      const error = await errorOf(response);
      expect(error).toMatchObject({ code: 'invalid_value', param });
      expect(error.message).toMatch(message);
      expect(stub.stats.chatCalls).toBe(0);
    });

    it('lets max_tokens reach MAX_TOKENS_LIMIT exactly; the official client gets a BadRequestError above it', async () => {
      await rt
        .client()
        .chat.completions.create({ model: 'xiaoai', messages: [user('hi') as any], max_tokens: 1000 });
      expect(stub.lastRequest?.body.max_tokens).toBe(1000);
      const error = await rt
        .client()
        .chat.completions.create({ model: 'xiaoai', messages: [user('hi') as any], max_tokens: 1001 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      expect((error as InstanceType<typeof OpenAI.APIError>).param).toBe('max_tokens');
    });
  });

  describe('messages', () => {
    it('refuses more than MAX_REQUEST_MESSAGES messages, naming the limit; takes exactly that many', async () => {
      const eight = Array.from({ length: 8 }, (_, i) => user(`m${i}`));
      expect((await postRaw(rt.url, ask({}, eight))).status).toBe(200);
      const response = await postRaw(rt.url, ask({}, [...eight, user('one more')]));
      expect(response.status).toBe(400);
      const error = await errorOf(response);
      expect(error).toMatchObject({ code: 'invalid_value', param: 'messages' });
      expect(error.message).toMatch(/holds 9 messages; at most 8 .*MAX_REQUEST_MESSAGES/);
    });

    const badParts: [string, unknown[], string][] = [
      ['an empty parts array', [user([])], 'messages[0].content'],
      ['a part that is a number', [user([5])], 'messages[0].content[0]'],
      [
        'a part of an unknown type',
        [user([{ type: 'video_url', video_url: { url: 'x' } }])],
        'messages[0].content[0]',
      ],
      ['a file part', [user([{ type: 'file', file: { file_id: 'f' } }])], 'messages[0].content[0]'],
      ['a text part without text', [user([{ type: 'text' }])], 'messages[0].content[0].text'],
      ['a text part with a number', [user([{ type: 'text', text: 5 }])], 'messages[0].content[0].text'],
      [
        'an image_url that is a string',
        [user([{ type: 'image_url', image_url: 'http://x' }])],
        'messages[0].content[0].image_url',
      ],
      [
        'an image url that is not a string',
        [user([{ type: 'image_url', image_url: { url: 7 } }])],
        'messages[0].content[0].image_url.url',
      ],
      [
        'audio without a format',
        [user([{ type: 'input_audio', input_audio: { data: 'AAAA' } }])],
        'messages[0].content[0].input_audio.format',
      ],
      [
        'the second part of the second message',
        [
          user('a'),
          user([
            { type: 'text', text: 'ok' },
            { type: 'text', text: null },
          ]),
        ],
        'messages[1].content[1].text',
      ],
      ['a name that is not a string', [{ role: 'user', content: 'x', name: 5 }], 'messages[0].name'],
      [
        'tool call arguments as an object',
        [
          {
            role: 'assistant',
            content: null,
            tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: {} } }],
          },
        ],
        'messages[0].tool_calls[0].function.arguments',
      ],
    ];
    it.each(badParts)('%s → 400 naming the part at fault', async (_name, messages, param) => {
      const response = await postRaw(rt.url, ask({}, messages));
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toMatchObject({ code: 'invalid_value', param });
      expect(stub.stats.chatCalls).toBe(0);
    });

    const refusedImages = [
      'http://images.example.com/cat.png',
      'https://169.254.169.254/latest/meta-data/',
      'https://2130706433/admin',
      'https://[::1]/x.png',
      'https://redis.suoke-ai.svc.cluster.local/x',
      'https://metadata.google.internal/computeMetadata/v1/',
      'https://localhost/x.png',
      'https://user:secret@images.example.com/x.png',
      'file:///etc/passwd',
      'gopher://images.example.com/',
      'not a url',
    ];
    it.each(refusedImages)(
      'refuses the image URL %s: the engine would fetch it from inside the cluster',
      async (url) => {
        const response = await postRaw(rt.url, ask({}, [user([{ type: 'image_url', image_url: { url } }])]));
        expect(response.status).toBe(400);
        const error = await errorOf(response);
        expect(error).toMatchObject({ code: 'invalid_value', param: 'messages[0].content[0].image_url.url' });
        expect(error.message).toMatch(/must be inline image data .* or an https URL of a public host name/);
        expect(stub.stats.chatCalls).toBe(0);
      },
    );

    it('passes inline image data and https URLs of public hosts to the engine', async () => {
      for (const url of ['https://images.example.com/cat.png?size=2', 'data:image/jpeg;base64,/9j/4AAQ']) {
        expect(
          (await postRaw(rt.url, ask({}, [user([{ type: 'image_url', image_url: { url } }])]))).status,
        ).toBe(200);
        expect(stub.lastRequest?.body.messages.at(-1).content[0].image_url.url).toBe(url);
      }
    });

    it('forwards text, image_url and input_audio parts, without fields of their own', async () => {
      const parts = [
        { type: 'text', text: 'what is this?', cache_control: { type: 'ephemeral' } },
        {
          type: 'image_url',
          image_url: { url: 'data:image/png;base64,iVBORw0KGgo=', detail: 'low', extra: 1 },
        },
        { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
      ];
      expect((await postRaw(rt.url, ask({}, [user(parts)]))).status).toBe(200);
      expect(stub.lastRequest?.body.messages.at(-1)).toEqual(
        user([
          { type: 'text', text: 'what is this?' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=', detail: 'low' } },
          { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
        ]),
      );
    });

    it('takes an answer sent back as history, keeping tool calls and dropping response-only fields', async () => {
      const toolCall = {
        id: 'call_1',
        type: 'function',
        function: { name: 'get_weather', arguments: '{"city":"Xi\'an"}' },
      };
      const history = [
        user('weather?'),
        {
          role: 'assistant',
          content: null,
          tool_calls: [toolCall],
          refusal: null,
          annotations: [],
          reasoning_content: 'hmm',
        },
        { role: 'tool', tool_call_id: 'call_1', content: 'sunny', name: 'get_weather' },
      ];
      expect((await postRaw(rt.url, ask({}, history))).status).toBe(200);
      expect(stub.lastRequest?.body.messages.slice(1)).toEqual([
        user('weather?'),
        { role: 'assistant', content: null, tool_calls: [toolCall] },
        { role: 'tool', tool_call_id: 'call_1', content: 'sunny', name: 'get_weather' },
      ]);
    });
  });
});
