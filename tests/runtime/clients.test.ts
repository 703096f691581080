import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { freePort } from '../support/net.js';
import { RedisServer } from '../support/redis-server.js';
import { StubEngine } from '../support/stub-engine.js';
import { waitFor } from '../support/wait.js';
import {
  AI_SDK_COMPATIBLE_CLIENT,
  AI_SDK_OPENAI_CHAT_CLIENT,
  AI_SDK_OPENAI_RESPONSES_CLIENT,
  LANGCHAIN_CLIENT,
  OPENAI_CLIENT,
  type ClientKind,
  type FunctionTool,
  type Message,
  type Sampling,
  type SeenFailure,
  type Turn,
} from './client-adapters.js';
import { startRuntime, type TestRuntime } from './harness.js';

/**
 * The client libraries agents are written with, run unchanged against the runtime (over the stub
 * engine, sessions in a real redis-server): the official `openai` client, LangChain's ChatOpenAI and
 * the Vercel AI SDK. Listing models is only asked of the official client: LangChain's chat models
 * and the AI SDK's providers have no call for it.
 */

// LangChain traces to LangSmith when a developer's environment turns it on; these tests stay on loopback.
process.env.LANGSMITH_TRACING = 'false';
process.env.LANGCHAIN_TRACING_V2 = 'false';

const user = (content: string): Message => ({ role: 'user', content });
const assistant = (content: string): Message => ({ role: 'assistant', content });
const ask: Turn = { messages: [user('How should I sleep after a night shift?')] };
const ANSWER = 'Keep the room dark and cool.';
const SAMPLING: Sampling = { maxTokens: 64, topP: 0.9, stop: ['Goodbye'], seed: 7 };
const SLEEP_LOG_TOOL: FunctionTool = {
  name: 'get_sleep_log',
  description: 'Hours slept on each of the last nights.',
  parameters: {
    type: 'object',
    properties: { nights: { type: 'integer', minimum: 1, maximum: 14 } },
    required: ['nights'],
    additionalProperties: false,
  },
};

const CHAT_COMPLETIONS_CLIENTS: readonly ClientKind[] = [
  OPENAI_CLIENT,
  LANGCHAIN_CLIENT,
  AI_SDK_COMPATIBLE_CLIENT,
  AI_SDK_OPENAI_CHAT_CLIENT,
];
const keyOf = (kind: ClientKind) => `key-${kind.id}`;

/** The runtimes the suite talks to, each configured for the answers it must give. */
interface Runtimes {
  /** Sessions in redis, API keys required. */
  readonly served: TestRuntime;
  /** As `served`, with a rate limit of one request per caller (then a long wait). */
  readonly limited: TestRuntime;
  /** Its engine's port has nothing listening. */
  readonly engineDown: TestRuntime;
  /** Its engine answers every call with 429 (overloaded). */
  readonly engineBusy: TestRuntime;
}

type RuntimeName = keyof Runtimes;

/** One way to make the runtime refuse a request, and what the runtime must answer. */
interface ErrorCase {
  readonly name: string;
  readonly status: 400 | 401 | 404 | 429 | 502 | 503;
  readonly runtime: RuntimeName;
  readonly apiKey?: string;
  readonly turn: Turn;
  readonly streamed?: boolean;
  /** Calls made first, e.g. to spend the rate limit. @default 0 */
  readonly callsBefore?: number;
  /** What the runtime's error body says, as the client exposes it. */
  readonly expected: Pick<SeenFailure, 'code'> & Partial<Pick<SeenFailure, 'param'>>;
  readonly retryAfter?: RegExp;
}

const ERROR_CASES: readonly ErrorCase[] = [
  {
    name: 'an API key the runtime does not know: 401',
    status: 401,
    runtime: 'served',
    apiKey: 'not-a-key',
    turn: ask,
    expected: { code: 'invalid_api_key' },
  },
  {
    name: 'a parameter out of range (temperature 3): 400 naming it',
    status: 400,
    runtime: 'served',
    turn: { ...ask, temperature: 3 },
    expected: { code: 'invalid_value', param: 'temperature' },
  },
  {
    name: 'a model the runtime does not serve: 404',
    status: 404,
    runtime: 'served',
    turn: { ...ask, model: 'gpt-4o' },
    expected: { code: 'model_not_found', param: 'model' },
  },
  {
    name: 'the rate limit spent: 429 with Retry-After',
    status: 429,
    runtime: 'limited',
    turn: ask,
    callsBefore: 1,
    expected: { code: 'rate_limit_exceeded' },
    retryAfter: /^[1-9]\d*$/,
  },
  {
    name: 'an engine that cannot be reached: 502',
    status: 502,
    runtime: 'engineDown',
    turn: ask,
    expected: { code: 'engine_unavailable' },
  },
  {
    name: 'an engine that cannot be reached, streamed: 502 before any token',
    status: 502,
    runtime: 'engineDown',
    turn: ask,
    streamed: true,
    expected: { code: 'engine_unavailable' },
  },
  {
    name: 'an overloaded engine: 503 with Retry-After',
    status: 503,
    runtime: 'engineBusy',
    turn: ask,
    expected: { code: 'engine_overloaded' },
    retryAfter: /^[1-9]\d*$/,
  },
];

