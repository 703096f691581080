/**
 * Props of `AgentWorkload` and the value types they are made of. Each `@default` is applied by the
 * construct that reads the prop; bad values throw at construction, naming the prop.
 */
import type { Duration } from 'cdk8s';
import type { IHorizontalPodAutoscalerBehavior } from 'kubernetes-models/autoscaling/v2';
import type { Gpu } from './gpu.js';
import type { RuntimeTracing } from './runtime-tracing.js';
import type { AgentIdentity } from './workload-names.js';

/** CPU and memory as Kubernetes quantities. */
export interface CpuMemory {
  readonly cpu?: string;
  readonly memory?: string;
}

/** Requests and limits of one container. Both are written verbatim; requests must not exceed limits. */
export interface ContainerResources {
  readonly requests?: CpuMemory;
  readonly limits?: CpuMemory;
}

/** One environment variable: a literal, a key of a Secret (never put secrets in literals), or a pod field. */
export interface EnvVar {
  readonly name: string;
  /** Literal value. Exactly one of `value`, `secretKeyRef` and `fieldRef`. */
  readonly value?: string;
  /** Value from a Secret key. Exactly one of `value`, `secretKeyRef` and `fieldRef`. */
  readonly secretKeyRef?: SecretKeyRef;
  /** Value from a field of the pod (downward API). Exactly one of `value`, `secretKeyRef` and `fieldRef`. */
  readonly fieldRef?: 'metadata.name' | 'metadata.namespace';
}

/** A model server running beside the runtime in the same pod. */
export interface ContainerEngine {
  readonly kind: 'container';
  /** Model-server image with a tag or digest (never `:latest`). */
  readonly image: string;
  /**
   * Arguments of the model server.
   * @default []
   */
  readonly args?: readonly string[];
  /**
   * Extra environment of the model server.
   * @default []
   */
  readonly env?: readonly EnvVar[];
  /**
   * Port of its OpenAI-compatible API.
   * @default 8001
   */
  readonly port?: number;
  /**
   * HTTP path of its health endpoint (e.g. `/health` for vLLM and TGI).
   * @default - TCP probes on the port
   */
  readonly healthPath?: string;
  /**
   * How long the model may take to load before the pod is restarted.
   * @default Duration.minutes(10)
   */
  readonly startupTimeout?: Duration;
  /**
   * Requests and limits of the model server (it holds the model, so it gets the declared resources and GPUs).
   * CPU or memory left out on both sides takes the default pair.
   * @default - requests 500m / 1Gi, limits 2 / 4Gi
   */
  readonly resources?: ContainerResources;
}

/** A remote OpenAI-compatible endpoint; the pod runs only the runtime. */
export interface ExternalEngine {
  readonly kind: 'external';
  /** OpenAI-compatible base URL, e.g. `https://api.example.com/v1`. */
  readonly baseUrl: string;
  /**
   * Base URLs tried in order when `baseUrl` fails (`ENGINE_FALLBACK_URLS`).
   * @default []
   */
  readonly fallbackUrls?: readonly string[];
  /**
   * Secret key holding the endpoint's API key; mounted as a file for `ENGINE_API_KEY_FILE`.
   * @default - no key
   */
  readonly apiKeySecret?: SecretKeyRef;
}

export type EngineProps = ContainerEngine | ExternalEngine;

/** One key of a Secret or ConfigMap. */
export interface SecretKeyRef {
  readonly name: string;
  readonly key: string;
}

/** A file the runtime reads, named by the environment variable that points at it. */
export interface MountedFile {
  /** Variable set to the file's path, e.g. `REDIS_PASSWORD_FILE`. */
  readonly env: string;
  /** Secret key to mount (credentials). Exactly one of `secret` and `configMap`. */
  readonly secret?: SecretKeyRef;
  /** ConfigMap key to mount (e.g. a persona). Exactly one of `secret` and `configMap`. */
  readonly configMap?: SecretKeyRef;
}

/** The runtime container. */
export interface RuntimeProps {
  /**
   * Runtime image with a tag or digest.
   * @default 'ghcr.io/suoke-life/agent-runtime:0.1.0'
   */
  readonly image?: string;
  /**
   * Port of the agent API (named `http`); the probes and `/metrics` are on {@link MANAGEMENT_PORT}.
   * @default 8000
   */
  readonly port?: number;
  /**
   * Extra environment (e.g. `REDIS_MODE`, `REDIS_URL`); cannot override the variables the workload sets.
   * @default []
   */
  readonly env?: readonly EnvVar[];
  /**
   * Files from Secrets/ConfigMaps (persona, API keys, Redis password), each exposed through a `*_FILE` variable.
   * @default []
   */
  readonly files?: readonly MountedFile[];
  /**
   * Requests and limits of the runtime.
   * @default - for an external engine the declared model resources; otherwise requests 100m / 128Mi, limits 1 / 512Mi
   */
  readonly resources?: ContainerResources;
}

