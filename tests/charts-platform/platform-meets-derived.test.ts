import { readAgentSet } from '../../charts-ts/charts/agents-chart.js';
import { repoPath } from '../../charts-ts/constructs/repo-path.js';
import { render } from '../../charts-ts/render.js';
import { find, synthPlatform } from './support/platform.js';

/**
 * The platform chart and the objects the operator derives meet through labels and port names; these
 * tests hold the two sides together so a rename on either side fails here instead of in a cluster.
 */
describe('platform chart ↔ derived agent objects', () => {
  const { objects: platform } = synthPlatform();
  const agents = readAgentSet(repoPath('examples'));
  const derived = agents.aimodels.flatMap((aimodel) => {
    const versions = agents.versions.filter((v) => v.spec.modelRef.name === aimodel.metadata.name);
    const traffic = versions.slice(0, 1).map((v) => ({ version: v.spec.version, weight: 100 }));
    return render(
      { ...aimodel, metadata: { namespace: 'suoke-ai', ...aimodel.metadata, uid: 'u' } },
      versions,
      traffic,
    );
  }) as {
    kind: string;
    metadata: { name: string; namespace?: string; labels?: Record<string, string> };
    spec?: any;
  }[];
  const matches = (selector: Record<string, string>, labels: Record<string, string> = {}) =>
    Object.entries(selector).every(([k, v]) => labels[k] === v);

  it('the runtime ServiceMonitor selects every per-model Service, on its port named http', () => {
    const monitor = find(platform, 'ServiceMonitor', 'suoke-agent-runtime');
    const services = derived.filter((o) => o.kind === 'Service');
    expect(services.length).toBeGreaterThan(0);
    expect(services.length).toBe(agents.aimodels.length);
    for (const service of services) {
      expect([
        service.metadata.name,
        matches(monitor.spec.selector.matchLabels, service.metadata.labels),
      ]).toEqual([service.metadata.name, true]);
      expect(monitor.spec.namespaceSelector.matchNames).toContain(service.metadata.namespace);
      expect(service.spec.ports.map((p: { name: string }) => p.name)).toContain(
        monitor.spec.endpoints[0].port,
      );
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
