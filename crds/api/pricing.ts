/**
 * What a model's tokens cost: the runtime multiplies the engine's reported usage by these prices and
 * counts the result in `ai_inference_cost_total{currency}` (runtime/metrics.ts), which the dashboard's
 * cost panels and the `cost-per-request` analysis check read.
 */
import { Type, type Static } from '@sinclair/typebox';
import { num, obj, str } from './schema.js';

/** Currency of prices that do not name one. */
export const DEFAULT_CURRENCY = 'USD';

export const PricingSchema = obj(
  {
    inputPerMillionTokens: num({
      description:
        'Price of one million prompt (input) tokens, in currency units, e.g. 0.15. 0 when prompt tokens are free.',
      minimum: 0,
    }),
    outputPerMillionTokens: num({
      description:
        'Price of one million completion (output) tokens, in currency units, e.g. 0.6. 0 when completion tokens are free.',
      minimum: 0,
    }),
    currency: Type.Optional(
      str({
        description: `ISO 4217 code of the currency the prices are in, e.g. USD, EUR, CNY. Defaults to ${DEFAULT_CURRENCY}.`,
        default: DEFAULT_CURRENCY,
        minLength: 3,
        maxLength: 3,
        pattern: '^[A-Z]{3}$',
      }),
    ),
  },
  {
    description:
      "Token prices: the runtime counts each answer's cost (prompt tokens × input price + completion tokens × output price, per million) in ai_inference_cost_total. Without pricing no cost is counted.",
  },
);

export type Pricing = Static<typeof PricingSchema>;
