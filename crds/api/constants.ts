/** API group, version and the names every part of the platform agrees on. */
export const GROUP = 'ai.suoke.life';
export const VERSION = 'v1alpha1';
export const API_VERSION = `${GROUP}/${VERSION}`;

/** The one category all our kinds share: `kubectl get suoke`. */
export const CATEGORY = 'suoke';

/** Kinds, plurals and short names. */
export const KINDS = {
  AIModel: { kind: 'AIModel', plural: 'aimodels', singular: 'aimodel', shortNames: ['aim'] },
  ModelVersion: {
    kind: 'ModelVersion',
    plural: 'modelversions',
    singular: 'modelversion',
    shortNames: ['mv'],
  },
  ModelRegistry: {
    kind: 'ModelRegistry',
    plural: 'modelregistries',
    singular: 'modelregistry',
    shortNames: ['mreg'],
  },
} as const;
export type KindName = keyof typeof KINDS;

/**
 * Requests from people and CI pipelines. The operator reads the annotation, acts, and removes it,
 * so one request is acted on once.
 */
export const ACTION_ANNOTATION = `${GROUP}/action`;
/** Actions accepted on a ModelVersion. */
export const MODEL_VERSION_ACTIONS = ['promote', 'abort', 'pause', 'resume', 'retry'] as const;
export type ModelVersionAction = (typeof MODEL_VERSION_ACTIONS)[number];
/** Actions accepted on an AIModel: roll back to the previous stable version. */
export const AIMODEL_ACTIONS = ['rollback'] as const;
export type AIModelAction = (typeof AIMODEL_ACTIONS)[number];

/** Rollout phases of a ModelVersion (DESIGN: the rollout state machine). */
export const MODEL_VERSION_PHASES = [
  'Pending',
  'Deploying',
  'Evaluating',
  'Progressing',
  'Paused',
  'Promoted',
  'Superseded',
  'RollingBack',
  'RolledBack',
  'Failed',
] as const;
export type ModelVersionPhase = (typeof MODEL_VERSION_PHASES)[number];
/** Phases after which a ModelVersion never moves again (except `Promoted` → `Superseded`). */
export const TERMINAL_PHASES: readonly ModelVersionPhase[] = ['Superseded', 'RolledBack', 'Failed'];

/** Condition types, per kind. */
export const CONDITION_TYPES = {
  AIModel: { Ready: 'Ready', Progressing: 'Progressing', Degraded: 'Degraded' },
  ModelVersion: {
    Available: 'Available',
    Progressing: 'Progressing',
    Promoted: 'Promoted',
    Evaluated: 'Evaluated',
    Degraded: 'Degraded',
  },
  ModelRegistry: { Connected: 'Connected', Synced: 'Synced' },
} as const;

/** Condition reasons (CamelCase, as metav1.Condition requires). */
export const REASONS = {
  // AIModel
  StableAvailable: 'StableAvailable',
  NoStableVersion: 'NoStableVersion',
  StableUnavailable: 'StableUnavailable',
  CanaryInProgress: 'CanaryInProgress',
  NoRollout: 'NoRollout',
  RenderFailed: 'RenderFailed',
  ApplyFailed: 'ApplyFailed',
  RolledBackToPrevious: 'RolledBackToPrevious',
  // ModelVersion
  WaitingForModel: 'WaitingForModel',
  Deploying: 'Deploying',
  WorkloadAvailable: 'WorkloadAvailable',
  ProgressDeadlineExceeded: 'ProgressDeadlineExceeded',
  StepAdvanced: 'StepAdvanced',
  AnalysisPassed: 'AnalysisPassed',
  AnalysisFailed: 'AnalysisFailed',
  AnalysisInconclusive: 'AnalysisInconclusive',
  FailureLimitExceeded: 'FailureLimitExceeded',
  InconclusiveLimitExceeded: 'InconclusiveLimitExceeded',
  ManualGate: 'ManualGate',
  PausedByRequest: 'PausedByRequest',
  Aborted: 'Aborted',
  SupersededByNewerVersion: 'SupersededByNewerVersion',
  FirstVersion: 'FirstVersion',
  Promoted: 'Promoted',
  RolledBack: 'RolledBack',
  InvalidSpec: 'InvalidSpec',
  StrategyUnsupported: 'StrategyUnsupported',
  RouteNotAccepted: 'RouteNotAccepted',
  RouteAccepted: 'RouteAccepted',
  EvaluationStarted: 'EvaluationStarted',
  EvaluationPassed: 'EvaluationPassed',
  EvaluationFailed: 'EvaluationFailed',
  EvaluationInvalid: 'EvaluationInvalid',
  NotEvaluated: 'NotEvaluated',
  WorkloadUnavailable: 'WorkloadUnavailable',
  NoWorkload: 'NoWorkload',
  // Either kind: the `ai.suoke.life/action` request (LastAction), and a Degraded condition that is False
  ActionAccepted: 'ActionAccepted',
  ActionRejected: 'ActionRejected',
  AsExpected: 'AsExpected',
  // ModelRegistry
  ProbeSucceeded: 'ProbeSucceeded',
  ProbeFailed: 'ProbeFailed',
  AuthFailed: 'AuthFailed',
  SyncSucceeded: 'SyncSucceeded',
  SyncFailed: 'SyncFailed',
  SyncDisabled: 'SyncDisabled',
} as const;
export type Reason = (typeof REASONS)[keyof typeof REASONS];

