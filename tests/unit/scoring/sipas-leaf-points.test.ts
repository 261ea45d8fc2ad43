import { describe, expect, it } from "vitest";
import { sipasLeafPoints } from "@/lib/scoring/sipas-leaf-points";
import { ScoringInputError, ScoringRuleError, evaluateScoringRule, scoringRuleSchema } from "@/lib/scoring/scoring-rule";

const proportional = { code: "7.1", maxPoints: "2", scoringRule: { type: "proportional" } };
const untyped = { code: "7.1", maxPoints: "2", scoringRule: null };

// A province's rule for its one-stop desks: ≥ 90 % → full; above 80 % up to 90 % → three quarters;
// from 70 % to 80 % → a third (which has more decimals than points may carry); below → nothing.
const threshold = {
  code: "7.2",
  maxPoints: "1",
  scoringRule: {
    type: "threshold",
    input: { min: 0, max: 100 },
    rows: [
      { from: { value: 90, inclusive: true }, award: { kind: "fraction", value: 1 } },
      { from: { value: 80, inclusive: false }, to: { value: 90, inclusive: false }, award: { kind: "fraction", value: "0.75" } },
      { from: { value: 70, inclusive: true }, to: { value: 80, inclusive: true }, award: { kind: "fraction", value: "0.3333333" } },
    ],
  },
};

describe("sipasLeafPoints", () => {
  it("gives the whole max at 100 % and nothing at 0 %, with or without a written rule", () => {
    for (const leaf of [proportional, untyped]) {
      expect(sipasLeafPoints(leaf, "100")).toBe("2");
      expect(sipasLeafPoints(leaf, "0")).toBe("0");
    }
  });

  it("scores in proportion, rounded half-up to 4 decimals", () => {
    expect(sipasLeafPoints(untyped, "91.23")).toBe("1.8246");
    // 1.5 × 91.23 / 100 = 1.36845 → 1.3685 (half-up, not banker's 1.3684)
    expect(sipasLeafPoints({ ...proportional, maxPoints: "1.5" }, "91.23")).toBe("1.3685");
    expect(sipasLeafPoints({ ...proportional, maxPoints: "3" }, "33.33333")).toBe("1");
  });

  it("keeps each threshold edge inclusive or exclusive as written", () => {
    expect(sipasLeafPoints(threshold, "90")).toBe("1");
    expect(sipasLeafPoints(threshold, "89.9999")).toBe("0.75");
    expect(sipasLeafPoints(threshold, "80.0001")).toBe("0.75");
    expect(sipasLeafPoints(threshold, "80")).toBe("0.3333");
    expect(sipasLeafPoints(threshold, "70")).toBe("0.3333");
    expect(sipasLeafPoints(threshold, "69.99")).toBe("0");
  });

  it("refuses a figure that is not a percentage", () => {
    for (const figure of ["100.01", "-1", "abc", "91,23", ""]) {
      expect(() => sipasLeafPoints(proportional, figure), figure).toThrow(ScoringInputError);
    }
  });

  it("refuses rules that do not read a percentage, and a broken stored rule", () => {
    expect(() => sipasLeafPoints({ ...proportional, scoringRule: { type: "yes_no" } }, "90")).toThrow(ScoringRuleError);
    expect(() => sipasLeafPoints({ ...proportional, scoringRule: { type: "count", mode: "per_item", pointsPerItem: 1 } }, "90")).toThrow(ScoringRuleError);
    expect(() => sipasLeafPoints({ ...proportional, scoringRule: { type: "proportional", extra: 1 } }, "90")).toThrow(ScoringRuleError);
  });
});

describe("the proportional rule on its own", () => {
  const rule = scoringRuleSchema.parse({ type: "proportional" });

  it("takes a rate from 0 to 100 only", () => {
    expect(evaluateScoringRule(rule, "50", "3").toFixed()).toBe("1.5");
    expect(() => evaluateScoringRule(rule, "101", "3")).toThrow(ScoringInputError);
    expect(() => evaluateScoringRule(rule, true, "3")).toThrow(ScoringInputError);
  });
});
