/**
 * `npm run bench:rollout [-- --router istio|gateway-api]`: detection-to-rollback time, end to end.
 * From the moment a canary's engine starts failing 30% of its calls to the moment the canary's
 * weight in the VirtualService (the HTTPRoute with `--router gateway-api`) is 0, against the
 * configured analysis interval (target: at most 2 intervals + 1 scrape interval, with
 * failureLimit 1).
 *
 * What runs, all real processes in real time (tests/e2e/harness): the fake API server, the operator
 * (`operators/main.ts`, leader elected, Istio router), one runtime process per version in front of
 * its stub engine, a prometheus scraping the runtimes every second, and clients whose requests follow
 * the weights in the VirtualService. So the figure includes every hop a cluster has except the
 * kubelet: scrape, rate window, analysis cadence, the operator's API round trips and the router.
 *
 * `--router gateway-api` runs the same with the Gateway API router (`--traffic-router=gateway-api
 * --mesh=none`): the weights are the HTTPRoute's, and a step counts only once the harness's gateway
 * has accepted the route in its status, as with a real implementation. `firstPromotionMs`, from the
 * first version's creation to its `promotedAt` (pods ready, routes written and, with Gateway API,
 * accepted), includes that round trip too.
 *
 * Each run releases a fresh canary, lets it reach its first step healthy, then turns its engine's
 * failures on at a different point of the analysis interval (run k of n at k/n of it, measured from
 * the step's start), since detection depends on where in the interval the failure starts. Baseline,
 * measured in the same run: the signal latency, from the failure start until Prometheus itself first
 * reports the canary's error rate above the threshold (scrape + rate window). `maxVsTarget` is the
 * worst detection over the target; `meanVsSignal` is how much the analysis cadence and the operator
 * add over what the metrics allow.
 *
 * BENCH_INTERVAL_S (default 5) and BENCH_RUNS (default 3) change the interval and the number of runs.
 * The last line of output is one JSON object with every figure.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { builtinQuery } from '../operators/analysis/builtins.js';
import { Environment } from '../tests/e2e/harness/environment.js';
import { AIMODELS, MODEL_VERSIONS } from '../tests/e2e/harness/kube.js';
import { aiModel, modelVersion } from '../tests/e2e/harness/objects.js';
import type { ModelVersionView } from '../tests/e2e/harness/status-recorder.js';

const INTERVAL_S = Number(process.env.BENCH_INTERVAL_S ?? 5);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SCRAPE_S = 1;
const THRESHOLD = 0.05;
const FAILURE_LIMIT = 1;
const FAIL_RATE = 0.3;
const NAMESPACE = 'bench';
const MODEL = 'demo';
const RATE_PER_S = 20;
const FIRST_WEIGHT = 20;

const ROUTERS = ['istio', 'gateway-api'] as const;
const { values: flags } = parseArgs({ options: { router: { type: 'string', default: 'istio' } } });
const ROUTER = flags.router as (typeof ROUTERS)[number];
if (!ROUTERS.includes(ROUTER)) {
  throw new Error(`--router must be one of ${ROUTERS.join(', ')}, got '${flags.router}'`);
}
/** What holds the weights clients follow, for the output. */
const ROUTES = ROUTER === 'istio' ? 'VirtualService' : 'HTTPRoute';

if (!(INTERVAL_S >= 2) || !(RUNS >= 1)) {
  throw new Error(
    `BENCH_INTERVAL_S must be at least 2 and BENCH_RUNS at least 1, got ${INTERVAL_S} and ${RUNS}`,
  );
}

const rollout = {
  // Enough steps that a canary failing from its first or second step cannot be promoted before
  // detection.
  steps: [{ weight: FIRST_WEIGHT }, { weight: 40 }, { weight: 60 }, { weight: 80 }],
  interval: `${INTERVAL_S}s`,
  progressDeadline: `${INTERVAL_S * 20}s`,
  scaleDownDelay: '1s',
  analysis: {
    metrics: [
      { name: 'error-rate', builtin: 'error-rate', thresholdRange: { max: THRESHOLD }, minSamples: 5 },
    ],
    failureLimit: FAILURE_LIMIT,
    inconclusiveLimit: 3,
  },
};

async function status(env: Environment, version: string): Promise<NonNullable<ModelVersionView['status']>> {
  const mv = await env.kube.get<ModelVersionView>(MODEL_VERSIONS, NAMESPACE, `${MODEL}-${version}`);
  return mv?.status ?? {};
}

/** Prometheus' own view of the canary's error rate over one interval (undefined when it has none). */
async function errorRate(env: Environment, version: string): Promise<number | undefined> {
  const query = builtinQuery('error-rate', {
    namespace: NAMESPACE,
    model: MODEL,
    agent: MODEL,
    version,
    interval: `${INTERVAL_S}s`,
  });
  const result = (await env.prometheus.query(query).catch(() => [])) as Array<{ value: [number, string] }>;
  const value = Number(result[0]?.value[1]);
  return Number.isFinite(value) ? value : undefined;
}

