/**
 * The controller as the operator runs it (Manager, informers, work queue) on the fake API server with a
 * real registry: a new ModelRegistry gets its status, and the pass that our own status write triggers
 * writes nothing (no write → event → write loop).
 */
import { KubeClient } from '../../operators/kit/client.js';
import { Manager } from '../../operators/kit/manager.js';
import { OperatorMetrics } from '../../operators/kit/metrics.js';
import { modelRegistryController } from '../../operators/model-registry/index.js';
import type { ModelRegistryObject } from '../../operators/model-registry/resources.js';
import { startFakeApiServer, type FakeApiServer } from '../support/fake-api-server/index.js';
import { OciRegistry, pushArtifact } from '../support/oci-registry.js';
import { waitFor } from '../support/wait.js';

const REGISTRY = { apiVersion: 'ai.suoke.life/v1alpha1', kind: 'ModelRegistry' };

describe('ModelRegistry controller in a running manager', () => {
  let api: FakeApiServer;
  let oci: OciRegistry;
  let manager: Manager;
  let metrics: OperatorMetrics;

  beforeAll(async () => {
    [api, oci] = await Promise.all([
      startFakeApiServer({ crds: ['project'], namespaces: ['agents'] }),
      OciRegistry.start(),
    ]);
    await pushArtifact({ url: oci.url, repository: 'suoke-life/soer', tag: '1.0.0' });
    metrics = new OperatorMetrics({ processMetrics: false });
    manager = new Manager({
      client: new KubeClient(api.kubeConfig()),
      metricsBindAddress: '0',
      healthProbeBindAddress: '0',
      leaderElection: { enabled: false },
      metrics,
      informerTuning: { initialBackoffMs: 20, maxBackoffMs: 200 },
    });
    manager.add(modelRegistryController);
    await manager.start();
  });

  afterAll(async () => {
    await manager?.stop();
    await Promise.all([api?.stop(), oci?.dispose()]);
  });

  it('writes status once for a new registry and settles', async () => {
    api.create({
      ...REGISTRY,
      metadata: { name: 'suoke-oci', namespace: 'agents' },
      spec: { type: 'oci', url: oci.url, sync: { models: [{ name: 'suoke-life/soer' }] } },
    });
    const status = await waitFor(
      () =>
        (api.get(REGISTRY, 'agents', 'suoke-oci') as ModelRegistryObject).status?.discoveredVersions
          ?.length === 1,
      { description: 'the registry to be synced' },
    );
    expect(status).toBe(true);
    // Our own status write queues one more pass; wait for it, then check that it wrote nothing.
    const passes = async () =>
      (await metrics.reconcileTotal.get()).values
        .filter((v) => v.labels['controller'] === 'model-registry')
        .reduce((n, v) => n + v.value, 0);
    await waitFor(async () => (await passes()) >= 2, { description: 'the pass caused by the status write' });
    const statusWrites = api.writeLog.filter((w) => w.kind === 'ModelRegistry');
    expect(statusWrites.map((w) => w.verb)).toEqual(['create', 'update-status']);
    const reg = api.get(REGISTRY, 'agents', 'suoke-oci') as ModelRegistryObject;
    expect(reg.status?.conditions?.map((c) => [c.type, c.status])).toEqual([
      ['Connected', 'True'],
      ['Synced', 'True'],
    ]);
  });
});
