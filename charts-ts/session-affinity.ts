/**
 * Session affinity (session-consistent rollouts): whether a model's conversations keep their version
 * during a rollout, and what that takes from what render() derives and the Istio router writes:
 * - the runtime's variables (SESSION_AFFINITY, SESSION_AFFINITY_HEADER or SESSION_AFFINITY_COOKIE,
 *   SESSION_FORWARD_URL): it pins each session to a version in Redis and forwards a turn that reached
 *   another version once, through the model's own Service, with the header SESSION_VERSION_HEADER;
 * - one VirtualService route per version that still serves (SESSION_ROUTE_PREFIX + version), first,
 *   matching that header: a forwarded turn reaches its pinned version, and once the version has left
 *   (its route removed) falls through to the weighted routes and is re-pinned where it lands;
 * - an AuthorizationPolicy DENY of that header from anyone but the model's own runtimes, so a caller
 *   cannot pick a version by setting it.
 */
import {
  DEFAULT_SESSION_AFFINITY_HEADER,
  type AIModel,
  type CandidateRouting,
  type TrafficWeight,
} from '../crds/api/index.js';
import type { EnvVar } from './constructs/agent-workload-props.js';
import type { RouteObjects } from './derived-kinds.js';

/** The header a runtime sets on a turn it forwards to the session's pinned version. */
export const SESSION_VERSION_HEADER = 'x-suoke-session-version';

/** Names of the session routes: `session-<version>`. */
export const SESSION_ROUTE_PREFIX = 'session-';

/** The name of a version's session route. */
export function sessionRouteName(version: string): string {
  return `${SESSION_ROUTE_PREFIX}${version}`;
}

/** Whether an HTTP route name is a session route's. */
export function isSessionRouteName(name: unknown): name is string {
  return typeof name === 'string' && name.startsWith(SESSION_ROUTE_PREFIX);
}

/** Where the session key is read, when affinity is on. */
export type SessionKeySource = { readonly header: string } | { readonly cookie: string };

/** A model's session affinity, resolved: off, or on with where the session key is read. */
export type ResolvedSessionAffinity =
  { readonly on: false } | { readonly on: true; readonly key: SessionKeySource };

/**
 * Whether the AIModel's session affinity is on with these routes: `spec.traffic.sessionAffinity.enabled`,
 * defaulting to on when the model has server-side sessions (`spec.runtime.redis` with a mode other than
 * none) and the routes are Istio's, the only ones with a route per version that a forwarded turn can
 * take; off otherwise.
 * @throws Error naming the AIModel, the field and the fix when it is switched on where it cannot work
 */
export function sessionAffinityOf(aimodel: AIModel, routes: RouteObjects): ResolvedSessionAffinity {
  const name = aimodel.metadata.name ?? '';
  const declared = aimodel.spec.traffic?.sessionAffinity;
  const redis = (aimodel.spec.runtime?.redis?.mode ?? 'none') !== 'none';
  if (declared?.enabled === true) {
    if (routes !== 'istio') {
      throw new Error(
        `AIModel ${name}: spec.traffic.sessionAffinity.enabled is true, but the operator's traffic router ` +
          `(routes '${routes}') has no route per version for a pinned turn; run the istio router or set enabled: false`,
      );
    }
    if (!redis) {
      throw new Error(
        `AIModel ${name}: spec.traffic.sessionAffinity.enabled is true without server-side sessions; set spec.runtime.redis`,
      );
    }
  }
  if (declared?.enabled === false || routes !== 'istio' || !redis) return { on: false };
  if (declared?.header !== undefined && declared.cookie !== undefined) {
    throw new Error(
      `AIModel ${name}: spec.traffic.sessionAffinity sets both header and cookie; keep one of them`,
    );
  }
  const key: SessionKeySource =
    declared?.cookie !== undefined
      ? { cookie: declared.cookie }
      : { header: declared?.header ?? DEFAULT_SESSION_AFFINITY_HEADER };
  return { on: true, key };
}

/**
 * The runtime's variables for session affinity (runtime/config.ts): none when it is off, else
 * SESSION_AFFINITY=on, where the key is read, and SESSION_FORWARD_URL, the model's Service at `forwardUrl`.
 */
export function sessionAffinityEnv(affinity: ResolvedSessionAffinity, forwardUrl: string): EnvVar[] {
  if (!affinity.on) return [];
  return [
    { name: 'SESSION_AFFINITY', value: 'on' },
    'cookie' in affinity.key
      ? { name: 'SESSION_AFFINITY_COOKIE', value: affinity.key.cookie }
      : { name: 'SESSION_AFFINITY_HEADER', value: affinity.key.header },
    { name: 'SESSION_FORWARD_URL', value: forwardUrl },
  ];
}

/**
 * The versions that still serve pinned sessions, when nobody says: those with a weight above 0 and the
 * candidate of a matched route (a preview, a cohort). A mirror alone does not serve: its answers are
 * discarded. The operator passes more (the stable at weight 0 on a last step of 100, the previous stable
 * kept warm after a promotion).
 */
export function servingVersions(
  traffic: readonly TrafficWeight[],
  candidate: { readonly version: string; readonly routing: CandidateRouting } | undefined,
): string[] {
  const serving = new Set(traffic.filter((t) => t.weight > 0).map((t) => t.version));
  if ((candidate?.routing.matches?.length ?? 0) > 0 && candidate !== undefined)
    serving.add(candidate.version);
  return [...serving].sort();
}
