/**
 * The operator process: `npm run operator`, or `node build/operators/main.js` in the image.
 * Reads flags, loads the kubeconfig, registers the controllers below and runs them under a Manager
 * until SIGTERM/SIGINT (graceful: drain reconciles, release the lease, exit 0) or loss of leadership
 * (exit 1, so the pod restarts as a standby).
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KubeClient } from './kit/client.js';
import { loadConnection } from './kit/connection.js';
import { FLAG_HELP, parseFlags, type OperatorFlags } from './kit/flags.js';
import { createLogger, type Logger } from './kit/logger.js';
import { Manager, type ControllerFactory, type ManagerOptions, type OperatorContext } from './kit/manager.js';
import { OperatorMetrics } from './kit/metrics.js';
import { aimodelController } from './aimodel/controller.js';
import { createRolloutDeps, SETTINGS, type RolloutDeps } from './rollout-deps/deps.js';
import { modelVersionController } from './model-version/controller.js';
import { modelRegistryController } from './model-registry/index.js';

/**
 * The controllers this process runs, one line each (each module exports a `ControllerFactory`), with
 * fresh shared parts per call: one set per manager. An empty list is valid: the process then only
 * holds leadership and serves health and metrics.
 */
export function defaultControllers(): ControllerFactory[] {
  return [...rolloutControllers(), (ctx) => modelRegistryController(ctx)];
}

/**
 * The AIModel and ModelVersion controllers over one set of rollout parts (router, metrics provider,
 * per-model locks), built from the manager's context when the first of them is added.
 */
export function rolloutControllers(overrides: Partial<RolloutDeps> = {}): ControllerFactory[] {
  let deps: RolloutDeps | undefined;
  const shared = (ctx: OperatorContext): RolloutDeps => (deps ??= createRolloutDeps(ctx, overrides));
  return [(ctx) => aimodelController(ctx, shared(ctx)), (ctx) => modelVersionController(ctx, shared(ctx))];
}

/** The flags the controllers read, as the Manager's settings (keys of rollout-deps SETTINGS). */
export function operatorSettings(flags: OperatorFlags): Record<string, string> {
  return {
    [SETTINGS.prometheusUrl]: flags.prometheusUrl,
    [SETTINGS.trafficRouter]: flags.trafficRouter,
    [SETTINGS.mesh]: flags.mesh,
    [SETTINGS.rollbackWindow]: `${flags.rollbackWindowMs}ms`,
    [SETTINGS.maxConcurrentReconciles]: String(flags.maxConcurrentReconciles),
    // Without an endpoint the rendered runtimes carry no tracing variables at all.
    ...(flags.tracingEndpoint === undefined
      ? {}
      : {
          [SETTINGS.tracingEndpoint]: flags.tracingEndpoint,
          [SETTINGS.tracingSamplingRatio]: String(flags.tracingSamplingRatio),
        }),
  };
}

export interface RunOptions {
  readonly controllers?: readonly ControllerFactory[];
  readonly logger?: Logger;
  readonly managerOverrides?: Partial<ManagerOptions>;
}

/** Runs the operator until a signal or loss of leadership; resolves to the exit code. */
export async function runOperator(argv: readonly string[], options: RunOptions = {}): Promise<number> {
  const log = options.logger ?? createLogger();
  let flags;
  try {
    flags = parseFlags(argv);
  } catch (err) {
    log.error({ err: (err as Error).message }, 'invalid flags');
    process.stderr.write(`${(err as Error).message}\n\n${FLAG_HELP}\n`);
    return 2;
  }
  if (flags.help) {
    process.stdout.write(`${FLAG_HELP}\n`);
    return 0;
  }
  // One registry for the client's and the manager's series, so /metrics shows both.
  const metrics = options.managerOverrides?.metrics ?? new OperatorMetrics();
  const manager = new Manager({
    client: new KubeClient(await loadConnection(), {
      qps: flags.kubeApiQps,
      burst: flags.kubeApiBurst,
      logger: log,
      metrics: metrics.forClient(),
    }),
    metrics,
    namespaces: flags.namespaces,
    metricsBindAddress: flags.metricsBindAddress,
    healthProbeBindAddress: flags.healthProbeBindAddress,
    leaderElection: {
      enabled: flags.leaderElect,
      namespace: flags.leaderElectionNamespace,
      name: flags.leaderElectionId,
      leaseDurationMs: flags.leaseDurationMs,
      renewDeadlineMs: flags.renewDeadlineMs,
      retryPeriodMs: flags.retryPeriodMs,
    },
    logger: log,
    settings: operatorSettings(flags),
    ...options.managerOverrides,
  });
  const controllers = options.controllers ?? defaultControllers();
  for (const factory of controllers) manager.add(factory);

  let signals = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    signals += 1;
    if (signals > 1) {
      log.warn({ signal }, 'second signal: exiting without draining');
      process.exit(1);
    }
    log.info({ signal }, 'signal received; shutting down gracefully');
    void manager.stop();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  await manager.start();
  log.info(
    {
      identity: manager.identity,
      namespaces: flags.namespaces.length ? flags.namespaces : 'all',
      metrics: manager.metricsAddress(),
      probes: manager.probeAddress(),
      controllers: controllers.length,
    },
    'operator started',
  );
  const exit = await manager.done;
  process.off('SIGTERM', onSignal);
  process.off('SIGINT', onSignal);
  return exit === 'stopped' ? 0 : 1;
}

function isEntryPoint(): boolean {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  runOperator(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`operator failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
