/**
 * The product's charts as a {@link ChartSource}: the platform chart (CRDs, namespaces and their
 * guards, operator with the stack's traffic router, Redis, monitoring, Istio policies) and the
 * agents chart (the declared AIModels, their first ModelVersions and the ModelRegistries),
 * configured from the stack.
 */
import { AgentsChart, readAgentSet, type AgentSet } from '../charts-ts/charts/agents-chart.js';
import { PlatformChart, type PlatformChartProps } from '../charts-ts/charts/platform-chart.js';
import { repoPath } from '../charts-ts/constructs/repo-path.js';
import { overlayAIModel } from '../charts-ts/agent-overlay.js';
import type { ImageRef, PlatformConfig } from './config.js';
import type { ChartContext, ChartSource } from './synthesize.js';

export interface SuokeChartsOptions {
  /** Folder with `aimodels/`, `modelversions/` and `modelregistries/`. @default '<repo>/examples' */
  readonly agentsDir?: string;
  /** Folder of the generated CRD YAML. @default '<repo>/crds' */
  readonly crdsDir?: string;
}

export function imageOf(image: ImageRef): string {
  return `${image.repository}:${image.tag}`;
}

/** The PlatformChart's Redis props for the stack's Redis mode. */
export function platformRedis(
  config: PlatformConfig,
  redisUrl: string | undefined,
): PlatformChartProps['redis'] {
  switch (config.redis.mode) {
    case 'statefulset':
      return { mode: 'in-cluster', storage: config.redis.storage };
    case 'cluster':
      return { mode: 'external', topology: 'cluster', clusterNodes: config.redis.clusterNodes };
    case 'external':
      if (redisUrl === undefined) throw new Error("redis.mode 'external' needs the redisUrl secret");
      return { mode: 'external', topology: 'standalone', url: redisUrl };
  }
}

/** The agents of `set` that the stack names (`agents`), in the stack's order. */
export function selectAgents(set: AgentSet, agents: readonly string[]): AgentSet {
  const byName = new Map(set.aimodels.map((m) => [m.metadata.name ?? '', m]));
  const missing = agents.filter((a) => !byName.has(a));
  if (missing.length > 0) {
    throw new Error(
      `stack config 'agents' names ${missing.join(', ')}, which the agents folder does not declare (it has ${[...byName.keys()].join(', ')})`,
    );
  }
  const chosen = new Set(agents);
  return {
    aimodels: agents.map((a) => byName.get(a)!),
    versions: set.versions.filter((v) => chosen.has(v.spec.modelRef.name)),
    registries: set.registries,
    personas: set.personas,
  };
}

/** The PlatformChart's tracing for the stack's `tracing` keys; nothing while tracing is off. */
export function platformTracing(config: PlatformConfig): Pick<PlatformChartProps, 'tracing'> {
  const { endpoint, samplingRatio, collector, collectorExporterEndpoint } = config.tracing;
  if (endpoint === undefined && !collector) return {};
  return {
    tracing: {
      ...(endpoint === undefined ? {} : { endpoint }),
      samplingRatio,
      ...(collector ? { collector: { enabled: true, exporterEndpoint: collectorExporterEndpoint } } : {}),
    },
  };
}

export function suokeCharts(options: SuokeChartsOptions = {}): ChartSource {
  return (app, { config, secretNames, secretValues }: ChartContext) => {
    const platform = new PlatformChart(app, 'platform', {
      namespace: config.namespace,
      agentNamespace: config.agentNamespace,
      images: { operator: imageOf(config.images.operator) },
      operatorReplicas: config.operatorReplicas,
      redis: platformRedis(config, secretValues.redisUrl),
      redisPasswordSecret: secretNames.redisPassword,
      prometheusUrl: config.prometheusUrl,
      istio: config.istio.enabled,
      trafficRouter: config.trafficRouter,
      gateway:
        config.gateway.host === undefined || config.gateway.tlsSecretName === undefined
          ? undefined
          : { hosts: [config.gateway.host], tlsSecretName: config.gateway.tlsSecretName },
      crdsDir: options.crdsDir,
      ...platformTracing(config),
    });
    const declared = selectAgents(readAgentSet(options.agentsDir ?? repoPath('examples')), config.agents);
    const overlay = {
      gpu: config.gpu,
      replicaScale: config.replicaScale,
      runtimeImage: imageOf(config.images.runtime),
    };
    new AgentsChart(app, 'agents', {
      agents: { ...declared, aimodels: declared.aimodels.map((m) => overlayAIModel(m, overlay)) },
      namespace: config.agentNamespace,
      gatewayRef: platform.gatewayRef,
      redisConnection: platform.redisConnection,
    });
  };
}
