import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { DEFAULT_OPERATOR_IMAGE, GROUP } from '../../crds/api/index.js';
import {
  DERIVED_KINDS,
  ROUTES_OF_ROUTER,
  TRAFFIC_ROUTER_NAMES,
  defaultTrafficRouter,
  derivedScopeOf,
  inScope,
  type DerivedScope,
  type TrafficRouterName,
} from '../derived-kinds.js';
import {
  OPERATOR_METRICS_SERVICE,
  OPERATOR_NAME,
  OPERATOR_SELECTOR,
  SYNC_WAVE_ANNOTATION,
  SyncWave,
  platformLabels,
} from './platform-names.js';
import { assertPinnedImage } from './image-rule.js';
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from './platform-security.js';
import { DEFAULT_TRACING_SAMPLING_RATIO, validateTracing, type RuntimeTracing } from './runtime-tracing.js';

/** Port of /metrics (`--metrics-bind-address`). */
export const OPERATOR_METRICS_PORT = 8080;
/** Port of /healthz and /readyz (`--health-probe-bind-address`). */
export const OPERATOR_HEALTH_PORT = 8081;

export {
  TRAFFIC_ROUTER_NAMES,
  ROUTES_OF_ROUTER,
  defaultTrafficRouter,
  derivedScopeOf,
  type TrafficRouterName,
};

export interface OperatorInstallProps {
  /** Namespace the operator runs in (and holds its leader-election Lease). */
  readonly namespace: string;
  /** Operator image; must pin a version. @default DEFAULT_OPERATOR_IMAGE */
  readonly image?: string;
  /** Replicas; one leads, the others wait to take over. @default 2 */
  readonly replicas?: number;
  /**
   * Namespaces the operator watches. Empty means every namespace, with cluster-wide RBAC; otherwise
   * RBAC is granted only in these namespaces.
   * @default [] (all namespaces)
   */
  readonly watchNamespaces?: readonly string[];
  /** Prometheus base URL for analysis queries (`--prometheus-url`). @default 'http://prometheus-operated.monitoring.svc:9090' */
  readonly prometheusUrl?: string;
  /** Traffic router (`--traffic-router`). @default 'istio' */
  readonly trafficRouter?: TrafficRouterName;
  /**
   * Whether the agents run in an Istio mesh (`--mesh=istio`): the operator then derives each model's
   * PeerAuthentication and AuthorizationPolicy and is granted those kinds; the istio router needs it.
   * @default true with the istio router, else false (as the operator's `--mesh`)
   */
  readonly mesh?: boolean;
  /**
   * Whether the operator may read Secrets, which only ModelRegistry `spec.auth.secretRef` needs.
   * @default true
   */
  readonly readSecrets?: boolean;
  /** Namespace Prometheus scrapes from (allowed to reach the metrics port). @default 'monitoring' */
  readonly monitoringNamespace?: string;
  /**
   * Where the agents' runtimes send their traces (`--tracing-endpoint`, `--tracing-sampling-ratio`): the
   * operator sets the OpenTelemetry variables on every runtime container it renders.
   * @default - no tracing flags: the runtimes do not trace
   */
  readonly tracing?: RuntimeTracing;
  /** CPU/memory requests and limits of the operator container. @default requests 100m/128Mi, limits 500m/512Mi */
  readonly resources?: {
    readonly requests: { readonly cpu: string; readonly memory: string };
    readonly limits: { readonly cpu: string; readonly memory: string };
  };
}

/** One RBAC rule with the reason it is needed (rendered into an annotation for reviewers). */
interface Rule {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
  readonly resourceNames?: readonly string[];
  readonly why: string;
}

const READ = ['get', 'list', 'watch'] as const;
/** Server-side apply is `patch`; pruning what is no longer rendered is `delete`. */
const OWN = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'] as const;

/** Why the operator owns each kind render() derives; a kind added to the table needs its reason here. */
const DERIVED_KIND_REASONS: Readonly<Record<string, string>> = Object.freeze({
  '/serviceaccounts': "The agents' ServiceAccounts.",
  '/services':
    'Per-model Service, and one Service per version that HTTPRoutes and evaluation Jobs send traffic to.',
  'apps/deployments': 'Per-version workloads derived from each AIModel.',
  'autoscaling/horizontalpodautoscalers': 'Per-version HPA.',
  'autoscaling.k8s.io/verticalpodautoscalers': 'Per-version VPA.',
  'policy/poddisruptionbudgets': 'Per-version PodDisruptionBudget.',
  'networking.k8s.io/networkpolicies': "Each agent's NetworkPolicy.",
  'security.istio.io/peerauthentications': 'Per-model STRICT mTLS (in the Istio mesh).',
  'security.istio.io/authorizationpolicies': 'Per-model caller policy (in the Istio mesh).',
  'networking.istio.io/destinationrules': 'One subset per version (istio router).',
  'networking.istio.io/virtualservices': 'Traffic weights, matched and mirror routes (istio router).',
  'gateway.networking.k8s.io/httproutes':
    "Traffic weights, matched and mirror routes (gateway-api router); read back for the parents' acceptance.",
});

