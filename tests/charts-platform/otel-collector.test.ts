/**
 * The platform's tracing setting: the operator's tracing flags, and the OpenTelemetry Collector it can run
 * (configuration, restricted pod, Service, NetworkPolicy), held together with what the operator then
 * renders for the agents.
 */
import { App, Chart } from 'cdk8s';
import { parse } from 'yaml';
import { readAgentSet } from '../../charts-ts/charts/agents-chart.js';
import type { PlatformChartProps } from '../../charts-ts/charts/platform-chart.js';
import { OtelCollector, type OtelCollectorProps } from '../../charts-ts/constructs/otel-collector.js';
import { repoPath } from '../../charts-ts/constructs/repo-path.js';
import { render } from '../../charts-ts/render.js';
import { parseFlags } from '../../operators/kit/flags.js';
import { find, synthPlatform } from './support/platform.js';
import { validateObject, type K8sObject } from './support/validate.js';

const JAEGER = 'http://jaeger-collector.observability.svc:4318';
const NS = 'suoke-modelops-system';
const COLLECTOR = 'suoke-otel-collector';
const withCollector: PlatformChartProps = {
  tracing: { samplingRatio: 0.5, collector: { enabled: true, exporterEndpoint: JAEGER } },
};

function collectorObjects(props: Partial<OtelCollectorProps> = {}): K8sObject[] {
  const chart = new Chart(new App(), 'test');
  new OtelCollector(chart, 'collector', {
    namespace: NS,
    exporterEndpoint: JAEGER,
    senderNamespaces: ['suoke-ai'],
    ...props,
  });
  return chart.toJson() as K8sObject[];
}

const configOf = (objects: K8sObject[]) =>
  parse(find(objects, 'ConfigMap', COLLECTOR).data['collector.yaml'] as string) as any;
const operatorArgs = (objects: K8sObject[]): string[] =>
  find(objects, 'Deployment', 'suoke-modelops-operator').spec.template.spec.containers[0].args;

describe('PlatformChart tracing', () => {
  it('points the operator at the collector it runs, with the sampling ratio', () => {
    const { objects } = synthPlatform(withCollector);
    const args = operatorArgs(objects);
    expect(args.slice(-2)).toEqual([
      `--tracing-endpoint=http://${COLLECTOR}.${NS}.svc:4318`,
      '--tracing-sampling-ratio=0.5',
    ]);
    expect(parseFlags(args, {})).toMatchObject({
      tracingEndpoint: `http://${COLLECTOR}.${NS}.svc:4318`,
      tracingSamplingRatio: 0.5,
    });
  });

  it('uses a given endpoint as it is, with no collector unless asked for, and ratio 1 by default', () => {
    const { objects } = synthPlatform({ tracing: { endpoint: 'https://otlp.example.com' } });
    expect(operatorArgs(objects).slice(-2)).toEqual([
      '--tracing-endpoint=https://otlp.example.com',
      '--tracing-sampling-ratio=1',
    ]);
    expect(objects.filter((o) => o.metadata.name === COLLECTOR)).toEqual([]);
  });

  it('prefers a given endpoint to the collector it also runs', () => {
    const { objects } = synthPlatform({
      tracing: {
        endpoint: 'http://node-agent.local:4318',
        collector: { enabled: true, exporterEndpoint: JAEGER },
      },
    });
    expect(operatorArgs(objects)).toContain('--tracing-endpoint=http://node-agent.local:4318');
    expect(find(objects, 'Deployment', COLLECTOR)).toBeDefined();
  });

  it('renders nothing of tracing without the setting', () => {
    const { objects } = synthPlatform();
    expect(operatorArgs(objects).filter((a) => a.startsWith('--tracing'))).toEqual([]);
    expect(JSON.stringify(objects)).not.toContain(COLLECTOR);
  });

  it('renders the collector as valid Kubernetes: ServiceAccount, ConfigMap, Deployment, Service, PDB, NetworkPolicy', async () => {
    const { objects } = synthPlatform(withCollector);
    const mine = objects.filter((o) => o.metadata.name === COLLECTOR);
    expect(mine.map((o) => o.kind)).toEqual([
      'ServiceAccount',
      'ConfigMap',
      'Deployment',
      'Service',
      'PodDisruptionBudget',
      'NetworkPolicy',
    ]);
    for (const o of mine) {
      expect([o.kind, o.metadata.namespace]).toEqual([o.kind, NS]);
      expect(await validateObject(o)).toEqual([]);
    }
  });

  it.each([
    [{ tracing: {} }, 'PlatformChart tracing needs an endpoint'],
    [
      { tracing: { collector: { enabled: true } } },
      'PlatformChart tracing.collector.exporterEndpoint is required',
    ],
    [
      { tracing: { endpoint: 'otlp.example.com:4318' } },
      "OperatorInstall tracing.endpoint 'otlp.example.com:4318' must be an http(s) URL",
    ],
    [
      { tracing: { endpoint: JAEGER, samplingRatio: 2 } },
      'OperatorInstall tracing.samplingRatio (2) must be a number from 0 to 1',
    ],
    [
      {
        tracing: {
          collector: {
            enabled: true,
            exporterEndpoint: JAEGER,
            image: 'otel/opentelemetry-collector-contrib:latest',
          },
        },
      },
      "OtelCollector image 'otel/opentelemetry-collector-contrib:latest' uses ':latest'",
    ],
  ] as [PlatformChartProps, string][])('refuses %j, naming the setting', (props, message) => {
    expect(() => synthPlatform(props)).toThrow(message);
  });
});

