/**
 * Whether the traffic router can carry out a policy: a blue-green preview and an experiment's
 * matched cohort need header or cookie matching, a shadow needs mirroring. The replica-ratio router
 * has neither; a version asking for them is refused before it starts, with what to change.
 */
import type { RouterSupport } from '../traffic/router.js';
import type { EffectivePolicy } from './types.js';

/** Why `router` cannot run `policy`, or undefined when it can. */
export function unsupportedReason(
  policy: EffectivePolicy,
  router: { readonly name: string; readonly supports: RouterSupport },
): string | undefined {
  const needs: string[] = [];
  for (const step of policy.steps) {
    if ((step.routing?.matches?.length ?? 0) > 0 && !router.supports.matches) {
      needs.push(
        step.stage === 'Preview'
          ? 'the blue-green preview route needs header matching'
          : "the experiment's cohort needs header or cookie matching",
      );
    }
    if (step.routing?.mirrorPercent !== undefined && !router.supports.mirror) {
      needs.push('shadow needs request mirroring');
    }
  }
  if (needs.length === 0) return undefined;
  return `the ${router.name} traffic router cannot run this rollout: ${needs.join('; ')}; run the operator with --traffic-router=istio, or use strategy Canary${policy.strategy === 'Experiment' ? ' or an experiment with only a weight' : ''} without shadow`;
}
