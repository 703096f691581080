/**
 * Every kind the controllers address by name, defined once: the project's own (from the API's
 * KINDS table, so a renamed plural changes here too) and the core kinds they read and write. The
 * kit's own kinds (Lease, Event) live with the kit (kit/resource.ts); the Istio kinds with their
 * router (traffic/istio.ts).
 */
import { GROUP, KINDS, VERSION } from '../crds/api/index.js';
import type { ResourceType } from './kit/resource.js';

const ours = (k: { readonly kind: string; readonly plural: string }): ResourceType =>
  Object.freeze({ group: GROUP, version: VERSION, kind: k.kind, plural: k.plural });

export const AIMODEL: ResourceType = ours(KINDS.AIModel);
export const MODEL_VERSION: ResourceType = ours(KINDS.ModelVersion);
export const MODEL_REGISTRY: ResourceType = ours(KINDS.ModelRegistry);

export const DEPLOYMENT: ResourceType = Object.freeze({
  group: 'apps',
  version: 'v1',
  kind: 'Deployment',
  plural: 'deployments',
});
export const SERVICE: ResourceType = Object.freeze({
  group: '',
  version: 'v1',
  kind: 'Service',
  plural: 'services',
});
export const SECRET: ResourceType = Object.freeze({
  group: '',
  version: 'v1',
  kind: 'Secret',
  plural: 'secrets',
});
/** Evaluation Jobs of ModelVersions (operators/evaluation). */
export const JOB: ResourceType = Object.freeze({
  group: 'batch',
  version: 'v1',
  kind: 'Job',
  plural: 'jobs',
});
/** The pods of evaluation Jobs: their termination message holds the run's result. */
export const POD: ResourceType = Object.freeze({
  group: '',
  version: 'v1',
  kind: 'Pod',
  plural: 'pods',
});
