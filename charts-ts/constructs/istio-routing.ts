import { ApiObject, type ApiObjectMetadata } from 'cdk8s';
import { Construct } from 'constructs';
import { SERVICE_PORT } from './agent-service.js';
import { assertIstioDuration } from './durations.js';
import { MANAGEMENT_PORT } from './runtime-contract.js';
import {
  LABEL_VERSION,
  assertDistinctLabels,
  assertDnsLabel,
  assertLabelValue,
  modelLabels,
  modelSelector,
  subsetName,
  VERSIONS_ROUTE,
  type AgentIdentity,
} from './workload-names.js';

// The router in operators/traffic names the same route and subsets; both read them from workload-names.
export { subsetName, VERSIONS_ROUTE } from './workload-names.js';

/** Istio API versions we write (v1 is served by Istio 1.22+ and is the storage version from 1.24). */
export const ISTIO_NETWORKING = 'networking.istio.io/v1';
export const ISTIO_SECURITY = 'security.istio.io/v1';

/** SPIFFE principal of Istio's default ingress gateway. */
export const DEFAULT_GATEWAY_PRINCIPAL =
  'cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account';

/** Retry conditions safe for non-idempotent completions: the request never reached a ready runtime. */
export const DEFAULT_RETRY_ON = 'connect-failure,refused-stream,unavailable,503';

/** Traffic share of one version. */
export interface VersionWeight {
  /** `ModelVersion.spec.version`. */
  readonly version: string;
  /** Percent of requests, 0-100; the weights of all versions add up to 100. */
  readonly weight: number;
}

export interface RetryProps {
  /** Retries per request; 0 turns retries off. */
  readonly attempts: number;
  /**
   * Timeout of each try.
   * @default - the route timeout
   */
  readonly perTryTimeout?: string;
  /**
   * Istio retry conditions.
   * @default DEFAULT_RETRY_ON
   */
  readonly retryOn?: string;
}

export interface ConnectionPoolProps {
  /** @default - Istio's default (unlimited) */
  readonly maxConnections?: number;
  /** @default - Istio's default (unlimited) */
  readonly maxPendingRequests?: number;
  /** @default - Istio's default (unlimited); 0 means unlimited */
  readonly maxRequestsPerConnection?: number;
}

export interface OutlierDetectionProps {
  /** @default 5 */
  readonly consecutive5xxErrors?: number;
  /** @default '10s' */
  readonly interval?: string;
  /** @default '30s' */
  readonly baseEjectionTime?: string;
  /** @default 50 */
  readonly maxEjectionPercent?: number;
}

export interface IstioRoutingProps extends AgentIdentity {
  /**
   * Namespace of every object; also the namespace whose workloads may call the agent.
   * @default - none: the namespace of whoever applies the manifests
   */
  readonly namespace?: string;
  /** Host of the model's Service (`AgentService.host`). */
  readonly serviceHost: string;
  /** Versions that have pods; each gets a DestinationRule subset. */
  readonly versions: readonly string[];
  /**
   * Traffic split. Every version named must be in `versions`; weights add up to 100. Versions left out get 0.
   * @default - 100 to the only version; required when there are several
   */
  readonly weights?: readonly VersionWeight[];
  /**
   * Extra host names (for gateways); the Service host is always routed too.
   * @default []
   */
  readonly hosts?: readonly string[];
  /**
   * Istio gateways (`namespace/name`) to bind; the mesh is always bound too so in-mesh callers get the same split.
   * @default [] (mesh only)
   */
  readonly gateways?: readonly string[];
  /**
   * Request timeout; long because completions stream.
   * @default '120s'
   */
  readonly timeout?: string;
  /**
   * Retries of failed requests.
   * @default - 2 attempts on DEFAULT_RETRY_ON
   */
  readonly retries?: RetryProps;
  /**
   * Circuit breaking by connection limits.
   * @default - Istio's defaults
   */
  readonly connectionPool?: ConnectionPoolProps;
  /**
   * Ejection of failing pods from load balancing.
   * @default - 5 consecutive 5xx, every 10s, 30s ejection, at most 50%
   */
  readonly outlierDetection?: OutlierDetectionProps;
  /**
   * SPIFFE principals allowed to call the agent besides callers in `allowedNamespaces`.
   * @default [DEFAULT_GATEWAY_PRINCIPAL] when `gateways` is set, else []
   */
  readonly allowedPrincipals?: readonly string[];
  /**
   * Namespaces whose workloads may call the agent.
   * @default [namespace] (the agent's own), or [] without a namespace
   */
  readonly allowedNamespaces?: readonly string[];
  /**
   * Namespaces allowed `GET /metrics` on the runtime's management port, and nothing else (Prometheus scrapes
   * over mTLS with a mesh certificate).
   * @default ['monitoring']
   */
  readonly metricsNamespaces?: readonly string[];
}

