/**
 * TrafficRouter over Istio: the weights of one HTTP route in the model's VirtualService, and one
 * DestinationRule subset per version. Both objects are named after the AIModel and are created by
 * the AIModel controller from charts-ts render(); this router only changes the route it owns (named
 * `versions` by IstioRouting) and adds missing subsets, leaving every other route, subset and field
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
import { applyConfiguration } from '../kit/apply.js';
import type { ClusterClient } from '../kit/cluster-client.js';
import type { KubeObject, ResourceType } from '../kit/resource.js';
import { subsetName, VERSIONS_ROUTE } from '../../charts-ts/constructs/workload-names.js';
import { LABEL_VERSION } from '../../crds/api/index.js';
import {
  RoutesNotFoundError,
  assertWeights,
  byVersion,
  type TrafficRouter,
  type TrafficTarget,
  type VersionWeight,
} from './router.js';

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

interface Destination {
  host?: string;
  subset?: string;
  port?: { number?: number };
}
interface RouteDestination {
  destination?: Destination;
  weight?: number;
  [field: string]: unknown;
}
interface HttpRoute {
  name?: string;
  route?: RouteDestination[];
  [field: string]: unknown;
}
interface Subset {
  name?: string;
  labels?: Record<string, string>;
  [field: string]: unknown;
}

export class IstioRouter implements TrafficRouter {
  readonly name = 'istio';
  readonly usesMesh = true;
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

  async setWeights(target: TrafficTarget, weights: readonly VersionWeight[]): Promise<boolean> {
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
    const { routes, index, route } = this.ourRoute(vs);
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
      if (subset === undefined) {
        throw new Error(
          `DestinationRule ${target.namespace}/${target.model}: no subset for version '${version}'; reconcile the routes first`,
        );
      }
      next.push({ destination: { ...template, subset }, weight });
    }
    if (next.length === existing.length && next.every((d, i) => d.weight === existing[i]?.weight))
      return false;
    const http = routes.map((r, i) => (i === index ? { ...r, route: next } : r));
    await this.applyBack(VIRTUAL_SERVICE, vs, { ...(vs.spec as object), http });
    return true;
  }

  async getWeights(target: TrafficTarget): Promise<VersionWeight[]> {
    const [vs, dr] = await Promise.all([
      this.read(VIRTUAL_SERVICE, target),
      this.read(DESTINATION_RULE, target),
    ]);
    const versionOfSubset = new Map<string, string>();
    for (const s of (dr.spec as { subsets?: Subset[] } | undefined)?.subsets ?? []) {
      const version = s.labels?.[LABEL_VERSION];
      if (version !== undefined && s.name !== undefined) versionOfSubset.set(s.name, version);
    }
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

  async finalize(target: TrafficTarget, stableVersion: string): Promise<void> {
    await this.setWeights(target, [{ version: stableVersion, weight: 100 }]);
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

  /**
   * Applies `live` back with a new spec: every field the operator owns is kept, the read version
   * guards it, and the applied-fields digest is made true to what is sent, so the AIModel
   * controller's next render of the same routes is recognised as already applied.
   */
  private async applyBack(rt: ResourceType, live: KubeObject, spec: object): Promise<void> {
    const { name, namespace, labels, annotations, ownerReferences, resourceVersion } = live.metadata;
    const config = applyConfiguration(rt, {
      apiVersion: `${rt.group}/${rt.version}`,
      kind: rt.kind,
      metadata: {
        name,
        namespace,
        ...(labels === undefined ? {} : { labels }),
        ...(annotations === undefined ? {} : { annotations: withoutLastApplied(annotations) }),
        ...(ownerReferences === undefined ? {} : { ownerReferences }),
      },
      spec,
    });
    const body = { ...config, metadata: { ...config.metadata, resourceVersion } };
    try {
      await this.client.patch(rt, namespace, name ?? '', body, 'apply', { force: true });
    } catch (error) {
      throw new Error(
        `${rt.kind} ${namespace}/${name}: server-side apply failed: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
  }
}

/** kubectl's client-side apply record is not ours to re-send. */
function withoutLastApplied(annotations: Record<string, string>): Record<string, string> {
  const { 'kubectl.kubernetes.io/last-applied-configuration': _last, ...rest } = annotations;
  return rest;
}
