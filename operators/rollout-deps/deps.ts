/**
 * What the AIModel and ModelVersion controllers of one operator process share: one TrafficRouter (the
 * `--traffic-router` flag), one MetricsProvider (`--prometheus-url`), the per-model lock that keeps
 * their weight writes apart, the rollout metrics on the operator's registry (served on /metrics), and
 * where the rendered runtimes send traces (`--tracing-endpoint`).
 * Built once per manager by `createRolloutDeps` (operators/main.ts `rolloutControllers`) and handed to
 * both factories.
 */
import { PrometheusProvider } from '../analysis/prometheus.js';
import type { MetricsProvider } from '../analysis/provider.js';
import type { RuntimeTracing } from '../../charts-ts/constructs/runtime-tracing.js';
import { FLAG_DEFAULTS, parseDuration } from '../kit/flags.js';
import type { OperatorContext } from '../kit/manager.js';
import { RolloutMetrics } from '../rollout/metrics.js';
import { createTrafficRouter, DefaultTrafficRouter } from '../traffic/factory.js';
import type { TrafficRouter } from '../traffic/router.js';
import { ModelLocks } from './model-lock.js';

/** How long the previous stable stays warm after a promotion, for `rollback` (milliseconds): 1h. */
export const DefaultRollbackWindowMs = FLAG_DEFAULTS.rollbackWindowMs;

export interface RolloutDeps {
  readonly router: TrafficRouter;
  readonly metricsProvider: MetricsProvider;
  readonly locks: ModelLocks;
  readonly rolloutMetrics: RolloutMetrics;
  /** `--rollback-window`. */
  readonly rollbackWindowMs: number;
  /** `--mesh=istio`: the agents run in an Istio mesh (per-model PeerAuthentication and AuthorizationPolicy). */
  readonly mesh: boolean;
  /** `--tracing-endpoint` and `--tracing-sampling-ratio`: where the rendered runtimes send traces. @default none */
  readonly tracing?: RuntimeTracing;
}

/** Settings keys (OperatorContext.settings) the rollout controllers read. */
export const SETTINGS = Object.freeze({
  prometheusUrl: 'prometheusUrl',
  trafficRouter: 'trafficRouter',
  mesh: 'mesh',
  rollbackWindow: 'rollbackWindow',
  maxConcurrentReconciles: 'maxConcurrentReconciles',
  tracingEndpoint: 'tracingEndpoint',
  tracingSamplingRatio: 'tracingSamplingRatio',
});

/** `--max-concurrent-reconciles` of each controller: reconciles of different keys run in parallel. */
export const DefaultMaxConcurrentReconciles = FLAG_DEFAULTS.maxConcurrentReconciles;

/** The per-controller worker count from the settings. */
export function maxConcurrentReconciles(ctx: OperatorContext): number {
  const raw = ctx.settings[SETTINGS.maxConcurrentReconciles];
  return raw === undefined ? DefaultMaxConcurrentReconciles : Number(raw);
}

/**
 * The shared parts for the controllers of `ctx`'s manager, from its settings; `overrides` replace
 * them (tests inject an in-memory MetricsProvider). Call once and pass the result to every factory:
 * two calls give two routers and two lock tables.
 */
export function createRolloutDeps(ctx: OperatorContext, overrides: Partial<RolloutDeps> = {}): RolloutDeps {
  const window = ctx.settings[SETTINGS.rollbackWindow];
  const router =
    overrides.router ??
    createTrafficRouter(ctx.settings[SETTINGS.trafficRouter] ?? DefaultTrafficRouter, ctx.cluster);
  const mesh = ctx.settings[SETTINGS.mesh];
  const tracingEndpoint = ctx.settings[SETTINGS.tracingEndpoint];
  const tracingRatio = ctx.settings[SETTINGS.tracingSamplingRatio];
  const tracing: RuntimeTracing | undefined =
    overrides.tracing ??
    (tracingEndpoint === undefined
      ? undefined
      : {
          endpoint: tracingEndpoint,
          samplingRatio:
            tracingRatio === undefined ? FLAG_DEFAULTS.tracingSamplingRatio : Number(tracingRatio),
        });
  return {
    router,
    // Without the setting, the mesh is the router's: Istio routing runs in one, the others need not.
    mesh: overrides.mesh ?? (mesh === undefined ? router.routes === 'istio' : mesh === 'istio'),
    metricsProvider:
      overrides.metricsProvider ??
      new PrometheusProvider({
        url: ctx.settings[SETTINGS.prometheusUrl] ?? FLAG_DEFAULTS.prometheusUrl,
      }),
    locks: overrides.locks ?? new ModelLocks(),
    rolloutMetrics: overrides.rolloutMetrics ?? new RolloutMetrics(ctx.metrics.registry),
    rollbackWindowMs:
      overrides.rollbackWindowMs ??
      (window === undefined ? DefaultRollbackWindowMs : parseDuration(window, '--rollback-window')),
    ...(tracing === undefined ? {} : { tracing }),
  };
}
