import type { KubeClient } from './client.js';
import { describe, type KubeObject, type ResourceType } from './resource.js';

export function hasFinalizer(obj: KubeObject, finalizer: string): boolean {
  return obj.metadata.finalizers?.includes(finalizer) ?? false;
}

export function isBeingDeleted(obj: KubeObject): boolean {
  return Boolean(obj.metadata.deletionTimestamp);
}

/**
 * Adds `finalizer` if missing; returns the updated object, or `undefined` when nothing had to be written.
 * The update carries the object's resourceVersion, so it fails with 409 on a stale read instead of
 * dropping another controller's finalizer.
 */
export async function ensureFinalizer<T extends KubeObject>(
  client: KubeClient,
  rt: ResourceType,
  obj: T,
  finalizer: string,
): Promise<T | undefined> {
  if (hasFinalizer(obj, finalizer) || isBeingDeleted(obj)) return undefined;
  return write(client, rt, obj, [...(obj.metadata.finalizers ?? []), finalizer], 'add');
}

/** Removes `finalizer` if present (after clean-up); `undefined` when nothing had to be written. */
export async function removeFinalizer<T extends KubeObject>(
  client: KubeClient,
  rt: ResourceType,
  obj: T,
  finalizer: string,
): Promise<T | undefined> {
  if (!hasFinalizer(obj, finalizer)) return undefined;
  return write(
    client,
    rt,
    obj,
    obj.metadata.finalizers!.filter((f) => f !== finalizer),
    'remove',
  );
}

async function write<T extends KubeObject>(
  client: KubeClient,
  rt: ResourceType,
  obj: T,
  finalizers: string[],
  verb: string,
): Promise<T> {
  try {
    return await client.replace<T>(rt, { ...obj, metadata: { ...obj.metadata, finalizers } });
  } catch (err) {
    throw new Error(`${describe(obj)}: could not ${verb} a finalizer: ${(err as Error).message}`, {
      cause: err,
    });
  }
}
