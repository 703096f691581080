/**
 * Session-consistent rollouts end to end: the real operator rolls versions out, real runtime
 * processes pin each conversation to a version in a real redis-server, and a turn that lands on the
 * other version is forwarded once through the model's Service (MeshProxy, routing by the
 * VirtualService the operator wrote, its session routes first). Users hold conversations throughout
 * (each user one `X-Session-Id`, turn after turn) and the test checks what they saw: which version
 * answered each turn, and that a conversation changed version only once its version stopped serving.
 */
import { Environment } from './harness/environment.js';
import { AIMODELS, MODEL_VERSIONS } from './harness/kube.js';
import { aiModel, modelVersion, type Promotion } from './harness/objects.js';
import { CANARY_ROLLOUT, promotedAndSettled, versionStatus, type Suite } from './harness/scenarios.js';
import { MultiTurnLoad } from '../support/multi-turn-load.js';

const NAMESPACE = 'suoke-ai';
const MODEL = 'chat';

const ROLLOUT: Promotion = { ...CANARY_ROLLOUT, steps: [{ weight: 10 }, { weight: 50 }] };

let env: Environment;
const suite: Suite = {
  get env() {
    return env;
  },
  model: MODEL,
  release: async (version, promotion) => {
    const since = Date.now();
    await env.kube.create(MODEL_VERSIONS, modelVersion(NAMESPACE, MODEL, version, promotion));
    return since;
  },
};

/** One turn as a user saw it, with when it was sent and answered. */
interface TimedTurn {
  readonly session: string;
  readonly sentAt: number;
  readonly answeredAt: number;
  readonly status: number;
  readonly servedBy: string | null;
}

/**
 * Users holding conversations, paced: each user takes a turn, waits for the answer, then waits its
 * turn of the pace (so a few dozen users do not flood one machine's runtimes).
 */
class Conversations {
  readonly turns: TimedTurn[] = [];
  private readonly load: MultiTurnLoad;
  private stopping = false;
  private running: Promise<void> | undefined;

  constructor(
    prefix: string,
    readonly users: number,
    private readonly paceMs = 150,
  ) {
    this.load = new MultiTurnLoad({
      url: env.proxy!.url,
      users,
      apiKey: 'unused',
      model: MODEL,
      sessionPrefix: `${prefix}-${process.pid}`,
    });
  }

  get sessions(): string[] {
    return Array.from({ length: this.users }, (_, i) => this.load.sessionOf(i));
  }

  start(): this {
    active.add(this);
    this.running = Promise.all(
      this.sessions.map(async (session) => {
        while (!this.stopping) {
          const next = Date.now() + this.paceMs;
          const sentAt = Date.now();
          // A turn that gets no answer at all is kept as status 0, which the tests refuse.
          const seen = await this.load
            .turn(session, this.turns.length % 2 === 0)
            .catch(() => ({ status: 0, servedBy: null }));
          this.turns.push({
            session,
            sentAt,
            answeredAt: Date.now(),
            status: seen.status,
            servedBy: seen.servedBy,
          });
          // Pacing of the load, not synchronisation: nothing waits on it.
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
        }
      }),
    ).then(() => undefined);
    return this;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.running;
  }

  of(session: string): TimedTurn[] {
    return this.turns.filter((t) => t.session === session);
  }

  /** The versions `session` was answered by, one entry per change. */
  runs(session: string): string[] {
    const out: string[] = [];
    for (const t of this.of(session))
      if (out.at(-1) !== (t.servedBy ?? 'none')) out.push(t.servedBy ?? 'none');
    return out;
  }

  /** Sessions whose first turn `version` answered. */
  startedOn(version: string): string[] {
    return this.sessions.filter((s) => this.of(s)[0]?.servedBy === version);
  }

  /** The first turn of `session` answered by `version`. */
  firstOn(session: string, version: string): TimedTurn | undefined {
    return this.of(session).find((t) => t.servedBy === version);
  }
}

