/** cdk8s constructs and charts of the platform, and the `render()` the operator derives objects with. */
export * from './constructs/agent-workload.js';
export * from './constructs/agent-service.js';
export * from './constructs/istio-routing.js';
export * from './constructs/gpu.js';
export * from './constructs/workload-names.js';
export { parseQuantity } from './constructs/quantity.js';
export { parseDurationMs, durationSeconds } from './constructs/durations.js';
export { render, type KubeObject, type OwnerReference, type RenderOptions } from './render.js';
export { scaledBounds, workloadProps, routingProps, scalingOf, type ReplicaBounds } from './agent-spec.js';
export {
  AgentsChart,
  readAgentSet,
  firstVersions,
  type AgentSet,
  type AgentsChartProps,
} from './charts/agents-chart.js';
export { PlatformChart, type PlatformChartProps } from './charts/platform-chart.js';
