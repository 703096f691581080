import { realClock, type Clock } from './clock.js';
import type { InformerHandlers } from './informer.js';
import type { SharedInformers } from './informers.js';
import { silentLogger, type Logger } from './logger.js';
import type { OperatorMetrics } from './metrics.js';
import type { UpdatePredicate } from './predicates.js';
import type { RateLimiter } from './rate-limiter.js';
import { TerminalError, keyOf, requestOf, type Reconciler, type Request } from './reconciler.js';
import { apiVersionOf, objectKey, type KubeObject, type ResourceType } from './resource.js';
import { WorkQueue } from './work-queue.js';

/** Maps an object of a watched kind to the primary objects to reconcile. */
export type MapFunc = (obj: KubeObject) => Request[];

export interface ControllerOptions {
  /** Lower-case, unique; the `controller` label of metrics and logs, e.g. 'aimodel'. */
  readonly name: string;
  /** The primary kind: every change to one of these (that `forPredicate` lets through) queues its key. */
  readonly for: ResourceType;
  /** Which updates of the primary queue it. @default every update */
  readonly forPredicate?: UpdatePredicate;
  /**
   * Kinds this controller creates with a controller owner reference to the primary: a change queues
   * the owner (controller-runtime's `Owns()`), so a hand edit or deletion is repaired. @default []
   */
  readonly owns?: ReadonlyArray<
    ResourceType | { readonly resource: ResourceType; readonly predicate?: UpdatePredicate }
  >;
  /** Other kinds to watch, with a mapping to primary keys. @default [] */
  readonly watches?: ReadonlyArray<{
    readonly resource: ResourceType;
    readonly map: MapFunc;
    /** @default every update */
    readonly predicate?: UpdatePredicate;
  }>;
  readonly reconciler: Reconciler;
  /** @default 1 */
  readonly maxConcurrentReconciles?: number;
  /** @default client-go's default controller rate limiter */
  readonly rateLimiter?: RateLimiter;
}

export interface ControllerDeps {
  readonly informers: SharedInformers;
  readonly metrics: OperatorMetrics;
  /** @default realClock */
  readonly clock?: Clock;
  /** @default silentLogger */
  readonly logger?: Logger;
}

/**
 * Wires informers for the primary kind and owned kinds to a work queue, and runs
 * `maxConcurrentReconciles` workers that take keys and call the reconciler — never the same key in two
 * workers at once. Errors requeue with per-key backoff; `TerminalError` does not; `requeueAfter` requeues
 * after the delay; success forgets the key's backoff.
 */
export class Controller {
  readonly name: string;
  readonly queue: WorkQueue;
  private readonly options: ControllerOptions;
  private readonly deps: ControllerDeps;
  private readonly log: Logger;
  private readonly clock: Clock;
  private workers: Promise<void>[] = [];
  private abort = new AbortController();

