/**
 * Field errors in the words the Kubernetes API server uses (k8s.io/apimachinery field.Error), so a
 * message we print or test against is the one `kubectl apply` shows.
 */
export type FieldErrorType =
  | 'Required'
  | 'Invalid'
  | 'TypeInvalid'
  | 'Unsupported'
  | 'Forbidden'
  | 'TooLong'
  | 'TooMany'
  | 'Duplicate'
  | 'Unknown';

/**
 * Schema errors after which the API server does not run CEL rules: the object lacks the shape the
 * rules were written for (apiextensions-apiserver, customresource strategy, hasBlockingErr).
 */
export const BLOCKING_ERROR_TYPES: ReadonlySet<FieldErrorType> = new Set<FieldErrorType>([
  'Required',
  'Unsupported',
  'TooLong',
  'TooMany',
  'TypeInvalid',
]);

export interface FieldError {
  /** Field path as the API server prints it, e.g. `spec.promotion.steps[1].weight`. */
  readonly field: string;
  readonly type: FieldErrorType;
  /** The full line after `The <Kind> "<name>" is invalid: `. */
  readonly text: string;
}

/** How the API server renders a bad value inside `Invalid value: …`. */
export function renderValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return value.toString();
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export const required = (field: string, detail?: string): FieldError => ({
  field,
  type: 'Required',
  text: detail ? `${field}: Required value: ${detail}` : `${field}: Required value`,
});

export const invalid = (field: string, value: string, detail: string): FieldError => ({
  field,
  type: 'Invalid',
  text: `${field}: Invalid value: ${value}: ${detail}`,
});

export const forbidden = (field: string, detail: string): FieldError => ({
  field,
  type: 'Forbidden',
  text: `${field}: Forbidden: ${detail}`,
});

export const unsupported = (field: string, value: unknown, allowed: readonly unknown[]): FieldError => ({
  field,
  type: 'Unsupported',
  text: `${field}: Unsupported value: ${renderValue(value)}: supported values: ${allowed.map(renderValue).join(', ')}`,
});

export const tooMany = (field: string, actual: number, max: number): FieldError => ({
  field,
  type: 'TooMany',
  text: `${field}: Too many: ${actual}: must have at most ${max} items`,
});

/**
 * A second item with the same key in an `x-kubernetes-list-type: map` list. The API server prints
 * the key fields with Go's %#v of a map.
 */
export const duplicateKey = (field: string, key: Record<string, unknown>): FieldError => ({
  field,
  type: 'Duplicate',
  text: `${field}: Duplicate value: map[string]interface {}{${Object.entries(key)
    .map(([k, v]) => `${JSON.stringify(k)}:${typeof v === 'string' ? JSON.stringify(v) : String(v)}`)
    .join(', ')}}`,
});

/** Strict field validation (kubectl's default) refuses fields the schema does not declare. */
export const unknownField = (field: string): FieldError => ({
  field,
  type: 'Unknown',
  text: `unknown field "${field}"`,
});

/** `/spec/steps/0/weight` → `spec.steps[0].weight`. */
export function fieldPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out === '' ? s : `.${s}`;
  }
  return out;
}

export function pointerToSegments(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
