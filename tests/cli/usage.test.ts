/** Help on every command, and clear errors with exit 3 for bad command lines. */
import { afterAll, beforeAll, describe, expect, test, jest } from '@jest/globals';
import { CliWorld } from './support/cli.js';

// Each test starts real CLI processes; a loaded machine needs more than the default minute.
jest.setTimeout(180_000);
let world: CliWorld;
beforeAll(async () => {
  world = await CliWorld.start();
});
afterAll(async () => {
  await world.stop();
});

const COMMANDS = [
  'apply',
  'wait',
  'status',
  'history',
  'promote',
  'abort',
  'pause',
  'resume',
  'retry',
  'rollback',
];

describe('usage', () => {
  test('bin/kubectl-model lists every command and the exit codes', async () => {
    const run = await world.run(['--help'], { viaBin: true });
    expect(run.code).toBe(0);
    for (const name of COMMANDS) expect(run.stdout.some((l) => l.startsWith(`  ${name} `))).toBe(true);
    expect(run.stdout.join('\n')).toContain('Exit codes: 0 done/promoted, 1 not promoted');
  });

  test.each(COMMANDS)('%s --help shows its usage and exits 0', async (name) => {
    const run = await world.run([name, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout.join('\n')).toMatch(new RegExp(`Usage: kubectl model ${name}\\b`));
    expect(run.stdout.join('\n')).toContain('--namespace');
  });

  test.each([
    [
      ['wait', 'xiaoai-v2', '--tiemout', '5m'],
      "unknown flag '--tiemout' for 'kubectl model wait'; see 'kubectl model wait --help'",
    ],
    [['status', '-x'], "unknown flag '-x' for 'kubectl model status'"],
    [['wait'], "'kubectl model wait' needs <modelversion>"],
    [['wait', 'a', 'b'], "'kubectl model wait' takes at most 1 argument, got 'b'"],
    [
      ['wait', 'xiaoai-v2', '--timeout', 'soon'],
      "--timeout: 'soon' is not a duration; write a number with a unit",
    ],
    [['wait', 'xiaoai-v2', '--timeout'], 'flag --timeout needs a value, e.g. --timeout 30m'],
    [['status', '-o', 'xml'], "flag -o/--output: 'xml' is not one of table, json, yaml"],
    [
      ['wait', 'xiaoai-v2', '--for', 'done'],
      "flag --for: 'done' is not one of promoted, baked, gate, paused",
    ],
    [['apply'], "'kubectl model apply' needs -f FILE"],
    [['deploy'], "unknown command 'deploy'; use one of apply, wait"],
    [
      ['status', '--kubeconfig', '/nonexistent/kubeconfig'],
      "--kubeconfig: file '/nonexistent/kubeconfig' does not exist",
    ],
  ])('%j is refused with exit 3', async (args, message) => {
    const run = await world.run(args);
    expect(run.code).toBe(3);
    expect(run.stderr.join('\n')).toContain(message);
    expect(world.api.requests).toEqual([]);
  });
});
