/**
 * Label keys on every derived object. Istio subsets, Services, HPAs and Prometheus queries select
 * on these, so they are part of the API.
 */
/** The AIModel's name. */
export const LABEL_APP = 'app';
/** `spec.agent.name` of the AIModel. */
export const LABEL_AGENT = 'agent';
/** The AIModel's name (also a metric label of the runtime). */
export const LABEL_MODEL = 'model';
/** `ModelVersion.spec.version`: what Istio subsets and metrics select on. */
export const LABEL_VERSION = 'version';

/** Standard recommended labels. */
export const LABEL_NAME = 'app.kubernetes.io/name';
export const LABEL_INSTANCE = 'app.kubernetes.io/instance';
export const LABEL_COMPONENT = 'app.kubernetes.io/component';
export const LABEL_PART_OF = 'app.kubernetes.io/part-of';
export const LABEL_MANAGED_BY = 'app.kubernetes.io/managed-by';
export const LABEL_VERSION_STD = 'app.kubernetes.io/version';

/** Value of `app.kubernetes.io/part-of` on everything the platform creates. */
export const PART_OF = 'suoke-modelops';
/** Value of `app.kubernetes.io/managed-by` on objects the operator derives. */
export const MANAGED_BY = 'suoke-modelops-operator';

/**
 * On evaluation Jobs and their pods: the gate they run (`pre`: before any user traffic, `last`: at
 * the last step). The operator watches Jobs and Pods with this label only, so it never lists the
 * namespace's other workloads.
 */
export const EVALUATION_LABEL = 'ai.suoke.life/evaluation';
