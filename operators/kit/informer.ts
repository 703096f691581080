import { Cache, type IndexFunc } from './cache.js';
import { realClock, sleep, type Clock, type TimerHandle } from './clock.js';
import { isGone, isNotFound, type KubeClient } from './client.js';
import { silentLogger, type Logger } from './logger.js';
import { collectionPath, objectKey, type KubeObject, type ResourceType } from './resource.js';
import { StringPool } from './string-pool.js';

export interface InformerHandlers<T extends KubeObject> {
  onAdd?(obj: T): void;
  /** Also called with `old === obj` on a periodic resync. */
  onUpdate?(old: T, obj: T): void;
  onDelete?(obj: T): void;
}

export interface InformerOptions<T extends KubeObject> {
  readonly resource: ResourceType;
  /** Watch one namespace. @default '' (all namespaces) */
  readonly namespace?: string;
  /** @default no selector */
  readonly labelSelector?: string;
  /** @default namespace, owner UID and label indexes */
  readonly indexers?: Record<string, IndexFunc<T>>;
  /** @default realClock */
  readonly clock?: Clock;
  /** @default silentLogger */
  readonly logger?: Logger;
  /**
   * Re-deliver every cached object as an update this often, so reconcilers re-check state that drifts
   * without an event. 0 disables it.
   * @default 36_000_000 (10 h, controller-runtime's SyncPeriod)
   */
  readonly resyncPeriodMs?: number;
  /**
   * Reconnect when a watch stream delivers nothing for this long: a half-open TCP connection otherwise
   * hangs forever without an error (kubernetes-client/javascript#364, #958, #2432; client-node 1.4's
   * Watch builds a 30 s timeout signal and then overwrites it, so there is none). A quiet watch is
   * normal (no events, and the server does not promise BOOKMARKs: a real API server may send none
   * for minutes), so the default waits past the end the server itself promised (`timeoutSeconds`):
   * only a stream that outlives its own timeout is stalled.
   * @default the watch's `timeoutSeconds` plus 60 s
   */
  readonly stallTimeoutMs?: number;
  /**
   * `timeoutSeconds` asked of the server per watch; the server ends the stream cleanly after it and the
   * informer resumes from the last resourceVersion, like client-go's reflector (5 to 10 minutes).
   * @default 300 (each watch uses a random value between this and twice this)
   */
  readonly watchTimeoutSeconds?: number;
  /**
   * How long an object this process wrote is read back from {@link Informer.get} and
   * {@link Informer.list} before the watch delivers it (see `observe`).
   * @default 60_000
   */
  readonly mutationTtlMs?: number;
  /** First reconnect delay after an error, doubled up to `maxBackoffMs`. @default 800 */
  readonly initialBackoffMs?: number;
  /** @default 30_000 */
  readonly maxBackoffMs?: number;
  /** Page size of the initial list. @default 500 */
  readonly pageSize?: number;
  /**
   * Applied to every object before it is cached, so memory follows what reconcilers read. The default
   * drops `metadata.managedFields` and kubectl's `last-applied-configuration` annotation (a second
   * copy of the whole object for anything applied with `kubectl apply`), which no reconciler reads
   * and which are often the largest part of an object (controller-runtime's default transform drops
   * managedFields too). Status writes sent from a cached object then omit them, which the API server
   * treats as "unchanged".
   * @default stripUnread
   */
  readonly transform?: (obj: T) => T;
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The strings every informer of this process shares (see string-pool.ts). */
const SHARED_STRINGS = new StringPool();

/** Drops `metadata.managedFields` and kubectl's last-applied record (see `InformerOptions.transform`). */
export function stripUnread<T extends KubeObject>(obj: T): T {
  const meta = obj.metadata;
  if (!meta?.managedFields && meta?.annotations?.[LAST_APPLIED] === undefined) return obj;
  const { managedFields: _drop, ...metadata } = meta;
  if (metadata.annotations?.[LAST_APPLIED] !== undefined) {
    const { [LAST_APPLIED]: _last, ...annotations } = metadata.annotations;
    metadata.annotations = annotations;
  }
  return { ...obj, metadata };
}

type WatchEnd =
  | { kind: 'closed' }
  | { kind: 'gone' }
  | { kind: 'stalled'; silentForMs: number }
  | { kind: 'error'; err: unknown };

/** A write of this process not yet seen on the watch: the object, or a deletion (`obj` unset). */
interface Mutation<T> {
  readonly obj?: T;
  readonly uid?: string | undefined;
  readonly rv: number | undefined;
  readonly until: number;
}

function integerVersion(rv: string | undefined): number | undefined {
  if (rv === undefined || !/^\d{1,15}$/.test(rv)) return undefined;
  return Number(rv);
}

/**
 * List-then-watch with a local cache, replacing client-node's `ListWatch`, which we cannot rely on:
 * - it stops for good after any watch or list error other than 410 and only emits 'error'
 *   (kubernetes-client/javascript#447, #1496); here every error reconnects with exponential backoff;
 * - it reconnects with no delay, hammering the API server after an outage (#1933); here backoff applies
 *   to errors and to streams that end without delivering anything;
 * - it never asks for BOOKMARKs and has no stall detection (#364, #958); here `allowWatchBookmarks=true`
 *   keeps the resourceVersion fresh, and a silent stream is torn down after `stallTimeoutMs`;
 * - a relist (after 410 Gone or a restart of the API server) is diffed against the cache, producing
 *   synthetic add/update/delete events, so no change between the lost watch and the new list is missed,
 *   and an object whose resourceVersion did not change produces no event, so nothing is duplicated.
 * client-node's `Watch` is used for the stream itself.
 */
export class Informer<T extends KubeObject = KubeObject> {
  readonly cache: Cache<T>;
  readonly resource: ResourceType;
  private readonly handlers: InformerHandlers<T>[] = [];
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly opts: Required<
    Pick<
      InformerOptions<T>,
      | 'resyncPeriodMs'
      | 'watchTimeoutSeconds'
      | 'mutationTtlMs'
      | 'initialBackoffMs'
      | 'maxBackoffMs'
      | 'pageSize'
      | 'namespace'
    >
  > & { labelSelector: string | undefined; stallTimeoutMs: number | undefined };
  private resourceVersion = '';
  private synced = false;
  private syncWaiters: Array<() => void> = [];
  private abort = new AbortController();
  private loop: Promise<void> | undefined;
  private resyncTimer: TimerHandle | undefined;
  private watching = false;
  /** Writes of this process the watch has not delivered yet (read-your-writes; see `observe`). */
  private readonly mutations = new Map<string, Mutation<T>>();
  private readonly transform: (obj: T) => T;

