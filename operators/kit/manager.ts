import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { Applier } from './apply.js';
import { realClock, type Clock } from './clock.js';
import type { KubeClient } from './client.js';
import { ClusterClient } from './cluster-client.js';
import { Controller, type ControllerOptions } from './controller.js';
import { EventRecorder } from './events.js';
import { SharedInformers, type InformerTuning } from './informers.js';
import { LeaderElector, apiLeaseStore } from './leader-election.js';
import { silentLogger, type Logger } from './logger.js';
import { OperatorMetrics } from './metrics.js';

/** The default Lease name, shared by every replica of the operator. */
export const LEADER_ELECTION_ID = 'suoke-modelops-operator';

/** What a controller factory receives: shared clients, caches and helpers of the running manager. */
export interface OperatorContext {
  /** The API server, for direct reads and writes. */
  readonly client: KubeClient;
  /** Reads from the shared informer caches, writes to the API server (what reconcilers use). */
  readonly cluster: ClusterClient;
  readonly informers: SharedInformers;
  readonly applier: Applier;
  readonly events: EventRecorder;
  readonly metrics: OperatorMetrics;
  readonly logger: Logger;
  readonly clock: Clock;
  /** Process-level settings controllers may need (e.g. prometheusUrl, trafficRouter). */
  readonly settings: Readonly<Record<string, string>>;
}

/** Builds one controller's options from the operator context; registered in `operators/main.ts`. */
export type ControllerFactory = (ctx: OperatorContext) => ControllerOptions;

export interface LeaderElectionConfig {
  /** @default true */
  readonly enabled?: boolean;
  /** Namespace of the Lease; required when enabled. */
  readonly namespace?: string;
  /** @default 'suoke-modelops-operator' */
  readonly name?: string;
  /** @default `<hostname>_<uuid>` */
  readonly identity?: string;
  /** @default 15_000 */
  readonly leaseDurationMs?: number;
  /** @default 10_000 */
  readonly renewDeadlineMs?: number;
  /** @default 2_000 */
  readonly retryPeriodMs?: number;
}

export interface ManagerOptions {
  readonly client: KubeClient;
  /** Namespaces to watch. @default [] (all) */
  readonly namespaces?: readonly string[];
  /** `host:port` for /metrics; '0' disables it. @default ':8080' */
  readonly metricsBindAddress?: string;
  /** `host:port` for /healthz and /readyz; '0' disables it. @default ':8081' */
  readonly healthProbeBindAddress?: string;
  /** @default enabled, Lease 'suoke-modelops-operator' */
  readonly leaderElection?: LeaderElectionConfig;
  /** @default realClock */
  readonly clock?: Clock;
  /** @default silentLogger */
  readonly logger?: Logger;
  /** @default a fresh registry with process metrics */
  readonly metrics?: OperatorMetrics;
  /** @default informer defaults */
  readonly informerTuning?: InformerTuning;
  /** @default {} */
  readonly settings?: Readonly<Record<string, string>>;
}

export type ManagerExit = 'stopped' | 'leadership-lost';

/**
 * Runs controllers the way controller-runtime's manager does: caches start at once (a standby keeps
 * them warm), controllers start only once this process leads, /metrics and /healthz + /readyz are
 * served, and `stop()` shuts down in order — stop taking work, drain in-flight reconciles, release the
 * lease (so a standby takes over at once), stop watches, close servers. Losing the lease stops
 * everything and `done` resolves to 'leadership-lost' (the process should exit non-zero, as Go operators
 * do, rather than risk two leaders).
 */
