/**
 * The ModelVersion reconciler: the I/O around the pure rollout logic. Each pass is the same ordered
 * steps, each returning early with its reason:
 *
 *   re-read → resolve the AIModel and the policy → observe (workload availability, the router's
 *   weights, whether the route is served, an analysis when one is due, the running evaluation's Job
 *   and result) → decide() → act (weights through the TrafficRouter) → write status (only when
 *   changed) → Events → clear a consumed action → evaluation Jobs (the running run's created, others
 *   deleted) → requeue at the next due time.
 *
 * Actions are performed before status is written: if the operator dies in between, the next pass
 * reads the old state and the new weights, and decide() completes the transition the router shows
 * (see decide.ts, "Restarts and idempotency"). The workloads themselves are the AIModel controller's:
 * it renders a version's Deployment while the version is Deploying … RollingBack (or stable, or kept
 * warm) and prunes it after, so writing the phase is what creates or removes it.
 *
 * Evaluation Jobs follow status, like the workloads: a Job is created only for a run status already
 * records as Running, so a restart between the two finds the run and creates its Job then, and a Job
 * is never left running for a run status does not know (evaluation/jobs.ts).
 */
import { versionedName } from '../../charts-ts/constructs/workload-names.js';
import {
  ACTION_ANNOTATION,
  CONDITION_TYPES,
  REASONS,
  type AIModel,
  type AIModelStatus,
  type ModelVersion,
  type ModelVersionStatus,
} from '../../crds/api/index.js';
import { clearConsumedAction, LAST_ACTION_CONDITION } from '../action-annotation.js';
import { evaluationProblemOf, observeRunningEvaluation } from '../evaluation/observe.js';
import { syncEvaluationJobs } from '../evaluation/jobs.js';
import { runAnalysis } from '../analysis/evaluate.js';
import type { MetricsProvider } from '../analysis/provider.js';
import type { AnalysisRun } from '../analysis/types.js';
import type { Clock } from '../kit/clock.js';
import type { ClusterClient } from '../kit/cluster-client.js';
import { setCondition, type Condition } from '../kit/conditions.js';
import type { EventRecorder } from '../kit/events.js';
import { silentLogger, type Logger } from '../kit/logger.js';
import type { Reconciler, Request, Result } from '../kit/reconciler.js';
import type { KubeObject } from '../kit/resource.js';
import { updateStatus } from '../kit/status.js';
import { AIMODEL, DEPLOYMENT, MODEL_VERSION } from '../kinds.js';
import { BY_MODEL, modelKey } from '../rollout-deps/caches.js';
import type { ModelLocks } from '../rollout-deps/model-lock.js';
import { previousStableOf, stableOf, versionsOf, type VersionView } from '../rollout-deps/versions.js';
import { deploymentAvailable } from '../rollout-deps/workload.js';
import { analysisDue } from '../rollout/analysis-bookkeeping.js';
import { decide } from '../rollout/decide.js';
import { DefaultWaitRequeueMs } from '../rollout/defaults.js';
import { runningRun } from '../rollout/evaluation-runs.js';
import type { RolloutMetrics, RolloutSubject } from '../rollout/metrics.js';
import { resolvePolicy, type ResolvedPolicy } from '../rollout/policy.js';
import { unsupportedReason } from '../rollout/strategy-support.js';
import { siblingObservations, type SiblingObservations } from '../rollout/siblings.js';
import { stateFromStatus, statusFromState } from '../rollout/status.js';
import type {
  Decision,
  EvaluationObservation,
  Observations,
  RolloutState,
  TrafficAction,
} from '../rollout/types.js';
import {
  RoutesNotFoundError,
  isPlainRouting,
  type CandidateRouting,
  type TrafficRouter,
  type TrafficTarget,
} from '../traffic/router.js';

const T = CONDITION_TYPES.ModelVersion;

/** Longest wait between two passes over a version waiting on bad input (a missing AIModel): 5m. */
const MaxInvalidRequeueMs = 300_000;

export interface ModelVersionReconcilerDeps {
  /** Reads from the informer caches, writes to the API server. */
  readonly client: ClusterClient;
  readonly events: EventRecorder;
  readonly router: TrafficRouter;
  readonly metricsProvider: MetricsProvider;
  readonly locks: ModelLocks;
  readonly clock: Clock;
  /** @default none (no rollout metrics) */
  readonly rolloutMetrics?: RolloutMetrics;
  /** `--mesh=istio`: evaluation pods have an Istio sidecar to wait for and stop. @default false */
  readonly mesh?: boolean;
  /** @default silentLogger */
  readonly logger?: Logger;
}

