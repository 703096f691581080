/**
 * The ModelRegistry reconciler. Each pass, as ordered steps:
 *
 * 1. read the ModelRegistry fresh from the API server (level-based; a fresh read also keeps the status
 *    write from conflicting with our own previous write still on its way into the cache);
 * 2. skip if not due: a pass triggered early (by our own status write, a resync) while the spec is
 *    unchanged waits for the next probe time instead of hammering a registry that is down;
 * 3. load credentials from the Secret, probe (with `spec.timeout`), record latency and `Connected`;
 * 4. when connected and a sync is due (`spec.sync.interval` since the last one, or the spec changed),
 *    list versions of the tracked models, merge them into `discoveredVersions`, set `Synced`;
 * 5. with `autoCreateVersions`, create a ModelVersion per newly discovered version (see auto-create.ts);
 * 6. write status only if it changed, record Events on transitions, and requeue: after the backoff for
 *    `consecutiveFailures` when failing, else at the next sync.
 *
 * `consecutiveFailures` counts failed attempts in a row, probe or sync; it drives the backoff and is
 * reset by a fully successful pass. `lastProbeTime` and `latencyMs` are refreshed whenever status is
 * written for another reason (at least once per sync); on their own they do not justify a write, or
 * every write would queue another reconcile that writes again.
 */
import type { Condition, DiscoveredVersion, ModelRegistryStatus } from '../../crds/api/index.js';
import { ApiError, isConflict } from '../kit/client.js';
import type { ClusterClient } from '../kit/cluster-client.js';
import type { Clock } from '../kit/clock.js';
import { findCondition, setCondition } from '../kit/conditions.js';
import { deepEqual } from '../kit/deep-equal.js';
import type { EventRecorder } from '../kit/events.js';
import { silentLogger, type Logger } from '../kit/logger.js';
import { TerminalError, type Reconciler, type Request, type Result } from '../kit/reconciler.js';
import { updateStatus } from '../kit/status.js';
import { MODEL_REGISTRY, MODEL_VERSION } from '../kinds.js';
import { parseDuration } from '../rollout/duration.js';
import { buildModelVersion, modelVersionName } from './auto-create.js';
import { backoffDelay, backoffOf, type Backoff } from './backoff.js';
import { loadCredentials } from './credentials.js';
import { createRegistryClient, type RegistryClientFactory } from './factory.js';
import { reasonFor, REGISTRY_REASONS } from './reasons.js';
import type { RegistryClient, RegistryFailure } from './registry-client.js';
import type { ModelRegistryObject, ModelVersionObject } from './resources.js';
import { isValidVersionName, mergeDiscovered, type FoundVersion } from './versions.js';

/** `spec.sync.interval` default, in ms. */
export const DEFAULT_SYNC_INTERVAL_MS = 300_000;
/** `spec.timeout` default, in ms. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** `status.lastError` is at most this long (the schema's maxLength). */
const MAX_ERROR_LENGTH = 4096;
/** Condition messages are cut here; a registry's error page must not bloat status. */
const MAX_MESSAGE_LENGTH = 4096;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

export interface ModelRegistryReconcilerDeps {
  /** Reads ModelRegistries and ModelVersions from the informer caches, writes to the API server. */
  readonly client: ClusterClient;
  readonly events: EventRecorder;
  readonly clock: Clock;
  /** @default silentLogger */
  readonly logger?: Logger;
  /** @default createRegistryClient (oci, mlflow, http) */
  readonly clientFactory?: RegistryClientFactory;
}

/** Everything one pass knows, computed once (Argo Rollouts' context object). */
interface PassContext {
  /** The object as read at the start of the pass. */
  readonly registry: ModelRegistryObject;
  /** Its status as read (never mutated). */
  readonly before: ModelRegistryStatus;
  /** Wall-clock time of the pass, ms. */
  readonly now: number;
  /** `metadata.generation`; a change means the spec changed since the last pass. */
  readonly generation: number;
  readonly syncIntervalMs: number;
  readonly timeoutMs: number;
  readonly backoff: Backoff;
  /** True when there are models to track. */
  readonly syncEnabled: boolean;
}

type Status = ModelRegistryStatus & { conditions?: Condition[] };

export class ModelRegistryReconciler implements Reconciler {
  private readonly log: Logger;
  private readonly clientFactory: RegistryClientFactory;

  constructor(private readonly deps: ModelRegistryReconcilerDeps) {
    this.log = deps.logger ?? silentLogger;
    this.clientFactory = deps.clientFactory ?? createRegistryClient;
  }

