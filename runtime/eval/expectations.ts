/**
 * The checks a case's answer must pass, in the order the first failure is reported: maxLatency,
 * equals, contains, notContains, regex, jsonSchema (a missing answer, `request`, comes before them
 * and the judge, `judge`, after; run.ts does those). Messages say what was expected, never what the
 * answer said: answers may hold health data.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { formatMs } from './duration.js';

/** Which expectation a case failed; the API's EXPECTATION_KINDS. */
export type ExpectationKind =
  'contains' | 'notContains' | 'regex' | 'equals' | 'jsonSchema' | 'maxLatency' | 'judge' | 'request';

/** A JSON Schema, compiled: undefined when `value` is valid, else why not (no values quoted). */
export type SchemaCheck = (value: unknown) => string | undefined;

/** A case's expectations, ready to check. */
export interface Expectations {
  /** Every string appears (case-insensitive). */
  readonly contains?: readonly string[];
  /** No string appears (case-insensitive). */
  readonly notContains?: readonly string[];
  /** Matches somewhere. */
  readonly regex?: { readonly source: string; readonly pattern: RegExp };
  /** The whole answer, trimmed, equals it (trimmed). */
  readonly equals?: string;
  /** The answer parses as JSON and the schema accepts it. */
  readonly jsonSchema?: SchemaCheck;
  /** The whole answer arrived within this many milliseconds. */
  readonly maxLatencyMs?: number;
}

/** The first expectation an answer failed. */
export interface ExpectationFailure {
  readonly expectation: ExpectationKind;
  readonly message: string;
}

/** Longest quote of an expected string in a message. */
const QUOTE_CHARS = 40;

/** Whether `expect` holds any check at all. */
export function hasExpectation(expect: Expectations): boolean {
  return Object.values(expect).some((value) => value !== undefined);
}

/** The first expectation `answer` (which took `latencyMs` to arrive) fails, in the order above. */
export function checkAnswer(
  expect: Expectations,
  answer: string,
  latencyMs: number,
): ExpectationFailure | undefined {
  if (expect.maxLatencyMs !== undefined && latencyMs > expect.maxLatencyMs) {
    return {
      expectation: 'maxLatency',
      message: `answered in ${formatMs(latencyMs)}, over maxLatency ${formatMs(expect.maxLatencyMs)}`,
    };
  }
  if (expect.equals !== undefined && answer.trim() !== expect.equals.trim()) {
    return { expectation: 'equals', message: `the answer is not ${quote(expect.equals.trim())}` };
  }
  const lower = answer.toLowerCase();
  const missing = expect.contains?.filter((s) => !lower.includes(s.toLowerCase())) ?? [];
  if (missing.length > 0) {
    return { expectation: 'contains', message: `the answer lacks ${missing.map(quote).join(', ')}` };
  }
  const present = expect.notContains?.filter((s) => lower.includes(s.toLowerCase())) ?? [];
  if (present.length > 0) {
    return { expectation: 'notContains', message: `the answer contains ${present.map(quote).join(', ')}` };
  }
  if (expect.regex !== undefined && !expect.regex.pattern.test(answer)) {
    return { expectation: 'regex', message: `the answer does not match ${quote(expect.regex.source)}` };
  }
  if (expect.jsonSchema !== undefined) {
    let value: unknown;
    try {
      value = JSON.parse(answer.trim());
    } catch {
      // The parser's message quotes the answer; say only that it is not JSON.
      return { expectation: 'jsonSchema', message: 'the answer is not JSON' };
    }
    const refusal = expect.jsonSchema(value);
    if (refusal !== undefined) return { expectation: 'jsonSchema', message: `the answer ${refusal}` };
  }
  return undefined;
}

/**
 * A dataset's `regex`: JavaScript RegExp source, where a leading `(?i)` (as in Go and PCRE) means
 * case-insensitive. Throws with the reason when it does not compile.
 */
export function compileRegex(source: string): RegExp {
  const insensitive = source.startsWith('(?i)');
  try {
    return new RegExp(insensitive ? source.slice(4) : source, insensitive ? 'i' : '');
  } catch (error) {
    throw new Error(`is not a JavaScript regular expression (${(error as Error).message})`, { cause: error });
  }
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv | Ajv2020) => unknown;
/** ajv options: typos in a schema are refused (a gate must not pass on a keyword nobody checks). */
const AJV_OPTIONS = {
  allErrors: false,
  strictSchema: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  logger: false,
} as const;

let draft2020: Ajv2020 | undefined;
let draft07: Ajv | undefined;
/** Compiled schemas by their JSON, so cases sharing a schema (and its `$id`) share one validator. */
const compiled = new Map<string, ValidateFunction>();

/**
 * A dataset's `jsonSchema`, compiled with ajv: draft 2020-12 unless its `$schema` names draft-07 (or
 * draft-06). Throws with ajv's reason when it is not a valid schema.
 */
export function compileJsonSchema(schema: unknown): SchemaCheck {
  if (typeof schema !== 'boolean' && (typeof schema !== 'object' || schema === null || Array.isArray(schema)))
    throw new Error('must be a JSON Schema object (e.g. {type: object, required: [advice]})');
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (validate === undefined) {
    const declared = typeof schema === 'object' ? (schema as { $schema?: unknown }).$schema : undefined;
    const ajv =
      typeof declared === 'string' && /draft-0[67]/.test(declared)
        ? (draft07 ??= withFormats(new Ajv(AJV_OPTIONS)))
        : (draft2020 ??= withFormats(new Ajv2020(AJV_OPTIONS)));
    try {
      validate = ajv.compile(schema as object);
    } catch (error) {
      throw new Error(`is not a valid JSON Schema (${(error as Error).message})`, { cause: error });
    }
    compiled.set(key, validate);
  }
  const check = validate;
  return (value) => {
    if (check(value)) return undefined;
    const first = check.errors?.[0];
    if (first === undefined) return 'fails the schema';
    return `fails the schema: ${first.instancePath === '' ? '' : `${first.instancePath} `}${first.message ?? 'is invalid'}`;
  };
}

function withFormats<T extends Ajv | Ajv2020>(ajv: T): T {
  addFormats(ajv);
  return ajv;
}

function quote(text: string): string {
  const chars = Array.from(text);
  return JSON.stringify(chars.length <= QUOTE_CHARS ? text : `${chars.slice(0, QUOTE_CHARS - 1).join('')}…`);
}
