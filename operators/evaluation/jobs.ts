/**
 * The evaluation Jobs of one ModelVersion, brought in line with its rollout state after the status
 * write (so a Job exists only for a run status records): the Job of the run that is Running is
 * created when the cache has none, and any other Job of the version that has not finished is deleted
 * (the rollout left that run: an abort, a newer version, a new attempt). Finished Jobs stay, with
 * their logs, and go with the ModelVersion (owner garbage collection).
 *
 * Reads come from the caches, so a pass with nothing to change sends nothing. A refused creation is
 * reported as a Warning Event on the ModelVersion and thrown, so the controller retries it with
 * backoff: a 403 is usually the operator's RBAC or a policy (Pod Security, a quota); a 422 means the
 * operator rendered a Job the API server finds invalid, a defect, and the Event says so.
 */
import { renderEvaluationJob } from '../../charts-ts/constructs/evaluation-job.js';
import { REASONS, type AIModel, type EvaluationRunStatus, type ModelVersion } from '../../crds/api/index.js';
import { ApiError, isConflict, isNotFound } from '../kit/client.js';
import type { ClusterClient } from '../kit/cluster-client.js';
import type { EventRecorder } from '../kit/events.js';
import { silentLogger, type Logger } from '../kit/logger.js';
import type { KubeObject } from '../kit/resource.js';
import { JOB } from '../kinds.js';
import { runningRun } from '../rollout/evaluation-runs.js';
import type { EffectiveEvaluation, Observations, RolloutState } from '../rollout/types.js';
import { jobEnd, ownedBy } from './observe.js';

export interface EvaluationJobsDeps {
  /** Reads from the informer caches, writes to the API server. */
  readonly client: ClusterClient;
  readonly events: EventRecorder;
  /** @default silentLogger */
  readonly logger?: Logger;
}

/** What the Jobs of a version are brought in line with. */
export interface EvaluationJobsTarget {
  /** The ModelVersion as read (metadata.name, uid and namespace). */
  readonly version: ModelVersion & KubeObject;
  readonly aimodel: AIModel & KubeObject;
  /** The state just written to status. */
  readonly state: RolloutState;
  /** The effective evaluation; a Running run without one cannot happen (decide starts none). */
  readonly evaluation?: EffectiveEvaluation;
  /** The pods run in an Istio mesh (`--mesh=istio`). */
  readonly mesh: boolean;
  /** A problem decide() turns into an Invalid run: no Job is created for a run that cannot succeed. */
  readonly problem?: Observations['evaluationProblem'];
}

/** Creates the running run's Job when missing and deletes the version's other unfinished Jobs. */
export async function syncEvaluationJobs(
  deps: EvaluationJobsDeps,
  target: EvaluationJobsTarget,
): Promise<void> {
  const { client } = deps;
  const log = deps.logger ?? silentLogger;
  const mv = target.version;
  const namespace = mv.metadata.namespace ?? '';
  const running = runningRun(target.state);
  const own = await client.list<KubeObject>(JOB, namespace, { ownerUid: mv.metadata.uid ?? '' });
  for (const job of own) {
    const name = job.metadata.name ?? '';
    if (name === running?.job || !ownedBy(job, mv.metadata.uid)) continue;
    if (jobEnd(job) !== undefined || job.metadata.deletionTimestamp !== undefined) continue;
    try {
      await client.delete(JOB, namespace, name, {
        propagationPolicy: 'Background',
        ...(job.metadata.uid === undefined ? {} : { uid: job.metadata.uid }),
      });
      log.info(
        { modelVersion: mv.metadata.name, job: name },
        'evaluation Job deleted: its run no longer counts',
      );
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  if (running === undefined || target.problem !== undefined || target.evaluation === undefined) return;
  if ((await client.get(JOB, namespace, running.job)) !== undefined) return;
  await createJob(deps, target, running, log);
}

/** Renders and creates the Job of `run`; its stable is the one the run records (decide() chose it). */
async function createJob(
  deps: EvaluationJobsDeps,
  target: EvaluationJobsTarget,
  run: EvaluationRunStatus,
  log: Logger,
): Promise<void> {
  const { gate, attempt, job: name, stableVersion } = run;
  const mv = target.version;
  const where = `evaluation Job ${mv.metadata.namespace ?? ''}/${name} of ModelVersion ${mv.metadata.name ?? ''}`;
  let job: KubeObject;
  try {
    job = renderEvaluationJob({
      aimodel: target.aimodel,
      version: mv,
      evaluation: (target.evaluation as EffectiveEvaluation).spec,
      gate,
      attempt,
      ...(stableVersion === undefined ? {} : { stableVersion }),
      mesh: target.mesh,
    }) as unknown as KubeObject;
    if (job.metadata.name !== name) {
      throw new Error(
        `rendered as ${job.metadata.name ?? '(no name)'}, but status names the run's Job ${name}`,
      );
    }
  } catch (error) {
    const message = `${where} cannot be rendered: ${(error as Error).message}`;
    await warn(deps, mv, REASONS.RenderFailed, message);
    throw new Error(message, { cause: error });
  }
  try {
    await deps.client.create(JOB, job);
    log.info({ modelVersion: mv.metadata.name, job: name, gate, attempt }, 'evaluation Job created');
  } catch (error) {
    // Created by an earlier pass the cache has not caught up with: its watch event is on the way.
    if (isConflict(error)) return;
    const message = refusal(where, error);
    await warn(deps, mv, REASONS.ApplyFailed, message);
    throw new Error(message, { cause: error });
  }
}

/** Why the API server refused the Job, and what to do about it. */
function refusal(where: string, error: unknown): string {
  const said = (error as Error).message;
  if (!(error instanceof ApiError)) return `creating ${where} failed: ${said}; retrying`;
  if (error.statusCode === 422) {
    // The causes name the fields; the message usually does too, and then says enough.
    const fields = invalidFields(error.body).filter((f) => !said.includes(f));
    return (
      `the API server refused ${where} as invalid${fields.length === 0 ? '' : ` (${fields.join('; ')})`}: ${said}; ` +
      `the operator rendered the Job wrong, which is a defect: please report it with the ModelVersion's spec.promotion.evaluation`
    );
  }
  if (error.statusCode === 403) {
    return (
      `the API server forbade creating ${where}: ${said}; the operator's ServiceAccount needs create on ` +
      `batch jobs in this namespace, or a policy (Pod Security, a ResourceQuota) refuses the Job; retrying`
    );
  }
  return `creating ${where} failed: ${said}; retrying`;
}

/** `field: message` of each cause of a 422 Status. */
function invalidFields(body: unknown): string[] {
  const causes =
    (body as { details?: { causes?: Array<{ field?: string; message?: string }> } } | undefined)?.details
      ?.causes ?? [];
  return causes
    .filter((c) => c.field !== undefined)
    .map((c) => `${c.field ?? ''}${c.message === undefined ? '' : `: ${c.message}`}`);
}

async function warn(deps: EvaluationJobsDeps, mv: KubeObject, reason: string, note: string): Promise<void> {
  await deps.events.record(mv, { type: 'Warning', reason, action: 'Evaluate', note });
}
