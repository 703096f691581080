import { spawn } from 'node:child_process';

/** The real promtool: `$PROMTOOL_BIN`, or Debian's. */
export const PROMTOOL = process.env.PROMTOOL_BIN ?? '/usr/bin/promtool';

/** Runs promtool with `args` in the folder `cwd`; resolves with its exit code and its whole output. */
export function runPromtool(
  cwd: string,
  ...args: string[]
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(PROMTOOL, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}
