/**
 * The AIModel reconciler: keeps an AIModel's derived objects (per-version workloads, Service, Istio
 * routing) applied from charts-ts render(), pruned when no longer rendered, and its status (stable and
 * canary version, traffic split, replicas, endpoint, history, conditions) true to what runs.
 *
 * Who writes what:
 * - the rollout state lives in the ModelVersions' status (written by their controller); this one only
 *   reads it to know which versions need a workload (rollout-deps/versions.ts);
 * - VirtualService weights are changed only by the TrafficRouter. This controller renders the
 *   VirtualService with the weights the router reports (so the apply sends nothing when only the
 *   weights moved), and holds the model's lock (rollout-deps/model-lock.ts) so a render cannot write back weights a
 *   rollout step has just replaced;
 * - `ai.suoke.life/action: rollback` is consumed here: all traffic back to the previous stable
 *   version, if it is still warm.
 */
import { createHash } from 'node:crypto';
import { render, type KubeObject as RenderedObject } from '../../charts-ts/render.js';
import type { RuntimeTracing } from '../../charts-ts/constructs/runtime-tracing.js';
import { versionedName } from '../../charts-ts/constructs/workload-names.js';
import { servingVersions, sessionAffinityOf } from '../../charts-ts/session-affinity.js';
import {
  ACTION_ANNOTATION,
  AIMODEL_ACTIONS,
  CONDITION_TYPES,
  LABEL_APP,
  LABEL_MANAGED_BY,
  MANAGED_BY,
  REASONS,
  type AIModel,
  type AIModelStatus,
  type HistoryEntry,
  type ModelVersion,
  type TrafficWeight,
} from '../../crds/api/index.js';
import { clearConsumedAction, LAST_ACTION_CONDITION } from '../action-annotation.js';
import type { Applier } from '../kit/apply.js';
import type { Clock } from '../kit/clock.js';
import type { ClusterClient } from '../kit/cluster-client.js';
import { canonicalJson } from '../kit/deep-equal.js';
import { setCondition, type Condition, type ConditionInput } from '../kit/conditions.js';
import type { EventRecorder } from '../kit/events.js';
import { silentLogger, type Logger } from '../kit/logger.js';
import type { Reconciler, Request, Result } from '../kit/reconciler.js';
import type { KubeObject } from '../kit/resource.js';
import { updateStatus } from '../kit/status.js';
import { AIMODEL, DEPLOYMENT, MODEL_VERSION } from '../kinds.js';
import { BY_MODEL, derivedKinds, modelKey } from '../rollout-deps/caches.js';
import { DefaultRollbackWindowMs } from '../rollout-deps/deps.js';
import { resourceTypeOf, type DerivedScope } from '../rollout-deps/derived-kinds.js';
import type { ModelLocks } from '../rollout-deps/model-lock.js';
import { deploymentAvailable } from '../rollout-deps/workload.js';
import { versionsScaledWithTraffic } from '../rollout/canary-capacity.js';
import { resolvePolicy } from '../rollout/policy.js';
import {
  RoutesNotFoundError,
  isPlainRouting,
  type CandidateRoutes,
  type TrafficRouter,
  type TrafficTarget,
  type VersionWeight,
} from '../traffic/router.js';
import {
  CANARY_PHASES,
  canaryOf,
  mergeHistory,
  outcomesOf,
  modelRollbackOf,
  previousStableOf,
  stableOf,
  versionsOf,
  type VersionView,
} from '../rollout-deps/versions.js';

/** Entries kept in status.history when the AIModel does not say. */
const DefaultHistoryLimit = 10;

/**
 * How long a version keeps its workload after its session route is dropped (session affinity): longer
 * than Istio takes to push new routes to every proxy, as Argo Rollouts waits 30 s (`scaleDownDelaySeconds`)
 * before it scales away a version it stopped routing to.
 */
export const SESSION_ROUTE_DRAIN_MS = 30_000;

/** Message of the history entry a rollback request writes; also how a repeated request is recognised. */
const rollbackMessage = (to: string): string => `rolled back by request to version ${to}`;

const T = CONDITION_TYPES.AIModel;

export interface AIModelReconcilerDeps {
  /** Reads from the informer caches, writes to the API server. */
  readonly client: ClusterClient;
  readonly applier: Applier;
  readonly events: EventRecorder;
  readonly router: TrafficRouter;
  readonly locks: ModelLocks;
  readonly clock: Clock;
  /** @default silentLogger */
  readonly logger?: Logger;
  /** How long the previous stable stays warm after a promotion. @default DefaultRollbackWindowMs */
  readonly rollbackWindowMs?: number;
  /** The agents run in an Istio mesh (`--mesh=istio`). @default the router's: true with Istio routes */
  readonly mesh?: boolean;
  /** Where the rendered runtimes send traces (`--tracing-endpoint`). @default none: they do not trace */
  readonly tracing?: RuntimeTracing;
}