/**
 * Istio rules of one agent's model:
 * - DestinationRule: one subset per version (selecting the `version` label), connection pool, outlier
 *   detection and ISTIO_MUTUAL TLS to the pods;
 * - VirtualService: the weighted split between versions, timeout and retries, on the mesh and any gateways;
 * - PeerAuthentication STRICT on the model's pods, so they accept only mTLS whatever the namespace default is;
 * - AuthorizationPolicy ALLOW for the gateway and named callers on any port but the runtime's management port,
 *   and for Prometheus `GET /metrics` on that port only; everything else is denied (principals are only known
 *   under mTLS, which the PeerAuthentication guarantees).
 *
 * The platform may also set STRICT namespace-wide; the per-model PeerAuthentication keeps an AIModel safe in any
 * namespace it is created in, and the two agree.
 *
 * The Gateway is not here: it binds the shared ingress deployment and its TLS certificate, which is platform
 * configuration declared once (the platform chart's PlatformNetwork); AIModels refer to it by name.
 */
export class IstioRouting extends Construct {
  public readonly virtualService: ApiObject;
  public readonly destinationRule: ApiObject;

  public constructor(scope: Construct, id: string, props: IstioRoutingProps) {
    super(scope, id);
    assertDnsLabel('model (AIModel name)', props.model);
    if (props.versions.length === 0) {
      throw new Error(`${props.model}: IstioRouting needs at least one version to route to`);
    }
    const versions = [...new Set(props.versions)].sort();
    versions.forEach((v) => assertLabelValue(`${props.model}: version`, v));
    assertDistinctLabels(`${props.model}: versions`, versions, subsetName);
    const subsets = new Map(versions.map((v) => [v, subsetName(v)]));
    const weights = resolveWeights(props.model, versions, props.weights);
    const timeout = props.timeout ?? '120s';
    assertIstioDuration(`${props.model}: traffic.timeout`, timeout);
    const retries = props.retries ?? { attempts: 2 };
    if (!Number.isInteger(retries.attempts) || retries.attempts < 0) {
      throw new Error(
        `${props.model}: traffic.retries.attempts (${retries.attempts}) must be a whole number ≥ 0`,
      );
    }
    if (retries.perTryTimeout !== undefined) {
      assertIstioDuration(`${props.model}: traffic.retries.perTryTimeout`, retries.perTryTimeout);
    }
    const outlier = props.outlierDetection ?? {};
    for (const field of ['interval', 'baseEjectionTime'] as const) {
      const value = outlier[field];
      if (value !== undefined)
        assertIstioDuration(`${props.model}: traffic.outlierDetection.${field}`, value);
    }

    const metadata: ApiObjectMetadata = {
      name: props.model,
      namespace: props.namespace,
      labels: modelLabels(props),
    };
    const pool = props.connectionPool;
    this.destinationRule = new ApiObject(this, 'DestinationRule', {
      apiVersion: ISTIO_NETWORKING,
      kind: 'DestinationRule',
      metadata,
      spec: {
        host: props.serviceHost,
        trafficPolicy: {
          tls: { mode: 'ISTIO_MUTUAL' },
          ...(pool === undefined ? {} : { connectionPool: connectionPool(pool) }),
          outlierDetection: {
            consecutive5xxErrors: outlier.consecutive5xxErrors ?? 5,
            interval: outlier.interval ?? '10s',
            baseEjectionTime: outlier.baseEjectionTime ?? '30s',
            maxEjectionPercent: outlier.maxEjectionPercent ?? 50,
          },
        },
        subsets: versions.map((v) => ({ name: subsets.get(v), labels: { [LABEL_VERSION]: v } })),
      },
    });

    const gateways = [...(props.gateways ?? [])];
    this.virtualService = new ApiObject(this, 'VirtualService', {
      apiVersion: ISTIO_NETWORKING,
      kind: 'VirtualService',
      metadata,
      spec: {
        hosts: [...new Set([props.serviceHost, ...(props.hosts ?? [])])],
        // Binding gateways replaces the implicit `mesh`; list it so in-mesh callers keep the same split.
        ...(gateways.length === 0 ? {} : { gateways: [...new Set([...gateways, 'mesh'])] }),
        http: [
          {
            name: VERSIONS_ROUTE,
            route: versions.map((v) => ({
              destination: {
                host: props.serviceHost,
                subset: subsets.get(v),
                port: { number: SERVICE_PORT },
              },
              weight: weights.get(v) ?? 0,
            })),
            timeout,
            retries:
              retries.attempts === 0
                ? { attempts: 0 }
                : {
                    attempts: retries.attempts,
                    retryOn: retries.retryOn ?? DEFAULT_RETRY_ON,
                    ...(retries.perTryTimeout === undefined ? {} : { perTryTimeout: retries.perTryTimeout }),
                  },
          },
        ],
      },
    });

    const selector = { matchLabels: modelSelector(props.model) };
    new ApiObject(this, 'PeerAuthentication', {
      apiVersion: ISTIO_SECURITY,
      kind: 'PeerAuthentication',
      metadata,
      spec: { selector, mtls: { mode: 'STRICT' } },
    });

    const principals = [
      ...(props.allowedPrincipals ?? (gateways.length > 0 ? [DEFAULT_GATEWAY_PRINCIPAL] : [])),
    ];
    const namespaces = [
      ...(props.allowedNamespaces ?? (props.namespace === undefined ? [] : [props.namespace])),
    ];
    const scrapers = [...new Set(props.metricsNamespaces ?? ['monitoring'])].sort();
    if (principals.length === 0 && namespaces.length === 0) {
      throw new Error(
        `${props.model}: the AuthorizationPolicy would let no caller in; set a namespace, gateways, ` +
          `allowedPrincipals or allowedNamespaces`,
      );
    }
    // Callers may use any port but the management one, whatever a NetworkPolicy in front allows.
    const apiPorts = [{ operation: { notPorts: [String(MANAGEMENT_PORT)] } }];
    new ApiObject(this, 'AuthorizationPolicy', {
      apiVersion: ISTIO_SECURITY,
      kind: 'AuthorizationPolicy',
      metadata,
      spec: {
        selector,
        action: 'ALLOW',
        rules: [
          ...(principals.length === 0
            ? []
            : [{ from: [{ source: { principals: [...new Set(principals)].sort() } }], to: apiPorts }]),
          ...(namespaces.length === 0
            ? []
            : [{ from: [{ source: { namespaces: [...new Set(namespaces)].sort() } }], to: apiPorts }]),
          ...(scrapers.length === 0
            ? []
            : [
                {
                  from: [{ source: { namespaces: scrapers } }],
                  to: [
                    {
                      operation: { ports: [String(MANAGEMENT_PORT)], methods: ['GET'], paths: ['/metrics'] },
                    },
                  ],
                },
              ]),
        ],
      },
    });
  }
}

