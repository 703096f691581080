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
import type { FieldError } from './field-error.js';
import { validateOpenApi } from './openapi.js';

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
  const errors = [...validateOpenApi(schema, defaulted), ...evaluateRules(schema, defaulted, oldDefaulted)];
  return { defaulted, errors };
}
