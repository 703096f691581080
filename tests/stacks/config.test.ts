/** Stack config: defaults, accepted values, and bad values rejected with the key's name and the fix. */
import * as pulumi from '@pulumi/pulumi';
import { loadPlatformConfig, stackConfigReader, StackConfigError } from '../../stacks/config.js';
import { installMocks } from './support/pulumi-mocks.js';

const P = 'suoke-modelops';
const PASSWORD = { [`${P}:redisPassword`]: 'pw-for-tests' };

beforeAll(async () => {
  await installMocks({ project: P, stack: 'config', config: {} });
});

function load(values: Record<string, unknown>, secretKeys: string[] = [`${P}:redisPassword`]) {
  const config = Object.fromEntries(
    Object.entries(values).map(([k, v]) => [
      k.includes(':') ? k : `${P}:${k}`,
      typeof v === 'string' ? v : JSON.stringify(v),
    ]),
  );
  pulumi.runtime.setAllConfig(config, secretKeys);
  return loadPlatformConfig(stackConfigReader(new pulumi.Config()));
}

function failure(values: Record<string, unknown>): StackConfigError {
  try {
    load(values);
  } catch (error) {
    expect(error).toBeInstanceOf(StackConfigError);
    expect(pulumi.RunError.isInstance(error)).toBe(true); // shown without a stack trace
    return error as StackConfigError;
  }
  throw new Error(`config ${JSON.stringify(values)} was accepted`);
}

