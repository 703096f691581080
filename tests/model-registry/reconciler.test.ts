/**
 * The ModelRegistry reconciler on the fake API server (project CRDs, so every status write and every
 * created ModelVersion passes the real schema and CEL rules) against a real docker-registry, driven
 * by repeated reconcile() calls with an injected clock.
 */
import { KubeClient } from '../../operators/kit/client.js';
import { ClusterClient } from '../../operators/kit/cluster-client.js';
import { SharedInformers } from '../../operators/kit/informers.js';
import { CacheSync } from '../support/cache-sync.js';
import type { Clock } from '../../operators/kit/clock.js';
import { EventRecorder } from '../../operators/kit/events.js';
import { LABEL_AUTO_CREATED, LABEL_REGISTRY } from '../../operators/model-registry/auto-create.js';
import { ModelRegistryReconciler } from '../../operators/model-registry/reconciler.js';
import {
  MODEL_REGISTRY as MODEL_REGISTRY_RT,
  MODEL_VERSION as MODEL_VERSION_RT,
} from '../../operators/kinds.js';
import type { ModelRegistryObject } from '../../operators/model-registry/resources.js';
import { startFakeApiServer, type FakeApiServer, type KubeObject } from '../support/fake-api-server/index.js';
import { OciRegistry, pushArtifact } from '../support/oci-registry.js';

const NS = 'agents';
const REGISTRY = { apiVersion: 'ai.suoke.life/v1alpha1', kind: 'ModelRegistry' };
const MODEL_VERSION = { apiVersion: 'ai.suoke.life/v1alpha1', kind: 'ModelVersion' };
const EVENT = { apiVersion: 'events.k8s.io/v1', kind: 'Event' };
const auth = { username: 'robot', password: 'pull-only-secret' };

class TestClock implements Clock {
  constructor(public t = Date.parse('2026-03-01T08:00:00Z')) {}
  now(): number {
    return this.t;
  }
  setTimer(): { cancel(): void } {
    return { cancel: () => undefined };
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

const secret = (name: string, data: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name, namespace: NS },
  type: 'Opaque',
  data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
});

