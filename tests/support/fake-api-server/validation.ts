/**
 * Custom resources are checked like the real apiextensions server does, in its order: unknown fields
 * are pruned (unless `x-kubernetes-preserve-unknown-fields`), schema defaults are applied, then the
 * object is validated against the version's `openAPIV3Schema` (ajv) and its CEL
 * `x-kubernetes-validations` (transition rules on update; none when the schema errors block them,
 * with the server's note instead). Failures are 422 Invalid with one cause per field. Schema checks and CEL come from crds/validation (shared with the API's own tests).
 *
 * Not evaluated (recorded in {@link skippedRules} instead of failing the write): CEL rules calling
 * Kubernetes library functions the CEL engine lacks (IP/CIDR, URL, regex `find`, `format`, semver,
 * sets, string extensions it does not ship), and schema `pattern`s in Go regex syntax JavaScript
 * cannot compile (e.g. `(?i)` flags).
 */
import { evaluateRules } from '../../../crds/validation/cel.js';
import { applyDefaults } from '../../../crds/validation/defaults.js';
import { BLOCKING_ERROR_TYPES, type FieldError } from '../../../crds/validation/field-error.js';
import { unknownFields, validateOpenApi } from '../../../crds/validation/openapi.js';
import { RULES_NOT_CHECKED } from '../../../crds/validation/validate.js';
import { badRequest, invalid, type StatusCause } from './errors.js';
import type { ResourceType } from './resource-registry.js';
import { clone, isPlainObject, type KubeObject } from './types.js';

type Schema = Record<string, unknown>;

/** Rules and patterns that could not be evaluated, with why (for tests that want to know). */
export const skippedRules = new Map<string, string>();

/** metav1.CauseType of each field error type; anything new maps to FieldValueInvalid. */
const REASONS: Readonly<Record<string, string>> = {
  Required: 'FieldValueRequired',
  Invalid: 'FieldValueInvalid',
  Unsupported: 'FieldValueNotSupported',
  Forbidden: 'FieldValueForbidden',
  TooMany: 'FieldValueTooMany',
  Unknown: 'FieldValueInvalid',
  Duplicate: 'FieldValueDuplicate',
};

/** Kubernetes CEL library functions missing from the CEL engine: rules using them are skipped. */
const UNSUPPORTED_FUNCTIONS =
  /found no matching overload for '(?:\w+\.)?(isIP|ip|isCIDR|cidr|url|isURL|find|findAll|format|isSemver|semver|replace|split|join|lowerAscii|upperAscii|indexOf|lastIndexOf|reverse|sets\.\w+|quote|trim|substring|charAt)\(/;

/**
 * Removes fields the schema does not declare, as the real server prunes them; root
 * apiVersion/kind/metadata and embedded resources' ones are always kept.
 */
export function prune(schema: Schema | undefined, value: unknown, root = false): unknown {
  if (schema === undefined) return value;
  if (Array.isArray(value)) {
    const items = schema['items'];
    return isPlainObject(items) ? value.map((v) => prune(items, v)) : value;
  }
  if (!isPlainObject(value)) return value;
  const properties = isPlainObject(schema['properties'])
    ? (schema['properties'] as Record<string, Schema>)
    : {};
  const additional = isPlainObject(schema['additionalProperties'])
    ? (schema['additionalProperties'] as Schema)
    : undefined;
  const keepUnknown =
    schema['x-kubernetes-preserve-unknown-fields'] === true || schema['additionalProperties'] === true;
  const keepMeta = root || schema['x-kubernetes-embedded-resource'] === true;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const child = properties[k] ?? additional;
    if (keepMeta && (k === 'apiVersion' || k === 'kind' || k === 'metadata')) {
      out[k] = child && k !== 'metadata' ? prune(child, v) : v;
    } else if (child) out[k] = prune(child, v);
    else if (keepUnknown) out[k] = v;
  }
  return out;
}

