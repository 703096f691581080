import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import OpenAI from 'openai';
import { freePort } from '../support/net.js';
import { StubEngine } from '../support/stub-engine.js';
import { waitFor } from '../support/wait.js';
import { startRuntime } from './harness.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The runtime as a real process, the way `npm run runtime` starts it. */
async function spawnRuntime(env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'runtime/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: String(port),
      MODEL: 'xiaoai',
      ENGINE_MODEL: 'stub-model',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}/readyz`)).status === 200, {
    timeoutMs: 30_000,
    intervalMs: 100,
    description: `the runtime process to be ready (output: ${output})`,
  });
  return { child, url, exited, output: () => output };
}

const stop = (child: ChildProcess) => {
  if (child.exitCode === null) child.kill('SIGKILL');
};

describe('runtime: graceful drain on SIGTERM (real process)', () => {
  let stub: StubEngine;
  beforeAll(async () => {
    stub = await StubEngine.start();
  });
  afterAll(async () => stub.close());

  it('lets a stream in progress finish, refuses new connections, and exits 0', async () => {
    stub.reset({ tokens: 30, tokenDelayMs: 30 });
    const rt = await spawnRuntime({ ENGINE_BASE_URL: stub.baseUrl, DRAIN_TIMEOUT_MS: '15000' });
    try {
      const client = new OpenAI({ baseURL: `${rt.url}/v1`, apiKey: 'none', maxRetries: 0 });
      const stream = await client.chat.completions.create({
        model: 'xiaoai',
        messages: [{ role: 'user', content: 'long answer please' }],
        stream: true,
      });
      let text = '';
      let signalled = false;
      for await (const chunk of stream) {
        text += chunk.choices[0]?.delta?.content ?? '';
        if (!signalled && text !== '') {
          signalled = true;
          rt.child.kill('SIGTERM');
          // New connections are refused while the stream goes on.
          await waitFor(
            () =>
              fetch(`${rt.url}/healthz`).then(
                () => false,
                () => true,
              ),
            {
              description: 'new connections to be refused',
            },
          );
        }
      }
      expect(text.split(' ')).toHaveLength(30);
      expect(await rt.exited).toBe(0);
      expect(rt.output()).toContain('"msg":"draining"');
      expect(rt.output()).toContain('"msg":"drained; exiting"');
      expect(stub.stats.completed).toBe(1);
    } finally {
      stop(rt.child);
    }
  });

  it('ends what still runs at DRAIN_TIMEOUT_MS with an error the client understands, logs each, exits 0', async () => {
    stub.reset({ tokens: 1000, tokenDelayMs: 20 });
    const rt = await spawnRuntime({ ENGINE_BASE_URL: stub.baseUrl, DRAIN_TIMEOUT_MS: '300' });
    try {
      const client = new OpenAI({ baseURL: `${rt.url}/v1`, apiKey: 'none', maxRetries: 0 });
      const prompt = 'my private symptoms';
      const ask = { model: 'xiaoai', messages: [{ role: 'user' as const, content: prompt }] };
      const streams = await Promise.all(
        ['cut-stream-1', 'cut-stream-2'].map((id) =>
          client.chat.completions.create({ ...ask, stream: true }, { headers: { 'x-request-id': id } }),
        ),
      );
      const whole = client.chat.completions
        .create(ask, { headers: { 'x-request-id': 'cut-whole' } })
        .catch((e: unknown) => e);
      await waitFor(() => stub.stats.chatCalls === 3, { description: 'all three calls to reach the engine' });
      rt.child.kill('SIGTERM');

      const cut = await Promise.all(
        streams.map(async (stream) => {
          let text = '';
          const error = await (async () => {
            for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
          })().catch((e: unknown) => e);
          return { text, error: error as InstanceType<typeof OpenAI.APIError> };
        }),
      );
      for (const { text, error } of cut) {
        // An in-band error event, not a connection reset: the official client raises an APIError.
        expect(error).toBeInstanceOf(OpenAI.APIError);
        expect(error.code).toBe('shutting_down');
        expect(text).toMatch(/^tok0/);
      }
      const refused = (await whole) as InstanceType<typeof OpenAI.APIError>;
      expect(refused).toBeInstanceOf(OpenAI.APIError);
      expect([refused.status, refused.code]).toEqual([503, 'shutting_down']);
      expect(refused.headers?.get('retry-after')).toBe('1');

      expect(await rt.exited).toBe(0);
      const logs = rt
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(logs.filter((l) => l.msg === 'drain deadline: ending request').map((l) => l.reqId)).toEqual(
        expect.arrayContaining(['cut-stream-1', 'cut-stream-2', 'cut-whole']),
      );
      expect(logs.filter((l) => l.msg === 'request').map((l) => [l.reqId, l.code, l.errorCode])).toEqual(
        expect.arrayContaining([
          ['cut-stream-1', 503, 'shutting_down'],
          ['cut-stream-2', 503, 'shutting_down'],
          ['cut-whole', 503, 'shutting_down'],
        ]),
      );
      expect(rt.output()).toContain('drain cut short at its deadline');
      expect(rt.output()).not.toContain(prompt);
      await waitFor(() => stub.stats.aborted === 3, { description: 'the engine calls to be aborted' });
    } finally {
      stop(rt.child);
    }
  });
});

describe('runtime: drain (in process)', () => {
  it('answers /readyz 503 draining while in-flight requests finish', async () => {
    const stub = await StubEngine.start({ tokens: 10, tokenDelayMs: 20 });
    const rt = await startRuntime({ ENGINE_BASE_URL: stub.baseUrl });
    try {
      const pending = rt
        .client()
        .chat.completions.create({ model: 'xiaoai', messages: [{ role: 'user', content: 'x' }] });
      await waitFor(() => stub.stats.chatCalls === 1, { description: 'the engine call' });
      const drained = rt.runtime.drain(10_000);
      expect(await rt.runtime.readiness.check()).toEqual({
        httpStatus: 503,
        report: { status: 'draining', checks: { engine: 'ok', redis: 'disabled' } },
      });
      expect((await pending).choices[0]?.message.content).toContain('tok9');
      expect(await drained).toBe(true);
      expect(rt.runtime.server.listening).toBe(false);
    } finally {
      await stub.close();
    }
  });
});
