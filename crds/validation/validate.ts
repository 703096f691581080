/**
 * Everything the API server checks on a custom resource of ours, in process: defaulting, the
 * OpenAPI schema (with strict unknown-field checking) and every CEL rule, transition rules included
 * on update. Used by the tests and usable by a fake API server; it needs @marcbachmann/cel-js,
 * a development dependency, so production code imports `validate` from crds/index.ts instead.
 */
import { KINDS, type KindName } from '../api/constants.js';
import { openApiSchema } from '../gen/crd.js';
import { evaluateRules } from './cel.js';
import { applyDefaults } from './defaults.js';
import { BLOCKING_ERROR_TYPES, type FieldError } from './field-error.js';
import { validateOpenApi } from './openapi.js';

/**
 * What the API server adds when it skips the CEL rules of an object that failed its schema. It has
 * no field: the server's nil field path prints as `<nil>`, in the cause and in the message.
 */
export const RULES_NOT_CHECKED: FieldError = {
  field: '<nil>',
  type: 'Invalid',
  text: '<nil>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
};

export interface ValidationResult {
  /** The object after schema defaulting (what would be stored). */
  readonly defaulted: unknown;
  readonly errors: readonly FieldError[];
}

export function isKindName(kind: unknown): kind is KindName {
  return typeof kind === 'string' && Object.hasOwn(KINDS, kind);
}

/** Validates a create (no `oldObject`) or an update of an AIModel, ModelVersion or ModelRegistry. */
export function validateResource(
  object: unknown,
  options: { readonly oldObject?: unknown } = {},
): ValidationResult {
  const kind = (object as { kind?: unknown } | null)?.kind;
  if (!isKindName(kind)) {
    throw new Error(`kind ${JSON.stringify(kind)} is not one of ${Object.keys(KINDS).join(', ')}`);
  }
  const schema = openApiSchema(kind);
  const defaulted = applyDefaults(schema, object);
  const oldDefaulted = options.oldObject === undefined ? undefined : applyDefaults(schema, options.oldObject);
  const schemaErrors = validateOpenApi(schema, defaulted);
  // Like the API server, CEL rules do not run on an object missing required fields, of the wrong
  // types, outside an enum or over a size limit: the rules may read exactly those fields.
  if (schemaErrors.some((e) => BLOCKING_ERROR_TYPES.has(e.type))) {
    return { defaulted, errors: [...schemaErrors, RULES_NOT_CHECKED] };
  }
  return { defaulted, errors: [...schemaErrors, ...evaluateRules(schema, defaulted, oldDefaulted)] };
}
