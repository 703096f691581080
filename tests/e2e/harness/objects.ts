/**
 * The declared objects of the end-to-end scenarios: one AIModel served by the runtime in front of
 * a stub engine, and its ModelVersions with short promotion policies so a rollout takes seconds.
 */
import type { KubeObject } from './kube.js';

/** A promotion policy as in ModelVersion.spec.promotion (see crds/api/promotion.ts). */
export type Promotion = Record<string, unknown>;

/**
 * @param spec more AIModel spec fields, e.g. `{ runtime: { redis: env.runtimeRedis() } }`
 */
export function aiModel(
  namespace: string,
  name: string,
  rollout: Promotion,
  spec: Record<string, unknown> = {},
): KubeObject {
  return {
    apiVersion: 'ai.suoke.life/v1alpha1',
    kind: 'AIModel',
    metadata: { name, namespace },
    spec: {
      agent: { name },
      framework: 'onnx',
      engine: { image: 'ghcr.io/suoke-life/stub-engine:1.0.0', modelName: `${name}-engine` },
      scaling: { minReplicas: 1, maxReplicas: 2, cpuUtilization: 70 },
      rollout,
      ...spec,
    },
  };
}

export function modelVersion(
  namespace: string,
  model: string,
  version: string,
  promotion?: Promotion,
): KubeObject {
  return {
    apiVersion: 'ai.suoke.life/v1alpha1',
    kind: 'ModelVersion',
    metadata: { name: `${model}-${version}`, namespace },
    spec: {
      modelRef: { name: model },
      version,
      artifact: { uri: `hf://suoke-life/${model}@${version}`, format: 'onnx' },
      ...(promotion === undefined ? {} : { promotion }),
    },
  };
}

/** A ConfigMap, e.g. a golden set under `cases.yaml` for an evaluation's `dataset.configMapRef`. */
export function configMap(namespace: string, name: string, data: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data };
}
