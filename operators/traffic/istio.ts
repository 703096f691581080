/**
 * TrafficRouter over Istio: the weights of one HTTP route in the model's VirtualService, the
 * candidate's matched route before it and its mirror, and one DestinationRule subset per version.
 * Both objects are named after the AIModel and are created by the AIModel controller from charts-ts
 * render(); this router only changes the routes it owns (named `versions` and `candidate` by
 * IstioRouting, and built by the same functions, so the controller's next render of the same
 * candidate is the same route) and adds missing subsets, leaving every other route, subset and field
 * as it found them.
 *
 * Writes are server-side applies with the operator's field manager. Istio's `http` and `subsets`
 * lists are atomic in the CRD schema, so an apply must carry the whole list: the router reads the
 * object, changes only its route (or appends subsets) and applies the object back with the
 * resourceVersion it read, so a concurrent writer makes the apply fail with 409 instead of being
 * overwritten. Because the operator's field manager also applies the rendered object, the apply
 * carries every field that manager owns (labels, owner references, the rest of the spec) unchanged;
 * leaving one out would delete it.
 */
import type { ClusterClient } from '../kit/cluster-client.js';
import type { KubeObject, ResourceType } from '../kit/resource.js';
import { deepEqual } from '../kit/deep-equal.js';
import {
  CANDIDATE_ROUTE,
  candidateHttpRoute,
  sessionHttpRoute,
  sessionRouteVersion,
  parseIstioMatchRequest,
  withMirror,
  withoutMirror,
  type IstioHttpRoute,
} from '../../charts-ts/constructs/istio-routing.js';
import { subsetName, VERSIONS_ROUTE } from '../../charts-ts/constructs/workload-names.js';
import { isSessionRouteName } from '../../charts-ts/session-affinity.js';
import { LABEL_VERSION, type RequestMatch } from '../../crds/api/index.js';
import {
  RoutesNotFoundError,
  assertWeights,
  byVersion,
  candidateRoutesOf,
  readBackMatches,
  isPlainRouting,
  type CandidateRoutes,
  type RouterSupport,
  type TrafficRouter,
  type TrafficTarget,
  type VersionWeight,
  type WriteOptions,
} from './router.js';
import { applyBack } from './apply-back.js';
import { carryForeignRoutes } from './foreign-routes.js';

export const VIRTUAL_SERVICE: ResourceType = {
  group: 'networking.istio.io',
  version: 'v1',
  kind: 'VirtualService',
  plural: 'virtualservices',
};
export const DESTINATION_RULE: ResourceType = {
  group: 'networking.istio.io',
  version: 'v1',
  kind: 'DestinationRule',
  plural: 'destinationrules',
};

/** Name of the HTTP route the router owns: the one IstioRouting renders. */
export const DefaultRouteName = VERSIONS_ROUTE;

export interface IstioRouterOptions {
  /** The HTTP route in the VirtualService whose weights this router sets. @default DefaultRouteName */
  readonly routeName?: string;
}

type HttpRoute = IstioHttpRoute;
type RouteDestination = NonNullable<HttpRoute['route']>[number];
interface Subset {
  name?: string;
  labels?: Record<string, string>;
  [field: string]: unknown;
}

export class IstioRouter implements TrafficRouter {
  readonly name = 'istio';
  readonly supports: RouterSupport = { matches: true, mirror: true };
  readonly routes = 'istio' as const;
  private readonly routeName: string;

  constructor(
    private readonly client: ClusterClient,
    options: IstioRouterOptions = {},
  ) {
    this.routeName = options.routeName ?? DefaultRouteName;
  }

