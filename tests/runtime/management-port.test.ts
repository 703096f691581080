import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { StubEngine } from '../support/stub-engine.js';
import { waitFor } from '../support/wait.js';
import { startRuntime, type TestRuntime } from './harness.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('runtime: MANAGEMENT_PORT', () => {
  let stub: StubEngine;
  let rt: TestRuntime;
  let management: string;

  beforeAll(async () => {
    stub = await StubEngine.start();
    rt = await startRuntime({ ENGINE_BASE_URL: stub.baseUrl, MANAGEMENT_PORT: '0' });
    management = rt.managementUrl as string;
  });
  afterAll(async () => {
    await rt.close();
    await stub.close();
  });
  beforeEach(() => stub.reset());

  it('serves /metrics on the management port only: the API port answers 404 for it', async () => {
    await rt
      .client()
      .chat.completions.create({ model: 'xiaoai', messages: [{ role: 'user', content: 'x' }] });
    const scraped = await fetch(`${management}/metrics`);
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toMatch(/^ai_inference_requests_total\{code="200",.*\} 1$/m);

    const onApi = await fetch(`${rt.url}/metrics`);
    expect(onApi.status).toBe(404);
    expect(((await onApi.json()) as { error: { code: string } }).error.code).toBe('unknown_url');
  });

  it('serves /healthz and /readyz on both ports (load balancers may probe the API port)', async () => {
    for (const base of [management, rt.url]) {
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', checks: { engine: 'ok', redis: 'disabled' } });
    }
  });

  it('serves none of the API on the management port', async () => {
    for (const [method, path] of [
      ['POST', '/v1/chat/completions'],
      ['POST', '/v1/responses'],
      ['GET', '/v1/models'],
    ] as const) {
      const res = await fetch(`${management}${path}`, {
        method,
        ...(method === 'POST'
          ? { body: '{"model":"xiaoai","messages":[{"role":"user","content":"x"}]}' }
          : {}),
      });
      expect(res.status).toBe(404);
    }
    expect(stub.stats.chatCalls).toBe(0);
  });
});

describe('runtime: the management port during a drain', () => {
  it('answers /readyz 503 while requests finish, then closes', async () => {
    const stub = await StubEngine.start({ tokens: 20, tokenDelayMs: 20 });
    const rt = await startRuntime({ ENGINE_BASE_URL: stub.baseUrl, MANAGEMENT_PORT: '0' });
    try {
      const stream = await rt.client().chat.completions.create({
        model: 'xiaoai',
        messages: [{ role: 'user', content: 'long answer' }],
        stream: true,
      });
      const drained = rt.runtime.drain(10_000);
      const ready = await fetch(`${rt.managementUrl}/readyz`);
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { status: string }).status).toBe('draining');
      let text = '';
      for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
      expect(text.split(' ')).toHaveLength(20);
      expect(await drained).toBe(true);
      await expect(fetch(`${rt.managementUrl}/healthz`)).rejects.toThrow();
    } finally {
      await rt.close();
      await stub.close();
    }
  });
});

describe('runtime: MANAGEMENT_PORT in the real process', () => {
  it('listens on both ports, names both in its "listening" line, and exits 0 on SIGTERM', async () => {
    const stub = await StubEngine.start();
    const child = spawn(process.execPath, ['--import', 'tsx', 'runtime/main.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOST: '127.0.0.1',
        PORT: '0',
        MANAGEMENT_PORT: '0',
        MODEL: 'xiaoai',
        ENGINE_BASE_URL: stub.baseUrl,
        DRAIN_TIMEOUT_MS: '2000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const lines: Record<string, unknown>[] = [];
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line.startsWith('{')) lines.push(JSON.parse(line) as Record<string, unknown>);
      });
      const listening = await waitFor(() => lines.find((l) => l.msg === 'listening'), {
        timeoutMs: 30_000,
        intervalMs: 50,
        description: 'the runtime process to log "listening"',
      });
      expect(listening.port).toEqual(expect.any(Number));
      expect(listening.managementPort).toEqual(expect.any(Number));
      expect(listening.managementPort).not.toBe(listening.port);
      const api = `http://127.0.0.1:${String(listening.port)}`;
      const managementUrl = `http://127.0.0.1:${String(listening.managementPort)}`;
      expect((await fetch(`${managementUrl}/metrics`)).status).toBe(200);
      expect((await fetch(`${api}/metrics`)).status).toBe(404);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await stub.close();
    }
  });
});
