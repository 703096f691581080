/**
 * The rules of an HTTPRoute as a Gateway API implementation runs them, for the mesh of the
 * end-to-end harness: the same RoutingTable the VirtualService compiles to (istio-routes.ts), built
 * by Gateway API's rules instead of Istio's.
 *
 * - Precedence is per match entry, across rules (HTTPRoute spec, "rule matching precedence"): an
 *   Exact path before any PathPrefix, a longer prefix before a shorter one, then an entry with a
 *   method match, then the one with more header matches (query params come next in the spec's
 *   order; the harness refuses them, below); ties go to the earlier rule. The first entry a request
 *   satisfies picks the rule. Not rule order, as in Istio: a rule written after the catch-all still
 *   takes the requests its headers select. (Across routes the spec orders by hostname, creation time
 *   and name first; the harness follows one route, the model's.)
 * - An entry holds when its path and ALL its headers hold. Header names are case-insensitive (the
 *   first of equivalent names counts, as the spec says); `Exact` compares the value, and
 *   `RegularExpression` is an RE2 expression matching the whole value ({@link compileRe2}), as
 *   Envoy-based implementations run it. PathPrefix matches whole path elements (`/v1` takes `/v1`
 *   and `/v1/x`, never `/v10`). A missing path is the API server's default, PathPrefix `/`.
 * - With `hostnames` and a Gateway parent, a request's Host (its port left out) must be one of them,
 *   `*.` matching one or more leading labels; the hostnames of a route whose parents are all Services
 *   (GAMMA) are ignored, as the mesh profile says.
 * - backendRefs share the rule's requests by relative weight (1 when unset; 0 takes none), turned
 *   into percent, so a single backend takes 100. A backend is a Service in the route's namespace;
 *   its version is its selector's `version` label, which is how the pods are told apart.
 * - A RequestMirror filter copies `percent` (or `fraction` numerator/denominator) of the rule's
 *   requests, all of them when neither is set.
 * - `timeouts` are accepted and not enforced: the load generator's clients time out on their own.
 *
 * A backendRef the gateway cannot resolve (no such Service, no such port, another kind or namespace)
 * makes that share of requests answered 500 by a real implementation, which no analysis of the
 * versions' metrics would see. The harness records it as a problem of the table instead, so the
 * mesh keeps routing by the last valid one and a test sees it as an error (`Mesh.rejected`) rather
 * than as requests that quietly failed; the status the mesh writes still reports it
 * (ResolvedRefs False), as the gateway would, weight 0 included. Anything else the harness cannot
 * honour (other filters, per-backend filters, queryParams, RegularExpression paths, whose precedence
 * the spec leaves to implementations, unknown fields) is a problem too, which the status reports as
 * the route not Accepted (see gateway-status.ts).
 */
import {
  compileRe2,
  RoutingTable,
  type CompiledMatch,
  type MatchEntry,
  type MeshRequest,
  type MeshRoute,
} from './istio-routes.js';

/** Gateway API ParentReference. */
export interface ParentRefView {
  group?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  sectionName?: string;
  port?: number;
}

/** Gateway API HTTPBackendRef (and the BackendObjectReference of a RequestMirror filter). */
export interface BackendRefView {
  group?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  port?: number;
  weight?: number;
  filters?: unknown[];
}

export interface HttpHeaderMatchView {
  type?: string;
  name?: string;
  value?: string;
}

/** Gateway API HTTPRouteMatch (the fields the harness evaluates; any other makes the table invalid). */
export interface HttpRouteMatchView {
  path?: { type?: string; value?: string };
  headers?: HttpHeaderMatchView[];
  method?: string;
  queryParams?: unknown[];
  [field: string]: unknown;
}

export interface HttpRouteFilterView {
  type?: string;
  requestMirror?: {
    backendRef?: BackendRefView;
    percent?: number;
    fraction?: { numerator?: number; denominator?: number };
  };
  [field: string]: unknown;
}

export interface HttpRouteRuleView {
  name?: string;
  matches?: HttpRouteMatchView[];
  filters?: HttpRouteFilterView[];
  backendRefs?: BackendRefView[];
  timeouts?: { request?: string; backendRequest?: string };
  [field: string]: unknown;
}

