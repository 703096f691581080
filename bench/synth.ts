/**
 * `npm run bench:synth`: what rendering costs.
 *
 * - the whole `npm run synth` (platform chart, agents chart, the four previews), in memory: the first (cold)
 *   run and the median of the warm runs;
 * - `render()` for 1, 10 and 100 agents (each a copy of xiaoai under its own name, canarying v2 at 10%, the
 *   heaviest case the operator meets), median of several rounds.
 *
 * Times are CPU time of this process (medians), so load from other processes on the machine does not skew them.
 * The baseline is the 1-agent render of the same run: `perAgentVsOne` is the cost of one agent when rendering N,
 * relative to rendering one alone (≈ 1 means linear growth; well above 1 would mean super-linear), and
 * `growth10to100` is t(100) / t(10) (≈ 10 when linear). The last line of output is one JSON object with every
 * figure.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { render } from '../charts-ts/render.js';
import { synthesize } from '../charts-ts/synth.js';
import type { AIModel, ModelVersion } from '../crds/api/index.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const SIZES = [1, 10, 100] as const;

const read = <T>(path: string): T => parse(readFileSync(`${root}/${path}`, 'utf8')) as T;
const template = read<AIModel>('examples/aimodels/xiaoai.yaml');
const v1 = read<ModelVersion>('examples/modelversions/xiaoai-v1.yaml');
const v2 = read<ModelVersion>('examples/modelversions/xiaoai-v2-canary.yaml');

/** Agent i: xiaoai under the name agent-i, with its two versions. */
function agent(i: number): { aimodel: AIModel; versions: ModelVersion[] } {
  const name = `agent-${i}`;
  const aimodel: AIModel = {
    ...template,
    metadata: { name, namespace: 'suoke-ai', uid: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}` },
    spec: { ...template.spec, agent: { ...template.spec.agent, name } },
  };
  const versions = [v1, v2].map((v) => ({ ...v, spec: { ...v.spec, modelRef: { name } } }));
  return { aimodel, versions };
}

function renderAll(agents: ReturnType<typeof agent>[]): number {
  let objects = 0;
  for (const { aimodel, versions } of agents) {
    objects += render(
      aimodel,
      versions,
      [
        { version: 'v1', weight: 90 },
        { version: 'v2', weight: 10 },
      ],
      { scaleWithTraffic: ['v2'] },
    ).length;
  }
  return objects;
}

/**
 * CPU milliseconds of this process spent in `run` (user + system). CPU time rather than wall time: the machine
 * is shared, and wall time would measure the neighbours' load as much as ours.
 */
function timeMs(run: () => unknown): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const round = (n: number, digits = 2) => Number(n.toFixed(digits));

const coldSynthMs = timeMs(() => synthesize());
const warmSynth: number[] = [];
let files = 0;
for (let i = 0; i < ROUNDS; i++) warmSynth.push(timeMs(() => (files = synthesize().size)));

// Warm the JIT on render before measuring, as a long-running operator would be.
renderAll([agent(0), agent(1), agent(2)]);
const renderMs: Record<number, number> = {};
const objectsPer: Record<number, number> = {};
for (const size of SIZES) {
  const agents = Array.from({ length: size }, (_, i) => agent(i));
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS; r++) samples.push(timeMs(() => (objectsPer[size] = renderAll(agents))));
  renderMs[size] = median(samples);
}

const one = renderMs[1] as number;
const result = {
  rounds: ROUNDS,
  synth: { files, coldMs: round(coldSynthMs), warmMedianMs: round(median(warmSynth)) },
  render: Object.fromEntries(
    SIZES.map((size) => [
      `agents${size}`,
      {
        objects: objectsPer[size],
        totalMs: round(renderMs[size] as number),
        perAgentMs: round((renderMs[size] as number) / size, 3),
        perAgentVsOne: round((renderMs[size] as number) / size / one, 3),
      },
    ]),
  ),
  growth10to100: round((renderMs[100] as number) / (renderMs[10] as number), 2),
};

console.log(`synth (platform + agents + ${files - 2} previews, ${files} files)`);
console.log(
  `  cold ${result.synth.coldMs} ms, warm median ${result.synth.warmMedianMs} ms CPU over ${ROUNDS} runs`,
);
console.log('render() of N agents (each: v1 stable + v2 canary at 10%), CPU time');
for (const size of SIZES) {
  const r = result.render[`agents${size}`] as {
    objects: number;
    totalMs: number;
    perAgentMs: number;
    perAgentVsOne: number;
  };
  console.log(
    `  ${String(size).padStart(3)} agents: ${String(r.totalMs).padStart(8)} ms total, ${r.perAgentMs} ms/agent ` +
      `(${r.perAgentVsOne}x the 1-agent cost), ${r.objects} objects`,
  );
}
console.log(`  growth 10 → 100 agents: ${result.growth10to100}x (10x is linear)\n`);
console.log(JSON.stringify(result));
