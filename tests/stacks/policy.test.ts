import { deploymentPdb } from '../../stacks/policy/deployment-pdb.js';
import { gpuWorkloads } from '../../stacks/policy/gpu-workloads.js';
import { noLatestTag } from '../../stacks/policy/no-latest-tag.js';
import { policies } from '../../stacks/policy/policies.js';
import { restrictedPodSecurity } from '../../stacks/policy/restricted-pod-security.js';
import { resourceViolations, stackViolations, urnOf, type TestResource } from './support/policy-harness.js';

const DEPLOYMENT = 'kubernetes:apps/v1:Deployment';

/** A GPU Deployment that meets every policy; each test breaks one thing. */
function goodGpuDeployment(): TestResource {
  return {
    type: DEPLOYMENT,
    name: 'Deployment:suoke-system/xiaoai-v1',
    props: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'xiaoai-v1', namespace: 'suoke-system' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'xiaoai', version: 'v1' } },
        template: {
          metadata: { labels: { app: 'xiaoai', version: 'v1' } },
          spec: {
            securityContext: {
              runAsNonRoot: true,
              runAsUser: 10001,
              seccompProfile: { type: 'RuntimeDefault' },
            },
            nodeSelector: { 'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-40GB' },
            tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
            volumes: [{ name: 'tmp', emptyDir: {} }],
            containers: [
              {
                name: 'engine',
                image: 'ghcr.io/suoke-life/vllm:0.6.3',
                securityContext: {
                  allowPrivilegeEscalation: false,
                  readOnlyRootFilesystem: true,
                  capabilities: { drop: ['ALL'] },
                },
                resources: {
                  requests: { cpu: '1', 'nvidia.com/gpu': '1' },
                  limits: { 'nvidia.com/gpu': '1' },
                },
              },
              {
                name: 'runtime',
                image: 'ghcr.io/suoke-life/agent-runtime@sha256:' + 'a'.repeat(64),
                securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
              },
            ],
          },
        },
      },
    },
  };
}

function edit(resource: TestResource, change: (props: any) => void): TestResource {
  const props = structuredClone(resource.props);
  change(props);
  return { ...resource, props };
}

const podSpec = (props: any) => props.spec.template.spec;

describe('policy pack', () => {
  it('holds the four policies under stable names', () => {
    expect(policies.map((p) => p.name)).toEqual([
      'gpu-workloads-set-limits-and-tolerations',
      'restricted-pod-security',
      'no-latest-image-tag',
      'replicated-deployments-have-pdb',
    ]);
    expect(policies.every((p) => p.enforcementLevel === 'mandatory')).toBe(true);
  });

  it('passes a compliant GPU Deployment through every resource policy', async () => {
    for (const policy of [gpuWorkloads, restrictedPodSecurity, noLatestTag]) {
      expect(await resourceViolations(policy, goodGpuDeployment())).toEqual([]);
    }
  });

  it('ignores resources that run no pods', async () => {
    const configMap = {
      type: 'kubernetes:core/v1:ConfigMap',
      name: 'cm',
      props: { data: { image: 'x:latest' } },
    };
    for (const policy of [gpuWorkloads, restrictedPodSecurity, noLatestTag]) {
      expect(await resourceViolations(policy, configMap)).toEqual([]);
    }
  });
});

