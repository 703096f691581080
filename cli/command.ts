/** The shape of one command: its spec (flags, help) and what it does. */
import type { CommandSpec, ParsedArgs } from './args.js';
import type { CliContext } from './context.js';
import type { Streams } from './output.js';

export interface CommandDeps {
  readonly streams: Streams;
  /** Builds the API client from the parsed flags (called only by commands that need the API). */
  readonly connect: (args: ParsedArgs) => CliContext;
  /** Clock for ages and time stamps. */
  readonly now: () => number;
}

export interface Command {
  readonly spec: CommandSpec;
  /** Resolves with the exit code; throws UsageError (3), ApiFailure (4) or ExitError. */
  run(args: ParsedArgs, deps: CommandDeps): Promise<number>;
}
