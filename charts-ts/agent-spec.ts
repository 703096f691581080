import { DEFAULT_CURRENCY, type AIModel, type ModelVersion } from '../crds/api/index.js';
import type {
  AgentWorkloadProps,
  ContainerResources,
  CpuMemory,
  EnvVar,
  MountedFile,
  ScalingProps,
} from './constructs/agent-workload-props.js';
import { durationSeconds } from './constructs/durations.js';
import { Gpu } from './constructs/gpu.js';
import type { GatewayRoutingProps } from './constructs/gateway-routing.js';
import type { IstioRoutingProps, VersionWeight } from './constructs/istio-routing.js';

/**
 * Translation of the declared API (AIModel + ModelVersion) into construct props. Kept apart from the constructs so
 * they stay usable without our CRDs, and apart from render() so the translation can be tested field by field.
 */

type Quantity = string | number;
type QuantityPair = { cpu?: Quantity; memory?: Quantity } | undefined;

function cpuMemory(values: QuantityPair): CpuMemory | undefined {
  if (values === undefined) return undefined;
  return {
    ...(values.cpu === undefined ? {} : { cpu: String(values.cpu) }),
    ...(values.memory === undefined ? {} : { memory: String(values.memory) }),
  };
}

function resources(
  values: { requests?: QuantityPair; limits?: QuantityPair } | undefined,
): ContainerResources | undefined {
  if (values === undefined) return undefined;
  return { requests: cpuMemory(values.requests), limits: cpuMemory(values.limits) };
}

/** Replica bounds of a version: the AIModel's, or scaled by traffic weight (see {@link scaledBounds}). */
export interface ReplicaBounds {
  readonly minReplicas: number;
  readonly maxReplicas: number;
}

/**
 * The canary capacity rule: a version whose capacity follows its traffic gets its replica bounds scaled by its
 * weight, never below one replica and never above the AIModel's bounds:
 *
 *     min' = min(min, max(1, ceil(min × weight / 100)))
 *     max' = max(min', ceil(max × weight / 100))
 *
 * Worked examples for bounds 2-10: weight 0 → 1-1 (warm, but no traffic); 10 → 1-1; 30 → 1-3; 50 → 1-5;
 * 80 → 2-8; 100 → 2-10.
 */
export function scaledBounds(bounds: ReplicaBounds, weight: number): ReplicaBounds {
  const share = Math.min(100, Math.max(0, weight)) / 100;
  const minReplicas = Math.min(bounds.minReplicas, Math.max(1, Math.ceil(bounds.minReplicas * share)));
  const maxReplicas = Math.max(minReplicas, Math.ceil(bounds.maxReplicas * share));
  return { minReplicas, maxReplicas };
}

/** The scaling of an AIModel; without `spec.scaling` a model runs one fixed replica. */
export function scalingOf(aimodel: AIModel): ScalingProps {
  const scaling = aimodel.spec.scaling;
  if (scaling === undefined) return { minReplicas: 1, maxReplicas: 1 };
  return {
    minReplicas: scaling.minReplicas ?? 1,
    maxReplicas: scaling.maxReplicas,
    cpuUtilization: scaling.cpuUtilization,
    memoryUtilization: scaling.memoryUtilization,
    customMetrics: (scaling.customMetrics ?? []).map((m) => ({
      name: m.name,
      type: m.type,
      target: m.target,
    })),
    behavior: scaling.behavior,
  };
}

/**
 * The token prices of a version's runtime (PRICE_* of runtime/config.ts): the version's
 * `spec.runtime.pricing` whole, else the AIModel's; none without pricing, so no cost is counted.
 */
export function pricingEnv(aimodel: AIModel, version: ModelVersion): EnvVar[] {
  const pricing = version.spec.runtime?.pricing ?? aimodel.spec.runtime?.pricing;
  if (pricing === undefined) return [];
  return [
    { name: 'PRICE_INPUT_PER_MILLION_TOKENS', value: String(pricing.inputPerMillionTokens) },
    { name: 'PRICE_OUTPUT_PER_MILLION_TOKENS', value: String(pricing.outputPerMillionTokens) },
    { name: 'PRICE_CURRENCY', value: pricing.currency ?? DEFAULT_CURRENCY },
  ];
}

