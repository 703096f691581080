/**
 * The HTTP routes of a VirtualService as Envoy runs them, for the mesh of the end-to-end harness:
 * routes are tried in order and a request takes the first whose `match` list has an entry it
 * satisfies (entries are ORed; every condition inside one entry must hold); a route without `match`
 * takes every request, so routes after it are never reached. Subsets are mapped to versions by the
 * DestinationRule's `version` labels.
 *
 * String matches follow Istio's StringMatch: `exact`, `prefix`, or `regex`, an RE2 expression that
 * must match the whole value. RE2 and JavaScript agree on the syntax a router writes (classes,
 * groups, alternation, repetition); what RE2 refuses (lookaround, backreferences) makes the table
 * invalid, as istiod's validation would refuse the VirtualService.
 */

/** Percent of requests per version; versions without weight are absent. */
export type Split = Readonly<Record<string, number>>;

/** Istio StringMatch. */
export interface StringMatchView {
  exact?: string;
  prefix?: string;
  regex?: string;
}

/** Istio HTTPMatchRequest (the fields the harness evaluates; any other makes the table invalid). */
export interface HttpMatchView {
  name?: string;
  headers?: Record<string, StringMatchView>;
  withoutHeaders?: Record<string, StringMatchView>;
  uri?: StringMatchView;
  method?: StringMatchView;
  authority?: StringMatchView;
  ignoreUriCase?: boolean;
  [field: string]: unknown;
}

export interface HttpRouteView {
  name?: string;
  match?: HttpMatchView[];
  route?: Array<{ destination?: { host?: string; subset?: string }; weight?: number }>;
  mirror?: { host?: string; subset?: string };
  mirrorPercentage?: { value?: number };
  /** Deprecated form of mirrorPercentage (an integer percent). */
  mirrorPercent?: number;
  [field: string]: unknown;
}

export interface VirtualServiceSpecView {
  hosts?: string[];
  http?: HttpRouteView[];
}

export interface DestinationRuleSpecView {
  subsets?: Array<{ name?: string; labels?: Record<string, string> }>;
}

/** A request as the mesh sees it: lower-case header names (`cookie` included), method and path. */
export interface MeshRequest {
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** @default 'POST' */
  readonly method?: string;
  /** @default '/v1/chat/completions' */
  readonly path?: string;
}

/** One route, with subsets resolved to versions. */
export interface MeshRoute {
  /** The route's name, or `#i` for an unnamed route at index i. */
  readonly key: string;
  readonly name: string | undefined;
  /** The ORed match entries; undefined (or empty) takes every request. */
  readonly matches: readonly CompiledMatch[] | undefined;
  /** Weight per version (0 weights left out). */
  readonly split: Split;
  /** The mirrored version and the percent of this route's requests it gets a copy of. */
  readonly mirror?: { readonly version: string; readonly percent: number };
}

/** One match entry of a route (an Istio HTTPMatchRequest, a Gateway API HTTPRouteMatch), compiled. */
export interface CompiledMatch {
  /** As written in the routing object. */
  readonly source: Readonly<Record<string, unknown>>;
  readonly test: (request: MeshRequest) => boolean;
}

/** One match entry in the order requests try them, with the route it leads to. */
export interface MatchEntry {
  readonly route: MeshRoute;
  /** Undefined: the route takes every request that reaches this entry. */
  readonly match: CompiledMatch | undefined;
}

const KNOWN_MATCH_FIELDS = new Set([
  'name',
  'headers',
  'withoutHeaders',
  'uri',
  'method',
  'authority',
  'ignoreUriCase',
]);

/**
 * The routing a VirtualService and DestinationRule say, or the reasons istiod would refuse it; or
 * the routing another compiler built from other objects (see gateway-routes.ts, through {@link of}).
 */
export class RoutingTable {
  private constructor(
    readonly routes: readonly MeshRoute[],
    /** What clients put in their Host header (the VirtualService's first host). */
    readonly host: string | undefined,
    /** Why the table is not what the data plane would run (unknown subsets, invalid regexes, unknown fields). */
    readonly problems: readonly string[],
    /** Every match entry, in the order a request tries them. */
    private readonly entries: readonly MatchEntry[],
  ) {}

  static readonly EMPTY = RoutingTable.of([], undefined, []);

  /**
   * A table of compiled routes. `entries` is the order requests try the match entries in; by default
   * Istio's: route after route, each route's entries in order, a route without match conditions
   * taking every request that reaches it.
   */
  static of(
    routes: readonly MeshRoute[],
    host: string | undefined,
    problems: readonly string[],
    entries: readonly MatchEntry[] = inRouteOrder(routes),
  ): RoutingTable {
    return new RoutingTable(routes, host, problems, entries);
  }

