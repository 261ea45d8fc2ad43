import { describe, expect, it } from "vitest";
import { summarizeScoringRule } from "@/lib/domain/scoring-rule-summary";
import { evaluateScoringRule, scoringRuleSchema } from "@/lib/scoring/scoring-rule";

// The published on-time handling rule: ≥ 95 % → full points; 90–95 % → half; below → 0.
const onTimeRate = {
  type: "threshold",
  input: { min: 0, max: 100 },
  rows: [
    { from: { value: 95, inclusive: true }, award: { kind: "fraction", value: 1 } },
    { from: { value: 90, inclusive: true }, to: { value: 95, inclusive: false }, award: { kind: "fraction", value: 0.5 } },
  ],
};

describe("summarizeScoringRule", () => {
  it("has nothing to say about a criterion without a rule", () => {
    expect(summarizeScoringRule(null, "3")).toBeNull();
    expect(summarizeScoringRule(undefined, "3")).toBeNull();
  });

  it("restates a threshold table with the points each row gives and the default for other values", () => {
    expect(summarizeScoringRule(onTimeRate, "1.5")).toEqual({
      type: "threshold",
      inputMin: "0",
      inputMax: "100",
      rows: [
        { from: { value: "95", inclusive: true }, to: null, award: { share: "100", points: "1.5" } },
        { from: { value: "90", inclusive: true }, to: { value: "95", inclusive: false }, award: { share: "50", points: "0.75" } },
      ],
      otherwise: { share: null, points: "0" },
    });
  });

  it("gives the same points as evaluateScoringRule for every row", () => {
    const rule = scoringRuleSchema.parse(onTimeRate);
    const summary = summarizeScoringRule(onTimeRate, "1.5");
    if (summary?.type !== "threshold") throw new Error("expected a threshold summary");
    expect(evaluateScoringRule(rule, "96", "1.5").toFixed()).toBe(summary.rows[0]!.award.points);
    expect(evaluateScoringRule(rule, "92.5", "1.5").toFixed()).toBe(summary.rows[1]!.award.points);
    expect(evaluateScoringRule(rule, "89.99", "1.5").toFixed()).toBe(summary.otherwise.points);
  });

  it("writes out the defaults of a yes/no rule: the whole max for yes, nothing for no", () => {
    expect(summarizeScoringRule({ type: "yes_no" }, "2")).toEqual({
      type: "yes_no",
      yes: { share: "100", points: "2" },
      no: { share: null, points: "0" },
    });
    expect(summarizeScoringRule({ type: "yes_no", yes: { kind: "points", value: "1.25" }, no: { kind: "fraction", value: 0.25 } }, "2")).toEqual({
      type: "yes_no",
      yes: { share: null, points: "1.25" },
      no: { share: "25", points: "0.5" },
    });
  });

  it("lists count thresholds highest first and says what a count below them gives", () => {
    const summary = summarizeScoringRule(
      {
        type: "count",
        mode: "thresholds",
        rows: [
          { atLeast: 1, award: { kind: "fraction", value: 0.5 } },
          { atLeast: 3, award: { kind: "fraction", value: 1 } },
        ],
      },
      "1",
    );
    expect(summary).toEqual({
      type: "count_thresholds",
      rows: [
        { atLeast: 3, award: { share: "100", points: "1" } },
        { atLeast: 1, award: { share: "50", points: "0.5" } },
      ],
      below: { count: 1, award: { share: null, points: "0" } },
    });
    const fromZero = summarizeScoringRule({ type: "count", mode: "thresholds", rows: [{ atLeast: 0, award: { kind: "points", value: 1 } }] }, "1");
    expect(fromZero).toMatchObject({ type: "count_thresholds", below: null });
  });

  it("caps points per item at the criterion's max and keeps the decimal rule's precision", () => {
    expect(summarizeScoringRule({ type: "count", mode: "per_item", pointsPerItem: "0.25" }, "1.0000")).toEqual({
      type: "count_per_item",
      pointsPerItem: "0.25",
      cap: "1",
    });
    expect(summarizeScoringRule({ type: "decimal", maxDecimalPlaces: 2 }, "13.5")).toEqual({ type: "decimal", max: "13.5", maxDecimalPlaces: 2 });
    expect(summarizeScoringRule({ type: "decimal" }, "3")).toEqual({ type: "decimal", max: "3", maxDecimalPlaces: null });
    expect(summarizeScoringRule({ type: "proportional" }, "2.5")).toEqual({ type: "proportional", max: "2.5", decimalPlaces: 4 });
  });

  it("calls a rule invalid when the schema refuses it or it awards more than the max", () => {
    expect(summarizeScoringRule({ type: "percent" }, "3")).toEqual({ type: "invalid" });
    expect(summarizeScoringRule("not a rule", "3")).toEqual({ type: "invalid" });
    expect(summarizeScoringRule({ type: "yes_no", yes: { kind: "points", value: 4 } }, "3")).toEqual({ type: "invalid" });
    expect(
      summarizeScoringRule({ type: "threshold", rows: [{ from: { value: 1, inclusive: true }, award: { kind: "fraction", value: 1 } }], otherwise: { kind: "points", value: 5 } }, "3"),
    ).toEqual({ type: "invalid" });
  });
});
