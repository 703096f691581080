import http from 'node:http';
import https from 'node:https';
import { realClock, sleep, type Clock, type TimerHandle } from './clock.js';
import type { ClusterConnection } from './connection.js';
import { silentLogger, type Logger } from './logger.js';
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
  /**
   * Client-side rate limit, as client-go's `rest.Config.QPS`: a token bucket refilled at `qps` tokens per
   * second that every request waits on (a watch once, when it opens). `qps <= 0` disables it. The
   * operator process sets it from `--kube-api-qps`.
   * @default 0 (no client-side limit)
   */
  readonly qps?: number;
  /**
   * Size of the token bucket (`rest.Config.Burst`): requests that may go at once. An integer >= 1 when
   * `qps > 0`. The operator process sets it from `--kube-api-burst`.
   * @default ceil(2 * qps)
   */
  readonly burst?: number;
  /**
   * Retries after 429 Too Many Requests (and a 5xx carrying `Retry-After`), as client-go's `maxRetries`:
   * at most this many retries, so `1 + maxRetries` requests, before the `ApiError` is thrown. `0` disables.
   * @default 10
   */
  readonly maxRetries?: number;
  /** Longest single wait before a retry, whatever the server advertises. @default 60_000 */
  readonly maxRetryWaitMs?: number;
  /** Time for the rate limiter and retry waits. @default realClock */
  readonly clock?: Clock;
  /** Retries are logged at debug. @default silentLogger */
  readonly logger?: Logger;
  /** Counts retries (`rest_client_request_retries_total`); see `OperatorMetrics.forClient`. */
  readonly metrics?: KubeClientMetrics;
}

/** What `KubeClient` reports; `OperatorMetrics.forClient()` implements it. */
export interface KubeClientMetrics {
  /** A request answered with `code` is retried. */
  retried(code: number, method: string): void;
}

/**
 * A token bucket that callers wait on in arrival order (FIFO): `burst` tokens at the start, refilled at
 * `qps` per second. A caller that finds others waiting queues behind them even when a token has come
 * back, so nobody overtakes; a single timer wakes the head of the queue when its token is due. This is
 * client-go's `flowcontrol.NewTokenBucketRateLimiter` with `Wait`.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly waiters: Array<() => void> = [];
  private timer: TimerHandle | undefined;

  constructor(
    private readonly clock: Clock,
    readonly qps: number,
    readonly burst: number,
  ) {
    if (!(qps > 0) || !Number.isFinite(qps)) throw new Error(`token bucket: 'qps' must be > 0, got ${qps}`);
    if (!Number.isInteger(burst) || burst < 1) {
      throw new Error(`token bucket: 'burst' must be an integer >= 1 when 'qps' > 0, got ${burst}`);
    }
    this.tokens = burst;
    this.last = clock.now();
  }

  /** Callers currently waiting for a token. */
  get waiting(): number {
    return this.waiters.length;
  }

  /** Resolves once the caller holds a token. */
  wait(): Promise<void> {
    if (this.waiters.length === 0 && this.take()) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.waiters.push(resolve);
      this.schedule();
    });
  }

  private refill(): void {
    const now = this.clock.now();
    if (now > this.last) {
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.qps);
    }
    this.last = Math.max(this.last, now);
  }

  private take(): boolean {
    this.refill();
    // The epsilon absorbs floating-point error in the refill arithmetic.
    if (this.tokens < 1 - 1e-9) return false;
    this.tokens = Math.max(0, this.tokens - 1);
    return true;
  }

  private schedule(): void {
    if (this.timer) return;
    this.refill();
    const ms = Math.max(1, Math.ceil(((1 - this.tokens) / this.qps) * 1000));
    this.timer = this.clock.setTimer(() => {
      this.timer = undefined;
      while (this.waiters.length > 0 && this.take()) this.waiters.shift()!();
      if (this.waiters.length > 0) this.schedule();
    }, ms);
  }
}

