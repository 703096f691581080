import type { ChatCompletion, ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { CompletionUsage } from 'openai/resources/completions';
import type { Logger } from 'pino';
import type { Principal, TokenBudget } from './auth.js';
import { periodAt, type BudgetPeriod } from './budget-periods.js';
import type { BudgetDecision, PeriodState, TokenBudgets } from './budget.js';
import type { ChatScope } from './chat-observe.js';
import type { BudgetFailureMode, RuntimeConfig } from './config.js';
import type { Engine, EngineCall } from './engine-client.js';
import { errors } from './errors.js';
import type { RuntimeMetrics } from './metrics.js';

/**
 * How long a hold outlives the engine's request deadline and one stalled client write before it
 * lapses (milliseconds): time for saving the session turn and for settling itself.
 */
const HOLD_GRACE_MS = 10_000;

/**
 * How long a request's hold lasts when it never settles (its process died): longer than the request
 * can run (ENGINE_REQUEST_DEADLINE_MS, then at most one CLIENT_WRITE_TIMEOUT_MS), so the hold of a
 * request still running never lapses, and a dead process's holds are gone soon after.
 */
export function holdDurationMs(
  config: Pick<RuntimeConfig, 'engineRequestDeadlineMs' | 'clientWriteTimeoutMs'>,
): number {
  return config.engineRequestDeadlineMs + config.clientWriteTimeoutMs + HOLD_GRACE_MS;
}

/** What the budget step needs. */
export interface BudgetGateDeps {
  /** The shared counts; undefined without Redis (then every budgeted request meets the failure mode). */
  readonly budgets: TokenBudgets | undefined;
  readonly failureMode: BudgetFailureMode;
  /** The completion a request without max_tokens is assumed to reach (MAX_TOKENS_LIMIT). */
  readonly maxTokensLimit: number;
  readonly metrics: RuntimeMetrics;
  readonly logger: Logger;
  /** Wall clock (epoch milliseconds), the one the budgets count periods by. */
  readonly now: () => number;
}

/** What a request may spend: the engine to call (metered while it spends), and its settlement. */
export interface Spend {
  readonly engine: Engine;
  /**
   * Counts what the request used and releases its hold, unless the engine's usage did so already;
   * never throws. Call once the request is over, however it ended.
   */
  settle(): Promise<void>;
}

/** The pipeline's budget step: `hold(scope, principal, call, engine)` before the engine is called. */
export interface BudgetGate {
  hold(scope: ChatScope, principal: Principal, call: EngineCall, engine: Engine): Promise<Spend>;
}

/**
 * Per-key token budgets (tokens-per-day / tokens-per-month in the API keys file). Before the engine
 * is called, a request of a budgeted key reserves an upper bound of its tokens (see
 * {@link reservationOf}) and is admitted only while the key's settled tokens plus those its requests
 * in flight hold stay below each budget. It settles as soon as the engine reports its usage, or
 * else once over, whatever the ending (engine error, client gone, stream cut): the hold is released
 * and the tokens used are counted. Together that bounds what concurrent requests on every replica
 * can overspend to one request's tokens (budget-script.ts).
 *
 * Keys without a budget, token callers and anonymous callers cost nothing here (no Redis call);
 * answers from the cache never reach this step, so they spend nothing. An evaluation case spends
 * like a live request: its header grants nothing, and an evaluation Job's own key normally has no
 * budget. A mirrored copy (shadow) spends nothing: its original did. It is refused only when the
 * budget is spent, so forging the `-shadow` host does not get a spent key past its budget (what
 * remains is that a caller forging it on every request never spends, as for rate limits).
 *
 * When Redis cannot be asked, BUDGET_FAILURE_MODE says: `open` serves the request uncounted, `closed`
 * answers 503 `budget_unavailable`; one log line per outage, not per request.
 */
export function budgetGate(deps: BudgetGateDeps): BudgetGate {
  const { budgets, failureMode, metrics, logger, now } = deps;
  const usage = new UsageGauge(metrics, now);
  let unreachable = false;

  const storeFailed = (error: unknown, reqId: string): void => {
    if (unreachable) return;
    unreachable = true;
    logger.warn(
      { reqId, err: (error as Error | undefined)?.message, budgetFailureMode: failureMode },
      failureMode === 'open'
        ? 'budget store unreachable; serving API keys with a token budget without counting their tokens'
        : 'budget store unreachable; refusing requests of API keys with a token budget (503 budget_unavailable)',
    );
  };
  const storeAnswered = (): void => {
    if (!unreachable) return;
    unreachable = false;
    logger.info('budget store reachable again; counting token budgets');
  };
  /** What a request gets when the store cannot be asked: served uncounted, or 503. */
  const unavailable = (error: unknown, scope: ChatScope, engine: Engine): Spend => {
    storeFailed(error, scope.requestId);
    if (failureMode === 'closed') throw errors.budgetUnavailable(error);
    return free(engine);
  };

  return {
    async hold(scope, principal, call, engine) {
      const budget = principal.budget;
      if (budget === undefined) return free(engine);
      const store = budgets;
      let decision: BudgetDecision;
      try {
        if (store === undefined) throw new Error('no Redis configured (REDIS_MODE=none)');
        decision = scope.shadow
          ? await store.check(principal.id, budget)
          : await store.reserve(principal.id, budget, reservationOf(call, deps.maxTokensLimit));
      } catch (error) {
        return unavailable(error, scope, engine);
      }
      storeAnswered();
      for (const state of decision.periods) usage.record(principal.id, state);
      if (!decision.admitted) {
        // A mirrored copy's refusal is not counted: its original was answered (or refused) already.
        if (!scope.shadow) {
          metrics.budgetExceeded.inc({ key: principal.id, period: decision.refusedBy.window.period });
        }
        throw refusal(decision.refusedBy, now());
      }
      announce(scope, decision.periods);
      const hold = decision.hold;
      if (store === undefined || hold === undefined) return free(engine);
      let settled = false;
      const settle = async (tokens: number): Promise<void> => {
        if (settled) return;
        settled = true;
        try {
          const used = await store.settle(hold, tokens);
          storeAnswered();
          for (const period of ['day', 'month'] as const) {
            usage.record(principal.id, {
              window: hold[period],
              budget: budgetFor(budget, period),
              used: used[period],
            });
          }
        } catch (error) {
          // The hold lapses at its deadline; the tokens of this request go uncounted.
          storeFailed(error, scope.requestId);
        }
      };
      const metered = new MeteredEngine(engine, settle);
      return { engine: metered, settle: () => settle(metered.tokensUsed()) };
    },
  };
}

/** Nothing to hold or settle. */
function free(engine: Engine): Spend {
  return { engine, settle: () => Promise.resolve() };
}

function budgetFor(budget: TokenBudget, period: BudgetPeriod): number | undefined {
  return period === 'day' ? budget.tokensPerDay : budget.tokensPerMonth;
}

/**
 * An upper bound of the tokens a request can use, held while it runs. The prompt: the UTF-8 bytes of
 * the messages and parameters as JSON (the engine's tokens each cover at least one byte of text, and
 * the JSON's quotes, keys and roles outweigh what a chat template adds; tools and schemas are in the
 * parameters). The completion: `n` choices of `max_completion_tokens` or `max_tokens`, or of
 * MAX_TOKENS_LIMIT when the request sets neither. Images given by URL are the exception: their tokens
 * are not in their bytes.
 */
export function reservationOf(call: EngineCall, maxTokensLimit: number): number {
  const { params } = call;
  const prompt = Buffer.byteLength(JSON.stringify(call.messages)) + Buffer.byteLength(JSON.stringify(params));
  const limit = positiveInteger(params.max_completion_tokens) ?? positiveInteger(params.max_tokens);
  const choices = positiveInteger(params.n) ?? 1;
  return prompt + choices * (limit ?? maxTokensLimit);
}

function positiveInteger(value: unknown): number | undefined {
  return Number.isSafeInteger(value) && (value as number) > 0 ? (value as number) : undefined;
}

/** The 429 for a budget that cannot admit the request: spent, or held by requests in flight. */
function refusal(state: PeriodState, now: number) {
  const budget = state.budget ?? 0;
  const spent = state.used >= budget;
  const resetsAt = state.window.endsAt;
  return errors.budgetExceeded({
    period: state.window.period,
    budget,
    used: state.used,
    spent,
    resetsAt: new Date(resetsAt).toISOString(),
    retryAfterSeconds: spent ? Math.max(1, Math.ceil((resetsAt - now) / 1000)) : 1,
  });
}

/**
 * Tells an admitted caller what is left of its tightest budget (before this request), in the headers
 * a refusal carries too.
 */
function announce(scope: ChatScope, periods: readonly PeriodState[]): void {
  let tightest: { remaining: number; state: PeriodState } | undefined;
  for (const state of periods) {
    if (state.budget === undefined) continue;
    const remaining = Math.max(0, state.budget - state.used);
    if (tightest === undefined || remaining < tightest.remaining) tightest = { remaining, state };
  }
  if (tightest === undefined || scope.res.headersSent) return;
  scope.res.setHeader('x-budget-remaining-tokens', String(tightest.remaining));
  scope.res.setHeader('x-budget-reset', new Date(tightest.state.window.endsAt).toISOString());
}

/**
 * The engine, noting what a call used: the engine's usage when it reports it (a whole answer, or a
 * stream's last chunk), else, for a stream cut short (client gone, engine failed), one token per
 * content chunk relayed, a lower bound of the completion; a call that failed before answering used
 * nothing the engine reported. Usage reported is settled at once, before the answer reaches the
 * client, so a client's next request already finds the budget counted and this hold released.
 */
class MeteredEngine implements Engine {
  private usage: CompletionUsage | undefined;
  private chunks = 0;

  constructor(
    private readonly inner: Engine,
    private readonly settle: (tokens: number) => Promise<void>,
  ) {}

  tokensUsed(): number {
    return this.usage === undefined ? this.chunks : this.usage.prompt_tokens + this.usage.completion_tokens;
  }

  async complete(call: EngineCall): Promise<ChatCompletion> {
    const completion = await this.inner.complete(call);
    this.usage = completion.usage ?? undefined;
    if (this.usage !== undefined) await this.settle(this.tokensUsed());
    return completion;
  }

  async stream(call: EngineCall): Promise<AsyncIterable<ChatCompletionChunk>> {
    return this.counted(await this.inner.stream(call));
  }

  probe(timeoutMs: number): Promise<boolean> {
    return this.inner.probe(timeoutMs);
  }

  /** Stopping this early (the consumer's `break` or error) stops the engine's stream too. */
  private async *counted(chunks: AsyncIterable<ChatCompletionChunk>): AsyncGenerator<ChatCompletionChunk> {
    for await (const chunk of chunks) {
      const delta = chunk.choices[0]?.delta;
      if (delta?.content || delta?.tool_calls) this.chunks += 1;
      if (chunk.usage) {
        this.usage = chunk.usage;
        await this.settle(this.tokensUsed());
      }
      yield chunk;
    }
  }
}

/**
 * ai_budget_tokens_used, kept to the current period: a key's value is set whenever Redis tells its
 * count, and reads 0 from the scrape after its period turned until the key's next request says more.
 */
class UsageGauge {
  /** The period id of each (key, period) series, to notice when it turns. */
  private readonly shown = new Map<string, { key: string; period: BudgetPeriod; id: string }>();

  constructor(
    private readonly metrics: RuntimeMetrics,
    private readonly now: () => number,
  ) {
    metrics.onBudgetScrape = () => this.zeroTurned();
  }

  /** A count Redis told, for a period the key has a budget for; counts of past periods are dropped. */
  record(key: string, state: Pick<PeriodState, 'window' | 'budget' | 'used'>): void {
    const { period, id } = state.window;
    if (state.budget === undefined || periodAt(period, this.now()).id !== id) return;
    this.metrics.budgetTokensUsed.set({ key, period }, state.used);
    this.shown.set(`${period} ${key}`, { key, period, id });
  }

  private zeroTurned(): void {
    const now = this.now();
    for (const series of this.shown.values()) {
      const current = periodAt(series.period, now).id;
      if (series.id === current) continue;
      series.id = current;
      this.metrics.budgetTokensUsed.set({ key: series.key, period: series.period }, 0);
    }
  }
}
