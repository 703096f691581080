import { ApiObject, type ApiObjectMetadata } from 'cdk8s';
import type { Construct } from 'constructs';
import type { IPodDisruptionBudgetSpec } from 'kubernetes-models/policy/v1';

export interface AgentPodDisruptionBudgetProps {
  readonly metadata: ApiObjectMetadata;
  /** Selector of the version's pods. */
  readonly selector: Readonly<Record<string, string>>;
}

/**
 * The PodDisruptionBudget of one version. maxUnavailable 1 (not minAvailable) so a single-replica version
 * never blocks a node drain, while a scaled-out version loses at most one pod at a time to evictions. Every
 * version gets one because the HPA may scale any of them past one replica.
 */
export class AgentPodDisruptionBudget extends ApiObject {
  public constructor(scope: Construct, id: string, props: AgentPodDisruptionBudgetProps) {
    const spec: IPodDisruptionBudgetSpec = {
      maxUnavailable: 1,
      selector: { matchLabels: { ...props.selector } },
    };
    super(scope, id, {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: props.metadata,
      spec,
    });
  }
}
