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
 * Engine probes are cached for `engineCheckMs` and shared by concurrent callers, so kubelet probes
 * and load balancers cannot multiply load on the engine.
 */
export class Readiness {
  draining = false;
  private lastProbeAt = -Infinity;
  private lastEngineOk = false;
  private pending: Promise<boolean> | undefined;
  private readonly now: () => number;

  constructor(
    private readonly engine: Engine,
    private readonly redis: RedisClient | undefined,
    private readonly options: ReadinessOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  async check(): Promise<{ httpStatus: number; report: ReadinessReport }> {
    const redis = this.redis === undefined ? 'disabled' : redisReady(this.redis) ? 'ok' : 'unavailable';
    const engine = (await this.engineOk()) ? 'ok' : 'unreachable';
    const checks = { engine, redis } as const;
    if (this.draining) return { httpStatus: 503, report: { status: 'draining', checks } };
    if (engine !== 'ok' || (redis === 'unavailable' && this.options.redisRequired === true)) {
      return { httpStatus: 503, report: { status: 'unready', checks } };
    }
    return { httpStatus: 200, report: { status: redis === 'unavailable' ? 'degraded' : 'ready', checks } };
  }

  private async engineOk(): Promise<boolean> {
    if (this.now() - this.lastProbeAt < (this.options.engineCheckMs ?? 2000)) return this.lastEngineOk;
    this.pending ??= this.engine
      .probe(this.options.engineProbeTimeoutMs ?? 1000)
      .then((ok) => {
        this.lastEngineOk = ok;
        this.lastProbeAt = this.now();
        return ok;
      })
      .finally(() => (this.pending = undefined));
    return this.pending;
  }
}
