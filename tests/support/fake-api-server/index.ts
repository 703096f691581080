/**
 * A Kubernetes API server fake over real HTTP, for tests that drive @kubernetes/client-node's own
 * code paths (typed APIs, KubernetesObjectApi, Watch, ListWatch/informers) unchanged.
 * See README.md in this folder for which semantics it honours and which it does not.
 *
 * ```ts
 * const api = await startFakeApiServer({ crds: ['project'], namespaces: ['agents'] });
 * const core = api.kubeConfig().makeApiClient(CoreV1Api);
 * …
 * await api.stop();
 * ```
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { applyServerSide } from './managed-fields.js';
import { CrdController, CRD_KEY } from './crd-controller.js';
import { applyBuiltinDefaults } from './builtin-defaults.js';
import { validateBuiltin } from './builtin-validation.js';
import { withDeploymentStatus } from './deployment-status.js';
import { loadCrds, type CrdSource } from './crd-sources.js';
import { GarbageCollector } from './garbage-collector.js';
import { ObjectApi, type WriteContext } from './object-api.js';
import { trackUpdate } from './managed-fields.js';
import { ResourceRegistry, storageKey, type ResourceType } from './resource-registry.js';
import { RequestLog, type RequestFilter } from './request-log.js';
import { Router, type FailureRule, type RequestRecord } from './router.js';
import { ObjectStore } from './store.js';
import type { KubeObject } from './types.js';
import { validateCustomResource } from './validation.js';
import { WatchHub } from './watch-hub.js';

export type { CrdSource } from './crd-sources.js';
export type { FailureRule, RequestRecord } from './router.js';
export type { RequestFilter } from './request-log.js';
export type { KubeObject } from './types.js';
export { REFERENCE_CRDS_DIR } from './crd-sources.js';
export { skippedRules } from './validation.js';

export interface FakeApiServerOptions {
  /** CRDs to install before the server answers (names, files, directories or objects). @default [] */
  readonly crds?: readonly CrdSource[];
  /** Namespaces to create besides `default`, `kube-system`, `kube-public`, `kube-node-lease`. @default [] */
  readonly namespaces?: readonly string[];
  /** Objects to create at start (after CRDs and namespaces). @default [] */
  readonly objects?: readonly ObjectInput[];
  /**
   * Period of BOOKMARK events on watches that allow them, in ms. 0 sends them only on
   * {@link FakeApiServer.sendBookmarks} (and the initial-events-end one), as an idle watch on a real
   * API server may see none for minutes. @default 0
   */
  readonly bookmarkIntervalMs?: number;
  /** Changes kept for watches to resume from; older resourceVersions get 410 Gone. @default 10000 */
  readonly watchCacheSize?: number;
  /** Clock for creation and deletion timestamps. @default () => new Date() */
  readonly now?: () => Date;
  /** TCP port on 127.0.0.1. @default 0 (a free port) */
  readonly port?: number;
  /**
   * Keep every request in {@link FakeApiServer.requests} and every write in
   * {@link FakeApiServer.writeLog}. With `false` both stay empty and only counts are kept
   * ({@link FakeApiServer.requestCounts}, {@link FakeApiServer.writes}), so memory stays flat
   * however many requests a benchmark sends. @default true
   */
  readonly keepRequests?: boolean;
}

/** Any object a test hands in: typed models, client-node types or plain JSON. */
export interface ObjectInput {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: { readonly name?: string; readonly namespace?: string };
}

/** One stored write (create, update, patch, apply, delete, …), in order. */
export interface WriteRecord {
  readonly verb: string;
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
  readonly resourceVersion: string;
}

/** A way to name a kind: its apiVersion and kind, as in objects. */
export interface KindRef {
  readonly apiVersion: string;
  readonly kind: string;
}

