/**
 * Whether the traffic router can carry out a policy: a blue-green preview and an experiment's
 * matched cohort need header or cookie matching, a shadow needs mirroring, and an evaluation needs
 * routes that keep a ready version away from users until it has passed (the version's own Service
 * is then the only way to it). The replica-ratio router has none of these: it splits traffic by
 * replica counts behind one Service, so a ready pod serves users. A version asking for them is
 * refused before it starts, with what to change.
 */
import type { RouterSupport } from '../traffic/router.js';
import type { EffectivePolicy } from './types.js';

/** Why `router` cannot run `policy`, or undefined when it can. */
export function unsupportedReason(
  policy: EffectivePolicy,
  router: {
    readonly name: string;
    readonly supports: RouterSupport;
    /** Which routes the router writes; 'none' when it splits by replicas alone. @default routes */
    readonly routes?: string;
  },
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
  const strategyNeeds = needs.length > 0;
  const evaluationNeeds = policy.evaluation !== undefined && router.routes === 'none';
  if (evaluationNeeds) {
    needs.push(
      'an evaluation needs routes that keep the version from users until it passes, and this router sends requests to every ready pod',
    );
  }
  if (needs.length === 0) return undefined;
  const alternatives = [
    ...(strategyNeeds
      ? [
          `use strategy Canary${policy.strategy === 'Experiment' ? ' or an experiment with only a weight' : ''} without shadow`,
        ]
      : []),
    ...(evaluationNeeds ? ['remove the evaluation'] : []),
  ];
  return `the ${router.name} traffic router cannot run this rollout: ${needs.join('; ')}; run the operator with --traffic-router=istio, or ${alternatives.join(', and ')}`;
}