  constructor(
    private readonly client: KubeClient,
    options: InformerOptions<T>,
  ) {
    this.resource = options.resource;
    this.cache = new Cache<T>(options.indexers);
    this.clock = options.clock ?? realClock;
    this.transform = options.transform ?? stripUnread;
    this.log = (options.logger ?? silentLogger).child({ informer: options.resource.kind });
    this.opts = {
      namespace: options.namespace ?? '',
      labelSelector: options.labelSelector,
      resyncPeriodMs: options.resyncPeriodMs ?? 36_000_000,
      stallTimeoutMs: options.stallTimeoutMs,
      mutationTtlMs: options.mutationTtlMs ?? 60_000,
      watchTimeoutSeconds: options.watchTimeoutSeconds ?? 300,
      initialBackoffMs: options.initialBackoffMs ?? 800,
      maxBackoffMs: options.maxBackoffMs ?? 30_000,
      pageSize: options.pageSize ?? 500,
    };
  }

  addHandlers(handlers: InformerHandlers<T>): void {
    this.handlers.push(handlers);
  }

  hasSynced(): boolean {
    return this.synced;
  }

  /** The namespace this informer watches ('' for all). */
  get namespace(): string {
    return this.opts.namespace;
  }

  /** The server-side label selector this informer lists and watches with ('' for none). */
  get labelSelector(): string {
    return this.opts.labelSelector ?? '';
  }