describe('ModelRegistry reconciler', () => {
  let api: FakeApiServer;
  let oci: OciRegistry;
  let clock: TestClock;
  let reconciler: ModelRegistryReconciler;

  const registryObject = (name: string, spec: Record<string, unknown>): KubeObject => ({
    ...REGISTRY,
    metadata: { name, namespace: NS },
    spec: { type: 'oci', url: oci.url, auth: { secretRef: { name: 'registry-credentials' } }, ...spec },
  });
  const status = (name: string) => (api.get(REGISTRY, NS, name) as ModelRegistryObject).status!;
  const condition = (name: string, type: string) => status(name).conditions?.find((c) => c.type === type);
  const events = (reason?: string) =>
    api.list(EVENT, NS).filter((e) => reason === undefined || e['reason'] === reason) as Array<
      KubeObject & { reason: string; note: string; type: string }
    >;
  /** How often an event happened: identical repeats are one Event whose series counts them. */
  const occurrences = (reason: string) =>
    events(reason).reduce((n, e) => n + ((e['series'] as { count?: number } | undefined)?.count ?? 1), 0);
  let informers: SharedInformers;
  let caches: CacheSync;
  /** One pass, once the reconciler's caches hold what the API server holds (as a queued one runs). */
  const reconcile = async (name: string) => {
    await caches.wait();
    return reconciler.reconcile({ namespace: NS, name });
  };
  const versions = () => api.list(MODEL_VERSION, NS) as Array<KubeObject & { spec: Record<string, any> }>;

  beforeAll(async () => {
    [api, oci] = await Promise.all([
      startFakeApiServer({ crds: ['project'], namespaces: [NS] }),
      OciRegistry.start({ users: { [auth.username]: auth.password } }),
    ]);
    api.create(secret('registry-credentials', auth));
    api.create(secret('wrong-credentials', { username: 'robot', password: 'not-it' }));
    api.create(secret('no-keys', { apikey: 'x' }));
    api.create(
      secret('pull-secret-elsewhere', {
        '.dockerconfigjson': JSON.stringify({
          auths: { 'other.example.com': { username: 'x', password: 'y' } },
        }),
      }),
    );
    api.create(
      secret('pull-secret', {
        '.dockerconfigjson': JSON.stringify({
          auths: {
            'other.example.com': { auth: Buffer.from('x:y').toString('base64') },
            [oci.host]: { auth: Buffer.from(`${auth.username}:${auth.password}`).toString('base64') },
          },
        }),
      }),
    );
  });

  afterAll(async () => {
    await Promise.all([api?.stop(), oci?.dispose()]);
  });

  beforeEach(async () => {
    clock = new TestClock();
    const client = new KubeClient(api.kubeConfig());
    informers = new SharedInformers(client);
    informers.informersFor(MODEL_REGISTRY_RT);
    informers.informersFor(MODEL_VERSION_RT);
    caches = new CacheSync(api, informers);
    informers.start();
    await informers.waitForSync();
    reconciler = new ModelRegistryReconciler({
      client: ClusterClient.cached(client, informers),
      clock,
      events: new EventRecorder(client, { clock }),
    });
  });

  afterEach(async () => {
    await informers.stop();
  });

  it('connects, discovers, creates ModelVersions for new tags, backs off while down and recovers', async () => {
    const repo = 'suoke-life/xiaoai-conversation-llm';
    const digests: Record<string, string> = {};
    for (const tag of ['1.0.0', '1.1.0', 'nightly']) {
      digests[tag] = (await pushArtifact({ url: oci.url, repository: repo, tag, auth })).digest;
    }
    api.create(
      registryObject('suoke-oci', {
        sync: {
          interval: '5m',
          models: [{ name: repo, modelRef: { name: 'xiaoai' }, tags: ['1.*'] }],
          autoCreateVersions: true,
        },
        retry: { initialBackoff: '1s', maxBackoff: '8s', factor: 2 },
        timeout: '3s',
      }),
    );

    // First pass: connected, synced, versions newest first with their digests.
    const first = await reconcile('suoke-oci');
    expect(first.requeueAfter).toBe(300_000);
    expect(condition('suoke-oci', 'Connected')).toMatchObject({ status: 'True', reason: 'ProbeSucceeded' });
    expect(condition('suoke-oci', 'Synced')).toMatchObject({ status: 'True', reason: 'SyncSucceeded' });
    const st = status('suoke-oci');
    expect(st.latencyMs).toEqual(expect.any(Number));
    expect(st.lastProbeTime).toBe('2026-03-01T08:00:00.000Z');
    expect(st.consecutiveFailures).toBe(0);
    expect(st.observedGeneration).toBe(1);
    expect(st.discoveredVersions?.map((v) => [v.version, v.digest])).toEqual([
      ['1.1.0', digests['1.1.0']],
      ['1.0.0', digests['1.0.0']],
    ]);
    expect(st.discoveredVersions?.[0]?.uri).toBe(`oci://${oci.host}/${repo}:1.1.0`);
    // Adopting a registry starts at most one rollout per model: only the newest version.
    expect(versions().map((v) => v.metadata.name)).toEqual(['xiaoai-1.1.0']);
    expect(events('Connected')).toHaveLength(1);

    // An early pass (e.g. caused by our own status write) probes nothing and writes nothing.
    api.resetCounters();
    clock.advance(10_000);
    expect((await reconcile('suoke-oci')).requeueAfter).toBe(290_000);
    expect(api.writes).toBe(0);

    // A new tag appears on the next sync and becomes exactly one ModelVersion.
    const pushed = await pushArtifact({ url: oci.url, repository: repo, tag: '1.2.0', auth });
    clock.advance(290_000);
    await reconcile('suoke-oci');
    expect(status('suoke-oci').discoveredVersions?.map((v) => v.version)).toEqual([
      '1.2.0',
      '1.1.0',
      '1.0.0',
    ]);
    expect(status('suoke-oci').discoveredVersions?.[0]).toMatchObject({
      digest: pushed.digest,
      discoveredAt: '2026-03-01T08:05:00.000Z',
    });
    const created = api.get(MODEL_VERSION, NS, 'xiaoai-1.2.0') as KubeObject & {
      spec: Record<string, unknown>;
    };
    expect(created.spec).toEqual({
      modelRef: { name: 'xiaoai' },
      version: '1.2.0',
      artifact: { uri: `oci://${oci.host}/${repo}:1.2.0`, digest: pushed.digest },
      changelog: expect.stringContaining('suoke-oci'),
    });
    expect(created.metadata.labels).toMatchObject({
      [LABEL_AUTO_CREATED]: 'true',
      [LABEL_REGISTRY]: 'suoke-oci',
      model: 'xiaoai',
    });
    // Not owned by the registry: deleting the registry must not delete a version serving production.
    expect(created.metadata.ownerReferences ?? []).toEqual([]);
    // Event names end in a random suffix, so the list order says nothing.
    expect(events('VersionCreated')).toHaveLength(2);
    expect(events('VersionCreated').map((e) => e.note)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('xiaoai-1.1.0'),
        expect.stringContaining(`xiaoai-1.2.0 for xiaoai from ${repo}@1.2.0 (${pushed.digest})`),
      ]),
    );

    // A version someone already applied under another name is never duplicated; nor is any on a re-sync.
    api.create({
      ...MODEL_VERSION,
      metadata: { name: 'xiaoai-from-ci', namespace: NS },
      spec: {
        modelRef: { name: 'xiaoai' },
        version: '1.3.0',
        artifact: { uri: `oci://${oci.host}/${repo}:1.3.0` },
      },
    });
    await pushArtifact({ url: oci.url, repository: repo, tag: '1.3.0', auth });
    clock.advance(300_000);
    await reconcile('suoke-oci');
    clock.advance(300_000);
    await reconcile('suoke-oci');
    expect(
      versions()
        .map((v) => v.metadata.name)
        .sort(),
    ).toEqual(['xiaoai-1.1.0', 'xiaoai-1.2.0', 'xiaoai-from-ci']);
    expect(status('suoke-oci').discoveredVersions).toHaveLength(4);

    // Registry down: Connected False with a reason a person understands, failures count up, backoff grows.
    await oci.stop();
    clock.advance(300_000);
    const delays: number[] = [];
    delays.push((await reconcile('suoke-oci')).requeueAfter!);
    expect(condition('suoke-oci', 'Connected')).toMatchObject({
      status: 'False',
      reason: 'ConnectionRefused',
    });
    expect(condition('suoke-oci', 'Connected')?.message).toMatch(
      /connection refused; is the registry running/,
    );
    expect(status('suoke-oci').lastError).toMatch(/connection refused/);
    expect(status('suoke-oci').consecutiveFailures).toBe(1);
    // Woken early (our own status write queues another pass): it waits out the backoff, writing nothing.
    api.resetCounters();
    expect((await reconcile('suoke-oci')).requeueAfter).toBe(1_000);
    expect(api.writes).toBe(0);
    for (let i = 0; i < 4; i++) {
      clock.advance(delays.at(-1)!);
      delays.push((await reconcile('suoke-oci')).requeueAfter!);
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
    expect(status('suoke-oci').consecutiveFailures).toBe(5);
    expect(events('Disconnected')).toHaveLength(1);
    expect(events('Disconnected')[0]).toMatchObject({
      type: 'Warning',
      note: expect.stringMatching(/^ConnectionRefused: /),
    });
    // What was discovered stays while the registry is away.
    expect(status('suoke-oci').discoveredVersions).toHaveLength(4);

    // Back: Connected True, failures reset, one Connected event more.
    await oci.start();
    clock.advance(8_000);
    expect((await reconcile('suoke-oci')).requeueAfter).toBeGreaterThan(0);
    expect(condition('suoke-oci', 'Connected')).toMatchObject({ status: 'True', reason: 'ProbeSucceeded' });
    expect(status('suoke-oci').consecutiveFailures).toBe(0);
    expect(status('suoke-oci').lastError).toBeUndefined();
    expect(occurrences('Connected')).toBe(2);
  });

  it.each([
    ['wrong-credentials', 'AuthFailed', /401 Unauthorized; check the credentials in the Secret/],
    [
      'missing-secret',
      'CredentialsUnavailable',
      /Secret 'agents\/missing-secret' named by spec.auth.secretRef does not exist/,
    ],
    [
      'pull-secret-elsewhere',
      'CredentialsUnavailable',
      /\.dockerconfigjson has no entry for 127\.0\.0\.1:\d+ under 'auths'/,
    ],
    [
      'no-keys',
      'CredentialsUnavailable',
      /has keys \[apikey\]; it needs 'username' and 'password', 'token', or '.dockerconfigjson'/,
    ],
  ])('with Secret %s: Connected False, reason %s', async (secretName, reason, message) => {
    const name = `creds-${secretName}`;
    api.create(registryObject(name, { auth: { secretRef: { name: secretName } } }));
    await reconcile(name);
    expect(condition(name, 'Connected')).toMatchObject({
      status: 'False',
      reason,
      message: expect.stringMatching(message),
    });
    expect(JSON.stringify(status(name))).not.toContain('not-it');
  });

  it('takes basic credentials for its host from a .dockerconfigjson pull Secret', async () => {
    api.create(registryObject('pull-secret-registry', { auth: { secretRef: { name: 'pull-secret' } } }));
    await reconcile('pull-secret-registry');
    expect(condition('pull-secret-registry', 'Connected')).toMatchObject({ status: 'True' });
  });

  it('reports a ModelVersion the API server refuses as a Warning Event and still records the sync', async () => {
    const repo = 'suoke-life/refused';
    await pushArtifact({ url: oci.url, repository: repo, tag: '1.0.0', auth });
    const tooLong = 'a'.repeat(41); // AIModel names are at most 40 characters
    api.create(
      registryObject('refused', {
        sync: { models: [{ name: repo, modelRef: { name: tooLong } }], autoCreateVersions: true },
      }),
    );
    await reconcile('refused');
    expect(condition('refused', 'Synced')?.status).toBe('True');
    expect(status('refused').discoveredVersions?.map((v) => v.version)).toEqual(['1.0.0']);
    expect(versions().filter((v) => v.spec['modelRef'].name === tooLong)).toEqual([]);
    expect(events('VersionCreateFailed')).toEqual([
      expect.objectContaining({
        type: 'Warning',
        note: expect.stringContaining(`${repo}@1.0.0: ModelVersion`),
      }),
    ]);
  });

  it('refuses credentials in spec.url and says where they belong', async () => {
    api.create(registryObject('url-creds', { url: oci.url.replace('http://', 'http://robot:pw@') }));
    await reconcile('url-creds');
    expect(condition('url-creds', 'Connected')).toMatchObject({ status: 'False', reason: 'InvalidSpec' });
    expect(condition('url-creds', 'Connected')?.message).toMatch(
      /put them in the Secret named by spec.auth.secretRef/,
    );
  });

  it('reports a tracked repository that does not exist as Synced False, keeping Connected True', async () => {
    api.create(registryObject('missing-repo', { sync: { models: [{ name: 'suoke-life/nowhere' }] } }));
    const result = await reconcile('missing-repo');
    expect(condition('missing-repo', 'Connected')?.status).toBe('True');
    expect(condition('missing-repo', 'Synced')).toMatchObject({ status: 'False', reason: 'SyncFailed' });
    expect(condition('missing-repo', 'Synced')?.message).toMatch(
      /model 'suoke-life\/nowhere'.*no such repository/,
    );
    expect(result.requeueAfter).toBe(1_000);
    expect(events('SyncFailed').some((e) => e.note.includes('nowhere'))).toBe(true);
  });

  it('probes only, when no models are tracked, and re-probes at the interval without writing', async () => {
    api.create(registryObject('probe-only', { sync: { interval: '1m' } }));
    expect((await reconcile('probe-only')).requeueAfter).toBe(60_000);
    expect(condition('probe-only', 'Synced')).toMatchObject({ reason: 'SyncDisabled' });
    api.resetCounters();
    clock.advance(60_000);
    expect((await reconcile('probe-only')).requeueAfter).toBe(60_000);
    expect(api.writes).toBe(0);
  });

  it('acts on a spec change at once, even while backing off', async () => {
    const closed = await OciRegistry.start();
    const deadUrl = closed.url;
    await closed.dispose();
    api.create(registryObject('moved', { url: deadUrl, retry: { initialBackoff: '1m', maxBackoff: '1h' } }));
    expect((await reconcile('moved')).requeueAfter).toBe(60_000);
    expect(condition('moved', 'Connected')?.status).toBe('False');
    const client = new KubeClient(api.kubeConfig());
    await client.patch(MODEL_REGISTRY_RT, NS, 'moved', { spec: { url: oci.url } });
    clock.advance(1_000);
    await reconcile('moved');
    expect(condition('moved', 'Connected')).toMatchObject({ status: 'True', observedGeneration: 2 });
    expect(status('moved')).toMatchObject({ observedGeneration: 2, consecutiveFailures: 0 });
  });

  it('ignores a registry that no longer exists', async () => {
    expect(await reconcile('never-existed')).toEqual({});
  });
});
