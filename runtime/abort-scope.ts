/**
 * An AbortController whose every abort carries the error to report, so whoever catches it can tell
 * the client why the work stopped (client gone, deadline, engine gone quiet) instead of a bare
 * "aborted". Scopes nest: a child aborts with its parent's reason, and disposing a scope clears the
 * timers and listeners of its whole subtree, so nothing outlives the call it bounds.
 */
export class AbortScope {
  private readonly controller = new AbortController();
  private readonly disposers: (() => void)[] = [];

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Stops the work with `reason`; the first reason wins. */
  abort(reason: Error): void {
    if (!this.signal.aborted) this.controller.abort(reason);
  }

  /** Aborts with `reason()` when `signal` aborts. */
  follow(signal: AbortSignal, reason: () => Error): this {
    if (signal.aborted) {
      this.abort(reason());
      return this;
    }
    const onAbort = (): void => this.abort(reason());
    signal.addEventListener('abort', onAbort, { once: true });
    this.disposers.push(() => signal.removeEventListener('abort', onAbort));
    return this;
  }

  /** Aborts with `reason()` once `ms` have passed. */
  expireIn(ms: number, reason: () => Error): this {
    const timer = setTimeout(() => this.abort(reason()), ms);
    this.disposers.push(() => clearTimeout(timer));
    return this;
  }

  /**
   * A silence limit: while armed, aborts with `reason()` once `ms` pass without another `arm()`.
   * One timer for the scope's life, pushed back by each `arm()`: a timer and listener per chunk of
   * a stream would cost more than relaying the chunk.
   */
  watchdog(ms: number, reason: () => Error): { arm(): void; disarm(): void } {
    let armed = false;
    const timer = setTimeout(() => {
      if (armed) this.abort(reason());
    }, ms);
    this.disposers.push(() => clearTimeout(timer));
    return {
      arm: () => {
        armed = true;
        // Also brings back a timer that fired while disarmed.
        timer.refresh();
      },
      disarm: () => {
        armed = false;
      },
    };
  }

  /** A scope that aborts with this one's reason, and is disposed with it. */
  child(): AbortScope {
    const child = new AbortScope().follow(this.signal, () => this.signal.reason as Error);
    this.disposers.push(() => child.dispose());
    return child;
  }

  /**
   * `work`'s outcome, or the abort reason as soon as this scope aborts — without waiting for `work`
   * to notice (a fetch that ignores its signal must not hold the caller). With `limitMs`, the scope
   * is aborted with `onLimit()` if `work` has not settled by then.
   */
  race<T>(work: Promise<T>, limitMs?: number, onLimit?: () => Error): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const signal = this.signal;
      if (signal.aborted) {
        // Nobody will read `work` any more; keep its eventual rejection from going unhandled.
        work.catch(() => undefined);
        reject(signal.reason as Error);
        return;
      }
      const timer =
        limitMs !== undefined && onLimit !== undefined
          ? setTimeout(() => this.abort(onLimit()), limitMs)
          : undefined;
      const onAbort = (): void => settle(() => reject(signal.reason as Error));
      const settle = (finish: () => void): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        finish();
      };
      signal.addEventListener('abort', onAbort, { once: true });
      work.then(
        (value) => settle(() => resolve(value)),
        (error: unknown) => settle(() => reject(error)),
      );
    });
  }

  /** Waits `ms`, or rejects with the abort reason as soon as this scope aborts. */
  wait(ms: number): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const elapsed = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
    return this.race(elapsed).finally(() => clearTimeout(timer));
  }

  /** Clears this scope's timers and listeners, and its children's. Does not abort. */
  dispose(): void {
    for (const dispose of this.disposers.splice(0)) dispose();
  }
}
