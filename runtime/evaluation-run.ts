import type { IncomingMessage } from 'node:http';
import { errors, type ApiError } from './errors.js';

/**
 * The header that marks a request as evaluation traffic: a golden-set case sent by an evaluation Job
 * of a ModelVersion before (or beside) user traffic, carrying its run (`<namespace>/<job name>`).
 */
export const EVALUATION_RUN_HEADER = 'x-evaluation-run';

/** Longest run id accepted: a namespace and a Job name (63 each) fit with room to spare. */
export const MAX_EVALUATION_RUN_LENGTH = 256;

/** Printable ASCII only, so the id goes into a log line as it is. */
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

/** What a request's `X-Evaluation-Run` header says. */
export interface EvaluationRunHeader {
  /** The run the request belongs to; undefined when the header is absent or refused. */
  readonly id?: string;
  /** Why the header is refused (a 400 naming it); undefined when it is absent or valid. */
  readonly refusal?: ApiError;
}

/**
 * Reads `X-Evaluation-Run` without throwing: the observer learns the run (for the log line) before
 * the pipeline starts, and answers a refusal through its usual path, with the metrics and log line
 * every request gets.
 */
export function readEvaluationRun(req: Pick<IncomingMessage, 'headers'>): EvaluationRunHeader {
  const value = req.headers[EVALUATION_RUN_HEADER];
  if (value === undefined) return {};
  // Node joins a repeated header into one value; an array only comes from a caller that is not Node.
  if (typeof value !== 'string' || value.length > MAX_EVALUATION_RUN_LENGTH || !PRINTABLE_ASCII.test(value)) {
    return { refusal: errors.invalidEvaluationRun(MAX_EVALUATION_RUN_LENGTH) };
  }
  return { id: value };
}
