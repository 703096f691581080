/**
 * Why an evaluation could not run at all (as opposed to a version failing its cases): a missing
 * variable, an unreadable or invalid dataset, credentials the runtime refuses. It becomes the
 * result's `error`, so the operator holds the rollout naming `field` instead of failing the version.
 */
export class EvaluationProblem extends Error {
  constructor(
    /** What to fix: an evaluation field (`dataset.uri`, `apiKeySecretRef`) or a variable (`EVAL_MODEL`). */
    readonly field: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EvaluationProblem';
  }
}

/** The message of anything thrown, for wrapping into a problem. */
export function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
