/**
 * What the router gives one version: its weight on the default route plus matched and mirror
 * routes. decide() compares routes as a whole, so a restart between the router's write and the
 * status write is recognised even when two steps share a weight (a shadow and a preview are both 0).
 */
import { prefixOfRegex } from '../../charts-ts/constructs/gateway-routing.js';
import type { CandidateRouting, RequestMatch } from '../../crds/api/index.js';
import { deepEqual } from '../kit/deep-equal.js';
import { isPlainRouting } from '../traffic/router.js';
import type { Step } from './types.js';

export interface Route {
  readonly weight: number;
  /** @default none */
  readonly routing?: CandidateRouting;
}

/** The route a step asks for. */
export function routeOf(step: Step): Route {
  return { weight: step.weight, ...(isPlainRouting(step.routing) ? {} : { routing: step.routing }) };
}

/**
 * Same weight, same matches in the same order, same mirror share; absent and empty routing are the same, and so
 * are a header prefix and the regex that is its escaped literal followed by `.*`.
 */
export function sameRoute(a: Route, b: Route): boolean {
  if (a.weight !== b.weight) return false;
  return deepEqual(normal(a.routing), normal(b.routing));
}

function normal(routing: CandidateRouting | undefined): CandidateRouting {
  if (routing === undefined || isPlainRouting(routing)) return {};
  return {
    ...((routing.matches?.length ?? 0) === 0 ? {} : { matches: routing.matches?.map(canonicalMatch) }),
    ...(routing.mirrorPercent === undefined ? {} : { mirrorPercent: routing.mirrorPercent }),
  };
}

/**
 * A header regex that is an escaped literal followed by `.*` as the prefix it matches: HTTPRoute has no prefix
 * match, so the Gateway API router writes a prefix as that regex and reads it back as a prefix.
 */
function canonicalMatch(match: RequestMatch): RequestMatch {
  const regex = match.header?.regex;
  const prefix = regex === undefined ? undefined : prefixOfRegex(regex);
  if (match.header === undefined || prefix === undefined) return match;
  const { regex: _regex, ...header } = match.header;
  return { ...match, header: { ...header, prefix } };
}
