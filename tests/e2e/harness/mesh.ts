/**
 * Stands in for Istio's data plane: follows the model's VirtualService and DestinationRule through
 * the API, as istiod would, and routes each request as Envoy would (see istio-routes.ts): routes in
 * order, the first whose match list has an entry the request satisfies (headers, cookies), else the
 * route without match conditions; a weighted choice among that route's versions; and a mirrored
 * copy to the route's mirror version for its percentage of requests. The split of the route every
 * plain request takes is kept with its time at every change, so tests can assert the walk of
 * weights and the bench can time it; every change of the whole routing table is kept too.
 *
 * With `router: 'gateway-api'` it stands in for a Gateway API implementation instead: it follows the
 * model's HTTPRoute and the Services its backendRefs name, routes by Gateway API's rules (see
 * gateway-routes.ts), and writes the route's `status.parents` as the gateway's controller would
 * (see gateway-status.ts).
 */
import { compileHttpRoute, type HttpRouteSpecView, type ServiceView } from './gateway-routes.js';
import { parentsToWrite, type RouteParentStatus, type RouteRefusal } from './gateway-status.js';
import {
  DESTINATION_RULES,
  HTTP_ROUTES,
  SERVICES,
  VIRTUAL_SERVICES,
  type KubeObject,
  type KubeRest,
} from './kube.js';
import {
  RoutingTable,
  type DestinationRuleSpecView,
  type MeshRequest,
  type MeshRoute,
  type Split,
  type VirtualServiceSpecView,
} from './istio-routes.js';

export type { Split } from './istio-routes.js';

/** One change of the split. */
export interface SplitChange {
  /** When it was seen (ms since the epoch). */
  readonly at: number;
  readonly split: Split;
}

/** One change of the routing table (any route, match or mirror). */
export interface TableChange {
  readonly at: number;
  readonly table: RoutingTable;
}

/** Where the mesh sends one request. */
export interface RouteDecision {
  /** The version that answers the client. */
  readonly version: string;
  /** The version a copy goes to (its answer discarded), when the route mirrors this request. */
  readonly mirror?: string;
  /** The route taken (its name, or `#i`). */
  readonly route: string;
  /** The table in force when the request was routed. */
  readonly table: RoutingTable;
}

interface VirtualServiceView extends KubeObject {
  spec?: VirtualServiceSpecView;
}

interface DestinationRuleView extends KubeObject {
  spec?: DestinationRuleSpecView;
}

interface HttpRouteView extends KubeObject {
  spec?: HttpRouteSpecView;
  status?: { parents?: RouteParentStatus[] };
}

/** Which routing objects the mesh follows: the operator's `--traffic-router`. */
export type MeshRouter = 'istio' | 'gateway-api';

export interface MeshOptions {
  readonly kube: KubeRest;
  readonly namespace: string;
  /** The AIModel's name: its VirtualService and DestinationRule, or its HTTPRoute, carry it. */
  readonly model: string;
  /** @default 'istio' */
  readonly router?: MeshRouter;
  /** How often the routing objects are read (milliseconds). @default 50 */
  readonly pollMs?: number;
}

export class Mesh {
  /** Every change of the split, oldest first. */
  readonly history: SplitChange[] = [];
  /** Every change of the routing table, oldest first. */
  readonly tables: TableChange[] = [];
  /**
   * Tables istiod would have refused (a subset that does not exist, an invalid RE2 regex), with
   * their time; the mesh keeps routing by the last valid one, as Envoy keeps its last good config.
   * With Gateway API: routes the harness's gateway cannot serve (see gateway-routes.ts).
   */
  readonly rejected: Array<{ readonly at: number; readonly problems: readonly string[] }> = [];
  /** With Gateway API: every HTTPRoute `status.parents` the mesh wrote, with its time and the route's generation. */
  readonly routeStatuses: Array<{
    readonly at: number;
    readonly generation: number;
    readonly parents: readonly RouteParentStatus[];
  }> = [];
  private current: Split = {};
  private table: RoutingTable = RoutingTable.EMPTY;
  /** Smooth weighted round robin per route: each version's running credit. */
  private readonly credit = new Map<string, Map<string, number>>();
  /** Requests each route has routed, for its mirror share. */
  private readonly routed = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private reading: Promise<void> | undefined;
  private stopped = false;
  /** The last error reading the routing objects (the split stays as it was, as Envoy's would). */
  lastError: string | undefined;
  /** With Gateway API: the last error writing the HTTPRoute's status, until a write succeeds. */
  statusError: string | undefined;
  private refusal: RouteRefusal | undefined;

