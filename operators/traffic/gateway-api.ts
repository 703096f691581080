/**
 * TrafficRouter over Gateway API: the backendRef weights of one rule in the model's HTTPRoute, the
 * candidate's matched rule before it and its RequestMirror filter, over one Service per version.
 * The HTTPRoute (named after the AIModel) and the per-version Services (`versionedName(model,
 * version)`) are created by the AIModel controller from charts-ts render(); this router only changes
 * the rules it owns (named `versions` and `candidate` by GatewayRouting, and built by the same
 * functions, so the controller's next render of the same candidate is the same rule), leaving every
 * other rule, parentRef, hostname and field as it found them.
 *
 * Writes are server-side applies with the operator's field manager of the whole object as read (the
 * `rules` list is atomic in the CRD, so an apply must carry all of it), guarded by the resourceVersion
 * read: a concurrent writer makes the apply fail with 409 instead of being overwritten (apply-back.ts).
 *
 * A route is served only once its parents (the Gateways, or the model's Service for mesh routing) say
 * so in `status.parents`; {@link routeServing} reads that verdict for the rollout (see `acceptance`).
 */
import type { ClusterClient } from '../kit/cluster-client.js';
import { deepEqual } from '../kit/deep-equal.js';
import type { KubeObject, ResourceType } from '../kit/resource.js';
import { SERVICE } from '../kinds.js';
import {
  gatewayCandidateRule,
  parseGatewayRouteMatch,
  versionBackendRef,
  withGatewayMirror,
  withoutGatewayMirror,
  type GatewayBackendRef,
  type GatewayRouteRule,
} from '../../charts-ts/constructs/gateway-routing.js';
import { CANDIDATE_ROUTE, VERSIONS_ROUTE, versionedName } from '../../charts-ts/constructs/workload-names.js';
import {
  LABEL_APP,
  LABEL_MANAGED_BY,
  LABEL_VERSION,
  MANAGED_BY,
  type RequestMatch,
} from '../../crds/api/index.js';
import { applyBack } from './apply-back.js';
import { carryForeignRoutes } from './foreign-routes.js';
import {
  RoutesNotFoundError,
  assertWeights,
  byVersion,
  candidateRoutesOf,
  readBackMatches,
  isPlainRouting,
  type CandidateRoutes,
  type RouteAcceptance,
  type RouteServing,
  type RouterSupport,
  type TrafficRouter,
  type TrafficTarget,
  type VersionWeight,
} from './router.js';

export const HTTP_ROUTE: ResourceType = {
  group: 'gateway.networking.k8s.io',
  version: 'v1',
  kind: 'HTTPRoute',
  plural: 'httproutes',
};

/** What a parentRef means when group or kind is left out (the CRD's defaults). */
const DEFAULT_PARENT_GROUP = 'gateway.networking.k8s.io';
const DEFAULT_PARENT_KIND = 'Gateway';
const REQUEST_MIRROR = 'RequestMirror';

interface ParentReference {
  group?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  sectionName?: string;
  port?: number;
}
interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
}
interface RouteParentStatus {
  parentRef?: ParentReference;
  controllerName?: string;
  conditions?: Condition[];
}
interface MirrorFilter {
  type: typeof REQUEST_MIRROR;
  requestMirror?: {
    backendRef?: Partial<GatewayBackendRef>;
    percent?: number;
    fraction?: { numerator?: number; denominator?: number };
  };
}

/** The Services of one model's versions, both ways (the backendRefs name Services, the rollout versions). */
interface VersionServices {
  /** Service name → version, for Services `versionedName(model, version)` labelled with their version. */
  readonly versionOfService: ReadonlyMap<string, string>;
  /** True when `version` has its Service. */
  has(version: string): boolean;
}

export class GatewayApiRouter implements TrafficRouter {
  readonly name = 'gateway-api';
  readonly supports: RouterSupport = { matches: true, mirror: true };
  readonly routes = 'gateway-api' as const;
  readonly acceptance: RouteAcceptance;

