import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Chart } from 'cdk8s';
import { PlatformChart, type PlatformChartProps } from '../../charts-ts/charts/platform-chart.js';
import { parseFlags } from '../../operators/kit/flags.js';
import { Crds } from '../../charts-ts/constructs/crds.js';
import { OperatorInstall, operatorRules } from '../../charts-ts/constructs/operator-install.js';
import { PlatformNetwork } from '../../charts-ts/constructs/platform-network.js';
import { SYNC_WAVE_ANNOTATION } from '../../charts-ts/constructs/platform-names.js';
import { find, fixtureCrdsCopy, podTemplates, synthPlatform } from './support/platform.js';
import { validateCustom, validateObject, type K8sObject } from './support/validate.js';

const defaults = synthPlatform();
const everyVariant: [string, K8sObject[]][] = [
  ['defaults', defaults.objects],
  [
    'no mesh, external Redis Cluster, cluster-wide operator, gateway off',
    synthPlatform({
      istio: false,
      operatorNamespaced: false,
      redis: {
        mode: 'external',
        topology: 'cluster',
        clusterNodes: ['redis-0.example:6379', 'redis-1.example:6379'],
      },
    }).objects,
  ],
  [
    'gateway and 3 operator replicas',
    synthPlatform({
      operatorReplicas: 3,
      gateway: { hosts: ['agents.suoke.life'], tlsSecretName: 'agents-suoke-life-tls' },
    }).objects,
  ],
  ['gateway-api router without Istio', synthPlatform({ trafficRouter: 'gateway-api', istio: false }).objects],
  ['gateway-api router in the Istio mesh', synthPlatform({ trafficRouter: 'gateway-api' }).objects],
  [
    'tracing through the OpenTelemetry Collector',
    synthPlatform({
      tracing: {
        samplingRatio: 0.1,
        collector: { enabled: true, exporterEndpoint: 'http://jaeger-collector.observability.svc:4318' },
      },
    }).objects,
  ],
];

