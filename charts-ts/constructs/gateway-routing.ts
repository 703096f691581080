import { ApiObject, type ApiObjectMetadata } from 'cdk8s';
import { Construct } from 'constructs';
import type { ParentRef, RequestMatch } from '../../crds/api/index.js';
import { SERVICE_PORT } from './agent-service.js';
import { assertIstioDuration, parseDurationMs } from './durations.js';
import {
  COOKIE_HEADER,
  istioMatchRequest,
  parseCookieRegex,
  quoteMeta,
  resolveWeights,
  routedVersions,
  unquoteMeta,
  type IstioStringMatch,
  type RoutedCandidate,
  type VersionWeight,
} from './istio-routing.js';
import { VersionService } from './version-service.js';
import {
  CANDIDATE_ROUTE,
  VERSIONS_ROUTE,
  modelLabels,
  versionedName,
  type AgentIdentity,
} from './workload-names.js';

/** The Gateway API version we write (the standard channel's HTTPRoute). */
export const GATEWAY_API_VERSION = 'gateway.networking.k8s.io/v1';
/** The Gateway API group: a parentRef's default group. */
export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';

/** A Gateway API BackendRef (or a mirror's BackendObjectReference, which has no weight). */
export interface GatewayBackendRef {
  group: string;
  kind: string;
  name: string;
  port: number;
  weight?: number;
  [field: string]: unknown;
}

/** A Gateway API HTTPHeaderMatch as we write it: the type always written out. */
export interface GatewayHeaderMatch {
  type: 'Exact' | 'RegularExpression';
  name: string;
  value: string;
}

/** A Gateway API HTTPRouteMatch. */
export interface GatewayRouteMatch {
  path?: { type: string; value: string };
  headers?: GatewayHeaderMatch[];
  [field: string]: unknown;
}

/** A Gateway API HTTPRouteFilter of type RequestMirror. */
export interface GatewayMirrorFilter {
  type: 'RequestMirror';
  requestMirror: { backendRef: GatewayBackendRef; percent?: number; [field: string]: unknown };
}

/** A Gateway API HTTPRouteRule, with the fields GatewayRouting and the operator's router set. */
export interface GatewayRouteRule {
  name?: string;
  matches?: GatewayRouteMatch[];
  backendRefs?: GatewayBackendRef[];
  filters?: Array<GatewayMirrorFilter | Record<string, unknown>>;
  timeouts?: { request?: string; backendRequest?: string };
  [field: string]: unknown;
}

/** The match every rule's requests pass, as the API server defaults it (written out so a read-back compares equal). */
const EVERY_PATH = { type: 'PathPrefix', value: '/' } as const;
/** What follows an escaped literal in the RegularExpression a prefix match becomes. */
const ANY_REST = '.*';

/** The RegularExpression a header prefix is written as (HTTPRoute has no prefix match): the escaped literal, then `.*`. */
export function prefixRegex(prefix: string): string {
  return `${quoteMeta(prefix)}${ANY_REST}`;
}

/** The prefix a regex written by {@link prefixRegex} stands for; undefined for any other regex. */
export function prefixOfRegex(regex: string): string | undefined {
  return regex.endsWith(ANY_REST) ? unquoteMeta(regex.slice(0, -ANY_REST.length)) : undefined;
}
const REQUEST_MIRROR = 'RequestMirror';
/** GEP-2257 durations, the format of HTTPRoute timeouts. */
const GATEWAY_DURATION = /^([0-9]{1,5}(h|m|s|ms)){1,4}$/;
/** One part of a Go duration, the format of our API (see durations.ts). */
const GO_PART = /([0-9]+)(?:\.([0-9]+))?(ns|us|ms|s|m|h)/g;
const UNIT_NS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};
/** The largest number one GEP-2257 part holds. */
const GATEWAY_PART_MAX = 99_999n;

/**
 * The backendRef to one version's Service (`versionedName(model, version)`, port SERVICE_PORT), with the
 * API server's defaults (core group, kind Service) written out; the weight is left out when undefined (a
 * mirror's backendRef has none).
 */
export function versionBackendRef(model: string, version: string, weight?: number): GatewayBackendRef {
  return {
    group: '',
    kind: 'Service',
    name: versionedName(model, version),
    port: SERVICE_PORT,
    ...(weight === undefined ? {} : { weight }),
  };
}

