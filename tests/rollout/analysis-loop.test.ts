import { createServer, type Server } from 'node:http';
import { RuntimeMetrics } from '../../runtime/metrics.js';
import { runAnalysis } from '../../operators/analysis/evaluate.js';
import { PrometheusProvider } from '../../operators/analysis/prometheus.js';
import { analysisDue } from '../../operators/rollout/analysis-bookkeeping.js';
import { decide, initialState } from '../../operators/rollout/decide.js';
import { resolvePolicy } from '../../operators/rollout/policy.js';
import type { Decision, RolloutState } from '../../operators/rollout/types.js';
import { baseUrlOf } from '../support/net.js';
import { PrometheusServer } from '../support/prometheus.js';
import { waitFor } from '../support/wait.js';

/**
 * decide() fed by real analyses: a real prometheus scrapes the runtime metrics of a stable and two
 * canary versions every second while a load generator splits requests by the weights decide() sets.
 * The rollout logic, the built-in checks and the Prometheus provider work together in real time:
 * a healthy canary survives a Prometheus outage (paused, never promoted blind) and is promoted; a
 * canary failing 30% of its requests is rolled back.
 */
const NAMESPACE = 'suoke-ai';
const MODEL = 'demo';

interface Target {
  readonly version: string;
  readonly metrics: RuntimeMetrics;
  readonly server: Server;
  /** Share of this version's requests that fail with 500. */
  errorRate: number;
}

