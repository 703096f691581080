/**
 * `npm run bench:rollout`: detection-to-rollback time. From the moment a canary starts failing 30% of
 * its requests to the moment its weight is 0, against the configured analysis interval (target: at
 * most 2 intervals + 1 scrape interval, with failureLimit 1).
 *
 * What runs, all real and in real time: a prometheus scraping the runtime's own metrics
 * (RuntimeMetrics) of a stable and a canary version every second; a load generator splitting
 * requests between them by the weight decide() last set; the built-in error-rate check through the
 * Prometheus provider; decide() called every 100 ms the way the ModelVersion controller calls it
 * (analysis when due, then the weight it asks for). Not in this path: the controller's own API
 * round trips (status write, VirtualService apply), tens of milliseconds against intervals of seconds.
 *
 * Each run walks a fresh canary to its second step, then turns its failures on at a different point
 * of the analysis interval (run k of n at k/n of it), since detection depends on where in the interval
 * the failure starts. Baseline, measured in the same run: the signal latency, from the failure start
 * until Prometheus itself first reports the canary's error rate above the threshold (scrape + rate
 * window). `maxVsTarget` is the worst detection over the target; `meanVsSignal` is how much the
 * analysis cadence adds over what the metrics allow.
 *
 * BENCH_INTERVAL_S (default 5) and BENCH_RUNS (default 3) change the interval and the number of runs.
 * The last line of output is one JSON object with every figure.
 */
import { createServer, type Server } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { builtinQuery } from '../operators/analysis/builtins.js';
import { runAnalysis } from '../operators/analysis/evaluate.js';
import { PrometheusProvider } from '../operators/analysis/prometheus.js';
import { analysisDue, decide, initialState } from '../operators/rollout/decide.js';
import { formatDuration } from '../operators/rollout/duration.js';
import { resolvePolicy } from '../operators/rollout/policy.js';
import type { RolloutState } from '../operators/rollout/types.js';
import { RuntimeMetrics } from '../runtime/metrics.js';
import { PrometheusServer } from '../tests/support/prometheus.js';

const INTERVAL_S = Number(process.env.BENCH_INTERVAL_S ?? 5);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SCRAPE_S = 1;
const THRESHOLD = 0.05;
const NAMESPACE = 'bench';
const MODEL = 'demo';
const RATE_PER_S = 200;

interface Target {
  readonly version: string;
  readonly metrics: RuntimeMetrics;
  readonly server: Server;
  errorRate: number;
}

