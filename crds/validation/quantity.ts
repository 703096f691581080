/**
 * Exact Kubernetes resource quantities (`500m`, `4Gi`, `1e3`) as fractions of BigInts, for the
 * CEL quantity library (`quantity()`, `isQuantity()`, `compareTo()`, `asApproximateFloat()`),
 * available from Kubernetes 1.29.
 */
const BINARY: Record<string, bigint> = {
  Ki: 1n << 10n,
  Mi: 1n << 20n,
  Gi: 1n << 30n,
  Ti: 1n << 40n,
  Pi: 1n << 50n,
  Ei: 1n << 60n,
};
const DECIMAL_EXPONENT: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const PATTERN = /^([+-]?)([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?$/;

export class Quantity {
  /** value = numerator / denominator, denominator > 0. */
  private constructor(
    readonly numerator: bigint,
    readonly denominator: bigint,
    readonly text: string,
  ) {}

  static parse(text: string): Quantity {
    const m = PATTERN.exec(text);
    if (!m)
      throw new Error(
        `quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': ${JSON.stringify(text)}`,
      );
    const sign = m[1] === '-' ? -1n : 1n;
    const [whole = '', fraction = ''] = (m[2] ?? '').split('.');
    let numerator = sign * BigInt((whole || '0') + fraction);
    let denominator = 10n ** BigInt(fraction.length);
    const suffix = m[3] ?? '';
    if (suffix in BINARY) numerator *= BINARY[suffix] as bigint;
    else {
      const exponent = /^[eE]/.test(suffix) ? Number(suffix.slice(1)) : (DECIMAL_EXPONENT[suffix] ?? 0);
      if (exponent >= 0) numerator *= 10n ** BigInt(exponent);
      else denominator *= 10n ** BigInt(-exponent);
    }
    return new Quantity(numerator, denominator, text);
  }

  static isQuantity(text: string): boolean {
    return PATTERN.test(text);
  }

  /** The value as a float, like Kubernetes' Quantity.AsApproximateFloat64. */
  asApproximateFloat(): number {
    return Number(this.numerator) / Number(this.denominator);
  }

  /** -1, 0 or 1, like Kubernetes' Quantity.Cmp. */
  compareTo(other: Quantity): number {
    const a = this.numerator * other.denominator;
    const b = other.numerator * this.denominator;
    return a < b ? -1 : a > b ? 1 : 0;
  }
}
