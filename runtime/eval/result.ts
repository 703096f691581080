/**
 * The result of an evaluation run, as the evaluation Job writes it to its termination message and
 * the operator reads it back from the pod's status. A termination message holds at most 4096 bytes,
 * so the encoding is compact JSON cut to fit: the failed cases of the stable go first (its failures
 * only feed its pass rate), then the messages of the candidate's, then the candidate's list itself;
 * `truncated` counts what was left out, so the counts stay true.
 *
 * This file imports nothing: the operator image copies it as it is.
 */

export const RESULT_FORMAT = 1;
/** A termination message's limit (the kubelet cuts anything longer). */
export const MAX_RESULT_BYTES = 4096;
/** Longest message of a failed case. */
export const MAX_FAILED_MESSAGE_CHARS = 120;

/**
 * The expectation kinds a failed case can name; the same list as EXPECTATION_KINDS in
 * crds/api/evaluation.ts (a test keeps them equal), repeated here because this file imports nothing.
 */
export const RESULT_EXPECTATION_KINDS = [
  'contains',
  'notContains',
  'regex',
  'equals',
  'jsonSchema',
  'maxLatency',
  'judge',
  'request',
] as const;

/** One case a version failed: which expectation, why (never the answer text), the judge's score. */
export interface FailedCase {
  readonly id: string;
  /** The first expectation the answer failed: one of RESULT_EXPECTATION_KINDS. */
  readonly expectation: string;
  /** At most MAX_FAILED_MESSAGE_CHARS characters. */
  readonly message?: string;
  readonly score?: number;
}

/** How one version did on the cases. */
export interface SideResult {
  readonly version: string;
  readonly cases: number;
  readonly passed: number;
  /** The failed cases; may be cut to fit (see `truncated`). */
  readonly failed: readonly FailedCase[];
  /** Mean of the judge's scores over the judged cases, rounded to 3 decimals. */
  readonly judgeScore?: number;
  /** Failed cases left out of `failed` to fit MAX_RESULT_BYTES. */
  readonly truncated?: number;
}

export interface EvaluationResult {
  readonly format: 1;
  /** The candidate version. */
  readonly target?: SideResult;
  /** The stable version, run on the same cases in the same run. */
  readonly stable?: SideResult;
  /** Why the run could not be judged (dataset, credentials, configuration), naming the field. */
  readonly error?: { readonly field: string; readonly message: string };
}

/** Most bytes of an error message kept, so an error always fits beside both sides' counts. */
const MAX_ERROR_MESSAGE_BYTES = 3000;
const MAX_ERROR_MESSAGE_CHARS = 2048;
const MAX_FIELD_CHARS = 200;
const MAX_VERSION_CHARS = 253;
/** Message lengths tried, longest first, before the candidate's list itself is cut. */
const MESSAGE_CAPS = [MAX_FAILED_MESSAGE_CHARS, 60, 24, 0];

/**
 * Compact JSON of `result`, at most MAX_RESULT_BYTES bytes (UTF-8): messages clipped, then the
 * stable's failed list cut, then the candidate's messages shortened, then its failed list cut.
 */
export function encodeResult(result: EvaluationResult): string {
  const target = result.target === undefined ? undefined : clipSide(result.target, MAX_FAILED_MESSAGE_CHARS);
  const stable = result.stable === undefined ? undefined : clipSide(result.stable, MAX_FAILED_MESSAGE_CHARS);
  const error =
    result.error === undefined
      ? undefined
      : {
          field: clip(result.error.field, MAX_FIELD_CHARS),
          message: clipBytes(clip(result.error.message, MAX_ERROR_MESSAGE_CHARS), MAX_ERROR_MESSAGE_BYTES),
        };
  const encode = (t: SideResult | undefined, s: SideResult | undefined): string =>
    JSON.stringify({
      format: RESULT_FORMAT,
      ...(t === undefined ? {} : { target: t }),
      ...(s === undefined ? {} : { stable: s }),
      ...(error === undefined ? {} : { error }),
    });
  let text = encode(target, stable);
  if (fits(text)) return text;
  // The stable's list is cut first: only its pass rate counts.
  const cutStable = stable === undefined ? undefined : fitList(stable, (s) => encode(target, s));
  text = encode(target, cutStable);
  if (fits(text) || target === undefined) return text;
  for (const cap of MESSAGE_CAPS.slice(1)) {
    text = encode(clipSide(target, cap), cutStable);
    if (fits(text)) return text;
  }
  return encode(
    fitList(clipSide(target, 0), (t) => encode(t, cutStable)),
    cutStable,
  );
}

