/**
 * The client reconcilers use, split the way controller-runtime splits its manager's `Client` from its
 * `APIReader`:
 * - reads (`get`, `list`) come from the shared informer caches: a reconcile that changes nothing makes
 *   no API request at all, and a fleet of models costs the API server one watch per kind;
 * - writes go to the API server, and the answer is overlaid on the cache (`SharedInformers.observe`),
 *   so the next reconcile reads its own write instead of the version before it;
 * - `apiReader` reads from the API server, for the few paths where a stale read would be wrong.
 *
 * `ClusterClient.direct(api)` reads from the API server too: for tools that run once (the CLI) and
 * tests of a single component, where there is no informer to read from.
 */
import { isNotFound, type KubeClient, type PatchType } from './client.js';
import type { ListFilter, SharedInformers } from './informers.js';
import { collectionPath, type KubeObject, type ResourceType } from './resource.js';

/** Reads objects; `undefined` for one that does not exist. */
export interface ObjectReader {
  get<T extends KubeObject = KubeObject>(
    rt: ResourceType,
    namespace: string,
    name: string,
  ): Promise<T | undefined>;
  /** Objects of `rt` in `namespace` ('' for all) matching `filter`. */
  list<T extends KubeObject = KubeObject>(
    rt: ResourceType,
    namespace: string,
    filter?: Omit<ListFilter, 'namespace'>,
  ): Promise<T[]>;
}

/** Reads straight from the API server (no cache): one request per call. */
export class ApiReader implements ObjectReader {
  constructor(private readonly api: KubeClient) {}

  async get<T extends KubeObject = KubeObject>(
    rt: ResourceType,
    namespace: string,
    name: string,
  ): Promise<T | undefined> {
    try {
      return await this.api.get<T>(rt, namespace, name);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async list<T extends KubeObject = KubeObject>(
    rt: ResourceType,
    namespace: string,
    filter: Omit<ListFilter, 'namespace'> = {},
  ): Promise<T[]> {
    if (filter.index !== undefined) {
      throw new Error(`${rt.kind}: an index lookup ('${filter.index.name}') needs the informer cache`);
    }
    const labelSelector = Object.entries(filter.labels ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    let items: T[];
    try {
      items = (await this.api.list<T>(rt, namespace, labelSelector ? { labelSelector } : {})).items;
    } catch (error) {
      // A kind that is not served (its CRD is missing) has no objects, as the cache reports it.
      if (isNotFound(error)) return [];
      throw new Error(`list ${collectionPath(rt, namespace)} failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const apiVersion = rt.group ? `${rt.group}/${rt.version}` : rt.version;
    return items
      .filter(
        (o) =>
          filter.ownerUid === undefined ||
          (o.metadata.ownerReferences ?? []).some((r) => r.uid === filter.ownerUid),
      )
      .map((o) => ({ ...o, apiVersion: o.apiVersion ?? apiVersion, kind: o.kind ?? rt.kind }));
  }
}

/** Reads from the informer caches of `informers`. */
export class CacheReader implements ObjectReader {
  constructor(private readonly informers: SharedInformers) {}

  get<T extends KubeObject = KubeObject>(
    rt: ResourceType,
    namespace: string,
    name: string,
  ): Promise<T | undefined> {
    return Promise.resolve(this.informers.get<T>(this.cached(rt), namespace, name));
  }

  list<T extends KubeObject = KubeObject>(
    rt: ResourceType,
    namespace: string,
    filter: Omit<ListFilter, 'namespace'> = {},
  ): Promise<T[]> {
    return Promise.resolve(
      this.informers.list<T>(this.cached(rt), { ...filter, ...(namespace ? { namespace } : {}) }),
    );
  }

  /** A read of a kind nobody caches is a wiring mistake: fail loudly rather than read it directly. */
  private cached(rt: ResourceType): ResourceType {
    if (!this.informers.has(rt)) {
      throw new Error(
        `cache: ${rt.kind} is not cached; watch it (a controller's owns/watches) or read it with apiReader`,
      );
    }
    return rt;
  }
}

/** Cached reads, direct writes, and a direct reader; see the module comment. */
export class ClusterClient implements ObjectReader {
  /** Fresh reads from the API server. */
  readonly apiReader: ObjectReader;

  private constructor(
    /** The API server itself: every write, and the reads that must not be stale. */
    readonly api: KubeClient,
    private readonly reader: ObjectReader,
    private readonly informers: SharedInformers | undefined,
  ) {
    this.apiReader = reader instanceof ApiReader ? reader : new ApiReader(api);
  }

  /** Reads from `informers`' caches. */
  static cached(api: KubeClient, informers: SharedInformers): ClusterClient {
    return new ClusterClient(api, new CacheReader(informers), informers);
  }

  /** Reads from the API server (no cache). */
  static direct(api: KubeClient): ClusterClient {
    return new ClusterClient(api, new ApiReader(api), undefined);
  }

  get<T extends KubeObject = KubeObject>(
    rt: ResourceType,
    namespace: string,
    name: string,
  ): Promise<T | undefined> {
    return this.reader.get<T>(rt, namespace, name);
  }

  list<T extends KubeObject = KubeObject>(
    rt: ResourceType,
    namespace: string,
    filter?: Omit<ListFilter, 'namespace'>,
  ): Promise<T[]> {
    return this.reader.list<T>(rt, namespace, filter);
  }

  async create<T extends KubeObject>(rt: ResourceType, obj: T): Promise<T> {
    return this.seen(rt, await this.api.create<T>(rt, obj));
  }

  async replaceStatus<T extends KubeObject>(rt: ResourceType, obj: T): Promise<T> {
    return this.seen(rt, await this.api.replaceStatus<T>(rt, obj));
  }

  async patch<T extends KubeObject>(
    rt: ResourceType,
    namespace: string | undefined,
    name: string,
    patch: unknown,
    type: PatchType = 'merge',
    options: { subresource?: string; force?: boolean } = {},
  ): Promise<T> {
    return this.seen(rt, await this.api.patch<T>(rt, namespace, name, patch, type, options));
  }

  async delete(
    rt: ResourceType,
    namespace: string | undefined,
    name: string,
    options: { propagationPolicy?: 'Foreground' | 'Background' | 'Orphan'; uid?: string } = {},
  ): Promise<void> {
    await this.api.delete(rt, namespace, name, options);
    this.informers?.observeDeleted(rt, namespace, name, options.uid);
  }

  private seen<T extends KubeObject>(rt: ResourceType, obj: T): T {
    this.informers?.observe(rt, obj);
    return obj;
  }
}
