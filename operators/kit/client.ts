import http from 'node:http';
import https from 'node:https';
import { Watch, type KubeConfig } from '@kubernetes/client-node';
import {
  apiVersionOf,
  collectionPath,
  objectPath,
  type KubeList,
  type KubeObject,
  type ResourceType,
} from './resource.js';

/** The field manager every server-side apply and write of the operator uses. */
export const FIELD_MANAGER = 'suoke-modelops-operator';

/** A failed API call, carrying the Kubernetes `Status` the server answered with. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly statusCode: number,
    readonly reason: string | undefined,
    readonly body: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ApiError';
  }
}

export const isNotFound = (err: unknown): boolean => err instanceof ApiError && err.statusCode === 404;
export const isConflict = (err: unknown): boolean => err instanceof ApiError && err.statusCode === 409;
export const isGone = (err: unknown): boolean =>
  (err instanceof ApiError && err.statusCode === 410) ||
  (typeof err === 'object' && err !== null && (err as { statusCode?: number }).statusCode === 410);

export type PatchType = 'merge' | 'json' | 'strategic' | 'apply';

const CONTENT_TYPES: Record<PatchType, string> = {
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
};

export interface ListOptions {
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
  readonly resourceVersion?: string;
  readonly limit?: number;
  readonly continue?: string;
}

export interface RequestOptions {
  readonly query?: Record<string, string | number | boolean | undefined>;
  readonly body?: unknown;
  readonly contentType?: string;
}

export interface KubeClientOptions {
  /**
   * Per-request timeout in milliseconds for non-watch calls; a hung connection fails instead of blocking
   * a reconcile forever (kubernetes-client/javascript#2432).
   * @default 30_000
   */
  readonly requestTimeoutMs?: number;
}

/**
 * A small typed REST client over the current context of a `KubeConfig`. Authentication and TLS come from
 * client-node (`applyToHTTPSOptions`, re-run per request so rotated service-account tokens are picked up);
 * the transport is Node's own `http`/`https`. Watches use client-node's `Watch`.
 */
export class KubeClient {
  private readonly server: string;
  private readonly requestTimeoutMs: number;
  private readonly watcher: Watch;