/** Drops `pattern`s JavaScript cannot compile (Go regex syntax), recording them as skipped. */
function compilablePatterns(schema: unknown, where: string): unknown {
  if (Array.isArray(schema)) return schema.map((s) => compilablePatterns(s, where));
  if (!isPlainObject(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'pattern' && typeof v === 'string') {
      try {
        new RegExp(v, 'u');
        out[k] = v;
      } catch {
        skippedRules.set(`${where}: pattern ${v}`, 'Go regex syntax JavaScript cannot compile');
      }
    } else if (k === 'default' || k === 'example' || k === 'enum') out[k] = v;
    else out[k] = compilablePatterns(v, where);
  }
  return out;
}

const prepared = new WeakMap<Schema, Schema>();

function usableSchema(schema: Schema, where: string): Schema {
  let s = prepared.get(schema);
  if (s === undefined) {
    s = compilablePatterns(schema, where) as Schema;
    // Every object may carry apiVersion, kind and metadata, declared by its schema or not.
    const properties = isPlainObject(s['properties']) ? s['properties'] : {};
    s['properties'] = {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { type: 'object' },
      ...properties,
    };
    prepared.set(schema, s);
  }
  return s;
}

const withRules = new WeakMap<Schema, boolean>();

/** Whether any node of the schema has CEL rules (the real server has no CEL validator otherwise). */
function hasRules(schema: Schema): boolean {
  let found = withRules.get(schema);
  if (found === undefined) {
    found = JSON.stringify(schema).includes('"x-kubernetes-validations"');
    withRules.set(schema, found);
  }
  return found;
}

function toCause(error: FieldError): StatusCause {
  const prefix = `${error.field}: `;
  return {
    reason: REASONS[error.type] ?? 'FieldValueInvalid',
    message: error.text.startsWith(prefix) ? error.text.slice(prefix.length) : error.text,
    field: error.field,
  };
}

/** Prunes, defaults and validates a custom resource; returns what to store or throws 422 Invalid. */
export function validateCustomResource(
  type: ResourceType,
  object: KubeObject,
  old: KubeObject | undefined,
  strictFields = false,
): KubeObject {
  const original = type.custom?.schema;
  if (type.custom === undefined || original === undefined) return object;
  const where = `${type.plural}.${type.group}/${type.version}`;
  const schema = usableSchema(original, where);
  if (strictFields) {
    const unknown = unknownFields(schema, withoutMetadata(object));
    if (unknown.length > 0) {
      throw badRequest(`strict decoding error: ${unknown.map((u) => u.text).join(', ')}`);
    }
  }
  const pruned = prune(schema, clone(object), true);
  const defaulted = applyDefaults(schema, pruned) as KubeObject;
  const errors = validateOpenApi(schema, withoutMetadata(defaulted));
  const oldValue =
    old === undefined
      ? undefined
      : withoutMetadata(applyDefaults(schema, prune(schema, clone(old), true)) as KubeObject);
  // As the real server: no CEL rule runs on an object missing a required field, of a wrong type,
  // outside an enum or over a size limit (the rules may read exactly those fields); when the schema
  // has rules at all, a note says so.
  const blocked = errors.some((e) => BLOCKING_ERROR_TYPES.has(e.type));
  if (blocked && hasRules(schema)) errors.push(RULES_NOT_CHECKED);
  for (const error of blocked ? [] : evaluateRules(schema, withoutMetadata(defaulted), oldValue)) {
    const unsupported = UNSUPPORTED_FUNCTIONS.exec(error.text);
    if (unsupported)
      skippedRules.set(`${where}: ${error.field}`, `CEL function ${unsupported[1]} is not available`);
    else errors.push(error);
  }
  if (errors.length > 0) {
    throw invalid(type.group, type.kind, object.metadata.name ?? '', errors.map(toCause));
  }
  return defaulted;
}

/** Schema validation sees metadata as the real server does: only name/namespace/labels matter to it. */
function withoutMetadata(object: KubeObject): Record<string, unknown> {
  const { metadata, ...rest } = object;
  return {
    ...rest,
    metadata: { name: metadata?.name, ...(metadata?.namespace ? { namespace: metadata.namespace } : {}) },
  };
}
