/**
 * The whole end-to-end environment in one object: the fake API server process, a real prometheus
 * scraping every runtime pod each second, the pods themselves (see DeploymentController), the mesh
 * following the VirtualService (or, with `router: 'gateway-api'`, the HTTPRoute, as a gateway
 * would), the evaluation Jobs' pods (see JobController), the load generator, the operator process, which can be killed
 * and started again, and, when asked for, a real redis-server for the runtimes' sessions and cache
 * (an AIModel reaches it through `spec.runtime.redis`, see {@link Environment.runtimeRedis}).
 * Everything listens on free loopback ports and lives in one temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrometheusServer } from '../../support/prometheus.js';
import { RedisServer } from '../../support/redis-server.js';
import { waitFor } from '../../support/wait.js';
import { DeploymentController } from './deployment-controller.js';
import { JobController } from './job-controller.js';
import { AIMODELS, KubeRest, MODEL_VERSIONS } from './kube.js';
import { launchApiServer, launchOperator, type ApiServerProcess, type OperatorProcess } from './launchers.js';
import { LoadGenerator, type ClientKind } from './load-generator.js';
import type { RoutingTable } from './istio-routes.js';
import { Mesh, type MeshRouter } from './mesh.js';
import { MeshProxy } from './mesh-proxy.js';

export interface EnvironmentOptions {
  /** @default 'suoke-ai' */
  readonly namespace?: string;
  /** The AIModel the mesh follows. */
  readonly model: string;
  /** Requests per second from the load generator. @default 20 */
  readonly ratePerSecond?: number;
  /** Prometheus scrape interval (seconds). @default 1 */
  readonly scrapeIntervalSeconds?: number;
  /** The load generator's kinds of clients. @default plain clients only */
  readonly clients?: readonly ClientKind[];
  /** Start a redis-server for the runtimes. @default false */
  readonly redis?: boolean;
  /**
   * How traffic is routed: `istio` (VirtualService and DestinationRule, Istio's CRDs), or
   * `gateway-api` (an HTTPRoute and per-version Services, Gateway API's CRDs, no mesh): the
   * operator's `--traffic-router` and what the mesh follows. @default 'istio'
   */
  readonly router?: MeshRouter;
  /**
   * Serve the model's Service on loopback ({@link Environment.proxy}, routing as the mesh does) and
   * point the runtimes' SESSION_FORWARD_URL at it, so turns they forward reach the pinned version.
   * @default false (a forward then fails, and the turn is served where it landed)
   */
  readonly serviceProxy?: boolean;
}

export class Environment {
  operator: OperatorProcess | undefined;

  private constructor(
    readonly namespace: string,
    readonly dir: string,
    readonly api: ApiServerProcess,
    readonly kube: KubeRest,
    readonly prometheus: PrometheusServer,
    readonly pods: DeploymentController,
    readonly mesh: Mesh,
    readonly load: LoadGenerator,
    /** The redis-server, when {@link EnvironmentOptions.redis} asked for one. */
    readonly redis: RedisServer | undefined,
    readonly router: MeshRouter,
    /** Runs the operator's evaluation Jobs against the pods above. */
    readonly jobs: JobController,
    /** The model's Service, when {@link EnvironmentOptions.serviceProxy} asked for it. */
    readonly proxy: MeshProxy | undefined,
  ) {}