function connectionPool(pool: ConnectionPoolProps): Record<string, unknown> {
  const positive = (field: string, value: number | undefined, min: number) => {
    if (value !== undefined && (!Number.isInteger(value) || value < min)) {
      throw new Error(`traffic.connectionPool.${field} (${value}) must be a whole number ≥ ${min}`);
    }
    return value;
  };
  const maxConnections = positive('maxConnections', pool.maxConnections, 1);
  const pending = positive('maxPendingRequests', pool.maxPendingRequests, 1);
  const perConnection = positive('maxRequestsPerConnection', pool.maxRequestsPerConnection, 0);
  const http = {
    ...(pending === undefined ? {} : { http1MaxPendingRequests: pending }),
    ...(perConnection === undefined ? {} : { maxRequestsPerConnection: perConnection }),
  };
  return {
    ...(maxConnections === undefined ? {} : { tcp: { maxConnections } }),
    ...(Object.keys(http).length === 0 ? {} : { http }),
  };
}

/**
 * Weight per version. Versions not named get 0 (their pods stay warm but receive nothing). With no weights and a
 * single version it gets 100; several versions without weights is an error, because guessing a split would
 * send users to an unverified canary.
 */
function resolveWeights(
  model: string,
  versions: readonly string[],
  weights: readonly VersionWeight[] | undefined,
): Map<string, number> {
  if (weights === undefined || weights.length === 0) {
    if (versions.length === 1) return new Map([[versions[0] as string, 100]]);
    throw new Error(
      `${model}: traffic weights are required to route between versions ${versions.join(', ')}`,
    );
  }
  const out = new Map<string, number>();
  for (const { version, weight } of weights) {
    if (!versions.includes(version)) {
      throw new Error(
        `${model}: traffic names version '${version}', which has no workload; render it among the versions or drop its weight`,
      );
    }
    if (out.has(version)) throw new Error(`${model}: traffic lists version '${version}' twice`);
    if (!Number.isInteger(weight) || weight < 0 || weight > 100) {
      throw new Error(
        `${model}: traffic weight of '${version}' (${weight}) must be a whole number from 0 to 100`,
      );
    }
    out.set(version, weight);
  }
  const total = [...out.values()].reduce((a, b) => a + b, 0);
  if (total !== 100) {
    throw new Error(
      `${model}: traffic weights add up to ${total} (${weights.map((w) => `${w.version}=${w.weight}`).join(', ')}); they must add up to 100`,
    );
  }
  return out;
}
