import Decimal from "decimal.js";
import { toExact } from "@/lib/scoring/exact-decimal";

/**
 * An exact rational with BigInt parts (denominator > 0, always reduced). SIPAS figures are ratios
 * of counts ("41 of 57 answers satisfied") weighted by decimal weights: kept as fractions, they are
 * exact until the single half-up rounding at the end, and BigInt keeps a whole province's
 * responses (100 units × 500 respondents) fast where decimal fractions with gcd would not be.
 */
export type Rational = { readonly n: bigint; readonly d: bigint };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function rational(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError("Rational denominator must not be zero");
  const sign = d < 0n ? -1n : 1n;
  const divisor = gcd(n, d) || 1n;
  return { n: (sign * n) / divisor, d: (sign * d) / divisor };
}

export const ZERO: Rational = { n: 0n, d: 1n };

/** A decimal string such as "0.25" as the exact fraction 1/4. */
export function rationalFromDecimal(value: Decimal.Value): Rational {
  const exact = toExact(value);
  const places = exact.decimalPlaces();
  return rational(BigInt(exact.times(new Decimal(10).pow(places)).toFixed(0)), 10n ** BigInt(places));
}

export function add(a: Rational, b: Rational): Rational {
  return a.d === b.d ? rational(a.n + b.n, a.d) : rational(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function subtract(a: Rational, b: Rational): Rational {
  return add(a, { n: -b.n, d: b.d });
}

export function multiply(a: Rational, b: Rational): Rational {
  return rational(a.n * b.n, a.d * b.d);
}

export function divide(a: Rational, b: Rational): Rational {
  if (b.n === 0n) throw new RangeError("Division by zero");
  return rational(a.n * b.d, a.d * b.n);
}

export function isZero(a: Rational): boolean {
  return a.n === 0n;
}

/** Rounded half-up (ties away from zero) to `places` decimals, by integer division only. */
export function roundRational(value: Rational, places: number): string {
  const scale = 10n ** BigInt(places);
  const magnitude = (value.n < 0n ? -value.n : value.n) * scale;
  const quotient = magnitude / value.d;
  const rounded = (magnitude - quotient * value.d) * 2n >= value.d ? quotient + 1n : quotient;
  const digits = rounded.toString().padStart(places + 1, "0");
  const text = places ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
  return value.n < 0n && rounded !== 0n ? `-${text}` : text;
}

/** Digits carried by the one irrational step (a square root); far below the 4 decimals kept. */
const ROOT_PRECISION = 60;
const RootDecimal = Decimal.clone({ precision: ROOT_PRECISION, rounding: Decimal.ROUND_HALF_UP });

/** The value as a decimal.js number with ROOT_PRECISION significant digits (for the square root step). */
export function toRootDecimal(value: Rational): Decimal {
  return new RootDecimal(value.n.toString()).dividedBy(value.d.toString());
}

/** √value with ROOT_PRECISION significant digits (decimal.js square roots are correctly rounded). */
export function squareRoot(value: Rational): Decimal {
  if (value.n < 0n) throw new RangeError("Square root of a negative number");
  return toRootDecimal(value).sqrt();
}

export { RootDecimal };