  /** Read → wait until due → credentials and probe → sync when due → auto-create → write status. */
  async reconcile(request: Request, signal?: AbortSignal): Promise<Result> {
    // Read (from the cache).
    const registry = await this.deps.client.get<ModelRegistryObject>(
      MODEL_REGISTRY,
      request.namespace,
      request.name,
    );
    if (registry === undefined) return {}; // Deleted: nothing of ours to clean up (we set no finalizer).
    // Being deleted: probing now would only race the deletion.
    if (registry.metadata.deletionTimestamp) return {};
    const ctx = this.context(registry);

    // Not due yet: wait, without probing or writing.
    const due = this.nextDueAt(ctx);
    if (due !== undefined && ctx.now < due) return { requeueAfter: due - ctx.now };

    // Credentials and probe.
    const next: Status = { ...ctx.before, observedGeneration: ctx.generation };
    const client = await this.client(ctx);
    if (!client.ok) return this.finish(ctx, this.failed(ctx, next, client.failure, undefined));
    const probe = await client.client.probe(signal);
    if (!probe.ok) return this.finish(ctx, this.failed(ctx, next, probe.failure, probe.latencyMs));
    next.latencyMs = probe.latencyMs;
    next.lastProbeTime = iso(ctx.now);
    next.conditions = setCondition(
      next.conditions,
      {
        type: 'Connected',
        status: 'True',
        observedGeneration: ctx.generation,
        reason: REGISTRY_REASONS.ProbeSucceeded,
        // No latency here: it changes on every probe and would turn each probe into a status write.
        message: 'The registry answers and accepts the credentials.',
      },
      ctx.now,
    );
    return this.finish(ctx, await this.syncWhenDue(ctx, next, client.client, signal));
  }

  /**
   * After a successful probe: lists the tracked models when a sync is due, records what it found in
   * `next`, and creates ModelVersions for new versions when `autoCreateVersions` asks for it.
   */
  private async syncWhenDue(
    ctx: PassContext,
    next: Status,
    client: RegistryClient,
    signal: AbortSignal | undefined,
  ): Promise<{ status: Status; created: Created[] }> {
    const failures = ctx.before.consecutiveFailures ?? 0;
    if (!ctx.syncEnabled) {
      next.conditions = setCondition(
        next.conditions,
        {
          type: 'Synced',
          status: 'False',
          observedGeneration: ctx.generation,
          reason: REGISTRY_REASONS.SyncDisabled,
          message: 'No models to track; list them in spec.sync.models to discover versions.',
        },
        ctx.now,
      );
      delete next.discoveredVersions;
      delete next.lastError;
      next.consecutiveFailures = 0;
      return { status: next, created: [] };
    }
    if (!this.syncDue(ctx)) {
      if (failures > 0) {
        next.consecutiveFailures = 0;
        delete next.lastError;
      }
      return { status: next, created: [] };
    }
    const sync = await this.sync(ctx, client, signal);
    next.discoveredVersions = sync.discovered;
    next.lastSyncTime = iso(ctx.now);
    if (sync.failures.length > 0) {
      next.consecutiveFailures = failures + 1;
      next.lastError = clip(sync.failures[0]!.message, MAX_ERROR_LENGTH);
    } else {
      next.consecutiveFailures = 0;
      delete next.lastError;
    }
    next.conditions = setCondition(next.conditions, syncedCondition(ctx, sync), ctx.now);
    const created = ctx.registry.spec.sync?.autoCreateVersions
      ? await this.autoCreate(ctx, sync.added, sync.firstSync)
      : [];
    return { status: next, created };
  }

  private context(registry: ModelRegistryObject): PassContext {
    const spec = registry.spec;
    try {
      return {
        registry,
        before: (registry.status ?? {}) as Status,
        now: this.deps.clock.now(),
        generation: registry.metadata.generation ?? 0,
        syncIntervalMs: spec.sync?.interval
          ? parseDuration(spec.sync.interval, 'spec.sync.interval')
          : DEFAULT_SYNC_INTERVAL_MS,
        timeoutMs: spec.timeout ? parseDuration(spec.timeout, 'spec.timeout') : DEFAULT_TIMEOUT_MS,
        backoff: backoffOf(spec),
        syncEnabled: (spec.sync?.models?.length ?? 0) > 0,
      };
    } catch (err) {
      // The CRD's schema refuses these; reaching here means an old or hand-edited object.
      throw new TerminalError(
        `ModelRegistry ${registry.metadata.namespace}/${registry.metadata.name}: ${(err as Error).message}`,
        {
          cause: err,
        },
      );
    }
  }

