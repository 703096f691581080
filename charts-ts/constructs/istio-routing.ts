import { ApiObject, type ApiObjectMetadata } from 'cdk8s';
import { Construct } from 'constructs';
import type { CandidateRouting, CookieMatch, RequestMatch } from '../../crds/api/index.js';
import { COOKIE_NAME_PATTERN, HEADER_NAME_PATTERN } from '../../crds/api/strategy.js';
import { SESSION_VERSION_HEADER, sessionRouteName } from '../session-affinity.js';
import { SERVICE_PORT } from './agent-service.js';
import { assertIstioDuration } from './durations.js';
import {
  LABEL_VERSION,
  assertDistinctLabels,
  assertDnsLabel,
  assertLabelValue,
  modelLabels,
  subsetName,
  CANDIDATE_ROUTE,
  VERSIONS_ROUTE,
  type AgentIdentity,
} from './workload-names.js';

// The router in operators/traffic names the same routes and subsets; both read them from workload-names.
export { subsetName, CANDIDATE_ROUTE, VERSIONS_ROUTE } from './workload-names.js';
// The model's PeerAuthentication and AuthorizationPolicy, which guard its pods under any routes.
export { DEFAULT_GATEWAY_PRINCIPAL, ISTIO_SECURITY } from './istio-security.js';

/** Istio networking API version we write (v1 is served by Istio 1.22+ and is the storage version from 1.24). */
export const ISTIO_NETWORKING = 'networking.istio.io/v1';

/** Retry conditions safe for non-idempotent completions: the request never reached a ready runtime. */
export const DEFAULT_RETRY_ON = 'connect-failure,refused-stream,unavailable,503';

/** Traffic share of one version. */
export interface VersionWeight {
  /** `ModelVersion.spec.version`. */
  readonly version: string;
  /** Percent of requests, 0-100; the weights of all versions add up to 100. */
  readonly weight: number;
}

/** A candidate version and its routes besides its weight (the operator's router writes the same routes). */
export interface RoutedCandidate {
  /** `ModelVersion.spec.version`. */
  readonly version: string;
  readonly routing: CandidateRouting;
}

export interface RetryProps {
  /** Retries per request; 0 turns retries off. */
  readonly attempts: number;
  /**
   * Timeout of each try.
   * @default - the route timeout
   */
  readonly perTryTimeout?: string;
  /**
   * Istio retry conditions.
   * @default DEFAULT_RETRY_ON
   */
  readonly retryOn?: string;
}

export interface ConnectionPoolProps {
  /** @default - Istio's default (unlimited) */
  readonly maxConnections?: number;
  /** @default - Istio's default (unlimited) */
  readonly maxPendingRequests?: number;
  /** @default - Istio's default (unlimited); 0 means unlimited */
  readonly maxRequestsPerConnection?: number;
}

export interface OutlierDetectionProps {
  /** @default 5 */
  readonly consecutive5xxErrors?: number;
  /** @default '10s' */
  readonly interval?: string;
  /** @default '30s' */
  readonly baseEjectionTime?: string;
  /** @default 50 */
  readonly maxEjectionPercent?: number;
}