export interface HttpRouteSpecView {
  parentRefs?: ParentRefView[];
  hostnames?: string[];
  rules?: HttpRouteRuleView[];
  [field: string]: unknown;
}

/** The parts of an HTTPRoute the compiler reads. */
export interface HttpRouteObjectView {
  metadata: { name: string; namespace?: string };
  spec?: HttpRouteSpecView;
}

/** The parts of a Service the compiler reads. */
export interface ServiceView {
  metadata: { name: string; namespace?: string };
  spec?: { selector?: Record<string, string>; ports?: Array<{ name?: string; port?: number }> };
}

/** A backendRef the gateway could not resolve: the reason it reports in the ResolvedRefs condition. */
export interface UnresolvedRef {
  readonly reason: 'BackendNotFound' | 'InvalidKind' | 'RefNotPermitted';
  /** Names the rule, the backend and what is wrong. */
  readonly message: string;
}

/** An HTTPRoute compiled: the table the harness routes by, and what the gateway reports of it. */
export interface CompiledHttpRoute {
  readonly table: RoutingTable;
  /** Every backendRef (weighted or mirrored, weight 0 included) the gateway cannot resolve. */
  readonly unresolved: readonly UnresolvedRef[];
  /**
   * What the harness's gateway does not serve (fields, filters, match types, invalid regexes): the
   * table's problems other than unresolved backends, reported as a route not Accepted.
   */
  readonly unsupported: readonly string[];
}

const KNOWN_SPEC_FIELDS = new Set(['parentRefs', 'hostnames', 'rules']);
const KNOWN_RULE_FIELDS = new Set(['name', 'matches', 'filters', 'backendRefs', 'timeouts']);
const KNOWN_MATCH_FIELDS = new Set(['path', 'headers', 'method', 'queryParams']);
const GATEWAY_GROUP = 'gateway.networking.k8s.io';