/** What the rollback request came to, for status and Events. */
interface ActionOutcome {
  readonly name: string;
  readonly accepted: boolean;
  readonly message: string;
  readonly entry?: HistoryEntry;
}

export class AIModelReconciler implements Reconciler {
  private readonly log: Logger;
  private readonly rollbackWindowMs: number;
  /** Which derived kinds this operator renders, applies and prunes. */
  private readonly scope: DerivedScope;
  /**
   * Per AIModel (`namespace/name`): the fingerprint of the last pass that found every derived object
   * in place. A pass with the same fingerprint (same AIModel spec and metadata, same versions, same
   * split, every derived object at the same resourceVersion) skips render, compare and prune: most
   * passes are queued by our own writes' events and change nothing, and render is the costliest step.
   */
  private readonly inPlace = new Map<string, string>();
  /**
   * Per AIModel with no status yet: when a pass of this process first applied a version's workload.
   * The wait for a new version runs from then when that is later than the version's creation, so a
   * queue backlog (a thousand models applied at once) does not use it up before the workload exists.
   */
  private readonly waitingSince = new Map<string, number>();

  constructor(private readonly deps: AIModelReconcilerDeps) {
    this.log = deps.logger ?? silentLogger;
    this.rollbackWindowMs = deps.rollbackWindowMs ?? DefaultRollbackWindowMs;
    this.scope = { routes: deps.router.routes, mesh: deps.mesh ?? deps.router.routes === 'istio' };
  }

  reconcile(request: Request): Promise<Result> {
    return this.deps.locks.with(`${request.namespace}/${request.name}`, () => this.reconcileLocked(request));
  }

  /**
   * The ordered steps of a pass: read → a rollback request → which versions run → ensure workloads
   * and routes → write status → consume the request → come back when the warm window ends.
   */
  private async reconcileLocked(request: Request): Promise<Result> {
    const now = this.deps.clock.now();
    const key = `${request.namespace}/${request.name}`;
    // Read from the cache, as every read here: the event that queued us may be stale, and it may be gone.
    const aimodel = await this.deps.client.get<AIModel & KubeObject>(
      AIMODEL,
      request.namespace,
      request.name,
    );
    if (aimodel === undefined) {
      this.inPlace.delete(key);
      this.waitingSince.delete(key);
      return {};
    }
    // Being deleted: garbage collection removes the derived objects through their owner references.
    if (aimodel.metadata.deletionTimestamp) return {};
    const target: TrafficTarget = { namespace: request.namespace, model: request.name };
    const all = await this.deps.client.list<ModelVersion & KubeObject>(MODEL_VERSION, request.namespace, {
      index: { name: BY_MODEL, value: modelKey(request.namespace, request.name) },
    });
    const versions = versionsOf(all, request.name);
    let history = [...(aimodel.status?.history ?? [])];
    const live = await this.listDerived(aimodel);

    // A rollback request comes before anything is rendered: it changes which version is stable.
    const action = await this.handleAction(aimodel, versions, history, live, now);
    if (action?.entry !== undefined) history = [action.entry, ...history];
    const roles = this.rolesOf(aimodel, versions, history, now);
    const traffic = await this.ensureDerived(aimodel, target, roles, live, now);
    if (traffic === undefined) return {}; // render failed: reported, waits for a fix of the input

    // A version its controller has not reconciled yet is about to change phase, which queues this
    // AIModel again: a status written now would be replaced a moment later (an AIModel applied
    // together with its first version would report "no version" first), so it waits for that
    // version's first status, for a while at most; an AIModel that has never reported waits the
    // same way for its first version to be through deploying.
    if (aimodel.status === undefined && !this.waitingSince.has(key) && newWorkload(roles.running, live)) {
      this.waitingSince.set(key, now);
    }
    const since = this.waitingSince.get(key) ?? 0;
    const unseen = action === undefined ? statusWait(aimodel, versions, now, since) : undefined;
    if (unseen !== undefined) return { requeueAfter: unseen };
    this.waitingSince.delete(key);
    await this.writeStatus(
      aimodel,
      {
        history: mergeHistory(
          history,
          outcomesOf(versions),
          aimodel.spec.historyLimit ?? DefaultHistoryLimit,
        ),
        stable: roles.stable,
        canary: canaryOf(roles.canaries),
        weights: (await this.observedWeights(target)) ?? traffic,
        deployments: live.get(DEPLOYMENT.kind) ?? [],
        running: roles.running,
        ...(action === undefined ? {} : { action }),
      },
      now,
    );
    const requested = aimodel.metadata.annotations?.[ACTION_ANNOTATION];
    if (action !== undefined && requested !== undefined)
      await clearConsumedAction(this.deps.client, AIMODEL, aimodel, requested);

    // Come back when the previous stable's warm window or a session drain ends, to scale it away.
    const { wakeAt } = roles;
    return wakeAt !== undefined ? { requeueAfter: Math.max(1, wakeAt - now) } : {};
  }