/**
 * The HTTPRouteMatch of one RequestMatch, the one definition of the format (the operator's Gateway API router
 * writes and reads it back through this module too): every path, plus one header condition:
 * - header exact → `Exact`, the value as given;
 * - header prefix → `RegularExpression` `<RE2-escaped prefix>.*` (HTTPRoute has no prefix match);
 * - header regex → `RegularExpression` as given (RE2, the whole value, as in Istio);
 * - cookie → header `cookie`, `RegularExpression` cookieRegex(cookie).
 * @throws Error starting with `where` when the match is not exactly one valid header or cookie condition
 */
export function gatewayRouteMatch(match: RequestMatch, where = 'match'): GatewayRouteMatch {
  // The Istio form validates the match and holds the cookie encoding; both routers read the same RequestMatch.
  const [[name, value]] = Object.entries(istioMatchRequest(match, where).headers) as [
    [string, IstioStringMatch],
  ];
  const header: GatewayHeaderMatch =
    value.exact !== undefined
      ? { type: 'Exact', name, value: value.exact }
      : {
          type: 'RegularExpression',
          name,
          value: value.prefix !== undefined ? prefixRegex(value.prefix) : (value.regex as string),
        };
  return { path: { ...EVERY_PATH }, headers: [header] };
}

/**
 * The RequestMatch an HTTPRouteMatch was written from by {@link gatewayRouteMatch}; the inverse of it.
 * `Exact` is a header's exact match (also when the type is left to its default); `RegularExpression` on
 * `cookie` in the form of cookieRegex is a cookie match, one that is an escaped literal followed by `.*` a
 * prefix, any other a regex. Header names compare case-insensitively (HTTP's rule) and come back lower case,
 * the only case a RequestMatch takes.
 * @throws Error saying what is not in that form
 */
export function parseGatewayRouteMatch(match: unknown): RequestMatch {
  const shown = JSON.stringify(match);
  const fail = (why: string): never => {
    throw new Error(`HTTPRoute match ${shown} ${why}`);
  };
  if (!isRecord(match)) return fail('is not an object');
  const extra = Object.keys(match).filter((k) => k !== 'path' && k !== 'headers');
  if (extra.length > 0) {
    fail(`matches on ${extra.join(', ')}; only a single header condition on every path is ours`);
  }
  const path = match.path;
  if (
    path !== undefined &&
    (!isRecord(path) || path.type !== EVERY_PATH.type || path.value !== EVERY_PATH.value)
  ) {
    fail(`matches the path ${JSON.stringify(path)}; ours match every path (PathPrefix /)`);
  }
  const headers = match.headers;
  if (!Array.isArray(headers) || headers.length !== 1 || !isRecord(headers[0])) {
    return fail('is not a single header condition');
  }
  const header = headers[0];
  const type = header.type ?? 'Exact';
  if (typeof header.name !== 'string' || typeof header.value !== 'string') {
    return fail('has a header condition without a string name and value');
  }
  const name = header.name.toLowerCase();
  const value = header.value;
  let parsed: RequestMatch;
  if (type === 'Exact') parsed = { header: { name, exact: value } };
  else if (type === 'RegularExpression') {
    const cookie = name === COOKIE_HEADER ? parseCookieRegex(value) : undefined;
    const prefix = prefixOfRegex(value);
    parsed =
      cookie !== undefined
        ? { cookie }
        : prefix !== undefined
          ? { header: { name, prefix } }
          : { header: { name, regex: value } };
  } else {
    return fail(`has header type ${JSON.stringify(type)}; ours are Exact or RegularExpression`);
  }
  let written: GatewayRouteMatch;
  try {
    written = gatewayRouteMatch(parsed);
  } catch (error) {
    return fail(`is not one we write: ${(error as Error).message}`);
  }
  const [again] = written.headers as [GatewayHeaderMatch];
  if (again.type !== type || again.name !== name || again.value !== value) {
    fail('is not in the form we write');
  }
  return parsed;
}

/**
 * The rule, named CANDIDATE_ROUTE, that sends requests matching any of `matches` (ORed: one HTTPRouteMatch
 * each) to `version`, with the timeouts of `versionsRule`; it goes right before the versions rule. Its one
 * backendRef has weight 1: within a rule only the ratio counts, and the API server's default is 1 too.
 * GatewayRouting renders it and the operator's router writes it with this function, so they agree.
 * @throws Error starting with `where` when there are no matches or a match is invalid
 */
