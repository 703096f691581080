import { Redis } from 'ioredis';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { ChatMessage } from '../../runtime/chat-request.js';
import { planTurn, type SessionTurn } from '../../runtime/sessions.js';
import { RedisServer } from '../support/redis-server.js';
import { StubEngine } from '../support/stub-engine.js';
import { waitFor } from '../support/wait.js';
import { startRuntime, type TestRuntime } from './harness.js';

const user = (content: string) => ({ role: 'user' as const, content });
const assistant = (content: string) => ({ role: 'assistant' as const, content });
const system = (content: string) => ({ role: 'system' as const, content });

describe('planTurn: how a request relates to the stored history', () => {
  const stored: ChatMessage[] = [
    user('I sleep badly.'),
    assistant('Since when?'),
    user('A month.'),
    assistant('Any pain?'),
  ];
  const toolCall = { id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{}' } };
  const cases: [string, readonly ChatMessage[], readonly ChatMessage[], SessionTurn][] = [
    [
      'no history yet: the request as it is, all of it kept',
      [],
      [system('Be brief.'), user('hi')],
      { messages: [system('Be brief.'), user('hi')], keep: [user('hi')], store: 'append' },
    ],
    [
      'server-kept: only the new message, put after the history',
      stored,
      [system('Be brief.'), user('No pain.')],
      {
        messages: [system('Be brief.'), ...stored, user('No pain.')],
        keep: [user('No pain.')],
        store: 'append',
      },
    ],
    [
      'server-kept: developer instructions re-sent each turn are not kept',
      stored,
      [{ role: 'developer', content: 'Be brief.' }, user('No pain.')],
      {
        messages: [{ role: 'developer', content: 'Be brief.' }, ...stored, user('No pain.')],
        keep: [user('No pain.')],
        store: 'append',
      },
    ],
    [
      'client-kept: the whole conversation, only the new turn kept',
      stored,
      [system('Be brief.'), ...stored, user('No pain.')],
      {
        messages: [system('Be brief.'), ...stored, user('No pain.')],
        keep: [user('No pain.')],
        store: 'append',
      },
    ],
    [
      'client-kept: the SDK message object re-sent as received, extra fields and all',
      stored,
      [
        user('I sleep badly.'),
        { ...assistant('Since when?'), refusal: null, annotations: [] },
        user('A month.'),
        assistant('Any pain?'),
        user('No.'),
      ],
      {
        messages: [
          user('I sleep badly.'),
          { ...assistant('Since when?'), refusal: null, annotations: [] },
          user('A month.'),
          assistant('Any pain?'),
          user('No.'),
        ],
        keep: [user('No.')],
        store: 'append',
      },
    ],
    [
      'client-kept: an empty answer re-sent as null with its tool calls, then the tool result',
      [user('Look it up.'), assistant('')],
      [
        user('Look it up.'),
        { role: 'assistant', content: null, tool_calls: [toolCall] },
        { role: 'tool', tool_call_id: 'call_1', content: '42' },
      ],
      {
        messages: [
          user('Look it up.'),
          { role: 'assistant', content: null, tool_calls: [toolCall] },
          { role: 'tool', tool_call_id: 'call_1', content: '42' },
        ],
        keep: [{ role: 'tool', tool_call_id: 'call_1', content: '42' }],
        store: 'append',
      },
    ],
    [
      'client-kept: a string re-sent as one text part',
      [user('hello'), assistant('hi')],
      [{ role: 'user', content: [{ type: 'text', text: 'hello' }] }, assistant('hi'), user('bye')],
      {
        messages: [
          { role: 'user', content: [{ type: 'text', text: 'hello' }] },
          assistant('hi'),
          user('bye'),
        ],
        keep: [user('bye')],
        store: 'append',
      },
    ],
    [
      'client-kept, regenerated: the last answer left out, the client copy replaces the session',
      stored,
      [user('I sleep badly.'), assistant('Since when?'), user('A month.')],
      {
        messages: [user('I sleep badly.'), assistant('Since when?'), user('A month.')],
        keep: [user('I sleep badly.'), assistant('Since when?'), user('A month.')],
        store: 'replace',
      },
    ],
    [
      'client-kept, edited: an earlier message changed, the client copy replaces the session',
      stored,
      [
        user('I sleep well.'),
        assistant('Since when?'),
        user('A month.'),
        assistant('Any pain?'),
        user('No.'),
      ],
      {
        messages: [
          user('I sleep well.'),
          assistant('Since when?'),
          user('A month.'),
          assistant('Any pain?'),
          user('No.'),
        ],
        keep: [
          user('I sleep well.'),
          assistant('Since when?'),
          user('A month.'),
          assistant('Any pain?'),
          user('No.'),
        ],
        store: 'replace',
      },
    ],
    [
      'an image part differs from one in the history: not the same turn',
      [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:a' } }] }, assistant('a cat')],
      [
        { role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:b' } }] },
        assistant('a cat'),
        user('sure?'),
      ],
      {
        messages: [
          { role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:b' } }] },
          assistant('a cat'),
          user('sure?'),
        ],
        keep: [
          { role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:b' } }] },
          assistant('a cat'),
          user('sure?'),
        ],
        store: 'replace',
      },
    ],
  ];
  it.each(cases)('%s', (_name, history, messages, expected) => {
    expect(planTurn(history, messages)).toEqual(expected);
  });
});

describe('session history with a real redis-server', () => {
  let redis: RedisServer;
  let stub: StubEngine;
  let rt: TestRuntime;
  let admin: Redis;

  beforeAll(async () => {
    redis = await RedisServer.start();
    stub = await StubEngine.start();
    admin = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await admin.connect();
    rt = await startRuntime({
      ENGINE_BASE_URL: stub.baseUrl,
      REDIS_MODE: 'standalone',
      REDIS_URL: redis.url,
    });
    await waitFor(() => rt.runtime.redis?.status === 'ready', {
      description: 'the runtime to connect to redis',
    });
  });
  afterAll(async () => {
    await rt.close();
    admin.disconnect();
    await stub.close();
    await redis.dispose();
  });
  beforeEach(async () => {
    stub.reset();
    await admin.flushall();
  });

  const questions = ['I sleep badly lately.', 'About a month now.', 'No pain, just tired.'];

  /** Three turns the way LangChain and the AI SDK keep history: everything, every time. */
  async function clientKeptConversation(headers: Record<string, string>): Promise<number[]> {
    const messages: ChatCompletionMessageParam[] = [system('Answer briefly.')];
    const promptTokens: number[] = [];
    for (const [i, question] of questions.entries()) {
      messages.push(user(question));
      stub.set({ reply: `answer number ${i + 1}` });
      const completion = await rt
        .client()
        .chat.completions.create({ model: 'xiaoai', messages }, { headers });
      promptTokens.push(completion.usage?.prompt_tokens ?? -1);
      messages.push(completion.choices[0]?.message as ChatCompletionMessageParam);
    }
    return promptTokens;
  }

  it('cost no more for client-kept history than the same requests without a session', async () => {
    const withoutSession = await clientKeptConversation({});
    const withSession = await clientKeptConversation({ 'X-Session-Id': 'conv-client-kept' });
    expect(withSession).toEqual(withoutSession);
    expect(withSession).toEqual([6, 13, 20]);
    const [key] = await admin.keys('suoke:session:*conv-client-kept');
    expect(await admin.llen(key as string)).toBe(6);
  });

  it('keep each turn once, so a client may switch to sending only the new message', async () => {
    const headers = { 'X-Session-Id': 'conv-switch' };
    stub.set({ reply: 'Since when?' });
    const first = await rt
      .client()
      .chat.completions.create({ model: 'xiaoai', messages: [user('I sleep badly.')] }, { headers });
    stub.set({ reply: 'Any pain?', tokenDelayMs: 1 });
    const stream = await rt.client().chat.completions.create(
      {
        model: 'xiaoai',
        messages: [
          user('I sleep badly.'),
          first.choices[0]?.message as ChatCompletionMessageParam,
          user('A month.'),
        ],
        stream: true,
      },
      { headers },
    );
    for await (const _chunk of stream) {
      // drain
    }
    await rt.client().chat.completions.create({ model: 'xiaoai', messages: [user('No pain.')] }, { headers });
    expect(stub.lastRequest?.body.messages).toEqual([
      user('I sleep badly.'),
      assistant('Since when?'),
      user('A month.'),
      assistant('Any pain?'),
      user('No pain.'),
    ]);
  });

  it('let a regenerated answer replace the stored one: the client copy wins', async () => {
    const headers = { 'X-Session-Id': 'conv-regenerate' };
    const opening = [user('I sleep badly.'), assistant('Since when?'), user('A month.')];
    stub.set({ reply: 'Since when?' });
    await rt
      .client()
      .chat.completions.create({ model: 'xiaoai', messages: [user('I sleep badly.')] }, { headers });
    stub.set({ reply: 'Any pain?' });
    await rt.client().chat.completions.create({ model: 'xiaoai', messages: opening }, { headers });
    // The user did not like 'Any pain?' and asks again with the same conversation.
    stub.set({ reply: 'Do you drink coffee?' });
    await rt.client().chat.completions.create({ model: 'xiaoai', messages: opening }, { headers });
    expect(stub.lastRequest?.body.messages).toEqual(opening);
    await rt
      .client()
      .chat.completions.create({ model: 'xiaoai', messages: [user('Two cups.')] }, { headers });
    expect(stub.lastRequest?.body.messages).toEqual([
      ...opening,
      assistant('Do you drink coffee?'),
      user('Two cups.'),
    ]);
  });

  it('do not keep developer instructions a server-kept client re-sends every turn', async () => {
    const headers = { 'X-Session-Id': 'conv-developer' };
    const instructions = { role: 'developer' as const, content: 'Answer briefly.' };
    stub.set({ reply: 'Since when?' });
    await rt
      .client()
      .chat.completions.create(
        { model: 'xiaoai', messages: [instructions, user('I sleep badly.')] },
        { headers },
      );
    await rt
      .client()
      .chat.completions.create({ model: 'xiaoai', messages: [instructions, user('A month.')] }, { headers });
    expect(stub.lastRequest?.body.messages).toEqual([
      instructions,
      user('I sleep badly.'),
      assistant('Since when?'),
      user('A month.'),
    ]);
  });

  it('answer 503 rather than lose a turn Redis refused to keep', async () => {
    const headers = { 'X-Session-Id': 'conv-refused' };
    await rt.client().chat.completions.create({ model: 'xiaoai', messages: [user('first')] }, { headers });
    const [key] = await admin.keys('suoke:session:*conv-refused');
    // While the engine answers turn two, the key stops being a list: the append inside MULTI fails.
    stub.set({ delayMs: 2_000 });
    const second = rt
      .client()
      .chat.completions.create({ model: 'xiaoai', messages: [user('second')] }, { headers })
      .catch((e: unknown) => e as { status?: number; code?: string });
    await waitFor(() => stub.stats.chatCalls === 2, { description: 'the engine to receive turn two' });
    await admin.set(key as string, 'not a list');
    expect(await second).toMatchObject({ status: 503, code: 'session_store_unavailable' });
  });
});
