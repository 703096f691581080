import { parseQuantity } from '../../charts-ts/constructs/quantity.js';

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
 * True when every value set in `desired` is in `live` (fields only `live` has, such as server
 * defaults and other managers' fields, are ignored; arrays match element by element), where a resource
 * quantity also equals the same amount written another way: the API server stores quantities in
 * canonical form (`0.5` → `500m`, `1024Mi` → `1Gi`, the number `1` → `"1"`). Quantities are
 * recognised by where they sit (under `requests`, `limits`, `minAllowed`, `maxAllowed`, or an
 * `averageValue`, `sizeLimit`, `target.value`), never in free-form strings such as ConfigMap data.
 */
export function matchesLive(desired: unknown, live: unknown, quantity = false, key = ''): boolean {
  if (desired === undefined) return true;
  if (typeof desired !== 'object' || desired === null)
    return desired === live || (quantity && sameQuantity(desired, live));
  if (typeof live !== 'object' || live === null) return false;
  if (Array.isArray(desired)) {
    return (
      Array.isArray(live) &&
      desired.length === live.length &&
      desired.every((v, i) => matchesLive(v, live[i], quantity, key))
    );
  }
  if (Array.isArray(live)) return false;
  const lo = live as Record<string, unknown>;
  return Object.entries(desired as Record<string, unknown>).every(([k, v]) =>
    matchesLive(
      v,
      lo[k],
      quantity || QUANTITY_MAPS.has(k) || QUANTITY_LEAVES.has(k) || (k === 'value' && key === 'target'),
      k,
    ),
  );
}

/** Maps whose values are quantities, and fields that hold one. */
const QUANTITY_MAPS: ReadonlySet<string> = new Set(['requests', 'limits', 'minAllowed', 'maxAllowed']);
const QUANTITY_LEAVES: ReadonlySet<string> = new Set(['averageValue', 'sizeLimit']);

/** The parts of `live` at the paths `desired` sets (what an apply of `desired` is compared with). */
export function projectOnto(desired: unknown, live: unknown): unknown {
  if (typeof desired !== 'object' || desired === null) return live;
  if (Array.isArray(desired)) {
    return Array.isArray(live) ? desired.map((v, i) => projectOnto(v, live[i])) : live;
  }
  if (typeof live !== 'object' || live === null || Array.isArray(live)) return live;
  const lo = live as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(desired).map((k) => [k, projectOnto((desired as Record<string, unknown>)[k], lo[k])]),
  );
}

/** JSON with object keys sorted, so equal values always serialise the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The amount of a quantity (a number or a quantity string), or undefined when it is none. */
function quantityValue(v: unknown): number | undefined {
  if (typeof v !== 'number' && typeof v !== 'string') return undefined;
  try {
    return parseQuantity('quantity', v);
  } catch {
    return undefined;
  }
}

/** Both are quantities (a number or a quantity string, at least one a string) of the same amount. */
function sameQuantity(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' && typeof b !== 'string') return false;
  const x = quantityValue(a);
  const y = quantityValue(b);
  if (x === undefined || y === undefined) return false;
  return x === y || Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
}