  /** Starts everything but the operator (see {@link startOperator}); stops what started on failure. */
  static async start(options: EnvironmentOptions): Promise<Environment> {
    const namespace = options.namespace ?? 'suoke-ai';
    const router = options.router ?? 'istio';
    const dir = mkdtempSync(join(tmpdir(), 'e2e-rollout-'));
    const cleanup: Array<() => Promise<void>> = [async () => rmSync(dir, { recursive: true, force: true })];
    try {
      const redis = options.redis === true ? await RedisServer.start() : undefined;
      if (redis !== undefined) cleanup.unshift(() => redis.dispose());
      const api = await launchApiServer(dir, namespace, router);
      cleanup.unshift(() => api.process.stop());
      const kube = new KubeRest(api.url);
      const targetsFile = join(dir, 'targets.json');
      const proxy = options.serviceProxy === true ? await MeshProxy.start() : undefined;
      if (proxy !== undefined) cleanup.unshift(() => proxy.close());
      const pods = new DeploymentController({
        kube,
        namespace,
        targetsFile,
        ...(proxy === undefined ? {} : { serviceUrl: proxy.url }),
      });
      cleanup.unshift(() => pods.stop());
      const scrape = `${options.scrapeIntervalSeconds ?? 1}s`;
      const prometheus = await PrometheusServer.start({
        scrapeIntervalSeconds: options.scrapeIntervalSeconds ?? 1,
        scrapeConfigs: [
          {
            job_name: 'agents',
            scrape_interval: scrape,
            scrape_timeout: scrape,
            file_sd_configs: [{ files: [targetsFile], refresh_interval: '1s' }],
          },
        ],
      });
      cleanup.unshift(() => prometheus.dispose());
      pods.start();
      // Istio injects its proxy into every pod of the mesh, the evaluation Jobs' pods too.
      const jobs = new JobController({ kube, namespace, pods, dir, sidecars: router === 'istio' });
      await jobs.start();
      cleanup.unshift(() => jobs.stop());
      const mesh = new Mesh({ kube, namespace, model: options.model, router });
      mesh.start();
      cleanup.unshift(() => mesh.stop());
      proxy?.attach(mesh, pods);
      const load = new LoadGenerator({
        mesh,
        pods,
        model: options.model,
        ...(options.ratePerSecond === undefined ? {} : { ratePerSecond: options.ratePerSecond }),
        ...(options.clients === undefined ? {} : { clients: options.clients }),
      });
      load.start();
      cleanup.unshift(async () => {
        await load.stop();
        load.close();
      });
      return new Environment(
        namespace,
        dir,
        api,
        kube,
        prometheus,
        pods,
        mesh,
        load,
        redis,
        router,
        jobs,
        proxy,
      );
    } catch (error) {
      for (const step of cleanup) await step().catch(() => undefined);
      throw error;
    }
  }

  /**
   * `spec.runtime.redis` of an AIModel whose runtimes use this environment's redis-server: the
   * rendered Deployments carry REDIS_MODE and REDIS_URL, as the platform's Redis would give them.
   */
  runtimeRedis(): { mode: 'standalone'; url: string } {
    if (this.redis === undefined) throw new Error('the environment was started without redis');
    return { mode: 'standalone', url: this.redis.url };
  }

  /** Starts the operator, with more flags when given (e.g. `--rollback-window=3s`), and waits until it leads. */
  async startOperator(extraArgs: readonly string[] = []): Promise<OperatorProcess> {
    if (this.operator?.process.running) throw new Error('the operator is already running');
    this.operator = await launchOperator({
      kubeconfig: this.api.kubeconfig,
      namespace: this.namespace,
      prometheusUrl: this.prometheus.url,
      router: this.router,
      extraArgs,
    });
    return this.operator;
  }

  /** SIGKILLs the operator: no lease release, no draining, whatever it was writing is cut short. */
  async killOperator(): Promise<void> {
    await this.operator?.process.kill();
  }

