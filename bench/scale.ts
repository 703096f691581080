/**
 * `npm run bench:scale [-- --models 100,1000 --idle 30 --timeout 300]`: the built operator as its own
 * process against the fake API server with N AIModels at once, for each N.
 *
 * Per N, with a fresh fake API server (in this process) and a fresh operator process
 * (`node build/operators/main.js`, built first with `npm run build` unless `--no-build`):
 * 1. N copies of examples/aimodels/soer.yaml (soer-0001…) and their first version
 *    (examples/modelversions/soer-v1.yaml) are created at once through the fake's direct hook;
 *    a simulated kubelet marks every Deployment Available whenever it appears or its generation moves
 *    (direct hook too). Measured: the time until every AIModel is Ready (condition Ready=True and
 *    status.stableVersion set), and the API requests the operator made to get there (until it has been
 *    quiet for a moment), total and per model, by verb and by resource; writes per model (create,
 *    update, patch, apply, delete requests, and how many of them changed stored state).
 * 2. Requests during an idle period (`--idle`, seconds): what the operator costs a cluster at rest.
 * 3. A change of every AIModel's spec that must reach the pod template (a runtime env var): the time
 *    until every Deployment carries it, until every AIModel is Ready again at its new generation, and
 *    the requests that took.
 * 4. The operator's resident memory (VmRSS of its process) after convergence and after the change.
 * 5. Baseline, in the same run: the objects charts-ts render() derives for each of N models, applied
 *    directly with plain server-side applies into another namespace, one request in flight at a time
 *    (the operator may run several reconciles at once: `--max-concurrent-reconciles`); the figure is
 *    operator time to Ready / baseline time.
 *
 * Counting happens at the fake and covers the operator's requests only: the benchmark's own writes go
 * through direct hooks or carry the field manager `bench-scale`, and the baseline's namespace is left
 * out. `--timeout` (seconds, default 300) bounds the waits on the operator for one N (the idle period
 * and the baseline do not count against it); on timeout, a crash of the operator or any other failure
 * the benchmark says how far it got, prints the operator's last output and exits 1.
 *
 * Progress lines go to stdout as it runs; the last line is one JSON object with every figure per N.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import { render } from '../charts-ts/render.js';
import type { AIModel, ModelVersion } from '../crds/api/index.js';
import { AIMODEL, MODEL_VERSION } from '../operators/kinds.js';
import { DERIVED_KINDS } from '../operators/rollout-deps/derived-kinds.js';
import { KubeClient } from '../operators/kit/client.js';
import { apiVersionOf } from '../operators/kit/resource.js';
import { startFakeApiServer, type FakeApiServer } from '../tests/support/fake-api-server/index.js';
import { freePort } from '../tests/support/net.js';
import { FakeApiTap, type RequestCounts } from './scale/fake-tap.js';
import {
  AIMODEL_KIND,
  DEPLOYMENT_KIND,
  MODEL_VERSION_KIND,
  aimodelCopy,
  aimodelReady,
  loadExamples,
  modelName,
  templateHasEnv,
  versionCopy,
  type Examples,
} from './scale/objects.js';
import { OperatorProcess } from './scale/operator-process.js';
import { Kubelet, Tracker } from './scale/tracker.js';
import { pool } from './pool.js';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const NAMESPACE = 'bench-agents';
const BASELINE_NAMESPACE = 'bench-baseline';
/** Field manager of the benchmark's own HTTP writes (left out of the counts). */
const BENCH_FIELD_MANAGER = 'bench-scale';
/** The env var the spec change adds to every AIModel's runtime. */
const CHANGE_ENV = { name: 'BENCH_SCALE_ROUND', value: '2' };
/** The operator counts as settled after this long without a request. */
const QUIET_MS = 2_000;
/** Longest wait for it to settle after a phase. */
const MAX_SETTLE_MS = 30_000;
/** Concurrent spec patches of the change phase. */
const PATCH_CONCURRENCY = 16;

