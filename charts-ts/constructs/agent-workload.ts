import type { ApiObjectMetadata } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { AgentHorizontalPodAutoscaler, AgentVerticalPodAutoscaler } from './agent-autoscaling.js';
import { AgentDeployment } from './agent-deployment.js';
import { AgentPodDisruptionBudget } from './agent-disruption-budget.js';
import { AgentNetworkPolicy } from './agent-network-policy.js';
import type { AgentWorkloadProps } from './agent-workload-props.js';
import { validateReplicas, validateScaling } from './agent-workload-validation.js';
import { RUNTIME_PORT } from './runtime-contract.js';
import {
  assertDnsLabel,
  assertLabelValue,
  versionLabels,
  versionSelector,
  versionedName,
} from './workload-names.js';

export type { AgentWorkloadProps } from './agent-workload-props.js';

/**
 * One version of one agent's model: ServiceAccount, Deployment (runtime + engine, or runtime only for an
 * external engine), HorizontalPodAutoscaler, VerticalPodAutoscaler, PodDisruptionBudget and NetworkPolicy.
 *
 * Every pod meets the `restricted` Pod Security Standard: non-root numeric user, read-only root filesystem
 * (an emptyDir on /tmp for each container), no privilege escalation, all capabilities dropped, seccomp
 * RuntimeDefault, and no service account token (the runtime never calls the Kubernetes API).
 *
 * HPA and VPA: the HPA scales on CPU and memory utilisation, which are ratios to the requests; a VPA that
 * rewrote those requests would move the HPA's targets under it. So the VPA defaults to mode `Off`
 * (recommendations only, read from its status for sizing), touches only the container that holds the model
 * (the runtime is pinned `Off`), and uses `controlledValues: RequestsOnly` so it never raises the declared
 * limits. A model owner who wants the VPA to act picks `Initial` (applied only when pods are created); the
 * API refuses `Auto`/`Recreate` together with CPU or memory HPA targets.
 *
 * With an HPA the Deployment leaves `spec.replicas` unset: the HPA owns it, and an applier that set it would
 * fight the HPA on every apply.
 */
export class AgentWorkload extends Construct {
  /** Name shared by every object of this version. */
  public readonly name: string;
  /** Labels on every object and pod of this version. */
  public readonly labels: Readonly<Record<string, string>>;
  /** Selector of this version's pods (`app`, `version`). */
  public readonly selector: Readonly<Record<string, string>>;
  /** The ServiceAccount the pods run as (their identity for Istio's AuthorizationPolicy). */
  public readonly serviceAccountName: string;
  /** Port of the runtime's API (named `http`). */
  public readonly port: number;
  public readonly deployment: kplus.Deployment;

  public constructor(scope: Construct, id: string, props: AgentWorkloadProps) {
    super(scope, id);
    assertDnsLabel('model (AIModel name)', props.model);
    assertLabelValue(`${props.model}: agent (spec.agent.name)`, props.agent);
    assertLabelValue(`${props.model}: version (ModelVersion spec.version)`, props.version);
    validateReplicas(props.model, props.version, props.replicas);
    const autoscaled = validateScaling(props.model, props.scaling) && props.replicas === undefined;

    this.name = versionedName(props.model, props.version);
    this.labels = versionLabels(props, props.version);
    this.selector = versionSelector(props.model, props.version);
    this.serviceAccountName = this.name;
    this.port = props.runtime?.port ?? RUNTIME_PORT;
    const metadata: ApiObjectMetadata = {
      name: this.name,
      namespace: props.namespace,
      labels: { ...this.labels },
    };

    const serviceAccount = new kplus.ServiceAccount(this, 'ServiceAccount', {
      metadata,
      automountToken: false,
    });
    this.deployment = new AgentDeployment(this, 'Deployment', {
      workload: props,
      metadata,
      podLabels: this.labels,
      selector: this.selector,
      port: this.port,
      serviceAccount,
      autoscaled,
    });
    if (autoscaled) {
      new AgentHorizontalPodAutoscaler(this, 'HorizontalPodAutoscaler', {
        metadata,
        deploymentName: this.name,
        scaling: props.scaling,
      });
    }
    new AgentVerticalPodAutoscaler(this, 'VerticalPodAutoscaler', {
      metadata,
      deploymentName: this.name,
      engine: props.engine,
      vpa: props.vpa,
      model: props.model,
    });
    new AgentPodDisruptionBudget(this, 'PodDisruptionBudget', { metadata, selector: this.selector });
    new AgentNetworkPolicy(this, 'NetworkPolicy', {
      metadata,
      selector: this.selector,
      apiPort: this.port,
      ingressNamespaces: props.ingressNamespaces,
      metricsNamespaces: props.metricsNamespaces,
    });
  }
}
