import { ApiObject, Duration, JsonPatch, Size, type ApiObjectMetadata } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Quantity } from 'cdk8s-plus-28/lib/imports/k8s.js';
import { Construct } from 'constructs';
import type { IHorizontalPodAutoscalerBehavior, IMetricSpec } from 'kubernetes-models/autoscaling/v2';
import type { INetworkPolicySpec } from 'kubernetes-models/networking.k8s.io/v1';
import type { IPodDisruptionBudgetSpec } from 'kubernetes-models/policy/v1';
import {
  VerticalPodAutoscaler,
  type VerticalPodAutoscalerSpec,
  VerticalPodAutoscalerSpecResourcePolicyContainerPoliciesControlledValues as ControlledValues,
  VerticalPodAutoscalerSpecResourcePolicyContainerPoliciesMaxAllowed as MaxAllowed,
  VerticalPodAutoscalerSpecResourcePolicyContainerPoliciesMinAllowed as MinAllowed,
  VerticalPodAutoscalerSpecResourcePolicyContainerPoliciesMode as ContainerMode,
  VerticalPodAutoscalerSpecUpdatePolicyUpdateMode as UpdateMode,
} from '../imports/autoscaling.k8s.io.js';
import type { Gpu } from './gpu.js';
import { assertNotAbove, parseQuantity } from './quantity.js';
import {
  assertDnsLabel,
  assertLabelValue,
  versionLabels,
  versionSelector,
  versionedName,
  type AgentIdentity,
} from './workload-names.js';

/** Image of the thin inference runtime. */
export const DEFAULT_RUNTIME_IMAGE = 'ghcr.io/suoke-life/agent-runtime:0.1.0';
/** Default port the runtime serves its API on (named `http`). */
export const RUNTIME_PORT = 8000;
/**
 * Port of the runtime's `/healthz`, `/readyz` and `/metrics` (`MANAGEMENT_PORT`), named
 * {@link MANAGEMENT_PORT_NAME}: kept off the API port so that only Prometheus can read the metrics
 * (NetworkPolicy and AuthorizationPolicy let no one else reach it). Fixed, as the Service, the
 * ServiceMonitor and the Istio rules name it.
 */
export const MANAGEMENT_PORT = 9090;
/** Name of the management port on the runtime container and the Service; `http-` tells Istio it is HTTP. */
export const MANAGEMENT_PORT_NAME = 'http-metrics';
/** Port of the engine sidecar; only the runtime talks to it, over localhost. */
export const DEFAULT_ENGINE_PORT = 8001;
/** UID/GID the pods run as: the distroless `nonroot` user, numeric so the kubelet can verify runAsNonRoot. */
export const POD_USER = 65532;
/** Where files from Secrets and ConfigMaps are mounted; the runtime reads them through `*_FILE` variables. */
export const FILES_ROOT = '/etc/agent';

/**
 * Edits an object's final JSON. cdk8s-plus-28 maps every object through the Kubernetes 1.28 types after JSON
 * patches run, which drops newer fields such as `lifecycle.preStop.sleep`; an edit here comes after that.
 */
function editRendered(object: ApiObject, edit: (json: any) => void): void {
  const toJson = object.toJson.bind(object);
  object.toJson = () => {
    const json = toJson();
    edit(json);
    return json;
  };
}

/**
 * How long a terminating pod keeps serving before the runtime gets SIGTERM (`lifecycle.preStop.sleep`).
 * Endpoint removal reaches kube-proxy and the Istio sidecars asynchronously; until it has, new requests still
 * arrive, and a runtime that had already closed its listener would refuse them.
 */
export const DEFAULT_PRESTOP_DELAY = Duration.seconds(5);
/**
 * `DRAIN_TIMEOUT_MS` given to the runtime: on SIGTERM, how long in-flight completions (streams run long) may
 * take before they are cut. A `DRAIN_TIMEOUT_MS` in `runtime.env` replaces it.
 */
export const DEFAULT_DRAIN_TIMEOUT = Duration.seconds(45);
/** Time left after the drain deadline for the runtime to flush logs and close Redis before SIGKILL. */
export const SHUTDOWN_MARGIN = Duration.seconds(10);

/**
 * The shutdown timeline of a pod, from the moment it starts terminating:
 * - runtime: sleeps `preStopSeconds`, then gets SIGTERM: /readyz answers 503, the listener closes, in-flight
 *   requests get `drainTimeoutMs` to finish;
 * - engine: sleeps `engineStopSeconds` (preStop + drain), so it serves the runtime's last requests, then gets
 *   SIGTERM;
 * - `terminationGracePeriodSeconds` = preStop + drain + {@link SHUTDOWN_MARGIN}, so SIGKILL never comes before
 *   the drain deadline.
 * Example (defaults): preStop 5 s, drain 45 s → engine SIGTERM at 50 s, grace period 60 s.
 */