describe('OtelCollector', () => {
  it('receives OTLP on gRPC 4317 and HTTP 4318, limits memory, batches, and exports over OTLP/HTTP', () => {
    const config = configOf(collectorObjects());
    expect(config.receivers.otlp.protocols).toEqual({
      grpc: { endpoint: '0.0.0.0:4317' },
      http: { endpoint: '0.0.0.0:4318' },
    });
    expect(config.exporters).toEqual({ otlphttp: { endpoint: JAEGER } });
    expect(config.service.pipelines).toEqual({
      traces: { receivers: ['otlp'], processors: ['memory_limiter', 'batch'], exporters: ['otlphttp'] },
    });
    // Every component the pipeline names is configured, and the probes' extension is on.
    const pipeline = config.service.pipelines.traces;
    for (const name of pipeline.receivers) expect(config.receivers[name]).toBeDefined();
    for (const name of pipeline.processors) expect(config.processors[name]).toBeDefined();
    for (const name of pipeline.exporters) expect(config.exporters[name]).toBeDefined();
    expect(config.service.extensions).toEqual(['health_check']);
  });

  it('exports over gRPC when asked, plaintext for an http:// backend and TLS for https://', () => {
    expect(
      configOf(
        collectorObjects({ exporterProtocol: 'grpc', exporterEndpoint: 'http://tempo.tracing.svc:4317' }),
      ).exporters,
    ).toEqual({
      otlp: { endpoint: 'tempo.tracing.svc:4317', tls: { insecure: true } },
    });
    const tls = configOf(
      collectorObjects({ exporterProtocol: 'grpc', exporterEndpoint: 'https://otlp.example.com:443' }),
    );
    expect(tls.exporters).toEqual({ otlp: { endpoint: 'otlp.example.com:443', tls: { insecure: false } } });
    expect(tls.service.pipelines.traces.exporters).toEqual(['otlp']);
  });

  it('runs restricted: non-root, read-only root, no capabilities, RuntimeDefault seccomp, no token, limits set', () => {
    const objects = collectorObjects();
    expect(find(objects, 'ServiceAccount', COLLECTOR).automountServiceAccountToken).toBe(false);
    const pod = find(objects, 'Deployment', COLLECTOR).spec.template.spec;
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.serviceAccountName).toBe(COLLECTOR);
    expect(pod.securityContext).toMatchObject({
      runAsNonRoot: true,
      runAsUser: 10001,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    const [container] = pod.containers;
    expect(container.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      privileged: false,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(container.resources).toEqual({
      requests: { cpu: '100m', memory: '128Mi' },
      limits: { cpu: '1', memory: '512Mi' },
    });
    // The Go runtime collects below the container's limit (80% of 512Mi).
    expect(container.env).toEqual([{ name: 'GOMEMLIMIT', value: '409MiB' }]);
    expect(container.image).toBe('docker.io/otel/opentelemetry-collector-contrib:0.120.0');
    expect(container.args).toEqual(['--config=/etc/otelcol/collector.yaml']);
    expect(container.volumeMounts).toEqual([{ name: 'config', mountPath: '/etc/otelcol', readOnly: true }]);
    expect(pod.volumes).toEqual([{ name: 'config', configMap: { name: COLLECTOR } }]);
  });

  it('listens where its Service, probes and NetworkPolicy say', () => {
    const objects = collectorObjects();
    const config = configOf(objects);
    const container = find(objects, 'Deployment', COLLECTOR).spec.template.spec.containers[0];
    const portOf = (name: string) =>
      container.ports.find((p: { name: string }) => p.name === name).containerPort;
    const listens = (endpoint: string) => Number(endpoint.split(':').pop());
    expect(listens(config.receivers.otlp.protocols.grpc.endpoint)).toBe(portOf('otlp-grpc'));
    expect(listens(config.receivers.otlp.protocols.http.endpoint)).toBe(portOf('otlp-http'));
    expect(listens(config.extensions.health_check.endpoint)).toBe(
      portOf(container.readinessProbe.httpGet.port),
    );
    expect(container.livenessProbe.httpGet.port).toBe('health');
    const service = find(objects, 'Service', COLLECTOR);
    expect(service.spec.ports.map((p: any) => [p.port, portOf(p.targetPort), p.appProtocol])).toEqual([
      [4317, 4317, 'grpc'],
      [4318, 4318, 'http'],
    ]);
    const policy = find(objects, 'NetworkPolicy', COLLECTOR);
    expect(policy.spec.ingress[0].ports.map((p: { port: number }) => p.port)).toEqual([
      portOf('otlp-grpc'),
      portOf('otlp-http'),
    ]);
  });

  it('lets in OTLP from the sender namespaces only, and out DNS and the backend only', () => {
    const policy = find(
      collectorObjects({ senderNamespaces: ['suoke-ai', 'team-b', 'suoke-ai'] }),
      'NetworkPolicy',
      COLLECTOR,
    );
    expect(policy.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(policy.spec.podSelector.matchLabels).toEqual({
      'app.kubernetes.io/name': COLLECTOR,
      'app.kubernetes.io/part-of': 'suoke-modelops',
    });
    expect(policy.spec.ingress).toEqual([
      {
        from: [
          { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'suoke-ai' } } },
          { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'team-b' } } },
        ],
        ports: [
          { protocol: 'TCP', port: 4317 },
          { protocol: 'TCP', port: 4318 },
        ],
      },
    ]);
    expect(policy.spec.egress).toEqual([
      {
        ports: [
          { protocol: 'UDP', port: 53 },
          { protocol: 'TCP', port: 53 },
        ],
      },
      // An in-cluster backend: its namespace, on any port (the Service's port becomes the pods' own).
      { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'observability' } } }] },
    ]);
  });

  it.each([
    [
      'http://jaeger.tracing.svc.cluster.local:4318',
      { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'tracing' } } }] },
    ],
    [
      'http://jaeger:4318',
      { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': NS } } }] },
    ],
    ['https://otlp.example.com', { ports: [{ protocol: 'TCP', port: 443 }] }],
    ['http://10.0.0.7:4318/otlp', { ports: [{ protocol: 'TCP', port: 4318 }] }],
  ])('opens egress to backend %s as %j', (exporterEndpoint, rule) => {
    expect(find(collectorObjects({ exporterEndpoint }), 'NetworkPolicy', COLLECTOR).spec.egress[1]).toEqual(
      rule,
    );
  });

  it('rolls its pods when the configuration changes', () => {
    const hash = (objects: K8sObject[]) =>
      find(objects, 'Deployment', COLLECTOR).spec.template.metadata.annotations[
        'ai.suoke.life/config-sha256'
      ];
    expect(hash(collectorObjects())).toMatch(/^[a-f0-9]{64}$/);
    expect(hash(collectorObjects())).toBe(hash(collectorObjects()));
    expect(hash(collectorObjects({ exporterEndpoint: 'http://tempo.tracing.svc:4318' }))).not.toBe(
      hash(collectorObjects()),
    );
  });

  it('runs one replica without a PodDisruptionBudget when asked', () => {
    const objects = collectorObjects({ replicas: 1 });
    expect(find(objects, 'Deployment', COLLECTOR).spec.replicas).toBe(1);
    expect(objects.filter((o) => o.kind === 'PodDisruptionBudget')).toEqual([]);
  });

  it.each([
    [
      { exporterEndpoint: 'jaeger:4318' },
      "OtelCollector exporterEndpoint 'jaeger:4318' must be an http(s) URL",
    ],
    [{ exporterEndpoint: 'nope' }, "OtelCollector exporterEndpoint 'nope' is not a URL"],
    [{ senderNamespaces: [] }, 'OtelCollector senderNamespaces must name at least one namespace'],
    [{ replicas: 0 }, 'OtelCollector replicas (0) must be a whole number of at least 1'],
    [
      { image: 'otel/opentelemetry-collector-contrib' },
      "OtelCollector image 'otel/opentelemetry-collector-contrib' has no tag",
    ],
    [
      { resources: { requests: { cpu: '100m', memory: 'lots' }, limits: { cpu: '1', memory: '512Mi' } } },
      'OtelCollector resources.requests.memory',
    ],
  ] as [Partial<OtelCollectorProps>, string][])('refuses %j, naming the prop', (props, message) => {
    expect(() => collectorObjects(props)).toThrow(message);
  });
});

