/** `pulumi preview` of the prod stack (Pulumi.prod.yaml) under mocks, with the real charts. */
import type { Recorder } from './support/pulumi-mocks.js';
import { isSecretEnvelope } from './support/pulumi-mocks.js';
import {
  AIMODEL,
  clearText,
  customResourcesWithCrds,
  policyPackViolations,
} from './support/stack-assertions.js';
import { runStack, type StackRun } from './support/stack-program.js';

const REDIS_PASSWORD = 'prod-redis-password-9876543210';
const DOCKER_CONFIG = '{"auths":{"ghcr.io":{"auth":"cHJvZC1wdWxsLXRva2Vu"}}}';
let run: StackRun;
let recorder: Recorder;

beforeAll(async () => {
  run = await runStack('prod', { redisPassword: REDIS_PASSWORD, registryCredentials: DOCKER_CONFIG });
  recorder = run.recorder;
});

const aimodel = (name: string) => recorder.get(AIMODEL, `AIModel:suoke-ai/${name}`).inputs;
const OPERATOR = [
  'kubernetes:apps/v1:Deployment',
  'Deployment:suoke-modelops-system/suoke-modelops-operator',
] as const;

describe('prod stack', () => {
  it('requests GPUs only for the agents whose models need them', () => {
    expect(aimodel('xiaoai').spec.resources.gpu).toMatchObject({ count: 1, resourceName: 'nvidia.com/gpu' });
    expect(aimodel('laoke').spec.resources.gpu).toMatchObject({
      count: 0.5,
      resourceName: 'nvidia.com/gpu.shared',
    });
    expect(aimodel('xiaoke').spec.resources.gpu).toBeUndefined();
    expect(aimodel('soer').spec.resources.gpu).toBeUndefined();
  });

  it('keeps the replica bounds of the deployment report and runs three operators with a PDB', () => {
    const bounds = (name: string) => [
      aimodel(name).spec.scaling.minReplicas,
      aimodel(name).spec.scaling.maxReplicas,
    ];
    expect(['xiaoai', 'xiaoke', 'laoke', 'soer'].map(bounds)).toEqual([
      [2, 10],
      [2, 8],
      [1, 6],
      [1, 5],
    ]);
    const operator = recorder.get(...OPERATOR);
    expect(operator.inputs.spec.replicas).toBe(3);
    expect(operator.inputs.spec.template.spec.containers[0].args).toEqual(
      expect.arrayContaining(['--traffic-router=istio']),
    );
    expect(recorder.byType('kubernetes:policy/v1:PodDisruptionBudget').map((r) => r.name)).toContain(
      'PodDisruptionBudget:suoke-modelops-system/suoke-modelops-operator',
    );
  });

  it('points the agents at the Redis Cluster and runs no Redis of its own', () => {
    expect(recorder.byType('kubernetes:apps/v1:StatefulSet')).toEqual([]);
    expect(aimodel('xiaoai').spec.runtime.redis).toEqual({
      mode: 'cluster',
      clusterNodes: [
        'redis-cluster-0.redis-cluster.suoke-data.svc:6379',
        'redis-cluster-1.redis-cluster.suoke-data.svc:6379',
        'redis-cluster-2.redis-cluster.suoke-data.svc:6379',
      ],
      passwordSecretRef: { name: 'suoke-redis-auth', key: 'password' },
    });
  });

  it('serves the agents through the Istio gateway over HTTPS', () => {
    const gateway = recorder.get(
      'kubernetes:networking.istio.io/v1:Gateway',
      'Gateway:suoke-ai/suoke-agents',
    );
    expect(JSON.stringify(gateway.inputs.spec)).toContain('agents.suoke.life');
    expect(JSON.stringify(gateway.inputs.spec)).toContain('suoke-agents-tls');
    expect(aimodel('xiaoai').spec.traffic.gateways).toEqual(['suoke-ai/suoke-agents']);
  });

  it('installs every custom resource after its CRD and the operator', () => {
    const operator = recorder.get(...OPERATOR);
    const pairs = customResourcesWithCrds(recorder);
    expect(pairs.length).toBeGreaterThanOrEqual(4 + 4); // four AIModels and their first versions
    for (const { cr, crd } of pairs)
      expect(cr.dependencies).toEqual(expect.arrayContaining([crd.urn, operator.urn]));
  });

  it('keeps the Redis password and the registry credentials secret, in both namespaces for the latter', () => {
    const secrets = recorder.byType('kubernetes:core/v1:Secret');
    expect(secrets.map((s) => s.name).sort()).toEqual([
      'Secret:suoke-ai/suoke-redis-auth',
      'Secret:suoke-ai/suoke-registry-credentials',
      'Secret:suoke-modelops-system/suoke-registry-credentials',
    ]);
    for (const secret of secrets) expect(isSecretEnvelope(secret.wireInputs.stringData)).toBe(true);
    const clear = clearText(recorder);
    expect(clear).not.toContain(REDIS_PASSWORD);
    expect(clear).not.toContain('cHJvZC1wdWxsLXRva2Vu');
    const operatorAccount = recorder.get(
      'kubernetes:core/v1:ServiceAccount',
      'ServiceAccount:suoke-modelops-system/suoke-modelops-operator',
    );
    expect(operatorAccount.inputs.imagePullSecrets).toEqual([{ name: 'suoke-registry-credentials' }]);
  });

  it('exports the gateway endpoint and the operator and Grafana URLs', () => {
    expect(run.exports).toEqual({
      namespace: 'suoke-modelops-system',
      agentNamespace: 'suoke-ai',
      gatewayEndpoint: 'https://agents.suoke.life',
      operatorMetricsUrl: 'http://suoke-modelops-operator-metrics.suoke-modelops-system.svc:8080/metrics',
      grafanaUrl: 'https://grafana.suoke.life',
      prometheusUrl: 'http://prometheus-operated.monitoring.svc:9090',
    });
  });

  it('passes its own policy pack', async () => {
    expect(await policyPackViolations(recorder)).toEqual([]);
  });
});
