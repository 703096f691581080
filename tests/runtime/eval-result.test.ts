import { EXPECTATION_KINDS } from '../../crds/api/index.js';
import {
  MAX_FAILED_MESSAGE_CHARS,
  MAX_RESULT_BYTES,
  RESULT_EXPECTATION_KINDS,
  decodeResult,
  encodeResult,
  type EvaluationResult,
  type FailedCase,
  type SideResult,
} from '../../runtime/eval/result.js';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

function side(
  version: string,
  cases: number,
  failures: number,
  message = 'the answer lacks "doctor"',
): SideResult {
  const failed: FailedCase[] = Array.from({ length: failures }, (_, i) => ({
    id: `case-${String(i).padStart(4, '0')}`,
    expectation: i % 2 === 0 ? 'contains' : 'judge',
    message,
    ...(i % 2 === 1 ? { score: 0.25 } : {}),
  }));
  return { version, cases, passed: cases - failures, failed };
}

/** Decodes and fails the test with the reason when the text is refused. */
function decoded(text: string): EvaluationResult {
  const result = decodeResult(text);
  if ('invalid' in result) throw new Error(`refused: ${result.invalid}`);
  return result;
}

describe('evaluation result: encoding for a termination message', () => {
  it('names the same expectation kinds as the API', () => {
    expect([...RESULT_EXPECTATION_KINDS]).toEqual([...EXPECTATION_KINDS]);
  });

  it('round-trips a small result unchanged', () => {
    const result: EvaluationResult = {
      format: 1,
      target: { ...side('v2', 10, 1), judgeScore: 0.812 },
      stable: side('v1', 10, 0),
    };
    const text = encodeResult(result);
    expect(decoded(text)).toEqual(result);
    expect(text).not.toContain('\n');
  });

  it('fits hundreds of failures in 4096 bytes, cutting the stable first and counting what it left out', () => {
    const result: EvaluationResult = {
      format: 1,
      target: side('v2', 900, 400, 'x'.repeat(300)),
      stable: side('v1', 900, 300),
    };
    const text = encodeResult(result);
    expect(bytes(text)).toBeLessThanOrEqual(MAX_RESULT_BYTES);
    const back = decoded(text);
    const target = back.target as SideResult;
    const stable = back.stable as SideResult;
    // Counts stay true whatever was cut.
    expect([target.cases, target.passed, stable.cases, stable.passed]).toEqual([900, 500, 900, 600]);
    expect(target.failed.length + (target.truncated ?? 0)).toBe(400);
    expect(stable.failed).toEqual([]);
    expect(stable.truncated).toBe(300);
    // The candidate's list keeps its first cases, in order, with their expectations and scores.
    expect(target.failed.length).toBeGreaterThan(20);
    expect(target.failed[0]?.id).toBe('case-0000');
    expect(target.failed[1]).toMatchObject({ id: 'case-0001', expectation: 'judge', score: 0.25 });
  });

  it('keeps the candidate whole when cutting the stable is enough', () => {
    const result: EvaluationResult = { format: 1, target: side('v2', 50, 5), stable: side('v1', 500, 200) };
    const back = decoded(encodeResult(result));
    expect(back.target).toEqual(result.target);
    expect(back.stable?.failed.length).toBeGreaterThan(0);
    expect((back.stable?.failed.length ?? 0) + (back.stable?.truncated ?? 0)).toBe(200);
  });

  it('clips messages to 120 characters, whole characters even in Chinese', () => {
    const message = '回答缺少'.repeat(100);
    const back = decoded(encodeResult({ format: 1, target: side('v2', 3, 1, message) }));
    const kept = back.target?.failed[0]?.message as string;
    expect(Array.from(kept)).toHaveLength(MAX_FAILED_MESSAGE_CHARS);
    expect(kept.endsWith('…')).toBe(true);
    expect(kept).not.toContain('\uFFFD');
  });

  it('fits a long error in multi-byte characters', () => {
    const text = encodeResult({ format: 1, error: { field: 'dataset', message: '数据集'.repeat(2000) } });
    expect(bytes(text)).toBeLessThanOrEqual(MAX_RESULT_BYTES);
    expect(decoded(text).error?.field).toBe('dataset');
  });
});

describe('evaluation result: decoding refuses what is not a result', () => {
  const good = {
    format: 1,
    target: { version: 'v2', cases: 2, passed: 1, failed: [{ id: 'a', expectation: 'regex' }] },
  };
  const refusal = (value: unknown) => {
    const result = decodeResult(typeof value === 'string' ? value : JSON.stringify(value));
    return 'invalid' in result ? result.invalid : undefined;
  };

  it('accepts a well-formed result', () => {
    expect(refusal(good)).toBeUndefined();
  });

  it.each([
    ['', 'not JSON'],
    ['Error: container exited', 'not JSON'],
    ['[1,2]', 'result must be a JSON object'],
    [{ ...good, format: 2 }, 'format must be 1'],
    [{ format: 1 }, 'result has neither target nor error'],
    [{ ...good, target: { ...good.target, version: '' } }, 'target.version must be a non-empty string'],
    [{ ...good, target: { ...good.target, cases: -1 } }, 'target.cases must be a whole number'],
    [{ ...good, target: { ...good.target, passed: 3 } }, 'target.passed (3) is more than target.cases (2)'],
    [{ ...good, target: { ...good.target, failed: {} } }, 'target.failed must be a list'],
    [
      { ...good, target: { ...good.target, failed: [] } },
      'target.failed lists 0 cases and truncated 0 more, but 1 of 2 failed',
    ],
    [
      { ...good, target: { ...good.target, failed: [{ id: 'a', expectation: 'vibes' }] } },
      'target.failed[0].expectation must be one of',
    ],
    [
      { ...good, target: { ...good.target, judgeScore: 1.5 } },
      'target.judgeScore must be a number from 0 to 1',
    ],
    [{ ...good, stable: 'v1' }, 'stable must be an object'],
    [{ format: 1, error: { field: 'dataset' } }, 'error.message must be a non-empty string'],
  ])('%j → %s', (value, reason) => {
    expect(refusal(value)).toContain(reason);
  });
});
