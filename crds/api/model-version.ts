/** ModelVersion: one version of one AIModel; creating it starts a rollout. */
import { Type, type Static } from '@sinclair/typebox';
import { conditionsSchema, observedGenerationSchema } from './condition.js';
import { MODEL_VERSION_PHASES } from './constants.js';
import { PromotionPolicySchema } from './promotion.js';
import { int, list, num, obj, str, strEnum } from './schema.js';

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

export const MetricResultSchema = obj(
  {
    name: str({ description: 'Metric check name.', maxLength: 63 }),
    value: Type.Optional(num({ description: 'Canary value; absent when the query returned no data.' })),
    stableValue: Type.Optional(
      num({ description: 'Stable value over the same interval (relativeToStable).' }),
    ),
    samples: Type.Optional(int({ description: 'Requests the canary served in the interval.', minimum: 0 })),
    verdict: strEnum(['Passed', 'Failed', 'Inconclusive'] as const, { description: 'Outcome of the check.' }),
    reason: Type.Optional(str({ description: 'Why, e.g. "0.031 > max 0.02".', maxLength: 1024 })),
  },
  { description: 'Result of one metric check.' },
);

export const AnalysisRunSchema = obj(
  {
    time: str({ description: 'When the analysis ran (RFC 3339).', format: 'date-time' }),
    step: int({ description: 'Step index (0-based) it ran at.', minimum: 0 }),
    weight: int({ description: 'Canary weight at the time.', minimum: 0, maximum: 100 }),
    verdict: strEnum(['Passed', 'Failed', 'Inconclusive'] as const, {
      description: 'Outcome of the analysis.',
    }),
    metrics: Type.Optional(list(MetricResultSchema, { description: 'Per-metric results.', maxItems: 16 })),
  },
  { description: 'One analysis run.' },
);

export const ModelVersionStatusSchema = obj(
  {
    observedGeneration: observedGenerationSchema(),
    phase: Type.Optional(strEnum(MODEL_VERSION_PHASES, { description: 'Where the rollout is.' })),
    currentStep: Type.Optional(
      int({ description: 'Index (0-based) of the current traffic step.', minimum: 0 }),
    ),
    canaryWeight: Type.Optional(
      int({ description: 'Percent of traffic this version gets.', minimum: 0, maximum: 100 }),
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
    finishedAt: Type.Optional(
      str({ description: 'When the rollout ended (RFC 3339).', format: 'date-time' }),
    ),
    stableVersion: Type.Optional(
      str({ description: 'Stable version this one was compared with.', maxLength: 63 }),
    ),
    conditions: conditionsSchema('Available, Progressing, Promoted and Degraded.'),
  },
  { description: 'Observed state of the rollout.' },
);

export type Artifact = Static<typeof ArtifactSchema>;
export type AnalysisRun = Static<typeof AnalysisRunSchema>;
export type MetricResult = Static<typeof MetricResultSchema>;
