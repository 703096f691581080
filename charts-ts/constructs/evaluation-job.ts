/**
 * The Kubernetes Job that evaluates one version of a model on its golden set: the runtime image running
 * `build/runtime/eval/main.js`, which calls the candidate's own Service (and the stable's, in the same run)
 * through the runtime's normal path and writes a compact result to its termination message for the operator
 * to read. The operator renders it when a version reaches an evaluation gate and creates it once; it is not
 * among render()'s derived objects, because it is owned by the ModelVersion and never applied again.
 */
import { createHash } from 'node:crypto';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IJobSpec } from 'kubernetes-models/batch/v1/JobSpec';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import type { IVolumeMount } from 'kubernetes-models/v1/VolumeMount';
import {
  API_VERSION,
  DEFAULT_DATASET_KEY,
  DEFAULT_EVALUATION_API_KEY,
  EVALUATION_DEFAULTS,
  EVALUATION_GATES,
  type AIModel,
  type EvaluationGate,
  type EvaluationPolicy,
  type ModelVersion,
} from '../../crds/api/index.js';
import { EVALUATION_LABEL, LABEL_APP, LABEL_COMPONENT, LABEL_VERSION } from '../../crds/api/labels.js';
import type { KubeObject, OwnerReference } from '../render.js';
import { parseDurationMs } from './durations.js';
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from './platform-security.js';
import { assertPinnedImage } from './image-rule.js';
import { DEFAULT_RUNTIME_IMAGE, POD_USER } from './runtime-contract.js';
import { assertDnsLabel, assertLabelValue, versionLabels, versionedName } from './workload-names.js';

/** Name of the Job's one container; the operator reads the result from this container's status. */
export const EVALUATION_CONTAINER = 'eval';
/** What the container runs: the evaluation program compiled into the runtime image. */
export const EVALUATION_COMMAND: readonly string[] = Object.freeze(['node', 'build/runtime/eval/main.js']);
/** Where the result goes: the container's termination message, which the kubelet copies into the pod's status. */
export const EVALUATION_RESULT_FILE = '/dev/termination-log';
/** Where the dataset's ConfigMap key is mounted. */
export const EVALUATION_DATASET_DIR = '/etc/evaluation/dataset';
/** Where the API key's Secret key is mounted. */
export const EVALUATION_CREDENTIALS_DIR = '/etc/evaluation/credentials';
/** The Istio sidecar's quit endpoint: a Job's pod only completes once every container has exited. */
export const ISTIO_QUIT_URL = 'http://127.0.0.1:15020/quitquitquit';
/** The pod annotation that starts the evaluation only once the sidecar proxies its requests. */
export const ISTIO_PROXY_CONFIG_ANNOTATION = 'proxy.istio.io/config';
/** Value of {@link EVALUATION_LABEL}, and the gate's part of the Job's name. */
export const EVALUATION_GATE_LABELS: Readonly<Record<EvaluationGate, string>> = Object.freeze({
  BeforeTraffic: 'pre',
  LastStep: 'last',
});
/** `app.kubernetes.io/component` of evaluation Jobs and pods (the model's own pods say `inference`). */
export const EVALUATION_COMPONENT = 'evaluation';

const DNS_LABEL_MAX = 63;
const OBJECT_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** Enough for a program that holds a few thousand cases and their answers, and no more. */
const RESOURCES = Object.freeze({
  requests: { cpu: '100m', memory: '128Mi' },
  limits: { cpu: '500m', memory: '256Mi' },
});
/** Readable by the pod's group only (fsGroup), as the runtime's own mounted files. */
const FILE_MODE = 0o440;

