import { describe, expect, it } from '@jest/globals';
import { Chart, Testing } from 'cdk8s';
import { AgentService } from '../../charts-ts/constructs/agent-service.js';
import { AgentWorkload, type AgentWorkloadProps } from '../../charts-ts/constructs/agent-workload.js';
import { parseDurationMs } from '../../charts-ts/constructs/durations.js';
import { Gpu } from '../../charts-ts/constructs/gpu.js';
import {
  CANDIDATE_ROUTE,
  IstioRouting,
  cookieRegex,
  istioMatchRequest,
  parseIstioMatchRequest,
  type IstioRoutingProps,
} from '../../charts-ts/constructs/istio-routing.js';
import { IstioSecurity, type IstioSecurityProps } from '../../charts-ts/constructs/istio-security.js';
import { parseQuantity } from '../../charts-ts/constructs/quantity.js';
import { dnsLabelFor, subsetName, versionedName } from '../../charts-ts/constructs/workload-names.js';

const props = (overrides: Partial<AgentWorkloadProps> = {}): AgentWorkloadProps => ({
  model: 'demo',
  agent: 'demo',
  version: 'v1',
  namespace: 'agents',
  engine: { kind: 'container', image: 'ghcr.io/example/engine:1.0.0', healthPath: '/health' },
  scaling: { minReplicas: 2, maxReplicas: 4, cpuUtilization: 70 },
  ...overrides,
});

function synth(build: (chart: Chart) => void): any[] {
  const chart = Testing.chart();
  build(chart);
  return Testing.synth(chart);
}

const workload = (overrides: Partial<AgentWorkloadProps> = {}) =>
  synth((chart) => new AgentWorkload(chart, 'w', props(overrides)));
const byKind = (objects: any[], kind: string) => objects.find((o) => o.kind === kind);

