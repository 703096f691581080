/**
 * The Gateway API implementation a controller test plays: it reports on every HTTPRoute in a
 * namespace through `status.parents`, one entry per parentRef with the Accepted and ResolvedRefs
 * conditions at the route's generation, as a gateway controller does after each change of a route.
 * Its writes go through the status subresource under its own field manager, so a test can tell
 * them from the operator's requests.
 */
import { objectPath, type KubeObject } from '../../operators/kit/resource.js';
import { deepEqual } from '../../operators/kit/deep-equal.js';
import type { KubeClient } from '../../operators/kit/client.js';
import { HTTP_ROUTE } from '../../operators/traffic/gateway-api.js';
import type { FakeApiServer } from '../support/fake-api-server/index.js';

/** The field manager of the gateway's status writes (not the operator's: see Harness.pass). */
export const GATEWAY_FIELD_MANAGER = 'fake-gateway';
/** `status.parents[].controllerName` of its reports. */
export const GATEWAY_CONTROLLER_NAME = 'gateway.example.com/fake-gateway';

/**
 * What the gateway says of every route: accepted with every reference resolved, or one condition
 * False with the gateway's reason and message (Accepted: NotAllowedByListeners, say; ResolvedRefs:
 * BackendNotFound).
 */
export type GatewayVerdict =
  | { readonly accepted: true }
  | {
      readonly accepted: false;
      readonly condition: 'Accepted' | 'ResolvedRefs';
      readonly reason: string;
      readonly message: string;
    };

interface RouteCondition {
  readonly type: string;
  readonly status: 'True' | 'False';
  readonly reason: string;
  readonly message: string;
  readonly observedGeneration: number;
  readonly lastTransitionTime: string;
}

interface RouteParentStatus {
  readonly parentRef: Record<string, unknown>;
  readonly controllerName: string;
  readonly conditions: readonly RouteCondition[];
}

const HTTP_ROUTE_KIND = { apiVersion: `${HTTP_ROUTE.group}/${HTTP_ROUTE.version}`, kind: HTTP_ROUTE.kind };

export class FakeGateway {
  /** What it reports; undefined once it reports nothing (it never ran, or it stopped). */
  private verdict: GatewayVerdict | undefined;
  /** It has reported at least once, so it has entries of its own to withdraw when it stops. */
  private reported = false;

  constructor(
    private readonly api: FakeApiServer,
    private readonly client: KubeClient,
    private readonly namespace: string,
    private readonly now: () => number,
  ) {}

  /** From now on it reports `verdict` (undefined: it stops reporting and withdraws its entries). */
  async say(verdict: GatewayVerdict | undefined): Promise<void> {
    this.verdict = verdict;
    await this.answer();
  }

  /** Brings every route's status up to date with the verdict at the route's generation. */
  async answer(): Promise<void> {
    if (this.verdict === undefined && !this.reported) return;
    for (const route of this.api.list(HTTP_ROUTE_KIND, this.namespace)) {
      const old = ((route['status'] as { parents?: RouteParentStatus[] } | undefined)?.parents ??
        []) as RouteParentStatus[];
      const others = old.filter((p) => p.controllerName !== GATEWAY_CONTROLLER_NAME);
      const ours = this.verdict === undefined ? [] : this.parentsOf(route, old);
      const parents = [...others, ...ours];
      if (deepEqual(parents, old)) continue;
      await this.client.request(
        'PATCH',
        objectPath(HTTP_ROUTE, this.namespace, route.metadata.name ?? '', 'status'),
        {
          body: { status: { parents } },
          contentType: 'application/merge-patch+json',
          query: { fieldManager: GATEWAY_FIELD_MANAGER },
        },
      );
    }
    this.reported = this.verdict !== undefined;
  }

  /** One entry per parentRef, each condition's transition time kept while its status stays. */
  private parentsOf(route: KubeObject, old: readonly RouteParentStatus[]): RouteParentStatus[] {
    const verdict = this.verdict as GatewayVerdict;
    const generation = route.metadata.generation ?? 1;
    const refs = ((route['spec'] as { parentRefs?: Record<string, unknown>[] } | undefined)?.parentRefs ??
      []) as Record<string, unknown>[];
    const at = new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return refs.map((parentRef) => {
      const before = old.find(
        (p) => p.controllerName === GATEWAY_CONTROLLER_NAME && deepEqual(p.parentRef, parentRef),
      );
      const condition = (
        type: 'Accepted' | 'ResolvedRefs',
        fine: string,
        fineMessage: string,
      ): RouteCondition => {
        const refused = !verdict.accepted && verdict.condition === type;
        const status = refused ? 'False' : 'True';
        const previous = before?.conditions.find((c) => c.type === type);
        return {
          type,
          status,
          reason: refused ? verdict.reason : fine,
          message: refused ? verdict.message : fineMessage,
          observedGeneration: generation,
          lastTransitionTime: previous?.status === status ? previous.lastTransitionTime : at,
        };
      };
      return {
        parentRef,
        controllerName: GATEWAY_CONTROLLER_NAME,
        conditions: [
          condition('Accepted', 'Accepted', 'Route is accepted'),
          condition('ResolvedRefs', 'ResolvedRefs', 'All references are resolved'),
        ],
      };
    });
  }
}
