/**
 * One chat completion as the evaluation sends it: plain fetch to `${base}/v1/chat/completions`, not
 * streamed, marked as evaluation traffic (`X-Evaluation-Run`), with the evaluation's API key when it
 * has one. A rate limit (429) is waited out within the case's deadline: being throttled says nothing
 * about the version's answers. Outcomes never carry answer text in their messages.
 */
import { formatMs } from './duration.js';

/** The header that marks a request as evaluation traffic; its value is the run's id. */
export const EVALUATION_RUN_HEADER = 'X-Evaluation-Run';
/** Longest wait for one rate limit to lift before retrying. */
const MAX_RATE_LIMIT_WAIT_MS = 5_000;
/** X-Request-Id the runtime keeps (runtime/request-id.ts); anything else it replaces. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export interface ChatCallOptions {
  readonly runId: string;
  /** Sent as `Authorization: Bearer`. */
  readonly apiKey?: string;
  /** Sent as X-Request-Id when the runtime would keep it, so its logs name the case. */
  readonly requestId?: string;
  /** Aborts the call (the case's timeout). */
  readonly signal: AbortSignal;
  /** The case's timeout, quoted when it expires. */
  readonly timeoutMs: number;
}

export type ChatOutcome =
  /** The whole answer, and how long the attempt that gave it took. */
  | { readonly kind: 'answer'; readonly text: string; readonly latencyMs: number }
  /** The runtime refused the credentials: nothing the version answers can be judged. */
  | { readonly kind: 'refused'; readonly status: number }
  /** No answer: an HTTP error, an unreachable runtime, a timeout, a malformed body. */
  | { readonly kind: 'error'; readonly message: string };

export async function callChat(
  baseUrl: string,
  body: Readonly<Record<string, unknown>>,
  options: ChatCallOptions,
): Promise<ChatOutcome> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
    [EVALUATION_RUN_HEADER]: options.runId,
  };
  if (options.apiKey !== undefined) headers.authorization = `Bearer ${options.apiKey}`;
  if (options.requestId !== undefined && REQUEST_ID.test(options.requestId))
    headers['x-request-id'] = options.requestId;
  const payload = JSON.stringify({ ...body, stream: false });
  const url = `${baseUrl.replace(/\/+$/, '')}/v1/chat/completions`;
  for (;;) {
    const started = performance.now();
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, { method: 'POST', headers, body: payload, signal: options.signal });
      text = await response.text();
    } catch (error) {
      return { kind: 'error', message: failureOf(error, options) };
    }
    const latencyMs = performance.now() - started;
    if (response.status === 401 || response.status === 403)
      return { kind: 'refused', status: response.status };
    if (response.status === 429) {
      const waited = await waitOut(response.headers, options.signal);
      if (!waited)
        return {
          kind: 'error',
          message: `rate limited (429) until the caseTimeout ${formatMs(options.timeoutMs)}`,
        };
      continue;
    }
    if (!response.ok) return { kind: 'error', message: `HTTP ${response.status}${errorMessageOf(text)}` };
    const content = contentOf(text);
    if (content === undefined)
      return { kind: 'error', message: 'the answer has no choices[0].message.content' };
    return { kind: 'answer', text: content, latencyMs };
  }
}

/** The assistant's text of a chat completion body, if it is one. */
function contentOf(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { choices?: { message?: { content?: unknown } }[] };
    const content = parsed.choices?.[0]?.message?.content;
    return typeof content === 'string' ? content : undefined;
  } catch {
    return undefined;
  }
}

/** `: <the error's message>` of an OpenAI-shaped error body (short), or nothing. */
function errorMessageOf(body: string): string {
  try {
    const message = (JSON.parse(body) as { error?: { message?: unknown } }).error?.message;
    if (typeof message !== 'string' || message === '') return '';
    return `: ${message.length > 80 ? `${message.slice(0, 79)}…` : message}`;
  } catch {
    return '';
  }
}

function failureOf(error: unknown, options: ChatCallOptions): string {
  if (options.signal.aborted) return `no answer within the caseTimeout ${formatMs(options.timeoutMs)}`;
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const reason = typeof cause?.code === 'string' ? cause.code : (cause?.message ?? (error as Error).message);
  return `no answer: ${String(reason)}`;
}

/** Waits what Retry-After (or retry-after-ms) asks, at most 5 s; false when the deadline comes first. */
async function waitOut(headers: Headers, signal: AbortSignal): Promise<boolean> {
  const ms = Number(headers.get('retry-after-ms'));
  const seconds = Number(headers.get('retry-after'));
  const wait = Math.min(
    MAX_RATE_LIMIT_WAIT_MS,
    Number.isFinite(ms) && ms > 0 ? ms : Number.isFinite(seconds) && seconds > 0 ? seconds * 1_000 : 1_000,
  );
  if (signal.aborted) return false;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, wait);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
