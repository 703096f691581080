import { randomUUID } from 'node:crypto';
import type { TokenBudget } from './auth.js';
import { periodAt, type BudgetPeriod, type PeriodWindow } from './budget-periods.js';
import { TOKEN_BUDGET_LUA } from './budget-script.js';
import type { RedisClient } from './redis.js';
import { NO_TRACING, redisSpan, type Tracing } from './tracing.js';

/**
 * How long a period's counter outlives the period: a request admitted just before midnight settles
 * into the day it was admitted in, and must find that day's counter still there.
 */
const COUNTER_AFTERLIFE_MS = 86_400_000;

/** One period of a key's budget as Redis reported it. */
export interface PeriodState {
  readonly window: PeriodWindow;
  /** Tokens the key may spend in the period; undefined when it has no budget for it. */
  readonly budget: number | undefined;
  /** Tokens of settled requests. */
  readonly used: number;
  /** Tokens held by the key's requests in flight (not counted by a check). */
  readonly held: number;
}

/** A request's hold on a budget, to settle once it is over. */
export interface BudgetHold {
  readonly id: string;
  readonly caller: string;
  /** The periods the request was admitted in; its tokens count there even when it ends after them. */
  readonly day: PeriodWindow;
  readonly month: PeriodWindow;
  /** Tokens held. */
  readonly tokens: number;
}

/** A budget decision: admitted (with its hold, for a reservation) or refused by `refusedBy`. */
export type BudgetDecision =
  | { readonly admitted: true; readonly periods: readonly PeriodState[]; readonly hold?: BudgetHold }
  | { readonly admitted: false; readonly periods: readonly PeriodState[]; readonly refusedBy: PeriodState };

/** Options for {@link TokenBudgets}. */
export interface TokenBudgetsOptions {
  /** Whose budgets these are (agent and model), like rate limits: agents share one Redis but not budgets. */
  readonly scope: string;
  /**
   * How long a hold lasts when its request never settles (its process died), milliseconds: longer
   * than any request can run, so a live request's hold never lapses.
   */
  readonly holdMs: number;
  /** Clock in epoch milliseconds. @default Date.now */
  readonly now?: () => number;
  /** Each run of the script is a CLIENT span `redis budget`. @default no tracing */
  readonly tracing?: Tracing;
}

type WithTokenBudget = RedisClient & {
  suokeTokenBudget(
    holds: string,
    dayUsed: string,
    monthUsed: string,
    ...args: (string | number)[]
  ): Promise<(number | string)[]>;
};

/**
 * Per-key token budgets shared by every replica of a model, counted in Redis by one Lua script
 * (budget-script.ts). Methods throw when Redis cannot be asked; what a request gets then is the
 * failure mode's business (chat-budget.ts).
 */
export class TokenBudgets {
  private readonly redis: WithTokenBudget;
  private readonly now: () => number;

  constructor(
    redis: RedisClient,
    private readonly options: TokenBudgetsOptions,
  ) {
    if (!(options.holdMs > 0)) throw new Error(`TokenBudgets: holdMs (${options.holdMs}) must be > 0`);
    // defineCommand runs the script by EVALSHA and falls back to EVAL after a Redis restart.
    if (!('suokeTokenBudget' in redis))
      redis.defineCommand('suokeTokenBudget', { numberOfKeys: 3, lua: TOKEN_BUDGET_LUA });
    this.redis = redis as WithTokenBudget;
    this.now = options.now ?? Date.now;
  }

  /** Admits a request of `caller` and holds `tokens` of its budget, or refuses it. */
  async reserve(caller: string, budget: TokenBudget, tokens: number): Promise<BudgetDecision> {
    const now = this.now();
    const day = periodAt('day', now);
    const month = periodAt('month', now);
    const id = randomUUID();
    const reply = await this.run(caller, day, month, [
      'reserve',
      now,
      day.id,
      month.id,
      budget.tokensPerDay ?? 0,
      budget.tokensPerMonth ?? 0,
      id,
      tokens,
      now + this.options.holdMs,
    ]);
    const decision = decisionOf(reply, budget, day, month);
    return decision.admitted ? { ...decision, hold: { id, caller, day, month, tokens } } : decision;
  }

  /** Whether `caller` has budget left now, holding nothing and writing nothing. */
  async check(caller: string, budget: TokenBudget): Promise<BudgetDecision> {
    const now = this.now();
    const day = periodAt('day', now);
    const month = periodAt('month', now);
    const reply = await this.run(caller, day, month, [
      'check',
      now,
      day.id,
      month.id,
      budget.tokensPerDay ?? 0,
      budget.tokensPerMonth ?? 0,
    ]);
    return decisionOf(reply, budget, day, month);
  }

  /**
   * Releases `hold` and counts the `tokens` its request used in the periods it was admitted in;
   * resolves with the tokens used in those periods since.
   */
  async settle(hold: BudgetHold, tokens: number): Promise<Record<BudgetPeriod, number>> {
    const { day, month } = hold;
    const [dayUsed, monthUsed] = await this.run(hold.caller, day, month, [
      'settle',
      this.now(),
      day.id,
      month.id,
      0,
      0,
      hold.id,
      Math.max(0, Math.round(tokens)),
      0,
      day.endsAt + COUNTER_AFTERLIFE_MS,
      month.endsAt + COUNTER_AFTERLIFE_MS,
    ]);
    return { day: Number(dayUsed), month: Number(monthUsed) };
  }

  /** One run of the script over `caller`'s keys in the periods `day` and `month`. */
  private run(
    caller: string,
    day: PeriodWindow,
    month: PeriodWindow,
    args: (string | number)[],
  ): Promise<(number | string)[]> {
    // One hash tag for all of a caller's keys: the script's keys must live on one Cluster node.
    const prefix = `suoke:budget:{${this.options.scope}:${caller}}`;
    return redisSpan(this.options.tracing ?? NO_TRACING, 'budget', 'EVALSHA', () =>
      this.redis.suokeTokenBudget(
        `${prefix}:holds`,
        `${prefix}:day:${day.id}`,
        `${prefix}:month:${month.id}`,
        ...args,
      ),
    );
  }
}

function decisionOf(
  reply: (number | string)[],
  budget: TokenBudget,
  day: PeriodWindow,
  month: PeriodWindow,
): BudgetDecision {
  const [admitted, refused, dayUsed, dayHeld, monthUsed, monthHeld] = reply;
  const periods: PeriodState[] = [
    { window: day, budget: budget.tokensPerDay, used: Number(dayUsed), held: Number(dayHeld) },
    { window: month, budget: budget.tokensPerMonth, used: Number(monthUsed), held: Number(monthHeld) },
  ];
  if (Number(admitted) === 1) return { admitted: true, periods };
  const refusedBy = periods.find((p) => p.window.period === refused) as PeriodState;
  return { admitted: false, periods, refusedBy };
}