export interface IstioRoutingProps extends AgentIdentity {
  /**
   * Namespace of every object.
   * @default - none: the namespace of whoever applies the manifests
   */
  readonly namespace?: string;
  /** Host of the model's Service (`AgentService.host`). */
  readonly serviceHost: string;
  /** Versions that have pods; each gets a DestinationRule subset. */
  readonly versions: readonly string[];
  /**
   * Traffic split. Every version named must be in `versions`; weights add up to 100. Versions left out get 0.
   * @default - 100 to the only version; required when there are several
   */
  readonly weights?: readonly VersionWeight[];
  /**
   * The version being rolled out and its routes besides its weight: with `routing.matches`, a
   * CANDIDATE_ROUTE right before the VERSIONS_ROUTE sends requests matching any of them to it; with
   * `routing.mirrorPercent`, the VERSIONS_ROUTE mirrors that share of its requests to it. The version must
   * be in `versions`.
   * @default - no candidate routes
   */
  readonly candidate?: RoutedCandidate;
  /**
   * Versions whose pinned sessions still reach them (session affinity): each gets a session route, first
   * among the routes, sending a turn forwarded with `x-suoke-session-version: <version>` to its subset. Each
   * must be in `versions`.
   * @default [] (no session routes: affinity off)
   */
  readonly sessionVersions?: readonly string[];
  /**
   * Extra host names (for gateways); the Service host is always routed too.
   * @default []
   */
  readonly hosts?: readonly string[];
  /**
   * Istio gateways (`namespace/name`) to bind; the mesh is always bound too so in-mesh callers get the same split.
   * @default [] (mesh only)
   */
  readonly gateways?: readonly string[];
  /**
   * Request timeout; long because completions stream.
   * @default '120s'
   */
  readonly timeout?: string;
  /**
   * Retries of failed requests.
   * @default - 2 attempts on DEFAULT_RETRY_ON
   */
  readonly retries?: RetryProps;
  /**
   * Circuit breaking by connection limits.
   * @default - Istio's defaults
   */
  readonly connectionPool?: ConnectionPoolProps;
  /**
   * Ejection of failing pods from load balancing.
   * @default - 5 consecutive 5xx, every 10s, 30s ejection, at most 50%
   */
  readonly outlierDetection?: OutlierDetectionProps;
}

/**
 * Istio routes of one agent's model:
 * - DestinationRule: one subset per version (selecting the `version` label), connection pool, outlier
 *   detection and ISTIO_MUTUAL TLS to the pods;
 * - VirtualService: the weighted split between versions, timeout and retries, on the mesh and any gateways;
 *   with a candidate, its header/cookie matched route before the split and a mirror of a share of the split.
 *
 * Who may call the pods (PeerAuthentication, AuthorizationPolicy) is IstioSecurity's: it applies under Gateway
 * API routes in a mesh too.
 *
 * The Gateway is not here: it binds the shared ingress deployment and its TLS certificate, which is platform
 * configuration declared once (the platform chart's PlatformNetwork); AIModels refer to it by name.
 */
export class IstioRouting extends Construct {
  public readonly virtualService: ApiObject;
  public readonly destinationRule: ApiObject;