type MV = ModelVersion & KubeObject;

/** What a pass read and derived before deciding; every later step works from it. */
interface VersionPass {
  readonly request: Request;
  /** The ModelVersion as read at the start of the pass (from the cache). */
  readonly mv: MV;
  /** spec.modelRef.name: the AIModel, which names the routes too. */
  readonly model: string;
  /** spec.version. */
  readonly version: string;
  readonly aimodel: AIModel & KubeObject;
  readonly policy: ResolvedPolicy;
  /** Every ModelVersion of the model, this one included. */
  readonly siblings: readonly VersionView[];
  /** AIModel.status.history: which versions the AIModel rolled back. */
  readonly history: AIModelStatus['history'];
  /** The model's stable version, if one was ever promoted and kept. */
  readonly stable: VersionView | undefined;
  /** The rollout state as recorded in status before this pass. */
  readonly state: RolloutState;
  readonly target: TrafficTarget;
  /** This version's Deployment exists, and is Available for its current spec. */
  readonly workloadExists: boolean;
  readonly canaryAvailable: boolean;
  /** This version's weight as the router reports it now. */
  readonly observedWeight: number;
  /** Its matched and mirror routes as the router reports them. */
  readonly observedRouting?: CandidateRouting;
  /** A newer version this one must give way to, or another version holding the canary slot. */
  readonly siblingsSay: SiblingObservations;
  /** What refuses the model's route, while the router reports it refused (see routeRefused()). */
  readonly routeRefused?: Observations['routeRefused'];
  /** The analysis run this pass because one was due. */
  readonly analysis?: AnalysisRun;
  /** The `ai.suoke.life/action` value read, if any. */
  readonly action?: string;
  /** The Job of the evaluation run status records as Running, when the cache has it. */
  readonly evaluation?: EvaluationObservation;
  /** What keeps the evaluation from running at all (a missing judge AIModel). */
  readonly evaluationProblem?: Observations['evaluationProblem'];
}

export class ModelVersionReconciler implements Reconciler {
  private readonly log: Logger;
  /** Series each version's metrics were written under, so a deleted version's can be dropped. */
  private readonly subjects = new Map<string, RolloutSubject>();

  constructor(private readonly deps: ModelVersionReconcilerDeps) {
    this.log = deps.logger ?? silentLogger;
  }

  async reconcile(request: Request): Promise<Result> {
    // Level-based: the version is read again, never taken from the event that queued it (from the
    // cache, as every read here).
    const mv = await this.deps.client.get<MV>(MODEL_VERSION, request.namespace, request.name);
    if (mv === undefined || mv.metadata.deletionTimestamp) {
      this.forgetMetrics(request);
      return {};
    }
    // All weight writes of one model happen under its lock, shared with the AIModel controller.
    return this.deps.locks.with(`${request.namespace}/${mv.spec.modelRef.name}`, () =>
      this.reconcileLocked(request),
    );
  }

  /** The ordered steps of a pass; each returns early with its reason. */
  private async reconcileLocked(request: Request): Promise<Result> {
    const now = new Date(this.deps.clock.now());
    const mv = await this.deps.client.get<MV>(MODEL_VERSION, request.namespace, request.name);
    if (mv === undefined || mv.metadata.deletionTimestamp) return {};
    const inputs = await this.resolveModelAndPolicy(request, mv, now);
    if ('result' in inputs) return inputs.result;
    const pass = await this.observe(request, mv, inputs, now);
    const decision = decideNext(pass, now);
    // Weights first, status last (see the module comment).
    await this.performTrafficActions(pass, decision);
    await this.writeStatus(pass, decision, now);
    await this.recordOutcome(pass, decision);
    await this.clearConsumedRequest(pass, decision);
    // After the status write: a Job only ever runs for a run status records.
    await this.syncEvaluationJobs(pass, decision);
    // The next due time: analysis, step pause, deadline, bake end. After a failed analysis that is its
    // confirmation, a quarter interval later (confirmationDelayMs), so a real failure is counted
    // without waiting a whole interval.
    return decision.requeueAfterMs === undefined
      ? {}
      : { requeueAfter: Math.max(1, decision.requeueAfterMs) };
  }