export interface EvaluationJobInput {
  /** The AIModel, as read (metadata.name and namespace; spec.agent, spec.runtime). */
  readonly aimodel: AIModel;
  /** The version evaluated, as read (metadata.name, uid and namespace; spec.version, spec.runtime.image). */
  readonly version: ModelVersion;
  /** The effective evaluation: the ModelVersion's `spec.promotion.evaluation`, else the AIModel's. */
  readonly evaluation: EvaluationPolicy;
  readonly gate: EvaluationGate;
  /** Run number at this gate, from 1. */
  readonly attempt: number;
  /** The stable version (`spec.version`), evaluated beside the candidate on the same cases when set. */
  readonly stableVersion?: string;
  /**
   * The pods run in an Istio mesh: the evaluation waits for its sidecar to start, and tells it to quit once
   * the result is written, so the Job can complete.
   */
  readonly mesh: boolean;
}

/** A batch/v1 Job as renderEvaluationJob writes it, ready to create. */
export interface EvaluationJob extends KubeObject {
  apiVersion: 'batch/v1';
  kind: 'Job';
  metadata: {
    name: string;
    namespace: string;
    labels: Record<string, string>;
    ownerReferences: OwnerReference[];
  };
  spec: IJobSpec;
}

/**
 * The Job's name: `<base>-eval-pre-<attempt>` (BeforeTraffic) or `<base>-eval-last-<attempt>` (LastStep),
 * where base is the ModelVersion's name with dots as dashes. Jobs name their pods and label them with their
 * own name, so the whole stays a 63-character DNS label: a longer base is cut and ends with a hash of the
 * full ModelVersion name, so two long names that share a beginning still get different Jobs. Deterministic:
 * the operator finds a run's Job by this name.
 * @throws Error naming the ModelVersion when the name, gate or attempt is invalid
 */
export function evaluationJobName(versionObjectName: string, gate: EvaluationGate, attempt: number): string {
  if (!OBJECT_NAME.test(versionObjectName) || versionObjectName.length > 253) {
    throw new Error(
      `evaluationJobName: '${versionObjectName}' is not a ModelVersion name (a DNS subdomain: lowercase letters, digits, '-' and '.')`,
    );
  }
  if (!EVALUATION_GATES.includes(gate)) {
    throw new Error(
      `evaluationJobName: ModelVersion ${versionObjectName}: gate '${String(gate)}' is not one of ${EVALUATION_GATES.join(', ')}`,
    );
  }
  if (!Number.isSafeInteger(attempt) || attempt < 1) {
    throw new Error(
      `evaluationJobName: ModelVersion ${versionObjectName}: attempt ${attempt} must be a whole number of at least 1`,
    );
  }
  const suffix = `-eval-${EVALUATION_GATE_LABELS[gate]}-${attempt}`;
  const base = versionObjectName.replace(/\./g, '-');
  const room = DNS_LABEL_MAX - suffix.length;
  if (base.length <= room) return `${base}${suffix}`;
  const hash = createHash('sha256').update(versionObjectName).digest('hex').slice(0, 8);
  const head = base.slice(0, room - hash.length - 1).replace(/-+$/, '');
  return `${head}-${hash}${suffix}`;
}

/**
 * The evaluation Job of one run (see the file's comment). Its pod runs as the version's own ServiceAccount
 * (the identity the model's NetworkPolicy and AuthorizationPolicy already admit), meets the `restricted` Pod
 * Security Standard, never retries (backoffLimit 0: a second run would be a different run) and is stopped by
 * the evaluation's timeout (activeDeadlineSeconds).
 *
 * Its labels are the version's, with `app.kubernetes.io/component: evaluation` and {@link EVALUATION_LABEL},
 * but without `app` and `version`: those select the model's serving pods (its Services, PodDisruptionBudget,
 * NetworkPolicy, Istio policies, the HPA's metrics), and an evaluation pod among them would receive user
 * traffic and block evictions.
 *
 * @throws Error naming the object and field when an input is invalid
 */