/** A single answer of the API server, before it is judged. */
interface RawResponse {
  readonly code: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: unknown;
  readonly text: string;
}

/**
 * A small typed REST client over a `ClusterConnection` (ours, or client-node's `KubeConfig`, which has
 * the same shape). Authentication and TLS come from the connection (`applyToHTTPSOptions`, re-run per
 * request so rotated service-account tokens are picked up); the transport is Node's own `http`/`https`,
 * watches included (newline-delimited JSON events, read as they arrive).
 */
export class KubeClient {
  private readonly server: string;
  private readonly requestTimeoutMs: number;
  /** The client-side rate limit; undefined when `qps <= 0`. */
  readonly rateLimiter: TokenBucket | undefined;
  private readonly maxRetries: number;
  private readonly maxRetryWaitMs: number;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly metrics: KubeClientMetrics | undefined;

  constructor(
    readonly kubeConfig: ClusterConnection,
    options: KubeClientOptions = {},
  ) {
    const cluster = kubeConfig.getCurrentCluster();
    if (!cluster) throw new Error('kubeconfig: the current context names no cluster; set current-context');
    this.server = cluster.server.replace(/\/+$/, '');
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
    this.clock = options.clock ?? realClock;
    this.log = options.logger ?? silentLogger;
    this.metrics = options.metrics;
    const qps = options.qps ?? 0;
    this.rateLimiter =
      qps > 0
        ? new TokenBucket(this.clock, qps, options.burst ?? Math.max(1, Math.ceil(2 * qps)))
        : undefined;
    this.maxRetries = options.maxRetries ?? 10;
    this.maxRetryWaitMs = options.maxRetryWaitMs ?? 60_000;
    if (!Number.isInteger(this.maxRetries) || this.maxRetries < 0) {
      throw new Error(`KubeClient: 'maxRetries' must be an integer >= 0, got ${this.maxRetries}`);
    }
    if (!(this.maxRetryWaitMs > 0)) {
      throw new Error(`KubeClient: 'maxRetryWaitMs' must be > 0, got ${this.maxRetryWaitMs}`);
    }
  }