  /** When the next probe is due (undefined: now, e.g. first pass or spec changed). */
  private nextDueAt(ctx: PassContext): number | undefined {
    const st = ctx.before;
    if (st.observedGeneration !== ctx.generation || !st.lastProbeTime) return undefined;
    const lastProbe = Date.parse(st.lastProbeTime);
    const failures = st.consecutiveFailures ?? 0;
    if (failures > 0) return lastProbe + backoffDelay(failures, ctx.backoff);
    if (ctx.syncEnabled && st.lastSyncTime) return Date.parse(st.lastSyncTime) + ctx.syncIntervalMs;
    return lastProbe + ctx.syncIntervalMs;
  }

  private syncDue(ctx: PassContext): boolean {
    const st = ctx.before;
    if (st.observedGeneration !== ctx.generation || !st.lastSyncTime) return true;
    if (findCondition(st.conditions, 'Synced')?.status !== 'True') return true;
    return ctx.now >= Date.parse(st.lastSyncTime) + ctx.syncIntervalMs;
  }

  private async client(
    ctx: PassContext,
  ): Promise<{ ok: true; client: RegistryClient } | { ok: false; failure: RegistryFailure }> {
    const spec = ctx.registry.spec;
    let url: URL;
    try {
      url = new URL(spec.url);
    } catch {
      return {
        ok: false,
        failure: { kind: 'invalid-config', message: `spec.url '${spec.url}' is not a URL` },
      };
    }
    if (url.username || url.password) {
      return {
        ok: false,
        failure: {
          kind: 'invalid-config',
          message:
            'spec.url carries credentials; remove them and put them in the Secret named by spec.auth.secretRef',
        },
      };
    }
    // Secrets are read directly, once per probe: caching them would mean watching every Secret of
    // the cluster (memory, and RBAC to list them all) for the few a registry names.
    const creds = await loadCredentials(this.deps.client.api, ctx.registry);
    if (!creds.ok) return creds;
    try {
      return {
        ok: true,
        client: this.clientFactory(spec.type, {
          url: spec.url,
          credentials: creds.credentials,
          caBundle: spec.tls?.caBundle,
          insecure: spec.tls?.insecure ?? false,
          timeoutMs: ctx.timeoutMs,
        }),
      };
    } catch (err) {
      return { ok: false, failure: { kind: 'invalid-config', message: (err as Error).message } };
    }
  }

  private failed(
    ctx: PassContext,
    next: Status,
    failure: RegistryFailure,
    latencyMs: number | undefined,
  ): { status: Status; created: [] } {
    next.consecutiveFailures = (ctx.before.consecutiveFailures ?? 0) + 1;
    next.lastError = clip(failure.message, MAX_ERROR_LENGTH);
    next.lastProbeTime = iso(ctx.now);
    if (latencyMs !== undefined) next.latencyMs = latencyMs;
    next.conditions = setCondition(
      next.conditions,
      {
        type: 'Connected',
        status: 'False',
        observedGeneration: ctx.generation,
        reason: reasonFor(failure.kind),
        message: clip(failure.message, MAX_MESSAGE_LENGTH),
      },
      ctx.now,
    );
    return { status: next, created: [] };
  }

  private async sync(
    ctx: PassContext,
    client: RegistryClient,
    signal?: AbortSignal,
  ): Promise<{
    discovered: DiscoveredVersion[];
    added: DiscoveredVersion[];
    failures: RegistryFailure[];
    firstSync: boolean;
  }> {
    const models = ctx.registry.spec.sync?.models ?? [];
    const found: FoundVersion[] = [];
    const failures: RegistryFailure[] = [];
    const failedModels = new Set<string>();
    for (const model of models) {
      const r = await client.listVersions(model, signal);
      if (!r.ok) {
        failures.push(r.failure);
        failedModels.add(model.name);
        continue;
      }
      for (const v of r.versions) {
        // Entries the status schema would refuse (it bounds lengths) are left out, or one odd entry in
        // an index would block every status write of this registry.
        // A digest other than sha256 is dropped (ModelVersion.spec.artifact.digest only takes sha256).
        if (v.version.length > 128 || v.uri.length > 2048) continue;
        const digest = v.digest && DIGEST.test(v.digest) ? v.digest : undefined;
        found.push({ model: model.name, version: v.version, uri: v.uri, digest });
      }
    }
    const tracked = new Set(models.map((m) => m.name));
    // Entries of models no longer tracked are dropped; those whose listing failed are kept as they were.
    const previous = (ctx.before.discoveredVersions ?? []).filter((v) => tracked.has(v.model));
    const merged = mergeDiscovered(previous, found, failedModels, iso(ctx.now));
    return { ...merged, failures, firstSync: !ctx.before.lastSyncTime };
  }