  /** A version that is gone: its series would otherwise stay on dashboards forever. */
  private forgetMetrics(request: Request): void {
    const key = `${request.namespace}/${request.name}`;
    const subject = this.subjects.get(key);
    if (subject !== undefined) this.deps.rolloutMetrics?.forget(subject);
    this.subjects.delete(key);
  }

  /**
   * The AIModel the version names and the effective policy. Either can be bad input the API cannot
   * refuse: a missing AIModel is reported (a condition and an Event) and retried with backoff; a
   * policy the schema let through but the rollout cannot use is reported and not retried (a spec
   * change queues the version again).
   */
  private async resolveModelAndPolicy(
    { namespace }: Request,
    mv: MV,
    now: Date,
  ): Promise<{ aimodel: AIModel & KubeObject; policy: ResolvedPolicy } | { result: Result }> {
    const model = mv.spec.modelRef.name;
    const aimodel = await this.deps.client.get<AIModel & KubeObject>(AIMODEL, namespace, model);
    if (aimodel === undefined) {
      const message = `AIModel ${namespace}/${model} named in spec.modelRef.name does not exist; create it or fix spec.modelRef.name`;
      return { result: await this.reportInvalid(mv, REASONS.WaitingForModel, message, now) };
    }
    try {
      const policy = resolvePolicy({
        promotion: mv.spec.promotion,
        rollout: aimodel.spec.rollout,
        promotionPath: `ModelVersion ${mv.metadata.name} spec.promotion`,
        rolloutPath: `AIModel ${model} spec.rollout`,
        version: mv.spec.version,
      });
      // Refused before it starts; a version already under way keeps the routes it has.
      const unsupported =
        (mv.status?.phase ?? 'Pending') === 'Pending'
          ? unsupportedReason(policy, this.deps.router)
          : undefined;
      if (unsupported !== undefined) {
        await this.reportInvalid(mv, REASONS.StrategyUnsupported, unsupported, now);
        return { result: {} };
      }
      return { aimodel, policy };
    } catch (error) {
      await this.reportInvalid(mv, REASONS.InvalidSpec, (error as Error).message, now);
      return { result: {} };
    }
  }

  /** Observes the siblings, the workload, the router's weights, and runs an analysis when one is due. */
  private async observe(
    request: Request,
    mv: MV,
    { aimodel, policy }: { aimodel: AIModel & KubeObject; policy: ResolvedPolicy },
    now: Date,
  ): Promise<VersionPass> {
    const { client } = this.deps;
    const namespace = request.namespace;
    const model = mv.spec.modelRef.name;
    const version = mv.spec.version;
    const all = await client.list<MV>(MODEL_VERSION, namespace, {
      index: { name: BY_MODEL, value: modelKey(namespace, model) },
    });
    const siblings = versionsOf(all, model);
    const history = aimodel.status?.history;
    const stable = stableOf(siblings, history);
    const state = stateFromStatus(version, mv.status);
    const target: TrafficTarget = { namespace, model };
    const deployment = await client.get<KubeObject>(DEPLOYMENT, namespace, versionedName(model, version));
    const observedWeight = await this.observedWeight(target, version);
    const observedRouting = await this.observedRouting(target, version);
    const siblingsSay = siblingObservations(mv.metadata.name ?? '', siblings);
    const routeRefused = await this.routeRefused(target, state);
    // A query over a route nobody serves measures nothing; and a route served again restarts the
    // step (decide), so its first analysis is one interval later, not now.
    const measurable = routeRefused === undefined && !refusedBefore(state);
    const analysis =
      measurable && analysisDue(state, policy, now)
        ? await this.runAnalysis(aimodel, policy, {
            namespace,
            model,
            version,
            state,
            siblings,
            history,
            stable,
          })
        : undefined;
    const action = mv.metadata.annotations?.[ACTION_ANNOTATION];
    const evaluation = await observeRunningEvaluation(client, namespace, mv.metadata.uid, runningRun(state));
    const evaluationProblem = await evaluationProblemOf(
      client,
      namespace,
      policy.evaluation,
      mv.spec.promotion?.evaluation !== undefined,
    );
    return {
      request,
      mv,
      model,
      version,
      aimodel,
      policy,
      siblings,
      history,
      stable,
      state,
      target,
      workloadExists: deployment !== undefined,
      canaryAvailable: deployment !== undefined && deploymentAvailable(deployment),
      observedWeight,
      ...(observedRouting === undefined ? {} : { observedRouting }),
      siblingsSay,
      ...(routeRefused === undefined ? {} : { routeRefused }),
      ...(analysis === undefined ? {} : { analysis }),
      ...(action === undefined ? {} : { action }),
      ...(evaluation === undefined ? {} : { evaluation }),
      ...(evaluationProblem === undefined ? {} : { evaluationProblem }),
    };
  }

