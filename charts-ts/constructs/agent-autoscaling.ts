import { ApiObject, type ApiObjectMetadata } from 'cdk8s';
import type { Construct } from 'constructs';
import type { IHorizontalPodAutoscalerBehavior, IMetricSpec } from 'kubernetes-models/autoscaling/v2';
import {
  VerticalPodAutoscaler,
  type VerticalPodAutoscalerSpec,
  VerticalPodAutoscalerSpecResourcePolicyContainerPoliciesControlledValues as ControlledValues,
  VerticalPodAutoscalerSpecResourcePolicyContainerPoliciesMaxAllowed as MaxAllowed,
  VerticalPodAutoscalerSpecResourcePolicyContainerPoliciesMinAllowed as MinAllowed,
  VerticalPodAutoscalerSpecResourcePolicyContainerPoliciesMode as ContainerMode,
  VerticalPodAutoscalerSpecUpdatePolicyUpdateMode as UpdateMode,
} from '../imports/autoscaling.k8s.io.js';
import type { CpuMemory, EngineProps, ScalingProps, VpaMode, VpaProps } from './agent-workload-props.js';
import { assertNotAbove } from './quantity.js';

/*
 * How one version scales. The HPA scales on CPU and memory utilisation, which are ratios to the
 * requests; a VPA that rewrote those requests would move the HPA's targets under it. So the VPA
 * defaults to mode `Off` (recommendations only), sizes only the container that holds the model, and
 * never raises the declared limits (see AgentWorkload).
 */

/**
 * Default HPA behavior. Model servers take minutes to load weights, so scaling up reacts at once (double or
 * +2 pods a minute, whichever is more) and scaling down waits five minutes and sheds a quarter a minute, so a
 * dip between bursts does not throw away warm replicas.
 */
export const DEFAULT_HPA_BEHAVIOR: IHorizontalPodAutoscalerBehavior = {
  scaleUp: {
    stabilizationWindowSeconds: 0,
    selectPolicy: 'Max',
    policies: [
      { type: 'Percent', value: 100, periodSeconds: 60 },
      { type: 'Pods', value: 2, periodSeconds: 60 },
    ],
  },
  scaleDown: {
    stabilizationWindowSeconds: 300,
    selectPolicy: 'Min',
    policies: [{ type: 'Percent', value: 25, periodSeconds: 60 }],
  },
};

export interface AgentHorizontalPodAutoscalerProps {
  readonly metadata: ApiObjectMetadata;
  /** Name of the Deployment it scales. */
  readonly deploymentName: string;
  /** Replica bounds, targets and behavior (validated by `validateScaling`). */
  readonly scaling: ScalingProps;
}

/** The HPA of one version: the scaling targets, with {@link DEFAULT_HPA_BEHAVIOR} for a direction left out. */
export class AgentHorizontalPodAutoscaler extends ApiObject {
  public constructor(scope: Construct, id: string, props: AgentHorizontalPodAutoscalerProps) {
    super(scope, id, {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: props.metadata,
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: props.deploymentName },
        minReplicas: props.scaling.minReplicas,
        maxReplicas: props.scaling.maxReplicas,
        metrics: hpaMetrics(props.scaling),
        // A direction the model leaves out keeps our default rather than Kubernetes' (which scales down fast).
        behavior: { ...DEFAULT_HPA_BEHAVIOR, ...props.scaling.behavior },
      },
    });
  }
}

export interface AgentVerticalPodAutoscalerProps {
  readonly metadata: ApiObjectMetadata;
  /** Name of the Deployment it sizes. */
  readonly deploymentName: string;
  /** Where the model runs: the engine container, or the runtime for an external engine. */
  readonly engine: EngineProps;
  /**
   * Mode and bounds of the recommendation.
   * @default - mode Off, no bounds
   */
  readonly vpa?: VpaProps;
  /** AIModel name, for error messages. */
  readonly model: string;
}

/**
 * The VPA of one version. Only the container holding the model is sized (the thin runtime has a fixed
 * footprint and is pinned `Off`), requests only, so the declared limits stay.
 */