  async reconcile(target: TrafficTarget, versions: readonly string[]): Promise<void> {
    const dr = await this.read(DESTINATION_RULE, target);
    const subsets = [...(((dr.spec as { subsets?: Subset[] } | undefined)?.subsets ?? []) as Subset[])];
    const known = new Set(subsets.map((s) => s.labels?.[LABEL_VERSION]));
    const missing = versions.filter((v) => !known.has(v));
    if (missing.length > 0) {
      for (const v of [...missing].sort())
        subsets.push({ name: subsetName(v), labels: { [LABEL_VERSION]: v } });
      await this.applyBack(DESTINATION_RULE, dr, { ...(dr.spec as object), subsets });
    }
    const vs = await this.read(VIRTUAL_SERVICE, target);
    this.ourRoute(vs); // throws when the route is missing
  }

  /**
   * One apply of the whole `http` list: the weights of the versions route; the candidate route right before
   * it (inserted, replaced, or removed without matches); the versions route's mirror (set, or removed
   * without mirrorPercent); with session affinity, the session routes first (see {@link sessionRoutesOf}).
   * Every other route and field stays as read.
   */
  async setWeights(
    target: TrafficTarget,
    weights: readonly VersionWeight[],
    candidate?: CandidateRoutes,
    options: WriteOptions = {},
  ): Promise<boolean> {
    const where = `VirtualService ${target.namespace}/${target.model}`;
    assertWeights(weights, where);
    const [vs, dr] = await Promise.all([
      this.read(VIRTUAL_SERVICE, target),
      this.read(DESTINATION_RULE, target),
    ]);
    const subsetOf = new Map<string, string>();
    for (const s of (dr.spec as { subsets?: Subset[] } | undefined)?.subsets ?? []) {
      const version = s.labels?.[LABEL_VERSION];
      if (version !== undefined && s.name !== undefined) subsetOf.set(version, s.name);
    }
    const noSubset = (version: string) =>
      new Error(
        `DestinationRule ${target.namespace}/${target.model}: no subset for version '${version}'; reconcile the routes first`,
      );
    const { routes, route } = this.ourRoute(vs);
    const existing = route.route ?? [];
    const template = existing[0]?.destination ?? {};
    const wanted = new Map(weights.map((w) => [w.version, w.weight]));
    const versionOfSubset = new Map([...subsetOf].map(([v, s]) => [s, v]));

    // Keep every destination (and its other fields) in place; only weights change.
    const next: RouteDestination[] = existing.map((d) => {
      const version = versionOfSubset.get(d.destination?.subset ?? '');
      return { ...d, weight: version === undefined ? 0 : (wanted.get(version) ?? 0) };
    });
    const routed = new Set(existing.map((d) => versionOfSubset.get(d.destination?.subset ?? '')));
    for (const { version, weight } of byVersion(weights)) {
      if (routed.has(version)) continue;
      const subset = subsetOf.get(version);
      if (subset === undefined) throw noSubset(version);
      next.push({ destination: { ...template, subset }, weight });
    }

    const routing = candidate === undefined || isPlainRouting(candidate.routing) ? undefined : candidate;
    const candidateDestination = () => {
      const subset = subsetOf.get(routing?.version ?? '');
      if (subset === undefined) throw noSubset(routing?.version ?? '');
      return { ...template, subset };
    };
    const at = `${where}: candidate '${routing?.version ?? ''}'`;
    const percent = routing?.routing.mirrorPercent;
    const versionsRoute = withoutMirror({ ...route, route: next });
    const ours =
      percent === undefined ? versionsRoute : withMirror(versionsRoute, candidateDestination(), percent, at);
    const matches = routing?.routing.matches ?? [];
    const matched =
      matches.length === 0 ? [] : [candidateHttpRoute(candidateDestination(), matches, ours, at)];
    const sessions = sessionRoutesOf(routes, {
      weights: wanted,
      matched: matches.length === 0 ? undefined : routing?.version,
      ...(options.leaving === undefined ? {} : { leaving: options.leaving }),
    })
      .filter((v) => subsetOf.has(v))
      .map((v) => sessionHttpRoute({ ...template, subset: subsetOf.get(v) }, v, ours));
    const http = routes
      .filter((r) => r.name !== CANDIDATE_ROUTE && !isSessionRouteName(r.name))
      .flatMap((r) => (r === route ? [...sessions, ...matched, ours] : [r]));
    if (deepEqual(http, routes)) return false;
    await this.applyBack(VIRTUAL_SERVICE, vs, { ...(vs.spec as object), http });
    return true;
  }

