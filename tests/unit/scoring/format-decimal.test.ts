import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { formatDecimal, formatSignedDecimal } from "@/lib/i18n/format-decimal";

describe("formatDecimal", () => {
  it("shows 2 decimals with a decimal comma in Vietnamese and a point in English, rounding half-up", () => {
    expect(formatDecimal("85.855", "vi")).toBe("85,86");
    expect(formatDecimal("85.855", "en")).toBe("85.86");
    expect(formatDecimal(new Decimal("0.005"), "vi")).toBe("0,01");
    expect(formatDecimal("85.8", "vi")).toBe("85,80");
    expect(formatDecimal("100", "vi")).toBe("100,00");
  });

  it("groups thousands the local way", () => {
    expect(formatDecimal("1234.5", "vi")).toBe("1.234,50");
    expect(formatDecimal("1234567.5", "en", 1)).toBe("1,234,567.5");
    expect(formatDecimal("999.995", "vi")).toBe("1.000,00");
  });

  it("honours other precisions and negative values", () => {
    expect(formatDecimal("85.86125", "vi", 4)).toBe("85,8613");
    expect(formatDecimal("3.5", "en", 0)).toBe("4");
    expect(formatDecimal("-1.765", "vi")).toBe("−1,77");
    expect(formatDecimal("-0.001", "vi")).toBe("0,00");
  });
});

describe("formatSignedDecimal", () => {
  it("shows a change with its sign", () => {
    expect(formatSignedDecimal("1.76", "vi")).toBe("+1,76");
    expect(formatSignedDecimal("-1.76", "vi")).toBe("−1,76");
    expect(formatSignedDecimal("-1.755", "en")).toBe("−1.76");
    expect(formatSignedDecimal("0.001", "vi")).toBe("0,00");
  });
});
