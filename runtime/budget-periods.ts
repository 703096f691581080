/** The periods a token budget counts over: UTC calendar days and months. */
export type BudgetPeriod = 'day' | 'month';

export const BUDGET_PERIODS: readonly BudgetPeriod[] = ['day', 'month'];

/** One calendar period: its id (part of the Redis key) and when it ends. */
export interface PeriodWindow {
  readonly period: BudgetPeriod;
  /** `2026-03-14` for a day, `2026-03` for a month (UTC). */
  readonly id: string;
  /** Epoch milliseconds of the next period's first instant, i.e. when this budget resets. */
  readonly endsAt: number;
}

/**
 * The period of kind `period` that holds the instant `now` (epoch milliseconds). UTC, so every
 * replica, whatever its time zone, resets a key's budget at the same instant.
 */
export function periodAt(period: BudgetPeriod, now: number): PeriodWindow {
  const at = new Date(now);
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth();
  const iso = at.toISOString();
  return period === 'day'
    ? { period, id: iso.slice(0, 10), endsAt: Date.UTC(year, month, at.getUTCDate() + 1) }
    : { period, id: iso.slice(0, 7), endsAt: Date.UTC(year, month + 1, 1) };
}