describe('PlatformChart: every object is valid Kubernetes', () => {
  it.each(everyVariant)(
    '%s: core kinds pass kubernetes-models, custom kinds the upstream CRD schemas',
    async (_n, objects) => {
      const errors: string[] = [];
      for (const obj of objects) errors.push(...(await validateObject(obj)));
      expect(errors).toEqual([]);
    },
  );

  it.each(everyVariant)(
    '%s: every object has a sync wave and names are unique per kind and namespace',
    (_n, objects) => {
      const keys = objects.map((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const o of objects)
        expect([o.kind, o.metadata.annotations?.[SYNC_WAVE_ANNOTATION]]).toEqual([
          o.kind,
          expect.stringMatching(/^-?\d+$/),
        ]);
    },
  );

  it('orders the sync: CRDs, then namespaces and their guards, then the platform workloads', () => {
    const wave = (kind: string) =>
      Math.max(
        ...defaults.objects
          .filter((o) => o.kind === kind)
          .map((o) => Number(o.metadata.annotations![SYNC_WAVE_ANNOTATION])),
      );
    const firstWave = (kind: string) =>
      Math.min(
        ...defaults.objects
          .filter((o) => o.kind === kind)
          .map((o) => Number(o.metadata.annotations![SYNC_WAVE_ANNOTATION])),
      );
    expect(wave('CustomResourceDefinition')).toBeLessThan(firstWave('Namespace'));
    expect(wave('Namespace')).toBeLessThan(firstWave('Deployment'));
    expect(wave('Namespace')).toBeLessThan(firstWave('ServiceMonitor'));
    // Argo CD must never prune a CRD: that would delete every custom resource of its kind.
    const crd = find(defaults.objects, 'CustomResourceDefinition', 'aimodels.ai.suoke.life');
    expect(crd.metadata.annotations!['argocd.argoproj.io/sync-options']).toContain('Prune=false');
  });
});

describe('PlatformChart: restricted pod security over every workload', () => {
  it.each(everyVariant)('%s', (_n, objects) => {
    const templates = podTemplates(objects);
    expect(templates.length).toBeGreaterThan(0);
    let serving = 0;
    for (const { owner, spec } of templates) {
      const where = `${owner.kind}/${owner.metadata.name}`;
      expect([where, spec.securityContext.runAsNonRoot]).toEqual([where, true]);
      expect([where, spec.securityContext.seccompProfile]).toEqual([where, { type: 'RuntimeDefault' }]);
      expect([where, spec.hostNetwork ?? false, spec.hostPID ?? false, spec.hostIPC ?? false]).toEqual([
        where,
        false,
        false,
        false,
      ]);
      for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
        const at = `${where} container ${c.name}`;
        const sc = c.securityContext;
        expect([at, sc.allowPrivilegeEscalation, sc.readOnlyRootFilesystem, sc.capabilities.drop]).toEqual([
          at,
          false,
          true,
          ['ALL'],
        ]);
        expect([at, sc.capabilities.add ?? []]).toEqual([at, []]);
        expect([at, sc.privileged ?? false]).toEqual([at, false]);
        expect([at, sc.runAsUser ?? spec.securityContext.runAsUser]).toEqual([at, expect.any(Number)]);
        expect([at, (sc.runAsUser ?? spec.securityContext.runAsUser) > 0]).toEqual([at, true]);
        expect([
          at,
          c.resources.requests.cpu,
          c.resources.requests.memory,
          c.resources.limits.cpu,
          c.resources.limits.memory,
        ]).toEqual([at, expect.any(String), expect.any(String), expect.any(String), expect.any(String)]);
        expect([at, c.image]).toEqual([at, expect.stringMatching(/^[^@]+:(?!latest$)[\w.-]+$|@sha256:/)]);
        if ((c.ports ?? []).length > 0) {
          serving += 1;
          expect([at, c.readinessProbe !== undefined, c.livenessProbe !== undefined]).toEqual([
            at,
            true,
            true,
          ]);
        }
      }
    }
    // Some container serves a port, so the probe check above ran.
    expect(serving).toBeGreaterThan(0);
  });

  it.each(everyVariant)('%s: a PDB covers every Deployment with more than one replica', (_n, objects) => {
    const pdbs = objects.filter((o) => o.kind === 'PodDisruptionBudget');
    const replicated = objects.filter((o) => o.kind === 'Deployment' && o.spec.replicas > 1);
    expect(replicated.length).toBeGreaterThan(0);
    for (const d of replicated) {
      const labels = d.spec.template.metadata.labels as Record<string, string>;
      const covering = pdbs.filter(
        (p) =>
          p.metadata.namespace === d.metadata.namespace &&
          Object.entries(p.spec.selector.matchLabels as Record<string, string>).every(
            ([k, v]) => labels[k] === v,
          ),
      );
      expect([d.metadata.name, covering.length]).toEqual([d.metadata.name, 1]);
      // A PDB that allows no disruption would block node drains forever.
      const pdb = covering[0]!;
      const allowsOne =
        pdb.spec.maxUnavailable !== undefined
          ? pdb.spec.maxUnavailable >= 1
          : pdb.spec.minAvailable < d.spec.replicas;
      expect(allowsOne).toBe(true);
    }
  });

  it('puts both namespaces under the restricted Pod Security Standard, and the agents in the mesh', () => {
    for (const ns of ['suoke-modelops-system', 'suoke-ai']) {
      const labels = find(defaults.objects, 'Namespace', ns).metadata.labels!;
      expect(labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
      expect(labels['pod-security.kubernetes.io/audit']).toBe('restricted');
    }
    expect(find(defaults.objects, 'Namespace', 'suoke-ai').metadata.labels!['istio-injection']).toBe(
      'enabled',
    );
    expect(
      find(defaults.objects, 'Namespace', 'suoke-modelops-system').metadata.labels!['istio-injection'],
    ).toBeUndefined();
  });
});

describe('PlatformChart: the operator', () => {
  const deployment = find(defaults.objects, 'Deployment', 'suoke-modelops-operator', 'suoke-modelops-system');
  const container = deployment.spec.template.spec.containers[0];

  it('runs 2 replicas with leader election and the flags of the contracts', () => {
    expect(deployment.spec.replicas).toBe(2);
    expect(container.image).toBe('ghcr.io/suoke-life/modelops-operator:0.1.0');
    expect(container.args).toEqual([
      '--metrics-bind-address=:8080',
      '--health-probe-bind-address=:8081',
      '--leader-elect=true',
      '--leader-election-namespace=suoke-modelops-system',
      '--prometheus-url=http://prometheus-operated.monitoring.svc:9090',
      '--traffic-router=istio',
      '--mesh=istio',
      '--namespace=suoke-ai',
    ]);
    expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'health' });
    expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'health' });
    expect(container.ports).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'health', containerPort: 8081 }),
        expect.objectContaining({ name: 'metrics', containerPort: 8080 }),
      ]),
    );
  });

  it('passes flags the operator process accepts, meaning what the chart intends', () => {
    const flags = parseFlags(container.args, {});
    expect(flags).toMatchObject({
      metricsBindAddress: ':8080',
      healthProbeBindAddress: ':8081',
      leaderElect: true,
      leaderElectionNamespace: 'suoke-modelops-system',
      leaderElectionId: 'suoke-modelops-operator',
      namespaces: ['suoke-ai'],
      prometheusUrl: 'http://prometheus-operated.monitoring.svc:9090',
      trafficRouter: 'istio',
      mesh: 'istio',
    });
    // The Lease the operator holds is the one its Role lets it renew.
    const role = find(defaults.objects, 'Role', 'suoke-modelops-operator-leader-election');
    expect(role.rules.flatMap((r: { resourceNames?: string[] }) => r.resourceNames ?? [])).toEqual([
      flags.leaderElectionId,
    ]);
  });

  it('uses the replica-ratio router without a mesh, and watches all namespaces when asked', () => {
    const { objects } = synthPlatform({ istio: false, operatorNamespaced: false });
    const args: string[] = find(objects, 'Deployment', 'suoke-modelops-operator').spec.template.spec
      .containers[0].args;
    expect(args).toEqual(expect.arrayContaining(['--traffic-router=replica-ratio', '--mesh=none']));
    expect(args.some((a) => a.startsWith('--namespace'))).toBe(false);
  });

  it.each([
    ['defaults', {}, 'istio', 'istio'],
    ['istio: false', { istio: false }, 'replica-ratio', 'none'],
    ['gateway-api', { trafficRouter: 'gateway-api' }, 'gateway-api', 'istio'],
    ['gateway-api, istio: false', { trafficRouter: 'gateway-api', istio: false }, 'gateway-api', 'none'],
    ['replica-ratio', { trafficRouter: 'replica-ratio' }, 'replica-ratio', 'istio'],
    [
      'replica-ratio, istio: false',
      { trafficRouter: 'replica-ratio', istio: false },
      'replica-ratio',
      'none',
    ],
  ] as const)(
    '%s: the operator process runs the chosen router, in the mesh the istio switch says',
    (_n, props, router, mesh) => {
      const { objects } = synthPlatform(props);
      const args: string[] = find(objects, 'Deployment', 'suoke-modelops-operator').spec.template.spec
        .containers[0].args;
      expect(parseFlags(args, {})).toMatchObject({ trafficRouter: router, mesh });
    },
  );

  it('puts the agents in the mesh only with Istio, whichever the router', () => {
    const injection = (props: PlatformChartProps) =>
      find(synthPlatform(props).objects, 'Namespace', 'suoke-ai').metadata.labels!['istio-injection'];
    expect(injection({ trafficRouter: 'gateway-api' })).toBe('enabled');
    expect(injection({ trafficRouter: 'gateway-api', istio: false })).toBeUndefined();
  });

  it('exposes metrics through a Service the ServiceMonitor selects, on port "metrics"', () => {
    const service = find(defaults.objects, 'Service', 'suoke-modelops-operator-metrics');
    const monitor = find(defaults.objects, 'ServiceMonitor', 'suoke-modelops-operator');
    const selector = monitor.spec.selector.matchLabels as Record<string, string>;
    expect(Object.entries(selector).every(([k, v]) => service.metadata.labels![k] === v)).toBe(true);
    expect(service.spec.ports.map((p: { name: string }) => p.name)).toEqual([monitor.spec.endpoints[0].port]);
    const podLabels = deployment.spec.template.metadata.labels as Record<string, string>;
    expect(
      Object.entries(service.spec.selector as Record<string, string>).every(([k, v]) => podLabels[k] === v),
    ).toBe(true);
  });
});

