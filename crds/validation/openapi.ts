/**
 * OpenAPI validation of an object against a CRD's `openAPIV3Schema` with ajv, reporting errors the
 * way the API server words them. Unknown fields are reported too: kubectl validates strictly by
 * default, so a typo in a field name is refused rather than silently pruned.
 */
import { Ajv, type ErrorObject, type SchemaValidateFunction, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import {
  fieldPath,
  invalid,
  pointerToSegments,
  renderValue,
  required,
  tooMany,
  unknownField,
  unsupported,
  duplicateKey,
  type FieldError,
} from './field-error.js';

type Schema = Record<string, unknown>;

/** Extension keywords of Kubernetes that carry no JSON-Schema meaning for ajv. */
export const KUBERNETES_KEYWORDS = [
  'x-kubernetes-validations',
  'x-kubernetes-int-or-string',
  'x-kubernetes-list-type',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-map-type',
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-embedded-resource',
] as const;

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/**
 * The bound kube-openapi compares a number with. The API server decodes a whole JSON number as an
 * int64 and compares it with `int64(bound)` (MinimumInt/MaximumInt) whenever the bound fits the
 * schema's type, which a fractional bound does on `type: number`: there `minimum: 0.01` lets an
 * integer 0 through. A fractional value, and any value under a fractional bound on `type: integer`,
 * is compared with the exact bound.
 */
export function effectiveBound(bound: number, value: number, schemaType: unknown): number {
  const decodedAsInt = Number.isInteger(value) && Math.abs(value) < 2 ** 63;
  return decodedAsInt && schemaType !== 'integer' ? Math.trunc(bound) : bound;
}

type Comparison = '>=' | '>' | '<=' | '<';

/**
 * `minimum`/`maximum` as the API server checks them: OpenAPI v3.0 form (`exclusiveMinimum` and
 * `exclusiveMaximum` are booleans qualifying the bound) and the integer truncation of
 * {@link effectiveBound}. Errors carry the keyword and limit ajv's own would, so callers word them
 * the same way.
 */
function boundKeyword(side: 'minimum' | 'maximum'): SchemaValidateFunction {
  const exclusiveKeyword = side === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum';
  const check: SchemaValidateFunction = (bound: number, value: number, parent?: Record<string, unknown>) => {
    const exclusive = parent?.[exclusiveKeyword] === true;
    const limit = effectiveBound(bound, value, parent?.['type']);
    const comparison: Comparison = side === 'minimum' ? (exclusive ? '>' : '>=') : exclusive ? '<' : '<=';
    const ok =
      side === 'minimum'
        ? exclusive
          ? value > limit
          : value >= limit
        : exclusive
          ? value < limit
          : value <= limit;
    check.errors = ok
      ? []
      : [
          {
            keyword: exclusive ? exclusiveKeyword : side,
            message: `must be ${comparison} ${limit}`,
            params: { comparison, limit },
          },
        ];
    return ok;
  };
  return check;
}

export function createAjv(): Ajv {
  // No meta-schema validation: ajv's draft-07 meta-schema wants numeric exclusiveMinimum and
  // exclusiveMaximum, the OpenAPI v3.0 form of CRDs has booleans. Every keyword still checks the
  // type of its value, and strict mode refuses unknown keywords.
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    validateSchema: false,
  });
  addFormats(ajv);
  ajv.addVocabulary([...KUBERNETES_KEYWORDS]);
  // Numeric bounds with the API server's semantics instead of JSON Schema 2019's.
  for (const keyword of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']) {
    ajv.removeKeyword(keyword);
  }
  ajv.addKeyword({ keyword: 'exclusiveMinimum', schemaType: 'boolean' });
  ajv.addKeyword({ keyword: 'exclusiveMaximum', schemaType: 'boolean' });
  for (const side of ['minimum', 'maximum'] as const) {
    ajv.addKeyword({
      keyword: side,
      type: 'number',
      schemaType: 'number',
      errors: true,
      validate: boundKeyword(side),
    });
  }
  return ajv;
}

const compiled = new WeakMap<Schema, ValidateFunction>();
let sharedAjv: Ajv | undefined;

function compile(schema: Schema): ValidateFunction {
  let fn = compiled.get(schema);
  if (!fn) {
    sharedAjv ??= createAjv();
    fn = sharedAjv.compile(schema);
    compiled.set(schema, fn);
  }
  return fn;
}

function valueAt(root: unknown, segments: readonly (string | number)[]): unknown {
  let v: unknown = root;
  for (const s of segments)
    v = v === null || typeof v !== 'object' ? undefined : (v as Record<string, unknown>)[s];
  return v;
}

