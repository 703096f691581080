/** The wire shapes of the kinds the ModelRegistry controller reads and writes (the kinds: ../kinds.ts). */
import type {
  ModelRegistrySpec,
  ModelRegistryStatus,
  ModelVersionSpec,
  ModelVersionStatus,
} from '../../crds/api/index.js';
import type { KubeObject } from '../kit/resource.js';

/** A ModelRegistry as it travels over the wire (metadata as JSON). */
export type ModelRegistryObject = KubeObject & { spec: ModelRegistrySpec; status?: ModelRegistryStatus };
/** A ModelVersion as it travels over the wire. */
export type ModelVersionObject = KubeObject & { spec: ModelVersionSpec; status?: ModelVersionStatus };