  static parse(
    vs: VirtualServiceSpecView | undefined,
    dr: DestinationRuleSpecView | undefined,
  ): RoutingTable {
    const problems: string[] = [];
    const versionOf = new Map<string, string>();
    for (const s of dr?.subsets ?? []) {
      const version = s.labels?.['version'];
      if (s.name !== undefined && version !== undefined) versionOf.set(s.name, version);
    }
    const routes = (vs?.http ?? []).map((r, i): MeshRoute => {
      const key = r.name ?? `#${i}`;
      const split: Record<string, number> = {};
      const destinations = r.route ?? [];
      for (const d of destinations) {
        const subset = d.destination?.subset ?? '';
        const version = versionOf.get(subset);
        // A single destination without a weight takes all traffic, as in Istio.
        const weight = d.weight ?? (destinations.length === 1 ? 100 : 0);
        if (version === undefined) {
          if (weight > 0) problems.push(`route ${key}: subset '${subset}' is not in the DestinationRule`);
          continue;
        }
        if (weight > 0) split[version] = (split[version] ?? 0) + weight;
      }
      let mirror: MeshRoute['mirror'];
      if (r.mirror !== undefined) {
        const version = versionOf.get(r.mirror.subset ?? '');
        // Without a percentage Istio mirrors every request.
        const percent = r.mirrorPercentage?.value ?? r.mirrorPercent ?? 100;
        if (version === undefined) {
          problems.push(
            `route ${key}: mirror subset '${r.mirror.subset ?? ''}' is not in the DestinationRule`,
          );
        } else if (!(percent >= 0 && percent <= 100)) {
          problems.push(`route ${key}: mirrorPercentage ${percent} is outside 0..100`);
        } else if (percent > 0) {
          mirror = { version, percent };
        }
      }
      const matches =
        r.match === undefined || r.match.length === 0
          ? undefined
          : r.match.map((m, j) => compileMatch(m, `route ${key} match[${j}]`, problems));
      return { key, name: r.name, matches, split, ...(mirror === undefined ? {} : { mirror }) };
    });
    return RoutingTable.of(routes, vs?.hosts?.[0], problems);
  }

  /** The route `request` takes, or undefined when none matches (Envoy answers 404). */
  select(request: MeshRequest): MeshRoute | undefined {
    return this.entries.find((e) => e.match === undefined || e.match.test(request))?.route;
  }

  /** The first route without match conditions: the one every plain request takes. */
  get defaultRoute(): MeshRoute | undefined {
    return this.routes.find((r) => r.matches === undefined);
  }

  /** The split of the default route. */
  get split(): Split {
    return this.defaultRoute?.split ?? {};
  }

  /** Weight of `version` on the default route. */
  weight(version: string): number {
    return this.split[version] ?? 0;
  }

  /**
   * Routes with match conditions that send requests to `version`: a preview's or a cohort's. The
   * session routes (`session-<version>`, one per serving version, for forwarded turns) are left out:
   * they route no client's request by its own headers.
   */
  matchedRoutesTo(version: string): MeshRoute[] {
    return this.routes.filter(
      (r) => r.matches !== undefined && (r.split[version] ?? 0) > 0 && !r.key.startsWith('session-'),
    );
  }

  /** The session routes of forwarded turns, by version. */
  sessionRoutes(): MeshRoute[] {
    return this.routes.filter((r) => r.key.startsWith('session-'));
  }

  /** The mirror of the default route. */
  get mirror(): MeshRoute['mirror'] {
    return this.defaultRoute?.mirror;
  }

  /** Same routing (matches as written, splits, mirrors) as `other`. */
  equals(other: RoutingTable): boolean {
    return this.fingerprint() === other.fingerprint();
  }

  fingerprint(): string {
    return JSON.stringify({
      host: this.host,
      problems: this.problems,
      routes: this.routes.map((r) => ({
        key: r.key,
        matches: r.matches?.map((m) => m.source),
        split: Object.entries(r.split).sort(),
        mirror: r.mirror,
      })),
    });
  }
}

/** Istio's order: the routes in order, a route's match entries in order. */
function inRouteOrder(routes: readonly MeshRoute[]): MatchEntry[] {
  return routes.flatMap((route): MatchEntry[] =>
    route.matches === undefined
      ? [{ route, match: undefined }]
      : route.matches.map((match) => ({ route, match })),
  );
}