export interface ShutdownTiming {
  readonly preStopSeconds: number;
  readonly drainTimeoutMs: number;
  readonly engineStopSeconds: number;
  readonly terminationGracePeriodSeconds: number;
}

/** {@link ShutdownTiming} for a runtime whose `runtime.env` may set `DRAIN_TIMEOUT_MS`. */
export function shutdownTiming(model: string, runtimeEnv: readonly EnvVar[] = []): ShutdownTiming {
  const preStopSeconds = DEFAULT_PRESTOP_DELAY.toSeconds();
  const declared = runtimeEnv.find((v) => v.name === 'DRAIN_TIMEOUT_MS');
  let drainTimeoutMs = DEFAULT_DRAIN_TIMEOUT.toMilliseconds();
  if (declared !== undefined) {
    if (declared.value === undefined || !/^\d+$/.test(declared.value)) {
      throw new Error(
        `${model}: runtime.env DRAIN_TIMEOUT_MS must be a literal number of milliseconds (e.g. '45000'): ` +
          'the termination grace period is computed from it',
      );
    }
    drainTimeoutMs = Number(declared.value);
  }
  const engineStopSeconds = preStopSeconds + Math.ceil(drainTimeoutMs / 1000);
  return {
    preStopSeconds,
    drainTimeoutMs,
    engineStopSeconds,
    terminationGracePeriodSeconds: engineStopSeconds + SHUTDOWN_MARGIN.toSeconds(),
  };
}

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

/** One environment variable: a literal, or a key of a Secret (never put secrets in literals). */
export interface EnvVar {
  readonly name: string;
  /** Literal value. Exactly one of `value` and `secretKeyRef`. */
  readonly value?: string;
  /** Value from a Secret key. Exactly one of `value` and `secretKeyRef`. */
  readonly secretKeyRef?: SecretKeyRef;
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
}

/** Annotation on the Deployment with the declared GPUs per replica (0.5 for half a GPU). */
export const GPU_COUNT_ANNOTATION = 'ai.suoke.life/gpu-count';
/** Annotation on the Deployment with the largest GPU count per replica the model may be given. */
export const GPU_MAX_COUNT_ANNOTATION = 'ai.suoke.life/gpu-max-count';

/**
 * Default HPA behavior. Model servers take minutes to load weights, so scaling up reacts at once (double or
 * +2 pods a minute, whichever is more) and scaling down waits five minutes and sheds a quarter a minute, so a
 * dip between bursts does not throw away warm replicas.
 */
export const DEFAULT_HPA_BEHAVIOR: IHorizontalPodAutoscalerBehavior = {
  scaleUp: {
    stabilizationWindowSeconds: 0,
    selectPolicy: 'Max',
    policies: [
      { type: 'Percent', value: 100, periodSeconds: 60 },
      { type: 'Pods', value: 2, periodSeconds: 60 },
    ],
  },
  scaleDown: {
    stabilizationWindowSeconds: 300,
    selectPolicy: 'Min',
    policies: [{ type: 'Percent', value: 25, periodSeconds: 60 }],
  },
};

const DEFAULT_ENGINE_RESOURCES: ContainerResources = {
  requests: { cpu: '500m', memory: '1Gi' },
  limits: { cpu: '2', memory: '4Gi' },
};
const DEFAULT_RUNTIME_RESOURCES: ContainerResources = {
  requests: { cpu: '100m', memory: '128Mi' },
  limits: { cpu: '1', memory: '512Mi' },
};

/** Variables the workload owns; `runtime.env` may not set them. */
const RESERVED_ENV = new Set([
  'PORT',
  'MANAGEMENT_PORT',
  'AGENT',
  'MODEL',
  'MODEL_VERSION',
  'ENGINE_BASE_URL',
  'ENGINE_MODEL',
]);