  constructor(private readonly client: ClusterClient) {
    this.acceptance = {
      resource: HTTP_ROUTE,
      servingOf: routeServing,
      serving: async (target) => routeServing(await this.read(target)),
    };
  }

  /**
   * Checks that the versions rule exists and that every version has its Service; both are the AIModel
   * controller's to render, so there is nothing to add here.
   * @throws RoutesNotFoundError naming the HTTPRoute or the first missing Service
   */
  async reconcile(target: TrafficTarget, versions: readonly string[]): Promise<void> {
    const [route, services] = await Promise.all([this.read(target), this.services(target)]);
    this.ourRule(route); // throws when the rule is missing
    const missing = [...versions].sort().find((v) => !services.has(v));
    if (missing !== undefined) {
      throw new RoutesNotFoundError(
        `Service ${target.namespace}/${versionedName(target.model, missing)} of version '${missing}' of model ${target.model} not found; the AIModel controller creates it`,
      );
    }
  }

  /**
   * One apply of the whole `rules` list: the backendRef weights of the versions rule; the candidate rule
   * right before it (inserted, replaced, or removed without matches); the versions rule's RequestMirror
   * filter (set, or removed without mirrorPercent). Every other rule and field stays as read.
   */
  async setWeights(
    target: TrafficTarget,
    weights: readonly VersionWeight[],
    candidate?: CandidateRoutes,
  ): Promise<boolean> {
    const where = `HTTPRoute ${target.namespace}/${target.model}`;
    assertWeights(weights, where);
    const [route, services] = await Promise.all([this.read(target), this.services(target)]);
    const noService = (version: string) =>
      new Error(
        `${where}: no Service for version '${version}' (Service ${target.namespace}/${versionedName(target.model, version)}); reconcile the routes first`,
      );
    const versionOf = (ref: Partial<GatewayBackendRef>) => versionOfRef(ref, route, services);
    const { rules, rule } = this.ourRule(route);
    const existing = rule.backendRefs ?? [];
    const wanted = new Map(weights.map((w) => [w.version, w.weight]));

    // Keep every backendRef (and its other fields) in place; only weights change.
    const next: GatewayBackendRef[] = existing.map((ref) => {
      const version = versionOf(ref);
      return { ...ref, weight: version === undefined ? 0 : (wanted.get(version) ?? 0) };
    });
    const routed = new Set(existing.map(versionOf));
    for (const { version, weight } of byVersion(weights)) {
      if (routed.has(version)) continue;
      if (!services.has(version)) throw noService(version);
      next.push(versionBackendRef(target.model, version, weight));
    }

    const routing = candidate === undefined || isPlainRouting(candidate.routing) ? undefined : candidate;
    if (routing !== undefined && !services.has(routing.version)) throw noService(routing.version);
    const at = `${where}: candidate '${routing?.version ?? ''}'`;
    const percent = routing?.routing.mirrorPercent;
    const versionsRule = withoutGatewayMirror({ ...rule, backendRefs: next });
    const ours =
      routing === undefined || percent === undefined
        ? versionsRule
        : withGatewayMirror(versionsRule, target.model, routing.version, percent, at);
    const matches = routing?.routing.matches ?? [];
    const matched =
      routing === undefined || matches.length === 0
        ? []
        : [gatewayCandidateRule(target.model, routing.version, matches, ours, at)];
    const nextRules = rules
      .filter((r) => r.name !== CANDIDATE_ROUTE)
      .flatMap((r) => (r === rule ? [...matched, ours] : [r]));
    if (deepEqual(nextRules, rules)) return false;
    await applyBack(this.client, HTTP_ROUTE, route, { ...(route.spec as object), rules: nextRules });
    return true;
  }

  /** Keeps the HTTPRoute `rules` others added when the AIModel controller applies the rendered route. */
  withForeignRoutes<T extends KubeObject>(rendered: T, live: KubeObject): T {
    return rendered.kind === 'HTTPRoute' ? carryForeignRoutes(rendered, live, 'rules') : rendered;
  }

