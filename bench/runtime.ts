/**
 * `npm run bench:runtime`: what the runtime costs in front of a model engine.
 *
 * Setup (three processes, so no two parts share an event loop): the stub OpenAI engine and the runtime
 * (compiled as for the image, run with plain `node`) each run as their own Node.js process; this process is the load generator (node:http, keep-alive,
 * a fixed number of concurrent workers). A real redis-server backs the runtime (cache, sessions).
 * For each workload it measures, in one run, client → stub engine directly (the baseline) and
 * client → runtime → stub engine, then prints throughput, p50/p99 latency and the ratios.
 * The engine answers like a small model at moderate load: a fixed think time, then tokens at a pace.
 * The last line of output is one JSON object with every figure.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../tests/support/net.js';
import { RedisServer } from '../tests/support/redis-server.js';
import { waitFor } from '../tests/support/wait.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 5_000);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 1_500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
/** Engine behaviour: think time before the answer, tokens per answer, pace between streamed tokens. */
const ENGINE = { delayMs: 20, tokens: 16, tokenDelayMs: 2 };

interface Figures {
  requests: number;
  errors: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  ttfbP50Ms: number;
  ttfbP99Ms: number;
}

function spawnNode(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

async function startStub(): Promise<{ child: ChildProcess; base: string }> {
  const child = spawnNode(['tests/support/stub-engine.ts', '--port', '0'], {});
  const first = await createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next();
  const { port } = JSON.parse(first.value as string) as { port: number };
  return { child, base: `http://127.0.0.1:${port}` };
}

/**
 * Compiles runtime/ with tsconfig.build.json into an image-like folder (package.json +
 * build/runtime/*.js), so the benchmark runs the JavaScript the image runs, not a loader.
 */
async function compileRuntime(): Promise<string> {
  const out = join(root, 'node_modules', '.cache', `runtime-bench-${process.pid}`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync(join(root, 'package.json'), join(out, 'package.json'));
  writeFileSync(
    join(out, 'tsconfig.json'),
    JSON.stringify({
      extends: join(root, 'tsconfig.build.json'),
      compilerOptions: { rootDir: root, outDir: join(out, 'build'), sourceMap: false },
      include: [join(root, 'runtime')],
    }),
  );
  await promisify(execFile)(process.execPath, [
    join(root, 'node_modules/typescript/bin/tsc'),
    '-p',
    join(out, 'tsconfig.json'),
  ]);
  return out;
}

async function startRuntime(
  compiled: string,
  engineBase: string,
  redisUrl: string,
): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(compiled, 'build/runtime/main.js')], {
    cwd: compiled,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      AGENT: 'xiaoai',
      MODEL: 'xiaoai',
      MODEL_VERSION: 'v1',
      ENGINE_MODEL: 'stub-model',
      ENGINE_BASE_URL: `${engineBase}/v1`,
      REDIS_MODE: 'standalone',
      REDIS_URL: redisUrl,
    },
  });
  child.stdout?.resume(); // JSON logs: read and drop, as a log collector would
  const base = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${base}/readyz`)).status === 200, {
    timeoutMs: 30_000,
    intervalMs: 100,
    description: 'the runtime to be ready',
  });
  return { child, base };
}

/** One request; resolves with [time to first byte, total] in ms, or throws on a non-200. */
function once(agent: Agent, url: URL, body: string): Promise<[number, number]> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstByte = 0;
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.on('data', () => {
          if (firstByte === 0) firstByte = performance.now() - started;
        });
        res.on('end', () =>
          res.statusCode === 200
            ? resolve([firstByte, performance.now() - started])
            : reject(new Error(`status ${res.statusCode}`)),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

interface Raw {
  totals: number[];
  ttfbs: number[];
  errors: number;
}

/** `CONCURRENCY` workers send requests back to back for `durationMs`. */
async function loadRaw(base: string, body: string, durationMs: number): Promise<Raw> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const url = new URL('/v1/chat/completions', base);
  const totals: number[] = [];
  const ttfbs: number[] = [];
  let errors = 0;
  const deadline = performance.now() + durationMs;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        try {
          const [ttfb, total] = await once(agent, url, body);
          ttfbs.push(ttfb);
          totals.push(total);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  agent.destroy();
  return { totals, ttfbs, errors };
}

function summarise(raws: Raw[], durationMs: number): Figures {
  const totals = raws.flatMap((r) => r.totals);
  const ttfbs = raws.flatMap((r) => r.ttfbs);
  const errors = raws.reduce((n, r) => n + r.errors, 0);
  const pct = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted.length === 0
      ? NaN
      : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number);
  };
  return {
    requests: totals.length,
    errors,
    rps: totals.length / (durationMs / 1000),
    p50Ms: pct(totals, 50),
    p99Ms: pct(totals, 99),
    ttfbP50Ms: pct(ttfbs, 50),
    ttfbP99Ms: pct(ttfbs, 99),
  };
}

/** CPU seconds a process has used, from its own /metrics (prom-client process metrics). */
async function cpuSeconds(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  return Number(/^process_cpu_seconds_total (\S+)/m.exec(text)?.[1] ?? NaN);
}

interface Pair {
  direct: Figures;
  runtime: Figures;
  /** CPU the runtime process spent per request (ms): load-independent cost of the extra hop. */
  runtimeCpuMsPerRequest: number;
}

/**
 * Direct and via-runtime alternate in ROUNDS short rounds (order flipped each round) and their samples
 * are pooled, so background load on a shared machine hits both sides alike instead of one phase.
 */
async function comparePair(
  directBase: string,
  directBody: string,
  runtimeBase: string,
  runtimeBody: string,
): Promise<Pair> {
  await load(directBase, directBody, WARMUP_MS);
  await load(runtimeBase, runtimeBody, WARMUP_MS);
  const direct: Raw[] = [];
  const runtime: Raw[] = [];
  let cpu = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const runRuntime = async () => {
      const before = await cpuSeconds(runtimeBase);
      const raw = await loadRaw(runtimeBase, runtimeBody, DURATION_MS / ROUNDS);
      cpu += (await cpuSeconds(runtimeBase)) - before;
      runtime.push(raw);
    };
    if (round % 2 === 0) {
      direct.push(await loadRaw(directBase, directBody, DURATION_MS / ROUNDS));
      await runRuntime();
    } else {
      await runRuntime();
      direct.push(await loadRaw(directBase, directBody, DURATION_MS / ROUNDS));
    }
  }
  const runtimeFigures = summarise(runtime, DURATION_MS);
  return {
    direct: summarise(direct, DURATION_MS),
    runtime: runtimeFigures,
    runtimeCpuMsPerRequest: (cpu * 1000) / Math.max(1, runtimeFigures.requests),
  };
}

async function load(base: string, body: string, durationMs: number): Promise<Figures> {
  return summarise([await loadRaw(base, body, durationMs)], durationMs);
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

async function main(): Promise<void> {
  const compiled = await compileRuntime();
  const redis = await RedisServer.start();
  const stub = await startStub();
  const runtime = await startRuntime(compiled, stub.base, redis.url);
  try {
    await fetch(`${stub.base}/__stub/behaviour`, { method: 'POST', body: JSON.stringify(ENGINE) });
    const ask = (model: string, extra: Record<string, unknown> = {}) =>
      JSON.stringify({
        model,
        messages: [{ role: 'user', content: 'How should I sleep better after night shifts?' }],
        ...extra,
      });

    console.log(
      `runtime bench: concurrency ${CONCURRENCY}, ${DURATION_MS} ms per side in ${ROUNDS} alternating rounds after ${WARMUP_MS} ms warm-up`,
    );
    console.log(
      `engine: ${ENGINE.delayMs} ms think time, ${ENGINE.tokens} tokens, ${ENGINE.tokenDelayMs} ms between streamed tokens\n`,
    );

    const plain = await comparePair(stub.base, ask('stub-model'), runtime.base, ask('xiaoai'));
    const streamed = await comparePair(
      stub.base,
      ask('stub-model', { stream: true }),
      runtime.base,
      ask('xiaoai', { stream: true }),
    );
    await load(runtime.base, ask('xiaoai', { temperature: 0 }), WARMUP_MS);
    const cacheHit = await load(runtime.base, ask('xiaoai', { temperature: 0 }), DURATION_MS);
    const [directPlain, viaPlain, directStream, viaStream] = [
      plain.direct,
      plain.runtime,
      streamed.direct,
      streamed.runtime,
    ];

    const row = (name: string, f: Figures) =>
      `${name.padEnd(34)} ${f.rps.toFixed(0).padStart(7)} req/s   p50 ${f.p50Ms.toFixed(2).padStart(7)} ms   p99 ${f.p99Ms
        .toFixed(2)
        .padStart(7)} ms   ttfb p99 ${f.ttfbP99Ms.toFixed(2).padStart(7)} ms   errors ${f.errors}`;
    console.log(row('direct → engine (non-streaming)', directPlain));
    console.log(row('runtime → engine (non-streaming)', viaPlain));
    console.log(row('direct → engine (streaming)', directStream));
    console.log(row('runtime → engine (streaming)', viaStream));
    console.log(row('runtime cache hit (temperature 0)', cacheHit));

    const result = {
      concurrency: CONCURRENCY,
      durationMs: DURATION_MS,
      engine: ENGINE,
      nonStreaming: {
        direct: directPlain,
        runtime: viaPlain,
        throughputRatio: round(viaPlain.rps / directPlain.rps, 3),
        addedP50Ms: round(viaPlain.p50Ms - directPlain.p50Ms),
        addedP99Ms: round(viaPlain.p99Ms - directPlain.p99Ms),
        runtimeCpuMsPerRequest: round(plain.runtimeCpuMsPerRequest, 3),
      },
      streaming: {
        direct: directStream,
        runtime: viaStream,
        throughputRatio: round(viaStream.rps / directStream.rps, 3),
        addedP50Ms: round(viaStream.p50Ms - directStream.p50Ms),
        addedP99Ms: round(viaStream.p99Ms - directStream.p99Ms),
        addedTtfbP99Ms: round(viaStream.ttfbP99Ms - directStream.ttfbP99Ms),
        runtimeCpuMsPerRequest: round(streamed.runtimeCpuMsPerRequest, 3),
      },
      cacheHit: { runtime: cacheHit, throughputVsDirectEngine: round(cacheHit.rps / directPlain.rps, 3) },
    };
    const verdict = (r: { throughputRatio: number; addedP99Ms: number; runtimeCpuMsPerRequest: number }) =>
      `${(r.throughputRatio * 100).toFixed(1)}% of direct throughput (target ≥ 85%), ${r.addedP99Ms >= 0 ? '+' : ''}${r.addedP99Ms} ms p99 (target ≤ 5 ms), runtime CPU ${r.runtimeCpuMsPerRequest} ms/request`;
    console.log(`\nnon-streaming: ${verdict(result.nonStreaming)}`);
    console.log(`streaming:     ${verdict(result.streaming)}`);
    console.log(
      `cache hit:     ${result.cacheHit.throughputVsDirectEngine}x the direct engine's throughput\n`,
    );
    for (const figures of [directPlain, viaPlain, directStream, viaStream, cacheHit]) {
      for (const key of Object.keys(figures) as (keyof Figures)[]) figures[key] = round(figures[key]);
    }
    console.log(JSON.stringify(result));
  } finally {
    runtime.child.kill('SIGTERM');
    stub.child.kill('SIGTERM');
    await redis.dispose();
    rmSync(compiled, { recursive: true, force: true });
  }
}

await main();
