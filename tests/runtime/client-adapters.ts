import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import { ChatOpenAI, OpenAIClient } from '@langchain/openai';
import { APICallError, generateText, jsonSchema, streamText, tool, type LanguageModel } from 'ai';
import OpenAI from 'openai';

/**
 * The client libraries agents are written with, each behind one small interface so the
 * compatibility suite asks every one the same questions: the official `openai` client, LangChain's
 * ChatOpenAI, and the Vercel AI SDK over its two OpenAI providers. Each sets headers the way its own
 * documentation says, and each failure is reported as the calling code sees it: which of the
 * client's own error classes it is, and what that error carries.
 */

/** A chat message as every one of these clients takes it. */
export interface Message {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

/** One request. */
export interface Turn {
  readonly messages: readonly Message[];
  /** Sent as `X-Session-Id`. @default none */
  readonly sessionId?: string;
  /** @default 'xiaoai' */
  readonly model?: string;
  /** @default the client's own (none sent) */
  readonly temperature?: number;
  /** Sampling settings beyond temperature, each set the client's own way. @default none */
  readonly sampling?: Sampling;
  /** A function the model may call, declared the client's own way. @default none */
  readonly tool?: FunctionTool;
}

export interface Sampling {
  readonly maxTokens: number;
  readonly topP: number;
  /** Not in the Responses API. @default none */
  readonly stop?: readonly string[];
  /** Not in the Responses API. @default none */
  readonly seed?: number;
}

export interface FunctionTool {
  readonly name: string;
  readonly description: string;
  /** JSON Schema of the arguments. */
  readonly parameters: Record<string, unknown>;
}

/** A tool in the Chat Completions shape, which the official client and LangChain take as is. */
const chatCompletionsTool = (tool: FunctionTool) => ({
  type: 'function' as const,
  function: { name: tool.name, description: tool.description, parameters: tool.parameters },
});

/** A client connected to one runtime with one API key. */
export interface ChatClient {
  /** The answer's text. */
  complete(turn: Turn): Promise<string>;
  /** The answer's text, assembled from the streamed deltas. */
  stream(turn: Turn): Promise<string>;
}

/** What the calling code sees of a failed call. */
export interface SeenFailure {
  /** The client's own error class the error is an instance of, e.g. `RateLimitError`. */
  readonly errorType: string;
  readonly status: number | undefined;
  /** The runtime's error `code` as the client exposes it. */
  readonly code: string | undefined;
  readonly param: string | null | undefined;
  readonly retryAfter: string | undefined;
  /** LangChain's `lc_error_code`, which its troubleshooting pages are keyed by. */
  readonly lcErrorCode?: string | undefined;
  /** The AI SDK's `isRetryable`, which its own retry loop follows. */
  readonly retryable?: boolean;
}

/** One client library. */
export interface ClientKind {
  /** Names the API keys and sessions of this client in the tests. */
  readonly id: string;
  readonly name: string;
  /** How the client sets `X-Session-Id` (for the test names). */
  readonly headerOption: string;
  connect(runtimeUrl: string, apiKey: string): ChatClient;
  failure(error: unknown): SeenFailure;
}

const sessionHeaders = (turn: Turn): Record<string, string> | undefined =>
  turn.sessionId !== undefined ? { 'X-Session-Id': turn.sessionId } : undefined;

/** The official client's error classes, the most specific first: every one is also an APIError. */
const OPENAI_ERROR_CLASSES = [
  'AuthenticationError',
  'PermissionDeniedError',
  'BadRequestError',
  'NotFoundError',
  'RateLimitError',
  'InternalServerError',
  'APIConnectionError',
  'APIError',
] as const;

/**
 * Those classes as a client exports them. LangChain needs a newer `openai` than the one the runtime
 * pins, so it has a copy of its own, whose classes are other objects: each client's errors are
 * checked against the classes its users import.
 */
type OpenAIErrorClasses = Record<
  (typeof OPENAI_ERROR_CLASSES)[number],
  abstract new (...args: never[]) => unknown
>;

/** The fields of an openai APIError that calling code reads. */
interface OpenAIApiError {
  readonly status?: number;
  readonly code?: string | null;
  readonly param?: string | null;
  readonly headers?: Headers;
}

function nameAndMessage(error: unknown): string {
  return `${String((error as Error)?.name)} ${String((error as Error)?.message)}`;
}

/** The official client and LangChain (which raises its own copy's errors) expose the same fields. */
function openaiFailure(error: unknown, sdk: OpenAIErrorClasses): SeenFailure {
  const apiError = error instanceof sdk.APIError ? (error as OpenAIApiError) : undefined;
  return {
    errorType:
      OPENAI_ERROR_CLASSES.find((name) => error instanceof sdk[name]) ??
      `not an APIError: ${nameAndMessage(error)}`,
    status: apiError?.status,
    code: apiError?.code ?? undefined,
    param: apiError?.param,
    retryAfter: apiError?.headers?.get('retry-after') ?? undefined,
  };
}

export const OPENAI_CLIENT: ClientKind = {
  id: 'openai',
  name: 'openai (official client)',
  headerOption: 'the per-request `headers` option',
  connect(runtimeUrl, apiKey) {
    const client = new OpenAI({ baseURL: `${runtimeUrl}/v1`, apiKey, maxRetries: 0, timeout: 20_000 });
    const params = ({ model, messages, temperature, sampling, tool }: Turn) => ({
      model: model ?? 'xiaoai',
      messages: [...messages],
      ...(temperature !== undefined ? { temperature } : {}),
      ...(sampling !== undefined
        ? {
            max_completion_tokens: sampling.maxTokens,
            top_p: sampling.topP,
            stop: sampling.stop && [...sampling.stop],
            seed: sampling.seed,
          }
        : {}),
      ...(tool !== undefined ? { tools: [chatCompletionsTool(tool)] } : {}),
    });
    return {
      async complete(turn) {
        const completion = await client.chat.completions.create(params(turn), {
          headers: sessionHeaders(turn),
        });
        return completion.choices[0]?.message.content ?? '';
      },
      async stream(turn) {
        const stream = await client.chat.completions.create(
          { ...params(turn), stream: true },
          { headers: sessionHeaders(turn) },
        );
        let text = '';
        for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
        return text;
      },
    };
  },
  failure: (error) => openaiFailure(error, OpenAI),
};

const LANGCHAIN_MESSAGES = { system: SystemMessage, user: HumanMessage, assistant: AIMessage } as const;
const toLangChain = (messages: readonly Message[]): BaseMessage[] =>
  messages.map(({ role, content }) => new LANGCHAIN_MESSAGES[role](content));

export const LANGCHAIN_CLIENT: ClientKind = {
  id: 'langchain',
  name: 'LangChain ChatOpenAI (@langchain/openai)',
  // Not the per-call `options.headers`: ChatOpenAI passes those on invoke() but drops them on stream().
  headerOption: '`configuration.defaultHeaders`',
  connect(runtimeUrl, apiKey) {
    const chatModel = ({ model, temperature, sampling, tool, sessionId }: Turn) => {
      const chat = new ChatOpenAI({
        model: model ?? 'xiaoai',
        apiKey,
        maxRetries: 0,
        timeout: 20_000,
        ...(temperature !== undefined ? { temperature } : {}),
        ...(sampling !== undefined
          ? { maxTokens: sampling.maxTokens, topP: sampling.topP, stop: sampling.stop && [...sampling.stop] }
          : {}),
        configuration: {
          baseURL: `${runtimeUrl}/v1`,
          ...(sessionId !== undefined ? { defaultHeaders: { 'X-Session-Id': sessionId } } : {}),
        },
      });
      return tool !== undefined ? chat.bindTools([chatCompletionsTool(tool)]) : chat;
    };
    // The seed is a call option in LangChain, not a constructor field.
    const callOptions = ({ sampling }: Turn) => ({ seed: sampling?.seed });
    return {
      async complete(turn) {
        return (await chatModel(turn).invoke(toLangChain(turn.messages), callOptions(turn))).text;
      },
      async stream(turn) {
        let text = '';
        for await (const chunk of await chatModel(turn).stream(
          toLangChain(turn.messages),
          callOptions(turn),
        )) {
          text += chunk.text;
        }
        return text;
      },
    };
  },
  failure(error) {
    return {
      ...openaiFailure(error, OpenAIClient),
      lcErrorCode: (error as { lc_error_code?: string }).lc_error_code,
    };
  },
};

/** The Vercel AI SDK over any of its providers; `model` builds the provider's model for an id. */
function aiSdkClient(model: (modelId: string) => LanguageModel): ChatClient {
  const settings = (turn: Turn) => ({
    model: model(turn.model ?? 'xiaoai'),
    messages: [...turn.messages],
    maxRetries: 0,
    ...(turn.temperature !== undefined ? { temperature: turn.temperature } : {}),
    ...(turn.sampling !== undefined
      ? {
          maxOutputTokens: turn.sampling.maxTokens,
          topP: turn.sampling.topP,
          stopSequences: turn.sampling.stop && [...turn.sampling.stop],
          seed: turn.sampling.seed,
        }
      : {}),
    ...(turn.tool !== undefined
      ? {
          tools: {
            [turn.tool.name]: tool({
              description: turn.tool.description,
              inputSchema: jsonSchema(turn.tool.parameters),
            }),
          },
        }
      : {}),
    ...(turn.sessionId !== undefined ? { headers: sessionHeaders(turn) } : {}),
  });
  return {
    async complete(turn) {
      return (await generateText(settings(turn))).text;
    },
    async stream(turn) {
      // streamText does not throw: a failed call ends the stream and reaches `onError`, the documented way.
      let failure: unknown;
      const result = streamText({ ...settings(turn), onError: ({ error }) => void (failure = error) });
      let text = '';
      for await (const delta of result.textStream) text += delta;
      if (failure !== undefined) throw failure;
      return text;
    },
  };
}

function aiSdkFailure(error: unknown): SeenFailure {
  if (!APICallError.isInstance(error)) {
    return {
      errorType: `not an APICallError: ${nameAndMessage(error)}`,
      status: undefined,
      code: undefined,
      param: undefined,
      retryAfter: undefined,
    };
  }
  // The providers parse an OpenAI-shaped error body into `data`.
  const body = (error.data as { error?: { code?: string; param?: string | null } } | undefined)?.error;
  return {
    errorType: 'APICallError',
    status: error.statusCode,
    code: body?.code,
    param: body?.param,
    retryAfter: error.responseHeaders?.['retry-after'],
    retryable: error.isRetryable,
  };
}

export const AI_SDK_COMPATIBLE_CLIENT: ClientKind = {
  id: 'ai-sdk-compatible',
  name: 'AI SDK, @ai-sdk/openai-compatible chatModel()',
  headerOption: 'the per-call `headers` setting',
  connect(runtimeUrl, apiKey) {
    const provider = createOpenAICompatible({ name: 'suoke', baseURL: `${runtimeUrl}/v1`, apiKey });
    return aiSdkClient((id) => provider.chatModel(id));
  },
  failure: aiSdkFailure,
};

export const AI_SDK_OPENAI_CHAT_CLIENT: ClientKind = {
  id: 'ai-sdk-openai-chat',
  name: 'AI SDK, @ai-sdk/openai chat() (Chat Completions)',
  headerOption: 'the per-call `headers` setting',
  connect(runtimeUrl, apiKey) {
    const provider = createOpenAI({ baseURL: `${runtimeUrl}/v1`, apiKey });
    return aiSdkClient((id) => provider.chat(id));
  },
  failure: aiSdkFailure,
};

/** The @ai-sdk/openai provider's default model, which speaks the Responses API (`POST /v1/responses`). */
export const AI_SDK_OPENAI_RESPONSES_CLIENT: ClientKind = {
  id: 'ai-sdk-openai-responses',
  name: 'AI SDK, @ai-sdk/openai default provider (Responses API)',
  headerOption: 'the per-call `headers` setting',
  connect(runtimeUrl, apiKey) {
    const provider = createOpenAI({ baseURL: `${runtimeUrl}/v1`, apiKey });
    return aiSdkClient((id) => provider(id));
  },
  failure: aiSdkFailure,
};
