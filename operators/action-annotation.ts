/**
 * The `ai.suoke.life/action` request annotation, consumed by the AIModel and ModelVersion
 * controllers once its outcome is in status.
 */
import { ACTION_ANNOTATION } from '../crds/api/index.js';
import { ApiError, isNotFound, type KubeClient } from './kit/client.js';
import type { KubeObject, ResourceType } from './kit/resource.js';

/** Condition recording the last `ai.suoke.life/action` request on an object and what became of it. */
export const LAST_ACTION_CONDITION = 'LastAction';

/** JSON Pointer to the annotation (`/` in the key escaped as `~1`, RFC 6901). */
const ACTION_POINTER = `/metadata/annotations/${ACTION_ANNOTATION.replace(/~/g, '~0').replace(/\//g, '~1')}`;

/**
 * Removes the annotation if it still holds the request that was consumed. The JSON patch tests the
 * value first, so a newer request written after this reconcile read the object fails the test (422)
 * and stays for the next reconcile instead of being erased unseen. An object already gone is fine.
 */
export async function clearConsumedAction(
  client: Pick<KubeClient, 'patch'>,
  type: ResourceType,
  obj: KubeObject,
  consumed: string,
): Promise<void> {
  try {
    await client.patch(
      type,
      obj.metadata.namespace,
      obj.metadata.name ?? '',
      [
        { op: 'test', path: ACTION_POINTER, value: consumed },
        { op: 'remove', path: ACTION_POINTER },
      ],
      'json',
    );
  } catch (error) {
    if (isNotFound(error)) return;
    if (error instanceof ApiError && error.statusCode === 422) return; // a newer request: keep it
    throw error;
  }
}
