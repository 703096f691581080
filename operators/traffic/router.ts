/**
 * The seam between the rollout and whatever splits traffic between versions (Flagger's Router
 * shape): make sure routes exist, set the split, read it back, and hand everything to the stable
 * version at the end, plus the candidate's matched and mirror routes where the router has them.
 * Implementations: istio.ts (VirtualService weights), gateway-api.ts (HTTPRoute backendRef weights),
 * replica-ratio.ts (no mesh: replica counts behind one Service). factory.ts picks one by name.
 */
import type { CandidateRouting, RequestMatch } from '../../crds/api/index.js';
import type { RouteObjects } from '../../charts-ts/derived-kinds.js';
import type { KubeObject, ResourceType } from '../kit/resource.js';

export type { CandidateRouting };
/**
 * The routes of a model do not exist (yet): the AIModel controller has not created them. Callers
 * read it as "no traffic"; every other read error is a real failure.
 */
export class RoutesNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RoutesNotFoundError';
  }
}

/** The per-model objects a router works on: named after the AIModel, in its namespace. */
export interface TrafficTarget {
  readonly namespace: string;
  /** The AIModel's name. */
  readonly model: string;
}

/** Share of one version. */
export interface VersionWeight {
  /** ModelVersion.spec.version. */
  readonly version: string;
  /** Percent of requests, 0..100. */
  readonly weight: number;
}

/**
 * Routes to the version being rolled out besides its weight: header or cookie matches (the
 * blue-green preview, an experiment's cohort) and a mirrored share of the stable's requests (shadow).
 */
export interface CandidateRoutes {
  /** ModelVersion.spec.version of the candidate. */
  readonly version: string;
  readonly routing: CandidateRouting;
}

/** What a router can route besides weights. */
export interface RouterSupport {
  /** Header and cookie matched routes (blue-green preview, experiment cohorts). */
  readonly matches: boolean;
  /** Mirroring a share of requests (shadow). */
  readonly mirror: boolean;
}

export { ROUTE_OBJECTS, type RouteObjects } from '../../charts-ts/derived-kinds.js';

/** Whether the routes of a model are served, as whoever serves them reports it. */
export type RouteServing =
  | { readonly served: true }
  | {
      readonly served: false;
      /** The refusing party's reason (e.g. the gateway's condition reason: NotAllowedByListeners). */
      readonly reason: string;
      /** A sentence naming the route, the parent and what it said, for conditions and Events. */
      readonly message: string;
    };

/** How a router learns whether its routes are served (see TrafficRouter.acceptance). */
export interface RouteAcceptance {
  /** The kind whose status says it; the ModelVersion controller watches it for changes. */
  readonly resource: ResourceType;
  /** What one object of that kind says (pure: for watch predicates). */
  servingOf(route: KubeObject): RouteServing;
  /** What the model's routes say now (from the client's reads). @throws RoutesNotFoundError while there are none */
  serving(target: TrafficTarget): Promise<RouteServing>;
}

/**
 * The RequestMatches of the candidate's matched route as read back, each through `parse` (the inverse
 * of how the router writes one).
 * @param where names the route, e.g. `HTTPRoute ns/m: rule 'candidate'`
 * @throws Error naming the route and the match when there is none (it would take every request) or one cannot be read
 */
export function readBackMatches(
  raw: readonly unknown[],
  parse: (match: unknown) => RequestMatch,
  where: string,
): RequestMatch[] {
  if (raw.length === 0) throw new Error(`${where} has no match: it takes every request`);
  return raw.map((m, i) => {
    try {
      return parse(m);
    } catch (error) {
      throw new Error(`${where}: match ${i + 1} cannot be read back: ${(error as Error).message}`, {
        cause: error,
      });
    }
  });
}

/**
 * The candidate's routes from what a router read back: the version and matches of its matched route and
 * the version and share of its mirror; undefined when there are neither.
 * @param where names the matched and the mirroring route for the error, e.g. `VirtualService ns/m: http route`
 * @throws Error when the two name different versions (there is one candidate)
 */
export function candidateRoutesOf(
  matched: { readonly version: string; readonly matches: RequestMatch[] } | undefined,
  mirrored: { readonly version: string; readonly percent: number } | undefined,
  where: { readonly matched: string; readonly mirror: string },
): CandidateRoutes | undefined {
  if (matched === undefined && mirrored === undefined) return undefined;
  if (matched !== undefined && mirrored !== undefined && matched.version !== mirrored.version) {
    throw new Error(
      `${where.matched} routes to version '${matched.version}' while ${where.mirror} mirrors to '${mirrored.version}'; there is one candidate`,
    );
  }
  const routing: CandidateRouting = {
    ...(matched === undefined ? {} : { matches: matched.matches }),
    ...(mirrored === undefined ? {} : { mirrorPercent: mirrored.percent }),
  };
  return { version: (matched ?? mirrored)?.version as string, routing };
}