  public constructor(scope: Construct, id: string, props: IstioRoutingProps) {
    super(scope, id);
    const versions = routedVersions('IstioRouting', props.model, props.versions, subsetName);
    const subsets = new Map(versions.map((v) => [v, subsetName(v)]));
    const weights = resolveWeights(props.model, versions, props.weights);
    const timeout = props.timeout ?? '120s';
    assertIstioDuration(`${props.model}: traffic.timeout`, timeout);
    const retries = props.retries ?? { attempts: 2 };
    if (!Number.isInteger(retries.attempts) || retries.attempts < 0) {
      throw new Error(
        `${props.model}: traffic.retries.attempts (${retries.attempts}) must be a whole number ≥ 0`,
      );
    }
    if (retries.perTryTimeout !== undefined) {
      assertIstioDuration(`${props.model}: traffic.retries.perTryTimeout`, retries.perTryTimeout);
    }
    const outlier = props.outlierDetection ?? {};
    for (const field of ['interval', 'baseEjectionTime'] as const) {
      const value = outlier[field];
      if (value !== undefined)
        assertIstioDuration(`${props.model}: traffic.outlierDetection.${field}`, value);
    }

    const metadata: ApiObjectMetadata = {
      name: props.model,
      namespace: props.namespace,
      labels: modelLabels(props),
    };
    const pool = props.connectionPool;
    this.destinationRule = new ApiObject(this, 'DestinationRule', {
      apiVersion: ISTIO_NETWORKING,
      kind: 'DestinationRule',
      metadata,
      spec: {
        host: props.serviceHost,
        trafficPolicy: {
          tls: { mode: 'ISTIO_MUTUAL' },
          ...(pool === undefined ? {} : { connectionPool: connectionPool(pool) }),
          outlierDetection: {
            consecutive5xxErrors: outlier.consecutive5xxErrors ?? 5,
            interval: outlier.interval ?? '10s',
            baseEjectionTime: outlier.baseEjectionTime ?? '30s',
            maxEjectionPercent: outlier.maxEjectionPercent ?? 50,
          },
        },
        subsets: versions.map((v) => ({ name: subsets.get(v), labels: { [LABEL_VERSION]: v } })),
      },
    });

    const gateways = [...(props.gateways ?? [])];
    const destination = (subset: string | undefined): IstioDestination => ({
      host: props.serviceHost,
      subset,
      port: { number: SERVICE_PORT },
    });
    const candidate = props.candidate;
    const candidateSubset = candidate === undefined ? undefined : subsets.get(candidate.version);
    if (candidate !== undefined && candidateSubset === undefined) {
      throw new Error(
        `${props.model}: candidate version '${candidate.version}' is not among the versions (${versions.join(', ')}); ` +
          `render it among the versions so it has a subset`,
      );
    }
    const versionsRoute: IstioHttpRoute = {
      name: VERSIONS_ROUTE,
      route: versions.map((v) => ({ destination: destination(subsets.get(v)), weight: weights.get(v) ?? 0 })),
      timeout,
      retries:
        retries.attempts === 0
          ? { attempts: 0 }
          : {
              attempts: retries.attempts,
              retryOn: retries.retryOn ?? DEFAULT_RETRY_ON,
              ...(retries.perTryTimeout === undefined ? {} : { perTryTimeout: retries.perTryTimeout }),
            },
    };
    const matches = candidate?.routing.matches ?? [];
    const mirrorPercent = candidate?.routing.mirrorPercent;
    const sessionRoutes = [...new Set(props.sessionVersions ?? [])].sort().map((v) => {
      const subset = subsets.get(v);
      if (subset === undefined) {
        throw new Error(
          `${props.model}: session version '${v}' is not among the versions (${versions.join(', ')}); ` +
            `render it among the versions so it has a subset`,
        );
      }
      return sessionHttpRoute(destination(subset), v, versionsRoute);
    });
    this.virtualService = new ApiObject(this, 'VirtualService', {
      apiVersion: ISTIO_NETWORKING,
      kind: 'VirtualService',
      metadata,
      spec: {
        hosts: [...new Set([props.serviceHost, ...(props.hosts ?? [])])],
        // Binding gateways replaces the implicit `mesh`; list it so in-mesh callers keep the same split.
        ...(gateways.length === 0 ? {} : { gateways: [...new Set([...gateways, 'mesh'])] }),
        http: [
          ...sessionRoutes,
          ...(matches.length === 0
            ? []
            : [candidateHttpRoute(destination(candidateSubset), matches, versionsRoute)]),
          mirrorPercent === undefined
            ? versionsRoute
            : withMirror(versionsRoute, destination(candidateSubset), mirrorPercent),
        ],
      },
    });
  }
}

/**
 * The distinct versions to route to, sorted, after checking the model name and them: at least one, each a label
 * value, no two with one name by `toName` (the subset or Service each gets).
 * @throws Error naming the model and `router` (the construct) when they are not
 */
export function routedVersions(
  router: string,
  model: string,
  versions: readonly string[],
  toName: (version: string) => string,
): string[] {
  assertDnsLabel('model (AIModel name)', model);
  if (versions.length === 0) throw new Error(`${model}: ${router} needs at least one version to route to`);
  const sorted = [...new Set(versions)].sort();
  sorted.forEach((v) => assertLabelValue(`${model}: version`, v));
  assertDistinctLabels(`${model}: versions`, sorted, toName);
  return sorted;
}

function connectionPool(pool: ConnectionPoolProps): Record<string, unknown> {
  const positive = (field: string, value: number | undefined, min: number) => {
    if (value !== undefined && (!Number.isInteger(value) || value < min)) {
      throw new Error(`traffic.connectionPool.${field} (${value}) must be a whole number ≥ ${min}`);
    }
    return value;
  };
  const maxConnections = positive('maxConnections', pool.maxConnections, 1);
  const pending = positive('maxPendingRequests', pool.maxPendingRequests, 1);
  const perConnection = positive('maxRequestsPerConnection', pool.maxRequestsPerConnection, 0);
  const http = {
    ...(pending === undefined ? {} : { http1MaxPendingRequests: pending }),
    ...(perConnection === undefined ? {} : { maxRequestsPerConnection: perConnection }),
  };
  return {
    ...(maxConnections === undefined ? {} : { tcp: { maxConnections } }),
    ...(Object.keys(http).length === 0 ? {} : { http }),
  };
}

