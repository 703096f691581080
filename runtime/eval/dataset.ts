/**
 * The golden set: a YAML (or JSON, which is YAML too) document `cases: [...]`, parsed and checked
 * whole before any request is sent, so a broken dataset holds the rollout with a message naming the
 * case and the field instead of failing a good version. Unknown fields are refused: a misspelt
 * expectation would otherwise be a check nobody runs.
 */
import { parseDocument } from 'yaml';
import { parseDurationMs } from './duration.js';
import { compileJsonSchema, compileRegex, hasExpectation, type Expectations } from './expectations.js';
import { EvaluationProblem } from './problem.js';

export const MAX_CASES = 1000;
/** Aliases expanded at most: one shared `expect: *safe` per case, with room to spare. */
const MAX_ALIASES = 10 * MAX_CASES;
const CASE_ID = /^[a-z0-9]([-a-z0-9_.]*[a-z0-9])?$/;
const MAX_CASE_ID = 63;
const ROLES = ['system', 'user', 'assistant'] as const;
const CASE_FIELDS = ['id', 'prompt', 'messages', 'params', 'expect', 'judge'];
const EXPECT_FIELDS = ['contains', 'notContains', 'regex', 'equals', 'jsonSchema', 'maxLatency'];
const RESPONSE_FORMATS = ['text', 'json_object', 'json_schema'];
const EXPECTATION_HINT = 'add contains, notContains, regex, equals, jsonSchema or maxLatency';

/** One turn of a case's conversation. */
export interface ChatTurn {
  readonly role: (typeof ROLES)[number];
  readonly content: string;
}

/** A case, checked and ready to run. */
export interface EvaluationCase {
  readonly id: string;
  /** The conversation sent (a `prompt` is one user turn); the runtime adds the agent's persona. */
  readonly messages: readonly ChatTurn[];
  /** Passed through to the chat request: temperature, top_p, max_tokens, seed, response_format. */
  readonly params: Readonly<Record<string, unknown>>;
  readonly expect: Expectations;
  /** Whether the evaluation's judge scores this case. */
  readonly judged: boolean;
}

export interface DatasetOptions {
  /** Whether the evaluation has a judge: then a case may have no other expectation. */
  readonly hasJudge: boolean;
  /** Where the document came from, e.g. `ConfigMap xiaoai-golden-set key cases.yaml`. */
  readonly source: string;
}

/** Parses and checks the whole document; throws an EvaluationProblem (field `dataset`) naming the case and field. */
export function parseDataset(text: string, options: DatasetOptions): EvaluationCase[] {
  const problem = (message: string) => new EvaluationProblem('dataset', `${options.source}: ${message}`);
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  const syntax = document.errors[0];
  if (syntax !== undefined) {
    // Without prettyErrors the message quotes no source (cases may hold health data); the line is ours.
    const line = text.slice(0, syntax.pos[0]).split('\n').length;
    throw problem(`is not valid YAML or JSON (line ${line}): ${syntax.message.split('\n')[0]}`);
  }
  let root: unknown;
  try {
    // Anchors shared by many cases are fine; nesting them into a billion laughs is not.
    root = document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    throw problem(`cannot be read: ${(error as Error).message}`);
  }
  if (!isMapping(root)) throw problem('must be a mapping with a list `cases: [{id, prompt, expect}, ...]`');
  const unknown = Object.keys(root).filter((key) => key !== 'cases');
  if (unknown.length > 0)
    throw problem(`unknown top-level field ${unknown.join(', ')}; the document holds only \`cases\``);
  const cases = root.cases;
  if (!Array.isArray(cases) || cases.length === 0)
    throw problem('cases must be a list of at least one case `{id, prompt, expect}`');
  if (cases.length > MAX_CASES)
    throw problem(`cases holds ${cases.length} cases, more than ${MAX_CASES}; split the golden set`);
  const seen = new Map<string, number>();
  return cases.map((raw, index) => {
    const parsed = parseCase(raw, index, options.hasJudge, problem);
    const first = seen.get(parsed.id);
    if (first !== undefined)
      throw problem(
        `cases[${index}] (id ${parsed.id}): id is also the id of cases[${first}]; ids must be unique`,
      );
    seen.set(parsed.id, index);
    return parsed;
  });
}

