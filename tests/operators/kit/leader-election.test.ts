import { ApiError } from '../../../operators/kit/client.js';
import { LeaderElector, type Lease, type LeaseStore } from '../../../operators/kit/leader-election.js';
import { FakeClock, flush } from '../../support/fake-clock.js';

/** An in-memory Lease with resourceVersion checks, as the API server does them. */
class MemoryLeaseStore implements LeaseStore {
  lease: Lease | undefined;
  private rv = 0;
  failing = false;

  async get() {
    if (this.failing) throw new Error('connection refused');
    return this.lease && structuredClone(this.lease);
  }
  async create(lease: Lease) {
    if (this.failing) throw new Error('connection refused');
    if (this.lease) throw new ApiError('exists', 409, 'AlreadyExists', {});
    this.lease = {
      ...structuredClone(lease),
      metadata: { ...lease.metadata, resourceVersion: String(++this.rv) },
    };
    return structuredClone(this.lease);
  }
  async update(lease: Lease) {
    if (this.failing) throw new Error('connection refused');
    if (lease.metadata.resourceVersion !== this.lease?.metadata.resourceVersion) {
      throw new ApiError('conflict', 409, 'Conflict', {});
    }
    this.lease = {
      ...structuredClone(lease),
      metadata: { ...lease.metadata, resourceVersion: String(++this.rv) },
    };
    return structuredClone(this.lease);
  }
}

const timing = { leaseDurationMs: 15_000, renewDeadlineMs: 10_000, retryPeriodMs: 2_000 };

function candidate(store: LeaseStore, clock: FakeClock, identity: string) {
  const abort = new AbortController();
  const events: string[] = [];
  const elector = new LeaderElector(store, { identity, namespace: 'ops', clock, ...timing });
  const done = elector.run(
    { onStartedLeading: () => events.push('started'), onStoppedLeading: () => events.push('stopped') },
    abort.signal,
  );
  return { elector, abort, events, done };
}

describe('LeaderElector', () => {
  it('elects exactly one of two candidates', async () => {
    const clock = new FakeClock();
    const store = new MemoryLeaseStore();
    const a = candidate(store, clock, 'a');
    const b = candidate(store, clock, 'b');
    await clock.advance(30_000);
    expect([a.elector.isLeader(), b.elector.isLeader()].filter(Boolean)).toHaveLength(1);
    expect(store.lease?.spec?.holderIdentity).toBe(a.elector.isLeader() ? 'a' : 'b');
    a.abort.abort();
    b.abort.abort();
  });

  it('lets a standby take over within the lease duration when the leader stops renewing', async () => {
    const clock = new FakeClock();
    const store = new MemoryLeaseStore();
    const a = candidate(store, clock, 'a');
    await flush();
    expect(a.elector.isLeader()).toBe(true);
    const b = candidate(store, clock, 'b');
    await clock.advance(4_000);
    expect(b.elector.isLeader()).toBe(false);
    // The leader dies without releasing (SIGKILL): its renewals simply stop.
    a.abort.abort();
    const diedAt = clock.now();
    const step = 100;
    while (!b.elector.isLeader()) await clock.advance(step);
    // At most: the standby counts the lease duration from when it observed the last renewal (as
    // client-go does, on its own clock), which is up to one jittered retry period (1.2×) after the
    // leader died; it takes over at its next attempt, up to one more retry period after expiry; and
    // this loop sees it at the end of the step it happened in.
    expect(clock.now() - diedAt).toBeLessThanOrEqual(
      timing.leaseDurationMs + 2 * timing.retryPeriodMs * 1.2 + step,
    );
    expect(clock.now() - diedAt).toBeGreaterThanOrEqual(timing.leaseDurationMs - timing.retryPeriodMs * 1.2);
    expect(store.lease?.spec).toMatchObject({ holderIdentity: 'b', leaseTransitions: 1 });
    b.abort.abort();
  });

  it('hands over at the standby’s next retry when the leader releases the lease', async () => {
    const clock = new FakeClock();
    const store = new MemoryLeaseStore();
    const a = candidate(store, clock, 'a');
    await flush();
    const b = candidate(store, clock, 'b');
    await clock.advance(4_000);
    a.abort.abort();
    await a.done;
    await a.elector.release();
    expect(store.lease?.spec?.holderIdentity).toBeNull();
    const releasedAt = clock.now();
    while (!b.elector.isLeader()) await clock.advance(100);
    expect(clock.now() - releasedAt).toBeLessThanOrEqual(timing.retryPeriodMs * 1.2 + 100);
    b.abort.abort();
  });

  it('gives up leadership when it cannot renew within the renew deadline', async () => {
    const clock = new FakeClock();
    const store = new MemoryLeaseStore();
    const a = candidate(store, clock, 'a');
    await flush();
    expect(a.events).toEqual(['started']);
    store.failing = true;
    await clock.advance(timing.renewDeadlineMs + timing.retryPeriodMs);
    await a.done;
    expect(a.events).toEqual(['started', 'stopped']);
    expect(a.elector.isLeader()).toBe(false);
  });

  it('rejects inconsistent timings, naming them', () => {
    expect(
      () =>
        new LeaderElector(new MemoryLeaseStore(), {
          identity: 'a',
          namespace: 'ops',
          leaseDurationMs: 5_000,
          renewDeadlineMs: 10_000,
        }),
    ).toThrow(/lease duration \(5000 ms\) > renew deadline \(10000 ms\)/);
  });
});