/**
 * Weight per version. Versions not named get 0 (their pods stay warm but receive nothing). With no weights and a
 * single version it gets 100; several versions without weights is an error, because guessing a split would
 * send users to an unverified canary.
 */
export function resolveWeights(
  model: string,
  versions: readonly string[],
  weights: readonly VersionWeight[] | undefined,
): Map<string, number> {
  if (weights === undefined || weights.length === 0) {
    if (versions.length === 1) return new Map([[versions[0] as string, 100]]);
    throw new Error(
      `${model}: traffic weights are required to route between versions ${versions.join(', ')}`,
    );
  }
  const out = new Map<string, number>();
  for (const { version, weight } of weights) {
    if (!versions.includes(version)) {
      throw new Error(
        `${model}: traffic names version '${version}', which has no workload; render it among the versions or drop its weight`,
      );
    }
    if (out.has(version)) throw new Error(`${model}: traffic lists version '${version}' twice`);
    if (!Number.isInteger(weight) || weight < 0 || weight > 100) {
      throw new Error(
        `${model}: traffic weight of '${version}' (${weight}) must be a whole number from 0 to 100`,
      );
    }
    out.set(version, weight);
  }
  const total = [...out.values()].reduce((a, b) => a + b, 0);
  if (total !== 100) {
    throw new Error(
      `${model}: traffic weights add up to ${total} (${weights.map((w) => `${w.version}=${w.weight}`).join(', ')}); they must add up to 100`,
    );
  }
  return out;
}

/** An Istio Destination (`host`, `subset`, `port`), as HTTP routes and mirrors name it. */
export interface IstioDestination {
  host?: string;
  subset?: string;
  port?: { number?: number };
  [field: string]: unknown;
}

/** An Istio StringMatch: one of `exact`, `prefix` or `regex` (RE2, matching the whole value). */
export interface IstioStringMatch {
  exact?: string;
  prefix?: string;
  regex?: string;
}

/** An Istio HTTPMatchRequest as rendered from one RequestMatch: a single header condition. */
export interface IstioHttpMatch {
  headers: Record<string, IstioStringMatch>;
}

/** An HTTP route of a VirtualService, with the fields IstioRouting and the operator's router set. */
export interface IstioHttpRoute {
  name?: string;
  match?: unknown[];
  route?: { destination?: IstioDestination; weight?: number; [field: string]: unknown }[];
  timeout?: unknown;
  retries?: unknown;
  mirror?: IstioDestination;
  mirrorPercentage?: { value?: number };
  [field: string]: unknown;
}

/** The request header cookies travel in (Envoy joins HTTP/2's several `cookie` headers into one). */
export const COOKIE_HEADER = 'cookie';

/** Cookies before the one matched: none, or anything up to a `;` and the spaces after it. */
const COOKIES_BEFORE = '(?:.*;\\s*)?';
/** Cookies after the one matched: none, or its ending `;` and anything after. */
const COOKIES_AFTER = '(?:;.*)?';
/** The rest of a cookie value after a prefix: anything up to the `;` that ends it. */
const REST_OF_VALUE = '[^;]*';
/** The characters RE2's QuoteMeta escapes. */
const REGEX_META = '\\.+*?()|[]{}^$';
const STRING_MATCH_KEYS = ['exact', 'prefix', 'regex'] as const;
const HEADER_NAME = new RegExp(HEADER_NAME_PATTERN);
const COOKIE_NAME = new RegExp(COOKIE_NAME_PATTERN);

/**
 * The HTTP route that sends requests matching any of `matches` (ORed: one HTTPMatchRequest each, see
 * {@link istioMatchRequest}) to `destination`, with the timeout and retries of `versionsRoute`. Named
 * CANDIDATE_ROUTE; it goes right before the versions route. IstioRouting renders it and the operator's
 * Istio router writes it with this function, so the two agree field for field.
 * @throws Error starting with `where` when there are no matches or a match is invalid
 */