async function target(version: string, errorRate = 0): Promise<Target> {
  const metrics = new RuntimeMetrics({ agent: MODEL, model: MODEL, version }, { processMetrics: false });
  for (const code of ['200', '500']) metrics.requests.inc({ code, traffic: 'live' }, 0);
  const server = createServer((_req, res) => {
    void metrics.render().then(({ contentType, body }) => {
      res.writeHead(200, { 'content-type': contentType });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { version, metrics, server, errorRate };
}

/** Sends `perTick` requests every 50 ms, `canaryWeight` percent of them to the canary. */
class LoadGenerator {
  canaryWeight = 0;
  private timer: NodeJS.Timeout | undefined;
  private sent = 0;

  constructor(
    private readonly stable: Target,
    private canary: Target,
    private readonly perTick = 10,
  ) {}

  start(canary: Target): void {
    this.canary = canary;
    this.canaryWeight = 0;
    this.timer = setInterval(() => this.tick(), 50);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private tick(): void {
    for (let i = 0; i < this.perTick; i++) {
      this.sent++;
      // Deterministic split: request n goes to the canary when its position in 100 is under the weight.
      const t = this.sent % 100 < this.canaryWeight ? this.canary : this.stable;
      const failed = (this.sent * 7) % 100 < t.errorRate * 100;
      t.metrics.requests.inc({ code: failed ? '500' : '200', traffic: 'live' });
      t.metrics.duration.observe({ traffic: 'live' }, 0.2);
      t.metrics.timeToFirstToken.observe({ traffic: 'live' }, 0.02);
      t.metrics.tokens.inc({ type: 'completion', traffic: 'live' }, 20);
    }
  }
}

const policy = resolvePolicy({
  promotion: {
    steps: [{ weight: 20 }, { weight: 50 }],
    interval: '3s',
    progressDeadline: '2m',
    scaleDownDelay: '3s',
    analysis: {
      metrics: [
        { name: 'errors', builtin: 'error-rate', thresholdRange: { max: 0.05 }, minSamples: 5 },
        { name: 'p95', builtin: 'latency-p95', relativeToStable: { maxIncrease: 50 }, minSamples: 5 },
      ],
      failureLimit: 1,
      inconclusiveLimit: 2,
    },
  },
});

let prometheus: PrometheusServer;
let provider: PrometheusProvider;
let stable: Target;
let healthy: Target;
let failing: Target;
let load: LoadGenerator;

beforeAll(async () => {
  stable = await target('v1');
  healthy = await target('v2');
  failing = await target('v3', 0.3);
  prometheus = await PrometheusServer.start({
    targets: [stable, healthy, failing].map((t) => ({
      address: baseUrlOf(t.server).replace('http://', ''),
      labels: { namespace: NAMESPACE },
    })),
  });
  provider = new PrometheusProvider({ url: prometheus.url, timeoutMs: 1000 });
  load = new LoadGenerator(stable, healthy);
}, 60_000);

afterEach(() => load.stop());

afterAll(async () => {
  await prometheus?.dispose();
  for (const t of [stable, healthy, failing]) await new Promise((resolve) => t?.server.close(resolve));
});

/** One reconcile as the controller will do it: analyse when due, decide, apply the weights. */
async function reconcile(state: RolloutState): Promise<Decision> {
  const now = new Date();
  const analysis = analysisDue(state, policy, now)
    ? await runAnalysis(
        policy.metrics,
        {
          namespace: NAMESPACE,
          model: MODEL,
          agent: MODEL,
          version: state.version,
          stableVersion: 'v1',
          intervalMs: policy.intervalMs,
        },
        provider,
      )
    : undefined;
  const d = decide(
    state,
    {
      policy,
      stableVersion: state.phase === 'Promoted' ? state.version : 'v1',
      canaryAvailable: true,
      observedWeight: load.canaryWeight,
      versionObjectName: `soer-${state.version}`,
      ...(analysis === undefined ? {} : { analysis }),
    },
    now,
  );
  for (const a of d.actions) if (a.type === 'SetWeight') load.canaryWeight = a.weight;
  return d;
}

/** Reconciles every 100 ms until `until` holds for the state; every decision is kept. */
async function runUntil(
  start: RolloutState,
  until: (s: RolloutState) => boolean,
  description: string,
  timeoutMs = 40_000,
): Promise<{ state: RolloutState; decisions: Decision[] }> {
  let state = start;
  const decisions: Decision[] = [];
  await waitFor(
    async () => {
      const d = await reconcile(state);
      decisions.push(d);
      state = d.state;
      return until(state);
    },
    { timeoutMs, intervalMs: 100, description },
  );
  return { state, decisions };
}

it('a healthy canary is paused while Prometheus is gone, never promoted blind, then promoted', async () => {
  load.start(healthy);
  let { state } = await runUntil(
    initialState('v2'),
    (s) => s.phase === 'Progressing' && s.currentStep === 1,
    'step 1',
  );
  expect(state.canaryWeight).toBe(50);
  expect(state.analysis.at(-1)?.verdict).toBe('Passed');

  await prometheus.stop();
  ({ state } = await runUntil(state, (s) => s.phase === 'Paused', 'paused for lack of data'));
  expect(state).toMatchObject({
    pauseReason: 'Inconclusive',
    currentStep: 1,
    canaryWeight: 50,
    failedChecks: 0,
  });
  expect(state.analysis.at(-1)?.checks[0]?.reason).toContain('unreachable');

  await prometheus.restart();
  const end = await runUntil(
    state,
    (s) => s.phase === 'Promoted' && s.finishedAt !== undefined,
    'promotion and bake',
  );
  // After the outage the only weight change is the promotion: nothing moved while data was missing.
  const weights = end.decisions.flatMap((d) =>
    d.actions.flatMap((a) => (a.type === 'SetWeight' ? [a.weight] : [])),
  );
  expect(weights).toEqual([100]);
  expect(end.state.failedChecks).toBe(0);
  // Each analysis measured the canary's share of the live requests beside its weight: with nothing
  // keeping requests on the stable the share is the weight; while Prometheus was gone there is none.
  const passedAtStep = end.state.analysis.filter((a) => a.verdict === 'Passed' && a.weight < 100);
  expect([...new Set(passedAtStep.map((a) => a.weight))]).toEqual([20, 50]);
  for (const a of passedAtStep) {
    expect(a.requestShare).toBeGreaterThan(a.weight - 5);
    expect(a.requestShare).toBeLessThan(a.weight + 5);
  }
  const blind = end.state.analysis.filter((a) => a.checks[0]?.reason.includes('unreachable'));
  expect(blind.length).toBeGreaterThan(0);
  expect(blind.filter((a) => a.requestShare !== undefined)).toEqual([]);
}, 90_000);

it('a canary failing 30% of its requests is rolled back within two analyses', async () => {
  load.start(failing);
  let { state } = await runUntil(initialState('v3'), (s) => s.phase === 'Progressing', 'progressing');
  const started = Date.now();
  ({ state } = await runUntil(state, (s) => s.phase === 'RollingBack', 'rollback'));
  expect(state).toMatchObject({ reason: 'FailureLimitExceeded', failedChecks: 2, canaryWeight: 0 });
  expect(load.canaryWeight).toBe(0);
  // Two analyses one interval apart, the first one interval after the step began, plus scrape lag.
  expect(Date.now() - started).toBeLessThan(2 * policy.intervalMs + 2_000);
  const failed = state.analysis.filter((a) => a.verdict === 'Failed');
  expect(failed).toHaveLength(2);
  expect(failed[0]?.checks.find((c) => c.metric === 'errors')?.value).toBeGreaterThan(0.2);
  const done = await runUntil(state, (s) => s.phase === 'RolledBack', 'rolled back');
  // Weight 0 is already in place: the last decision only writes the phase, which removes the workload.
  expect(done.state).toMatchObject({ phase: 'RolledBack', canaryWeight: 0 });
  expect(done.decisions.at(-1)?.actions).toEqual([]);
}, 90_000);
