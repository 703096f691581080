/**
 * Canary capacity follows traffic: while a version rolls out, its replica bounds are the AIModel's
 * scaled by its weight, never below one replica and never above the AIModel's bounds, so a canary
 * of a GPU model at 10% holds about a tenth of the GPUs rather than doubling them. The stable keeps
 * its full bounds so an abort can send it all traffic at once.
 *
 * The arithmetic is charts-ts' `scaledBounds` (the render() the operator applies uses it, so there
 * is one definition):
 *
 *     min' = min(min, max(1, ceil(min × weight / 100)))
 *     max' = max(min', ceil(max × weight / 100))
 *
 * Worked examples for bounds 2-10: weight 0 → 1-1 (deploying: one warm replica, no traffic);
 * 10 → 1-1; 25 → 1-3; 50 → 1-5; 80 → 2-8; 100 → 2-10. For a model with one GPU per pod and
 * bounds 2-8, a canary at 10% adds one GPU, not eight.
 *
 * This file adds the rollout side: which versions scale with traffic given their phases and
 * strategies. A blue-green version starts at the stable's capacity (the switch sends it everything
 * at once) and an experiment's cohort has no share known in advance, so both keep full bounds; a
 * shadow's share is its mirrored percentage (render() adds it to the weight).
 */
import { scaledBounds, type ReplicaBounds } from '../../charts-ts/agent-spec.js';
import type { RolloutStrategy } from '../../crds/api/index.js';
import type { RolloutPhase } from './types.js';

export { type ReplicaBounds };

/** Replica bounds of a version at `weight` percent; see the module comment. */
export function canaryReplicaBounds(bounds: ReplicaBounds, weight: number): ReplicaBounds {
  if (!(bounds.minReplicas >= 1 && bounds.maxReplicas >= bounds.minReplicas)) {
    throw new Error(
      `replica bounds ${bounds.minReplicas}-${bounds.maxReplicas}: minReplicas must be at least 1 and at most maxReplicas`,
    );
  }
  return scaledBounds(bounds, weight);
}

/** Phases in which a version is a canary whose capacity follows its weight. */
const CANARY_PHASES: ReadonlySet<RolloutPhase> = new Set([
  'Deploying',
  'Evaluating',
  'Progressing',
  'Paused',
  'RollingBack',
]);

/** Strategies whose candidate keeps the AIModel's full bounds while it rolls out. */
const FULL_CAPACITY: ReadonlySet<RolloutStrategy> = new Set(['BlueGreen', 'Experiment']);

/**
 * The versions render() should scale with traffic (`RenderOptions.scaleWithTraffic`): every version
 * being canaried. A promoted version (stable, baking or not), the previous stable kept warm for
 * rollback, and a blue-green or experiment candidate keep the AIModel's full bounds.
 */
export function versionsScaledWithTraffic(
  versions: readonly {
    readonly version: string;
    readonly phase: RolloutPhase;
    /** status.strategy. @default Canary */
    readonly strategy?: RolloutStrategy;
  }[],
): string[] {
  return versions
    .filter((v) => CANARY_PHASES.has(v.phase) && !FULL_CAPACITY.has(v.strategy ?? 'Canary'))
    .map((v) => v.version)
    .sort();
}
