import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { Crds } from '../constructs/crds.js';
import { Monitoring, type AgentMetric, type AlertThresholds } from '../constructs/monitoring.js';
import { OperatorInstall } from '../constructs/operator-install.js';
import { PlatformNetwork, type GatewayProps } from '../constructs/platform-network.js';
import {
  Redis,
  type ExternalRedis,
  type InClusterRedis,
  type RedisConnection,
  type SecretKeyRef,
} from '../constructs/redis.js';

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
  /** Istio mesh (mTLS STRICT, Gateway, VirtualService traffic router); off uses the replica-ratio router. @default true */
  readonly istio?: boolean;
  /** Shared ingress Gateway for the agents. @default none */
  readonly gateway?: GatewayProps;
  /** Folder of the generated CRD YAML. @default '<repo>/crds' */
  readonly crdsDir?: string;
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
    this.agentNamespace = agentNamespace;

    new Crds(this, 'crds', { dir: props.crdsDir });
    const network = new PlatformNetwork(this, 'network', {
      platformNamespace: namespace,
      agentNamespace,
      istio,
      gateway: props.gateway,
    });
    this.gatewayRef = network.gatewayRef;
    new OperatorInstall(this, 'operator', {
      namespace,
      image: props.images?.operator,
      replicas: props.operatorReplicas,
      watchNamespaces: (props.operatorNamespaced ?? true) ? [agentNamespace] : [],
      prometheusUrl: props.prometheusUrl,
      trafficRouter: istio ? 'istio' : 'replica-ratio',
      monitoringNamespace,
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
}