  /**
   * Records an object this process has just written (the API server's answer), so reads return it
   * until the watch delivers that version or a newer one: client-go's MutationCache. Without it a
   * reconcile that runs right after its own write reads the older version, sends a write based on it,
   * and gets 409 Conflict (or repeats the write). Handlers are not called: events come from the watch
   * only, so every controller still sees every change exactly once. resourceVersions are compared as
   * integers, as kube's own integer MutationCache does; a non-integer version is never overlaid.
   */
  observe(obj: T): void {
    const typed = this.typed(obj);
    const key = objectKey(typed);
    const rv = integerVersion(typed.metadata.resourceVersion);
    if (rv === undefined) return;
    const cached = integerVersion(this.cache.get(key)?.metadata.resourceVersion);
    if (cached !== undefined && cached >= rv) return;
    this.mutations.set(key, { obj: typed, rv, until: this.clock.now() + this.opts.mutationTtlMs });
  }

  /** Records that this process deleted `key` (with `uid`): reads skip it until the watch says so. */
  observeDeleted(key: string, uid: string | undefined): void {
    this.mutations.set(key, { uid, rv: undefined, until: this.clock.now() + this.opts.mutationTtlMs });
  }

  /** The object under `namespace/name`, this process's own newer writes included. */
  get(key: string): T | undefined {
    const cached = this.cache.get(key);
    const m = this.mutation(key);
    if (m === undefined) return cached;
    if (m.obj !== undefined) return m.obj;
    // A deletion of ours: hidden unless the cache holds a re-created namesake.
    return cached !== undefined && m.uid !== undefined && cached.metadata.uid !== m.uid ? cached : undefined;
  }

  /** `candidates` (from the cache's indexes) with this process's own newer writes in their place. */
  withMutations(candidates: readonly T[], matches: (obj: T) => boolean): T[] {
    if (this.mutations.size === 0) return candidates.filter(matches);
    const out = new Map<string, T>();
    for (const obj of candidates) out.set(objectKey(obj), obj);
    for (const key of [...this.mutations.keys()]) {
      const current = this.get(key);
      if (current === undefined) out.delete(key);
      else out.set(key, current);
    }
    return [...out.values()].filter(matches);
  }

  /** True while a watch stream is open (for health checks). */
  isWatching(): boolean {
    return this.watching;
  }

  /** The resourceVersion the next watch resumes from ('' before the first list). */
  lastSyncResourceVersion(): string {
    return this.resourceVersion;
  }

  start(): void {
    if (this.loop) return;
    this.abort = new AbortController();
    this.loop = this.run(this.abort.signal);
    this.scheduleResync();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    this.resyncTimer?.cancel();
    await this.loop;
    this.loop = undefined;
  }

  /** Resolves once the first list has been applied to the cache (or when `signal` aborts). */
  waitForSync(signal?: AbortSignal): Promise<boolean> {
    if (this.synced) return Promise.resolve(true);
    return new Promise((resolve) => {
      const onAbort = (): void => resolve(false);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.syncWaiters.push(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve(true);
      });
    });
  }

  private mutation(key: string): Mutation<T> | undefined {
    const m = this.mutations.get(key);
    if (m === undefined) return undefined;
    if (this.clock.now() >= m.until) {
      this.mutations.delete(key);
      return undefined;
    }
    return m;
  }

  /** Drops an overlaid write once the cache holds that version or a newer one (or it expired). */
  private settle(key: string): void {
    const m = this.mutations.get(key);
    if (m === undefined) return;
    const cached = this.cache.get(key);
    const rv = integerVersion(cached?.metadata.resourceVersion);
    if (m.rv === undefined || cached === undefined || (rv !== undefined && rv >= m.rv)) {
      this.mutations.delete(key);
    }
  }