const round = (n: number, digits = 0): number => Number(n.toFixed(digits));
const runs: { version: string; startOffsetMs: number; signalMs: number; detectionMs: number }[] = [];
const started = Date.now();
const env = await Environment.start({
  namespace: NAMESPACE,
  model: MODEL,
  ratePerSecond: RATE_PER_S,
  router: ROUTER,
});
try {
  await env.startOperator();
  await env.kube.create(AIMODELS, aiModel(NAMESPACE, MODEL, rollout));
  const v1CreatedAt = Date.now();
  await env.kube.create(MODEL_VERSIONS, modelVersion(NAMESPACE, MODEL, 'v1'));
  await env.until(
    async () => (await status(env, 'v1')).phase === 'Promoted' && env.load.of('v1').ok > 10,
    'v1 promoted and serving',
    180_000,
  );
  const setupMs = Date.now() - started;
  const firstPromotionMs = Date.parse((await status(env, 'v1')).promotedAt!) - v1CreatedAt;

  for (let k = 0; k < RUNS; k++) {
    const version = `v${k + 2}`;
    await env.kube.create(MODEL_VERSIONS, modelVersion(NAMESPACE, MODEL, version));
    // Healthy until its first step, then failing from k/n of the way into the step's interval.
    const s = await env.until(
      async () => {
        const st = await status(env, version);
        return st.phase === 'Progressing' && env.mesh.weight(version) === FIRST_WEIGHT ? st : undefined;
      },
      `${version} at its first step`,
      120_000,
    );
    // Analyses run one interval apart from the step's start; aim at the next moment k/n of the way
    // into one of them.
    const stepStart = Date.parse(s.stepStartedAt ?? new Date().toISOString());
    const intervalMs = INTERVAL_S * 1000;
    let at = stepStart + Math.round((k / RUNS) * intervalMs);
    while (at < Date.now()) at += intervalMs;
    await delay(at - Date.now());
    env.pods.setEngine(version, { failRate: FAIL_RATE });
    const t0 = Date.now();
    const offset = (t0 - stepStart) % intervalMs;
    let signalAt: number | undefined;
    while (env.mesh.weight(version) !== 0) {
      if (signalAt === undefined && ((await errorRate(env, version)) ?? 0) > THRESHOLD) signalAt = Date.now();
      if (Date.now() - t0 > 20 * INTERVAL_S * 1000)
        throw new Error(`${version} was not rolled back\n${env.diagnostics()}`);
      await delay(50);
    }
    const t1 = env.mesh.firstTime(version, (w) => w === 0, t0) ?? Date.now();
    runs.push({ version, startOffsetMs: offset, signalMs: (signalAt ?? t1) - t0, detectionMs: t1 - t0 });
    // The next canary waits until this one is fully gone.
    await env.until(
      async () => (await status(env, version)).phase === 'RolledBack',
      `${version} rolled back`,
    );
  }

  const targetMs = 2 * INTERVAL_S * 1000 + SCRAPE_S * 1000;
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  const detection = runs.map((r) => r.detectionMs);
  const signal = runs.map((r) => r.signalMs);
  const result = {
    router: ROUTER,
    intervalMs: INTERVAL_S * 1000,
    scrapeMs: SCRAPE_S * 1000,
    failureLimit: FAILURE_LIMIT,
    failRate: FAIL_RATE,
    targetMs,
    setupMs,
    firstPromotionMs,
    runs,
    detectionMeanMs: round(mean(detection)),
    detectionMaxMs: Math.max(...detection),
    signalMeanMs: round(mean(signal)),
    maxVsTarget: round(Math.max(...detection) / targetMs, 3),
    meanVsSignal: round(mean(detection) / mean(signal), 2),
    meanInIntervals: round(mean(detection) / (INTERVAL_S * 1000), 2),
  };

  console.log(
    `detection to rollback, end to end (${ROUTER} router): interval ${INTERVAL_S}s, scrape ${SCRAPE_S}s, failureLimit ${FAILURE_LIMIT}, ` +
      `canary engine failing ${FAIL_RATE * 100}% at weight ${FIRST_WEIGHT}+, ${RATE_PER_S} req/s (environment up in ${setupMs} ms, ` +
      `first version created to Promoted in ${firstPromotionMs} ms)`,
  );
  for (const r of runs) {
    console.log(
      `  ${r.version}: failure at +${r.startOffsetMs} ms into the interval → Prometheus shows it after ${r.signalMs} ms, ` +
        `${ROUTES} weight 0 after ${r.detectionMs} ms`,
    );
  }
  console.log(
    `  mean ${result.detectionMeanMs} ms (${result.meanInIntervals} intervals), worst ${result.detectionMaxMs} ms ` +
      `= ${result.maxVsTarget}x the target of ${targetMs} ms (2 intervals + 1 scrape)`,
  );
  console.log(
    `  the analysis cadence and the operator add ${result.meanVsSignal}x over the signal latency of ${result.signalMeanMs} ms\n`,
  );
  console.log(JSON.stringify(result));
} finally {
  await env.stop();
}