  /** Which version plays which part now, and so which versions need a workload. */
  private rolesOf(
    aimodel: AIModel,
    versions: readonly VersionView[],
    history: readonly HistoryEntry[],
    now: number,
  ): Roles {
    const stable = stableOf(versions, history);
    const previous = stable === undefined ? undefined : previousStableOf(versions, history, stable.version);
    const windowEnd =
      stable?.promotedAt === undefined || previous === undefined
        ? undefined
        : Date.parse(stable.promotedAt) + this.warmWindowMs(aimodel, stable);
    const warm = previous !== undefined && windowEnd !== undefined && now < windowEnd;
    const canaries = versions.filter((v) => CANARY_PHASES.has(v.phase) && v.version !== stable?.version);
    const running = uniqueVersions([
      ...(stable === undefined ? [] : [stable]),
      ...(warm && previous !== undefined ? [previous] : []),
      ...canaries,
    ]);
    // A version rolled back by request stops serving its pinned sessions, warm or not.
    const rolledBack = history[0]?.outcome === 'RolledBack' ? history[0].version : undefined;
    const kept = [
      ...(stable === undefined ? [] : [stable.version]),
      ...(warm && previous !== undefined ? [previous.version] : []),
    ].filter((v) => v !== rolledBack);
    const draining = this.sessionDraining(aimodel, versions, history, running, {
      previous,
      windowEnd: warm ? undefined : windowEnd,
      now,
    });
    const until = Math.min(warm && windowEnd !== undefined ? windowEnd : Infinity, draining.until);
    return {
      stable,
      canaries,
      running: [...running, ...draining.versions],
      draining: draining.versions,
      kept,
      ...(Number.isFinite(until) ? { wakeAt: until } : {}),
    };
  }

  /**
   * With session affinity on, the versions whose session route was dropped less than
   * {@link SESSION_ROUTE_DRAIN_MS} ago keep their workload (at weight 0, serving no new session): a
   * forwarded turn still routed there by a proxy that has not seen the new routes yet is answered, and
   * moves its session once it lands elsewhere. Without the drain, the route and the pods would go in the
   * same moment, and the mesh may learn of the pods first. `until` is when the next one ends.
   */
  private sessionDraining(
    aimodel: AIModel,
    versions: readonly VersionView[],
    history: readonly HistoryEntry[],
    running: readonly VersionView[],
    left: { previous: VersionView | undefined; windowEnd: number | undefined; now: number },
  ): { versions: VersionView[]; until: number } {
    let on: boolean;
    try {
      on = sessionAffinityOf(aimodel, this.scope.routes).on;
    } catch {
      on = false; // refused by render, which reports it
    }
    if (!on) return { versions: [], until: Infinity };
    const routeGoneAt = (v: VersionView): number => {
      if (v.version === left.previous?.version && left.windowEnd !== undefined) return left.windowEnd;
      const byModel = modelRollbackOf(history, v);
      if (byModel !== undefined) return Date.parse(byModel.time);
      if (v.phase === 'RolledBack' || v.phase === 'Failed') return Date.parse(v.finishedAt ?? '');
      return Number.NaN;
    };
    const out: VersionView[] = [];
    let until = Infinity;
    for (const v of versions) {
      if (running.some((r) => r.version === v.version)) continue;
      const end = routeGoneAt(v) + SESSION_ROUTE_DRAIN_MS;
      if (!(left.now < end)) continue; // drained, or never had a route to drop
      out.push(v);
      until = Math.min(until, end);
    }
    return { versions: out, until };
  }

