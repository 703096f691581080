/**
 * The SuokePlatform component on a small chart of known content: one resource per object, names,
 * parents, install order, secrets and outputs, as the Pulumi engine would receive them.
 */
import * as pulumi from '@pulumi/pulumi';
import { ApiObject, Chart } from 'cdk8s';
import { installMocks, isSecretEnvelope, settled, type Recorder } from './support/pulumi-mocks.js';
import { sampleCharts } from './support/sample-charts.js';

const PROJECT = 'suoke-modelops';
const REDIS_PASSWORD = 'correct-horse-battery-staple';
const DOCKER_CONFIG = '{"auths":{"ghcr.io":{"auth":"c2VjcmV0LXRva2Vu"}}}';

let recorder: Recorder;
let mod: typeof import('../../stacks/suoke-platform.js');
let cfg: typeof import('../../stacks/config.js');
let platform: import('../../stacks/suoke-platform.js').SuokePlatform;

const pulumiSecret = (value: string) => pulumi.secret(value);

function outputValue<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((v) => resolve(v)));
}

beforeAll(async () => {
  recorder = await installMocks({
    project: PROJECT,
    stack: 'test',
    config: {
      [`${PROJECT}:namespace`]: 'suoke-test',
      [`${PROJECT}:agentNamespace`]: 'suoke-test-ai',
      [`${PROJECT}:gpu`]: JSON.stringify({ enabled: true }),
      [`${PROJECT}:gateway`]: JSON.stringify({ host: 'agents.example.com', tlsSecretName: 'agents-tls' }),
      [`${PROJECT}:grafanaUrl`]: 'https://grafana.example.com',
      [`${PROJECT}:redisPassword`]: REDIS_PASSWORD,
      [`${PROJECT}:registryCredentials`]: DOCKER_CONFIG,
    },
    secretKeys: [`${PROJECT}:redisPassword`, `${PROJECT}:registryCredentials`],
  });
  // Modules that declare resources are imported only once the mocks are in place.
  mod = await import('../../stacks/suoke-platform.js');
  cfg = await import('../../stacks/config.js');
  const { config, secrets } = cfg.loadPlatformConfig(cfg.stackConfigReader());
  platform = new mod.SuokePlatform('suoke', { config, secrets, charts: sampleCharts });
  await settled([...[...platform.resources.values()].map((r) => r.urn), platform.urn]);
});

const NS = 'kubernetes:core/v1:Namespace';
const CRD = 'kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition';
const DEPLOYMENT = 'kubernetes:apps/v1:Deployment';
const AIMODEL = 'kubernetes:ai.suoke.life/v1alpha1:AIModel';
const SECRET = 'kubernetes:core/v1:Secret';

