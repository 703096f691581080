/**
 * Every kind charts-ts render() derives for an AIModel, in the order render() emits them
 * (dependencies first), so the AIModel controller's apply and prune walk one table and both rollout
 * controllers cache the same kinds (caches.ts).
 */
import type { ResourceType } from '../kit/resource.js';
import { DEPLOYMENT, SERVICE } from '../kinds.js';
import { DESTINATION_RULE, VIRTUAL_SERVICE } from '../traffic/istio.js';

/** Every kind render() may emit, dependencies first. */
export const DERIVED_KINDS: readonly ResourceType[] = Object.freeze([
  { group: '', version: 'v1', kind: 'ServiceAccount', plural: 'serviceaccounts' },
  SERVICE,
  DEPLOYMENT,
  {
    group: 'autoscaling',
    version: 'v2',
    kind: 'HorizontalPodAutoscaler',
    plural: 'horizontalpodautoscalers',
  },
  {
    group: 'autoscaling.k8s.io',
    version: 'v1',
    kind: 'VerticalPodAutoscaler',
    plural: 'verticalpodautoscalers',
  },
  { group: 'policy', version: 'v1', kind: 'PodDisruptionBudget', plural: 'poddisruptionbudgets' },
  { group: 'networking.k8s.io', version: 'v1', kind: 'NetworkPolicy', plural: 'networkpolicies' },
  { group: 'security.istio.io', version: 'v1', kind: 'PeerAuthentication', plural: 'peerauthentications' },
  { group: 'security.istio.io', version: 'v1', kind: 'AuthorizationPolicy', plural: 'authorizationpolicies' },
  DESTINATION_RULE,
  VIRTUAL_SERVICE,
]);

/** Istio kinds: not applied when the traffic router is not Istio (a cluster without a mesh has no such CRDs). */
export function isMeshKind(rt: ResourceType): boolean {
  return rt.group.endsWith('istio.io');
}

/** The table entry for a rendered object. */
export function resourceTypeOf(apiVersion: string, kind: string): ResourceType {
  const found = DERIVED_KINDS.find(
    (rt) => rt.kind === kind && (rt.group === '' ? rt.version : `${rt.group}/${rt.version}`) === apiVersion,
  );
  if (found === undefined) {
    throw new Error(`${kind} (${apiVersion}): render() produced a kind the AIModel controller does not know`);
  }
  return found;
}