describe('PlatformChart tracing ↔ the runtimes the operator renders', () => {
  const { objects: platform } = synthPlatform(withCollector);
  const flags = parseFlags(operatorArgs(platform), {});
  const agents = readAgentSet(repoPath('examples'));
  const derived = agents.aimodels.flatMap((aimodel) => {
    const first = agents.versions.find((v) => v.spec.modelRef.name === aimodel.metadata.name)!;
    return render(
      { ...aimodel, metadata: { ...aimodel.metadata, namespace: 'suoke-ai', uid: 'u' } },
      [first],
      [{ version: first.spec.version, weight: 100 }],
      { tracing: { endpoint: flags.tracingEndpoint!, samplingRatio: flags.tracingSamplingRatio } },
    );
  }) as K8sObject[];

  it("sends every runtime's spans to the collector's OTLP/HTTP port, which admits the runtime's namespace", () => {
    const service = find(platform, 'Service', COLLECTOR);
    const policy = find(platform, 'NetworkPolicy', COLLECTOR);
    const deployment = find(platform, 'Deployment', COLLECTOR);
    const runtimes = derived.filter((o) => o.kind === 'Deployment');
    expect(runtimes).toHaveLength(agents.aimodels.length);
    for (const runtime of runtimes) {
      const env = runtime.spec.template.spec.containers.find(
        (c: { name: string }) => c.name === 'runtime',
      ).env;
      const url = new URL(env.find((e: { name: string }) => e.name === 'OTEL_EXPORTER_OTLP_ENDPOINT').value);
      expect(url.hostname).toBe(`${service.metadata.name}.${service.metadata.namespace}.svc`);
      const port = service.spec.ports.find((p: { port: number }) => p.port === Number(url.port));
      expect(port).toMatchObject({ name: 'otlp-http', appProtocol: 'http' });
      const containerPort = deployment.spec.template.spec.containers[0].ports.find(
        (p: { name: string }) => p.name === port.targetPort,
      ).containerPort;
      const admitted = policy.spec.ingress.some(
        (rule: any) =>
          rule.ports.some((p: { port: number }) => p.port === containerPort) &&
          rule.from.some(
            (peer: any) =>
              peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] ===
              runtime.metadata.namespace,
          ),
      );
      expect([runtime.metadata.name, admitted]).toEqual([runtime.metadata.name, true]);
    }
  });
});
