import Decimal from "decimal.js";
import type { Locale } from "@/lib/i18n/locale";
import { roundHalfUp } from "@/lib/scoring/round";

const SEPARATORS: Record<Locale, { decimal: string; group: string }> = {
  vi: { decimal: ",", group: "." },
  en: { decimal: ".", group: "," },
};

/** U+2212, the typographic minus, as publications print "tụt 1,76 điểm". */
const MINUS = "\u2212";

/**
 * "85,86" in Vietnamese and "85.86" in English, rounded half-up (85.855 → 85,86) and always
 * with `decimals` places, since publications print "85,80" rather than "85,8". Digits are
 * grouped by thousands ("1.234,50" / "1,234.50"). Rounding is done on the exact decimal
 * rather than by Intl.NumberFormat on a number, where 85.855 is 85.85499… and shows as 85,85.
 */
export function formatDecimal(value: Decimal.Value, locale: Locale, decimals = 2): string {
  const rounded = roundHalfUp(value, decimals);
  const text = withSeparators(rounded.abs().toFixed(decimals), locale);
  return rounded.isNegative() ? `${MINUS}${text}` : text;
}

/** For changes: "+1,76" / "−1,76"; a change that rounds to zero is shown without a sign. */
export function formatSignedDecimal(value: Decimal.Value, locale: Locale, decimals = 2): string {
  const rounded = roundHalfUp(value, decimals);
  const text = withSeparators(rounded.abs().toFixed(decimals), locale);
  if (rounded.isZero()) return text;
  return `${rounded.isNegative() ? MINUS : "+"}${text}`;
}

function withSeparators(plain: string, locale: Locale): string {
  const { decimal, group } = SEPARATORS[locale];
  const [integerPart = "0", fractionPart] = plain.split(".");
  const grouped = integerPart.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return fractionPart === undefined ? grouped : `${grouped}${decimal}${fractionPart}`;
}
