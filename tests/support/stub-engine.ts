import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';

/** How the stub engine answers; every field can be changed while it runs. */
export interface StubBehaviour {
  /** Completion tokens per answer (one word each). @default 8 */
  readonly tokens: number;
  /** Pause between streamed tokens (milliseconds). @default 0 */
  readonly tokenDelayMs: number;
  /** Pause before the response headers (milliseconds). @default 0 */
  readonly delayMs: number;
  /** Fraction (0..1) of chat calls that fail with `failStatus`; spread evenly, not random. @default 0 */
  readonly failRate: number;
  /** HTTP status of a failed call. @default 500 */
  readonly failStatus: number;
  /** `retry-after-ms` header sent with failures (the openai SDK honours it). @default none */
  readonly retryAfterMs: number | undefined;
  /** Destroy the socket: before any response, or after half of the streamed tokens. @default 'none' */
  readonly drop: 'none' | 'before-response' | 'mid-stream';
  /**
   * Streamed answers send this many tokens, then nothing more while keeping the connection open
   * until the client leaves (an engine that hung mid-answer); 0 sends the response headers only (an
   * engine stuck before its first token). @default none
   */
  readonly stallAfter: number | undefined;
  /** Model id reported by /v1/models and in answers. @default 'stub-model' */
  readonly model: string;
  /** Fixed answer text (split on spaces into tokens); overrides `tokens`. @default none */
  readonly reply: string | undefined;
  /** `finish_reason` of every answer, e.g. 'length' for one cut at the token limit. @default 'stop' */
  readonly finishReason: string;
  /**
   * The answer to a request, from its messages (split on spaces into tokens); overrides `reply` and
   * `tokens`. Undefined from it falls back to them. In-process only. @default none
   */
  readonly answer?: (messages: ReadonlyArray<{ role: string; content: string }>) => string | undefined;
}

/** What the stub has seen. */
export interface StubStats {
  chatCalls: number;
  modelsCalls: number;
  completed: number;
  failed: number;
  dropped: number;
  /** Streams that went silent on purpose (`stallAfter`). */
  stalled: number;
  /** Calls whose client went away before the answer was complete. */
  aborted: number;
}

/** A chat request as received. */
export interface StubRequest {
  readonly body: Record<string, any>;
  readonly headers: IncomingMessage['headers'];
}

export const DEFAULT_STUB_BEHAVIOUR: StubBehaviour = Object.freeze({
  tokens: 8,
  tokenDelayMs: 0,
  delayMs: 0,
  failRate: 0,
  failStatus: 500,
  retryAfterMs: undefined,
  drop: 'none',
  stallAfter: undefined,
  model: 'stub-model',
  reply: undefined,
  finishReason: 'stop',
});

/**
 * An OpenAI-compatible model engine for tests and benchmarks: `POST /v1/chat/completions` (streaming
 * and not, `stream_options.include_usage`), `GET /v1/models`. Control it in-process with `set()` or,
 * when it runs as its own process, over HTTP: `POST /__stub/behaviour` (partial JSON),
 * `GET /__stub/stats`, `POST /__stub/reset`. Emits `abort` when a client goes away mid-answer and
 * `stall` when a stream goes silent on purpose.
 */
export class StubEngine extends EventEmitter {
  behaviour: StubBehaviour;
  readonly stats: StubStats = {
    chatCalls: 0,
    modelsCalls: 0,
    completed: 0,
    failed: 0,
    dropped: 0,
    stalled: 0,
    aborted: 0,
  };
  /** The last 100 chat requests, oldest first. */
  readonly requests: StubRequest[] = [];
  private failCounter = 0;

  private constructor(
    private readonly server: Server,
    behaviour: Partial<StubBehaviour>,
  ) {
    super();
    this.behaviour = { ...DEFAULT_STUB_BEHAVIOUR, ...behaviour };
  }