describe('gpu-workloads-set-limits-and-tolerations', () => {
  it('rejects a GPU request without a GPU limit', async () => {
    const bad = edit(goodGpuDeployment(), (p) => delete podSpec(p).containers[0].resources.limits);
    expect(await resourceViolations(gpuWorkloads, bad)).toEqual([
      expect.stringMatching(/containers\[0\] \(engine\): requests 'nvidia.com\/gpu' without a limit/),
    ]);
  });

  it('rejects a GPU pod without a toleration for the GPU taint', async () => {
    const bad = edit(
      goodGpuDeployment(),
      (p) => (podSpec(p).tolerations = [{ key: 'other', operator: 'Exists' }]),
    );
    expect(await resourceViolations(gpuWorkloads, bad)).toEqual([
      expect.stringContaining(
        "has no toleration for the GPU node taint; add tolerations: [{key: 'nvidia.com/gpu'",
      ),
    ]);
  });

  it('rejects a pod pinned to GPU nodes that asks for no GPU', async () => {
    const bad = edit(goodGpuDeployment(), (p) => delete podSpec(p).containers[0].resources);
    expect(await resourceViolations(gpuWorkloads, bad)).toEqual([
      expect.stringContaining('selects GPU nodes'),
    ]);
  });

  it('accepts a shared GPU slice tolerated by a catch-all toleration, in a StatefulSet', async () => {
    const good = edit(goodGpuDeployment(), (p) => {
      podSpec(p).containers[0].resources = { limits: { 'nvidia.com/gpu.shared': '1' } };
      podSpec(p).tolerations = [{ operator: 'Exists' }];
    });
    expect(
      await resourceViolations(gpuWorkloads, { ...good, type: 'kubernetes:apps/v1:StatefulSet' }),
    ).toEqual([]);
  });

  it('accepts a CPU-only pod with no GPU node selector', async () => {
    const cpu = edit(goodGpuDeployment(), (p) => {
      delete podSpec(p).containers[0].resources;
      delete podSpec(p).nodeSelector;
      delete podSpec(p).tolerations;
    });
    expect(await resourceViolations(gpuWorkloads, cpu)).toEqual([]);
  });
});

describe('restricted-pod-security', () => {
  const cases: [string, (p: any) => void, RegExp][] = [
    [
      'a privileged container',
      (p) => (podSpec(p).containers[1].securityContext.privileged = true),
      /privileged is true/,
    ],
    [
      'privilege escalation left on',
      (p) => delete podSpec(p).containers[0].securityContext.allowPrivilegeEscalation,
      /containers\[0\] \(engine\): securityContext.allowPrivilegeEscalation must be false/,
    ],
    ['root allowed', (p) => delete podSpec(p).securityContext.runAsNonRoot, /runAsNonRoot must be true/],
    ['UID 0', (p) => (podSpec(p).securityContext.runAsUser = 0), /runAsUser is 0/],
    [
      'no seccomp profile',
      (p) => delete podSpec(p).securityContext.seccompProfile,
      /seccompProfile.type must be RuntimeDefault/,
    ],
    [
      'capabilities kept',
      (p) => (podSpec(p).containers[0].securityContext.capabilities.drop = []),
      /drop must include ALL/,
    ],
    [
      'an added capability',
      (p) => (podSpec(p).containers[0].securityContext.capabilities.add = ['SYS_ADMIN']),
      /capabilities.add may only hold NET_BIND_SERVICE, got SYS_ADMIN/,
    ],
    ['the host network', (p) => (podSpec(p).hostNetwork = true), /spec.hostNetwork is true/],
    [
      'a hostPath volume',
      (p) => podSpec(p).volumes.push({ name: 'docker', hostPath: { path: '/var/run' } }),
      /volume 'docker' is of type hostPath/,
    ],
    [
      'a host port',
      (p) => (podSpec(p).containers[0].ports = [{ containerPort: 80, hostPort: 80 }]),
      /hostPort 80 is not allowed/,
    ],
  ];
  it.each(cases)('rejects %s', async (_name, change, message) => {
    const violations = await resourceViolations(restrictedPodSecurity, edit(goodGpuDeployment(), change));
    expect(violations).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
  });

  it('checks init containers too, and accepts container-level settings in place of pod-level ones', async () => {
    const withInit = edit(goodGpuDeployment(), (p) => {
      podSpec(p).securityContext = {};
      for (const c of podSpec(p).containers) {
        Object.assign(c.securityContext, { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      }
      podSpec(p).initContainers = [{ name: 'fetch', image: 'busybox:1.36', securityContext: {} }];
    });
    const violations = await resourceViolations(restrictedPodSecurity, withInit);
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.every((v) => v.startsWith('initContainers[0] (fetch)'))).toBe(true);
  });
});

describe('no-latest-image-tag', () => {
  it.each([
    ['ghcr.io/suoke-life/agent-runtime:latest', /uses the moving tag :latest/],
    ['ghcr.io/suoke-life/agent-runtime', /has no tag/],
    ['localhost:5000/agent-runtime', /has no tag/],
  ])('rejects %s', async (image, message) => {
    const bad = edit(goodGpuDeployment(), (p) => (podSpec(p).containers[1].image = image));
    expect(await resourceViolations(noLatestTag, bad)).toEqual([expect.stringMatching(message)]);
  });

  it('accepts a registry with a port and a version tag', async () => {
    const good = edit(
      goodGpuDeployment(),
      (p) => (podSpec(p).containers[1].image = 'localhost:5000/agent-runtime:0.1.0'),
    );
    expect(await resourceViolations(noLatestTag, good)).toEqual([]);
  });

  it('checks CronJob pods', async () => {
    const cron: TestResource = {
      type: 'kubernetes:batch/v1:CronJob',
      name: 'cron',
      props: {
        spec: {
          jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'redis' }] } } } },
        },
      },
    };
    expect(await resourceViolations(noLatestTag, cron)).toEqual([
      expect.stringContaining("image 'redis' has no tag"),
    ]);
  });
});

