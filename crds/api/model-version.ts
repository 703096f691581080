/** ModelVersion: one version of one AIModel; creating it starts a rollout. */
import { Type, type Static } from '@sinclair/typebox';
import { conditionsSchema, observedGenerationSchema } from './condition.js';
import { ACTION_RESULTS, MODEL_VERSION_PHASES, PAUSE_REASONS } from './constants.js';
import { EvaluationRunStatusSchema } from './evaluation.js';
import { PricingSchema } from './pricing.js';
import { PromotionPolicySchema } from './promotion.js';
import { duration, int, list, num, obj, str, strEnum } from './schema.js';
import { RequestMatchSchema, ROLLOUT_STAGES, ROLLOUT_STRATEGIES } from './strategy.js';

/**
 * Longest query kept per check in status. Status holds up to 20 runs of up to 16 checks; with this
 * bound the decision report stays well under the API server's object size limit. Longer queries
 * are cut and end in "...".
 */
export const MAX_RECORDED_QUERY = 1024;
/** Longest reason kept per check in status. */
export const MAX_RECORDED_REASON = 1024;

/** Version strings double as label values, Istio subset names and parts of object names. */
export const VERSION_PATTERN = '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$';

export const ArtifactSchema = obj(
  {
    uri: str({
      description:
        'Where the weights are: oci://registry/repo:tag, mlflow://model/version, hf://org/model[@revision], s3://bucket/path, gs://bucket/path, pvc://claim/path or https://host/path.',
      minLength: 1,
      maxLength: 2048,
      pattern: '^(oci|mlflow|hf|s3|gs|pvc|https?)://[^\\s]+$',
    }),
    digest: Type.Optional(
      str({
        description: 'Content digest pinning the artifact, e.g. sha256:<64 hex>.',
        pattern: '^sha256:[a-f0-9]{64}$',
      }),
    ),
    format: Type.Optional(
      strEnum(['safetensors', 'pytorch', 'tensorflow', 'onnx', 'gguf', 'mlflow', 'other'] as const, {
        description: 'Serialisation format of the weights.',
      }),
    ),
  },
  { description: 'The model artifact this version serves.' },
);

export const ModelVersionSpecSchema = obj(
  {
    modelRef: obj(
      {
        name: str({ description: 'Name of the AIModel in the same namespace.', minLength: 1, maxLength: 40 }),
      },
      {
        description: 'The AIModel this is a version of. Immutable.',
        rules: [
          { rule: 'self == oldSelf', message: 'modelRef is immutable; create a new ModelVersion instead' },
        ],
      },
    ),
    version: str({
      description:
        'Version name: the version label, the Istio subset and part of derived object names (lower case, digits, "-" and "."). Immutable.',
      minLength: 1,
      maxLength: 22,
      pattern: VERSION_PATTERN,
      rules: [
        { rule: 'self == oldSelf', message: 'version is immutable; create a new ModelVersion instead' },
      ],
    }),
    artifact: ArtifactSchema,
    engine: Type.Optional(
      obj(
        {
          image: Type.Optional(
            str({
              description: 'Engine image for this version only.',
              maxLength: 1024,
              pattern: '^[^\\s]+$',
            }),
          ),
          modelName: Type.Optional(
            str({
              description: 'Model name sent to the engine for this version.',
              minLength: 1,
              maxLength: 253,
            }),
          ),
        },
        { description: 'Overrides of the AIModel engine for this version.' },
      ),
    ),
    runtime: Type.Optional(
      obj(
        {
          image: Type.Optional(
            str({
              description: 'Runtime image for this version only.',
              maxLength: 1024,
              pattern: '^[^\\s]+$',
            }),
          ),
          pricing: Type.Optional(
            obj(PricingSchema.properties, {
              description:
                "Token prices of this version, replacing the AIModel's spec.runtime.pricing whole (a new version may be another model at another price).",
            }),
          ),
        },
        { description: 'Overrides of the AIModel runtime for this version.' },
      ),
    ),
    changelog: Type.Optional(
      str({ description: 'What changed in this version, for people.', maxLength: 4096 }),
    ),
    promotion: Type.Optional(PromotionPolicySchema),
  },
  { description: 'Desired state of the ModelVersion.' },
);

export const RecordedThresholdSchema = obj(
  {
    min: Type.Optional(num({ description: 'thresholdRange.min the value was held to.' })),
    max: Type.Optional(num({ description: 'thresholdRange.max the value was held to.' })),
    maxIncrease: Type.Optional(
      num({ description: 'relativeToStable.maxIncrease (percent) the value was held to.', minimum: 0 }),
    ),
  },
  { description: 'The threshold the check was judged against, as the policy declared it.' },
);

