import { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { Model, ModelData, setValidateFunc, createTypeMetaGuard } from "@kubernetes-models/base";
import { ValidateFunc } from "@kubernetes-models/validate";
import { validate } from "../../_schemas/AiSuokeLifeV1alpha1ModelVersion.js";

/**
 * ModelVersion is one version of one AIModel; creating it starts a canary rollout.
 */
export interface IModelVersion {
  /**
   * Versioned schema of this representation of an object.
   */
  "apiVersion": "ai.suoke.life/v1alpha1";
  /**
   * REST resource this object represents.
   */
  "kind": "ModelVersion";
  "metadata"?: IObjectMeta;
  /**
   * Desired state of the ModelVersion.
   */
  "spec": {
    /**
     * The model artifact this version serves.
     */
    "artifact": {
      /**
       * Content digest pinning the artifact, e.g. sha256:<64 hex>.
       */
      "digest"?: string;
      /**
       * Serialisation format of the weights.
       */
      "format"?: "safetensors" | "pytorch" | "tensorflow" | "onnx" | "gguf" | "mlflow" | "other";
      /**
       * Where the weights are: oci://registry/repo:tag, mlflow://model/version, hf://org/model[@revision], s3://bucket/path, gs://bucket/path, pvc://claim/path or https://host/path.
       */
      "uri": string;
    };
    /**
     * What changed in this version, for people.
     */
    "changelog"?: string;
    /**
     * Overrides of the AIModel engine for this version.
     */
    "engine"?: {
      /**
       * Engine image for this version only.
       */
      "image"?: string;
      /**
       * Model name sent to the engine for this version.
       */
      "modelName"?: string;
    };
    /**
     * The AIModel this is a version of. Immutable.
     */
    "modelRef": {
      /**
       * Name of the AIModel in the same namespace.
       */
      "name": string;
    };
    /**
     * How a new version is canaried and promoted.
     */
    "promotion"?: {
      /**
       * Metric checks that gate every step.
       */
      "analysis"?: {
        /**
         * Failed analyses tolerated before rolling back. Defaults to 2.
         */
        "failureLimit"?: number;
        /**
         * Inconclusive analyses tolerated before the rollout pauses. Defaults to 3.
         */
        "inconclusiveLimit"?: number;
        /**
         * Checks run at every interval; a step advances only when all pass.
         */
        "metrics": Array<{
          /**
           * A built-in query over the runtime's metrics scoped to the version: error-rate (share of 5xx, 0..1), latency-p95 and ttft-p95 (seconds), tokens-per-second, cost-per-request (currency units, needs spec.runtime.pricing), tokens-per-request (prompt and completion), truncation-rate (share of answers cut at the token limit, finish_reason length, 0..1).
           */
          "builtin"?: "error-rate" | "latency-p95" | "ttft-p95" | "tokens-per-second" | "cost-per-request" | "tokens-per-request" | "truncation-rate";
          /**
           * Requests the canary must have served in the interval for the check to count; fewer makes it inconclusive, not passed. Defaults to 20.
           */
          "minSamples"?: number;
          /**
           * Name of this check, unique within the analysis; shown in status and events.
           */
          "name": string;
          /**
           * What this check's query returning no data counts as: Inconclusive holds the step without spending the failure budget (bounded by progressDeadline), Fail counts as a failed check. Defaults to analysis.noData.
           */
          "noData"?: "Inconclusive" | "Fail";
          /**
           * A PromQL query returning one value. Placeholders replaced before it runs: {{namespace}}, {{model}}, {{agent}}, {{version}}, {{interval}}.
           */
          "query"?: string;
          /**
           * Compare the canary with the stable version measured at the same time.
           */
          "relativeToStable"?: {
            /**
             * Largest increase over the stable version, in percent of the stable value measured over the same interval (10 allows the canary to be at most 10% above stable). For tokens-per-second, where higher is better, the check reads the value as a decrease instead.
             */
            "maxIncrease": number;
          };
          /**
           * Absolute bounds the canary value must stay within. At least one of min and max.
           */
          "thresholdRange"?: {
            /**
             * Highest acceptable value (inclusive).
             */
            "max"?: number;
            /**
             * Lowest acceptable value (inclusive).
             */
            "min"?: number;
          };
        }>;
        /**
         * What a query returning no data counts as, for the metrics that do not set their own noData. Defaults to Inconclusive.
         */
        "noData"?: "Inconclusive" | "Fail";
      };
      /**
       * How long analysis continues at 100% of traffic after promotion; one failed analysis in that time hands all traffic back to the previous stable at once, without re-running the steps. 0s disables the bake. At least interval, so the bake sees an analysis. Defaults to scaleDownDelay.
       */
      "bakeDuration"?: string;
      /**
       * Blue-green: a preview route for testers, CI and evaluations, then one switch from 0 to 100.
       */
      "blueGreen"?: {
        /**
         * Least time the preview is analysed before the switch; the switch also needs a passing analysis of preview traffic, so a preview nobody calls is never promoted. Defaults to interval.
         */
        "previewDuration"?: string;
        /**
         * Requests carrying this header with this version's spec.version as value (e.g. x-model-version: v2) reach the preview; everyone else stays on stable. Defaults to x-model-version.
         */
        "previewHeader"?: string;
      };
      /**
       * Evaluate the version on a golden set before any user request reaches it: a Kubernetes Job calls the version's own Service (and the stable's) through the runtime, and the rollout goes on only if the gate passes.
       */
      "evaluation"?: {
        /**
         * The API key the evaluation calls the runtime with, when the model requires one (the judge is called with it too).
         */
        "apiKeySecretRef"?: {
          /**
           * Key in the Secret. Defaults to "api-key".
           */
          "key"?: string;
          /**
           * Name of the Secret in the same namespace.
           */
          "name": string;
        };
        /**
         * Evaluate again once the last step has passed, before promotion (with the last step still serving its traffic). Defaults to false: evaluated before the first user traffic only.
         */
        "atLastStep"?: boolean;
        /**
         * Longest wait for one answer; a case not answered by then fails. Defaults to 60s.
         */
        "caseTimeout"?: string;
        /**
         * Cases in flight at once, per version. Defaults to 8.
         */
        "concurrency"?: number;
        /**
         * The golden set: a YAML or JSON document `cases: [{id, prompt | messages, expect: {contains, notContains, regex, equals, jsonSchema, maxLatency}, judge}]`.
         */
        "dataset": {
          /**
           * A ConfigMap holding the cases.
           */
          "configMapRef"?: {
            /**
             * Key holding the cases (YAML or JSON). Defaults to "cases.yaml".
             */
            "key"?: string;
            /**
             * Name of the ConfigMap in the same namespace.
             */
            "name": string;
          };
          /**
           * sha256:<64 hex> of the document; the evaluation refuses a document that does not match, so a changed golden set cannot pass unnoticed.
           */
          "digest"?: string;
          /**
           * Where the cases are: https://host/path (or http://) answering the YAML or JSON document, or oci://registry/repo:tag (or @sha256:…), an OCI artifact whose first layer is the document.
           */
          "uri"?: string;
        };
        /**
         * Another model scoring each answer against a rubric.
         */
        "judge"?: {
          /**
           * Least score a case passes with. Defaults to 0.5.
           */
          "minScore"?: number;
          /**
           * The AIModel (same namespace) that scores the answers; its stable version answers.
           */
          "modelRef": {
            /**
             * Name of the referenced object in the same namespace.
             */
            "name": string;
          };
          /**
           * What the judge is told a good answer is; it scores each answer 0..1 against the rubric, the case and the expectations.
           */
          "rubric": string;
        };
        /**
         * Largest drop of the pass rate (0..1) below the stable's, measured on the same cases in the same run; 0 fails a version that passes fewer cases than the stable. Ignored for a model's first version, which has no stable.
         */
        "maxDropVsStable"?: number;
        /**
         * Least share of cases (0..1) the version must pass; 0.9 fails a version that fails more than one case in ten.
         */
        "minPassRate"?: number;
        /**
         * Deadline of a whole run; a run that has not finished by then is Invalid and the rollout holds. Defaults to 10m.
         */
        "timeout"?: string;
      };
      /**
       * An A/B experiment: a cohort of requests goes to the candidate, everyone else stays on stable.
       */
      "experiment"?: {
        /**
         * How long the experiment runs; the candidate is analysed relative to stable at every interval and judged at the end.
         */
        "duration": string;
        /**
         * Requests matching any of these go to the candidate (e.g. a header x-cohort: beta).
         */
        "match"?: Array<{
          /**
           * Requests carrying the cookie with a matching value; set exactly one of exact, prefix or regex.
           */
          "cookie"?: {
            /**
             * The value equals this string.
             */
            "exact"?: string;
            /**
             * Cookie name, e.g. cohort.
             */
            "name": string;
            /**
             * The value starts with this string.
             */
            "prefix"?: string;
            /**
             * The whole value matches this RE2 regular expression (as Istio and Gateway API match it).
             */
            "regex"?: string;
          };
          /**
           * Requests whose header has a matching value; set exactly one of exact, prefix or regex.
           */
          "header"?: {
            /**
             * The value equals this string.
             */
            "exact"?: string;
            /**
             * Header name, lower case, e.g. x-cohort.
             */
            "name": string;
            /**
             * The value starts with this string.
             */
            "prefix"?: string;
            /**
             * The whole value matches this RE2 regular expression (as Istio and Gateway API match it).
             */
            "regex"?: string;
          };
        }>;
        /**
         * Percent of the requests that match does not select which go to the candidate as well; without match, the share of all requests.
         */
        "weight"?: number;
        /**
         * Auto promotes a candidate that passed its analyses when the experiment ends; Manual waits for the promote action. Defaults to Auto.
         */
        "winner"?: "Auto" | "Manual";
      };
      /**
       * Time between analyses and between steps. Defaults to 1m.
       */
      "interval"?: string;
      /**
       * Last canary weight before promotion, in percent; use with stepWeight.
       */
      "maxWeight"?: number;
      /**
       * Auto promotes after the last step (or the blue-green preview) passes; Manual stops there, before the switch, until the promote action is requested. Experiments use experiment.winner instead. Defaults to Auto.
       */
      "mode"?: "Auto" | "Manual";
      /**
       * Time the canary workload has to become Available, and each step to make progress, before rolling back. Defaults to 10m.
       */
      "progressDeadline"?: string;
      /**
       * How long the previous stable version keeps running (warm, at its minimum replicas) after a promotion, so a failed bake or a rollback returns to it at once. At least bakeDuration. Defaults to 5m, or to bakeDuration when that is longer.
       */
      "scaleDownDelay"?: string;
      /**
       * Traffic mirroring before the first user request.
       */
      "shadow"?: {
        /**
         * Least time the shadow is analysed (on the new version's own metrics) before the strategy starts; it also needs a passing analysis. Defaults to interval.
         */
        "duration"?: string;
        /**
         * Percent of live requests mirrored to the new version before it gets user traffic; clients see only the stable's answers. Each mirrored request is a full inference on the new version. Defaults to 10.
         */
        "percent"?: number;
      };
      /**
       * Traffic added at each step, in percent; use with maxWeight.
       */
      "stepWeight"?: number;
      /**
       * Traffic steps, weights strictly ascending within 1..100. Exclusive with stepWeight/maxWeight. Defaults to 10, 25, 50.
       */
      "steps"?: Array<{
        /**
         * Extra wait at this step before its analysis counts, e.g. 5m.
         */
        "pause"?: string;
        /**
         * Percent of traffic sent to the canary at this step.
         */
        "weight": number;
      }>;
      /**
       * Canary walks weighted steps; BlueGreen previews the version behind a header and then switches all traffic at once; Experiment sends a cohort to it for a fixed duration. Defaults to Canary.
       */
      "strategy"?: "Canary" | "BlueGreen" | "Experiment";
    };
    /**
     * Overrides of the AIModel runtime for this version.
     */
    "runtime"?: {
      /**
       * Runtime image for this version only.
       */
      "image"?: string;
      /**
       * Token prices of this version, replacing the AIModel's spec.runtime.pricing whole (a new version may be another model at another price).
       */
      "pricing"?: {
        /**
         * ISO 4217 code of the currency the prices are in, e.g. USD, EUR, CNY. Defaults to USD.
         */
        "currency"?: string;
        /**
         * Price of one million prompt (input) tokens, in currency units, e.g. 0.15. 0 when prompt tokens are free.
         */
        "inputPerMillionTokens": number;
        /**
         * Price of one million completion (output) tokens, in currency units, e.g. 0.6. 0 when completion tokens are free.
         */
        "outputPerMillionTokens": number;
      };
    };
    /**
     * Version name: the version label, the Istio subset and part of derived object names (lower case, digits, "-" and "."). Immutable.
     */
    "version": string;
  };
  /**
   * Observed state of the rollout.
   */
  "status"?: {
    /**
     * Last analysis runs, newest last.
     */
    "analysis"?: Array<{
      /**
       * Per-metric results.
       */
      "metrics"?: Array<{
        /**
         * Metric check name.
         */
        "name": string;
        /**
         * The PromQL that ran for the canary, placeholders filled in (cut to 1024 characters).
         */
        "query"?: string;
        /**
         * Why, e.g. "0.031 > max 0.02".
         */
        "reason"?: string;
        /**
         * Requests the canary served in the interval.
         */
        "samples"?: number;
        /**
         * Stable value over the same interval (relativeToStable).
         */
        "stableValue"?: number;
        /**
         * The threshold the check was judged against, as the policy declared it.
         */
        "threshold"?: {
          /**
           * thresholdRange.max the value was held to.
           */
          "max"?: number;
          /**
           * relativeToStable.maxIncrease (percent) the value was held to.
           */
          "maxIncrease"?: number;
          /**
           * thresholdRange.min the value was held to.
           */
          "min"?: number;
        };
        /**
         * Canary value; absent when the query returned no data.
         */
        "value"?: number;
        /**
         * Outcome of the check.
         */
        "verdict": "Passed" | "Failed" | "Inconclusive";
        /**
         * The range the query looked back over (the analysis interval), e.g. 1m.
         */
        "window"?: string;
      }>;
      /**
       * Percent (one decimal) of the model's live requests this version served over the window; absent when the model served none. Lags the weight while sessions stay on the version they started on; reported, never judged.
       */
      "requestShare"?: number;
      /**
       * Step index (0-based) it ran at.
       */
      "step": number;
      /**
       * When the analysis ran (RFC 3339).
       */
      "time": string;
      /**
       * Outcome of the analysis.
       */
      "verdict": "Passed" | "Failed" | "Inconclusive";
      /**
       * Canary weight at the time.
       */
      "weight": number;
    }>;
    /**
     * When the bake after promotion ends (RFC 3339): analysis continues at 100% until then, and a failure hands traffic back to the previous stable. Absent when promoted without a bake.
     */
    "bakeUntil"?: string;
    /**
     * Percent of traffic this version gets.
     */
    "canaryWeight"?: number;
    /**
     * Available, Progressing, Promoted, Evaluated and Degraded.
     */
    "conditions"?: Array<{
      /**
       * Last time the condition changed from one status to another (RFC 3339).
       */
      "lastTransitionTime": string;
      /**
       * Human-readable details of the last transition.
       */
      "message": string;
      /**
       * The .metadata.generation the condition was set from.
       */
      "observedGeneration"?: number;
      /**
       * Programmatic identifier of the last transition, in CamelCase.
       */
      "reason": string;
      /**
       * Status of the condition.
       */
      "status": "True" | "False" | "Unknown";
      /**
       * Type of condition in CamelCase, e.g. Ready.
       */
      "type": string;
    }>;
    /**
     * Index (0-based) of the current traffic step.
     */
    "currentStep"?: number;
    /**
     * Evaluation runs of this version on its golden set, oldest first (the last run of each gate and attempt kept, at most 4).
     */
    "evaluations"?: Array<{
      /**
       * Run number at this gate, from 1; a resume after an Invalid run starts the next.
       */
      "attempt": number;
      /**
       * Cases run.
       */
      "cases"?: number;
      /**
       * Cases the version failed (at most 50; see message when there were more).
       */
      "failedCases"?: Array<{
        /**
         * The first expectation it failed: contains, notContains, regex, equals, jsonSchema, maxLatency, judge, or request (no answer: an error or a timeout).
         */
        "expectation": "contains" | "notContains" | "regex" | "equals" | "jsonSchema" | "maxLatency" | "judge" | "request";
        /**
         * Id of the case in the dataset.
         */
        "id": string;
        /**
         * Why, without the answer text (unless the runtime logs content).
         */
        "message"?: string;
        /**
         * The judge's score, when judged.
         */
        "score"?: number;
      }>;
      /**
       * When its verdict was recorded (RFC 3339).
       */
      "finishedAt"?: string;
      /**
       * BeforeTraffic (before any user request) or LastStep (before promotion).
       */
      "gate": "BeforeTraffic" | "LastStep";
      /**
       * The Job that runs the cases.
       */
      "job": string;
      /**
       * Mean of the judge's scores over the judged cases.
       */
      "judgeScore"?: number;
      /**
       * The verdict in a sentence, or what made the run Invalid (naming the case or the field).
       */
      "message"?: string;
      /**
       * passed / cases.
       */
      "passRate"?: number;
      /**
       * Cases the version passed.
       */
      "passed"?: number;
      /**
       * Running, Passed, Failed or Invalid.
       */
      "phase": "Running" | "Passed" | "Failed" | "Invalid";
      /**
       * The stable's pass rate in the same run.
       */
      "stablePassRate"?: number;
      /**
       * The stable version run on the same cases.
       */
      "stableVersion"?: string;
      /**
       * When the run started (RFC 3339).
       */
      "startedAt": string;
    }>;
    /**
     * An A/B experiment so far.
     */
    "experiment"?: {
      /**
       * When the experiment is judged (RFC 3339).
       */
      "endsAt": string;
      /**
       * Candidate and stable per metric.
       */
      "metrics"?: Array<{
        /**
         * Analyses of the experiment that measured this metric.
         */
        "analyses": number;
        /**
         * Mean of the candidate's values over the experiment.
         */
        "candidate"?: number;
        /**
         * The candidate's value in the last analysis.
         */
        "lastCandidate"?: number;
        /**
         * The stable's value in the last analysis.
         */
        "lastStable"?: number;
        /**
         * Metric check name.
         */
        "name": string;
        /**
         * Mean of the stable's values over the experiment, measured at the same times.
         */
        "stable"?: number;
      }>;
      /**
       * When the cohort started reaching the candidate (RFC 3339).
       */
      "startedAt": string;
    };
    /**
     * Failed analyses so far.
     */
    "failedChecks"?: number;
    /**
     * When the rollout ended (RFC 3339); a Promoted version without it is still baking.
     */
    "finishedAt"?: string;
    /**
     * Inconclusive analyses so far.
     */
    "inconclusiveChecks"?: number;
    /**
     * The last request through the ai.suoke.life/action annotation and what became of it; the annotation itself is removed once read.
     */
    "lastAction"?: {
      /**
       * The value of the ai.suoke.life/action annotation, as requested.
       */
      "action": string;
      /**
       * What was done, or why it was refused and what to do instead.
       */
      "message"?: string;
      /**
       * Accepted (acted on) or Rejected (not possible in the phase; nothing changed).
       */
      "result": "Accepted" | "Rejected";
      /**
       * When the operator consumed it (RFC 3339).
       */
      "time": string;
    };
    /**
     * When the last analysis ran (RFC 3339).
     */
    "lastAnalysisAt"?: string;
    /**
     * Human-readable state of the rollout.
     */
    "message"?: string;
    /**
     * The .metadata.generation the controller last acted on.
     */
    "observedGeneration"?: number;
    /**
     * Why the rollout is Paused; set only in phase Paused. Requested (pause action) and ManualGate (mode Manual at the last step) wait for a person; Inconclusive resumes by itself on the next passing analysis.
     */
    "pauseReason"?: "Requested" | "ManualGate" | "Inconclusive" | "RouteNotAccepted" | "EvaluationInvalid";
    /**
     * Where the rollout is.
     */
    "phase"?: "Pending" | "Deploying" | "Evaluating" | "Progressing" | "Paused" | "Promoted" | "Superseded" | "RollingBack" | "RolledBack" | "Failed";
    /**
     * When this version became stable (RFC 3339).
     */
    "promotedAt"?: string;
    /**
     * Percent (one decimal) of the model's live requests this version served, as the last analysis measured it over its window (analysis[-1].requestShare). The weight routes new requests; with session affinity old sessions stay on the stable, so this lags the weight. The rollout never decides on it: minSamples guards the analysis.
     */
    "requestShare"?: number;
    /**
     * Routes to this version besides its weight, as the current stage asks for them.
     */
    "routing"?: {
      /**
       * Requests matching any of these reach this version (the blue-green preview, an experiment cohort).
       */
      "matches"?: Array<{
        /**
         * Requests carrying the cookie with a matching value; set exactly one of exact, prefix or regex.
         */
        "cookie"?: {
          /**
           * The value equals this string.
           */
          "exact"?: string;
          /**
           * Cookie name, e.g. cohort.
           */
          "name": string;
          /**
           * The value starts with this string.
           */
          "prefix"?: string;
          /**
           * The whole value matches this RE2 regular expression (as Istio and Gateway API match it).
           */
          "regex"?: string;
        };
        /**
         * Requests whose header has a matching value; set exactly one of exact, prefix or regex.
         */
        "header"?: {
          /**
           * The value equals this string.
           */
          "exact"?: string;
          /**
           * Header name, lower case, e.g. x-cohort.
           */
          "name": string;
          /**
           * The value starts with this string.
           */
          "prefix"?: string;
          /**
           * The whole value matches this RE2 regular expression (as Istio and Gateway API match it).
           */
          "regex"?: string;
        };
      }>;
      /**
       * Percent of the stable's requests mirrored to this version (shadow); their answers are discarded.
       */
      "mirrorPercent"?: number;
    };
    /**
     * Stable version this one was compared with.
     */
    "stableVersion"?: string;
    /**
     * What the analysed traffic is while Progressing or Paused: Shadow (mirrored copies), Preview (header-matched testers), Experiment (a cohort) or Canary (a weight).
     */
    "stage"?: "Shadow" | "Preview" | "Experiment" | "Canary";
    /**
     * When the rollout started (RFC 3339).
     */
    "startedAt"?: string;
    /**
     * When the current step started (RFC 3339).
     */
    "stepStartedAt"?: string;
    /**
     * The strategy this rollout follows, with the AIModel default resolved.
     */
    "strategy"?: "Canary" | "BlueGreen" | "Experiment";
  };
}

/**
 * ModelVersion is one version of one AIModel; creating it starts a canary rollout.
 */
export class ModelVersion extends Model<IModelVersion> implements IModelVersion {
  "apiVersion": IModelVersion["apiVersion"];
  "kind": IModelVersion["kind"];
  "metadata"?: IModelVersion["metadata"];
  "spec": IModelVersion["spec"];
  "status"?: IModelVersion["status"];

static apiVersion: IModelVersion["apiVersion"] = "ai.suoke.life/v1alpha1";
static kind: IModelVersion["kind"] = "ModelVersion";
static is = createTypeMetaGuard<IModelVersion>(ModelVersion);

constructor(data?: ModelData<IModelVersion>) {
  super();

  this.setDefinedProps({
    apiVersion: ModelVersion.apiVersion,
    kind: ModelVersion.kind,
    ...data
  } as IModelVersion);
}
}


setValidateFunc(ModelVersion, validate as ValidateFunc<IModelVersion>);
