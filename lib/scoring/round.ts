import Decimal from "decimal.js";
import { toExact } from "@/lib/scoring/exact-decimal";

export class InvalidDecimalPlacesError extends Error {
  readonly code = "INVALID_DECIMAL_PLACES";
  constructor(decimals: number) {
    super(`Decimal places must be a non-negative integer, got ${decimals}`);
    this.name = "InvalidDecimalPlacesError";
  }
}

/** Half-up means ties go away from zero: 85.855 → 85.86 and −1.765 → −1.77, as publications round. */
export function roundHalfUp(value: Decimal.Value, decimals: number): Decimal {
  if (!Number.isInteger(decimals) || decimals < 0) throw new InvalidDecimalPlacesError(decimals);
  const rounded = toExact(value).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  // −0.00001 rounds to −0, which would print as "-0".
  return rounded.isZero() ? toExact(0) : rounded;
}

/**
 * The API's number text: rounded half-up, plain notation (never "1e-7"), no trailing zeros,
 * so it is a valid JSON number literal that parses back to the rounded value.
 */
export function toApiNumberString(value: Decimal.Value, decimals = 4): string {
  return roundHalfUp(value, decimals).toFixed();
}
