/**
 * What the evaluation program's end-to-end tests run: real runtime processes (`runtime/main.ts`,
 * each in front of its own in-process stub engine) and the evaluation program itself as a child
 * process (`node --import tsx runtime/eval/main.ts`), exactly as the Job runs it, with its result
 * file read back.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManagedProcess } from '../e2e/harness/process.js';
import { StubEngine, type StubBehaviour } from '../support/stub-engine.js';
import { baseUrlOf } from '../support/net.js';
import { decodeResult, type EvaluationResult } from '../../runtime/eval/result.js';

/** A runtime process and the stub engine behind it. */
export interface RuntimeUnderTest {
  readonly url: string;
  readonly engine: StubEngine;
  readonly process: ManagedProcess;
  /** The runtime's request log lines (JSON). */
  requests(): Array<Record<string, unknown>>;
  stop(): Promise<void>;
}

/** The last user turn of a conversation: what the stub engines answer to. */
export function lastUserTurn(messages: ReadonlyArray<{ role: string; content: string }>): string {
  return [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
}

/** Starts `runtime/main.ts` for model `model`, version `version`, in front of a stub that answers with `answer`. */
export async function startRuntimeProcess(
  model: string,
  version: string,
  answer: StubBehaviour['answer'],
  env: Record<string, string> = {},
): Promise<RuntimeUnderTest> {
  const engine = await StubEngine.start({ answer });
  const process = new ManagedProcess({
    name: `runtime ${model}-${version}`,
    script: 'runtime/main.ts',
    env: {
      HOST: '127.0.0.1',
      PORT: '0',
      MODEL: model,
      AGENT: model,
      MODEL_VERSION: version,
      ENGINE_BASE_URL: engine.baseUrl,
      ENGINE_MODEL: 'stub-model',
      ENGINE_MAX_RETRIES: '0',
      DRAIN_TIMEOUT_MS: '1000',
      LOG_LEVEL: 'info',
      ...env,
    },
  });
  try {
    const listening = await process.waitForJson((l) => l['msg'] === 'listening', 60_000, 'listening');
    return {
      url: `http://127.0.0.1:${String(listening['port'])}`,
      engine,
      process,
      requests: () => process.jsonLines().filter((l) => l['msg'] === 'request'),
      stop: async () => {
        await process.stop('SIGTERM', 5_000);
        await engine.close();
      },
    };
  } catch (error) {
    await process.kill();
    await engine.close();
    throw error;
  }
}

/** What a run of the evaluation program left: its exit code, its result file, its output. */
export interface EvalRun {
  readonly code: number | null;
  /** The decoded result file; undefined when the program wrote none. */
  readonly result: EvaluationResult | undefined;
  /** The result file as written. */
  readonly raw: string | undefined;
  /** Every line the program printed (stdout and stderr). */
  readonly output: string;
  /** Its JSON log lines. */
  readonly logs: Array<Record<string, unknown>>;
}

/** A temporary folder for datasets, keys and result files. */
export class Scratch {
  readonly dir = mkdtempSync(join(tmpdir(), 'eval-test-'));
  private counter = 0;

  write(name: string, content: string): string {
    const path = join(this.dir, name);
    writeFileSync(path, content);
    return path;
  }

  /** Runs the evaluation program with `env` (EVAL_RESULT_FILE set to a fresh file here) until it exits. */
  async runEval(env: Record<string, string>): Promise<EvalRun> {
    const resultFile = env.EVAL_RESULT_FILE ?? join(this.dir, `result-${++this.counter}.json`);
    const program = new ManagedProcess({
      name: 'evaluation',
      script: 'runtime/eval/main.ts',
      env: { EVAL_RESULT_FILE: resultFile, ...env },
      keepLines: 10_000,
    });
    const { code } = await program.exited;
    let raw: string | undefined;
    try {
      raw = readFileSync(resultFile, 'utf8');
    } catch {
      raw = undefined;
    }
    const decoded = raw === undefined ? undefined : decodeResult(raw);
    if (decoded !== undefined && 'invalid' in decoded)
      throw new Error(`the result file is not a result: ${decoded.invalid}\n${raw}\n${program.tail()}`);
    return { code, result: decoded, raw, output: program.lines.join('\n'), logs: program.jsonLines() };
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A request a {@link RecordingServer} received. */
export interface Recorded {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** A plain HTTP server on loopback that records requests and answers with `handle`. */
export class RecordingServer {
  readonly requests: Recorded[] = [];

  private constructor(private readonly server: Server) {}

  static async start(
    handle: (req: Recorded, res: ServerResponse) => void | Promise<void>,
  ): Promise<RecordingServer> {
    const server = createServer();
    const recording = new RecordingServer(server);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const recorded = {
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        recording.requests.push(recorded);
        void Promise.resolve(handle(recorded, res)).catch(() => res.destroy());
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    return recording;
  }

  get url(): string {
    return baseUrlOf(this.server);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** An OpenAI chat completion body answering `content`. */
export function completion(content: string): string {
  return JSON.stringify({
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 0,
    model: 'test',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
  });
}
