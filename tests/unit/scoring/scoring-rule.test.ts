import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import {
  ScoringInputError,
  ScoringRuleError,
  evaluateScoringRule,
  scoringRuleSchema,
  type ScoringRuleData,
} from "@/lib/scoring/scoring-rule";

function parse(data: ScoringRuleData) {
  return scoringRuleSchema.parse(data);
}

// The published on-time handling rule: ≥ 95 % → full points; 90–95 % → half; below → 0.
const onTimeRate = parse({
  type: "threshold",
  input: { min: 0, max: 100 },
  rows: [
    { from: { value: 95, inclusive: true }, award: { kind: "fraction", value: 1 } },
    { from: { value: "90", inclusive: true }, to: { value: "95", inclusive: false }, award: { kind: "fraction", value: "0.5" } },
  ],
});

describe("threshold rule", () => {
  it("gives full, half or no points by on-time rate", () => {
    expect(evaluateScoringRule(onTimeRate, "96", "1.5").toFixed()).toBe("1.5");
    expect(evaluateScoringRule(onTimeRate, "92", "1.5").toFixed()).toBe("0.75");
    expect(evaluateScoringRule(onTimeRate, "89.99", "1.5").toFixed()).toBe("0");
  });

  it("applies the bounds exactly as written", () => {
    expect(evaluateScoringRule(onTimeRate, "95", "2").toFixed()).toBe("2");
    expect(evaluateScoringRule(onTimeRate, "94.9999", "2").toFixed()).toBe("1");
    expect(evaluateScoringRule(onTimeRate, "90", "2").toFixed()).toBe("1");
    expect(evaluateScoringRule(onTimeRate, new Decimal("100"), "2").toFixed()).toBe("2");
    expect(evaluateScoringRule(onTimeRate, 0, "2").toFixed()).toBe("0");
  });

  it("rejects a rate outside 0–100 or not a number", () => {
    expect(() => evaluateScoringRule(onTimeRate, "100.01", "2")).toThrow(ScoringInputError);
    expect(() => evaluateScoringRule(onTimeRate, "-1", "2")).toThrow(ScoringInputError);
    expect(() => evaluateScoringRule(onTimeRate, "abc", "2")).toThrow(ScoringInputError);
    expect(() => evaluateScoringRule(onTimeRate, true, "2")).toThrow(ScoringInputError);
  });

  it("rejects rules that award more than the criterion's max", () => {
    const rule = parse({ type: "threshold", rows: [{ from: { value: 0, inclusive: true }, award: { kind: "points", value: 3 } }] });
    expect(evaluateScoringRule(rule, "5", "3").toFixed()).toBe("3");
    expect(() => evaluateScoringRule(rule, "5", "2")).toThrow(ScoringRuleError);
  });

  it("rejects malformed rule data", () => {
    expect(scoringRuleSchema.safeParse({ type: "threshold", rows: [] }).success).toBe(false);
    expect(
      scoringRuleSchema.safeParse({
        type: "threshold",
        rows: [{ from: { value: 95, inclusive: true }, to: { value: 90, inclusive: false }, award: { kind: "fraction", value: 1 } }],
      }).success,
    ).toBe(false);
    expect(
      scoringRuleSchema.safeParse({ type: "threshold", rows: [{ from: { value: 95 }, award: { kind: "fraction", value: 1 } }] }).success,
    ).toBe(false);
    expect(scoringRuleSchema.safeParse({ type: "yes_no", yes: { kind: "fraction", value: 1.5 } }).success).toBe(false);
    expect(scoringRuleSchema.safeParse({ type: "percent" }).success).toBe(false);
  });
});

describe("yes/no rule", () => {
  it("gives full points for yes and none for no by default", () => {
    const rule = parse({ type: "yes_no" });
    expect(evaluateScoringRule(rule, true, "0.5").toFixed()).toBe("0.5");
    expect(evaluateScoringRule(rule, false, "0.5").toFixed()).toBe("0");
    expect(() => evaluateScoringRule(rule, "yes", "0.5")).toThrow(ScoringInputError);
  });
});

describe("count rule", () => {
  it("gives points per item up to the max", () => {
    const rule = parse({ type: "count", mode: "per_item", pointsPerItem: "0.25" });
    expect(evaluateScoringRule(rule, 3, "1").toFixed()).toBe("0.75");
    expect(evaluateScoringRule(rule, 9, "1").toFixed()).toBe("1");
    expect(() => evaluateScoringRule(rule, 1.5, "1")).toThrow(/whole number/);
    expect(() => evaluateScoringRule(rule, -1, "1")).toThrow(ScoringInputError);
  });

  it("gives points by count thresholds, whatever order they are written in", () => {
    const rule = parse({
      type: "count",
      mode: "thresholds",
      rows: [
        { atLeast: 1, award: { kind: "fraction", value: "0.5" } },
        { atLeast: 4, award: { kind: "fraction", value: 1 } },
      ],
    });
    expect(evaluateScoringRule(rule, 0, "2").toFixed()).toBe("0");
    expect(evaluateScoringRule(rule, 3, "2").toFixed()).toBe("1");
    expect(evaluateScoringRule(rule, 4, "2").toFixed()).toBe("2");
  });
});

describe("decimal rule", () => {
  it("takes a free decimal up to the max, never outside it", () => {
    const rule = parse({ type: "decimal", maxDecimalPlaces: 2 });
    expect(evaluateScoringRule(rule, "1.25", "1.5").toFixed()).toBe("1.25");
    expect(() => evaluateScoringRule(rule, "1.51", "1.5")).toThrow(ScoringInputError);
    expect(() => evaluateScoringRule(rule, "-0.1", "1.5")).toThrow(ScoringInputError);
    expect(() => evaluateScoringRule(rule, "1.125", "1.5")).toThrow(/decimal places/);
  });
});
