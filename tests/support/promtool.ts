import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

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

/** One `promtool test rules` case without rules: series sampled every 15 s, and PromQL expectations. */
export interface PromqlTest {
  readonly input_series: readonly { readonly series: string; readonly values: string }[];
  readonly promql_expr_test: readonly unknown[];
}

/**
 * Evaluates PromQL over synthetic series with the real promtool: writes `<name>.test.yaml` (and an empty
 * rule file, which promtool requires) into `cwd` and runs `promtool test rules` on it.
 */
export function testPromql(
  cwd: string,
  name: string,
  test: PromqlTest,
): Promise<{ code: number | null; output: string }> {
  writeFileSync(join(cwd, 'empty.yaml'), stringify({ groups: [] }));
  writeFileSync(
    join(cwd, `${name}.test.yaml`),
    stringify({
      rule_files: ['empty.yaml'],
      evaluation_interval: '15s',
      tests: [{ interval: '15s', ...test }],
    }),
  );
  return runPromtool(cwd, 'test', 'rules', `${name}.test.yaml`);
}
