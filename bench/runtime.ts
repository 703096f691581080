/**
 * `npm run bench:runtime`: what the runtime costs in front of a model engine, beside nginx.
 *
 * Setup (separate processes, so no two parts share an event loop): the stub OpenAI engine and the
 * runtime (compiled as for the image, run with plain `node`) each run as their own Node.js process;
 * nginx, when installed, runs as a plain reverse proxy in front of the same engine; this process is
 * the load generator (node:http, keep-alive, a fixed number of concurrent workers). A real
 * redis-server backs the runtime (cache, sessions).
 * For each concurrency (`BENCH_CONCURRENCY`, default `8,16`) and workload it measures, in one run,
 * client → stub engine directly (the baseline), client → nginx → stub engine and client → runtime →
 * stub engine, then prints throughput, p50/p99 latency, the CPU milliseconds the runtime and nginx
 * each spent per request, and the ratios. The verdicts are at the highest concurrency.
 * At that concurrency the same runtime also runs traced, in the same rounds: a second process with
 * OTEL_EXPORTER_OTLP_ENDPOINT set (every request sampled) exporting to a stand-in collector of its
 * own process, so tracing's price is read as traced ÷ untraced throughput and added latency.
 * `BENCH_RUNTIME_SRC` measures other runtime sources instead of runtime/ (a folder named runtime under
 * node_modules/.cache, e.g. `git archive HEAD runtime | tar -x -C node_modules/.cache/head`), so two
 * revisions can be compared under the same bench.
 * The engine answers like a small model at moderate load: a fixed think time, then tokens at a pace.
 * At that concurrency it also measures session affinity's hop (bench/runtime/forwarded-turn.ts): a
 * session turn sent to the runtime it is pinned to, against the same turn sent to the other version's
 * runtime, which forwards it once.
 * The last line of output is one JSON object with every figure.
 */
import { rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RedisServer } from '../tests/support/redis-server.js';
import { measureForwardedTurn, pinSession, startForwardPair } from './runtime/forwarded-turn.js';
import { load, loadRaw, summarise, type Figures, type Raw } from './runtime/load.js';
import { NGINX_PACKAGE, startNginx, type NginxProxy } from './runtime/nginx.js';
import { compileRuntime, startReceiver, startRuntime, startStub } from './runtime/processes.js';
import { canMeasureCpu, treeCpuMs } from './runtime/process-cpu.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const CONCURRENCIES = (process.env.BENCH_CONCURRENCY ?? '8,16').split(',').map(Number);
/** The concurrency of the verdicts and of the top-level JSON figures. */
const HEADLINE_CONCURRENCY = Math.max(...CONCURRENCIES);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 5_000);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 1_500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
/** Load every side gets first (half of it non-streaming), so JIT compilation is over before measuring. */
const PRIME_MS = Number(process.env.BENCH_PRIME_MS ?? 5_000);
/** The runtime sources to measure: runtime/ of this checkout unless `BENCH_RUNTIME_SRC` names another. */
const RUNTIME_SOURCE = process.env.BENCH_RUNTIME_SRC ? resolve(process.env.BENCH_RUNTIME_SRC) : undefined;
/** Engine behaviour: think time before the answer, tokens per answer, pace between streamed tokens. */
const ENGINE = { delayMs: 20, tokens: 16, tokenDelayMs: 2 };

/** Who the load generator talks to; `traced` is the runtime exporting a span tree per request. */
type Side = 'direct' | 'nginx' | 'runtime' | 'traced';

interface Target {
  readonly side: Side;
  readonly base: string;
  readonly body: string;
  /** Process (tree) whose CPU time is measured; none for the engine itself. */
  readonly pid?: number;
}

interface Measured {
  readonly figures: Figures;
  /** CPU the process spent per request served (ms): the load-independent cost of the hop. */
  readonly cpuMsPerRequest: number | undefined;
}

type Comparison = Partial<Record<Side, Measured>>;

/** `targets` in the order that starts with target `round` (for two targets: flipped every round). */
function rotate<T>(targets: readonly T[], round: number): T[] {
  const start = round % targets.length;
  return [...targets.slice(start), ...targets.slice(0, start)];
}

