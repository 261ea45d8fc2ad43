import type Decimal from "decimal.js";
import type { Locale } from "./locale";
import { formatDecimal } from "./format-decimal";

/**
 * A maximum as the criteria set states it ("13,5", "31,5", "100"), not padded to 2 decimals like
 * achieved points: a set says "13,5 điểm", and "13,50" would read as a computed figure.
 */
export function formatStatedDecimal(value: Decimal.Value, locale: Locale): string {
  const plain = typeof value === "string" ? value : value.toString();
  const decimals = plain.includes("e") ? 2 : (plain.split(".")[1]?.replace(/0+$/, "").length ?? 0);
  return formatDecimal(value, locale, decimals);
}
