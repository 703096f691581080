/**
 * Evaluates a CRD's `x-kubernetes-validations` the way the API server does: each rule runs at its
 * node with `self` bound to the (defaulted) value there, typed by the schema (integers are CEL ints,
 * numbers doubles, int-or-string either); transition rules (those reading `oldSelf`) run only on
 * update and only where the old value correlates (object properties, map values, items of
 * `x-kubernetes-list-type: map` lists by key). Kubernetes' extra libraries our rules use are
 * provided: lists (`isSorted`), quantity (`quantity`, `isQuantity`, `compareTo`,
 * `asApproximateFloat`).
 *
 * Not modelled: the API server's CEL cost estimation (rules are kept cheap by maxItems/maxLength
 * in the schema instead) and libraries our rules do not use (regex `find`, URLs, IP/CIDR, format).
 */
import { Environment } from '@marcbachmann/cel-js';
import { fieldPath, forbidden, invalid, required, type FieldError } from './field-error.js';
import { Quantity } from './quantity.js';

type Schema = Record<string, unknown>;
type Segments = (string | number)[];

interface Rule {
  readonly rule: string;
  readonly message?: string;
  readonly fieldPath?: string;
  readonly reason?: string;
}

/** One rule and where it sits, for listing and reporting. */
export interface RuleSite {
  /** Schema location, e.g. `spec.scaling` or `spec.promotion.steps` (list items as `[*]`). */
  readonly path: string;
  readonly rule: string;
  readonly message: string;
  /** Reads `oldSelf`: runs only on update. */
  readonly transition: boolean;
}

function createEnvironment(): Environment {
  return (
    new Environment({ unlistedVariablesAreDyn: true, homogeneousAggregateLiterals: false })
      .registerType('Quantity', { ctor: Quantity })
      .registerFunction('quantity(string): Quantity', (s: string) => Quantity.parse(s))
      .registerFunction('isQuantity(string): bool', (s: string) => Quantity.isQuantity(s))
      .registerFunction('Quantity.compareTo(Quantity): int', (a: Quantity, b: Quantity) =>
        BigInt(a.compareTo(b)),
      )
      // Zero-argument receiver functions only register in the object form.
      .registerFunction({
        name: 'asApproximateFloat',
        receiverType: 'Quantity',
        returnType: 'double',
        params: [],
        handler: (q: Quantity) => q.asApproximateFloat(),
      })
      .registerFunction('list.isSorted(): bool', (l: unknown[]) => {
        for (let i = 1; i < l.length; i++) if ((l[i - 1] as number) > (l[i] as number)) return false;
        return true;
      })
  );
}

let env: Environment | undefined;
const environment = (): Environment => (env ??= createEnvironment());

const isTransition = (rule: string): boolean => /\boldSelf\b/.test(rule);

const engineForms = new Map<string, string>();
const FIELD_AT_END = /^([\s\S]*)\.\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/;

/**
 * `rule` as the CEL engine evaluates it. CEL's `has()` takes any field selection, but the engine only
 * takes a chain of fields from a variable (`has(self.a.b)`), not one through an index
 * (`has(self.matches[0].path)`, as in Gateway API's HTTPRoute rules). Every object bound here is a
 * map, where `has(e.f)` means `'f' in e`, so such a selection is written that way.
 */
function engineForm(rule: string): string {
  const known = engineForms.get(rule);
  if (known !== undefined) return known;
  let out = '';
  let at = 0;
  for (const call of rule.matchAll(/(?<![.\w])has\(/g)) {
    const open = (call.index ?? 0) + call[0].length;
    if (open <= at) continue;
    const close = closingParen(rule, open);
    if (close === undefined) break;
    const argument = rule.slice(open, close);
    const field = argument.includes('[') ? FIELD_AT_END.exec(argument) : null;
    if (field === null) continue;
    out += `${rule.slice(at, call.index)}('${field[2] as string}' in ${engineForm(field[1] as string)})`;
    at = close + 1;
  }
  const form = out + rule.slice(at);
  engineForms.set(rule, form);
  return form;
}

/** Index of the `)` closing the parenthesis opened right before `from`, skipping string literals. */
function closingParen(text: string, from: number): number | undefined {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return undefined;
}

/** Converts a JSON value into the CEL value the API server would bind, following the schema. */
export function toCel(schema: Schema, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (schema['x-kubernetes-int-or-string'] === true) return typeof value === 'number' ? BigInt(value) : value;
  switch (schema['type']) {
    case 'integer':
      return typeof value === 'number' ? BigInt(value) : value;
    case 'array': {
      const items = schema['items'] as Schema | undefined;
      return Array.isArray(value) && items ? value.map((v) => toCel(items, v)) : value;
    }
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return value;
      const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
      const additional = schema['additionalProperties'] as Schema | undefined;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const child = properties[k] ?? (typeof additional === 'object' ? additional : undefined);
        out[k] = child ? toCel(child, v) : v;
      }
      return out;
    }
    default:
      return value;
  }
}

