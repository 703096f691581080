/**
 * The status a deployment controller writes, for tests (the fake runs no controllers): all replicas
 * updated and available, or none available. Condition transition times move only when a condition's
 * status changes, so writing the same state twice changes nothing.
 */
import { clone, isPlainObject, type KubeObject } from './types.js';

interface DeploymentCondition {
  readonly type: string;
  readonly status: string;
  readonly reason: string;
  readonly message: string;
  readonly lastUpdateTime: string;
  readonly lastTransitionTime: string;
}

function previousCondition(old: KubeObject, type: string): DeploymentCondition | undefined {
  const status = old['status'];
  const conditions = isPlainObject(status) && Array.isArray(status['conditions']) ? status['conditions'] : [];
  return (conditions as DeploymentCondition[]).find((c) => c.type === type);
}

function condition(
  old: KubeObject,
  next: Omit<DeploymentCondition, 'lastUpdateTime' | 'lastTransitionTime'>,
  now: string,
): DeploymentCondition {
  const before = previousCondition(old, next.type);
  if (
    before &&
    before.status === next.status &&
    before.reason === next.reason &&
    before.message === next.message
  ) {
    return before;
  }
  return {
    ...next,
    lastUpdateTime: now,
    lastTransitionTime: before?.status === next.status ? before.lastTransitionTime : now,
  };
}

/** `old` with the status of a rollout that finished (`available`) or has no available replica. */
export function withDeploymentStatus(old: KubeObject, available: boolean, now: Date): KubeObject {
  const at = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const spec = old['spec'] as { replicas?: number } | undefined;
  const replicas = Number(spec?.replicas ?? 1);
  const ready = available ? replicas : 0;
  const next = clone(old);
  next['status'] = {
    observedGeneration: old.metadata.generation,
    replicas,
    updatedReplicas: replicas,
    readyReplicas: ready,
    availableReplicas: ready,
    ...(available ? {} : { unavailableReplicas: replicas }),
    conditions: [
      condition(
        old,
        available
          ? {
              type: 'Available',
              status: 'True',
              reason: 'MinimumReplicasAvailable',
              message: 'Deployment has minimum availability.',
            }
          : {
              type: 'Available',
              status: 'False',
              reason: 'MinimumReplicasUnavailable',
              message: 'Deployment does not have minimum availability.',
            },
        at,
      ),
      condition(
        old,
        {
          type: 'Progressing',
          status: 'True',
          reason: 'NewReplicaSetAvailable',
          message: `ReplicaSet "${old.metadata.name}" has successfully progressed.`,
        },
        at,
      ),
    ],
  };
  return next;
}
