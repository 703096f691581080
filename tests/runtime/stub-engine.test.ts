import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import OpenAI from 'openai';
import { parseStubArgs, StubEngine } from '../support/stub-engine.js';
import { waitFor, waitForEvent } from '../support/wait.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('stub engine as its own process (used by end-to-end rollout tests)', () => {
  it('starts from flags, fails at the set rate, and is re-configurable over HTTP at run time', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'tests/support/stub-engine.ts',
        '--port',
        '0',
        '--fail-rate',
        '0.3',
        '--fail-status',
        '503',
      ],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
      const first = await lines.next();
      const { baseUrl } = JSON.parse(first.value as string) as { baseUrl: string };
      const client = new OpenAI({ baseURL: baseUrl, apiKey: 'none', maxRetries: 0 });
      let failures = 0;
      for (let i = 0; i < 10; i++) {
        await client.chat.completions
          .create({ model: 'stub-model', messages: [{ role: 'user', content: 'x' }] })
          .catch((e: unknown) => {
            expect((e as InstanceType<typeof OpenAI.APIError>).status).toBe(503);
            failures += 1;
          });
      }
      expect(failures).toBe(3);
      const control = await fetch(`${baseUrl.replace(/\/v1$/, '')}/__stub/behaviour`, {
        method: 'POST',
        body: JSON.stringify({ failRate: 0 }),
      });
      expect(control.status).toBe(200);
      await expect(
        client.chat.completions.create({ model: 'stub-model', messages: [{ role: 'user', content: 'x' }] }),
      ).resolves.toBeDefined();
      const stats = (await (await fetch(`${baseUrl.replace(/\/v1$/, '')}/__stub/stats`)).json()) as Record<
        string,
        number
      >;
      expect(stats).toMatchObject({ chatCalls: 11, failed: 3, completed: 8 });
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('refuses unknown flags and non-numeric values by name', () => {
    expect(() => parseStubArgs(['--fail-rate', 'lots'])).toThrow("--fail-rate must be a number, got 'lots'");
    expect(() => parseStubArgs(['--colour', 'red'])).toThrow('unknown flag --colour');
    expect(parseStubArgs(['--port', '9000', '--drop', 'mid-stream', '--stall-after', '3'])).toEqual({
      port: 9000,
      behaviour: { drop: 'mid-stream', stallAfter: 3 },
    });
  });
});

describe('stub engine behaviours', () => {
  it('stalls a stream after stallAfter tokens and holds it open until the client leaves', async () => {
    const stub = await StubEngine.start({ tokens: 10, stallAfter: 2 });
    try {
      const client = new OpenAI({ baseURL: stub.baseUrl, apiKey: 'none', maxRetries: 0 });
      const controller = new AbortController();
      const stalled = waitForEvent(stub, 'stall');
      const stream = await client.chat.completions.create(
        { model: 'stub-model', messages: [{ role: 'user', content: 'x' }], stream: true },
        { signal: controller.signal },
      );
      let text = '';
      const consumed = (async () => {
        for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
      })();
      await stalled;
      await waitFor(() => text === 'tok0 tok1', { description: 'the tokens sent before the stall' });
      expect(stub.stats).toMatchObject({ stalled: 1, completed: 0, aborted: 0 });
      controller.abort();
      await consumed;
      await waitFor(() => stub.stats.aborted === 1, { description: 'the stub to see the client leave' });
      expect(text).toBe('tok0 tok1');
    } finally {
      await stub.close();
    }
  });
});