function compileMatch(m: HttpMatchView, where: string, problems: string[]): CompiledMatch {
  const unknown = Object.keys(m).filter((k) => !KNOWN_MATCH_FIELDS.has(k));
  if (unknown.length > 0) {
    problems.push(`${where}: the harness does not evaluate ${unknown.join(', ')}`);
    return { source: m, test: () => false };
  }
  const conditions: Array<(request: MeshRequest) => boolean> = [];
  for (const [name, match] of Object.entries(m.headers ?? {})) {
    const test = compileStringMatch(match, `${where} headers.${name}`, problems);
    const header = name.toLowerCase();
    conditions.push((request) => {
      const value = request.headers[header];
      return value !== undefined && test(value);
    });
  }
  for (const [name, match] of Object.entries(m.withoutHeaders ?? {})) {
    const test = compileStringMatch(match, `${where} withoutHeaders.${name}`, problems);
    const header = name.toLowerCase();
    conditions.push((request) => {
      const value = request.headers[header];
      return value === undefined || !test(value);
    });
  }
  if (m.uri !== undefined) {
    const test = compileStringMatch(m.uri, `${where} uri`, problems, m.ignoreUriCase === true);
    conditions.push((request) => test(request.path ?? '/v1/chat/completions'));
  }
  if (m.method !== undefined) {
    const test = compileStringMatch(m.method, `${where} method`, problems);
    conditions.push((request) => test(request.method ?? 'POST'));
  }
  if (m.authority !== undefined) {
    const test = compileStringMatch(m.authority, `${where} authority`, problems);
    conditions.push((request) => test(request.headers['host'] ?? ''));
  }
  return { source: m, test: (request) => conditions.every((c) => c(request)) };
}

/**
 * Istio StringMatch: exactly one of exact, prefix, regex; an empty match (`{}`) asks only that the
 * header be present.
 */
function compileStringMatch(
  match: StringMatchView,
  where: string,
  problems: string[],
  ignoreCase = false,
): (value: string) => boolean {
  const set = (['exact', 'prefix', 'regex'] as const).filter((k) => match[k] !== undefined);
  if (set.length > 1) {
    problems.push(`${where}: sets ${set.join(' and ')}; Istio takes exactly one`);
    return () => false;
  }
  const fold = (s: string): string => (ignoreCase ? s.toLowerCase() : s);
  if (match.exact !== undefined) {
    const exact = fold(match.exact);
    return (value) => fold(value) === exact;
  }
  if (match.prefix !== undefined) {
    const prefix = fold(match.prefix);
    return (value) => fold(value).startsWith(prefix);
  }
  if (match.regex !== undefined) {
    try {
      const re = compileRe2(match.regex, ignoreCase);
      return (value) => re.test(value);
    } catch (error) {
      problems.push(`${where}: regex ${JSON.stringify(match.regex)}: ${(error as Error).message}`);
      return () => false;
    }
  }
  return () => true;
}

/**
 * An RE2 expression as a JavaScript RegExp matching whole values only (Envoy's safe_regex is a full
 * match). Leading `(?i)`, `(?s)` and `(?P<name>` are translated; what RE2 has no such thing as
 * (lookahead, lookbehind, backreferences) is refused.
 * @throws Error saying what RE2 would refuse
 */
export function compileRe2(pattern: string, ignoreCase = false): RegExp {
  let body = pattern;
  // No `u` flag: RE2 accepts escaped punctuation (`\;`, `\-`) that unicode mode refuses.
  let flags = '';
  const leading = /^\(\?([imsU]+)\)/.exec(body);
  if (leading !== null) {
    for (const f of leading[1]!) {
      if (f === 'U') throw new Error('the U (ungreedy) flag has no JavaScript equivalent');
      if (!flags.includes(f)) flags += f;
    }
    body = body.slice(leading[0].length);
  }
  if (ignoreCase && !flags.includes('i')) flags += 'i';
  if (/\(\?<?[=!]/.test(body)) throw new Error('RE2 has no lookahead or lookbehind');
  if (/(^|[^\\])(\\\\)*\\[1-9]/.test(body)) throw new Error('RE2 has no backreferences');
  if (/\(\?[a-zA-Z]+\)/.test(body)) throw new Error('inline flags are only translated at the start');
  body = body
    .replace(/\(\?P</g, '(?<')
    .replace(/\\A/g, '^')
    .replace(/\\z/g, '$');
  return new RegExp(`^(?:${body})$`, flags);
}