/** Conversations going on, stopped after each test whatever its outcome. */
const active = new Set<Conversations>();

/** `ai_session_version_switches_total` summed over the runtimes running now, by `reason`. */
async function switches(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const name of env.pods.running()) {
    const url = env.pods.pod(name)?.managementUrl;
    if (url === undefined) continue;
    const text = await (await fetch(`${url}/metrics`)).text();
    for (const m of text.matchAll(/^ai_session_version_switches_total\{([^}]*)\} (\S+)$/gm)) {
      const reason = /reason="([^"]*)"/.exec(m[1]!)?.[1] ?? '';
      out[reason] = (out[reason] ?? 0) + Number(m[2]);
    }
  }
  return out;
}

const total = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);

/** When `version`'s session route was last seen gone from the mesh (after `since`). */
function sessionRouteGoneAt(version: string, since: number): number | undefined {
  return env.mesh.firstTableTime(
    (t) => t.weight(version) === 0 && !t.sessionRoutes().some((r) => r.key === `session-${version}`),
    since,
  );
}

beforeAll(async () => {
  env = await Environment.start({
    namespace: NAMESPACE,
    model: MODEL,
    ratePerSecond: 10,
    redis: true,
    serviceProxy: true,
  });
  // The previous stable is scaled down once its rollback window is over (an hour by default).
  await env.startOperator(['--rollback-window=3s']);
  await env.kube.create(
    AIMODELS,
    aiModel(NAMESPACE, MODEL, ROLLOUT, {
      // On a machine whose cores every suite shares, redis-server may answer a pin after the default
      // 500 ms; a timed-out pin serves that turn by weight (by design), which is not what this checks.
      runtime: { redis: env.runtimeRedis(), env: [{ name: 'REDIS_COMMAND_TIMEOUT_MS', value: '5000' }] },
      traffic: { sessionAffinity: { enabled: true } },
    }),
  );
  await suite.release('v1');
  await env.until(() => promotedAndSettled(suite, 'v1'), 'v1 promoted', 60_000);
}, 120_000);

afterEach(async () => {
  await Promise.all([...active].map((c) => c.stop()));
  active.clear();
});

afterAll(async () => {
  await env?.stop();
}, 60_000);

