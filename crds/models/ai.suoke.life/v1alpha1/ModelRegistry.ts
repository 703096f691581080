import { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { Model, ModelData, setValidateFunc, createTypeMetaGuard } from "@kubernetes-models/base";
import { ValidateFunc } from "@kubernetes-models/validate";
import { validate } from "../../_schemas/AiSuokeLifeV1alpha1ModelRegistry.js";

/**
 * ModelRegistry is where model artifacts and version metadata live.
 */
export interface IModelRegistry {
  /**
   * Versioned schema of this representation of an object.
   */
  "apiVersion": "ai.suoke.life/v1alpha1";
  /**
   * REST resource this object represents.
   */
  "kind": "ModelRegistry";
  "metadata"?: IObjectMeta;
  /**
   * Desired state of the ModelRegistry.
   */
  "spec": {
    /**
     * Credentials, only from a Secret.
     */
    "auth"?: {
      /**
       * Secret with username and password, or token (keys: username, password, token).
       */
      "secretRef": {
        /**
         * Name of the referenced object in the same namespace.
         */
        "name": string;
      };
    };
    /**
     * Backoff between failed probes and syncs.
     */
    "retry"?: {
      /**
       * Backoff multiplier. Defaults to 2.
       */
      "factor"?: number;
      /**
       * First wait after a failure. Defaults to 1s.
       */
      "initialBackoff"?: string;
      /**
       * Longest wait between attempts. Defaults to 5m.
       */
      "maxBackoff"?: string;
    };
    /**
     * What to discover in the registry, and how often.
     */
    "sync"?: {
      /**
       * Create a ModelVersion (which starts a rollout) for each new version found. Defaults to false.
       */
      "autoCreateVersions"?: boolean;
      /**
       * Time between syncs. Defaults to 5m.
       */
      "interval"?: string;
      /**
       * Models to track.
       */
      "models"?: Array<{
        /**
         * Aliases or stages to track (mlflow).
         */
        "aliases"?: Array<string>;
        /**
         * AIModel that discovered versions belong to.
         */
        "modelRef"?: {
          /**
           * Name of the referenced object in the same namespace.
           */
          "name": string;
        };
        /**
         * Repository (oci), registered model (mlflow) or path (http) in the registry.
         */
        "name": string;
        /**
         * Tags (oci) or versions to track; all when empty.
         */
        "tags"?: Array<string>;
      }>;
    };
    /**
     * Timeout of one request to the registry. Defaults to 10s.
     */
    "timeout"?: string;
    /**
     * TLS settings.
     */
    "tls"?: {
      /**
       * PEM CA certificates to trust for this registry.
       */
      "caBundle"?: string;
      /**
       * Skip certificate verification. Only for tests; never in production.
       */
      "insecure"?: boolean;
    };
    /**
     * Protocol: oci (OCI distribution registry), mlflow (MLflow tracking server), http (plain HTTP index).
     */
    "type": "oci" | "mlflow" | "http";
    /**
     * Base URL of the registry, e.g. https://registry.example.com or http://mlflow.mlops:5000.
     */
    "url": string;
  };
  /**
   * Observed state of the registry.
   */
  "status"?: {
    /**
     * Connected and Synced.
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
     * Failed probes in a row.
     */
    "consecutiveFailures"?: number;
    /**
     * Versions found, newest first.
     */
    "discoveredVersions"?: Array<{
      /**
       * Its digest, when known.
       */
      "digest"?: string;
      /**
       * When it was first seen (RFC 3339).
       */
      "discoveredAt": string;
      /**
       * Tracked model name.
       */
      "model": string;
      /**
       * Artifact URI of that version.
       */
      "uri": string;
      /**
       * Version found.
       */
      "version": string;
    }>;
    /**
     * Last error, without credentials.
     */
    "lastError"?: string;
    /**
     * When the registry was last probed (RFC 3339).
     */
    "lastProbeTime"?: string;
    /**
     * When the last sync finished (RFC 3339).
     */
    "lastSyncTime"?: string;
    /**
     * Latency of the last probe, in milliseconds.
     */
    "latencyMs"?: number;
    /**
     * The .metadata.generation the controller last acted on.
     */
    "observedGeneration"?: number;
  };
}

/**
 * ModelRegistry is where model artifacts and version metadata live.
 */
export class ModelRegistry extends Model<IModelRegistry> implements IModelRegistry {
  "apiVersion": IModelRegistry["apiVersion"];
  "kind": IModelRegistry["kind"];
  "metadata"?: IModelRegistry["metadata"];
  "spec": IModelRegistry["spec"];
  "status"?: IModelRegistry["status"];

static apiVersion: IModelRegistry["apiVersion"] = "ai.suoke.life/v1alpha1";
static kind: IModelRegistry["kind"] = "ModelRegistry";
static is = createTypeMetaGuard<IModelRegistry>(ModelRegistry);

constructor(data?: ModelData<IModelRegistry>) {
  super();

  this.setDefinedProps({
    apiVersion: ModelRegistry.apiVersion,
    kind: ModelRegistry.kind,
    ...data
  } as IModelRegistry);
}
}


setValidateFunc(ModelRegistry, validate as ValidateFunc<IModelRegistry>);