/**
 * The targets alternate in ROUNDS short rounds (order rotated each round) and their samples are
 * pooled, so background load on a shared machine hits every side alike instead of one phase. CPU
 * time is read once before the first round and once after the last: a tick is 10 ms, and a proxy
 * idles while the other sides run.
 */
async function compare(targets: readonly Target[], concurrency: number): Promise<Comparison> {
  for (const target of targets) await load(target.base, target.body, WARMUP_MS, concurrency);
  const measureCpu = canMeasureCpu();
  const cpuOf = (target: Target) =>
    measureCpu && target.pid !== undefined ? treeCpuMs(target.pid) : undefined;
  const cpuBefore = targets.map(cpuOf);
  const raws: Raw[][] = targets.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const target of rotate(targets, round)) {
      const raw = await loadRaw(target.base, target.body, DURATION_MS / ROUNDS, concurrency);
      raws[targets.indexOf(target)]?.push(raw);
    }
  }
  const comparison: Comparison = {};
  targets.forEach((target, i) => {
    const figures = summarise(raws[i] ?? [], DURATION_MS);
    const before = cpuBefore[i];
    const after = cpuOf(target);
    comparison[target.side] = {
      figures,
      cpuMsPerRequest:
        before !== undefined && after !== undefined
          ? (after - before) / Math.max(1, figures.requests)
          : undefined,
    };
  });
  return comparison;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const rounded = (f: Figures): Figures =>
  Object.fromEntries(Object.entries(f).map(([key, value]) => [key, round(value)])) as unknown as Figures;
const roundedCpu = (ms: number | undefined) => (ms === undefined ? null : round(ms, 3));

const WORKLOAD_LABEL = { nonStreaming: 'non-streaming', streaming: 'streaming' } as const;
type Workload = keyof typeof WORKLOAD_LABEL;

function row(name: string, f: Figures): string {
  return `${name.padEnd(34)} ${f.rps.toFixed(0).padStart(7)} req/s   p50 ${f.p50Ms.toFixed(2).padStart(7)} ms   p99 ${f.p99Ms
    .toFixed(2)
    .padStart(7)} ms   ttfb p99 ${f.ttfbP99Ms.toFixed(2).padStart(7)} ms   errors ${f.errors}`;
}

function printComparison(workload: Workload, comparison: Comparison): void {
  for (const side of ['direct', 'nginx', 'runtime', 'traced'] as const) {
    const measured = comparison[side];
    const name = side === 'traced' ? 'runtime, traced' : side;
    if (measured !== undefined)
      console.log(row(`${name} → engine (${WORKLOAD_LABEL[workload]})`, measured.figures));
  }
}

/** What tracing costs: the traced runtime against the same runtime untraced, in the same rounds. */
function tracingResult(comparison: Comparison) {
  const untraced = comparison.runtime as Measured;
  const traced = comparison.traced as Measured;
  const cpu = (m: Measured) => m.cpuMsPerRequest;
  const untracedCpu = cpu(untraced);
  const tracedCpu = cpu(traced);
  return {
    traced: rounded(traced.figures),
    throughputRatio: round(traced.figures.rps / untraced.figures.rps, 3),
    addedP50Ms: round(traced.figures.p50Ms - untraced.figures.p50Ms),
    addedP99Ms: round(traced.figures.p99Ms - untraced.figures.p99Ms),
    tracedCpuMsPerRequest: roundedCpu(tracedCpu),
    addedCpuMsPerRequest:
      tracedCpu !== undefined && untracedCpu !== undefined ? round(tracedCpu - untracedCpu, 3) : null,
  };
}

function tracingVerdict(r: ReturnType<typeof tracingResult>): string {
  const sign = (n: number) => (n >= 0 ? `+${n}` : `${n}`);
  const cpu = r.addedCpuMsPerRequest !== null ? `, ${sign(r.addedCpuMsPerRequest)} ms CPU/request` : '';
  return `${(r.throughputRatio * 100).toFixed(1)}% of untraced throughput, ${sign(r.addedP50Ms)} ms p50, ${sign(r.addedP99Ms)} ms p99${cpu}`;
}