describe('AgentWorkload', () => {
  it('synthesizes ServiceAccount, Deployment, HPA, VPA, PDB and NetworkPolicy named <model>-<version>', () => {
    const objects = workload();
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'ServiceAccount/demo-v1',
      'Deployment/demo-v1',
      'HorizontalPodAutoscaler/demo-v1',
      'VerticalPodAutoscaler/demo-v1',
      'PodDisruptionBudget/demo-v1',
      'NetworkPolicy/demo-v1',
    ]);
    expect(byKind(objects, 'ServiceAccount').automountServiceAccountToken).toBe(false);
  });

  it('probes both serving containers and gives the engine time to load the model', () => {
    const pod = byKind(workload(), 'Deployment').spec.template.spec;
    const [runtime, engine] = pod.containers;
    // The runtime is probed on its management port, where Prometheus scrapes it too.
    expect(runtime.readinessProbe.httpGet).toMatchObject({ path: '/readyz', port: 9090 });
    expect(runtime.livenessProbe.httpGet).toMatchObject({ path: '/healthz', port: 9090 });
    expect(runtime.startupProbe.httpGet).toMatchObject({ path: '/healthz', port: 9090 });
    expect(runtime.ports).toEqual([
      { containerPort: 8000, name: 'http' },
      { containerPort: 9090, name: 'http-metrics' },
    ]);
    expect(runtime.env).toEqual(
      expect.arrayContaining([
        { name: 'PORT', value: '8000' },
        { name: 'MANAGEMENT_PORT', value: '9090' },
      ]),
    );
    expect(engine.readinessProbe.httpGet).toMatchObject({ path: '/health', port: 8001 });
    expect(engine.startupProbe.periodSeconds * engine.startupProbe.failureThreshold).toBe(600);
    const tcp = byKind(
      workload({ engine: { kind: 'container', image: 'ghcr.io/example/engine:1.0.0' } }),
      'Deployment',
    );
    expect(tcp.spec.template.spec.containers[1].readinessProbe.tcpSocket).toEqual({ port: 8001 });
  });

  it('gives each container a writable /tmp on a read-only root filesystem', () => {
    const pod = byKind(workload(), 'Deployment').spec.template.spec;
    expect(pod.containers.length).toBeGreaterThan(0);
    for (const container of pod.containers) {
      expect(container.securityContext.readOnlyRootFilesystem).toBe(true);
      const tmp = container.volumeMounts.find((m: any) => m.mountPath === '/tmp');
      expect(pod.volumes.find((v: any) => v.name === tmp.name).emptyDir).toBeDefined();
    }
  });

  it('writes the HPA with cpu, memory and a Pods metric, and merges behavior with the defaults', () => {
    const hpa = byKind(
      workload({
        scaling: {
          minReplicas: 1,
          maxReplicas: 3,
          cpuUtilization: 60,
          memoryUtilization: 75,
          customMetrics: [
            { name: 'ai_inference_requests_per_second', target: 30 },
            { name: 'queue_depth', type: 'External', target: '100' },
          ],
          behavior: { scaleDown: { stabilizationWindowSeconds: 600 } },
        },
      }),
      'HorizontalPodAutoscaler',
    ).spec;
    expect(hpa.metrics.map((m: any) => m.type)).toEqual(['Resource', 'Resource', 'Pods', 'External']);
    expect(hpa.metrics[3].external.target).toEqual({ type: 'Value', value: '100' });
    expect(hpa.behavior.scaleDown).toEqual({ stabilizationWindowSeconds: 600 });
    expect(hpa.behavior.scaleUp.stabilizationWindowSeconds).toBe(0);
  });

  it('lets the VPA size only the model container, requests only, recommendations only by default', () => {
    const vpa = byKind(
      workload({ vpa: { minAllowed: { cpu: '1' }, maxAllowed: { cpu: '4', memory: '8Gi' } } }),
      'VerticalPodAutoscaler',
    ).spec;
    expect(vpa.updatePolicy).toEqual({ updateMode: 'Off' });
    expect(vpa.resourcePolicy.containerPolicies).toEqual([
      { containerName: 'runtime', mode: 'Off' },
      {
        containerName: 'engine',
        controlledResources: ['cpu', 'memory'],
        controlledValues: 'RequestsOnly',
        minAllowed: { cpu: '1' },
        maxAllowed: { cpu: '4', memory: '8Gi' },
      },
    ]);
    const initial = byKind(workload({ vpa: { mode: 'Initial' } }), 'VerticalPodAutoscaler').spec;
    expect(initial.updatePolicy.updateMode).toBe('Initial');
  });

  it('puts GPU limits on the engine only, with node selector and tolerations', () => {
    const pod = byKind(workload({ gpu: Gpu.nvidia(2, { product: 'NVIDIA-L4' }) }), 'Deployment').spec.template
      .spec;
    expect(pod.containers[1].resources.limits['nvidia.com/gpu']).toBe('2');
    expect(pod.containers[0].resources.limits['nvidia.com/gpu']).toBeUndefined();
    expect(pod.nodeSelector).toEqual({ 'nvidia.com/gpu.product': 'NVIDIA-L4' });
    expect(pod.tolerations).toEqual([{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }]);
  });

  it('fills a missing request or limit from the other side, so every container has both', () => {
    const pod = byKind(
      workload({
        engine: {
          kind: 'container',
          image: 'ghcr.io/example/engine:1.0.0',
          resources: { limits: { cpu: '2', memory: '4Gi' } },
        },
      }),
      'Deployment',
    ).spec.template.spec;
    expect(pod.containers[1].resources).toEqual({
      requests: { cpu: '2', memory: '4Gi' },
      limits: { cpu: '2', memory: '4Gi' },
    });
  });

  it('takes the default pair for a resource declared on neither side', () => {
    const pod = byKind(
      workload({
        engine: {
          kind: 'container',
          image: 'ghcr.io/example/engine:1.0.0',
          resources: { requests: { memory: '6Gi' } },
        },
      }),
      'Deployment',
    ).spec.template.spec;
    expect(pod.containers[1].resources).toEqual({
      requests: { cpu: '500m', memory: '6Gi' },
      limits: { cpu: '2', memory: '6Gi' },
    });
  });

  it('lets its namespace and the gateway reach only the API port, and Prometheus only the management port', () => {
    const policy = byKind(workload(), 'NetworkPolicy').spec;
    expect(policy.podSelector).toEqual({ matchLabels: { app: 'demo', version: 'v1' } });
    expect(policy.ingress).toEqual([
      {
        from: [
          { podSelector: {} },
          { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'istio-system' } } },
        ],
        ports: [{ protocol: 'TCP', port: 8000 }],
      },
      {
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
        ports: [{ protocol: 'TCP', port: 9090 }],
      },
    ]);
  });

  it('lets no one reach the management port when no metrics namespace is named', () => {
    // An empty `from` would mean everyone: the rule is left out instead.
    const policy = byKind(workload({ metricsNamespaces: [] }), 'NetworkPolicy').spec;
    expect(policy.ingress.map((rule: { ports: unknown }) => rule.ports)).toEqual([
      [{ protocol: 'TCP', port: 8000 }],
    ]);
  });

  describe('throws at construction, naming the field', () => {
    const engine = (extra: object) => ({
      engine: { kind: 'container' as const, image: 'ghcr.io/example/engine:1.0.0', ...extra },
    });
    it.each<[string, Partial<AgentWorkloadProps>, RegExp]>([
      [
        'a model name that is not a DNS label',
        { model: 'Demo_Model' },
        /model \(AIModel name\) 'Demo_Model' must be a DNS-1123 label/,
      ],
      [
        'an agent that is not a label value',
        { agent: 'bad agent' },
        /demo: agent \(spec\.agent\.name\) 'bad agent' must be a valid label value/,
      ],
      [
        'a version that is not a label value',
        { version: 'v1/beta' },
        /demo: version \(ModelVersion spec\.version\) 'v1\/beta'/,
      ],
      [
        'minReplicas below 1',
        { scaling: { minReplicas: 0, maxReplicas: 2, cpuUtilization: 50 } },
        /scaling\.minReplicas \(0\) must be a whole number of at least 1/,
      ],
      [
        'maxReplicas below minReplicas',
        { scaling: { minReplicas: 3, maxReplicas: 2, cpuUtilization: 50 } },
        /scaling\.maxReplicas \(2\) must be .* not below scaling\.minReplicas \(3\)/,
      ],
      [
        'a utilisation above 100%',
        { scaling: { minReplicas: 1, maxReplicas: 2, cpuUtilization: 150 } },
        /scaling\.cpuUtilization \(150\) must be a whole percentage from 1 to 100/,
      ],
      [
        'a range without any target',
        { scaling: { minReplicas: 1, maxReplicas: 3 } },
        /scaling from 1 to 3 replicas needs a target/,
      ],
      [
        'a bad metric name',
        { scaling: { minReplicas: 1, maxReplicas: 2, customMetrics: [{ name: 'requests/s', target: 1 }] } },
        /'requests\/s' is not a Prometheus metric name/,
      ],
      [
        'a metric listed twice',
        {
          scaling: {
            minReplicas: 1,
            maxReplicas: 2,
            customMetrics: [
              { name: 'rps', target: 1 },
              { name: 'rps', target: 2 },
            ],
          },
        },
        /lists 'rps' twice/,
      ],
      [
        'a zero metric target',
        { scaling: { minReplicas: 1, maxReplicas: 2, customMetrics: [{ name: 'rps', target: 0 }] } },
        /customMetrics\[rps\]\.target must be greater than 0/,
      ],
      [
        'a metric target that is not a quantity',
        { scaling: { minReplicas: 1, maxReplicas: 2, customMetrics: [{ name: 'rps', target: 'fast' }] } },
        /'fast' is not a Kubernetes quantity/,
      ],
      [
        'a :latest engine image',
        engine({ image: 'vllm/vllm-openai:latest' }),
        /engine\.image 'vllm\/vllm-openai:latest' uses ':latest'/,
      ],
      [
        'an untagged runtime image',
        { runtime: { image: 'ghcr.io/suoke-life/agent-runtime' } },
        /runtime\.image 'ghcr\.io\/suoke-life\/agent-runtime' has no tag/,
      ],
      [
        'the engine on the runtime port',
        engine({ port: 8000 }),
        /engine\.port \(8000\) must differ from runtime\.port \(8000\)/,
      ],
      [
        'the engine on the management port',
        engine({ port: 9090 }),
        /engine\.port \(9090\) must differ from the runtime's management port \(9090, \/metrics and probes\)/,
      ],
      [
        'the API on the management port',
        { runtime: { port: 9090 } },
        /runtime\.port \(9090\) must differ from the runtime's management port \(9090/,
      ],
      [
        'MANAGEMENT_PORT in runtime.env',
        { runtime: { env: [{ name: 'MANAGEMENT_PORT', value: '9999' }] } },
        /runtime\.env MANAGEMENT_PORT is set from the AIModel and ModelVersion/,
      ],
      [
        'a request above its limit',
        engine({ resources: { requests: { cpu: '4' }, limits: { cpu: '2' } } }),
        /engine resources\.requests\.cpu \(4\) must not be greater than limits\.cpu \(2\)/,
      ],
      [
        'a quantity that is not one',
        engine({ resources: { requests: { cpu: '1', memory: '4 GB' } } }),
        /'4 GB' is not a Kubernetes quantity/,
      ],
      [
        'VPA bounds upside down',
        { vpa: { minAllowed: { memory: '8Gi' }, maxAllowed: { memory: '4Gi' } } },
        /vpa\.minAllowed\.memory \(8Gi\) must not be greater than vpa\.maxAllowed\.memory \(4Gi\)/,
      ],
      [
        'an unknown VPA mode',
        { vpa: { mode: 'Sometimes' as never } },
        /vpa\.mode 'Sometimes' must be one of Off, Initial/,
      ],
      [
        'a workload-owned variable in runtime.env',
        { runtime: { env: [{ name: 'MODEL_VERSION', value: 'v9' }] } },
        /runtime\.env MODEL_VERSION is set from the AIModel/,
      ],
      [
        'a variable with value and secret',
        { runtime: { env: [{ name: 'TOKEN', value: 'x', secretKeyRef: { name: 's', key: 'k' } }] } },
        /runtime\.env TOKEN needs exactly one of 'value', 'secretKeyRef' or 'fieldRef'/,
      ],
      [
        'a file with neither source',
        { runtime: { files: [{ env: 'X_FILE' }] } },
        /runtime\.files entry X_FILE needs exactly one of 'secret' or 'configMap'/,
      ],
      [
        'a file variable twice',
        {
          runtime: {
            files: [
              { env: 'X_FILE', secret: { name: 'a', key: 'b' } },
              { env: 'X_FILE', secret: { name: 'a', key: 'c' } },
            ],
          },
        },
        /runtime\.files sets X_FILE twice/,
      ],
      [
        'an external URL that is not one',
        { engine: { kind: 'external', baseUrl: 'api.example.com/v1' } },
        /engine\.external\.baseUrl 'api\.example\.com\/v1' is not a URL/,
      ],
      [
        'an external URL that is not http',
        { engine: { kind: 'external', baseUrl: 'ftp://api.example.com/v1' } },
        /must be an http\(s\) URL/,
      ],
    ])('%s', (_name, overrides, message) => {
      expect(() => workload(overrides)).toThrow(message);
    });
  });
});

