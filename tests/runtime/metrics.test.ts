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
    const labels = 'agent="xiaoai",model="xiaoai-conversation-llm",version="v2"';
    expect(text).toContain(`ai_inference_requests_total{code="200",${labels}} 2`);
    expect(text).toContain(`ai_inference_requests_total{code="400",${labels}} 1`);
    expect(text).toContain(`ai_inference_request_duration_seconds_count{${labels}} 3`);
    expect(text).toContain(`ai_inference_time_to_first_token_seconds_count{${labels}} 1`);
    expect(text).toContain(`ai_inference_tokens_total{type="completion",${labels}} 8`);
    expect(text).toContain(`ai_inference_tokens_total{type="prompt",${labels}} 6`);
    expect(text).toContain(`ai_inference_cache_requests_total{result="hit",${labels}} 0`);
    expect(text).toContain(`ai_inference_in_flight_requests{${labels}} 0`);
    // Server-error series exist at 0 before the first error, so rate() sees the first ones.
    for (const code of ['500', '502', '503', '504']) {
      expect(text).toContain(`ai_inference_requests_total{code="${code}",${labels}} 0`);
    }
    expect(text).toMatch(/^process_cpu_seconds_total \d/m);
  });
});
