import { ApiError } from '../support/fake-api-server/errors.js';
import {
  fieldSetOf,
  formatPath,
  fromFieldsV1,
  removeAt,
  toFieldsV1,
  valueAt,
} from '../support/fake-api-server/field-set.js';
import {
  applyJsonPatch,
  applyMergePatch,
  applyStrategicMergePatch,
} from '../support/fake-api-server/patch.js';

describe('JSON patch (RFC 6902)', () => {
  const doc = { a: { b: 1, list: ['x', 'y'] } };
  it.each([
    ['add to a map', [{ op: 'add', path: '/a/c', value: 2 }], { a: { b: 1, c: 2, list: ['x', 'y'] } }],
    [
      'append to a list',
      [{ op: 'add', path: '/a/list/-', value: 'z' }],
      { a: { b: 1, list: ['x', 'y', 'z'] } },
    ],
    [
      'insert into a list',
      [{ op: 'add', path: '/a/list/0', value: 'w' }],
      { a: { b: 1, list: ['w', 'x', 'y'] } },
    ],
    ['replace', [{ op: 'replace', path: '/a/b', value: 3 }], { a: { b: 3, list: ['x', 'y'] } }],
    ['remove', [{ op: 'remove', path: '/a/list/0' }], { a: { b: 1, list: ['y'] } }],
    ['move', [{ op: 'move', from: '/a/b', path: '/a/moved' }], { a: { moved: 1, list: ['x', 'y'] } }],
    ['copy', [{ op: 'copy', from: '/a/b', path: '/a/copied' }], { a: { b: 1, copied: 1, list: ['x', 'y'] } }],
    ['passing test', [{ op: 'test', path: '/a/b', value: 1 }], doc],
    [
      'escaped keys',
      [{ op: 'add', path: '/a/x~1y', value: true }],
      { a: { b: 1, list: ['x', 'y'], 'x/y': true } },
    ],
  ])('%s', (_name, patch, expected) => {
    expect(applyJsonPatch(doc, patch)).toEqual(expected);
  });

  it.each([
    ['a failing test', [{ op: 'test', path: '/a/b', value: 2 }], 422],
    ['replace of a missing key', [{ op: 'replace', path: '/a/nope', value: 1 }], 422],
    ['remove of a missing path', [{ op: 'remove', path: '/nope/x' }], 422],
    ['an unknown operation', [{ op: 'frobnicate', path: '/a' }], 400],
    ['a body that is not a list', { op: 'add' }, 400],
  ])('refuses %s', (_name, patch, code) => {
    const thrown = (() => {
      try {
        applyJsonPatch(doc, patch);
        return undefined;
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(ApiError);
    expect((thrown as ApiError).code).toBe(code);
  });
});

describe('merge and strategic merge patch', () => {
  it('merge patch: objects merge, null deletes, lists replace', () => {
    expect(applyMergePatch({ a: { b: 1, c: 2 }, l: [1, 2] }, { a: { c: null, d: 3 }, l: [3] })).toEqual({
      a: { b: 1, d: 3 },
      l: [3],
    });
  });

  it('strategic merge patch: containers merge by name, $patch directives apply', () => {
    const target = {
      containers: [
        { name: 'a', image: 'a:1' },
        { name: 'b', image: 'b:1' },
      ],
      args: ['x'],
    };
    expect(
      applyStrategicMergePatch(target, {
        containers: [
          { name: 'a', image: 'a:2' },
          { name: 'b', $patch: 'delete' },
          { name: 'c', image: 'c:1' },
        ],
        args: ['y'],
      }),
    ).toEqual({
      containers: [
        { name: 'a', image: 'a:2' },
        { name: 'c', image: 'c:1' },
      ],
      args: ['y'],
    });
    expect(applyStrategicMergePatch({ m: { a: 1, b: 2 } }, { m: { $patch: 'replace', c: 3 } })).toEqual({
      m: { c: 3 },
    });
  });
});

describe('field sets (managedFields)', () => {
  const object = {
    metadata: { labels: { app: 'web' }, finalizers: ['x/y'] },
    spec: { replicas: 2, args: ['a', 'b'], containers: [{ name: 'main', image: 'i:1' }], empty: {} },
  };
  const set = fieldSetOf(object, { schema: undefined, builtin: true });

  it('lists leaves, keyed list items, set items and atomic lists', () => {
    expect([...set].map(formatPath).sort()).toEqual(
      [
        '.metadata.finalizers["x/y"]',
        '.metadata.labels.app',
        '.spec.args',
        '.spec.containers[name="main"]',
        '.spec.containers[name="main"].image',
        '.spec.containers[name="main"].name',
        '.spec.empty',
        '.spec.replicas',
      ].sort(),
    );
  });

  it('round-trips through the fieldsV1 format', () => {
    const fields = toFieldsV1(set);
    expect(fields['f:spec']).toMatchObject({
      'f:replicas': {},
      'f:containers': { 'k:{"name":"main"}': { '.': {}, 'f:name': {}, 'f:image': {} } },
    });
    expect(fromFieldsV1(fields).equals(set)).toBe(true);
  });

  it('reads and removes values at paths, pruning maps left empty', () => {
    const copy = structuredClone(object) as Record<string, any>;
    expect(valueAt(copy, ['f:spec', 'k:{"name":"main"}'])).toBeUndefined();
    expect(valueAt(copy, ['f:spec', 'f:containers', 'k:{"name":"main"}', 'f:image'])).toBe('i:1');
    removeAt(copy, ['f:spec', 'f:containers', 'k:{"name":"main"}']);
    expect(copy['spec'].containers).toEqual([]);
    removeAt(copy, ['f:metadata', 'f:labels', 'f:app']);
    expect(copy['metadata']).toEqual({ finalizers: ['x/y'] });
  });

  it('uses x-kubernetes-list-type from a CRD schema', () => {
    const schema = {
      type: 'object',
      properties: {
        steps: {
          type: 'array',
          items: { type: 'object' },
          'x-kubernetes-list-type': 'map',
          'x-kubernetes-list-map-keys': ['weight'],
        },
        tags: { type: 'array', 'x-kubernetes-list-type': 'set' },
        args: { type: 'array' },
      },
    };
    const fields = fieldSetOf(
      { steps: [{ weight: 5 }], tags: ['a'], args: ['x'] },
      { schema, builtin: false },
    );
    expect([...fields].map(formatPath).sort()).toEqual([
      '.args',
      '.steps[weight=5]',
      '.steps[weight=5].weight',
      '.tags["a"]',
    ]);
  });
});