  constructor(private readonly options: MeshOptions) {}

  start(): void {
    const loop = (): void => {
      if (this.stopped) return;
      this.reading = this.read().finally(() => {
        if (!this.stopped) this.timer = setTimeout(loop, this.options.pollMs ?? 50);
      });
    };
    loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.reading;
  }

  /**
   * With Gateway API: the gateway refuses the model's route from now on (Accepted False with this
   * reason, at every generation) and routes by the last table it accepted, as an implementation
   * whose listeners stop admitting a route serves none of its changes; `undefined` accepts again.
   */
  refuseRoutes(refusal: RouteRefusal | undefined): void {
    if (this.options.router !== 'gateway-api') throw new Error('refuseRoutes: the mesh follows Istio routes');
    this.refusal = refusal;
  }

  /** The split in force now. */
  split(): Split {
    return this.current;
  }

  /**
   * The split as the routing objects say it is now, read through the API after any read in flight.
   * The poll loop sees a change up to one interval late; a test that has just seen a status the
   * operator writes after the weights (a rollback, a pause at a step) reads the weights this way.
   */
  async refresh(): Promise<Split> {
    await this.reading;
    this.reading = this.read();
    await this.reading;
    return this.current;
  }

  /** The routing table in force now. */
  routing(): RoutingTable {
    return this.table;
  }

  /**
   * Where a request with these headers goes now (undefined when no route takes it, or its route
   * has no version). The weighted choice is smooth weighted round robin per route (as nginx
   * balances upstreams): deterministic, a version at weight w gets exactly w of every 100 requests
   * of that route, interleaved rather than in bursts, so every analysis window sees its share. The
   * mirror is as deterministic: a route mirroring p% mirrors request n when floor(n·p/100) grows,
   * so 50% mirrors exactly every other request.
   */
  route(
    headers: MeshRequest['headers'],
    request: Omit<MeshRequest, 'headers'> = {},
  ): RouteDecision | undefined {
    const table = this.table;
    const route = table.select({ ...request, headers: lowerCase(headers) });
    if (route === undefined) return undefined;
    const version = this.pick(route);
    if (version === undefined) return undefined;
    const n = (this.routed.get(route.key) ?? 0) + 1;
    this.routed.set(route.key, n);
    const p = route.mirror?.percent ?? 0;
    const mirrored =
      route.mirror !== undefined && Math.floor((n * p) / 100) > Math.floor(((n - 1) * p) / 100);
    return {
      version,
      route: route.key,
      table,
      ...(mirrored ? { mirror: route.mirror!.version } : {}),
    };
  }

  /**
   * First moment at or after `since` when the routing table satisfied `test`: `since` itself if the
   * table in force then did.
   */
  firstTableTime(test: (table: RoutingTable) => boolean, since = 0): number | undefined {
    const inForce = this.tables.findLast((c) => c.at <= since);
    if (inForce !== undefined && test(inForce.table)) return since;
    return this.tables.find((c) => c.at > since && test(c.table))?.at;
  }

  /** Weight of `version` now (0 when it has no route). */
  weight(version: string): number {
    return this.current[version] ?? 0;
  }

  /** The weights `version` moved through since `since` (ms since the epoch), in order, 0 included. */
  weightsOf(version: string, since = 0): number[] {
    const out: number[] = [];
    // A version starts with no route, i.e. weight 0; only changes from there are listed.
    let last = 0;
    for (const change of this.history) {
      const w = change.split[version] ?? 0;
      if (change.at >= since && w !== last) out.push(w);
      last = w;
    }
    return out;
  }