  private async run(signal: AbortSignal): Promise<void> {
    let backoff = this.opts.initialBackoffMs;
    const failed = async (what: string, err: unknown): Promise<void> => {
      this.log.warn({ err: errorText(err), retryInMs: backoff }, `${what} failed; retrying`);
      await sleep(this.clock, jitter(backoff), signal);
      backoff = Math.min(backoff * 2, this.opts.maxBackoffMs);
    };
    while (!signal.aborted) {
      if (!this.resourceVersion) {
        try {
          await this.relist(signal);
        } catch (err) {
          if (signal.aborted) break;
          if (isNotFound(err)) {
            // The kind is not served (its CRD is not installed, e.g. no VPA): nothing exists, so the
            // cache is synced and empty; keep asking, slowly, so a CRD installed later is picked up.
            this.markEmpty();
            await sleep(this.clock, jitter(this.opts.maxBackoffMs), signal);
            continue;
          }
          await failed('list', err);
          continue;
        }
      }
      const started = this.clock.now();
      const { end, delivered } = await this.watchOnce(signal);
      if (signal.aborted) break;
      switch (end.kind) {
        case 'gone':
          // The server no longer holds our resourceVersion: relist and diff (synthetic events).
          this.log.info({ resourceVersion: this.resourceVersion }, 'watch expired (410 Gone); relisting');
          this.resourceVersion = '';
          break;
        case 'stalled':
          // Only a stream that outlived the timeout the server itself promised gets here.
          this.log.warn({ silentForMs: end.silentForMs }, 'watch stalled past its timeout; reconnecting');
          break;
        case 'error':
          await failed('watch', end.err);
          continue;
        case 'closed':
          // A stream the server closed right away without delivering anything is treated like an error,
          // so a misbehaving server or proxy is not hammered (kubernetes-client/javascript#1933).
          if (!delivered && this.clock.now() - started < 1000) {
            await failed('watch', new Error('stream closed at once'));
            continue;
          }
          break;
      }
      backoff = this.opts.initialBackoffMs;
    }
  }

  private async relist(signal: AbortSignal): Promise<void> {
    const items: T[] = [];
    let cont: string | undefined;
    let resourceVersion: string;
    do {
      const page = await this.client.list<T>(this.resource, this.opts.namespace, {
        labelSelector: this.opts.labelSelector,
        limit: this.opts.pageSize,
        continue: cont,
      });
      if (signal.aborted) return;
      items.push(...page.items);
      cont = page.metadata?.continue || undefined;
      resourceVersion = page.metadata?.resourceVersion ?? '';
    } while (cont);
    const seen = new Set<string>();
    for (const raw of items) {
      const obj = this.typed(raw);
      seen.add(objectKey(obj));
      this.apply('ADDED', obj);
    }
    for (const key of [...this.cache.keys()]) {
      if (seen.has(key)) continue;
      const gone = this.cache.delete(key)!;
      for (const h of this.handlers) h.onDelete?.(gone);
    }
    for (const key of [...this.mutations.keys()]) this.settle(key);
    this.resourceVersion = resourceVersion;
    this.markSynced();
  }

  private markSynced(): void {
    if (this.synced) return;
    this.synced = true;
    this.log.info({ objects: this.cache.size, resourceVersion: this.resourceVersion }, 'cache synced');
    for (const w of this.syncWaiters.splice(0)) w();
  }

  /** The kind is not served: whatever was cached is gone. */
  private markEmpty(): void {
    for (const key of [...this.cache.keys()]) {
      const gone = this.cache.delete(key)!;
      for (const h of this.handlers) h.onDelete?.(gone);
    }
    if (!this.synced) this.log.info('kind not served by the API server; cache empty until it is');
    this.markSynced();
  }

