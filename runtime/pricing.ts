/**
 * What the engine's tokens cost, from PRICE_INPUT_PER_MILLION_TOKENS, PRICE_OUTPUT_PER_MILLION_TOKENS
 * and PRICE_CURRENCY (config.ts). The cost of an answer is counted in `ai_inference_cost_total`
 * (metrics.ts) from the usage the engine reported, never from an estimate of our own.
 */

/** Token prices, in currency units per million tokens. */
export interface Pricing {
  readonly inputPerMillionTokens: number;
  readonly outputPerMillionTokens: number;
  /** ISO 4217 code, e.g. `USD`: the `currency` label of the cost metric. */
  readonly currency: string;
}

/** The cost of one answer: prompt tokens at the input price plus completion tokens at the output price. */
export function costOf(pricing: Pricing, promptTokens: number, completionTokens: number): number {
  return (
    (promptTokens * pricing.inputPerMillionTokens + completionTokens * pricing.outputPerMillionTokens) / 1e6
  );
}
