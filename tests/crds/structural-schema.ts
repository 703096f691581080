/**
 * The rules a Kubernetes API server (apiextensions.k8s.io/v1) applies to a CRD's openAPIV3Schema
 * before accepting it, as a checker: structural-schema rules, the v1 keyword restrictions,
 * metadata restrictions, list-type and int-or-string invariants, defaults that validate, a
 * description on every field, and CEL rules that compile, with the bounds the cost estimator needs.
 * It returns every violation with its schema path; an empty list means the schema is acceptable.
 */
import { Environment } from '@marcbachmann/cel-js';
import { createAjv } from '../../crds/validation/openapi.js';
import { Quantity } from '../../crds/validation/quantity.js';

type Schema = Record<string, unknown>;

/** Fields of apiextensions v1 JSONSchemaProps. Anything else is refused by strict decoding. */
const JSON_SCHEMA_PROPS = new Set([
  'id',
  '$schema',
  '$ref',
  'description',
  'type',
  'format',
  'title',
  'default',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'multipleOf',
  'enum',
  'maxProperties',
  'minProperties',
  'required',
  'items',
  'allOf',
  'oneOf',
  'anyOf',
  'not',
  'properties',
  'additionalProperties',
  'patternProperties',
  'dependencies',
  'additionalItems',
  'definitions',
  'externalDocs',
  'example',
  'nullable',
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-embedded-resource',
  'x-kubernetes-int-or-string',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-list-type',
  'x-kubernetes-map-type',
  'x-kubernetes-validations',
]);

/** Allowed in JSONSchemaProps but refused in apiextensions.k8s.io/v1 CRDs. */
const FORBIDDEN_IN_V1 = [
  '$ref',
  'definitions',
  'id',
  '$schema',
  'dependencies',
  'patternProperties',
  'additionalItems',
];

/** Inside anyOf/allOf/oneOf/not only value validations are allowed (structural rule). */
const NOT_IN_JUNCTORS = [
  'type',
  'description',
  'default',
  'additionalProperties',
  'nullable',
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-embedded-resource',
  'x-kubernetes-int-or-string',
  'x-kubernetes-list-type',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-map-type',
  'x-kubernetes-validations',
  'properties',
  'items',
];

const VALID_TYPES = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean']);
const VALID_FORMATS = new Set([
  'date-time',
  'date',
  'int32',
  'int64',
  'float',
  'double',
  'byte',
  'uri',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'uuid',
  'duration',
  'password',
  'binary',
  'cidr',
  'mac',
  'isbn',
  'bsonobjectid',
  'creditcard',
  'hexcolor',
  'rgbcolor',
  'ssn',
  'datetime',
  'uuid3',
  'uuid4',
  'uuid5',
  'isbn10',
  'isbn13',
]);

export interface Violation {
  readonly path: string;
  readonly problem: string;
}

function celEnvironment(): Environment {
  return new Environment({ unlistedVariablesAreDyn: true, homogeneousAggregateLiterals: false })
    .registerType('Quantity', { ctor: Quantity })
    .registerFunction('quantity(string): Quantity', (s: string) => Quantity.parse(s))
    .registerFunction('isQuantity(string): bool', (s: string) => Quantity.isQuantity(s))
    .registerFunction('Quantity.compareTo(Quantity): int', () => 0n)
    .registerFunction({
      name: 'asApproximateFloat',
      receiverType: 'Quantity',
      returnType: 'double',
      params: [],
      handler: () => 0,
    })
    .registerFunction('list.isSorted(): bool', () => true);
}

const isIntOrStringAnyOf = (anyOf: unknown): boolean =>
  Array.isArray(anyOf) &&
  anyOf.length === 2 &&
  JSON.stringify(anyOf[0]) === '{"type":"integer"}' &&
  JSON.stringify(anyOf[1]) === '{"type":"string"}';

/** Resolves `self.a.b` inside a rule to the schema node it reads (undefined when it leaves typed ground). */
function resolve(schema: Schema, segments: readonly string[]): Schema | undefined {
  let node: Schema | undefined = schema;
  for (const s of segments) {
    const props = node?.['properties'] as Record<string, Schema> | undefined;
    node = props?.[s];
    if (!node) return undefined;
  }
  return node;
}

/** Strings and lists a rule reads must be bounded, or the API server's cost estimate explodes. */
function unboundedReads(schema: Schema, rule: string): string[] {
  const out: string[] = [];
  const reads = new Set<string>(['self']);
  for (const m of rule.matchAll(/\bself((?:\.[A-Za-z_][A-Za-z0-9_]*)+)/g)) {
    const segments = (m[1] ?? '').slice(1).split('.');
    for (let i = 1; i <= segments.length; i++) reads.add(['self', ...segments.slice(0, i)].join('.'));
  }
  for (const read of reads) {
    const segments = read.split('.').slice(1);
    // has(self.x) / self.x.y only need x to be an object; what is compared is the leaf.
    const node = resolve(schema, segments);
    if (!node) continue;
    if (
      node['type'] === 'string' &&
      node['maxLength'] === undefined &&
      node['enum'] === undefined &&
      node['format'] === undefined
    ) {
      out.push(`${read} is a string without maxLength`);
    }
    if (node['type'] === 'array' && node['maxItems'] === undefined)
      out.push(`${read} is a list without maxItems`);
  }
  return out;
}

