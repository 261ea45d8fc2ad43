import type { Locale } from "./locale";
import { formatDecimal } from "./format-decimal";

/**
 * A number a criteria set, a band or a scoring rule states ("13,5" points, "từ 95 trở lên"), with
 * exactly the decimals it has: padding it like a score ("13,50") would print what the set never
 * said. Scores and indices use formatDecimal with 2 decimals instead.
 */
export function formatAsStated(plain: string, locale: Locale): string {
  const decimals = plain.split(".")[1]?.replace(/0+$/, "").length ?? 0;
  return formatDecimal(plain, locale, decimals);
}
