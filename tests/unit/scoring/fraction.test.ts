import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { PrecisionExceededError, exactTimes } from "@/lib/scoring/exact-decimal";
import { addFractions, compareFractions, divideFraction, fraction, fractionFromDecimal, roundFraction } from "@/lib/scoring/fraction";

describe("exact index comparison", () => {
  const twoHundredThirds = fraction(2000, 30);

  it("orders 200/3 below its 21-digit decimal expansion, which a 20-digit division would misorder", () => {
    const expansion = fractionFromDecimal("66.6666666666666666667");
    expect(compareFractions(twoHundredThirds, expansion)).toBe(-1);
    // What decimal.js's default precision would do: 200/3 becomes 66.666666666666666667 > expansion.
    expect(new Decimal(200).div(3).greaterThan("66.6666666666666666667")).toBe(true);
  });

  it("does not tie 200/3 with its 20-digit rounding", () => {
    const rounded = new Decimal(200).div(3);
    expect(rounded.equals(new Decimal(20).div(30).times(100))).toBe(true);
    expect(compareFractions(twoHundredThirds, fractionFromDecimal(rounded))).toBe(-1);
  });

  it("treats equal values with different denominators as equal", () => {
    expect(compareFractions(fraction("45", "0.6"), fraction(75, 1))).toBe(0);
    expect(compareFractions(fraction(1, -3), fraction(-1, 3))).toBe(0);
  });

  it("adds and divides exactly", () => {
    const sum = addFractions(fraction(200, 3), fraction(100, 6));
    expect(compareFractions(sum, fraction(250, 3))).toBe(0);
    expect(compareFractions(divideFraction(sum, 2), fraction(125, 3))).toBe(0);
  });
});

describe("roundFraction", () => {
  it("rounds half-up exactly at the boundary and away from zero for negatives", () => {
    expect(roundFraction(fraction("85.855", 1), 2).toFixed()).toBe("85.86");
    expect(roundFraction(fraction(1, 8), 2).toFixed()).toBe("0.13");
    expect(roundFraction(fraction(-1, 8), 2).toFixed()).toBe("-0.13");
    expect(roundFraction(fraction(-1, 1000), 2).toFixed()).toBe("0");
    expect(roundFraction(fraction(2, 3), 4).toFixed()).toBe("0.6667");
  });
});

describe("exactness guard", () => {
  it("refuses a product too long to be exact rather than rounding it", () => {
    const long = new Decimal(`1.${"1".repeat(600)}`);
    expect(() => exactTimes(long, long)).toThrow(PrecisionExceededError);
  });
});