  /** The due analysis, compared with the baseline: a baking version's previous stable, else the stable. */
  private runAnalysis(
    aimodel: AIModel,
    policy: ResolvedPolicy,
    at: {
      namespace: string;
      model: string;
      version: string;
      state: RolloutState;
      siblings: readonly VersionView[];
      history: AIModelStatus['history'];
      stable: VersionView | undefined;
    },
  ): Promise<AnalysisRun> {
    const baseline =
      at.state.phase === 'Promoted'
        ? previousStableOf(at.siblings, at.history, at.version)?.version
        : at.stable?.version;
    return runAnalysis(
      policy.metrics,
      {
        namespace: at.namespace,
        model: at.model,
        agent: aimodel.spec.agent.name,
        version: at.version,
        ...(baseline === undefined || baseline === at.version ? {} : { stableVersion: baseline }),
        intervalMs: policy.intervalMs,
        ...(at.state.stage === 'Experiment' ? { measureStable: true } : {}),
      },
      this.deps.metricsProvider,
    );
  }

  /** The traffic changes decide() asked for; the consumed request is cleared after the status write. */
  private async performTrafficActions(pass: VersionPass, decision: Decision): Promise<void> {
    for (const action of decision.actions) {
      if (action.type !== 'ClearAction') await this.route(action, pass);
    }
  }

  /** The status for the decided state, written only when it changed. */
  private async writeStatus(pass: VersionPass, decision: Decision, now: Date): Promise<void> {
    const status = this.statusOf(
      pass.mv,
      decision,
      pass.stable?.version,
      pass.canaryAvailable,
      pass.workloadExists,
      pass.policy.evaluation !== undefined,
      now,
    );
    await updateStatus(this.deps.client, MODEL_VERSION, pass.mv, status);
  }

  /** Events for every transition and every check, and the rollout metrics. */
  private async recordOutcome(pass: VersionPass, decision: Decision): Promise<void> {
    for (const e of decision.events) {
      await this.deps.events.record(pass.mv, {
        type: e.type,
        reason: e.reason,
        action: 'Rollout',
        note: e.message,
      });
    }
    const { request, model, version } = pass;
    const namespace = request.namespace;
    this.subjects.set(`${namespace}/${request.name}`, { namespace, model, version });
    this.observeMetrics(
      namespace,
      model,
      pass.state,
      decision,
      // Counted when decide() recorded it (a route served again clears lastAnalysisAt instead).
      pass.analysis !== undefined &&
        decision.state.lastAnalysisAt !== undefined &&
        decision.state.lastAnalysisAt !== pass.state.lastAnalysisAt,
    );
  }

  /** A consumed request is cleared once its outcome is in status. */
  private async clearConsumedRequest(pass: VersionPass, decision: Decision): Promise<void> {
    if (pass.action === undefined || !decision.actions.some((a) => a.type === 'ClearAction')) return;
    await clearConsumedAction(this.deps.client, MODEL_VERSION, pass.mv, pass.action);
    this.log.debug({ modelVersion: pass.mv.metadata.name }, 'action cleared');
  }

  /** The running run's Job created when missing, the version's other unfinished Jobs deleted. */
  private async syncEvaluationJobs(pass: VersionPass, decision: Decision): Promise<void> {
    const { client, events } = this.deps;
    await syncEvaluationJobs(
      { client, events, logger: this.log },
      {
        version: pass.mv,
        aimodel: pass.aimodel,
        state: decision.state,
        ...(pass.policy.evaluation === undefined ? {} : { evaluation: pass.policy.evaluation }),
        mesh: this.deps.mesh ?? false,
        ...(pass.evaluationProblem === undefined ? {} : { problem: pass.evaluationProblem }),
      },
    );
  }

  /** This version's weight as the router reports it; 0 while the routes do not exist yet. */
  private async observedWeight(target: TrafficTarget, version: string): Promise<number> {
    try {
      const weights = await this.deps.router.getWeights(target);
      return weights.find((w) => w.version === version)?.weight ?? 0;
    } catch (error) {
      // The AIModel controller has not created the routes (or the workload) yet: no traffic.
      if (error instanceof RoutesNotFoundError) return 0;
      throw error;
    }
  }

