/**
 * A small command-line parser (no dependency): GNU-style `--name value`, `--name=value`, `-n value`,
 * `-nvalue`, boolean `--wait` / `--wait=false`, `--` to end flags. Every mistake is a UsageError that
 * names the flag and says how to fix it, and every command's `--help` is generated from the same spec.
 */
import { UsageError } from './errors.js';

export interface FlagSpec {
  /** Long name without dashes, e.g. `timeout`. */
  readonly name: string;
  /** One-letter alias, e.g. `n`. @default none */
  readonly short?: string;
  /** `boolean` takes no value; `string` takes one; `strings` may repeat. */
  readonly kind: 'boolean' | 'string' | 'strings';
  /** Allowed values of a string flag. @default any */
  readonly values?: readonly string[];
  /** Shown in help; also what the flag is when absent. @default none */
  readonly default?: string;
  /** Placeholder in help, e.g. `FILE`. @default the upper-cased name */
  readonly placeholder?: string;
  readonly description: string;
}

export interface CommandSpec {
  /** As typed after `kubectl model`, e.g. `wait`. */
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Positional arguments in help, e.g. `<modelversion>`. @default '' */
  readonly args?: string;
  /** Number of positionals required and allowed. @default [0, 0] */
  readonly positionals?: readonly [min: number, max: number];
  readonly flags: readonly FlagSpec[];
  /** Paragraphs after the usage line. @default none */
  readonly details?: string;
  /** Example command lines. @default none */
  readonly examples?: readonly string[];
}

export interface ParsedArgs {
  readonly flags: Readonly<Record<string, string | boolean | readonly string[] | undefined>>;
  readonly positionals: readonly string[];
  readonly help: boolean;
}

/** Flags every command accepts. */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  {
    name: 'kubeconfig',
    kind: 'string',
    placeholder: 'FILE',
    description:
      'Kubeconfig file. Default: $KUBECONFIG, ~/.kube/config, then the in-cluster service account.',
  },
  {
    name: 'context',
    kind: 'string',
    description: 'Kubeconfig context to use. Default: the current context.',
  },
  {
    name: 'namespace',
    short: 'n',
    kind: 'string',
    description: "Namespace. Default: the context's namespace, else 'default'.",
  },
  { name: 'help', short: 'h', kind: 'boolean', description: 'Show this help.' },
];

/** The `-o/--output` flag of commands that print data. */
export const OUTPUT_FLAG: FlagSpec = {
  name: 'output',
  short: 'o',
  kind: 'string',
  values: ['table', 'json', 'yaml'],
  default: 'table',
  description: 'Output format.',
};

const flagLabel = (f: FlagSpec): string => (f.short ? `-${f.short}/--${f.name}` : `--${f.name}`);

