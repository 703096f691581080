/**
 * Schema defaulting as the API server does it before validation: a missing property with a
 * `default` gets it, recursively, including inside list items and map values. CEL rules then see
 * the defaulted object, which is why rules may read defaulted fields without `has()`.
 */
type Schema = Record<string, unknown>;

export function applyDefaults(schema: Schema, value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = schema['items'] as Schema | undefined;
    return items ? value.map((v) => applyDefaults(items, v)) : value;
  }
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const properties = schema['properties'] as Record<string, Schema> | undefined;
  if (properties) {
    for (const [name, child] of Object.entries(properties)) {
      if (out[name] === undefined && child['default'] !== undefined)
        // A JSON copy, not structuredClone: defaults are JSON, and structuredClone's arrays come
        // from another realm under a VM sandbox (jest), which CEL then refuses as not a list.
        out[name] = JSON.parse(JSON.stringify(child['default'])) as unknown;
      if (out[name] !== undefined) out[name] = applyDefaults(child, out[name]);
    }
  }
  const additional = schema['additionalProperties'];
  if (additional && typeof additional === 'object') {
    for (const key of Object.keys(out)) out[key] = applyDefaults(additional as Schema, out[key]);
  }
  return out;
}
