import { advisedDelayMs, RetryBudget, retryDelayMs } from '../../runtime/engine-retry.js';

const NOW = Date.parse('2025-01-01T00:00:00Z');
const now = () => NOW;

describe('engine retry delays', () => {
  const cases: [string, number, Record<string, string>, number, number][] = [
    // name, retry, headers, random(), expected ms
    ['first retry, no advice, no jitter', 1, {}, 0, 500],
    ['first retry, no advice, most jitter', 1, {}, 1, 375],
    ['second retry doubles', 2, {}, 0, 1000],
    ['fifth retry reaches the 8 s cap', 5, {}, 0, 8000],
    ['tenth retry stays at the cap', 10, {}, 0, 8000],
    ['retry-after-ms wins', 1, { 'retry-after-ms': '5' }, 0, 5],
    ['retry-after-ms over retry-after', 3, { 'retry-after-ms': '250', 'retry-after': '9' }, 0, 250],
    ['retry-after in seconds', 1, { 'retry-after': '3' }, 0, 3000],
    ['retry-after as an HTTP date', 1, { 'retry-after': new Date(NOW + 4000).toUTCString() }, 0, 4000],
    ['a date in the past means now', 1, { 'retry-after': new Date(NOW - 4000).toUTCString() }, 0, 0],
    [
      'unparseable advice falls back to backoff',
      2,
      { 'retry-after': 'soon', 'retry-after-ms': 'x' },
      0,
      1000,
    ],
  ];
  it.each(cases)('%s', (_name, retry, headers, random, expected) => {
    expect(retryDelayMs(retry, new Headers(headers), () => random, now)).toBe(expected);
  });

  it('gives no advice without headers', () => {
    expect(advisedDelayMs(undefined)).toBeUndefined();
    expect(advisedDelayMs(new Headers())).toBeUndefined();
  });
});

describe('engine retry budget', () => {
  it('allows an attempt only if it would start before the budget is spent', () => {
    let clock = 1_000;
    const budget = new RetryBudget(500, () => clock);
    expect(budget.allows()).toBe(true);
    expect(budget.allows(499)).toBe(true);
    expect(budget.allows(500)).toBe(false);
    clock += 300;
    expect(budget.allows(199)).toBe(true);
    expect(budget.allows(200)).toBe(false);
    clock += 200;
    expect(budget.allows()).toBe(false);
  });

  it('allows nothing beyond the first attempt with a budget of 0', () => {
    expect(new RetryBudget(0, () => 0).allows()).toBe(false);
  });
});
