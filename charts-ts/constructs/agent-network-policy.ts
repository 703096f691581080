import { ApiObject, type ApiObjectMetadata } from 'cdk8s';
import type { Construct } from 'constructs';
import type { INetworkPolicySpec } from 'kubernetes-models/networking.k8s.io/v1';
import { MANAGEMENT_PORT } from './runtime-contract.js';

export interface AgentNetworkPolicyProps {
  readonly metadata: ApiObjectMetadata;
  /** Selector of the version's pods. */
  readonly selector: Readonly<Record<string, string>>;
  /** The runtime's API port. */
  readonly apiPort: number;
  /**
   * Namespaces (besides the pods' own) allowed to reach the API port.
   * @default ['istio-system']
   */
  readonly ingressNamespaces?: readonly string[];
  /**
   * Namespaces allowed to reach the management port, and no other port.
   * @default ['monitoring']
   */
  readonly metricsNamespaces?: readonly string[];
}

/** The NetworkPolicy of one version (see {@link networkPolicy} for who may reach what). */
export class AgentNetworkPolicy extends ApiObject {
  public constructor(scope: Construct, id: string, props: AgentNetworkPolicyProps) {
    super(scope, id, {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: props.metadata,
      spec: networkPolicy(props.selector, props.apiPort, {
        api: props.ingressNamespaces ?? ['istio-system'],
        management: props.metricsNamespaces ?? ['monitoring'],
      }),
    });
  }
}

/**
 * Ingress to the runtime's two ports only: the API port from the pods' own namespace (callers inside the mesh)
 * and the ingress gateway's namespace; the management port (/metrics) from Prometheus's namespace alone. The
 * engine port is not listed: only the runtime calls it, over localhost. Egress stays open: engines, registries
 * and Redis live wherever the platform put them, and a guessed egress list breaks pods at run time; Istio's mTLS
 * and AuthorizationPolicy decide who may call whom.
 */
function networkPolicy(
  selector: Readonly<Record<string, string>>,
  apiPort: number,
  namespaces: { readonly api: readonly string[]; readonly management: readonly string[] },
): INetworkPolicySpec {
  const fromNamespaces = (names: readonly string[]) =>
    [...new Set(names)].sort().map((name) => ({
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } },
    }));
  const management = fromNamespaces(namespaces.management);
  return {
    podSelector: { matchLabels: { ...selector } },
    policyTypes: ['Ingress'],
    ingress: [
      {
        from: [{ podSelector: {} }, ...fromNamespaces(namespaces.api)],
        ports: [{ protocol: 'TCP', port: apiPort }],
      },
      ...(management.length === 0
        ? []
        : [{ from: management, ports: [{ protocol: 'TCP' as const, port: MANAGEMENT_PORT }] }]),
    ],
  };
}