describe('AgentService', () => {
  it('selects every version of the model by app, with the API port named http and the management port http-metrics', () => {
    const [service] = synth(
      (chart) => new AgentService(chart, 's', { model: 'demo', agent: 'demo', namespace: 'agents' }),
    );
    expect(service.spec).toEqual({
      type: 'ClusterIP',
      selector: { app: 'demo' },
      ports: [
        { name: 'http', port: 80, targetPort: 8000 },
        { name: 'http-metrics', port: 9090, targetPort: 9090 },
      ],
    });
  });

  it('throws on a model name that is not a DNS label', () => {
    expect(() => synth((chart) => new AgentService(chart, 's', { model: 'demo.v1', agent: 'demo' }))).toThrow(
      /must be a DNS-1123 label/,
    );
  });
});

describe('IstioRouting', () => {
  const routing = (overrides: Partial<IstioRoutingProps> = {}) =>
    synth(
      (chart) =>
        new IstioRouting(chart, 'r', {
          model: 'demo',
          agent: 'demo',
          namespace: 'agents',
          serviceHost: 'demo.agents.svc.cluster.local',
          versions: ['v1', 'v2'],
          weights: [
            { version: 'v1', weight: 70 },
            { version: 'v2', weight: 30 },
          ],
          ...overrides,
        }),
    );

  it('binds the gateways and the mesh, with hosts, timeout and safe retries', () => {
    const vs = byKind(
      routing({ gateways: ['istio-system/agents'], hosts: ['demo.example.com'] }),
      'VirtualService',
    ).spec;
    expect(vs.hosts).toEqual(['demo.agents.svc.cluster.local', 'demo.example.com']);
    expect(vs.gateways).toEqual(['istio-system/agents', 'mesh']);
    expect(vs.http[0].timeout).toBe('120s');
    expect(vs.http[0].retries).toEqual({
      attempts: 2,
      retryOn: 'connect-failure,refused-stream,unavailable,503',
    });
    expect(byKind(routing(), 'VirtualService').spec.gateways).toBeUndefined();
  });

  it('sets circuit breaking and outlier detection on the DestinationRule', () => {
    const dr = byKind(
      routing({
        connectionPool: { maxConnections: 100, maxPendingRequests: 10 },
        outlierDetection: { consecutive5xxErrors: 3 },
      }),
      'DestinationRule',
    ).spec.trafficPolicy;
    expect(dr.connectionPool).toEqual({
      tcp: { maxConnections: 100 },
      http: { http1MaxPendingRequests: 10 },
    });
    expect(dr.outlierDetection).toEqual({
      consecutive5xxErrors: 3,
      interval: '10s',
      baseEjectionTime: '30s',
      maxEjectionPercent: 50,
    });
    expect(dr.tls).toEqual({ mode: 'ISTIO_MUTUAL' });
  });

  const security = (overrides: Partial<IstioSecurityProps> = {}) =>
    synth(
      (chart) =>
        new IstioSecurity(chart, 's', { model: 'demo', agent: 'demo', namespace: 'agents', ...overrides }),
    );

  it('routes only: who may call the pods is IstioSecurity', () => {
    expect(routing().map((o) => o.kind)).toEqual(['DestinationRule', 'VirtualService']);
  });

  it('enforces STRICT mTLS and lets in the gateway and the namespace off the management port, Prometheus on it for /metrics only', () => {
    const objects = security({ gateways: ['istio-system/agents'] });
    expect(byKind(objects, 'PeerAuthentication').spec).toEqual({
      selector: { matchLabels: { app: 'demo' } },
      mtls: { mode: 'STRICT' },
    });
    expect(byKind(objects, 'AuthorizationPolicy').spec).toEqual({
      selector: { matchLabels: { app: 'demo' } },
      action: 'ALLOW',
      rules: [
        {
          from: [
            {
              source: {
                principals: ['cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account'],
              },
            },
          ],
          to: [{ operation: { notPorts: ['9090'] } }],
        },
        { from: [{ source: { namespaces: ['agents'] } }], to: [{ operation: { notPorts: ['9090'] } }] },
        {
          from: [{ source: { namespaces: ['monitoring'] } }],
          to: [{ operation: { ports: ['9090'], methods: ['GET'], paths: ['/metrics'] } }],
        },
      ],
    });
  });

  describe('candidate routes', () => {
    const http = (candidate: IstioRoutingProps['candidate']) =>
      byKind(routing({ candidate }), 'VirtualService').spec.http;
    const destination = (subset: string) => ({
      host: 'demo.agents.svc.cluster.local',
      port: { number: 80 },
      subset,
    });
    /** Istio's whole-value RE2 match; the regexes we render use only syntax JavaScript reads the same way. */
    const matches = (regex: string, header: string) => new RegExp(`^(?:${regex})$`).test(header);

    it('puts a preview route to the candidate right before the versions route, with its timeout and retries', () => {
      const [preview, versions] = http({
        version: 'v2',
        routing: { matches: [{ header: { name: 'x-model-version', exact: 'v2' } }] },
      });
      expect(preview).toEqual({
        name: CANDIDATE_ROUTE,
        match: [{ headers: { 'x-model-version': { exact: 'v2' } } }],
        route: [{ destination: destination('v2'), weight: 100 }],
        timeout: versions.timeout,
        retries: versions.retries,
      });
      expect(versions.name).toBe('versions');
      expect(versions.mirror).toBeUndefined();
    });

    it('ORs a cohort of headers and cookies, each cookie a regex over the Cookie header', () => {
      const [cohort] = http({
        version: 'v2',
        routing: {
          matches: [
            { header: { name: 'x-cohort', prefix: 'beta' } },
            { header: { name: 'x-tier', regex: 'gold|silver' } },
            { cookie: { name: 'cohort', exact: 'b.1' } },
            { cookie: { name: 'ab+test', prefix: 'x*' } },
            { cookie: { name: 'group', regex: 'beta|gamma' } },
          ],
        },
      });
      expect(cohort.match).toEqual([
        { headers: { 'x-cohort': { prefix: 'beta' } } },
        { headers: { 'x-tier': { regex: 'gold|silver' } } },
        { headers: { cookie: { regex: '(?:.*;\\s*)?cohort=b\\.1(?:;.*)?' } } },
        { headers: { cookie: { regex: '(?:.*;\\s*)?ab\\+test=x\\*[^;]*(?:;.*)?' } } },
        { headers: { cookie: { regex: '(?:.*;\\s*)?group=(?:beta|gamma)(?:;.*)?' } } },
      ]);
      const [, , exact, prefix, regex] = cohort.match.map((m: any) => m.headers.cookie?.regex);
      // Wherever the cookie is among the others, and only with its own name and a matching value.
      for (const header of ['cohort=b.1', 'a=1; cohort=b.1', 'cohort=b.1; z=2', 'a=1;cohort=b.1;z=2'])
        expect(matches(exact, header)).toBe(true);
      for (const header of ['cohort=bx1', 'cohort=b.12', 'xcohort=b.1', 'a=cohort=b.1', 'c=cohort; b.1=1'])
        expect(matches(exact, header)).toBe(false);
      expect(matches(prefix, 'ab+test=x*yz; q=1')).toBe(true);
      expect(matches(prefix, 'ab+test=xyz')).toBe(false);
      expect(matches(prefix, 'abbtest=x*')).toBe(false);
      expect(matches(regex, 'q=1; group=gamma')).toBe(true);
      // The whole value must match the regex, not a part of it, and the alternation stays inside the value.
      expect(matches(regex, 'group=betamax')).toBe(false);
      expect(matches(regex, 'group=alpha; x=gamma')).toBe(false);
    });

    it('mirrors a share of the versions route to the candidate, on the same port', () => {
      const routes = http({ version: 'v2', routing: { mirrorPercent: 10 } });
      expect(routes.map((r: any) => r.name)).toEqual(['versions']);
      expect(routes[0].mirror).toEqual(destination('v2'));
      expect(routes[0].mirrorPercentage).toEqual({ value: 10 });
    });

    it('renders no candidate route or mirror for plain routing', () => {
      for (const routing of [{}, { matches: [] }]) {
        const routes = http({ version: 'v2', routing });
        expect(routes.map((r: any) => r.name)).toEqual(['versions']);
        expect(routes[0].mirror).toBeUndefined();
      }
    });

    it('reads every match it renders back into the same RequestMatch', () => {
      for (const match of [
        { header: { name: 'x-cohort', exact: 'beta' } },
        { header: { name: 'x-cohort', prefix: 'be' } },
        { header: { name: 'x-cohort', regex: 'b(et)?a' } },
        { header: { name: 'cookie', exact: 'raw' } },
        { cookie: { name: 'cohort', exact: '(?:x)' } },
        { cookie: { name: "a.b$^|*+'#", exact: 'v[1]{2}\\' } },
        { cookie: { name: 'cohort', prefix: 'be[^;]*' } },
        { cookie: { name: 'cohort', regex: '[]a)]+|(?:b)|\\Q)(\\E' } },
      ]) {
        expect(parseIstioMatchRequest(JSON.parse(JSON.stringify(istioMatchRequest(match))))).toEqual(match);
      }
      // A regex on the Cookie header that is not ours is a header match.
      expect(parseIstioMatchRequest({ headers: { cookie: { regex: '.*beta.*' } } })).toEqual({
        header: { name: 'cookie', regex: '.*beta.*' },
      });
    });

    it.each<[string, unknown, RegExp]>([
      ['a uri match', { uri: { prefix: '/v1' } }, /is not a single header condition/],
      ['two headers', { headers: { a: { exact: '1' }, b: { exact: '2' } } }, /single header condition/],
      ['an empty string match', { headers: { a: {} } }, /exactly one of exact, prefix or regex/],
      ['an upper-case header', { headers: { 'X-A': { exact: '1' } } }, /is not one we render: .*lower case/],
      ['an empty value', { headers: { a: { exact: '' } } }, /exact must be a non-empty string/],
    ])('refuses to read back %s', (_name, match, message) => {
      expect(() => parseIstioMatchRequest(match)).toThrow(message);
    });

    it.each<[string, IstioRoutingProps['candidate'], RegExp]>([
      [
        'a candidate that is not among the versions',
        { version: 'v3', routing: { mirrorPercent: 10 } },
        /demo: candidate version 'v3' is not among the versions \(v1, v2\)/,
      ],
      [
        'a match with both a header and a cookie',
        {
          version: 'v2',
          routing: { matches: [{ header: { name: 'a', exact: '1' }, cookie: { name: 'b', exact: '2' } }] },
        },
        /match 1: set exactly one of header or cookie/,
      ],
      [
        'a header match with two values',
        { version: 'v2', routing: { matches: [{ header: { name: 'a', exact: '1', prefix: '2' } }] } },
        /match 1: header a: set exactly one of exact, prefix or regex/,
      ],
      [
        'an upper-case header name',
        { version: 'v2', routing: { matches: [{ header: { name: 'X-Cohort', exact: '1' } }] } },
        /header name 'X-Cohort' must be lower case/,
      ],
      [
        'a cookie regex reaching out of its group',
        { version: 'v2', routing: { matches: [{ cookie: { name: 'c', regex: 'a)|(.*' } }] } },
        /cookie c: regex 'a\)\|\(\.\*' has a '\)' without its '\('/,
      ],
      [
        'a cookie regex with an open quote',
        { version: 'v2', routing: { matches: [{ cookie: { name: 'c', regex: '\\Qa)' } }] } },
        /opens a \\Q quote without closing it/,
      ],
      [
        'a cookie regex with an open class',
        { version: 'v2', routing: { matches: [{ cookie: { name: 'c', regex: '[a' } }] } },
        /has a character class without its closing \]/,
      ],
      [
        'a mirror of no requests',
        { version: 'v2', routing: { mirrorPercent: 0 } },
        /mirrorPercent \(0\) must be a whole percent in 1..100/,
      ],
    ])('throws on %s', (_name, candidate, message) => {
      expect(() => routing({ candidate })).toThrow(message);
    });

    it('escapes cookie names and values as RE2 literals', () => {
      expect(cookieRegex({ name: 'a.b', exact: '1+1' })).toBe('(?:.*;\\s*)?a\\.b=1\\+1(?:;.*)?');
    });
  });

  it('names subsets as DNS labels, readable for dotted versions', () => {
    expect(subsetName('v2')).toBe('v2');
    expect(subsetName('1.2.0')).toBe('1-2-0');
    expect(versionedName('laoke', '1.0.0')).toBe('laoke-1-0-0');
    expect(dnsLabelFor('Model_V1')).toMatch(/^model-v1-[0-9a-f]{8}$/);
    expect(dnsLabelFor('a'.repeat(80))).toHaveLength(63);
    expect(dnsLabelFor('a'.repeat(80))).not.toBe(dnsLabelFor(`${'a'.repeat(79)}b`));
  });

  describe('throws at construction', () => {
    it.each<[string, Partial<IstioRoutingProps>, RegExp]>([
      ['no versions', { versions: [], weights: [] }, /needs at least one version/],
      [
        'versions that fold to one subset',
        { versions: ['1.0', '1-0'], weights: [{ version: '1.0', weight: 100 }] },
        /versions '1-0' and '1\.0' both become '1-0'/,
      ],
      [
        'a weight above 100',
        {
          weights: [
            { version: 'v1', weight: 120 },
            { version: 'v2', weight: -20 },
          ],
        },
        /weight of 'v1' \(120\) must be a whole number from 0 to 100/,
      ],
      [
        'a version weighted twice',
        {
          weights: [
            { version: 'v1', weight: 50 },
            { version: 'v1', weight: 50 },
          ],
        },
        /lists version 'v1' twice/,
      ],
      ['a bad timeout', { timeout: '2 minutes' }, /traffic\.timeout '2 minutes' is not a duration/],
      ['a zero timeout', { timeout: '0s' }, /traffic\.timeout '0s' must be at least 1ms/],
      ['negative retries', { retries: { attempts: -1 } }, /traffic\.retries\.attempts \(-1\)/],
      [
        'a bad per-try timeout',
        { retries: { attempts: 2, perTryTimeout: 'soon' } },
        /perTryTimeout 'soon' is not a duration/,
      ],
      [
        'a bad ejection interval',
        { outlierDetection: { interval: '10' } },
        /outlierDetection\.interval '10' is not a duration/,
      ],
      [
        'a zero connection limit',
        { connectionPool: { maxConnections: 0 } },
        /connectionPool\.maxConnections \(0\) must be a whole number ≥ 1/,
      ],
    ])('%s', (_name, overrides, message) => {
      expect(() => routing(overrides)).toThrow(message);
    });

    it('an AuthorizationPolicy nobody is allowed through', () => {
      expect(() => security({ namespace: undefined })).toThrow(/would let no caller in/);
    });
  });
});

describe('value parsers', () => {
  it.each([
    ['500m', 0.5],
    ['2', 2],
    ['4Gi', 4 * 2 ** 30],
    ['1.5G', 1.5e9],
    ['128Mi', 128 * 2 ** 20],
  ])('quantity %s', (text, value) => {
    expect(parseQuantity('q', text)).toBe(value);
  });

  it.each([
    ['120s', 120_000],
    ['1m30s', 90_000],
    ['500ms', 500],
    ['1.5h', 5_400_000],
  ])('duration %s', (text, ms) => {
    expect(parseDurationMs('d', text)).toBe(ms);
  });
});