interface Args {
  readonly models: readonly number[];
  readonly idleS: number;
  readonly timeoutS: number;
  readonly build: boolean;
  /** The built entry point to run; undefined: <outDir>/operators/main.js of this checkout. */
  readonly operator: string | undefined;
  readonly logLevel: string;
  /** Extra flags for the operator, e.g. `--kube-api-qps=0`. */
  readonly operatorArgs: readonly string[];
  /** Flags for node itself, e.g. `--max-semi-space-size=1`. */
  readonly nodeArgs: readonly string[];
}

const USAGE = `usage: npm run bench:scale -- [--models 100,1000] [--idle 30] [--timeout 300] [--no-build] [--operator path/main.js] [--log-level info]
  --models     model counts to run, comma-separated (default 100,1000)
  --idle       seconds of the idle period after convergence (default 30)
  --timeout    seconds one model count may wait on the operator, idle period and baseline not included (default 300)
  --no-build   use the operator as last built (build/operators/main.js) instead of running npm run build
  --operator   run this built entry point instead (implies --no-build), e.g. another checkout's build
  --log-level  LOG_LEVEL of the operator process (default info)
  --operator-arg <flag>  pass a flag to the operator, repeatable, e.g. --operator-arg=--kube-api-qps=0
  --node-arg <flag>      pass a flag to node running the operator, repeatable, after the image's own
                         (operators/Dockerfile CMD), e.g. --node-arg=--max-old-space-size=128`;

function parseArgs(argv: readonly string[]): Args {
  let models: number[] = [100, 1000];
  let idleS = 30;
  let timeoutS = 300;
  let build = true;
  let logLevel = 'info';
  let operator: string | undefined;
  const operatorArgs: string[] = [];
  const nodeArgs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (m === null) throw new BenchFailure(`unexpected argument '${arg}'\n${USAGE}`);
    const name = m[1]!;
    if (name === 'help') {
      console.log(USAGE);
      process.exit(0);
    }
    if (name === 'no-build') {
      build = false;
      continue;
    }
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new BenchFailure(`--${name} needs a value\n${USAGE}`);
    const positive = (v: string, what: string, min: number): number => {
      const n = Number(v);
      if (!Number.isFinite(n) || n < min)
        throw new BenchFailure(`--${what} must be a number >= ${min}, got '${v}'`);
      return n;
    };
    if (name === 'models') {
      models = value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .map((s) => {
          const n = positive(s, 'models', 1);
          if (!Number.isInteger(n) || n > 9999)
            throw new BenchFailure(`--models: '${s}' is not a whole number 1..9999`);
          return n;
        });
      if (models.length === 0) throw new BenchFailure(`--models needs at least one count\n${USAGE}`);
    } else if (name === 'idle') idleS = positive(value, 'idle', 0);
    else if (name === 'timeout') timeoutS = positive(value, 'timeout', 1);
    else if (name === 'log-level') logLevel = value;
    else if (name === 'operator-arg') operatorArgs.push(value);
    else if (name === 'node-arg') nodeArgs.push(value);
    else if (name === 'operator') {
      operator = resolve(value);
      build = false;
    } else throw new BenchFailure(`unknown flag --${name}\n${USAGE}`);
  }
  return { models, idleS, timeoutS, build, operator, logLevel, operatorArgs, nodeArgs };
}