export const MetricResultSchema = obj(
  {
    name: str({ description: 'Metric check name.', maxLength: 63 }),
    query: Type.Optional(
      str({
        description: `The PromQL that ran for the canary, placeholders filled in (cut to ${MAX_RECORDED_QUERY} characters).`,
        maxLength: MAX_RECORDED_QUERY,
      }),
    ),
    value: Type.Optional(num({ description: 'Canary value; absent when the query returned no data.' })),
    stableValue: Type.Optional(
      num({ description: 'Stable value over the same interval (relativeToStable).' }),
    ),
    samples: Type.Optional(int({ description: 'Requests the canary served in the interval.', minimum: 0 })),
    threshold: Type.Optional(RecordedThresholdSchema),
    window: Type.Optional(
      duration({ description: 'The range the query looked back over (the analysis interval), e.g. 1m.' }),
    ),
    verdict: strEnum(['Passed', 'Failed', 'Inconclusive'] as const, { description: 'Outcome of the check.' }),
    reason: Type.Optional(
      str({ description: 'Why, e.g. "0.031 > max 0.02".', maxLength: MAX_RECORDED_REASON }),
    ),
  },
  { description: 'Decision report of one metric check: what ran, what came back, against what, and why.' },
);

export const AnalysisRunSchema = obj(
  {
    time: str({ description: 'When the analysis ran (RFC 3339).', format: 'date-time' }),
    step: int({ description: 'Step index (0-based) it ran at.', minimum: 0 }),
    weight: int({ description: 'Canary weight at the time.', minimum: 0, maximum: 100 }),
    requestShare: Type.Optional(
      num({
        description:
          "Percent (one decimal) of the model's live requests this version served over the window; absent when the model served none. Lags the weight while sessions stay on the version they started on; reported, never judged.",
        minimum: 0,
        maximum: 100,
      }),
    ),
    verdict: strEnum(['Passed', 'Failed', 'Inconclusive'] as const, {
      description: 'Outcome of the analysis.',
    }),
    metrics: Type.Optional(list(MetricResultSchema, { description: 'Per-metric results.', maxItems: 16 })),
  },
  { description: 'One analysis run.' },
);

export const LastActionSchema = obj(
  {
    action: str({
      description: 'The value of the ai.suoke.life/action annotation, as requested.',
      maxLength: 63,
    }),
    time: str({ description: 'When the operator consumed it (RFC 3339).', format: 'date-time' }),
    result: strEnum(ACTION_RESULTS, {
      description: 'Accepted (acted on) or Rejected (not possible in the phase; nothing changed).',
    }),
    message: Type.Optional(
      str({ description: 'What was done, or why it was refused and what to do instead.', maxLength: 1024 }),
    ),
  },
  {
    description:
      'The last request through the ai.suoke.life/action annotation and what became of it; the annotation itself is removed once read.',
  },
);

export const CandidateRoutingSchema = obj(
  {
    matches: Type.Optional(
      list(RequestMatchSchema, {
        description:
          'Requests matching any of these reach this version (the blue-green preview, an experiment cohort).',
        maxItems: 8,
      }),
    ),
    mirrorPercent: Type.Optional(
      int({
        description:
          "Percent of the stable's requests mirrored to this version (shadow); their answers are discarded.",
        minimum: 1,
        maximum: 100,
      }),
    ),
  },
  { description: 'Routes to this version besides its weight, as the current stage asks for them.' },
);

export const ExperimentMetricSchema = obj(
  {
    name: str({ description: 'Metric check name.', maxLength: 63 }),
    analyses: int({ description: 'Analyses of the experiment that measured this metric.', minimum: 0 }),
    candidate: Type.Optional(num({ description: "Mean of the candidate's values over the experiment." })),
    stable: Type.Optional(
      num({ description: "Mean of the stable's values over the experiment, measured at the same times." }),
    ),
    lastCandidate: Type.Optional(num({ description: "The candidate's value in the last analysis." })),
    lastStable: Type.Optional(num({ description: "The stable's value in the last analysis." })),
  },
  { description: 'One metric over the whole experiment.' },
);

export const ExperimentStatusSchema = obj(
  {
    startedAt: str({
      description: 'When the cohort started reaching the candidate (RFC 3339).',
      format: 'date-time',
    }),
    endsAt: str({ description: 'When the experiment is judged (RFC 3339).', format: 'date-time' }),
    metrics: Type.Optional(
      list(ExperimentMetricSchema, { description: 'Candidate and stable per metric.', maxItems: 16 }),
    ),
  },
  { description: 'An A/B experiment so far.' },
);

