import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { Crds } from '../constructs/crds.js';
import { Monitoring, type AgentMetric, type AlertThresholds } from '../constructs/monitoring.js';
import {
  OperatorInstall,
  defaultTrafficRouter,
  type TrafficRouterName,
} from '../constructs/operator-install.js';
import { OtelCollector } from '../constructs/otel-collector.js';
import { PlatformNetwork, type GatewayProps } from '../constructs/platform-network.js';
import {
  Redis,
  type ExternalRedis,
  type InClusterRedis,
  type RedisConnection,
  type SecretKeyRef,
} from '../constructs/redis.js';
import type { RuntimeTracing } from '../constructs/runtime-tracing.js';

export interface PlatformChartProps {
  /** Namespace of the operator. @default 'suoke-modelops-system' */
  readonly namespace?: string;
  /** Namespace of the agents (AIModels, their workloads, Redis). @default 'suoke-ai' */
  readonly agentNamespace?: string;
  /** Images of the platform's own workloads. */
  readonly images?: {
    /** @default 'ghcr.io/suoke-life/modelops-operator:0.1.0' */
    readonly operator?: string;
  };
  /** Operator replicas (one leads). @default 2 */
  readonly operatorReplicas?: number;
  /** Restrict the operator to the agent namespace (namespaced RBAC) instead of the whole cluster. @default true */
  readonly operatorNamespaced?: boolean;
  /** Redis: in-cluster StatefulSet or an external Redis / Sentinel / Cluster. @default { mode: 'in-cluster' } */
  readonly redis?: InClusterRedis | ExternalRedis;
  /** Secret (in the agent namespace) holding the Redis password. @default { name: 'suoke-redis', key: 'password' } */
  readonly redisPasswordSecret?: SecretKeyRef;
  /** Prometheus the operator queries for analysis. @default 'http://prometheus-operated.monitoring.svc:9090' */
  readonly prometheusUrl?: string;
  /** Namespace of Prometheus and the Prometheus Adapter. @default 'monitoring' */
  readonly monitoringNamespace?: string;
  /** Labels your Prometheus selects ServiceMonitors and PrometheusRules by. @default {} */
  readonly prometheusSelectorLabels?: Readonly<Record<string, string>>;
  /** Custom HPA metrics per agent. @default the four Suoke agents */
  readonly agentMetrics?: readonly AgentMetric[];
  /** Alert thresholds. @default see AlertThresholds */
  readonly alertThresholds?: AlertThresholds;
  /**
   * The Istio mesh: sidecar injection and STRICT mTLS for the agents, each model's PeerAuthentication
   * and AuthorizationPolicy (the operator's `--mesh`), and the Istio Gateway. The one mesh switch:
   * the operator's flag and RBAC follow it. The istio router needs it.
   * @default true
   */
  readonly istio?: boolean;
  /**
   * How the operator splits traffic between versions (`--traffic-router`): `istio` (VirtualService
   * weights; needs `istio`), `gateway-api` (one HTTPRoute per AIModel, on any Gateway API
   * implementation) or `replica-ratio` (replica counts behind the model's Service). The operator is
   * granted the routing kinds of this router only.
   * @default 'istio'; 'replica-ratio' when `istio` is false
   */
  readonly trafficRouter?: TrafficRouterName;
  /** Shared ingress Gateway for the agents (an Istio Gateway, bound by the istio router's VirtualServices). @default none */
  readonly gateway?: GatewayProps;
  /** Folder of the generated CRD YAML. @default '<repo>/crds' */
  readonly crdsDir?: string;
  /**
   * OpenTelemetry traces of the agents' runtimes: the operator's `--tracing-endpoint` and
   * `--tracing-sampling-ratio`, and optionally an OpenTelemetry Collector in the operator's namespace that
   * forwards to your trace backend.
   * @default - no tracing
   */
  readonly tracing?: PlatformTracing;
}

/** The platform's tracing setting. */
export interface PlatformTracing {
  /**
   * OTLP/HTTP base URL the runtimes send to.
   * @default the collector's Service (`http://suoke-otel-collector.<namespace>.svc:4318`) with `collector.enabled`
   */
  readonly endpoint?: string;
  /** Share of the traces a runtime starts that it keeps, 0..1. @default 1 */
  readonly samplingRatio?: number;
  /** An OpenTelemetry Collector run by the platform. @default - none */
  readonly collector?: {
    /** @default false */
    readonly enabled?: boolean;
    /** OTLP endpoint of the trace backend (Jaeger, Tempo, any OTLP receiver), e.g. `http://jaeger-collector.observability.svc:4318`. */
    readonly exporterEndpoint?: string;
    /** `http` (OTLP/HTTP) or `grpc` towards the backend. @default 'http' */
    readonly exporterProtocol?: 'http' | 'grpc';
    /** Collector image; must pin a version. @default DEFAULT_OTEL_COLLECTOR_IMAGE */
    readonly image?: string;
  };
}

