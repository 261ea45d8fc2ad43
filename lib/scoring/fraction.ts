import Decimal from "decimal.js";
import { InvalidDecimalPlacesError } from "@/lib/scoring/round";
import { ExactDecimal, assertExact, exactTimes, toExact } from "@/lib/scoring/exact-decimal";

/**
 * An exact rational number `numerator / denominator` with `denominator > 0`.
 *
 * An index such as 200/3 has no finite decimal expansion, and any rounded expansion can tie or
 * misorder it against a neighbour (66.6666666666666666667 > 200/3, but a 20-digit rounding makes
 * them equal). Keeping the fraction and comparing by cross-multiplication is exact for every
 * input, and rounding happens once, half-up, when a value is displayed or stored.
 */
export type Fraction = { readonly numerator: Decimal; readonly denominator: Decimal };

export class InvalidFractionError extends Error {
  readonly code = "INVALID_FRACTION";
  constructor(message: string) {
    super(message);
    this.name = "InvalidFractionError";
  }
}

export function fraction(numerator: Decimal.Value, denominator: Decimal.Value): Fraction {
  const n = toExact(numerator);
  const d = toExact(denominator);
  if (!n.isFinite() || !d.isFinite()) throw new InvalidFractionError("Fraction parts must be finite");
  if (d.isZero()) throw new InvalidFractionError("Fraction denominator must not be zero");
  return d.isNegative() ? { numerator: n.negated(), denominator: d.negated() } : { numerator: n, denominator: d };
}

export function fractionFromDecimal(value: Decimal.Value): Fraction {
  return fraction(value, 1);
}

/** A fraction's parts scaled by one power of ten to integers: the same value, exactly. */
type IntegerParts = { numerator: bigint; denominator: bigint };

// Ranking and statistics sort thousands of indices: each fraction is turned into integers once
// (fractions are immutable, so the cache cannot go stale) and compared by BigInt
// cross-multiplication, exact and far cheaper than multiplying decimals on every comparison.
const integerParts = new WeakMap<Fraction, IntegerParts>();

function scaledInteger(value: Decimal, places: number): bigint {
  const [whole, decimals = ""] = value.toFixed(places).split(".");
  return BigInt(whole + decimals);
}

function integerPartsOf(value: Fraction): IntegerParts {
  let parts = integerParts.get(value);
  if (!parts) {
    const places = Math.max(value.numerator.decimalPlaces(), value.denominator.decimalPlaces());
    parts = { numerator: scaledInteger(value.numerator, places), denominator: scaledInteger(value.denominator, places) };
    integerParts.set(value, parts);
  }
  return parts;
}

/** -1, 0 or 1 as a is below, equal to or above b. */
export function compareFractions(a: Fraction, b: Fraction): -1 | 0 | 1 {
  const x = integerPartsOf(a);
  const y = integerPartsOf(b);
  const left = x.numerator * y.denominator;
  const right = y.numerator * x.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

// Bands and other thresholds are compared with every unit's index: each Decimal is turned into a
// fraction (and so into integers) once.
const decimalFractions = new WeakMap<Decimal, Fraction>();

export function compareFractionToDecimal(a: Fraction, b: Decimal.Value): -1 | 0 | 1 {
  if (typeof b !== "object") return compareFractions(a, fractionFromDecimal(b));
  let asFraction = decimalFractions.get(b);
  if (!asFraction) {
    asFraction = fractionFromDecimal(b);
    decimalFractions.set(b, asFraction);
  }
  return compareFractions(a, asFraction);
}

export function addFractions(a: Fraction, b: Fraction): Fraction {
  if (a.denominator.equals(b.denominator)) {
    return reduce(assertExact(toExact(a.numerator).plus(b.numerator), "addition"), a.denominator);
  }
  const numerator = assertExact(exactTimes(a.numerator, b.denominator).plus(exactTimes(b.numerator, a.denominator)), "addition");
  return reduce(numerator, exactTimes(a.denominator, b.denominator));
}

export function subtractFractions(a: Fraction, b: Fraction): Fraction {
  return addFractions(a, { numerator: toExact(b.numerator).negated(), denominator: b.denominator });
}

export function divideFraction(a: Fraction, divisor: Decimal.Value): Fraction {
  const d = toExact(divisor);
  if (d.isZero()) throw new InvalidFractionError("Division by zero");
  return reduceFraction(fraction(a.numerator, exactTimes(a.denominator, d)));
}

/**
 * The value rounded half-up (ties away from zero) to `decimals` places, computed by integer
 * division so that no intermediate expansion is ever rounded.
 */
export function roundFraction(value: Fraction, decimals: number): Decimal {
  if (!Number.isInteger(decimals) || decimals < 0) throw new InvalidDecimalPlacesError(decimals);
  const { numerator, denominator } = integerPartsOf(value);
  const scaled = (numerator < 0n ? -numerator : numerator) * 10n ** BigInt(decimals);
  const quotient = scaled / denominator;
  const rounded = (scaled - quotient * denominator) * 2n >= denominator ? quotient + 1n : quotient;
  const magnitude = new ExactDecimal(`${rounded}e-${decimals}`);
  return numerator < 0n && rounded !== 0n ? magnitude.negated() : magnitude;
}

/** Integer numerator and denominator without common factors, so sums of many fractions stay small. */
export function reduceFraction(value: Fraction): Fraction {
  return reduce(value.numerator, value.denominator);
}

function reduce(numerator: Decimal, denominator: Decimal): Fraction {
  const scale = new ExactDecimal(`1e${Math.max(numerator.decimalPlaces(), denominator.decimalPlaces())}`);
  const n = exactTimes(numerator, scale);
  const d = exactTimes(denominator, scale);
  if (n.isZero()) return fraction(0, 1);
  const divisor = gcd(n.abs(), d.abs());
  return fraction(n.dividedToIntegerBy(divisor), d.dividedToIntegerBy(divisor));
}

function gcd(a: Decimal, b: Decimal): Decimal {
  let x = a;
  let y = b;
  while (!y.isZero()) {
    const r = x.modulo(y);
    x = y;
    y = r;
  }
  return x;
}
