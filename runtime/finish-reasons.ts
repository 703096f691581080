/**
 * Values of the `reason` label of `ai_inference_finish_reasons_total` (metrics.ts): the OpenAI
 * finish reasons as the engine reports them, `other` for any reason an engine invents (so a buggy
 * engine cannot grow the label without bound), and `unknown` for an answered choice the engine gave
 * no reason for (a stream that ended without one).
 */
export const FINISH_REASONS = [
  'stop',
  'length',
  'tool_calls',
  'content_filter',
  'function_call',
  'other',
  'unknown',
] as const;
export type FinishReason = (typeof FINISH_REASONS)[number];

const REPORTED: ReadonlySet<string> = new Set(FINISH_REASONS.slice(0, 5));

/** The label value of a finish reason as the engine reported it (null or absent: `unknown`). */
export function finishReasonLabel(reported: string | null | undefined): FinishReason {
  if (reported === null || reported === undefined || reported === '' || reported === 'unknown') {
    return 'unknown';
  }
  return REPORTED.has(reported) ? (reported as FinishReason) : 'other';
}

/**
 * The finish reason of each choice of a streamed answer: the engine sends it on a choice's last
 * chunk, and some engines repeat it (on the usage chunk); each choice counts once, in index order.
 */
export class StreamedFinishReasons {
  private readonly byChoice = new Map<number, string | null>();

  see(choices: ReadonlyArray<{ readonly index: number; readonly finish_reason: string | null }>): void {
    for (const { index, finish_reason: reason } of choices) {
      if (reason || !this.byChoice.has(index)) this.byChoice.set(index, reason || null);
    }
  }

  /**
   * For a stream that ended well: each choice's reason, `unknown` for one the engine gave none (a
   * stream without any choice is one answer without a reason).
   */
  answered(): string[] {
    if (this.byChoice.size === 0) return ['unknown'];
    return [...this.byChoice.entries()].sort(([a], [b]) => a - b).map(([, reason]) => reason ?? 'unknown');
  }
}
