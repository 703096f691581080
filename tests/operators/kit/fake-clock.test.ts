import { FakeClock, flush, MaxFlushTurns, MinFlushTurns } from '../../support/fake-clock.js';

/** A chain of `depth` links, each waiting one event-loop turn (as a callback-based API would). */
async function chain(depth: number, done: () => void): Promise<void> {
  for (let i = 0; i < depth; i++) await new Promise<void>((r) => setImmediate(r));
  done();
}

describe('flush', () => {
  it('settles a promise chain many event-loop turns deep, not only the first few', async () => {
    let done = false;
    void chain(MinFlushTurns * 5, () => (done = true));
    await flush();
    expect(done).toBe(true);
  });

  it('settles nextTick and microtask work queued from within the chain', async () => {
    const order: string[] = [];
    void chain(20, () => {
      process.nextTick(() => {
        order.push('tick');
        queueMicrotask(() => order.push('microtask'));
        setImmediate(() => order.push('immediate'));
      });
    });
    await flush();
    expect(order).toEqual(['tick', 'microtask', 'immediate']);
  });

  it('lets two flushes run at once without counting each other as work', async () => {
    let done = false;
    void chain(30, () => (done = true));
    await Promise.all([flush(), flush()]);
    expect(done).toBe(true);
  });

  it('throws naming the cap when the work never stops', async () => {
    let stop = false;
    const spin = (): void => {
      if (!stop) setImmediate(spin);
    };
    spin();
    try {
      await expect(flush()).rejects.toThrow(
        `still busy after MaxFlushTurns (${MaxFlushTurns}) event-loop turns`,
      );
    } finally {
      stop = true;
    }
  });
});

describe('FakeClock', () => {
  it('fires a timer set by the work of an earlier timer when both fall within one advance', async () => {
    const clock = new FakeClock(0);
    const fired: number[] = [];
    clock.setTimer(() => {
      void chain(25, () => clock.setTimer(() => fired.push(clock.now()), 500));
    }, 1_000);
    await clock.advance(2_000);
    expect(fired).toEqual([1_500]);
    expect(clock.now()).toBe(2_000);
    expect(clock.pending).toBe(0);
  });
});
