/**
 * A platform's choices applied to the declared agents.
 *
 * The AIModels in examples/ describe the Suoke agents as they run in production. A platform changes
 * only what is the cluster's business, never the model: which Redis (always, through
 * {@link withPlatformRedis}: `npm run synth` and the Pulumi stack both apply it in the agents chart), and,
 * for a Pulumi stack ({@link overlayAIModel}), which runtime image, whether GPUs exist (and which product),
 * and how many replicas. Everything else passes through untouched.
 */
import type { AIModel } from '../crds/api/index.js';
import type { RedisConnection } from './constructs/redis.js';

/** `runtime.redis` of an AIModel. */
export type RuntimeRedis = NonNullable<NonNullable<AIModel['spec']['runtime']>['redis']>;

/** What a Pulumi stack changes on every declared AIModel. */
export interface AgentOverlay {
  readonly gpu: {
    /** Request GPUs for agents whose model needs one; off drops `resources.gpu`. */
    readonly enabled: boolean;
    /** `nvidia.com/gpu.product` to pin GPU pods to. @default each model's own product */
    readonly product?: string;
  };
  /** Multiplier on HPA min/max replicas (see {@link scaleReplicas}). */
  readonly replicaScale: number;
  /** `repository:tag` of the runtime. */
  readonly runtimeImage: string;
}

/**
 * Scales HPA bounds: `min' = max(1, round(min × s))`, `max' = max(min', round(max × s))`.
 * Example, s = 0.5: xiaoai 2-10 → 1-5, soer 1-5 → 1-3 (2.5 rounds to 3); s = 2: laoke 1-6 → 2-12.
 */
export function scaleReplicas(
  min: number,
  max: number,
  scale: number,
): { minReplicas: number; maxReplicas: number } {
  const minReplicas = Math.max(1, Math.round(min * scale));
  return { minReplicas, maxReplicas: Math.max(minReplicas, Math.round(max * scale)) };
}

export function overlayAIModel(model: AIModel, overlay: AgentOverlay): AIModel {
  const spec = model.spec;
  const { gpu: _declaredGpu, ...resourcesWithoutGpu } = spec.resources ?? {};
  const resources = !overlay.gpu.enabled
    ? resourcesWithoutGpu
    : spec.resources?.gpu === undefined
      ? spec.resources
      : {
          ...spec.resources,
          gpu: {
            ...spec.resources.gpu,
            ...(overlay.gpu.product === undefined ? {} : { product: overlay.gpu.product }),
          },
        };
  const scaling = spec.scaling && {
    ...spec.scaling,
    ...scaleReplicas(spec.scaling.minReplicas ?? 1, spec.scaling.maxReplicas, overlay.replicaScale),
  };
  return {
    ...model,
    spec: {
      ...spec,
      ...(resources === undefined ? {} : { resources }),
      ...(scaling === undefined ? {} : { scaling }),
      runtime: { ...spec.runtime, image: overlay.runtimeImage },
    },
  } as AIModel;
}

/**
 * The AIModel runtime's Redis settings from the platform's connection: its environment (`REDIS_MODE`,
 * `REDIS_URL`, `REDIS_SENTINELS`, `REDIS_SENTINEL_NAME`, `REDIS_CLUSTER_NODES`) and its password Secret.
 */
export function runtimeRedis(connection: RedisConnection): RuntimeRedis {
  const env = connection.env;
  const list = (value: string | undefined) =>
    value === undefined || value === '' ? undefined : value.split(',');
  const mode = env.REDIS_MODE as RuntimeRedis['mode'];
  return {
    mode,
    ...(env.REDIS_URL === undefined ? {} : { url: env.REDIS_URL }),
    ...(list(env.REDIS_SENTINELS) === undefined ? {} : { sentinels: list(env.REDIS_SENTINELS) }),
    ...(env.REDIS_SENTINEL_NAME === undefined ? {} : { sentinelName: env.REDIS_SENTINEL_NAME }),
    ...(list(env.REDIS_CLUSTER_NODES) === undefined ? {} : { clusterNodes: list(env.REDIS_CLUSTER_NODES) }),
    passwordSecretRef: { name: connection.passwordSecret.name, key: connection.passwordSecret.key },
  } as RuntimeRedis;
}

/**
 * `model` using the platform's Redis: `spec.runtime.redis` replaced by {@link runtimeRedis} of `connection`.
 * The platform owns Redis, so an AIModel's own address (e.g. one copied from another cluster) never wins:
 * a runtime pointed at a Redis that does not exist, or without its password, cannot keep sessions.
 */
export function withPlatformRedis(model: AIModel, connection: RedisConnection): AIModel {
  return {
    ...model,
    spec: { ...model.spec, runtime: { ...model.spec.runtime, redis: runtimeRedis(connection) } },
  } as AIModel;
}