export class AgentVerticalPodAutoscaler extends VerticalPodAutoscaler {
  public constructor(scope: Construct, id: string, props: AgentVerticalPodAutoscalerProps) {
    const vpa = props.vpa ?? {};
    for (const resource of ['cpu', 'memory'] as const) {
      assertNotAbove(
        `${props.model}: vpa.minAllowed.${resource}`,
        vpa.minAllowed?.[resource],
        `vpa.maxAllowed.${resource}`,
        vpa.maxAllowed?.[resource],
      );
    }
    super(scope, id, {
      metadata: props.metadata,
      spec: {
        targetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: props.deploymentName },
        updatePolicy: { updateMode: vpaMode(props.model, vpa.mode ?? 'Off') },
        resourcePolicy: { containerPolicies: containerPolicies(props.engine, vpa) },
      },
    });
  }
}

type ContainerPolicies = NonNullable<
  NonNullable<VerticalPodAutoscalerSpec['resourcePolicy']>['containerPolicies']
>;

function containerPolicies(engine: EngineProps, vpa: VpaProps): ContainerPolicies {
  const modelContainer = engine.kind === 'external' ? 'runtime' : 'engine';
  const policies: ContainerPolicies = [];
  if (modelContainer === 'engine') {
    // The thin runtime has a fixed footprint; only the container holding the model is sized by the VPA.
    policies.push({ containerName: 'runtime', mode: ContainerMode.OFF });
  }
  policies.push({
    containerName: modelContainer,
    controlledResources: ['cpu', 'memory'],
    controlledValues: ControlledValues.REQUESTS_ONLY,
    ...(vpa.minAllowed === undefined ? {} : { minAllowed: cpuMemory(vpa.minAllowed, MinAllowed.fromString) }),
    ...(vpa.maxAllowed === undefined ? {} : { maxAllowed: cpuMemory(vpa.maxAllowed, MaxAllowed.fromString) }),
  });
  return policies;
}

function vpaMode(model: string, mode: VpaMode): UpdateMode {
  const modes: Record<VpaMode, UpdateMode> = {
    Off: UpdateMode.OFF,
    Initial: UpdateMode.INITIAL,
    Recreate: UpdateMode.RECREATE,
    InPlaceOrRecreate: UpdateMode.IN_PLACE_OR_RECREATE,
    InPlace: UpdateMode.IN_PLACE,
    Auto: UpdateMode.AUTO,
  };
  const value = modes[mode];
  if (value === undefined) {
    throw new Error(`${model}: vpa.mode '${mode}' must be one of ${Object.keys(modes).join(', ')}`);
  }
  return value;
}

function cpuMemory<T>(values: CpuMemory, wrap: (value: string) => T): Record<string, T> {
  const out: Record<string, T> = {};
  if (values.cpu !== undefined) out.cpu = wrap(values.cpu);
  if (values.memory !== undefined) out.memory = wrap(values.memory);
  return out;
}

function hpaMetrics(scaling: ScalingProps): IMetricSpec[] {
  const metrics: IMetricSpec[] = [];
  const utilization = (name: string, averageUtilization: number): IMetricSpec => ({
    type: 'Resource',
    resource: { name, target: { type: 'Utilization', averageUtilization } },
  });
  if (scaling.cpuUtilization !== undefined) metrics.push(utilization('cpu', scaling.cpuUtilization));
  if (scaling.memoryUtilization !== undefined) metrics.push(utilization('memory', scaling.memoryUtilization));
  for (const metric of scaling.customMetrics ?? []) {
    const target = String(metric.target);
    metrics.push(
      (metric.type ?? 'Pods') === 'Pods'
        ? {
            type: 'Pods',
            pods: { metric: { name: metric.name }, target: { type: 'AverageValue', averageValue: target } },
          }
        : {
            type: 'External',
            external: { metric: { name: metric.name }, target: { type: 'Value', value: target } },
          },
    );
  }
  return metrics;
}
