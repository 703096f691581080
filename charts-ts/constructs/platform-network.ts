import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { PLATFORM_PART_OF, SYNC_WAVE_ANNOTATION, SyncWave } from './platform-names.js';

/** The shared ingress Gateway for the agents' APIs. */
export interface GatewayProps {
  /** Public host names, e.g. ['agents.suoke.life']. */
  readonly hosts: readonly string[];
  /** Secret with the TLS certificate, in the ingress gateway's namespace (Istio `credentialName`). */
  readonly tlsSecretName: string;
  /** Labels selecting the ingress gateway pods. @default { istio: 'ingressgateway' } */
  readonly selector?: Readonly<Record<string, string>>;
  /** Gateway name; VirtualServices refer to it as `<agentNamespace>/<name>`. @default 'suoke-agents' */
  readonly name?: string;
}

export interface PlatformNetworkProps {
  /** Namespace of the operator. */
  readonly platformNamespace: string;
  /** Namespace of the agents (AIModels, their workloads and Redis). */
  readonly agentNamespace: string;
  /**
   * Whether the agents run in the Istio mesh: sidecar injection, STRICT mTLS and the Gateway. With
   * restricted Pod Security the mesh must use the Istio CNI node agent, since the classic istio-init
   * container needs NET_ADMIN, which the restricted profile refuses.
   * @default true
   */
  readonly istio?: boolean;
  /** Also require STRICT mTLS mesh-wide (PeerAuthentication in the Istio root namespace). @default false */
  readonly meshWideStrictMtls?: boolean;
  /** Istio root namespace, for the mesh-wide policy. @default 'istio-system' */
  readonly istioRootNamespace?: string;
  /** Shared ingress Gateway; none when undefined. @default undefined */
  readonly gateway?: GatewayProps;
}

/** Pod Security Admission labels enforcing (and auditing, warning on) the restricted profile. */
export function restrictedNamespaceLabels(): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const mode of ['enforce', 'audit', 'warn']) {
    labels[`pod-security.kubernetes.io/${mode}`] = 'restricted';
    labels[`pod-security.kubernetes.io/${mode}-version`] = 'latest';
  }
  return labels;
}

const HOST = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * The platform's namespaces and their guards: restricted Pod Security, default-deny NetworkPolicies
 * (each workload then opens exactly what it serves), STRICT mTLS for the agents and, optionally, the
 * shared ingress Gateway.
 */
export class PlatformNetwork extends Construct {
  /** `<namespace>/<name>` of the Gateway, for VirtualServices; undefined without one. */
  public readonly gatewayRef?: string;

  constructor(scope: Construct, id: string, props: PlatformNetworkProps) {
    super(scope, id);
    const { platformNamespace, agentNamespace } = props;
    for (const [field, value] of [
      ['platformNamespace', platformNamespace],
      ['agentNamespace', agentNamespace],
    ] as const) {
      if (!NAME.test(value) || value.length > 63) {
        throw new Error(
          `PlatformNetwork ${field} '${value}' must be a DNS-1123 label (lowercase letters, digits, '-')`,
        );
      }
    }
    const istio = props.istio ?? true;
    const early = { [SYNC_WAVE_ANNOTATION]: SyncWave.namespaces };
    const labels = { 'app.kubernetes.io/part-of': PLATFORM_PART_OF };
    const namespaces =
      platformNamespace === agentNamespace ? [platformNamespace] : [platformNamespace, agentNamespace];

    for (const ns of namespaces) {
      const agents = ns === agentNamespace;
      new ApiObject(this, `namespace-${ns}`, {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: ns,
          labels: {
            ...labels,
            ...restrictedNamespaceLabels(),
            ...(agents && istio ? { 'istio-injection': 'enabled' } : {}),
          },
          annotations: early,
        },
      });
      new ApiObject(this, `default-deny-${ns}`, {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: 'default-deny', namespace: ns, labels, annotations: early },
        spec: {
          podSelector: {},
          // Agents call engines, Redis, istiod and external model endpoints, so their namespace denies
          // ingress only; the operator's namespace denies both ways and the operator opens its egress.
          policyTypes: agents ? ['Ingress'] : ['Ingress', 'Egress'],
        },
      });
    }

    if (istio) {
      new ApiObject(this, 'peer-authentication', {
        apiVersion: 'security.istio.io/v1',
        kind: 'PeerAuthentication',
        metadata: { name: 'default', namespace: agentNamespace, labels, annotations: early },
        spec: { mtls: { mode: 'STRICT' } },
      });
      if (props.meshWideStrictMtls ?? false) {
        new ApiObject(this, 'mesh-peer-authentication', {
          apiVersion: 'security.istio.io/v1',
          kind: 'PeerAuthentication',
          metadata: {
            name: 'default',
            namespace: props.istioRootNamespace ?? 'istio-system',
            labels,
            annotations: early,
          },
          spec: { mtls: { mode: 'STRICT' } },
        });
      }
    }

    if (props.gateway !== undefined) {
      if (!istio) throw new Error('PlatformNetwork gateway needs istio: true (it is an Istio Gateway)');
      const gw = props.gateway;
      const name = gw.name ?? 'suoke-agents';
      if (gw.hosts.length === 0)
        throw new Error('PlatformNetwork gateway.hosts must list at least one host name');
      gw.hosts.forEach((host, i) => {
        if (!HOST.test(host)) {
          throw new Error(
            `PlatformNetwork gateway.hosts[${i}] '${host}' must be a DNS name such as agents.example.com`,
          );
        }
      });
      if (!NAME.test(gw.tlsSecretName)) {
        throw new Error(`PlatformNetwork gateway.tlsSecretName '${gw.tlsSecretName}' must name a TLS Secret`);
      }
      new ApiObject(this, 'gateway', {
        apiVersion: 'networking.istio.io/v1',
        kind: 'Gateway',
        metadata: {
          name,
          namespace: agentNamespace,
          labels,
          annotations: { [SYNC_WAVE_ANNOTATION]: SyncWave.platform },
        },
        spec: {
          selector: { ...(gw.selector ?? { istio: 'ingressgateway' }) },
          servers: [
            {
              port: { number: 443, name: 'https', protocol: 'HTTPS' },
              hosts: [...gw.hosts],
              tls: { mode: 'SIMPLE', credentialName: gw.tlsSecretName, minProtocolVersion: 'TLSV1_2' },
            },
            {
              // Plain HTTP only redirects to HTTPS.
              port: { number: 80, name: 'http', protocol: 'HTTP' },
              hosts: [...gw.hosts],
              tls: { httpsRedirect: true },
            },
          ],
        },
      });
      this.gatewayRef = `${agentNamespace}/${name}`;
    }
  }
}
