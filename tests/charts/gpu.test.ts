import { describe, expect, it } from '@jest/globals';
import { Gpu } from '../../charts-ts/constructs/gpu.js';

describe('Gpu', () => {
  it.each<[string, Gpu, Record<string, string>]>([
    ['one whole NVIDIA GPU', Gpu.nvidia(1), { 'nvidia.com/gpu': '1' }],
    ['four whole GPUs', Gpu.nvidia(4), { 'nvidia.com/gpu': '4' }],
    [
      'half a GPU time-sliced in two',
      Gpu.shared(0.5, 'nvidia.com/gpu.shared'),
      { 'nvidia.com/gpu.shared': '1' },
    ],
    ['two GPUs time-sliced in two', Gpu.shared(2, 'nvidia.com/gpu.shared'), { 'nvidia.com/gpu.shared': '4' }],
    [
      'a third of a GPU rounds up to whole slices',
      Gpu.shared(0.3, 'nvidia.com/gpu.shared', { slicesPerGpu: 10 }),
      { 'nvidia.com/gpu.shared': '3' },
    ],
    [
      'a MIG profile with explicit slices',
      Gpu.shared(0.5, 'nvidia.com/mig-3g.20gb', { slicesPerGpu: 2 }),
      { 'nvidia.com/mig-3g.20gb': '1' },
    ],
    [
      'the API shape, shared by resource name',
      Gpu.of({ count: 0.5, resourceName: 'nvidia.com/gpu.shared' }),
      { 'nvidia.com/gpu.shared': '1' },
    ],
    ['another vendor’s resource', Gpu.of({ count: 2, resourceName: 'amd.com/gpu' }), { 'amd.com/gpu': '2' }],
  ])('%s', (_name, gpu, limits) => {
    expect(gpu.limits()).toEqual(limits);
  });

  it('selects nodes by GPU product and tolerates the GPU taint by default', () => {
    const gpu = Gpu.nvidia(1, { product: 'NVIDIA-A100-SXM4-80GB' });
    expect(gpu.nodeSelector()).toEqual({ 'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-80GB' });
    expect(gpu.tolerations()).toEqual([{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }]);
    expect(Gpu.nvidia(1).nodeSelector()).toEqual({});
  });

  it('uses the tolerations it is given, and hands out copies', () => {
    const gpu = Gpu.of({
      count: 1,
      tolerations: [{ key: 'gpu-pool', operator: 'Equal', value: 'a100', effect: 'NoExecute' }],
    });
    const tolerations = gpu.tolerations();
    expect(tolerations).toEqual([{ key: 'gpu-pool', operator: 'Equal', value: 'a100', effect: 'NoExecute' }]);
    (tolerations[0] as { key: string }).key = 'changed';
    expect(gpu.tolerations()[0]?.key).toBe('gpu-pool');
  });

  it('keeps the declared count and the largest count', () => {
    const gpu = Gpu.of({ count: 0.5, maxCount: 2, resourceName: 'nvidia.com/gpu.shared' });
    expect([gpu.count, gpu.maxCount, gpu.units]).toEqual([0.5, 2, 1]);
    expect(Gpu.nvidia(1).maxCount).toBe(1);
  });

  describe('throws at construction', () => {
    it.each<[string, () => unknown, RegExp]>([
      [
        'a fraction without a shared resource',
        () => Gpu.nvidia(0.5),
        /gpu\.count \(0\.5\) is a fraction of a GPU.*nvidia\.com\/gpu\.shared/,
      ],
      [
        'a fraction of an explicit whole-GPU resource',
        () => Gpu.of({ count: 1.5, resourceName: 'nvidia.com/gpu' }),
        /fraction/,
      ],
      ['zero GPUs', () => Gpu.nvidia(0), /gpu\.count \(0\) must be a number greater than 0/],
      ['a negative count', () => Gpu.shared(-1, 'nvidia.com/gpu.shared'), /greater than 0/],
      ['a count that is not a number', () => Gpu.nvidia(Number.NaN), /gpu\.count \(NaN\)/],
      [
        'maxCount below count',
        () => Gpu.of({ count: 2, maxCount: 1 }),
        /gpu\.maxCount \(1\) must not be below gpu\.count \(2\)/,
      ],
      [
        'slices that are not whole',
        () => Gpu.shared(0.5, 'nvidia.com/gpu.shared', { slicesPerGpu: 1.5 }),
        /gpu\.slicesPerGpu \(1\.5\) must be a whole number/,
      ],
    ])('%s', (_name, build, message) => {
      expect(build).toThrow(message);
    });
  });
});
