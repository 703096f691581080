import { createHook, executionAsyncId } from 'node:async_hooks';
import type { Clock, TimerHandle } from '../../operators/kit/clock.js';

/** A manual clock: timers fire only when a test advances time, in due order. */
export class FakeClock implements Clock {
  private current: number;
  private seq = 0;
  private timers: Array<{ at: number; seq: number; fn: () => void }> = [];

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimer(fn: () => void, ms: number): TimerHandle {
    const timer = { at: this.current + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.push(timer);
    return { cancel: () => (this.timers = this.timers.filter((t) => t !== timer)) };
  }

  get pending(): number {
    return this.timers.length;
  }

  /**
   * Moves time forward, firing due timers one by one and letting the work each one starts settle
   * ({@link flush}) before the next, so a timer set by that work at or before the end fires too.
   */
  async advance(ms: number): Promise<void> {
    const end = this.current + ms;
    for (;;) {
      await flush();
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.current = Math.max(this.current, due.at);
      due.fn();
    }
    this.current = end;
    await flush();
  }
}

/**
 * Event-loop turns {@link flush} always waits, however idle the process looks: callbacks of a
 * loopback socket a test wrote to may arrive a few turns later without anything running meanwhile.
 */
export const MinFlushTurns = 10;

/** Turns in a row with nothing else run after which the process counts as idle. */
export const QuietFlushTurns = 2;

/** Turns after which {@link flush} gives up: work that never stops is a loop in the code under test. */
export const MaxFlushTurns = 10_000;

/** Async ids of the immediates flush() schedules for itself, so concurrent flushes ignore each other's. */
const ownTurns = new Set<number>();
let schedulingOwnTurn = false;

function scheduleTurn(turn: () => void): void {
  schedulingOwnTurn = true;
  try {
    setImmediate(turn);
  } finally {
    schedulingOwnTurn = false;
  }
}

/**
 * Lets pending work settle: promise callbacks, process.nextTick, immediates and I/O callbacks, however
 * deep their chain. Waits event-loop turns (setImmediate) until {@link QuietFlushTurns} turns in a
 * row ran no callback but its own (counted with an async hook, which sees every callback the
 * process runs), and at least {@link MinFlushTurns}.
 * @throws Error naming {@link MaxFlushTurns} when the process never goes quiet
 */
export function flush(): Promise<void> {
  return new Promise((resolve, reject) => {
    let callbacks = 0;
    let quiet = 0;
    let turns = 0;
    const hook = createHook({
      init: (asyncId, type) => {
        if (schedulingOwnTurn && type === 'Immediate') ownTurns.add(asyncId);
      },
      before: (asyncId) => {
        if (!ownTurns.has(asyncId)) callbacks++;
      },
    }).enable();
    const turn = (): void => {
      ownTurns.delete(executionAsyncId());
      turns++;
      quiet = callbacks === 0 ? quiet + 1 : 0;
      callbacks = 0;
      if (turns >= MinFlushTurns && quiet >= QuietFlushTurns) {
        hook.disable();
        resolve();
      } else if (turns >= MaxFlushTurns) {
        hook.disable();
        reject(
          new Error(
            `flush: still busy after MaxFlushTurns (${MaxFlushTurns}) event-loop turns; something reschedules itself without end`,
          ),
        );
      } else {
        scheduleTurn(turn);
      }
    };
    scheduleTurn(turn);
  });
}