const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export class FakeApiServer {
  /** Every request received, in order (empty with `keepRequests: false`). */
  readonly requests: RequestRecord[] = [];
  /** Every write that changed stored state, in order (no-op writes are not recorded; empty with `keepRequests: false`). */
  readonly writeLog: WriteRecord[] = [];
  private readonly requestLog: RequestLog;
  private writeCount = 0;
  private readonly failures: FailureRule[] = [];
  private readonly registry = new ResourceRegistry();
  private readonly store: ObjectStore;
  private readonly watches: WatchHub;
  private readonly objects: ObjectApi;
  private readonly router: Router;
  private server: Server | undefined;
  private port: number;

  private readonly now: () => Date;

  constructor(private readonly options: FakeApiServerOptions = {}) {
    this.port = options.port ?? 0;
    const keep = options.keepRequests ?? true;
    this.requestLog = new RequestLog(this.requests, keep);
    const now = options.now ?? (() => new Date());
    this.now = now;
    this.store = new ObjectStore(options.watchCacheSize ?? 10_000);
    this.watches = new WatchHub(this.store, { bookmarkIntervalMs: options.bookmarkIntervalMs ?? 0 });
    new CrdController(this.store, this.registry, now);
    // The collector needs the object API and the object API reports deletions to it.
    const gcRef: { current?: GarbageCollector } = {};
    this.objects = new ObjectApi(
      this.store,
      {
        validate: (type, object, old, ctx) => {
          if (type.custom) return validateCustomResource(type, object, old, ctx.strictFields ?? false);
          applyBuiltinDefaults(type.group, type.kind, object, old);
          validateBuiltin(type, object, old);
          return object;
        },
        trackUpdate: (type, old, next, ctx, at) => trackUpdate(type, old, next, ctx, at),
        deleted: (type, object, policy) => gcRef.current?.deleted(type, object, policy),
        wrote: (verb, type, object) => {
          this.writeCount += 1;
          if (!keep) return;
          this.writeLog.push({
            verb,
            apiVersion: object.apiVersion ?? '',
            kind: type.kind,
            ...(object.metadata.namespace !== undefined ? { namespace: object.metadata.namespace } : {}),
            name: object.metadata.name!,
            resourceVersion: object.metadata.resourceVersion!,
          });
        },
      },
      now,
    );
    gcRef.current = new GarbageCollector(this.store, this.registry, this.objects);
    this.router = new Router({
      registry: this.registry,
      store: this.store,
      objects: this.objects,
      watches: this.watches,
      apply: (type, namespace, name, body, ctx, force) =>
        applyServerSide(this.objects, type, namespace, name, body, ctx, force, now()),
      requests: this.requestLog,
      failures: this.failures,
    });
  }

  /** `http://127.0.0.1:<port>`. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Number of writes that changed stored state since start or the last {@link resetCounters}. */
  get writes(): number {
    return this.writeCount;
  }

  /**
   * Requests answered since start or the last {@link resetCounters}, by `verb resource` (and
   * `/subresource`), e.g. `{ 'list deployments': 3, 'watch deployments': 1, 'apply virtualservices': 1,
   * 'update aimodels/status': 2, discovery: 4 }`. Nothing is left out: watches count under their own
   * verb, refused and failed requests count too (filter by `status` to leave them out). Kept with
   * `keepRequests: false` as well.
   */
  requestCounts(filter?: RequestFilter): Record<string, number> {
    return this.requestLog.counts(filter);
  }

  /** The latest resourceVersion (global, like etcd's revision). */
  get resourceVersion(): string {
    return String(this.store.currentRevision);
  }

  /** Open watch streams, optionally only those on one kind. */
  openWatches(kind?: KindRef): number {
    if (kind === undefined) return this.watches.openWatches;
    return this.watches.openWatchesOf(storageKey(this.typeOf(kind)));
  }

  /** A KubeConfig for client-node pointing at this server (token auth, which the fake ignores). */
  kubeConfig(namespace = 'default'): KubeConfig {
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'fake', server: this.url, skipTLSVerify: true }],
      users: [{ name: 'fake', token: 'fake-token' }],
      contexts: [{ name: 'fake', cluster: 'fake', user: 'fake', namespace }],
      currentContext: 'fake',
    });
    return kc;
  }

  /** Starts listening (again, on the same port and with the same data, after {@link stop}). */
  async listen(): Promise<void> {
    if (this.server) return;
    const server = createServer((req, res) => {
      void this.router.handle(req, res);
    });
    // Longer than clients keep idle sockets (Node's agent: 5 s), so a client never reuses a socket the
    // server is closing at that moment (ECONNRESET); stop() closes every connection anyway.
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening and cuts every connection (watches see their stream end); data is kept. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.watches.closeAll();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }

  /** Stops and starts again on the same port with the same data: clients must reconnect their watches. */
  async restart(): Promise<void> {
    await this.stop();
    await this.listen();
  }

  /** Forgets all counters (requests and writes), e.g. after a test's setup. */
  resetCounters(): void {
    this.requestLog.clear();
    this.writeLog.length = 0;
    this.writeCount = 0;
  }

  /**
   * Requests matching `rule.match` are answered with `rule.status` (a Status with `rule.reason`),
   * `times` times (default once). With `retryAfterSeconds` the Status carries
   * `details.retryAfterSeconds` and the answer a `Retry-After` header, as the API server writes any
   * Status with a retry delay (429 TooManyRequests, say). `plainText: true` answers as its Priority
   * and Fairness and max-in-flight filters reject a request: the header and a text body, no Status.
   * Returns a function that removes the rule.
   */
  injectFailure(rule: {
    readonly match: (request: RequestRecord) => boolean;
    readonly status: number;
    readonly reason?: string;
    readonly message?: string;
    readonly retryAfterSeconds?: number;
    readonly plainText?: boolean;
    readonly times?: number;
  }): () => void {
    const entry: FailureRule = { ...rule, remaining: rule.times ?? 1 };
    this.failures.push(entry);
    return () => {
      const i = this.failures.indexOf(entry);
      if (i >= 0) this.failures.splice(i, 1);
    };
  }

  /**
   * Compacts the watch history (every resourceVersion handed out so far becomes too old) and ends
   * every open watch with an ERROR 410 Expired event: clients must relist.
   */
  expireWatchHistory(): void {
    this.store.compact();
    this.watches.expireAll();
  }

  /** Sends a BOOKMARK now on every watch that allows bookmarks. */
  sendBookmarks(): void {
    this.watches.sendBookmarks();
  }

  /**
   * Silences every open watch (no events, no bookmarks) while keeping its connection open, as a hung
   * connection does: clients must notice the silence and re-watch. Watches opened later work.
   * @returns the number of watches stalled
   */
  stallWatches(): number {
    return this.watches.stallAll();
  }

  /** Ends every open watch stream cleanly (as the real server does at `timeoutSeconds`). */
  closeWatches(): void {
    this.watches.closeAll();
  }

  /** Installs a CRD (served as soon as this returns). */
  installCrd<T extends ObjectInput>(crd: T): KubeObject {
    const type = this.registry.byPath('apiextensions.k8s.io', 'v1', 'customresourcedefinitions')!;
    const created = this.objects.create(type, undefined, crd, { fieldManager: 'test-setup', dryRun: false });
    return created;
  }

  /** Creates an object directly (no HTTP), with the same semantics as a POST. */
  create<T extends ObjectInput>(object: T): T {
    const type = this.typeOf(object as KindRef);
    return this.objects.create(type, object.metadata?.namespace, object, {
      fieldManager: 'test-setup',
      dryRun: false,
    }) as unknown as T;
  }

  /** Reads an object directly (undefined if absent). */
  get(kind: KindRef, namespace: string | undefined, name: string): KubeObject | undefined {
    const type = this.typeOf(kind);
    const found = this.objects.find(type, namespace, name);
    return found === undefined ? undefined : this.objects.present(type, found);
  }

  /** Lists objects of a kind directly, optionally in one namespace. */
  list(kind: KindRef, namespace?: string): KubeObject[] {
    const type = this.typeOf(kind);
    return this.store
      .list(storageKey(type), type.namespaced ? namespace : undefined)
      .map((o) => this.objects.present(type, o));
  }

  /**
   * Writes a Deployment's status as a deployment controller would once all replicas are available
   * (or none is, with `available = false`); there is no deployment controller in the fake. Writing
   * the same state again changes nothing.
   */
  setDeploymentAvailable(namespace: string, name: string, available = true): KubeObject {
    const type = this.typeOf({ apiVersion: 'apps/v1', kind: 'Deployment' });
    const old = this.objects.find(type, namespace, name);
    if (old === undefined)
      throw new Error(`setDeploymentAvailable: Deployment ${namespace}/${name} does not exist`);
    const next = withDeploymentStatus(old, available, this.now());
    const ctx: WriteContext = {
      fieldManager: 'kube-controller-manager',
      dryRun: false,
      subresource: 'status',
    };
    return this.objects.commit(type, old, next, ctx, 'update-status');
  }

  private typeOf(kind: KindRef): ResourceType {
    const type = this.registry.byKind(kind.apiVersion, kind.kind);
    if (!type) throw new Error(`the fake API server does not serve ${kind.kind} (${kind.apiVersion})`);
    return type;
  }

  /** Creates namespaces, CRDs and seed objects. */
  async seed(): Promise<void> {
    for (const ns of [...SYSTEM_NAMESPACES, ...(this.options.namespaces ?? [])]) {
      if (this.get({ apiVersion: 'v1', kind: 'Namespace' }, undefined, ns) === undefined) {
        this.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
      }
    }
    for (const source of this.options.crds ?? []) {
      for (const crd of loadCrds(source)) {
        if (this.store.get(CRD_KEY, undefined, crd.metadata.name!) === undefined) this.installCrd(crd);
      }
    }
    // Let CRD status writes (Established) land before the server answers.
    await new Promise<void>((resolve) => setImmediate(resolve));
    for (const object of this.options.objects ?? []) this.create(object);
    this.resetCounters();
  }
}

/** Starts a fake API server on a free loopback port, seeded with the given CRDs, namespaces and objects. */
export async function startFakeApiServer(options: FakeApiServerOptions = {}): Promise<FakeApiServer> {
  const server = new FakeApiServer(options);
  await server.seed();
  await server.listen();
  return server;
}