/**
 * One version of one agent's model: ServiceAccount, Deployment (runtime + engine, or runtime only for an
 * external engine), HorizontalPodAutoscaler, VerticalPodAutoscaler, PodDisruptionBudget and NetworkPolicy.
 *
 * Every pod meets the `restricted` Pod Security Standard: non-root numeric user, read-only root filesystem
 * (an emptyDir on /tmp for each container), no privilege escalation, all capabilities dropped, seccomp
 * RuntimeDefault, and no service account token (the runtime never calls the Kubernetes API).
 *
 * HPA and VPA: the HPA scales on CPU and memory utilisation, which are ratios to the requests; a VPA that
 * rewrote those requests would move the HPA's targets under it. So the VPA defaults to mode `Off`
 * (recommendations only, read from its status for sizing), touches only the container that holds the model
 * (the runtime is pinned `Off`), and uses `controlledValues: RequestsOnly` so it never raises the declared
 * limits. A model owner who wants the VPA to act picks `Initial` (applied only when pods are created); the
 * API refuses `Auto`/`Recreate` together with CPU or memory HPA targets.
 *
 * With an HPA the Deployment leaves `spec.replicas` unset: the HPA owns it, and an applier that set it would
 * fight the HPA on every apply.
 */
export class AgentWorkload extends Construct {
  /** Name shared by every object of this version. */
  public readonly name: string;
  /** Labels on every object and pod of this version. */
  public readonly labels: Readonly<Record<string, string>>;
  /** Selector of this version's pods (`app`, `version`). */
  public readonly selector: Readonly<Record<string, string>>;
  /** The ServiceAccount the pods run as (their identity for Istio's AuthorizationPolicy). */
  public readonly serviceAccountName: string;
  /** Port of the runtime's API (named `http`). */
  public readonly port: number;
  public readonly deployment: kplus.Deployment;