  /**
   * What refuses the model's route, for routers whose routes a third party must accept, while the
   * rollout is measured (Progressing, Paused); undefined when it is served, the router cannot tell,
   * or there are no routes yet (the weight read reports no traffic then, and decide() asks for them).
   */
  private async routeRefused(
    target: TrafficTarget,
    state: RolloutState,
  ): Promise<Observations['routeRefused']> {
    const acceptance = this.deps.router.acceptance;
    if (acceptance === undefined || (state.phase !== 'Progressing' && state.phase !== 'Paused')) {
      return undefined;
    }
    try {
      const serving = await acceptance.serving(target);
      return serving.served ? undefined : { reason: serving.reason, message: serving.message };
    } catch (error) {
      if (error instanceof RoutesNotFoundError) return undefined;
      throw error;
    }
  }

  /** This version's matched and mirror routes as the router reports them; none while there are no routes. */
  private async observedRouting(
    target: TrafficTarget,
    version: string,
  ): Promise<CandidateRouting | undefined> {
    try {
      const candidate = await this.deps.router.getCandidate(target);
      return candidate?.version === version && !isPlainRouting(candidate.routing)
        ? candidate.routing
        : undefined;
    } catch (error) {
      if (error instanceof RoutesNotFoundError) return undefined;
      throw error;
    }
  }

  /** One traffic action, through the router, making sure the routes exist first. */
  private async route(action: TrafficAction, pass: VersionPass): Promise<void> {
    const { router } = this.deps;
    const { target, version, stable } = pass;
    switch (action.type) {
      case 'SetWeight': {
        const w = action.weight;
        if (stable === undefined || stable.version === version) {
          // The first version: it takes everything once promoted; before that there is nothing to split.
          if (w === 100)
            await this.ensureRoutesAnd(target, [version], () => router.finalize(target, version));
          return;
        }
        const weights =
          w >= 100
            ? [{ version, weight: 100 }]
            : w <= 0
              ? [{ version: stable.version, weight: 100 }]
              : [
                  { version: stable.version, weight: 100 - w },
                  { version, weight: w },
                ];
        const routing = action.routing;
        const candidate = routing === undefined || isPlainRouting(routing) ? undefined : { version, routing };
        // A preview, cohort or shadow needs the version's subset even at weight 0.
        const routed = w <= 0 && candidate === undefined ? [stable.version] : [stable.version, version];
        // Weight 0 without other routes takes the version out of service (a rollback, an abort, a
        // superseded canary): its pinned sessions move on in the same write.
        const leaving = w <= 0 && candidate === undefined ? { leaving: version } : {};
        await this.ensureRoutesAnd(target, routed, () =>
          router.setWeights(target, weights, candidate, leaving),
        );
        return;
      }
      case 'RestorePreviousStable': {
        const previous = previousStableOf(pass.siblings, pass.history, version);
        if (previous === undefined) {
          throw new Error(
            `ModelVersion of ${target.namespace}/${target.model} version ${version}: no previous stable version to restore after the failed bake`,
          );
        }
        await this.ensureRoutesAnd(target, [previous.version], () =>
          router.finalize(target, previous.version, { leaving: version }),
        );
        return;
      }
    }
  }

  private async ensureRoutesAnd(
    target: TrafficTarget,
    versions: string[],
    write: () => Promise<unknown>,
  ): Promise<void> {
    await this.deps.router.reconcile(target, versions);
    await write();
  }

  private statusOf(
    mv: MV,
    decision: Decision,
    stableVersion: string | undefined,
    available: boolean,
    exists: boolean,
    hasEvaluation: boolean,
    now: Date,
  ): ModelVersionStatus {
    const nowMs = now.getTime();
    const base = statusFromState(decision.state, mv.status, {
      ...(mv.metadata.generation === undefined ? {} : { observedGeneration: mv.metadata.generation }),
      ...(stableVersion === undefined || stableVersion === mv.spec.version ? {} : { stableVersion }),
      nowMs,
      hasEvaluation,
    });
    let conditions = (base.conditions ?? []) as Condition[];
    conditions = setCondition(
      conditions,
      available
        ? {
            type: T.Available,
            status: 'True',
            reason: REASONS.WorkloadAvailable,
            message: 'the workload of this version is available',
          }
        : {
            type: T.Available,
            status: 'False',
            reason: exists ? REASONS.WorkloadUnavailable : REASONS.NoWorkload,
            message: exists
              ? 'the workload of this version is not available'
              : 'this version has no workload',
          },
      nowMs,
    );
    if (decision.action !== undefined) {
      const a = decision.action;
      conditions = setCondition(
        conditions,
        {
          type: LAST_ACTION_CONDITION,
          status: a.result === 'Accepted' ? 'True' : 'False',
          reason: a.result === 'Accepted' ? REASONS.ActionAccepted : REASONS.ActionRejected,
          message: `${a.name}: ${a.reason}`,
        },
        nowMs,
      );
    }
    return { ...base, conditions };
  }

