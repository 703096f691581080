/**
 * How a bad stack configuration is reported: every problem at once, each with its fully qualified
 * key, what was given, what the key accepts and the `pulumi config` command that fixes it.
 *
 * Schema violations arrive as ajv errors and are worded here from the words each schema node
 * carries: `title` names a valid value (`"8 gigs" is not a Kubernetes quantity`) and the `allowed`
 * keyword says what the key accepts. Cross-field rules (config-rules.ts) word their own problems.
 */
import * as pulumi from '@pulumi/pulumi';
import type { ErrorObject } from 'ajv';

/** One thing wrong with the stack configuration. */
export interface ConfigProblem {
  /** Fully qualified key, e.g. `suoke-modelops:redis.mode`. */
  readonly key: string;
  /** What is wrong, quoting what was given (never the value of a secret). */
  readonly problem: string;
  /** What the key accepts, in words. */
  readonly allowed: string;
  /** The command that fixes it. */
  readonly fix: string;
}

/** Every problem of a stack configuration; Pulumi prints its message without a stack trace. */
export class StackConfigError extends pulumi.RunError {
  /** The first problem's key, e.g. `suoke-modelops:redis.mode`, for callers that handle one. */
  readonly key: string;
  /** The first problem, in words. */
  readonly problem: string;
  /** What the first problem's key accepts. */
  readonly allowed: string;
  /** The command that fixes the first problem. */
  readonly fix: string;

  constructor(
    /** Every problem, in the order of the keys. */
    readonly problems: readonly [ConfigProblem, ...ConfigProblem[]],
  ) {
    // One self-contained line per problem: each names its key and its fix.
    super(problems.map(describe).join('\n'));
    this.name = 'StackConfigError';
    ({ key: this.key, problem: this.problem, allowed: this.allowed, fix: this.fix } = problems[0]);
  }
}

function describe(p: ConfigProblem): string {
  return `Invalid stack config '${p.key}': ${p.problem}. Allowed: ${p.allowed}. Fix: ${p.fix}`;
}

/** What wording a problem needs to know of the configuration as a whole. */
export interface ProblemContext {
  /** Every top-level key, for the "Allowed:" of a misspelt one. */
  readonly knownKeys: readonly string[];
  /** Keys that are set with `--secret`. */
  readonly secretKeys: readonly string[];
}

/** `pulumi config set` for a key (`redis.mode`, `agents[1]`), with `--secret` and `--path` where needed. */
export function setCommand(key: string, value: string, secret = false): string {
  return `pulumi config set${secret ? ' --secret' : ''}${pathFlag(key)} ${value}`;
}

/** `pulumi config rm` for a key. */
export function rmCommand(key: string): string {
  return `pulumi config rm${pathFlag(key)}`;
}

function pathFlag(key: string): string {
  if (key.includes('[')) return ` --path '${key}'`;
  return key.includes('.') ? ` --path ${key}` : ` ${key}`;
}

/** A value as a problem quotes it, cut short so that a long list does not drown the message. */
export function given(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** The words a schema node may carry for its errors. */
interface NodeWords {
  readonly type?: string;
  readonly title?: string;
  readonly allowed?: string;
  readonly enum?: readonly unknown[];
  readonly properties?: Record<string, unknown>;
}

const TYPE_NOUNS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  object: 'a map',
  array: 'a list',
};

/**
 * One problem per ajv error, with keys as the user writes them (unqualified: `gpu.enabled`).
 * A value gets only its first error: ajv reports a string's length before its pattern, and "is
 * empty" says all there is to say about an empty string that also fails its pattern.
 */
export function schemaProblems(errors: readonly ErrorObject[], context: ProblemContext): ConfigProblem[] {
  const seen = new Set<string>();
  const problems: ConfigProblem[] = [];
  for (const error of errors) {
    const extra = error.keyword === 'additionalProperties' ? `/${error.params.additionalProperty}` : '';
    if (seen.has(error.instancePath + extra)) continue;
    seen.add(error.instancePath + extra);
    const problem =
      error.keyword === 'additionalProperties' ? unknownField(error, context) : badValue(error, context);
    if (!problems.some((p) => p.key === problem.key && p.problem === problem.problem)) problems.push(problem);
  }
  return problems;
}

