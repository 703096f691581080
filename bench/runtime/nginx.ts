/**
 * nginx as a plain reverse proxy in front of the stub engine: the yardstick for what a proxy hop
 * costs in CPU. The benchmark starts it itself, as the current user, with its config, pid file, logs
 * and temporary files in a fresh temporary folder, and stops it at the end.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { delimiter, join } from 'node:path';
import { freePort } from '../../tests/support/net.js';
import { waitFor } from '../../tests/support/wait.js';

/** Where to install nginx from when it is missing (Debian). */
export const NGINX_PACKAGE = 'nginx';

/** A running nginx. */
export interface NginxProxy {
  /** `http://127.0.0.1:port` */
  readonly base: string;
  /** e.g. `nginx/1.22.1` */
  readonly version: string;
  /** The master process; its worker is its child. */
  readonly pid: number;
  stop(): Promise<void>;
}

/**
 * `NGINX_BIN` if set, else `nginx` on PATH or in the sbin folders, which a non-root PATH often lacks;
 * undefined when none of them exists.
 */
export function findNginx(): string | undefined {
  const candidates = process.env.NGINX_BIN
    ? [process.env.NGINX_BIN]
    : [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin']
        .filter((folder) => folder !== '')
        .map((folder) => join(folder, 'nginx'));
  return candidates.find((path) => existsSync(path));
}

/** Inputs of {@link nginxConfig}. */
export interface NginxConfigInput {
  /** Folder for the pid file, logs and temporary files. */
  readonly dir: string;
  readonly listenPort: number;
  /** The engine, `host:port`. */
  readonly upstream: string;
  /** nginx started by root hands its workers to `user`; everyone else's run as themselves. */
  readonly user: string | undefined;
}

/**
 * One worker, like the runtime's one event loop. Keep-alive to the engine, as the runtime's client
 * keeps its connections; `proxy_buffering off` so streamed tokens pass as they come, as an LLM proxy
 * must; the access log stays on, as the runtime writes one log line per request too.
 */
export function nginxConfig({ dir, listenPort, upstream, user }: NginxConfigInput): string {
  return `${user !== undefined ? `user ${user};\n` : ''}daemon off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 1024; }
http {
  access_log ${join(dir, 'access.log')};
  client_body_temp_path ${join(dir, 'client-body')};
  proxy_temp_path ${join(dir, 'proxy')};
  fastcgi_temp_path ${join(dir, 'fastcgi')};
  uwsgi_temp_path ${join(dir, 'uwsgi')};
  scgi_temp_path ${join(dir, 'scgi')};
  keepalive_requests 1000000;
  upstream engine {
    server ${upstream};
    keepalive 64;
    keepalive_requests 1000000;
  }
  server {
    listen 127.0.0.1:${listenPort};
    location / {
      proxy_pass http://engine;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_buffering off;
    }
  }
}
`;
}

function versionOf(binary: string): string {
  // `nginx -v` prints its version on stderr.
  const { stderr } = spawnSync(binary, ['-v'], { encoding: 'utf8' });
  return stderr.trim().replace(/^nginx version:\s*/, '') || 'nginx';
}

/**
 * Starts nginx proxying to `upstream` (`host:port`) and resolves once a request passes through it;
 * undefined when no nginx binary is installed.
 */
export async function startNginx(upstream: string): Promise<NginxProxy | undefined> {
  const binary = findNginx();
  if (binary === undefined) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'bench-nginx-'));
  const listenPort = await freePort();
  const configFile = join(dir, 'nginx.conf');
  const user = process.getuid?.() === 0 ? userInfo().username : undefined;
  writeFileSync(configFile, nginxConfig({ dir, listenPort, upstream, user }));
  const child = spawn(binary, ['-p', dir, '-c', configFile, '-e', join(dir, 'error.log')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (error) => {
      stderr += error.message;
      resolve();
    });
  });
  const base = `http://127.0.0.1:${listenPort}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilServing(child, base);
  } catch (error) {
    const log = existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '';
    await stop();
    throw new Error(`nginx did not start: ${stderr.trim()} ${log.trim()}`, { cause: error });
  }
  return { base, version: versionOf(binary), pid: child.pid as number, stop };
}

async function waitUntilServing(child: ChildProcess, base: string): Promise<void> {
  await waitFor(
    async () => {
      if (child.exitCode !== null || child.pid === undefined) throw new Error('nginx exited');
      return (await fetch(`${base}/v1/models`)).status === 200;
    },
    { timeoutMs: 10_000, intervalMs: 50, description: 'nginx to proxy to the engine' },
  );
}