export function candidateHttpRoute(
  destination: IstioDestination,
  matches: readonly RequestMatch[],
  versionsRoute: IstioHttpRoute,
  where = 'candidate',
): IstioHttpRoute {
  // An HTTP route without match conditions matches every request.
  if (matches.length === 0) throw new Error(`${where}: a matched route needs at least one match`);
  return {
    name: CANDIDATE_ROUTE,
    match: matches.map((m, i) => istioMatchRequest(m, `${where}: match ${i + 1}`)),
    route: [{ destination, weight: 100 }],
    ...(versionsRoute.timeout === undefined ? {} : { timeout: versionsRoute.timeout }),
    ...(versionsRoute.retries === undefined ? {} : { retries: versionsRoute.retries }),
  };
}

/**
 * The session route of `version`: a turn a runtime forwarded to the session's pinned version (header
 * SESSION_VERSION_HEADER exactly `version`) goes to `destination`, with the timeout and retries of
 * `versionsRoute`. Named `session-<version>`; the session routes go first, before the candidate's. IstioRouting
 * renders them and the operator's Istio router writes them with this function, so the two agree field for field.
 */
export function sessionHttpRoute(
  destination: IstioDestination,
  version: string,
  versionsRoute: IstioHttpRoute,
): IstioHttpRoute {
  return {
    name: sessionRouteName(version),
    match: [{ headers: { [SESSION_VERSION_HEADER]: { exact: version } } }],
    route: [{ destination, weight: 100 }],
    ...(versionsRoute.timeout === undefined ? {} : { timeout: versionsRoute.timeout }),
    ...(versionsRoute.retries === undefined ? {} : { retries: versionsRoute.retries }),
  };
}

/**
 * The version a session route (as {@link sessionHttpRoute} writes it) sends to: the exact value of its
 * header match; undefined when the route is not in that form.
 */
export function sessionRouteVersion(route: IstioHttpRoute): string | undefined {
  const [match] = route.match ?? [];
  const exact = (match as { headers?: Record<string, { exact?: unknown }> } | undefined)?.headers?.[
    SESSION_VERSION_HEADER
  ]?.exact;
  return route.match?.length === 1 && typeof exact === 'string' && route.name === sessionRouteName(exact)
    ? exact
    : undefined;
}

/**
 * `route` mirroring `percent` percent of its requests to `destination` (Istio `mirror` and
 * `mirrorPercentage`); the mirrored requests' answers are discarded.
 * @throws Error starting with `where` unless `percent` is a whole number in 1..100
 */
export function withMirror(
  route: IstioHttpRoute,
  destination: IstioDestination,
  percent: number,
  where = 'candidate',
): IstioHttpRoute {
  if (!Number.isInteger(percent) || percent < 1 || percent > 100) {
    throw new Error(`${where}: mirrorPercent (${percent}) must be a whole percent in 1..100`);
  }
  return { ...route, mirror: destination, mirrorPercentage: { value: percent } };
}

/** `route` without a mirror. */
export function withoutMirror(route: IstioHttpRoute): IstioHttpRoute {
  const { mirror: _mirror, mirrorPercentage: _percentage, ...rest } = route;
  return rest;
}

/**
 * The Istio HTTPMatchRequest of one RequestMatch, the one definition of the format (the operator's router
 * writes and reads it back through this module too):
 * - header → `{headers: {<name>: {exact | prefix | regex}}}`, the value as given;
 * - cookie → `{headers: {cookie: {regex: cookieRegex(cookie)}}}`, see {@link cookieRegex}.
 * @throws Error starting with `where` when the match is not exactly one valid header or cookie condition
 */
