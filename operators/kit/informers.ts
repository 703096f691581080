import { BY_LABEL, BY_NAMESPACE, BY_OWNER_UID, defaultIndexers, type IndexFunc } from './cache.js';
import type { Clock } from './clock.js';
import type { KubeClient } from './client.js';
import { Informer, type InformerHandlers, type InformerOptions } from './informer.js';
import type { Logger } from './logger.js';
import { apiVersionOf, objectKey, type KubeObject, type ResourceType } from './resource.js';

export type InformerTuning = Pick<
  InformerOptions<KubeObject>,
  | 'resyncPeriodMs'
  | 'stallTimeoutMs'
  | 'watchTimeoutSeconds'
  | 'initialBackoffMs'
  | 'maxBackoffMs'
  | 'pageSize'
  | 'mutationTtlMs'
>;

/**
 * How one kind is cached (controller-runtime's `cache.Options.ByObject`): a server-side label
 * selector, so memory follows our objects rather than the cluster's; a transform that keeps only
 * what reconcilers read; extra indexes.
 */
export interface KindCacheOptions {
  /** e.g. `app.kubernetes.io/managed-by=suoke-modelops-operator`. @default none */
  readonly labelSelector?: string;
  /** @default stripUnread */
  readonly transform?: (obj: KubeObject) => KubeObject;
  /** Indexes besides namespace, owner UID and label. @default none */
  readonly indexers?: Readonly<Record<string, IndexFunc<KubeObject>>>;
}

export interface SharedInformersOptions {
  /** Namespaces to watch. @default [] (all namespaces) */
  readonly namespaces?: readonly string[];
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly tuning?: InformerTuning;
}

/** Narrows a cached list; every given part must hold. */
export interface ListFilter {
  readonly namespace?: string;
  /** Equality selector. */
  readonly labels?: Readonly<Record<string, string>>;
  readonly ownerUid?: string;
  /** A lookup in an index configured with {@link KindCacheOptions.indexers}. */
  readonly index?: { readonly name: string; readonly value: string };
}

/**
 * One informer per kind and watched namespace, shared by every controller that reads that kind (so
 * AIModel objects are listed and watched once, not once per controller), and a read API over their
 * caches for reconcilers, with this process's own writes overlaid until the watch delivers them
 * (`observe`).
 */
export class SharedInformers {
  private readonly byKind = new Map<string, Informer[]>();
  private readonly config = new Map<string, KindCacheOptions>();
  private started = false;

  constructor(
    private readonly client: KubeClient,
    private readonly options: SharedInformersOptions = {},
  ) {}

  get namespaces(): readonly string[] {
    return this.options.namespaces ?? [];
  }

  /**
   * Sets how `rt` is cached; must come before its informers exist (before a controller that reads or
   * watches the kind is added). Configuring a kind twice is fine with the very same options object.
   * @throws Error when the kind is already cached with other options
   */
  configure(rt: ResourceType, options: KindCacheOptions): void {
    const id = kindId(rt);
    const known = this.config.get(id);
    if (known === options) return;
    if (known !== undefined || this.byKind.has(id)) {
      throw new Error(
        `cache: ${rt.kind} is already cached${known === undefined ? '' : ' with other options'}; configure each kind once, before the controllers that read it are added`,
      );
    }
    this.config.set(id, options);
  }

  /** True when `rt` has informers (reads of it are served from the cache). */
  has(rt: ResourceType): boolean {
    return this.byKind.has(kindId(rt));
  }

  /** The informers for `rt` (created on first use; started with the others). */
  informersFor(rt: ResourceType): Informer[] {
    const id = kindId(rt);
    let list = this.byKind.get(id);
    if (!list) {
      const config = this.config.get(id) ?? {};
      const namespaces = (rt.namespaced ?? true) && this.namespaces.length > 0 ? this.namespaces : [''];
      list = namespaces.map(
        (namespace) =>
          new Informer(this.client, {
            resource: rt,
            namespace,
            clock: this.options.clock,
            logger: this.options.logger,
            ...this.options.tuning,
            ...(config.labelSelector === undefined ? {} : { labelSelector: config.labelSelector }),
            ...(config.transform === undefined ? {} : { transform: config.transform }),
            indexers: { ...defaultIndexers<KubeObject>(), ...config.indexers },
          }),
      );
      this.byKind.set(id, list);
      if (this.started) for (const i of list) i.start();
    }
    return list;
  }

