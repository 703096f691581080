import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { PREVIEW_UID, synthesize, writeDist } from '../../charts-ts/synth.js';
import { AGENTS, REPO_ROOT } from './support.js';

function tree(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(root, path), readFileSync(path, 'utf8'));
    }
  };
  walk(root);
  return out;
}

const objectsOf = (content: string) => parseAllDocuments(content).map((d) => d.toJS() as any);

describe('npm run synth', () => {
  it('dist/ is fresh: a new synth into a temporary folder gives the same files, byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'synth-'));
    try {
      writeDist(dir);
      const fresh = tree(dir);
      const committed = tree(join(REPO_ROOT, 'dist'));
      expect(fresh.size).toBeGreaterThan(0);
      expect([...committed.keys()]).toEqual([...fresh.keys()]);
      for (const [file, content] of fresh) {
        // On failure: run `npm run synth` and commit dist/.
        expect({ file, stale: committed.get(file) !== content }).toEqual({ file, stale: false });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes one file per chart and a preview per agent', () => {
    expect([...synthesize().keys()]).toEqual([
      'agents.yaml',
      'platform.yaml',
      ...AGENTS.map((a) => `preview/gateway-api/${a}.yaml`).sort(),
      ...AGENTS.map((a) => `preview/${a}.yaml`).sort(),
    ]);
  });

  it('the agents chart declares the AIModels and their first versions only, never derived objects', () => {
    const objects = objectsOf(synthesize().get('agents.yaml') ?? '');
    const kinds = new Set(objects.map((o) => o.kind));
    expect([...kinds].sort()).toEqual(['AIModel', 'ConfigMap', 'ModelRegistry', 'ModelVersion']);
    expect(objects.filter((o) => o.kind === 'AIModel').map((o) => o.metadata.name)).toEqual(
      AGENTS.slice().sort(),
    );
    // xiaoai-v2 is a rollout a model owner starts, not Git's baseline.
    expect(objects.filter((o) => o.kind === 'ModelVersion').map((o) => o.metadata.name)).not.toContain(
      'xiaoai-v2',
    );
    for (const object of objects) {
      expect(object.metadata.namespace).toBe('suoke-ai');
      expect(object.metadata.annotations['argocd.argoproj.io/sync-options']).toBe(
        'SkipDryRunOnMissingResource=true',
      );
    }
  });

  it("points every AIModel at the Redis the platform chart renders, with the platform's password Secret", () => {
    const files = synthesize();
    const platform = objectsOf(files.get('platform.yaml') ?? '');
    const statefulSets = platform.filter((o) => o.kind === 'StatefulSet' && /redis/.test(o.metadata.name));
    expect(statefulSets).toHaveLength(1);
    const redis = statefulSets[0];
    const service = platform.find(
      (o) =>
        o.kind === 'Service' &&
        o.metadata.namespace === redis.metadata.namespace &&
        o.spec.clusterIP !== 'None' &&
        Object.entries(o.spec.selector ?? {}).every(([k, v]) => redis.spec.template.metadata.labels[k] === v),
    );
    const port = service.spec.ports.find((p: any) => p.name === 'tcp-redis').port;
    const passwordRef = redis.spec.template.spec.containers
      .find((c: any) => c.name === 'redis')
      .env.find((e: any) => e.name === 'REDIS_PASSWORD').valueFrom.secretKeyRef;
    const aimodels = objectsOf(files.get('agents.yaml') ?? '').filter((o) => o.kind === 'AIModel');
    expect(aimodels).toHaveLength(AGENTS.length);
    for (const aimodel of aimodels) {
      // Same namespace as Redis, so the runtime can mount the password Secret.
      expect(aimodel.metadata.namespace).toBe(redis.metadata.namespace);
      expect({ name: aimodel.metadata.name, redis: aimodel.spec.runtime.redis }).toEqual({
        name: aimodel.metadata.name,
        redis: {
          mode: 'standalone',
          url: `redis://${service.metadata.name}.${service.metadata.namespace}.svc:${port}`,
          passwordSecretRef: { name: passwordRef.name, key: passwordRef.key },
        },
      });
    }
  });

  it('ships the persona ConfigMap, with its key, of every AIModel that names one', () => {
    const objects = objectsOf(synthesize().get('agents.yaml') ?? '');
    const configMaps = new Map(
      objects.filter((o) => o.kind === 'ConfigMap').map((o) => [o.metadata.name, o] as const),
    );
    const aimodels = objects.filter((o) => o.kind === 'AIModel');
    expect(aimodels).toHaveLength(AGENTS.length);
    for (const aimodel of aimodels) {
      const ref = aimodel.spec.agent.systemPromptRef;
      expect({ agent: aimodel.metadata.name, kind: ref.kind ?? 'ConfigMap' }).toEqual({
        agent: aimodel.metadata.name,
        kind: 'ConfigMap',
      });
      const configMap = configMaps.get(ref.name);
      expect(configMap?.metadata.namespace).toBe(aimodel.metadata.namespace);
      const prompt: string = configMap?.data[ref.key ?? 'system-prompt.txt'] ?? '';
      // Health data: every persona says it is not a doctor and refers people to professionals.
      expect(prompt).toMatch(/not a doctor/);
      expect(prompt).toMatch(/professional/);
      expect(prompt).toMatch(/emergency\s+services/);
    }
    expect(configMaps.size).toBe(aimodels.length);
  });

  it('points the AIModels at the Gateway the platform chart renders', () => {
    const files = synthesize();
    const gateways = objectsOf(files.get('platform.yaml') ?? '').filter((o) => o.kind === 'Gateway');
    expect(gateways).toHaveLength(1);
    const ref = `${gateways[0].metadata.namespace}/${gateways[0].metadata.name}`;
    const named = objectsOf(files.get('agents.yaml') ?? '')
      .filter((o) => o.kind === 'AIModel')
      .flatMap((aimodel) => aimodel.spec.traffic?.gateways ?? []);
    expect(named.length).toBeGreaterThan(0);
    for (const gateway of named) expect(gateway).toBe(ref);
    const hosts = gateways[0].spec.servers.flatMap((s: any) => s.hosts);
    expect(hosts).toEqual(expect.arrayContaining(['xiaoai.suoke.life', 'xiaoke.suoke.life']));
  });

  it('has the Prometheus Adapter serve every custom metric the agents scale on', () => {
    const files = synthesize();
    const adapterConfig = objectsOf(files.get('platform.yaml') ?? '')
      .filter((o) => o.kind === 'ConfigMap')
      .map((o) => Object.values(o.data ?? {}).join('\n'))
      .join('\n');
    const metrics = objectsOf(files.get('agents.yaml') ?? '')
      .filter((o) => o.kind === 'AIModel')
      .flatMap((m) => (m.spec.scaling?.customMetrics ?? []).map((c: any) => c.name));
    expect(metrics).toHaveLength(4);
    for (const metric of metrics) expect(adapterConfig).toContain(`as: ${metric}`);
  });

  it('previews what the Gateway API router derives: an HTTPRoute over per-version Services, no Istio object', () => {
    const files = synthesize();
    for (const agent of AGENTS) {
      const content = files.get(`preview/gateway-api/${agent}.yaml`) ?? '';
      expect(content).toMatch(
        /^# .*\n# What the operator derives for AIModel .*\n# with --traffic-router=gateway-api/,
      );
      const objects = objectsOf(content);
      expect(objects.filter((o) => o.apiVersion.includes('istio.io'))).toEqual([]);
      const routes = objects.filter((o) => o.kind === 'HTTPRoute');
      expect(routes.map((o) => o.metadata.name)).toEqual([agent]);
      const backends = routes[0].spec.rules.flatMap((r: any) => r.backendRefs.map((b: any) => b.name));
      const services = objects.filter((o) => o.kind === 'Service').map((o) => o.metadata.name);
      for (const backend of backends) expect(services).toContain(backend);
      // The Istio preview of the same agent holds the same workload, but for session affinity, which
      // only the Istio routes give (a route per version for a forwarded turn).
      const istio = objectsOf(files.get(`preview/${agent}.yaml`) ?? '');
      const gatewayDeployment = objects.find((o) => o.kind === 'Deployment');
      const istioDeployment = istio.find((o) => o.kind === 'Deployment');
      const sessionEnv = (d: any) =>
        d.spec.template.spec.containers[0].env.filter((e: any) => /^SESSION_(AFFINITY|FORWARD)/.test(e.name));
      expect(sessionEnv(gatewayDeployment)).toEqual([]);
      expect(sessionEnv(istioDeployment).map((e: any) => e.name)).toEqual([
        'SESSION_AFFINITY',
        'SESSION_AFFINITY_HEADER',
        'SESSION_FORWARD_URL',
      ]);
      for (const c of istioDeployment.spec.template.spec.containers) {
        c.env = c.env?.filter((e: any) => !/^SESSION_(AFFINITY|FORWARD)/.test(e.name));
      }
      expect(gatewayDeployment).toEqual(istioDeployment);
    }
  });

  it('previews what render() derives for each agent, owned by its AIModel', () => {
    const preview = objectsOf(synthesize().get('preview/laoke.yaml') ?? '');
    expect(preview.map((o) => o.kind)).toContain('Deployment');
    for (const object of preview) {
      expect(object.metadata.ownerReferences[0]).toMatchObject({
        kind: 'AIModel',
        name: 'laoke',
        uid: PREVIEW_UID,
      });
    }
  });
});
