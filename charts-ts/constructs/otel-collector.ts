import { createHash } from 'node:crypto';
import { ApiObject, Yaml } from 'cdk8s';
import { Construct } from 'constructs';
import { assertPinnedImage } from './image-rule.js';
import { PLATFORM_PART_OF, SYNC_WAVE_ANNOTATION, SyncWave, platformLabels } from './platform-names.js';
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from './platform-security.js';
import { parseQuantity } from './quantity.js';

/** Deployment, Service, ServiceAccount, ConfigMap and NetworkPolicy name of the collector. */
export const OTEL_COLLECTOR_NAME = 'suoke-otel-collector';
/** OTLP over gRPC, as every OpenTelemetry SDK defaults to. */
export const OTLP_GRPC_PORT = 4317;
/** OTLP over HTTP: what the agents' runtime sends (`OTEL_EXPORTER_OTLP_ENDPOINT`). */
export const OTLP_HTTP_PORT = 4318;
/** The collector's `health_check` extension, which the probes ask. */
const HEALTH_PORT = 13133;
/**
 * The OpenTelemetry Collector, contrib distribution (it carries the `health_check` extension), pinned
 * like every platform image. A newer tag is a config change to review: exporters are renamed between
 * releases.
 */
export const DEFAULT_OTEL_COLLECTOR_IMAGE = 'docker.io/otel/opentelemetry-collector-contrib:0.120.0';
/** The image's own non-root user. */
const COLLECTOR_UID = 10001;
const CONFIG_DIR = '/etc/otelcol';
const CONFIG_FILE = 'collector.yaml';

/** Labels that select the collector's pods. */
export const OTEL_COLLECTOR_SELECTOR: Readonly<Record<string, string>> = {
  'app.kubernetes.io/name': OTEL_COLLECTOR_NAME,
  'app.kubernetes.io/part-of': PLATFORM_PART_OF,
};

export interface OtelCollectorProps {
  /** Namespace the collector runs in (the platform's). */
  readonly namespace: string;
  /**
   * OTLP endpoint of the trace backend (Jaeger, Tempo or any OTLP receiver), e.g.
   * `http://jaeger-collector.observability.svc:4318`.
   */
  readonly exporterEndpoint: string;
  /**
   * How the collector speaks to the backend: `http` (the `otlphttp` exporter, posting to
   * `<exporterEndpoint>/v1/traces`) or `grpc` (the `otlp` exporter, to the URL's host and port; TLS for
   * `https://`).
   * @default 'http'
   */
  readonly exporterProtocol?: 'http' | 'grpc';
  /** Namespaces whose pods may send spans (the agents'). */
  readonly senderNamespaces: readonly string[];
  /** Collector image; must pin a version. @default DEFAULT_OTEL_COLLECTOR_IMAGE */
  readonly image?: string;
  /** Replicas behind the Service; spans are stateless, so any replica takes any batch. @default 2 */
  readonly replicas?: number;
  /** CPU/memory of the collector container. @default requests 100m/128Mi, limits 1/512Mi */
  readonly resources?: {
    readonly requests: { readonly cpu: string; readonly memory: string };
    readonly limits: { readonly cpu: string; readonly memory: string };
  };
}

/**
 * An OpenTelemetry Collector between the agents' runtimes and the trace backend: OTLP in (gRPC 4317 and
 * HTTP 4318), a memory limiter and a batch processor, OTLP out to `exporterEndpoint`. Runtimes then export
 * to a nearby, always-up endpoint, and the backend can move or be swapped without touching any agent.
 *
 * Renders a ServiceAccount without a token, the ConfigMap with the collector's configuration, a Deployment
 * under the restricted Pod Security Standard (restarted when the configuration changes), its Service, a
 * PodDisruptionBudget with more than one replica, and a NetworkPolicy: OTLP in from the sender namespaces
 * only; out to DNS and the backend only.
 */
export class OtelCollector extends Construct {
  /** OTLP/HTTP base URL of the collector's Service, for `--tracing-endpoint`. */
  public readonly endpoint: string;