describe('replicated-deployments-have-pdb', () => {
  const pdb = (namespace: string, matchLabels: Record<string, string>): TestResource => ({
    type: 'kubernetes:policy/v1:PodDisruptionBudget',
    name: `pdb-${namespace}`,
    props: {
      metadata: { name: 'xiaoai-v1', namespace },
      spec: { maxUnavailable: 1, selector: { matchLabels } },
    },
  });

  it('rejects a Deployment of two replicas without a PDB, naming it', async () => {
    const deployment = goodGpuDeployment();
    const violations = await stackViolations(deploymentPdb, [deployment]);
    expect(violations).toEqual([
      {
        message: expect.stringContaining('Deployment suoke-system/xiaoai-v1 runs 2 replicas'),
        urn: urnOf(deployment),
      },
    ]);
  });

  it('rejects a PDB in another namespace or selecting other pods', async () => {
    const deployment = goodGpuDeployment();
    expect(await stackViolations(deploymentPdb, [deployment, pdb('other', { app: 'xiaoai' })])).toHaveLength(
      1,
    );
    expect(
      await stackViolations(deploymentPdb, [deployment, pdb('suoke-system', { app: 'xiaoke' })]),
    ).toHaveLength(1);
  });

  it('passes a Deployment whose pods a PDB selects', async () => {
    expect(
      await stackViolations(deploymentPdb, [goodGpuDeployment(), pdb('suoke-system', { app: 'xiaoai' })]),
    ).toEqual([]);
  });

  it('passes a single-replica Deployment without a PDB', async () => {
    const single = edit(goodGpuDeployment(), (p) => (p.spec.replicas = 1));
    expect(await stackViolations(deploymentPdb, [single])).toEqual([]);
  });

  it('counts the minReplicas of an HPA that scales the Deployment', async () => {
    const hpaManaged = edit(goodGpuDeployment(), (p) => delete p.spec.replicas);
    const hpa: TestResource = {
      type: 'kubernetes:autoscaling/v2:HorizontalPodAutoscaler',
      name: 'hpa',
      props: {
        metadata: { name: 'xiaoai-v1', namespace: 'suoke-system' },
        spec: {
          minReplicas: 2,
          maxReplicas: 10,
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'xiaoai-v1' },
        },
      },
    };
    expect(await stackViolations(deploymentPdb, [hpaManaged])).toEqual([]);
    expect(await stackViolations(deploymentPdb, [hpaManaged, hpa])).toEqual([
      expect.objectContaining({ message: expect.stringContaining('runs 2 replicas') }),
    ]);
  });
});
