/**
 * Small builders over TypeBox that only produce what a Kubernetes structural schema accepts:
 * every node typed, a description on every node, enums instead of `anyOf` of constants, maps as
 * `additionalProperties` (never `patternProperties`), int-or-string via `x-kubernetes-int-or-string`.
 * Keeping these in one place is what keeps `crds/*.yaml` acceptable to a real API server.
 */
import {
  Type,
  type TSchema,
  type TObject,
  type TProperties,
  type TUnsafe,
  type TArray,
} from '@sinclair/typebox';

/** One CEL rule in `x-kubernetes-validations`. */
export interface CelRule {
  /** The CEL expression; `self` is the node the rule sits on, `oldSelf` its previous value on update. */
  readonly rule: string;
  /** What the user reads when the rule fails; it names the fields and the fix. */
  readonly message: string;
  /** Relative JSON path of the field the error is reported on, e.g. `.maxReplicas`. @default the node itself */
  readonly fieldPath?: string;
  /** Error reason reported by the API server. @default FieldValueInvalid */
  readonly reason?:
    'FieldValueInvalid' | 'FieldValueForbidden' | 'FieldValueRequired' | 'FieldValueDuplicate';
}

/** Options every builder accepts: a description is mandatory so `kubectl explain` is useful. */
export interface NodeOptions {
  readonly description: string;
  readonly rules?: readonly CelRule[];
  readonly [key: string]: unknown;
}

function withRules(options: NodeOptions): Record<string, unknown> {
  const { rules, ...rest } = options;
  return rules && rules.length > 0
    ? { ...rest, 'x-kubernetes-validations': rules.map((r) => ({ ...r })) }
    : rest;
}

/** A string. */
export const str = (options: NodeOptions & { readonly default?: string }) => Type.String(withRules(options));

/** A string restricted to the given values (rendered as `enum`, which the API server reports by name). */
export function strEnum<const T extends readonly string[]>(
  values: T,
  options: NodeOptions & { readonly default?: T[number] },
): TUnsafe<T[number]> {
  // maxLength keeps the CEL cost estimate of rules comparing the value small.
  const maxLength = Math.max(...values.map((v) => v.length));
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], maxLength, ...withRules(options) });
}

/** An integer. */
export const int = (options: NodeOptions & { readonly default?: number }) => Type.Integer(withRules(options));

/** A number (CEL sees it as a double). */
export const num = (options: NodeOptions & { readonly default?: number }) => Type.Number(withRules(options));

/** A boolean. */
export const bool = (options: NodeOptions & { readonly default?: boolean }) =>
  Type.Boolean(withRules(options));

/** An object with known properties. */
export const obj = <T extends TProperties>(properties: T, options: NodeOptions): TObject<T> =>
  Type.Object(properties, withRules(options));

/** A list. */
export const list = <T extends TSchema>(
  items: T,
  options: NodeOptions & { readonly maxItems: number },
): TArray<T> => Type.Array(items, withRules(options));

/** A list whose items are keyed by `keys` (server-side apply merges them by key). */
export const mapList = <T extends TSchema>(
  items: T,
  keys: readonly string[],
  options: NodeOptions & { readonly maxItems: number },
): TArray<T> =>
  Type.Array(items, {
    ...withRules(options),
    'x-kubernetes-list-type': 'map',
    'x-kubernetes-list-map-keys': [...keys],
  });

/** A map of string to string (labels, annotations, node selectors). */
export const stringMap = (options: NodeOptions & { readonly maxProperties?: number }) =>
  Type.Unsafe<Record<string, string>>({
    type: 'object',
    additionalProperties: { type: 'string' },
    ...withRules(options),
  });

/** Quantity syntax exactly as `k8s.io/apimachinery/pkg/api/resource` accepts it. */
export const QUANTITY_PATTERN =
  '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$';

/** A resource quantity (`500m`, `4Gi`, `2`), int-or-string like Kubernetes' own quantities. */
export const quantity = (options: NodeOptions) =>
  Type.Unsafe<number | string>({
    'x-kubernetes-int-or-string': true,
    anyOf: [{ type: 'integer' }, { type: 'string' }],
    pattern: QUANTITY_PATTERN,
    // Bounded so CEL rules calling quantity() on it stay within the API server's cost budget.
    maxLength: 64,
    ...withRules(options),
  });

/** Go duration syntax (`30s`, `5m`, `1h30m`, `250ms`), which is what CEL's `duration()` parses. */
export const DURATION_PATTERN = '^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$';

/** A duration string; the pattern guarantees CEL `duration(self)` parses it. */
export const duration = (options: NodeOptions & { readonly default?: string }) =>
  Type.String({ pattern: DURATION_PATTERN, maxLength: 32, ...withRules(options) });

/** DNS-1123 label: names of Kubernetes objects we derive names from. */
export const DNS_LABEL_PATTERN = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';

/** Reference to an object in the same namespace by name. */
export const localRef = (description: string) =>
  obj(
    {
      name: str({
        description: 'Name of the referenced object in the same namespace.',
        minLength: 1,
        maxLength: 253,
      }),
    },
    { description },
  );

/** Reference to one key of a Secret in the same namespace. */
export const secretKeyRef = (description: string, defaultKey?: string) =>
  obj(
    {
      name: str({ description: 'Name of the Secret in the same namespace.', minLength: 1, maxLength: 253 }),
      key:
        defaultKey === undefined
          ? str({ description: 'Key in the Secret.', minLength: 1, maxLength: 253 })
          : Type.Optional(
              str({
                description: `Key in the Secret. Defaults to "${defaultKey}".`,
                default: defaultKey,
                maxLength: 253,
              }),
            ),
    },
    { description },
  );