/** `demo` in `suoke-ai`, read with the Services there, as the gateway would route it. */
export function compileHttpRoute(
  route: HttpRouteObjectView | undefined,
  services: readonly ServiceView[],
): CompiledHttpRoute {
  if (route === undefined) return { table: RoutingTable.EMPTY, unresolved: [], unsupported: [] };
  const namespace = route.metadata.namespace ?? 'default';
  const spec = route.spec ?? {};
  const problems: string[] = [];
  const unresolved: UnresolvedRef[] = [];
  /** Shares of requests (weighted or mirrored) that go to a backend that cannot be resolved. */
  const unservable: string[] = [];
  const unknown = Object.keys(spec).filter((k) => !KNOWN_SPEC_FIELDS.has(k));
  if (unknown.length > 0) problems.push(`spec: the harness does not evaluate ${unknown.join(', ')}`);

  const parents = spec.parentRefs ?? [];
  const gatewayParent = parents.some(
    (p) => (p.group ?? GATEWAY_GROUP) === GATEWAY_GROUP && (p.kind ?? 'Gateway') === 'Gateway',
  );
  const hostnames = gatewayParent ? (spec.hostnames ?? []) : [];
  const serviceParent = parents.find((p) => p.group === '' && p.kind === 'Service');
  const host =
    hostnames[0]?.replace(/^\*\./, `${route.metadata.name}.`) ??
    (serviceParent?.name === undefined
      ? undefined
      : `${serviceParent.name}.${serviceParent.namespace ?? namespace}.svc.cluster.local`);
  const hostTest = compileHostnames(hostnames);

  const byName = new Map(
    services
      .filter((s) => (s.metadata.namespace ?? namespace) === namespace)
      .map((s) => [s.metadata.name, s]),
  );
  /** The version behind a backendRef, or undefined (with the reason recorded) when it has none. */
  const resolve = (ref: BackendRefView | undefined, where: string): string | undefined => {
    const group = ref?.group ?? '';
    const kind = ref?.kind ?? 'Service';
    const name = ref?.name ?? '';
    const fail = (reason: UnresolvedRef['reason'], why: string): undefined => {
      unresolved.push({ reason, message: `${where}: ${why}` });
      return undefined;
    };
    if (group !== '' || kind !== 'Service') {
      return fail('InvalidKind', `${group === '' ? 'core' : group} ${kind} ${name} is not a Service`);
    }
    if ((ref?.namespace ?? namespace) !== namespace) {
      return fail(
        'RefNotPermitted',
        `Service ${ref?.namespace}/${name} is in another namespace, with no ReferenceGrant`,
      );
    }
    const service = byName.get(name);
    if (service === undefined) return fail('BackendNotFound', `Service ${namespace}/${name} does not exist`);
    if (!(service.spec?.ports ?? []).some((p) => p.port === ref?.port)) {
      return fail(
        'BackendNotFound',
        `Service ${namespace}/${name} has no port ${ref?.port ?? '(none given)'}`,
      );
    }
    const version = service.spec?.selector?.['version'];
    if (version === undefined) {
      // A real gateway routes to whatever pods it selects; the harness only knows pods by version.
      unservable.push(`${where}: Service ${name} selects no version (its selector has no 'version' label)`);
    }
    return version;
  };

  const entries: Array<MatchEntry & { readonly rank: readonly number[] }> = [];
  const routes = (spec.rules ?? []).map((rule, i): MeshRoute => {
    const key = rule.name ?? `#${i}`;
    const where = `rule ${key}`;
    const unknownRule = Object.keys(rule).filter((k) => !KNOWN_RULE_FIELDS.has(k));
    if (unknownRule.length > 0)
      problems.push(`${where}: the harness does not evaluate ${unknownRule.join(', ')}`);

    const refs = rule.backendRefs ?? [];
    const total = refs.reduce((sum, r) => sum + (r.weight ?? 1), 0);
    const split: Record<string, number> = {};
    refs.forEach((ref, j) => {
      const at = `${where} backendRefs[${j}]`;
      const weight = ref.weight ?? 1;
      if ((ref.filters?.length ?? 0) > 0)
        problems.push(`${at}: the harness does not apply per-backend filters`);
      const version = resolve(ref, at);
      if (version === undefined) {
        // A real gateway answers this share 500 (see the file comment).
        if (weight > 0)
          unservable.push(
            `${at}: Service ${ref.name ?? ''} cannot be resolved; its share would be answered 500`,
          );
        return;
      }
      if (weight > 0) split[version] = (split[version] ?? 0) + (100 * weight) / total;
    });

    let mirror: MeshRoute['mirror'];
    (rule.filters ?? []).forEach((filter, j) => {
      const at = `${where} filters[${j}]`;
      if (filter.type !== 'RequestMirror') {
        problems.push(`${at}: the harness does not apply ${filter.type ?? 'an untyped'} filters`);
        return;
      }
      if (mirror !== undefined) {
        problems.push(`${at}: a second RequestMirror; the harness mirrors to one backend`);
        return;
      }
      const m = filter.requestMirror ?? {};
      const percent =
        m.percent ??
        (m.fraction === undefined
          ? 100
          : (100 * (m.fraction.numerator ?? 0)) / (m.fraction.denominator ?? 100));
      const version = resolve(m.backendRef, `${at} requestMirror`);
      if (version === undefined) {
        unservable.push(`${at}: the mirror's Service ${m.backendRef?.name ?? ''} cannot be resolved`);
      } else if (!(percent >= 0 && percent <= 100)) {
        problems.push(`${at}: mirrors ${percent}% of requests, outside 0..100`);
      } else if (percent > 0) {
        mirror = { version, percent };
      }
    });

    // The API server's default for a rule without matches: PathPrefix `/`, every request.
    const written = rule.matches === undefined || rule.matches.length === 0 ? [{}] : rule.matches;
    const compiled = written.map((m, j) => compileMatch(m, `${where} matches[${j}]`, hostTest, problems));
    const takesEverything = compiled.some((c) => c.catchAll);
    const meshRoute: MeshRoute = {
      key,
      name: rule.name,
      // A rule one of whose entries takes every request is, in the table's terms, unconditional.
      matches: takesEverything ? undefined : compiled.map((c) => c.match),
      split,
      ...(mirror === undefined ? {} : { mirror }),
    };
    for (const c of compiled) entries.push({ route: meshRoute, match: c.match, rank: [...c.rank, i] });
    return meshRoute;
  });
  entries.sort((a, b) => compareRanks(a.rank, b.rank));
  return {
    table: RoutingTable.of(routes, host, [...problems, ...unservable], entries),
    unresolved,
    unsupported: problems,
  };
}

