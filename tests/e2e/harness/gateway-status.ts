/**
 * The part of a Gateway API controller the harness plays besides routing: the HTTPRoute's
 * `status.parents`, one entry per parentRef (every parent is taken as one of this gateway's), with
 * the Accepted and ResolvedRefs conditions at the route's generation, as an implementation reports
 * them after each reconcile of the route. The rollout reads them (TrafficRouter.acceptance): steps
 * are not counted while the route is not served.
 *
 * - Accepted: True (Accepted), or False (UnsupportedValue) naming what the harness's gateway does
 *   not serve, as implementations refuse a route using a feature they do not support; or False
 *   with the reason a test gives ({@link RouteRefusal}: a Gateway whose listeners do not admit the
 *   route, say).
 * - ResolvedRefs: True (ResolvedRefs), or False with the reason of the first backendRef that
 *   cannot be resolved (BackendNotFound for a missing Service) and every one in the message.
 */
import type { CompiledHttpRoute, ParentRefView } from './gateway-routes.js';

/** The GatewayClass controllerName the harness's gateway writes its entries under. */
export const CONTROLLER_NAME = 'example.net/e2e-gateway';

export interface RouteCondition {
  readonly type: string;
  readonly status: 'True' | 'False' | 'Unknown';
  readonly reason: string;
  readonly message: string;
  readonly observedGeneration: number;
  readonly lastTransitionTime: string;
}

/** One entry of HTTPRoute `status.parents`. */
export interface RouteParentStatus {
  readonly parentRef: ParentRefView;
  readonly controllerName: string;
  readonly conditions: readonly RouteCondition[];
}

/** Why the gateway refuses every route for now (a test's stand-in for a listener that admits none). */
export interface RouteRefusal {
  /** The Accepted condition's reason, e.g. `NotAllowedByListeners`. */
  readonly reason: string;
  readonly message: string;
}

/** The route as the status writer reads it. */
export interface RouteStatusView {
  readonly metadata: { readonly generation?: number };
  readonly spec?: { readonly parentRefs?: readonly ParentRefView[] };
  readonly status?: { readonly parents?: readonly RouteParentStatus[] };
}

/**
 * `status.parents` as this controller would leave it now: its entries for every parentRef, other
 * controllers' entries as they are; undefined when what is there already says it (times aside), so
 * nothing is written. A condition whose status did not change keeps its lastTransitionTime.
 * @param now RFC 3339, whole seconds
 * @param refusal the gateway refuses the route, whatever it holds
 */
export function parentsToWrite(
  route: RouteStatusView,
  compiled: CompiledHttpRoute,
  now: string,
  refusal?: RouteRefusal,
): RouteParentStatus[] | undefined {
  const current = route.status?.parents ?? [];
  const ours = current.filter((p) => p.controllerName === CONTROLLER_NAME);
  const others = current.filter((p) => p.controllerName !== CONTROLLER_NAME);
  const generation = route.metadata.generation ?? 0;
  const wanted = (route.spec?.parentRefs ?? []).map((parentRef): RouteParentStatus => {
    const before = ours.find((p) => sameParent(p.parentRef, parentRef))?.conditions ?? [];
    const condition = (
      c: Omit<RouteCondition, 'observedGeneration' | 'lastTransitionTime'>,
    ): RouteCondition => {
      const previous = before.find((b) => b.type === c.type);
      return {
        ...c,
        observedGeneration: generation,
        lastTransitionTime:
          previous !== undefined && previous.status === c.status ? previous.lastTransitionTime : now,
      };
    };
    const [firstUnresolved] = compiled.unresolved;
    return {
      parentRef,
      controllerName: CONTROLLER_NAME,
      conditions: [
        refusal !== undefined
          ? condition({ type: 'Accepted', status: 'False', ...refusal })
          : compiled.unsupported.length === 0
            ? condition({
                type: 'Accepted',
                status: 'True',
                reason: 'Accepted',
                message: 'Route is accepted.',
              })
            : condition({
                type: 'Accepted',
                status: 'False',
                reason: 'UnsupportedValue',
                message: `The e2e gateway does not serve: ${compiled.unsupported.join('; ')}`,
              }),
        firstUnresolved === undefined
          ? condition({
              type: 'ResolvedRefs',
              status: 'True',
              reason: 'ResolvedRefs',
              message: 'All references are resolved.',
            })
          : condition({
              type: 'ResolvedRefs',
              status: 'False',
              reason: firstUnresolved.reason,
              message: compiled.unresolved.map((u) => u.message).join('; '),
            }),
      ],
    };
  });
  if (wanted.length === 0 && ours.length === 0) return undefined;
  const times = (p: RouteParentStatus): unknown => ({
    ...p,
    conditions: p.conditions.map(({ lastTransitionTime: _t, ...c }) => c),
  });
  if (canonical(ours.map(times)) === canonical(wanted.map(times))) return undefined;
  return [...others, ...wanted];
}

/** JSON with object keys sorted: what the API server gives back compares equal to what was written. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The same parent: group and kind with their defaults, namespace, name, section and port. */
function sameParent(a: ParentRefView, b: ParentRefView): boolean {
  const key = (p: ParentRefView): string =>
    JSON.stringify([
      p.group ?? 'gateway.networking.k8s.io',
      p.kind ?? 'Gateway',
      p.namespace,
      p.name,
      p.sectionName,
      p.port,
    ]);
  return key(a) === key(b);
}
