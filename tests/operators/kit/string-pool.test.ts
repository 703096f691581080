import { StringPool } from '../../../operators/kit/string-pool.js';

const deployment = (name: string, uid: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name,
    namespace: 'agents',
    uid,
    resourceVersion: uid.length.toString(),
    creationTimestamp: `2026-12-03T10:00:0${uid.length % 10}Z`,
    labels: { app: name, 'app.kubernetes.io/managed-by': 'suoke-modelops' },
  },
  spec: { template: { spec: { containers: [{ name: 'runtime', args: ['--port', '8000'] }] } } },
  status: { conditions: [{ type: 'Available', lastTransitionTime: `2026-12-03T10:00:1${uid.length}Z` }] },
});

describe('StringPool', () => {
  it('leaves every value as it was, in objects and arrays', () => {
    const pool = new StringPool();
    const object = deployment('demo-v1', 'u-1');
    expect(pool.internAll(structuredClone(object))).toEqual(object);
  });

  it('holds each repeated value once, and no name, uid, resourceVersion or time', () => {
    const pool = new StringPool();
    pool.internAll(deployment('demo-v1', 'u-1'));
    const afterOne = pool.size;
    // apps/v1, Deployment, agents, suoke-modelops, demo-v1 (the app label), runtime, --port, 8000, Available
    expect(afterOne).toBe(9);
    pool.internAll(deployment('demo-v1', 'u-22'));
    expect(pool.size).toBe(afterOne); // another uid, resourceVersion and times: not pooled
    pool.internAll(deployment('demo-v2', 'u-333'));
    expect(pool.size).toBe(afterOne + 1); // only the new app label
  });

  it('starts afresh when full, so values that keep changing cannot grow it without end', () => {
    const pool = new StringPool(5);
    for (let i = 0; i < 100; i++) pool.internAll({ status: { message: `step ${i}` } });
    expect(pool.size).toBeGreaterThan(0);
    expect(pool.size).toBeLessThanOrEqual(5);
  });

  it('leaves long strings out of the pool', () => {
    const pool = new StringPool(100, 16);
    pool.internAll({ spec: { a: 'x'.repeat(17), b: 'short' } });
    expect(pool.size).toBe(1);
  });
});
