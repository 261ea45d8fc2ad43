import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
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

describe("comparing fractions", () => {
  const decimalText = fc
    .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 6 }))
    .map(([digits, places]) => new Decimal(digits.toString()).dividedBy(new Decimal(10).pow(places)).toFixed());
  const positiveText = decimalText.filter((text) => !new Decimal(text).isZero());

  it("agrees with decimal cross-multiplication for any signs and scales, and is antisymmetric", () => {
    fc.assert(
      fc.property(decimalText, positiveText, decimalText, positiveText, (n1, d1, n2, d2) => {
        const a = fraction(n1, d1);
        const b = fraction(n2, d2);
        const expected = exactTimes(a.numerator, b.denominator).comparedTo(exactTimes(b.numerator, a.denominator));
        expect(compareFractions(a, b)).toBe(expected);
        expect(compareFractions(b, a)).toBe(-expected || 0);
        expect(compareFractions(a, a)).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it("rounds half-up (away from zero) exactly as a 1000-digit division rounded once would", () => {
    const Wide = Decimal.clone({ precision: 1000 });
    fc.assert(
      fc.property(decimalText, positiveText, fc.integer({ min: 0, max: 6 }), (n, d, places) => {
        const expected = new Wide(n).dividedBy(d).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
        expect(roundFraction(fraction(n, d), places).toFixed(places)).toBe(expected.toFixed(places));
      }),
      { numRuns: 500 },
    );
    expect(roundFraction(fraction(-1, 8), 2).toFixed(2)).toBe("-0.13");
    expect(roundFraction(fraction(-1, 1000), 2).toFixed(2)).toBe("0.00");
  });

  it("sees equal values written differently as equal", () => {
    expect(compareFractions(fraction("8586", "100"), fraction("85.86", 1))).toBe(0);
    expect(compareFractions(fraction("-0.50", "2"), fraction(-1, 4))).toBe(0);
  });
});