/** True when the routing asks for nothing besides the weight. */
export function isPlainRouting(routing: CandidateRouting | undefined): boolean {
  return (routing?.matches?.length ?? 0) === 0 && routing?.mirrorPercent === undefined;
}

/** What a write of the split says besides the weights. */
export interface WriteOptions {
  /**
   * The version this write takes out of service (a rollback or abort of the candidate, a superseded
   * canary, a failed bake, a rollback request): with session affinity its session route goes in the same
   * write, so its pinned turns fall through to the weights. Every other version keeps its session route:
   * the previous stable serves its pinned sessions until it is scaled down.
   * @default none
   */
  readonly leaving?: string;
}

export interface TrafficRouter {
  /** The name factory.ts knows it by. */
  readonly name: string;
  /** What it can do besides weights; a rollout asking for more is refused before it starts. */
  readonly supports: RouterSupport;
  /**
   * The routing objects render() derives for a model with this router, and the operator applies,
   * watches and prunes: `istio` (VirtualService, DestinationRule), `gateway-api` (HTTPRoute and one
   * Service per version), or `none` (the model's one Service only). A cluster without a mesh has no
   * Istio CRDs, one without Gateway API no HTTPRoute CRD.
   */
  readonly routes: RouteObjects;
  /**
   * Present for routers whose routes a third party must accept before they carry traffic (a Gateway
   * API implementation, through HTTPRoute `status.parents`): the rollout does not count steps while
   * the routes are refused. Absent: a written route is a served route.
   */
  readonly acceptance?: RouteAcceptance;
  /**
   * Replica counts render() must give the running versions (`RenderOptions.replicaSplit`) when this
   * router makes the split out of replicas, so no autoscaler moves them between steps. Routers that
   * leave replicas to the autoscalers do not have it.
   */
  replicaCounts?(
    target: TrafficTarget,
    running: readonly { readonly version: string; readonly phase?: string }[],
  ): Promise<Record<string, number>>;
  /**
   * The rendered object the AIModel controller is about to apply, with the routes others added to
   * the live one kept (see foreign-routes.ts); other objects unchanged. Routers without routing
   * objects do not have it.
   */
  withForeignRoutes?<T extends KubeObject>(rendered: T, live: KubeObject): T;
  /**
   * Makes sure every version in `versions` can be routed to (e.g. a DestinationRule subset);
   * never removes what others declared.
   */
  reconcile(target: TrafficTarget, versions: readonly string[]): Promise<void>;
  /**
   * Sets the split, and the candidate's other routes in the same write; versions not named get 0,
   * and without `candidate` (or with plain routing) there are no matched or mirror routes.
   * Idempotent: returns false, having written nothing, when all of it is already in place.
   */
  setWeights(
    target: TrafficTarget,
    weights: readonly VersionWeight[],
    candidate?: CandidateRoutes,
    options?: WriteOptions,
  ): Promise<boolean>;
  /** The split as it is now, sorted by version. @throws RoutesNotFoundError while there are no routes */
  getWeights(target: TrafficTarget): Promise<VersionWeight[]>;
  /**
   * The candidate's matched and mirror routes as they are now; undefined when there are none.
   * @throws RoutesNotFoundError while there are no routes
   */
  getCandidate(target: TrafficTarget): Promise<CandidateRoutes | undefined>;
  /** All traffic to `stableVersion`, no candidate routes: the state a finished (or abandoned) rollout leaves behind. */
  finalize(target: TrafficTarget, stableVersion: string, options?: WriteOptions): Promise<void>;
}

/**
 * Throws unless the weights are whole percents in 0..100, name each version once and add up to 100.
 * @param where names the caller's object in the error, e.g. `VirtualService suoke-ai/xiaoai`
 */
export function assertWeights(weights: readonly VersionWeight[], where: string): void {
  const seen = new Set<string>();
  for (const { version, weight } of weights) {
    if (seen.has(version)) throw new Error(`${where}: version '${version}' is given two weights`);
    seen.add(version);
    if (!Number.isInteger(weight) || weight < 0 || weight > 100) {
      throw new Error(
        `${where}: weight of version '${version}' (${weight}) must be a whole percent in 0..100`,
      );
    }
  }
  const total = weights.reduce((sum, w) => sum + w.weight, 0);
  if (total !== 100) {
    throw new Error(
      `${where}: weights add up to ${total} (${weights.map((w) => `${w.version}=${w.weight}`).join(', ')}); they must add up to 100`,
    );
  }
}

/** Sorted by version, for stable comparisons and output. */
export function byVersion(weights: readonly VersionWeight[]): VersionWeight[] {
  return [...weights].sort((a, b) => (a.version < b.version ? -1 : a.version > b.version ? 1 : 0));
}