  constructor(
    readonly kubeConfig: KubeConfig,
    options: KubeClientOptions = {},
  ) {
    const cluster = kubeConfig.getCurrentCluster();
    if (!cluster) throw new Error('kubeconfig: the current context names no cluster; set current-context');
    this.server = cluster.server.replace(/\/+$/, '');
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
    this.watcher = new Watch(kubeConfig);
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const url = new URL(this.server + path);
    for (const [k, v] of Object.entries(options.query ?? {})) {
      if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
    }
    const opts: https.RequestOptions = { method, headers: { Accept: 'application/json' } };
    await this.kubeConfig.applyToHTTPSOptions(opts);
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const headers: Record<string, string | number> = {
      ...(opts.headers as Record<string, string>),
      ...(payload !== undefined
        ? {
            'Content-Type': options.contentType ?? 'application/json',
            'Content-Length': Buffer.byteLength(payload),
          }
        : {}),
    };
    if (opts.auth && !headers['Authorization']) {
      headers['Authorization'] = `Basic ${Buffer.from(opts.auth).toString('base64')}`;
    }
    const lib = url.protocol === 'http:' ? http : https;
    return new Promise<T>((resolve, reject) => {
      const req = lib.request(
        url,
        { method, headers, agent: opts.agent, timeout: this.requestTimeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let body: unknown = text;
            try {
              body = text ? JSON.parse(text) : undefined;
            } catch {
              // Not JSON (a proxy's error page, say); keep the text for the error message.
            }
            const code = res.statusCode ?? 0;
            if (code >= 200 && code < 300) return resolve(body as T);
            const status = (typeof body === 'object' && body !== null ? body : {}) as {
              message?: string;
              reason?: string;
            };
            reject(
              new ApiError(
                `${method} ${path}: ${code} ${status.reason ?? ''} ${status.message ?? String(text).slice(0, 200)}`.trim(),
                code,
                status.reason,
                body,
              ),
            );
          });
        },
      );
      req.on('timeout', () =>
        req.destroy(new Error(`${method} ${path}: no answer within ${this.requestTimeoutMs} ms`)),
      );
      req.on('error', (err) => reject(new Error(`${method} ${path}: ${err.message}`, { cause: err })));
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  get<T extends KubeObject>(rt: ResourceType, namespace: string | undefined, name: string): Promise<T> {
    return this.request<T>('GET', objectPath(rt, namespace, name));
  }

  list<T extends KubeObject>(
    rt: ResourceType,
    namespace?: string,
    options: ListOptions = {},
  ): Promise<KubeList<T>> {
    return this.request<KubeList<T>>('GET', collectionPath(rt, namespace), { query: { ...options } });
  }

  create<T extends KubeObject>(rt: ResourceType, obj: T): Promise<T> {
    return this.request<T>('POST', collectionPath(rt, obj.metadata.namespace), {
      body: withTypeMeta(rt, obj),
      query: { fieldManager: FIELD_MANAGER },
    });
  }

  /** PUT; carries `metadata.resourceVersion`, so a stale read fails with 409 Conflict. */
  replace<T extends KubeObject>(rt: ResourceType, obj: T): Promise<T> {
    return this.request<T>('PUT', objectPath(rt, obj.metadata.namespace, obj.metadata.name ?? ''), {
      body: withTypeMeta(rt, obj),
      query: { fieldManager: FIELD_MANAGER },
    });
  }

  /** PUT to the status subresource; the server ignores spec changes in it. */
  replaceStatus<T extends KubeObject>(rt: ResourceType, obj: T): Promise<T> {
    return this.request<T>('PUT', objectPath(rt, obj.metadata.namespace, obj.metadata.name ?? '', 'status'), {
      body: withTypeMeta(rt, obj),
      query: { fieldManager: FIELD_MANAGER },
    });
  }

  patch<T extends KubeObject>(
    rt: ResourceType,
    namespace: string | undefined,
    name: string,
    patch: unknown,
    type: PatchType = 'merge',
    options: { subresource?: string; force?: boolean } = {},
  ): Promise<T> {
    return this.request<T>('PATCH', objectPath(rt, namespace, name, options.subresource), {
      body: patch,
      contentType: CONTENT_TYPES[type],
      query: { fieldManager: FIELD_MANAGER, force: type === 'apply' ? (options.force ?? true) : undefined },
    });
  }

  delete(
    rt: ResourceType,
    namespace: string | undefined,
    name: string,
    options: { propagationPolicy?: 'Foreground' | 'Background' | 'Orphan'; uid?: string } = {},
  ): Promise<unknown> {
    return this.request('DELETE', objectPath(rt, namespace, name), {
      body: {
        apiVersion: 'v1',
        kind: 'DeleteOptions',
        propagationPolicy: options.propagationPolicy ?? 'Background',
        ...(options.uid ? { preconditions: { uid: options.uid } } : {}),
      },
    });
  }

  /**
   * Opens a watch stream; `onEvent` receives each event, `onDone` is called once when the stream ends for
   * any reason. The returned controller aborts it.
   */
  watch(
    path: string,
    query: Record<string, string | number | boolean | undefined>,
    onEvent: (type: string, obj: KubeObject) => void,
    onDone: (err: unknown) => void,
  ): Promise<AbortController> {
    return this.watcher.watch(path, query, (type, obj) => onEvent(type, obj as KubeObject), onDone);
  }
}

function withTypeMeta<T extends KubeObject>(rt: ResourceType, obj: T): T {
  return { ...obj, apiVersion: obj.apiVersion ?? apiVersionOf(rt), kind: obj.kind ?? rt.kind };
}
