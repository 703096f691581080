/** The stack's overlay on declared AIModels (shared with the charts), and how the product charts are chosen and configured. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { AIModel } from '../../crds/api/index.js';
import { overlayAIModel, runtimeRedis, scaleReplicas } from '../../charts-ts/agent-overlay.js';
import { platformRedis, selectAgents } from '../../stacks/suoke-charts.js';

const xiaoai = parse(
  readFileSync(new URL('../../examples/aimodels/xiaoai.yaml', import.meta.url), 'utf8'),
) as AIModel;
const overlay = {
  gpu: { enabled: true },
  replicaScale: 1,
  runtimeImage: 'registry.example.com/runtime:0.2.0',
};

describe('scaleReplicas', () => {
  it.each([
    ['identity', 2, 10, 1, 2, 10],
    ['half, min stays at least 1', 2, 10, 0.5, 1, 5],
    ['half rounds .5 up', 1, 5, 0.5, 1, 3],
    ['double', 1, 6, 2, 2, 12],
    ['a tiny scale keeps max ≥ min', 2, 2, 0.1, 1, 1],
  ])('%s: %i-%i × %d → %i-%i', (_name, min, max, scale, newMin, newMax) => {
    expect(scaleReplicas(min, max, scale)).toEqual({ minReplicas: newMin, maxReplicas: newMax });
  });
});

describe('overlayAIModel', () => {
  it('sets the runtime image, keeping the rest of the runtime (the agents chart applies the platform Redis)', () => {
    const out = overlayAIModel(xiaoai, overlay);
    expect(out.spec.runtime).toMatchObject({
      image: 'registry.example.com/runtime:0.2.0',
      redis: xiaoai.spec.runtime?.redis,
      rateLimitPerMinute: 600,
    });
    expect(out.spec.engine).toEqual(xiaoai.spec.engine);
  });

  it('drops the GPU when GPUs are off, keeping CPU and memory', () => {
    const out = overlayAIModel(xiaoai, { ...overlay, gpu: { enabled: false } });
    expect(out.spec.resources?.gpu).toBeUndefined();
    expect(out.spec.resources?.limits).toEqual(xiaoai.spec.resources?.limits);
  });

  it("overrides the GPU product when the stack names one, else keeps the model's", () => {
    expect(overlayAIModel(xiaoai, overlay).spec.resources?.gpu?.product).toBe('NVIDIA-A100-SXM4-80GB');
    const pinned = overlayAIModel(xiaoai, {
      ...overlay,
      gpu: { enabled: true, product: 'NVIDIA-H100-80GB-HBM3' },
    });
    expect(pinned.spec.resources?.gpu).toMatchObject({ count: 1, product: 'NVIDIA-H100-80GB-HBM3' });
  });

  it('does not change the declared object', () => {
    const before = JSON.stringify(xiaoai);
    overlayAIModel(xiaoai, { ...overlay, gpu: { enabled: false }, replicaScale: 3 });
    expect(JSON.stringify(xiaoai)).toBe(before);
  });
});

describe('runtimeRedis', () => {
  it('turns the connection environment of a Sentinel setup into the AIModel fields', () => {
    expect(
      runtimeRedis({
        env: { REDIS_MODE: 'sentinel', REDIS_SENTINELS: 'a:26379,b:26379', REDIS_SENTINEL_NAME: 'suoke' },
        passwordSecret: { name: 'redis-auth', key: 'pw' },
      }),
    ).toEqual({
      mode: 'sentinel',
      sentinels: ['a:26379', 'b:26379'],
      sentinelName: 'suoke',
      passwordSecretRef: { name: 'redis-auth', key: 'pw' },
    });
  });
});

describe('product charts', () => {
  const set = { aimodels: [xiaoai], versions: [], registries: [], personas: [] };

  it('refuses an agent the agents folder does not declare, naming the stack key', () => {
    expect(() => selectAgents(set, ['xiaoai', 'soer'])).toThrow(
      "stack config 'agents' names soer, which the agents folder does not declare (it has xiaoai)",
    );
  });

  it('maps each Redis mode to the platform chart', () => {
    const base = { redis: { storage: '2Gi', clusterNodes: ['n:6379'] } } as any;
    expect(platformRedis({ redis: { ...base.redis, mode: 'statefulset' } } as any, undefined)).toEqual({
      mode: 'in-cluster',
      storage: '2Gi',
    });
    expect(platformRedis({ redis: { ...base.redis, mode: 'cluster' } } as any, undefined)).toEqual({
      mode: 'external',
      topology: 'cluster',
      clusterNodes: ['n:6379'],
    });
    expect(
      platformRedis({ redis: { ...base.redis, mode: 'external' } } as any, 'redis://placeholder:6379'),
    ).toEqual({
      mode: 'external',
      topology: 'standalone',
      url: 'redis://placeholder:6379',
    });
  });
});