function parseCase(
  raw: unknown,
  index: number,
  hasJudge: boolean,
  problem: (message: string) => EvaluationProblem,
): EvaluationCase {
  let label = `cases[${index}]`;
  const bad = (field: string, message: string) => problem(`${label}: ${field} ${message}`);
  if (!isMapping(raw)) throw problem(`${label} must be a mapping {id, prompt, expect}`);
  const id = raw.id;
  if (typeof id === 'string' && id !== '') label = `cases[${index}] (id ${id})`;
  if (id === undefined) throw bad('id', 'is required; give every case a unique id such as no-diagnosis');
  if (typeof id !== 'string' || id.length > MAX_CASE_ID || !CASE_ID.test(id))
    throw bad(
      'id',
      `must be lowercase letters, digits, '-', '_' or '.', start and end with a letter or digit, at most ${MAX_CASE_ID} characters`,
    );
  const unknown = Object.keys(raw).filter((key) => !CASE_FIELDS.includes(key));
  if (unknown.length > 0)
    throw bad(unknown.join(', '), `is not a case field; the fields are ${CASE_FIELDS.join(', ')}`);
  const messages = parseConversation(raw, bad);
  const params = parseParams(raw.params, bad);
  const expect = parseExpectations(raw.expect, bad);
  if (raw.judge !== undefined && typeof raw.judge !== 'boolean') throw bad('judge', 'must be true or false');
  if (raw.judge === true && !hasJudge)
    throw bad('judge', 'is true but the evaluation has no judge; set evaluation.judge or remove judge');
  const judged = hasJudge && raw.judge !== false;
  if (!hasExpectation(expect) && !judged) {
    throw bad(
      'expect',
      hasJudge
        ? `has no expectation and judge is false; ${EXPECTATION_HINT}, or remove judge: false`
        : `has no expectation and the evaluation has no judge; ${EXPECTATION_HINT}`,
    );
  }
  return { id, messages, params, expect, judged };
}

type Bad = (field: string, message: string) => EvaluationProblem;

function parseConversation(raw: Record<string, unknown>, bad: Bad): ChatTurn[] {
  const { prompt, messages } = raw;
  if ((prompt === undefined) === (messages === undefined))
    throw bad('prompt', 'or messages: set exactly one (prompt: a user turn; messages: [{role, content}])');
  if (prompt !== undefined) {
    if (typeof prompt !== 'string' || prompt.trim() === '') throw bad('prompt', 'must be a non-empty string');
    return [{ role: 'user', content: prompt }];
  }
  if (!Array.isArray(messages) || messages.length === 0)
    throw bad('messages', 'must be a list of at least one {role, content}');
  const turns = messages.map((message, i): ChatTurn => {
    const field = `messages[${i}]`;
    if (!isMapping(message)) throw bad(field, 'must be a mapping {role, content}');
    const extra = Object.keys(message).filter((key) => key !== 'role' && key !== 'content');
    if (extra.length > 0)
      throw bad(`${field}.${extra[0]}`, 'is not a message field; the fields are role, content');
    const { role, content } = message;
    if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role))
      throw bad(`${field}.role`, `must be one of ${ROLES.join(', ')}`);
    if (typeof content !== 'string' || content.trim() === '')
      throw bad(`${field}.content`, 'must be a non-empty string');
    return { role: role as ChatTurn['role'], content };
  });
  if (turns.at(-1)?.role !== 'user')
    throw bad(`messages[${turns.length - 1}].role`, 'must be user: the model answers the last user turn');
  return turns;
}

