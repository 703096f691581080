/** Schema validation of custom resources against their CRD (see README.md). */
import type { ResourceType } from './resource-registry.js';
import type { KubeObject } from './types.js';

export function validateCustomResource(
  _type: ResourceType,
  object: KubeObject,
  _old: KubeObject | undefined,
): KubeObject {
  return object;
}
