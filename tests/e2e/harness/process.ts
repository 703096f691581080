/**
 * One child process of the end-to-end environment: a TypeScript entry point run by `node --import
 * tsx` (one process, so a SIGKILL leaves no grandchild behind, unlike the tsx CLI), its output kept
 * as lines for assertions and for the diagnostics printed when a test fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from '../../support/wait.js';

/** The repository root (this file is tests/e2e/harness/process.ts). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

export interface ProcessOptions {
  /** Shown in errors and diagnostics, e.g. `runtime demo-v2`. */
  readonly name: string;
  /** Entry point relative to the repository root, e.g. `operators/main.ts`. */
  readonly script: string;
  /** @default [] */
  readonly args?: readonly string[];
  /** Added to a minimal environment (PATH, HOME, TMPDIR, LANG are passed through). @default {} */
  readonly env?: Readonly<Record<string, string>>;
  /** Output lines kept per stream (oldest dropped first). @default 2000 */
  readonly keepLines?: number;
}

/** Environment variables a child inherits; everything else is explicit, so tests do not leak config. */
const INHERITED = ['PATH', 'HOME', 'TMPDIR', 'LANG'];

export class ManagedProcess {
  readonly lines: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;
  private readonly keep: number;
  private exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  constructor(readonly options: ProcessOptions) {
    this.keep = options.keepLines ?? 2000;
    const env: Record<string, string> = {};
    for (const key of INHERITED) if (process.env[key] !== undefined) env[key] = process.env[key]!;
    this.child = spawn(process.execPath, ['--import', 'tsx', options.script, ...(options.args ?? [])], {
      cwd: REPO_ROOT,
      env: { ...env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [this.child.stdout!, this.child.stderr!]) {
      let buffer = '';
      stream.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const parts = buffer.split('\n');
        buffer = parts.pop()!;
        for (const line of parts) this.push(line);
      });
      stream.on('end', () => buffer && this.push(buffer));
    }
    this.exited = new Promise((done) => {
      this.child.once('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        done(this.exitInfo);
      });
      this.child.once('error', (error) => {
        this.push(`spawn error: ${error.message}`);
        this.exitInfo = { code: null, signal: null };
        done(this.exitInfo);
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.exitInfo === undefined;
  }

  /** Output lines that parse as JSON objects (pino logs, the ready line of our support servers). */
  jsonLines(): Array<Record<string, unknown>> {
    const out: Array<Record<string, unknown>> = [];
    for (const line of this.lines) {
      if (!line.startsWith('{')) continue;
      try {
        out.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // Not JSON after all: a plain message that starts with a brace.
      }
    }
    return out;
  }

  /** Waits for the first JSON output line `match` accepts; fails early, with the output, if the process exits. */
  async waitForJson(
    match: (line: Record<string, unknown>) => boolean,
    timeoutMs: number,
    description: string,
  ): Promise<Record<string, unknown>> {
    try {
      return await waitFor(
        () => {
          const found = this.jsonLines().find(match);
          if (found !== undefined) return found;
          if (!this.running)
            throw new Error(`${this.options.name} exited (${JSON.stringify(this.exitInfo)})`);
          return undefined;
        },
        { timeoutMs, intervalMs: 25, description: `${this.options.name}: ${description}` },
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${this.tail()}`, { cause: error });
    }
  }

  /** Sends `signal` and waits for the exit; SIGKILLs after `graceMs` if the process is still there. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** SIGKILL: the process gets no chance to clean up (a crash, an OOM kill, a node loss). */
  async kill(): Promise<void> {
    await this.stop('SIGKILL');
  }

  /** The last `n` output lines, labelled, for failure messages. */
  tail(n = 40): string {
    return [`--- last output of ${this.options.name} ---`, ...this.lines.slice(-n)].join('\n');
  }

  private push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.keep) this.lines.splice(0, this.lines.length - this.keep);
  }
}
