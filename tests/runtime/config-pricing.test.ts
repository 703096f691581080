/** PRICE_INPUT_PER_MILLION_TOKENS, PRICE_OUTPUT_PER_MILLION_TOKENS and PRICE_CURRENCY, as runtime/config.ts reads them. */
import { ConfigError, loadConfig } from '../../runtime/config.js';
import { costOf } from '../../runtime/pricing.js';

const minimal = { MODEL: 'xiaoai', ENGINE_BASE_URL: 'http://127.0.0.1:8001/v1' };
const noFiles = (path: string): string => {
  throw new Error(`ENOENT: no such file, open '${path}'`);
};

function issuesOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig({ ...minimal, ...env }, noFiles);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues;
  }
  throw new Error('expected a ConfigError');
}

describe('runtime pricing config', () => {
  it('has no pricing, so counts no cost, when neither price is set (a currency alone changes nothing)', () => {
    expect(loadConfig(minimal, noFiles).pricing).toBeUndefined();
    expect(loadConfig({ ...minimal, PRICE_CURRENCY: 'EUR' }, noFiles).pricing).toBeUndefined();
    // Blank is unset, as a manifest's `value: ""` means.
    expect(loadConfig({ ...minimal, PRICE_INPUT_PER_MILLION_TOKENS: ' ' }, noFiles).pricing).toBeUndefined();
  });

  it('reads both prices and the currency', () => {
    const config = loadConfig(
      {
        ...minimal,
        PRICE_INPUT_PER_MILLION_TOKENS: '0.15',
        PRICE_OUTPUT_PER_MILLION_TOKENS: '0.6',
        PRICE_CURRENCY: 'CNY',
      },
      noFiles,
    );
    expect(config.pricing).toEqual({
      inputPerMillionTokens: 0.15,
      outputPerMillionTokens: 0.6,
      currency: 'CNY',
    });
    expect(Object.isFrozen(config.pricing)).toBe(true);
  });

  it('prices the tokens of an unset price at 0 and defaults the currency to USD', () => {
    expect(loadConfig({ ...minimal, PRICE_OUTPUT_PER_MILLION_TOKENS: '2.5' }, noFiles).pricing).toEqual({
      inputPerMillionTokens: 0,
      outputPerMillionTokens: 2.5,
      currency: 'USD',
    });
    expect(loadConfig({ ...minimal, PRICE_INPUT_PER_MILLION_TOKENS: '1e-1' }, noFiles).pricing).toEqual({
      inputPerMillionTokens: 0.1,
      outputPerMillionTokens: 0,
      currency: 'USD',
    });
  });

  it.each([
    ['negative', { PRICE_INPUT_PER_MILLION_TOKENS: '-0.1' }, "PRICE_INPUT_PER_MILLION_TOKENS='-0.1' must be"],
    [
      'not a number',
      { PRICE_OUTPUT_PER_MILLION_TOKENS: 'cheap' },
      "PRICE_OUTPUT_PER_MILLION_TOKENS='cheap' must be",
    ],
    [
      'hexadecimal',
      { PRICE_OUTPUT_PER_MILLION_TOKENS: '0x10' },
      "PRICE_OUTPUT_PER_MILLION_TOKENS='0x10' must be",
    ],
    [
      'infinite',
      { PRICE_INPUT_PER_MILLION_TOKENS: 'Infinity' },
      "PRICE_INPUT_PER_MILLION_TOKENS='Infinity' must be",
    ],
    [
      'with a currency sign',
      { PRICE_INPUT_PER_MILLION_TOKENS: '$0.15' },
      "PRICE_INPUT_PER_MILLION_TOKENS='$0.15' must be",
    ],
  ])('refuses a price that is %s, naming the variable and what it accepts', (_what, env, start) => {
    const issues = issuesOf(env);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toContain(start);
    expect(issues[0]).toMatch(
      /a decimal number >= 0, the price of one million (prompt|completion) tokens \(e\.g\. 0\.15\), or unset$/,
    );
  });

  it.each(['usd', 'US', 'EURO', '978'])(
    'refuses the currency %s, asking for an ISO 4217 code',
    (currency) => {
      expect(issuesOf({ PRICE_INPUT_PER_MILLION_TOKENS: '1', PRICE_CURRENCY: currency })).toEqual([
        `PRICE_CURRENCY='${currency}' must be an ISO 4217 currency code, three capital letters (e.g. USD, EUR, CNY)`,
      ]);
    },
  );

  it('reports every bad pricing variable at once', () => {
    expect(
      issuesOf({
        PRICE_INPUT_PER_MILLION_TOKENS: '-1',
        PRICE_OUTPUT_PER_MILLION_TOKENS: 'x',
        PRICE_CURRENCY: 'eu',
      }).map((issue) => issue.split('=')[0]),
    ).toEqual(['PRICE_INPUT_PER_MILLION_TOKENS', 'PRICE_OUTPUT_PER_MILLION_TOKENS', 'PRICE_CURRENCY']);
  });

  it('costs prompt tokens at the input price and completion tokens at the output price, per million', () => {
    const pricing = { inputPerMillionTokens: 0.15, outputPerMillionTokens: 0.6, currency: 'USD' };
    expect(costOf(pricing, 1_000_000, 0)).toBeCloseTo(0.15, 12);
    expect(costOf(pricing, 0, 1_000_000)).toBeCloseTo(0.6, 12);
    expect(costOf(pricing, 1200, 300)).toBeCloseTo((1200 * 0.15 + 300 * 0.6) / 1e6, 15);
  });
});