/** Runtime environment and mounted files from `spec.runtime` and the persona (variables of runtime/config.ts). */
function runtimeConfig(
  aimodel: AIModel,
  version: ModelVersion,
  sessionEnv: readonly EnvVar[],
): { env: EnvVar[]; files: MountedFile[] } {
  const runtime = aimodel.spec.runtime ?? {};
  const name = aimodel.metadata.name ?? '';
  const env: EnvVar[] = [];
  const files: MountedFile[] = [];
  const set = (key: string, value: string | undefined) => {
    if (value !== undefined) env.push({ name: key, value });
  };
  const redis = runtime.redis;
  if (redis !== undefined) {
    set('REDIS_MODE', redis.mode ?? 'none');
    set('REDIS_URL', redis.url);
    set('REDIS_SENTINELS', redis.sentinels?.join(','));
    set('REDIS_SENTINEL_NAME', redis.sentinelName);
    set('REDIS_CLUSTER_NODES', redis.clusterNodes?.join(','));
    if (redis.passwordSecretRef !== undefined) {
      files.push({
        env: 'REDIS_PASSWORD_FILE',
        secret: { name: redis.passwordSecretRef.name, key: redis.passwordSecretRef.key ?? 'password' },
      });
    }
  }
  const auth = runtime.auth;
  if (auth?.apiKeysSecretRef !== undefined) {
    files.push({
      env: 'API_KEYS_FILE',
      secret: { name: auth.apiKeysSecretRef.name, key: auth.apiKeysSecretRef.key ?? 'api-keys' },
    });
  }
  set('JWT_JWKS_URL', auth?.jwt?.jwksUrl);
  if (auth?.jwt?.jwksSecretRef !== undefined) {
    files.push({
      env: 'JWT_JWKS_FILE',
      secret: { name: auth.jwt.jwksSecretRef.name, key: auth.jwt.jwksSecretRef.key ?? 'jwks.json' },
    });
  }
  const jwt = auth?.jwt;
  if (jwt !== undefined) {
    set('JWT_ISSUER', jwt.issuer);
    set('JWT_AUDIENCE', jwt.audience);
    set('JWT_SUBJECT_CLAIM', jwt.subjectClaim);
    set('JWT_TENANT_CLAIM', jwt.tenantClaim);
    if (jwt.maxTokenLifetime !== undefined) {
      const field = `${name}: spec.runtime.auth.jwt.maxTokenLifetime`;
      set('JWT_MAX_LIFETIME_SECONDS', String(durationSeconds(field, jwt.maxTokenLifetime)));
    }
  }
  if (runtime.sessionTtl !== undefined) {
    set(
      'SESSION_TTL_SECONDS',
      String(durationSeconds(`${name}: spec.runtime.sessionTtl`, runtime.sessionTtl)),
    );
  }
  if (runtime.cacheTtl !== undefined) {
    set('CACHE_TTL_SECONDS', String(durationSeconds(`${name}: spec.runtime.cacheTtl`, runtime.cacheTtl)));
  }
  if (runtime.rateLimitPerMinute !== undefined && runtime.rateLimitPerMinute > 0) {
    // The runtime limits per second (a token bucket); the API speaks per minute, which people reason in.
    set('RATE_LIMIT_RPS', String(Number((runtime.rateLimitPerMinute / 60).toFixed(6))));
  }
  set('LOG_CONTENT', String(runtime.logContent ?? false));
  // Open is the runtime's own default, so only Closed needs saying.
  if (runtime.budgetFailureMode === 'Closed') set('BUDGET_FAILURE_MODE', 'closed');
  if (runtime.extraRequestParams !== undefined && runtime.extraRequestParams.length > 0) {
    set('EXTRA_REQUEST_PARAMS', runtime.extraRequestParams.join(','));
  }
  const persona = aimodel.spec.agent.systemPromptRef;
  if (persona !== undefined) {
    const ref = { name: persona.name, key: persona.key ?? 'system-prompt.txt' };
    files.push(
      persona.kind === 'Secret'
        ? { env: 'SYSTEM_PROMPT_FILE', secret: ref }
        : { env: 'SYSTEM_PROMPT_FILE', configMap: ref },
    );
  }
  env.push(...sessionEnv);
  env.push(...pricingEnv(aimodel, version));
  for (const variable of runtime.env ?? []) env.push(envVar(variable));
  return { env, files };
}

