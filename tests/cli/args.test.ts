/** The command-line parser: the spellings people type, and an error naming the flag for each mistake. */
import { describe, expect, test } from '@jest/globals';
import { parseArgs, type CommandSpec } from '../../cli/args.js';
import { UsageError } from '../../cli/errors.js';

const SPEC: CommandSpec = {
  name: 'demo',
  summary: 'demo',
  args: '<name>',
  positionals: [1, 1],
  flags: [
    { name: 'wait', kind: 'boolean', description: '' },
    { name: 'timeout', kind: 'string', default: '30m', description: '' },
    { name: 'filename', short: 'f', kind: 'strings', description: '' },
    {
      name: 'output',
      short: 'o',
      kind: 'string',
      values: ['table', 'json'],
      default: 'table',
      description: '',
    },
  ],
};

describe('parseArgs', () => {
  test.each([
    ['long flag with a separate value', ['x', '--timeout', '5m'], { timeout: '5m' }],
    ['long flag with =', ['x', '--timeout=5m'], { timeout: '5m' }],
    ['short flag glued', ['x', '-ojson'], { output: 'json' }],
    ['short flag separate', ['x', '-o', 'json'], { output: 'json' }],
    ['boolean', ['x', '--wait'], { wait: true }],
    ['boolean =false', ['x', '--wait=false'], { wait: false }],
    [
      'repeatable and comma-separated',
      ['x', '-f', 'a.yaml', '-f', 'b.yaml,c.yaml'],
      { filename: ['a.yaml', 'b.yaml', 'c.yaml'] },
    ],
    ['defaults', ['x'], { timeout: '30m', output: 'table' }],
    ['global namespace', ['x', '-n', 'agents'], { namespace: 'agents' }],
  ])('%s', (_name, argv, flags) => {
    expect(parseArgs(SPEC, argv).flags).toMatchObject(flags);
    expect(parseArgs(SPEC, argv).positionals).toEqual(['x']);
  });

  test('-- ends the flags', () => {
    expect(() => parseArgs(SPEC, ['--', '--odd-name'])).not.toThrow();
    expect(parseArgs(SPEC, ['--', '--odd-name']).positionals).toEqual(['--odd-name']);
  });

  test('--help skips the argument count', () => {
    expect(parseArgs(SPEC, ['--help']).help).toBe(true);
  });

  test.each([
    [['x', '--nope'], "unknown flag '--nope' for 'kubectl model demo'"],
    [['x', '-z'], "unknown flag '-z' for 'kubectl model demo'"],
    [['x', '--timeout'], 'flag --timeout needs a value, e.g. --timeout 30m'],
    [['x', '--wait=yes'], "flag --wait takes no value or true/false, not 'yes'"],
    [['x', '-o', 'xml'], "flag -o/--output: 'xml' is not one of table, json"],
    [[], "'kubectl model demo' needs <name>"],
    [['x', 'y'], "'kubectl model demo' takes at most 1 argument, got 'y'"],
  ])('%j is a UsageError', (argv, message) => {
    expect(() => parseArgs(SPEC, argv)).toThrow(UsageError);
    expect(() => parseArgs(SPEC, argv)).toThrow(message);
  });
});