interface CpuRow {
  readonly label: string;
  readonly runtime: number | undefined;
  readonly nginx: number | undefined;
}

function printCpuTable(rows: readonly CpuRow[]): void {
  const ms = (value: number | undefined) => (value === undefined ? '-' : `${value.toFixed(3)} ms`);
  console.log(
    `\n${'CPU per request'.padEnd(32)} ${'runtime'.padStart(10)} ${'nginx'.padStart(10)} ${'runtime ÷ nginx'.padStart(16)}`,
  );
  for (const r of rows) {
    const ratio =
      r.runtime !== undefined && r.nginx !== undefined && r.nginx > 0
        ? `${(r.runtime / r.nginx).toFixed(1)}x`
        : '-';
    console.log(
      `${r.label.padEnd(32)} ${ms(r.runtime).padStart(10)} ${ms(r.nginx).padStart(10)} ${ratio.padStart(16)}`,
    );
  }
}

const signed = (n: number) => (n >= 0 ? `+${n}` : `${n}`);

/** A forwarded-turn comparison with its figures rounded, for the JSON line. */
function forwardedResult(r: Awaited<ReturnType<typeof measureForwardedTurn>>) {
  return { ...r, direct: rounded(r.direct), forwarded: rounded(r.forwarded) };
}

/** The figures of one workload at one concurrency, for the JSON line. */
function workloadResult(comparison: Comparison) {
  const direct = comparison.direct?.figures as Figures;
  const runtime = comparison.runtime?.figures as Figures;
  const nginx = comparison.nginx;
  const runtimeCpu = comparison.runtime?.cpuMsPerRequest;
  return {
    direct: rounded(direct),
    ...(nginx !== undefined ? { nginx: rounded(nginx.figures) } : {}),
    runtime: rounded(runtime),
    throughputRatio: round(runtime.rps / direct.rps, 3),
    addedP50Ms: round(runtime.p50Ms - direct.p50Ms),
    addedP99Ms: round(runtime.p99Ms - direct.p99Ms),
    addedTtfbP99Ms: round(runtime.ttfbP99Ms - direct.ttfbP99Ms),
    runtimeCpuMsPerRequest: roundedCpu(runtimeCpu),
    nginxCpuMsPerRequest: roundedCpu(nginx?.cpuMsPerRequest),
    runtimeVsNginxCpu:
      runtimeCpu !== undefined && nginx?.cpuMsPerRequest
        ? round(runtimeCpu / nginx.cpuMsPerRequest, 1)
        : null,
  };
}

type WorkloadResult = ReturnType<typeof workloadResult>;

function verdict(r: WorkloadResult): string {
  const nginx = r.nginxCpuMsPerRequest !== null ? ` (nginx ${r.nginxCpuMsPerRequest} ms)` : '';
  return `${(r.throughputRatio * 100).toFixed(1)}% of direct throughput (target ≥ 85%), ${r.addedP99Ms >= 0 ? '+' : ''}${r.addedP99Ms} ms p99 (target ≤ 5 ms), runtime CPU ${r.runtimeCpuMsPerRequest ?? 'n/a'} ms/request${nginx}`;
}