export function istioMatchRequest(match: RequestMatch, where = 'match'): IstioHttpMatch {
  const { header, cookie } = match;
  if ((header === undefined) === (cookie === undefined)) {
    throw new Error(`${where}: set exactly one of header or cookie`);
  }
  if (header !== undefined) {
    if (!HEADER_NAME.test(header.name)) {
      throw new Error(
        `${where}: header name '${header.name}' must be lower case letters, digits and '-' (as Istio matches headers)`,
      );
    }
    return { headers: { [header.name]: stringMatch(header, `${where}: header ${header.name}`) } };
  }
  return { headers: { [COOKIE_HEADER]: { regex: cookieRegex(cookie as CookieMatch, where) } } };
}

/**
 * The RE2 regular expression, for Istio's whole-value match of the Cookie header
 * (`name1=value1; name2=value2`), that holds when the header carries cookie `name` with a matching value,
 * wherever it is among the others:
 *
 *     (?:.*;\s*)?<name>=<value>(?:;.*)?
 *
 * where `<value>` is the exact value escaped, the prefix escaped followed by `[^;]*`, or the regex as
 * `(?:<regex>)`, so the cookie's value must match all of it. The name is escaped too. A cookie regex has to be
 * self-contained (balanced groups and classes, `\Q` closed by `\E`) so it cannot reach out of its group, and
 * should not match a `;`: cookie values never hold one, and a regex that can (e.g. `.*x`) would also see the
 * cookies after the value; `[^;]*x` says the same within the value.
 * @throws Error starting with `where` when the cookie match is invalid
 */
export function cookieRegex(cookie: CookieMatch, where = 'match'): string {
  if (!COOKIE_NAME.test(cookie.name)) {
    throw new Error(`${where}: cookie name '${cookie.name}' is not a cookie name (an RFC 6265 token)`);
  }
  const at = `${where}: cookie ${cookie.name}`;
  const value = stringMatch(cookie, at);
  let pattern: string;
  if (value.exact !== undefined) pattern = quoteMeta(value.exact);
  else if (value.prefix !== undefined) pattern = `${quoteMeta(value.prefix)}${REST_OF_VALUE}`;
  else {
    assertSelfContained(value.regex as string, at);
    pattern = `(?:${value.regex as string})`;
  }
  return `${COOKIES_BEFORE}${quoteMeta(cookie.name)}=${pattern}${COOKIES_AFTER}`;
}

/**
 * The RequestMatch an Istio HTTPMatchRequest was rendered from by {@link istioMatchRequest}; the inverse of
 * it: a `cookie` header in the form of {@link cookieRegex} is a cookie match, any other single header
 * condition a header match.
 * @throws Error saying why when the match is not in a form istioMatchRequest renders
 */
export function parseIstioMatchRequest(match: unknown): RequestMatch {
  const shown = JSON.stringify(match);
  const fail = (why: string): never => {
    throw new Error(`match ${shown} ${why}`);
  };
  if (!isRecord(match) || Object.keys(match).join() !== 'headers' || !isRecord(match.headers)) {
    return fail('is not a single header condition');
  }
  const entries = Object.entries(match.headers);
  const [name, value] = entries[0] ?? [];
  if (entries.length !== 1 || name === undefined || !isRecord(value)) {
    return fail('is not a single header condition');
  }
  const keys = Object.keys(value);
  const key = keys[0] as (typeof STRING_MATCH_KEYS)[number];
  if (keys.length !== 1 || !STRING_MATCH_KEYS.includes(key) || typeof value[key] !== 'string') {
    return fail('does not match the header by exactly one of exact, prefix or regex');
  }
  const cookie =
    name === COOKIE_HEADER && key === 'regex' ? parseCookieRegex(value.regex as string) : undefined;
  const parsed: RequestMatch =
    cookie === undefined ? { header: { name, [key]: value[key] as string } } : { cookie };
  let rendered: IstioHttpMatch;
  try {
    rendered = istioMatchRequest(parsed);
  } catch (error) {
    return fail(`is not one we render: ${(error as Error).message}`);
  }
  // Single keys at every level, so the serialisations compare the values.
  if (JSON.stringify(rendered) !== shown) fail('is not in the form we render');
  return parsed;
}