export function gatewayCandidateRule(
  model: string,
  version: string,
  matches: readonly RequestMatch[],
  versionsRule: GatewayRouteRule,
  where = 'candidate',
): GatewayRouteRule {
  // A rule without matches matches every request.
  if (matches.length === 0) throw new Error(`${where}: a matched route needs at least one match`);
  return {
    name: CANDIDATE_ROUTE,
    matches: matches.map((m, i) => gatewayRouteMatch(m, `${where}: match ${i + 1}`)),
    backendRefs: [versionBackendRef(model, version, 1)],
    ...(versionsRule.timeouts === undefined ? {} : { timeouts: { ...versionsRule.timeouts } }),
  };
}

/**
 * `rule` mirroring `percent` percent of its requests to `version`'s Service (a RequestMirror filter; the
 * mirrored requests' answers are discarded). Any RequestMirror filter it had is replaced, other filters kept.
 * @throws Error starting with `where` unless `percent` is a whole number in 1..100
 */
export function withGatewayMirror(
  rule: GatewayRouteRule,
  model: string,
  version: string,
  percent: number,
  where = 'candidate',
): GatewayRouteRule {
  if (!Number.isInteger(percent) || percent < 1 || percent > 100) {
    throw new Error(`${where}: mirrorPercent (${percent}) must be a whole percent in 1..100`);
  }
  const mirror: GatewayMirrorFilter = {
    type: REQUEST_MIRROR,
    requestMirror: { backendRef: versionBackendRef(model, version), percent },
  };
  const { timeouts, ...rest } = withoutGatewayMirror(rule);
  // Filters before timeouts, the order the rule is read in.
  return {
    ...rest,
    filters: [...(rest.filters ?? []), mirror],
    ...(timeouts === undefined ? {} : { timeouts }),
  };
}

/** `rule` without RequestMirror filters, and without `filters` when none remain. */
export function withoutGatewayMirror(rule: GatewayRouteRule): GatewayRouteRule {
  const { filters, ...rest } = rule;
  const kept = (filters ?? []).filter((f) => f.type !== REQUEST_MIRROR);
  if (kept.length === 0) return rest;
  // Keep `filters` where it was among the fields.
  return Object.fromEntries(
    Object.entries(rule).map(([k, v]) => [k, k === 'filters' ? kept : v]),
  ) as GatewayRouteRule;
}

/**
 * `duration` (a Go/Istio duration, as our API takes it) as a GEP-2257 duration, the format of HTTPRoute
 * timeouts (`^([0-9]{1,5}(h|m|s|ms)){1,4}$`): one already in that form is kept as written, so it reads back
 * equal; any other is written as hours, minutes, seconds and milliseconds (`1.5s` → `1s500ms`, `90s` stays).
 * @throws Error naming `field` when it is not a duration or cannot be written so (finer than a millisecond,
 *   or more than 99999 hours)
 */
export function gatewayDuration(field: string, duration: string): string {
  if (GATEWAY_DURATION.test(duration)) return duration;
  parseDurationMs(field, duration);
  const notWholeMs = () =>
    new Error(
      `${field} '${duration}' is not a whole number of milliseconds, the finest a Gateway API duration holds; round it to ms`,
    );
  // Exact arithmetic: 0.7s is 700ms, not 700.0000000000001.
  let ns = 0n;
  for (const [, whole, fraction = '', unit] of duration.matchAll(GO_PART)) {
    const scaled = BigInt(`${whole as string}${fraction}`) * (UNIT_NS[unit as string] as bigint);
    const denominator = 10n ** BigInt(fraction.length);
    if (scaled % denominator !== 0n) throw notWholeMs();
    ns += scaled / denominator;
  }
  if (ns % (UNIT_NS.ms as bigint) !== 0n) throw notWholeMs();
  let ms = ns / (UNIT_NS.ms as bigint);
  const parts: string[] = [];
  for (const [unit, size] of [
    ['h', 3_600_000n],
    ['m', 60_000n],
    ['s', 1_000n],
    ['ms', 1n],
  ] as const) {
    const count = ms / size;
    ms %= size;
    if (count > GATEWAY_PART_MAX) {
      throw new Error(`${field} '${duration}' is longer than the 99999h a Gateway API duration holds`);
    }
    if (count > 0n) parts.push(`${count}${unit}`);
  }
  return parts.length === 0 ? '0s' : parts.join('');
}

