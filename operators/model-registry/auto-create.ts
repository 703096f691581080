/**
 * ModelVersions created for versions a registry discovered (`spec.sync.autoCreateVersions`).
 *
 * Names are deterministic, `<modelRef>-<version>` (e.g. `xiaoai-1.2.0`), so two operator replicas or a
 * retried reconcile converge on one object: a second create answers 409 AlreadyExists. A version that
 * already has a ModelVersion under any name (same modelRef and spec.version, e.g. applied by CI) is
 * never duplicated.
 *
 * Ownership: none. An auto-created ModelVersion is a declared object, exactly as if the model owner had
 * applied it, and is deliberately NOT owned by the ModelRegistry: garbage collection would delete every
 * version when the registry is deleted or re-created (a GitOps re-sync, a move to a new registry URL),
 * including the promoted one that serves production, which would tear down the stable workload. Nor is
 * it owned by the AIModel, for the same reason on an AIModel re-create. They carry labels instead, so
 * they are easy to find and clean up: `kubectl delete mv -l ai.suoke.life/registry=<name>`.
 */
import { createHash } from 'node:crypto';
import {
  API_VERSION,
  GROUP,
  LABEL_MODEL,
  LABEL_PART_OF,
  LABEL_VERSION,
  PART_OF,
  type DiscoveredVersion,
} from '../../crds/api/index.js';
import type { ModelRegistryObject, ModelVersionObject } from './resources.js';

/** Label on every ModelVersion the operator created from a registry. */
export const LABEL_AUTO_CREATED = `${GROUP}/auto-created`;
/** Label naming the ModelRegistry that discovered the version. */
export const LABEL_REGISTRY = `${GROUP}/registry`;
/** Annotation: the registry's model name and version the object was created for. */
export const ANNOTATION_SOURCE = `${GROUP}/source`;

/** `<modelRef>-<version>`; with a short hash suffix for the rare name taken by another version. */
export function modelVersionName(modelRef: string, version: string, disambiguate = false): string {
  const base = `${modelRef}-${version}`;
  if (!disambiguate) return base;
  return `${base}-${createHash('sha256').update(`${modelRef}\u0000${version}`).digest('hex').slice(0, 6)}`;
}

export function buildModelVersion(
  registry: ModelRegistryObject,
  modelRef: string,
  found: DiscoveredVersion,
  name: string,
): ModelVersionObject {
  return {
    apiVersion: API_VERSION,
    kind: 'ModelVersion',
    metadata: {
      name,
      namespace: registry.metadata.namespace,
      labels: {
        [LABEL_MODEL]: modelRef,
        [LABEL_VERSION]: found.version,
        [LABEL_AUTO_CREATED]: 'true',
        [LABEL_REGISTRY]: registry.metadata.name ?? '',
        [LABEL_PART_OF]: PART_OF,
      },
      annotations: {
        [ANNOTATION_SOURCE]: `ModelRegistry/${registry.metadata.name}: ${found.model}@${found.version}`,
      },
    },
    spec: {
      modelRef: { name: modelRef },
      version: found.version,
      artifact: { uri: found.uri, ...(found.digest ? { digest: found.digest } : {}) },
      changelog: `Discovered in ModelRegistry ${registry.metadata.name} (${found.model}) at ${found.discoveredAt}.`,
    },
  };
}
