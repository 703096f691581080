import { KubeClient } from '../../operators/kit/client.js';
import type { KubeObject } from '../../operators/kit/resource.js';
import { createTrafficRouter } from '../../operators/traffic/factory.js';
import { IstioRouter } from '../../operators/traffic/istio.js';
import {
  DEPLOYMENT,
  ReplicaRatioRouter,
  replicaSplit,
  sharesOf,
} from '../../operators/traffic/replica-ratio.js';
import { startFakeApiServer, type FakeApiServer } from '../support/fake-api-server/index.js';

describe('replicaSplit', () => {
  it.each([
    ['exact split', 10, [90, 10], [9, 1]],
    ['coarse split with few replicas', 4, [90, 10], [3, 1]],
    ['ties go to the version listed first', 3, [50, 50], [2, 1]],
    ['every weighted version keeps one replica', 3, [98, 1, 1], [1, 1, 1]],
    ['the total grows to one per weighted version', 1, [50, 50], [1, 1]],
    ['weight 0 means no replicas', 5, [100, 0], [5, 0]],
    ['everything on the canary', 6, [0, 100], [0, 6]],
    ['three versions', 10, [70, 20, 10], [7, 2, 1]],
    ['remainders decide', 7, [75, 25], [5, 2]],
  ])('%s: %d replicas for %j → %j', (_name, total, weights, expected) => {
    const split = replicaSplit(
      total,
      weights.map((weight, i) => ({ version: `v${i + 1}`, weight })),
    );
    expect([...split.values()]).toEqual(expected);
  });

  it.each([
    [
      [9, 1],
      [90, 10],
    ],
    [
      [3, 1],
      [75, 25],
    ],
    [
      [1, 1, 1],
      [34, 33, 33],
    ],
    [
      [0, 0],
      [0, 0],
    ],
  ])('replicas %j are shares %j', (replicas, shares) => {
    const weights = sharesOf(new Map(replicas.map((r, i) => [`v${i + 1}`, r])));
    expect(weights.map((w) => w.weight)).toEqual(shares);
  });
});

describe('ReplicaRatioRouter against the API server', () => {
  let api: FakeApiServer;
  let client: KubeClient;
  const target = { namespace: 'suoke-ai', model: 'demo' };

  const deployment = (version: string, replicas: number): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `demo-${version}`, namespace: 'suoke-ai', labels: { app: 'demo', version } },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'demo', version } },
      template: {
        metadata: { labels: { app: 'demo', version } },
        spec: { containers: [{ name: 'runtime', image: 'ghcr.io/suoke-life/agent-runtime:0.1.0' }] },
      },
    },
  });
  const replicas = async (version: string) =>
    ((await client.get<KubeObject>(DEPLOYMENT, 'suoke-ai', `demo-${version}`)).spec as { replicas: number })
      .replicas;
  /** What the Deployment controller and kubelets would report once the pods are ready. */
  const markReady = async (version: string) => {
    const d = await client.get<KubeObject>(DEPLOYMENT, 'suoke-ai', `demo-${version}`);
    await client.replaceStatus(DEPLOYMENT, {
      ...d,
      status: { readyReplicas: (d.spec as { replicas: number }).replicas },
    });
  };

  beforeAll(async () => {
    api = await startFakeApiServer({ namespaces: ['suoke-ai'] });
    client = new KubeClient(api.kubeConfig());
    await client.create(DEPLOYMENT, deployment('v1', 9));
    await client.create(DEPLOYMENT, deployment('v2', 1));
  });

  afterAll(async () => {
    await api.stop();
  });

  it('splits the running capacity by weight, reads the ready shares back, and is idempotent', async () => {
    const router = new ReplicaRatioRouter(client);
    await router.reconcile(target, ['v1', 'v2']);
    expect(
      await router.setWeights(target, [
        { version: 'v1', weight: 70 },
        { version: 'v2', weight: 30 },
      ]),
    ).toBe(true);
    expect([await replicas('v1'), await replicas('v2')]).toEqual([7, 3]);
    await markReady('v1');
    await markReady('v2');
    expect(await router.getWeights(target)).toEqual([
      { version: 'v1', weight: 70 },
      { version: 'v2', weight: 30 },
    ]);
    const writes = api.writes;
    expect(
      await router.setWeights(target, [
        { version: 'v1', weight: 70 },
        { version: 'v2', weight: 30 },
      ]),
    ).toBe(false);
    expect(api.writes).toBe(writes);
    // A fresh router (a restarted operator) finds the same split from the cluster alone.
    expect(await new ReplicaRatioRouter(client).getWeights(target)).toEqual([
      { version: 'v1', weight: 70 },
      { version: 'v2', weight: 30 },
    ]);
    await router.finalize(target, 'v2');
    expect([await replicas('v1'), await replicas('v2')]).toEqual([0, 10]);
  });

  it('names a missing Deployment', async () => {
    await expect(new ReplicaRatioRouter(client).reconcile(target, ['v1', 'v3'])).rejects.toThrow(
      'Deployment suoke-ai/demo-v3 of version v3 not found; the AIModel controller creates it',
    );
  });
});

describe('createTrafficRouter', () => {
  const client = {} as KubeClient;
  it('builds the named router', () => {
    expect(createTrafficRouter('istio', client)).toBeInstanceOf(IstioRouter);
    expect(createTrafficRouter('replica-ratio', client)).toBeInstanceOf(ReplicaRatioRouter);
  });
  it('throws on an unknown name instead of falling back', () => {
    expect(() => createTrafficRouter('linkerd', client)).toThrow(
      "--traffic-router: unknown router 'linkerd'; use one of istio, replica-ratio",
    );
  });
});