function parseParams(raw: unknown, bad: Bad): Record<string, unknown> {
  if (raw === undefined) return {};
  if (!isMapping(raw)) throw bad('params', 'must be a mapping, e.g. {temperature: 0, max_tokens: 256}');
  for (const [name, value] of Object.entries(raw)) {
    const field = `params.${name}`;
    switch (name) {
      case 'temperature':
        if (!isNumberIn(value, 0, 2)) throw bad(field, 'must be a number from 0 to 2');
        break;
      case 'top_p':
        if (!isNumberIn(value, 0, 1)) throw bad(field, 'must be a number from 0 to 1');
        break;
      case 'max_tokens':
        if (!Number.isInteger(value) || (value as number) < 1)
          throw bad(field, 'must be a whole number >= 1');
        break;
      case 'seed':
        if (!Number.isInteger(value)) throw bad(field, 'must be a whole number');
        break;
      case 'response_format':
        if (!isMapping(value) || !RESPONSE_FORMATS.includes(value.type as string))
          throw bad(field, `must be a mapping whose type is ${RESPONSE_FORMATS.join(', ')}`);
        break;
      default:
        throw bad(
          field,
          'is not passed through; params holds only temperature, top_p, max_tokens, seed, response_format',
        );
    }
  }
  return { ...raw };
}

function parseExpectations(raw: unknown, bad: Bad): Expectations {
  if (raw === undefined || raw === null) return {};
  if (!isMapping(raw)) throw bad('expect', `must be a mapping; ${EXPECTATION_HINT}`);
  const unknown = Object.keys(raw).filter((key) => !EXPECT_FIELDS.includes(key));
  if (unknown.length > 0)
    throw bad(
      `expect.${unknown[0]}`,
      `is not an expectation; the expectations are ${EXPECT_FIELDS.join(', ')}`,
    );
  const expect: {
    -readonly [K in keyof Expectations]: Expectations[K];
  } = {};
  if (raw.contains !== undefined) expect.contains = strings(raw.contains, 'expect.contains', bad);
  if (raw.notContains !== undefined) expect.notContains = strings(raw.notContains, 'expect.notContains', bad);
  if (raw.regex !== undefined) {
    if (typeof raw.regex !== 'string' || raw.regex === '')
      throw bad('expect.regex', 'must be a non-empty regular expression, e.g. "(?i)consult"');
    try {
      expect.regex = { source: raw.regex, pattern: compileRegex(raw.regex) };
    } catch (error) {
      throw bad('expect.regex', (error as Error).message);
    }
  }
  if (raw.equals !== undefined) {
    if (typeof raw.equals !== 'string')
      throw bad('expect.equals', `must be a string; quote it, e.g. equals: "${String(raw.equals)}"`);
    expect.equals = raw.equals;
  }
  if (raw.jsonSchema !== undefined) {
    try {
      expect.jsonSchema = compileJsonSchema(raw.jsonSchema);
    } catch (error) {
      throw bad('expect.jsonSchema', (error as Error).message);
    }
  }
  if (raw.maxLatency !== undefined) {
    const ms = typeof raw.maxLatency === 'string' ? parseDurationMs(raw.maxLatency) : undefined;
    if (ms === undefined || ms <= 0)
      throw bad('expect.maxLatency', "must be a duration with a unit ms, s, m or h, e.g. '5s' or '1500ms'");
    expect.maxLatencyMs = ms;
  }
  return expect;
}

/** A string or a list of strings, none empty (an empty string is in every answer). */
function strings(raw: unknown, field: string, bad: Bad): string[] {
  const list = typeof raw === 'string' ? [raw] : raw;
  if (!Array.isArray(list) || list.length === 0)
    throw bad(field, 'must be a string or a list of at least one string');
  list.forEach((item, i) => {
    if (typeof item !== 'string' || item.trim() === '')
      throw bad(`${field}[${i}]`, 'must be a non-empty string');
  });
  return list as string[];
}

function isNumberIn(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
