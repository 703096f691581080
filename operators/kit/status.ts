import { realClock, sleep, type Clock } from './clock.js';
import { isConflict } from './client.js';
import { deepEqual } from './deep-equal.js';
import { describe, type KubeObject, type ResourceType } from './resource.js';

export interface StatusWrite<T extends KubeObject> {
  /** False when the status already equalled the desired one and nothing was sent. */
  readonly changed: boolean;
  readonly object: T;
}

/** What `updateStatus` needs of a client (a KubeClient, or a ClusterClient that caches the answer). */
export interface StatusWriter {
  replaceStatus<T extends KubeObject>(rt: ResourceType, obj: T): Promise<T>;
}

/**
 * Writes `status` through the status subresource, only if it differs from the object's current status.
 * The PUT carries the object's resourceVersion, so a write based on a stale read fails with 409 Conflict
 * (the reconcile is then retried on the fresh object) rather than overwriting newer state.
 */
export async function updateStatus<T extends KubeObject>(
  client: StatusWriter,
  rt: ResourceType,
  obj: T,
  status: unknown,
): Promise<StatusWrite<T>> {
  if (deepEqual(obj['status'], status)) return { changed: false, object: obj };
  try {
    const object = await client.replaceStatus<T>(rt, { ...obj, status });
    return { changed: true, object };
  } catch (err) {
    throw new Error(`${describe(obj)}: status update failed: ${(err as Error).message}`, { cause: err });
  }
}

export interface RetryOnConflictOptions {
  /** @default 5 */
  readonly attempts?: number;
  /** Delay before the second attempt, doubled each time. @default 10 */
  readonly initialDelayMs?: number;
  /** @default realClock */
  readonly clock?: Clock;
}

/**
 * Runs `fn` (which must re-read what it updates) again when it fails with 409 Conflict, like client-go's
 * `RetryOnConflict`; any other error, or a conflict on the last attempt, is thrown.
 */
export async function retryOnConflict<R>(
  fn: () => Promise<R>,
  options: RetryOnConflictOptions = {},
): Promise<R> {
  const attempts = options.attempts ?? 5;
  const clock = options.clock ?? realClock;
  let delay = options.initialDelayMs ?? 10;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const conflict = isConflict(err) || isConflict((err as { cause?: unknown })?.cause);
      if (!conflict || attempt >= attempts) throw err;
      await sleep(clock, delay);
      delay *= 2;
    }
  }
}
