import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { freePort } from './net.js';
import { waitFor } from './wait.js';

/** One scrape target: `host:port` plus labels attached to every series scraped from it. */
export interface ScrapeTarget {
  readonly address: string;
  /** E.g. `{ namespace: 'suoke-ai' }`, standing in for the ServiceMonitor's target labels. @default {} */
  readonly labels?: Readonly<Record<string, string>>;
}

/** Options for {@link PrometheusServer.start}. */
export interface PrometheusServerOptions {
  /** Targets scraped at `/metrics` under one job. @default none */
  readonly targets?: readonly ScrapeTarget[];
  /** Full `scrape_configs` entries, used as they are in addition to `targets`. @default none */
  readonly scrapeConfigs?: readonly Record<string, unknown>[];
  /** Scrape (and rule evaluation) interval, seconds. @default 1 */
  readonly scrapeIntervalSeconds?: number;
  /** Path of the prometheus binary. @default '/usr/bin/prometheus' (or $PROMETHEUS_BIN) */
  readonly binary?: string;
  /** Port to listen on. @default a free loopback port */
  readonly port?: number;
  /** How long to wait for /-/ready (milliseconds). @default 20000 */
  readonly startTimeoutMs?: number;
  /** Feature flags (`--enable-feature`), e.g. `exemplar-storage`. @default none */
  readonly features?: readonly string[];
}

/**
 * A real `prometheus` on 127.0.0.1 scraping the given targets every second, its TSDB in a temporary
 * folder. `stop()` and `restart()` keep the port and the data, as a Prometheus pod that restarts
 * would; `dispose()` removes everything.
 */
export class PrometheusServer {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();

  private constructor(
    readonly port: number,
    private readonly binary: string,
    private readonly dir: string,
    private readonly startTimeoutMs: number,
    private readonly features: readonly string[] = [],
  ) {}

  /** Writes the configuration, starts the server and resolves once it reports ready. */
  static async start(options: PrometheusServerOptions = {}): Promise<PrometheusServer> {
    const port = options.port ?? (await freePort());
    const dir = await mkdtemp(join(tmpdir(), 'prometheus-test-'));
    const interval = `${options.scrapeIntervalSeconds ?? 1}s`;
    const scrapeConfigs: Record<string, unknown>[] = [...(options.scrapeConfigs ?? [])];
    if ((options.targets ?? []).length > 0) {
      scrapeConfigs.push({
        job_name: 'targets',
        scrape_interval: interval,
        static_configs: (options.targets ?? []).map((t) => ({
          targets: [t.address],
          labels: { ...(t.labels ?? {}) },
        })),
      });
    }
    const config = {
      global: { scrape_interval: interval, evaluation_interval: interval, scrape_timeout: interval },
      scrape_configs: scrapeConfigs,
    };
    await writeFile(join(dir, 'prometheus.yml'), stringify(config));
    const server = new PrometheusServer(
      port,
      options.binary ?? process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus',
      dir,
      options.startTimeoutMs ?? 20_000,
      options.features,
    );
    try {
      await server.spawn();
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
    return server;
  }

  /** `http://127.0.0.1:port` */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  /** Orderly shutdown (SIGTERM). Resolves once the process is gone. */
  async stop(): Promise<void> {
    const child = this.child;
    if (child === undefined) return;
    child.kill('SIGTERM');
    await this.exited;
  }

  /** Starts again on the same port with the same data (after stop). */
  async restart(): Promise<void> {
    if (this.child !== undefined) await this.stop();
    await this.spawn();
  }

  /** Stops the server and removes its configuration and data. */
  async dispose(): Promise<void> {
    await this.stop();
    await rm(this.dir, { recursive: true, force: true });
  }

  /** Runs an instant query and returns the raw `data.result` (for test assertions). */
  async query(promql: string): Promise<unknown> {
    const response = await fetch(`${this.url}/api/v1/query?query=${encodeURIComponent(promql)}`);
    const body = (await response.json()) as { status: string; data?: { result: unknown }; error?: string };
    if (body.status !== 'success')
      throw new Error(`query ${promql} failed: ${body.error ?? response.status}`);
    return body.data?.result;
  }

  private async spawn(): Promise<void> {
    const args = [
      `--config.file=${join(this.dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(this.dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${this.port}`,
      '--log.level=warn',
      ...this.features.map((feature) => `--enable-feature=${feature}`),
    ];
    const child = spawn(this.binary, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: this.dir });
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
          if (this.child !== child) throw new Error(`prometheus exited: ${output.trim()}`);
          const response = await fetch(`${this.url}/-/ready`).catch(() => undefined);
          return response?.ok === true;
        },
        {
          timeoutMs: this.startTimeoutMs,
          intervalMs: 50,
          description: `prometheus on port ${this.port} to be ready`,
        },
      );
    } catch (error) {
      child.kill('SIGKILL');
      await this.exited;
      throw new Error(`prometheus did not start on port ${this.port}: ${output.trim().slice(-2000)}`, {
        cause: error,
      });
    }
  }
}
