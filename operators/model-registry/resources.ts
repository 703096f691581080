import {
  GROUP,
  KINDS,
  VERSION,
  type ModelRegistrySpec,
  type ModelRegistryStatus,
  type ModelVersionSpec,
  type ModelVersionStatus,
} from '../../crds/api/index.js';
import type { KubeObject, ResourceType } from '../kit/resource.js';

export const MODEL_REGISTRY: ResourceType = {
  group: GROUP,
  version: VERSION,
  kind: KINDS.ModelRegistry.kind,
  plural: KINDS.ModelRegistry.plural,
};

export const MODEL_VERSION: ResourceType = {
  group: GROUP,
  version: VERSION,
  kind: KINDS.ModelVersion.kind,
  plural: KINDS.ModelVersion.plural,
};

export const SECRET: ResourceType = { group: '', version: 'v1', kind: 'Secret', plural: 'secrets' };

/** A ModelRegistry as it travels over the wire (metadata as JSON). */
export type ModelRegistryObject = KubeObject & { spec: ModelRegistrySpec; status?: ModelRegistryStatus };
/** A ModelVersion as it travels over the wire. */
export type ModelVersionObject = KubeObject & { spec: ModelVersionSpec; status?: ModelVersionStatus };