  constructor(scope: Construct, id: string, props: OtelCollectorProps) {
    super(scope, id);
    const { namespace } = props;
    const image = props.image ?? DEFAULT_OTEL_COLLECTOR_IMAGE;
    assertPinnedImage('OtelCollector image', image);
    const replicas = props.replicas ?? 2;
    if (!Number.isInteger(replicas) || replicas < 1) {
      throw new Error(`OtelCollector replicas (${replicas}) must be a whole number of at least 1`);
    }
    if (props.senderNamespaces.length === 0) {
      throw new Error(
        "OtelCollector senderNamespaces must name at least one namespace (the agents'), or no runtime could send spans",
      );
    }
    const protocol = props.exporterProtocol ?? 'http';
    if (protocol !== 'http' && protocol !== 'grpc') {
      throw new Error(`OtelCollector exporterProtocol '${String(protocol)}' must be 'http' or 'grpc'`);
    }
    const backend = backendOf(props.exporterEndpoint, protocol, namespace);
    const resources = props.resources ?? {
      requests: { cpu: '100m', memory: '128Mi' },
      limits: { cpu: '1', memory: '512Mi' },
    };
    const memoryLimit = parseQuantity('OtelCollector resources.limits.memory', resources.limits.memory);
    for (const [kind, list] of Object.entries(resources)) {
      for (const [name, value] of Object.entries(list as Record<string, string>)) {
        parseQuantity(`OtelCollector resources.${kind}.${name}`, value);
      }
    }
    this.endpoint = `http://${OTEL_COLLECTOR_NAME}.${namespace}.svc:${OTLP_HTTP_PORT}`;

    const labels = platformLabels(OTEL_COLLECTOR_NAME, 'tracing', image.split(':').pop());
    const meta = {
      name: OTEL_COLLECTOR_NAME,
      namespace,
      labels,
      annotations: { [SYNC_WAVE_ANNOTATION]: SyncWave.platform },
    };
    const config = Yaml.stringify(collectorConfig(backend));

    new ApiObject(this, 'service-account', {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: meta,
      // The collector never talks to the API server.
      automountServiceAccountToken: false,
    });
    new ApiObject(this, 'config', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: meta,
      data: { [CONFIG_FILE]: config },
    });
    new ApiObject(this, 'deployment', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta,
      spec: {
        replicas,
        revisionHistoryLimit: 5,
        selector: { matchLabels: { ...OTEL_COLLECTOR_SELECTOR } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
        template: {
          metadata: {
            labels: { ...labels },
            // The collector reads its configuration once: a changed ConfigMap must roll the pods.
            annotations: { 'ai.suoke.life/config-sha256': createHash('sha256').update(config).digest('hex') },
          },
          spec: {
            serviceAccountName: OTEL_COLLECTOR_NAME,
            automountServiceAccountToken: false,
            securityContext: restrictedPodSecurityContext(COLLECTOR_UID),
            // Time for the batch processor to flush what it holds on SIGTERM.
            terminationGracePeriodSeconds: 30,
            topologySpreadConstraints: [
              {
                maxSkew: 1,
                topologyKey: 'kubernetes.io/hostname',
                whenUnsatisfiable: 'ScheduleAnyway',
                labelSelector: { matchLabels: { ...OTEL_COLLECTOR_SELECTOR } },
              },
            ],
            containers: [
              {
                name: 'collector',
                image,
                imagePullPolicy: 'IfNotPresent',
                args: [`--config=${CONFIG_DIR}/${CONFIG_FILE}`],
                env: [
                  // The Go runtime collects before the container limit, where the kernel would kill it.
                  { name: 'GOMEMLIMIT', value: `${Math.floor((memoryLimit * 0.8) / 2 ** 20)}MiB` },
                ],
                ports: [
                  { name: 'otlp-grpc', containerPort: OTLP_GRPC_PORT, protocol: 'TCP' },
                  { name: 'otlp-http', containerPort: OTLP_HTTP_PORT, protocol: 'TCP' },
                  { name: 'health', containerPort: HEALTH_PORT, protocol: 'TCP' },
                ],
                livenessProbe: { httpGet: { path: '/', port: 'health' }, periodSeconds: 20 },
                readinessProbe: { httpGet: { path: '/', port: 'health' }, periodSeconds: 10 },
                resources,
                securityContext: restrictedContainerSecurityContext(),
                volumeMounts: [{ name: 'config', mountPath: CONFIG_DIR, readOnly: true }],
              },
            ],
            volumes: [{ name: 'config', configMap: { name: OTEL_COLLECTOR_NAME } }],
          },
        },
      },
    });
    new ApiObject(this, 'service', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta,
      spec: {
        type: 'ClusterIP',
        selector: { ...OTEL_COLLECTOR_SELECTOR },
        // appProtocol tells Istio's sidecars in the agents' pods what they are sending.
        ports: [
          {
            name: 'otlp-grpc',
            port: OTLP_GRPC_PORT,
            targetPort: 'otlp-grpc',
            protocol: 'TCP',
            appProtocol: 'grpc',
          },
          {
            name: 'otlp-http',
            port: OTLP_HTTP_PORT,
            targetPort: 'otlp-http',
            protocol: 'TCP',
            appProtocol: 'http',
          },
        ],
      },
    });
    if (replicas > 1) {
      new ApiObject(this, 'pdb', {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: meta,
        spec: { maxUnavailable: 1, selector: { matchLabels: { ...OTEL_COLLECTOR_SELECTOR } } },
      });
    }
    new ApiObject(this, 'network-policy', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: meta,
      spec: {
        podSelector: { matchLabels: { ...OTEL_COLLECTOR_SELECTOR } },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [
          {
            from: [...new Set(props.senderNamespaces)].sort().map((name) => ({
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } },
            })),
            ports: [
              { protocol: 'TCP', port: OTLP_GRPC_PORT },
              { protocol: 'TCP', port: OTLP_HTTP_PORT },
            ],
          },
        ],
        egress: [
          // DNS wherever the cluster serves it (kube-dns, or a node-local cache on a link-local address).
          {
            ports: [
              { protocol: 'UDP', port: 53 },
              { protocol: 'TCP', port: 53 },
            ],
          },
          backendEgress(backend),
        ],
      },
    });
  }
}