async function target(version: string): Promise<Target> {
  const metrics = new RuntimeMetrics({ agent: MODEL, model: MODEL, version }, { processMetrics: false });
  for (const code of ['200', '500']) metrics.requests.inc({ code }, 0);
  const server = createServer((_req, res) => {
    void metrics.render().then(({ contentType, body }) => {
      res.writeHead(200, { 'content-type': contentType });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { version, metrics, server, errorRate: 0 };
}

const policy = resolvePolicy({
  promotion: {
    steps: [{ weight: 10 }, { weight: 20 }, { weight: 30 }, { weight: 40 }, { weight: 50 }],
    interval: `${INTERVAL_S}s`,
    progressDeadline: `${INTERVAL_S * 20}s`,
    analysis: {
      metrics: [{ name: 'errors', builtin: 'error-rate', thresholdRange: { max: THRESHOLD }, minSamples: 5 }],
      failureLimit: 1,
    },
  },
});

const stable = await target('v1');
const canaries = await Promise.all(Array.from({ length: RUNS }, (_, i) => target(`v${i + 2}`)));
const prometheus = await PrometheusServer.start({
  scrapeIntervalSeconds: SCRAPE_S,
  targets: [stable, ...canaries].map((t) => ({
    address: `127.0.0.1:${(t.server.address() as { port: number }).port}`,
    labels: { namespace: NAMESPACE },
  })),
});
const provider = new PrometheusProvider({ url: prometheus.url, timeoutMs: 2000 });

let canary = canaries[0] as Target;
let canaryWeight = 0;
let sent = 0;
// The load generator: RATE_PER_S requests a second in 20 ms ticks, split by the current weight.
const load = setInterval(() => {
  for (let i = 0; i < RATE_PER_S / 50; i++) {
    sent++;
    const t = sent % 100 < canaryWeight ? canary : stable;
    const failed = (sent * 7) % 100 < t.errorRate * 100;
    t.metrics.requests.inc({ code: failed ? '500' : '200' });
    t.metrics.duration.observe(0.2);
  }
}, 20);

async function reconcile(state: RolloutState): Promise<RolloutState> {
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
      stableVersion: 'v1',
      canaryAvailable: true,
      observedWeight: canaryWeight,
      ...(analysis ? { analysis } : {}),
    },
    now,
  );
  for (const a of d.actions) if (a.type === 'SetWeight') canaryWeight = a.weight;
  return d.state;
}

const round = (n: number, digits = 0) => Number(n.toFixed(digits));
const runs: { version: string; startOffsetMs: number; signalMs: number; detectionMs: number }[] = [];
try {
  for (let k = 0; k < RUNS; k++) {
    canary = canaries[k] as Target;
    canaryWeight = 0;
    let state = initialState(canary.version);
    // Healthy until the second step begins.
    while (!(state.phase === 'Progressing' && state.currentStep === 1)) {
      state = await reconcile(state);
      if (state.phase === 'RollingBack') throw new Error(`${canary.version}: rolled back while healthy`);
      await delay(100);
    }
    const stepStart = Date.parse(state.stepStartedAt as string);
    const offset = Math.round((k / RUNS) * policy.intervalMs);
    while (Date.now() < stepStart + offset) {
      state = await reconcile(state);
      await delay(50);
    }
    canary.errorRate = 0.3;
    const t0 = Date.now();
    let signalAt: number | undefined;
    const query = builtinQuery('error-rate', {
      namespace: NAMESPACE,
      model: MODEL,
      agent: MODEL,
      version: canary.version,
      interval: formatDuration(policy.intervalMs),
    });
    while (canaryWeight !== 0) {
      if (signalAt === undefined) {
        const m = await provider.runQuery(query);
        if ((m.value ?? 0) > THRESHOLD) signalAt = Date.now();
      }
      state = await reconcile(state);
      if (canaryWeight !== 0) await delay(100);
    }
    const t1 = Date.now();
    runs.push({
      version: canary.version,
      startOffsetMs: offset,
      signalMs: (signalAt ?? t1) - t0,
      detectionMs: t1 - t0,
    });
  }
} finally {
  clearInterval(load);
  await prometheus.dispose();
  for (const t of [stable, ...canaries]) t.server.close();
}

const targetMs = 2 * INTERVAL_S * 1000 + SCRAPE_S * 1000;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const detection = runs.map((r) => r.detectionMs);
const signal = runs.map((r) => r.signalMs);
const result = {
  intervalMs: INTERVAL_S * 1000,
  scrapeMs: SCRAPE_S * 1000,
  failureLimit: policy.failureLimit,
  targetMs,
  runs,
  detectionMeanMs: round(mean(detection)),
  detectionMaxMs: Math.max(...detection),
  signalMeanMs: round(mean(signal)),
  maxVsTarget: round(Math.max(...detection) / targetMs, 3),
  meanVsSignal: round(mean(detection) / mean(signal), 2),
  meanInIntervals: round(mean(detection) / (INTERVAL_S * 1000), 2),
};

console.log(
  `detection to rollback, interval ${INTERVAL_S}s, scrape ${SCRAPE_S}s, failureLimit ${policy.failureLimit}, ` +
    `canary failing 30% at weight 20, ${RATE_PER_S} req/s`,
);
for (const r of runs) {
  console.log(
    `  ${r.version}: failure at +${r.startOffsetMs} ms into the interval → metrics show it after ${r.signalMs} ms, ` +
      `weight 0 after ${r.detectionMs} ms`,
  );
}
console.log(
  `  mean ${result.detectionMeanMs} ms (${result.meanInIntervals} intervals), worst ${result.detectionMaxMs} ms ` +
    `= ${result.maxVsTarget}x the target of ${targetMs} ms (2 intervals + 1 scrape)`,
);
console.log(
  `  the analysis cadence adds ${result.meanVsSignal}x over the signal latency of ${result.signalMeanMs} ms\n`,
);
console.log(JSON.stringify(result));