  /**
   * Creates ModelVersions for newly discovered versions of models with a modelRef. On the first sync of
   * a registry everything looks new; only the newest version of each model is created then, so adopting
   * a registry with a long history starts at most one rollout per model, not one per old tag.
   */
  private async autoCreate(
    ctx: PassContext,
    added: readonly DiscoveredVersion[],
    firstSync: boolean,
  ): Promise<Array<{ name: string; version: DiscoveredVersion; modelRef: string }>> {
    const refs = new Map((ctx.registry.spec.sync?.models ?? []).map((m) => [m.name, m.modelRef?.name]));
    const seenModels = new Set<string>();
    const candidates = added.filter((v) => {
      if (!refs.get(v.model)) return false;
      if (!firstSync) return true;
      if (seenModels.has(v.model)) return false;
      seenModels.add(v.model); // `added` is newest first
      return true;
    });
    if (candidates.length === 0) return [];
    const namespace = ctx.registry.metadata.namespace ?? 'default';
    const existing = await this.deps.client.list<ModelVersionObject>(MODEL_VERSION, namespace);
    const has = (modelRef: string, version: string): boolean =>
      existing.some((mv) => mv.spec?.modelRef?.name === modelRef && mv.spec?.version === version);
    const created: Array<{ name: string; version: DiscoveredVersion; modelRef: string }> = [];
    // Oldest first, so the newest version is created last and is the one a rollout ends on.
    for (const v of [...candidates].reverse()) {
      const modelRef = refs.get(v.model)!;
      if (has(modelRef, v.version)) continue;
      if (!isValidVersionName(v.version)) {
        await this.deps.events.record(ctx.registry, {
          type: 'Warning',
          reason: 'VersionSkipped',
          action: 'CreateModelVersion',
          note: `${v.model}@${v.version}: not a valid ModelVersion version (lower-case letters, digits, '-' and '.', at most 22 characters); create it by hand with a valid spec.version`,
        });
        continue;
      }
      const name = await this.createVersion(ctx, modelRef, v);
      if (name) created.push({ name, version: v, modelRef });
    }
    return created;
  }

  /** Creates one ModelVersion; returns its name, or undefined when one for that version already exists. */
  private async createVersion(
    ctx: PassContext,
    modelRef: string,
    v: DiscoveredVersion,
  ): Promise<string | undefined> {
    for (const disambiguate of [false, true]) {
      const name = modelVersionName(modelRef, v.version, disambiguate);
      try {
        await this.deps.client.create(MODEL_VERSION, buildModelVersion(ctx.registry, modelRef, v, name));
        return name;
      } catch (err) {
        if (err instanceof ApiError && (err.statusCode === 422 || err.statusCode === 400)) {
          // The API server refuses this object (e.g. a modelRef longer than an AIModel name may be):
          // retrying cannot help, and throwing would hold back the status of the whole registry.
          await this.deps.events.record(ctx.registry, {
            type: 'Warning',
            reason: 'VersionCreateFailed',
            action: 'CreateModelVersion',
            note: `${v.model}@${v.version}: ModelVersion '${name}' refused: ${(err as Error).message}`,
          });
          return undefined;
        }
        if (!isConflict(err)) {
          throw new Error(
            `ModelRegistry ${ctx.registry.metadata.namespace}/${ctx.registry.metadata.name}: cannot create ModelVersion '${name}' for ${v.model}@${v.version}: ${(err as Error).message}`,
            { cause: err },
          );
        }
        // Taken: by the same version (another replica or a retried pass got there first) or, rarely, by
        // another model's version whose `<model>-<version>` spells the same name.
        // A direct read: the name was taken a moment ago, so the cache may not hold the object yet.
        const other = await this.deps.client.apiReader.get<ModelVersionObject>(
          MODEL_VERSION,
          ctx.registry.metadata.namespace ?? '',
          name,
        );
        if (other?.spec?.modelRef?.name === modelRef && other.spec?.version === v.version) return undefined;
      }
    }
    return undefined;
  }

