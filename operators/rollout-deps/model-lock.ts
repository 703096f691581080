/**
 * One writer at a time per AIModel. The AIModel controller re-applies the rendered VirtualService
 * with the weights it reads from the router, and the ModelVersion controller changes those weights
 * through the router; both run in the leader process, so holding this lock around each reconcile of
 * one model means a render can never write back weights that a rollout step has just replaced.
 */
export class ModelLocks {
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `fn` once every earlier holder of `key` (`namespace/model`) has finished. */
  async with<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    await previous;
    try {
      return await fn();
    } finally {
      release();
      // Forget the key once nobody queued behind us, so the map does not grow with every model ever seen.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