  addHandlers(rt: ResourceType, handlers: InformerHandlers<KubeObject>): void {
    for (const i of this.informersFor(rt)) i.addHandlers(handlers);
  }

  start(): void {
    this.started = true;
    for (const list of this.byKind.values()) for (const i of list) i.start();
  }

  async stop(): Promise<void> {
    await Promise.all([...this.byKind.values()].flat().map((i) => i.stop()));
  }

  all(): Informer[] {
    return [...this.byKind.values()].flat();
  }

  hasSynced(): boolean {
    return this.all().every((i) => i.hasSynced());
  }

  async waitForSync(signal?: AbortSignal): Promise<boolean> {
    const results = await Promise.all(this.all().map((i) => i.waitForSync(signal)));
    return results.every(Boolean);
  }

  /** The cached object, or undefined if it does not exist (as far as the cache knows). */
  get<T extends KubeObject = KubeObject>(rt: ResourceType, namespace: string, name: string): T | undefined {
    const key = (rt.namespaced ?? true) ? `${namespace}/${name}` : name;
    for (const i of this.informersFor(rt)) {
      const obj = i.get(key);
      if (obj) return obj as T;
    }
    return undefined;
  }

  /** Cached objects of `rt` matching every part of `filter`, through the narrowest index. */
  list<T extends KubeObject = KubeObject>(rt: ResourceType, filter: ListFilter = {}): T[] {
    const labels = Object.entries(filter.labels ?? {});
    const matches = (o: KubeObject): boolean =>
      (filter.namespace === undefined || (o.metadata.namespace ?? '') === filter.namespace) &&
      labels.every(([k, v]) => o.metadata.labels?.[k] === v) &&
      (filter.ownerUid === undefined ||
        (o.metadata.ownerReferences ?? []).some((r) => r.uid === filter.ownerUid)) &&
      (filter.index === undefined || this.indexed(rt, o, filter.index.name).includes(filter.index.value));
    const out: KubeObject[] = [];
    for (const i of this.informersFor(rt)) {
      let candidates: KubeObject[];
      if (filter.index !== undefined) candidates = i.cache.byIndex(filter.index.name, filter.index.value);
      else if (filter.ownerUid !== undefined) candidates = i.cache.byIndex(BY_OWNER_UID, filter.ownerUid);
      else if (labels.length > 0) candidates = i.cache.byIndex(BY_LABEL, `${labels[0]![0]}=${labels[0]![1]}`);
      else if (filter.namespace !== undefined) candidates = i.cache.byIndex(BY_NAMESPACE, filter.namespace);
      else candidates = i.cache.list();
      out.push(...i.withMutations(candidates, matches));
    }
    return out as T[];
  }

  /**
   * Overlays an object this process has just written on the cache of its kind (a no-op for kinds
   * that are not cached), so the next reconcile reads its own write; see {@link Informer.observe}.
   */
  observe(rt: ResourceType, obj: KubeObject): void {
    for (const i of this.byKind.get(kindId(rt)) ?? []) {
      if (i.namespace === '' || i.namespace === obj.metadata.namespace) i.observe(obj);
    }
  }

  /** Records a deletion by this process; see {@link Informer.observeDeleted}. */
  observeDeleted(rt: ResourceType, namespace: string | undefined, name: string, uid?: string): void {
    const key = objectKey({ metadata: { namespace, name } });
    for (const i of this.byKind.get(kindId(rt)) ?? []) {
      if (i.namespace === '' || i.namespace === namespace) i.observeDeleted(key, uid);
    }
  }

  private indexed(rt: ResourceType, obj: KubeObject, name: string): readonly string[] {
    const fn = this.config.get(kindId(rt))?.indexers?.[name] ?? defaultIndexers<KubeObject>()[name];
    if (fn === undefined) throw new Error(`cache: ${rt.kind} has no index named '${name}'`);
    return fn(obj);
  }
}

function kindId(rt: ResourceType): string {
  return `${apiVersionOf(rt)}/${rt.plural}`;
}
