/**
 * Watch streams: replay from a resourceVersion (or synthetic ADDED events for the current state),
 * then live changes filtered by namespace and selectors; BOOKMARK events on request (and on a timer
 * when configured); 410 Gone as an ERROR event for resourceVersions older than the retained history;
 * `timeoutSeconds`.
 */
import type { ServerResponse } from 'node:http';
import { ApiError, expired } from './errors.js';
import type { ObjectPredicate } from './selectors.js';
import type { ObjectStore, StoreEvent } from './store.js';
import type { KubeObject, WatchEventBody } from './types.js';

/** What one watch request asks for. */
export interface WatchRequest {
  /** Storage bucket (`group/plural`). */
  readonly key: string;
  readonly apiVersion: string;
  readonly kind: string;
  /** Only objects in this namespace; all namespaces when undefined. */
  readonly namespace: string | undefined;
  /** Label and field selectors combined. */
  readonly predicate: ObjectPredicate;
  /** Resume after this resourceVersion; '' or '0' start with the current state as ADDED events. */
  readonly resourceVersion: string;
  readonly allowBookmarks: boolean;
  /** `sendInitialEvents=true`: current state as ADDED events, then a BOOKMARK marking their end. */
  readonly sendInitialEvents: boolean;
  /** Close the stream after this many seconds. */
  readonly timeoutSeconds: number | undefined;
  /** Turns a stored object into what this request's version shows. */
  readonly present: (object: KubeObject) => KubeObject;
}

interface Watcher {
  readonly request: WatchRequest;
  readonly res: ServerResponse;
  readonly timers: NodeJS.Timeout[];
  /** A stalled stream stays open but carries nothing more (a hung connection or proxy). */
  stalled: boolean;
}

export interface WatchHubOptions {
  /** How often BOOKMARK events are sent to watches that allow them (ms); 0 = only on request. */
  readonly bookmarkIntervalMs: number;
}

export class WatchHub {
  private readonly watchers = new Set<Watcher>();

  constructor(
    private readonly store: ObjectStore,
    private readonly options: WatchHubOptions,
  ) {
    store.onChange((event) => this.dispatch(event));
  }

  /** Number of open watch streams (tests wait on this to know a client is watching). */
  get openWatches(): number {
    return this.watchers.size;
  }

  /** Open watches per bucket key, for tests that wait for a particular informer to be connected. */
  openWatchesOf(key: string): number {
    return [...this.watchers].filter((w) => w.request.key === key).length;
  }

  serve(request: WatchRequest, res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' });
    res.flushHeaders();
    const watcher: Watcher = { request, res, timers: [], stalled: false };
    const rv = request.resourceVersion;
    let backlog: WatchEventBody[];
    try {
      backlog =
        rv === '' || rv === '0' || request.sendInitialEvents
          ? this.initialEvents(request)
          : this.replay(request, Number(rv));
    } catch (error) {
      if (error instanceof ApiError) {
        this.write(watcher, { type: 'ERROR', object: error.toStatus() });
        res.end();
        return;
      }
      throw error;
    }
    for (const event of backlog) this.write(watcher, event);
    if (request.sendInitialEvents) {
      this.write(watcher, this.bookmark(request, { 'k8s.io/initial-events-end': 'true' }));
    }
    this.watchers.add(watcher);
    const close = (): void => this.detach(watcher);
    res.on('close', close);
    if (request.allowBookmarks && this.options.bookmarkIntervalMs > 0) {
      watcher.timers.push(
        setInterval(() => this.write(watcher, this.bookmark(request)), this.options.bookmarkIntervalMs),
      );
    }
    if (request.timeoutSeconds !== undefined && request.timeoutSeconds > 0) {
      watcher.timers.push(setTimeout(() => res.end(), request.timeoutSeconds * 1000));
    }
  }

  /** Sends a BOOKMARK now to every watch that allows them. */
  sendBookmarks(): void {
    for (const w of this.watchers) if (w.request.allowBookmarks) this.write(w, this.bookmark(w.request));
  }

  /** Ends every open watch with an ERROR 410 Expired event, as when the watch cache drops behind. */
  expireAll(): void {
    for (const w of [...this.watchers]) {
      const status = expired(`too old resource version: ${w.request.resourceVersion}`).toStatus();
      this.write(w, { type: 'ERROR', object: status });
      w.res.end();
      this.detach(w);
    }
  }

  /**
   * Makes every open watch silent (no events, no bookmarks) while keeping its connection open, as
   * a hung connection does; watches opened afterwards work normally. Returns how many were stalled.
   */
  stallAll(): number {
    for (const w of this.watchers) w.stalled = true;
    return this.watchers.size;
  }

  /** Ends every open watch stream cleanly (the client sees the stream close and re-watches). */
  closeAll(): void {
    for (const w of [...this.watchers]) {
      w.res.end();
      this.detach(w);
    }
  }

  private initialEvents(request: WatchRequest): WatchEventBody[] {
    return this.store
      .list(request.key, request.namespace)
      .filter(request.predicate)
      .map((object) => ({ type: 'ADDED' as const, object: request.present(object) }));
  }

  private replay(request: WatchRequest, since: number): WatchEventBody[] {
    if (!Number.isInteger(since) || since < 0) {
      throw expired(`invalid resource version: ${request.resourceVersion}`);
    }
    const events: WatchEventBody[] = [];
    for (const change of this.store.changesSince(request.key, since)) {
      const event = this.translate(request, change);
      if (event) events.push(event);
    }
    return events;
  }

  /**
   * What a change looks like to one watch: an object that starts matching its selector is ADDED,
   * one that stops matching is DELETED, as with the real server.
   */
  private translate(request: WatchRequest, change: StoreEvent): WatchEventBody | undefined {
    if (change.key !== request.key) return undefined;
    const visible = (o: KubeObject | undefined): boolean =>
      o !== undefined &&
      (request.namespace === undefined || o.metadata.namespace === request.namespace) &&
      request.predicate(o);
    const now = change.type !== 'DELETED' && visible(change.object);
    const before = change.type !== 'ADDED' && visible(change.previous);
    let type: WatchEventBody['type'];
    if (change.type === 'DELETED') {
      if (!before) return undefined;
      type = 'DELETED';
    } else if (now && before) type = 'MODIFIED';
    else if (now) type = 'ADDED';
    else if (before) type = 'DELETED';
    else return undefined;
    return { type, object: request.present(change.object) };
  }

  private dispatch(change: StoreEvent): void {
    for (const w of this.watchers) {
      const event = this.translate(w.request, change);
      if (event) this.write(w, event);
    }
  }

  private bookmark(request: WatchRequest, annotations?: Record<string, string>): WatchEventBody {
    return {
      type: 'BOOKMARK',
      object: {
        kind: request.kind,
        apiVersion: request.apiVersion,
        metadata: {
          resourceVersion: String(this.store.currentRevision),
          ...(annotations ? { annotations } : {}),
        },
      },
    };
  }

  private write(watcher: Watcher, event: WatchEventBody): void {
    if (!watcher.stalled && !watcher.res.writableEnded) watcher.res.write(`${JSON.stringify(event)}\n`);
  }

  private detach(watcher: Watcher): void {
    for (const t of watcher.timers) clearTimeout(t);
    this.watchers.delete(watcher);
  }
}