/** The istio router in the mesh: what the operator derives by default. */
const ISTIO_SCOPE: DerivedScope = derivedScopeOf('istio', true);

/**
 * Apply (server-side apply is `patch`), watch and prune on exactly the kinds the operator derives in
 * `scope`: the table and `inScope` the operator's own `derivedKinds` filters with, so RBAC and what it writes cannot drift apart. One rule
 * per API group, in the table's order.
 */
function derivedKindRules(scope: DerivedScope): Rule[] {
  const byGroup = new Map<string, { resources: string[]; why: string[] }>();
  for (const kind of DERIVED_KINDS.filter((k) => inScope(k, scope))) {
    const key = `${kind.group}/${kind.plural}`;
    const why = DERIVED_KIND_REASONS[key];
    if (why === undefined) {
      throw new Error(
        `operatorRules: derived kind ${kind.kind} (${key}) has no reason in DERIVED_KIND_REASONS; say why the operator owns it`,
      );
    }
    const group = byGroup.get(kind.group) ?? { resources: [], why: [] };
    group.resources.push(kind.plural);
    group.why.push(why);
    byGroup.set(kind.group, group);
  }
  return [...byGroup].map(([group, { resources, why }]) => ({
    apiGroups: [group],
    resources,
    verbs: [...OWN],
    why: why.join(' '),
  }));
}

/**
 * Every permission the controllers use with this router and mesh, and nothing else. Kept as data so
 * the least-privilege test reads the same list the chart renders.
 */
export function operatorRules(readSecrets: boolean, scope: DerivedScope = ISTIO_SCOPE): Rule[] {
  const rules: Rule[] = [
    {
      apiGroups: [GROUP],
      resources: ['aimodels', 'modelregistries'],
      verbs: [...READ, 'update', 'patch'],
      why: 'Watch the declared objects; patch to clear the action annotation and manage finalizers.',
    },
    {
      apiGroups: [GROUP],
      resources: ['modelversions'],
      verbs: [...READ, 'create', 'update', 'patch'],
      why: 'Drive rollouts; create versions a ModelRegistry discovers (sync.autoCreateVersions).',
    },
    {
      apiGroups: [GROUP],
      resources: ['aimodels/status', 'modelversions/status', 'modelregistries/status'],
      verbs: ['get', 'update', 'patch'],
      why: 'All rollout progress lives in status.',
    },
    {
      apiGroups: [GROUP],
      resources: ['aimodels/finalizers', 'modelversions/finalizers', 'modelregistries/finalizers'],
      verbs: ['update'],
      why: 'Derived objects set blockOwnerDeletion on their AIModel owner, which needs update on finalizers.',
    },
    ...derivedKindRules(scope),
    {
      apiGroups: [''],
      resources: ['configmaps'],
      verbs: [...READ],
      why: 'Read persona (system prompt) ConfigMaps an AIModel refers to.',
    },
    {
      apiGroups: ['batch'],
      resources: ['jobs'],
      verbs: [...READ, 'create', 'delete'],
      why: 'Run evaluation Jobs of ModelVersions; delete a run that no longer counts.',
    },
    {
      apiGroups: [''],
      resources: ['pods'],
      verbs: [...READ],
      why: "Read an evaluation Job's result from its pod's termination message.",
    },
    {
      apiGroups: ['events.k8s.io'],
      resources: ['events'],
      verbs: ['create', 'patch'],
      why: 'Every rollout transition is recorded as an Event.',
    },
  ];
  if (readSecrets) {
    rules.push({
      apiGroups: [''],
      resources: ['secrets'],
      verbs: ['get'],
      why: 'Registry credentials named by ModelRegistry spec.auth.secretRef; read one by one, never listed.',
    });
  }
  return rules;
}

/** Leader election: create the Lease once, then read and renew only the operator's own Lease. */
export function leaderElectionRules(): Rule[] {
  return [
    {
      apiGroups: ['coordination.k8s.io'],
      resources: ['leases'],
      verbs: ['create'],
      why: 'Create the leader-election Lease (create cannot be limited by name).',
    },
    {
      apiGroups: ['coordination.k8s.io'],
      resources: ['leases'],
      resourceNames: [OPERATOR_NAME],
      verbs: ['get', 'update', 'patch'],
      why: 'Hold and renew the leader-election Lease.',
    },
  ];
}

