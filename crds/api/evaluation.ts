/**
 * Evaluation gates: a golden set of cases run against a new version (and the stable, in the same
 * run) before any user request reaches it, and optionally again at the last step. On an AIModel as
 * `spec.rollout.evaluation` (the default for its versions), on a ModelVersion as
 * `spec.promotion.evaluation`, which replaces the AIModel's as a whole: a dataset and its gate only
 * make sense together.
 */
import { Type, type Static } from '@sinclair/typebox';
import { bool, duration, int, list, localRef, num, obj, secretKeyRef, str, strEnum } from './schema.js';

/** When an evaluation runs: before the first user traffic, and (atLastStep) before promotion. */
export const EVALUATION_GATES = ['BeforeTraffic', 'LastStep'] as const;
export type EvaluationGate = (typeof EVALUATION_GATES)[number];

/**
 * What became of one evaluation run: Running (its Job is running), Passed or Failed (the gate's
 * verdict on the results), Invalid (it could not be judged: the dataset cannot be read or parsed, a
 * case has no expectation, the judge model does not exist, the Job ended without a result).
 */
export const EVALUATION_RUN_PHASES = ['Running', 'Passed', 'Failed', 'Invalid'] as const;
export type EvaluationRunPhase = (typeof EVALUATION_RUN_PHASES)[number];

/** Which expectation of a case failed; `request` when no answer came (error, timeout). */
export const EXPECTATION_KINDS = [
  'contains',
  'notContains',
  'regex',
  'equals',
  'jsonSchema',
  'maxLatency',
  'judge',
  'request',
] as const;
export type ExpectationKind = (typeof EXPECTATION_KINDS)[number];

/** Key of the dataset in its ConfigMap unless `configMapRef.key` says otherwise. */
export const DEFAULT_DATASET_KEY = 'cases.yaml';
/** Key of the API key in its Secret unless `apiKeySecretRef.key` says otherwise. */
export const DEFAULT_EVALUATION_API_KEY = 'api-key';

/** Defaults the operator applies to an evaluation that does not set them. */
export const EVALUATION_DEFAULTS = {
  /** Cases in flight at once, per version evaluated. */
  concurrency: 8,
  /** Deadline of the whole run (the Job's activeDeadlineSeconds). */
  timeout: '10m',
  /** Longest wait for one answer; a case without an answer by then fails (`request`). */
  caseTimeout: '60s',
  /** Least judge score a case passes with. */
  judgeMinScore: 0.5,
} as const;

export const EvaluationDatasetSchema = obj(
  {
    configMapRef: Type.Optional(
      obj(
        {
          name: str({
            description: 'Name of the ConfigMap in the same namespace.',
            minLength: 1,
            maxLength: 253,
          }),
          key: Type.Optional(
            str({
              description: `Key holding the cases (YAML or JSON). Defaults to "${DEFAULT_DATASET_KEY}".`,
              minLength: 1,
              maxLength: 253,
            }),
          ),
        },
        { description: 'A ConfigMap holding the cases.' },
      ),
    ),
    uri: Type.Optional(
      str({
        description:
          'Where the cases are: https://host/path (or http://) answering the YAML or JSON document, or oci://registry/repo:tag (or @sha256:…), an OCI artifact whose first layer is the document.',
        minLength: 1,
        maxLength: 2048,
        pattern: '^(https?|oci)://[^\\s]+$',
      }),
    ),
    digest: Type.Optional(
      str({
        description:
          'sha256:<64 hex> of the document; the evaluation refuses a document that does not match, so a changed golden set cannot pass unnoticed.',
        pattern: '^sha256:[a-f0-9]{64}$',
        maxLength: 71,
      }),
    ),
  },
  {
    description:
      'The golden set: a YAML or JSON document `cases: [{id, prompt | messages, expect: {contains, notContains, regex, equals, jsonSchema, maxLatency}, judge}]`.',
    rules: [
      {
        rule: 'has(self.configMapRef) != has(self.uri)',
        message: 'set exactly one of dataset.configMapRef or dataset.uri',
      },
      {
        rule: '!has(self.digest) || has(self.uri)',
        message: 'dataset.digest pins a dataset.uri; a ConfigMap is pinned by its own history',
        fieldPath: '.digest',
      },
    ],
  },
);

export const EvaluationJudgeSchema = obj(
  {
    modelRef: localRef('The AIModel (same namespace) that scores the answers; its stable version answers.'),
    rubric: str({
      description:
        'What the judge is told a good answer is; it scores each answer 0..1 against the rubric, the case and the expectations.',
      minLength: 1,
      maxLength: 4096,
    }),
    minScore: Type.Optional(
      num({
        description: `Least score a case passes with. Defaults to ${EVALUATION_DEFAULTS.judgeMinScore}.`,
        minimum: 0,
        maximum: 1,
      }),
    ),
  },
  { description: 'Another model scoring each answer against a rubric.' },
);

