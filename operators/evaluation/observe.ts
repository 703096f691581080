/**
 * What the ModelVersion controller sees of an evaluation, from the informer caches (no request):
 * the Job of the run status says is Running, its pod's result, and what makes a run impossible
 * before any Job can run (the judge AIModel is missing).
 *
 * A Job has finished when its Complete or Failed condition is True; its result is the termination
 * message of its pod's `eval` container, which the evaluation program writes (runtime/eval/result.ts).
 * The Job's status and the pod's come through two watches, in either order: a finished Job whose pod
 * is still there but has not reported its container's end yet is still Running here (the pod's status
 * is on its way, and its arrival queues the version), so a result is never missed for a race.
 * A finished Job without a result (its deadline passed, the program crashed, the pod is gone) is
 * reported with why, naming the Job, so the rollout holds with a message a person can act on.
 */
import { EVALUATION_CONTAINER } from '../../charts-ts/constructs/evaluation-job.js';
import type { EvaluationRunStatus } from '../../crds/api/index.js';
import { decodeResult } from '../../runtime/eval/result.js';
import type { ObjectReader } from '../kit/cluster-client.js';
import type { KubeObject } from '../kit/resource.js';
import { AIMODEL, JOB, POD } from '../kinds.js';
import type { EffectiveEvaluation, EvaluationObservation, Observations } from '../rollout/types.js';

/** Labels the Job controller puts on a Job's pods: the current one, and the one before Kubernetes 1.27. */
export const JOB_NAME_LABELS = ['batch.kubernetes.io/job-name', 'job-name'] as const;

interface JobCondition {
  readonly type?: string;
  readonly status?: string;
  readonly reason?: string;
  readonly message?: string;
}

/** How a Job ended. */
export interface JobEnd {
  readonly type: 'Complete' | 'Failed';
  readonly reason?: string;
  readonly message?: string;
}

/** The Job's Complete or Failed condition (status True); undefined while it runs. */
export function jobEnd(job: KubeObject): JobEnd | undefined {
  const conditions = ((job.status as { conditions?: JobCondition[] } | undefined)?.conditions ?? []).filter(
    (c) => c.status === 'True' && (c.type === 'Complete' || c.type === 'Failed'),
  );
  const end = conditions[0];
  if (end === undefined) return undefined;
  return {
    type: end.type as JobEnd['type'],
    ...(end.reason ? { reason: end.reason } : {}),
    ...(end.message ? { message: end.message } : {}),
  };
}

/** How the `eval` container of a pod ended. */
export interface Termination {
  readonly exitCode?: number;
  readonly reason?: string;
  /** The termination message (the result), when it wrote one. */
  readonly message?: string;
}

/** The `eval` container's termination in `pod`; undefined while it has not terminated. */
export function evalTermination(pod: KubeObject): Termination | undefined {
  const statuses =
    (
      pod.status as
        | {
            containerStatuses?: Array<{
              name?: string;
              state?: { terminated?: { exitCode?: number; reason?: string; message?: string } };
            }>;
          }
        | undefined
    )?.containerStatuses ?? [];
  const terminated = statuses.find((s) => s.name === EVALUATION_CONTAINER)?.state?.terminated;
  if (terminated === undefined) return undefined;
  const message = terminated.message?.trim();
  return {
    ...(terminated.exitCode === undefined ? {} : { exitCode: terminated.exitCode }),
    ...(terminated.reason ? { reason: terminated.reason } : {}),
    ...(message ? { message } : {}),
  };
}

/** The Job a pod belongs to, by the Job controller's label. */
export function jobNameOfPod(pod: KubeObject): string | undefined {
  for (const label of JOB_NAME_LABELS) {
    const name = pod.metadata.labels?.[label];
    if (name) return name;
  }
  return undefined;
}

/** True when `uid` (a ModelVersion's) is the Job's controller. */
export function ownedBy(job: KubeObject, uid: string | undefined): boolean {
  return (job.metadata.ownerReferences ?? []).some((r) => r.controller === true && r.uid === uid);
}

/**
 * The observation of the Job named `jobName`, given the Job as cached (undefined: there is none) and
 * its pods: Running, Finished with the decoded result, or Finished with why there is none.
 */
