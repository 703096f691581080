/** Server-side apply and field ownership (managedFields). */
import { ApiError } from './errors.js';
import type { ObjectApi, WriteContext } from './object-api.js';
import type { ResourceType } from './resource-registry.js';
import type { KubeObject } from './types.js';

export function trackUpdate(
  _type: ResourceType,
  _old: KubeObject | undefined,
  _next: KubeObject,
  _ctx: WriteContext,
  _now: Date,
): void {}

export function applyServerSide(
  _objects: ObjectApi,
  _type: ResourceType,
  _namespace: string | undefined,
  _name: string,
  _body: unknown,
  _ctx: WriteContext,
  _force: boolean,
  _now: Date,
): KubeObject {
  throw new ApiError(415, 'UnsupportedMediaType', 'server-side apply is not supported yet');
}
