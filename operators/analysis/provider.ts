/**
 * The seam between analysis and a metrics backend (Flagger's Provider shape, without its
 * `IsOnline`): run one query for one value. A backend that does not answer is a measurement with
 * an `Unreachable` error, which makes the check Inconclusive, so no separate liveness probe is needed.
 */
import type { MetricsError } from './errors.js';

/**
 * The result of one query. Exactly one of `value` and `error` is set: a failure is recorded here
 * as data (Argo Rollouts' Measurement), never thrown, so one bad query cannot crash a reconcile.
 */
export interface Measurement {
  /** The query as it ran. */
  readonly query: string;
  /** The single value the query returned. */
  readonly value?: number;
  /** Why there is no value. */
  readonly error?: MetricsError;
}

export interface MetricsProvider {
  /** Runs an instant query that must return one value (a scalar or a one-series vector). */
  runQuery(query: string): Promise<Measurement>;
}
