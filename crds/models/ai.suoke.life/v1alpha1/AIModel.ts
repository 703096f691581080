import { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { Model, ModelData, setValidateFunc, createTypeMetaGuard } from "@kubernetes-models/base";
import { ValidateFunc } from "@kubernetes-models/validate";
import { validate } from "../../_schemas/AiSuokeLifeV1alpha1AIModel.js";

/**
 * AIModel is one served model behind one agent API; its ModelVersions are canaried and promoted behind it.
 */
export interface IAIModel {
  /**
   * Versioned schema of this representation of an object.
   */
  "apiVersion": "ai.suoke.life/v1alpha1";
  /**
   * REST resource this object represents.
   */
  "kind": "AIModel";
  "metadata"?: IObjectMeta;
  /**
   * Desired state of the AIModel.
   */
  "spec": {
    /**
     * The agent this model serves.
     */
    "agent": {
      /**
       * What the agent does.
       */
      "description"?: string;
      /**
       * Agent name (label agent=, metric label agent).
       */
      "name": string;
      /**
       * The persona: a system prompt mounted read-only into the runtime.
       */
      "systemPromptRef"?: {
        /**
         * Key holding the prompt. Defaults to system-prompt.txt.
         */
        "key"?: string;
        /**
         * Kind of the object. Defaults to ConfigMap.
         */
        "kind"?: "ConfigMap" | "Secret";
        /**
         * Name of the ConfigMap or Secret in the same namespace.
         */
        "name": string;
      };
    };
    /**
     * The model engine the runtime calls: a model-server image run in the pod, or an external endpoint.
     */
    "engine": {
      /**
       * Model-server arguments.
       */
      "args"?: Array<string>;
      /**
       * Model-server environment.
       */
      "env"?: Array<{
        /**
         * Environment variable name.
         */
        "name": string;
        /**
         * Take the value from a key of a Secret.
         */
        "secretKeyRef"?: {
          /**
           * Key in the Secret.
           */
          "key": string;
          /**
           * Name of the Secret in the same namespace.
           */
          "name": string;
        };
        /**
         * Literal value. Never put secrets here; use secretKeyRef.
         */
        "value"?: string;
      }>;
      /**
       * A remote OpenAI-compatible endpoint instead of a model server in the pod.
       */
      "external"?: {
        /**
         * Secret key holding the API key sent to the endpoint.
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
         * Base URL of a remote OpenAI-compatible API, e.g. https://api.example.com/v1.
         */
        "baseUrl": string;
        /**
         * Base URLs tried in order when baseUrl fails.
         */
        "fallbackUrls"?: Array<string>;
      };
      /**
       * Model-server image run beside the runtime, e.g. vllm/vllm-openai:v0.6.3.
       */
      "image"?: string;
      /**
       * Model name sent to the engine. Defaults to the AIModel name.
       */
      "modelName"?: string;
      /**
       * Port the model server listens on (loopback inside the pod). Defaults to 8001.
       */
      "port"?: number;
      /**
       * API the engine speaks. Defaults to openai.
       */
      "protocol"?: "openai";
    };
    /**
     * Framework the model was built with; selects sensible engine defaults and shows in dashboards.
     */
    "framework": "huggingface" | "pytorch" | "tensorflow" | "onnx" | "gguf" | "custom";
    /**
     * Versions kept in status.history. Defaults to 10.
     */
    "historyLimit"?: number;
    /**
     * ModelRegistry holding this model’s artifacts and versions.
     */
    "registryRef"?: {
      /**
       * Name of the referenced object in the same namespace.
       */
      "name": string;
    };
    /**
     * Compute resources of the model-serving container (the engine when it runs in the pod, else the runtime).
     */
    "resources"?: {
      /**
       * GPUs for the model server.
       */
      "gpu"?: {
        /**
         * GPUs per replica, greater than 0. A fraction (e.g. 0.5) is only valid with a shared-GPU resourceName, where one physical GPU is advertised as slicesPerGpu units and the pod requests ceil(count x slicesPerGpu) of them.
         */
        "count": number;
        /**
         * Largest GPU count this model may be given per replica, greater than 0 (capacity planning and vertical recommendations; Kubernetes does not resize extended resources in place).
         */
        "maxCount"?: number;
        /**
         * GPU product to schedule on; becomes the node selector nvidia.com/gpu.product=<product>, e.g. NVIDIA-A100-SXM4-80GB.
         */
        "product"?: string;
        /**
         * Extended resource to request. A name ending in ".shared" (e.g. nvidia.com/gpu.shared, NVIDIA time-slicing) marks a shared GPU. Defaults to nvidia.com/gpu.
         */
        "resourceName"?: string;
        /**
         * Units one physical GPU is advertised as by a shared-GPU device plugin (time-slicing replicas). Defaults to 2 for shared resources.
         */
        "slicesPerGpu"?: number;
        /**
         * Tolerations for GPU node taints.
         */
        "tolerations"?: Array<{
          /**
           * Taint effect to match; empty matches all effects.
           */
          "effect"?: "NoSchedule" | "PreferNoSchedule" | "NoExecute";
          /**
           * Taint key the toleration applies to; empty matches all keys.
           */
          "key"?: string;
          /**
           * Relation between key and value.
           */
          "operator"?: "Exists" | "Equal";
          /**
           * For NoExecute: how long the pod stays bound after the taint appears.
           */
          "tolerationSeconds"?: number;
          /**
           * Taint value the toleration matches.
           */
          "value"?: string;
        }>;
      };
      /**
       * CPU and memory limit.
       */
      "limits"?: {
        /**
         * CPU limit, e.g. 500m or 2.
         */
        "cpu"?: number | string;
        /**
         * Memory limit, e.g. 512Mi or 4Gi.
         */
        "memory"?: number | string;
      };
      /**
       * CPU and memory requested.
       */
      "requests"?: {
        /**
         * CPU requested, e.g. 500m or 2.
         */
        "cpu"?: number | string;
        /**
         * Memory requested, e.g. 512Mi or 4Gi.
         */
        "memory"?: number | string;
      };
    };
    /**
     * How a new version is canaried and promoted.
     */
    "rollout"?: {
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
     * The thin runtime serving the agent API in front of the engine.
     */
    "runtime"?: {
      /**
       * Authentication of agent API callers. Without it the API is open inside the mesh.
       */
      "auth"?: {
        /**
         * Secret key holding the accepted API keys, one per line. When set, requests need a key.
         */
        "apiKeysSecretRef"?: {
          /**
           * Key in the Secret. Defaults to "api-keys".
           */
          "key"?: string;
          /**
           * Name of the Secret in the same namespace.
           */
          "name": string;
        };
        /**
         * Accept JSON Web Tokens signed by these keys, from this issuer, for this audience.
         */
        "jwt"?: {
          /**
           * The audience a token must name in its 'aud' claim, e.g. the agent's name. Required.
           */
          "audience": string;
          /**
           * The only token issuer accepted (its 'iss' claim), e.g. https://auth.suoke.life. Required.
           */
          "issuer": string;
          /**
           * Secret key holding a JSON Web Key Set.
           */
          "jwksSecretRef"?: {
            /**
             * Key in the Secret. Defaults to "jwks.json".
             */
            "key"?: string;
            /**
             * Name of the Secret in the same namespace.
             */
            "name": string;
          };
          /**
           * URL of the JSON Web Key Set.
           */
          "jwksUrl"?: string;
          /**
           * Longest validity a token may have (from its iat, and from now); longer-lived tokens are refused. 1s to 720h. Defaults to 24h.
           */
          "maxTokenLifetime"?: string;
          /**
           * Claim naming the caller, which keys its sessions and rate limits; a token without it is refused. Defaults to sub.
           */
          "subjectClaim"?: string;
          /**
           * Claim naming the caller's tenant; when set, a token without it is refused. Unset: callers have no tenant.
           */
          "tenantClaim"?: string;
        };
      };
      /**
       * What a request of an API key with a token budget (tokens-per-day / tokens-per-month in the API keys file) gets while Redis cannot be reached: Open serves it without counting its tokens, Closed answers 503 budget_unavailable. Defaults to Open.
       */
      "budgetFailureMode"?: "Open" | "Closed";
      /**
       * Lifetime of cached responses to deterministic requests; 0s turns the cache off. Defaults to 10m.
       */
      "cacheTtl"?: string;
      /**
       * Extra runtime environment.
       */
      "env"?: Array<{
        /**
         * Environment variable name.
         */
        "name": string;
        /**
         * Take the value from a key of a Secret.
         */
        "secretKeyRef"?: {
          /**
           * Key in the Secret.
           */
          "key": string;
          /**
           * Name of the Secret in the same namespace.
           */
          "name": string;
        };
        /**
         * Literal value. Never put secrets here; use secretKeyRef.
         */
        "value"?: string;
      }>;
      /**
       * Request fields the engine gets besides the standard OpenAI chat-completions parameters, unchecked (e.g. top_k, min_p for vLLM); clients that send any other field get 400 unknown_parameter. Defaults to none.
       */
      "extraRequestParams"?: Array<string>;
      /**
       * Runtime image. Defaults to ghcr.io/suoke-life/agent-runtime:0.1.0.
       */
      "image"?: string;
      /**
       * Log prompt and completion text. Off by default: prompts may hold health data.
       */
      "logContent"?: boolean;
      /**
       * Port of the agent API, health and metrics (named http). Defaults to 8000.
       */
      "port"?: number;
      /**
       * Token prices: the runtime counts each answer's cost (prompt tokens × input price + completion tokens × output price, per million) in ai_inference_cost_total. Without pricing no cost is counted.
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
      /**
       * Requests per minute per API key or subject; 0 means unlimited. Defaults to 0.
       */
      "rateLimitPerMinute"?: number;
      /**
       * Redis for sessions, the response cache and rate limits.
       */
      "redis"?: {
        /**
         * Seed nodes (cluster mode).
         */
        "clusterNodes"?: Array<string>;
        /**
         * How the runtime reaches Redis; none keeps sessions, cache and rate limits off. Defaults to none.
         */
        "mode"?: "none" | "standalone" | "sentinel" | "cluster";
        /**
         * Secret key holding the Redis password.
         */
        "passwordSecretRef"?: {
          /**
           * Key in the Secret. Defaults to "password".
           */
          "key"?: string;
          /**
           * Name of the Secret in the same namespace.
           */
          "name": string;
        };
        /**
         * Name of the monitored master (sentinel mode).
         */
        "sentinelName"?: string;
        /**
         * Sentinel addresses (sentinel mode).
         */
        "sentinels"?: Array<string>;
        /**
         * redis:// or rediss:// URL (standalone).
         */
        "url"?: string;
      };
      /**
       * Resources of the runtime container when the engine runs beside it.
       */
      "resources"?: {
        /**
         * CPU and memory limit.
         */
        "limits"?: {
          /**
           * CPU limit, e.g. 500m or 2.
           */
          "cpu"?: number | string;
          /**
           * Memory limit, e.g. 512Mi or 4Gi.
           */
          "memory"?: number | string;
        };
        /**
         * CPU and memory requested.
         */
        "requests"?: {
          /**
           * CPU requested, e.g. 500m or 2.
           */
          "cpu"?: number | string;
          /**
           * Memory requested, e.g. 512Mi or 4Gi.
           */
          "memory"?: number | string;
        };
      };
      /**
       * Lifetime of a server-side session (X-Session-Id). Defaults to 30m.
       */
      "sessionTtl"?: string;
    };
    /**
     * Horizontal and vertical autoscaling. A canary gets replicas in proportion to its traffic weight, within the same bounds.
     */
    "scaling"?: {
      /**
       * HorizontalPodAutoscaler behavior.
       */
      "behavior"?: {
        /**
         * Scaling down behavior (autoscaling/v2 HPAScalingRules).
         */
        "scaleDown"?: {
          /**
           * Speed limits.
           */
          "policies"?: Array<{
            /**
             * Window the policy holds over.
             */
            "periodSeconds": number;
            /**
             * Change measured in pods or in percent of current replicas.
             */
            "type": "Pods" | "Percent";
            /**
             * Amount of change allowed per period.
             */
            "value": number;
          }>;
          /**
           * Which policy wins when several apply.
           */
          "selectPolicy"?: "Max" | "Min" | "Disabled";
          /**
           * Past recommendations considered when scaling down.
           */
          "stabilizationWindowSeconds"?: number;
        };
        /**
         * Scaling up behavior (autoscaling/v2 HPAScalingRules).
         */
        "scaleUp"?: {
          /**
           * Speed limits.
           */
          "policies"?: Array<{
            /**
             * Window the policy holds over.
             */
            "periodSeconds": number;
            /**
             * Change measured in pods or in percent of current replicas.
             */
            "type": "Pods" | "Percent";
            /**
             * Amount of change allowed per period.
             */
            "value": number;
          }>;
          /**
           * Which policy wins when several apply.
           */
          "selectPolicy"?: "Max" | "Min" | "Disabled";
          /**
           * Past recommendations considered when scaling up.
           */
          "stabilizationWindowSeconds"?: number;
        };
      };
      /**
       * Target average CPU utilisation, percent of requests.
       */
      "cpuUtilization"?: number;
      /**
       * Custom metrics with targets (Prometheus Adapter).
       */
      "customMetrics"?: Array<{
        /**
         * Metric name served by the metrics API (Prometheus Adapter), e.g. ai_inference_requests_per_second.
         */
        "name": string;
        /**
         * Target average value per pod (Pods) or target value (External), e.g. 30.
         */
        "target": number | string;
        /**
         * Pods: averaged over the pods of the version; External: one value from outside. Defaults to Pods.
         */
        "type"?: "Pods" | "External";
      }>;
      /**
       * Most replicas of the stable version.
       */
      "maxReplicas": number;
      /**
       * Target average memory utilisation, percent of requests.
       */
      "memoryUtilization"?: number;
      /**
       * Fewest replicas of the stable version. Defaults to 1.
       */
      "minReplicas"?: number;
      /**
       * Vertical recommendations for the model-serving container.
       */
      "vpa"?: {
        /**
         * CPU and memory upper bound of recommendations.
         */
        "maxAllowed"?: {
          /**
           * CPU upper bound of recommendations, e.g. 500m or 2.
           */
          "cpu"?: number | string;
          /**
           * Memory upper bound of recommendations, e.g. 512Mi or 4Gi.
           */
          "memory"?: number | string;
        };
        /**
         * CPU and memory lower bound of recommendations.
         */
        "minAllowed"?: {
          /**
           * CPU lower bound of recommendations, e.g. 500m or 2.
           */
          "cpu"?: number | string;
          /**
           * Memory lower bound of recommendations, e.g. 512Mi or 4Gi.
           */
          "memory"?: number | string;
        };
        /**
         * VerticalPodAutoscaler update mode; Off only records recommendations. Defaults to Off.
         */
        "mode"?: "Off" | "Initial" | "Recreate" | "Auto";
      };
    };
    /**
     * How traffic reaches the agent: Istio VirtualService and DestinationRule, or a Gateway API HTTPRoute, as the operator’s traffic router says.
     */
    "traffic"?: {
      /**
       * Circuit breaking by connection limits (DestinationRule connectionPool).
       */
      "connectionPool"?: {
        /**
         * Most TCP connections to a version.
         */
        "maxConnections"?: number;
        /**
         * Most queued requests waiting for a connection.
         */
        "maxPendingRequests"?: number;
        /**
         * Requests per connection before it is closed; 0 means unlimited.
         */
        "maxRequestsPerConnection"?: number;
      };
      /**
       * Istio gateways to expose the agent API on. Defaults to the mesh only.
       */
      "gateways"?: Array<string>;
      /**
       * Host names of the VirtualService. Defaults to the in-cluster Service name.
       */
      "hosts"?: Array<string>;
      /**
       * Eject failing pods from load balancing (DestinationRule outlierDetection).
       */
      "outlierDetection"?: {
        /**
         * Minimum ejection time. Defaults to 30s.
         */
        "baseEjectionTime"?: string;
        /**
         * Errors in a row that eject a pod. Defaults to 5.
         */
        "consecutive5xxErrors"?: number;
        /**
         * Time between ejection sweeps. Defaults to 10s.
         */
        "interval"?: string;
        /**
         * Most pods ejected, in percent. Defaults to 50.
         */
        "maxEjectionPercent"?: number;
      };
      /**
       * Gateway API parents of the HTTPRoute the gateway-api traffic router writes (usually Gateways). Defaults to the model’s own Service (GAMMA: in-mesh callers get the split).
       */
      "parentRefs"?: Array<{
        /**
         * API group of the parent. Defaults to gateway.networking.k8s.io; empty for a core Service.
         */
        "group"?: string;
        /**
         * Kind of the parent. Defaults to Gateway.
         */
        "kind"?: string;
        /**
         * Name of the parent.
         */
        "name": string;
        /**
         * Namespace of the parent. Defaults to the AIModel’s namespace.
         */
        "namespace"?: string;
        /**
         * Port of the parent.
         */
        "port"?: number;
        /**
         * A listener of the Gateway (or a port name of a Service).
         */
        "sectionName"?: string;
      }>;
      /**
       * Retries of failed requests.
       */
      "retries"?: {
        /**
         * Retries per request; 0 turns retries off.
         */
        "attempts": number;
        /**
         * Timeout of each try.
         */
        "perTryTimeout"?: string;
        /**
         * Istio retry conditions, e.g. connect-failure,refused-stream,unavailable,503.
         */
        "retryOn"?: string;
      };
      /**
       * Session-consistent rollouts: a conversation keeps its model version during a canary.
       */
      "sessionAffinity"?: {
        /**
         * Cookie holding the session key, instead of a header.
         */
        "cookie"?: string;
        /**
         * Keep each conversation on the version that served its first turn while a rollout runs (pins in Redis, one in-mesh forward, a route per serving version in the VirtualService). Defaults to on when the model has server-side sessions (runtime.redis mode other than none) and the operator routes with Istio (--traffic-router=istio); off otherwise. The gateway-api and replica-ratio routers cannot: the operator refuses enabled: true with them (RenderFailed).
         */
        "enabled"?: boolean;
        /**
         * Lower-case request header holding the session key. Defaults to x-session-id.
         */
        "header"?: string;
      };
      /**
       * Request timeout (long: completions stream). Defaults to 120s.
       */
      "timeout"?: string;
    };
  };
  /**
   * Observed state of the AIModel.
   */
  "status"?: {
    /**
     * Version being canaried, if any.
     */
    "canaryVersion"?: string;
    /**
     * Percent of traffic the canary gets.
     */
    "canaryWeight"?: number;
    /**
     * Ready, Progressing and Degraded.
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
     * In-cluster URL of the agent API.
     */
    "endpoint"?: string;
    /**
     * Last rollouts, newest first.
     */
    "history"?: Array<{
      /**
       * Why.
       */
      "message"?: string;
      /**
       * How the rollout ended.
       */
      "outcome": "Promoted" | "RolledBack" | "Superseded" | "Failed";
      /**
       * When it ended (RFC 3339).
       */
      "time": string;
      /**
       * ModelVersion spec.version.
       */
      "version": string;
    }>;
    /**
     * The .metadata.generation the controller last acted on.
     */
    "observedGeneration"?: number;
    /**
     * Ready replicas of all versions.
     */
    "readyReplicas"?: number;
    /**
     * Replicas of all versions.
     */
    "replicas"?: number;
    /**
     * Version serving stable traffic.
     */
    "stableVersion"?: string;
    /**
     * Current traffic split.
     */
    "traffic"?: Array<{
      /**
       * ModelVersion spec.version.
       */
      "version": string;
      /**
       * Percent of traffic.
       */
      "weight": number;
    }>;
  };
}

/**
 * AIModel is one served model behind one agent API; its ModelVersions are canaried and promoted behind it.
 */
export class AIModel extends Model<IAIModel> implements IAIModel {
  "apiVersion": IAIModel["apiVersion"];
  "kind": IAIModel["kind"];
  "metadata"?: IAIModel["metadata"];
  "spec": IAIModel["spec"];
  "status"?: IAIModel["status"];

static apiVersion: IAIModel["apiVersion"] = "ai.suoke.life/v1alpha1";
static kind: IAIModel["kind"] = "AIModel";
static is = createTypeMetaGuard<IAIModel>(AIModel);

constructor(data?: ModelData<IAIModel>) {
  super();

  this.setDefinedProps({
    apiVersion: AIModel.apiVersion,
    kind: AIModel.kind,
    ...data
  } as IAIModel);
}
}


setValidateFunc(AIModel, validate as ValidateFunc<IAIModel>);