  /**
   * Ensures workloads and routes: renders with the weights in place now, applies, prunes; a pass
   * whose inputs match the last one that found everything in place skips all three. Returns the
   * split rendered, or undefined when render refused the input (reported in status and an Event).
   * @throws the apply's error, after reporting it (retried with backoff)
   */
  private async ensureDerived(
    aimodel: AIModel & KubeObject,
    target: TrafficTarget,
    roles: Roles,
    live: ReadonlyMap<string, KubeObject[]>,
    now: number,
  ): Promise<TrafficWeight[] | undefined> {
    const { router } = this.deps;
    const observed = await this.observedWeights(target);
    const traffic = renderTraffic(roles.running, roles.stable, canaryOf(roles.canaries), observed);
    // A split made of replica counts is rendered, so no autoscaler moves it.
    const replicaSplit = await router.replicaCounts?.(target, roles.running);
    // The candidate's preview, cohort or mirror routes are the router's, rendered as they are (like
    // the weights), so the apply of the rendered routes never undoes them.
    const candidate = await this.observedCandidate(target, roles.running);
    // Pinned sessions reach the versions kept serving and those the routes send requests to; render
    // adds the session routes only when the AIModel's affinity resolves on.
    const sessionVersions = [...new Set([...roles.kept, ...servingVersions(traffic, candidate)])].sort();
    const renderOptions = {
      routes: this.scope.routes,
      mesh: this.scope.mesh,
      sessionVersions,
      ...(this.deps.tracing === undefined ? {} : { tracing: this.deps.tracing }),
      ...(candidate === undefined ? {} : { candidate }),
      // A canary draining after its rollback keeps the capacity of its weight, 0: it is not scaled up.
      scaleWithTraffic: [
        ...versionsScaledWithTraffic(
          roles.canaries.map((v) => ({ ...v, strategy: v.object.status?.strategy })),
        ),
        ...roles.draining.filter((v) => v.promotedAt === undefined).map((v) => v.version),
      ].sort(),
      ...(replicaSplit === undefined ? {} : { replicaSplit }),
    };
    const key = `${target.namespace}/${target.model}`;
    const fingerprint = passFingerprint(aimodel, roles.running, traffic, renderOptions, live);
    if (this.inPlace.get(key) === fingerprint) return traffic;
    let rendered: RenderedObject[];
    try {
      rendered = render(
        aimodel,
        roles.running.map((v) => v.object),
        traffic,
        renderOptions,
      );
    } catch (error) {
      // Bad input the schema could not refuse (e.g. two versions whose names collide): say so, wait for a fix.
      await this.reportFailure(aimodel, key, REASONS.RenderFailed, error, now);
      return undefined;
    }
    try {
      const wrote = await this.applyAndPrune(aimodel, rendered, live);
      if (roles.running.length > 0)
        await router.reconcile(
          target,
          roles.running.map((v) => v.version),
        );
      // Only a pass that wrote nothing proves the objects in place at the versions it fingerprinted
      // (a write by the router moves a resourceVersion, so its fingerprint cannot match again).
      if (wrote) this.inPlace.delete(key);
      else this.inPlace.set(key, fingerprint);
    } catch (error) {
      await this.reportFailure(aimodel, key, REASONS.ApplyFailed, error, now);
      throw error; // retried with backoff
    }
    return traffic;
  }

  /** A failed render or apply: Degraded in status and a Warning Event; the next pass starts afresh. */
  private async reportFailure(
    aimodel: AIModel & KubeObject,
    key: string,
    reason: string,
    error: unknown,
    now: number,
  ): Promise<void> {
    const message = (error as Error).message;
    this.inPlace.delete(key);
    await this.writeStatus(aimodel, { failure: { reason, message } }, now);
    await this.event(aimodel, 'Warning', reason, message);
  }

  /** How long the previous stable stays warm: the rollback window, and at least the bake of the stable. */
  private warmWindowMs(aimodel: AIModel, stable: VersionView): number {
    try {
      const policy = resolvePolicy({
        promotion: stable.object.spec.promotion,
        rollout: aimodel.spec.rollout,
      });
      return Math.max(this.rollbackWindowMs, policy.scaleDownDelayMs, policy.bakeWindowMs);
    } catch {
      // An invalid policy is reported on the ModelVersion; here the rollback window alone applies.
      return this.rollbackWindowMs;
    }
  }

  /** The router's candidate routes now, when they name a running version. */
  private async observedCandidate(
    target: TrafficTarget,
    running: readonly VersionView[],
  ): Promise<CandidateRoutes | undefined> {
    try {
      const candidate = await this.deps.router.getCandidate(target);
      if (candidate === undefined || isPlainRouting(candidate.routing)) return undefined;
      return running.some((v) => v.version === candidate.version) ? candidate : undefined;
    } catch (error) {
      if (error instanceof RoutesNotFoundError) return undefined;
      throw error;
    }
  }

  /** The router's split now, or undefined while the routes do not exist yet. */
  private async observedWeights(target: {
    namespace: string;
    model: string;
  }): Promise<VersionWeight[] | undefined> {
    try {
      return await this.deps.router.getWeights(target);
    } catch (error) {
      if (error instanceof RoutesNotFoundError) return undefined;
      throw error;
    }
  }