export function renderEvaluationJob(input: EvaluationJobInput): EvaluationJob {
  const { aimodel, version, evaluation, gate } = input;
  const model = aimodel.metadata.name ?? '';
  const versionName = version.metadata.name ?? '';
  const where = `ModelVersion ${version.metadata.namespace ?? ''}/${versionName}`;
  const namespace = version.metadata.namespace;
  const uid = version.metadata.uid;
  if (versionName === '') throw new Error('renderEvaluationJob: ModelVersion metadata.name is required');
  if (namespace === undefined || namespace === '' || uid === undefined || uid === '') {
    throw new Error(
      `renderEvaluationJob: ${where} needs metadata.namespace and metadata.uid; pass the object as read from the API server`,
    );
  }
  assertDnsLabel(`${where}: AIModel metadata.name`, model);
  if (version.spec.modelRef.name !== model) {
    throw new Error(
      `renderEvaluationJob: ${where} has spec.modelRef.name '${version.spec.modelRef.name}', not AIModel '${model}'`,
    );
  }
  if (aimodel.metadata.namespace !== undefined && aimodel.metadata.namespace !== namespace) {
    throw new Error(
      `renderEvaluationJob: ${where} is not in the namespace of AIModel ${aimodel.metadata.namespace}/${model}`,
    );
  }
  const candidate = version.spec.version;
  assertLabelValue(`${where}: spec.version`, candidate);
  const stable = input.stableVersion;
  if (stable !== undefined) {
    assertLabelValue(`${where}: stableVersion`, stable);
    if (stable === candidate) {
      throw new Error(
        `renderEvaluationJob: ${where}: stableVersion '${stable}' is the version evaluated itself`,
      );
    }
  }
  const image = version.spec.runtime?.image ?? aimodel.spec.runtime?.image ?? DEFAULT_RUNTIME_IMAGE;
  assertPinnedImage(`${where}: runtime image`, image);

  const name = evaluationJobName(versionName, gate, input.attempt);
  const settings = checkedSettings(where, evaluation);
  const labels: Record<string, string> = {
    ...versionLabels({ model, agent: aimodel.spec.agent.name }, candidate),
    [LABEL_COMPONENT]: EVALUATION_COMPONENT,
    [EVALUATION_LABEL]: EVALUATION_GATE_LABELS[gate],
  };
  delete labels[LABEL_APP];
  delete labels[LABEL_VERSION];
  // Model and version Services listen on port 80 (SERVICE_PORT), HTTP's own, so the URLs name none.
  const serviceUrl = (service: string) => `http://${service}.${namespace}.svc.cluster.local`;

  const env: IEnvVar[] = [
    { name: 'EVAL_RUN_ID', value: `${namespace}/${name}` },
    { name: 'EVAL_MODEL', value: model },
    { name: 'EVAL_TARGET_URL', value: serviceUrl(versionedName(model, candidate)) },
    { name: 'EVAL_TARGET_VERSION', value: candidate },
  ];
  if (stable !== undefined) {
    env.push(
      { name: 'EVAL_STABLE_URL', value: serviceUrl(versionedName(model, stable)) },
      { name: 'EVAL_STABLE_VERSION', value: stable },
    );
  }
  const volumes: IVolume[] = [];
  const mounts: IVolumeMount[] = [];
  const dataset = settings.dataset;
  if (dataset.kind === 'configMap') {
    env.push(
      { name: 'EVAL_DATASET_FILE', value: `${EVALUATION_DATASET_DIR}/${dataset.key}` },
      { name: 'EVAL_DATASET_CONFIGMAP', value: dataset.name },
      { name: 'EVAL_DATASET_KEY', value: dataset.key },
    );
    // Optional: a missing ConfigMap or key becomes a result naming it, not a pod stuck in ContainerCreating.
    volumes.push({
      name: 'dataset',
      configMap: {
        name: dataset.name,
        items: [{ key: dataset.key, path: dataset.key }],
        defaultMode: FILE_MODE,
        optional: true,
      },
    });
    mounts.push({ name: 'dataset', mountPath: EVALUATION_DATASET_DIR, readOnly: true });
  } else {
    env.push({ name: 'EVAL_DATASET_URI', value: dataset.uri });
    if (dataset.digest !== undefined) env.push({ name: 'EVAL_DATASET_DIGEST', value: dataset.digest });
  }
  const apiKey = evaluation.apiKeySecretRef;
  if (apiKey !== undefined) {
    const key = apiKey.key ?? DEFAULT_EVALUATION_API_KEY;
    env.push({ name: 'EVAL_API_KEY_FILE', value: `${EVALUATION_CREDENTIALS_DIR}/${key}` });
    // Not optional: without its key the runtime would refuse every case, which says less than a pod event.
    volumes.push({
      name: 'credentials',
      secret: {
        secretName: apiKey.name,
        items: [{ key, path: key }],
        defaultMode: FILE_MODE,
        optional: false,
      },
    });
    mounts.push({ name: 'credentials', mountPath: EVALUATION_CREDENTIALS_DIR, readOnly: true });
  }
  const judge = evaluation.judge;
  if (judge !== undefined) {
    assertDnsLabel(`${where}: evaluation.judge.modelRef.name`, judge.modelRef.name);
    env.push(
      { name: 'EVAL_JUDGE_URL', value: serviceUrl(judge.modelRef.name) },
      { name: 'EVAL_JUDGE_MODEL', value: judge.modelRef.name },
      { name: 'EVAL_JUDGE_RUBRIC', value: judge.rubric },
      { name: 'EVAL_JUDGE_MIN_SCORE', value: String(settings.judgeMinScore) },
    );
  }
  env.push(
    { name: 'EVAL_CONCURRENCY', value: String(settings.concurrency) },
    { name: 'EVAL_CASE_TIMEOUT_MS', value: String(settings.caseTimeoutMs) },
    { name: 'EVAL_RESULT_FILE', value: EVALUATION_RESULT_FILE },
  );
  if (input.mesh) env.push({ name: 'EVAL_ISTIO_QUIT_URL', value: ISTIO_QUIT_URL });
  env.push(...loggingEnv(aimodel));

  const owner: OwnerReference = {
    apiVersion: API_VERSION,
    kind: 'ModelVersion',
    name: versionName,
    uid,
    controller: true,
    blockOwnerDeletion: true,
  };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace, labels: { ...labels }, ownerReferences: [owner] },
    spec: {
      // One run, one pod: a retry would answer the same cases again under the same run id.
      backoffLimit: 0,
      activeDeadlineSeconds: Math.ceil(settings.timeoutMs / 1000),
      template: {
        metadata: {
          labels: { ...labels },
          ...(input.mesh
            ? {
                annotations: {
                  [ISTIO_PROXY_CONFIG_ANNOTATION]: JSON.stringify({ holdApplicationUntilProxyStarts: true }),
                },
              }
            : {}),
        },
        spec: {
          restartPolicy: 'Never',
          serviceAccountName: versionedName(model, candidate),
          // The program calls the model's Services only, never the Kubernetes API.
          automountServiceAccountToken: false,
          // fsGroup: the mounted dataset and key files (mode 0440) are readable by the pod's group.
          securityContext: restrictedPodSecurityContext(POD_USER),
          containers: [
            {
              name: EVALUATION_CONTAINER,
              image,
              imagePullPolicy: 'IfNotPresent',
              command: [...EVALUATION_COMMAND],
              env,
              resources: {
                requests: { ...RESOURCES.requests },
                limits: { ...RESOURCES.limits },
              },
              securityContext: {
                ...restrictedContainerSecurityContext(),
                runAsUser: POD_USER,
                runAsGroup: POD_USER,
              },
              terminationMessagePath: EVALUATION_RESULT_FILE,
              // File, not FallbackToLogsOnError: the result is the file or nothing, never a log line.
              terminationMessagePolicy: 'File',
              ...(mounts.length === 0 ? {} : { volumeMounts: mounts }),
            },
          ],
          ...(volumes.length === 0 ? {} : { volumes }),
        },
      },
    },
  };
}

