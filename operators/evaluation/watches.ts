/**
 * What queues a ModelVersion from its evaluation Jobs and their pods (for its controller's
 * `watches`): a Job's end (its Complete or Failed condition) and a pod's end (its `eval` container
 * terminated, with or without a result, or the pod being deleted), mapped to the version that owns
 * the Job. Every other status change of a running Job or pod (a pod starting, a Job's active count)
 * concerns nobody. Adds and deletes always pass (a Job that appears, or is deleted by hand).
 */
import type { SharedInformers } from '../kit/informers.js';
import type { UpdatePredicate } from '../kit/predicates.js';
import type { Request } from '../kit/reconciler.js';
import type { KubeObject, ResourceType } from '../kit/resource.js';
import { JOB, MODEL_VERSION, POD } from '../kinds.js';
import { evalTermination, jobEnd, jobNameOfPod } from './observe.js';

/** A Job started or stopped being finished, or finished differently. */
export const jobEndChanged: UpdatePredicate = (old, obj) =>
  JSON.stringify(jobEnd(old) ?? null) !== JSON.stringify(jobEnd(obj) ?? null);

/** The pod's `eval` container ended (or its result changed), or the pod started to be deleted. */
export const podEndChanged: UpdatePredicate = (old, obj) =>
  JSON.stringify(evalTermination(old) ?? null) !== JSON.stringify(evalTermination(obj) ?? null) ||
  (old.metadata.deletionTimestamp === undefined) !== (obj.metadata.deletionTimestamp === undefined);

const versionApiVersion = `${MODEL_VERSION.group}/${MODEL_VERSION.version}`;

/** The ModelVersion whose evaluation `job` is (its controller owner reference). */
export function owningVersion(job: KubeObject): Request[] {
  return (job.metadata.ownerReferences ?? [])
    .filter(
      (r) => r.controller === true && r.kind === MODEL_VERSION.kind && r.apiVersion === versionApiVersion,
    )
    .map((r) => ({ namespace: job.metadata.namespace ?? '', name: r.name }));
}

/** The watches of the ModelVersion controller on evaluation Jobs and pods, read through `informers`. */
export function evaluationWatches(informers: SharedInformers): Array<{
  readonly resource: ResourceType;
  readonly map: (obj: KubeObject) => Request[];
  readonly predicate: UpdatePredicate;
}> {
  return [
    { resource: JOB, map: owningVersion, predicate: jobEndChanged },
    {
      resource: POD,
      map: (pod) => {
        const job = jobNameOfPod(pod);
        const cached = job === undefined ? undefined : informers.get(JOB, pod.metadata.namespace ?? '', job);
        return cached === undefined ? [] : owningVersion(cached);
      },
      predicate: podEndChanged,
    },
  ];
}