export class Manager {
  readonly informers: SharedInformers;
  readonly metrics: OperatorMetrics;
  readonly context: OperatorContext;
  readonly done: Promise<ManagerExit>;
  private readonly controllers: Controller[] = [];
  private readonly options: ManagerOptions;
  private readonly log: Logger;
  private readonly clock: Clock;
  private readonly elector: LeaderElector | undefined;
  private readonly leaseName: string;
  private readonly electionAbort = new AbortController();
  private servers: http.Server[] = [];
  private metricsServer: http.Server | undefined;
  private probeServer: http.Server | undefined;
  private state: 'new' | 'running' | 'stopping' | 'stopped' = 'new';
  private resolveDone!: (exit: ManagerExit) => void;
  private election: Promise<void> | undefined;
  private controllersStarted = false;

  constructor(options: ManagerOptions) {
    this.options = options;
    this.clock = options.clock ?? realClock;
    this.log = options.logger ?? silentLogger;
    this.metrics = options.metrics ?? new OperatorMetrics();
    this.informers = new SharedInformers(options.client, {
      namespaces: options.namespaces,
      clock: this.clock,
      logger: this.log,
      tuning: options.informerTuning,
    });
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
    const le = options.leaderElection ?? {};
    this.leaseName = le.name ?? LEADER_ELECTION_ID;
    if (le.enabled ?? true) {
      if (!le.namespace) {
        throw new Error(
          'leader election: a Lease namespace is required; pass --leader-election-namespace or run in-cluster',
        );
      }
      this.elector = new LeaderElector(apiLeaseStore(options.client, le.namespace, this.leaseName), {
        identity: le.identity ?? `${hostname()}_${randomUUID()}`,
        namespace: le.namespace,
        name: this.leaseName,
        leaseDurationMs: le.leaseDurationMs,
        renewDeadlineMs: le.renewDeadlineMs,
        retryPeriodMs: le.retryPeriodMs,
        clock: this.clock,
        logger: this.log,
      });
    }
    const cluster = ClusterClient.cached(options.client, this.informers);
    this.context = {
      client: options.client,
      cluster,
      informers: this.informers,
      applier: new Applier(cluster, { logger: this.log }),
      events: new EventRecorder(options.client, {
        clock: this.clock,
        logger: this.log,
        instance: this.elector?.identity,
      }),
      metrics: this.metrics,
      logger: this.log,
      clock: this.clock,
      settings: options.settings ?? {},
    };
    this.metrics.leaderElectionMasterStatus.set({ name: this.leaseName }, 0);
  }

  /** The identity this process campaigns with (undefined without leader election). */
  get identity(): string | undefined {
    return this.elector?.identity;
  }

  isLeader(): boolean {
    return this.elector ? this.elector.isLeader() : this.state === 'running';
  }

  add(factory: ControllerFactory | ControllerOptions): Controller {
    if (this.state !== 'new') throw new Error('manager: controllers must be added before start()');
    const options = typeof factory === 'function' ? factory(this.context) : factory;
    if (this.controllers.some((c) => c.name === options.name)) {
      throw new Error(`manager: a controller named '${options.name}' is already registered`);
    }
    const controller = new Controller(options, {
      informers: this.informers,
      metrics: this.metrics,
      clock: this.clock,
      logger: this.log,
    });
    this.controllers.push(controller);
    return controller;
  }

  /** Starts servers, caches and the election; resolves once the servers listen. */
  async start(): Promise<void> {
    if (this.state !== 'new') throw new Error('manager: start() called twice');
    this.state = 'running';
    this.metricsServer = await this.listen(this.options.metricsBindAddress ?? ':8080', (req, res) =>
      this.serveMetrics(req, res),
    );
    this.probeServer = await this.listen(this.options.healthProbeBindAddress ?? ':8081', (req, res) =>
      this.serveProbes(req, res),
    );
    this.informers.start();
    if (!this.elector) {
      this.startControllers();
      return;
    }
    this.election = this.elector.run(
      {
        onStartedLeading: () => {
          this.metrics.leaderElectionMasterStatus.set({ name: this.leaseName }, 1);
          this.startControllers();
        },
        onStoppedLeading: () => {
          this.metrics.leaderElectionMasterStatus.set({ name: this.leaseName }, 0);
          void this.shutdown('leadership-lost');
        },
        onNewLeader: (identity) => this.log.info({ leader: identity }, 'leader observed'),
      },
      this.electionAbort.signal,
    );
  }

