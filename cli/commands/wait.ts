/** `kubectl model wait <modelversion>`: follow a rollout until it ends. */
import type { Command } from '../command.js';
import { FOR_FLAG, TIMEOUT_FLAG, progressOutputFlag, timeoutMs, waitTarget } from '../flags.js';
import { stringFlag } from '../args.js';
import { waitForRollout } from '../rollout-wait.js';

export const waitCommand: Command = {
  spec: {
    name: 'wait',
    summary: 'Follow a ModelVersion rollout until it is promoted, rolled back or the timeout passes.',
    args: '<modelversion>',
    positionals: [1, 1],
    flags: [
      TIMEOUT_FLAG,
      FOR_FLAG,
      progressOutputFlag('table: one progress line per change; json: one JSON object per line.'),
    ],
    details: [
      'Prints one line per change of the rollout (phase and pause reason, stage: Shadow, Preview,',
      'Experiment or Canary, canary step i/n, canary weight, the latest analysis: each check with its',
      'value against its threshold and its verdict). Survives API server restarts and expired watches',
      '(it lists again).',
      '',
      'Every strategy ends in Promoted (the last canary step, the blue-green switch, an experiment won)',
      'or RolledBack. --for gate ends at the manual gate only (the last canary step of mode Manual,',
      'BlueGreen mode Manual before its switch, Experiment winner Manual at its end) and prints the',
      'promote and abort commands; --for paused ends at any pause, including one for missing data.',
      '',
      'A version evaluated on its golden set shows Evaluating (and the Job) before its first step. An',
      'evaluation that could not be judged holds the rollout, Paused (EvaluationInvalid), until it is',
      "fixed and resumed ('kubectl model resume'); it is noted once on stderr. A version whose evaluation",
      'failed is rolled back before any user request and exits 1 with the failed cases.',
      '',
      'Exit codes: 0 promoted (or the --for target reached), 1 RolledBack, Failed, Superseded or deleted',
      '(the message and failed checks are printed), 2 timeout, 3 bad usage, 4 API error.',
    ].join('\n'),
    examples: [
      'kubectl model wait xiaoai-v2 -n agents --timeout 45m',
      'kubectl model wait xiaoai-v2 --for gate -o json',
    ],
  },
  async run(args, deps) {
    const timeout = timeoutMs(args);
    const ctx = deps.connect(args);
    return waitForRollout(ctx, {
      name: args.positionals[0] as string,
      timeoutMs: timeout,
      target: waitTarget(args),
      format: stringFlag(args, 'output') === 'json' ? 'json' : 'table',
      streams: deps.streams,
      now: deps.now,
    });
  },
};
