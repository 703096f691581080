/**
 * Event-driven waiting on the in-process fake: which objects of one kind in one namespace satisfy a
 * predicate, re-checked only for the objects a write touched (batched per event-loop turn), so waiting
 * for 1,000 objects costs nothing between writes.
 */
import type { FakeApiServer, KindRef, KubeObject } from '../../tests/support/fake-api-server/index.js';
import type { FakeApiTap } from './fake-tap.js';

export class Tracker {
  private readonly satisfied = new Set<string>();
  private readonly dirty = new Set<string>();
  private scheduled = false;
  private readonly changed = new Set<() => void>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly api: FakeApiServer,
    tap: FakeApiTap,
    private readonly kind: KindRef,
    private readonly namespace: string,
    private readonly predicate: (object: KubeObject) => boolean,
  ) {
    this.unsubscribe = tap.onWrite((w) => {
      if (w.kind !== kind.kind || w.namespace !== namespace) return;
      this.dirty.add(w.name);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
    for (const object of api.list(kind, namespace)) this.check(object.metadata.name!, object);
  }

  get count(): number {
    return this.satisfied.size;
  }

  has(name: string): boolean {
    return this.satisfied.has(name);
  }

  /** Resolves once at least `target` objects satisfy the predicate. */
  whenCount(target: number): Promise<void> {
    if (this.count >= target) return Promise.resolve();
    return new Promise((resolve) => {
      const listener = (): void => {
        if (this.count < target) return;
        this.changed.delete(listener);
        resolve();
      };
      this.changed.add(listener);
    });
  }

  stop(): void {
    this.unsubscribe();
    this.changed.clear();
  }

  private flush(): void {
    this.scheduled = false;
    const names = [...this.dirty];
    this.dirty.clear();
    for (const name of names) this.check(name, this.api.get(this.kind, this.namespace, name));
    for (const listener of [...this.changed]) listener();
  }

  private check(name: string, object: KubeObject | undefined): void {
    if (object !== undefined && this.predicate(object)) this.satisfied.add(name);
    else this.satisfied.delete(name);
  }
}

/**
 * The simulated kubelet and deployment controller: whenever a Deployment in `namespace` is created or
 * its generation moves past what its status observed, its status is written Available through the
 * fake's direct hook (not an API request, so never counted as anyone's).
 */
export class Kubelet {
  /** Status writes made. */
  marked = 0;
  private readonly pending = new Set<string>();
  private scheduled = false;
  private readonly unsubscribe: () => void;
  private readonly kind: KindRef = { apiVersion: 'apps/v1', kind: 'Deployment' };

  constructor(
    private readonly api: FakeApiServer,
    private readonly tap: FakeApiTap,
    private readonly namespace: string,
  ) {
    this.unsubscribe = tap.onWrite((w) => {
      if (w.kind !== 'Deployment' || w.namespace !== namespace || w.verb === 'delete') return;
      this.pending.add(w.name);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  stop(): void {
    this.unsubscribe();
  }

  private flush(): void {
    this.scheduled = false;
    const names = [...this.pending];
    this.pending.clear();
    for (const name of names) {
      const d = this.api.get(this.kind, this.namespace, name);
      if (d === undefined || d.metadata.deletionTimestamp) continue;
      const status = d['status'] as
        { observedGeneration?: number; conditions?: Array<{ type: string; status: string }> } | undefined;
      const available = (status?.conditions ?? []).some((c) => c.type === 'Available' && c.status === 'True');
      if (available && status?.observedGeneration === d.metadata.generation) continue;
      this.tap.direct(() => this.api.setDeploymentAvailable(this.namespace, name, true));
      this.marked++;
    }
  }
}