/** Parses and checks a termination message; never throws. `invalid` says what is wrong, naming the field. */
export function decodeResult(text: string): EvaluationResult | { readonly invalid: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { invalid: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  try {
    return checkResult(value);
  } catch (error) {
    return { invalid: error instanceof ShapeError ? error.message : String(error) };
  }
}

function fits(text: string): boolean {
  return byteLength(text) <= MAX_RESULT_BYTES;
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** `side` with its messages (and version) clipped to `cap` characters; `cap` 0 drops messages. */
function clipSide(side: SideResult, cap: number): SideResult {
  return {
    ...side,
    version: clip(side.version, MAX_VERSION_CHARS),
    failed: side.failed.map((f) => {
      const { message, ...rest } = f;
      return message === undefined || cap === 0 ? rest : { ...rest, message: clip(message, cap) };
    }),
  };
}

/** `side` keeping as many of its failed cases (from the first) as `encode` lets fit. */
function fitList(side: SideResult, encode: (side: SideResult) => string): SideResult {
  const already = side.truncated ?? 0;
  const keeping = (n: number): SideResult => {
    const left = side.failed.length - n + already;
    const { truncated: _truncated, ...rest } = side;
    return { ...rest, failed: side.failed.slice(0, n), ...(left > 0 ? { truncated: left } : {}) };
  };
  // The largest count that fits, by bisection: each try encodes the whole result.
  let low = 0;
  let high = side.failed.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(encode(keeping(middle)))) low = middle;
    else high = middle - 1;
  }
  return keeping(low);
}

/** At most `max` characters (whole code points), with an ellipsis when cut. */
function clip(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return max <= 1 ? chars.slice(0, max).join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** At most `max` UTF-8 bytes (whole code points), with an ellipsis when cut. */
function clipBytes(text: string, max: number): string {
  if (byteLength(text) <= max) return text;
  let kept = '';
  let bytes = byteLength('…');
  for (const char of text) {
    bytes += byteLength(char);
    if (bytes > max) break;
    kept += char;
  }
  return `${kept}…`;
}

class ShapeError extends Error {}

function fail(field: string, what: string): never {
  throw new ShapeError(`${field} ${what}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function count(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    fail(field, 'must be a whole number >= 0');
  return value;
}

function fraction(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1)
    fail(field, 'must be a number from 0 to 1');
  return value;
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') fail(field, 'must be a non-empty string');
  return value;
}

function checkResult(value: unknown): EvaluationResult {
  if (!isObject(value)) fail('result', 'must be a JSON object');
  if (value.format !== RESULT_FORMAT)
    fail('format', `must be ${RESULT_FORMAT} (got ${JSON.stringify(value.format) ?? 'nothing'})`);
  const target = value.target === undefined ? undefined : checkSide(value.target, 'target');
  const stable = value.stable === undefined ? undefined : checkSide(value.stable, 'stable');
  let error: EvaluationResult['error'];
  if (value.error !== undefined) {
    if (!isObject(value.error)) fail('error', 'must be an object {field, message}');
    error = {
      field: text(value.error.field, 'error.field'),
      message: text(value.error.message, 'error.message'),
    };
  }
  if (target === undefined && error === undefined) fail('result', 'has neither target nor error');
  if (stable !== undefined && target === undefined) fail('stable', 'is there without a target');
  return {
    format: RESULT_FORMAT,
    ...(target === undefined ? {} : { target }),
    ...(stable === undefined ? {} : { stable }),
    ...(error === undefined ? {} : { error }),
  };
}

function checkSide(value: unknown, field: string): SideResult {
  if (!isObject(value)) fail(field, 'must be an object');
  const version = text(value.version, `${field}.version`);
  const cases = count(value.cases, `${field}.cases`);
  const passed = count(value.passed, `${field}.passed`);
  if (passed > cases) fail(`${field}.passed`, `(${passed}) is more than ${field}.cases (${cases})`);
  if (!Array.isArray(value.failed)) fail(`${field}.failed`, 'must be a list');
  const failed = value.failed.map((f, i) => checkFailed(f, `${field}.failed[${i}]`));
  const truncated = value.truncated === undefined ? 0 : count(value.truncated, `${field}.truncated`);
  if (failed.length + truncated !== cases - passed)
    fail(
      `${field}.failed`,
      `lists ${failed.length} cases and truncated ${truncated} more, but ${cases - passed} of ${cases} failed`,
    );
  const judgeScore =
    value.judgeScore === undefined ? undefined : fraction(value.judgeScore, `${field}.judgeScore`);
  return {
    version,
    cases,
    passed,
    failed,
    ...(judgeScore === undefined ? {} : { judgeScore }),
    ...(truncated > 0 ? { truncated } : {}),
  };
}

function checkFailed(value: unknown, field: string): FailedCase {
  if (!isObject(value)) fail(field, 'must be an object {id, expectation}');
  const id = text(value.id, `${field}.id`);
  const expectation = text(value.expectation, `${field}.expectation`);
  if (!(RESULT_EXPECTATION_KINDS as readonly string[]).includes(expectation))
    fail(
      `${field}.expectation`,
      `must be one of ${RESULT_EXPECTATION_KINDS.join(', ')} (got ${expectation})`,
    );
  let message: string | undefined;
  if (value.message !== undefined) {
    if (typeof value.message !== 'string') fail(`${field}.message`, 'must be a string');
    message = value.message;
  }
  const score = value.score === undefined ? undefined : fraction(value.score, `${field}.score`);
  return {
    id,
    expectation,
    ...(message === undefined ? {} : { message }),
    ...(score === undefined ? {} : { score }),
  };
}
