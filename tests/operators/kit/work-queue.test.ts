import { ItemExponentialRateLimiter } from '../../../operators/kit/rate-limiter.js';
import { WorkQueue, type WorkQueueMetrics } from '../../../operators/kit/work-queue.js';
import { FakeClock, flush } from '../../support/fake-clock.js';

function newQueue(clock = new FakeClock()) {
  const counts = { added: 0, retried: 0, depth: 0 };
  const metrics: WorkQueueMetrics = {
    depth: (n) => (counts.depth = n),
    added: () => counts.added++,
    retried: () => counts.retried++,
    queued: () => undefined,
  };
  return {
    clock,
    counts,
    queue: new WorkQueue({ clock, metrics, rateLimiter: new ItemExponentialRateLimiter() }),
  };
}

describe('WorkQueue', () => {
  it('de-duplicates a key queued several times before a worker takes it', async () => {
    const { queue, counts } = newQueue();
    queue.add('ns/a');
    queue.add('ns/a');
    queue.add('ns/b');
    expect(queue.length).toBe(2);
    expect(counts.added).toBe(2);
    expect(await queue.get()).toBe('ns/a');
    expect(await queue.get()).toBe('ns/b');
  });

  it('never hands out a key that is being processed; it comes back once after done', async () => {
    const { queue } = newQueue();
    queue.add('ns/a');
    const key = await queue.get();
    queue.add('ns/a');
    queue.add('ns/a');
    expect(queue.length).toBe(0);
    let second: string | undefined;
    void queue.get().then((k) => (second = k));
    await flush();
    expect(second).toBeUndefined();
    queue.done(key!);
    await flush();
    expect(second).toBe('ns/a');
  });

  it('never runs one key in two of many concurrent workers', async () => {
    const { queue } = newQueue();
    const running = new Set<string>();
    const runs = new Map<string, number>();
    let overlaps = 0;
    const worker = async (): Promise<void> => {
      for (;;) {
        const key = await queue.get();
        if (key === undefined) return;
        if (running.has(key)) overlaps++;
        running.add(key);
        await flush();
        // Re-adding while processing is the common case: a watch event for the object being reconciled.
        if ((runs.get(key) ?? 0) < 3) queue.add(key);
        runs.set(key, (runs.get(key) ?? 0) + 1);
        running.delete(key);
        queue.done(key);
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    for (let i = 0; i < 50; i++) queue.add(`ns/k${i % 5}`);
    for (let i = 0; i < 20; i++) await flush();
    await queue.shutDownWithDrain();
    await Promise.all(workers);
    expect(overlaps).toBe(0);
    expect([...runs.values()].every((n) => n >= 1)).toBe(true);
    expect(runs.size).toBe(5);
  });

  it('delays addAfter by the injected clock and keeps the earliest pending time', async () => {
    const { queue, clock } = newQueue();
    queue.addAfter('ns/a', 1000);
    queue.addAfter('ns/a', 300);
    queue.addAfter('ns/a', 5000);
    await clock.advance(299);
    expect(queue.length).toBe(0);
    await clock.advance(1);
    expect(queue.length).toBe(1);
    await queue.get();
    await clock.advance(10_000);
    expect(queue.length).toBe(0);
  });

  it('backs off a failing key exponentially and resets after forget', async () => {
    const { queue, clock, counts } = newQueue();
    const when: number[] = [];
    for (let i = 0; i < 4; i++) {
      const start = clock.now();
      queue.addRateLimited('ns/a');
      while (queue.length === 0) await clock.advance(1);
      when.push(clock.now() - start);
      queue.done((await queue.get())!);
    }
    expect(when).toEqual([5, 10, 20, 40]);
    expect(counts.retried).toBe(4);
    expect(queue.retries('ns/a')).toBe(4);
    queue.forget('ns/a');
    expect(queue.retries('ns/a')).toBe(0);
  });

  it('releases waiting workers on shutdown and drains in-flight keys', async () => {
    const { queue } = newQueue();
    const waiting = queue.get();
    queue.shutDown();
    expect(await waiting).toBeUndefined();
    const q2 = newQueue().queue;
    q2.add('ns/a');
    const key = await q2.get();
    let drained = false;
    const drain = q2.shutDownWithDrain().then(() => (drained = true));
    q2.add('ns/b');
    await flush();
    expect(drained).toBe(false);
    expect(q2.length).toBe(0);
    q2.done(key!);
    await drain;
    expect(drained).toBe(true);
  });
});
