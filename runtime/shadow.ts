import type { IncomingMessage } from 'node:http';
import { EVALUATION_RUN_HEADER } from './evaluation-run.js';

/**
 * How a request reached this runtime: from a client, as a mesh's mirrored copy of one, or as a
 * golden-set case of an evaluation run (evaluation-run.ts).
 */
export type Traffic = 'live' | 'shadow' | 'evaluation';

/** An authority (Host header): its host part (IPv6 literals in brackets), then an optional `:port`. */
const AUTHORITY = /^((?:\[[^\]]*\])?[^:[\]]*)(?::\d+)?$/;
const SHADOW_SUFFIX = '-shadow';

/**
 * Whether `req` is a mirrored copy of a live request (a shadow stage: Istio's VirtualService
 * `mirror` + `mirrorPercentage`), whose answer the mesh discards.
 *
 * The Host header is the signal because it is the only one there is: Envoy sends the copy with the
 * same method, path, headers and body as the original — credentials and `X-Session-Id` included —
 * except that it appends `-shadow` to the host of Host/:authority (`soer.agents.svc-shadow`; before
 * the port when there is one: `soer.agents.svc-shadow:8080`). Only a suffix of the host part counts,
 * case-insensitively, so an ordinary host that merely contains "shadow" stays live.
 *
 * A caller can forge the suffix, so treating a request as shadow must never grant it more than a
 * live one gets: a shadow request skips writes (session, cache, rate-limit tokens) but is
 * authenticated as usual and refused when its caller's rate-limit bucket is already empty.
 */
export function isMirrored(req: Pick<IncomingMessage, 'headers'>): boolean {
  const host = AUTHORITY.exec(req.headers.host ?? '')?.[1] ?? '';
  return host.length > SHADOW_SUFFIX.length && host.toLowerCase().endsWith(SHADOW_SUFFIX);
}

/**
 * `shadow` for a mirrored request, `evaluation` for one that carries `X-Evaluation-Run` (valid or
 * not: a malformed one is refused, and counted where it claimed to belong), `live` for any other.
 *
 * Shadow comes first. Evaluation Jobs call a version's own Service, which no mirror targets, so a
 * mirrored copy of an evaluation request does not occur in practice; were one made, it is still a
 * copy whose original was counted and charged already, so it gets what every copy gets.
 */
export function trafficOf(req: Pick<IncomingMessage, 'headers'>): Traffic {
  if (isMirrored(req)) return 'shadow';
  return req.headers[EVALUATION_RUN_HEADER] !== undefined ? 'evaluation' : 'live';
}
