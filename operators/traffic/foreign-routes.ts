/**
 * A model's routing object is shared: a person or another controller may add routes of their own
 * (a maintenance page, a debug header route) beside the ones the operator owns. Its route list is
 * atomic in the CRDs (HTTPRoute `spec.rules`; VirtualService `spec.http`), so an apply of the rendered
 * object would replace the whole list and drop them. The AIModel controller therefore applies the
 * rendered routes with the foreign ones carried over, as the routers' own writes do.
 */
import { CANDIDATE_ROUTE, VERSIONS_ROUTE } from '../../charts-ts/constructs/workload-names.js';
import type { KubeObject } from '../kit/resource.js';
import { isSessionRouteName } from '../../charts-ts/session-affinity.js';

/** The routes the operator owns, by name, besides the session routes (`session-<version>`); every other one is someone else's. */
const OURS: ReadonlySet<string> = new Set([CANDIDATE_ROUTE, VERSIONS_ROUTE]);

interface Named {
  readonly name?: unknown;
}

const isOurs = (route: Named): boolean =>
  typeof route.name === 'string' && (OURS.has(route.name) || isSessionRouteName(route.name));

/**
 * `rendered` (our routes only) merged into `live`: foreign routes stay where they are, ours take the
 * place of the first of ours in `live` (the end when it has none, so a catch-all `versions` route
 * never shadows what others put before it).
 */
export function withForeignRoutes<T extends Named>(rendered: readonly T[], live: readonly T[]): T[] {
  const foreign = live.filter((r) => !isOurs(r));
  if (foreign.length === 0) return [...rendered];
  const at = live.findIndex(isOurs);
  if (at < 0) return [...foreign, ...rendered];
  const before = live.slice(0, at).filter((r) => !isOurs(r));
  const after = live.slice(at).filter((r) => !isOurs(r));
  return [...before, ...rendered, ...after];
}

/**
 * The rendered object with the live object's foreign routes in `spec[list]` carried over; the
 * rendered object itself when the live one has none.
 */
export function carryForeignRoutes<T extends KubeObject>(rendered: T, live: KubeObject, list: string): T {
  const liveRoutes = (live as { spec?: Record<string, unknown> }).spec?.[list];
  if (!Array.isArray(liveRoutes) || !liveRoutes.some((r: Named) => !isOurs(r))) return rendered;
  const spec = (rendered as { spec?: Record<string, unknown> }).spec ?? {};
  const ours = Array.isArray(spec[list]) ? (spec[list] as Named[]) : [];
  return { ...rendered, spec: { ...spec, [list]: withForeignRoutes(ours, liveRoutes as Named[]) } };
}