  public constructor(scope: Construct, id: string, props: AgentWorkloadProps) {
    super(scope, id);
    assertDnsLabel('model (AIModel name)', props.model);
    assertLabelValue(`${props.model}: agent (spec.agent.name)`, props.agent);
    assertLabelValue(`${props.model}: version (ModelVersion spec.version)`, props.version);
    const fixed = props.replicas;
    if (fixed !== undefined && !(Number.isInteger(fixed) && fixed >= 0)) {
      throw new Error(
        `${props.model}: replicas (${fixed}) of version ${props.version} must be a whole number of at least 0`,
      );
    }
    const autoscaled = validateScaling(props.model, props.scaling) && fixed === undefined;

    this.name = versionedName(props.model, props.version);
    this.labels = versionLabels(props, props.version);
    this.selector = versionSelector(props.model, props.version);
    this.serviceAccountName = this.name;
    this.port = props.runtime?.port ?? RUNTIME_PORT;
    const metadata: ApiObjectMetadata = {
      name: this.name,
      namespace: props.namespace,
      labels: { ...this.labels },
    };

    const serviceAccount = new kplus.ServiceAccount(this, 'ServiceAccount', {
      metadata,
      automountToken: false,
    });
    this.deployment = this.createDeployment(props, metadata, serviceAccount, autoscaled);

    if (autoscaled) {
      new ApiObject(this, 'HorizontalPodAutoscaler', {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata,
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: this.name },
          minReplicas: props.scaling.minReplicas,
          maxReplicas: props.scaling.maxReplicas,
          metrics: hpaMetrics(props.scaling),
          // A direction the model leaves out keeps our default rather than Kubernetes' (which scales down fast).
          behavior: { ...DEFAULT_HPA_BEHAVIOR, ...props.scaling.behavior },
        },
      });
    }

    this.createVpa(props, metadata);

    // maxUnavailable 1 (not minAvailable) so a single-replica version never blocks a node drain, while a
    // scaled-out version loses at most one pod at a time to evictions. Every version gets one because the
    // HPA may scale any of them past one replica.
    const pdb: IPodDisruptionBudgetSpec = {
      maxUnavailable: 1,
      selector: { matchLabels: { ...this.selector } },
    };
    new ApiObject(this, 'PodDisruptionBudget', {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata,
      spec: pdb,
    });

    new ApiObject(this, 'NetworkPolicy', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata,
      spec: networkPolicy(this.selector, this.port, {
        api: props.ingressNamespaces ?? ['istio-system'],
        management: props.metricsNamespaces ?? ['monitoring'],
      }),
    });
  }

  private createDeployment(
    props: AgentWorkloadProps,
    metadata: ApiObjectMetadata,
    serviceAccount: kplus.ServiceAccount,
    autoscaled: boolean,
  ): kplus.Deployment {
    const annotations: Record<string, string> = { ...props.annotations };
    if (props.gpu !== undefined) {
      annotations[GPU_COUNT_ANNOTATION] = String(props.gpu.count);
      annotations[GPU_MAX_COUNT_ANNOTATION] = String(props.gpu.maxCount);
    }
    const shutdown = shutdownTiming(props.model, props.runtime?.env);
    const deployment = new kplus.Deployment(this, 'Deployment', {
      metadata: { ...metadata, annotations },
      // Our own selector (app + version) instead of cdk8s-plus's construct-path label: Istio subsets and
      // metrics select on `version`, and the selector must not change if the construct tree does.
      select: false,
      podMetadata: {
        labels: { ...this.labels },
      },
      replicas: autoscaled ? undefined : (props.replicas ?? props.scaling.minReplicas),
      serviceAccount,
      automountServiceAccountToken: false,
      securityContext: { ensureNonRoot: true, user: POD_USER, group: POD_USER, fsGroup: POD_USER },
      // Surge one pod and never go below the desired count: GPU capacity is scarce, availability is not optional.
      strategy: kplus.DeploymentStrategy.rollingUpdate({
        maxSurge: kplus.PercentOrAbsolute.absolute(1),
        maxUnavailable: kplus.PercentOrAbsolute.absolute(0),
      }),
      // Longer than the preStop delay plus the runtime's drain deadline (see shutdownTiming).
      terminationGracePeriod: Duration.seconds(shutdown.terminationGracePeriodSeconds),
    });
    deployment.select(kplus.LabelSelector.of({ labels: { ...this.selector } }));
    if (autoscaled) deployment.markHasAutoscaler();

    const engine = props.engine;
    const external = engine.kind === 'external';
    if (external) validateExternal(props.model, engine);
    const enginePort = external ? undefined : (engine.port ?? DEFAULT_ENGINE_PORT);
    if (enginePort === this.port) {
      throw new Error(
        `${props.model}: engine.port (${enginePort}) must differ from runtime.port (${this.port})`,
      );
    }
    for (const [field, port] of [
      ['runtime.port', this.port],
      ['engine.port', enginePort],
    ] as const) {
      if (port === MANAGEMENT_PORT) {
        throw new Error(
          `${props.model}: ${field} (${port}) must differ from the runtime's management port (${MANAGEMENT_PORT}, /metrics and probes)`,
        );
      }
    }

    const runtime = props.runtime ?? {};
    const runtimeImage = runtime.image ?? DEFAULT_RUNTIME_IMAGE;
    assertPinnedImage(`${props.model}: runtime.image`, runtimeImage);
    for (const variable of runtime.env ?? []) {
      if (RESERVED_ENV.has(variable.name)) {
        throw new Error(
          `${props.model}: runtime.env ${variable.name} is set from the AIModel and ModelVersion; remove it from runtime.env`,
        );
      }
    }
    const files: MountedFile[] = [...(runtime.files ?? [])];
    if (external && engine.apiKeySecret !== undefined) {
      files.push({ env: 'ENGINE_API_KEY_FILE', secret: engine.apiKeySecret });
    }
    const fallbackUrls = external ? (engine.fallbackUrls ?? []) : [];
    const env: EnvVar[] = [
      { name: 'PORT', value: String(this.port) },
      { name: 'MANAGEMENT_PORT', value: String(MANAGEMENT_PORT) },
      { name: 'AGENT', value: props.agent },
      { name: 'MODEL', value: props.model },
      { name: 'MODEL_VERSION', value: props.version },
      { name: 'ENGINE_BASE_URL', value: external ? engine.baseUrl : `http://127.0.0.1:${enginePort}/v1` },
      { name: 'ENGINE_MODEL', value: props.engineModel ?? props.model },
      ...(fallbackUrls.length > 0 ? [{ name: 'ENGINE_FALLBACK_URLS', value: fallbackUrls.join(',') }] : []),
      ...(runtime.env ?? []),
    ];
    if (!env.some((v) => v.name === 'LOG_CONTENT')) env.push({ name: 'LOG_CONTENT', value: 'false' });
    if (!env.some((v) => v.name === 'DRAIN_TIMEOUT_MS')) {
      env.push({ name: 'DRAIN_TIMEOUT_MS', value: String(shutdown.drainTimeoutMs) });
    }
    const runtimeDefaults = external ? DEFAULT_ENGINE_RESOURCES : DEFAULT_RUNTIME_RESOURCES;
    const containers: Array<{
      name: string;
      resources: ContainerResources;
      defaults: ContainerResources;
      gpu: boolean;
    }> = [];

    const runtimeContainer = deployment.addContainer({
      name: 'runtime',
      image: runtimeImage,
      imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
      ports: [
        { number: this.port, name: 'http' },
        { number: MANAGEMENT_PORT, name: MANAGEMENT_PORT_NAME },
      ],
      envVariables: this.envValues(props.model, 'runtime.env', env),
      securityContext: restrictedContainer(),
      // /readyz turns false while draining and while the engine is unreachable, so Istio stops routing first.
      readiness: kplus.Probe.fromHttpGet('/readyz', {
        port: MANAGEMENT_PORT,
        periodSeconds: Duration.seconds(5),
      }),
      liveness: kplus.Probe.fromHttpGet('/healthz', {
        port: MANAGEMENT_PORT,
        periodSeconds: Duration.seconds(10),
      }),
      startup: kplus.Probe.fromHttpGet('/healthz', {
        port: MANAGEMENT_PORT,
        periodSeconds: Duration.seconds(2),
        failureThreshold: 30,
      }),
    });
    runtimeContainer.mount(
      '/tmp',
      kplus.Volume.fromEmptyDir(this, 'RuntimeTmp', 'tmp-runtime', { sizeLimit: Size.mebibytes(64) }),
    );
    this.mountFiles(props.model, runtimeContainer, files);
    containers.push({
      name: 'runtime',
      resources: runtime.resources ?? {},
      defaults: runtimeDefaults,
      gpu: external,
    });

    if (!external) {
      assertPinnedImage(`${props.model}: engine.image`, engine.image);
      const port = enginePort ?? DEFAULT_ENGINE_PORT;
      const probe = (options: kplus.ProbeOptions): kplus.Probe =>
        engine.healthPath === undefined
          ? kplus.Probe.fromTcpSocket({ ...options, port })
          : kplus.Probe.fromHttpGet(engine.healthPath, { ...options, port });
      const startupSeconds = (engine.startupTimeout ?? Duration.minutes(10)).toSeconds();
      const artifactEnv: EnvVar[] =
        props.artifact === undefined
          ? []
          : [
              { name: 'MODEL_URI', value: props.artifact.uri },
              ...(props.artifact.digest === undefined
                ? []
                : [{ name: 'MODEL_DIGEST', value: props.artifact.digest }]),
              ...(props.artifact.format === undefined
                ? []
                : [{ name: 'MODEL_FORMAT', value: props.artifact.format }]),
            ];
      const engineContainer = deployment.addContainer({
        name: 'engine',
        image: engine.image,
        imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
        args: [...(engine.args ?? [])],
        ports: [{ number: port, name: 'engine' }],
        // HOME on the writable /tmp: model servers cache downloads under ~ and the root filesystem is read-only.
        envVariables: this.envValues(props.model, 'engine.env', [
          ...artifactEnv,
          { name: 'HOME', value: '/tmp' },
          ...(engine.env ?? []),
        ]),
        securityContext: restrictedContainer(),
        readiness: probe({ periodSeconds: Duration.seconds(10) }),
        liveness: probe({ periodSeconds: Duration.seconds(20), failureThreshold: 3 }),
        // Loading weights can take minutes; the startup probe holds liveness off until then.
        startup: probe({
          periodSeconds: Duration.seconds(10),
          failureThreshold: Math.max(1, Math.ceil(startupSeconds / 10)),
        }),
      });
      engineContainer.mount('/tmp', kplus.Volume.fromEmptyDir(this, 'EngineTmp', 'tmp-engine'));
      containers.push({
        name: 'engine',
        resources: engine.resources ?? {},
        defaults: DEFAULT_ENGINE_RESOURCES,
        gpu: true,
      });
    }

    const raw = ApiObject.of(deployment);
    // cdk8s-plus labels pod templates with its construct address; our pods carry only our labels.
    raw.addJsonPatch(JsonPatch.remove('/spec/template/metadata/labels/cdk8s.io~1metadata.addr'));
    // Restricted PSS: seccomp at pod level too, so injected sidecars inherit it.
    raw.addJsonPatch(
      JsonPatch.add('/spec/template/spec/securityContext/seccompProfile', { type: 'RuntimeDefault' }),
    );
    // `sleep` hooks (Kubernetes 1.30+, GA in 1.34) need no shell or sleep binary in the images. Every
    // container's hook runs at once; each container gets SIGTERM when its own hook ends.
    const stopSeconds = new Map(
      containers.map((c) => [
        c.name,
        c.name === 'runtime' ? shutdown.preStopSeconds : shutdown.engineStopSeconds,
      ]),
    );
    editRendered(raw, (json) => {
      for (const container of json.spec.template.spec.containers) {
        const seconds = stopSeconds.get(container.name);
        if (seconds !== undefined) container.lifecycle = { preStop: { sleep: { seconds } } };
      }
    });
    containers.forEach((container, index) => {
      const resources = checkedResources(
        `${props.model}: ${container.name} resources`,
        container.resources,
        container.defaults,
      );
      if (container.gpu && props.gpu !== undefined) {
        resources.limits = { ...resources.limits, ...props.gpu.limits() };
      }
      // Written verbatim as quantities: cdk8s-plus's typed Cpu/Size would re-express '4Gi' as '4096Mi' and has
      // no extended resources (GPUs). The patch runs before cdk8s-plus maps the spec, hence Quantity.
      const toQuantities = (values: Record<string, string>) =>
        mapRecord(values, (v) => Quantity.fromString(v));
      raw.addJsonPatch(
        JsonPatch.add(`/spec/template/spec/containers/${index}/resources`, {
          requests: toQuantities(resources.requests),
          limits: toQuantities(resources.limits),
        }),
      );
    });
    if (props.gpu !== undefined) {
      const nodeSelector = props.gpu.nodeSelector();
      if (Object.keys(nodeSelector).length > 0) {
        raw.addJsonPatch(JsonPatch.add('/spec/template/spec/nodeSelector', nodeSelector));
      }
      raw.addJsonPatch(JsonPatch.add('/spec/template/spec/tolerations', props.gpu.tolerations()));
    }
    return deployment;
  }

  private envValues(model: string, field: string, vars: readonly EnvVar[]): Record<string, kplus.EnvValue> {
    const out: Record<string, kplus.EnvValue> = {};
    for (const variable of vars) {
      if ((variable.value === undefined) === (variable.secretKeyRef === undefined)) {
        throw new Error(`${model}: ${field} ${variable.name} needs exactly one of 'value' or 'secretKeyRef'`);
      }
      const ref = variable.secretKeyRef;
      out[variable.name] =
        ref === undefined
          ? kplus.EnvValue.fromValue(variable.value ?? '')
          : kplus.EnvValue.fromSecretValue({
              secret: kplus.Secret.fromSecretName(this, `EnvSecret-${field}-${variable.name}`, ref.name),
              key: ref.key,
            });
    }
    return out;
  }

  private mountFiles(model: string, container: kplus.Container, files: readonly MountedFile[]): void {
    const seen = new Set<string>();
    for (const file of files) {
      if (seen.has(file.env)) throw new Error(`${model}: runtime.files sets ${file.env} twice`);
      seen.add(file.env);
      const ref = file.secret ?? file.configMap;
      if (ref === undefined || (file.secret !== undefined && file.configMap !== undefined)) {
        throw new Error(
          `${model}: runtime.files entry ${file.env} needs exactly one of 'secret' or 'configMap'`,
        );
      }
      const volumeName = file.env.toLowerCase().replace(/_/g, '-');
      const options = { name: volumeName, items: { [ref.key]: { path: ref.key } }, defaultMode: 0o440 };
      const volume =
        file.secret !== undefined
          ? kplus.Volume.fromSecret(
              this,
              `File-${file.env}`,
              kplus.Secret.fromSecretName(this, `Secret-${file.env}`, ref.name),
              options,
            )
          : kplus.Volume.fromConfigMap(
              this,
              `File-${file.env}`,
              kplus.ConfigMap.fromConfigMapName(this, `ConfigMap-${file.env}`, ref.name),
              options,
            );
      const dir = `${FILES_ROOT}/${volumeName}`;
      container.mount(dir, volume, { readOnly: true });
      container.env.addVariable(file.env, kplus.EnvValue.fromValue(`${dir}/${ref.key}`));
    }
  }

  private createVpa(props: AgentWorkloadProps, metadata: ApiObjectMetadata): void {
    const vpa = props.vpa ?? {};
    for (const resource of ['cpu', 'memory'] as const) {
      assertNotAbove(
        `${props.model}: vpa.minAllowed.${resource}`,
        vpa.minAllowed?.[resource],
        `vpa.maxAllowed.${resource}`,
        vpa.maxAllowed?.[resource],
      );
    }
    const modelContainer = props.engine.kind === 'external' ? 'runtime' : 'engine';
    const policies: NonNullable<
      NonNullable<VerticalPodAutoscalerSpec['resourcePolicy']>['containerPolicies']
    > = [];
    if (modelContainer === 'engine') {
      // The thin runtime has a fixed footprint; only the container holding the model is sized by the VPA.
      policies.push({ containerName: 'runtime', mode: ContainerMode.OFF });
    }
    policies.push({
      containerName: modelContainer,
      controlledResources: ['cpu', 'memory'],
      controlledValues: ControlledValues.REQUESTS_ONLY,
      ...(vpa.minAllowed === undefined
        ? {}
        : { minAllowed: cpuMemory(vpa.minAllowed, MinAllowed.fromString) }),
      ...(vpa.maxAllowed === undefined
        ? {}
        : { maxAllowed: cpuMemory(vpa.maxAllowed, MaxAllowed.fromString) }),
    });
    new VerticalPodAutoscaler(this, 'VerticalPodAutoscaler', {
      metadata,
      spec: {
        targetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: this.name },
        updatePolicy: { updateMode: vpaMode(props.model, vpa.mode ?? 'Off') },
        resourcePolicy: { containerPolicies: policies },
      },
    });
  }
}

