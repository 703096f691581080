/**
 * `pulumi preview` of the dev stack with tracing turned on through the OpenTelemetry Collector
 * (`pulumi config set --path tracing.collector true` and its backend), under mocks, with the real
 * charts: the operator gets the tracing flags pointing at the collector, the collector is declared
 * in the operator namespace open to the agents, and the stack still passes its policy pack.
 */
import type { PlatformConfig } from '../../stacks/config.js';
import { platformTracing } from '../../stacks/suoke-charts.js';
import type { Recorder } from './support/pulumi-mocks.js';
import { kubernetesObjects, policyPackViolations } from './support/stack-assertions.js';
import { runStack } from './support/stack-program.js';

const NS = 'suoke-modelops-dev';
const COLLECTOR = 'suoke-otel-collector';
const JAEGER = 'http://jaeger-collector.observability.svc:4318';

let recorder: Recorder;

beforeAll(async () => {
  ({ recorder } = await runStack(
    'dev',
    { redisPassword: 'dev-redis-password-0123456789' },
    {
      tracing: JSON.stringify({ collector: true, collectorExporterEndpoint: JAEGER, samplingRatio: 0.2 }),
    },
  ));
});

describe('dev stack with tracing through the collector', () => {
  it('starts the operator with the collector as its tracing endpoint and the ratio', () => {
    const args: string[] = recorder.get(
      'kubernetes:apps/v1:Deployment',
      `Deployment:${NS}/suoke-modelops-operator`,
    ).inputs.spec.template.spec.containers[0].args;
    expect(args).toEqual(
      expect.arrayContaining([
        `--tracing-endpoint=http://${COLLECTOR}.${NS}.svc:4318`,
        '--tracing-sampling-ratio=0.2',
      ]),
    );
  });

  it('declares the collector in the operator namespace, forwarding to the backend, open to the agents', () => {
    const names = kubernetesObjects(recorder)
      .filter((r) => r.inputs.metadata?.name === COLLECTOR)
      .map((r) => r.name)
      .sort();
    expect(names).toEqual(
      [
        `ConfigMap:${NS}/${COLLECTOR}`,
        `Deployment:${NS}/${COLLECTOR}`,
        `NetworkPolicy:${NS}/${COLLECTOR}`,
        `PodDisruptionBudget:${NS}/${COLLECTOR}`,
        `Service:${NS}/${COLLECTOR}`,
        `ServiceAccount:${NS}/${COLLECTOR}`,
      ].sort(),
    );
    const config = recorder.get('kubernetes:core/v1:ConfigMap', `ConfigMap:${NS}/${COLLECTOR}`);
    expect(config.inputs.data['collector.yaml']).toContain(`endpoint: ${JAEGER}`);
    // The collector admits the agents of this stack.
    const policy = recorder.get(
      'kubernetes:networking.k8s.io/v1:NetworkPolicy',
      `NetworkPolicy:${NS}/${COLLECTOR}`,
    );
    expect(policy.inputs.spec.ingress[0].from).toEqual([
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'suoke-ai-dev' } } },
    ]);
  });

  it('passes its own policy pack', async () => {
    expect(await policyPackViolations(recorder)).toEqual([]);
  });
});

describe('platformTracing', () => {
  const tracing = (keys: PlatformConfig['tracing']) => platformTracing({ tracing: keys } as PlatformConfig);

  it('renders no tracing while neither an endpoint nor the collector is set', () => {
    expect(tracing({ samplingRatio: 1, collector: false })).toEqual({});
  });

  it('passes an endpoint and the ratio as they are', () => {
    expect(tracing({ endpoint: 'https://otlp.example.com', samplingRatio: 0.5, collector: false })).toEqual({
      tracing: { endpoint: 'https://otlp.example.com', samplingRatio: 0.5 },
    });
  });

  it('turns the collector on with its backend, leaving the endpoint to default to the collector', () => {
    expect(tracing({ samplingRatio: 1, collector: true, collectorExporterEndpoint: JAEGER })).toEqual({
      tracing: { samplingRatio: 1, collector: { enabled: true, exporterEndpoint: JAEGER } },
    });
  });
});
