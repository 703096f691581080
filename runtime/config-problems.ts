/**
 * How a bad runtime configuration is reported: every problem at once, one line each, naming the
 * variable, quoting what was given and saying what it accepts (its default, or how to fix it), so
 * that an operator fixes them all in one go rather than one restart at a time.
 */
import type { IntegerSpec, NumberSpec, BooleanSpec, EnumSpec, TextSpec } from './config-schema.js';

/** One thing wrong with the environment. */
export interface ConfigProblem {
  /** The variable the line is about, for ordering. */
  readonly variable: string;
  /** The whole line, starting with the variable. */
  readonly message: string;
}

/** Every bad variable, one line each, so an operator fixes them all in one go. */
export class ConfigError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(`invalid runtime configuration:\n  - ${issues.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** A variable whose value is refused: `PORT='eighty' must be an integer from 0 to 65535 (default 8000)`. */
export function refused(
  variable: string,
  raw: string,
  spec: IntegerSpec | NumberSpec | BooleanSpec | EnumSpec | TextSpec,
): ConfigProblem {
  return { variable, message: `${variable}='${raw}' must be ${allowedBy(spec)}` };
}

/** A value or list item refused for `refusal`: `ENGINE_FALLBACK_URLS: 'ftp://x' is not an http(s) URL`. */
export function refusedItem(variable: string, item: string, refusal: string): ConfigProblem {
  return { variable, message: `${variable}: '${item}' ${refusal}` };
}

/** A variable the runtime cannot start without; `how` says what to set it to. */
export function missing(variable: string, how: string): ConfigProblem {
  return { variable, message: `${variable} is required ${how}` };
}

/** A file a variable names that cannot be read. */
export function unreadable(variable: string, path: string, error: unknown): ConfigProblem {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    variable,
    message: `${variable}='${path}' cannot be read (${reason}); mount the file or unset ${variable}`,
  };
}

function allowedBy(spec: IntegerSpec | NumberSpec | BooleanSpec | EnumSpec | TextSpec): string {
  if ('allowed' in spec && spec.allowed !== undefined) return spec.allowed;
  switch (spec.type) {
    case 'integer': {
      const maximum = spec.maximum ?? Number.MAX_SAFE_INTEGER;
      return `an integer from ${spec.minimum} to ${maximum} (default ${spec.default})`;
    }
    case 'number':
      return `a number >= ${spec.minimum}${spec.default === undefined ? '' : ` (default ${spec.default})`}`;
    case 'boolean':
      return `true or false (default ${spec.default})`;
    case 'enum':
      return `one of ${spec.values.join(', ')} (default ${spec.default})`;
    case 'string':
      return 'non-blank text';
  }
}

/** In the order of the variables in `order`, lines of the same variable as they were found. */
export function inVariableOrder(problems: readonly ConfigProblem[], order: readonly string[]): string[] {
  const rank = (p: ConfigProblem) => order.indexOf(p.variable);
  return [...problems].sort((a, b) => rank(a) - rank(b)).map((p) => p.message);
}