  /**
   * The candidate's routes as they are: the version and matches of the candidate rule, and the
   * RequestMirror filter of the versions rule; undefined when there are neither.
   * @throws Error naming the rule when one of ours is not in the form this router writes
   */
  async getCandidate(target: TrafficTarget): Promise<CandidateRoutes | undefined> {
    const [route, services] = await Promise.all([this.read(target), this.services(target)]);
    const { rules, rule } = this.ourRule(route);
    const where = (name: string) => `HTTPRoute ${target.namespace}/${target.model}: rule '${name}'`;
    const versionOf = (ref: Partial<GatewayBackendRef> | undefined, name: string): string => {
      const version = ref === undefined ? undefined : versionOfRef(ref, route, services);
      if (version === undefined) {
        throw new Error(
          `${where(name)} routes to ${describeBackend(ref, route)}, which is no version's Service of model ${target.model}`,
        );
      }
      return version;
    };

    let matched: { version: string; matches: RequestMatch[] } | undefined;
    const candidateRules = rules.filter((r) => r.name === CANDIDATE_ROUTE);
    if (candidateRules.length > 1) throw new Error(`${where(CANDIDATE_ROUTE)} is there twice`);
    const [candidateRule] = candidateRules;
    if (candidateRule !== undefined) {
      const refs = candidateRule.backendRefs ?? [];
      if (refs.length !== 1) {
        throw new Error(
          `${where(CANDIDATE_ROUTE)} has ${refs.length} backendRefs; the router writes one, the candidate's Service`,
        );
      }
      const version = versionOf(refs[0], CANDIDATE_ROUTE);
      const matches = readBackMatches(
        candidateRule.matches ?? [],
        parseGatewayRouteMatch,
        where(CANDIDATE_ROUTE),
      );
      matched = { version, matches };
    }

    let mirrored: { version: string; percent: number } | undefined;
    const mirrors = ((rule.filters ?? []) as Array<{ type?: unknown }>).filter(
      (f): f is MirrorFilter => f.type === REQUEST_MIRROR,
    );
    if (mirrors.length > 1) {
      throw new Error(
        `${where(VERSIONS_ROUTE)} has ${mirrors.length} RequestMirror filters; the router writes one, to the candidate's Service`,
      );
    }
    const [mirror] = mirrors;
    if (mirror !== undefined) {
      const version = versionOf(mirror.requestMirror?.backendRef, VERSIONS_ROUTE);
      mirrored = { version, percent: mirrorPercent(mirror, where(VERSIONS_ROUTE)) };
    }

    return candidateRoutesOf(matched, mirrored, {
      matched: where(CANDIDATE_ROUTE),
      mirror: `rule '${VERSIONS_ROUTE}'`,
    });
  }

  async getWeights(target: TrafficTarget): Promise<VersionWeight[]> {
    const [route, services] = await Promise.all([this.read(target), this.services(target)]);
    const refs = this.ourRule(route).rule.backendRefs ?? [];
    const weights = new Map<string, number>();
    for (const ref of refs) {
      const version = versionOfRef(ref, route, services);
      if (version === undefined) continue;
      // The API server defaults a missing weight to 1; a sole backend takes every request whatever its
      // weight, unless that weight is 0.
      const written = ref.weight ?? 1;
      const weight = refs.length === 1 && written > 0 ? 100 : written;
      weights.set(version, (weights.get(version) ?? 0) + weight);
    }
    return byVersion([...weights].map(([version, weight]) => ({ version, weight })));
  }

  /** All traffic to the stable version; no candidate, so the candidate rule and the mirror are removed. */
  async finalize(target: TrafficTarget, stableVersion: string): Promise<void> {
    await this.setWeights(target, [{ version: stableVersion, weight: 100 }]);
  }

  private ourRule(route: KubeObject): { rules: GatewayRouteRule[]; rule: GatewayRouteRule } {
    const rules = ((route.spec as { rules?: GatewayRouteRule[] } | undefined)?.rules ??
      []) as GatewayRouteRule[];
    const rule = rules.find((r) => r.name === VERSIONS_ROUTE);
    if (rule === undefined) {
      throw new Error(
        `HTTPRoute ${route.metadata.namespace}/${route.metadata.name}: no rule named '${VERSIONS_ROUTE}' ` +
          `(rules: ${rules.map((r) => r.name ?? '<unnamed>').join(', ') || 'none'}); the AIModel controller renders it`,
      );
    }
    return { rules, rule };
  }