/**
 * The documented allow-list: what each API group/resource may be granted. Anything beyond it (a new
 * verb, a new resource, a wildcard) fails here and needs a reason in operatorRules().
 */
const OWN = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];
const allowList: Record<string, string[]> = {
  'ai.suoke.life/aimodels': ['get', 'list', 'watch', 'update', 'patch'],
  'ai.suoke.life/modelregistries': ['get', 'list', 'watch', 'update', 'patch'],
  'ai.suoke.life/modelversions': ['get', 'list', 'watch', 'create', 'update', 'patch'],
  'ai.suoke.life/aimodels/status': ['get', 'update', 'patch'],
  'ai.suoke.life/modelversions/status': ['get', 'update', 'patch'],
  'ai.suoke.life/modelregistries/status': ['get', 'update', 'patch'],
  'ai.suoke.life/aimodels/finalizers': ['update'],
  'ai.suoke.life/modelversions/finalizers': ['update'],
  'ai.suoke.life/modelregistries/finalizers': ['update'],
  'apps/deployments': OWN,
  'autoscaling/horizontalpodautoscalers': OWN,
  'autoscaling.k8s.io/verticalpodautoscalers': OWN,
  'policy/poddisruptionbudgets': OWN,
  '/services': OWN,
  '/serviceaccounts': OWN,
  '/configmaps': ['get', 'list', 'watch'],
  'batch/jobs': ['get', 'list', 'watch', 'create', 'delete'],
  '/pods': ['get', 'list', 'watch'],
  '/secrets': ['get'],
  'networking.k8s.io/networkpolicies': OWN,
  'networking.istio.io/virtualservices': OWN,
  'gateway.networking.k8s.io/httproutes': OWN,
  'networking.istio.io/destinationrules': OWN,
  'security.istio.io/peerauthentications': OWN,
  'security.istio.io/authorizationpolicies': OWN,
  'events.k8s.io/events': ['create', 'patch'],
  'coordination.k8s.io/leases': ['create', 'get', 'update', 'patch'],
};

