/** Flag values shared by several commands, checked with errors that name the flag and the fix. */
import { parseDuration } from '../operators/rollout/duration.js';
import { stringFlag, type FlagSpec, type ParsedArgs } from './args.js';
import { UsageError } from './errors.js';
import type { OutputFormat } from './output.js';
import { WAIT_TARGETS, type WaitTarget } from './rollout-wait.js';

export const TIMEOUT_FLAG: FlagSpec = {
  name: 'timeout',
  kind: 'string',
  placeholder: 'DURATION',
  default: '30m',
  description: 'Give up (exit 2) after this long, e.g. 90s, 30m, 1h30m.',
};

export const FOR_FLAG: FlagSpec = {
  name: 'for',
  kind: 'string',
  values: WAIT_TARGETS,
  default: 'promoted',
  description:
    'promoted: phase Promoted; baked: promoted and its bake at 100% finished; gate: waiting at the manual gate for promote; paused: Paused for any reason (the manual gate, a pause request, missing data).',
};

/** `--output` of the commands that follow a rollout: progress lines, or JSON lines for machines. */
export function progressOutputFlag(description: string): FlagSpec {
  return {
    name: 'output',
    short: 'o',
    kind: 'string',
    values: ['table', 'json'],
    default: 'table',
    description,
  };
}

export function timeoutMs(args: ParsedArgs): number {
  const text = stringFlag(args, 'timeout') ?? '30m';
  let ms: number;
  try {
    ms = parseDuration(text, '--timeout');
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error });
  }
  if (ms <= 0) throw new UsageError(`--timeout: '${text}' must be longer than 0, e.g. --timeout 30m`);
  return ms;
}

export const waitTarget = (args: ParsedArgs): WaitTarget =>
  (stringFlag(args, 'for') ?? 'promoted') as WaitTarget;

export const outputFormat = (args: ParsedArgs): OutputFormat =>
  (stringFlag(args, 'output') ?? 'table') as OutputFormat;
