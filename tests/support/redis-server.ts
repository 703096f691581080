import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './net.js';
import { waitFor } from './wait.js';

/** Options for {@link RedisServer.start}. */
export interface RedisServerOptions {
  /** Path of the redis-server binary. @default '/usr/bin/redis-server' (or $REDIS_SERVER_BIN) */
  readonly binary?: string;
  /** Port to listen on. @default a free loopback port */
  readonly port?: number;
  /** `requirepass`; when set clients must AUTH. @default none */
  readonly password?: string;
  /** How long to wait for the server to answer PING (milliseconds). @default 10000 */
  readonly startTimeoutMs?: number;
  /**
   * Extra redis-server arguments, e.g. `['--cluster-enabled', 'yes']`. The launcher writes an empty
   * config file in the server's own directory first (Sentinel and Cluster need a writable one).
   * @default none
   */
  readonly extraArgs?: readonly string[];
}

/**
 * A real `redis-server` on 127.0.0.1, no persistence, its working directory in a temporary folder.
 * `kill()` simulates a crash (SIGKILL); `restart()` brings it back on the same port so clients that
 * reconnect by themselves find it again. `pause()` simulates a hung server (SIGSTOP): connections stay
 * open and nothing answers until `resume()`.
 */
export class RedisServer {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private paused = false;

  private constructor(
    readonly port: number,
    private readonly binary: string,
    private readonly password: string | undefined,
    private readonly dir: string,
    private readonly startTimeoutMs: number,
    private readonly extraArgs: readonly string[],
  ) {}

  /** Starts a server and resolves once it answers PING. */
  static async start(options: RedisServerOptions = {}): Promise<RedisServer> {
    const port = options.port ?? (await freePort());
    const dir = await mkdtemp(join(tmpdir(), 'redis-test-'));
    const server = new RedisServer(
      port,
      options.binary ?? process.env.REDIS_SERVER_BIN ?? '/usr/bin/redis-server',
      options.password,
      dir,
      options.startTimeoutMs ?? 10_000,
      options.extraArgs ?? [],
    );
    await server.spawn();
    return server;
  }

  /** `redis://127.0.0.1:port` */
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  /** Crash: SIGKILL, no shutdown. Resolves once the process is gone. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** Orderly shutdown (SIGTERM). Resolves once the process is gone. */
  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  /** Hangs the server (SIGSTOP). Resolves once the kernel reports the process stopped. */
  async pause(): Promise<void> {
    const child = this.child;
    if (child?.pid === undefined) throw new Error('redis-server is not running; nothing to pause');
    child.kill('SIGSTOP');
    this.paused = true;
    await waitFor(async () => (await processState(child.pid as number)) === 'T', {
      timeoutMs: 5_000,
      description: `redis-server (pid ${child.pid}) to stop`,
    });
  }

  /** Continues a paused server (SIGCONT). Resolves once it answers PING again. */
  async resume(): Promise<void> {
    if (!this.paused) return;
    this.child?.kill('SIGCONT');
    this.paused = false;
    await waitFor(async () => (await this.ping()) === true, {
      timeoutMs: this.startTimeoutMs,
      description: `redis-server on port ${this.port} to answer PING after SIGCONT`,
    });
  }

  /** Starts the server again on the same port (after kill/stop). */
  async restart(): Promise<void> {
    if (this.child !== undefined) await this.stop();
    await this.spawn();
  }

  /** Stops the server and removes its working directory. */
  async dispose(): Promise<void> {
    await this.stop();
    await rm(this.dir, { recursive: true, force: true });
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (child === undefined) return;
    // A stopped process keeps SIGTERM pending until it runs again.
    if (this.paused) child.kill('SIGCONT');
    this.paused = false;
    child.kill(signal);
    await this.exited;
  }

  private async spawn(): Promise<void> {
    const configFile = join(this.dir, 'redis.conf');
    await writeFile(configFile, '', { flag: 'a' });
    const args = [
      configFile,
      '--port',
      String(this.port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
    ];
    args.push('--dir', this.dir, '--daemonize', 'no', '--loglevel', 'warning');
    if (this.password !== undefined) args.push('--requirepass', this.password);
    args.push(...this.extraArgs);
    const child = spawn(this.binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    this.child = child;
    this.exited = new Promise((resolve) => {
      child.once('exit', () => {
        if (this.child === child) this.child = undefined;
        resolve();
      });
      child.once('error', () => {
        if (this.child === child) this.child = undefined;
        resolve();
      });
    });
    try {
      await waitFor(
        async () => {
          if (this.child !== child) throw new Error(`redis-server exited: ${output.trim()}`);
          return (await this.ping()) === true;
        },
        { timeoutMs: this.startTimeoutMs, description: `redis-server on port ${this.port} to answer PING` },
      );
    } catch (error) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not start on port ${this.port}: ${output.trim()}`, { cause: error });
    }
  }

  /** Sends one inline command over a raw socket and returns the first reply line. */
  async command(line: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(this.port, '127.0.0.1');
      let reply = '';
      socket.on('connect', () => socket.write(`${line}\r\n`));
      socket.on('data', (data) => {
        reply += data.toString();
        if (reply.includes('\r\n')) {
          socket.destroy();
          resolve(reply.split('\r\n')[0] as string);
        }
      });
      socket.on('error', reject);
    });
  }

  /** One PING over a raw socket (RESP inline command); true on +PONG (or a NOAUTH reply). */
  private ping(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = connect(this.port, '127.0.0.1');
      socket.setTimeout(1000);
      let reply = '';
      socket.on('connect', () => socket.write('PING\r\n'));
      socket.on('data', (data) => {
        reply += data.toString();
        if (reply.includes('\r\n')) {
          socket.destroy();
          resolve(reply.startsWith('+PONG') || reply.startsWith('-NOAUTH'));
        }
      });
      socket.on('timeout', () => {
        socket.destroy();
        resolve(false);
      });
      socket.on('error', () => resolve(false));
    });
  }
}

/** The state letter of /proc/<pid>/stat (`R`, `S`, `T` for stopped, ...). */
async function processState(pid: number): Promise<string | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // The command name is in parentheses and may itself contain spaces or parentheses.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ', 1)[0];
}
