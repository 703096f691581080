/**
 * Reads the environment as ENV_SCHEMA (config-schema.ts) describes it: each variable's text turned
 * into the type of its row, its default applied when unset, and every refused value reported.
 * Parsing follows the row, never the look of the text, so `"1e3"` stays no integer and `"yes"`
 * becomes a boolean only where a boolean is asked for.
 */
import {
  ENV_SCHEMA,
  type EnvName,
  type EnvValues,
  type HostPort,
  type ItemSpec,
  type VarSpec,
  URL_REFUSAL,
} from './config-schema.js';
import { missing, refused, refusedItem, unreadable, type ConfigProblem } from './config-problems.js';

export type Env = Readonly<Record<string, string | undefined>>;
export type ReadFile = (path: string) => string;

/** The environment, read. */
export interface EnvReading {
  /** Every variable; a refused one holds its default, so nothing downstream sees bad input. */
  readonly values: EnvValues;
  /** Variables whose value was refused; rules that read them are skipped (config-rules.ts). */
  readonly invalid: ReadonlySet<EnvName>;
  /** Whether a variable is set to anything but blanks, valid or not. */
  readonly isSet: (name: EnvName) => boolean;
  readonly problems: readonly ConfigProblem[];
}

/** One variable, read: its value, or why it was refused. */
type Reading = { readonly value: unknown; readonly problems: readonly ConfigProblem[] };

export function readEnvironment(env: Env, readFile: ReadFile): EnvReading {
  // Blank counts as unset: a manifest's `value: ""` means "use the default".
  const textOf = (name: string) => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const values: Record<string, unknown> = {};
  const invalid = new Set<EnvName>();
  const problems: ConfigProblem[] = [];
  for (const [name, spec] of Object.entries(ENV_SCHEMA) as [EnvName, VarSpec][]) {
    const reading = readVariable(name, spec, textOf(name), readFile);
    values[name] = reading.value;
    if (reading.problems.length > 0) invalid.add(name);
    problems.push(...reading.problems);
  }
  return {
    values: values as EnvValues,
    invalid,
    isSet: (name) => textOf(name) !== undefined,
    problems,
  };
}

/** A number as people write one: digits, an optional fraction and exponent; `Number()` alone takes `0x10`. */
const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

function readVariable(name: string, spec: VarSpec, raw: string | undefined, readFile: ReadFile): Reading {
  if (spec.type === 'list') return readList(name, spec.items, raw ?? '');
  if (raw === undefined) {
    const required = 'required' in spec ? spec.required : undefined;
    if (required !== undefined) return { value: '', problems: [missing(name, required)] };
    return ok('default' in spec ? spec.default : undefined);
  }
  const fallback = 'default' in spec ? spec.default : undefined;
  const bad = (problem: ConfigProblem): Reading => ({ value: fallback, problems: [problem] });
  switch (spec.type) {
    case 'integer': {
      const value = Number(raw);
      const inRange = value >= spec.minimum && value <= (spec.maximum ?? Number.MAX_SAFE_INTEGER);
      return /^-?\d+$/.test(raw) && inRange ? ok(value) : bad(refused(name, raw, spec));
    }
    case 'number': {
      const value = Number(raw);
      const decimal = DECIMAL.test(raw) && Number.isFinite(value);
      return decimal && value >= spec.minimum ? ok(value) : bad(refused(name, raw, spec));
    }
    case 'boolean': {
      if (/^(true|1|yes)$/i.test(raw)) return ok(true);
      return /^(false|0|no)$/i.test(raw) ? ok(false) : bad(refused(name, raw, spec));
    }
    case 'enum':
      return spec.values.includes(raw) ? ok(raw) : bad(refused(name, raw, spec));
    case 'string':
      // A refused value is kept: there is no default to fall back to, and the error stops the start.
      return spec.pattern === undefined || spec.pattern.test(raw)
        ? ok(raw)
        : { value: raw, problems: [refused(name, raw, spec)] };
    case 'url':
      return isHttpUrl(raw) ? ok(raw) : { value: raw, problems: [refusedItem(name, raw, URL_REFUSAL)] };
    case 'file':
      try {
        return ok(readFile(raw));
      } catch (error) {
        return bad(unreadable(name, raw, error));
      }
  }
}

/** Every item, in order; refused ones are reported and left out (or kept, for plain strings). */
function readList(name: string, spec: ItemSpec, raw: string): Reading {
  const items = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const values: unknown[] = [];
  const problems: ConfigProblem[] = [];
  for (const item of items) {
    const problem = itemRefusal(spec, item);
    if (problem !== undefined) problems.push(refusedItem(name, item, problem));
    const value = spec.type === 'host-port' ? hostPort(item) : item;
    if (value !== undefined && (problem === undefined || spec.type === 'string')) values.push(value);
  }
  return { value: values, problems };
}

function itemRefusal(spec: ItemSpec, item: string): string | undefined {
  switch (spec.type) {
    case 'url':
      return isHttpUrl(item) ? undefined : spec.refusal;
    case 'host-port':
      return hostPort(item) === undefined ? spec.refusal : undefined;
    case 'string':
      if (!spec.pattern.test(item)) return spec.refusal;
      return spec.reserved.includes(item) ? spec.reservedRefusal : undefined;
  }
}

function hostPort(item: string): HostPort | undefined {
  const match = /^(.+):(\d{1,5})$/.exec(item);
  const port = Number(match?.[2]);
  if (match === null || port < 1 || port > 65535) return undefined;
  return { host: match[1] as string, port };
}

function isHttpUrl(raw: string): boolean {
  try {
    const { protocol } = new URL(raw);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

function ok(value: unknown): Reading {
  return { value, problems: [] };
}
