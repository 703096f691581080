/**
 * Why a metrics query produced no value. Providers never throw these at the caller: they are
 * recorded in a Measurement, so a failed query is data (an inconclusive check), not an exception.
 * Each carries a stable `code` for programs and a message for people.
 */
export type MetricsErrorCode = 'Unreachable' | 'BadQuery' | 'NoData' | 'HttpStatus';

export abstract class MetricsError extends Error {
  abstract readonly code: MetricsErrorCode;
}

/** The metrics server could not be reached, or did not answer within the timeout. */
export class MetricsUnreachableError extends MetricsError {
  readonly code = 'Unreachable';
  override readonly name = 'MetricsUnreachableError';
}

/** The server refused the query (PromQL syntax or execution error), or its answer has the wrong shape. */
export class BadQueryError extends MetricsError {
  readonly code = 'BadQuery';
  override readonly name = 'BadQueryError';
}

/** The query ran but returned no series, or NaN (e.g. a rate divided by zero traffic). */
export class NoDataError extends MetricsError {
  readonly code = 'NoData';
  override readonly name = 'NoDataError';
}

/** The server answered with an unexpected HTTP status (auth, proxy or server failure). */
export class HttpStatusError extends MetricsError {
  readonly code = 'HttpStatus';
  override readonly name = 'HttpStatusError';
  constructor(
    message: string,
    /** The HTTP status code received. */
    readonly status: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
