/** The `reason` label of ai_inference_finish_reasons_total, from what engines send. */
import { StreamedFinishReasons, finishReasonLabel } from '../../runtime/finish-reasons.js';

describe('finishReasonLabel', () => {
  it.each([
    ['stop', 'stop'],
    ['length', 'length'],
    ['tool_calls', 'tool_calls'],
    ['content_filter', 'content_filter'],
    ['function_call', 'function_call'],
    ['eos_token', 'other'],
    ['STOP', 'other'],
    [null, 'unknown'],
    [undefined, 'unknown'],
    ['', 'unknown'],
  ])('labels %p as %s', (reported, label) => {
    expect(finishReasonLabel(reported)).toBe(label);
  });
});

describe('StreamedFinishReasons', () => {
  const chunk = (index: number, reason: string | null) => [{ index, finish_reason: reason }];

  it('keeps the reason of each choice once, in index order, even when the engine repeats it', () => {
    const reasons = new StreamedFinishReasons();
    for (const index of [1, 0]) reasons.see(chunk(index, null));
    reasons.see(chunk(1, 'length'));
    reasons.see(chunk(0, 'stop'));
    // Some engines repeat the reason on the usage chunk; a later chunk without one changes nothing.
    reasons.see(chunk(0, 'stop'));
    reasons.see(chunk(1, null));
    reasons.see([]);
    expect(reasons.answered()).toEqual(['stop', 'length']);
  });

  it('answers unknown for a choice the engine never gave a reason, and for a stream without choices', () => {
    const reasons = new StreamedFinishReasons();
    reasons.see(chunk(0, null));
    expect(reasons.answered()).toEqual(['unknown']);
    expect(new StreamedFinishReasons().answered()).toEqual(['unknown']);
  });
});
