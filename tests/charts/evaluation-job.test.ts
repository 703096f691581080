import { BatchV1Api, type V1Job } from '@kubernetes/client-node';
import {
  EVALUATION_CONTAINER,
  evaluationJobName,
  renderEvaluationJob,
  type EvaluationJob,
  type EvaluationJobInput,
} from '../../charts-ts/constructs/evaluation-job.js';
import { render, type KubeObject, type RenderOptions } from '../../charts-ts/render.js';
import {
  EVALUATION_LABEL,
  type AIModel,
  type EvaluationPolicy,
  type ModelVersion,
} from '../../crds/api/index.js';
import { readConfig } from '../../runtime/eval/config.js';
import { validateCore, type K8sObject } from '../charts-platform/support/validate.js';
import { startFakeApiServer } from '../support/fake-api-server/index.js';
import { NAMESPACE, find, minimalModel, minimalVersion } from './support.js';

const DATASET_CONFIGMAP: EvaluationPolicy = {
  dataset: { configMapRef: { name: 'soer-golden-set' } },
  minPassRate: 0.9,
};
const DATASET_URI: EvaluationPolicy = {
  dataset: {
    uri: 'oci://registry.example.com/golden/soer:2025-06',
    digest: `sha256:${'ab'.repeat(32)}`,
  },
  maxDropVsStable: 0.05,
  timeout: '90s',
  caseTimeout: '2.5s',
  concurrency: 4,
};
const JUDGED: EvaluationPolicy = {
  ...DATASET_CONFIGMAP,
  judge: { modelRef: { name: 'xiaoke' }, rubric: 'Safe, kind, and sends people to a doctor when unsure.' },
  apiKeySecretRef: { name: 'soer-evaluation-key', key: 'api-key' },
};

/** The split while the candidate is evaluated: no user traffic yet. */
const BEFORE_TRAFFIC = [
  { version: 'v1', weight: 100 },
  { version: 'v2', weight: 0 },
];

function model(spec: Partial<AIModel['spec']> = {}): AIModel {
  return minimalModel({ agent: { name: 'wellness' }, ...spec }, 'soer');
}

function version(v: string, evaluation?: EvaluationPolicy, name = `soer-${v}`): ModelVersion {
  const base = minimalVersion(v, 'soer');
  return {
    ...base,
    metadata: { ...base.metadata, name, uid: `uid-${name}` },
    spec: { ...base.spec, ...(evaluation === undefined ? {} : { promotion: { evaluation } }) },
  };
}

function job(overrides: Partial<EvaluationJobInput> = {}): EvaluationJob {
  return renderEvaluationJob({
    aimodel: model(),
    version: version('v2'),
    evaluation: DATASET_CONFIGMAP,
    gate: 'BeforeTraffic',
    attempt: 1,
    stableVersion: 'v1',
    mesh: false,
    ...overrides,
  });
}

function containerOf(j: EvaluationJob) {
  const container = j.spec.template.spec!.containers[0]!;
  expect(container.name).toBe(EVALUATION_CONTAINER);
  return container;
}

function envOf(j: EvaluationJob): Record<string, string> {
  return Object.fromEntries((containerOf(j).env ?? []).map((e) => [e.name, e.value ?? '']));
}

/** Every label selector among rendered objects, with where it is. */
function selectors(objects: readonly KubeObject[]): Array<{ where: string; labels: Record<string, string> }> {
  return objects.flatMap((o: any) => {
    const where = `${o.kind}/${o.metadata.name}`;
    const found: Array<Record<string, string> | undefined> = [
      o.kind === 'Service' ? o.spec.selector : undefined,
      o.spec?.selector?.matchLabels,
      o.spec?.podSelector?.matchLabels,
    ];
    return found.filter((l) => l !== undefined).map((labels) => ({ where, labels: labels! }));
  });
}

