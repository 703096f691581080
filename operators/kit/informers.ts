import { BY_OWNER_UID } from './cache.js';
import type { Clock } from './clock.js';
import type { KubeClient } from './client.js';
import { Informer, type InformerHandlers, type InformerOptions } from './informer.js';
import type { Logger } from './logger.js';
import { apiVersionOf, type KubeObject, type ResourceType } from './resource.js';

export type InformerTuning = Pick<
  InformerOptions<KubeObject>,
  | 'resyncPeriodMs'
  | 'stallTimeoutMs'
  | 'watchTimeoutSeconds'
  | 'initialBackoffMs'
  | 'maxBackoffMs'
  | 'pageSize'
>;

export interface SharedInformersOptions {
  /** Namespaces to watch. @default [] (all namespaces) */
  readonly namespaces?: readonly string[];
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly tuning?: InformerTuning;
}

/**
 * One informer per kind and watched namespace, shared by every controller that reads that kind (so
 * AIModel objects are listed and watched once, not once per controller), and a read API over their
 * caches for reconcilers.
 */
export class SharedInformers {
  private readonly byKind = new Map<string, Informer[]>();
  private started = false;

  constructor(
    private readonly client: KubeClient,
    private readonly options: SharedInformersOptions = {},
  ) {}

  get namespaces(): readonly string[] {
    return this.options.namespaces ?? [];
  }

  /** The informers for `rt` (created on first use; started with the others). */
  informersFor(rt: ResourceType): Informer[] {
    const id = kindId(rt);
    let list = this.byKind.get(id);
    if (!list) {
      const namespaces = (rt.namespaced ?? true) && this.namespaces.length > 0 ? this.namespaces : [''];
      list = namespaces.map(
        (namespace) =>
          new Informer(this.client, {
            resource: rt,
            namespace,
            clock: this.options.clock,
            logger: this.options.logger,
            ...this.options.tuning,
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
    for (const i of this.informersFor(rt)) {
      const obj = i.cache.getByName(namespace, name);
      if (obj) return obj as T;
    }
    return undefined;
  }

  /** Cached objects of `rt`, narrowed by namespace, equality label selector and/or owner UID. */
  list<T extends KubeObject = KubeObject>(
    rt: ResourceType,
    filter: { namespace?: string; labels?: Record<string, string>; ownerUid?: string } = {},
  ): T[] {
    const out: KubeObject[] = [];
    for (const i of this.informersFor(rt)) {
      let items: KubeObject[];
      if (filter.ownerUid !== undefined) items = i.cache.byIndex(BY_OWNER_UID, filter.ownerUid);
      else if (filter.labels) items = i.cache.byLabels(filter.labels);
      else items = i.cache.list(filter.namespace);
      out.push(
        ...items.filter(
          (o) =>
            (filter.namespace === undefined || (o.metadata.namespace ?? '') === filter.namespace) &&
            Object.entries(filter.labels ?? {}).every(([k, v]) => o.metadata.labels?.[k] === v),
        ),
      );
    }
    return out as T[];
  }
}

function kindId(rt: ResourceType): string {
  return `${apiVersionOf(rt)}/${rt.plural}`;
}