/**
 * Everything the platform installs once per cluster: our CRDs, the namespaces and their guards, the
 * operator, Redis and monitoring. The agents themselves (AIModels) are in the agents chart.
 */
export class PlatformChart extends Chart {
  /** How the agents' runtime reaches Redis (environment and password Secret). */
  public readonly redisConnection: RedisConnection;
  /** `<namespace>/<name>` of the shared Gateway, when one is rendered. */
  public readonly gatewayRef?: string;
  /** The agents' namespace. */
  public readonly agentNamespace: string;

  constructor(scope: Construct, id: string, props: PlatformChartProps = {}) {
    super(scope, id, { disableResourceNameHashes: true });
    const namespace = props.namespace ?? 'suoke-modelops-system';
    const agentNamespace = props.agentNamespace ?? 'suoke-ai';
    const monitoringNamespace = props.monitoringNamespace ?? 'monitoring';
    const istio = props.istio ?? true;
    const trafficRouter = props.trafficRouter ?? defaultTrafficRouter(istio);
    if (trafficRouter === 'istio' && !istio) {
      throw new Error(
        "PlatformChart trafficRouter 'istio' needs istio: true (it routes through the Istio mesh); " +
          "with istio: false set trafficRouter to 'gateway-api' or 'replica-ratio'",
      );
    }
    // Without Istio at all, PlatformNetwork refuses the gateway for that reason.
    if (props.gateway !== undefined && istio && trafficRouter !== 'istio') {
      throw new Error(
        `PlatformChart gateway is an Istio Gateway only the istio router's VirtualServices bind, but trafficRouter is '${trafficRouter}'; ` +
          (trafficRouter === 'gateway-api'
            ? "leave gateway unset and attach the models' HTTPRoutes to your Gateway with AIModel spec.traffic.parentRefs"
            : "leave gateway unset, or set trafficRouter to 'istio'"),
      );
    }
    this.agentNamespace = agentNamespace;

    new Crds(this, 'crds', { dir: props.crdsDir });
    const network = new PlatformNetwork(this, 'network', {
      platformNamespace: namespace,
      agentNamespace,
      istio,
      gateway: props.gateway,
    });
    this.gatewayRef = network.gatewayRef;
    const tracing = this.tracingOf(props.tracing, namespace, agentNamespace);
    new OperatorInstall(this, 'operator', {
      namespace,
      image: props.images?.operator,
      replicas: props.operatorReplicas,
      watchNamespaces: (props.operatorNamespaced ?? true) ? [agentNamespace] : [],
      prometheusUrl: props.prometheusUrl,
      trafficRouter,
      mesh: istio,
      monitoringNamespace,
      ...(tracing === undefined ? {} : { tracing }),
    });
    const redis = new Redis(this, 'redis', {
      namespace: agentNamespace,
      passwordSecret: props.redisPasswordSecret ?? { name: 'suoke-redis', key: 'password' },
      redis: props.redis,
      monitoringNamespace,
    });
    this.redisConnection = redis.connection;
    new Monitoring(this, 'monitoring', {
      namespace,
      agentNamespaces: [agentNamespace],
      prometheusSelectorLabels: props.prometheusSelectorLabels,
      agentMetrics: props.agentMetrics,
      adapterNamespace: monitoringNamespace,
      redisNamespace: redis.inCluster ? agentNamespace : undefined,
      istioMtls: istio,
      thresholds: props.alertThresholds,
    });
  }

  /** The operator's tracing flags, rendering the collector when it is enabled; undefined without tracing. */
  private tracingOf(
    tracing: PlatformTracing | undefined,
    namespace: string,
    agentNamespace: string,
  ): RuntimeTracing | undefined {
    if (tracing === undefined) return undefined;
    const collector = tracing.collector?.enabled === true ? tracing.collector : undefined;
    let collectorEndpoint: string | undefined;
    if (collector !== undefined) {
      if (collector.exporterEndpoint === undefined) {
        throw new Error(
          'PlatformChart tracing.collector.exporterEndpoint is required with tracing.collector.enabled: ' +
            'the OTLP endpoint of your trace backend, e.g. http://jaeger-collector.observability.svc:4318',
        );
      }
      collectorEndpoint = new OtelCollector(this, 'otel-collector', {
        namespace,
        exporterEndpoint: collector.exporterEndpoint,
        ...(collector.exporterProtocol === undefined ? {} : { exporterProtocol: collector.exporterProtocol }),
        senderNamespaces: [agentNamespace],
        ...(collector.image === undefined ? {} : { image: collector.image }),
      }).endpoint;
    }
    const endpoint = tracing.endpoint ?? collectorEndpoint;
    if (endpoint === undefined) {
      throw new Error(
        'PlatformChart tracing needs an endpoint (the OTLP/HTTP URL the runtimes send to) or collector.enabled ' +
          'with collector.exporterEndpoint; leave tracing unset for no tracing',
      );
    }
    return {
      endpoint,
      ...(tracing.samplingRatio === undefined ? {} : { samplingRatio: tracing.samplingRatio }),
    };
  }
}