function toFieldError(e: ErrorObject, root: unknown): FieldError | undefined {
  const segments = pointerToSegments(e.instancePath);
  const path = fieldPath(segments);
  const value = valueAt(root, segments);
  const inBody = `${path} in body`;
  switch (e.keyword) {
    case 'required':
      return required(fieldPath([...segments, (e.params as { missingProperty: string }).missingProperty]));
    case 'enum':
      return unsupported(path, value, (e.params as { allowedValues: unknown[] }).allowedValues);
    case 'minimum':
      return invalid(
        path,
        renderValue(value),
        `${inBody} should be greater than or equal to ${e.params['limit']}`,
      );
    case 'maximum':
      return invalid(
        path,
        renderValue(value),
        `${inBody} should be less than or equal to ${e.params['limit']}`,
      );
    case 'exclusiveMinimum':
      return invalid(path, renderValue(value), `${inBody} should be greater than ${e.params['limit']}`);
    case 'exclusiveMaximum':
      return invalid(path, renderValue(value), `${inBody} should be less than ${e.params['limit']}`);
    case 'pattern':
      return invalid(path, renderValue(value), `${inBody} should match '${e.params['pattern']}'`);
    case 'minLength':
      return invalid(
        path,
        renderValue(value),
        `${inBody} should be at least ${e.params['limit']} chars long`,
      );
    case 'maxLength':
      return {
        field: path,
        type: 'TooLong',
        text: `${path}: Too long: may not be more than ${e.params['limit']} bytes`,
      };
    case 'maxItems':
      return tooMany(path, Array.isArray(value) ? value.length : 0, e.params['limit'] as number);
    case 'minItems':
      return invalid(path, renderValue(value), `${inBody} should have at least ${e.params['limit']} items`);
    case 'format':
      return invalid(
        path,
        renderValue(value),
        `${inBody} must be of type ${e.params['format']}: ${renderValue(value)}`,
      );
    case 'type': {
      const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
      return {
        ...invalid(path, `"${actual}"`, `${inBody} must be of type ${e.params['type']}: "${actual}"`),
        type: 'TypeInvalid',
      };
    }
    case 'anyOf':
      // int-or-string: the branch errors already say it; the summary adds nothing.
      return undefined;
    default:
      return invalid(path, renderValue(value), `${inBody} ${e.message ?? 'is invalid'}`);
  }
}

/** Fields of `value` that `schema` does not declare (and would be pruned or refused). */
export function unknownFields(
  schema: Schema,
  value: unknown,
  segments: (string | number)[] = [],
): FieldError[] {
  if (schema['x-kubernetes-preserve-unknown-fields'] === true) return [];
  if (Array.isArray(value)) {
    const items = schema['items'] as Schema | undefined;
    return items ? value.flatMap((v, i) => unknownFields(items, v, [...segments, i])) : [];
  }
  if (value === null || typeof value !== 'object') return [];
  const properties = schema['properties'] as Record<string, Schema> | undefined;
  const additional = schema['additionalProperties'];
  const out: FieldError[] = [];
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const childSchema =
      properties?.[key] ?? (typeof additional === 'object' ? (additional as Schema) : undefined);
    if (childSchema) out.push(...unknownFields(childSchema, child, [...segments, key]));
    // metadata's own fields are validated by the API server's ObjectMeta rules, not the CRD schema.
    else if (!(segments.length === 1 && segments[0] === 'metadata') && !additional) {
      out.push(unknownField(fieldPath([...segments, key])));
    }
  }
  return out;
}

/** Items of `x-kubernetes-list-type: map` lists must have unique keys (set lists unique values). */
export function duplicateListKeys(
  schema: Schema,
  value: unknown,
  segments: (string | number)[] = [],
): FieldError[] {
  const out: FieldError[] = [];
  if (Array.isArray(value)) {
    const items = schema['items'] as Schema | undefined;
    const keys = schema['x-kubernetes-list-map-keys'] as string[] | undefined;
    if (schema['x-kubernetes-list-type'] === 'map' && keys) {
      const seen = new Set<string>();
      value.forEach((item, i) => {
        const key = Object.fromEntries(keys.map((k) => [k, (item as Record<string, unknown> | null)?.[k]]));
        const id = JSON.stringify(key);
        if (seen.has(id)) out.push(duplicateKey(fieldPath([...segments, i]), key));
        seen.add(id);
      });
    }
    if (items) value.forEach((v, i) => out.push(...duplicateListKeys(items, v, [...segments, i])));
    return out;
  }
  if (value === null || typeof value !== 'object') return out;
  const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (properties[k]) out.push(...duplicateListKeys(properties[k], v, [...segments, k]));
  }
  return out;
}

/** Validates `value` against an `openAPIV3Schema`; an empty list means the API server accepts it. */
export function validateOpenApi(schema: Schema, value: unknown): FieldError[] {
  const fn = compile(schema);
  const errors: FieldError[] = [];
  if (!fn(value)) {
    for (const e of fn.errors ?? []) {
      const fe = toFieldError(e, value);
      if (fe && !errors.some((x) => x.text === fe.text)) errors.push(fe);
    }
  }
  return [...errors, ...duplicateListKeys(schema, value), ...unknownFields(schema, value)];
}
