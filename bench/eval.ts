/**
 * `npm run bench:eval`: what an evaluation run costs through the runtime, beside calling the model
 * engine directly with the same client.
 *
 * Setup (separate processes, as in bench:runtime): the stub OpenAI engine and the runtime (compiled
 * as for the image, run with plain `node`, backed by a real redis-server) each run as their own
 * Node.js process; this process runs the evaluation's own code (runtime/eval: dataset parsing,
 * bounded concurrency, per-case timeouts, expectations) as the Job does. BENCH_CASES (default 100)
 * cases at BENCH_CONCURRENCY (default 8), alternately straight to the engine and through the runtime,
 * BENCH_ROUNDS (default 5) times each after one warm-up of each, in the same run; each figure is the
 * median round. The engine answers like a small model: a fixed think time, then the whole answer.
 * Prints progress, a table (total ms, cases/s, mean case latency, per-case overhead, ratio), and as
 * the last line one JSON object with every figure.
 */
import { rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { stringify } from 'yaml';
import { parseDataset } from '../runtime/eval/dataset.js';
import { runEvaluation, type CaseOutcome, type EvaluatedVersion } from '../runtime/eval/run.js';
import { RedisServer } from '../tests/support/redis-server.js';
import { compileRuntime, startRuntime, startStub } from './runtime/processes.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const CASES = Number(process.env.BENCH_CASES ?? 100);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** Engine behaviour: think time before the answer, and the answer. */
const ENGINE = { delayMs: 20, reply: 'Rest, drink water, and please see a doctor if it goes on.' };

type Side = 'direct' | 'runtime';

interface Round {
  readonly totalMs: number;
  readonly meanCaseMs: number;
  readonly passed: number;
}

interface Figures {
  readonly totalMs: number;
  readonly casesPerSecond: number;
  readonly meanCaseMs: number;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const cases = parseDataset(
  stringify({
    cases: Array.from({ length: CASES }, (_, i) => ({
      id: `case-${i}`,
      prompt: `Case ${i}: I have had a headache for ${i + 1} days; what should I do?`,
      params: { max_tokens: 64 },
      expect: { contains: ['doctor'], notContains: ['you have'], maxLatency: '5s' },
    })),
  }),
  { hasJudge: false, source: 'bench' },
);
const silent = pino({ level: 'silent' });

/** One evaluation of every case against `url`, with the evaluation's own client code. */
async function evaluate(url: string, model: string): Promise<Round> {
  const latencies: number[] = [];
  const target: EvaluatedVersion = { version: 'bench', url };
  const started = performance.now();
  const result = await runEvaluation(cases, target, undefined, {
    runId: 'bench/eval-bench-1',
    model,
    concurrency: CONCURRENCY,
    caseTimeoutMs: 30_000,
    logger: silent,
    logContent: false,
    onCase: (_side, outcome: CaseOutcome) => {
      if (outcome.latencyMs !== undefined) latencies.push(outcome.latencyMs);
    },
  });
  const totalMs = performance.now() - started;
  const passed = result.target?.passed ?? 0;
  if (passed !== CASES)
    throw new Error(
      `${passed} of ${CASES} cases passed against ${url}: ${JSON.stringify(result.target?.failed[0])}`,
    );
  return { totalMs, meanCaseMs: latencies.reduce((a, b) => a + b, 0) / latencies.length, passed };
}

function figures(rounds: readonly Round[]): Figures {
  const totalMs = median(rounds.map((r) => r.totalMs));
  return {
    totalMs: round(totalMs),
    casesPerSecond: round((CASES / totalMs) * 1000, 1),
    meanCaseMs: round(median(rounds.map((r) => r.meanCaseMs))),
  };
}

function row(label: string, f: Figures, overhead: string, ratio: string): string {
  return `${label.padEnd(26)} ${f.totalMs.toFixed(1).padStart(10)} ${f.casesPerSecond.toFixed(1).padStart(10)} ${f.meanCaseMs
    .toFixed(2)
    .padStart(14)} ${overhead.padStart(18)} ${ratio.padStart(8)}`;
}

async function main(): Promise<void> {
  const compiled = await compileRuntime(root);
  const redis = await RedisServer.start();
  const stub = await startStub(root);
  const runtime = await startRuntime(compiled, stub.base, redis.url);
  try {
    await fetch(`${stub.base}/__stub/behaviour`, { method: 'POST', body: JSON.stringify(ENGINE) });
    console.log(
      `eval bench: ${CASES} cases at concurrency ${CONCURRENCY}, ${ROUNDS} rounds per side alternating, after one warm-up each`,
    );
    console.log(
      `machine: ${availableParallelism()} CPUs, load average ${loadavg()[0]?.toFixed(1)} at start (others' load skews every figure)`,
    );
    console.log(
      `engine: ${ENGINE.delayMs} ms think time, ${ENGINE.reply.split(' ').length}-word answers, not streamed`,
    );
    const sides: Record<Side, { url: string; model: string }> = {
      direct: { url: stub.base, model: 'stub-model' },
      runtime: { url: runtime.base, model: 'xiaoai' },
    };
    for (const side of ['direct', 'runtime'] as const) await evaluate(sides[side].url, sides[side].model);
    const rounds: Record<Side, Round[]> = { direct: [], runtime: [] };
    for (let i = 0; i < ROUNDS; i++) {
      // The order flips every round, so background load hits both sides alike.
      const order: Side[] = i % 2 === 0 ? ['direct', 'runtime'] : ['runtime', 'direct'];
      for (const side of order) {
        const r = await evaluate(sides[side].url, sides[side].model);
        rounds[side].push(r);
        console.log(
          `round ${i + 1}/${ROUNDS} ${side.padEnd(7)} ${r.totalMs.toFixed(1).padStart(8)} ms, mean case ${r.meanCaseMs.toFixed(2)} ms, ${r.passed}/${CASES} passed`,
        );
      }
    }
    const direct = figures(rounds.direct);
    const throughRuntime = figures(rounds.runtime);
    const overheadMs = round(throughRuntime.meanCaseMs - direct.meanCaseMs);
    const ratio = round(throughRuntime.totalMs / direct.totalMs, 3);
    console.log(
      `\n${'median round'.padEnd(26)} ${'total ms'.padStart(10)} ${'cases/s'.padStart(10)} ${'mean case ms'.padStart(14)} ${'overhead ms/case'.padStart(18)} ${'ratio'.padStart(8)}`,
    );
    console.log(row('client → engine', direct, '-', '1.000'));
    console.log(
      row(
        'client → runtime → engine',
        throughRuntime,
        `${overheadMs >= 0 ? '+' : ''}${overheadMs.toFixed(2)}`,
        ratio.toFixed(3),
      ),
    );
    console.log(
      `\nthrough the runtime an evaluation of ${CASES} cases takes ${ratio}x as long as against the engine directly (${overheadMs} ms more per case)\n`,
    );
    console.log(
      JSON.stringify({
        cases: CASES,
        concurrency: CONCURRENCY,
        rounds: ROUNDS,
        engine: ENGINE,
        direct,
        runtime: throughRuntime,
        overheadMsPerCase: overheadMs,
        ratio,
      }),
    );
  } finally {
    runtime.child.kill('SIGTERM');
    stub.child.kill('SIGTERM');
    await redis.dispose();
    rmSync(compiled.dir, { recursive: true, force: true });
  }
}

await main();