  /** Keeps the VirtualService `http` routes others added when the AIModel controller applies the rendered route. */
  withForeignRoutes<T extends KubeObject>(rendered: T, live: KubeObject): T {
    return rendered.kind === 'VirtualService' ? carryForeignRoutes(rendered, live, 'http') : rendered;
  }

  /**
   * The candidate's routes as they are: the version and matches of the candidate route, and the mirror of
   * the versions route; undefined when there are neither.
   * @throws Error naming the route when one of ours is not in the form this router writes
   */
  async getCandidate(target: TrafficTarget): Promise<CandidateRoutes | undefined> {
    const { vs, versionOfSubset } = await this.readRoutes(target);
    const { routes, route } = this.ourRoute(vs);
    const where = (name: string) =>
      `VirtualService ${target.namespace}/${target.model}: http route '${name}'`;
    const versionOf = (subset: string | undefined, name: string): string => {
      const version = versionOfSubset.get(subset ?? '');
      if (version === undefined) {
        throw new Error(
          `${where(name)} routes to subset '${subset ?? '<none>'}', which is no version's subset in DestinationRule ${target.namespace}/${target.model}`,
        );
      }
      return version;
    };

    let matched: { version: string; matches: RequestMatch[] } | undefined;
    const candidateRoutes = routes.filter((r) => r.name === CANDIDATE_ROUTE);
    if (candidateRoutes.length > 1) throw new Error(`${where(CANDIDATE_ROUTE)} is there twice`);
    const [candidateRoute] = candidateRoutes;
    if (candidateRoute !== undefined) {
      const destinations = candidateRoute.route ?? [];
      if (destinations.length !== 1) {
        throw new Error(
          `${where(CANDIDATE_ROUTE)} has ${destinations.length} destinations; the router writes one, the candidate's subset`,
        );
      }
      const version = versionOf(destinations[0]?.destination?.subset, CANDIDATE_ROUTE);
      const matches = readBackMatches(
        candidateRoute.match ?? [],
        parseIstioMatchRequest,
        where(CANDIDATE_ROUTE),
      );
      matched = { version, matches };
    }

    let mirrored: { version: string; percent: number } | undefined;
    if (route.mirror !== undefined) {
      const version = versionOf(route.mirror.subset, this.routeName);
      // Istio mirrors every request when the percentage is not set.
      const percent = route.mirrorPercentage?.value ?? 100;
      if (!Number.isInteger(percent) || percent < 1 || percent > 100) {
        throw new Error(
          `${where(this.routeName)} mirrors ${percent}% of requests; the router writes a whole percent in 1..100`,
        );
      }
      mirrored = { version, percent };
    }

    return candidateRoutesOf(matched, mirrored, {
      matched: where(CANDIDATE_ROUTE),
      mirror: `route '${this.routeName}'`,
    });
  }

  async getWeights(target: TrafficTarget): Promise<VersionWeight[]> {
    const { vs, versionOfSubset } = await this.readRoutes(target);
    const weights = new Map<string, number>();
    for (const d of this.ourRoute(vs).route.route ?? []) {
      const version = versionOfSubset.get(d.destination?.subset ?? '');
      if (version === undefined) continue;
      // Istio reads a missing weight on a single destination as 100.
      const weight = d.weight ?? ((this.ourRoute(vs).route.route ?? []).length === 1 ? 100 : 0);
      weights.set(version, (weights.get(version) ?? 0) + weight);
    }
    return byVersion([...weights].map(([version, weight]) => ({ version, weight })));
  }

