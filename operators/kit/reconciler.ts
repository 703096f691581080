/**
 * The reconciler contract.
 *
 * Reconciliation is level-based: a reconciler receives only the key of an object (`Request`) and MUST
 * re-read the object from the cache or the API server rather than trust the event that queued it. It
 * SHOULD be idempotent: running it twice on an unchanged object writes nothing the second time.
 *
 * A reconciler returns a `Result`; `requeueAfter` asks for another pass after that delay (for polling
 * external state). A thrown error is logged with the key and retried with per-key exponential backoff,
 * except a `TerminalError`, which is logged and not retried (the object waits for its next change).
 */
export interface Request {
  /** Empty for cluster-scoped objects. */
  readonly namespace: string;
  readonly name: string;
}

export interface Result {
  /**
   * Reconcile the same key again after this many milliseconds.
   * @default undefined (no requeue unless the object changes)
   */
  readonly requeueAfter?: number;
}

export interface Reconciler {
  reconcile(request: Request, signal: AbortSignal): Promise<Result | void>;
}

/** An error that retrying cannot fix (for example an invalid spec); logged, counted, never requeued. */
export class TerminalError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TerminalError';
  }
}

/** `namespace/name`, or `name` for cluster-scoped objects: the work-queue key, as in client-go. */
export function keyOf(request: Request): string {
  return request.namespace ? `${request.namespace}/${request.name}` : request.name;
}

export function requestOf(key: string): Request {
  const slash = key.indexOf('/');
  return slash < 0
    ? { namespace: '', name: key }
    : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}