export function checkStructural(root: Schema): Violation[] {
  const violations: Violation[] = [];
  const ajv = createAjv();
  const env = celEnvironment();
  const add = (path: string, problem: string) => violations.push({ path, problem });

  function visit(
    node: Schema,
    path: string,
    ctx: { inJunctor: boolean; underAtomicList: boolean; isProperty: boolean },
  ): void {
    for (const key of Object.keys(node)) {
      if (!JSON_SCHEMA_PROPS.has(key)) add(path, `unknown keyword ${key}`);
      if (FORBIDDEN_IN_V1.includes(key)) add(path, `${key} is forbidden in apiextensions.k8s.io/v1`);
    }
    if (node['uniqueItems'] === true)
      add(path, 'uniqueItems cannot be true (use x-kubernetes-list-type: set)');
    for (const k of ['exclusiveMinimum', 'exclusiveMaximum']) {
      if (k in node && typeof node[k] !== 'boolean')
        add(path, `${k} must be a boolean in OpenAPI v3.0 (use minimum/maximum)`);
    }
    const intOrString = node['x-kubernetes-int-or-string'] === true;
    if (ctx.inJunctor) {
      for (const k of NOT_IN_JUNCTORS)
        if (k in node) add(path, `${k} is not allowed inside anyOf/allOf/oneOf/not`);
    } else {
      if (intOrString) {
        if ('type' in node) add(path, 'x-kubernetes-int-or-string must not set type');
        if ('anyOf' in node && !isIntOrStringAnyOf(node['anyOf'])) {
          add(path, 'x-kubernetes-int-or-string allows only anyOf: [{type: integer}, {type: string}]');
        }
      } else if (node['x-kubernetes-preserve-unknown-fields'] !== true || 'properties' in node) {
        if (!VALID_TYPES.has(node['type'] as string))
          add(path, `type must be set (got ${JSON.stringify(node['type'])})`);
      }
      if (
        ctx.isProperty &&
        !(typeof node['description'] === 'string' && node['description'].trim().length > 0)
      ) {
        add(path, 'description is missing (kubectl explain shows nothing)');
      }
    }
    if (typeof node['format'] === 'string' && !VALID_FORMATS.has(node['format']))
      add(path, `unknown format ${node['format']}`);
    if ('additionalProperties' in node) {
      if (node['additionalProperties'] === false) add(path, 'additionalProperties: false is forbidden');
      if ('properties' in node) add(path, 'additionalProperties and properties are mutually exclusive');
    }
    if ('items' in node && (Array.isArray(node['items']) || typeof node['items'] !== 'object')) {
      add(path, 'items must be one schema');
    }
    if ((node['type'] === 'array') !== 'items' in node && !ctx.inJunctor)
      add(path, 'arrays need items and items need type: array');
    if (Array.isArray(node['required'])) {
      const props = (node['properties'] ?? {}) as Record<string, unknown>;
      for (const r of node['required'] as string[])
        if (!(r in props)) add(path, `required ${r} is not a property`);
    }

    // list types
    const listType = node['x-kubernetes-list-type'];
    if (listType !== undefined) {
      if (node['type'] !== 'array') add(path, 'x-kubernetes-list-type only applies to arrays');
      if (!['atomic', 'set', 'map'].includes(listType as string))
        add(path, `unknown list type ${String(listType)}`);
    }
    if (listType === 'map') {
      const items = node['items'] as Schema | undefined;
      const keys = node['x-kubernetes-list-map-keys'];
      if (!Array.isArray(keys) || keys.length === 0)
        add(path, 'list-type map needs x-kubernetes-list-map-keys');
      else if (items?.['type'] !== 'object') add(path, 'list-type map needs object items');
      else {
        const props = (items['properties'] ?? {}) as Record<string, Schema>;
        const req = (items['required'] ?? []) as string[];
        for (const k of keys as string[]) {
          const p = props[k];
          if (!p) add(path, `list map key ${k} is not a property of the items`);
          else {
            if (!['string', 'integer', 'number', 'boolean'].includes(p['type'] as string))
              add(path, `list map key ${k} must be scalar`);
            if (!req.includes(k) && p['default'] === undefined)
              add(path, `list map key ${k} must be required or have a default`);
          }
        }
      }
    } else if ('x-kubernetes-list-map-keys' in node) {
      add(path, 'x-kubernetes-list-map-keys needs x-kubernetes-list-type: map');
    }

    // defaults must validate against their own schema
    if ('default' in node) {
      const { default: value, ...rest } = node;
      const stripped = JSON.parse(
        JSON.stringify(rest, (k, v) => (k === 'x-kubernetes-validations' ? undefined : v)),
      );
      const validate = ajv.compile(stripped);
      if (!validate(value))
        add(path, `default ${JSON.stringify(value)} does not validate: ${ajv.errorsText(validate.errors)}`);
    }

    // CEL rules
    const rules = node['x-kubernetes-validations'];
    if (rules !== undefined) {
      if (!Array.isArray(rules)) add(path, 'x-kubernetes-validations must be a list');
      for (const r of (rules ?? []) as Record<string, unknown>[]) {
        const rule = r['rule'];
        if (typeof rule !== 'string' || rule.trim() === '') {
          add(path, 'a validation rule needs rule');
          continue;
        }
        if (typeof r['message'] !== 'string' || r['message'] === '') add(path, `rule ${rule} has no message`);
        if (
          r['reason'] !== undefined &&
          !['FieldValueInvalid', 'FieldValueForbidden', 'FieldValueRequired', 'FieldValueDuplicate'].includes(
            r['reason'] as string,
          )
        ) {
          add(path, `rule ${rule}: unknown reason ${String(r['reason'])}`);
        }
        if (typeof r['fieldPath'] === 'string') {
          const fp = (r['fieldPath'] as string).replace(/^\./, '').split('.');
          if (!resolve(node, fp))
            add(path, `rule ${rule}: fieldPath ${String(r['fieldPath'])} does not name a property`);
        }
        const checked = env.check(rule) as { valid: boolean; type?: string; error?: Error };
        if (!checked.valid) {
          add(path, `rule ${rule} does not compile: ${(checked.error?.message ?? 'invalid').split('\n')[0]}`);
        } else if (checked.type !== 'bool' && checked.type !== 'dyn') {
          add(path, `rule ${rule} returns ${checked.type}, not bool`);
        }
        if (/\boldSelf\b/.test(rule) && ctx.underAtomicList) {
          add(
            path,
            `transition rule ${rule} sits under a list that is not list-type map, where oldSelf cannot be correlated`,
          );
        }
        for (const problem of unboundedReads(node, rule)) add(path, `rule ${rule}: ${problem}`);
      }
    }

    // recurse
    for (const [name, child] of Object.entries((node['properties'] ?? {}) as Record<string, Schema>)) {
      visit(child, `${path}.${name}`, { ...ctx, inJunctor: false, isProperty: true });
    }
    if (node['items'] && typeof node['items'] === 'object' && !Array.isArray(node['items'])) {
      visit(node['items'] as Schema, `${path}[*]`, {
        inJunctor: ctx.inJunctor,
        underAtomicList: ctx.underAtomicList || node['x-kubernetes-list-type'] !== 'map',
        isProperty: false,
      });
    }
    if (node['additionalProperties'] && typeof node['additionalProperties'] === 'object') {
      visit(node['additionalProperties'] as Schema, `${path}[*]`, { ...ctx, isProperty: false });
    }
    for (const j of ['anyOf', 'allOf', 'oneOf']) {
      // The int-or-string form is the one place typed branches are allowed.
      if (j === 'anyOf' && intOrString && isIntOrStringAnyOf(node['anyOf'])) continue;
      for (const [i, child] of ((node[j] ?? []) as Schema[]).entries()) {
        visit(child, `${path}.${j}[${i}]`, { ...ctx, inJunctor: true, isProperty: false });
      }
    }
    if (node['not'])
      visit(node['not'] as Schema, `${path}.not`, { ...ctx, inJunctor: true, isProperty: false });
  }

  if (root['type'] !== 'object') add('', 'the root must be type: object');
  const metadata = (root['properties'] as Record<string, Schema> | undefined)?.['metadata'];
  if (metadata) {
    // The API server compares metadata with an empty schema once name/generateName are removed,
    // so even a description is refused.
    const allowed = new Set(['type', 'properties']);
    for (const k of Object.keys(metadata)) if (!allowed.has(k)) add('metadata', `metadata may not set ${k}`);
    if (metadata['type'] !== 'object') add('metadata', 'metadata must be type: object');
    for (const [name, child] of Object.entries((metadata['properties'] ?? {}) as Record<string, Schema>)) {
      if (name !== 'name' && name !== 'generateName')
        add(`metadata.${name}`, 'only metadata.name and metadata.generateName may be restricted');
      if (child['type'] !== 'string') add(`metadata.${name}`, 'must be type: string');
      for (const k of Object.keys(child)) {
        if (
          !['type', 'maxLength', 'minLength', 'pattern', 'description', 'x-kubernetes-validations'].includes(
            k,
          )
        ) {
          add(`metadata.${name}`, `may not set ${k}`);
        }
      }
    }
  }
  const { properties, ...rootRest } = root;
  const rootWithoutMetadata = { ...rootRest, properties: { ...(properties as Record<string, Schema>) } };
  delete (rootWithoutMetadata.properties as Record<string, unknown>)['metadata'];
  visit(rootWithoutMetadata, '', { inJunctor: false, underAtomicList: false, isProperty: false });
  return violations;
}
