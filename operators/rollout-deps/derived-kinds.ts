/**
 * Every kind charts-ts render() derives for an AIModel, in the order render() emits them
 * (dependencies first), so the AIModel controller's apply and prune walk one table and both rollout
 * controllers cache the same kinds (caches.ts).
 */
import { DERIVED_KINDS as RENDERED_KINDS } from '../../charts-ts/derived-kinds.js';
import type { ResourceType } from '../kit/resource.js';
import { DEPLOYMENT, SERVICE } from '../kinds.js';
import { HTTP_ROUTE } from '../traffic/gateway-api.js';
import { DESTINATION_RULE, VIRTUAL_SERVICE } from '../traffic/istio.js';

/** Kinds the operator also names elsewhere; their rows are these very objects, as controllers compare them by identity. */
const NAMED_KINDS: readonly ResourceType[] = [
  SERVICE,
  DEPLOYMENT,
  DESTINATION_RULE,
  VIRTUAL_SERVICE,
  HTTP_ROUTE,
];

/** Every kind render() may emit, dependencies first: the charts' table, which render() sorts its output by. */
export const DERIVED_KINDS: readonly ResourceType[] = Object.freeze(
  RENDERED_KINDS.map(
    (rendered) =>
      NAMED_KINDS.find(
        (rt) => rt.group === rendered.group && rt.version === rendered.version && rt.kind === rendered.kind,
      ) ?? rendered,
  ),
);

export { inScope, type DerivedScope } from '../../charts-ts/derived-kinds.js';

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