function vpaMode(model: string, mode: VpaMode): UpdateMode {
  const modes: Record<VpaMode, UpdateMode> = {
    Off: UpdateMode.OFF,
    Initial: UpdateMode.INITIAL,
    Recreate: UpdateMode.RECREATE,
    InPlaceOrRecreate: UpdateMode.IN_PLACE_OR_RECREATE,
    InPlace: UpdateMode.IN_PLACE,
    Auto: UpdateMode.AUTO,
  };
  const value = modes[mode];
  if (value === undefined) {
    throw new Error(`${model}: vpa.mode '${mode}' must be one of ${Object.keys(modes).join(', ')}`);
  }
  return value;
}

function mapRecord<T>(values: Record<string, string>, wrap: (value: string) => T): Record<string, T> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, wrap(v)]));
}

function cpuMemory<T>(values: CpuMemory, wrap: (value: string) => T): Record<string, T> {
  const out: Record<string, T> = {};
  if (values.cpu !== undefined) out.cpu = wrap(values.cpu);
  if (values.memory !== undefined) out.memory = wrap(values.memory);
  return out;
}

/**
 * Ingress to the runtime's two ports only: the API port from the pods' own namespace (callers inside the mesh)
 * and the ingress gateway's namespace; the management port (/metrics) from Prometheus's namespace alone. The
 * engine port is not listed: only the runtime calls it, over localhost. Egress stays open: engines, registries
 * and Redis live wherever the platform put them, and a guessed egress list breaks pods at run time; Istio's mTLS
 * and AuthorizationPolicy decide who may call whom.
 */