type DatasetSettings =
  | { readonly kind: 'configMap'; readonly name: string; readonly key: string }
  | { readonly kind: 'uri'; readonly uri: string; readonly digest?: string };

interface Settings {
  readonly dataset: DatasetSettings;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly caseTimeoutMs: number;
  readonly judgeMinScore: number;
}

/** The evaluation with its defaults, checked as far as the Job depends on it. */
function checkedSettings(where: string, evaluation: EvaluationPolicy): Settings {
  const fail = (field: string, message: string): never => {
    throw new Error(`renderEvaluationJob: ${where}: evaluation.${field} ${message}`);
  };
  const { configMapRef, uri, digest } = evaluation.dataset;
  if ((configMapRef === undefined) === (uri === undefined)) {
    fail('dataset', 'needs exactly one of configMapRef or uri');
  }
  if (digest !== undefined && uri === undefined) {
    fail('dataset.digest', 'pins a dataset.uri; a ConfigMap dataset has none');
  }
  const dataset: DatasetSettings =
    configMapRef !== undefined
      ? { kind: 'configMap', name: configMapRef.name, key: configMapRef.key ?? DEFAULT_DATASET_KEY }
      : { kind: 'uri', uri: uri as string, ...(digest === undefined ? {} : { digest }) };
  const concurrency = evaluation.concurrency ?? EVALUATION_DEFAULTS.concurrency;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    fail('concurrency', `(${concurrency}) must be a whole number from 1 to 64`);
  }
  const timeout = evaluation.timeout ?? EVALUATION_DEFAULTS.timeout;
  const caseTimeout = evaluation.caseTimeout ?? EVALUATION_DEFAULTS.caseTimeout;
  const timeoutMs = parseDurationMs(`${where}: evaluation.timeout`, timeout);
  const caseTimeoutMs = parseDurationMs(`${where}: evaluation.caseTimeout`, caseTimeout);
  if (timeoutMs < 1000) fail('timeout', `'${timeout}' must be at least 1s`);
  if (caseTimeoutMs < 1) fail('caseTimeout', `'${caseTimeout}' must be at least 1ms`);
  if (caseTimeoutMs >= timeoutMs) {
    fail('caseTimeout', `'${caseTimeout}' must be shorter than timeout '${timeout}', or no case can finish`);
  }
  const judgeMinScore = evaluation.judge?.minScore ?? EVALUATION_DEFAULTS.judgeMinScore;
  if (!(judgeMinScore >= 0 && judgeMinScore <= 1))
    fail('judge.minScore', `(${judgeMinScore}) must be from 0 to 1`);
  if (evaluation.judge !== undefined && evaluation.judge.rubric.trim() === '') {
    fail('judge.rubric', 'is empty; say what a good answer is');
  }
  return { dataset, concurrency, timeoutMs, caseTimeoutMs: Math.ceil(caseTimeoutMs), judgeMinScore };
}

/**
 * LOG_LEVEL and LOG_CONTENT as the model's runtime has them: the program logs prompts and answers only where
 * the runtime itself may (health data).
 */
function loggingEnv(aimodel: AIModel): IEnvVar[] {
  const runtime = aimodel.spec.runtime;
  const plain = (name: string) =>
    (runtime?.env ?? []).filter((v) => v.name === name && v.value !== undefined).at(-1)?.value;
  const level = plain('LOG_LEVEL');
  return [
    ...(level === undefined ? [] : [{ name: 'LOG_LEVEL', value: level }]),
    { name: 'LOG_CONTENT', value: plain('LOG_CONTENT') ?? String(runtime?.logContent ?? false) },
  ];
}
