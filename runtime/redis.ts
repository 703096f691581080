import { Redis, Cluster, type RedisOptions } from 'ioredis';
import type { RuntimeConfig } from './config.js';

/** A standalone/Sentinel client or a Cluster client; both speak the commands we use. */
export type RedisClient = Redis | Cluster;

/**
 * Options shared by every mode, chosen for "Redis is an optimisation, not a dependency":
 * - `enableOfflineQueue: false`: while disconnected, commands fail at once instead of queueing, so
 *   stateless requests never wait on a dead Redis;
 * - `commandTimeout` (`REDIS_COMMAND_TIMEOUT_MS`, default 500): a hung Redis costs a request at most this
 *   long (milliseconds);
 * - `retryStrategy`: reconnect forever with capped backoff, so the runtime heals by itself.
 */
export const REDIS_CLIENT_DEFAULTS = Object.freeze({
  connectTimeoutMs: 2_000, // ms
  reconnectMaxDelayMs: 2_000, // ms
});

export function reconnectDelay(attempt: number): number {
  return Math.min(50 * 2 ** Math.min(attempt, 10), REDIS_CLIENT_DEFAULTS.reconnectMaxDelayMs);
}

/** Builds the client for REDIS_MODE, or undefined for `none`. Connects in the background. */
export function createRedisClient(config: RuntimeConfig['redis']): RedisClient | undefined {
  const common: RedisOptions = {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: config.commandTimeoutMs,
    connectTimeout: REDIS_CLIENT_DEFAULTS.connectTimeoutMs,
    retryStrategy: reconnectDelay,
    lazyConnect: false,
    ...(config.password !== undefined ? { password: config.password } : {}),
  };
  switch (config.mode) {
    case 'none':
      return undefined;
    case 'standalone':
      return new Redis(config.url as string, common);
    case 'sentinel':
      return new Redis({
        ...common,
        sentinels: config.sentinels.map((s) => ({ host: s.host, port: s.port })),
        name: config.sentinelName as string,
        ...(config.password !== undefined ? { sentinelPassword: config.password } : {}),
        sentinelRetryStrategy: reconnectDelay,
      });
    case 'cluster':
      return new Cluster(
        config.clusterNodes.map((n) => ({ host: n.host, port: n.port })),
        {
          enableOfflineQueue: false,
          clusterRetryStrategy: reconnectDelay,
          redisOptions: common,
        },
      );
  }
}

/** True while the client can take commands. */
export function redisReady(client: RedisClient | undefined): boolean {
  return client?.status === 'ready';
}