function schemaTypeName(schema: Schema): string {
  if (schema['x-kubernetes-int-or-string'] === true) return 'string';
  return (schema['type'] as string | undefined) ?? 'object';
}

function ruleError(rule: Rule, schema: Schema, segments: Segments): FieldError {
  const extra = rule.fieldPath ? rule.fieldPath.replace(/^\./, '').split('.') : [];
  const field = fieldPath([...segments, ...extra]);
  const message = rule.message ?? `failed rule: ${rule.rule}`;
  switch (rule.reason) {
    case 'FieldValueForbidden':
      return forbidden(field, message);
    case 'FieldValueRequired':
      return required(field, message);
    default:
      return invalid(field, JSON.stringify(schemaTypeName(schema)), message);
  }
}

function keyOf(item: unknown, keys: readonly string[]): string {
  return JSON.stringify(keys.map((k) => (item as Record<string, unknown> | null)?.[k]));
}

function walk(
  schema: Schema,
  value: unknown,
  old: unknown,
  hasOld: boolean,
  segments: Segments,
  errors: FieldError[],
): void {
  if (value === undefined || value === null) return;
  const rules = (schema['x-kubernetes-validations'] ?? []) as Rule[];
  for (const rule of rules) {
    const transition = isTransition(rule.rule);
    if (transition && (!hasOld || old === undefined || old === null)) continue;
    const bindings: Record<string, unknown> = { self: toCel(schema, value) };
    if (transition) bindings['oldSelf'] = toCel(schema, old);
    try {
      if (environment().evaluate(engineForm(rule.rule), bindings) !== true)
        errors.push(ruleError(rule, schema, segments));
    } catch (cause) {
      const detail = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
      errors.push(
        invalid(
          fieldPath(segments),
          JSON.stringify(schemaTypeName(schema)),
          `rule evaluation error: ${detail}`,
        ),
      );
    }
  }
  if (Array.isArray(value)) {
    const items = schema['items'] as Schema | undefined;
    if (!items) return;
    const listType = schema['x-kubernetes-list-type'];
    const keys = (schema['x-kubernetes-list-map-keys'] ?? []) as string[];
    const oldByKey = new Map<string, unknown>();
    if (listType === 'map' && Array.isArray(old)) for (const o of old) oldByKey.set(keyOf(o, keys), o);
    value.forEach((item, i) => {
      const key = keyOf(item, keys);
      const correlated = listType === 'map' && oldByKey.has(key);
      walk(
        items,
        item,
        correlated ? oldByKey.get(key) : undefined,
        hasOld && correlated,
        [...segments, i],
        errors,
      );
    });
    return;
  }
  if (typeof value !== 'object') return;
  const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
  const additional = schema['additionalProperties'];
  const oldObject = old !== null && typeof old === 'object' ? (old as Record<string, unknown>) : undefined;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const child = properties[k] ?? (typeof additional === 'object' ? (additional as Schema) : undefined);
    if (!child) continue;
    walk(
      child,
      v,
      oldObject?.[k],
      hasOld && oldObject !== undefined && k in oldObject,
      [...segments, k],
      errors,
    );
  }
}

/**
 * Runs every CEL rule of `schema` over `value` (already defaulted). Pass `oldValue` to validate an
 * update: transition rules then compare with it.
 */
export function evaluateRules(schema: Schema, value: unknown, oldValue?: unknown): FieldError[] {
  const errors: FieldError[] = [];
  walk(schema, value, oldValue, oldValue !== undefined, [], errors);
  return errors;
}

/** Every rule in a schema with its location. */
export function listRules(schema: Schema, segments: Segments = []): RuleSite[] {
  const here = ((schema['x-kubernetes-validations'] ?? []) as Rule[]).map((r) => ({
    path: fieldPath(segments).replace(/\[-1\]/g, '[*]'),
    rule: r.rule,
    message: r.message ?? '',
    transition: isTransition(r.rule),
  }));
  const children: RuleSite[] = [];
  for (const [k, child] of Object.entries((schema['properties'] ?? {}) as Record<string, Schema>)) {
    children.push(...listRules(child, [...segments, k]));
  }
  const items = schema['items'] as Schema | undefined;
  if (items) children.push(...listRules(items, [...segments, -1]));
  const additional = schema['additionalProperties'];
  if (additional && typeof additional === 'object')
    children.push(...listRules(additional as Schema, [...segments, '*']));
  return [...here, ...children];
}