// --- small helpers -------------------------------------------------------------------------------

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)}s`;
const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;
/**
 * The node flags the operator image starts with (operators/Dockerfile `CMD ["node", …flags,
 * "build/operators/main.js"]`), so the benchmark measures the process that ships.
 */
function imageNodeFlags(): string[] {
  const cmd = /^CMD \[(.*)\]\s*$/m.exec(readFileSync(join(ROOT, 'operators', 'Dockerfile'), 'utf8'))?.[1];
  const words = cmd === undefined ? [] : (JSON.parse(`[${cmd}]`) as string[]);
  return words.slice(1).filter((w) => w.startsWith('--'));
}

/** Objects the operator caches: every AIModel and ModelVersion, and the derived objects it labels. */
function cachedObjectCount(api: FakeApiServer): number {
  let count = 0;
  for (const rt of [AIMODEL, MODEL_VERSION, ...DERIVED_KINDS]) {
    try {
      count += api.list({ apiVersion: apiVersionOf(rt), kind: rt.kind }, NAMESPACE).length;
    } catch {
      // a kind this API server does not serve
    }
  }
  return count;
}

const mib = (bytes: number | undefined): number | null =>
  bytes === undefined || !Number.isFinite(bytes) ? null : round(bytes / 2 ** 20, 1);
const log = (line: string): void => console.log(line);

/** `{a: 3, b: 10}` → `b 10, a 3` (largest first). */
function line(counts: Record<string, number>, top = 12): string {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = entries.slice(0, top).map(([k, v]) => `${k} ${v}`);
  if (entries.length > top) shown.push(`… ${entries.length - top} more`);
  return shown.join(', ') || 'none';
}

/** The JSON figures of one counting period, with per-model figures when `models` is given. */
function figures(counts: RequestCounts, models?: number): Record<string, unknown> {
  const per = (n: number): number | undefined => (models === undefined ? undefined : round(n / models));
  return {
    requests: counts.total,
    ...(models === undefined ? {} : { requestsPerModel: per(counts.total) }),
    writeRequests: counts.writeRequests,
    ...(models === undefined ? {} : { writeRequestsPerModel: per(counts.writeRequests) }),
    storedWrites: counts.storedWrites,
    ...(models === undefined ? {} : { storedWritesPerModel: per(counts.storedWrites) }),
    byVerb: counts.byVerb,
    byResource: counts.byResource,
    byVerbResource: counts.byVerbResource,
    byStatus: counts.byStatus,
    storedWritesByKind: counts.storedWritesByKind,
  };
}

/** The tap's totals against the fake's own counts; a difference would mean requests were missed. */
function checkCounts(tap: FakeApiTap, label: string): void {
  const { tap: seen, fake } = tap.crossCheck();
  if (seen !== fake)
    log(`  WARNING: ${label}: the fake answered ${fake} requests, the benchmark saw ${seen}`);
}

function describeCounts(label: string, counts: RequestCounts, models?: number): void {
  const per = (n: number): string => (models === undefined ? '' : ` (${round(n / models)}/model)`);
  log(
    `  ${label}: ${counts.total} requests${per(counts.total)}; ${counts.writeRequests} write requests${per(counts.writeRequests)}, ` +
      `${counts.storedWrites} of which changed stored state${per(counts.storedWrites)}`,
  );
  if (counts.total === 0) return;
  log(`    by verb: ${line(counts.byVerb)}`);
  log(`    by resource: ${line(counts.byResource)}`);
  const failed = Object.entries(counts.byStatus).filter(([s]) => Number(s) >= 400);
  if (failed.length > 0) log(`    failed answers: ${failed.map(([s, n]) => `${s} ×${n}`).join(', ')}`);
}

/** A failure that says how far the run got. */
class BenchFailure extends Error {}

// --- one model count -----------------------------------------------------------------------------

interface Context {
  readonly n: number;
  readonly api: FakeApiServer;
  readonly tap: FakeApiTap;
  readonly operator: OperatorProcess;
  deadline: number;
}

/**
 * Waits for `until`, printing `progress()` every second while it changes (every 5 s when it does not);
 * fails when the operator exits or the deadline passes.
 */
async function phase(
  ctx: Context,
  name: string,
  until: Promise<void>,
  progress: () => string,
  since: number,
): Promise<number> {
  let last = '';
  let lastPrinted = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    const text = progress();
    if (text !== last || now - lastPrinted >= 5_000) {
      log(`  ${text} after ${seconds(now - since)}`);
      last = text;
      lastPrinted = now;
    }
  }, 1_000);
  let deadlineTimer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      until,
      ctx.operator.exited.then((exit) => {
        throw new BenchFailure(
          `operator exited (code ${exit.code}, signal ${exit.signal}) during ${name} with ${ctx.n} models: ${progress()} after ${seconds(performance.now() - since)}\n${ctx.operator.tail()}`,
        );
      }),
      new Promise<never>((_, reject) => {
        deadlineTimer = setTimeout(
          () =>
            reject(
              new BenchFailure(
                `timed out during ${name} with ${ctx.n} models: ${progress()} after ${seconds(performance.now() - since)}\n${ctx.operator.tail(15)}`,
              ),
            ),
          Math.max(0, ctx.deadline - performance.now()),
        );
      }),
    ]);
  } finally {
    clearInterval(timer);
    clearTimeout(deadlineTimer);
  }
  const ms = performance.now() - since;
  log(`  ${progress()} after ${seconds(ms)}`);
  return ms;
}

/**
 * Waits until the operator has made no request for {@link QUIET_MS} (and, with `watching`, holds at
 * least one open watch); returns whether it did within the bound.
 */
async function settle(ctx: Context, watching = false): Promise<{ settled: boolean; waitedMs: number }> {
  const start = performance.now();
  const bound = Math.min(start + MAX_SETTLE_MS, ctx.deadline);
  while (performance.now() - ctx.tap.lastRequestAt < QUIET_MS || (watching && ctx.api.openWatches() === 0)) {
    if (performance.now() >= bound || !ctx.operator.running) {
      return { settled: false, waitedMs: performance.now() - start };
    }
    await delay(100);
  }
  return { settled: true, waitedMs: performance.now() - start };
}

async function runModels(
  n: number,
  args: Args,
  entry: string,
  examples: Examples,
): Promise<Record<string, unknown>> {
  log(`\n== ${n} models ==`);
  const dir = mkdtempSync(join(tmpdir(), 'bench-scale-'));
  const api = await startFakeApiServer({
    crds: ['project', 'istio', 'vpa'],
    namespaces: [NAMESPACE, BASELINE_NAMESPACE],
  });
  const tap = new FakeApiTap(api, {
    exclude: (r) => r.fieldManager === BENCH_FIELD_MANAGER || r.namespace === BASELINE_NAMESPACE,
  });
  const kubelet = new Kubelet(api, tap, NAMESPACE);
  const trackers: Tracker[] = [];
  let operator: OperatorProcess | undefined;
  try {
    const kubeconfig = join(dir, 'kubeconfig');
    writeFileSync(kubeconfig, api.kubeConfig(NAMESPACE).exportConfig(), { mode: 0o600 });
    // Nothing listens there: analysis queries fail fast instead of waiting on a network timeout.
    const prometheusUrl = `http://127.0.0.1:${await freePort()}`;
    const spawnedAt = performance.now();
    operator = new OperatorProcess({
      entry,
      nodeArgs: [...imageNodeFlags(), ...args.nodeArgs],
      cwd: ROOT,
      args: [
        '--leader-elect=false',
        '--metrics-bind-address=0',
        '--health-probe-bind-address=127.0.0.1:0',
        `--prometheus-url=${prometheusUrl}`,
        `--namespace=${NAMESPACE}`,
        ...args.operatorArgs,
      ],
      env: { KUBECONFIG: kubeconfig, LOG_LEVEL: args.logLevel },
    });
    currentOperator = operator;
    const ctx: Context = { n, api, tap, operator, deadline: spawnedAt + args.timeoutS * 1000 };
    await operator.waitForLog(
      (l) => l['msg'] === 'operator started',
      args.timeoutS * 1000,
      'operator started',
    );
    // It logs that before its informers list and watch: wait for those too.
    const synced = await settle(ctx, true);
    if (!operator.running) {
      throw new BenchFailure(
        `operator exited (code ${operator.exit?.code}, signal ${operator.exit?.signal}) while starting\n${operator.tail()}`,
      );
    }
    if (api.openWatches() === 0) {
      throw new BenchFailure(
        `operator opened no watch within ${seconds(synced.waitedMs)} of starting\n${operator.tail()}`,
      );
    }
    const startupMs = performance.now() - spawnedAt - (synced.settled ? QUIET_MS : 0);
    const startup = tap.snapshot();
    const rssStarted = operator.memory();
    log(
      `  operator pid ${operator.pid} started and watching in ${seconds(startupMs)} ` +
        `(${startup.total} requests: ${line(startup.byVerb)}; ${api.openWatches()} watches open)`,
    );

    // 1. N models at once.
    const ready = new Tracker(api, tap, AIMODEL_KIND, NAMESPACE, (m) => aimodelReady(m));
    trackers.push(ready);
    tap.reset();
    const t0 = performance.now();
    tap.direct(() => {
      for (let i = 1; i <= n; i++) {
        api.create(aimodelCopy(examples, NAMESPACE, i));
        api.create(versionCopy(examples, NAMESPACE, i));
      }
    });
    log(`  created ${n} AIModels and ${n} ModelVersions in ${seconds(performance.now() - t0)}`);
    const readyMs = await phase(
      ctx,
      'convergence',
      ready.whenCount(n),
      () => `ready ${ready.count}/${n}`,
      t0,
    );
    const converged = await settle(ctx);
    const convergeCounts = tap.snapshot();
    checkCounts(tap, 'convergence');
    const rssConverged = operator.memory();
    log(
      `  all ${n} Ready after ${seconds(readyMs)}; ` +
        (converged.settled
          ? `the operator went quiet ${seconds(converged.waitedMs)} later`
          : `the operator was still busy ${seconds(converged.waitedMs)} later (counts taken then)`),
    );
    describeCounts('requests to converge', convergeCounts, n);
    log(
      `  operator RSS after convergence: ${mib(rssConverged?.rss)} MiB (at start ${mib(rssStarted?.rss)} MiB)`,
    );
    const cachedObjects = cachedObjectCount(api);
    const grownBytes = (rssConverged?.rss ?? 0) - (rssStarted?.rss ?? 0);
    const memory = {
      cachedObjects,
      perModelKiB: Math.round(grownBytes / n / 1024),
      per1000CachedObjectsMiB: mib((grownBytes * 1000) / Math.max(1, cachedObjects)),
    };
    log(
      `  RSS grown by convergence: ${memory.perModelKiB} KiB per model, ${memory.per1000CachedObjectsMiB} MiB per 1,000 cached objects (${cachedObjects} cached)`,
    );

    // 2. Idle.
    tap.reset();
    const idleStart = performance.now();
    await Promise.race([
      delay(args.idleS * 1000),
      operator.exited.then((exit) => {
        throw new BenchFailure(
          `operator exited (${JSON.stringify(exit)}) during the idle period\n${operator!.tail()}`,
        );
      }),
    ]);
    const idleMs = performance.now() - idleStart;
    ctx.deadline += idleMs;
    const idleCounts = tap.snapshot();
    checkCounts(tap, 'idle');
    describeCounts(`idle ${seconds(idleMs)}`, idleCounts);
    // What a quiet operator holds once V8 has had time to give back what it no longer uses.
    const rssIdle = operator.memory();
    log(`  operator RSS after the idle period: ${mib(rssIdle?.rss)} MiB`);

    // 3. A spec change every Deployment must carry.
    const client = new KubeClient(api.kubeConfig(NAMESPACE));
    const names = Array.from({ length: n }, (_, i) => modelName(examples.aimodel.metadata.name!, i + 1));
    const generations = new Map(
      api.list(AIMODEL_KIND, NAMESPACE).map((m) => [m.metadata.name!, m.metadata.generation ?? 0]),
    );
    const carried = new Tracker(api, tap, DEPLOYMENT_KIND, NAMESPACE, (d) =>
      templateHasEnv(d, CHANGE_ENV.name, CHANGE_ENV.value),
    );
    const readyAgain = new Tracker(
      api,
      tap,
      AIMODEL_KIND,
      NAMESPACE,
      (m) =>
        (m.metadata.generation ?? 0) > (generations.get(m.metadata.name!) ?? Infinity) &&
        aimodelReady(m, true),
    );
    trackers.push(carried, readyAgain);
    tap.reset();
    const t1 = performance.now();
    await pool(names, PATCH_CONCURRENCY, (name) =>
      client.request('PATCH', `/apis/ai.suoke.life/v1alpha1/namespaces/${NAMESPACE}/aimodels/${name}`, {
        query: { fieldManager: BENCH_FIELD_MANAGER },
        contentType: 'application/merge-patch+json',
        body: { spec: { runtime: { env: [CHANGE_ENV] } } },
      }),
    );
    const patchMs = performance.now() - t1;
    log(`  patched the runtime env of ${n} AIModels in ${seconds(patchMs)}`);
    const carriedMs = await phase(
      ctx,
      'the spec change',
      carried.whenCount(n),
      () => `Deployments carrying the change ${carried.count}/${n}`,
      t1,
    );
    const readyAgainMs = await phase(
      ctx,
      'the spec change',
      readyAgain.whenCount(n),
      () => `Ready at the new generation ${readyAgain.count}/${n}`,
      t1,
    );
    const changeSettled = await settle(ctx);
    const changeCounts = tap.snapshot();
    checkCounts(tap, 'spec change');
    const rssChanged = operator.memory();
    describeCounts('requests for the change', changeCounts, n);
    log(`  operator RSS after the change: ${mib(rssChanged?.rss)} MiB (peak ${mib(rssChanged?.peak)} MiB)`);

    // 4. A new version applied to an idle operator: how soon its rollout starts (its first status write).
    const latency = versionCopy(examples, NAMESPACE, 1);
    const latencyName = `${latency.metadata.name!}-next`;
    latency.metadata = { ...latency.metadata, name: latencyName };
    (latency['spec'] as { version: string }).version = 'next';
    const started = new Tracker(
      api,
      tap,
      MODEL_VERSION_KIND,
      NAMESPACE,
      (mv) => mv.metadata.name === latencyName && mv['status'] !== undefined,
    );
    trackers.push(started);
    const t2 = performance.now();
    api.create(latency);
    const firstStatusMs = await phase(ctx, 'the new version', started.whenCount(1), () => 'new version', t2);
    log(`  a new ModelVersion's first status write (idle operator): ${Math.round(firstStatusMs)} ms`);

    // 5. Baseline: the same rendered objects, applied directly.
    const base = baselineInputs(api, tap, examples, n);
    log(
      `  baseline: rendered ${base.objects.length} objects for ${n} models in ${seconds(base.renderMs)}; applying…`,
    );
    const tb = performance.now();
    let applied = 0;
    const progress = setInterval(
      () =>
        log(`  baseline applied ${applied}/${base.objects.length} after ${seconds(performance.now() - tb)}`),
      5_000,
    );
    try {
      for (const object of base.objects) {
        await client.request('PATCH', objectPath(object), {
          query: { fieldManager: BENCH_FIELD_MANAGER, force: true },
          contentType: 'application/apply-patch+yaml',
          body: object,
        });
        applied++;
      }
    } finally {
      clearInterval(progress);
    }
    const baselineMs = performance.now() - tb;
    const ratio = readyMs / baselineMs;
    log(
      `  baseline: ${base.objects.length} plain server-side applies (${round(base.objects.length / n, 1)} objects × ${n} models, one at a time) in ${seconds(baselineMs)}`,
    );
    log(`  operator time to Ready / baseline: ${round(ratio)}x`);

    const logSummary = operator.logSummary();
    if (logSummary.problems.length > 0) {
      log(
        `  operator warnings and errors: ${logSummary.problems.map((p) => `${p.level} '${p.msg}' ×${p.count}`).join('; ')}`,
      );
    }
    if (!operator.running)
      throw new BenchFailure(`operator exited at the end of the run\n${operator.tail()}`);
    return {
      models: n,
      startup: { ms: Math.round(startupMs), requests: startup.total, byVerb: startup.byVerb },
      converge: {
        readyMs: Math.round(readyMs),
        settled: converged.settled,
        countedUntilMs: Math.round(readyMs + converged.waitedMs),
        ...figures(convergeCounts, n),
      },
      idle: {
        seconds: round(idleMs / 1000, 1),
        requestsPerMinute: round((idleCounts.total / idleMs) * 60_000),
        ...figures(idleCounts),
      },
      change: {
        patchMs: Math.round(patchMs),
        deploymentsUpdatedMs: Math.round(carriedMs),
        readyAgainMs: Math.round(readyAgainMs),
        settled: changeSettled.settled,
        ...figures(changeCounts, n),
      },
      memory,
      newVersionFirstStatusMs: Math.round(firstStatusMs),
      rssMiB: {
        started: mib(rssStarted?.rss),
        converged: mib(rssConverged?.rss),
        afterIdle: mib(rssIdle?.rss),
        afterChange: mib(rssChanged?.rss),
        peak: mib(rssChanged?.peak),
      },
      kubeletStatusWrites: kubelet.marked,
      baseline: {
        applyMs: Math.round(baselineMs),
        renderMs: Math.round(base.renderMs),
        applies: base.objects.length,
        objectsPerModel: round(base.objects.length / n, 1),
        operatorReadyOverBaseline: round(ratio),
      },
      operatorLog: logSummary,
    };
  } catch (error) {
    if (error instanceof BenchFailure || operator === undefined) throw error;
    throw new BenchFailure(`${n} models: ${(error as Error).message}\n${operator.tail()}`, { cause: error });
  } finally {
    for (const t of trackers) t.stop();
    kubelet.stop();
    if (operator !== undefined) {
      const wasRunning = operator.running;
      const exit = await operator.stop();
      if (wasRunning && exit.code !== 0) {
        log(`  operator exited with code ${exit.code} (signal ${exit.signal}) on SIGTERM`);
      }
    }
    currentOperator = undefined;
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** N AIModel copies in the baseline namespace (direct hook) and what render() derives for each, rendered up front. */
function baselineInputs(
  api: FakeApiServer,
  tap: FakeApiTap,
  examples: Examples,
  n: number,
): {
  objects: Array<
    Record<string, unknown> & {
      apiVersion: string;
      kind: string;
      metadata: { name: string; namespace?: string };
    }
  >;
  renderMs: number;
} {
  const models = tap.direct(() =>
    Array.from({ length: n }, (_, i) => {
      api.create(aimodelCopy(examples, BASELINE_NAMESPACE, i + 1));
      return api.get(AIMODEL_KIND, BASELINE_NAMESPACE, modelName(examples.aimodel.metadata.name!, i + 1))!;
    }),
  );
  const t = performance.now();
  const objects = models.flatMap((model, i) => {
    const version = versionCopy(examples, BASELINE_NAMESPACE, i + 1) as unknown as ModelVersion;
    const spec = version.spec;
    return render(model as unknown as AIModel, [version], [{ version: spec.version, weight: 100 }]);
  });
  return { objects, renderMs: performance.now() - t };
}

/** REST path of a rendered (namespaced) object. */
function objectPath(object: {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
}): string {
  const [group, version] = object.apiVersion.includes('/')
    ? object.apiVersion.split('/')
    : ['', object.apiVersion];
  const lower = object.kind.toLowerCase();
  const plural = lower.endsWith('y') ? `${lower.slice(0, -1)}ies` : `${lower}s`;
  const prefix = group ? `/apis/${group}/${version}` : `/api/${version}`;
  return `${prefix}/namespaces/${object.metadata.namespace ?? BASELINE_NAMESPACE}/${plural}/${object.metadata.name}`;
}

// --- main ----------------------------------------------------------------------------------------

let currentOperator: OperatorProcess | undefined;

/** Where `npm run build` writes: the outDir of tsconfig.json (which tsconfig.build.json extends). */
function buildDir(): string {
  try {
    const config = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as {
      compilerOptions?: { outDir?: string };
    };
    return join(ROOT, config.compilerOptions?.outDir ?? 'build');
  } catch {
    return join(ROOT, 'build');
  }
}

function build(): Promise<void> {
  return new Promise((done, fail) => {
    execFile('npm', ['run', 'build'], { cwd: ROOT, maxBuffer: 64 * 2 ** 20 }, (error, stdout, stderr) => {
      if (error === null) return done();
      const output = `${stdout}\n${stderr}`.trim().split('\n').slice(-40).join('\n');
      fail(new BenchFailure(`npm run build failed (${error.message.split('\n')[0]}):\n${output}`));
    });
  });
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const entry = args.operator ?? join(buildDir(), 'operators', 'main.js');
  if (!existsSync(entry) && !args.build) throw new BenchFailure(`no operator build at ${entry}`);
  log(
    `bench:scale — models ${args.models.join(', ')}; idle ${args.idleS}s; timeout ${args.timeoutS}s per model count; operator ${entry}`,
  );
  if (args.build) {
    const t = performance.now();
    log('building the operator (npm run build)…');
    await build();
    log(`built in ${seconds(performance.now() - t)}`);
  }
  const examples = loadExamples(ROOT);
  const results: Record<string, unknown>[] = [];
  for (const n of args.models) results.push(await runModels(n, args, entry, examples));

  log('\nsummary:');
  for (const r of results) {
    const c = r['converge'] as { readyMs: number; requestsPerModel: number; writeRequestsPerModel: number };
    const i = r['idle'] as { requests: number; seconds: number };
    const ch = r['change'] as { deploymentsUpdatedMs: number; requestsPerModel: number };
    const m = r['rssMiB'] as { converged: number | null };
    const b = r['baseline'] as { applyMs: number; operatorReadyOverBaseline: number };
    log(
      `  ${r['models']} models: Ready ${seconds(c.readyMs)} (baseline ${seconds(b.applyMs)}, ${b.operatorReadyOverBaseline}x); ` +
        `${c.requestsPerModel} requests/model, ${c.writeRequestsPerModel} writes/model; idle ${i.requests} requests in ${i.seconds}s; ` +
        `change in ${seconds(ch.deploymentsUpdatedMs)} (${ch.requestsPerModel} requests/model); RSS ${m.converged} MiB`,
    );
  }
  console.log(JSON.stringify({ bench: 'scale', idleSeconds: args.idleS, results }));
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    const pid = currentOperator?.pid;
    if (pid !== undefined && currentOperator?.running) process.kill(pid, 'SIGKILL');
    console.error(`bench:scale: ${signal}, stopped`);
    process.exit(130);
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`bench:scale failed: ${message}`);
    if (!(error instanceof BenchFailure) && error instanceof Error && error.stack) console.error(error.stack);
    if (currentOperator !== undefined) console.error(currentOperator.tail(20));
    const pid = currentOperator?.pid;
    if (pid !== undefined && currentOperator?.running) process.kill(pid, 'SIGKILL');
    process.exit(1);
  },
);