function grants(
  objects: K8sObject[],
): { role: K8sObject; key: string; verbs: string[]; resourceNames?: string[] }[] {
  return objects
    .filter((o) => o.kind === 'ClusterRole' || o.kind === 'Role')
    .flatMap((role) =>
      (
        role.rules as {
          apiGroups: string[];
          resources: string[];
          verbs: string[];
          resourceNames?: string[];
        }[]
      ).flatMap((rule) =>
        rule.apiGroups.flatMap((g) =>
          rule.resources.map((r) => ({
            role,
            key: `${g}/${r}`,
            verbs: rule.verbs,
            resourceNames: rule.resourceNames,
          })),
        ),
      ),
    );
}

describe('PlatformChart: least-privilege RBAC', () => {
  const clusterWide = synthPlatform({ operatorNamespaced: false }).objects;

  it.each([
    ['namespaced', defaults.objects],
    ['cluster-wide', clusterWide],
    ['gateway-api without Istio', synthPlatform({ trafficRouter: 'gateway-api', istio: false }).objects],
    ['gateway-api in the mesh', synthPlatform({ trafficRouter: 'gateway-api' }).objects],
    ['replica-ratio without Istio', synthPlatform({ istio: false, operatorNamespaced: false }).objects],
  ])('%s: no wildcards and no verb beyond the documented allow-list', (_n, objects) => {
    const all = grants(objects);
    expect(all.length).toBeGreaterThan(0);
    for (const g of all) {
      expect([g.key, g.key.includes('*'), g.verbs.includes('*')]).toEqual([g.key, false, false]);
      const allowed = allowList[g.key];
      expect([g.key, allowed !== undefined]).toEqual([g.key, true]);
      expect([g.key, g.verbs.filter((v) => !allowed!.includes(v))]).toEqual([g.key, []]);
    }
    // Verbs that would let the operator grant itself more.
    expect(all.filter((g) => g.verbs.some((v) => ['escalate', 'bind', 'impersonate'].includes(v)))).toEqual(
      [],
    );
  });

  it('grants secrets only "get" (no list or watch of every Secret), and none when registries need no auth', () => {
    expect(
      grants(defaults.objects)
        .filter((g) => g.key === '/secrets')
        .map((g) => g.verbs),
    ).toEqual([['get']]);
    expect(operatorRules(false).some((r) => r.resources.includes('secrets'))).toBe(false);
  });

  it('runs evaluation Jobs (create and delete, never update) and only reads pods, with every router', () => {
    for (const scope of [
      { routes: 'istio', mesh: true },
      { routes: 'gateway-api', mesh: false },
      { routes: 'none', mesh: false },
    ] as const) {
      const rules = operatorRules(true, scope);
      const verbsOf = (group: string, resource: string) =>
        rules
          .filter((r) => r.apiGroups.includes(group) && r.resources.includes(resource))
          .flatMap((r) => r.verbs);
      expect(verbsOf('batch', 'jobs').sort()).toEqual(['create', 'delete', 'get', 'list', 'watch']);
      expect(verbsOf('', 'pods').sort()).toEqual(['get', 'list', 'watch']);
      // No other batch resource (CronJobs) and no pod subresource (exec, log, eviction).
      expect(rules.filter((r) => r.apiGroups.includes('batch')).flatMap((r) => r.resources)).toEqual([
        'jobs',
      ]);
      expect(rules.flatMap((r) => r.resources).filter((r) => r.startsWith('pods/'))).toEqual([]);
    }
    for (const objects of [defaults.objects, clusterWide]) {
      expect(grants(objects).filter((g) => g.key === 'batch/jobs' || g.key === '/pods').length).toBe(2);
    }
  });

  it('renders namespaced Roles only in the watched namespace, and a ClusterRole only when watching all', () => {
    expect(
      defaults.objects.filter((o) => o.kind === 'ClusterRole' || o.kind === 'ClusterRoleBinding'),
    ).toEqual([]);
    const roles = defaults.objects
      .filter((o) => o.kind === 'Role')
      .map((o) => `${o.metadata.namespace}/${o.metadata.name}`);
    expect(roles.sort()).toEqual([
      'suoke-ai/suoke-modelops-operator',
      'suoke-modelops-system/suoke-modelops-operator-leader-election',
    ]);
    expect(clusterWide.filter((o) => o.kind === 'ClusterRole').length).toBe(1);
  });

  it('limits leases to the operator namespace and to renewing its own Lease by name', () => {
    const leases = grants(defaults.objects).filter((g) => g.key === 'coordination.k8s.io/leases');
    // At least one grant goes beyond create, so the by-name check below runs.
    expect(leases.some((g) => g.verbs.some((v) => v !== 'create'))).toBe(true);
    for (const g of leases) {
      expect(g.role.kind).toBe('Role');
      expect(g.role.metadata.namespace).toBe('suoke-modelops-system');
      if (g.verbs.some((v) => v !== 'create')) expect(g.resourceNames).toEqual(['suoke-modelops-operator']);
    }
  });

  it('binds every role to the operator ServiceAccount and nothing else', () => {
    const bindings = defaults.objects.filter((o) => o.kind.endsWith('Binding'));
    expect(bindings.length).toBeGreaterThan(0);
    for (const b of bindings) {
      expect(b.subjects).toEqual([
        { kind: 'ServiceAccount', name: 'suoke-modelops-operator', namespace: 'suoke-modelops-system' },
      ]);
    }
  });
});

