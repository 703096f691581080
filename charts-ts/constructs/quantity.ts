/**
 * Kubernetes resource quantities (`500m`, `2`, `4Gi`, `1.5G`). Our API carries them as strings and we write
 * them verbatim into manifests; they are parsed only to check them (request ≤ limit, min ≤ max) and to read
 * figures back in tests.
 */

const SUFFIX: Record<string, number> = {
  '': 1,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const QUANTITY = /^([+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)(n|u|m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/;

/** The value of a quantity in base units (cores, bytes); throws naming `field` when it is not a quantity. */
export function parseQuantity(field: string, value: string | number): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0)
      throw new Error(`${field} (${value}) must be a non-negative number`);
    return value;
  }
  const match = QUANTITY.exec(value.trim());
  if (match === null) {
    throw new Error(
      `${field} '${value}' is not a Kubernetes quantity; write e.g. '500m' or '2' for CPU, '4Gi' for memory`,
    );
  }
  return Number(match[1]) * (SUFFIX[match[2] ?? ''] ?? 1);
}

/** Throws when `low` is greater than `high`, quoting both fields. */
export function assertNotAbove(
  lowField: string,
  low: string | number | undefined,
  highField: string,
  high: string | number | undefined,
): void {
  if (low === undefined || high === undefined) return;
  if (parseQuantity(lowField, low) > parseQuantity(highField, high)) {
    throw new Error(`${lowField} (${low}) must not be greater than ${highField} (${high})`);
  }
}
