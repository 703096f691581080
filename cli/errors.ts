/**
 * Exit codes and the errors that carry them. CI pipelines branch on the exit code, so each one means
 * exactly one thing and never changes.
 */
export const EXIT = Object.freeze({
  /** The version was promoted (or the command did what was asked). */
  ok: 0,
  /** The rollout ended without promotion: RolledBack, Failed, Superseded, or the object was deleted. */
  notPromoted: 1,
  /** `--timeout` passed before the rollout ended. */
  timeout: 2,
  /** Bad command line or an object refused by local validation; nothing was written. */
  usage: 3,
  /** The Kubernetes API failed or refused the request. */
  api: 4,
});

/** A mistake on the command line or in an input file: exit 3, with the fix in the message. */
export class UsageError extends Error {
  readonly exitCode = EXIT.usage;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UsageError';
  }
}

/** The API server failed or refused: exit 4. */
export class ApiFailure extends Error {
  readonly exitCode = EXIT.api;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ApiFailure';
  }
}

/** An error that decides the exit code by itself (wait outcomes). */
export class ExitError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'ExitError';
  }
}

/** The exit code for any error a command throws: unknown errors count as API failures. */
export function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError || error instanceof ApiFailure || error instanceof ExitError) {
    return error.exitCode;
  }
  return EXIT.api;
}
