/**
 * Follows one object through list + watch, the way client-go's reflector does, so a long `wait` in
 * a CI job survives what happens to API connections over half an hour:
 * - list (field selector on the name) for the current state and a resourceVersion, then watch from it;
 * - a watch that ends cleanly (server timeout, load balancer) is reopened from the last version seen;
 * - a dropped connection or an unreachable server is retried with capped exponential backoff;
 * - 410 Gone (the version is too old) means relist, then watch again;
 * - a watch silent for longer than `silenceMs` (no event, no bookmark) is treated as hung and reopened;
 * - 401/403/404 and other client errors are not retried: they fail with the server's message.
 */
import { ApiError, type KubeClient } from '../operators/kit/client.js';
import {
  collectionPath,
  type KubeList,
  type KubeObject,
  type ResourceType,
} from '../operators/kit/resource.js';
import { ApiFailure } from './errors.js';
import { apiFailure } from './resources.js';

export interface ObjectWatchOptions {
  readonly client: KubeClient;
  readonly type: ResourceType;
  readonly namespace: string;
  readonly name: string;
  /** Every state of the object seen, in order (the listed one included). */
  readonly onObject: (object: KubeObject) => void;
  /** The object is gone (deleted, or missing on a relist after having been seen). */
  readonly onDeleted: () => void;
  /** Connection trouble the watch recovers from, for a note on stderr. @default ignored */
  readonly onRecover?: (what: string) => void;
  /** First retry delay; doubles up to `maxRetryMs`. @default 250 */
  readonly retryMs?: number;
  /** @default 5000 */
  readonly maxRetryMs?: number;
  /** A watch without any event or bookmark for this long is reopened. @default 120_000 */
  readonly silenceMs?: number;
  /** Server-side timeout of one watch request in seconds. @default 300 */
  readonly watchTimeoutSeconds?: number;
}

type WatchEnd = { readonly gone: true } | { readonly gone: false; readonly error?: unknown };

/** Status codes worth retrying: the server is restarting, overloaded or behind a flaky proxy. */
const RETRYABLE = new Set([429, 500, 502, 503, 504]);

export class ObjectWatch {
  private stopped = false;
  private readonly aborter = new AbortController();
  private current: AbortController | undefined;
  private seen = false;

  constructor(private readonly options: ObjectWatchOptions) {}

  /** Ends the watch; `run()` resolves soon after. */
  stop(): void {
    this.stopped = true;
    this.aborter.abort();
    this.current?.abort();
  }

  /**
   * Runs until {@link stop} or until the object is deleted. Rejects with an ApiFailure on errors
   * that retrying cannot fix, and when the object does not exist at the first list.
   */
  async run(): Promise<void> {
    const { client, type, namespace, name } = this.options;
    let resourceVersion: string | undefined;
    let failures = 0;
    while (!this.stopped) {
      try {
        if (resourceVersion === undefined) {
          const list = await client.list(type, namespace, { fieldSelector: `metadata.name=${name}` });
          if (this.stopped) return;
          resourceVersion = (list as KubeList).metadata.resourceVersion;
          const object = list.items[0];
          if (object === undefined) {
            if (this.seen) {
              this.stop();
              this.options.onDeleted();
              return;
            }
            throw new ApiFailure(
              `${type.kind} '${name}' not found in namespace '${namespace}'; list them with 'kubectl get ${type.plural} -n ${namespace}'`,
            );
          }
          this.seen = true;
          this.options.onObject(object);
        }
        const end = await this.watchFrom(resourceVersion as string, (rv) => (resourceVersion = rv));
        if (this.stopped) return;
        if (end.gone) {
          this.options.onRecover?.('watch history expired (410 Gone); listing again');
          resourceVersion = undefined;
          failures = 0;
          continue;
        }
        if (end.error === undefined) {
          failures = 0;
          continue;
        }
        throw end.error;
      } catch (error) {
        if (this.stopped) return;
        if (error instanceof ApiFailure) throw error;
        const code = statusCodeOf(error);
        if (code !== undefined && code !== 410 && !RETRYABLE.has(code)) {
          throw apiFailure(`watching ${type.kind} '${name}' in namespace '${namespace}'`, error);
        }
        // A 410 on the request itself (not as an event) also means the version is too old.
        if (code === 410) resourceVersion = undefined;
        failures++;
        const delay = Math.min(
          (this.options.retryMs ?? 250) * 2 ** (failures - 1),
          this.options.maxRetryMs ?? 5000,
        );
        this.options.onRecover?.(`${messageOf(error)}; retrying in ${delay} ms`);
        await this.delay(delay);
      }
    }
  }

  /** One watch request; resolves when it ends, with how it ended. */
  private async watchFrom(resourceVersion: string, advance: (rv: string) => void): Promise<WatchEnd> {
    const { client, type, namespace, name } = this.options;
    const silenceMs = this.options.silenceMs ?? 120_000;
    return new Promise<WatchEnd>((resolve) => {
      let settled = false;
      let silence: NodeJS.Timeout | undefined;
      const onAbort = (): void => finish({ gone: false });
      const finish = (end: WatchEnd): void => {
        if (settled) return;
        settled = true;
        this.aborter.signal.removeEventListener('abort', onAbort);
        if (silence) clearTimeout(silence);
        this.current?.abort();
        resolve(end);
      };
      const heard = (): void => {
        if (silence) clearTimeout(silence);
        silence = setTimeout(() => {
          this.options.onRecover?.(`no event for ${silenceMs} ms; reopening the watch`);
          finish({ gone: false });
        }, silenceMs);
      };
      heard();
      client
        .watch(
          collectionPath(type, namespace),
          {
            fieldSelector: `metadata.name=${name}`,
            resourceVersion,
            allowWatchBookmarks: true,
            timeoutSeconds: this.options.watchTimeoutSeconds ?? 300,
          },
          (eventType, object) => {
            if (settled) return;
            heard();
            if (eventType === 'ERROR') {
              const status = object as unknown as { code?: number; message?: string };
              if (status.code === 410) return finish({ gone: true });
              return finish({ gone: false, error: statusError(status) });
            }
            const rv = object.metadata?.resourceVersion;
            if (rv) advance(rv);
            if (eventType === 'BOOKMARK') return;
            if (eventType === 'DELETED') {
              finish({ gone: false });
              this.stop();
              this.options.onDeleted();
              return;
            }
            this.options.onObject(object);
          },
          (error) => finish(error ? { gone: statusCodeOf(error) === 410, error } : { gone: false }),
        )
        .then(
          (controller) => {
            this.current = controller;
            if (settled) controller.abort();
          },
          (error: unknown) => finish({ gone: false, error }),
        );
      this.aborter.signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const onAbort = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.aborter.signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      this.aborter.signal.addEventListener('abort', onAbort, { once: true });
    });
  }
}

function statusCodeOf(error: unknown): number | undefined {
  if (error instanceof ApiError) return error.statusCode;
  const code = (error as { statusCode?: unknown; code?: unknown } | undefined)?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

function statusError(status: { code?: number; message?: string }): Error {
  const error = new Error(status.message ?? `watch error ${status.code ?? ''}`) as Error & {
    statusCode?: number;
  };
  if (status.code !== undefined) error.statusCode = status.code;
  return error;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