/**
 * What each client raises per status: the classes its users catch, and the marks its own machinery
 * reads (LangChain's troubleshooting code, the AI SDK's retry decision).
 */
const OPENAI_TYPES = {
  400: 'BadRequestError',
  401: 'AuthenticationError',
  404: 'NotFoundError',
  429: 'RateLimitError',
  502: 'InternalServerError',
  503: 'InternalServerError',
} as const;
const EXPECTED_ERRORS: Record<string, Record<ErrorCase['status'], Partial<SeenFailure>>> = {
  [OPENAI_CLIENT.id]: {
    400: { errorType: OPENAI_TYPES[400] },
    401: { errorType: OPENAI_TYPES[401] },
    404: { errorType: OPENAI_TYPES[404] },
    429: { errorType: OPENAI_TYPES[429] },
    502: { errorType: OPENAI_TYPES[502] },
    503: { errorType: OPENAI_TYPES[503] },
  },
  [LANGCHAIN_CLIENT.id]: {
    400: { errorType: OPENAI_TYPES[400], lcErrorCode: undefined },
    401: { errorType: OPENAI_TYPES[401], lcErrorCode: 'MODEL_AUTHENTICATION' },
    404: { errorType: OPENAI_TYPES[404], lcErrorCode: 'MODEL_NOT_FOUND' },
    429: { errorType: OPENAI_TYPES[429], lcErrorCode: 'MODEL_RATE_LIMIT' },
    502: { errorType: OPENAI_TYPES[502], lcErrorCode: undefined },
    503: { errorType: OPENAI_TYPES[503], lcErrorCode: undefined },
  },
  ...Object.fromEntries(
    [AI_SDK_COMPATIBLE_CLIENT, AI_SDK_OPENAI_CHAT_CLIENT].map((kind) => [
      kind.id,
      {
        400: { errorType: 'APICallError', retryable: false },
        401: { errorType: 'APICallError', retryable: false },
        404: { errorType: 'APICallError', retryable: false },
        429: { errorType: 'APICallError', retryable: true },
        502: { errorType: 'APICallError', retryable: true },
        503: { errorType: 'APICallError', retryable: true },
      },
    ]),
  ),
};

async function failureOf(kind: ClientKind, call: Promise<unknown>): Promise<SeenFailure> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeDefined();
  return kind.failure(error);
}