  /** The HTTPRoute from the client's reads (the informer cache, in the operator). */
  private async read(target: TrafficTarget): Promise<KubeObject> {
    let route: KubeObject | undefined;
    try {
      route = await this.client.get<KubeObject>(HTTP_ROUTE, target.namespace, target.model);
    } catch (error) {
      throw new Error(
        `HTTPRoute ${target.namespace}/${target.model}: read failed: ${(error as Error).message}`,
        { cause: error },
      );
    }
    if (route === undefined) {
      throw new RoutesNotFoundError(
        `HTTPRoute ${target.namespace}/${target.model} not found; the AIModel controller creates it`,
      );
    }
    return route;
  }

  /**
   * The model's per-version Services, found by label (`app=<model>`, managed by the operator, one per
   * `version`) rather than remembered, and only under the name render() gives them, which is the name
   * the rules route to.
   */
  private async services(target: TrafficTarget): Promise<VersionServices> {
    let items: KubeObject[];
    try {
      items = await this.client.list<KubeObject>(SERVICE, target.namespace, {
        labels: { [LABEL_APP]: target.model, [LABEL_MANAGED_BY]: MANAGED_BY },
      });
    } catch (error) {
      throw new Error(
        `Services of model ${target.namespace}/${target.model}: list failed: ${(error as Error).message}`,
        { cause: error },
      );
    }
    const versionOfService = new Map<string, string>();
    for (const s of items) {
      const version = s.metadata.labels?.[LABEL_VERSION];
      if (version === undefined || s.metadata.deletionTimestamp !== undefined) continue;
      if (s.metadata.name === versionedName(target.model, version)) {
        versionOfService.set(s.metadata.name, version);
      }
    }
    return {
      versionOfService,
      has: (version) => versionOfService.get(versionedName(target.model, version)) === version,
    };
  }
}

/**
 * Whether the parents of `route` serve it, from its `status.parents`: every parentRef in the spec must
 * have an entry (the same parentRef, with the CRD's defaults for what is left out) whose `Accepted`
 * condition is True and whose `ResolvedRefs` condition is not False. Conditions of an older
 * observedGeneration still count: a gateway reports a moment after each write, and its last verdict
 * stands until it does.
 */
export function routeServing(route: KubeObject): RouteServing {
  const namespace = route.metadata.namespace ?? '';
  const where = `HTTPRoute ${namespace}/${route.metadata.name ?? ''}`;
  const parentRefs = (route.spec as { parentRefs?: ParentReference[] } | undefined)?.parentRefs ?? [];
  if (parentRefs.length === 0) {
    return {
      served: false,
      reason: 'NoParents',
      message: `${where} has no parentRefs, so no Gateway or Service routes by it`,
    };
  }
  const reports = (route['status'] as { parents?: RouteParentStatus[] } | undefined)?.parents ?? [];
  for (const parentRef of parentRefs) {
    const parent = normalParent(parentRef, namespace);
    const shown = describeParent(parent);
    const entries = reports.filter(
      (r) => r.parentRef !== undefined && sameParent(normalParent(r.parentRef, namespace), parent),
    );
    if (entries.length === 0) {
      return {
        served: false,
        reason: 'NotAttached',
        message:
          `${where}: no gateway has reported on ${shown} (status.parents has no entry for it); ` +
          `is a Gateway API implementation running, and does the ${parent.kind} exist?`,
      };
    }
    for (const entry of entries) {
      const conditions = entry.conditions ?? [];
      const refused = ['Accepted', 'ResolvedRefs']
        .map((type) => conditions.find((c) => c.type === type))
        .find((c) => c?.status === 'False');
      if (refused !== undefined) {
        const reason = refused.reason ?? `Not${refused.type ?? ''}`;
        return {
          served: false,
          reason,
          message: `${where}: ${shown} does not accept the route: ${reason}: ${refused.message ?? ''}`,
        };
      }
      const accepted = conditions.find((c) => c.type === 'Accepted');
      if (accepted?.status !== 'True') {
        const said =
          accepted === undefined
            ? 'there is no Accepted condition yet'
            : `Accepted is ${accepted.status ?? 'not set'} (${accepted.reason ?? 'no reason'}: ${accepted.message ?? ''})`;
        return {
          served: false,
          reason: 'Pending',
          message: `${where}: ${shown} has not accepted the route yet: ${said}`,
        };
      }
    }
  }
  return { served: true };
}