describe('SuokePlatform', () => {
  it('declares one resource per rendered object, named <Kind>:<namespace>/<name>, typed where Kubernetes has a class', () => {
    const children = recorder.registrations.filter((r) => r.type.startsWith('kubernetes:'));
    expect(children.map((r) => `${r.type}::${r.name}`).sort()).toEqual(
      [
        `${NS}::Namespace:suoke-test`,
        `${NS}::Namespace:suoke-test-ai`,
        `${CRD}::CustomResourceDefinition:aimodels.ai.suoke.life`,
        'kubernetes:core/v1:ServiceAccount::ServiceAccount:suoke-test/operator',
        `${DEPLOYMENT}::Deployment:suoke-test/operator`,
        'kubernetes:core/v1:Service::Service:suoke-test/operator-metrics',
        'kubernetes:apps/v1:StatefulSet::StatefulSet:suoke-test-ai/redis',
        'kubernetes:core/v1:ConfigMap::ConfigMap:suoke-test-ai/redis-connection',
        'kubernetes:networking.istio.io/v1:Gateway::Gateway:suoke-test-ai/agents',
        ...['xiaoai', 'xiaoke', 'laoke', 'soer'].map((a) => `${AIMODEL}::AIModel:suoke-test-ai/${a}`),
        `${SECRET}::Secret:suoke-test-ai/suoke-redis-auth`,
        `${SECRET}::Secret:suoke-test/suoke-registry-credentials`,
        `${SECRET}::Secret:suoke-test-ai/suoke-registry-credentials`,
      ].sort(),
    );
    expect(recorder.get(DEPLOYMENT, 'Deployment:suoke-test/operator').inputs).toMatchObject({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'operator', namespace: 'suoke-test' },
      spec: { replicas: 2 },
    });
  });

  it('is a component of type suoke:platform:SuokePlatform that parents every object', () => {
    const component = recorder.get('suoke:platform:SuokePlatform', 'suoke');
    const children = recorder.registrations.filter((r) => r.type.startsWith('kubernetes:'));
    expect(children.length).toBeGreaterThan(0);
    for (const child of children) {
      expect(child.parent).toBe(component.urn);
    }
  });

  it('installs in order: namespace, CRDs, configuration, operator, then custom resources', () => {
    const urn = (type: string, name: string) => recorder.get(type, name).urn;
    const ns = urn(NS, 'Namespace:suoke-test');
    const crd = urn(CRD, 'CustomResourceDefinition:aimodels.ai.suoke.life');
    const operator = recorder.get(DEPLOYMENT, 'Deployment:suoke-test/operator');
    const agentNs = urn(NS, 'Namespace:suoke-test-ai');
    expect(
      recorder.get(CRD, 'CustomResourceDefinition:aimodels.ai.suoke.life').dependencies.slice().sort(),
    ).toEqual([ns, agentNs].sort());
    const serviceAccount = recorder.get(
      'kubernetes:core/v1:ServiceAccount',
      'ServiceAccount:suoke-test/operator',
    );
    expect(serviceAccount.dependencies).toContain(crd);
    expect(operator.dependencies).toContain(serviceAccount.urn);
    const models = recorder.byType(AIMODEL);
    expect(models.length).toBeGreaterThan(0);
    for (const model of models) {
      expect(model.dependencies).toEqual(expect.arrayContaining([crd, operator.urn]));
    }
  });

  it('gives every custom resource a direct dependency on the CRD that defines it', () => {
    const crds = recorder.byType(CRD).map((c) => ({
      urn: c.urn,
      token: `kubernetes:${c.inputs.spec.group}/${c.inputs.spec.versions[0].name}:${c.inputs.spec.names.kind}`,
    }));
    const customResources = recorder.registrations.filter((r) => crds.some((c) => c.token === r.type));
    expect(customResources).toHaveLength(4);
    for (const cr of customResources) {
      expect(cr.dependencies).toContain(crds.find((c) => c.token === cr.type)!.urn);
    }
  });

  it('creates Secrets from secret stack config and sends their payloads only as Pulumi secrets', () => {
    const redis = recorder.get(SECRET, 'Secret:suoke-test-ai/suoke-redis-auth');
    expect(isSecretEnvelope(redis.wireInputs.stringData)).toBe(true);
    expect(redis.inputs.stringData).toEqual({ password: REDIS_PASSWORD });
    const registry = recorder.get(SECRET, 'Secret:suoke-test-ai/suoke-registry-credentials');
    expect(registry.inputs.type).toBe('kubernetes.io/dockerconfigjson');
    expect(isSecretEnvelope(registry.wireInputs.stringData)).toBe(true);
    // Nowhere else in what reaches the engine does a secret appear outside its envelope.
    const stripEnvelopes = (v: unknown): unknown =>
      isSecretEnvelope(v)
        ? '[secret]'
        : Array.isArray(v)
          ? v.map(stripEnvelopes)
          : v && typeof v === 'object'
            ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, stripEnvelopes(x)]))
            : v;
    const clear = JSON.stringify(recorder.registrations.map((r) => stripEnvelopes(r.wireInputs)));
    expect(clear).not.toContain(REDIS_PASSWORD);
    expect(clear).not.toContain('c2VjcmV0LXRva2Vu');
    // The charts got the Secrets' names to mount.
    expect(
      recorder.get(DEPLOYMENT, 'Deployment:suoke-test/operator').inputs.spec.template.spec.imagePullSecrets,
    ).toEqual([{ name: 'suoke-registry-credentials' }]);
    const redisEnv = recorder.get('kubernetes:apps/v1:StatefulSet', 'StatefulSet:suoke-test-ai/redis').inputs
      .spec.template.spec.containers[0].env[0];
    expect(redisEnv.valueFrom.secretKeyRef).toEqual({ name: 'suoke-redis-auth', key: 'password' });
  });

  it('adds the registry credentials to the ServiceAccounts of both namespaces, so every pod can pull', () => {
    const sa = recorder.get('kubernetes:core/v1:ServiceAccount', 'ServiceAccount:suoke-test/operator');
    expect(sa.inputs.imagePullSecrets).toEqual([{ name: 'suoke-registry-credentials' }]);
  });

  it('outputs the namespace, the gateway endpoint, and the operator and Grafana URLs', async () => {
    expect(await outputValue(platform.namespace)).toBe('suoke-test');
    expect(await outputValue(platform.agentNamespace)).toBe('suoke-test-ai');
    expect(await outputValue(platform.gatewayEndpoint)).toBe('https://agents.example.com');
    expect(await outputValue(platform.operatorMetricsUrl)).toBe(
      'http://operator-metrics.suoke-test.svc:8080/metrics',
    );
    expect(await outputValue(platform.grafanaUrl)).toBe('https://grafana.example.com');
  });

  it('adds the namespace when no chart renders it, first in the order', async () => {
    const { config } = cfg.loadPlatformConfig(cfg.stackConfigReader());
    const other = { ...config, namespace: 'suoke-bare', agentNamespace: 'suoke-bare-ai' };
    const bare = new mod.SuokePlatform('bare', {
      config: other,
      charts: (app) => {
        const chart = new Chart(app, 'only');
        new ApiObject(chart, 'cm', {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'c', namespace: 'suoke-bare' },
        });
      },
    });
    await settled([...bare.resources.values()].map((r) => r.urn));
    const ns = recorder.get(NS, 'Namespace:suoke-bare');
    const agentNs = recorder.get(NS, 'Namespace:suoke-bare-ai');
    expect(ns.inputs.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
    expect(
      recorder.get('kubernetes:core/v1:ConfigMap', 'ConfigMap:suoke-bare/c').dependencies.slice().sort(),
    ).toEqual([ns.urn, agentNs.urn].sort());
  });

  it('puts a secret external Redis URL into the objects that need it as a Pulumi secret only', async () => {
    const { config } = cfg.loadPlatformConfig(cfg.stackConfigReader());
    const url = 'rediss://redis.example.com:6380/0';
    const external = new mod.SuokePlatform('external', {
      config: {
        ...config,
        namespace: 'ext',
        agentNamespace: 'ext-ai',
        redis: { mode: 'external', storage: '8Gi', clusterNodes: [] },
      },
      secrets: { redisPassword: pulumiSecret(REDIS_PASSWORD), redisUrl: pulumiSecret(url) },
      charts: sampleCharts,
    });
    await settled([...external.resources.values()].map((r) => r.urn));
    const connection = recorder.get('kubernetes:core/v1:ConfigMap', 'ConfigMap:ext-ai/redis-connection');
    expect(connection.inputs.data.REDIS_URL).toBe(url);
    expect(isSecretEnvelope((connection.wireInputs.data as Record<string, unknown>).REDIS_URL)).toBe(true);
    expect(JSON.stringify(connection.wireInputs)).not.toContain('suoke-secret-');
    expect(recorder.registrations.filter((r) => r.name.startsWith('StatefulSet:ext-ai/'))).toEqual([]);
  });

  it('sends Secrets a chart renders as Pulumi secrets', async () => {
    const { config } = cfg.loadPlatformConfig(cfg.stackConfigReader());
    const withSecret = new mod.SuokePlatform('chart-secret', {
      config: { ...config, namespace: 'cs', agentNamespace: 'cs-ai' },
      charts: (app) => {
        const chart = new Chart(app, 'c');
        new ApiObject(chart, 's', {
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: 'webhook-token', namespace: 'cs' },
          data: { token: 'dG9wLXNlY3JldA==' },
        });
      },
    });
    await settled([...withSecret.resources.values()].map((r) => r.urn));
    const secret = recorder.get(SECRET, 'Secret:cs/webhook-token');
    expect(isSecretEnvelope(secret.wireInputs.data)).toBe(true);
    expect(secret.inputs.data).toEqual({ token: 'dG9wLXNlY3JldA==' });
  });

  it('refuses an object rendered twice, naming it', () => {
    const { config } = cfg.loadPlatformConfig(cfg.stackConfigReader());
    const twice = () =>
      new mod.SuokePlatform('twice', {
        config: { ...config, namespace: 'suoke-twice', agentNamespace: 'suoke-twice-ai' },
        charts: (app) => {
          for (const id of ['a', 'b']) {
            const chart = new Chart(app, id);
            new ApiObject(chart, 'cm', {
              apiVersion: 'v1',
              kind: 'ConfigMap',
              metadata: { name: 'same', namespace: 'suoke-twice' },
            });
          }
        },
      });
    expect(twice).toThrow('SuokePlatform twice: ConfigMap:suoke-twice/same is rendered twice');
  });

  it('reports a chart that fails to render with the component name and the cause', () => {
    const { config } = cfg.loadPlatformConfig(cfg.stackConfigReader());
    const failing = () =>
      new mod.SuokePlatform('broken', {
        config,
        charts: () => {
          throw new Error(
            "AgentWorkload xiaoai: 'scaling.minReplicas' (3) must not exceed 'scaling.maxReplicas' (2)",
          );
        },
      });
    expect(failing).toThrow(
      /SuokePlatform broken: rendering the charts failed: AgentWorkload xiaoai: 'scaling.minReplicas'/,
    );
  });
});
