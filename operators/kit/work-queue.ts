import { realClock, type Clock, type TimerHandle } from './clock.js';
import { defaultControllerRateLimiter, type RateLimiter } from './rate-limiter.js';

/** Observations a queue reports; `metrics.ts` maps them onto the `workqueue_*` series. */
export interface WorkQueueMetrics {
  depth(n: number): void;
  added(): void;
  retried(): void;
  /** Seconds an item waited in the queue before a worker took it. */
  queued(seconds: number): void;
}

export interface WorkQueueOptions {
  /** @default realClock */
  readonly clock?: Clock;
  /** @default defaultControllerRateLimiter (5 ms..1000 s per item, 10 qps / burst 100 overall) */
  readonly rateLimiter?: RateLimiter;
  /** @default no metrics */
  readonly metrics?: WorkQueueMetrics;
}

/**
 * A rate-limited, de-duplicating work queue with client-go's semantics:
 * - a key queued several times before a worker takes it is processed once (`dirty` set);
 * - a key is never handed to two workers at once: a key added while it is being processed is parked and
 *   queued again only when `done` is called (`processing` set);
 * - `addAfter` delays an add (requeueAfter), keeping the earliest pending time per key;
 * - `addRateLimited` delays by the rate limiter (per-key exponential backoff), `forget` resets it.
 */
export class WorkQueue {
  private readonly clock: Clock;
  private readonly rateLimiter: RateLimiter;
  private readonly metrics: WorkQueueMetrics | undefined;
  private readonly queue: string[] = [];
  private head = 0;
  private readonly dirty = new Map<string, number>(); // key → time it was queued
  private readonly processing = new Set<string>();
  private readonly waiting = new Map<string, { at: number; timer: TimerHandle }>();
  private readonly getters: Array<(key: string | undefined) => void> = [];
  private drainWaiters: Array<() => void> = [];
  private shuttingDown = false;

  constructor(options: WorkQueueOptions = {}) {
    this.clock = options.clock ?? realClock;
    this.rateLimiter = options.rateLimiter ?? defaultControllerRateLimiter(this.clock);
    this.metrics = options.metrics;
  }

  get length(): number {
    return this.queue.length - this.head;
  }

  /** True when nothing is queued, being processed, or waiting for a delayed add. */
  get idle(): boolean {
    return this.length === 0 && this.processing.size === 0 && this.waiting.size === 0;
  }

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  add(key: string): void {
    if (this.shuttingDown || this.dirty.has(key)) return;
    this.metrics?.added();
    this.dirty.set(key, this.clock.now());
    // Processed right now: `done` queues it again, so one key never runs in two workers.
    if (this.processing.has(key)) return;
    this.push(key);
  }

  addAfter(key: string, ms: number): void {
    if (this.shuttingDown) return;
    if (ms <= 0) return this.add(key);
    const at = this.clock.now() + ms;
    const pending = this.waiting.get(key);
    if (pending && pending.at <= at) return;
    pending?.timer.cancel();
    const timer = this.clock.setTimer(() => {
      this.waiting.delete(key);
      this.add(key);
    }, ms);
    this.waiting.set(key, { at, timer });
  }

  addRateLimited(key: string): void {
    this.metrics?.retried();
    this.addAfter(key, this.rateLimiter.when(key));
  }

  forget(key: string): void {
    this.rateLimiter.forget(key);
  }

  retries(key: string): number {
    return this.rateLimiter.retries(key);
  }

  /** The next key, waiting if the queue is empty; `undefined` once the queue is shut down. */
  get(): Promise<string | undefined> {
    if (this.length > 0) return Promise.resolve(this.take());
    if (this.shuttingDown) return Promise.resolve(undefined);
    return new Promise((resolve) => this.getters.push(resolve));
  }

  /** Marks `key` finished; if it was added again meanwhile, it is queued now. */
  done(key: string): void {
    this.processing.delete(key);
    if (this.dirty.has(key) && !this.shuttingDown) this.push(key);
    if (this.processing.size === 0) {
      const waiters = this.drainWaiters;
      this.drainWaiters = [];
      for (const w of waiters) w();
    }
  }

  /** Stops accepting keys and releases waiting workers; pending delayed adds are dropped. */
  shutDown(): void {
    this.shuttingDown = true;
    for (const { timer } of this.waiting.values()) timer.cancel();
    this.waiting.clear();
    for (const g of this.getters.splice(0)) g(undefined);
  }

  /** `shutDown`, then resolves when every key handed to a worker has been marked `done`. */
  async shutDownWithDrain(): Promise<void> {
    this.shutDown();
    if (this.processing.size === 0) return;
    await new Promise<void>((resolve) => this.drainWaiters.push(resolve));
  }

  private push(key: string): void {
    const getter = this.getters.shift();
    if (getter) {
      // Hand it straight to a waiting worker (it still passes through the queue for accounting).
      this.queue.push(key);
      getter(this.take());
      return;
    }
    this.queue.push(key);
    this.metrics?.depth(this.length);
  }

  private take(): string {
    const key = this.queue[this.head++]!;
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    const queuedAt = this.dirty.get(key) ?? this.clock.now();
    this.dirty.delete(key);
    this.processing.add(key);
    this.metrics?.depth(this.length);
    this.metrics?.queued((this.clock.now() - queuedAt) / 1000);
    return key;
  }
}
