import { describe, expect, it } from '@jest/globals';
import {
  GPU_COUNT_ANNOTATION,
  GPU_MAX_COUNT_ANNOTATION,
} from '../../charts-ts/constructs/agent-deployment.js';
import { parseQuantity } from '../../charts-ts/constructs/quantity.js';
import { versionedName } from '../../charts-ts/constructs/workload-names.js';
import { render } from '../../charts-ts/render.js';
import { aimodel, find, firstVersion } from './support.js';

/**
 * The default stack's numbers (DESIGN.md, "the Suoke Life platform's four agents"), read back from what render()
 * produces for each agent's first version: HPA bounds and targets, the custom metric and its target, VPA bounds
 * and GPUs per replica.
 */
const TABLE = [
  {
    agent: 'xiaoai',
    hpa: [2, 10],
    cpuMem: [70, 80],
    metric: ['ai_inference_requests_per_second', 30],
    vpaCpu: [1, 8],
    vpaMemGi: [4, 32],
    gpu: { resource: 'nvidia.com/gpu', units: 1, count: 1, max: 4 },
  },
  {
    agent: 'xiaoke',
    hpa: [2, 8],
    cpuMem: [75, 85],
    metric: ['health_analysis_requests_per_second', 25],
    vpaCpu: [0.5, 4],
    vpaMemGi: [2, 16],
    gpu: undefined,
  },
  {
    agent: 'laoke',
    hpa: [1, 6],
    cpuMem: [80, 90],
    metric: ['tcm_diagnosis_requests_per_second', 20],
    vpaCpu: [1, 6],
    vpaMemGi: [4, 24],
    // Half a GPU: one unit of the time-sliced resource (2 slices per GPU), up to 2 GPUs.
    gpu: { resource: 'nvidia.com/gpu.shared', units: 1, count: 0.5, max: 2 },
  },
  {
    agent: 'soer',
    hpa: [1, 5],
    cpuMem: [70, 80],
    metric: ['wellness_recommendations_per_second', 15],
    vpaCpu: [0.25, 2],
    vpaMemGi: [1, 8],
    gpu: undefined,
  },
] as const;

const GI = 2 ** 30;

describe('the four agents render with the numbers of the design table', () => {
  it.each(TABLE.map((row) => [row.agent, row] as const))('%s', (agent, row) => {
    const version = firstVersion(agent);
    const name = versionedName(agent, version.spec.version);
    const objects = render(aimodel(agent), [version], []);

    const hpa = find(objects, 'HorizontalPodAutoscaler', name).spec;
    expect([hpa.minReplicas, hpa.maxReplicas]).toEqual(row.hpa);
    const utilization = (resource: string) =>
      hpa.metrics.find((m: any) => m.type === 'Resource' && m.resource.name === resource).resource.target;
    expect(utilization('cpu')).toEqual({ type: 'Utilization', averageUtilization: row.cpuMem[0] });
    expect(utilization('memory')).toEqual({ type: 'Utilization', averageUtilization: row.cpuMem[1] });
    const pods = hpa.metrics.filter((m: any) => m.type === 'Pods');
    expect(pods).toHaveLength(1);
    expect(pods[0].pods.metric.name).toBe(row.metric[0]);
    expect(pods[0].pods.target.type).toBe('AverageValue');
    expect(parseQuantity('target', pods[0].pods.target.averageValue)).toBe(row.metric[1]);

    const vpa = find(objects, 'VerticalPodAutoscaler', name).spec;
    const policy = vpa.resourcePolicy.containerPolicies.find((p: any) => p.containerName === 'engine');
    expect([
      parseQuantity('cpu', policy.minAllowed.cpu),
      parseQuantity('cpu', policy.maxAllowed.cpu),
    ]).toEqual(row.vpaCpu);
    expect([
      parseQuantity('memory', policy.minAllowed.memory) / GI,
      parseQuantity('memory', policy.maxAllowed.memory) / GI,
    ]).toEqual(row.vpaMemGi);
    expect(vpa.updatePolicy.updateMode).toBe('Off');

    const deployment = find(objects, 'Deployment', name);
    const pod = deployment.spec.template.spec;
    const engine = pod.containers.find((c: any) => c.name === 'engine');
    const gpuLimits = Object.keys(engine.resources.limits).filter((k) => k.includes('gpu'));
    if (row.gpu === undefined) {
      expect(gpuLimits).toEqual([]);
      expect(pod.tolerations).toBeUndefined();
      expect(deployment.metadata.annotations?.[GPU_COUNT_ANNOTATION]).toBeUndefined();
    } else {
      expect(gpuLimits).toEqual([row.gpu.resource]);
      expect(engine.resources.limits[row.gpu.resource]).toBe(String(row.gpu.units));
      expect(Number(deployment.metadata.annotations[GPU_COUNT_ANNOTATION])).toBe(row.gpu.count);
      expect(Number(deployment.metadata.annotations[GPU_MAX_COUNT_ANNOTATION])).toBe(row.gpu.max);
      expect(pod.tolerations.length).toBeGreaterThan(0);
      // Only the model server holds the GPU.
      const runtime = pod.containers.find((c: any) => c.name === 'runtime');
      expect(Object.keys(runtime.resources.limits).filter((k) => k.includes('gpu'))).toEqual([]);
    }
  });

  it('pins xiaoai to its GPU product by node selector', () => {
    const deployment = find(
      render(aimodel('xiaoai'), [firstVersion('xiaoai')], []),
      'Deployment',
      'xiaoai-v1',
    );
    expect(deployment.spec.template.spec.nodeSelector).toEqual({
      'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-80GB',
    });
  });
});