  /** Graceful shutdown; resolves when everything is stopped. */
  async stop(): Promise<void> {
    await this.shutdown('stopped');
  }

  /** Bound address of the metrics server (useful with port 0). */
  metricsAddress(): AddressInfo | undefined {
    return this.metricsServer?.address() as AddressInfo | undefined;
  }

  probeAddress(): AddressInfo | undefined {
    return this.probeServer?.address() as AddressInfo | undefined;
  }

  private startControllers(): void {
    if (this.controllersStarted || this.state !== 'running') return;
    this.controllersStarted = true;
    for (const c of this.controllers) void c.start();
  }

  private async shutdown(exit: ManagerExit): Promise<void> {
    if (this.state === 'stopping' || this.state === 'stopped') {
      await this.done;
      return;
    }
    this.state = 'stopping';
    this.log.info({ reason: exit }, 'shutting down');
    // 1. No new leadership renewals or campaigns; 2. drain in-flight reconciles.
    this.electionAbort.abort();
    await this.election;
    await Promise.all(this.controllers.map((c) => c.stop()));
    // 3. Only once no reconcile runs may a standby take over: release the lease.
    if (exit === 'stopped') await this.elector?.release();
    this.metrics.leaderElectionMasterStatus.set({ name: this.leaseName }, 0);
    await this.informers.stop();
    await Promise.all(this.servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
    this.servers = [];
    this.state = 'stopped';
    this.log.info({ reason: exit }, 'stopped');
    this.resolveDone(exit);
  }

  private async serveMetrics(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.url?.split('?')[0] !== '/metrics') return reply(res, 404, 'not found\n');
    try {
      const body = await this.metrics.registry.metrics();
      res.writeHead(200, { 'Content-Type': this.metrics.registry.contentType }).end(body);
    } catch (err) {
      reply(res, 500, `metrics: ${(err as Error).message}\n`);
    }
  }

  private serveProbes(req: http.IncomingMessage, res: http.ServerResponse): void {
    const path = req.url?.split('?')[0];
    if (path === '/healthz') {
      return this.state === 'running' ? reply(res, 200, 'ok\n') : reply(res, 503, `${this.state}\n`);
    }
    if (path === '/readyz') {
      if (this.state !== 'running') return reply(res, 503, `${this.state}\n`);
      return this.informers.hasSynced() ? reply(res, 200, 'ok\n') : reply(res, 503, 'caches not synced\n');
    }
    reply(res, 404, 'not found\n');
  }

  private async listen(
    address: string,
    handler: (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>,
  ): Promise<http.Server | undefined> {
    if (address === '0' || address === '') return undefined;
    const { host, port } = parseBindAddress(address);
    const server = http.createServer((req, res) => void handler(req, res));
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', (err) =>
        reject(new Error(`cannot listen on '${address}': ${err.message}`, { cause: err })),
      );
      server.listen(port, host, () => resolve());
    });
    this.servers.push(server);
    return server;
  }
}

/** Parses Go-style bind addresses: ':8080' (all interfaces), '127.0.0.1:0', '[::1]:8080'. */
export function parseBindAddress(address: string): { host: string | undefined; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]*)):(\d{1,5})$/.exec(address);
  const port = m ? Number(m[3]) : NaN;
  if (!m || port > 65535) {
    throw new Error(`bind address '${address}' must look like ':8080' or '127.0.0.1:8080' ('0' disables)`);
  }
  const host = m[1] ?? m[2];
  return { host: host ? host : undefined, port };
}

function reply(res: http.ServerResponse, code: number, body: string): void {
  res.writeHead(code, { 'Content-Type': 'text/plain; charset=utf-8' }).end(body);
}
