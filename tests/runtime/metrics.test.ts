import { spawn } from 'node:child_process';
import { StubEngine } from '../support/stub-engine.js';
import { startRuntime, type TestRuntime } from './harness.js';

/** Runs the real `promtool check metrics` on an exposition; resolves with its exit code and output. */
function promtoolCheckMetrics(exposition: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.env.PROMTOOL_BIN ?? '/usr/bin/promtool', ['check', 'metrics'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
    child.stdin.end(exposition);
  });
}

interface Series {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly value: number;
}

/** The samples of a text exposition, labels parsed (prom-client does not keep one label order). */
function seriesOf(exposition: string): Series[] {
  return exposition.split('\n').flatMap((line) => {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (match === null) return [];
    const labels = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]),
    );
    return [{ name: match[1]!, labels, value: Number(match[3]) }];
  });
}

const sameLabels = (a: Record<string, string>, b: Record<string, string>): boolean =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(b).every(([k, v]) => a[k] === v);

describe('runtime /metrics', () => {
  let stub: StubEngine;
  let rt: TestRuntime;

  beforeAll(async () => {
    stub = await StubEngine.start({ tokens: 4, tokenDelayMs: 1 });
    rt = await startRuntime({
      ENGINE_BASE_URL: stub.baseUrl,
      AGENT: 'xiaoai',
      MODEL: 'xiaoai-conversation-llm',
      MODEL_VERSION: 'v2',
    });
    const client = rt.client();
    const ask = {
      model: 'xiaoai-conversation-llm',
      messages: [{ role: 'user' as const, content: 'one two three' }],
    };
    await client.chat.completions.create(ask);
    const stream = await client.chat.completions.create({ ...ask, stream: true });
    for await (const _chunk of stream) {
      // drain
    }
    await fetch(`${rt.url}/v1/chat/completions`, { method: 'POST', body: '{' });
  });
  afterAll(async () => {
    await rt.close();
    await stub.close();
  });

  it('passes promtool check metrics', async () => {
    const exposition = await (await fetch(`${rt.url}/metrics`)).text();
    const { code, output } = await promtoolCheckMetrics(exposition);
    expect(output).toBe('');
    expect(code).toBe(0);
  });

  it('exposes the contract metric names with agent, model and version labels from config', async () => {
    const text = await (await fetch(`${rt.url}/metrics`)).text();
    const labels = { agent: 'xiaoai', model: 'xiaoai-conversation-llm', version: 'v2' };
    const live = { ...labels, traffic: 'live' };
    const series = seriesOf(text);
    const value = (name: string, wanted: Record<string, string>) =>
      series.filter((s) => s.name === name && sameLabels(s.labels, wanted)).map((s) => s.value);
    expect(value('ai_inference_requests_total', { code: '200', ...live })).toEqual([2]);
    expect(value('ai_inference_requests_total', { code: '400', ...live })).toEqual([1]);
    expect(value('ai_inference_request_duration_seconds_count', live)).toEqual([3]);
    expect(value('ai_inference_time_to_first_token_seconds_count', live)).toEqual([1]);
    expect(value('ai_inference_tokens_total', { type: 'completion', ...live })).toEqual([8]);
    expect(value('ai_inference_tokens_total', { type: 'prompt', ...live })).toEqual([6]);
    expect(value('ai_inference_cache_requests_total', { result: 'hit', ...labels })).toEqual([0]);
    expect(value('ai_inference_in_flight_requests', live)).toEqual([0]);
    // Server-error series exist at 0 before the first error, so rate() sees the first ones; for
    // mirrored (shadow) requests too, the only traffic a version in a shadow stage serves.
    for (const traffic of ['live', 'shadow']) {
      for (const code of ['500', '502', '503', '504']) {
        expect([code, value('ai_inference_requests_total', { code, ...labels, traffic })]).toEqual([
          code,
          [0],
        ]);
      }
      expect(value('ai_inference_request_duration_seconds_count', { ...labels, traffic })).toHaveLength(1);
      expect(value('ai_inference_in_flight_requests', { ...labels, traffic })).toEqual([0]);
    }
    // Every request series says which traffic it counts; the cache metric has no traffic (mirrored
    // requests never use the cache).
    for (const s of series.filter((x) => x.name.startsWith('ai_inference_'))) {
      expect([s.name, s.labels.traffic !== undefined]).toEqual([
        s.name,
        !s.name.startsWith('ai_inference_cache_requests_total'),
      ]);
    }
    expect(text).toMatch(/^process_cpu_seconds_total \d/m);
  });
});
