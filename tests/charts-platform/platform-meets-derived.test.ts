import { readAgentSet } from '../../charts-ts/charts/agents-chart.js';
import { repoPath } from '../../charts-ts/constructs/repo-path.js';
import type { PlatformChartProps } from '../../charts-ts/charts/platform-chart.js';
import { render, type RenderOptions } from '../../charts-ts/render.js';
import { find, synthPlatform } from './support/platform.js';

/**
 * The platform chart and the objects the operator derives meet through labels and port names; these
 * tests hold the two sides together so a rename on either side fails here instead of in a cluster.
 */
const choices: [string, PlatformChartProps, RenderOptions][] = [
  ['istio router', {}, { routes: 'istio', mesh: true }],
  ['gateway-api router in the mesh', { trafficRouter: 'gateway-api' }, { routes: 'gateway-api', mesh: true }],
  [
    'gateway-api router without Istio',
    { trafficRouter: 'gateway-api', istio: false },
    { routes: 'gateway-api', mesh: false },
  ],
  ['replica-ratio router without Istio', { istio: false }, { routes: 'none', mesh: false }],
];

describe.each(choices)('platform chart ↔ derived agent objects, %s', (_name, props, options) => {
  const { objects: platform } = synthPlatform(props);
  const agents = readAgentSet(repoPath('examples'));
  const derived = agents.aimodels.flatMap((aimodel) => {
    const versions = agents.versions.filter((v) => v.spec.modelRef.name === aimodel.metadata.name);
    // Two versions, so per-version objects (and HTTPRoute backends) exist for more than one.
    const running = versions.slice(0, 2);
    const traffic = running.map((v, i) => ({ version: v.spec.version, weight: i === 0 ? 100 : 0 }));
    return render(
      { ...aimodel, metadata: { namespace: 'suoke-ai', ...aimodel.metadata, uid: 'u' } },
      running,
      traffic,
      options,
    );
  }) as {
    kind: string;
    metadata: { name: string; namespace?: string; labels?: Record<string, string> };
    spec?: any;
  }[];
  const matches = (selector: Record<string, string>, labels: Record<string, string> = {}) =>
    Object.entries(selector).every(([k, v]) => labels[k] === v);

  it('the runtime ServiceMonitor scrapes each model through exactly one Service, on its metrics port', () => {
    const monitor = find(platform, 'ServiceMonitor', 'suoke-agent-runtime');
    const port = monitor.spec.endpoints[0].port;
    // A Service is scraped when the monitor selects it and it has the port: each pod must be in one only.
    const scraped = derived.filter(
      (o) =>
        o.kind === 'Service' &&
        matches(monitor.spec.selector.matchLabels, o.metadata.labels) &&
        o.spec.ports.some((p: { name: string }) => p.name === port),
    );
    expect(scraped.map((s) => s.metadata.name).sort()).toEqual(
      agents.aimodels.map((m) => m.metadata.name).sort(),
    );
    for (const service of scraped) {
      expect(monitor.spec.namespaceSelector.matchNames).toContain(service.metadata.namespace);
    }
  });

  it('the runtime ServiceMonitor scrapes every runtime pod', () => {
    const monitor = find(platform, 'ServiceMonitor', 'suoke-agent-runtime');
    const port = monitor.spec.endpoints[0].port;
    const scraped = derived.filter(
      (o) =>
        o.kind === 'Service' &&
        matches(monitor.spec.selector.matchLabels, o.metadata.labels) &&
        o.spec.ports.some((p: { name: string }) => p.name === port),
    );
    const deployments = derived.filter((o) => o.kind === 'Deployment');
    expect(deployments.length).toBeGreaterThan(agents.aimodels.length);
    for (const d of deployments) {
      const podLabels = d.spec.template.metadata.labels as Record<string, string>;
      expect([d.metadata.name, scraped.filter((s) => matches(s.spec.selector, podLabels)).length]).toEqual([
        d.metadata.name,
        1,
      ]);
    }
  });

  it("Redis admits every agent's runtime pods", () => {
    const policy = find(platform, 'NetworkPolicy', 'suoke-redis');
    const podSelector = policy.spec.ingress[0].from[0].podSelector.matchLabels as Record<string, string>;
    const deployments = derived.filter((o) => o.kind === 'Deployment');
    expect(deployments.length).toBeGreaterThan(0);
    for (const d of deployments) {
      expect([
        d.metadata.name,
        d.metadata.namespace,
        matches(podSelector, d.spec.template.metadata.labels),
      ]).toEqual([d.metadata.name, policy.metadata.namespace, true]);
    }
  });

  it("each agent's HPA asks for a custom metric the Prometheus Adapter serves", () => {
    const adapter = find(platform, 'ConfigMap', 'prometheus-adapter', 'monitoring');
    const served = [...adapter.data['config.yaml'].matchAll(/as: (\S+)/g)].map((m) => m[1]);
    const asked = derived
      .filter((o) => o.kind === 'HorizontalPodAutoscaler')
      .flatMap((h) => h.spec.metrics.filter((m: { type: string }) => m.type === 'Pods'))
      .map((m: { pods: { metric: { name: string } } }) => m.pods.metric.name);
    expect(asked.length).toBeGreaterThan(0);
    expect(new Set(asked).size).toBe(agents.aimodels.length);
    for (const name of asked) expect(served).toContain(name);
  });
});