function networkPolicy(
  selector: Readonly<Record<string, string>>,
  apiPort: number,
  namespaces: { readonly api: readonly string[]; readonly management: readonly string[] },
): INetworkPolicySpec {
  const fromNamespaces = (names: readonly string[]) =>
    [...new Set(names)].sort().map((name) => ({
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } },
    }));
  const management = fromNamespaces(namespaces.management);
  return {
    podSelector: { matchLabels: { ...selector } },
    policyTypes: ['Ingress'],
    ingress: [
      {
        from: [{ podSelector: {} }, ...fromNamespaces(namespaces.api)],
        ports: [{ protocol: 'TCP', port: apiPort }],
      },
      ...(management.length === 0
        ? []
        : [{ from: management, ports: [{ protocol: 'TCP' as const, port: MANAGEMENT_PORT }] }]),
    ],
  };
}

function restrictedContainer(): kplus.ContainerSecurityContextProps {
  return {
    ensureNonRoot: true,
    user: POD_USER,
    group: POD_USER,
    privileged: false,
    readOnlyRootFilesystem: true,
    allowPrivilegeEscalation: false,
    capabilities: { drop: [kplus.Capability.ALL] },
    seccompProfile: { type: kplus.SeccompProfileType.RUNTIME_DEFAULT },
  };
}

