/**
 * The ModelVersion reconciler: the I/O around the pure rollout logic. Each pass is the same ordered
 * steps, each returning early with its reason:
 *
 *   re-read → resolve the AIModel and the policy → observe (workload availability, the router's
 *   weights, an analysis when one is due) → decide() → act (weights through the TrafficRouter) →
 *   write status (only when changed) → Events → clear a consumed action → requeue at the next due time.
 *
 * Actions are performed before status is written: if the operator dies in between, the next pass
 * reads the old state and the new weights, and decide() completes the transition the router shows
 * (see decide.ts, "Restarts and idempotency"). The workloads themselves are the AIModel controller's:
 * it renders a version's Deployment while the version is Deploying … RollingBack (or stable, or kept
 * warm) and prunes it after, so `EnsureCanary` and `RemoveCanary` are carried out by writing the phase.
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
import { clearConsumedAction } from '../action-annotation.js';
import { runAnalysis } from '../analysis/evaluate.js';
import type { MetricsProvider } from '../analysis/provider.js';
import type { AnalysisRun } from '../analysis/types.js';
import { AIMODEL, DEPLOYMENT, MODEL_VERSION } from '../aimodel/resources.js';
import { deploymentAvailable, LAST_ACTION_CONDITION } from '../aimodel/reconciler.js';
import type { ModelLocks } from '../aimodel/model-lock.js';
import { previousStableOf, stableOf, versionsOf, type VersionView } from '../aimodel/versions.js';
import { BY_MODEL, modelKey } from '../aimodel/caches.js';
import type { Clock } from '../kit/clock.js';
import type { ClusterClient } from '../kit/cluster-client.js';
import { setCondition, type Condition } from '../kit/conditions.js';
import type { EventRecorder } from '../kit/events.js';
import { silentLogger, type Logger } from '../kit/logger.js';
import type { Reconciler, Request, Result } from '../kit/reconciler.js';
import type { KubeObject } from '../kit/resource.js';
import { updateStatus } from '../kit/status.js';
import { analysisDue, decide } from '../rollout/decide.js';
import { DefaultWaitRequeueMs } from '../rollout/defaults.js';
import type { RolloutMetrics, RolloutSubject } from '../rollout/metrics.js';
import { resolvePolicy, type ResolvedPolicy } from '../rollout/policy.js';
import { siblingObservations } from '../rollout/siblings.js';
import { stateFromStatus, statusFromState } from '../rollout/status.js';
import type { Decision, RolloutAction, RolloutState } from '../rollout/types.js';
import { RoutesNotFoundError, type TrafficRouter, type TrafficTarget } from '../traffic/router.js';

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
  /** @default silentLogger */
  readonly logger?: Logger;
}

type MV = ModelVersion & KubeObject;

export class ModelVersionReconciler implements Reconciler {
  private readonly log: Logger;
  /** Series each version's metrics were written under, so a deleted version's can be dropped. */
  private readonly subjects = new Map<string, RolloutSubject>();

  constructor(private readonly deps: ModelVersionReconcilerDeps) {
    this.log = deps.logger ?? silentLogger;
  }

  async reconcile(request: Request): Promise<Result> {
    // 1. Read the version (level-based: never trust the event that queued it; from the cache, as
    // every read here).
    const mv = await this.deps.client.get<MV>(MODEL_VERSION, request.namespace, request.name);
    if (mv === undefined || mv.metadata.deletionTimestamp) {
      // Gone: its series would otherwise stay on dashboards forever.
      const key = `${request.namespace}/${request.name}`;
      const subject = this.subjects.get(key);
      if (subject !== undefined) this.deps.rolloutMetrics?.forget(subject);
      this.subjects.delete(key);
      return {};
    }
    // All weight writes of one model happen under its lock, shared with the AIModel controller.
    return this.deps.locks.with(`${request.namespace}/${mv.spec.modelRef.name}`, () =>
      this.reconcileLocked(request),
    );
  }

