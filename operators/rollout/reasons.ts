/**
 * The reasons decide() gives its transitions, holds and Events: one catalogue, so status, Events,
 * the CLI and alerting all match on the same words.
 */
import { REASONS } from '../../crds/api/index.js';

/**
 * Reasons of transitions (CamelCase, as in conditions), stable for CI and alerting to match on: the
 * API's condition reasons plus the finer ones only Events and status messages carry.
 */
export const Reasons = Object.freeze({
  Created: 'Created',
  WaitingForCanarySlot: 'WaitingForCanarySlot',
  Deploying: REASONS.Deploying,
  WorkloadAvailable: REASONS.WorkloadAvailable,
  FirstVersion: REASONS.FirstVersion,
  StepAdvanced: REASONS.StepAdvanced,
  StepHeld: 'StepHeld',
  AnalysisPassed: REASONS.AnalysisPassed,
  AnalysisFailed: REASONS.AnalysisFailed,
  AnalysisInconclusive: REASONS.AnalysisInconclusive,
  FailureLimitExceeded: REASONS.FailureLimitExceeded,
  InconclusiveLimitExceeded: REASONS.InconclusiveLimitExceeded,
  ManualGate: REASONS.ManualGate,
  ProgressDeadlineExceeded: REASONS.ProgressDeadlineExceeded,
  Promoted: REASONS.Promoted,
  BakeFailed: 'BakeFailed',
  BakeSucceeded: 'BakeSucceeded',
  BakeInconclusive: 'BakeInconclusive',
  SupersededByNewerVersion: REASONS.SupersededByNewerVersion,
  StableRolledBack: 'StableRolledBack',
  RolledBack: REASONS.RolledBack,
  Aborted: REASONS.Aborted,
  PausedByRequest: REASONS.PausedByRequest,
  Resumed: 'Resumed',
  PromotedByRequest: 'PromotedByRequest',
  Retried: 'Retried',
  WeightsAdopted: 'WeightsAdopted',
  ActionAccepted: REASONS.ActionAccepted,
  ActionRejected: REASONS.ActionRejected,
  AnalysisDiscarded: 'AnalysisDiscarded',
  FailureNotConfirmed: 'FailureNotConfirmed',
  ExperimentWon: 'ExperimentWon',
  StrategyUnsupported: REASONS.StrategyUnsupported,
  RouteNotAccepted: REASONS.RouteNotAccepted,
  RouteAccepted: REASONS.RouteAccepted,
  EvaluationStarted: REASONS.EvaluationStarted,
  EvaluationPassed: REASONS.EvaluationPassed,
  EvaluationFailed: REASONS.EvaluationFailed,
  EvaluationInvalid: REASONS.EvaluationInvalid,
  NotEvaluated: REASONS.NotEvaluated,
});