function hpaMetrics(scaling: ScalingProps): IMetricSpec[] {
  const metrics: IMetricSpec[] = [];
  const utilization = (name: string, averageUtilization: number): IMetricSpec => ({
    type: 'Resource',
    resource: { name, target: { type: 'Utilization', averageUtilization } },
  });
  if (scaling.cpuUtilization !== undefined) metrics.push(utilization('cpu', scaling.cpuUtilization));
  if (scaling.memoryUtilization !== undefined) metrics.push(utilization('memory', scaling.memoryUtilization));
  for (const metric of scaling.customMetrics ?? []) {
    const target = String(metric.target);
    metrics.push(
      (metric.type ?? 'Pods') === 'Pods'
        ? {
            type: 'Pods',
            pods: { metric: { name: metric.name }, target: { type: 'AverageValue', averageValue: target } },
          }
        : {
            type: 'External',
            external: { metric: { name: metric.name }, target: { type: 'Value', value: target } },
          },
    );
  }
  return metrics;
}

/** Validates the scaling props; returns whether the version needs an HPA (it has at least one metric). */
function validateScaling(model: string, scaling: ScalingProps): boolean {
  const { minReplicas, maxReplicas } = scaling;
  if (!Number.isInteger(minReplicas) || minReplicas < 1) {
    throw new Error(`${model}: scaling.minReplicas (${minReplicas}) must be a whole number of at least 1`);
  }
  if (!Number.isInteger(maxReplicas) || maxReplicas < minReplicas) {
    throw new Error(
      `${model}: scaling.maxReplicas (${maxReplicas}) must be a whole number not below scaling.minReplicas (${minReplicas})`,
    );
  }
  for (const field of ['cpuUtilization', 'memoryUtilization'] as const) {
    const value = scaling[field];
    if (value !== undefined && (!Number.isInteger(value) || value < 1 || value > 100)) {
      throw new Error(`${model}: scaling.${field} (${value}) must be a whole percentage from 1 to 100`);
    }
  }
  const names = new Set<string>();
  for (const metric of scaling.customMetrics ?? []) {
    if (!/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(metric.name)) {
      throw new Error(
        `${model}: scaling.customMetrics name '${metric.name}' is not a Prometheus metric name`,
      );
    }
    if (names.has(metric.name))
      throw new Error(`${model}: scaling.customMetrics lists '${metric.name}' twice`);
    names.add(metric.name);
    if (parseQuantity(`${model}: scaling.customMetrics[${metric.name}].target`, metric.target) <= 0) {
      throw new Error(`${model}: scaling.customMetrics[${metric.name}].target must be greater than 0`);
    }
  }
  const autoscaled =
    scaling.cpuUtilization !== undefined || scaling.memoryUtilization !== undefined || names.size > 0;
  if (!autoscaled && minReplicas !== maxReplicas) {
    throw new Error(
      `${model}: scaling from ${minReplicas} to ${maxReplicas} replicas needs a target (cpuUtilization, ` +
        `memoryUtilization or customMetrics), or set minReplicas equal to maxReplicas for a fixed size`,
    );
  }
  return autoscaled;
}

