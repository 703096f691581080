/** `pulumi preview` of the dev stack (Pulumi.dev.yaml) under mocks, with the real charts. */
import type { Recorder } from './support/pulumi-mocks.js';
import {
  AIMODEL,
  clearText,
  CRD,
  customResourcesWithCrds,
  kubernetesObjects,
  policyPackViolations,
} from './support/stack-assertions.js';
import { runStack, type StackRun } from './support/stack-program.js';

const REDIS_PASSWORD = 'dev-redis-password-0123456789';
let run: StackRun;
let recorder: Recorder;

beforeAll(async () => {
  run = await runStack('dev', { redisPassword: REDIS_PASSWORD });
  recorder = run.recorder;
});

const aimodel = (name: string) => recorder.get(AIMODEL, `AIModel:suoke-ai-dev/${name}`).inputs;

describe('dev stack', () => {
  it('declares the four agents in the agents namespace, without GPUs', () => {
    expect(
      recorder
        .byType(AIMODEL)
        .map((r) => r.name)
        .sort(),
    ).toEqual(['laoke', 'soer', 'xiaoai', 'xiaoke'].map((a) => `AIModel:suoke-ai-dev/${a}`));
    for (const name of ['xiaoai', 'xiaoke', 'laoke', 'soer']) {
      expect(aimodel(name).spec.resources.gpu).toBeUndefined();
    }
    // Nothing but the CRDs' field descriptions mentions a GPU.
    const objects = kubernetesObjects(recorder).filter((r) => r.type !== CRD);
    expect(JSON.stringify(objects.map((r) => r.inputs))).not.toMatch(/nvidia\.com\/gpu|gpu\.product/);
  });

  it('halves the replica bounds (replicaScale 0.5) and runs one operator', () => {
    const bounds = (name: string) => [
      aimodel(name).spec.scaling.minReplicas,
      aimodel(name).spec.scaling.maxReplicas,
    ];
    expect(bounds('xiaoai')).toEqual([1, 5]); // 2-10
    expect(bounds('xiaoke')).toEqual([1, 4]); // 2-8
    expect(bounds('laoke')).toEqual([1, 3]); // 1-6
    expect(bounds('soer')).toEqual([1, 3]); // 1-5 (2.5 rounds up)
    const operator = recorder.get(
      'kubernetes:apps/v1:Deployment',
      'Deployment:suoke-modelops-dev/suoke-modelops-operator',
    );
    expect(operator.inputs.spec.replicas).toBe(1);
    expect(operator.inputs.spec.template.spec.containers[0].image).toBe(
      'ghcr.io/suoke-life/modelops-operator:0.1.0',
    );
    expect(operator.inputs.spec.template.spec.containers[0].args).toEqual(
      expect.arrayContaining(['--traffic-router=replica-ratio']),
    );
  });

  it('runs Redis in the cluster and points every agent at it with the password Secret', () => {
    const redis = recorder.get('kubernetes:apps/v1:StatefulSet', 'StatefulSet:suoke-ai-dev/suoke-redis');
    expect(redis.inputs.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBe('1Gi');
    for (const name of ['xiaoai', 'xiaoke', 'laoke', 'soer']) {
      expect(aimodel(name).spec.runtime).toMatchObject({
        image: 'ghcr.io/suoke-life/agent-runtime:0.1.0',
        redis: {
          mode: 'standalone',
          url: 'redis://suoke-redis.suoke-ai-dev.svc:6379',
          passwordSecretRef: { name: 'suoke-redis-auth', key: 'password' },
        },
      });
    }
  });

  it('declares no Istio objects when Istio is off', () => {
    expect(recorder.registrations.filter((r) => /istio\.io/.test(r.type))).toEqual([]);
  });

  it('installs every custom resource after its CRD and the operator', () => {
    const operator = recorder.get(
      'kubernetes:apps/v1:Deployment',
      'Deployment:suoke-modelops-dev/suoke-modelops-operator',
    );
    const pairs = customResourcesWithCrds(recorder);
    expect(pairs.map((p) => p.cr.type).sort()).toEqual(
      expect.arrayContaining([
        AIMODEL,
        'kubernetes:ai.suoke.life/v1alpha1:ModelVersion',
        'kubernetes:ai.suoke.life/v1alpha1:ModelRegistry',
      ]),
    );
    for (const { cr, crd } of pairs) {
      expect(cr.dependencies).toEqual(expect.arrayContaining([crd.urn, operator.urn]));
    }
    const namespaces = recorder.byType('kubernetes:core/v1:Namespace').map((n) => n.urn);
    for (const crd of recorder.byType(CRD))
      expect(crd.dependencies.slice().sort()).toEqual(namespaces.slice().sort());
  });

  it('parents every object to the SuokePlatform component', () => {
    const component = recorder.get('suoke:platform:SuokePlatform', 'suoke');
    const objects = kubernetesObjects(recorder);
    expect(objects.length).toBeGreaterThan(0);
    for (const object of objects) expect(object.parent).toBe(component.urn);
  });

  it('keeps the Redis password a secret', () => {
    const secret = recorder.get('kubernetes:core/v1:Secret', 'Secret:suoke-ai-dev/suoke-redis-auth');
    expect(secret.inputs.stringData).toEqual({ password: REDIS_PASSWORD });
    expect(clearText(recorder)).not.toContain(REDIS_PASSWORD);
  });

  it('exports the namespaces and the operator metrics URL, and no gateway', () => {
    expect(run.exports).toEqual({
      namespace: 'suoke-modelops-dev',
      agentNamespace: 'suoke-ai-dev',
      gatewayEndpoint: undefined,
      operatorMetricsUrl: 'http://suoke-modelops-operator-metrics.suoke-modelops-dev.svc:8080/metrics',
      grafanaUrl: undefined,
      prometheusUrl: 'http://prometheus-operated.monitoring.svc:9090',
    });
  });

  it('passes its own policy pack', async () => {
    expect(await policyPackViolations(recorder)).toEqual([]);
  });
});