describe('PlatformChart: network guards', () => {
  it('denies by default in both namespaces and requires STRICT mTLS for the agents', () => {
    const deny = defaults.objects.filter(
      (o) => o.kind === 'NetworkPolicy' && o.metadata.name === 'default-deny',
    );
    expect(deny.map((d) => [d.metadata.namespace, d.spec.podSelector, d.spec.policyTypes])).toEqual([
      ['suoke-modelops-system', {}, ['Ingress', 'Egress']],
      ['suoke-ai', {}, ['Ingress']],
    ]);
    const pa = find(defaults.objects, 'PeerAuthentication', 'default', 'suoke-ai');
    expect(pa.spec).toEqual({ mtls: { mode: 'STRICT' } });
  });

  it('lets only the agents reach Redis, and only monitoring reach the exporters and operator metrics', () => {
    const redis = find(defaults.objects, 'NetworkPolicy', 'suoke-redis', 'suoke-ai');
    expect(redis.spec.ingress).toEqual([
      {
        from: [
          {
            podSelector: {
              matchLabels: {
                'app.kubernetes.io/component': 'inference',
                'app.kubernetes.io/part-of': 'suoke-modelops',
              },
            },
          },
        ],
        ports: [{ protocol: 'TCP', port: 6379 }],
      },
      {
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
        ports: [{ protocol: 'TCP', port: 9121 }],
      },
    ]);
    const operator = find(defaults.objects, 'NetworkPolicy', 'suoke-modelops-operator');
    expect(operator.spec.ingress).toEqual([
      {
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
        ports: [{ protocol: 'TCP', port: 8080 }],
      },
    ]);
  });

  it('renders the shared HTTPS Gateway only when asked, and hands out its reference', () => {
    expect(defaults.objects.some((o) => o.kind === 'Gateway')).toBe(false);
    const { objects, chart } = synthPlatform({
      gateway: { hosts: ['agents.suoke.life'], tlsSecretName: 'agents-tls' },
    });
    const gw = find(objects, 'Gateway', 'suoke-agents', 'suoke-ai');
    expect(gw.spec.servers[0]).toMatchObject({
      hosts: ['agents.suoke.life'],
      tls: { mode: 'SIMPLE', credentialName: 'agents-tls' },
    });
    expect(chart.gatewayRef).toBe('suoke-ai/suoke-agents');
  });
});