  /** Writes status if it changed, records Events, and computes the requeue. */
  private async finish(ctx: PassContext, outcome: { status: Status; created: Created[] }): Promise<Result> {
    const next = outcome.status;
    const before = ctx.before as Status;
    // Probe time and latency alone do not justify a write (see the file comment).
    if (deepEqual(withoutProbe(next), withoutProbe(before))) {
      if (before.lastProbeTime !== undefined) next.lastProbeTime = before.lastProbeTime;
      else delete next.lastProbeTime;
      if (before.latencyMs !== undefined) next.latencyMs = before.latencyMs;
      else delete next.latencyMs;
    }
    const { changed } = await updateStatus(this.deps.client, MODEL_REGISTRY, ctx.registry, next);
    const key = `${ctx.registry.metadata.namespace}/${ctx.registry.metadata.name}`;
    if (changed) await this.recordTransitions(ctx, before, next, key);
    for (const c of outcome.created) {
      this.log.info(
        { registry: key, modelVersion: c.name, version: c.version.version },
        'created ModelVersion',
      );
      await this.deps.events.record(ctx.registry, {
        type: 'Normal',
        reason: 'VersionCreated',
        action: 'CreateModelVersion',
        note: `Created ModelVersion ${c.name} for ${c.modelRef} from ${c.version.model}@${c.version.version}${c.version.digest ? ` (${c.version.digest})` : ''}.`,
      });
    }
    const failures = next.consecutiveFailures ?? 0;
    if (failures > 0) return { requeueAfter: backoffDelay(failures, ctx.backoff) };
    const lastSync = next.lastSyncTime ? Date.parse(next.lastSyncTime) : ctx.now;
    return { requeueAfter: Math.max(1_000, lastSync + ctx.syncIntervalMs - ctx.now) };
  }

  private async recordTransitions(
    ctx: PassContext,
    before: Status,
    after: Status,
    key: string,
  ): Promise<void> {
    const was = findCondition(before.conditions, 'Connected');
    const is = findCondition(after.conditions, 'Connected');
    if (is && was?.status !== is.status) {
      if (is.status === 'True') {
        this.log.info({ registry: key, latencyMs: after.latencyMs }, 'registry connected');
        await this.deps.events.record(ctx.registry, {
          type: 'Normal',
          reason: 'Connected',
          action: 'Probe',
          note: `${is.message} Latency ${after.latencyMs} ms.`,
        });
      } else {
        this.log.warn({ registry: key, reason: is.reason, error: is.message }, 'registry disconnected');
        await this.deps.events.record(ctx.registry, {
          type: 'Warning',
          reason: 'Disconnected',
          action: 'Probe',
          note: `${is.reason}: ${is.message}`,
        });
      }
    }
    const wasSynced = findCondition(before.conditions, 'Synced');
    const isSynced = findCondition(after.conditions, 'Synced');
    if (
      isSynced?.reason === REGISTRY_REASONS.SyncFailed &&
      wasSynced?.reason !== REGISTRY_REASONS.SyncFailed
    ) {
      this.log.warn({ registry: key, error: isSynced.message }, 'registry sync failed');
      await this.deps.events.record(ctx.registry, {
        type: 'Warning',
        reason: 'SyncFailed',
        action: 'Sync',
        note: isSynced.message,
      });
    }
  }
}

function withoutProbe(s: Status): Status {
  const { lastProbeTime: _t, latencyMs: _l, ...rest } = s;
  return rest;
}

/** RFC 3339 with milliseconds: backoff waits of one second need sub-second precision. */
/** A ModelVersion created for a discovered version. */
type Created = { name: string; version: DiscoveredVersion; modelRef: string };

/** Synced after a sync: False naming every failure, or True with what was found. */
function syncedCondition(
  ctx: PassContext,
  sync: { discovered: readonly DiscoveredVersion[]; failures: readonly RegistryFailure[] },
): Omit<Condition, 'lastTransitionTime'> {
  return sync.failures.length > 0
    ? {
        type: 'Synced',
        status: 'False',
        observedGeneration: ctx.generation,
        reason: REGISTRY_REASONS.SyncFailed,
        message: clip(sync.failures.map((f) => f.message).join('; '), MAX_MESSAGE_LENGTH),
      }
    : {
        type: 'Synced',
        status: 'True',
        observedGeneration: ctx.generation,
        reason: REGISTRY_REASONS.SyncSucceeded,
        message: `${sync.discovered.length} versions of ${ctx.registry.spec.sync?.models?.length ?? 0} models.`,
      };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}