/** One match entry, compiled, with its precedence (smaller ranks first). */
interface RankedMatch {
  readonly match: CompiledMatch;
  readonly rank: readonly number[];
  /** PathPrefix `/` and nothing else: it takes every request (to the route's hostnames). */
  readonly catchAll: boolean;
}

function compileMatch(
  m: HttpRouteMatchView,
  where: string,
  hostTest: (host: string) => boolean,
  problems: string[],
): RankedMatch {
  const refuse = (why: string): RankedMatch => {
    problems.push(`${where}: ${why}`);
    return { match: { source: m, test: () => false }, rank: [Infinity], catchAll: false };
  };
  const unknown = Object.keys(m).filter((k) => !KNOWN_MATCH_FIELDS.has(k));
  if (unknown.length > 0) return refuse(`the harness does not evaluate ${unknown.join(', ')}`);
  if ((m.queryParams?.length ?? 0) > 0) return refuse('the harness does not evaluate queryParams');

  const pathType = m.path?.type ?? 'PathPrefix';
  const pathValue = m.path?.value ?? '/';
  let pathTest: (path: string) => boolean;
  if (pathType === 'Exact') {
    pathTest = (path) => path === pathValue;
  } else if (pathType === 'PathPrefix') {
    const prefix = pathValue.replace(/\/+$/, '');
    pathTest = (path) => prefix === '' || path === prefix || path.startsWith(`${prefix}/`);
  } else {
    return refuse(
      `path type ${pathType}: its precedence is implementation-specific; the harness does not evaluate it`,
    );
  }

  const headerTests: Array<(request: MeshRequest) => boolean> = [];
  const seen = new Set<string>();
  for (const [j, h] of (m.headers ?? []).entries()) {
    const name = (h.name ?? '').toLowerCase();
    // Equivalent names: only the first counts.
    if (seen.has(name)) continue;
    seen.add(name);
    const at = `${where} headers[${j}] ${h.name ?? ''}`;
    const type = h.type ?? 'Exact';
    const value = h.value ?? '';
    let test: (v: string) => boolean;
    if (type === 'Exact') {
      test = (v) => v === value;
    } else if (type === 'RegularExpression') {
      try {
        const re = compileRe2(value);
        test = (v) => re.test(v);
      } catch (error) {
        return refuse(
          `${at.slice(where.length + 1)}: regex ${JSON.stringify(value)}: ${(error as Error).message}`,
        );
      }
    } else {
      return refuse(
        `${at.slice(where.length + 1)}: header match type ${type} is neither Exact nor RegularExpression`,
      );
    }
    headerTests.push((request) => {
      const v = request.headers[name];
      return v !== undefined && test(v);
    });
  }
  const method = m.method;
  const test = (request: MeshRequest): boolean =>
    hostTest(hostOf(request)) &&
    pathTest((request.path ?? '/v1/chat/completions').replace(/\?.*$/, '')) &&
    (method === undefined || (request.method ?? 'POST') === method) &&
    headerTests.every((t) => t(request));
  return {
    match: { source: m, test },
    // Exact before prefix, longer paths first, a method match, more headers (query params, next in
    // the spec's order, are refused above).
    rank: [pathType === 'Exact' ? 0 : 1, -pathValue.length, method === undefined ? 1 : 0, -seen.size],
    catchAll:
      pathType === 'PathPrefix' &&
      pathValue.replace(/\/+$/, '') === '' &&
      method === undefined &&
      seen.size === 0,
  };
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return 0;
}

/** The request's host name: the Host header, its port left out. */
function hostOf(request: MeshRequest): string {
  const host = request.headers['host'] ?? '';
  return (/^(\[[^\]]*\]|[^:]*)(:\d+)?$/.exec(host)?.[1] ?? host).toLowerCase();
}

/** Listener-style hostname matching: exact, or `*.` standing for one or more leading labels. */
function compileHostnames(hostnames: readonly string[]): (host: string) => boolean {
  if (hostnames.length === 0) return () => true;
  const tests = hostnames.map((h) => {
    const name = h.toLowerCase();
    if (!name.startsWith('*.')) return (host: string) => host === name;
    const suffix = name.slice(1);
    return (host: string) => host.endsWith(suffix) && host.length > suffix.length;
  });
  return (host) => tests.some((t) => t(host));
}
