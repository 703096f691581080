/**
 * A small platform in cdk8s, shaped like the real charts (a namespace, a CRD, the operator with its
 * identity and metrics Service, Redis, one AIModel per agent), so the component is tested on what
 * it does with objects, independent of what the product charts render.
 */
import { ApiObject, Chart, type App } from 'cdk8s';
import type { ChartContext } from '../../../stacks/synthesize.js';

export function sampleCharts(app: App, { config, secretNames, secretValues }: ChartContext): void {
  const ns = config.namespace;
  const agentNs = config.agentNamespace;
  const platform = new Chart(app, 'platform');
  new ApiObject(platform, 'ns', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  new ApiObject(platform, 'crd', {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'aimodels.ai.suoke.life' },
    spec: {
      group: 'ai.suoke.life',
      names: { kind: 'AIModel', plural: 'aimodels', singular: 'aimodel' },
      scope: 'Namespaced',
      versions: [
        { name: 'v1alpha1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object' } } },
      ],
    },
  });
  new ApiObject(platform, 'sa', {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: 'operator', namespace: ns },
  });
  new ApiObject(platform, 'operator', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'operator', namespace: ns },
    spec: {
      replicas: config.operatorReplicas,
      selector: { matchLabels: { app: 'operator' } },
      template: {
        metadata: { labels: { app: 'operator' } },
        spec: {
          serviceAccountName: 'operator',
          containers: [
            {
              name: 'operator',
              image: `${config.images.operator.repository}:${config.images.operator.tag}`,
              args: [`--prometheus-url=${config.prometheusUrl}`],
            },
          ],
          imagePullSecrets: secretNames.registryCredentials
            ? [{ name: secretNames.registryCredentials }]
            : undefined,
        },
      },
    },
  });
  new ApiObject(platform, 'metrics', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'operator-metrics',
      namespace: ns,
      labels: { 'app.kubernetes.io/component': 'operator' },
    },
    spec: { selector: { app: 'operator' }, ports: [{ name: 'metrics', port: 8080 }] },
  });
  if (config.redis.mode === 'statefulset') {
    new ApiObject(platform, 'redis', {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'redis', namespace: agentNs },
      spec: {
        serviceName: 'redis',
        selector: { matchLabels: { app: 'redis' } },
        template: {
          spec: {
            containers: [
              {
                name: 'redis',
                env: [
                  {
                    name: 'REDIS_PASSWORD',
                    valueFrom: {
                      secretKeyRef: {
                        name: secretNames.redisPassword.name,
                        key: secretNames.redisPassword.key,
                      },
                    },
                  },
                ],
              },
            ],
          },
        },
      },
    });
  }
  new ApiObject(platform, 'redis-connection', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'redis-connection', namespace: agentNs },
    data: {
      REDIS_MODE: config.redis.mode === 'cluster' ? 'cluster' : 'standalone',
      REDIS_URL: secretValues.redisUrl ?? `redis://redis.${agentNs}.svc:6379`,
    },
  });
  new ApiObject(platform, 'vs', {
    apiVersion: 'networking.istio.io/v1',
    kind: 'Gateway',
    metadata: { name: 'agents', namespace: agentNs },
    spec: { servers: [] },
  });
  const agents = new Chart(app, 'agents');
  for (const agent of config.agents) {
    new ApiObject(agents, agent, {
      apiVersion: 'ai.suoke.life/v1alpha1',
      kind: 'AIModel',
      metadata: { name: agent, namespace: agentNs },
      spec: {
        agent: { name: agent },
        resources: config.gpu.enabled && agent === 'xiaoai' ? { gpu: { count: 1 } } : {},
        scaling: { minReplicas: Math.max(1, Math.round(2 * config.replicaScale)) },
      },
    });
  }
}