describe('stack config', () => {
  it('defaults to the four agents, no GPUs, in-cluster Redis, Istio, pinned 0.1.0 images', () => {
    const { config, secrets } = load(PASSWORD);
    expect(config).toEqual({
      namespace: 'suoke-modelops-system',
      agentNamespace: 'suoke-ai',
      images: {
        operator: { repository: 'ghcr.io/suoke-life/modelops-operator', tag: '0.1.0' },
        runtime: { repository: 'ghcr.io/suoke-life/agent-runtime', tag: '0.1.0' },
      },
      agents: ['xiaoai', 'xiaoke', 'laoke', 'soer'],
      gpu: { enabled: false, product: undefined },
      replicaScale: 1,
      redis: { mode: 'statefulset', storage: '8Gi', clusterNodes: [] },
      istio: { enabled: true },
      trafficRouter: 'istio',
      gateway: { host: undefined, tlsSecretName: undefined },
      prometheusUrl: 'http://prometheus-operated.monitoring.svc:9090',
      grafanaUrl: undefined,
      operatorReplicas: 2,
      tracing: {
        endpoint: undefined,
        samplingRatio: 1,
        collector: false,
        collectorExporterEndpoint: undefined,
      },
    });
    expect(Object.isFrozen(config.gpu)).toBe(true);
    expect(secrets.redisUrl).toBeUndefined();
  });

  it('reads every key, with maps given the way `pulumi config set --path` stores them', () => {
    const { config } = load({
      ...PASSWORD,
      namespace: 'agents',
      agentNamespace: 'agents-ai',
      images: { runtime: { repository: 'registry.example.com:5000/suoke/runtime', tag: '0.2.0-rc.1' } },
      agents: ['xiaoai', 'laoke'],
      gpu: { enabled: 'true', product: 'NVIDIA-A100-SXM4-40GB' },
      replicaScale: '0.5',
      redis: { mode: 'cluster', clusterNodes: ['redis-0.example:6379'] },
      istio: { enabled: false },
      trafficRouter: 'gateway-api',
      prometheusUrl: 'https://prom.example.com/',
      operatorReplicas: '3',
    });
    expect(config).toMatchObject({
      namespace: 'agents',
      agentNamespace: 'agents-ai',
      images: { runtime: { repository: 'registry.example.com:5000/suoke/runtime', tag: '0.2.0-rc.1' } },
      agents: ['xiaoai', 'laoke'],
      gpu: { enabled: true, product: 'NVIDIA-A100-SXM4-40GB' },
      replicaScale: 0.5,
      redis: { mode: 'cluster', storage: '8Gi', clusterNodes: ['redis-0.example:6379'] },
      istio: { enabled: false },
      trafficRouter: 'gateway-api',
      prometheusUrl: 'https://prom.example.com',
      operatorReplicas: 3,
    });
  });

  it('reads the tracing keys the way `pulumi config set --path tracing.*` stores them', () => {
    const { config } = load({
      ...PASSWORD,
      tracing: {
        endpoint: 'https://otlp.example.com/',
        samplingRatio: '0.1',
        collector: 'true',
        collectorExporterEndpoint: 'http://jaeger-collector.observability.svc:4318',
      },
    });
    expect(config.tracing).toEqual({
      endpoint: 'https://otlp.example.com',
      samplingRatio: 0.1,
      collector: true,
      collectorExporterEndpoint: 'http://jaeger-collector.observability.svc:4318',
    });
  });

  it.each([
    ['in the Istio mesh', {}, 'istio'],
    ['without Istio', { istio: { enabled: false } }, 'replica-ratio'],
  ])('defaults the traffic router to the mesh: %s', (_name, values, router) => {
    expect(load({ ...PASSWORD, ...values }).config.trafficRouter).toBe(router);
  });

  it.each([
    ['gateway-api', { enabled: true }],
    ['gateway-api', { enabled: false }],
    ['replica-ratio', { enabled: true }],
    ['replica-ratio', { enabled: false }],
    ['istio', { enabled: true }],
  ])('takes trafficRouter %s with istio %j', (router, istio) => {
    const { config } = load({ ...PASSWORD, trafficRouter: ` ${router} `, istio });
    expect([config.trafficRouter, config.istio.enabled]).toEqual([router, istio.enabled]);
  });

  it('keeps the external Redis URL a secret', async () => {
    const url = 'rediss://redis.example.com:6380/0';
    const { secrets } = load({ ...PASSWORD, redis: { mode: 'external' }, redisUrl: url }, [`${P}:redisUrl`]);
    expect(await pulumi.isSecret(secrets.redisUrl!)).toBe(true);
    expect(await (secrets.redisUrl as any).promise()).toBe(url);
  });

  it.each([
    ['credentials', 'rediss://:hunter2@redis.example.com:6380/0', /holds credentials/],
    ['another scheme', 'https://redis.example.com', /is not a redis:\/\/ or rediss:\/\/ URL/],
  ])('rejects an external Redis URL with %s, without quoting it', (_name, url, message) => {
    pulumi.runtime.setAllConfig(
      { [`${P}:redisPassword`]: 'pw', [`${P}:redis`]: '{"mode":"external"}', [`${P}:redisUrl`]: url },
      [`${P}:redisPassword`, `${P}:redisUrl`],
    );
    const error = (() => {
      try {
        loadPlatformConfig(stackConfigReader(new pulumi.Config()));
      } catch (e) {
        return e as Error;
      }
      throw new Error('accepted');
    })();
    expect(error).toBeInstanceOf(StackConfigError);
    expect(error.message).toMatch(new RegExp(`^Invalid stack config '${P}:redisUrl': `));
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain(url);
  });

  const bad: [string, Record<string, unknown>, string, RegExp][] = [
    ['a namespace that is not a DNS label', { namespace: 'Suoke_System' }, 'namespace', /DNS-1123 label/],
    [
      'an unknown key',
      { namespce: 'x' },
      'namespce',
      /not a setting of this program.*Fix: pulumi config rm namespce/,
    ],
    ['a :latest image', { images: { runtime: { tag: 'latest' } } }, 'images.runtime.tag', /"latest" moves/],
    [
      'an image tag YAML reads as a number (1.10 would deploy as 1.1)',
      { images: { runtime: { tag: 1.1 } } },
      'images.runtime.tag',
      /1\.1 is not an image tag/,
    ],
    [
      'an image with its tag in the repository',
      { images: { operator: { repository: 'ghcr.io/x:1' } } },
      'images.operator.repository',
      /not an image repository/,
    ],
    [
      'a misspelt images field',
      { images: { runtmie: {} } },
      'images.runtmie',
      /not a known field.*Allowed: images.operator, images.runtime/,
    ],
    [
      'an unknown agent',
      { agents: ['xiaoai', 'bob'] },
      'agents',
      /"bob" is not a known agent.*Allowed: names from xiaoai, xiaoke, laoke, soer/,
    ],
    ['an agent listed twice', { agents: ['soer', 'soer'] }, 'agents', /listed twice/],
    ['agents that are not a list', { agents: 'xiaoai' }, 'agents', /not a non-empty list/],
    [
      'gpu.enabled that is not a boolean',
      { gpu: { enabled: 'yes' } },
      'gpu.enabled',
      /"yes" is not a boolean.*Allowed: true or false.*Fix: pulumi config set --path gpu.enabled/,
    ],
    [
      'a GPU product without GPUs',
      { gpu: { product: 'NVIDIA-L4' } },
      'gpu.product',
      /while gpu.enabled is false/,
    ],
    [
      'a zero replica scale',
      { replicaScale: '0' },
      'replicaScale',
      /out of range.*greater than 0 and at most 10/,
    ],
    [
      'a replica scale that is not a number',
      { replicaScale: 'lots' },
      'replicaScale',
      /"lots" is not a number/,
    ],
    [
      'an unknown Redis mode',
      { redis: { mode: 'sentinel' } },
      'redis.mode',
      /"sentinel" is not allowed.*Allowed: one of statefulset, cluster, external/,
    ],
    [
      'a Redis Cluster without seed nodes',
      { redis: { mode: 'cluster' } },
      'redis.clusterNodes',
      /required when/,
    ],
    [
      'seed nodes that are not host:port',
      { redis: { mode: 'cluster', clusterNodes: ['r0'] } },
      'redis.clusterNodes',
      /host:port/,
    ],
    [
      'seed nodes without cluster mode',
      { redis: { clusterNodes: ['r0:6379'] } },
      'redis.clusterNodes',
      /only used when/,
    ],
    [
      'a volume size without in-cluster Redis',
      { redis: { mode: 'external', storage: '8Gi' } },
      'redis.storage',
      /only used when/,
    ],
    [
      'one namespace for operator and agents',
      { namespace: 'suoke', agentNamespace: 'suoke' },
      'agentNamespace',
      /operator's namespace/,
    ],
    [
      'a bad Redis volume size',
      { redis: { storage: '8 gigs' } },
      'redis.storage',
      /not a Kubernetes quantity/,
    ],
    [
      'a gateway host without Istio',
      { istio: { enabled: false }, gateway: { host: 'a.example.com' } },
      'gateway.host',
      /istio.enabled is false/,
    ],
    [
      'a gateway host without a TLS secret',
      { gateway: { host: 'agents.example.com' } },
      'gateway.tlsSecretName',
      /HTTPS only/,
    ],
    [
      'a TLS secret without a host',
      { gateway: { tlsSecretName: 'tls' } },
      'gateway.tlsSecretName',
      /without gateway.host/,
    ],
    [
      'a Prometheus URL without a scheme',
      { prometheusUrl: 'prometheus:9090' },
      'prometheusUrl',
      /http:\/\/ or https:\/\//,
    ],
    [
      'an unknown traffic router',
      { trafficRouter: 'linkerd' },
      'trafficRouter',
      /"linkerd" is not a traffic router\. Allowed: istio, gateway-api, replica-ratio\. Fix: pulumi config set trafficRouter <value>/,
    ],
    [
      'the istio router without Istio',
      { trafficRouter: 'istio', istio: { enabled: false } },
      'trafficRouter',
      /is istio, which routes through the Istio mesh, but istio.enabled is false\. Allowed: gateway-api or replica-ratio/,
    ],
    [
      'the Istio gateway with the gateway-api router',
      { trafficRouter: 'gateway-api', gateway: { host: 'a.example.com', tlsSecretName: 'tls' } },
      'gateway.host',
      /only the istio router binds, but trafficRouter is gateway-api.*spec\.traffic\.parentRefs.*Fix: pulumi config rm --path gateway.host/,
    ],
    ['too many operator replicas', { operatorReplicas: 9 }, 'operatorReplicas', /out of range/],
    ['a fractional operator replica count', { operatorReplicas: 1.5 }, 'operatorReplicas', /not an integer/],
    [
      'a tracing endpoint without a scheme',
      { tracing: { endpoint: 'otel-collector:4318' } },
      'tracing.endpoint',
      /"otel-collector:4318" is not an http\(s\) URL/,
    ],
    [
      'a sampling ratio above 1',
      { tracing: { endpoint: 'http://otel.example:4318', samplingRatio: '1.5' } },
      'tracing.samplingRatio',
      /out of range.*from 0 to 1/,
    ],
    [
      'a sampling ratio with tracing off',
      { tracing: { samplingRatio: '0.5' } },
      'tracing.samplingRatio',
      /has no effect: tracing is off.*Fix: pulumi config set --path tracing.endpoint/,
    ],
    [
      'a collector without a backend',
      { tracing: { collector: 'true' } },
      'tracing.collectorExporterEndpoint',
      /is required with tracing.collector.*Fix: pulumi config set --path tracing.collectorExporterEndpoint/,
    ],
    [
      'a backend without the collector',
      { tracing: { collectorExporterEndpoint: 'http://jaeger-collector.observability.svc:4318' } },
      'tracing.collectorExporterEndpoint',
      /only used with tracing.collector/,
    ],
    [
      'a collector that is not a boolean',
      { tracing: { collector: 'yes' } },
      'tracing.collector',
      /"yes" is not a boolean/,
    ],
    ['a misspelt tracing field', { tracing: { sampleRatio: 1 } }, 'tracing.sampleRatio', /not a known field/],
  ];
  it.each(bad)('rejects %s, naming the key', (_name, values, key, message) => {
    const error = failure({ ...PASSWORD, ...values });
    expect(error.key).toBe(`${P}:${key}`);
    expect(error.message).toMatch(
      new RegExp(`^Invalid stack config '${P}:${key.replace(/[.[\]]/g, '\\$&')}': `),
    );
    expect(error.message).toMatch(message);
  });

  it('reports every bad key at once, each with its key, what was given, what is allowed and its fix', () => {
    const error = failure({ namespace: 'Suoke_System', gateway: { host: 'agents.example.com' } });
    expect(error.problems).toEqual([
      {
        key: `${P}:namespace`,
        problem: '"Suoke_System" is not a DNS-1123 label',
        allowed: 'lower-case letters, digits and "-", up to 63',
        fix: 'pulumi config set namespace <value>',
      },
      {
        key: `${P}:gateway.tlsSecretName`,
        problem: 'is required with gateway.host: the agents are served over HTTPS only',
        allowed: 'the name of a kubernetes.io/tls Secret in the ingress gateway namespace',
        fix: 'pulumi config set --path gateway.tlsSecretName <secret>',
      },
      {
        key: `${P}:redisPassword`,
        problem: 'is required: Redis without a password would hold every session open',
        allowed: 'a secret string',
        fix: 'pulumi config set --secret redisPassword <a long random string>',
      },
    ]);
    expect(error.message.split('\n')).toEqual([
      `Invalid stack config '${P}:namespace': "Suoke_System" is not a DNS-1123 label. Allowed: lower-case letters, digits and "-", up to 63. Fix: pulumi config set namespace <value>`,
      `Invalid stack config '${P}:gateway.tlsSecretName': is required with gateway.host: the agents are served over HTTPS only. Allowed: the name of a kubernetes.io/tls Secret in the ingress gateway namespace. Fix: pulumi config set --path gateway.tlsSecretName <secret>`,
      `Invalid stack config '${P}:redisPassword': is required: Redis without a password would hold every session open. Allowed: a secret string. Fix: pulumi config set --secret redisPassword <a long random string>`,
    ]);
    // The first problem stays on the error itself, for callers that handle one.
    expect([error.key, error.fix]).toEqual([`${P}:namespace`, 'pulumi config set namespace <value>']);
  });

  it.each([
    [
      'a gateway host without Istio and without a TLS secret',
      { istio: { enabled: false }, gateway: { host: 'a.example.com' } },
      ['gateway.host', 'gateway.tlsSecretName'],
    ],
    [
      'a volume size without in-cluster Redis, and no URL for the external one',
      { redis: { mode: 'external', storage: '8Gi' } },
      ['redis.storage', 'redisUrl'],
    ],
    [
      'typos at the top and inside a map',
      { namespce: 'x', gpu: { enabeld: true } },
      ['namespce', 'gpu.enabeld'],
    ],
    ['an unknown agent and a duplicate', { agents: ['bob', 'soer', 'soer'] }, ['agents', 'agents']],
    [
      'the istio router and a gateway host without Istio',
      {
        trafficRouter: 'istio',
        istio: { enabled: false },
        gateway: { host: 'a.example.com', tlsSecretName: 't' },
      },
      ['trafficRouter', 'gateway.host'],
    ],
  ])('reports %s together, in the order of the keys', (_name, values, keys) => {
    expect(failure({ ...PASSWORD, ...values }).problems.map((p) => p.key)).toEqual(
      keys.map((k) => `${P}:${k}`),
    );
  });

  it('checks a rule only on valid keys: a bad redis.mode is reported once, for what it is', () => {
    const error = failure({ ...PASSWORD, redis: { mode: 'sentinel', clusterNodes: ['r0:6379'] } });
    expect(error.problems.map((p) => p.key)).toEqual([`${P}:redis.mode`]);
  });

  it('says how to replace a list given as a string', () => {
    expect(failure({ ...PASSWORD, agents: 'xiaoai' }).fix).toBe(
      "pulumi config rm agents && pulumi config set --path 'agents[0]' <value>",
    );
  });

  it('requires a secret Redis password, and says how to set it', () => {
    const error = failure({});
    expect(error.key).toBe(`${P}:redisPassword`);
    expect(error.fix).toBe('pulumi config set --secret redisPassword <a long random string>');
  });

  it('requires the external Redis URL for mode external, and refuses it otherwise', () => {
    expect(failure({ ...PASSWORD, redis: { mode: 'external' } }).key).toBe(`${P}:redisUrl`);
    expect(failure({ ...PASSWORD, redisUrl: 'redis://x:6379' }).message).toMatch(
      /only used when redis.mode is external/,
    );
  });
});
