/**
 * Every kind render() derives for an AIModel, in the order it emits them: what others depend on first
 * (a Deployment names its ServiceAccount). The operator watches, applies and prunes exactly these
 * (operators/rollout-deps/derived-kinds.ts), so a construct that renders a new kind adds one row here.
 */

/** One derived kind, with what a client needs to reach it over REST. */
export interface DerivedKind {
  /** '' for the core group. */
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  /** Lower-case plural used in REST paths, e.g. 'deployments'. */
  readonly plural: string;
}

/** Every kind render() may emit, dependencies first. */
export const DERIVED_KINDS: readonly DerivedKind[] = Object.freeze([
  { group: '', version: 'v1', kind: 'ServiceAccount', plural: 'serviceaccounts' },
  { group: '', version: 'v1', kind: 'Service', plural: 'services' },
  { group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments' },
  {
    group: 'autoscaling',
    version: 'v2',
    kind: 'HorizontalPodAutoscaler',
    plural: 'horizontalpodautoscalers',
  },
  {
    group: 'autoscaling.k8s.io',
    version: 'v1',
    kind: 'VerticalPodAutoscaler',
    plural: 'verticalpodautoscalers',
  },
  { group: 'policy', version: 'v1', kind: 'PodDisruptionBudget', plural: 'poddisruptionbudgets' },
  { group: 'networking.k8s.io', version: 'v1', kind: 'NetworkPolicy', plural: 'networkpolicies' },
  { group: 'security.istio.io', version: 'v1', kind: 'PeerAuthentication', plural: 'peerauthentications' },
  { group: 'security.istio.io', version: 'v1', kind: 'AuthorizationPolicy', plural: 'authorizationpolicies' },
  { group: 'networking.istio.io', version: 'v1', kind: 'DestinationRule', plural: 'destinationrules' },
  { group: 'networking.istio.io', version: 'v1', kind: 'VirtualService', plural: 'virtualservices' },
]);