export const EvaluationPolicySchema = obj(
  {
    dataset: EvaluationDatasetSchema,
    minPassRate: Type.Optional(
      num({
        description:
          'Least share of cases (0..1) the version must pass; 0.9 fails a version that fails more than one case in ten.',
        minimum: 0,
        maximum: 1,
      }),
    ),
    maxDropVsStable: Type.Optional(
      num({
        description:
          "Largest drop of the pass rate (0..1) below the stable's, measured on the same cases in the same run; 0 fails a version that passes fewer cases than the stable. Ignored for a model's first version, which has no stable.",
        minimum: 0,
        maximum: 1,
      }),
    ),
    atLastStep: Type.Optional(
      bool({
        description:
          'Evaluate again once the last step has passed, before promotion (with the last step still serving its traffic). Defaults to false: evaluated before the first user traffic only.',
      }),
    ),
    judge: Type.Optional(EvaluationJudgeSchema),
    apiKeySecretRef: Type.Optional(
      secretKeyRef(
        'The API key the evaluation calls the runtime with, when the model requires one (the judge is called with it too).',
        DEFAULT_EVALUATION_API_KEY,
      ),
    ),
    concurrency: Type.Optional(
      int({
        description: `Cases in flight at once, per version. Defaults to ${EVALUATION_DEFAULTS.concurrency}.`,
        minimum: 1,
        maximum: 64,
      }),
    ),
    timeout: Type.Optional(
      duration({
        description: `Deadline of a whole run; a run that has not finished by then is Invalid and the rollout holds. Defaults to ${EVALUATION_DEFAULTS.timeout}.`,
      }),
    ),
    caseTimeout: Type.Optional(
      duration({
        description: `Longest wait for one answer; a case not answered by then fails. Defaults to ${EVALUATION_DEFAULTS.caseTimeout}.`,
      }),
    ),
  },
  {
    description:
      "Evaluate the version on a golden set before any user request reaches it: a Kubernetes Job calls the version's own Service (and the stable's) through the runtime, and the rollout goes on only if the gate passes.",
    rules: [
      {
        rule: 'has(self.minPassRate) || has(self.maxDropVsStable)',
        message: 'an evaluation needs a gate: set minPassRate, maxDropVsStable or both',
      },
      {
        // With the defaults filled in: a timeout of 30s alone is as wrong as one beside caseTimeout 60s.
        rule: `duration(has(self.caseTimeout) ? self.caseTimeout : '${EVALUATION_DEFAULTS.caseTimeout}') < duration(has(self.timeout) ? self.timeout : '${EVALUATION_DEFAULTS.timeout}')`,
        message: `caseTimeout (default ${EVALUATION_DEFAULTS.caseTimeout}) must be shorter than timeout (default ${EVALUATION_DEFAULTS.timeout}), or no case can finish within the run`,
        fieldPath: '.caseTimeout',
      },
      {
        rule: "!has(self.timeout) || duration(self.timeout) >= duration('10s')",
        message: 'timeout must be at least 10s',
        fieldPath: '.timeout',
      },
    ],
  },
);

export const EvaluationFailedCaseSchema = obj(
  {
    id: str({ description: 'Id of the case in the dataset.', maxLength: 63 }),
    expectation: strEnum(EXPECTATION_KINDS, {
      description:
        'The first expectation it failed: contains, notContains, regex, equals, jsonSchema, maxLatency, judge, or request (no answer: an error or a timeout).',
    }),
    message: Type.Optional(
      str({
        description: 'Why, without the answer text (unless the runtime logs content).',
        maxLength: 256,
      }),
    ),
    score: Type.Optional(num({ description: "The judge's score, when judged.", minimum: 0, maximum: 1 })),
  },
  { description: 'One case the version failed.' },
);

export const EvaluationRunStatusSchema = obj(
  {
    gate: strEnum(EVALUATION_GATES, {
      description: 'BeforeTraffic (before any user request) or LastStep (before promotion).',
    }),
    attempt: int({
      description: 'Run number at this gate, from 1; a resume after an Invalid run starts the next.',
      minimum: 1,
    }),
    job: str({ description: 'The Job that runs the cases.', maxLength: 63 }),
    phase: strEnum(EVALUATION_RUN_PHASES, { description: 'Running, Passed, Failed or Invalid.' }),
    startedAt: str({ description: 'When the run started (RFC 3339).', format: 'date-time' }),
    finishedAt: Type.Optional(
      str({ description: 'When its verdict was recorded (RFC 3339).', format: 'date-time' }),
    ),
    cases: Type.Optional(int({ description: 'Cases run.', minimum: 0 })),
    passed: Type.Optional(int({ description: 'Cases the version passed.', minimum: 0 })),
    passRate: Type.Optional(num({ description: 'passed / cases.', minimum: 0, maximum: 1 })),
    stableVersion: Type.Optional(
      str({ description: 'The stable version run on the same cases.', maxLength: 63 }),
    ),
    stablePassRate: Type.Optional(
      num({ description: "The stable's pass rate in the same run.", minimum: 0, maximum: 1 }),
    ),
    judgeScore: Type.Optional(
      num({ description: "Mean of the judge's scores over the judged cases.", minimum: 0, maximum: 1 }),
    ),
    failedCases: Type.Optional(
      list(EvaluationFailedCaseSchema, {
        description: 'Cases the version failed (at most 50; see message when there were more).',
        maxItems: 50,
      }),
    ),
    message: Type.Optional(
      str({
        description:
          'The verdict in a sentence, or what made the run Invalid (naming the case or the field).',
        maxLength: 2048,
      }),
    ),
  },
  { description: 'One evaluation run of this version.' },
);

export type EvaluationPolicy = Static<typeof EvaluationPolicySchema>;
export type EvaluationDataset = Static<typeof EvaluationDatasetSchema>;
export type EvaluationJudge = Static<typeof EvaluationJudgeSchema>;
export type EvaluationRunStatus = Static<typeof EvaluationRunStatusSchema>;
export type EvaluationFailedCase = Static<typeof EvaluationFailedCaseSchema>;