  /** Derived objects of this AIModel that exist now, by kind (the apply's "live" and the prune's candidates). */
  private async listDerived(aimodel: AIModel & KubeObject): Promise<Map<string, KubeObject[]>> {
    const out = new Map<string, KubeObject[]>();
    const labels = { [LABEL_APP]: aimodel.metadata.name ?? '', [LABEL_MANAGED_BY]: MANAGED_BY };
    // A kind whose CRD is not installed (no VPA, say) is cached as empty: nothing to prune; applying
    // one fails with an ApplyFailed condition naming the kind.
    for (const rt of derivedKinds(this.scope)) {
      out.set(rt.kind, await this.deps.client.list(rt, aimodel.metadata.namespace ?? '', { labels }));
    }
    return out;
  }

  private async applyAndPrune(
    aimodel: AIModel & KubeObject,
    rendered: readonly RenderedObject[],
    live: ReadonlyMap<string, KubeObject[]>,
  ): Promise<boolean> {
    const { applier } = this.deps;
    let wrote = false;
    const keep = new Map<string, Set<string>>();
    for (const object of makeBeforeBreak(rendered, live)) {
      const rt = resourceTypeOf(object.apiVersion, object.kind);
      const current = live.get(rt.kind)?.find((o) => o.metadata.name === object.metadata.name);
      const desired =
        current === undefined ? object : (this.deps.router.withForeignRoutes?.(object, current) ?? object);
      const applied = await applier.apply(rt, desired, current === undefined ? {} : { live: current });
      wrote ||= applied.changed;
      keep.set(rt.kind, (keep.get(rt.kind) ?? new Set()).add(object.metadata.name));
    }
    const selector = { [LABEL_APP]: aimodel.metadata.name ?? '', [LABEL_MANAGED_BY]: MANAGED_BY };
    // Reverse order: routes stop naming a version before its workload goes.
    for (const rt of [...derivedKinds(this.scope)].reverse()) {
      const deleted = await applier.prune(rt, {
        owner: aimodel,
        selector,
        keep: keep.get(rt.kind) ?? [],
        live: live.get(rt.kind) ?? [],
      });
      wrote ||= deleted.length > 0;
    }
    return wrote;
  }

  /**
   * `ai.suoke.life/action` on the AIModel. `rollback` shifts all traffic to the previous stable when it
   * is warm and no canary is rolling out; anything else is rejected with a reason. Returns undefined
   * when no action was requested.
   */
  private async handleAction(
    aimodel: AIModel & KubeObject,
    versions: readonly VersionView[],
    history: readonly HistoryEntry[],
    live: ReadonlyMap<string, KubeObject[]>,
    now: number,
  ): Promise<ActionOutcome | undefined> {
    const raw = aimodel.metadata.annotations?.[ACTION_ANNOTATION];
    if (raw === undefined) return undefined;
    const name = raw.trim();
    const reject = (message: string): ActionOutcome => ({ name, accepted: false, message });
    if (!(AIMODEL_ACTIONS as readonly string[]).includes(name)) {
      return reject(
        `unknown action '${name}' on an AIModel; use one of ${AIMODEL_ACTIONS.join(', ')} (promote, abort, pause, resume and retry go on a ModelVersion)`,
      );
    }
    const stable = stableOf(versions, history);
    // Written before a restart that came before the annotation was cleared: already done.
    const last = history[0];
    if (
      stable !== undefined &&
      last?.outcome === 'RolledBack' &&
      last.message === rollbackMessage(stable.version)
    ) {
      return { name, accepted: true, message: last.message };
    }
    if (stable === undefined) return reject('no stable version to roll back from');
    const canary = canaryOf(versions.filter((v) => v.version !== stable.version));
    if (canary !== undefined) {
      return reject(
        `version ${canary.version} is rolling out (phase ${canary.phase}); set ${ACTION_ANNOTATION}=abort on ModelVersion ${canary.name} instead`,
      );
    }
    const previous = previousStableOf(versions, history, stable.version);
    if (previous === undefined)
      return reject(`version ${stable.version} is the only stable version there has been`);
    const windowEnd = Date.parse(stable.promotedAt ?? '') + this.warmWindowMs(aimodel, stable);
    const deployment = live
      .get(DEPLOYMENT.kind)
      ?.find((d) => d.metadata.name === versionedName(aimodel.metadata.name ?? '', previous.version));
    if (!(now < windowEnd) || deployment === undefined || !deploymentAvailable(deployment)) {
      return reject(
        `previous stable version ${previous.version} is no longer warm (rollback window ended ${new Date(windowEnd).toISOString()}); apply a ModelVersion for it to roll it out again`,
      );
    }
    const target = { namespace: aimodel.metadata.namespace ?? '', model: aimodel.metadata.name ?? '' };
    await this.deps.router.finalize(target, previous.version, { leaving: stable.version });
    const message = rollbackMessage(previous.version);
    this.log.info({ aimodel: target, from: stable.version, to: previous.version }, 'rolled back by request');
    return {
      name,
      accepted: true,
      message,
      entry: { version: stable.version, outcome: 'RolledBack', time: new Date(now).toISOString(), message },
    };
  }

