import { evaluateRules, toCel } from '../../crds/validation/cel.js';
import { applyDefaults } from '../../crds/validation/defaults.js';
import { Environment } from '@marcbachmann/cel-js';
import { DURATION_PATTERN, QUANTITY_PATTERN } from '../../crds/api/index.js';
import { Quantity } from '../../crds/validation/quantity.js';

describe('quantities compare exactly, as the Kubernetes quantity library does', () => {
  test.each([
    ['1500m', '1', 1],
    ['1', '1000m', 0],
    ['2Gi', '1500Mi', 1],
    ['1Gi', '1073741824', 0],
    ['1e3', '1k', 0],
    ['0.5', '500m', 0],
    ['250m', '.25', 0],
    ['4Gi', '4G', 1],
    ['-1', '0', -1],
  ])('%s vs %s → %i', (a, b, expected) => {
    expect(Quantity.parse(a).compareTo(Quantity.parse(b))).toBe(expected);
  });

  test('a malformed quantity is an error, not a number', () => {
    expect(Quantity.isQuantity('4 GB')).toBe(false);
    expect(() => Quantity.parse('4 GB')).toThrow(/quantities must match/);
  });
});

describe('CEL rules run where and as Kubernetes runs them', () => {
  const schema = {
    type: 'object',
    properties: {
      n: { type: 'integer', default: 3 },
      d: { type: 'number' },
      q: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
      keyed: {
        type: 'array',
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['name'],
        items: {
          type: 'object',
          properties: {
            name: { type: 'string' },
            v: {
              type: 'string',
              'x-kubernetes-validations': [{ rule: 'self == oldSelf', message: 'v is immutable' }],
            },
          },
        },
      },
    },
    'x-kubernetes-validations': [{ rule: 'self.n == 3', message: 'n must be 3' }],
  };

  test('integers are CEL ints, numbers doubles, int-or-string ints when numeric', () => {
    expect(toCel(schema, { n: 3, d: 3, q: 3 })).toEqual({ n: 3n, d: 3, q: 3n });
    expect(toCel(schema, { q: '500m' })).toEqual({ q: '500m' });
  });

  test('defaults are applied before rules run', () => {
    expect(evaluateRules(schema, applyDefaults(schema, {}))).toEqual([]);
    expect(evaluateRules(schema, applyDefaults(schema, { n: 4 })).map((e) => e.text)).toEqual([
      expect.stringContaining('Invalid value: "object": n must be 3'),
    ]);
  });

  test('transition rules are skipped on create and compare correlated list-map items on update', () => {
    const old = {
      keyed: [
        { name: 'a', v: '1' },
        { name: 'b', v: '1' },
      ],
    };
    const next = {
      keyed: [
        { name: 'b', v: '1' },
        { name: 'a', v: '2' },
        { name: 'c', v: '9' },
      ],
    };
    expect(evaluateRules(schema, applyDefaults(schema, next))).toEqual([]);
    expect(
      evaluateRules(schema, applyDefaults(schema, next), applyDefaults(schema, old)).map((e) => e.text),
    ).toEqual(['keyed[1].v: Invalid value: "string": v is immutable']);
  });
});

describe('the duration and quantity patterns admit only what CEL and Kubernetes parse', () => {
  const durationPattern = new RegExp(DURATION_PATTERN);
  const cel = new Environment();
  test.each(['0s', '30s', '5m', '1h30m', '250ms', '1.5h', '10us', '100ns'])(
    '%s matches and duration() parses it',
    (d) => {
      expect(durationPattern.test(d)).toBe(true);
      expect(() => cel.evaluate(`duration('${d}')`)).not.toThrow();
    },
  );
  test.each(['5 minutes', '1d', '-1s', '5', 'm', ''])('%j is refused by the pattern', (d) => {
    expect(durationPattern.test(d)).toBe(false);
  });

  const quantityPattern = new RegExp(QUANTITY_PATTERN);
  test.each(['500m', '2', '4Gi', '1.5', '1e3', '.5', '8G'])('%s is a quantity', (q) => {
    expect(quantityPattern.test(q)).toBe(true);
    expect(Quantity.isQuantity(q)).toBe(true);
  });
  test.each(['4 GB', '4gb', 'Gi', '1,5'])('%j is not a quantity', (q) => {
    expect(quantityPattern.test(q)).toBe(false);
    expect(Quantity.isQuantity(q)).toBe(false);
  });
});