  /**
   * One API call. Each attempt first waits for a token of the rate limiter. An answer of 429 Too Many
   * Requests (API Priority and Fairness rejecting or queueing-timing-out the request), or a 5xx carrying
   * `Retry-After`, is retried after the advertised delay (the `Retry-After` header, else
   * `details.retryAfterSeconds`, else 1 s doubling per retry), each wait capped at `maxRetryWaitMs`, at
   * most `maxRetries` times; then the `ApiError` is thrown. Other failures are thrown at once.
   */
  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    for (let retry = 0; ; retry++) {
      await this.rateLimiter?.wait();
      const res = await this.send(method, path, options);
      if (res.code >= 200 && res.code < 300) return res.body as T;
      const waitMs = retry < this.maxRetries ? this.retryDelayMs(res, retry) : undefined;
      if (waitMs === undefined) throw apiError(method, path, res);
      this.metrics?.retried(res.code, method);
      this.log.debug(
        { method, path, code: res.code, retry: retry + 1, maxRetries: this.maxRetries, waitMs },
        'API server asked to retry later; waiting',
      );
      await sleep(this.clock, waitMs);
    }
  }

  /** Milliseconds to wait before retrying `res`, or undefined when it is not retryable. */
  private retryDelayMs(res: RawResponse, retry: number): number | undefined {
    const header = retryAfterHeader(res.headers);
    if (res.code !== 429 && !(res.code >= 500 && header !== undefined)) return undefined;
    const details = (res.body as { details?: { retryAfterSeconds?: unknown } } | undefined)?.details;
    const advertised =
      header !== undefined && header > 0
        ? header
        : typeof details?.retryAfterSeconds === 'number' && details.retryAfterSeconds > 0
          ? details.retryAfterSeconds
          : undefined;
    const ms = advertised !== undefined ? advertised * 1000 : 1000 * 2 ** retry;
    return Math.min(ms, this.maxRetryWaitMs);
  }

  /** Sends one request and collects the answer, whatever its status. */
  private async send(method: string, path: string, options: RequestOptions): Promise<RawResponse> {
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
    return new Promise<RawResponse>((resolve, reject) => {
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
            resolve({ code: res.statusCode ?? 0, headers: res.headers, body, text });
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
  async watch(
    path: string,
    query: Record<string, string | number | boolean | undefined>,
    onEvent: (type: string, obj: KubeObject) => void,
    onDone: (err: unknown) => void,
  ): Promise<AbortController> {
    // As in client-go, opening a watch takes a token; the long-lived stream then does not.
    await this.rateLimiter?.wait();
    const url = new URL(this.server + path);
    url.searchParams.set('watch', 'true');
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
    const opts: https.RequestOptions = { method: 'GET', headers: { Accept: 'application/json' } };
    await this.kubeConfig.applyToHTTPSOptions(opts);
    const controller = new AbortController();
    let done = false;
    const finish = (err: unknown): void => {
      if (done) return;
      done = true;
      controller.abort();
      onDone(err);
    };
    const lib = url.protocol === 'http:' ? http : https;
    const req = lib.request(
      url,
      { method: 'GET', headers: opts.headers, agent: opts.agent, signal: controller.signal },
      (res) => {
        if (res.statusCode !== 200) {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let body: unknown = text;
            try {
              body = JSON.parse(text);
            } catch {
              // not a Status; the text is in the message
            }
            finish(apiError('WATCH', path, { code: res.statusCode ?? 0, headers: res.headers, body, text }));
          });
          return;
        }
        res.setEncoding('utf8');
        let pending = '';
        res.on('data', (chunk: string) => {
          pending += chunk;
          for (let nl = pending.indexOf('\n'); nl >= 0 && !done; nl = pending.indexOf('\n')) {
            const line = pending.slice(0, nl).trim();
            pending = pending.slice(nl + 1);
            if (line === '') continue;
            let event: { type?: string; object?: KubeObject };
            try {
              event = JSON.parse(line) as { type?: string; object?: KubeObject };
            } catch {
              continue; // a line cut by a dying connection; the stream ends right after
            }
            if (event.type !== undefined && event.object !== undefined) onEvent(event.type, event.object);
          }
        });
        res.on('end', () => finish(null));
        res.on('close', () => finish(null));
        res.on('error', (err) => finish(controller.signal.aborted ? null : err));
      },
    );
    // A dead peer is noticed by TCP keep-alive probes, not only by the informer's stall timer.
    req.on('socket', (socket) => socket.setKeepAlive(true, 30_000));
    req.on('error', (err) => finish(controller.signal.aborted ? null : err));
    req.end();
    return controller;
  }
}

function apiError(method: string, path: string, res: RawResponse): ApiError {
  const status = (typeof res.body === 'object' && res.body !== null ? res.body : {}) as {
    message?: string;
    reason?: string;
  };
  const parts = [res.code, status.reason, status.message ?? res.text.slice(0, 200)].filter(
    (p) => p !== undefined && p !== '',
  );
  return new ApiError(`${method} ${path}: ${parts.join(' ')}`, res.code, status.reason, res.body);
}

/** `Retry-After` in whole seconds (the form the API server sends); undefined when absent or not a number. */
function retryAfterHeader(headers: http.IncomingHttpHeaders): number | undefined {
  const value = headers['retry-after'];
  const text = Array.isArray(value) ? value[0] : value;
  return text !== undefined && /^\s*\d+\s*$/.test(text) ? Number(text) : undefined;
}

function withTypeMeta<T extends KubeObject>(rt: ResourceType, obj: T): T {
  return { ...obj, apiVersion: obj.apiVersion ?? apiVersionOf(rt), kind: obj.kind ?? rt.kind };
}
