/**
 * The operator's tracing flags reach the workloads it applies: parsed flags → the Manager's settings →
 * the rollout controllers → render() → the runtime container of each version's Deployment, on the fake
 * API server. Without the flags, no tracing variable is applied.
 */
import { KubeClient } from '../../operators/kit/client.js';
import { parseFlags } from '../../operators/kit/flags.js';
import { Manager } from '../../operators/kit/manager.js';
import { OperatorMetrics } from '../../operators/kit/metrics.js';
import { operatorSettings, rolloutControllers } from '../../operators/main.js';
import { waitFor } from '../support/wait.js';
import { Harness, NS } from './harness.js';

const COLLECTOR = 'http://suoke-otel-collector.suoke-modelops-system.svc:4318';

type Env = { name: string; value?: string; valueFrom?: unknown };

let h: Harness;
let manager: Manager | undefined;

beforeEach(async () => {
  h = await Harness.start();
});
afterEach(async () => {
  await manager?.stop();
  manager = undefined;
  await h.stop();
});

async function startOperator(argv: string[]): Promise<void> {
  manager = new Manager({
    client: new KubeClient(h.api.kubeConfig()),
    metricsBindAddress: '0',
    healthProbeBindAddress: '0',
    leaderElection: { enabled: false },
    metrics: new OperatorMetrics({ processMetrics: false }),
    clock: h.clock,
    settings: operatorSettings(parseFlags(argv, {})),
  });
  for (const factory of rolloutControllers({ metricsProvider: h.metrics })) manager.add(factory);
  await manager.start();
}

/** The runtime container's environment of the applied Deployment `demo-v1`, once it exists. */
async function appliedRuntimeEnv(): Promise<Env[]> {
  await h.createModel();
  await h.createVersion('v1');
  const deployment = await waitFor(
    () =>
      h.api
        .list({ apiVersion: 'apps/v1', kind: 'Deployment' }, NS)
        .find((d) => d.metadata.name === 'demo-v1'),
    { description: 'Deployment demo-v1 applied', timeoutMs: 20_000 },
  );
  const containers = (deployment as any).spec.template.spec.containers as { name: string; env: Env[] }[];
  return containers.find((c) => c.name === 'runtime')!.env;
}

describe('the operator with --tracing-endpoint', () => {
  it('applies every runtime container with the OpenTelemetry variables of the flags', async () => {
    await startOperator([`--tracing-endpoint=${COLLECTOR}`, '--tracing-sampling-ratio=0.2']);
    const env = await appliedRuntimeEnv();
    expect(env).toEqual(
      expect.arrayContaining([
        { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: COLLECTOR },
        { name: 'OTEL_TRACES_SAMPLER', value: 'parentbased_traceidratio' },
        { name: 'OTEL_TRACES_SAMPLER_ARG', value: '0.2' },
        { name: 'OTEL_SERVICE_NAME', value: 'demo' },
        { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
        { name: 'OTEL_RESOURCE_ATTRIBUTES', value: `k8s.namespace.name=${NS},k8s.pod.name=$(POD_NAME)` },
      ]),
    );
  });

  it('applies no tracing variable without the flag', async () => {
    await startOperator([]);
    const env = await appliedRuntimeEnv();
    expect(env.length).toBeGreaterThan(0);
    expect(env.filter((e) => /^OTEL_/.test(e.name) || e.name === 'POD_NAME')).toEqual([]);
  });
});