describe('client compatibility: real client libraries → runtime → stub engine', () => {
  let redis: RedisServer;
  let stub: StubEngine;
  let busyStub: StubEngine;
  let keysDir: string;
  let runtimes: Runtimes;

  const sessionId = (() => {
    let n = 0;
    return (kind: ClientKind) => `${kind.id}-conversation-${++n}`;
  })();

  beforeAll(async () => {
    redis = await RedisServer.start();
    stub = await StubEngine.start();
    busyStub = await StubEngine.start({ failRate: 1, failStatus: 429 });
    keysDir = mkdtempSync(join(tmpdir(), 'runtime-clients-'));
    const keysFile = join(keysDir, 'api-keys');
    const allKinds = [...CHAT_COMPLETIONS_CLIENTS, AI_SDK_OPENAI_RESPONSES_CLIENT];
    writeFileSync(keysFile, allKinds.map((kind) => `${keyOf(kind)} ${kind.id}\n`).join(''));
    const withRedis = { REDIS_MODE: 'standalone', REDIS_URL: redis.url, API_KEYS_FILE: keysFile };
    const noRetries = { ENGINE_MAX_RETRIES: '0', API_KEYS_FILE: keysFile };
    runtimes = {
      served: await startRuntime({ ENGINE_BASE_URL: stub.baseUrl, ...withRedis }),
      // One request, then a refill so slow that the next one waits about 1,000 s.
      limited: await startRuntime({
        ENGINE_BASE_URL: stub.baseUrl,
        ...withRedis,
        RATE_LIMIT_RPS: '0.001',
        RATE_LIMIT_BURST: '1',
      }),
      engineDown: await startRuntime({
        ENGINE_BASE_URL: `http://127.0.0.1:${await freePort()}/v1`,
        ...noRetries,
      }),
      engineBusy: await startRuntime({ ENGINE_BASE_URL: busyStub.baseUrl, ...noRetries }),
    };
    // Sessions and rate limits need the connection; the rate limiter lets everything through without it.
    await waitFor(
      () =>
        runtimes.served.runtime.redis?.status === 'ready' &&
        runtimes.limited.runtime.redis?.status === 'ready',
      { description: 'the runtimes to connect to redis' },
    );
  });
  afterAll(async () => {
    for (const rt of Object.values(runtimes ?? {})) await rt.close();
    await stub?.close();
    await busyStub?.close();
    await redis?.dispose();
    rmSync(keysDir, { recursive: true, force: true });
  });
  beforeEach(() => stub.reset({ reply: ANSWER }));

  describe.each(CHAT_COMPLETIONS_CLIENTS)('$name', (kind) => {
    const client = (rt: RuntimeName = 'served', apiKey = keyOf(kind)) =>
      kind.connect(runtimes[rt].url, apiKey);

    it('gets the engine’s answer to a chat completion, its messages passed on unchanged', async () => {
      expect(await client().complete(ask)).toBe(ANSWER);
      expect(stub.lastRequest?.body.messages).toEqual(ask.messages);
      expect(stub.lastRequest?.body.stream).not.toBe(true);
    });

    it('streams: the text assembled from the deltas is the engine’s answer', async () => {
      stub.set({ tokenDelayMs: 1 });
      expect(await client().stream(ask)).toBe(ANSWER);
      expect(stub.lastRequest?.body.stream).toBe(true);
      expect(stub.stats.completed).toBe(1);
    });

    it('passes its sampling settings and tool definitions through to the engine', async () => {
      // A prompt of its own, so no other client's answer to the same seeded request comes from the cache.
      const turn: Turn = {
        messages: [user(`How long did I sleep this week? (${kind.id})`)],
        temperature: 0.2,
        sampling: SAMPLING,
        tool: SLEEP_LOG_TOOL,
      };
      expect(await client().complete(turn)).toBe(ANSWER);
      const sent = stub.lastRequest?.body ?? {};
      expect(sent).toMatchObject({ temperature: 0.2, top_p: 0.9, stop: ['Goodbye'], seed: 7 });
      expect(sent.max_completion_tokens ?? sent.max_tokens).toBe(64);
      expect(sent.tools).toEqual([
        {
          type: 'function',
          function: expect.objectContaining({
            name: SLEEP_LOG_TOOL.name,
            description: SLEEP_LOG_TOOL.description,
            parameters: expect.objectContaining(SLEEP_LOG_TOOL.parameters),
          }),
        },
      ]);
    });

    it(`keeps the conversation when it sends only the new message each turn (X-Session-Id through ${kind.headerOption})`, async () => {
      const session = sessionId(kind);
      const chat = client();
      stub.set({ reply: 'Nice to meet you, Li.' });
      await chat.complete({ messages: [user('My name is Li.')], sessionId: session });
      stub.set({ reply: 'Your name is Li.' });
      expect(await chat.stream({ messages: [user('What is my name?')], sessionId: session })).toBe(
        'Your name is Li.',
      );
      stub.set({ reply: 'Goodbye, Li.' });
      await chat.complete({ messages: [user('Bye.')], sessionId: session });
      expect(stub.lastRequest?.body.messages).toEqual([
        user('My name is Li.'),
        assistant('Nice to meet you, Li.'),
        user('What is my name?'),
        assistant('Your name is Li.'),
        user('Bye.'),
      ]);
    });

    it('sends a conversation it keeps itself to the engine once, though it re-sends it with X-Session-Id every turn', async () => {
      const session = sessionId(kind);
      const chat = client();
      const conversation: Message[] = [user('My name is Li.')];
      stub.set({ reply: 'Nice to meet you, Li.' });
      conversation.push(assistant(await chat.complete({ messages: conversation, sessionId: session })));
      conversation.push(user('What is my name?'));
      stub.set({ reply: 'Your name is Li.' });
      expect(await chat.stream({ messages: conversation, sessionId: session })).toBe('Your name is Li.');
      expect(stub.lastRequest?.body.messages).toEqual(conversation);
    });

    it('keeps one caller’s session from another caller using the same session id', async () => {
      const session = sessionId(kind);
      stub.set({ reply: 'Noted.' });
      await client().complete({ messages: [user('My name is Li.')], sessionId: session });
      const other = CHAT_COMPLETIONS_CLIENTS.find((k) => k.id !== kind.id) as ClientKind;
      await client('served', keyOf(other)).complete({ messages: [user('Who am I?')], sessionId: session });
      expect(stub.lastRequest?.body.messages).toEqual([user('Who am I?')]);
    });

    describe('raises its own error types for the runtime’s refusals', () => {
      it.each(ERROR_CASES)('$name', async (errorCase) => {
        const chat = client(errorCase.runtime, errorCase.apiKey);
        for (let i = 0; i < (errorCase.callsBefore ?? 0); i++) await chat.complete(errorCase.turn);
        const call = errorCase.streamed ? chat.stream(errorCase.turn) : chat.complete(errorCase.turn);
        const seen = await failureOf(kind, call);
        const clientSide = EXPECTED_ERRORS[kind.id]?.[errorCase.status];
        expect(clientSide).toBeDefined();
        expect(seen).toMatchObject({ status: errorCase.status, ...errorCase.expected, ...clientSide });
        if (errorCase.retryAfter) expect(seen.retryAfter).toMatch(errorCase.retryAfter);
      });
    });
  });

  describe('openai (official client): models', () => {
    const client = () =>
      new OpenAI({ baseURL: `${runtimes.served.url}/v1`, apiKey: keyOf(OPENAI_CLIENT), maxRetries: 0 });

    it('lists the one model the runtime serves', async () => {
      const models = await client().models.list();
      expect(models.data.map((m) => m.id)).toEqual(['xiaoai']);
    });

    it('retrieves the served model by id, and answers 404 NotFoundError for any other', async () => {
      await expect(client().models.retrieve('xiaoai')).resolves.toMatchObject({
        id: 'xiaoai',
        object: 'model',
      });
      const seen = await failureOf(OPENAI_CLIENT, client().models.retrieve('gpt-4o'));
      expect(seen).toMatchObject({ errorType: 'NotFoundError', status: 404 });
    });

    it('needs a valid key to list models too', async () => {
      const anonymous = new OpenAI({
        baseURL: `${runtimes.served.url}/v1`,
        apiKey: 'not-a-key',
        maxRetries: 0,
      });
      const seen = await failureOf(OPENAI_CLIENT, anonymous.models.list());
      expect(seen).toMatchObject({ errorType: 'AuthenticationError', status: 401 });
    });
  });

  describe(AI_SDK_OPENAI_RESPONSES_CLIENT.name, () => {
    const client = () =>
      AI_SDK_OPENAI_RESPONSES_CLIENT.connect(runtimes.served.url, keyOf(AI_SDK_OPENAI_RESPONSES_CLIENT));

    it('gets the engine’s answer through POST /v1/responses', async () => {
      expect(await client().complete(ask)).toBe(ANSWER);
      expect(JSON.stringify(stub.lastRequest?.body.messages)).toContain(
        'How should I sleep after a night shift?',
      );
    });

    it('streams through POST /v1/responses: the assembled text is the engine’s answer', async () => {
      stub.set({ tokenDelayMs: 1 });
      expect(await client().stream(ask)).toBe(ANSWER);
      expect(stub.lastRequest?.body.stream).toBe(true);
    });

    it('passes temperature, top_p and the output limit on to the engine', async () => {
      const turn: Turn = {
        messages: [user('How long did I sleep this week? (responses)')],
        temperature: 0.2,
        // The Responses API has no stop sequences or seed.
        sampling: { maxTokens: SAMPLING.maxTokens, topP: SAMPLING.topP },
      };
      expect(await client().complete(turn)).toBe(ANSWER);
      const sent = stub.lastRequest?.body ?? {};
      expect(sent).toMatchObject({ temperature: 0.2, top_p: 0.9 });
      expect(sent.max_completion_tokens ?? sent.max_tokens).toBe(64);
    });

    it('refuses tools with APICallError 400 naming them, since this path serves text only', async () => {
      const seen = await failureOf(
        AI_SDK_OPENAI_RESPONSES_CLIENT,
        client().complete({ ...ask, tool: SLEEP_LOG_TOOL }),
      );
      expect(seen).toMatchObject({
        errorType: 'APICallError',
        status: 400,
        param: 'tools',
        retryable: false,
      });
      expect(stub.stats.chatCalls).toBe(0);
    });

    it('raises APICallError 404 for a model the runtime does not serve', async () => {
      const seen = await failureOf(
        AI_SDK_OPENAI_RESPONSES_CLIENT,
        client().complete({ ...ask, model: 'gpt-4o' }),
      );
      expect(seen).toMatchObject({
        errorType: 'APICallError',
        status: 404,
        code: 'model_not_found',
        retryable: false,
      });
    });
  });
});
