import type { Engine } from './engine-client.js';
import { redisReady, type RedisClient } from './redis.js';

/** The /readyz answer. */
export interface ReadinessReport {
  readonly status: 'ready' | 'degraded' | 'unready' | 'draining';
  readonly checks: {
    readonly engine: 'ok' | 'unreachable';
    readonly redis: 'ok' | 'unavailable' | 'disabled';
  };
}

/** Options for {@link Readiness}. */
export interface ReadinessOptions {
  /** Redis down makes the replica unready (only for agents that cannot serve without sessions). @default false */
  readonly redisRequired?: boolean;
  /** Re-probe the engine at most this often (milliseconds). @default 2000 */
  readonly engineCheckMs?: number;
  /** Timeout of one engine probe (milliseconds). @default 1000 */
  readonly engineProbeTimeoutMs?: number;
  /** Re-probe Redis (PING) at most this often (milliseconds). @default 1000 */
  readonly redisCheckMs?: number;
  /** Deadline of one Redis PING (milliseconds). @default 500, the runtime's Redis command timeout */
  readonly redisProbeTimeoutMs?: number;
  /** Clock (epoch milliseconds). @default Date.now */
  readonly now?: () => number;
}

/**
 * Readiness = can this replica answer requests usefully?
 * - draining (SIGTERM received): 503, so endpoints drop it while in-flight requests finish;
 * - no engine reachable: 503 — sending traffic here would only produce 502s;
 * - Redis down: 200 with status `degraded` — stateless requests still work, so taking every replica
 *   out of the Service because a shared Redis is down would turn a partial outage into a full one.
 *   With REDIS_REQUIRED=true it is 503 instead.
 * Redis counts as down when its client is disconnected and also when a PING gets no answer within
 * its deadline: a hung Redis (stopped process, full network buffer) keeps its TCP connection, so
 * the client's own status would still say ready.
 * Probes are cached (`engineCheckMs`, `redisCheckMs`) and shared by concurrent callers, so kubelet
 * probes and load balancers cannot multiply load on the engine or Redis.
 */
export class Readiness {
  draining = false;
  private readonly engineProbe: CachedProbe;
  private readonly redisProbe: CachedProbe | undefined;

  constructor(
    engine: Engine,
    private readonly redis: RedisClient | undefined,
    private readonly options: ReadinessOptions = {},
  ) {
    const now = options.now ?? Date.now;
    this.engineProbe = new CachedProbe(
      () => engine.probe(options.engineProbeTimeoutMs ?? 1000),
      options.engineCheckMs ?? 2000,
      now,
    );
    this.redisProbe =
      redis === undefined
        ? undefined
        : new CachedProbe(
            () => pingWithin(redis, options.redisProbeTimeoutMs ?? 500),
            options.redisCheckMs ?? 1000,
            now,
          );
  }

  async check(): Promise<{ httpStatus: number; report: ReadinessReport }> {
    const [engineOk, redis] = await Promise.all([this.engineProbe.check(), this.redisState()]);
    const engine = engineOk ? 'ok' : 'unreachable';
    const checks = { engine, redis } as const;
    if (this.draining) return { httpStatus: 503, report: { status: 'draining', checks } };
    if (engine !== 'ok' || (redis === 'unavailable' && this.options.redisRequired === true)) {
      return { httpStatus: 503, report: { status: 'unready', checks } };
    }
    return { httpStatus: 200, report: { status: redis === 'unavailable' ? 'degraded' : 'ready', checks } };
  }

  private async redisState(): Promise<ReadinessReport['checks']['redis']> {
    if (this.redis === undefined || this.redisProbe === undefined) return 'disabled';
    // A client that knows it is disconnected needs no PING: it would refuse it at once.
    if (!redisReady(this.redis)) return 'unavailable';
    return (await this.redisProbe.check()) ? 'ok' : 'unavailable';
  }
}

/** A yes/no probe run at most once per `intervalMs`; concurrent callers share the one in flight. */
class CachedProbe {
  private lastProbeAt = -Infinity;
  private lastResult = false;
  private pending: Promise<boolean> | undefined;

  constructor(
    private readonly probe: () => Promise<boolean>,
    private readonly intervalMs: number,
    private readonly now: () => number,
  ) {}

  check(): Promise<boolean> {
    if (this.now() - this.lastProbeAt < this.intervalMs) return Promise.resolve(this.lastResult);
    this.pending ??= this.probe()
      .catch(() => false)
      .then((ok) => {
        this.lastResult = ok;
        this.lastProbeAt = this.now();
        return ok;
      })
      .finally(() => (this.pending = undefined));
    return this.pending;
  }
}

/** True when Redis answers PING within `timeoutMs`; a late answer is ignored. */
function pingWithin(redis: RedisClient, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    timer.unref();
    redis.ping().then(
      (reply) => {
        clearTimeout(timer);
        resolve(reply === 'PONG');
      },
      () => {
        clearTimeout(timer);
        resolve(false);
      },
    );
  });
}
