/** Dispatch: `kubectl model <command> [args] [flags]`, help, and errors turned into exit codes. */
import { helpText, parseArgs } from './args.js';
import type { Command, CommandDeps } from './command.js';
import {
  abortCommand,
  pauseCommand,
  promoteCommand,
  resumeCommand,
  retryCommand,
  rollbackCommand,
} from './commands/action.js';
import { applyCommand } from './commands/apply.js';
import { historyCommand } from './commands/history.js';
import { statusCommand } from './commands/status.js';
import { waitCommand } from './commands/wait.js';
import { EXIT, exitCodeOf } from './errors.js';

export const COMMANDS: readonly Command[] = [
  applyCommand,
  waitCommand,
  statusCommand,
  historyCommand,
  promoteCommand,
  abortCommand,
  pauseCommand,
  resumeCommand,
  retryCommand,
  rollbackCommand,
];

export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.spec.name.length)) + 2;
  return [
    'kubectl model: roll out ModelVersions and follow them from a terminal or a CI pipeline.',
    '',
    'Usage: kubectl model <command> [arguments] [flags]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.spec.name.padEnd(width)}${c.spec.summary}`),
    '',
    "Run 'kubectl model <command> --help' for a command's flags.",
    'Exit codes: 0 done/promoted, 1 not promoted (rolled back, failed, superseded, deleted), 2 timeout,',
    '3 bad usage or refused locally (nothing written), 4 API error.',
    '',
  ].join('\n');
}

/** Runs one command line; resolves with the process exit code. */
export async function run(argv: readonly string[], deps: CommandDeps): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.spec.name === rest[0]) : undefined;
    deps.streams.out(topic ? helpText(topic.spec) : usage());
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.spec.name === name);
  if (!command) {
    deps.streams.err(
      `error: unknown command '${name}'; use one of ${COMMANDS.map((c) => c.spec.name).join(', ')} (see 'kubectl model --help')\n`,
    );
    return EXIT.usage;
  }
  try {
    const args = parseArgs(command.spec, rest);
    if (args.help) {
      deps.streams.out(helpText(command.spec));
      return EXIT.ok;
    }
    return await command.run(args, deps);
  } catch (error) {
    deps.streams.err(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return exitCodeOf(error);
  }
}
