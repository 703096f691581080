/**
 * The built operator (`node build/operators/main.js`) as a child process of the benchmark: started with
 * a kubeconfig and flags, its output kept as a bounded tail, its JSON log lines counted by level (and
 * warnings and errors by message), its resident memory read from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface OperatorProcessOptions {
  /** The built entry point, e.g. `build/operators/main.js`. */
  readonly entry: string;
  readonly args: readonly string[];
  /** Flags for node itself, before the entry point. @default none */
  readonly nodeArgs?: readonly string[];
  /** Added to a minimal environment (PATH, HOME, TMPDIR, LANG are passed through). */
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  /** Output lines kept per stream. @default 400 */
  readonly keepLines?: number;
}

export interface ExitInfo {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** Warnings and errors the operator logged, by message. */
export interface LogSummary {
  readonly byLevel: Record<string, number>;
  readonly problems: Array<{ level: string; msg: string; count: number; example: string }>;
}

const INHERITED = ['PATH', 'HOME', 'TMPDIR', 'LANG'];

export class OperatorProcess {
  readonly exited: Promise<ExitInfo>;
  private readonly child: ChildProcess;
  private readonly stdout: string[] = [];
  private readonly stderr: string[] = [];
  private readonly keep: number;
  private exitInfo: ExitInfo | undefined;
  private readonly byLevel: Record<string, number> = {};
  private readonly problems = new Map<
    string,
    { level: string; msg: string; count: number; example: string }
  >();
  private readonly lineWaiters = new Set<(line: Record<string, unknown>) => void>();

  constructor(readonly options: OperatorProcessOptions) {
    this.keep = options.keepLines ?? 400;
    const env: Record<string, string> = {};
    for (const key of INHERITED) if (process.env[key] !== undefined) env[key] = process.env[key]!;
    this.child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.entry, ...options.args], {
      cwd: options.cwd,
      env: { ...env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.follow(this.child.stdout!, this.stdout);
    this.follow(this.child.stderr!, this.stderr);
    this.exited = new Promise((done) => {
      this.child.once('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        done(this.exitInfo);
      });
      this.child.once('error', (error) => {
        this.stderr.push(`spawn error: ${error.message}`);
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

  get exit(): ExitInfo | undefined {
    return this.exitInfo;
  }

  /** Resolves with the first JSON log line `match` accepts; rejects if the process exits first or after `timeoutMs`. */
  waitForLog(
    match: (line: Record<string, unknown>) => boolean,
    timeoutMs: number,
    description: string,
  ): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        this.lineWaiters.delete(onLine);
      };
      const onLine = (line: Record<string, unknown>): void => {
        if (!match(line)) return;
        done();
        resolve(line);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`operator: no '${description}' within ${timeoutMs} ms\n${this.tail()}`));
      }, timeoutMs);
      this.lineWaiters.add(onLine);
      void this.exited.then((exit) => {
        done();
        reject(
          new Error(`operator exited (${JSON.stringify(exit)}) before '${description}'\n${this.tail()}`),
        );
      });
    });
  }

  /** Resident set size now (VmRSS) and its peak (VmHWM), in bytes; undefined once the process is gone. */
  memory(): { rss: number; peak: number } | undefined {
    if (this.pid === undefined || !this.running) return undefined;
    let text: string;
    try {
      text = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    } catch {
      return undefined;
    }
    const field = (name: string): number => {
      const m = new RegExp(`^${name}:\\s+(\\d+)\\s+kB`, 'm').exec(text);
      return m === null ? NaN : Number(m[1]) * 1024;
    };
    return { rss: field('VmRSS'), peak: field('VmHWM') };
  }

  logSummary(): LogSummary {
    return {
      byLevel: { ...this.byLevel },
      problems: [...this.problems.values()].sort((a, b) => b.count - a.count).slice(0, 10),
    };
  }

  /** Sends SIGTERM and waits for the exit; SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<ExitInfo> {
    if (this.running) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
      await this.exited;
      clearTimeout(timer);
    }
    return this.exitInfo!;
  }

  /** The last lines of stderr and stdout, labelled, for failure messages. */
  tail(n = 30): string {
    return [
      `--- operator stderr (last ${n} lines) ---`,
      ...this.stderr.slice(-n),
      `--- operator stdout (last ${n} lines) ---`,
      ...this.stdout.slice(-n),
    ].join('\n');
  }

  private follow(stream: NodeJS.ReadableStream, lines: string[]): void {
    let buffer = '';
    stream.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      for (const line of parts) this.push(lines, line);
    });
    stream.on('end', () => {
      if (buffer) this.push(lines, buffer);
    });
  }

  private push(lines: string[], line: string): void {
    lines.push(line);
    if (lines.length > this.keep) lines.splice(0, lines.length - this.keep);
    if (!line.startsWith('{')) return;
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return;
    }
    const level = String(parsed['level'] ?? 'unknown');
    this.byLevel[level] = (this.byLevel[level] ?? 0) + 1;
    if (level === 'warn' || level === 'error' || level === 'fatal') {
      const msg = String(parsed['msg'] ?? '');
      const key = `${level} ${msg}`;
      const seen = this.problems.get(key);
      if (seen) seen.count++;
      else this.problems.set(key, { level, msg, count: 1, example: line.slice(0, 600) });
    }
    for (const waiter of [...this.lineWaiters]) waiter(parsed);
  }
}