  /** All traffic to the stable version; no candidate, so the candidate route and the mirror are removed. */
  async finalize(target: TrafficTarget, stableVersion: string, options: WriteOptions = {}): Promise<void> {
    await this.setWeights(target, [{ version: stableVersion, weight: 100 }], undefined, options);
  }

  /** The VirtualService, and the version each DestinationRule subset selects. */
  private async readRoutes(
    target: TrafficTarget,
  ): Promise<{ vs: KubeObject; versionOfSubset: Map<string, string> }> {
    const [vs, dr] = await Promise.all([
      this.read(VIRTUAL_SERVICE, target),
      this.read(DESTINATION_RULE, target),
    ]);
    const versionOfSubset = new Map<string, string>();
    for (const s of (dr.spec as { subsets?: Subset[] } | undefined)?.subsets ?? []) {
      const version = s.labels?.[LABEL_VERSION];
      if (version !== undefined && s.name !== undefined) versionOfSubset.set(s.name, version);
    }
    return { vs, versionOfSubset };
  }

  private ourRoute(vs: KubeObject): { routes: HttpRoute[]; index: number; route: HttpRoute } {
    const routes = ((vs.spec as { http?: HttpRoute[] } | undefined)?.http ?? []) as HttpRoute[];
    const index = routes.findIndex((r) => r.name === this.routeName);
    const route = routes[index];
    if (route === undefined) {
      throw new Error(
        `VirtualService ${vs.metadata.namespace}/${vs.metadata.name}: no http route named '${this.routeName}' ` +
          `(routes: ${routes.map((r) => r.name ?? '<unnamed>').join(', ') || 'none'}); the AIModel controller renders it`,
      );
    }
    return { routes, index, route };
  }

  /** The route object from the client's reads (the informer cache, in the operator). */
  private async read(rt: ResourceType, target: TrafficTarget): Promise<KubeObject> {
    let obj: KubeObject | undefined;
    try {
      obj = await this.client.get<KubeObject>(rt, target.namespace, target.model);
    } catch (error) {
      throw new Error(
        `${rt.kind} ${target.namespace}/${target.model}: read failed: ${(error as Error).message}`,
        { cause: error },
      );
    }
    if (obj === undefined) {
      throw new RoutesNotFoundError(
        `${rt.kind} ${target.namespace}/${target.model} not found; the AIModel controller creates it`,
      );
    }
    return obj;
  }

  /** Applies `live` back with a new spec (see apply-back.ts). */
  private applyBack(rt: ResourceType, live: KubeObject, spec: object): Promise<void> {
    return applyBack(this.client, rt, live, spec);
  }
}

/**
 * The versions whose session routes a write leaves in place, sorted. Session affinity is on when the live
 * VirtualService has session routes: the AIModel controller renders one for the stable version whenever
 * the AIModel's affinity resolves on (charts-ts/session-affinity.ts), and none when it is off, so the
 * router needs no AIModel read to know. Then the versions kept are those with a session route now, every
 * version the write gives a weight above 0, and the candidate of a matched route; less the version the
 * write takes out of service (`leaving`), unless the write still sends it requests.
 */
export function sessionRoutesOf(
  routes: readonly IstioHttpRoute[],
  write: {
    readonly weights: ReadonlyMap<string, number>;
    readonly matched: string | undefined;
    readonly leaving?: string;
  },
): string[] {
  const live = routes
    .filter((r) => isSessionRouteName(r.name))
    .map(sessionRouteVersion)
    .filter((v): v is string => v !== undefined);
  if (live.length === 0) return [];
  const serving = new Set(live);
  for (const [version, weight] of write.weights) if (weight > 0) serving.add(version);
  if (write.matched !== undefined) serving.add(write.matched);
  const { leaving } = write;
  if (leaving !== undefined && !((write.weights.get(leaving) ?? 0) > 0) && write.matched !== leaving) {
    serving.delete(leaving);
  }
  return [...serving].sort();
}