/** The trace backend as the collector's exporter and its NetworkPolicy see it. */
interface Backend {
  readonly protocol: 'http' | 'grpc';
  readonly url: URL;
  readonly endpoint: string;
  /** Namespace of an in-cluster Service: `<svc>.<ns>.svc…`, or the collector's own for a bare name. */
  readonly serviceNamespace?: string;
  readonly port: number;
}

const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const CLUSTER_SERVICE = new RegExp(`^${LABEL}\\.(${LABEL})\\.svc(\\.[a-z0-9.-]+)?$`);
const BARE_NAME = new RegExp(`^${LABEL}$`);

function backendOf(endpoint: string, protocol: 'http' | 'grpc', ownNamespace: string): Backend {
  const example = 'e.g. http://jaeger-collector.observability.svc:4318';
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch (cause) {
    throw new Error(`OtelCollector exporterEndpoint '${endpoint}' is not a URL; ${example}`, { cause });
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    throw new Error(`OtelCollector exporterEndpoint '${endpoint}' must be an http(s) URL; ${example}`);
  }
  const port = url.port !== '' ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  const service = CLUSTER_SERVICE.exec(url.hostname);
  const serviceNamespace =
    service !== null ? service[2] : BARE_NAME.test(url.hostname) ? ownNamespace : undefined;
  return {
    protocol,
    url,
    endpoint: endpoint.replace(/\/+$/, ''),
    ...(serviceNamespace === undefined ? {} : { serviceNamespace }),
    port,
  };
}

/**
 * Egress to the backend. An in-cluster Service is reached on its pods, after the Service's port has been
 * translated to the pods' (which the URL does not tell), so its namespace is opened on any port; a backend
 * outside the cluster is opened on the URL's port, at any address (its addresses are not known here).
 */
function backendEgress(backend: Backend): Record<string, unknown> {
  const namespace = backend.serviceNamespace;
  if (namespace === undefined) return { ports: [{ protocol: 'TCP', port: backend.port }] };
  return { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } } }] };
}

/**
 * The collector's pipeline: OTLP in on every interface (the receiver listens on localhost only unless
 * told), memory limiter first (it refuses data before the process runs out), then batches, out to the
 * backend.
 */
function collectorConfig(backend: Backend): Record<string, unknown> {
  const exporter =
    backend.protocol === 'http'
      ? { otlphttp: { endpoint: backend.endpoint } }
      : {
          otlp: {
            endpoint: `${backend.url.hostname}:${backend.port}`,
            tls: { insecure: backend.url.protocol === 'http:' },
          },
        };
  return {
    extensions: { health_check: { endpoint: `0.0.0.0:${HEALTH_PORT}` } },
    receivers: {
      otlp: {
        protocols: {
          grpc: { endpoint: `0.0.0.0:${OTLP_GRPC_PORT}` },
          http: { endpoint: `0.0.0.0:${OTLP_HTTP_PORT}` },
        },
      },
    },
    processors: {
      memory_limiter: { check_interval: '1s', limit_percentage: 80, spike_limit_percentage: 25 },
      batch: { send_batch_size: 1024, send_batch_max_size: 2048, timeout: '5s' },
    },
    exporters: exporter,
    service: {
      extensions: ['health_check'],
      pipelines: {
        traces: {
          receivers: ['otlp'],
          processors: ['memory_limiter', 'batch'],
          exporters: [Object.keys(exporter)[0]!],
        },
      },
    },
  };
}
