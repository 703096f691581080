import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import OpenAI from 'openai';
import { parseStubArgs } from '../support/stub-engine.js';

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
    expect(parseStubArgs(['--port', '9000', '--drop', 'mid-stream'])).toEqual({
      port: 9000,
      behaviour: { drop: 'mid-stream' },
    });
  });
});
