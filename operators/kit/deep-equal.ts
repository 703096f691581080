/** Structural equality of JSON values (key order does not matter; `undefined` members equal absent ones). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => deepEqual(v, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!deepEqual(ao[k], bo[k])) return false;
  return true;
}

/**
 * True when every field set in `desired` has the same value in `live` (fields only `live` has, such as
 * server defaults and other managers' fields, are ignored). Arrays must match element by element. This is
 * what "a server-side apply of `desired` would change nothing" means for the values we manage.
 */
export function isSubset(desired: unknown, live: unknown): boolean {
  if (desired === undefined) return true;
  if (typeof desired !== 'object' || desired === null) return desired === live;
  if (typeof live !== 'object' || live === null) return false;
  if (Array.isArray(desired)) {
    return (
      Array.isArray(live) && desired.length === live.length && desired.every((v, i) => isSubset(v, live[i]))
    );
  }
  if (Array.isArray(live)) return false;
  const lo = live as Record<string, unknown>;
  return Object.entries(desired as Record<string, unknown>).every(([k, v]) => isSubset(v, lo[k]));
}
