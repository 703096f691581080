import { createHash } from 'node:crypto';
import type { Principal } from './auth.js';
import type { RedisClient } from './redis.js';
import { NO_TRACING, redisSpan, type Tracing } from './tracing.js';

/**
 * Who shares cached answers: each `principal` (API key name or JWT subject) has its own, or every
 * caller of one `tenant` shares them (`Principal.tenant`, else the principal alone).
 */
export type CacheScope = 'principal' | 'tenant';

/** Options for {@link ResponseCache}. */
export interface ResponseCacheOptions {
  /** Lifetime of an entry (seconds). @default 300 */
  readonly ttlSeconds?: number;
  /** Model and version the answers came from; part of every key so a new version never sees old answers. */
  readonly model: string;
  readonly version: string;
  /** Who shares entries. @default 'principal' */
  readonly scope?: CacheScope;
  /** Lookups and stores get spans `redis cache.get` / `redis cache.set`. @default none */
  readonly tracing?: Tracing;
}

/**
 * Whole answers to deterministic requests (temperature 0 or a fixed seed), stored as the exact body
 * that was sent, so a hit returns the same bytes without calling the engine. Keyed by model, version
 * and a SHA-256 of the scope and the normalised request (keys sorted, persona included). The scope
 * is in the key because a hit tells the caller (`x-cache`, latency) that someone asked the same
 * question: only callers of one scope may learn that of each other. The request's `user` (the
 * caller's end user) stays in the key for the same reason, one level down. Only the digest reaches
 * Redis, never a caller's name. Best effort: a Redis failure is a miss, never an error.
 */
export class ResponseCache {
  private readonly ttlSeconds: number;
  private readonly prefix: string;
  private readonly scope: CacheScope;
  private readonly tracing: Tracing;

  constructor(
    private readonly redis: RedisClient,
    options: ResponseCacheOptions,
  ) {
    this.ttlSeconds = options.ttlSeconds ?? 300;
    this.scope = options.scope ?? 'principal';
    this.tracing = options.tracing ?? NO_TRACING;
    this.prefix = `suoke:cache:${options.model}:${options.version}:`;
  }

  /** The entry for `request` as `principal` sees it. */
  key(
    principal: Pick<Principal, 'id' | 'tenant'>,
    request: { readonly messages: readonly unknown[]; readonly params: Readonly<Record<string, unknown>> },
  ): string {
    const sharedBy =
      this.scope === 'tenant' && principal.tenant !== undefined
        ? { tenant: principal.tenant }
        : { principal: principal.id };
    const digest = createHash('sha256')
      .update(canonicalJson({ sharedBy, messages: request.messages, params: request.params }))
      .digest('hex');
    return this.prefix + digest;
  }

  /** The cached body, or undefined on a miss or when Redis is unavailable. */
  async get(key: string): Promise<string | undefined> {
    try {
      return (await redisSpan(this.tracing, 'cache.get', 'GET', () => this.redis.get(key))) ?? undefined;
    } catch {
      return undefined;
    }
  }

  /** Stores a body; failures are ignored (the answer was already served). */
  async set(key: string, body: string): Promise<void> {
    try {
      await redisSpan(this.tracing, 'cache.set', 'SET', () =>
        this.redis.set(key, body, 'EX', this.ttlSeconds),
      );
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
