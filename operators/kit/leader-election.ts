import { realClock, sleep, type Clock } from './clock.js';
import { ApiError, isConflict, isNotFound, type KubeClient } from './client.js';
import { silentLogger, type Logger } from './logger.js';
import { LEASE, type KubeObject } from './resource.js';

export interface LeaseSpec {
  holderIdentity?: string | null;
  leaseDurationSeconds?: number;
  acquireTime?: string | null;
  renewTime?: string | null;
  leaseTransitions?: number;
}

export interface Lease extends KubeObject {
  spec?: LeaseSpec;
}

/** Reads and writes one Lease; writes carry the resourceVersion read, so a lost race is a 409. */
export interface LeaseStore {
  get(): Promise<Lease | undefined>;
  create(lease: Lease): Promise<Lease>;
  update(lease: Lease): Promise<Lease>;
}

/** A `LeaseStore` on `coordination.k8s.io/v1` through the API server. */
export function apiLeaseStore(client: KubeClient, namespace: string, name: string): LeaseStore {
  return {
    async get() {
      try {
        return await client.get<Lease>(LEASE, namespace, name);
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    },
    create: (lease) => client.create(LEASE, lease),
    update: (lease) => client.replace(LEASE, lease),
  };
}

export interface LeaderElectionOptions {
  /** Unique per process: `<hostname>_<random>` like controller-runtime. */
  readonly identity: string;
  readonly namespace: string;
  /** @default 'suoke-modelops-operator' */
  readonly name?: string;
  /** How long a standby waits after the last observed renewal before taking over. @default 15_000 */
  readonly leaseDurationMs?: number;
  /** How long the leader keeps trying to renew before giving up leadership. @default 10_000 */
  readonly renewDeadlineMs?: number;
  /** Interval between attempts to acquire or renew. @default 2_000 */
  readonly retryPeriodMs?: number;
  /** @default realClock */
  readonly clock?: Clock;
  /** @default silentLogger */
  readonly logger?: Logger;
}

export interface LeaderCallbacks {
  onStartedLeading(): void;
  /** Called once when leadership is lost (renew deadline passed) — not on a clean release. */
  onStoppedLeading(): void;
  onNewLeader?(identity: string): void;
}

/**
 * Lease-based leader election with client-go's semantics. Expiry is judged by the local time at which
 * this process last saw the lease record change (not by comparing `renewTime` with our clock), so clock
 * skew between nodes cannot make two leaders. `release()` empties `holderIdentity` on a clean shutdown so
 * a standby takes over at its next retry instead of waiting out the lease.
 */
export class LeaderElector {
  readonly identity: string;
  private readonly name: string;
  private readonly namespace: string;
  private readonly store: LeaseStore;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly leaseDurationMs: number;
  private readonly renewDeadlineMs: number;
  private readonly retryPeriodMs: number;
  private observed: { record: string; at: number } | undefined;
  private lease: Lease | undefined;
  private leading = false;
  private lastLeader = '';

  constructor(store: LeaseStore, options: LeaderElectionOptions) {
    this.store = store;
    this.identity = options.identity;
    this.name = options.name ?? 'suoke-modelops-operator';
    this.namespace = options.namespace;
    this.clock = options.clock ?? realClock;
    this.log = (options.logger ?? silentLogger).child({ lease: `${this.namespace}/${this.name}` });
    this.leaseDurationMs = options.leaseDurationMs ?? 15_000;
    this.renewDeadlineMs = options.renewDeadlineMs ?? 10_000;
    this.retryPeriodMs = options.retryPeriodMs ?? 2_000;
    if (!(
      this.leaseDurationMs > this.renewDeadlineMs &&
      this.renewDeadlineMs > this.retryPeriodMs &&
      this.retryPeriodMs > 0
    )) {
      throw new Error(
        `leader election: need lease duration (${this.leaseDurationMs} ms) > renew deadline (${this.renewDeadlineMs} ms) > retry period (${this.retryPeriodMs} ms) > 0`,
      );
    }
  }

  isLeader(): boolean {
    return this.leading;
  }

  /**
   * Campaigns until leader, then renews until `signal` aborts (then returns) or the renew deadline passes
   * (then `onStoppedLeading` is called and it returns).
   */
  async run(callbacks: LeaderCallbacks, signal: AbortSignal): Promise<void> {
    while (!signal.aborted && !(await this.tryAcquireOrRenew(callbacks))) {
      await sleep(this.clock, this.retryPeriodMs * (1 + Math.random() * 0.2), signal);
    }
    if (signal.aborted) return;
    this.leading = true;
    this.log.info({ identity: this.identity }, 'became leader');
    callbacks.onStartedLeading();
    let lastRenew = this.clock.now();
    while (!signal.aborted) {
      await sleep(this.clock, this.retryPeriodMs, signal);
      if (signal.aborted) break;
      if (await this.tryAcquireOrRenew(callbacks)) {
        lastRenew = this.clock.now();
      } else if (this.clock.now() - lastRenew >= this.renewDeadlineMs) {
        this.leading = false;
        this.log.error(
          { identity: this.identity },
          'leader election lost: could not renew within the deadline',
        );
        callbacks.onStoppedLeading();
        return;
      }
    }
  }

  /** Gives the lease up if held, so a standby can take over at once. */
  async release(): Promise<void> {
    if (!this.leading || !this.lease) return;
    this.leading = false;
    const now = microTime(this.clock.now());
    try {
      await this.store.update({
        ...this.lease,
        spec: {
          ...this.lease.spec,
          holderIdentity: null,
          leaseDurationSeconds: 1,
          renewTime: now,
          acquireTime: now,
        },
      });
      this.log.info({ identity: this.identity }, 'released leader lease');
    } catch (err) {
      this.log.warn(
        { err: (err as Error).message },
        'could not release leader lease; standby waits for it to expire',
      );
    }
  }

  private async tryAcquireOrRenew(callbacks: LeaderCallbacks): Promise<boolean> {
    const now = this.clock.now();
    const spec: LeaseSpec = {
      holderIdentity: this.identity,
      leaseDurationSeconds: Math.ceil(this.leaseDurationMs / 1000),
      acquireTime: microTime(now),
      renewTime: microTime(now),
      leaseTransitions: 0,
    };
    try {
      const current = await this.store.get();
      if (!current) {
        this.lease = await this.store.create({
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          metadata: { name: this.name, namespace: this.namespace },
          spec,
        });
        this.observe(this.lease, callbacks);
        return true;
      }
      this.observe(current, callbacks);
      const held = current.spec ?? {};
      const holder = held.holderIdentity ?? '';
      const mine = holder === this.identity;
      // Like client-go, trust the holder's own lease duration (a released lease says 1 s), timed from when we
      // last saw the record change.
      const heldForMs = (held.leaseDurationSeconds ?? this.leaseDurationMs / 1000) * 1000;
      if (holder && !mine && this.observed!.at + heldForMs > now) return false;
      if (mine) {
        spec.acquireTime = held.acquireTime ?? spec.acquireTime;
        spec.leaseTransitions = held.leaseTransitions ?? 0;
      } else {
        spec.leaseTransitions = (held.leaseTransitions ?? 0) + 1;
      }
      this.lease = await this.store.update({ ...current, spec });
      this.observe(this.lease, callbacks);
      return true;
    } catch (err) {
      if (!isConflict(err)) {
        this.log.warn(
          { err: err instanceof ApiError ? err.message : String(err) },
          'lease acquire/renew failed',
        );
      }
      return false;
    }
  }

  private observe(lease: Lease, callbacks: LeaderCallbacks): void {
    const record = JSON.stringify(lease.spec ?? {});
    if (this.observed?.record !== record) this.observed = { record, at: this.clock.now() };
    const holder = lease.spec?.holderIdentity ?? '';
    if (holder && holder !== this.lastLeader) {
      this.lastLeader = holder;
      callbacks.onNewLeader?.(holder);
    }
  }
}

/** RFC 3339 with microseconds, the `MicroTime` format Lease fields require. */
export function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
