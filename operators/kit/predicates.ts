/**
 * Event filters for updates, like controller-runtime's predicates: a controller queues a key only for
 * the changes its reconciler reacts to, so a status write does not fan out into reconciles that
 * change nothing. Adds, deletes and periodic resyncs always pass.
 */
import { deepEqual } from './deep-equal.js';
import type { KubeObject } from './resource.js';

/** True when the change from `old` to `obj` concerns the controller. */
export type UpdatePredicate = (old: KubeObject, obj: KubeObject) => boolean;

/**
 * The spec (generation), labels, annotations, finalizers, owner references or deletion changed: what
 * a person or another controller asks of an object, not what its own controller reports in status.
 */
export const specOrMetadataChanged: UpdatePredicate = (old, obj) => {
  const a = old.metadata;
  const b = obj.metadata;
  return (
    a.generation !== b.generation ||
    a.deletionTimestamp !== b.deletionTimestamp ||
    !deepEqual(a.labels, b.labels) ||
    !deepEqual(a.annotations, b.annotations) ||
    !deepEqual(a.finalizers, b.finalizers) ||
    !deepEqual(a.ownerReferences, b.ownerReferences)
  );
};

/**
 * Anything but status changed (for kinds without a generation, such as Service): status written by
 * another controller (an autoscaler's current metrics, say) does not queue the owner.
 */
export const changedApartFromStatus: UpdatePredicate = (old, obj) => {
  const { status: _a, metadata: ma, ...restA } = old;
  const { status: _b, metadata: mb, ...restB } = obj;
  return (
    specOrMetadataChanged(old, obj) ||
    !deepEqual(restA, restB) ||
    !deepEqual(withoutServerFields(ma), withoutServerFields(mb))
  );
};

/** Any change at all (the owner reads the object's status, e.g. a Deployment's availability). */
export const anyChange: UpdatePredicate = () => true;

function withoutServerFields(meta: KubeObject['metadata']): unknown {
  const { resourceVersion: _rv, managedFields: _mf, generation: _g, ...rest } = meta;
  return rest;
}
