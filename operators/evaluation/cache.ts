/**
 * How evaluation Jobs and their pods are cached (see kit/informers.ts `configure`): filtered on the
 * server by the `ai.suoke.life/evaluation` label, so the operator never lists the namespace's other
 * Jobs and Pods, and trimmed to what the evaluation reads (metadata and status), so a fleet's finished
 * runs, kept until their ModelVersion goes, cost little memory.
 */
import { EVALUATION_LABEL } from '../../crds/api/labels.js';
import { stripUnread } from '../kit/informer.js';
import type { KindCacheOptions } from '../kit/informers.js';
import type { KubeObject } from '../kit/resource.js';

/** A Job as cached: its metadata (owner, labels) and status (conditions); the spec is never read. */
function jobView(job: KubeObject): KubeObject {
  const { apiVersion, kind, metadata, status } = stripUnread(job);
  return { apiVersion, kind, metadata, ...(status === undefined ? {} : { status }) };
}

/** A pod as cached: its metadata and each container's state (where the termination message is). */
function podView(pod: KubeObject): KubeObject {
  const { apiVersion, kind, metadata, status } = stripUnread(pod);
  const { phase, containerStatuses } = (status ?? {}) as {
    phase?: string;
    containerStatuses?: Array<{ name?: string; state?: unknown }>;
  };
  return {
    apiVersion,
    kind,
    metadata,
    status: {
      ...(phase === undefined ? {} : { phase }),
      ...(containerStatuses === undefined
        ? {}
        : { containerStatuses: containerStatuses.map(({ name, state }) => ({ name, state })) }),
    },
  };
}

export const EVALUATION_JOBS: KindCacheOptions = Object.freeze({
  labelSelector: EVALUATION_LABEL,
  transform: jobView,
});

export const EVALUATION_PODS: KindCacheOptions = Object.freeze({
  labelSelector: EVALUATION_LABEL,
  transform: podView,
});