  /** Polls `check` until it holds (a deadline, never a sleep); failures carry the diagnostics. */
  async until<T>(
    check: () => T | Promise<T>,
    description: string,
    timeoutMs = 60_000,
  ): Promise<Exclude<T, false | undefined>> {
    try {
      return await waitFor(check, { timeoutMs, intervalMs: 100, description });
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${await this.report()}`, { cause: error });
    }
  }

  /**
   * Polls `check` for `forMs` and fails at the first poll where it does not hold: for what must NOT
   * happen during a period (e.g. no promotion while Prometheus is down).
   */
  async holds(check: () => boolean | Promise<boolean>, description: string, forMs: number): Promise<void> {
    const end = Date.now() + forMs;
    while (Date.now() < end) {
      if (!(await check())) throw new Error(`no longer true: ${description}\n${await this.report()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** {@link diagnostics} plus what the API says of our objects: the first thing to read on a failure. */
  async report(): Promise<string> {
    const objects = await Promise.all([
      this.kube.list(AIMODELS, this.namespace),
      this.kube.list(MODEL_VERSIONS, this.namespace),
    ]).then(
      ([models, versions]) =>
        [...models, ...versions]
          .map((o) => {
            const s = (o['status'] ?? {}) as Record<string, unknown>;
            const { analysis: _analysis, ...rest } = s;
            return `${o.kind} ${o.metadata.name}: ${JSON.stringify(rest)}`;
          })
          .join('\n'),
      (error: unknown) => `objects unavailable: ${(error as Error).message}`,
    );
    return `${objects}\n${this.diagnostics()}`;
  }

  /** What the processes said lately, for failure messages. */
  diagnostics(): string {
    return [
      `split now: ${JSON.stringify(this.mesh.split())}; history: ${JSON.stringify(this.mesh.history.slice(-12))}`,
      `load: ${JSON.stringify(Object.fromEntries(this.load.byVersion))}, no endpoint: ${this.load.noEndpoint}, no route: ${this.load.noRoute}`,
      `by kind: ${JSON.stringify(Object.fromEntries([...this.load.byKind].map(([k, m]) => [k, Object.fromEntries(m)])))}`,
      `mirrored: ${JSON.stringify(Object.fromEntries(this.load.mirrored))}, no endpoint: ${this.load.mirrorNoEndpoint}`,
      `routes now: ${describeRoutes(this.mesh.routing())}${this.mesh.lastError === undefined ? '' : `; mesh: ${this.mesh.lastError}`}` +
        (this.mesh.statusError === undefined ? '' : `; route status: ${this.mesh.statusError}`) +
        routeStatus(this.mesh),
      `pods: ${this.pods.running().join(', ')}; harness errors: ${this.pods.errors.slice(-5).join(' | ')}`,
      ...(this.jobs.all().length === 0
        ? []
        : [
            `evaluation jobs (errors: ${this.jobs.errors.slice(-5).join(' | ')}):\n${this.jobs.diagnostics()}`,
          ]),
      this.operator?.process.tail(40) ?? 'operator not started',
      this.api.process.tail(5),
    ].join('\n');
  }

  async stop(): Promise<void> {
    await this.load.stop();
    this.load.close();
    await this.operator?.process.stop('SIGTERM', 5000);
    await this.mesh.stop();
    await this.jobs.stop();
    await this.pods.stop();
    await this.proxy?.close();
    await this.prometheus.dispose();
    await this.api.process.stop();
    await this.redis?.dispose();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** `; HTTPRoute status (generation 3): Accepted True Accepted, ResolvedRefs True ResolvedRefs` ('' with Istio). */
function routeStatus(mesh: Mesh): string {
  const last = mesh.routeStatuses.at(-1);
  if (last === undefined) return '';
  const conditions = last.parents.flatMap((p) =>
    p.conditions.map((c) => `${c.type} ${c.status} ${c.reason}`),
  );
  return `; HTTPRoute status (generation ${last.generation}): ${[...new Set(conditions)].join(', ')}`;
}

/** `candidate [x-cohort=beta] → v2:100; versions → v1:100 mirror v2 50%`. */
function describeRoutes(table: RoutingTable): string {
  return (
    table.routes
      .map((r) => {
        const match = r.matches === undefined ? '' : ` ${JSON.stringify(r.matches.map((m) => m.source))}`;
        const split = Object.entries(r.split)
          .map(([v, w]) => `${v}:${w}`)
          .join(',');
        const mirror = r.mirror === undefined ? '' : ` mirror ${r.mirror.version} ${r.mirror.percent}%`;
        return `${r.key}${match} → ${split}${mirror}`;
      })
      .join('; ') || 'none'
  );
}