type NormalParent = Required<Pick<ParentReference, 'group' | 'kind' | 'namespace' | 'name'>> &
  Pick<ParentReference, 'sectionName' | 'port'>;

/** `ref` with the CRD's defaults written out: group gateway.networking.k8s.io, kind Gateway, the route's namespace. */
function normalParent(ref: ParentReference, routeNamespace: string): NormalParent {
  return {
    group: ref.group ?? DEFAULT_PARENT_GROUP,
    kind: ref.kind ?? DEFAULT_PARENT_KIND,
    namespace: ref.namespace ?? routeNamespace,
    name: ref.name ?? '',
    ...(ref.sectionName === undefined ? {} : { sectionName: ref.sectionName }),
    ...(ref.port === undefined ? {} : { port: ref.port }),
  };
}

function sameParent(a: NormalParent, b: NormalParent): boolean {
  return (
    a.group === b.group &&
    a.kind === b.kind &&
    a.namespace === b.namespace &&
    a.name === b.name &&
    a.sectionName === b.sectionName &&
    a.port === b.port
  );
}

/** `Gateway infra/public/https`, `Service suoke-ai/demo:80`. */
function describeParent(p: NormalParent): string {
  const section = p.sectionName === undefined ? '' : `/${p.sectionName}`;
  const port = p.port === undefined ? '' : `:${p.port}`;
  return `${p.kind} ${p.namespace}/${p.name}${section}${port}`;
}

/**
 * The version whose Service `ref` routes to: a core Service in the route's namespace that is some
 * version's; undefined for anything else (another kind, namespace or Service), which the router leaves be.
 */
function versionOfRef(
  ref: Partial<GatewayBackendRef>,
  route: KubeObject,
  services: VersionServices,
): string | undefined {
  const group = ref.group ?? '';
  const kind = ref.kind ?? 'Service';
  const namespace = (ref['namespace'] as string | undefined) ?? route.metadata.namespace;
  if (group !== '' || kind !== 'Service' || namespace !== route.metadata.namespace) return undefined;
  return services.versionOfService.get(ref.name ?? '');
}

function describeBackend(ref: Partial<GatewayBackendRef> | undefined, route: KubeObject): string {
  if (ref === undefined) return 'no backend';
  const group = ref.group ?? '';
  const kind = ref.kind ?? 'Service';
  const namespace = (ref['namespace'] as string | undefined) ?? route.metadata.namespace;
  return `${group === '' ? '' : `${group}/`}${kind} ${namespace}/${ref.name ?? '<none>'}`;
}

/**
 * The share a RequestMirror filter mirrors, as a whole percent in 1..100: `percent`, or a `fraction`
 * that is one; neither mirrors every request (Gateway API's rule).
 * @throws Error starting with `where` for any other share
 */
function mirrorPercent(filter: MirrorFilter, where: string): number {
  const { percent, fraction } = filter.requestMirror ?? {};
  let share: number;
  let shown: string;
  if (percent !== undefined) {
    share = percent;
    shown = `${percent}%`;
  } else if (fraction !== undefined) {
    const numerator = fraction.numerator ?? 0;
    const denominator = fraction.denominator ?? 100;
    share = (numerator * 100) / denominator;
    shown = `fraction ${numerator}/${denominator}`;
  } else {
    return 100;
  }
  if (!Number.isInteger(share) || share < 1 || share > 100) {
    throw new Error(`${where} mirrors ${shown} of requests; the router writes a whole percent in 1..100`);
  }
  return share;
}