/** Parses `argv` (the words after the command name) against `spec` plus the global flags. */
export function parseArgs(spec: CommandSpec, argv: readonly string[]): ParsedArgs {
  const all = [...spec.flags, ...GLOBAL_FLAGS];
  const byLong = new Map(all.map((f) => [f.name, f]));
  const byShort = new Map(all.filter((f) => f.short).map((f) => [f.short as string, f]));
  const flags: Record<string, string | boolean | string[] | undefined> = {};
  const positionals: string[] = [];
  const seeHelp = `see 'kubectl model ${spec.name} --help'`;

  const set = (flag: FlagSpec, value: string | undefined, next: () => string | undefined): void => {
    if (flag.kind === 'boolean') {
      if (value === undefined || value === 'true') flags[flag.name] = true;
      else if (value === 'false') flags[flag.name] = false;
      else throw new UsageError(`flag ${flagLabel(flag)} takes no value or true/false, not '${value}'`);
      return;
    }
    const v = value ?? next();
    if (v === undefined || v === '') {
      throw new UsageError(
        `flag ${flagLabel(flag)} needs a value, e.g. --${flag.name} ${flag.default ?? flag.placeholder ?? flag.name.toUpperCase()}`,
      );
    }
    if (flag.values && !flag.values.includes(v)) {
      throw new UsageError(`flag ${flagLabel(flag)}: '${v}' is not one of ${flag.values.join(', ')}`);
    }
    if (flag.kind === 'strings') {
      const list = (flags[flag.name] as string[] | undefined) ?? [];
      list.push(...v.split(',').filter((s) => s !== ''));
      flags[flag.name] = list;
    } else {
      flags[flag.name] = v;
    }
  };

  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] as string;
    const next = (): string | undefined => {
      const v = argv[i + 1];
      if (v === undefined) return undefined;
      i++;
      return v;
    };
    if (word === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (word.startsWith('--')) {
      const eq = word.indexOf('=');
      const name = word.slice(2, eq < 0 ? undefined : eq);
      const flag = byLong.get(name);
      if (!flag)
        throw new UsageError(`unknown flag '--${name}' for 'kubectl model ${spec.name}'; ${seeHelp}`);
      set(flag, eq < 0 ? undefined : word.slice(eq + 1), next);
    } else if (word.startsWith('-') && word.length > 1) {
      const flag = byShort.get(word[1] as string);
      if (!flag)
        throw new UsageError(
          `unknown flag '${word.slice(0, 2)}' for 'kubectl model ${spec.name}'; ${seeHelp}`,
        );
      const rest = word.slice(2).replace(/^=/, '');
      if (flag.kind === 'boolean' && rest !== '') {
        throw new UsageError(`flag ${flagLabel(flag)} takes no value; write it on its own`);
      }
      set(flag, rest === '' ? undefined : rest, next);
    } else {
      positionals.push(word);
    }
  }

  const help = flags['help'] === true;
  for (const f of all) if (flags[f.name] === undefined && f.default !== undefined) flags[f.name] = f.default;
  const [min, max] = spec.positionals ?? [0, 0];
  if (!help) {
    if (positionals.length < min) {
      throw new UsageError(`'kubectl model ${spec.name}' needs ${spec.args ?? 'an argument'}; ${seeHelp}`);
    }
    if (positionals.length > max) {
      throw new UsageError(
        `'kubectl model ${spec.name}' takes ${max === 0 ? 'no arguments' : `at most ${max} argument${max > 1 ? 's' : ''}`}, got '${positionals.slice(max).join(' ')}'; ${seeHelp}`,
      );
    }
  }
  return { flags, positionals, help };
}

/** The `--help` text of a command. */
export function helpText(spec: CommandSpec): string {
  const lines = [
    spec.summary,
    '',
    `Usage: kubectl model ${spec.name}${spec.args ? ` ${spec.args}` : ''} [flags]`,
  ];
  if (spec.details) lines.push('', spec.details);
  const describe = (flags: readonly FlagSpec[]): string[] => {
    const left = flags.map((f) => {
      const value =
        f.kind === 'boolean'
          ? ''
          : ` ${f.values ? f.values.join('|') : (f.placeholder ?? f.name.toUpperCase())}`;
      return `  ${f.short ? `-${f.short}, ` : '    '}--${f.name}${value}`;
    });
    const width = Math.max(...left.map((l) => l.length)) + 2;
    return flags.map((f, i) => {
      const d = f.default !== undefined ? `${f.description} (default ${f.default})` : f.description;
      return `${(left[i] as string).padEnd(width)}${d}`;
    });
  };
  if (spec.flags.length > 0) lines.push('', 'Flags:', ...describe(spec.flags));
  lines.push('', 'Global flags:', ...describe(GLOBAL_FLAGS));
  if (spec.examples?.length) lines.push('', 'Examples:', ...spec.examples.map((e) => `  ${e}`));
  return lines.join('\n') + '\n';
}

/** A string flag's value (undefined when absent and without default). */
export const stringFlag = (args: ParsedArgs, name: string): string | undefined => {
  const v = args.flags[name];
  return typeof v === 'string' ? v : undefined;
};

export const booleanFlag = (args: ParsedArgs, name: string): boolean => args.flags[name] === true;
