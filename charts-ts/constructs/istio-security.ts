import { ApiObject, type ApiObjectMetadata } from 'cdk8s';
import { Construct } from 'constructs';
import { SESSION_VERSION_HEADER } from '../session-affinity.js';
import { MANAGEMENT_PORT } from './runtime-contract.js';
import { assertDnsLabel, modelLabels, modelSelector, type AgentIdentity } from './workload-names.js';

/** The Istio security API version we write (v1 is served by Istio 1.22+). */
export const ISTIO_SECURITY = 'security.istio.io/v1';

/** SPIFFE principal of Istio's default ingress gateway. */
export const DEFAULT_GATEWAY_PRINCIPAL =
  'cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account';

export interface IstioSecurityProps extends AgentIdentity {
  /**
   * Namespace of every object; also the namespace whose workloads may call the agent.
   * @default - none: the namespace of whoever applies the manifests
   */
  readonly namespace?: string;
  /**
   * Istio gateways (`namespace/name`) the model's routes bind; with any, the default ingress gateway is a caller.
   * @default []
   */
  readonly gateways?: readonly string[];
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
  /**
   * With session affinity, the ServiceAccounts of the model's own runtimes (one per version): a request
   * carrying the `x-suoke-session-version` header from anyone else is denied (a second AuthorizationPolicy,
   * `<model>-session-version`, action DENY), so only a runtime forwarding a pinned turn picks the version.
   * @default [] (no such policy: affinity off)
   */
  readonly sessionForwarders?: readonly string[];
}

/**
 * Istio's guard of one agent's model pods, whatever routes traffic to them (Istio or Gateway API routes):
 * - PeerAuthentication STRICT on the model's pods, so they accept only mTLS whatever the namespace default is;
 * - AuthorizationPolicy ALLOW for the gateway and named callers on any port but the runtime's management port,
 *   and for Prometheus `GET /metrics` on that port only; everything else is denied (principals are only known
 *   under mTLS, which the PeerAuthentication guarantees);
 * - with session affinity, AuthorizationPolicy `<model>-session-version` DENY of the header that picks a
 *   session's version, unless the model's own runtimes send it.
 *
 * The platform may also set STRICT namespace-wide; the per-model PeerAuthentication keeps an AIModel safe in any
 * namespace it is created in, and the two agree.
 */
export class IstioSecurity extends Construct {
  public readonly peerAuthentication: ApiObject;
  public readonly authorizationPolicy: ApiObject;
  /** The DENY of the session version header from callers other than the model's runtimes, with session affinity. */
  public readonly sessionVersionPolicy?: ApiObject;

  public constructor(scope: Construct, id: string, props: IstioSecurityProps) {
    super(scope, id);
    assertDnsLabel('model (AIModel name)', props.model);
    const metadata: ApiObjectMetadata = {
      name: props.model,
      namespace: props.namespace,
      labels: modelLabels(props),
    };
    const selector = { matchLabels: modelSelector(props.model) };
    this.peerAuthentication = new ApiObject(this, 'PeerAuthentication', {
      apiVersion: ISTIO_SECURITY,
      kind: 'PeerAuthentication',
      metadata,
      spec: { selector, mtls: { mode: 'STRICT' } },
    });

    const gateways = props.gateways ?? [];
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
    this.authorizationPolicy = new ApiObject(this, 'AuthorizationPolicy', {
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

    const forwarders = [...new Set(props.sessionForwarders ?? [])].sort();
    if (forwarders.length > 0) {
      // Without a namespace the manifests land in whoever's; the ServiceAccount suffix is what can be said.
      const principal = (sa: string) =>
        props.namespace === undefined ? `*/sa/${sa}` : `cluster.local/ns/${props.namespace}/sa/${sa}`;
      this.sessionVersionPolicy = new ApiObject(this, 'SessionVersionPolicy', {
        apiVersion: ISTIO_SECURITY,
        kind: 'AuthorizationPolicy',
        metadata: { ...metadata, name: `${props.model}-session-version` },
        spec: {
          selector,
          action: 'DENY',
          rules: [
            {
              from: [{ source: { notPrincipals: forwarders.map(principal) } }],
              // `*` is Istio's presence match: any value of the header.
              when: [{ key: `request.headers[${SESSION_VERSION_HEADER}]`, values: ['*'] }],
            },
          ],
        },
      });
    }
  }
}