describe('session-consistent rollouts end to end', () => {
  it('keeps every conversation on its version through a canary, moving v1 sessions once v1 is scaled down', async () => {
    const before = await switches();
    const early = new Conversations('early', 8).start();
    await env.until(() => early.sessions.every((s) => early.of(s).length >= 2), 'early sessions begun');
    const since = await suite.release('v2');
    await env.until(() => env.mesh.weight('v2') === 10, 'v2 at 10%', 60_000);
    const atTen = new Conversations('ten', 10).start();
    await env.until(() => env.mesh.weight('v2') === 50, 'v2 at 50%', 60_000);
    const atFifty = new Conversations('fifty', 10).start();
    await env.until(() => promotedAndSettled(suite, 'v2'), 'v2 promoted', 60_000);
    await env.until(async () => (await versionStatus(suite, 'v1')).phase === 'Superseded', 'v1 superseded');
    const v1LeftAt = await env.until(() => sessionRouteGoneAt('v1', since), 'v1 session route removed');
    const all = [early, atTen, atFifty];
    // Every conversation has taken a turn since v1 stopped serving.
    await env.until(
      () => all.every((c) => c.sessions.every((s) => c.of(s).some((t) => t.sentAt > v1LeftAt))),
      'every conversation answered after v1 left',
    );
    await Promise.all(all.map((c) => c.stop()));

    const turns = all.flatMap((c) => c.turns);
    expect(turns.filter((t) => t.status !== 200 || t.servedBy === null)).toEqual([]);
    // Conversations started on v2 during the canary stayed on v2.
    const onV2 = [...atTen.startedOn('v2'), ...atFifty.startedOn('v2')];
    expect(onV2.length).toBeGreaterThanOrEqual(3);
    for (const c of all) for (const s of c.startedOn('v2')) expect([s, c.runs(s)]).toEqual([s, ['v2']]);
    // Those on v1 stayed on v1 while it served, then moved once to v2.
    const onV1 = all.flatMap((c) => c.startedOn('v1').map((s) => ({ c, s })));
    expect(onV1.length).toBeGreaterThanOrEqual(early.users);
    for (const { c, s } of onV1) {
      expect([s, c.runs(s)]).toEqual([s, ['v1', 'v2']]);
      expect(c.firstOn(s, 'v2')!.answeredAt).toBeGreaterThanOrEqual(v1LeftAt);
    }
    expect(onV1.length + onV2.length).toBe(all.reduce((n, c) => n + c.users, 0));
    // Every move the users saw was counted once, as a version that left.
    const after = await switches();
    const moved = Object.fromEntries(
      Object.keys({ ...before, ...after }).map((r) => [r, (after[r] ?? 0) - (before[r] ?? 0)]),
    );
    expect(total(moved)).toBe(onV1.length);
    expect(moved['version_left']).toBe(onV1.length);
    // Forwarded turns reached the pinned version while it served.
    const forwarded = env.proxy!.hops.filter((h) => h.pinned !== undefined && h.at >= since);
    expect(forwarded.filter((h) => h.at < v1LeftAt && (h.to !== h.pinned || !h.delivered))).toEqual([]);
    expect(forwarded.some((h) => h.pinned === 'v1' && h.to === 'v1')).toBe(true);
    expect(forwarded.some((h) => h.pinned === 'v2' && h.to === 'v2')).toBe(true);
  }, 90_000);

  it('moves every conversation of a canary that is rolled back to the stable version, exactly once', async () => {
    const before = await switches();
    env.pods.setEngine('v3', { failRate: 0.3 });
    const since = await suite.release('v3', { steps: [{ weight: 50 }] });
    await env.until(() => env.mesh.weight('v3') === 50, 'v3 at 50%', 60_000);
    const users = new Conversations('canary', 12).start();
    await env.until(
      async () => (await versionStatus(suite, 'v3')).phase === 'RolledBack',
      'v3 rolled back',
      60_000,
    );
    const routedAt = env.mesh.firstTime('v3', (w) => w > 0, since)!;
    const v3LeftAt = await env.until(() => sessionRouteGoneAt('v3', routedAt), 'v3 session route removed');
    await env.until(
      () => users.sessions.every((s) => users.of(s).some((t) => t.sentAt > v3LeftAt && t.status === 200)),
      'every conversation answered after the rollback',
    );
    await users.stop();

    expect(users.turns.filter((t) => t.servedBy === null)).toEqual([]);
    const onV3 = users.startedOn('v3');
    const onV2 = users.startedOn('v2');
    expect(onV3.length).toBeGreaterThanOrEqual(3);
    expect(onV2.length + onV3.length).toBe(users.users);
    for (const s of onV2) expect([s, users.runs(s)]).toEqual([s, ['v2']]);
    for (const s of onV3) {
      expect([s, users.runs(s)]).toEqual([s, ['v3', 'v2']]);
      expect(users.firstOn(s, 'v2')!.answeredAt).toBeGreaterThanOrEqual(v3LeftAt);
    }
    // Only the canary's engine failed; the stable answered every turn.
    expect(users.turns.filter((t) => t.servedBy === 'v2' && t.status !== 200)).toEqual([]);
    const after = await switches();
    const moved = Object.fromEntries(
      Object.keys({ ...before, ...after }).map((r) => [r, (after[r] ?? 0) - (before[r] ?? 0)]),
    );
    expect(total(moved)).toBe(onV3.length);
    expect(moved['version_left']).toBe(onV3.length);
  }, 60_000);
});