export interface GatewayRoutingProps extends AgentIdentity {
  /**
   * Namespace of every object.
   * @default - none: the namespace of whoever applies the manifests
   */
  readonly namespace?: string;
  /** Versions that have pods; each gets a Service `<model>-<version>` the HTTPRoute's backendRefs name. */
  readonly versions: readonly string[];
  /**
   * Traffic split. Every version named must be in `versions`; weights add up to 100. Versions left out get 0.
   * @default - 100 to the only version; required when there are several
   */
  readonly weights?: readonly VersionWeight[];
  /**
   * The version being rolled out and its routes besides its weight: with `routing.matches`, a CANDIDATE_ROUTE
   * rule right before the VERSIONS_ROUTE rule sends requests matching any of them to it; with
   * `routing.mirrorPercent`, the VERSIONS_ROUTE rule mirrors that share of its requests to it. The version must
   * be in `versions`.
   * @default - no candidate routes
   */
  readonly candidate?: RoutedCandidate;
  /**
   * Host names the route answers on at its Gateways (HTTPRoute `hostnames`); left out when no parent is a
   * Gateway, as a Service parent is reached by its own name.
   * @default - every host name of the Gateways' listeners
   */
  readonly hosts?: readonly string[];
  /**
   * Parents the route attaches to; group defaults to gateway.networking.k8s.io and kind to Gateway.
   * @default - the model's own Service (GAMMA: in-mesh callers of the Service get the split)
   */
  readonly parentRefs?: readonly ParentRef[];
  /**
   * Request timeout; long because completions stream.
   * @default '120s'
   */
  readonly timeout?: string;
  /**
   * Port of the runtime containers behind each version's Service (their `http` port).
   * @default RUNTIME_PORT
   */
  readonly targetPort?: number;
}

/**
 * Gateway API routes of one agent's model:
 * - a Service per version, `<model>-<version>`, selecting that version's pods, with the API port only (the
 *   ServiceMonitor scrapes through the model's Service; a second Service with the metrics port would scrape
 *   every pod twice);
 * - an HTTPRoute named after the model on `parentRefs` (or the model's Service): the `versions` rule splits
 *   every request between the versions' Services by backendRef weight; with a candidate, its header/cookie
 *   matched `candidate` rule goes first, and a RequestMirror filter on the `versions` rule copies a share to it.
 *
 * Every field the API server would default is written out, so the operator's Gateway API router reads back
 * what it wrote and a render compares equal to the live object. Retries are left to the implementation: the
 * standard channel has no retry field.
 */
export class GatewayRouting extends Construct {
  public readonly httpRoute: ApiObject;
  /** The versions' Services, by version. */
  public readonly services: ReadonlyMap<string, ApiObject>;

  public constructor(scope: Construct, id: string, props: GatewayRoutingProps) {
    super(scope, id);
    const model = props.model;
    const versions = routedVersions('GatewayRouting', model, props.versions, (v) => versionedName(model, v));
    const weights = resolveWeights(model, versions, props.weights);
    const timeout = props.timeout ?? '120s';
    assertIstioDuration(`${model}: traffic.timeout`, timeout);
    const candidate = props.candidate;
    if (candidate !== undefined && !versions.includes(candidate.version)) {
      throw new Error(
        `${model}: candidate version '${candidate.version}' is not among the versions (${versions.join(', ')}); ` +
          `render it among the versions so it has a Service`,
      );
    }
    const parentRefs = httpRouteParentRefs(model, props.parentRefs);
    const hosts = props.hosts ?? [];
    hosts.forEach((host, i) => {
      if (!GATEWAY_HOSTNAME.test(host)) {
        throw new Error(
          `${model}: traffic.hosts[${i}] '${host}' is not a Gateway API hostname: DNS labels joined by '.', ` +
            `optionally after '*.'`,
        );
      }
    });

    const services = new Map<string, ApiObject>();
    for (const version of versions) {
      services.set(
        version,
        new VersionService(this, `Service-${version}`, {
          model,
          agent: props.agent,
          namespace: props.namespace,
          version,
          targetPort: props.targetPort,
        }),
      );
    }
    this.services = services;

    const versionsRule: GatewayRouteRule = {
      name: VERSIONS_ROUTE,
      matches: [{ path: { ...EVERY_PATH } }],
      backendRefs: versions.map((v) => versionBackendRef(model, v, weights.get(v) ?? 0)),
      timeouts: { request: gatewayDuration(`${model}: traffic.timeout`, timeout) },
    };
    const matches = candidate?.routing.matches ?? [];
    const mirrorPercent = candidate?.routing.mirrorPercent;
    const metadata: ApiObjectMetadata = {
      name: model,
      namespace: props.namespace,
      labels: modelLabels(props),
    };
    const toGateway = parentRefs.some(isGatewayParent);
    this.httpRoute = new ApiObject(this, 'HTTPRoute', {
      apiVersion: GATEWAY_API_VERSION,
      kind: 'HTTPRoute',
      metadata,
      spec: {
        parentRefs,
        ...(hosts.length === 0 || !toGateway ? {} : { hostnames: [...new Set(hosts)] }),
        rules: [
          ...(candidate === undefined || matches.length === 0
            ? []
            : [gatewayCandidateRule(model, candidate.version, matches, versionsRule)]),
          candidate === undefined || mirrorPercent === undefined
            ? versionsRule
            : withGatewayMirror(versionsRule, model, candidate.version, mirrorPercent),
        ],
      },
    });
  }
}

