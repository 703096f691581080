/**
 * Label selectors (`=`, `==`, `!=`, `in`, `notin`, `key`, `!key`) and field selectors
 * (`metadata.name`, `metadata.namespace`, plus the few per-kind fields listed below), parsed from
 * the query string with the real server's error for anything else.
 */
import { badRequest } from './errors.js';
import type { KubeObject } from './types.js';

export type ObjectPredicate = (object: KubeObject) => boolean;

type Requirement =
  | { readonly op: 'eq' | 'neq'; readonly key: string; readonly value: string }
  | { readonly op: 'in' | 'notin'; readonly key: string; readonly values: readonly string[] }
  | { readonly op: 'exists' | 'notexists'; readonly key: string };

/** Splits on commas that are not inside `( … )`. */
function splitTopLevel(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

const KEY = String.raw`[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?`;
const SET_RE = new RegExp(String.raw`^(${KEY})\s+(in|notin)\s+\(([^)]*)\)$`);
const CMP_RE = new RegExp(String.raw`^(${KEY})\s*(==|!=|=)\s*([-A-Za-z0-9_.]*)$`);
const EXISTS_RE = new RegExp(String.raw`^(!?)\s*(${KEY})$`);

function parseRequirement(text: string, selector: string): Requirement {
  let m = SET_RE.exec(text);
  if (m) {
    const values = m[4]!
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== '');
    return { op: m[3] as 'in' | 'notin', key: m[1]!, values };
  }
  m = CMP_RE.exec(text);
  if (m) return { op: m[3] === '!=' ? 'neq' : 'eq', key: m[1]!, value: m[4]! };
  m = EXISTS_RE.exec(text);
  if (m) return { op: m[1] === '!' ? 'notexists' : 'exists', key: m[2]! };
  throw badRequest(`unable to parse requirement: found '${text}' in labelSelector "${selector}"`);
}

function matches(req: Requirement, labels: Record<string, string>): boolean {
  const has = Object.hasOwn(labels, req.key);
  const value = labels[req.key];
  switch (req.op) {
    case 'eq':
      return has && value === req.value;
    case 'neq':
      return !has || value !== req.value;
    case 'in':
      return has && req.values.includes(value!);
    case 'notin':
      return !has || !req.values.includes(value!);
    case 'exists':
      return has;
    case 'notexists':
      return !has;
  }
}

/** A predicate for a `labelSelector` query value; everything matches when it is empty. */
export function parseLabelSelector(selector: string | null | undefined): ObjectPredicate {
  if (!selector) return () => true;
  const reqs = splitTopLevel(selector).map((r) => parseRequirement(r, selector));
  return (object) => {
    const labels = object.metadata.labels ?? {};
    return reqs.every((r) => matches(r, labels));
  };
}

/** Field paths a field selector may use, per kind (the real server's per-kind lists, abridged). */
const EXTRA_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec.nodeName', 'status.phase', 'spec.serviceAccountName'],
  Event: [
    'involvedObject.kind',
    'involvedObject.name',
    'involvedObject.namespace',
    'involvedObject.uid',
    'reason',
    'type',
    'regarding.kind',
    'regarding.name',
    'regarding.namespace',
    'regarding.uid',
  ],
  Secret: ['type'],
  Job: ['status.successful'],
};

/** Selectable fields that are not the object's own path: a Job's `status.successful` is its succeeded count. */
const COMPUTED_FIELDS: Readonly<Record<string, Readonly<Record<string, (object: KubeObject) => string>>>> = {
  Job: {
    'status.successful': (object) =>
      String((object['status'] as { succeeded?: number } | undefined)?.succeeded ?? 0),
  },
};

function fieldValue(object: KubeObject, path: string): string {
  let node: unknown = object;
  for (const part of path.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  return node === undefined || node === null ? '' : String(node);
}

/** A predicate for a `fieldSelector` query value; 400 for fields the kind does not support. */
export function parseFieldSelector(selector: string | null | undefined, kind: string): ObjectPredicate {
  if (!selector) return () => true;
  const allowed = new Set(['metadata.name', 'metadata.namespace', ...(EXTRA_FIELDS[kind] ?? [])]);
  const reqs = splitTopLevel(selector).map((text) => {
    const m = /^([A-Za-z0-9_.]+)\s*(==|!=|=)\s*(.*)$/.exec(text);
    if (!m) throw badRequest(`invalid selector: '${selector}'; can't understand '${text}'`);
    const field = m[1]!;
    if (!allowed.has(field)) {
      throw badRequest(
        `field label not supported: ${field} (fieldSelector on ${kind} supports ${[...allowed].join(', ')})`,
      );
    }
    return { field, negate: m[2] === '!=', value: m[3]!.trim() };
  });
  const computed = COMPUTED_FIELDS[kind] ?? {};
  const valueOf = (object: KubeObject, field: string) =>
    computed[field]?.(object) ?? fieldValue(object, field);
  return (object) => reqs.every((r) => (valueOf(object, r.field) === r.value) !== r.negate);
}
