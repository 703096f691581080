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
  { group: 'gateway.networking.k8s.io', version: 'v1', kind: 'HTTPRoute', plural: 'httproutes' },
]);

/** Which routing objects a traffic router works on: render()'s `routes` and TrafficRouter.routes. */
export const ROUTE_OBJECTS = ['istio', 'gateway-api', 'none'] as const;
export type RouteObjects = (typeof ROUTE_OBJECTS)[number];

/** What decides which of the derived kinds exist for a model: the router's routes and the mesh. */
export interface DerivedScope {
  /** The router's routing objects (TrafficRouter.routes). */
  readonly routes: RouteObjects;
  /** The agents run in an Istio mesh: per-model PeerAuthentication and AuthorizationPolicy. */
  readonly mesh: boolean;
}

const ISTIO_SECURITY_GROUP = 'security.istio.io';
const ISTIO_ROUTING_GROUP = 'networking.istio.io';
const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';

/**
 * Whether render() emits the kind in this scope: Istio's routing kinds only with the istio router,
 * HTTPRoute only with the gateway-api router, Istio's security kinds only in a mesh. A cluster
 * without a mesh has no Istio CRDs, one without Gateway API no HTTPRoute CRD.
 */
export function inScope(kind: Pick<DerivedKind, 'group'>, scope: DerivedScope): boolean {
  if (kind.group === ISTIO_SECURITY_GROUP) return scope.mesh;
  if (kind.group === ISTIO_ROUTING_GROUP) return scope.routes === 'istio';
  if (kind.group === GATEWAY_API_GROUP) return scope.routes === 'gateway-api';
  return true;
}

/** The operator's traffic routers (`--traffic-router`, operators/traffic/factory.ts). */
export const TRAFFIC_ROUTER_NAMES = ['istio', 'gateway-api', 'replica-ratio'] as const;
export type TrafficRouterName = (typeof TRAFFIC_ROUTER_NAMES)[number];

/** The router a platform gets unless it picks one: Istio's in the mesh, replica ratios without one. */
export function defaultTrafficRouter(istio: boolean): TrafficRouterName {
  return istio ? 'istio' : 'replica-ratio';
}

/** The routing objects each router works on (its `TrafficRouter.routes`), which decide its derived kinds. */
export const ROUTES_OF_ROUTER: Readonly<Record<TrafficRouterName, RouteObjects>> = Object.freeze({
  istio: 'istio',
  'gateway-api': 'gateway-api',
  'replica-ratio': 'none',
});

/**
 * What the operator derives, watches and prunes with this router and mesh: the scope its RBAC is
 * granted for, as the operator computes it from `--traffic-router` and `--mesh`.
 */
export function derivedScopeOf(trafficRouter: TrafficRouterName, mesh: boolean): DerivedScope {
  return { routes: ROUTES_OF_ROUTER[trafficRouter], mesh };
}
