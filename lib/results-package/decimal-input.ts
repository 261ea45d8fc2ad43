// Turns a point value read from a file (JSON number or text) into an exact Decimal.
//
// Vietnamese spreadsheets write "12,5" where English ones write "12.5", and both use the other
// mark to group thousands. A value is accepted only when its meaning is certain: one decimal mark,
// comma or point, and no grouping. "1.234,5" or "1,234.5" could be read two ways, so they are
// refused with a message instead of being guessed.
import Decimal from "decimal.js";
import { quoteValue as quote } from "@/lib/results-package/validation-error";

/** Points and indices are stored with 4 decimals (numeric(9,4)). */
export const MAX_DECIMALS = 4;

export type DecimalInputErrorCode =
  | "decimal_wrong_type"
  | "decimal_empty"
  | "decimal_not_finite"
  | "decimal_exponent"
  | "decimal_grouped"
  | "decimal_invalid"
  | "decimal_too_many_decimals"
  | "decimal_negative";

export interface DecimalInputError {
  code: DecimalInputErrorCode;
  vi: string;
  en: string;
}

export type DecimalInputResult = { ok: true; value: Decimal } | ({ ok: false } & DecimalInputError);

export interface DecimalInputOptions {
  /** Default MAX_DECIMALS. Trailing zeros do not count: "12.50000" has one decimal. */
  maxDecimals?: number;
  /** Default false: points, maxima and indices are never negative. */
  allowNegative?: boolean;
  /**
   * The number exactly as written in the JSON text, when the reader kept it because the binary
   * double lost digits (e.g. 13.50000000000000001). Used instead of the number's own digits.
   */
  numberSource?: string;
}

const PLAIN_DECIMAL = /^(-?)(\d*)(?:[.,](\d*))?$/;
const NOT_FINITE = /^[+-]?(?:nan|inf|infinity|∞)$/i;
const EXPONENT = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)e[+-]?\d+$/i;
const GROUPING_SPACE = /\d[\s'’_]+\d/;

export function parseDecimalInput(input: unknown, options: DecimalInputOptions = {}): DecimalInputResult {
  const maxDecimals = options.maxDecimals ?? MAX_DECIMALS;
  let value: Decimal;
  let shown: string;

  if (typeof input === "number") {
    if (!Number.isFinite(input)) return notFinite(String(input));
    // String(n) is the shortest text that reads back as the same double, so 12.97 stays "12.97"
    // rather than the double's exact binary expansion.
    shown = options.numberSource ?? String(input);
    value = new Decimal(shown);
  } else if (typeof input === "string") {
    const text = input.trim();
    if (text === "") {
      return fail("decimal_empty", "Giá trị số đang để trống", "The number is empty");
    }
    const parsed = parseDecimalText(text);
    if (!parsed.ok) return parsed;
    value = parsed.value;
    shown = text;
  } else {
    return fail(
      "decimal_wrong_type",
      "Cần một số hoặc chuỗi số thập phân (ví dụ 12.5 hoặc \"12,5\")",
      "Expected a number or a decimal string (e.g. 12.5 or \"12,5\")",
    );
  }

  // "-0" is zero, not a negative value; keep one zero so comparisons and output stay simple.
  if (value.isZero()) value = new Decimal(0);

  const decimals = value.decimalPlaces();
  if (decimals > maxDecimals) {
    return fail(
      "decimal_too_many_decimals",
      `Giá trị ${quote(shown)} có ${decimals} chữ số thập phân; chỉ được tối đa ${maxDecimals}`,
      `The value ${quote(shown)} has ${decimals} decimal places; at most ${maxDecimals} are allowed`,
    );
  }
  if (!options.allowNegative && value.isNegative()) {
    return fail(
      "decimal_negative",
      `Giá trị ${quote(shown)} không được âm`,
      `The value ${quote(shown)} must not be negative`,
    );
  }
  return { ok: true, value };
}

function parseDecimalText(text: string): DecimalInputResult {
  if (NOT_FINITE.test(text)) return notFinite(text);
  if (EXPONENT.test(text)) {
    return fail(
      "decimal_exponent",
      `Giá trị ${quote(text)} viết dạng lũy thừa (e); hãy ghi số thập phân đầy đủ, ví dụ 0.0012`,
      `The value ${quote(text)} uses exponent notation (e); write the plain decimal, e.g. 0.0012`,
    );
  }
  const points = count(text, ".");
  const commas = count(text, ",");
  if ((points > 0 && commas > 0) || points > 1 || commas > 1 || GROUPING_SPACE.test(text)) {
    return fail(
      "decimal_grouped",
      `Giá trị ${quote(text)} có dấu phân cách hàng nghìn nên không rõ nghĩa; ` +
        "hãy ghi số không có dấu phân cách hàng nghìn, chỉ một dấu chấm hoặc dấu phẩy trước phần thập phân (ví dụ 1234.5 hoặc 1234,5)",
      `The value ${quote(text)} contains a thousands separator and is ambiguous; ` +
        "write it without thousands separators, with a single point or comma before the decimals (e.g. 1234.5 or 1234,5)",
    );
  }
  const match = PLAIN_DECIMAL.exec(text);
  const integerPart = match?.[2] ?? "";
  const fractionPart = match?.[3] ?? "";
  if (!match || integerPart.length + fractionPart.length === 0) {
    return fail(
      "decimal_invalid",
      `Giá trị ${quote(text)} không phải là số thập phân (ví dụ hợp lệ: 12.5 hoặc 12,5)`,
      `The value ${quote(text)} is not a decimal number (valid examples: 12.5 or 12,5)`,
    );
  }
  const canonical = `${match[1]}${integerPart || "0"}.${fractionPart || "0"}`;
  return { ok: true, value: new Decimal(canonical) };
}

function notFinite(shown: string): DecimalInputResult {
  return fail(
    "decimal_not_finite",
    `Giá trị ${quote(shown)} không phải là một số hữu hạn`,
    `The value ${quote(shown)} is not a finite number`,
  );
}

function fail(code: DecimalInputErrorCode, vi: string, en: string): DecimalInputResult {
  return { ok: false, code, vi, en };
}

function count(text: string, char: string): number {
  let n = 0;
  for (const c of text) if (c === char) n++;
  return n;
}
