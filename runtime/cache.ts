import { createHash } from 'node:crypto';
import type { RedisClient } from './redis.js';

/** Options for {@link ResponseCache}. */
export interface ResponseCacheOptions {
  /** Lifetime of an entry (seconds). @default 300 */
  readonly ttlSeconds?: number;
  /** Model and version the answers came from; part of every key so a new version never sees old answers. */
  readonly model: string;
  readonly version: string;
}

/**
 * Whole answers to deterministic requests (temperature 0 or a fixed seed), stored as the exact body
 * that was sent, so a hit returns the same bytes without calling the engine. Keyed by model, version
 * and a SHA-256 of the normalised request (keys sorted, `user` dropped since it does not change the
 * answer, persona included since it does). Best effort: a Redis failure is a miss, never an error.
 */
export class ResponseCache {
  private readonly ttlSeconds: number;
  private readonly prefix: string;

  constructor(
    private readonly redis: RedisClient,
    options: ResponseCacheOptions,
  ) {
    this.ttlSeconds = options.ttlSeconds ?? 300;
    this.prefix = `suoke:cache:${options.model}:${options.version}:`;
  }

  key(request: {
    readonly messages: readonly unknown[];
    readonly params: Readonly<Record<string, unknown>>;
  }): string {
    const { user: _user, ...params } = request.params;
    const digest = createHash('sha256')
      .update(canonicalJson({ messages: request.messages, params }))
      .digest('hex');
    return this.prefix + digest;
  }

  /** The cached body, or undefined on a miss or when Redis is unavailable. */
  async get(key: string): Promise<string | undefined> {
    try {
      return (await this.redis.get(key)) ?? undefined;
    } catch {
      return undefined;
    }
  }

  /** Stores a body; failures are ignored (the answer was already served). */
  async set(key: string, body: string): Promise<void> {
    try {
      await this.redis.set(key, body, 'EX', this.ttlSeconds);
    } catch {
      // best effort
    }
  }
}

/** JSON with object keys sorted at every level, so equal requests hash equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