function renderRules(rules: readonly Rule[]): Record<string, unknown>[] {
  return rules.map((rule) => ({
    apiGroups: [...rule.apiGroups],
    resources: [...rule.resources],
    ...(rule.resourceNames ? { resourceNames: [...rule.resourceNames] } : {}),
    verbs: [...rule.verbs],
  }));
}

const QUANTITY = /^\d+(\.\d+)?(m|Ki|Mi|Gi|Ti|k|M|G|T)?$/;

/**
 * Installs the model-ops operator: ServiceAccount, least-privilege RBAC (on the derived kinds of its
 * traffic router and mesh only), a Deployment of `replicas` pods electing one leader through a
 * Lease, the metrics Service, a PodDisruptionBudget and its NetworkPolicy.
 */
export class OperatorInstall extends Construct {
  constructor(scope: Construct, id: string, props: OperatorInstallProps) {
    super(scope, id);
    const namespace = props.namespace;
    const image = props.image ?? DEFAULT_OPERATOR_IMAGE;
    assertPinnedImage('OperatorInstall image', image);
    const replicas = props.replicas ?? 2;
    if (!Number.isInteger(replicas) || replicas < 1) {
      throw new Error(
        `OperatorInstall replicas (${replicas}) must be a whole number of at least 1 (2 for failover)`,
      );
    }
    const watchNamespaces = props.watchNamespaces ?? [];
    const trafficRouter = props.trafficRouter ?? 'istio';
    if (!TRAFFIC_ROUTER_NAMES.includes(trafficRouter)) {
      throw new Error(
        `OperatorInstall trafficRouter '${String(trafficRouter)}' must be one of ${TRAFFIC_ROUTER_NAMES.map((n) => `'${n}'`).join(', ')}`,
      );
    }
    const mesh = props.mesh ?? trafficRouter === 'istio';
    if (trafficRouter === 'istio' && !mesh) {
      throw new Error(
        "OperatorInstall trafficRouter 'istio' needs mesh: true (it routes through Istio's VirtualServices); " +
          "without the mesh use trafficRouter 'gateway-api' or 'replica-ratio'",
      );
    }
    const prometheusUrl = props.prometheusUrl ?? 'http://prometheus-operated.monitoring.svc:9090';
    let protocol: string;
    try {
      protocol = new URL(prometheusUrl).protocol;
    } catch (cause) {
      throw new Error(`OperatorInstall prometheusUrl '${prometheusUrl}' must be an absolute http(s) URL`, {
        cause,
      });
    }
    if (protocol !== 'http:' && protocol !== 'https:') {
      throw new Error(
        `OperatorInstall prometheusUrl '${prometheusUrl}' must be an absolute http(s) URL, e.g. http://prometheus-operated.monitoring.svc:9090`,
      );
    }
    if (props.tracing !== undefined) validateTracing('OperatorInstall tracing', props.tracing);
    const resources = props.resources ?? {
      requests: { cpu: '100m', memory: '128Mi' },
      limits: { cpu: '500m', memory: '512Mi' },
    };
    for (const [kind, list] of Object.entries(resources)) {
      for (const [name, value] of Object.entries(list as Record<string, string>)) {
        if (!QUANTITY.test(value)) {
          throw new Error(
            `OperatorInstall resources.${kind}.${name} '${value}' must be a quantity such as 500m or 512Mi`,
          );
        }
      }
    }
    const labels = platformLabels(OPERATOR_NAME, 'operator', image.split(':').pop());
    const annotations = { [SYNC_WAVE_ANNOTATION]: SyncWave.platform };
    const meta = (name: string, ns?: string, extraLabels: Record<string, string> = {}) => ({
      name,
      ...(ns === undefined ? {} : { namespace: ns }),
      labels: { ...labels, ...extraLabels },
      annotations,
    });
    const subject = { kind: 'ServiceAccount', name: OPERATOR_NAME, namespace };

    new ApiObject(this, 'service-account', {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: meta(OPERATOR_NAME, namespace),
      // The token is mounted into the operator container only (projected, rotated by the kubelet).
      automountServiceAccountToken: true,
    });

    const rules = renderRules(operatorRules(props.readSecrets ?? true, derivedScopeOf(trafficRouter, mesh)));
    if (watchNamespaces.length === 0) {
      new ApiObject(this, 'cluster-role', {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: meta(OPERATOR_NAME),
        rules,
      });
      new ApiObject(this, 'cluster-role-binding', {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: meta(OPERATOR_NAME),
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: OPERATOR_NAME },
        subjects: [subject],
      });
    } else {
      for (const ns of [...new Set(watchNamespaces)].sort()) {
        new ApiObject(this, `role-${ns}`, {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'Role',
          metadata: meta(OPERATOR_NAME, ns),
          rules,
        });
        new ApiObject(this, `role-binding-${ns}`, {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'RoleBinding',
          metadata: meta(OPERATOR_NAME, ns),
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: OPERATOR_NAME },
          subjects: [subject],
        });
      }
    }
    const leaderElection = `${OPERATOR_NAME}-leader-election`;
    new ApiObject(this, 'leader-election-role', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: meta(leaderElection, namespace),
      rules: renderRules(leaderElectionRules()),
    });
    new ApiObject(this, 'leader-election-role-binding', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: meta(leaderElection, namespace),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: leaderElection },
      subjects: [subject],
    });

    const args = [
      `--metrics-bind-address=:${OPERATOR_METRICS_PORT}`,
      `--health-probe-bind-address=:${OPERATOR_HEALTH_PORT}`,
      '--leader-elect=true',
      `--leader-election-namespace=${namespace}`,
      `--prometheus-url=${prometheusUrl}`,
      `--traffic-router=${trafficRouter}`,
      // Always explicit: the RBAC above is granted for this mesh, whatever the operator's default.
      `--mesh=${mesh ? 'istio' : 'none'}`,
      ...(watchNamespaces.length > 0
        ? [`--namespace=${[...new Set(watchNamespaces)].sort().join(',')}`]
        : []),
      ...(props.tracing === undefined
        ? []
        : [
            `--tracing-endpoint=${props.tracing.endpoint}`,
            `--tracing-sampling-ratio=${props.tracing.samplingRatio ?? DEFAULT_TRACING_SAMPLING_RATIO}`,
          ]),
    ];
    new ApiObject(this, 'deployment', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta(OPERATOR_NAME, namespace),
      spec: {
        replicas,
        revisionHistoryLimit: 5,
        selector: { matchLabels: { ...OPERATOR_SELECTOR } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
        template: {
          metadata: { labels: { ...labels } },
          spec: {
            serviceAccountName: OPERATOR_NAME,
            automountServiceAccountToken: true,
            securityContext: restrictedPodSecurityContext(65532),
            // Leader handover waits for the old leader to release its Lease on SIGTERM.
            terminationGracePeriodSeconds: 30,
            topologySpreadConstraints: [
              {
                maxSkew: 1,
                topologyKey: 'kubernetes.io/hostname',
                whenUnsatisfiable: 'ScheduleAnyway',
                labelSelector: { matchLabels: { ...OPERATOR_SELECTOR } },
              },
            ],
            containers: [
              {
                name: 'operator',
                image,
                imagePullPolicy: 'IfNotPresent',
                args,
                env: [
                  { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                  { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
                ],
                ports: [
                  { name: 'metrics', containerPort: OPERATOR_METRICS_PORT, protocol: 'TCP' },
                  { name: 'health', containerPort: OPERATOR_HEALTH_PORT, protocol: 'TCP' },
                ],
                livenessProbe: {
                  httpGet: { path: '/healthz', port: 'health' },
                  initialDelaySeconds: 10,
                  periodSeconds: 20,
                },
                readinessProbe: {
                  httpGet: { path: '/readyz', port: 'health' },
                  initialDelaySeconds: 5,
                  periodSeconds: 10,
                },
                resources,
                securityContext: restrictedContainerSecurityContext(),
                volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
              },
            ],
            // The root filesystem is read-only; anything temporary goes to a small emptyDir.
            volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }],
          },
        },
      },
    });

    new ApiObject(this, 'metrics-service', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta(OPERATOR_METRICS_SERVICE, namespace, {
        'app.kubernetes.io/name': OPERATOR_METRICS_SERVICE,
        'app.kubernetes.io/component': 'metrics',
      }),
      spec: {
        type: 'ClusterIP',
        selector: { ...OPERATOR_SELECTOR },
        ports: [{ name: 'metrics', port: OPERATOR_METRICS_PORT, targetPort: 'metrics', protocol: 'TCP' }],
      },
    });

    if (replicas > 1) {
      new ApiObject(this, 'pdb', {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: meta(OPERATOR_NAME, namespace),
        spec: {
          // One replica may go during node drains; the other keeps (or takes over) the lead.
          maxUnavailable: 1,
          selector: { matchLabels: { ...OPERATOR_SELECTOR } },
        },
      });
    }

    new ApiObject(this, 'network-policy', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: meta(OPERATOR_NAME, namespace),
      spec: {
        podSelector: { matchLabels: { ...OPERATOR_SELECTOR } },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [
          {
            from: [
              {
                namespaceSelector: {
                  matchLabels: { 'kubernetes.io/metadata.name': props.monitoringNamespace ?? 'monitoring' },
                },
              },
            ],
            ports: [{ protocol: 'TCP', port: OPERATOR_METRICS_PORT }],
          },
        ],
        // The operator must reach the API server, Prometheus and every registry users declare (any
        // address, any port), so egress is open; nothing else may connect to it.
        egress: [{}],
      },
    });
  }
}