function envVar(variable: {
  name: string;
  value?: string;
  secretKeyRef?: { name: string; key?: string };
}): EnvVar {
  return variable.secretKeyRef === undefined
    ? { name: variable.name, value: variable.value ?? '' }
    : {
        name: variable.name,
        secretKeyRef: { name: variable.secretKeyRef.name, key: variable.secretKeyRef.key ?? '' },
      };
}

/**
 * Props of one version's workload. `bounds` overrides the replica bounds (the canary capacity rule);
 * `sessionEnv` are the runtime's session affinity variables (session-affinity.ts), which need the routes.
 * Version-level overrides (engine image, model name, runtime image, pricing) win over the AIModel's.
 */
export function workloadProps(
  aimodel: AIModel,
  version: ModelVersion,
  bounds?: ReplicaBounds,
  sessionEnv: readonly EnvVar[] = [],
): AgentWorkloadProps {
  const spec = aimodel.spec;
  const model = aimodel.metadata.name ?? '';
  const scaling = scalingOf(aimodel);
  const { env, files } = runtimeConfig(aimodel, version, sessionEnv);
  const external = spec.engine.external;
  const engineImage = version.spec.engine?.image ?? spec.engine.image;
  if (external === undefined && engineImage === undefined) {
    throw new Error(
      `AIModel ${model}: spec.engine needs an image (a model server in the pod) or external (a remote endpoint)`,
    );
  }
  const gpu = spec.resources?.gpu;
  const declared = resources(spec.resources);
  return {
    model,
    agent: spec.agent.name,
    namespace: aimodel.metadata.namespace,
    version: version.spec.version,
    engine:
      external !== undefined
        ? {
            kind: 'external',
            baseUrl: external.baseUrl,
            fallbackUrls: external.fallbackUrls,
            apiKeySecret:
              external.apiKeySecretRef === undefined
                ? undefined
                : { name: external.apiKeySecretRef.name, key: external.apiKeySecretRef.key ?? 'api-key' },
          }
        : {
            kind: 'container',
            image: engineImage as string,
            args: spec.engine.args,
            env: (spec.engine.env ?? []).map(envVar),
            port: spec.engine.port,
            resources: declared,
          },
    engineModel: version.spec.engine?.modelName ?? spec.engine.modelName,
    runtime: {
      image: version.spec.runtime?.image ?? spec.runtime?.image,
      port: spec.runtime?.port,
      env,
      files,
      resources: external !== undefined ? declared : resources(spec.runtime?.resources),
    },
    gpu: gpu === undefined ? undefined : Gpu.of({ ...gpu, tolerations: gpu.tolerations }),
    scaling: { ...scaling, ...(bounds ?? {}) },
    vpa:
      spec.scaling?.vpa === undefined
        ? undefined
        : {
            mode: spec.scaling.vpa.mode,
            minAllowed: cpuMemory(spec.scaling.vpa.minAllowed),
            maxAllowed: cpuMemory(spec.scaling.vpa.maxAllowed),
          },
    artifact: version.spec.artifact,
  };
}

/** Props of the model's Istio rules, for the given versions and split. */
export function routingProps(
  aimodel: AIModel,
  serviceHost: string,
  versions: readonly string[],
  weights: readonly VersionWeight[],
): IstioRoutingProps {
  const traffic = aimodel.spec.traffic ?? {};
  return {
    model: aimodel.metadata.name ?? '',
    agent: aimodel.spec.agent.name,
    namespace: aimodel.metadata.namespace,
    serviceHost,
    versions,
    weights,
    hosts: traffic.hosts,
    gateways: traffic.gateways,
    timeout: traffic.timeout,
    retries: traffic.retries,
    connectionPool: traffic.connectionPool,
    outlierDetection: traffic.outlierDetection,
  };
}

/** Props of the model's Gateway API routes (HTTPRoute and per-version Services), for the given versions and split. */
export function gatewayRoutingProps(
  aimodel: AIModel,
  versions: readonly string[],
  weights: readonly VersionWeight[],
): GatewayRoutingProps {
  const traffic = aimodel.spec.traffic ?? {};
  return {
    model: aimodel.metadata.name ?? '',
    agent: aimodel.spec.agent.name,
    namespace: aimodel.metadata.namespace,
    versions,
    weights,
    hosts: traffic.hosts,
    parentRefs: traffic.parentRefs,
    timeout: traffic.timeout,
    targetPort: aimodel.spec.runtime?.port,
  };
}
