/**
 * The ai.suoke.life/v1alpha1 API: one source of truth. TypeBox schemas (which generate the CRDs)
 * and the TypeScript types derived from them with Static<>, so the YAML users write and the types
 * the operator and charts compile against cannot drift apart.
 */
export * from './constants.js';
export * from './labels.js';
export {
  AIModelSchema,
  ModelVersionSchema,
  ModelRegistrySchema,
  ROOT_SCHEMAS,
  type AIModel,
  type AIModelSpec,
  type AIModelStatus,
  type ModelVersion,
  type ModelVersionSpec,
  type ModelVersionStatus,
  type ModelRegistry,
  type ModelRegistrySpec,
  type ModelRegistryStatus,
  type Condition,
} from './kinds.js';
export {
  AIModelSpecSchema,
  AIModelStatusSchema,
  GpuSchema,
  ScalingSchema,
  EngineSchema,
  RuntimeSchema,
  TrafficSchema,
  SessionAffinitySchema,
  DEFAULT_SESSION_AFFINITY_HEADER,
  ParentRefSchema,
  ResourcesSchema,
  VpaSchema,
  type Gpu,
  type Scaling,
  type Engine,
  type Runtime,
  type Traffic,
  type SessionAffinity,
  type ParentRef,
  type Resources,
  type CustomMetric,
  type Vpa,
  type TrafficWeight,
  type HistoryEntry,
} from './aimodel.js';
export {
  ModelVersionSpecSchema,
  ModelVersionStatusSchema,
  ArtifactSchema,
  VERSION_PATTERN,
  MAX_RECORDED_QUERY,
  MAX_RECORDED_REASON,
  type Artifact,
  type AnalysisRun,
  type MetricResult,
  type RecordedThreshold,
  type LastAction,
  type CandidateRouting,
  type ExperimentStatus,
  type ExperimentMetric,
} from './model-version.js';
export {
  ModelRegistrySpecSchema,
  ModelRegistryStatusSchema,
  type TrackedModel,
  type DiscoveredVersion,
} from './model-registry.js';
export {
  PromotionPolicySchema,
  AnalysisMetricSchema,
  AnalysisSchema,
  CanaryStepSchema,
  type PromotionPolicy,
  type AnalysisMetric,
  type Analysis,
  type CanaryStep,
  type ThresholdRange,
} from './promotion.js';
export {
  ROLLOUT_STRATEGIES,
  ROLLOUT_STAGES,
  DEFAULT_PREVIEW_HEADER,
  DEFAULT_SHADOW_PERCENT,
  type RolloutStrategy,
  type RolloutStage,
  type RequestMatch,
  type HeaderMatch,
  type CookieMatch,
  type BlueGreen,
  type Experiment,
  type Shadow,
} from './strategy.js';
export {
  EvaluationPolicySchema,
  EvaluationDatasetSchema,
  EvaluationJudgeSchema,
  EvaluationRunStatusSchema,
  EvaluationFailedCaseSchema,
  EVALUATION_GATES,
  EVALUATION_RUN_PHASES,
  EXPECTATION_KINDS,
  EVALUATION_DEFAULTS,
  DEFAULT_DATASET_KEY,
  DEFAULT_EVALUATION_API_KEY,
  type EvaluationPolicy,
  type EvaluationDataset,
  type EvaluationJudge,
  type EvaluationRunStatus,
  type EvaluationFailedCase,
  type EvaluationGate,
  type EvaluationRunPhase,
  type ExpectationKind,
} from './evaluation.js';
export { PricingSchema, DEFAULT_CURRENCY, type Pricing } from './pricing.js';
export { ConditionSchema } from './condition.js';
export { DURATION_PATTERN, QUANTITY_PATTERN, DNS_LABEL_PATTERN, type CelRule } from './schema.js';
