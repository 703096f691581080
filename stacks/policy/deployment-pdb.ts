import type { PolicyResource, StackValidationPolicy } from '@pulumi/policy';
import { objectRef } from './pod-spec.js';

interface LabelSelector {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: readonly {
    readonly key: string;
    readonly operator: string;
    readonly values?: readonly string[];
  }[];
}

/**
 * Why: a Deployment runs several replicas to survive disruption; without a PodDisruptionBudget a
 * node drain may evict all of them at once and the agent goes dark during routine maintenance.
 *
 * "More than one replica" is the larger of `spec.replicas` and the `minReplicas` of an HPA that
 * scales the Deployment (an HPA-managed Deployment usually leaves `spec.replicas` unset).
 */
export const deploymentPdb: StackValidationPolicy = {
  name: 'replicated-deployments-have-pdb',
  description: 'Every Deployment with more than one replica is covered by a PodDisruptionBudget.',
  enforcementLevel: 'mandatory',
  validateStack: (args, reportViolation) => {
    const of = (type: string) => args.resources.filter((r) => r.type === type);
    const pdbs = of('kubernetes:policy/v1:PodDisruptionBudget');
    const hpas = of('kubernetes:autoscaling/v2:HorizontalPodAutoscaler');
    for (const deployment of of('kubernetes:apps/v1:Deployment')) {
      const replicas = effectiveReplicas(deployment, hpas);
      if (replicas <= 1) continue;
      const namespace = namespaceOf(deployment);
      const podLabels = (deployment.props.spec?.template?.metadata?.labels ?? {}) as Record<string, string>;
      const covered = pdbs.some(
        (pdb) =>
          namespaceOf(pdb) === namespace &&
          selects(pdb.props.spec?.selector as LabelSelector | undefined, podLabels),
      );
      if (!covered) {
        reportViolation(
          `Deployment ${objectRef(deployment.props)} runs ${replicas} replicas but no PodDisruptionBudget in its namespace selects its pods (${JSON.stringify(podLabels)}); add one with maxUnavailable: 1`,
          deployment.urn,
        );
      }
    }
  },
};

function namespaceOf(resource: PolicyResource): string {
  return (resource.props.metadata?.namespace as string | undefined) ?? 'default';
}

function effectiveReplicas(deployment: PolicyResource, hpas: readonly PolicyResource[]): number {
  const name = deployment.props.metadata?.name as string | undefined;
  const fromHpa = hpas
    .filter((hpa) => {
      const target = hpa.props.spec?.scaleTargetRef ?? {};
      return (
        namespaceOf(hpa) === namespaceOf(deployment) && target.kind === 'Deployment' && target.name === name
      );
    })
    .map((hpa) => Number(hpa.props.spec?.minReplicas ?? 1));
  return Math.max(Number(deployment.props.spec?.replicas ?? 1), ...fromHpa);
}

/** Kubernetes label-selector semantics; an empty selector selects nothing for a PDB of ours. */
export function selects(
  selector: LabelSelector | undefined,
  labels: Readonly<Record<string, string>>,
): boolean {
  if (selector === undefined) return false;
  const matchLabels = Object.entries(selector.matchLabels ?? {});
  const expressions = selector.matchExpressions ?? [];
  if (matchLabels.length === 0 && expressions.length === 0) return false;
  return (
    matchLabels.every(([k, v]) => labels[k] === v) &&
    expressions.every((e) => {
      const has = Object.prototype.hasOwnProperty.call(labels, e.key);
      switch (e.operator) {
        case 'In':
          return has && (e.values ?? []).includes(labels[e.key]!);
        case 'NotIn':
          return !has || !(e.values ?? []).includes(labels[e.key]!);
        case 'Exists':
          return has;
        case 'DoesNotExist':
          return !has;
        default:
          return false;
      }
    })
  );
}
