import { ClusterClient } from '../../operators/kit/cluster-client.js';
import { KubeClient } from '../../operators/kit/client.js';
import { DEPLOYMENT, SERVICE } from '../../operators/kinds.js';
import type { KubeObject } from '../../operators/kit/resource.js';
import { createTrafficRouter } from '../../operators/traffic/factory.js';
import { IstioRouter } from '../../operators/traffic/istio.js';
import { RoutesNotFoundError } from '../../operators/traffic/router.js';
import {
  TRAFFIC_SPLIT_ANNOTATION,
  ReplicaRatioRouter,
  parseSplit,
  renderedReplicas,
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

describe('renderedReplicas', () => {
  const split = (weights: Record<string, number>, replicas: Record<string, number>) => ({
    weights,
    replicas,
  });
  it.each([
    ['no split yet: the first version is autoscaled', undefined, [['v1', 'Promoted']], {}],
    [
      'no split yet: a canary runs no pods',
      undefined,
      [
        ['v1', 'Promoted'],
        ['v2', 'Deploying'],
      ],
      { v2: 0 },
    ],
    [
      'a version with all the traffic is autoscaled, a deploying canary runs no pods',
      split({ v1: 100 }, { v1: 4 }),
      [
        ['v1', 'Promoted'],
        ['v2', 'Deploying'],
      ],
      { v2: 0 },
    ],
    [
      'versions sharing traffic keep the replicas the router chose',
      split({ v1: 90, v2: 10 }, { v1: 9, v2: 1 }),
      [
        ['v1', 'Promoted'],
        ['v2', 'Progressing'],
      ],
      { v1: 9, v2: 1 },
    ],
    [
      'the warm previous stable runs no pods after a promotion',
      split({ v1: 0, v2: 100 }, { v1: 0, v2: 10 }),
      [
        ['v2', 'Promoted'],
        ['v1', 'Superseded'],
      ],
      { v1: 0 },
    ],
    [
      'a canary rolling back at weight 0 runs no pods',
      split({ v1: 100, v2: 0 }, { v1: 10, v2: 0 }),
      [
        ['v1', 'Promoted'],
        ['v2', 'RollingBack'],
      ],
      { v2: 0 },
    ],
  ])('%s', (_name, recorded, running, expected) => {
    expect(
      renderedReplicas(
        recorded,
        running.map(([version, phase]) => ({ version: version as string, phase: phase as string })),
      ),
    ).toEqual(expected);
  });
});

describe('parseSplit', () => {
  it('reads a recorded split and nothing when there is none', () => {
    expect(parseSplit('{"weights":{"v1":90,"v2":10},"replicas":{"v1":9,"v2":1}}', 'Service a/b')).toEqual({
      weights: { v1: 90, v2: 10 },
      replicas: { v1: 9, v2: 1 },
    });
    expect(parseSplit(undefined, 'Service a/b')).toBeUndefined();
  });
  it.each([
    ['not JSON', '{', 'is not JSON'],
    ['no weights', '{"replicas":{}}', "has no 'weights' object"],
    ['a fraction', '{"weights":{"v1":0.5},"replicas":{}}', 'weights.v1 (0.5) is not a whole number'],
  ])('names the Service, the annotation and the fix for %s', (_name, raw, why) => {
    expect(() => parseSplit(raw, 'Service suoke-ai/demo')).toThrow(
      `Service suoke-ai/demo: annotation ${TRAFFIC_SPLIT_ANNOTATION} ${why}; remove the annotation and the router records the split again at the next step`,
    );
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
  const readyReplicas = async (version: string) =>
    (
      (await client.get<KubeObject>(DEPLOYMENT, 'suoke-ai', `demo-${version}`)).status as {
        readyReplicas: number;
      }
    ).readyReplicas;
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
    await client.create(SERVICE, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'demo', namespace: 'suoke-ai', labels: { app: 'demo' } },
      spec: { selector: { app: 'demo' }, ports: [{ name: 'http', port: 80, targetPort: 8000 }] },
    });
  });

  afterAll(async () => {
    await api.stop();
  });

  it('before any split, reports the shares of the replicas; without the Service, routes not found', async () => {
    const router = new ReplicaRatioRouter(ClusterClient.direct(client));
    await expect(router.getWeights({ namespace: 'suoke-ai', model: 'other' })).rejects.toThrow(
      RoutesNotFoundError,
    );
    expect(await router.getWeights(target)).toEqual([
      { version: 'v1', weight: 90 },
      { version: 'v2', weight: 10 },
    ]);
  });

  it('records the weights it set and reports them exactly, with the approximation apart; idempotent', async () => {
    const router = new ReplicaRatioRouter(ClusterClient.direct(client));
    await router.reconcile(target, ['v1', 'v2']);
    // 70/30 of 10 replicas, then 90/10 of the same 10: a split in force keeps its total.
    expect(
      await router.setWeights(target, [
        { version: 'v1', weight: 70 },
        { version: 'v2', weight: 30 },
      ]),
    ).toBe(true);
    expect([await replicas('v1'), await replicas('v2')]).toEqual([7, 3]);
    await router.setWeights(target, [
      { version: 'v1', weight: 95 },
      { version: 'v2', weight: 5 },
    ]);
    // 9.5/0.5 → 9/1: the approximation is coarser than the weights, which are reported as set.
    expect([await replicas('v1'), await replicas('v2')]).toEqual([9, 1]);
    await markReady('v1');
    await markReady('v2');
    expect(await router.getWeights(target)).toEqual([
      { version: 'v1', weight: 95 },
      { version: 'v2', weight: 5 },
    ]);
    // What clients get: shares of the ready replicas behind the one Service.
    const ready = new Map([
      ['v1', await readyReplicas('v1')],
      ['v2', await readyReplicas('v2')],
    ]);
    expect(sharesOf(ready)).toEqual([
      { version: 'v1', weight: 90 },
      { version: 'v2', weight: 10 },
    ]);
    const writes = api.writes;
    expect(
      await router.setWeights(target, [
        { version: 'v1', weight: 95 },
        { version: 'v2', weight: 5 },
      ]),
    ).toBe(false);
    expect(api.writes).toBe(writes);
    // A fresh router (a restarted operator) reads the same split from the cluster alone.
    expect(await new ReplicaRatioRouter(ClusterClient.direct(client)).recordedSplit(target)).toEqual({
      weights: { v1: 95, v2: 5 },
      replicas: { v1: 9, v2: 1 },
    });
    await router.finalize(target, 'v2');
    expect([await replicas('v1'), await replicas('v2')]).toEqual([0, 10]);
    expect(await router.getWeights(target)).toEqual([
      { version: 'v1', weight: 0 },
      { version: 'v2', weight: 100 },
    ]);
  });

  it('takes the total of a new split from what the version with all the traffic runs now', async () => {
    const router = new ReplicaRatioRouter(ClusterClient.direct(client));
    // The autoscaler of v2 (all the traffic) has scaled it from 10 to 4.
    await client.patch(DEPLOYMENT, 'suoke-ai', 'demo-v2', { spec: { replicas: 4 } }, 'merge');
    await router.setWeights(target, [
      { version: 'v1', weight: 50 },
      { version: 'v2', weight: 50 },
    ]);
    expect([await replicas('v1'), await replicas('v2')]).toEqual([2, 2]);
  });

  it('has no matched or mirror routes, and refuses a candidate that needs them before writing anything', async () => {
    const router = new ReplicaRatioRouter(ClusterClient.direct(client));
    expect(router.supports).toEqual({ matches: false, mirror: false });
    expect(await router.getCandidate(target)).toBeUndefined();
    const writes = api.writes;
    const weights = [
      { version: 'v1', weight: 100 },
      { version: 'v2', weight: 0 },
    ];
    for (const routing of [
      { matches: [{ header: { name: 'x-model-version', exact: 'v2' } }] },
      { matches: [{ cookie: { name: 'cohort', exact: 'beta' } }] },
      { mirrorPercent: 10 },
    ]) {
      await expect(router.setWeights(target, weights, { version: 'v2', routing })).rejects.toThrow(
        "model suoke-ai/demo: version 'v2' needs header or cookie matches or a mirror, and the replica-ratio router cannot match headers or mirror requests; use --traffic-router=istio",
      );
    }
    expect(api.writes).toBe(writes);
    // Plain routing asks for nothing besides the weight.
    await router.setWeights(target, weights, { version: 'v2', routing: { matches: [] } });
    expect(await router.getWeights(target)).toEqual(weights);
  });

  it('names a missing Deployment', async () => {
    await expect(
      new ReplicaRatioRouter(ClusterClient.direct(client)).reconcile(target, ['v1', 'v3']),
    ).rejects.toThrow(
      'Deployment suoke-ai/demo-v3 of version v3 not found; the AIModel controller creates it',
    );
  });
});

describe('createTrafficRouter', () => {
  const client = {} as KubeClient;
  it('builds the named router', () => {
    expect(createTrafficRouter('istio', ClusterClient.direct(client))).toBeInstanceOf(IstioRouter);
    expect(createTrafficRouter('replica-ratio', ClusterClient.direct(client))).toBeInstanceOf(
      ReplicaRatioRouter,
    );
  });
  it('throws on an unknown name instead of falling back', () => {
    expect(() => createTrafficRouter('linkerd', ClusterClient.direct(client))).toThrow(
      "--traffic-router: unknown router 'linkerd'; use one of istio, gateway-api, replica-ratio",
    );
  });
});