async function main(): Promise<void> {
  const compiled = await compileRuntime(root, RUNTIME_SOURCE);
  const redis = await RedisServer.start();
  const stub = await startStub(root);
  const runtime = await startRuntime(compiled, stub.base, redis.url);
  const collector = await startReceiver(root);
  const traced = await startRuntime(compiled, stub.base, redis.url, {
    OTEL_EXPORTER_OTLP_ENDPOINT: collector.base,
    OTEL_SERVICE_NAME: 'xiaoai',
  });
  const forwardPair = await startForwardPair(compiled, stub.base, redis.url);
  let nginx: NginxProxy | undefined;
  try {
    nginx = await startNginx(new URL(stub.base).host);
    await fetch(`${stub.base}/__stub/behaviour`, { method: 'POST', body: JSON.stringify(ENGINE) });
    const ask = (model: string, extra: Record<string, unknown> = {}) =>
      JSON.stringify({
        model,
        messages: [{ role: 'user', content: 'How should I sleep better after night shifts?' }],
        ...extra,
      });
    const targets = (extra: Record<string, unknown>, withTraced: boolean): Target[] => [
      { side: 'direct', base: stub.base, body: ask('stub-model', extra) },
      ...(nginx !== undefined
        ? [{ side: 'nginx' as const, base: nginx.base, body: ask('stub-model', extra), pid: nginx.pid }]
        : []),
      { side: 'runtime', base: runtime.base, body: ask('xiaoai', extra), pid: runtime.child.pid as number },
      ...(withTraced
        ? [
            {
              side: 'traced' as const,
              base: traced.base,
              body: ask('xiaoai', extra),
              pid: traced.child.pid as number,
            },
          ]
        : []),
    ];

    console.log(
      `runtime bench: concurrency ${CONCURRENCIES.join(' and ')}, ${DURATION_MS} ms per side in ${ROUNDS} alternating rounds after ${WARMUP_MS} ms warm-up, ${PRIME_MS} ms priming per side first`,
    );
    console.log(
      `machine: ${availableParallelism()} CPUs, load average ${loadavg()[0]?.toFixed(1)} at start (others' load skews every figure)`,
    );
    console.log(
      `engine: ${ENGINE.delayMs} ms think time, ${ENGINE.tokens} tokens, ${ENGINE.tokenDelayMs} ms between streamed tokens`,
    );
    console.log(
      nginx !== undefined
        ? `nginx: ${nginx.version}, plain reverse proxy (1 worker, keep-alive to the engine, proxy_buffering off, access log on)`
        : `nginx: not found (NGINX_BIN, PATH, /usr/sbin), its rows are skipped (Debian: apt-get install ${NGINX_PACKAGE})`,
    );
    if (RUNTIME_SOURCE !== undefined) console.log(`runtime sources: ${RUNTIME_SOURCE}`);
    if (!canMeasureCpu()) console.log('CPU per request: needs Linux /proc, skipped');
    console.log(
      `tracing: at concurrency ${HEADLINE_CONCURRENCY}, the runtime again with every request traced (OTLP/JSON to a local collector process)`,
    );

    for (const extra of [{}, { stream: true }]) {
      for (const target of targets(extra, true))
        await load(target.base, target.body, PRIME_MS / 2, HEADLINE_CONCURRENCY);
    }

    const byConcurrency = [];
    const cpuRows: CpuRow[] = [];
    let cacheHit: Figures | undefined;
    let tracing: { nonStreaming: Comparison; streaming: Comparison } | undefined;
    for (const concurrency of CONCURRENCIES) {
      const headlineRound = concurrency === HEADLINE_CONCURRENCY;
      const results = {
        nonStreaming: await compare(targets({}, headlineRound), concurrency),
        streaming: await compare(targets({ stream: true }, headlineRound), concurrency),
      };
      if (headlineRound) tracing = results;
      console.log(`\nconcurrency ${concurrency}`);
      for (const workload of ['nonStreaming', 'streaming'] as const) {
        printComparison(workload, results[workload]);
        cpuRows.push({
          label: `${WORKLOAD_LABEL[workload]}, concurrency ${concurrency}`,
          runtime: results[workload].runtime?.cpuMsPerRequest,
          nginx: results[workload].nginx?.cpuMsPerRequest,
        });
      }
      if (concurrency === HEADLINE_CONCURRENCY) {
        const deterministic = ask('xiaoai', { temperature: 0 });
        await load(runtime.base, deterministic, WARMUP_MS, concurrency);
        cacheHit = await load(runtime.base, deterministic, DURATION_MS, concurrency);
        console.log(row('runtime cache hit (temperature 0)', cacheHit));
      }
      byConcurrency.push({
        concurrency,
        nonStreaming: workloadResult(results.nonStreaming),
        streaming: workloadResult(results.streaming),
      });
    }
    printCpuTable(cpuRows);

    const turn = ask('xiaoai');
    await pinSession(forwardPair, turn);
    const timing = { warmupMs: WARMUP_MS, durationMs: DURATION_MS, rounds: ROUNDS };
    const forwardedTurn = {
      concurrency: HEADLINE_CONCURRENCY,
      nonStreaming: await measureForwardedTurn(forwardPair, turn, HEADLINE_CONCURRENCY, timing),
      streaming: await measureForwardedTurn(
        forwardPair,
        ask('xiaoai', { stream: true }),
        HEADLINE_CONCURRENCY,
        timing,
      ),
    };
    for (const workload of ['nonStreaming', 'streaming'] as const) {
      const measured = forwardedTurn[workload];
      console.log(row(`session turn, pinned runtime (${WORKLOAD_LABEL[workload]})`, measured.direct));
      console.log(row(`session turn, forwarded (${WORKLOAD_LABEL[workload]})`, measured.forwarded));
    }

    const headline = byConcurrency.find((c) => c.concurrency === HEADLINE_CONCURRENCY)!;
    const hit = cacheHit as Figures;
    const measuredTracing = tracing as { nonStreaming: Comparison; streaming: Comparison };
    const metrics = await (await fetch(`${traced.base}/metrics`)).text();
    const dropped = Number(/^ai_tracing_spans_dropped_total\{[^}]*\} (\S+)$/m.exec(metrics)?.[1] ?? NaN);
    // Its drain exports what is still queued: then the collector has every span it will get.
    const drained = new Promise((resolve) => traced.child.once('exit', resolve));
    traced.child.kill('SIGTERM');
    await drained;
    const exported = (await (await fetch(`${collector.base}/stats`)).json()) as { spans: number };
    const result = {
      concurrency: HEADLINE_CONCURRENCY,
      durationMs: DURATION_MS,
      engine: ENGINE,
      nginx: nginx?.version ?? null,
      nonStreaming: headline.nonStreaming,
      streaming: headline.streaming,
      cacheHit: {
        runtime: rounded(hit),
        throughputVsDirectEngine: round(hit.rps / headline.nonStreaming.direct.rps, 3),
      },
      tracing: {
        concurrency: HEADLINE_CONCURRENCY,
        sampler: 'parentbased_always_on',
        nonStreaming: tracingResult(measuredTracing.nonStreaming),
        streaming: tracingResult(measuredTracing.streaming),
        spansExported: exported.spans,
        spansDropped: dropped,
      },
      forwardedTurn: {
        concurrency: forwardedTurn.concurrency,
        nonStreaming: forwardedResult(forwardedTurn.nonStreaming),
        streaming: forwardedResult(forwardedTurn.streaming),
      },
      byConcurrency,
    };
    console.log(`\nat concurrency ${HEADLINE_CONCURRENCY}:`);
    console.log(`non-streaming: ${verdict(result.nonStreaming)}`);
    console.log(`streaming:     ${verdict(result.streaming)}`);
    console.log(`cache hit:     ${result.cacheHit.throughputVsDirectEngine}x the direct engine's throughput`);
    console.log(`tracing on vs off, non-streaming: ${tracingVerdict(result.tracing.nonStreaming)}`);
    console.log(`tracing on vs off, streaming:     ${tracingVerdict(result.tracing.streaming)}`);
    console.log(
      `tracing: ${result.tracing.spansExported} spans reached the collector, ${result.tracing.spansDropped} dropped`,
    );
    for (const workload of ['nonStreaming', 'streaming'] as const) {
      const f = result.forwardedTurn[workload];
      console.log(
        `forwarded session turn, ${WORKLOAD_LABEL[workload]}: ${(f.throughputRatio * 100).toFixed(1)}% of the pinned runtime's throughput, ${signed(f.addedP50Ms)} ms p50, ${signed(f.addedP99Ms)} ms p99`,
      );
    }
    console.log('');
    console.log(JSON.stringify(result));
  } finally {
    await nginx?.stop();
    runtime.child.kill('SIGTERM');
    traced.child.kill('SIGTERM');
    forwardPair.pinned.child.kill('SIGTERM');
    forwardPair.forwarder.child.kill('SIGTERM');
    collector.child.kill('SIGTERM');
    stub.child.kill('SIGTERM');
    await redis.dispose();
    rmSync(compiled.dir, { recursive: true, force: true });
  }
}

await main();