/** Built-in analysis metrics (PromQL over the runtime's metrics, scoped to one version). */
export const BUILTIN_METRICS = [
  'error-rate',
  'latency-p95',
  'ttft-p95',
  'tokens-per-second',
  'cost-per-request',
  'tokens-per-request',
  'truncation-rate',
] as const;
export type BuiltinMetric = (typeof BUILTIN_METRICS)[number];

/** What an analysis query returning no data counts as. */
export const NO_DATA_POLICIES = ['Inconclusive', 'Fail'] as const;
export type NoDataPolicy = (typeof NO_DATA_POLICIES)[number];

/**
 * Why a ModelVersion is Paused (`status.pauseReason`): `Requested` (the pause action) and
 * `ManualGate` (mode Manual at the last step) wait for a person; `Inconclusive` (too many
 * inconclusive analyses in a row) resumes by itself on the next passing analysis;
 * `RouteNotAccepted` (a Gateway API gateway refuses the model's HTTPRoute) resumes by itself once
 * the gateway accepts it, with the step's time counted from then; `EvaluationInvalid` (an evaluation
 * could not be judged: unreadable dataset, missing judge, no result) waits for the fix and `resume`,
 * which runs the evaluation again.
 */
export const PAUSE_REASONS = [
  'Requested',
  'ManualGate',
  'Inconclusive',
  'RouteNotAccepted',
  'EvaluationInvalid',
] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

/** What became of a request through the action annotation (`status.lastAction.result`). */
export const ACTION_RESULTS = ['Accepted', 'Rejected'] as const;
export type ActionResult = (typeof ACTION_RESULTS)[number];

/** Registry types. */
export const REGISTRY_TYPES = ['oci', 'mlflow', 'http'] as const;
export type RegistryType = (typeof REGISTRY_TYPES)[number];

/** Artifact URI schemes a ModelVersion may point at. */
export const ARTIFACT_SCHEMES = ['oci', 'mlflow', 'hf', 's3', 'gs', 'pvc', 'http', 'https'] as const;

/** Default images (contracts). */
export const DEFAULT_RUNTIME_IMAGE = 'ghcr.io/suoke-life/agent-runtime:0.1.0';
export const DEFAULT_OPERATOR_IMAGE = 'ghcr.io/suoke-life/modelops-operator:0.1.0';

/** Default GPU extended resource. */
export const DEFAULT_GPU_RESOURCE = 'nvidia.com/gpu';

/**
 * Promotion defaults the operator applies when neither the ModelVersion's `promotion` nor the
 * AIModel's `rollout` sets a field. They are not schema defaults on purpose: a schema default on
 * `ModelVersion.spec.promotion` would silently override the AIModel's policy field by field.
 */
export const PROMOTION_DEFAULTS = {
  /** Canary traffic steps, in percent. */
  steps: [{ weight: 10 }, { weight: 25 }, { weight: 50 }],
  /** Time between analyses (and between steps). */
  interval: '1m',
  /** Failed analyses tolerated before rolling back. */
  failureLimit: 2,
  /** Inconclusive analyses tolerated before pausing. */
  inconclusiveLimit: 3,
  /** What a query returning no data counts as. */
  noData: 'Inconclusive',
  /** Auto promotes after the last step; Manual stops there until promoted. */
  mode: 'Auto',
  /** Deadline for the canary workload to become Available, and for each step to make progress. */
  progressDeadline: '10m',
  /** How long the superseded stable version keeps running after a promotion (and the bake, unless set). */
  scaleDownDelay: '5m',
  /** Requests needed in an interval for a check to be conclusive. */
  minSamples: 20,
} as const;
