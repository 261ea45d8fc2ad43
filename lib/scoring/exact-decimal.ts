import Decimal from "decimal.js";

/**
 * Maximum significant digits of any value the scoring core computes.
 *
 * decimal.js rounds every result to its constructor's `precision` (20 by default), so
 * `66.6666666666666666667 × 30` silently becomes `2000` and two different indices tie.
 * Points have at most a few decimals and sums and products of them need far fewer than
 * 1000 digits, so with this class `plus`, `minus` and `times` are exact; results that
 * could have been rounded are detected by `assertExact` instead of being trusted.
 */
export const EXACT_PRECISION = 1000;

/** Values flowing through lib/scoring and lib/ranking are converted to this class on entry. */
export const ExactDecimal = Decimal.clone({ precision: EXACT_PRECISION, rounding: Decimal.ROUND_HALF_UP });

export class PrecisionExceededError extends Error {
  readonly code = "PRECISION_EXCEEDED";
  constructor(operation: string) {
    super(`Exact ${operation} needs more than ${EXACT_PRECISION} significant digits`);
    this.name = "PrecisionExceededError";
  }
}

/**
 * Copies a value (any decimal.js or Prisma Decimal, decimal string or integer) into the exact
 * class without rounding, so later arithmetic on it is not limited to the caller's precision.
 */
export function toExact(value: Decimal.Value): Decimal {
  // Decimals are immutable: a value already in the exact class is used as it is, not copied.
  // (instanceof would not do: every decimal.js clone shares one prototype.)
  return typeof value === "object" && value.constructor === ExactDecimal ? value : new ExactDecimal(value);
}

/** A result with EXACT_PRECISION digits may have been rounded: refuse it rather than publish it. */
export function assertExact(result: Decimal, operation: string): Decimal {
  if (result.isFinite() && !result.isZero() && result.precision() >= EXACT_PRECISION) {
    throw new PrecisionExceededError(operation);
  }
  return result;
}

export function exactSum(values: Iterable<Decimal>): Decimal {
  let sum = new ExactDecimal(0);
  for (const value of values) sum = assertExact(sum.plus(value), "sum");
  return sum;
}

export function exactTimes(a: Decimal.Value, b: Decimal.Value): Decimal {
  return assertExact(toExact(a).times(b), "multiplication");
}

export function exactMinus(a: Decimal.Value, b: Decimal.Value): Decimal {
  return assertExact(toExact(a).minus(b), "subtraction");
}