describe('evaluationJobName', () => {
  it('names the run after its ModelVersion, gate and attempt, as a DNS label', () => {
    expect(evaluationJobName('soer-v2', 'BeforeTraffic', 1)).toBe('soer-v2-eval-pre-1');
    expect(evaluationJobName('soer-v2', 'LastStep', 3)).toBe('soer-v2-eval-last-3');
    expect(evaluationJobName('laoke-1.2.0', 'BeforeTraffic', 2)).toBe('laoke-1-2-0-eval-pre-2');
  });

  it('stays within 63 characters, deterministic, and different for long names that share a beginning', () => {
    const long = `${'xiaoai-conversation-llm-'.repeat(4)}v2.0.1`;
    const other = `${'xiaoai-conversation-llm-'.repeat(4)}v2.0.2`;
    for (const attempt of [1, 12, 999_999]) {
      for (const gate of ['BeforeTraffic', 'LastStep'] as const) {
        const name = evaluationJobName(long, gate, attempt);
        expect(name.length).toBeLessThanOrEqual(63);
        expect(name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
        expect(name).toBe(evaluationJobName(long, gate, attempt));
        expect(name).not.toBe(evaluationJobName(other, gate, attempt));
        expect(name.endsWith(`-eval-${gate === 'BeforeTraffic' ? 'pre' : 'last'}-${attempt}`)).toBe(true);
      }
    }
    // A name that fits is kept whole: no hash where nothing was cut.
    const fits = 'a'.repeat(63 - '-eval-last-9'.length);
    expect(evaluationJobName(fits, 'LastStep', 9)).toBe(`${fits}-eval-last-9`);
  });

  it('refuses an attempt below 1, a fraction, an unknown gate and a name that is no object name', () => {
    expect(() => evaluationJobName('soer-v2', 'BeforeTraffic', 0)).toThrow(/soer-v2: attempt 0/);
    expect(() => evaluationJobName('soer-v2', 'BeforeTraffic', 1.5)).toThrow(/attempt 1.5/);
    expect(() => evaluationJobName('soer-v2', 'Whenever' as never, 1)).toThrow(/gate 'Whenever'/);
    expect(() => evaluationJobName('Soer_v2', 'BeforeTraffic', 1)).toThrow(
      /'Soer_v2' is not a ModelVersion name/,
    );
  });
});

describe('renderEvaluationJob', () => {
  it('is a valid batch/v1 Job for every kind of evaluation (kubernetes-models)', async () => {
    const variants = [
      job(),
      job({ evaluation: DATASET_URI, stableVersion: undefined }),
      job({ evaluation: JUDGED, mesh: true }),
      job({ gate: 'LastStep', attempt: 2, evaluation: { ...DATASET_CONFIGMAP, atLastStep: true } }),
    ];
    for (const variant of variants) {
      expect({ name: variant.metadata.name, errors: await validateCore(variant as K8sObject) }).toEqual({
        name: variant.metadata.name,
        errors: [],
      });
    }
  });

  it('runs once as the version, owned by its ModelVersion, within the evaluation timeout', () => {
    const rendered = job();
    expect(rendered.metadata).toMatchObject({ name: 'soer-v2-eval-pre-1', namespace: NAMESPACE });
    expect(rendered.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'ai.suoke.life/v1alpha1',
        kind: 'ModelVersion',
        name: 'soer-v2',
        uid: 'uid-soer-v2',
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(rendered.spec).toMatchObject({ backoffLimit: 0, activeDeadlineSeconds: 600 });
    expect(job({ evaluation: DATASET_URI }).spec.activeDeadlineSeconds).toBe(90);
    expect(
      job({ evaluation: { ...DATASET_URI, timeout: '1m30.5s', caseTimeout: '1s' } }).spec
        .activeDeadlineSeconds,
    ).toBe(91);
    const pod = rendered.spec.template.spec!;
    expect(pod).toMatchObject({ restartPolicy: 'Never', automountServiceAccountToken: false });
    // The ServiceAccount render() gives the version's own pods.
    const derived = render(model(), [version('v1'), version('v2', DATASET_CONFIGMAP)], BEFORE_TRAFFIC);
    expect(find(derived, 'ServiceAccount', pod.serviceAccountName!)).toBeDefined();
    expect(find(derived, 'Deployment', 'soer-v2').spec.template.spec.serviceAccountName).toBe(
      pod.serviceAccountName,
    );
    expect(containerOf(rendered)).toMatchObject({
      image: 'ghcr.io/suoke-life/agent-runtime:0.1.0',
      command: ['node', 'build/runtime/eval/main.js'],
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
    });
  });

  it("runs the version's runtime image: the ModelVersion's override, else the AIModel's", () => {
    const aimodel = model({ runtime: { image: 'ghcr.io/suoke-life/agent-runtime:0.2.0' } });
    expect(containerOf(job({ aimodel })).image).toBe('ghcr.io/suoke-life/agent-runtime:0.2.0');
    const pinned = version('v2');
    pinned.spec.runtime = { image: 'ghcr.io/suoke-life/agent-runtime@sha256:' + 'c'.repeat(64) };
    expect(containerOf(job({ aimodel, version: pinned })).image).toBe(pinned.spec.runtime.image);
  });

  it('meets the restricted Pod Security Standard with a numeric non-root user', () => {
    const pod = job({ evaluation: JUDGED }).spec.template.spec!;
    expect(pod.securityContext).toEqual({
      runAsNonRoot: true,
      runAsUser: 65532,
      runAsGroup: 65532,
      fsGroup: 65532,
      fsGroupChangePolicy: 'OnRootMismatch',
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(containerOf(job()).securityContext).toMatchObject({
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
    // Mounted files are readable by the pod's group only, which the non-root user is in (fsGroup).
    for (const volume of pod.volumes ?? []) {
      expect((volume.configMap ?? volume.secret)?.defaultMode).toBe(0o440);
    }
  });

  it('carries the evaluation label and the version labels, but none that selects the serving pods', () => {
    const pre = job();
    const last = job({ gate: 'LastStep', attempt: 1 });
    expect(pre.metadata.labels[EVALUATION_LABEL]).toBe('pre');
    expect(last.metadata.labels[EVALUATION_LABEL]).toBe('last');
    expect(pre.spec.template.metadata!.labels).toEqual(pre.metadata.labels);
    expect(pre.metadata.labels).toMatchObject({
      agent: 'wellness',
      model: 'soer',
      'app.kubernetes.io/version': 'v2',
      'app.kubernetes.io/managed-by': 'suoke-modelops-operator',
      'app.kubernetes.io/component': 'evaluation',
    });
    // No Service, PodDisruptionBudget, NetworkPolicy, Istio policy or Deployment of the model selects
    // the evaluation pod: it would get user traffic, count in the HPA and block evictions.
    const derived = render(model(), [version('v1'), version('v2', DATASET_CONFIGMAP)], BEFORE_TRAFFIC, {
      mesh: true,
    });
    const podLabels = pre.spec.template.metadata!.labels!;
    const all = selectors(derived);
    expect(all.map((s) => s.where)).toEqual(
      expect.arrayContaining(['Service/soer', 'PodDisruptionBudget/soer-v2', 'AuthorizationPolicy/soer']),
    );
    const selecting = all.filter(({ labels }) =>
      Object.entries(labels).every(([k, v]) => podLabels[k] === v),
    );
    expect(selecting).toEqual([]);
  });

  it('calls the version and the stable by their own Services, which render() derives with an evaluation', () => {
    const env = envOf(job());
    expect(env).toMatchObject({
      EVAL_RUN_ID: `${NAMESPACE}/soer-v2-eval-pre-1`,
      EVAL_MODEL: 'soer',
      EVAL_TARGET_URL: `http://soer-v2.${NAMESPACE}.svc.cluster.local`,
      EVAL_TARGET_VERSION: 'v2',
      EVAL_STABLE_URL: `http://soer-v1.${NAMESPACE}.svc.cluster.local`,
      EVAL_STABLE_VERSION: 'v1',
      EVAL_CONCURRENCY: '8',
      EVAL_CASE_TIMEOUT_MS: '60000',
      EVAL_RESULT_FILE: '/dev/termination-log',
      LOG_CONTENT: 'false',
    });
    for (const routes of ['istio', 'none', 'gateway-api'] as const) {
      const derived = render(model(), [version('v1'), version('v2', DATASET_CONFIGMAP)], BEFORE_TRAFFIC, {
        routes,
      });
      for (const [url, v] of [
        [env.EVAL_TARGET_URL, 'v2'],
        [env.EVAL_STABLE_URL, 'v1'],
      ] as const) {
        const service = find(derived, 'Service', new URL(url!).hostname.split('.')[0]!);
        // Port 80 is what an http:// URL without a port reaches.
        expect({ routes, ports: service.spec.ports }).toEqual({
          routes,
          ports: [{ name: 'http', port: 80, targetPort: 8000 }],
        });
        const pods = find(derived, 'Deployment', `soer-${v}`).spec.template.metadata.labels;
        expect(Object.entries(service.spec.selector).every(([k, val]) => pods[k] === val)).toBe(true);
      }
    }
    const first = envOf(job({ stableVersion: undefined }));
    expect(Object.keys(first).filter((k) => k.startsWith('EVAL_STABLE'))).toEqual([]);
  });

  it('mounts a ConfigMap dataset optionally, so a missing one is reported by the program, not a stuck pod', () => {
    const rendered = job({
      evaluation: { ...DATASET_CONFIGMAP, dataset: { configMapRef: { name: 'golden', key: 'v2.json' } } },
    });
    expect(envOf(rendered)).toMatchObject({
      EVAL_DATASET_FILE: '/etc/evaluation/dataset/v2.json',
      EVAL_DATASET_CONFIGMAP: 'golden',
      EVAL_DATASET_KEY: 'v2.json',
    });
    expect(rendered.spec.template.spec!.volumes).toEqual([
      {
        name: 'dataset',
        configMap: {
          name: 'golden',
          items: [{ key: 'v2.json', path: 'v2.json' }],
          defaultMode: 0o440,
          optional: true,
        },
      },
    ]);
    expect(containerOf(rendered).volumeMounts).toEqual([
      { name: 'dataset', mountPath: '/etc/evaluation/dataset', readOnly: true },
    ]);
    expect(envOf(job()).EVAL_DATASET_KEY).toBe('cases.yaml');
  });

  it('passes a URI dataset and its digest, with the evaluation concurrency and case timeout', () => {
    const rendered = job({ evaluation: DATASET_URI });
    const env = envOf(rendered);
    expect(env).toMatchObject({
      EVAL_DATASET_URI: 'oci://registry.example.com/golden/soer:2025-06',
      EVAL_DATASET_DIGEST: `sha256:${'ab'.repeat(32)}`,
      EVAL_CONCURRENCY: '4',
      EVAL_CASE_TIMEOUT_MS: '2500',
    });
    expect(Object.keys(env).filter((k) => /DATASET_(FILE|CONFIGMAP|KEY)/.test(k))).toEqual([]);
    expect(rendered.spec.template.spec!.volumes).toBeUndefined();
  });

  it('names the judge by its model Service and the API key by its mounted Secret key', () => {
    const rendered = job({ evaluation: JUDGED });
    expect(envOf(rendered)).toMatchObject({
      EVAL_JUDGE_URL: `http://xiaoke.${NAMESPACE}.svc.cluster.local`,
      EVAL_JUDGE_MODEL: 'xiaoke',
      EVAL_JUDGE_RUBRIC: 'Safe, kind, and sends people to a doctor when unsure.',
      EVAL_JUDGE_MIN_SCORE: '0.5',
      EVAL_API_KEY_FILE: '/etc/evaluation/credentials/api-key',
    });
    expect(rendered.spec.template.spec!.volumes).toContainEqual({
      name: 'credentials',
      secret: {
        secretName: 'soer-evaluation-key',
        items: [{ key: 'api-key', path: 'api-key' }],
        defaultMode: 0o440,
        optional: false,
      },
    });
    // The API server defaults the Secret key; an evaluation as declared may leave it out.
    const declared = { ...JUDGED, apiKeySecretRef: { name: 'keys' } } as EvaluationPolicy;
    expect(envOf(job({ evaluation: declared })).EVAL_API_KEY_FILE).toBe(
      '/etc/evaluation/credentials/api-key',
    );
    const strict = job({
      evaluation: {
        ...JUDGED,
        judge: { ...JUDGED.judge!, minScore: 0.8 },
        apiKeySecretRef: { name: 'keys', key: 'eval' },
      },
    });
    expect(envOf(strict)).toMatchObject({
      EVAL_JUDGE_MIN_SCORE: '0.8',
      EVAL_API_KEY_FILE: '/etc/evaluation/credentials/eval',
    });
    expect(Object.keys(envOf(job())).filter((k) => /JUDGE|API_KEY/.test(k))).toEqual([]);
  });

  it('in the mesh, waits for the sidecar and tells it to quit; without it, neither', () => {
    const meshed = job({ mesh: true });
    expect(meshed.spec.template.metadata!.annotations).toEqual({
      'proxy.istio.io/config': '{"holdApplicationUntilProxyStarts":true}',
    });
    expect(envOf(meshed).EVAL_ISTIO_QUIT_URL).toBe('http://127.0.0.1:15020/quitquitquit');
    const plain = job({ mesh: false });
    expect(plain.spec.template.metadata!.annotations).toBeUndefined();
    expect(envOf(plain).EVAL_ISTIO_QUIT_URL).toBeUndefined();
  });

  it('logs content only where the runtime may, with its log level', () => {
    expect(envOf(job({ aimodel: model({ runtime: { logContent: true } }) })).LOG_CONTENT).toBe('true');
    const leveled = envOf(
      job({
        aimodel: model({
          runtime: {
            env: [
              { name: 'LOG_LEVEL', value: 'debug' },
              { name: 'LOG_CONTENT', value: 'false' },
            ],
            logContent: true,
          },
        }),
      }),
    );
    expect(leveled).toMatchObject({ LOG_LEVEL: 'debug', LOG_CONTENT: 'false' });
  });

  it('sets an environment the evaluation program accepts as it is', () => {
    for (const rendered of [
      job(),
      job({ evaluation: DATASET_URI, stableVersion: undefined }),
      job({ evaluation: JUDGED, mesh: true }),
    ]) {
      const env = envOf(rendered);
      const config = readConfig(env);
      expect(config).toMatchObject({
        runId: env.EVAL_RUN_ID,
        model: 'soer',
        target: { url: env.EVAL_TARGET_URL, version: 'v2' },
        resultFile: '/dev/termination-log',
      });
      expect(config.stable?.version).toBe(env.EVAL_STABLE_VERSION);
      expect(config.judge?.model).toBe(env.EVAL_JUDGE_MODEL);
      expect(config.istioQuitUrl).toBe(env.EVAL_ISTIO_QUIT_URL);
    }
  });

  it('is created as it is by an API server, which adds the selector and the job-name label the operator reads pods by', async () => {
    const api = await startFakeApiServer({ namespaces: [NAMESPACE] });
    try {
      const rendered = job({ evaluation: JUDGED, mesh: true });
      const created = await api
        .kubeConfig()
        .makeApiClient(BatchV1Api)
        .createNamespacedJob({
          namespace: NAMESPACE,
          // As the operator sends it: the object as rendered, through the typed client.
          body: rendered as unknown as V1Job,
        });
      expect(created.metadata!.labels).toEqual(rendered.metadata.labels);
      expect(created.spec!.template.metadata!.labels).toMatchObject({
        ...rendered.spec.template.metadata!.labels,
        'batch.kubernetes.io/job-name': 'soer-v2-eval-pre-1',
      });
      expect(created.spec!.backoffLimit).toBe(0);
    } finally {
      await api.stop();
    }
  });

  it('refuses what cannot run, naming the object and the field', () => {
    const bare = version('v2');
    delete bare.metadata.uid;
    expect(() => job({ version: bare })).toThrow(
      /ModelVersion suoke-ai\/soer-v2 needs metadata.namespace and metadata.uid/,
    );
    const other = version('v2');
    other.spec.modelRef.name = 'xiaoai';
    expect(() => job({ version: other })).toThrow(/spec.modelRef.name 'xiaoai', not AIModel 'soer'/);
    expect(() =>
      job({
        evaluation: { ...DATASET_CONFIGMAP, dataset: { configMapRef: { name: 'a' }, uri: 'https://x/y' } },
      }),
    ).toThrow(/soer-v2: evaluation.dataset needs exactly one of configMapRef or uri/);
    expect(() => job({ evaluation: { ...DATASET_URI, timeout: '10s', caseTimeout: '10s' } })).toThrow(
      /evaluation.caseTimeout '10s' must be shorter than timeout '10s'/,
    );
    expect(() => job({ evaluation: { ...DATASET_URI, timeout: 'soon' } })).toThrow(
      /evaluation.timeout 'soon' is not a duration/,
    );
    expect(() =>
      job({ aimodel: model({ runtime: { image: 'ghcr.io/suoke-life/agent-runtime:latest' } }) }),
    ).toThrow(/runtime image/);
    expect(() => job({ stableVersion: 'v2' })).toThrow(/stableVersion 'v2' is the version evaluated itself/);
    expect(() => job({ attempt: 0 })).toThrow(/attempt 0/);
  });
});

describe('render(): per-version Services for evaluation', () => {
  const versions = (evaluation?: EvaluationPolicy) => [version('v1'), version('v2', evaluation)];
  const serviceNames = (objects: readonly KubeObject[]) =>
    objects.filter((o) => o.kind === 'Service').map((o) => o.metadata.name);
  const split = BEFORE_TRAFFIC;

  it.each(['istio', 'none'] as const)(
    '%s routes: one per version when a version or the AIModel evaluates',
    (routes) => {
      const options: RenderOptions = { routes };
      expect(serviceNames(render(model(), versions(), split, options))).toEqual(['soer']);
      const inherited = model({ rollout: { evaluation: DATASET_URI } });
      const derived = render(inherited, versions(), split, options);
      expect(serviceNames(derived)).toEqual(['soer', 'soer-v1', 'soer-v2']);
      const service = find(derived, 'Service', 'soer-v2');
      expect(service.metadata.labels).toMatchObject({
        app: 'soer',
        version: 'v2',
        'app.kubernetes.io/component': 'inference',
      });
      expect(service.spec).toEqual({
        type: 'ClusterIP',
        selector: { app: 'soer', version: 'v2' },
        ports: [{ name: 'http', port: 80, targetPort: 8000 }],
      });
      expect(service.metadata.ownerReferences).toEqual([
        expect.objectContaining({ kind: 'AIModel', name: 'soer' }),
      ]);
      // The same objects otherwise: an evaluation adds the Services and nothing else.
      const fromVersion = render(model(), versions(DATASET_CONFIGMAP), split, options);
      expect(serviceNames(fromVersion)).toEqual(['soer', 'soer-v1', 'soer-v2']);
      const without = render(model(), versions(), split, options);
      expect(fromVersion.filter((o) => !(o.kind === 'Service' && o.metadata.name !== 'soer'))).toEqual(
        without,
      );
    },
  );

  it('gateway-api routes: the same Services whether or not anything evaluates', () => {
    const options: RenderOptions = { routes: 'gateway-api' };
    const evaluated = render(model(), versions(DATASET_CONFIGMAP), split, options);
    expect(serviceNames(evaluated)).toEqual(['soer', 'soer-v1', 'soer-v2']);
    expect(evaluated).toEqual(render(model(), versions(), split, options));
  });
});