/** A custom metric the HPA keeps at its target (served by Prometheus Adapter). */
export interface CustomMetric {
  /** Metric name, e.g. `ai_inference_requests_per_second`. */
  readonly name: string;
  /**
   * `Pods`: averaged over the version's pods (target is per pod); `External`: one value from outside.
   * @default 'Pods'
   */
  readonly type?: 'Pods' | 'External';
  /** Target as a quantity (`30`, `500m`): average per pod for `Pods`, the value for `External`. */
  readonly target: string | number;
}

/**
 * Horizontal scaling of one version. With no metric at all and `minReplicas == maxReplicas` the version runs
 * a fixed replica count and gets no HPA.
 */
export interface ScalingProps {
  /** Lower replica bound (at least 1). */
  readonly minReplicas: number;
  /** Upper replica bound (at least minReplicas). */
  readonly maxReplicas: number;
  /**
   * Target average CPU utilisation in percent of requests.
   * @default - no CPU metric
   */
  readonly cpuUtilization?: number;
  /**
   * Target average memory utilisation in percent of requests.
   * @default - no memory metric
   */
  readonly memoryUtilization?: number;
  /**
   * Per-pod custom metrics.
   * @default []
   */
  readonly customMetrics?: readonly CustomMetric[];
  /**
   * HPA behavior; a direction (scaleUp/scaleDown) left out keeps the default.
   * @default DEFAULT_HPA_BEHAVIOR (scale up fast, down slowly: model servers are slow to start)
   */
  readonly behavior?: IHorizontalPodAutoscalerBehavior;
}

/** Vertical Pod Autoscaler update modes (VPA v1). */
export type VpaMode = 'Off' | 'Initial' | 'Recreate' | 'InPlaceOrRecreate' | 'InPlace' | 'Auto';

/** Vertical scaling of the container that holds the model. */
export interface VpaProps {
  /**
   * How the VPA applies its recommendations.
   * @default 'Off' (recommendations only; see the class comment)
   */
  readonly mode?: VpaMode;
  /**
   * Lower bound of the recommendation.
   * @default - none
   */
  readonly minAllowed?: CpuMemory;
  /**
   * Upper bound of the recommendation.
   * @default - none
   */
  readonly maxAllowed?: CpuMemory;
}

/** Where the model's weights come from; passed to the engine so it loads exactly this artifact. */
export interface ArtifactProps {
  readonly uri: string;
  readonly digest?: string;
  readonly format?: string;
}

export interface AgentWorkloadProps extends AgentIdentity {
  /**
   * Namespace of every object.
   * @default - none: the namespace of whoever applies the manifests
   */
  readonly namespace?: string;
  /** `ModelVersion.spec.version`; the `version` label Istio subsets and metrics select on. */
  readonly version: string;
  /** The model server: a container in the pod, or an external endpoint. */
  readonly engine: EngineProps;
  /**
   * Model name the runtime sends to the engine (`ENGINE_MODEL`).
   * @default - the model (AIModel) name
   */
  readonly engineModel?: string;
  /**
   * The runtime container.
   * @default - the default runtime image and resources
   */
  readonly runtime?: RuntimeProps;
  /**
   * GPUs for the engine (or the runtime for an external engine, which then gets none by definition).
   * @default - no GPU
   */
  readonly gpu?: Gpu;
  /** Replica bounds and HPA targets. */
  readonly scaling: ScalingProps;
  /**
   * A fixed replica count that overrides `scaling`: the Deployment gets `spec.replicas` (0 allowed) and no
   * HPA. For a traffic split made of replica counts (no mesh), where an autoscaler would move the split, and
   * could not hold a version at 0.
   * @default - scaled within `scaling` (an HPA when it has a target)
   */
  readonly replicas?: number;
  /**
   * Vertical Pod Autoscaler.
   * @default - a VPA in mode Off (recommendations only)
   */
  readonly vpa?: VpaProps;
  /**
   * The model artifact (`MODEL_URI`, `MODEL_DIGEST`, `MODEL_FORMAT` in the engine's environment).
   * @default - none: the engine image carries its model
   */
  readonly artifact?: ArtifactProps;
  /**
   * Namespaces (besides the pods' own) allowed to reach the API port: the mesh ingress gateway's.
   * @default ['istio-system']
   */
  readonly ingressNamespaces?: readonly string[];
  /**
   * Namespaces allowed to reach the management port (`/metrics`), and no other port: Prometheus's.
   * @default ['monitoring']
   */
  readonly metricsNamespaces?: readonly string[];
  /**
   * Extra annotations on the Deployment (e.g. the owner's generation); not on pods, so they never restart them.
   * @default {}
   */
  readonly annotations?: Readonly<Record<string, string>>;
  /**
   * Where the runtime exports its traces (the OpenTelemetry variables of runtime-tracing.ts); `runtime.env`
   * may still override any of them for one model.
   * @default - no tracing variables: the runtime does not trace
   */
  readonly tracing?: RuntimeTracing;
}