  /**
   * First moment at or after `since` (ms since the epoch) when the split gave `version` a weight
   * `test` accepts: `since` itself if the split in force then (seen at or before `since`) did.
   */
  firstTime(version: string, test: (weight: number) => boolean, since = 0): number | undefined {
    const inForce = this.history.findLast((c) => c.at <= since);
    if (inForce !== undefined && test(inForce.split[version] ?? 0)) return since;
    return this.history.find((c) => c.at > since && test(c.split[version] ?? 0))?.at;
  }

  /** Every version earns its weight in credit; the richest is picked and pays the total. */
  private pick(route: MeshRoute): string | undefined {
    const split = route.split;
    const credit = this.credit.get(route.key) ?? new Map<string, number>();
    this.credit.set(route.key, credit);
    for (const v of [...credit.keys()]) if (!(v in split)) credit.delete(v);
    let best: string | undefined;
    let total = 0;
    for (const v of Object.keys(split).sort()) {
      const c = (credit.get(v) ?? 0) + split[v]!;
      credit.set(v, c);
      total += split[v]!;
      if (best === undefined || c > credit.get(best)!) best = v;
    }
    if (best !== undefined) credit.set(best, credit.get(best)! - total);
    return best;
  }

  private async read(): Promise<void> {
    try {
      const table =
        this.options.router === 'gateway-api' ? await this.readHttpRoute() : await this.readIstio();
      this.lastError = undefined;
      if (table.problems.length > 0) {
        // istiod refuses such a VirtualService; Envoy keeps routing by the last one it accepted. A
        // route the harness's gateway cannot serve is kept out the same way (gateway-routes.ts).
        const last = this.rejected.at(-1);
        if (last === undefined || last.problems.join() !== table.problems.join()) {
          this.rejected.push({ at: Date.now(), problems: table.problems });
        }
        this.lastError = `routing refused: ${table.problems.join('; ')}`;
        return;
      }
      const at = Date.now();
      if (!table.equals(this.table)) {
        this.table = table;
        this.tables.push({ at, table });
      }
      const split = table.split;
      if (JSON.stringify(split) !== JSON.stringify(this.current)) {
        this.current = split;
        this.history.push({ at, split });
      }
    } catch (error) {
      this.lastError = (error as Error).message;
    }
  }

  private async readIstio(): Promise<RoutingTable> {
    const { kube, namespace, model } = this.options;
    // The VirtualService first: subsets are added before routes name them, so a DestinationRule
    // read after it has every subset it routes to.
    const vs = await kube.get<VirtualServiceView>(VIRTUAL_SERVICES, namespace, model);
    const dr = await kube.get<DestinationRuleView>(DESTINATION_RULES, namespace, model);
    return RoutingTable.parse(vs?.spec, dr?.spec);
  }

  /** The HTTPRoute's table, once its status says what the gateway makes of it. */
  private async readHttpRoute(): Promise<RoutingTable> {
    const { kube, namespace, model } = this.options;
    // Services read before and after the route: one created before the route named it is in the
    // second list, one deleted after the route stopped naming it in the first, so a route read
    // between two writes never seems to name a Service that is not there.
    const before = await kube.list<ServiceView & KubeObject>(SERVICES, namespace);
    const route = await kube.get<HttpRouteView>(HTTP_ROUTES, namespace, model);
    const after = await kube.list<ServiceView & KubeObject>(SERVICES, namespace);
    const services = new Map([...before, ...after].map((s) => [s.metadata.name, s]));
    const compiled = compileHttpRoute(route, [...services.values()]);
    const refusal = this.refusal;
    if (route !== undefined) {
      const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
      const parents = parentsToWrite(route, compiled, now, refusal);
      // A failed status write is tried again at the next read; routing goes on meanwhile.
      if (parents !== undefined) {
        try {
          await kube.mergePatch(HTTP_ROUTES, namespace, model, { status: { parents } }, 'status');
          this.routeStatuses.push({ at: Date.now(), generation: route.metadata.generation ?? 0, parents });
          this.statusError = undefined;
        } catch (error) {
          this.statusError = (error as Error).message;
        }
      }
    }
    return refusal === undefined ? compiled.table : this.table;
  }
}

function lowerCase(headers: MeshRequest['headers']): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v;
  return out;
}
