import { describe, expect, it } from "vitest";
import fc from "fast-check";
import Decimal from "decimal.js";
import { compareDecimalStrings, InvalidDecimalStringError } from "@/lib/domain/compare-decimal-strings";

describe("comparing decimal strings exactly", () => {
  it.each([
    ["85.86", "85.86", 0],
    ["85.8600", "85.86", 0],
    ["085.86", "85.86", 0],
    ["85.86", "85.855", 1],
    ["9.5", "10", -1],
    ["100", "99.9999", 1],
    ["0", "-0", 0],
    ["-0.00", "0", 0],
    ["-1.76", "-1.7", -1],
    ["-2", "1", -1],
    ["+3", "3", 0],
    // Equal as binary floating point numbers, not as decimals.
    ["0.30000000000000000001", "0.3", 1],
  ])("%s vs %s → %i", (a, b, expected) => {
    expect(Math.sign(compareDecimalStrings(a, b))).toBe(expected);
    expect(Math.sign(compareDecimalStrings(b, a))).toBe(-expected || 0);
  });

  it("refuses what is not a plain decimal", () => {
    for (const value of ["", "1e5", "1,5", ".5", "abc", "1.2.3"]) {
      expect(() => compareDecimalStrings(value, "1")).toThrow(InvalidDecimalStringError);
    }
  });

  it("agrees with decimal.js on any two decimals", () => {
    const decimalString = fc
      .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 8 }))
      .map(([negative, digits, scale]) => new Decimal(`${negative ? "-" : ""}${digits}`).dividedBy(new Decimal(10).pow(scale)).toFixed(scale));
    fc.assert(
      fc.property(decimalString, decimalString, (a, b) => {
        expect(Math.sign(compareDecimalStrings(a, b))).toBe(new Decimal(a).comparedTo(new Decimal(b)));
      }),
    );
  });
});
