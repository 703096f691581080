import { Duration, Size, type ApiObjectMetadata } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import type { Construct } from 'constructs';
import { shapePodTemplate, type PodContainerShape } from './agent-pod-shape.js';
import type {
  AgentWorkloadProps,
  ContainerEngine,
  ContainerResources,
  EnvVar,
  MountedFile,
} from './agent-workload-props.js';
import {
  checkedResources,
  validateExternal,
  validatePorts,
  validateRuntimeEnv,
} from './agent-workload-validation.js';
import { assertPinnedImage } from './image-rule.js';
import {
  DEFAULT_ENGINE_PORT,
  DEFAULT_RUNTIME_IMAGE,
  FILES_ROOT,
  MANAGEMENT_PORT,
  MANAGEMENT_PORT_NAME,
  POD_USER,
} from './runtime-contract.js';
import { tracingEnv, validateTracing } from './runtime-tracing.js';
import { shutdownTiming, type ShutdownTiming } from './shutdown-timing.js';

/** Annotation on the Deployment with the declared GPUs per replica (0.5 for half a GPU). */
export const GPU_COUNT_ANNOTATION = 'ai.suoke.life/gpu-count';
/** Annotation on the Deployment with the largest GPU count per replica the model may be given. */
export const GPU_MAX_COUNT_ANNOTATION = 'ai.suoke.life/gpu-max-count';

const DEFAULT_ENGINE_RESOURCES: ContainerResources = {
  requests: { cpu: '500m', memory: '1Gi' },
  limits: { cpu: '2', memory: '4Gi' },
};
const DEFAULT_RUNTIME_RESOURCES: ContainerResources = {
  requests: { cpu: '100m', memory: '128Mi' },
  limits: { cpu: '1', memory: '512Mi' },
};

export interface AgentDeploymentProps {
  /** The version's props: engine, runtime, GPU, replicas, artifact and annotations are read here. */
  readonly workload: AgentWorkloadProps;
  /** Name, namespace and labels of the Deployment. */
  readonly metadata: ApiObjectMetadata;
  /** Labels on the pods. */
  readonly podLabels: Readonly<Record<string, string>>;
  /** Selector of the version's pods (immutable once applied). */
  readonly selector: Readonly<Record<string, string>>;
  /** Port of the runtime's API. */
  readonly port: number;
  readonly serviceAccount: kplus.ServiceAccount;
  /** Whether an HPA owns `spec.replicas` (then it is left unset). */
  readonly autoscaled: boolean;
}

/** A container as added, with what its resources and preStop hook are made of. */
interface AddedContainer {
  readonly name: string;
  readonly resources: ContainerResources;
  readonly defaults: ContainerResources;
  /** Whether the GPU limits go on this container (the one that holds the model). */
  readonly gpu: boolean;
  readonly stopSeconds: number;
}

/**
 * The Deployment of one version: the runtime container, and the engine beside it unless the engine is
 * external. Pods meet the `restricted` Pod Security Standard and drain in the order {@link shutdownTiming}
 * gives.
 */
