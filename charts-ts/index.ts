/** cdk8s constructs and charts of the platform, and the `render()` the operator derives objects with. */
export * from './constructs/agent-workload.js';
export * from './constructs/agent-workload-props.js';
export * from './constructs/runtime-contract.js';
export * from './constructs/shutdown-timing.js';
export { DEFAULT_HPA_BEHAVIOR } from './constructs/agent-autoscaling.js';
export { GPU_COUNT_ANNOTATION, GPU_MAX_COUNT_ANNOTATION } from './constructs/agent-deployment.js';
export { assertPinnedImage } from './constructs/image-rule.js';
export * from './constructs/agent-service.js';
export * from './constructs/istio-routing.js';
export * from './constructs/istio-security.js';
export * from './constructs/gateway-routing.js';
export { VersionService, type VersionServiceProps } from './constructs/version-service.js';
export * from './constructs/evaluation-job.js';
export * from './constructs/gpu.js';
export * from './constructs/workload-names.js';
export { parseQuantity } from './constructs/quantity.js';
export { parseDurationMs, durationSeconds } from './constructs/durations.js';
export { render, type KubeObject, type OwnerReference, type RenderOptions } from './render.js';
export {
  DERIVED_KINDS,
  ROUTE_OBJECTS,
  inScope,
  type DerivedKind,
  type DerivedScope,
  type RouteObjects,
} from './derived-kinds.js';
export {
  scaledBounds,
  workloadProps,
  routingProps,
  gatewayRoutingProps,
  scalingOf,
  type ReplicaBounds,
} from './agent-spec.js';
export {
  AgentsChart,
  readAgentSet,
  firstVersions,
  assertPersonasDeclared,
  DEFAULT_PERSONA_KEY,
  type AgentSet,
  type AgentsChartProps,
  type PersonaConfigMap,
} from './charts/agents-chart.js';
export {
  overlayAIModel,
  runtimeRedis,
  scaleReplicas,
  withPlatformRedis,
  type AgentOverlay,
  type RuntimeRedis,
} from './agent-overlay.js';
export { PlatformChart, type PlatformChartProps, type PlatformTracing } from './charts/platform-chart.js';
export * from './constructs/runtime-tracing.js';
export {
  DEFAULT_OTEL_COLLECTOR_IMAGE,
  OTEL_COLLECTOR_NAME,
  OtelCollector,
  type OtelCollectorProps,
} from './constructs/otel-collector.js';
export { OperatorInstall, operatorRules, type OperatorInstallProps } from './constructs/operator-install.js';
export {
  Redis,
  type RedisProps,
  type RedisConnection,
  type InClusterRedis,
  type ExternalRedis,
} from './constructs/redis.js';
export {
  Monitoring,
  SUOKE_AGENT_METRICS,
  adapterRules,
  alertRuleGroups,
  grafanaDashboard,
  type MonitoringProps,
  type AgentMetric,
  type AlertThresholds,
} from './constructs/monitoring.js';
export { Crds, type CrdsProps } from './constructs/crds.js';
export {
  PlatformNetwork,
  type PlatformNetworkProps,
  type GatewayProps,
} from './constructs/platform-network.js';
export { ArgoCdApplication, type ArgoCdApplicationProps } from './constructs/argocd-application.js';
export { ArgoCdHealth, readHealthScripts, type ArgoCdHealthProps } from './constructs/argocd-health.js';
export { renderArgoCdFiles } from './charts/argocd-chart.js';