  private async writeStatus(aimodel: AIModel & KubeObject, input: StatusInput, now: number): Promise<void> {
    const previous = aimodel.status ?? {};
    const status = aimodelStatus(aimodel, previous, input, now);
    const wrote = await updateStatus(this.deps.client, AIMODEL, aimodel, status);
    if (!wrote.changed) return;
    // Transitions a person wants to see in `kubectl describe aimodel`: a change of stable version. A
    // model's first stable is its version's own Promoted Event, not repeated here (1,000 models
    // applied at once: 1,000 Events fewer).
    if (
      previous.stableVersion !== undefined &&
      previous.stableVersion !== status.stableVersion &&
      status.stableVersion !== undefined
    ) {
      await this.event(
        aimodel,
        'Normal',
        REASONS.StableAvailable,
        `version ${status.stableVersion} is the stable version`,
      );
    }
    if (input.action !== undefined) {
      await this.event(
        aimodel,
        input.action.accepted ? 'Normal' : 'Warning',
        input.action.accepted ? REASONS.RolledBackToPrevious : REASONS.ActionRejected,
        input.action.accepted
          ? `action '${input.action.name}': ${input.action.message}`
          : `action '${input.action.name}' rejected: ${input.action.message}`,
      );
    }
  }

  private event(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, note: string): Promise<unknown> {
    return this.deps.events.record(obj, { type, reason, action: 'Reconcile', note });
  }
}

/** Which version plays which part in a pass (rollout-deps/versions.ts). */
interface Roles {
  readonly stable: VersionView | undefined;
  /** Versions holding the canary slot, the stable excluded. */
  readonly canaries: readonly VersionView[];
  /**
   * The versions that get a workload: the stable, the previous stable while warm, the canaries, and
   * those draining.
   */
  readonly running: readonly VersionView[];
  /** Versions whose session route was just dropped, kept until the mesh has seen it go (sessionDraining). */
  readonly draining: readonly VersionView[];
  /**
   * Versions that serve their pinned sessions whatever their weight (session affinity): the stable, and the
   * previous stable until it is scaled down; not a version rolled back by request.
   */
  readonly kept: readonly string[];
  /**
   * When a workload kept for a while must go (ms since the epoch): the end of the previous stable's warm
   * window, or of a session drain.
   */
  readonly wakeAt?: number;
}

/** What the status is computed from; `failure` alone when rendering or applying failed. */
interface StatusInput {
  readonly failure?: { readonly reason: string; readonly message: string };
  readonly history?: HistoryEntry[];
  readonly stable?: VersionView;
  readonly canary?: VersionView;
  readonly weights?: readonly VersionWeight[];
  readonly deployments?: readonly KubeObject[];
  readonly running?: readonly VersionView[];
  readonly action?: ActionOutcome;
}

function aimodelStatus(
  aimodel: AIModel,
  previous: AIModelStatus,
  input: StatusInput,
  now: number,
): AIModelStatus {
  const generation = aimodel.metadata.generation;
  const withGen = generation === undefined ? {} : { observedGeneration: generation };
  if (input.failure !== undefined) {
    const conditions = setCondition(
      previous.conditions as Condition[] | undefined,
      {
        type: T.Degraded,
        status: 'True',
        reason: input.failure.reason,
        message: input.failure.message.slice(0, 32_000),
        ...withGen,
      },
      now,
    );
    return { ...previous, ...withGen, conditions };
  }
  const name = aimodel.metadata.name ?? '';
  const stable = input.stable;
  const canary = input.canary;
  const stableDeployment =
    stable === undefined
      ? undefined
      : input.deployments?.find((d) => d.metadata.name === versionedName(name, stable.version));
  const conditions = [
    readyCondition(stable, stableDeployment),
    progressingCondition(canary),
    {
      type: T.Degraded,
      status: 'False' as const,
      reason: REASONS.AsExpected,
      message: 'derived objects are applied',
    },
    ...(input.action === undefined ? [] : [lastActionCondition(input.action)]),
  ].reduce<Condition[]>(
    (list, c) => setCondition(list, { ...c, ...withGen }, now),
    (previous.conditions ?? []) as Condition[],
  );
  const weights = [...(input.weights ?? [])].sort((a, b) => (a.version < b.version ? -1 : 1));
  const canaryWeight =
    canary === undefined ? undefined : (weights.find((w) => w.version === canary.version)?.weight ?? 0);
  const namespace = aimodel.metadata.namespace;
  const replicas = replicasOf(input.deployments ?? [], input.running ?? []);
  return {
    ...withGen,
    ...(stable === undefined ? {} : { stableVersion: stable.version }),
    ...(canary === undefined ? {} : { canaryVersion: canary.version, canaryWeight }),
    traffic: weights.map((w) => ({ version: w.version, weight: w.weight })),
    replicas: replicas.replicas,
    readyReplicas: replicas.readyReplicas,
    endpoint: namespace === undefined ? `http://${name}` : `http://${name}.${namespace}.svc.cluster.local`,
    history: input.history ?? [],
    conditions,
  };
}