function validateExternal(model: string, engine: ExternalEngine): void {
  for (const [field, value] of [
    ['engine.external.baseUrl', engine.baseUrl],
    ...(engine.fallbackUrls ?? []).map((u) => ['engine.external.fallbackUrls', u] as const),
  ] as const) {
    let url: URL;
    try {
      url = new URL(value);
    } catch (cause) {
      throw new Error(`${model}: ${field} '${value}' is not a URL; write e.g. https://api.example.com/v1`, {
        cause,
      });
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new Error(`${model}: ${field} '${value}' must be an http(s) URL`);
    }
  }
}

/** Throws unless the image names a fixed tag or digest: `:latest` and untagged images change under a rollout. */
export function assertPinnedImage(field: string, image: string): void {
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const digest = /@sha256:[a-f0-9]{64}$/.test(image);
  const colon = lastSegment.indexOf(':');
  const tag = colon < 0 ? undefined : lastSegment.slice(colon + 1).split('@')[0];
  if (tag === 'latest') {
    throw new Error(
      `${field} '${image}' uses ':latest'; pin a version tag or a digest so every pod runs the same build`,
    );
  }
  if (!digest && (tag === undefined || tag === '')) {
    throw new Error(`${field} '${image}' has no tag; pin a version tag or a digest (e.g. '${image}:1.0.0')`);
  }
}

/**
 * Requests and limits of one container, both always set. A side left out is filled from the other (a limit
 * alone means requests equal limits); a resource left out on both sides takes the container's default pair.
 */
function checkedResources(
  field: string,
  resources: ContainerResources,
  defaults: ContainerResources,
): { requests: Record<string, string>; limits: Record<string, string> } {
  const requests: Record<string, string> = {};
  const limits: Record<string, string> = {};
  for (const name of ['cpu', 'memory'] as const) {
    const declared = resources.requests?.[name] !== undefined || resources.limits?.[name] !== undefined;
    const source = declared ? resources : defaults;
    const request = source.requests?.[name] ?? source.limits?.[name];
    const limit = source.limits?.[name] ?? source.requests?.[name];
    if (request === undefined || limit === undefined) {
      throw new Error(`${field}: set requests.${name} or limits.${name}; every container needs both`);
    }
    parseQuantity(`${field}.requests.${name}`, request);
    assertNotAbove(`${field}.requests.${name}`, request, `limits.${name}`, limit);
    requests[name] = request;
    limits[name] = limit;
  }
  return { requests, limits };
}