export const ModelVersionStatusSchema = obj(
  {
    observedGeneration: observedGenerationSchema(),
    phase: Type.Optional(strEnum(MODEL_VERSION_PHASES, { description: 'Where the rollout is.' })),
    strategy: Type.Optional(
      strEnum(ROLLOUT_STRATEGIES, {
        description: 'The strategy this rollout follows, with the AIModel default resolved.',
      }),
    ),
    stage: Type.Optional(
      strEnum(ROLLOUT_STAGES, {
        description:
          'What the analysed traffic is while Progressing or Paused: Shadow (mirrored copies), Preview (header-matched testers), Experiment (a cohort) or Canary (a weight).',
      }),
    ),
    routing: Type.Optional(CandidateRoutingSchema),
    experiment: Type.Optional(ExperimentStatusSchema),
    pauseReason: Type.Optional(
      strEnum(PAUSE_REASONS, {
        description:
          'Why the rollout is Paused; set only in phase Paused. Requested (pause action) and ManualGate (mode Manual at the last step) wait for a person; Inconclusive resumes by itself on the next passing analysis.',
      }),
    ),
    currentStep: Type.Optional(
      int({ description: 'Index (0-based) of the current traffic step.', minimum: 0 }),
    ),
    canaryWeight: Type.Optional(
      int({ description: 'Percent of traffic this version gets.', minimum: 0, maximum: 100 }),
    ),
    requestShare: Type.Optional(
      num({
        description:
          "Percent (one decimal) of the model's live requests this version served, as the last analysis measured it over its window (analysis[-1].requestShare). The weight routes new requests; with session affinity old sessions stay on the stable, so this lags the weight. The rollout never decides on it: minSamples guards the analysis.",
        minimum: 0,
        maximum: 100,
      }),
    ),
    analysis: Type.Optional(
      list(AnalysisRunSchema, { description: 'Last analysis runs, newest last.', maxItems: 20 }),
    ),
    failedChecks: Type.Optional(int({ description: 'Failed analyses so far.', minimum: 0 })),
    inconclusiveChecks: Type.Optional(int({ description: 'Inconclusive analyses so far.', minimum: 0 })),
    message: Type.Optional(str({ description: 'Human-readable state of the rollout.', maxLength: 4096 })),
    startedAt: Type.Optional(
      str({ description: 'When the rollout started (RFC 3339).', format: 'date-time' }),
    ),
    stepStartedAt: Type.Optional(
      str({ description: 'When the current step started (RFC 3339).', format: 'date-time' }),
    ),
    lastAnalysisAt: Type.Optional(
      str({ description: 'When the last analysis ran (RFC 3339).', format: 'date-time' }),
    ),
    promotedAt: Type.Optional(
      str({ description: 'When this version became stable (RFC 3339).', format: 'date-time' }),
    ),
    bakeUntil: Type.Optional(
      str({
        description:
          'When the bake after promotion ends (RFC 3339): analysis continues at 100% until then, and a failure hands traffic back to the previous stable. Absent when promoted without a bake.',
        format: 'date-time',
      }),
    ),
    finishedAt: Type.Optional(
      str({
        description: 'When the rollout ended (RFC 3339); a Promoted version without it is still baking.',
        format: 'date-time',
      }),
    ),
    stableVersion: Type.Optional(
      str({ description: 'Stable version this one was compared with.', maxLength: 63 }),
    ),
    lastAction: Type.Optional(LastActionSchema),
    evaluations: Type.Optional(
      list(EvaluationRunStatusSchema, {
        description:
          'Evaluation runs of this version on its golden set, oldest first (the last run of each gate and attempt kept, at most 4).',
        maxItems: 4,
      }),
    ),
    conditions: conditionsSchema('Available, Progressing, Promoted, Evaluated and Degraded.'),
  },
  { description: 'Observed state of the rollout.' },
);

export type Artifact = Static<typeof ArtifactSchema>;
export type AnalysisRun = Static<typeof AnalysisRunSchema>;
export type MetricResult = Static<typeof MetricResultSchema>;
export type RecordedThreshold = Static<typeof RecordedThresholdSchema>;
export type LastAction = Static<typeof LastActionSchema>;
export type CandidateRouting = Static<typeof CandidateRoutingSchema>;
export type ExperimentStatus = Static<typeof ExperimentStatusSchema>;
export type ExperimentMetric = Static<typeof ExperimentMetricSchema>;