type ConditionFor = Omit<ConditionInput, 'observedGeneration'>;

/** Ready: the stable version exists and its workload is Available. */
function readyCondition(stable: VersionView | undefined, deployment: KubeObject | undefined): ConditionFor {
  if (stable === undefined) {
    return {
      type: T.Ready,
      status: 'False',
      reason: REASONS.NoStableVersion,
      message: 'no version has been promoted yet',
    };
  }
  return deployment !== undefined && deploymentAvailable(deployment)
    ? {
        type: T.Ready,
        status: 'True',
        reason: REASONS.StableAvailable,
        message: `stable version ${stable.version} is available`,
      }
    : {
        type: T.Ready,
        status: 'False',
        reason: REASONS.StableUnavailable,
        message: `stable version ${stable.version} is not available`,
      };
}

/** Progressing: a version holds the canary slot. */
function progressingCondition(canary: VersionView | undefined): ConditionFor {
  return canary === undefined
    ? { type: T.Progressing, status: 'False', reason: REASONS.NoRollout, message: 'no rollout in progress' }
    : {
        type: T.Progressing,
        status: 'True',
        reason: REASONS.CanaryInProgress,
        message: `version ${canary.version} is ${canary.phase}`,
      };
}

/** The last rollback request and what became of it. */
function lastActionCondition(action: ActionOutcome): ConditionFor {
  return {
    type: LAST_ACTION_CONDITION,
    status: action.accepted ? 'True' : 'False',
    reason: action.accepted ? REASONS.ActionAccepted : REASONS.ActionRejected,
    message: `${action.name}: ${action.message}`,
  };
}

/** Replicas and ready replicas of the running versions' Deployments. */
function replicasOf(
  deployments: readonly KubeObject[],
  running: readonly VersionView[],
): { replicas: number; readyReplicas: number } {
  const versions = new Set(running.map((v) => v.version));
  const counted = deployments.filter((d) => versions.has(d.metadata.labels?.['version'] ?? ''));
  const sum = (field: 'replicas' | 'readyReplicas'): number =>
    counted.reduce(
      (n, d) => n + (((d.status as Record<string, number> | undefined)?.[field] ?? 0) as number),
      0,
    );
  return { replicas: sum('replicas'), readyReplicas: sum('readyReplicas') };
}

/** Whether a running version had no Deployment before this pass (which has just applied it). */
function newWorkload(
  running: readonly VersionView[],
  live: ReadonlyMap<string, readonly KubeObject[]>,
): boolean {
  const deployed = new Set((live.get(DEPLOYMENT.kind) ?? []).map((d) => d.metadata.labels?.['version']));
  return running.some((v) => !deployed.has(v.version));
}

/**
 * How long the AIModel's status write waits for a version created less than {@link UnseenVersionGraceMs}
 * ago: one its controller has never reconciled (no status), and, while the AIModel has no status at all,
 * one still Pending or Deploying. The second spares a new AIModel a write of its own: when its first
 * version's pods start within the wait, the first status says Ready instead of "deploying" a moment
 * before (1,000 AIModels applied at once: up to 1,000 status writes fewer); when they take longer, it
 * reports them deploying once the wait is over. A new AIModel with no version at all waits
 * {@link NoVersionGraceMs} from its own creation for one to appear. Each wait runs from `since`
 * instead when that is later (the pass that applied the first workload). Undefined when nothing waits.
 */
function statusWait(
  aimodel: AIModel & KubeObject,
  versions: readonly VersionView[],
  now: number,
  since: number,
): number | undefined {
  const neverReported = aimodel.status === undefined;
  const from = (created: string | undefined): number => Math.max(Date.parse(created ?? '') || 0, since);
  if (neverReported && versions.length === 0) {
    const left = from(aimodel.metadata.creationTimestamp) + NoVersionGraceMs - now;
    return left > 0 ? left : undefined;
  }
  let wait: number | undefined;
  for (const v of versions) {
    const unsettled =
      v.object.status === undefined || (neverReported && (v.phase === 'Pending' || v.phase === 'Deploying'));
    if (!unsettled) continue;
    const left = from(v.createdAt) + UnseenVersionGraceMs - now;
    if (left > 0) wait = Math.max(wait ?? 0, left);
  }
  return wait;
}