/** The cookie match {@link cookieRegex} made `regex` from; undefined when it is not in that form. */
export function parseCookieRegex(regex: string): CookieMatch | undefined {
  if (
    regex.length < COOKIES_BEFORE.length + COOKIES_AFTER.length ||
    !regex.startsWith(COOKIES_BEFORE) ||
    !regex.endsWith(COOKIES_AFTER)
  ) {
    return undefined;
  }
  const body = regex.slice(COOKIES_BEFORE.length, regex.length - COOKIES_AFTER.length);
  // Cookie names hold no `=` and QuoteMeta leaves it alone: the first one ends the name.
  const eq = body.indexOf('=');
  const name = eq <= 0 ? undefined : unquoteMeta(body.slice(0, eq));
  if (name === undefined) return undefined;
  const value = body.slice(eq + 1);
  let cookie: CookieMatch | undefined;
  if (value.startsWith('(?:') && value.endsWith(')')) cookie = { name, regex: value.slice(3, -1) };
  else if (value.endsWith(REST_OF_VALUE)) {
    const prefix = unquoteMeta(value.slice(0, -REST_OF_VALUE.length));
    if (prefix !== undefined) cookie = { name, prefix };
  } else {
    const exact = unquoteMeta(value);
    if (exact !== undefined) cookie = { name, exact };
  }
  if (cookie === undefined) return undefined;
  try {
    return cookieRegex(cookie) === regex ? cookie : undefined;
  } catch {
    return undefined;
  }
}

function stringMatch(
  match: { readonly exact?: string; readonly prefix?: string; readonly regex?: string },
  where: string,
): IstioStringMatch {
  const set = STRING_MATCH_KEYS.filter((k) => match[k] !== undefined);
  const [key] = set;
  if (set.length !== 1 || key === undefined) {
    throw new Error(`${where}: set exactly one of exact, prefix or regex`);
  }
  const value = match[key];
  if (typeof value !== 'string' || value === '') {
    throw new Error(`${where}: ${key} must be a non-empty string`);
  }
  return { [key]: value };
}

/** `text` as an RE2 literal (RE2's QuoteMeta). */
export function quoteMeta(text: string): string {
  return text.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/** The text `quoted` is the QuoteMeta of; undefined when it is not exactly such a literal (or empty). */
export function unquoteMeta(quoted: string): string | undefined {
  let out = '';
  for (let i = 0; i < quoted.length; i++) {
    const c = quoted[i] as string;
    if (c === '\\') {
      const next = quoted[i + 1];
      if (next === undefined || !REGEX_META.includes(next)) return undefined;
      out += next;
      i++;
    } else if (REGEX_META.includes(c)) return undefined;
    else out += c;
  }
  return out === '' ? undefined : out;
}

/**
 * Throws unless the RE2 `regex` keeps to itself inside `(?:…)`: every group closed, no `)` closing one it did
 * not open, classes closed, `\Q` closed by `\E`, no trailing `\`. Escapes and classes (with a leading `]`
 * and `[:name:]` inside) are skipped as RE2 reads them.
 */
function assertSelfContained(regex: string, where: string): void {
  const fail = (why: string): never => {
    throw new Error(`${where}: regex '${regex}' ${why}`);
  };
  let depth = 0;
  for (let i = 0; i < regex.length; i++) {
    const c = regex[i];
    if (c === '\\') {
      if (regex[i + 1] === 'Q') {
        const end = regex.indexOf('\\E', i + 2);
        if (end < 0) fail('opens a \\Q quote without closing it with \\E');
        i = end + 1;
      } else if (i + 1 >= regex.length) fail('ends with a lone \\');
      else i++;
    } else if (c === '[') {
      let j = i + 1;
      if (regex[j] === '^') j++;
      if (regex[j] === ']') j++;
      for (; j < regex.length && regex[j] !== ']'; j++) {
        if (regex[j] === '\\') j++;
        else if (regex.startsWith('[:', j)) {
          const end = regex.indexOf(':]', j + 2);
          if (end >= 0) j = end + 1;
        }
      }
      if (j >= regex.length) fail('has a character class without its closing ]');
      i = j;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth < 0) fail("has a ')' without its '('");
  }
  if (depth > 0) fail("has a '(' without its ')'");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