/** A field the schema does not know: at the top a setting of another program, or a typo; below it a typo. */
function unknownField(error: ErrorObject, context: ProblemContext): ConfigProblem {
  const parent = pointerSegments(error.instancePath).join('.');
  const field = String(error.params.additionalProperty);
  if (parent === '') {
    // A top-level key is a literal name, dots and all (`pulumi config set redis.mode x` without --path).
    return {
      key: field,
      problem: 'is not a setting of this program',
      allowed: context.knownKeys.join(', '),
      fix: `pulumi config rm ${field}`,
    };
  }
  const fields = Object.keys((error.parentSchema as NodeWords).properties ?? {});
  return {
    key: `${parent}.${field}`,
    problem: 'is not a known field',
    allowed: fields.map((f) => `${parent}.${f}`).join(', '),
    fix: rmCommand(`${parent}.${field}`),
  };
}

/**
 * A value the schema refuses. The key is that of the setting: an item of a list is reported on the
 * list (`agents`), the fix command on the item itself (`agents[1]`).
 */
function badValue(error: ErrorObject, context: ProblemContext): ConfigProblem {
  const segments = pointerSegments(error.instancePath);
  const firstIndex = segments.findIndex((s) => /^\d+$/.test(s));
  const key = (firstIndex < 0 ? segments : segments.slice(0, firstIndex)).join('.');
  const node = error.parentSchema as NodeWords;
  return {
    key,
    problem: wording(error, node),
    allowed: node.allowed ?? allowedByType(node),
    fix: fixFor(error, node, segments, context.secretKeys.includes(key)),
  };
}

function wording(error: ErrorObject, node: NodeWords): string {
  switch (error.keyword) {
    case 'minLength':
      return 'is empty';
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${given(error.data)} is out of range`;
    case 'uniqueItems':
      return `${given((error.data as unknown[])[laterDuplicate(error)])} is listed twice`;
    case 'type': {
      const noun = node.title ?? TYPE_NOUNS[String(error.params.type)];
      return `${given(error.data)} is not ${noun ?? 'allowed'}`;
    }
    case 'enum':
    case 'pattern':
    case 'format':
    case 'minItems':
      return `${given(error.data)} is not ${node.title ?? 'allowed'}`;
    default:
      return `${given(error.data)} ${error.message ?? 'is not allowed'}`;
  }
}

function allowedByType(node: NodeWords): string {
  if (node.enum !== undefined) return `one of ${node.enum.join(', ')}`;
  if (node.type === 'boolean') return 'true or false';
  if (node.type === 'object') return `a map with fields ${Object.keys(node.properties ?? {}).join(', ')}`;
  return node.title ?? TYPE_NOUNS[node.type ?? ''] ?? 'a valid value';
}

/**
 * Set the value again; a value that is not a map or a list is removed first and set again at the
 * map's first field or the list's first item, which `pulumi config set --path` cannot do over it.
 */
function fixFor(error: ErrorObject, node: NodeWords, segments: string[], secret: boolean): string {
  if (error.keyword === 'uniqueItems') {
    return rmCommand(pulumiPath([...segments, String(laterDuplicate(error))]));
  }
  const set = (path: string[]) => setCommand(pulumiPath(path), '<value>', secret);
  if (error.keyword !== 'type' || (node.type !== 'object' && node.type !== 'array')) return set(segments);
  const inner = node.type === 'array' ? '0' : (Object.keys(node.properties ?? {})[0] ?? '');
  return `${rmCommand(pulumiPath(segments))} && ${set([...segments, inner])}`;
}

/** The index of the second of two equal items; removing it keeps the list's order. */
function laterDuplicate(error: ErrorObject): number {
  return Math.max(Number(error.params.i), Number(error.params.j));
}

/** `['redis', 'clusterNodes', '0']` → `redis.clusterNodes[0]`, the syntax of `pulumi config --path`. */
function pulumiPath(segments: readonly string[]): string {
  return segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
