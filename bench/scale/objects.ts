/**
 * What the scale benchmark creates: N copies of the soer example (examples/aimodels/soer.yaml) named
 * soer-0001…, each with its first version (examples/modelversions/soer-v1.yaml, modelRef adjusted).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { KubeObject } from '../../tests/support/fake-api-server/index.js';

export const AIMODEL_KIND = { apiVersion: 'ai.suoke.life/v1alpha1', kind: 'AIModel' } as const;
export const MODEL_VERSION_KIND = { apiVersion: 'ai.suoke.life/v1alpha1', kind: 'ModelVersion' } as const;
export const DEPLOYMENT_KIND = { apiVersion: 'apps/v1', kind: 'Deployment' } as const;

export const AIMODEL_EXAMPLE = 'examples/aimodels/soer.yaml';
export const MODEL_VERSION_EXAMPLE = 'examples/modelversions/soer-v1.yaml';

export interface Examples {
  readonly aimodel: KubeObject;
  readonly version: KubeObject;
}

export function loadExamples(root: string): Examples {
  const load = (file: string): KubeObject => parse(readFileSync(join(root, file), 'utf8')) as KubeObject;
  return { aimodel: load(AIMODEL_EXAMPLE), version: load(MODEL_VERSION_EXAMPLE) };
}

/** soer-0001, soer-0002, … (four digits at least, so names sort in creation order up to 9999). */
export function modelName(base: string, i: number): string {
  return `${base}-${String(i).padStart(4, '0')}`;
}

/** Copy `i` (1-based) of the AIModel example in `namespace`. */
export function aimodelCopy(examples: Examples, namespace: string, i: number): KubeObject {
  const copy = structuredClone(examples.aimodel);
  copy.metadata = { ...copy.metadata, name: modelName(examples.aimodel.metadata.name!, i), namespace };
  return copy;
}

/** Copy `i` of the first-version example, pointing at AIModel copy `i`. */
export function versionCopy(examples: Examples, namespace: string, i: number): KubeObject {
  const model = modelName(examples.aimodel.metadata.name!, i);
  const copy = structuredClone(examples.version);
  const spec = copy['spec'] as { modelRef: { name: string }; version: string };
  copy.metadata = { ...copy.metadata, name: `${model}-${spec.version}`, namespace };
  spec.modelRef = { ...spec.modelRef, name: model };
  return copy;
}

interface Condition {
  readonly type: string;
  readonly status: string;
}

/** Ready=True and a stable version; with `generation`, also observed at the AIModel's current generation. */
export function aimodelReady(model: KubeObject, current = false): boolean {
  const status = model['status'] as
    { stableVersion?: string; observedGeneration?: number; conditions?: Condition[] } | undefined;
  if (status?.stableVersion === undefined) return false;
  if (!(status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')) return false;
  return !current || status.observedGeneration === model.metadata.generation;
}

/** Some container of the Deployment's pod template has env `name` = `value`. */
export function templateHasEnv(deployment: KubeObject, name: string, value: string): boolean {
  const containers =
    (
      deployment['spec'] as
        | { template?: { spec?: { containers?: Array<{ env?: Array<{ name: string; value?: string }> }> } } }
        | undefined
    )?.template?.spec?.containers ?? [];
  return containers.some((c) => (c.env ?? []).some((e) => e.name === name && e.value === value));
}