/** Longest wait of the AIModel's status for a new version's first status: 10 s. */
const UnseenVersionGraceMs = 10_000;

/**
 * Longest wait of a new AIModel's first status for a version to exist: 5 s from its creation. Models
 * and versions applied together arrive in any order (`kubectl apply -f dir/` sends every AIModel
 * first); without the wait the first models would report "no version" a moment before "deploying".
 */
const NoVersionGraceMs = 5_000;

/**
 * The split to render. The router's reported weights win whenever the routes exist, so the render
 * never moves a weight; before that (a new AIModel), the stable gets what the canary's status leaves,
 * or the only version gets everything.
 */
export function renderTraffic(
  running: readonly VersionView[],
  stable: VersionView | undefined,
  canary: VersionView | undefined,
  observed: readonly VersionWeight[] | undefined,
): TrafficWeight[] {
  const names = new Set(running.map((v) => v.version));
  const kept = (observed ?? []).filter((w) => names.has(w.version));
  if (kept.reduce((n, w) => n + w.weight, 0) === 100) {
    // Versions without a route yet get 0 until the router gives them a share.
    return [
      ...kept,
      ...[...names]
        .filter((v) => !kept.some((w) => w.version === v))
        .map((version) => ({ version, weight: 0 })),
    ];
  }
  const canaryWeight = Math.min(100, Math.max(0, canary?.object.status?.canaryWeight ?? 0));
  const first = stable ?? running[0];
  if (first === undefined) return [];
  return running.map((v) => ({
    version: v.version,
    weight:
      v.version === first.version
        ? canary === undefined || canary.version === first.version
          ? 100
          : 100 - canaryWeight
        : v.version === canary?.version
          ? canaryWeight
          : 0,
  }));
}

/**
 * Everything a pass renders from and compares with: the AIModel and the running versions as they
 * were given (status and server bookkeeping left out), the split, the render options, and the
 * resourceVersion of every derived object that exists.
 */
function passFingerprint(
  aimodel: AIModel & KubeObject,
  running: readonly VersionView[],
  traffic: readonly TrafficWeight[],
  options: unknown,
  live: ReadonlyMap<string, KubeObject[]>,
): string {
  const declared = (o: KubeObject): unknown => {
    const { status: _s, metadata, ...rest } = o;
    const { resourceVersion: _rv, managedFields: _mf, ...meta } = metadata;
    return { ...rest, metadata: meta };
  };
  const objects = [...live]
    .flatMap(([kind, list]) => list.map((o) => `${kind}/${o.metadata.name}@${o.metadata.resourceVersion}`))
    .sort();
  return createHash('sha256')
    .update(
      canonicalJson({
        aimodel: declared(aimodel),
        versions: running.map((v) => declared(v.object as ModelVersion & KubeObject)),
        traffic,
        options,
        objects,
      }),
    )
    .digest('base64url');
}

function uniqueVersions(list: readonly VersionView[]): VersionView[] {
  const seen = new Set<string>();
  return list.filter((v) => (seen.has(v.version) ? false : (seen.add(v.version), true)));
}

/** Subset names of a DestinationRule object. */
function subsetNames(object: object): string[] {
  const subsets = (object as { spec?: { subsets?: { name?: string }[] } }).spec?.subsets ?? [];
  return subsets.map((s) => s.name ?? '');
}

/**
 * The rendered objects in the order they may be applied without a moment in which a route names a
 * subset that is gone: a DestinationRule that drops a subset of the live one goes last, after the
 * VirtualService stops naming it (a route to a missing subset fails its requests in Envoy); one that
 * only adds subsets keeps its place, before the routes that start naming them.
 */
export function makeBeforeBreak(
  rendered: readonly RenderedObject[],
  live: ReadonlyMap<string, KubeObject[]>,
): RenderedObject[] {
  const drops = (object: RenderedObject): boolean => {
    if (object.kind !== 'DestinationRule') return false;
    const current = live.get('DestinationRule')?.find((o) => o.metadata.name === object.metadata.name);
    if (current === undefined) return false;
    const desired = new Set(subsetNames(object));
    return subsetNames(current).some((name) => !desired.has(name));
  };
  return [...rendered.filter((o) => !drops(o)), ...rendered.filter(drops)];
}
