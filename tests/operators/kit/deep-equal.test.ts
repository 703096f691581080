import { matchesLive } from '../../../operators/kit/deep-equal.js';

describe('matchesLive: is what we would apply already in the live object?', () => {
  it('takes a resource quantity the server stores in canonical form as the same amount', () => {
    const desired = {
      resources: { requests: { cpu: '0.5', memory: '1024Mi' }, limits: { 'nvidia.com/gpu': 1 } },
    };
    const live = {
      resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { 'nvidia.com/gpu': '1' } },
    };
    expect(matchesLive(desired, live)).toBe(true);
    expect(
      matchesLive(
        { target: { type: 'AverageValue', averageValue: '30' } },
        { target: { type: 'AverageValue', averageValue: '30000m' } },
      ),
    ).toBe(true);
  });

  it('tells different amounts apart', () => {
    expect(matchesLive({ limits: { cpu: '0.5' } }, { limits: { cpu: '501m' } })).toBe(false);
    expect(matchesLive({ limits: { memory: '1G' } }, { limits: { memory: '1Gi' } })).toBe(false);
  });

  it('compares free-form strings exactly, wherever they are not quantities', () => {
    expect(matchesLive({ data: { k: '1' } }, { data: { k: '1000m' } })).toBe(false);
    expect(matchesLive({ env: [{ name: 'N', value: '1' }] }, { env: [{ name: 'N', value: '1.0' }] })).toBe(
      false,
    );
  });

  it('ignores fields only the live object has, and requires arrays to match element by element', () => {
    expect(matchesLive({ a: 1 }, { a: 1, defaulted: true })).toBe(true);
    expect(matchesLive({ list: [{ a: 1 }] }, { list: [{ a: 1, b: 2 }] })).toBe(true);
    expect(matchesLive({ list: [{ a: 1 }] }, { list: [{ a: 1 }, { a: 2 }] })).toBe(false);
    expect(matchesLive({ a: { b: 1 } }, {})).toBe(false);
  });
});
