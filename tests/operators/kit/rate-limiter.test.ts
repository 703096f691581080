import {
  ItemExponentialRateLimiter,
  MaxOfRateLimiter,
  TokenBucketRateLimiter,
  defaultControllerRateLimiter,
} from '../../../operators/kit/rate-limiter.js';
import { FakeClock } from '../../support/fake-clock.js';

describe('ItemExponentialRateLimiter', () => {
  it('doubles per failure from 5 ms and caps at 1000 s, like client-go', () => {
    const rl = new ItemExponentialRateLimiter();
    const delays = Array.from({ length: 30 }, () => rl.when('a'));
    expect(delays.slice(0, 4)).toEqual([5, 10, 20, 40]);
    expect(delays[17]).toBe(5 * 2 ** 17);
    expect(delays.at(-1)).toBe(1_000_000);
    expect(Math.max(...delays)).toBe(1_000_000);
    expect(rl.retries('a')).toBe(30);
  });

  it('keeps keys independent and forgets a key after success', () => {
    const rl = new ItemExponentialRateLimiter();
    rl.when('a');
    rl.when('a');
    expect(rl.when('b')).toBe(5);
    rl.forget('a');
    expect(rl.retries('a')).toBe(0);
    expect(rl.when('a')).toBe(5);
  });

  it('rejects a base delay above the cap, naming both', () => {
    expect(() => new ItemExponentialRateLimiter({ baseDelayMs: 10, maxDelayMs: 5 })).toThrow(
      /'baseDelayMs' \(10\).*'maxDelayMs' \(5\)/,
    );
  });
});

describe('TokenBucketRateLimiter', () => {
  it('lets a burst through, then spaces items at 1/qps, and refills with time', async () => {
    const clock = new FakeClock();
    const rl = new TokenBucketRateLimiter(clock, { qps: 10, burst: 3 });
    expect([rl.when(), rl.when(), rl.when()]).toEqual([0, 0, 0]);
    expect(rl.when()).toBe(100);
    expect(rl.when()).toBe(200);
    await clock.advance(10_000);
    expect(rl.when()).toBe(0);
  });

  it('rejects a non-positive qps', () => {
    expect(() => new TokenBucketRateLimiter(new FakeClock(), { qps: 0 })).toThrow(/'qps' \(0\)/);
  });
});

describe('defaultControllerRateLimiter', () => {
  it('takes the larger of per-item backoff and the global bucket', () => {
    const clock = new FakeClock();
    const rl = new MaxOfRateLimiter(
      new ItemExponentialRateLimiter(),
      new TokenBucketRateLimiter(clock, { qps: 1, burst: 1 }),
    );
    expect(rl.when('a')).toBe(5); // token available; backoff wins
    expect(rl.when('b')).toBe(1000); // bucket empty: 1 s wait beats 5 ms
    expect(defaultControllerRateLimiter(clock).when('x')).toBe(5);
  });
});
