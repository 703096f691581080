import { describe, expect, it } from '@jest/globals';
import { Testing } from 'cdk8s';
import { AgentWorkload, type AgentWorkloadProps } from '../../charts-ts/constructs/agent-workload.js';

const props = (replicas?: number): AgentWorkloadProps => ({
  model: 'demo',
  agent: 'demo',
  version: 'v1',
  namespace: 'agents',
  engine: { kind: 'container', image: 'ghcr.io/example/engine:1.0.0' },
  scaling: { minReplicas: 2, maxReplicas: 4, cpuUtilization: 70 },
  ...(replicas === undefined ? {} : { replicas }),
});

function synth(replicas?: number): any[] {
  const chart = Testing.chart();
  new AgentWorkload(chart, 'w', props(replicas));
  return Testing.synth(chart);
}

describe('AgentWorkload with a fixed replica count (a split made of replicas)', () => {
  it.each([
    ['a share of the split', 3],
    ['no share: no pods', 0],
  ])('%s: spec.replicas %d and no HPA, whatever scaling says', (_name, replicas) => {
    const objects = synth(replicas);
    expect(objects.find((o) => o.kind === 'Deployment').spec.replicas).toBe(replicas);
    expect(objects.filter((o) => o.kind === 'HorizontalPodAutoscaler')).toEqual([]);
  });

  it('is autoscaled without one: the HPA owns spec.replicas', () => {
    const objects = synth();
    expect(objects.find((o) => o.kind === 'Deployment').spec.replicas).toBeUndefined();
    expect(objects.find((o) => o.kind === 'HorizontalPodAutoscaler').spec).toMatchObject({
      minReplicas: 2,
      maxReplicas: 4,
    });
  });

  it.each([-1, 1.5])('refuses %d replicas, naming the version', (replicas) => {
    expect(() => synth(replicas)).toThrow(
      `demo: replicas (${replicas}) of version v1 must be a whole number of at least 0`,
    );
  });
});
