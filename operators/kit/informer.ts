import { Cache, type IndexFunc } from './cache.js';
import { realClock, sleep, type Clock, type TimerHandle } from './clock.js';
import { isGone, type KubeClient } from './client.js';
import { silentLogger, type Logger } from './logger.js';
import { collectionPath, objectKey, type KubeObject, type ResourceType } from './resource.js';

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
   * Reconnect when a watch stream delivers no event and no BOOKMARK for this long: a half-open TCP
   * connection otherwise hangs forever without an error (kubernetes-client/javascript#364, #958, #2432;
   * client-node 1.4's Watch builds a 30 s timeout signal and then overwrites it, so there is none).
   * @default 120_000
   */
  readonly stallTimeoutMs?: number;
  /**
   * `timeoutSeconds` asked of the server per watch; the server ends the stream cleanly after it and the
   * informer resumes from the last resourceVersion, like client-go's reflector (5 to 10 minutes).
   * @default 300 (each watch uses a random value between this and twice this)
   */
  readonly watchTimeoutSeconds?: number;
  /** First reconnect delay after an error, doubled up to `maxBackoffMs`. @default 800 */
  readonly initialBackoffMs?: number;
  /** @default 30_000 */
  readonly maxBackoffMs?: number;
  /** Page size of the initial list. @default 500 */
  readonly pageSize?: number;
  /**
   * Applied to every object before it is cached. The default drops `metadata.managedFields`, which
   * reconcilers never read and which is often the largest part of an object (controller-runtime's
   * default cache transform does the same). Updates sent from a cached object then omit it, which the
   * API server treats as "unchanged".
   * @default stripManagedFields
   */
  readonly transform?: (obj: T) => T;
}

/** Drops `metadata.managedFields` (see `InformerOptions.transform`). */
export function stripManagedFields<T extends KubeObject>(obj: T): T {
  if (!obj.metadata?.managedFields) return obj;
  const { managedFields: _drop, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

type WatchEnd = { kind: 'closed' } | { kind: 'gone' } | { kind: 'stalled' } | { kind: 'error'; err: unknown };

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
      | 'stallTimeoutMs'
      | 'watchTimeoutSeconds'
      | 'initialBackoffMs'
      | 'maxBackoffMs'
      | 'pageSize'
      | 'namespace'
    >
  > & { labelSelector: string | undefined };
  private resourceVersion = '';
  private synced = false;
  private syncWaiters: Array<() => void> = [];
  private abort = new AbortController();
  private loop: Promise<void> | undefined;
  private resyncTimer: TimerHandle | undefined;
  private watching = false;
  private readonly transform: (obj: T) => T;

  constructor(
    private readonly client: KubeClient,
    options: InformerOptions<T>,
  ) {
    this.resource = options.resource;
    this.cache = new Cache<T>(options.indexers);
    this.clock = options.clock ?? realClock;
    this.transform = options.transform ?? stripManagedFields;
    this.log = (options.logger ?? silentLogger).child({ informer: options.resource.kind });
    this.opts = {
      namespace: options.namespace ?? '',
      labelSelector: options.labelSelector,
      resyncPeriodMs: options.resyncPeriodMs ?? 36_000_000,
      stallTimeoutMs: options.stallTimeoutMs ?? 120_000,
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
          this.log.warn({ stallTimeoutMs: this.opts.stallTimeoutMs }, 'watch stalled; reconnecting');
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
    this.resourceVersion = resourceVersion;
    if (!this.synced) {
      this.synced = true;
      this.log.info({ objects: this.cache.size, resourceVersion }, 'cache synced');
      for (const w of this.syncWaiters.splice(0)) w();
    }
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
      const armStall = (): void => {
        stallTimer?.cancel();
        stallTimer = this.clock.setTimer(() => finish({ kind: 'stalled' }), this.opts.stallTimeoutMs);
      };
      const onAbort = (): void => finish({ kind: 'closed' });
      signal.addEventListener('abort', onAbort, { once: true });
      armStall();
      const timeoutSeconds = Math.floor(this.opts.watchTimeoutSeconds * (1 + Math.random()));
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
      if (gone) for (const h of this.handlers) h.onDelete?.(obj);
      return;
    }
    const old = this.cache.get(key);
    if (old && old.metadata.resourceVersion === obj.metadata.resourceVersion) return;
    this.cache.upsert(obj);
    for (const h of this.handlers) {
      if (old) h.onUpdate?.(old, obj);
      else h.onAdd?.(obj);
    }
  }

  private typed(obj: KubeObject): T {
    // Lists omit apiVersion/kind on items; restore them so cached objects are self-describing.
    if (obj.kind && obj.apiVersion) return this.transform(obj as T);
    const { group, version, kind } = this.resource;
    return this.transform({ ...obj, apiVersion: group ? `${group}/${version}` : version, kind } as T);
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

function jitter(ms: number): number {
  return ms * (1 + Math.random() * 0.2);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