export class AgentDeployment extends kplus.Deployment {
  public constructor(scope: Construct, id: string, props: AgentDeploymentProps) {
    const workload = props.workload;
    const annotations: Record<string, string> = { ...workload.annotations };
    if (workload.gpu !== undefined) {
      annotations[GPU_COUNT_ANNOTATION] = String(workload.gpu.count);
      annotations[GPU_MAX_COUNT_ANNOTATION] = String(workload.gpu.maxCount);
    }
    const shutdown = shutdownTiming(workload.model, workload.runtime?.env);
    super(scope, id, {
      metadata: { ...props.metadata, annotations },
      // Our own selector (app + version) instead of cdk8s-plus's construct-path label: Istio subsets and
      // metrics select on `version`, and the selector must not change if the construct tree does.
      select: false,
      podMetadata: {
        labels: { ...props.podLabels },
      },
      replicas: props.autoscaled ? undefined : (workload.replicas ?? workload.scaling.minReplicas),
      serviceAccount: props.serviceAccount,
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
    this.select(kplus.LabelSelector.of({ labels: { ...props.selector } }));
    if (props.autoscaled) this.markHasAutoscaler();

    const engine = workload.engine;
    if (engine.kind === 'external') validateExternal(workload.model, engine);
    const enginePort = engine.kind === 'external' ? undefined : (engine.port ?? DEFAULT_ENGINE_PORT);
    validatePorts(workload.model, props.port, enginePort);

    const containers = [this.addRuntime(workload, props.port, enginePort, shutdown)];
    if (engine.kind === 'container') containers.push(this.addEngine(workload, engine, shutdown));
    shapePodTemplate(
      this,
      containers.map((c) => containerShape(workload, c)),
      workload.gpu,
    );
  }

  /** The runtime container: the agent API, the management port, and the files it reads. */
  private addRuntime(
    workload: AgentWorkloadProps,
    port: number,
    enginePort: number | undefined,
    shutdown: ShutdownTiming,
  ): AddedContainer {
    const engine = workload.engine;
    const external = engine.kind === 'external';
    const runtime = workload.runtime ?? {};
    const runtimeImage = runtime.image ?? DEFAULT_RUNTIME_IMAGE;
    assertPinnedImage(`${workload.model}: runtime.image`, runtimeImage);
    validateRuntimeEnv(workload.model, runtime.env ?? []);
    if (workload.tracing !== undefined) validateTracing(`${workload.model}: tracing`, workload.tracing);
    const files: MountedFile[] = [...(runtime.files ?? [])];
    if (external && engine.apiKeySecret !== undefined) {
      files.push({ env: 'ENGINE_API_KEY_FILE', secret: engine.apiKeySecret });
    }
    const container = this.addContainer({
      name: 'runtime',
      image: runtimeImage,
      imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
      ports: [
        { number: port, name: 'http' },
        { number: MANAGEMENT_PORT, name: MANAGEMENT_PORT_NAME },
      ],
      envVariables: this.envValues(
        workload.model,
        'runtime.env',
        runtimeEnv(workload, port, enginePort, shutdown),
      ),
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
    container.mount(
      '/tmp',
      kplus.Volume.fromEmptyDir(this, 'RuntimeTmp', 'tmp-runtime', { sizeLimit: Size.mebibytes(64) }),
    );
    this.mountFiles(workload.model, container, files);
    return {
      name: 'runtime',
      resources: runtime.resources ?? {},
      defaults: external ? DEFAULT_ENGINE_RESOURCES : DEFAULT_RUNTIME_RESOURCES,
      gpu: external,
      stopSeconds: shutdown.preStopSeconds,
    };
  }

  /** The engine container: the model server, probed on its port (or health path) with a long startup. */
  private addEngine(
    workload: AgentWorkloadProps,
    engine: ContainerEngine,
    shutdown: ShutdownTiming,
  ): AddedContainer {
    assertPinnedImage(`${workload.model}: engine.image`, engine.image);
    const port = engine.port ?? DEFAULT_ENGINE_PORT;
    const probe = (options: kplus.ProbeOptions): kplus.Probe =>
      engine.healthPath === undefined
        ? kplus.Probe.fromTcpSocket({ ...options, port })
        : kplus.Probe.fromHttpGet(engine.healthPath, { ...options, port });
    const startupSeconds = (engine.startupTimeout ?? Duration.minutes(10)).toSeconds();
    const container = this.addContainer({
      name: 'engine',
      image: engine.image,
      imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
      args: [...(engine.args ?? [])],
      ports: [{ number: port, name: 'engine' }],
      // HOME on the writable /tmp: model servers cache downloads under ~ and the root filesystem is read-only.
      envVariables: this.envValues(workload.model, 'engine.env', [
        ...artifactEnv(workload),
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
    container.mount('/tmp', kplus.Volume.fromEmptyDir(this, 'EngineTmp', 'tmp-engine'));
    return {
      name: 'engine',
      resources: engine.resources ?? {},
      defaults: DEFAULT_ENGINE_RESOURCES,
      gpu: true,
      stopSeconds: shutdown.engineStopSeconds,
    };
  }

  private envValues(model: string, field: string, vars: readonly EnvVar[]): Record<string, kplus.EnvValue> {
    const out: Record<string, kplus.EnvValue> = {};
    for (const variable of vars) {
      const sources = [variable.value, variable.secretKeyRef, variable.fieldRef].filter(
        (v) => v !== undefined,
      );
      if (sources.length !== 1) {
        throw new Error(
          `${model}: ${field} ${variable.name} needs exactly one of 'value', 'secretKeyRef' or 'fieldRef'`,
        );
      }
      const ref = variable.secretKeyRef;
      out[variable.name] =
        variable.fieldRef !== undefined
          ? // apiVersion as the API server defaults it, so the applied object never differs from the rendered one.
            kplus.EnvValue.fromFieldRef(variable.fieldRef as kplus.EnvFieldPaths, { apiVersion: 'v1' })
          : ref === undefined
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
}

/** The runtime's environment: what the workload sets, then `runtime.env`, then the defaults it left out. */
function runtimeEnv(
  workload: AgentWorkloadProps,
  port: number,
  enginePort: number | undefined,
  shutdown: ShutdownTiming,
): EnvVar[] {
  const engine = workload.engine;
  const external = engine.kind === 'external';
  const fallbackUrls = external ? (engine.fallbackUrls ?? []) : [];
  const env: EnvVar[] = [
    { name: 'PORT', value: String(port) },
    { name: 'MANAGEMENT_PORT', value: String(MANAGEMENT_PORT) },
    { name: 'AGENT', value: workload.agent },
    { name: 'MODEL', value: workload.model },
    { name: 'MODEL_VERSION', value: workload.version },
    { name: 'ENGINE_BASE_URL', value: external ? engine.baseUrl : `http://127.0.0.1:${enginePort}/v1` },
    { name: 'ENGINE_MODEL', value: workload.engineModel ?? workload.model },
    ...(fallbackUrls.length > 0 ? [{ name: 'ENGINE_FALLBACK_URLS', value: fallbackUrls.join(',') }] : []),
    // Before `runtime.env`, so a model's own OTEL_* value wins over the platform's.
    ...(workload.tracing === undefined
      ? []
      : tracingEnv(workload.tracing, { agent: workload.agent, namespace: workload.namespace })),
    ...(workload.runtime?.env ?? []),
  ];
  if (!env.some((v) => v.name === 'LOG_CONTENT')) env.push({ name: 'LOG_CONTENT', value: 'false' });
  if (!env.some((v) => v.name === 'DRAIN_TIMEOUT_MS')) {
    env.push({ name: 'DRAIN_TIMEOUT_MS', value: String(shutdown.drainTimeoutMs) });
  }
  return env;
}

/** `MODEL_URI`, `MODEL_DIGEST` and `MODEL_FORMAT` for the engine, from the declared artifact. */
function artifactEnv(workload: AgentWorkloadProps): EnvVar[] {
  const artifact = workload.artifact;
  if (artifact === undefined) return [];
  return [
    { name: 'MODEL_URI', value: artifact.uri },
    ...(artifact.digest === undefined ? [] : [{ name: 'MODEL_DIGEST', value: artifact.digest }]),
    ...(artifact.format === undefined ? [] : [{ name: 'MODEL_FORMAT', value: artifact.format }]),
  ];
}

/** Requests and limits of a container (checked, defaults filled) and its preStop sleep; GPUs on the model's. */
function containerShape(workload: AgentWorkloadProps, container: AddedContainer): PodContainerShape {
  const resources = checkedResources(
    `${workload.model}: ${container.name} resources`,
    container.resources,
    container.defaults,
  );
  if (container.gpu && workload.gpu !== undefined) {
    resources.limits = { ...resources.limits, ...workload.gpu.limits() };
  }
  return { name: container.name, ...resources, stopSeconds: container.stopSeconds };
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
