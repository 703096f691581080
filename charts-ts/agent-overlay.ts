/**
 * The stack's choices applied to the declared agents.
 *
 * The AIModels in examples/ describe the Suoke agents as they run in production. A stack changes
 * only what is the cluster's business, never the model: which runtime image, which Redis, whether
 * GPUs exist (and which product), and how many replicas. Everything else passes through untouched.
 */
import type { AIModel } from '../crds/api/index.js';
import type { PlatformConfig } from './config.js';

/** `runtime.redis` of an AIModel. */
export type RuntimeRedis = NonNullable<NonNullable<AIModel['spec']['runtime']>['redis']>;

export interface AgentOverlay {
  readonly gpu: PlatformConfig['gpu'];
  readonly replicaScale: number;
  /** `repository:tag` of the runtime. */
  readonly runtimeImage: string;
  readonly redis: RuntimeRedis;
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
      runtime: { ...spec.runtime, image: overlay.runtimeImage, redis: overlay.redis },
    },
  } as AIModel;
}

/**
 * The AIModel runtime's Redis settings from the platform's connection environment
 * (`REDIS_MODE`, `REDIS_URL`, `REDIS_SENTINELS`, `REDIS_SENTINEL_NAME`, `REDIS_CLUSTER_NODES`).
 */
export function runtimeRedis(
  env: Readonly<Record<string, string>>,
  passwordSecret: { readonly name: string; readonly key: string },
): RuntimeRedis {
  const list = (value: string | undefined) =>
    value === undefined || value === '' ? undefined : value.split(',');
  const mode = env.REDIS_MODE as RuntimeRedis['mode'];
  return {
    mode,
    ...(env.REDIS_URL === undefined ? {} : { url: env.REDIS_URL }),
    ...(list(env.REDIS_SENTINELS) === undefined ? {} : { sentinels: list(env.REDIS_SENTINELS) }),
    ...(env.REDIS_SENTINEL_NAME === undefined ? {} : { sentinelName: env.REDIS_SENTINEL_NAME }),
    ...(list(env.REDIS_CLUSTER_NODES) === undefined ? {} : { clusterNodes: list(env.REDIS_CLUSTER_NODES) }),
    passwordSecretRef: { name: passwordSecret.name, key: passwordSecret.key },
  } as RuntimeRedis;
}
