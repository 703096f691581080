/**
 * Retry delays after failed probes or syncs, from `spec.retry`:
 *
 *   delay(n) = min(maxBackoff, initialBackoff × factor^(n−1))   for n ≥ 1 consecutive failures
 *
 * With the defaults (1s, ×2, max 5m): 1s, 2s, 4s, 8s, … 256s, then 300s for every later failure.
 */
import type { ModelRegistrySpec } from '../../crds/api/index.js';
import { parseDuration } from '../rollout/duration.js';

/** `spec.retry.initialBackoff` default, in ms. */
export const DEFAULT_INITIAL_BACKOFF_MS = 1_000;
/** `spec.retry.maxBackoff` default, in ms. */
export const DEFAULT_MAX_BACKOFF_MS = 300_000;
/** `spec.retry.factor` default. */
export const DEFAULT_BACKOFF_FACTOR = 2;

export interface Backoff {
  readonly initialMs: number;
  readonly maxMs: number;
  readonly factor: number;
}

export function backoffOf(spec: ModelRegistrySpec): Backoff {
  const r = spec.retry ?? {};
  const initialMs = r.initialBackoff
    ? parseDuration(r.initialBackoff, 'spec.retry.initialBackoff')
    : DEFAULT_INITIAL_BACKOFF_MS;
  const maxMs = r.maxBackoff ? parseDuration(r.maxBackoff, 'spec.retry.maxBackoff') : DEFAULT_MAX_BACKOFF_MS;
  const factor = r.factor ?? DEFAULT_BACKOFF_FACTOR;
  if (initialMs > maxMs) {
    throw new Error(
      `spec.retry.initialBackoff (${r.initialBackoff}) must be less than or equal to spec.retry.maxBackoff (${r.maxBackoff ?? '5m'})`,
    );
  }
  if (!(factor >= 1)) throw new Error(`spec.retry.factor (${factor}) must be at least 1`);
  return { initialMs, maxMs, factor };
}

/** The wait after `failures` consecutive failures (0 failures → 0). */
export function backoffDelay(failures: number, b: Backoff): number {
  if (failures <= 0) return 0;
  // Exponent capped so the power cannot overflow to Infinity before the min().
  const raw = b.initialMs * Math.pow(b.factor, Math.min(failures - 1, 64));
  return Math.min(b.maxMs, Math.round(raw));
}
