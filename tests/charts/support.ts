/** Inputs and helpers shared by the chart tests: the declared agents of examples/, as the operator reads them. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AIModel, ModelVersion } from '../../crds/api/index.js';
import { firstVersions, readAgentSet, type AgentSet } from '../../charts-ts/charts/agents-chart.js';
import type { KubeObject } from '../../charts-ts/render.js';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const NAMESPACE = 'suoke-ai';

let cached: AgentSet | undefined;
export function agentSet(): AgentSet {
  cached ??= readAgentSet(join(REPO_ROOT, 'examples'));
  return cached;
}

/** An example AIModel as read back from the API server: namespaced, with a uid. */
export function aimodel(name: string): AIModel {
  const found = agentSet().aimodels.find((m) => m.metadata.name === name);
  if (found === undefined) throw new Error(`no example AIModel '${name}'`);
  return structuredClone({
    ...found,
    metadata: { ...found.metadata, namespace: NAMESPACE, uid: `uid-${name}` },
  });
}

/** An example ModelVersion by object name (e.g. 'xiaoai-v2'). */
export function modelVersion(objectName: string): ModelVersion {
  const found = agentSet().versions.find((v) => v.metadata.name === objectName);
  if (found === undefined) throw new Error(`no example ModelVersion '${objectName}'`);
  return structuredClone({ ...found, metadata: { ...found.metadata, namespace: NAMESPACE } });
}

/** The first version of an example AIModel. */
export function firstVersion(model: string): ModelVersion {
  const found = firstVersions(agentSet()).get(model);
  if (found === undefined) throw new Error(`no ModelVersion for '${model}'`);
  return structuredClone(found);
}

export const AGENTS = ['xiaoai', 'xiaoke', 'laoke', 'soer'] as const;

export function find(objects: readonly KubeObject[], kind: string, name: string): any {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (found === undefined) {
    throw new Error(
      `no ${kind}/${name} among ${objects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`,
    );
  }
  return found;
}

/** A minimal valid AIModel for targeted tests, with overrides of its spec. */
export function minimalModel(spec: Partial<AIModel['spec']> = {}, name = 'demo'): AIModel {
  return {
    apiVersion: 'ai.suoke.life/v1alpha1',
    kind: 'AIModel',
    metadata: { name, namespace: NAMESPACE, uid: `uid-${name}` },
    spec: {
      agent: { name },
      framework: 'custom',
      engine: { image: 'ghcr.io/example/engine:1.0.0' },
      scaling: { minReplicas: 2, maxReplicas: 6, cpuUtilization: 70 },
      ...spec,
    },
  };
}

export function minimalVersion(version: string, model = 'demo'): ModelVersion {
  return {
    apiVersion: 'ai.suoke.life/v1alpha1',
    kind: 'ModelVersion',
    metadata: { name: `${model}-${version}`, namespace: NAMESPACE },
    spec: {
      modelRef: { name: model },
      version,
      artifact: { uri: `oci://registry.example.com/demo:${version}` },
    },
  };
}