export function observeJob(
  jobName: string,
  job: KubeObject | undefined,
  pods: readonly KubeObject[],
): EvaluationObservation | undefined {
  if (job === undefined) return undefined;
  const end = jobEnd(job);
  if (end === undefined) return { job: jobName, state: 'Running' };
  const newestFirst = [...pods].sort((a, b) =>
    String(b.metadata.creationTimestamp ?? '').localeCompare(String(a.metadata.creationTimestamp ?? '')),
  );
  const ended = newestFirst
    .map((pod) => ({ pod, termination: evalTermination(pod) }))
    .filter((p): p is { pod: KubeObject; termination: Termination } => p.termination !== undefined);
  const withResult = ended.find((p) => p.termination.message !== undefined);
  if (withResult !== undefined) {
    const decoded = decodeResult(withResult.termination.message ?? '');
    if ('invalid' in decoded) {
      return {
        job: jobName,
        state: 'Finished',
        failure: `Job ${jobName}: the termination message of pod ${withResult.pod.metadata.name ?? ''} is not a result: ${decoded.invalid}`,
      };
    }
    return { job: jobName, state: 'Finished', result: decoded };
  }
  // Its pod's end has not reached the cache yet: the Job's status came first.
  if (ended.length === 0 && newestFirst.some((pod) => pod.metadata.deletionTimestamp === undefined)) {
    return { job: jobName, state: 'Running' };
  }
  return { job: jobName, state: 'Finished', failure: withoutResult(jobName, end, ended[0]?.termination) };
}

/** Why a finished Job left no result, e.g. `Job soer-v2-eval-pre-1 failed: DeadlineExceeded: …`. */
function withoutResult(jobName: string, end: JobEnd, termination: Termination | undefined): string {
  const how =
    end.type === 'Failed'
      ? `Job ${jobName} failed${end.reason === undefined ? '' : `: ${end.reason}`}${end.message === undefined ? '' : `: ${end.message}`}`
      : `Job ${jobName} completed`;
  const pod =
    termination === undefined
      ? 'it has no pod left to read a result from'
      : `its ${EVALUATION_CONTAINER} container ended${termination.exitCode === undefined ? '' : ` with exit code ${termination.exitCode}`}${termination.reason === undefined ? '' : ` (${termination.reason})`} without writing a result`;
  return `${how}; ${pod}; see its logs (kubectl logs job/${jobName})`;
}

/** The observation of the run status says is Running, read from the caches; none without such a run. */
export async function observeRunningEvaluation(
  reader: ObjectReader,
  namespace: string,
  versionUid: string | undefined,
  running: EvaluationRunStatus | undefined,
): Promise<EvaluationObservation | undefined> {
  if (running === undefined) return undefined;
  const job = await reader.get<KubeObject>(JOB, namespace, running.job);
  // A namesake of another ModelVersion (an earlier one of the same name, not yet collected) is not this run's.
  if (job === undefined || !ownedBy(job, versionUid)) return undefined;
  const pods = new Map<string, KubeObject>();
  for (const label of JOB_NAME_LABELS) {
    for (const pod of await reader.list<KubeObject>(POD, namespace, { labels: { [label]: running.job } })) {
      pods.set(pod.metadata.uid ?? pod.metadata.name ?? '', pod);
    }
  }
  return observeJob(running.job, job, [...pods.values()]);
}

/**
 * What makes the evaluation impossible before any Job runs: a judge AIModel that does not exist in
 * the namespace. `declaredOnVersion` says whose field names it (the ModelVersion's
 * spec.promotion.evaluation, or the AIModel's spec.rollout.evaluation it inherits).
 */
export async function evaluationProblemOf(
  reader: ObjectReader,
  namespace: string,
  evaluation: EffectiveEvaluation | undefined,
  declaredOnVersion: boolean,
): Promise<Observations['evaluationProblem']> {
  const judge = evaluation?.judgeModel;
  if (judge === undefined) return undefined;
  if ((await reader.get(AIMODEL, namespace, judge)) !== undefined) return undefined;
  return {
    field: declaredOnVersion
      ? 'spec.promotion.evaluation.judge.modelRef.name'
      : 'AIModel spec.rollout.evaluation.judge.modelRef.name',
    message: `AIModel ${judge} does not exist in ${namespace}; create it or fix the name`,
  };
}
