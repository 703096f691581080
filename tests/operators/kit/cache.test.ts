import { BY_LABEL, BY_NAMESPACE, BY_OWNER_UID, Cache } from '../../../operators/kit/cache.js';
import { deepEqual, matchesLive } from '../../../operators/kit/deep-equal.js';
import type { KubeObject } from '../../../operators/kit/resource.js';

const obj = (ns: string, name: string, labels: Record<string, string> = {}, owner?: string): KubeObject => ({
  metadata: {
    namespace: ns,
    name,
    labels,
    ...(owner
      ? { ownerReferences: [{ apiVersion: 'v1', kind: 'X', name: 'o', uid: owner, controller: true }] }
      : {}),
  },
});

describe('Cache', () => {
  it('indexes by namespace, owner UID and label, and keeps indexes in step on update and delete', () => {
    const cache = new Cache();
    cache.upsert(obj('a', 'x', { app: 'm1', tier: 'gold' }, 'u1'));
    cache.upsert(obj('a', 'y', { app: 'm1' }, 'u2'));
    cache.upsert(obj('b', 'z', { app: 'm2' }));
    expect(
      cache
        .byIndex(BY_NAMESPACE, 'a')
        .map((o) => o.metadata.name)
        .sort(),
    ).toEqual(['x', 'y']);
    expect(cache.byIndex(BY_OWNER_UID, 'u1').map((o) => o.metadata.name)).toEqual(['x']);
    expect(cache.byLabels({ app: 'm1', tier: 'gold' }).map((o) => o.metadata.name)).toEqual(['x']);
    // The label moves: the old index entry must go.
    cache.upsert(obj('a', 'x', { app: 'm2' }, 'u1'));
    expect(cache.byIndex(BY_LABEL, 'tier=gold')).toEqual([]);
    expect(
      cache
        .byLabels({ app: 'm2' })
        .map((o) => o.metadata.name)
        .sort(),
    ).toEqual(['x', 'z']);
    cache.delete('a/x');
    expect(cache.byIndex(BY_OWNER_UID, 'u1')).toEqual([]);
    expect(cache.size).toBe(2);
    expect(cache.getByName('a', 'y')?.metadata.name).toBe('y');
  });

  it('keeps an index value right as it goes from one object to several and back, the same object twice included', () => {
    const cache = new Cache();
    const names = (value: string) =>
      cache
        .byIndex(BY_LABEL, value)
        .map((o) => o.metadata.name)
        .sort();
    cache.upsert(obj('a', 'x', { app: 'm' }));
    cache.upsert(obj('a', 'x', { app: 'm', v: '1' })); // updated in place: still one
    expect(names('app=m')).toEqual(['x']);
    cache.upsert(obj('a', 'y', { app: 'm' }));
    cache.upsert(obj('a', 'z', { app: 'm' }));
    expect(names('app=m')).toEqual(['x', 'y', 'z']);
    cache.delete('a/y');
    cache.delete('a/x');
    expect(names('app=m')).toEqual(['z']);
    cache.upsert(obj('a', 'w', { app: 'm' }));
    expect(names('app=m')).toEqual(['w', 'z']);
    cache.delete('a/z');
    cache.delete('a/w');
    expect(names('app=m')).toEqual([]);
    cache.delete('a/w'); // gone already: nothing to do
    cache.upsert(obj('a', 'x', { app: 'n' }));
    expect([names('app=m'), names('app=n'), names('v=1')]).toEqual([[], ['x'], []]);
  });

  it('names the known indexes when asked for an unknown one', () => {
    expect(() => new Cache().byIndex('nope', 'x')).toThrow(
      "no index named 'nope'; known: namespace, owner-uid, label",
    );
  });
});

describe('matchesLive (would an apply of desired change live?)', () => {
  it.each([
    ['equal scalars', { a: 1 }, { a: 1 }, true],
    ['live has extra server defaults', { a: 1 }, { a: 1, b: 2 }, true],
    ['a differing value', { a: 1 }, { a: 2 }, false],
    ['a missing field', { a: 1, c: 3 }, { a: 1 }, false],
    ['nested objects', { s: { r: 2 } }, { s: { r: 2, x: 1 } }, true],
    ['arrays element by element', { l: [{ n: 'a' }] }, { l: [{ n: 'a', d: 1 }] }, true],
    ['arrays of different length', { l: [1] }, { l: [1, 2] }, false],
    ['object vs array', { l: {} }, { l: [] }, false],
  ])('%s', (_name, desired, live, expected) => {
    expect(matchesLive(desired, live)).toBe(expected);
  });

  it('deepEqual ignores key order and undefined members', () => {
    expect(deepEqual({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
  });
});