  private async reconcileLocked(request: Request): Promise<Result> {
    const { client } = this.deps;
    const now = new Date(this.deps.clock.now());
    const mv = await client.get<MV>(MODEL_VERSION, request.namespace, request.name);
    if (mv === undefined || mv.metadata.deletionTimestamp) return {};
    const model = mv.spec.modelRef.name;
    const version = mv.spec.version;

    // 2. The AIModel it names: a missing one is bad input the API cannot refuse → condition + Event, backoff.
    const aimodel = await client.get<AIModel & KubeObject>(AIMODEL, request.namespace, model);
    if (aimodel === undefined) {
      const message = `AIModel ${request.namespace}/${model} named in spec.modelRef.name does not exist; create it or fix spec.modelRef.name`;
      return this.reportInvalid(mv, REASONS.WaitingForModel, message, now);
    }

    // 3. The effective policy: one the schema let through but the rollout cannot use is reported, not retried.
    let policy: ResolvedPolicy;
    try {
      policy = resolvePolicy({
        promotion: mv.spec.promotion,
        rollout: aimodel.spec.rollout,
        promotionPath: `ModelVersion ${mv.metadata.name} spec.promotion`,
        rolloutPath: `AIModel ${model} spec.rollout`,
      });
    } catch (error) {
      await this.reportInvalid(mv, REASONS.InvalidSpec, (error as Error).message, now);
      return {}; // a spec change queues the version again
    }

    // 4. Observe: the siblings, the workload, the router's weights, an analysis when one is due.
    const all = await client.list<MV>(MODEL_VERSION, request.namespace, {
      index: { name: BY_MODEL, value: modelKey(request.namespace, model) },
    });
    const siblings = versionsOf(all, model);
    const history = aimodel.status?.history;
    const stable = stableOf(siblings, history);
    const state = stateFromStatus(version, mv.status);
    const target: TrafficTarget = { namespace: request.namespace, model };
    const deployment = await client.get<KubeObject>(
      DEPLOYMENT,
      request.namespace,
      versionedName(model, version),
    );
    const canaryAvailable = deployment !== undefined && deploymentAvailable(deployment);
    const observedWeight = await this.observedWeight(target, version);
    const sib = siblingObservations(
      mv.metadata.name ?? '',
      siblings.map((s) => ({
        name: s.name,
        version: s.version,
        createdAt: s.createdAt,
        phase: s.phase,
        ...(s.promotedAt === undefined ? {} : { promotedAt: s.promotedAt }),
        ...(s.finishedAt === undefined ? {} : { finishedAt: s.finishedAt }),
      })),
    );
    // A baking version compares with the stable it replaced; a canary with the stable.
    const baseline =
      state.phase === 'Promoted' ? previousStableOf(siblings, history, version)?.version : stable?.version;
    let analysis: AnalysisRun | undefined;
    if (analysisDue(state, policy, now)) {
      analysis = await runAnalysis(
        policy.metrics,
        {
          namespace: request.namespace,
          model,
          agent: aimodel.spec.agent.name,
          version,
          ...(baseline === undefined || baseline === version ? {} : { stableVersion: baseline }),
          intervalMs: policy.intervalMs,
        },
        this.deps.metricsProvider,
      );
    }
    const action = mv.metadata.annotations?.[ACTION_ANNOTATION];
    // A first version that has started is not superseded: with no stable to hand its traffic to, its
    // rollback could never reach weight 0 and the newer version would wait for it forever. It
    // finishes (promoted once Available, or Failed at its deadline) and the newer one canaries after.
    const supersededBy = stable === undefined && state.phase !== 'Pending' ? undefined : sib.supersededBy;

    // 5. Decide (pure).
    const decision = decide(
      state,
      {
        policy,
        ...(stable === undefined ? {} : { stableVersion: stable.version }),
        canaryAvailable,
        observedWeight,
        ...(supersededBy === undefined ? {} : { supersededBy }),
        ...(sib.waitingFor === undefined ? {} : { waitingFor: sib.waitingFor }),
        ...(analysis === undefined ? {} : { analysis }),
        ...(action === undefined ? {} : { action }),
      },
      now,
    );

    // 6. Act: weights first, status last (see the module comment).
    for (const act of decision.actions) await this.perform(act, target, version, stable, siblings, history);

    // 7. Write status, only when it changed.
    const status = this.statusOf(
      mv,
      decision,
      stable?.version,
      canaryAvailable,
      deployment !== undefined,
      now,
    );
    await updateStatus(client, MODEL_VERSION, mv, status);

    // 8. Events for every transition and every check, and the rollout metrics.
    for (const e of decision.events) {
      await this.deps.events.record(mv, {
        type: e.type,
        reason: e.reason,
        action: 'Rollout',
        note: e.message,
      });
    }
    this.subjects.set(`${request.namespace}/${request.name}`, {
      namespace: request.namespace,
      model,
      version,
    });
    this.observeMetrics(
      request.namespace,
      model,
      state,
      decision,
      analysis !== undefined && decision.state.lastAnalysisAt !== state.lastAnalysisAt,
    );

    // 9. A consumed request is cleared once its outcome is in status.
    if (decision.actions.some((a) => a.type === 'ClearAction') && action !== undefined) {
      await clearConsumedAction(this.deps.client, MODEL_VERSION, mv, action);
      this.log.debug({ modelVersion: mv.metadata.name }, 'action cleared');
    }

    // 10. Come back at the next due time (analysis, step pause, deadline, bake end). After a failed
    // analysis that is its confirmation, a quarter interval later (decide.ts confirmationDelayMs), so
    // a real failure is counted without waiting a whole interval.
    return decision.requeueAfterMs === undefined
      ? {}
      : { requeueAfter: Math.max(1, decision.requeueAfterMs) };
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

  private async perform(
    action: RolloutAction,
    target: TrafficTarget,
    version: string,
    stable: VersionView | undefined,
    siblings: readonly VersionView[],
    history: AIModelStatus['history'],
  ): Promise<void> {
    const { router } = this.deps;
    const hasStable = stable !== undefined && stable.version !== version;
    switch (action.type) {
      case 'SetWeight': {
        const w = action.weight;
        if (!hasStable) {
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
        await this.ensureRoutesAnd(target, w <= 0 ? [stable.version] : [stable.version, version], () =>
          router.setWeights(target, weights),
        );
        return;
      }
      case 'RestorePreviousStable': {
        const previous = previousStableOf(siblings, history, version);
        if (previous === undefined) {
          throw new Error(
            `ModelVersion of ${target.namespace}/${target.model} version ${version}: no previous stable version to restore after the failed bake`,
          );
        }
        await this.ensureRoutesAnd(target, [previous.version], () =>
          router.finalize(target, previous.version),
        );
        return;
      }
      case 'EnsureCanary':
      case 'RemoveCanary':
      case 'Promote':
        // Carried out by the phase written to status: the AIModel controller renders (or prunes) the
        // workload and derives the stable version from it.
        return;
      case 'ClearAction':
        return; // after the status write, see step 9
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
    now: Date,
  ): ModelVersionStatus {
    const nowMs = now.getTime();
    const base = statusFromState(decision.state, mv.status, {
      ...(mv.metadata.generation === undefined ? {} : { observedGeneration: mv.metadata.generation }),
      ...(stableVersion === undefined || stableVersion === mv.spec.version ? {} : { stableVersion }),
      nowMs,
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
