/**
 * Rollout strategies end to end, with real processes (see tests/e2e/harness): the operator, a real
 * runtime per version in front of its stub engine, real Prometheus and Redis, and clients of
 * several kinds whose requests the mesh routes by the model's VirtualService as Envoy would (header
 * and cookie matches, weights, mirrors). The tests act as model owners (create ModelVersions) and
 * check what each kind of client saw: blue-green previews reach testers only, an experiment reaches
 * its cohort only, a shadow's answers reach nobody and write nothing a client could later read.
 *
 * The scenarios share one environment and run in order, each from the stable version the previous
 * one left: v1, then v2 (blue-green, promoted), v3 (failing green), v4 (experiment of a slower
 * candidate), v5 (shadow, then a canary).
 */
import { Redis } from 'ioredis';
import { Environment } from './harness/environment.js';
import type { RoutingTable } from './harness/istio-routes.js';
import { AIMODELS, MODEL_VERSIONS } from './harness/kube.js';
import type { ClientKind, ClientRequest, SessionLedger } from './harness/load-generator.js';
import { aiModel, modelVersion, type Promotion } from './harness/objects.js';
import {
  blueGreenPreviewed,
  promotedAndSettled as settled,
  stableVersion as stableOf,
  versionStatus,
  type Suite,
} from './harness/scenarios.js';
import type { VersionStatus } from './harness/status-recorder.js';

const NAMESPACE = 'suoke-ai';
const MODEL = 'demo';
/** Three-turn conversations (user turn and answer each): a session holds twice its turns. */
const SESSION_TURNS = 3;

/** Short timing, one error-rate gate; a strategy's analysed traffic needs 5 requests per window. */
const ROLLOUT: Promotion = {
  interval: '3s',
  progressDeadline: '1m',
  scaleDownDelay: '3s',
  analysis: {
    metrics: [{ name: 'error-rate', builtin: 'error-rate', thresholdRange: { max: 0.05 }, minSamples: 5 }],
    failureLimit: 0,
    inconclusiveLimit: 3,
  },
};

/** Clients with no header that selects anything: they must stay wherever the weights send them. */
const EVERYONE_ELSE = ['plain', 'conversation', 'cached', 'decoy'];
/** The experiment's cohort, by header and by cookie. */
const COHORT = ['cohort', 'cohort-cookie'];

/** The mix of clients, with preview testers asking for `preview` (20 requests/s in all). */
function clients(preview: string): ClientKind[] {
  return [
    { name: 'plain', share: 3 },
    { name: 'conversation', share: 3, sessionTurns: SESSION_TURNS },
    // Deterministic requests the runtime answers from its cache (streams are never cached).
    { name: 'cached', share: 2, params: { temperature: 0 }, stream: false },
    { name: 'cohort', share: 2, headers: { 'x-cohort': 'beta' } },
    // The cohort's cookie among others, and the port in the Host header.
    { name: 'cohort-cookie', share: 2, cookies: { theme: 'dark', cohort: 'beta', lang: 'zh' }, hostPort: 80 },
    // Near misses of the cohort: another header value, a cookie value that only starts alike.
    { name: 'decoy', share: 1, headers: { 'x-cohort': 'betamax' }, cookies: { cohort: 'beta2' } },
    { name: 'preview', share: 3, headers: { 'x-model-version': preview } },
  ];
}

let env: Environment;
let redis: Redis;
const suite: Suite = {
  get env() {
    return env;
  },
  model: MODEL,
  release: (version, promotion) => release(version, promotion),
};

const status = (version: string): Promise<VersionStatus> => versionStatus(suite, version);
const stableVersion = (): Promise<string | undefined> => stableOf(suite);
/** Promoted and done baking: the rollout is over and the next one may start. */
const promotedAndSettled = (version: string): Promise<boolean> => settled(suite, version);

/** Starts a rollout of `version` with preview testers asking for it, and counts from zero. */
async function release(version: string, promotion?: Promotion): Promise<number> {
  env.load.setClients(clients(version));
  env.load.reset();
  const since = Date.now();
  await env.kube.create(MODEL_VERSIONS, modelVersion(NAMESPACE, MODEL, version, promotion));
  return since;
}

/** Versions that answered clients of `kinds` routed by a table `during` accepts. */
function answered(
  kinds: readonly string[],
  during: (table: RoutingTable) => boolean,
): Record<string, number> {
  return env.load.answered((r: ClientRequest) => kinds.includes(r.kind) && during(r.table));
}

const ALL_KINDS = clients('').map((c) => c.name);