describe('PlatformChart: bad input is refused with the field and the fix', () => {
  const build = (f: (c: Chart) => void) => () => f(new Chart(new App(), 'c'));
  it.each([
    [
      'an unpinned operator image',
      build(
        (c) =>
          new OperatorInstall(c, 'o', {
            namespace: 'x',
            image: 'ghcr.io/suoke-life/modelops-operator:latest',
          }),
      ),
      /image .* must pin a version/,
    ],
    [
      'an untagged operator image',
      build(
        (c) => new OperatorInstall(c, 'o', { namespace: 'x', image: 'ghcr.io/suoke-life/modelops-operator' }),
      ),
      /must pin a version/,
    ],
    [
      'zero replicas',
      build((c) => new OperatorInstall(c, 'o', { namespace: 'x', replicas: 0 })),
      /replicas \(0\) must be a whole number/,
    ],
    [
      'a relative Prometheus URL',
      build((c) => new OperatorInstall(c, 'o', { namespace: 'x', prometheusUrl: 'prometheus:9090/x' })),
      /prometheusUrl .* must be an absolute http\(s\) URL/,
    ],
    [
      'an unknown traffic router',
      build((c) => new OperatorInstall(c, 'o', { namespace: 'x', trafficRouter: 'linkerd' as never })),
      /trafficRouter 'linkerd' must be one of 'istio', 'gateway-api', 'replica-ratio'/,
    ],
    [
      'the istio router without the mesh',
      build((c) => new OperatorInstall(c, 'o', { namespace: 'x', trafficRouter: 'istio', mesh: false })),
      /trafficRouter 'istio' needs mesh: true .*use trafficRouter 'gateway-api' or 'replica-ratio'/,
    ],
    [
      'the istio router on a platform without Istio',
      () => synthPlatform({ trafficRouter: 'istio', istio: false }),
      /PlatformChart trafficRouter 'istio' needs istio: true .*set trafficRouter to 'gateway-api' or 'replica-ratio'/,
    ],
    [
      'the Istio Gateway with the gateway-api router',
      () =>
        synthPlatform({
          trafficRouter: 'gateway-api',
          gateway: { hosts: ['a.b'], tlsSecretName: 't' },
        }),
      /gateway is an Istio Gateway .* trafficRouter is 'gateway-api'; .*AIModel spec.traffic.parentRefs/,
    ],
    [
      'the Istio Gateway with the replica-ratio router',
      () =>
        synthPlatform({
          trafficRouter: 'replica-ratio',
          gateway: { hosts: ['a.b'], tlsSecretName: 't' },
        }),
      /trafficRouter is 'replica-ratio'; leave gateway unset, or set trafficRouter to 'istio'/,
    ],
    [
      'a bad resource quantity',
      build(
        (c) =>
          new OperatorInstall(c, 'o', {
            namespace: 'x',
            resources: { requests: { cpu: 'lots', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } },
          }),
      ),
      /resources.requests.cpu 'lots'/,
    ],
    [
      'an invalid namespace',
      build((c) => new PlatformNetwork(c, 'n', { platformNamespace: 'Suoke', agentNamespace: 'a' })),
      /platformNamespace 'Suoke' must be a DNS-1123 label/,
    ],
    [
      'a Gateway without Istio',
      build(
        (c) =>
          new PlatformNetwork(c, 'n', {
            platformNamespace: 'p',
            agentNamespace: 'a',
            istio: false,
            gateway: { hosts: ['a.b'], tlsSecretName: 't' },
          }),
      ),
      /gateway needs istio/,
    ],
    [
      'a Gateway host that is no DNS name',
      build(
        (c) =>
          new PlatformNetwork(c, 'n', {
            platformNamespace: 'p',
            agentNamespace: 'a',
            gateway: { hosts: ['https://a.b'], tlsSecretName: 't' },
          }),
      ),
      /gateway.hosts\[0\] 'https:\/\/a.b'/,
    ],
    [
      'a CRD folder that does not exist',
      build((c) => new Crds(c, 'crds', { dir: '/nonexistent/crds' })),
      /cannot be read: run 'npm run gen'/,
    ],
  ])('%s', (_n, f, message) => {
    expect(f).toThrow(message);
  });

  it('refuses a CRD folder holding something other than our CRDs', () => {
    const dir = fixtureCrdsCopy();
    try {
      writeFileSync(`${dir}/extra.yaml`, 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\n');
      expect(() => new Crds(new Chart(new App(), 'c'), 'crds', { dir })).toThrow(
        /holds a ConfigMap 'x', expected only ai.suoke.life CustomResourceDefinitions/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('PlatformChart with the generated CRDs (crds/*.yaml)', () => {
  const app = new App();
  const real = new PlatformChart(app, 'platform').toJson() as K8sObject[];
  const crds = real.filter((o) => o.kind === 'CustomResourceDefinition');

  it('includes each of our CRDs in the first sync wave, never pruned, valid for kubernetes-models', async () => {
    expect(crds.map((c) => c.metadata.name).sort()).toEqual([
      'aimodels.ai.suoke.life',
      'modelregistries.ai.suoke.life',
      'modelversions.ai.suoke.life',
    ]);
    for (const crd of crds) {
      expect(crd.metadata.annotations).toMatchObject({
        [SYNC_WAVE_ANNOTATION]: '-3',
        'argocd.argoproj.io/sync-options': 'Prune=false,ServerSideApply=true',
      });
      expect(await validateObject(crd)).toEqual([]);
    }
  });

  it('ships an Argo CD health check for every kind it defines', () => {
    expect(crds).toHaveLength(3);
    for (const crd of crds) {
      const folder = `${crd.spec.group}_${crd.spec.names.kind}`;
      expect([folder, existsSync(join(process.cwd(), 'argocd', 'health', folder, 'health.lua'))]).toEqual([
        folder,
        true,
      ]);
    }
  });
});

describe('upstream validation runs the CRDs’ CEL rules too', () => {
  it('refuses a PeerAuthentication with port-level mTLS but no selector, as the API server would', () => {
    const pa = structuredClone(find(defaults.objects, 'PeerAuthentication', 'default', 'suoke-ai'));
    expect(validateCustom(pa)).toEqual([]);
    pa.spec.portLevelMtls = { 8080: { mode: 'DISABLE' } };
    expect(validateCustom(pa)).toEqual([expect.stringContaining('portLevelMtls requires selector')]);
  });
});
