/**
 * When a request through `ai.suoke.life/action` makes sense, checked before the annotation is set,
 * with the same rules the operator applies (operators/rollout/decide.ts `actionRejection`, and the
 * AIModel reconciler for `rollback`), so a person learns at once why nothing would happen instead of
 * finding a rejection in status later. The operator remains the judge: it re-checks on its side.
 * Each function returns the reason for refusing, or undefined when the action applies, and what will
 * happen when it does.
 */
import {
  CONDITION_TYPES,
  PAUSE_REASONS,
  REASONS,
  type AIModel,
  type ModelVersion,
  type ModelVersionAction,
  type PauseReason,
} from '../crds/index.js';
import { latestEvaluation, standsAtTrafficGate } from './progress.js';

export interface Verdict {
  /** Why the action is refused; undefined when it applies. */
  readonly refusal?: string;
  /** What the operator will do, for the confirmation line. */
  readonly effect?: string;
}

/**
 * Why a ModelVersion is Paused: `status.pauseReason`, else its Progressing condition (where an
 * operator that wrote no pauseReason recorded it).
 */
function pauseReason(mv: ModelVersion): PauseReason {
  const recorded = mv.status?.pauseReason;
  if (recorded !== undefined && (PAUSE_REASONS as readonly string[]).includes(recorded)) return recorded;
  const reason = mv.status?.conditions?.find(
    (c) => c.type === CONDITION_TYPES.ModelVersion.Progressing,
  )?.reason;
  if (reason === REASONS.ManualGate) return 'ManualGate';
  if (reason === REASONS.InconclusiveLimitExceeded) return 'Inconclusive';
  if (reason === REASONS.RouteNotAccepted) return 'RouteNotAccepted';
  if (reason === REASONS.EvaluationInvalid) return 'EvaluationInvalid';
  return 'Requested';
}

/** Why promote and pause wait while an evaluation runs (the operator's words). */
const EVALUATION_RUNNING = 'an evaluation is running; wait for it or abort';

export function modelVersionAction(action: ModelVersionAction, mv: ModelVersion): Verdict {
  const s = mv.status ?? {};
  const phase = s.phase ?? 'Pending';
  // A shadow, a blue-green preview or an experiment is a stage, not a canary step.
  const at =
    s.stage !== undefined && s.stage !== 'Canary'
      ? `stage ${s.stage} (weight ${s.canaryWeight ?? 0}%)`
      : `step ${(s.currentStep ?? 0) + 1} (weight ${s.canaryWeight ?? 0}%)`;
  const baking = phase === 'Promoted' && s.promotedAt !== undefined && s.finishedAt === undefined;
  const paused = phase === 'Paused' ? pauseReason(mv) : undefined;
  switch (action) {
    case 'promote':
      if (phase === 'Evaluating') return { refusal: EVALUATION_RUNNING };
      if (paused === 'EvaluationInvalid' && standsAtTrafficGate(mv)) {
        return {
          refusal:
            "the version has not passed its evaluation and serves no traffic yet; fix the evaluation and 'kubectl model resume' it, or 'kubectl model abort'",
        };
      }
      if (phase === 'Progressing' || phase === 'Paused') {
        return {
          effect: `the operator will promote version ${mv.spec.version} from ${at} to 100% of traffic, skipping the remaining steps`,
        };
      }
      if (phase === 'Pending' || phase === 'Deploying') {
        return {
          refusal: `the canary serves no traffic yet (phase ${phase}); promote once it is Progressing`,
        };
      }
      if (phase === 'Promoted') return { refusal: 'the version is already promoted' };
      return {
        refusal: `the rollout has ended (phase ${phase}); use 'kubectl model retry' to start it again`,
      };
    case 'abort':
      if (phase === 'Evaluating') {
        const job = latestEvaluation(mv)?.job;
        return {
          effect: `the operator will stop the evaluation${job ? ` (Job ${job})` : ''} and roll version ${mv.spec.version} back: its traffic goes to the stable version and the canary is removed`,
        };
      }
      if (['Pending', 'Deploying', 'Progressing', 'Paused'].includes(phase) || baking) {
        return {
          effect: `the operator will roll version ${mv.spec.version} back: its traffic goes to the stable version and the canary is removed`,
        };
      }
      if (phase === 'Promoted') {
        return {
          refusal: `the version is promoted and its bake is over; roll the model back with 'kubectl model rollback ${mv.spec.modelRef.name}'`,
        };
      }
      if (phase === 'RollingBack') return { refusal: 'the version is already rolling back' };
      return { refusal: `the rollout has ended (phase ${phase}); there is nothing to abort` };
    case 'pause': {
      // Pauses that end by themselves can be turned into one that waits for 'resume'.
      const endsByItself = paused === 'Inconclusive' || paused === 'RouteNotAccepted';
      if (phase === 'Progressing' || endsByItself) {
        return {
          effect: `the operator will hold version ${mv.spec.version} at ${at} until 'kubectl model resume'`,
        };
      }
      if (phase === 'Evaluating') return { refusal: EVALUATION_RUNNING };
      if (paused !== undefined) return { refusal: `the rollout is already paused (${paused})` };
      return { refusal: `nothing to pause in phase ${phase}; pause applies while Progressing` };
    }
    case 'resume':
      if (paused === 'EvaluationInvalid') {
        const run = latestEvaluation(mv);
        const gate = run?.gate === 'LastStep' ? 'at the last step' : 'before any user traffic';
        return {
          effect: `the operator will evaluate version ${mv.spec.version} on the golden set again ${gate}${run ? ` (attempt ${run.attempt + 1})` : ''}; fix what made the last run invalid first${run?.message ? ` (${run.message})` : ''}`,
        };
      }
      if (paused === 'RouteNotAccepted') {
        return {
          refusal:
            'the gateway does not accept the route; the rollout resumes by itself once it does (see the HTTPRoute status.parents)',
        };
      }
      if (phase === 'Paused' && paused !== 'ManualGate') {
        return { effect: `the operator will continue the rollout of version ${mv.spec.version} from ${at}` };
      }
      if (phase === 'Paused') {
        return {
          refusal:
            "the rollout waits at the manual gate; use 'kubectl model promote' to finish it or 'kubectl model abort'",
        };
      }
      return { refusal: `the rollout is not paused (phase ${phase})` };
    case 'retry':
      if (phase === 'RolledBack' || phase === 'Failed') {
        return {
          effect: `the operator will start the rollout of version ${mv.spec.version} again from the first step`,
        };
      }
      if (phase === 'Superseded') {
        return {
          refusal: 'a newer version superseded this one; apply a new ModelVersion instead of retrying',
        };
      }
      return { refusal: `only a RolledBack or Failed version can be retried (phase ${phase})` };
  }
}

/** `rollback` on an AIModel: traffic back to the previous stable version while it is still warm. */
export function aiModelRollback(model: AIModel): Verdict {
  const s = model.status ?? {};
  const stable = s.stableVersion;
  if (!stable) return { refusal: 'the model has no stable version to roll back from' };
  if (s.canaryVersion && s.canaryVersion !== stable) {
    return {
      refusal: `version ${s.canaryVersion} is rolling out; abort it with 'kubectl model abort <its ModelVersion>' instead`,
    };
  }
  const previous = (s.history ?? []).find(
    (h) => h.version !== stable && (h.outcome === 'Promoted' || h.outcome === 'Superseded'),
  );
  if (!previous) return { refusal: `version ${stable} is the only stable version there has been` };
  return {
    effect: `the operator will move all traffic from version ${stable} back to ${previous.version} if it is still warm (otherwise it refuses and says so in the AIModel's events)`,
  };
}