beforeAll(async () => {
  env = await Environment.start({
    namespace: NAMESPACE,
    model: MODEL,
    ratePerSecond: 20,
    redis: true,
    clients: clients('v1'),
  });
  redis = new Redis(env.redis!.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  await env.startOperator();
  await env.kube.create(
    AIMODELS,
    aiModel(NAMESPACE, MODEL, ROLLOUT, { runtime: { redis: env.runtimeRedis() } }),
  );
  await env.kube.create(MODEL_VERSIONS, modelVersion(NAMESPACE, MODEL, 'v1'));
  await env.until(() => promotedAndSettled('v1'), 'v1 promoted', 90_000);
}, 240_000);

afterAll(async () => {
  redis?.disconnect();
  await env?.stop();
}, 60_000);

afterEach(() => {
  // Every VirtualService the router wrote is one istiod would accept.
  expect(env.mesh.rejected).toEqual([]);
});

describe('rollout strategies end to end', () => {
  it('blue-green: previews v2 to testers only, analyses the preview, then switches all traffic at once', async () => {
    await blueGreenPreviewed(suite, {
      version: 'v2',
      stable: 'v1',
      clients: { preview: 'preview', others: [...EVERYONE_ELSE, ...COHORT] },
    });
  }, 150_000);

  it('blue-green: a green failing 30% of requests never gets user traffic and is rolled back', async () => {
    env.pods.setEngine('v3', { failRate: 0.3 });
    const since = await release('v3', { strategy: 'BlueGreen' });
    await env.until(async () => (await status('v3')).phase === 'RolledBack', 'v3 rolled back', 90_000);

    // Only the testers ever reached it; it never had a weight.
    expect(env.mesh.weightsOf('v3', since)).toEqual([]);
    expect(env.load.reached((r) => r.kind !== 'preview' && r.version === 'v3')).toEqual({});
    expect(env.load.ofKind('preview')['v3']?.failed).toBeGreaterThan(0);
    const s = await status('v3');
    const failed = (s.analysis ?? []).filter((a) => a.verdict === 'Failed');
    expect(failed.length).toBeGreaterThanOrEqual(1);
    expect(failed.at(-1)!.metrics!.find((m) => m.name === 'error-rate')!.value).toBeGreaterThan(0.15);
    expect(await stableVersion()).toBe('v2');
    // The preview route went with the rollback.
    await env.mesh.refresh();
    expect(env.mesh.split()).toEqual({ v2: 100 });
    expect(env.mesh.routing().matchedRoutesTo('v3')).toEqual([]);
    expect(env.mesh.routing().mirror).toBeUndefined();
  }, 120_000);

  it('experiment: the cohort (header or cookie) reaches a slower candidate, everyone else stays on stable, and it is rolled back at once', async () => {
    env.pods.setEngine('v4', { delayMs: 300 });
    const since = await release('v4', {
      strategy: 'Experiment',
      experiment: {
        match: [
          { header: { name: 'x-cohort', exact: 'beta' } },
          { cookie: { name: 'cohort', exact: 'beta' } },
        ],
        duration: '45s',
      },
      analysis: {
        metrics: [
          { name: 'error-rate', builtin: 'error-rate', thresholdRange: { max: 0.05 }, minSamples: 5 },
          {
            name: 'latency-p95',
            builtin: 'latency-p95',
            relativeToStable: { maxIncrease: 100 },
            minSamples: 5,
          },
        ],
      },
    });
    await env.until(async () => (await status('v4')).phase === 'RolledBack', 'v4 rolled back', 90_000);

    const experiment = (t: RoutingTable): boolean => t.matchedRoutesTo('v4').length > 0;
    expect(env.mesh.firstTableTime(experiment, since)).toBeDefined();
    // Cohort clients by header and by cookie reached the candidate; nobody else did.
    for (const kind of COHORT) expect(answered([kind], experiment)).toEqual({ v4: expect.any(Number) });
    expect(answered([...EVERYONE_ELSE, 'preview'], experiment)).toEqual({ v2: expect.any(Number) });
    expect(env.load.reached((r) => !COHORT.includes(r.kind) && r.version === 'v4')).toEqual({});
    expect(env.mesh.weightsOf('v4', since)).toEqual([]);

    // Rolled back on its first failed analysis, long before the experiment's end.
    const s = await status('v4');
    expect(s.conditions?.find((c) => c.type === 'Progressing')?.reason).toBe('FailureLimitExceeded');
    expect(s.experiment).toBeDefined();
    expect(Date.parse(s.finishedAt!)).toBeLessThan(Date.parse(s.experiment!.endsAt));
    // Candidate and stable, side by side: the candidate is the slower one.
    const latency = s.experiment!.metrics?.find((m) => m.name === 'latency-p95');
    expect(latency).toMatchObject({ candidate: expect.any(Number), stable: expect.any(Number) });
    expect(latency!.candidate!).toBeGreaterThan(0.25);
    expect(latency!.candidate!).toBeGreaterThan(2 * latency!.stable!);
    const errors = s.experiment!.metrics?.find((m) => m.name === 'error-rate');
    expect(errors).toMatchObject({ candidate: 0, stable: 0 });
    expect(await stableVersion()).toBe('v2');
    await env.mesh.refresh();
    expect(env.mesh.routing().matchedRoutesTo('v4')).toEqual([]);
  }, 120_000);

  it('shadow: mirrors half the live requests to v5, whose answers reach no client and write no session or cache entry, then canaries it', async () => {
    const since = await release('v5', { shadow: { percent: 50, duration: '8s' }, steps: [{ weight: 50 }] });
    const shadow = (t: RoutingTable): boolean => t.mirror?.version === 'v5' && t.weight('v5') === 0;
    /** Conversations whose every turn was routed while the shadow mirrored, and got copies. */
    const shadowed = () =>
      env.load
        .settledSessions()
        .filter(
          (s) =>
            s.mirrored > 0 &&
            env.load.records.filter((r) => r.session === s.id).every((r) => shadow(r.table)),
        );
    await env.until(
      () =>
        shadow(env.mesh.routing()) &&
        env.load.mirroredTo('v5').ok >= 20 &&
        shadowed().length >= 3 &&
        env.load.answered((r) => r.kind === 'cached' && r.mirror === 'v5')['v2'] !== undefined,
      'v5 receiving mirrored copies',
      60_000,
    );
    // Still in shadow here: nothing but mirrored copies has reached v5 yet.
    expect(env.load.reached((r) => r.version === 'v5')).toEqual({});
    // What the copies left behind is read now, while only copies have reached v5, and asserted at
    // the end, so one run reports the rollout and every trace of the shadow together.
    // The stable caches deterministic answers; the copies of them must leave v5 nothing cached.
    const cached = await redis.keys(`suoke:cache:${MODEL}:*`);
    expect(cached.some((k) => k.startsWith(`suoke:cache:${MODEL}:v2:`))).toBe(true);
    const cachedByShadow = cached.filter((k) => k.startsWith(`suoke:cache:${MODEL}:v5:`));
    // Every shadowed conversation holds exactly the turns clients were answered, none of the copies'
    // (a streamed turn is kept just after its answer ends: the check waits for those).
    const conversations = shadowed();
    let sessionsWrittenByShadow = await sessionMismatches(conversations);
    await env
      .until(
        async () => (sessionsWrittenByShadow = await sessionMismatches(conversations)).length === 0,
        'shadowed sessions holding the live turns only',
        5_000,
      )
      .catch(() => undefined);
    // The runtime counts the copies as shadow traffic.
    const pod = env.pods.pod(`${MODEL}-v5`);
    const metrics = await (await fetch(`${pod!.managementUrl}/metrics`)).text();
    const shadowSeries = metrics
      .split('\n')
      .filter((l) => /^ai_inference_requests_total\{[^}]*traffic="shadow"[^}]*\} [1-9]/.test(l));

    await env.until(() => promotedAndSettled('v5'), 'v5 promoted', 90_000);
    // Clients only ever saw stable answers while the shadow ran.
    expect(answered(ALL_KINDS, shadow)).toEqual({ v2: expect.any(Number) });
    expect(env.load.mirroredTo('v5')).toMatchObject({ failed: 0, rejected: 0 });
    // Exactly half the requests on the versions route were copied (up to the one in flight).
    const copied = env.load.records.filter((r) => shadow(r.table) && r.route === 'versions');
    const copies = copied.filter((r) => r.mirror === 'v5').length;
    expect(Math.abs(copies - copied.length / 2)).toBeLessThanOrEqual(1);
    // The canary started without the mirror, then the switch.
    expect(env.mesh.weightsOf('v5', since)).toEqual([50, 100]);
    expect(
      env.mesh.tables
        .filter((c) => c.at >= since && c.table.weight('v5') > 0)
        .every((c) => c.table.mirror === undefined),
    ).toBe(true);
    const s = await status('v5');
    expect((s.analysis ?? []).some((a) => a.verdict === 'Passed' && a.weight === 0)).toBe(true);
    expect(await stableVersion()).toBe('v5');

    expect({ cachedByShadow, sessionsWrittenByShadow, shadowLabelled: shadowSeries.length > 0 }).toEqual({
      cachedByShadow: [],
      sessionsWrittenByShadow: [],
      shadowLabelled: true,
    });
  }, 150_000);
});

/** Conversations whose Redis list does not hold exactly their answered turns (user turn and answer each). */
async function sessionMismatches(conversations: readonly SessionLedger[]): Promise<string[]> {
  const keys = await redis.keys('suoke:session:*');
  const idOf = (key: string): string => key.slice(key.lastIndexOf('}:') + 2);
  const lengths = new Map(await Promise.all(keys.map(async (k) => [idOf(k), await redis.llen(k)] as const)));
  return conversations
    .filter((c) => lengths.get(c.id) !== 2 * c.answered)
    .map((c) => `${c.id} holds ${lengths.get(c.id) ?? 0} messages for ${c.answered} answered turns`);
}
