/**
 * Names shared by the platform constructs. Alerts, ServiceMonitors, NetworkPolicies and RBAC refer to
 * each other through these, so each is defined once.
 */

/** Value of `app.kubernetes.io/part-of` on everything the platform installs. */
export const PLATFORM_PART_OF = 'suoke-modelops';

/** Operator Deployment, ServiceAccount, Lease and field manager name (see the contracts). */
export const OPERATOR_NAME = 'suoke-modelops-operator';
/** The operator's metrics Service; also the `job` label Prometheus gives its targets. */
export const OPERATOR_METRICS_SERVICE = 'suoke-modelops-operator-metrics';
/** In-cluster Redis StatefulSet and Service; also the `job` label of its exporter's targets. */
export const REDIS_NAME = 'suoke-redis';

/** Labels that select the operator's pods. Kept minimal: a Deployment's selector is immutable. */
export const OPERATOR_SELECTOR: Readonly<Record<string, string>> = {
  'app.kubernetes.io/name': OPERATOR_NAME,
  'app.kubernetes.io/part-of': PLATFORM_PART_OF,
};

/** Labels that select the Redis pods. */
export const REDIS_SELECTOR: Readonly<Record<string, string>> = {
  'app.kubernetes.io/name': REDIS_NAME,
  'app.kubernetes.io/part-of': PLATFORM_PART_OF,
};

/**
 * Argo CD sync waves (`argocd.argoproj.io/sync-wave`): lower waves are applied and healthy before
 * higher ones start. CRDs and namespaces come first so that custom resources and namespaced objects
 * never race their definitions.
 */
export const SyncWave = {
  /** CustomResourceDefinitions. */
  crds: '-3',
  /** Namespaces and the policies that must guard them before any pod starts. */
  namespaces: '-2',
  /** Operator, Redis and monitoring. */
  platform: '-1',
  /** AIModel, ModelRegistry and ModelVersion objects (the agents chart). */
  agents: '0',
} as const;

/** The annotation key Argo CD orders a sync by. */
export const SYNC_WAVE_ANNOTATION = 'argocd.argoproj.io/sync-wave';

/** Standard labels for a platform component. */
export function platformLabels(name: string, component: string, version?: string): Record<string, string> {
  return {
    'app.kubernetes.io/name': name,
    'app.kubernetes.io/component': component,
    'app.kubernetes.io/part-of': PLATFORM_PART_OF,
    ...(version === undefined ? {} : { 'app.kubernetes.io/version': version }),
  };
}