  private watchOnce(signal: AbortSignal): Promise<{ end: WatchEnd; delivered: boolean }> {
    return new Promise((resolve) => {
      let delivered = false;
      let finished = false;
      let controller: AbortController | undefined;
      let stallTimer: TimerHandle | undefined;
      const finish = (end: WatchEnd): void => {
        if (finished) return;
        finished = true;
        this.watching = false;
        stallTimer?.cancel();
        signal.removeEventListener('abort', onAbort);
        controller?.abort();
        resolve({ end, delivered });
      };
      const timeoutSeconds = Math.floor(this.opts.watchTimeoutSeconds * (1 + Math.random()));
      const stallMs = this.opts.stallTimeoutMs ?? timeoutSeconds * 1000 + StallGraceMs;
      const armStall = (): void => {
        stallTimer?.cancel();
        stallTimer = this.clock.setTimer(() => finish({ kind: 'stalled', silentForMs: stallMs }), stallMs);
      };
      const onAbort = (): void => finish({ kind: 'closed' });
      signal.addEventListener('abort', onAbort, { once: true });
      armStall();
      this.client
        .watch(
          collectionPath(this.resource, this.opts.namespace),
          {
            resourceVersion: this.resourceVersion,
            allowWatchBookmarks: true,
            timeoutSeconds,
            labelSelector: this.opts.labelSelector,
          },
          (type, obj) => {
            if (finished) return;
            this.watching = true;
            armStall();
            if (type === 'ERROR') {
              const status = obj as unknown as { code?: number; message?: string };
              return finish(
                status.code === 410
                  ? { kind: 'gone' }
                  : {
                      kind: 'error',
                      err: new Error(`watch error event: ${status.code} ${status.message ?? ''}`),
                    },
              );
            }
            delivered = true;
            const rv = obj.metadata?.resourceVersion;
            if (type !== 'BOOKMARK') this.apply(type, this.typed(obj));
            if (rv) this.resourceVersion = rv;
          },
          (err) => {
            if (!err) return finish({ kind: 'closed' });
            finish(isGone(err) ? { kind: 'gone' } : { kind: 'error', err });
          },
        )
        .then(
          (c) => {
            controller = c;
            if (finished) c.abort();
            else this.watching = true;
          },
          (err: unknown) => finish({ kind: 'error', err }),
        );
    });
  }

  /** Applies one (real or synthetic) event to the cache and notifies handlers of real changes only. */
  private apply(type: string, obj: T): void {
    const key = objectKey(obj);
    if (type === 'DELETED') {
      const gone = this.cache.delete(key);
      this.mutations.delete(key);
      if (gone) for (const h of this.handlers) h.onDelete?.(obj);
      return;
    }
    const old = this.cache.get(key);
    if (old && old.metadata.resourceVersion === obj.metadata.resourceVersion) return;
    this.cache.upsert(obj);
    // A deletion of ours is settled by any later event for the key (the object is being deleted, or
    // was re-created); a write of ours once the watch has caught up with it.
    if (this.mutations.get(key)?.obj === undefined) this.mutations.delete(key);
    else this.settle(key);
    for (const h of this.handlers) {
      if (old) h.onUpdate?.(old, obj);
      else h.onAdd?.(obj);
    }
  }

  private typed(obj: KubeObject): T {
    // Lists omit apiVersion/kind on items; restore them so cached objects are self-describing.
    const { group, version, kind } = this.resource;
    const described =
      obj.kind && obj.apiVersion
        ? obj
        : { ...obj, apiVersion: group ? `${group}/${version}` : version, kind };
    return SHARED_STRINGS.internAll(this.transform(described as T));
  }

  private scheduleResync(): void {
    if (this.opts.resyncPeriodMs <= 0 || this.abort.signal.aborted) return;
    this.resyncTimer = this.clock.setTimer(() => {
      this.resync();
      this.scheduleResync();
    }, this.opts.resyncPeriodMs);
  }

  /** Re-delivers every cached object as an update (no API call). */
  resync(): void {
    for (const obj of this.cache.list()) for (const h of this.handlers) h.onUpdate?.(obj, obj);
  }
}

/** How long past its own `timeoutSeconds` a silent watch is given before it counts as stalled. */
const StallGraceMs = 60_000;

function jitter(ms: number): number {
  return ms * (1 + Math.random() * 0.2);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