  /** Starts listening on 127.0.0.1 (`port` 0 = a free port). */
  static async start(behaviour: Partial<StubBehaviour> = {}, port = 0): Promise<StubEngine> {
    const server = createServer({ keepAliveTimeout: 65_000 });
    const stub = new StubEngine(server, behaviour);
    server.on('request', (req, res) => void stub.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    return stub;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** OpenAI base URL, e.g. `http://127.0.0.1:41234/v1`. */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  /** Changes behaviour from now on. */
  set(change: Partial<StubBehaviour>): void {
    this.behaviour = { ...this.behaviour, ...change };
  }

  /** Back to defaults (or `behaviour`), counters to zero. */
  reset(behaviour: Partial<StubBehaviour> = {}): void {
    this.behaviour = { ...DEFAULT_STUB_BEHAVIOUR, ...behaviour };
    for (const key of Object.keys(this.stats) as (keyof StubStats)[]) this.stats[key] = 0;
    this.requests.length = 0;
    this.failCounter = 0;
  }

  get lastRequest(): StubRequest | undefined {
    return this.requests[this.requests.length - 1];
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    try {
      if (req.method === 'GET' && url === '/v1/models') {
        this.stats.modelsCalls += 1;
        return json(res, 200, {
          object: 'list',
          data: [{ id: this.behaviour.model, object: 'model', created: 0, owned_by: 'stub' }],
        });
      }
      if (req.method === 'POST' && url === '/v1/chat/completions') return await this.chat(req, res);
      if (url.startsWith('/__stub/')) return await this.control(req, res, url);
      json(res, 404, { error: { message: `no route ${req.method} ${url}`, type: 'invalid_request_error' } });
    } catch (error) {
      if (!res.headersSent) json(res, 500, { error: { message: String(error), type: 'server_error' } });
      else res.destroy();
    }
  }

  private async control(req: IncomingMessage, res: ServerResponse, url: string): Promise<void> {
    if (url === '/__stub/stats') return json(res, 200, this.stats);
    if (url === '/__stub/behaviour' && req.method === 'POST') {
      this.set(JSON.parse(await readBody(req)) as Partial<StubBehaviour>);
      return json(res, 200, this.behaviour);
    }
    if (url === '/__stub/reset' && req.method === 'POST') {
      this.reset(JSON.parse((await readBody(req)) || '{}') as Partial<StubBehaviour>);
      return json(res, 200, this.behaviour);
    }
    json(res, 404, { error: { message: `no control route ${url}` } });
  }

  private shouldFail(): boolean {
    // Evenly spread failures: call n fails when floor((n+1)*rate) > floor(n*rate), so any window of
    // calls fails at the configured rate without randomness in tests.
    const rate = this.behaviour.failRate;
    const n = this.failCounter++;
    return Math.floor((n + 1) * rate) > Math.floor(n * rate);
  }

  private async chat(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.stats.chatCalls += 1;
    const body = JSON.parse(await readBody(req)) as Record<string, any>;
    this.requests.push({ body, headers: req.headers });
    if (this.requests.length > 100) this.requests.shift();
    const b = this.behaviour;
    let finished = false;
    let droppedByUs = false;
    res.on('close', () => {
      if (!finished && !droppedByUs) {
        this.stats.aborted += 1;
        this.emit('abort');
      }
    });
    if (b.delayMs > 0) await delay(b.delayMs, res);
    if (res.destroyed) return;
    if (b.drop === 'before-response') {
      droppedByUs = true;
      this.stats.dropped += 1;
      req.socket.destroy();
      return;
    }
    if (this.shouldFail()) {
      this.stats.failed += 1;
      finished = true;
      if (b.retryAfterMs !== undefined) res.setHeader('retry-after-ms', String(b.retryAfterMs));
      return json(res, b.failStatus, {
        error: {
          message: `stub engine failure (${b.failStatus})`,
          type: 'server_error',
          param: null,
          code: null,
        },
      });
    }
    const answered = b.answer?.(Array.isArray(body.messages) ? body.messages : []);
    const text = answered ?? b.reply;
    const words =
      text !== undefined ? text.split(' ') : Array.from({ length: b.tokens }, (_, i) => `tok${i}`);
    const pieces = words.map((w, i) => (i === 0 ? w : ` ${w}`));
    const promptTokens = countPromptTokens(body.messages);
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: words.length,
      total_tokens: promptTokens + words.length,
    };
    const id = `chatcmpl-stub${this.stats.chatCalls}`;
    const created = Math.floor(Date.now() / 1000);
    if (body.stream !== true) {
      if (b.tokenDelayMs > 0) await delay(b.tokenDelayMs * words.length, res);
      if (res.destroyed) return;
      finished = true;
      this.stats.completed += 1;
      return json(res, 200, {
        id,
        object: 'chat.completion',
        created,
        model: b.model,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: pieces.join('') },
            finish_reason: b.finishReason,
            logprobs: null,
          },
        ],
        usage,
      });
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const chunk = (choices: unknown[], extra: Record<string, unknown> = {}): string =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: b.model, choices, ...extra })}\n\n`;
    let out = chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]);
    for (let i = 0; i < pieces.length; i++) {
      if (b.drop === 'mid-stream' && i === Math.floor(pieces.length / 2)) {
        droppedByUs = true;
        this.stats.dropped += 1;
        // Destroy only once the tokens so far reached the socket (writes are corked until next tick).
        res.write(out, () => res.destroy());
        return;
      }
      if (i === b.stallAfter) {
        const stalled = (): void => {
          this.stats.stalled += 1;
          this.emit('stall');
        };
        // Every chunk so far is written out before going quiet; for 0, only the headers are.
        if (i === 0) {
          res.flushHeaders();
          stalled();
        } else res.write(out, stalled);
        return;
      }
      out += chunk([{ index: 0, delta: { content: pieces[i] }, finish_reason: null }]);
      if (b.tokenDelayMs > 0) {
        res.write(out);
        out = '';
        await delay(b.tokenDelayMs, res);
        if (res.destroyed) return;
      }
    }
    out += chunk([{ index: 0, delta: {}, finish_reason: b.finishReason }]);
    if (body.stream_options?.include_usage === true) out += chunk([], { usage });
    out += 'data: [DONE]\n\n';
    finished = true;
    this.stats.completed += 1;
    res.end(out);
  }
}

function countPromptTokens(messages: unknown): number {
  if (!Array.isArray(messages)) return 0;
  let n = 0;
  for (const m of messages as { content?: unknown }[]) {
    if (typeof m?.content === 'string') n += m.content.split(/\s+/).filter(Boolean).length;
  }
  return n;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Waits `ms`, or less if the client goes away (so a closed stub leaves no timers behind). */
function delay(ms: number, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    res.once('close', done);
    function done(): void {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    }
  });
}

/**
 * `--port N --fail-rate 0.3 --fail-status 503 --tokens 16 --token-delay-ms 5 --delay-ms 20 --model m
 * --drop mid-stream --stall-after 3`
 */
export function parseStubArgs(argv: readonly string[]): { port: number; behaviour: Partial<StubBehaviour> } {
  const behaviour: Record<string, unknown> = {};
  let port = 0;
  const numeric: Record<string, keyof StubBehaviour> = {
    '--tokens': 'tokens',
    '--token-delay-ms': 'tokenDelayMs',
    '--delay-ms': 'delayMs',
    '--fail-rate': 'failRate',
    '--fail-status': 'failStatus',
    '--retry-after-ms': 'retryAfterMs',
    '--stall-after': 'stallAfter',
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`stub-engine: ${flag} needs a value`);
    i++;
    if (flag === '--port') port = Number(value);
    else if (flag === '--model') behaviour.model = value;
    else if (flag === '--reply') behaviour.reply = value;
    else if (flag === '--drop') behaviour.drop = value;
    else if (numeric[flag] !== undefined) {
      const n = Number(value);
      if (!Number.isFinite(n)) throw new Error(`stub-engine: ${flag} must be a number, got '${value}'`);
      behaviour[numeric[flag]] = n;
    } else throw new Error(`stub-engine: unknown flag ${flag}`);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`stub-engine: --port must be 0..65535`);
  return { port, behaviour: behaviour as Partial<StubBehaviour> };
}

// Standalone: `tsx tests/support/stub-engine.ts --port N --fail-rate 0.3`; prints one JSON line
// `{"port":N,"baseUrl":"http://127.0.0.1:N/v1"}` once listening, stops on SIGTERM/SIGINT.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { port, behaviour } = parseStubArgs(process.argv.slice(2));
  const stub = await StubEngine.start(behaviour, port);
  process.stdout.write(`${JSON.stringify({ port: stub.port, baseUrl: stub.baseUrl })}\n`);
  const stop = (): void => void stub.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
