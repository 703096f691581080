/**
 * What the real control plane's garbage collector and namespace controller do, for the fake:
 * - background cascading deletion: when an owner is gone, dependents (any kind, found by owner UID)
 *   are deleted, or lose the dangling owner reference if another owner still exists;
 * - foreground deletion: the owner keeps a `foregroundDeletion` finalizer until its dependents are gone;
 * - orphan: dependents lose the owner reference and stay;
 * - a deleted namespace is emptied, then removed.
 * Work runs asynchronously (on a later tick), as it does in a cluster, so callers must wait for it.
 */
import type { ObjectApi, WriteContext } from './object-api.js';
import { storageKey, type ResourceRegistry, type ResourceType } from './resource-registry.js';
import type { ObjectStore } from './store.js';
import { clone, type KubeObject } from './types.js';

const GC_CONTEXT: WriteContext = { fieldManager: 'kube-controller-manager', dryRun: false };

export class GarbageCollector {
  constructor(
    private readonly store: ObjectStore,
    private readonly registry: ResourceRegistry,
    private readonly objects: ObjectApi,
    private readonly schedule: (work: () => void) => void = (work) => setImmediate(work),
  ) {
    store.onChange((event) => {
      if (event.type !== 'DELETED') return;
      // A dependent or namespace member went: an owner in foreground deletion or a terminating
      // namespace may now be free to go.
      this.schedule(() => this.settle(event.object));
    });
  }

  /** Called by the object API after a delete request (object gone, or marked for deletion). */
  deleted(type: ResourceType, object: KubeObject, policy: string | undefined): void {
    const uid = object.metadata.uid!;
    const stillThere =
      this.store.get(storageKey(type), object.metadata.namespace, object.metadata.name!) !== undefined;
    if (stillThere) {
      if (type.kind === 'Namespace' && type.group === '') {
        this.schedule(() => this.emptyNamespace(object.metadata.name!));
      }
      if ((object.metadata.finalizers ?? []).includes('foregroundDeletion')) {
        this.schedule(() => this.deleteDependents(uid, 'Foreground'));
      }
      return;
    }
    if (policy === 'Orphan') {
      this.orphanDependents(uid);
      return;
    }
    this.schedule(() => this.deleteDependents(uid, 'Background'));
  }

  private typeOf(key: string): ResourceType | undefined {
    return this.registry.versionsOf(key)[0];
  }

  private dependentsOf(uid: string): { key: string; object: KubeObject }[] {
    return [...this.store.entries()]
      .filter(({ object }) => (object.metadata.ownerReferences ?? []).some((r) => r.uid === uid))
      .map(({ key, object }) => ({ key, object: clone(object) }));
  }

  private exists(uid: string): boolean {
    for (const { object } of this.store.entries()) if (object.metadata.uid === uid) return true;
    return false;
  }

  private deleteDependents(uid: string, policy: 'Background' | 'Foreground'): void {
    for (const { key, object } of this.dependentsOf(uid)) {
      const type = this.typeOf(key);
      if (type === undefined) continue;
      const others = (object.metadata.ownerReferences ?? []).filter(
        (r) => r.uid !== uid && this.exists(r.uid),
      );
      try {
        if (others.length > 0) {
          const next = clone(object);
          next.metadata.ownerReferences = (object.metadata.ownerReferences ?? []).filter(
            (r) => r.uid !== uid,
          );
          this.objects.commit(type, object, next, GC_CONTEXT, 'update');
        } else if (object.metadata.deletionTimestamp === undefined) {
          this.objects.delete(type, object.metadata.namespace, object.metadata.name!, {
            propagationPolicy: policy === 'Foreground' ? 'Foreground' : 'Background',
          });
        }
      } catch {
        // The dependent changed or went meanwhile; the next event settles it.
      }
    }
    const owner = this.findByUid(uid);
    if (owner) this.settleOwner(owner.key, owner.object);
  }

  private orphanDependents(uid: string): void {
    for (const { key, object } of this.dependentsOf(uid)) {
      const type = this.typeOf(key);
      if (type === undefined) continue;
      const next = clone(object);
      next.metadata.ownerReferences = (object.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
      this.objects.commit(type, object, next, GC_CONTEXT, 'update');
    }
  }

  private emptyNamespace(namespace: string): void {
    for (const { key, object } of [...this.store.entries()]) {
      if (object.metadata.namespace !== namespace || object.metadata.deletionTimestamp !== undefined)
        continue;
      const type = this.typeOf(key);
      if (type === undefined || !type.namespaced) continue;
      this.objects.delete(type, namespace, object.metadata.name!, {});
    }
    this.settleNamespace(namespace);
  }

  private findByUid(uid: string): { key: string; object: KubeObject } | undefined {
    for (const entry of this.store.entries()) if (entry.object.metadata.uid === uid) return entry;
    return undefined;
  }

  /** After `gone` left the store: release its owners in foreground deletion and its namespace. */
  private settle(gone: KubeObject): void {
    for (const ref of gone.metadata.ownerReferences ?? []) {
      const owner = this.findByUid(ref.uid);
      if (owner) this.settleOwner(owner.key, owner.object);
    }
    if (gone.metadata.namespace !== undefined) this.settleNamespace(gone.metadata.namespace);
    // A deleted owner whose dependents were created after the delete request still cascades.
    if (this.dependentsOf(gone.metadata.uid!).length > 0)
      this.deleteDependents(gone.metadata.uid!, 'Background');
  }

  private settleOwner(key: string, owner: KubeObject): void {
    if (!(owner.metadata.finalizers ?? []).includes('foregroundDeletion')) return;
    if (this.dependentsOf(owner.metadata.uid!).length > 0) return;
    this.removeFinalizer(key, owner, 'foregroundDeletion');
  }

  private settleNamespace(namespace: string): void {
    const ns = this.store.get('/namespaces', undefined, namespace);
    if (ns?.metadata.deletionTimestamp === undefined) return;
    for (const { object } of this.store.entries()) if (object.metadata.namespace === namespace) return;
    // What the namespace controller does through `/finalize`: clear spec.finalizers once empty.
    const type = this.typeOf('/namespaces');
    if (type === undefined) return;
    const next = clone(ns);
    next['spec'] = { ...(next['spec'] as object), finalizers: [] };
    this.objects.commit(type, ns, next, GC_CONTEXT, 'update');
  }

  private removeFinalizer(key: string, object: KubeObject, finalizer: string): void {
    const type = this.typeOf(key);
    if (type === undefined) return;
    const next = clone(object);
    next.metadata.finalizers = (object.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    this.objects.commit(type, object, next, GC_CONTEXT, 'update');
  }
}
