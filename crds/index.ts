/**
 * The ai.suoke.life/v1alpha1 API for consumers: types, constants and schemas (crds/api), the CRD
 * objects, and OpenAPI validation of our custom resources. CEL rules are checked by
 * crds/validation/validate.ts (development only).
 */
import { ALL_KINDS, buildCrd, openApiSchema } from './gen/crd.js';
import type { KindName } from './api/constants.js';
import { applyDefaults } from './validation/defaults.js';
import type { FieldError } from './validation/field-error.js';
import { validateOpenApi } from './validation/openapi.js';

export * from './api/index.js';
export { PRINTER_COLUMNS, ALL_KINDS, crdFileName, type PrinterColumn } from './gen/crd.js';
export type { FieldError, FieldErrorType } from './validation/field-error.js';
export { applyDefaults } from './validation/defaults.js';

/**
 * The three CustomResourceDefinitions as plain objects, identical to crds/*.yaml (a test holds
 * them equal), built in memory so they also work from build/ where the YAML is not copied.
 */
export function loadCrds(): Record<string, unknown>[] {
  return ALL_KINDS.map(buildCrd);
}

/**
 * Validates an object of `kind` against its CRD's OpenAPI schema after defaulting, as the API server
 * does (CEL rules excepted). An empty list means the schema accepts it.
 */
export function validate(kind: KindName, object: unknown): FieldError[] {
  const schema = openApiSchema(kind);
  return validateOpenApi(schema, applyDefaults(schema, object));
}