  constructor(options: ControllerOptions, deps: ControllerDeps) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(options.name)) {
      throw new Error(`controller name '${options.name}' must be lower-case letters, digits and '-'`);
    }
    const max = options.maxConcurrentReconciles ?? 1;
    if (!Number.isInteger(max) || max < 1) {
      throw new Error(
        `controller '${options.name}': maxConcurrentReconciles (${max}) must be an integer >= 1`,
      );
    }
    this.name = options.name;
    this.options = options;
    this.deps = deps;
    this.clock = deps.clock ?? realClock;
    this.log = (deps.logger ?? silentLogger).child({ controller: options.name });
    this.queue = new WorkQueue({
      clock: this.clock,
      rateLimiter: options.rateLimiter,
      metrics: deps.metrics.forQueue(options.name),
    });
    deps.metrics.maxConcurrentReconciles.set({ controller: this.name }, max);
    this.bind();
  }

  /** Queues a primary key by hand (tests, or external triggers). */
  enqueue(request: Request): void {
    this.queue.add(keyOf(request));
  }

  /** Waits for the caches, then starts the workers. */
  async start(): Promise<void> {
    this.abort = new AbortController();
    if (!(await this.deps.informers.waitForSync(this.abort.signal))) return;
    this.log.info({ workers: this.options.maxConcurrentReconciles ?? 1 }, 'starting workers');
    for (let i = 0; i < (this.options.maxConcurrentReconciles ?? 1); i++) this.workers.push(this.work());
  }

  /** Stops taking keys, lets in-flight reconciles finish (their signal is aborted as a hint), returns. */
  async stop(): Promise<void> {
    const drained = this.queue.shutDownWithDrain();
    this.abort.abort();
    await drained;
    await Promise.all(this.workers);
    this.workers = [];
  }

  private bind(): void {
    const { informers } = this.deps;
    const enqueue = (obj: KubeObject): void => this.queue.add(objectKey(obj));
    const forPredicate = this.options.forPredicate;
    informers.addHandlers(this.options.for, {
      onAdd: enqueue,
      onUpdate: (o, n) => {
        if (o === n || forPredicate === undefined || forPredicate(o, n)) enqueue(n);
      },
      onDelete: enqueue,
    });
    const primaryApiVersion = apiVersionOf(this.options.for);
    const toOwner = (obj: KubeObject): void => {
      for (const ref of obj.metadata.ownerReferences ?? []) {
        if (ref.controller && ref.kind === this.options.for.kind && ref.apiVersion === primaryApiVersion) {
          this.queue.add(keyOf({ namespace: obj.metadata.namespace ?? '', name: ref.name }));
        }
      }
    };
    for (const owned of this.options.owns ?? []) {
      const { resource, predicate } = 'resource' in owned ? owned : { resource: owned, predicate: undefined };
      informers.addHandlers(resource, handlersFor(toOwner, predicate));
    }
    for (const { resource, map, predicate } of this.options.watches ?? []) {
      informers.addHandlers(
        resource,
        handlersFor((obj) => {
          for (const r of map(obj)) this.queue.add(keyOf(r));
        }, predicate),
      );
    }
  }

  private async work(): Promise<void> {
    const { metrics } = this.deps;
    const labels = { controller: this.name };
    for (;;) {
      const key = await this.queue.get();
      if (key === undefined) return;
      const started = this.clock.now();
      metrics.activeWorkers.inc(labels);
      try {
        const result = await this.options.reconciler.reconcile(requestOf(key), this.abort.signal);
        this.queue.forget(key);
        if (result && result.requeueAfter !== undefined && result.requeueAfter > 0) {
          this.queue.addAfter(key, result.requeueAfter);
          metrics.reconcileTotal.inc({ ...labels, result: 'requeue_after' });
        } else {
          metrics.reconcileTotal.inc({ ...labels, result: 'success' });
        }
      } catch (err) {
        metrics.reconcileTotal.inc({ ...labels, result: 'error' });
        metrics.reconcileErrors.inc(labels);
        if (err instanceof TerminalError) {
          metrics.terminalReconcileErrors.inc(labels);
          this.queue.forget(key);
          this.log.error(
            { key, err: describeError(err) },
            'reconcile failed with a terminal error; not retrying',
          );
        } else {
          this.queue.addRateLimited(key);
          this.log.error(
            { key, retries: this.queue.retries(key), err: describeError(err) },
            'reconcile failed; retrying with backoff',
          );
        }
      } finally {
        metrics.activeWorkers.dec(labels);
        metrics.reconcileTime.observe(labels, (this.clock.now() - started) / 1000);
        this.queue.done(key);
      }
    }
  }
}

function handlersFor(
  fn: (obj: KubeObject) => void,
  predicate: UpdatePredicate | undefined,
): InformerHandlers<KubeObject> {
  return {
    onAdd: fn,
    onUpdate: (old, obj) => {
      if (old !== obj && predicate !== undefined && !predicate(old, obj)) return;
      fn(obj);
      // An owner reference that was removed or changed still concerns the previous owner.
      if (old !== obj) fn(old);
    },
    onDelete: fn,
  };
}

function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return err.message.includes(cause.slice(2)) ? err.message : `${err.message}${cause}`;
}
