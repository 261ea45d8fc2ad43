import { describe, expect, it } from "vitest";
import { parseDecimalInput } from "@/lib/results-package/decimal-input";

function value(input: unknown, options?: Parameters<typeof parseDecimalInput>[1]): string {
  const result = parseDecimalInput(input, options);
  if (!result.ok) throw new Error(`${String(input)} rejected: ${result.en}`);
  return result.value.toFixed();
}

function code(input: unknown, options?: Parameters<typeof parseDecimalInput>[1]): string {
  const result = parseDecimalInput(input, options);
  if (result.ok) throw new Error(`${String(input)} accepted as ${result.value.toFixed()}`);
  expect(result.vi.length).toBeGreaterThan(0);
  expect(result.en.length).toBeGreaterThan(0);
  return result.code;
}

describe("parseDecimalInput", () => {
  it("reads JSON numbers through their shortest text, so 12.97 stays exactly 12.97", () => {
    expect(value(12.97)).toBe("12.97");
    expect(value(0.1)).toBe("0.1");
    expect(value(85.82)).toBe("85.82");
    expect(value(0)).toBe("0");
    expect(value(-0)).toBe("0");
    expect(value(100)).toBe("100");
    expect(value(1e-4)).toBe("0.0001");
  });

  it("accepts a decimal point or a Vietnamese decimal comma, with the same value", () => {
    expect(value("12.5")).toBe("12.5");
    expect(value("12,5")).toBe(value("12.5"));
    expect(value(" 6,875 ")).toBe("6.875");
    expect(value("0,0001")).toBe("0.0001");
    expect(value("007")).toBe("7");
    expect(value(",5")).toBe("0.5");
    expect(value("5.")).toBe("5");
  });

  it("refuses thousands separators, whose meaning depends on the writer's language", () => {
    expect(code("1.234,5")).toBe("decimal_grouped");
    expect(code("1,234.5")).toBe("decimal_grouped");
    expect(code("1.234.567")).toBe("decimal_grouped");
    expect(code("1,234,567")).toBe("decimal_grouped");
    expect(code("1 234,5")).toBe("decimal_grouped");
    const result = parseDecimalInput("1.234,5");
    expect(result.ok || result.vi).toContain("không rõ nghĩa");
  });

  it("refuses more than 4 decimals, but trailing zeros do not count", () => {
    expect(code("1.23456")).toBe("decimal_too_many_decimals");
    expect(code(12.34567)).toBe("decimal_too_many_decimals");
    expect(code(0.1 + 0.2)).toBe("decimal_too_many_decimals");
    expect(value("12.50000")).toBe("12.5");
    expect(value("1.2345")).toBe("1.2345");
    expect(value("1.23456", { maxDecimals: 5 })).toBe("1.23456");
  });

  it("uses the exact JSON literal when the reader kept it", () => {
    // The double of 13.50000000000000001 is 13.5: only the literal shows the 17 decimals.
    expect(code(13.5, { numberSource: "13.50000000000000001" })).toBe("decimal_too_many_decimals");
    expect(value(1e21, { numberSource: "1000000000000000000000" })).toBe("1000000000000000000000");
  });

  it("refuses non-numbers, empty text, exponents and non-finite values", () => {
    expect(code("")).toBe("decimal_empty");
    expect(code("   ")).toBe("decimal_empty");
    expect(code("1e3")).toBe("decimal_exponent");
    expect(code("1,5E-2")).toBe("decimal_exponent");
    expect(code("NaN")).toBe("decimal_not_finite");
    expect(code("-Infinity")).toBe("decimal_not_finite");
    expect(code(Number.NaN)).toBe("decimal_not_finite");
    expect(code(Number.POSITIVE_INFINITY)).toBe("decimal_not_finite");
    expect(code("12.5a")).toBe("decimal_invalid");
    expect(code("+5")).toBe("decimal_invalid");
    expect(code("−5")).toBe("decimal_invalid"); // U+2212 minus sign
    expect(code("0x10")).toBe("decimal_invalid");
    expect(code("97%")).toBe("decimal_invalid");
    expect(code(".")).toBe("decimal_invalid");
    expect(code(true)).toBe("decimal_wrong_type");
    expect(code(null)).toBe("decimal_wrong_type");
    expect(code({})).toBe("decimal_wrong_type");
  });

  it("refuses negative values unless the caller allows them", () => {
    expect(code(-1)).toBe("decimal_negative");
    expect(code("-0,5")).toBe("decimal_negative");
    expect(value("-0")).toBe("0");
    expect(value("-0,5", { allowNegative: true })).toBe("-0.5");
  });
});