/** A Gateway API hostname (HTTPRoute `hostnames[]`). */
const GATEWAY_HOSTNAME = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A parentRef as the HTTPRoute holds it: group and kind written out. */
export interface GatewayParentRef {
  group: string;
  kind: string;
  namespace?: string;
  name: string;
  sectionName?: string;
  port?: number;
}

/**
 * The HTTPRoute `parentRefs` of a model: `parentRefs` with the API server's defaults written out (group
 * gateway.networking.k8s.io, kind Gateway), or without any, the model's own Service on its port (GAMMA).
 * @throws Error naming the model when one parent is named twice without distinct sectionNames (the API
 *   server refuses that)
 */
export function httpRouteParentRefs(
  model: string,
  parentRefs: readonly ParentRef[] | undefined,
): GatewayParentRef[] {
  if (parentRefs === undefined || parentRefs.length === 0) {
    return [{ group: '', kind: 'Service', name: model, port: SERVICE_PORT }];
  }
  const written = parentRefs.map((ref) => ({
    group: ref.group ?? GATEWAY_API_GROUP,
    kind: ref.kind ?? 'Gateway',
    ...(ref.namespace === undefined ? {} : { namespace: ref.namespace }),
    name: ref.name,
    ...(ref.sectionName === undefined ? {} : { sectionName: ref.sectionName }),
    ...(ref.port === undefined ? {} : { port: ref.port }),
  }));
  const byParent = new Map<string, GatewayParentRef[]>();
  for (const ref of written) {
    const key = JSON.stringify([ref.group, ref.kind, ref.namespace ?? '', ref.name]);
    byParent.set(key, [...(byParent.get(key) ?? []), ref]);
  }
  for (const refs of byParent.values()) {
    const sections = refs.map((r) => r.sectionName);
    if (refs.length > 1 && (sections.includes(undefined) || new Set(sections).size < refs.length)) {
      const ref = refs[0] as GatewayParentRef;
      throw new Error(
        `${model}: traffic.parentRefs names ${ref.kind} ${ref.namespace === undefined ? '' : `${ref.namespace}/`}` +
          `${ref.name} ${refs.length} times; give each of them a different sectionName (a listener), or name it once`,
      );
    }
  }
  return written;
}

/** True for a parentRef to a Gateway (group and kind as written, or left to their defaults). */
export function isGatewayParent(ref: { readonly group?: string; readonly kind?: string }): boolean {
  return (ref.group ?? GATEWAY_API_GROUP) === GATEWAY_API_GROUP && (ref.kind ?? 'Gateway') === 'Gateway';
}

/**
 * Namespaces, other than the model's, of the Gateways among `parentRefs`, sorted: where the gateways' data
 * plane runs, which the model's NetworkPolicy must admit. A Service parent (GAMMA) adds none: its callers are
 * in the model's namespace or already admitted.
 */
export function gatewayNamespaces(
  modelNamespace: string | undefined,
  parentRefs: readonly ParentRef[] | undefined,
): string[] {
  const namespaces = (parentRefs ?? [])
    .filter(isGatewayParent)
    .map((ref) => ref.namespace)
    .filter((ns): ns is string => ns !== undefined && ns !== modelNamespace);
  return [...new Set(namespaces)].sort();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