  /** Bad input that retrying cannot fix by itself: a condition and an Event, then a slow requeue. */
  private async reportInvalid(mv: MV, reason: string, message: string, now: Date): Promise<Result> {
    const previous = mv.status ?? {};
    const conditions = setCondition(
      (previous.conditions ?? []) as Condition[],
      {
        type: T.Progressing,
        status: 'False',
        reason,
        message,
        ...(mv.metadata.generation === undefined ? {} : { observedGeneration: mv.metadata.generation }),
      },
      now.getTime(),
    );
    const status: ModelVersionStatus = {
      ...previous,
      ...(mv.metadata.generation === undefined ? {} : { observedGeneration: mv.metadata.generation }),
      phase: previous.phase ?? 'Pending',
      message,
      conditions,
    };
    await updateStatus(this.deps.client, MODEL_VERSION, mv, status);
    await this.deps.events.record(mv, { type: 'Warning', reason, action: 'Rollout', note: message });
    // Backoff from how long the problem has lasted: 10s, doubling, at most 5m.
    const since = Date.parse(
      conditions.find((c) => c.type === T.Progressing)?.lastTransitionTime ?? now.toISOString(),
    );
    const lasted = Math.max(0, now.getTime() - since);
    return { requeueAfter: Math.min(MaxInvalidRequeueMs, Math.max(DefaultWaitRequeueMs, lasted)) };
  }

  private observeMetrics(
    namespace: string,
    model: string,
    before: RolloutState,
    decision: Decision,
    analysed: boolean,
  ): void {
    const metrics = this.deps.rolloutMetrics;
    if (metrics === undefined) return;
    const after = decision.state;
    metrics.observeState({ namespace, model, version: after.version }, after.phase, after.canaryWeight);
    if (analysed) {
      const last = after.analysis.at(-1);
      if (last !== undefined) metrics.observeAnalysis({ namespace, model }, last.verdict);
    }
    if (after.phase !== before.phase && after.startedAt !== undefined) {
      const end = after.finishedAt ?? after.promotedAt;
      if (
        (after.phase === 'Promoted' || after.phase === 'RolledBack' || after.phase === 'Failed') &&
        end !== undefined
      ) {
        metrics.observeFinished({ namespace, model }, after.phase, after.startedAt, end);
      }
    }
  }
}

/** decide() over what the pass observed. */
function decideNext(pass: VersionPass, now: Date): Decision {
  const { stable, siblingsSay: sib, analysis, action } = pass;
  // A first version that has started is not superseded: with no stable to hand its traffic to, its
  // rollback could never reach weight 0 and the newer version would wait for it forever. It
  // finishes (promoted once Available, or Failed at its deadline) and the newer one canaries after.
  const supersededBy = stable === undefined && pass.state.phase !== 'Pending' ? undefined : sib.supersededBy;
  return decide(
    pass.state,
    {
      policy: pass.policy,
      ...(stable === undefined ? {} : { stableVersion: stable.version }),
      canaryAvailable: pass.canaryAvailable,
      observedWeight: pass.observedWeight,
      ...(pass.observedRouting === undefined ? {} : { observedRouting: pass.observedRouting }),
      ...(supersededBy === undefined ? {} : { supersededBy }),
      ...(sib.waitingFor === undefined ? {} : { waitingFor: sib.waitingFor }),
      ...(pass.routeRefused === undefined ? {} : { routeRefused: pass.routeRefused }),
      ...(analysis === undefined ? {} : { analysis }),
      ...(action === undefined ? {} : { action }),
      versionObjectName: pass.mv.metadata.name ?? '',
      ...(pass.evaluation === undefined ? {} : { evaluation: pass.evaluation }),
      ...(pass.evaluationProblem === undefined ? {} : { evaluationProblem: pass.evaluationProblem }),
    },
    now,
  );
}

/** The rollout was paused on a refused route: decide() restarts the step once the route is served. */
function refusedBefore(state: RolloutState): boolean {
  return state.phase === 'Paused' && state.pauseReason === 'RouteNotAccepted';
}
