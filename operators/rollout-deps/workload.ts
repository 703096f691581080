/** What both rollout controllers read of a version's workload. */
import { isConditionTrue, type Condition } from '../kit/conditions.js';
import type { KubeObject } from '../kit/resource.js';

/** Deployment.status says the workload is Available for its current spec. */
export function deploymentAvailable(deployment: KubeObject): boolean {
  const status = deployment.status as { observedGeneration?: number; conditions?: Condition[] } | undefined;
  const generation = deployment.metadata.generation ?? 0;
  return (status?.observedGeneration ?? 0) >= generation && isConditionTrue(status?.conditions, 'Available');
}
