import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import type { CriterionMethod, CriterionNode } from "@/lib/scoring/criteria-tree";
import { ScoreInputError, computeUnitScore, indexValue, type LeafScore } from "@/lib/scoring/compute-unit-score";

function leaf(code: string, maxPoints: string, method: CriterionMethod = "appraisal"): CriterionNode {
  return { code, name: `Tiêu chí ${code}`, maxPoints: new Decimal(maxPoints), method, children: [] };
}

function parent(code: string, children: CriterionNode[]): CriterionNode {
  const maxPoints = children.reduce((sum, child) => sum.plus(child.maxPoints), new Decimal(0));
  return { code, name: `Lĩnh vực ${code}`, maxPoints, method: "appraisal", children };
}

function scores(entries: Record<string, string | null | "N/A">): Map<string, LeafScore> {
  return new Map(
    Object.entries(entries).map(([code, value]) => [
      code,
      value === "N/A" ? { points: null, notApplicable: true } : { points: value === null ? null : new Decimal(value), notApplicable: false },
    ]),
  );
}

describe("computeUnitScore", () => {
  it("rolls leaf points up to criteria, fields and the total", () => {
    const tree = [
      parent("1", [parent("1.1", [leaf("1.1.1", "2.5"), leaf("1.1.2", "1.5")]), leaf("1.2", "6")]),
      parent("2", [leaf("2.1", "90", "survey")]),
    ];
    const score = computeUnitScore(tree, scores({ "1.1.1": "2.25", "1.1.2": "1.5", "1.2": "5.125", "2.1": "77.0001" }));
    expect(score.nodes.get("1.1")?.points.toFixed()).toBe("3.75");
    expect(score.fields.map((field) => [field.code, field.points.toFixed(), field.maxPoints.toFixed()])).toEqual([
      ["1", "8.875", "10"],
      ["2", "77.0001", "90"],
    ]);
    expect(score.total.toFixed()).toBe("85.8751");
    expect(score.applicableMax.toFixed()).toBe("100");
    expect(indexValue(score, 4).toFixed()).toBe("85.8751");
    expect(score.appraisalPoints.toFixed()).toBe("8.875");
    expect(score.surveyPoints.toFixed()).toBe("77.0001");
  });

  it("gives the published commune total 85.82 from 8 field scores that sum to it exactly", () => {
    const maxes = ["13.5", "3", "21", "6", "9", "5", "11", "31.5"];
    const points = ["12.97", "3", "18.25", "5.5", "8.1", "4.75", "9.2", "24.05"];
    const tree = maxes.map((max, i) => leaf(String(i + 1), max));
    const score = computeUnitScore(tree, new Map(points.map((p, i) => [String(i + 1), { points: new Decimal(p), notApplicable: false }])));
    expect(score.total.toFixed()).toBe("85.82");
    expect(indexValue(score, 2).toFixed()).toBe("85.82");
  });

  it("removes a not-applicable criterion's max and rescales the index (45 of 60 → 75)", () => {
    const tree = [leaf("1", "60"), leaf("2", "40")];
    const score = computeUnitScore(tree, scores({ "1": "45", "2": "N/A" }));
    expect(score.total.toFixed()).toBe("45");
    expect(score.applicableMax.toFixed()).toBe("60");
    expect(indexValue(score, 4).toFixed()).toBe("75");
    expect(score.nodes.get("2")).toMatchObject({ notApplicable: true });
    expect(score.pointsLost.map((row) => row.code)).toEqual(["1"]);
  });

  it("marks a criterion not applicable only when every sub-criterion below it is", () => {
    const tree = [parent("1", [leaf("1.1", "5"), leaf("1.2", "5")]), parent("2", [leaf("2.1", "90")])];
    const partly = computeUnitScore(tree, scores({ "1.1": "N/A", "1.2": "4", "2.1": "80" }));
    expect(partly.nodes.get("1")).toMatchObject({ notApplicable: false });
    expect(partly.fields[0]?.applicableMax.toFixed()).toBe("5");
    const wholly = computeUnitScore(tree, scores({ "1.1": "N/A", "1.2": "N/A", "2.1": "80" }));
    expect(wholly.nodes.get("1")).toMatchObject({ notApplicable: true });
  });

  it("counts a criterion not scored yet as 0 during a period in progress", () => {
    const tree = [leaf("1", "60"), leaf("2", "40")];
    const score = computeUnitScore(tree, scores({ "1": null }));
    expect(score.total.toFixed()).toBe("0");
    expect(score.applicableMax.toFixed()).toBe("100");
    expect(indexValue(score, 2).toFixed()).toBe("0");
  });

  it("gives index 0 when nothing is applicable, instead of dividing by zero", () => {
    const score = computeUnitScore([leaf("1", "10")], scores({ "1": "N/A" }));
    expect(score.applicableMax.toFixed()).toBe("0");
    expect(indexValue(score, 4).toFixed()).toBe("0");
  });

  it("rejects points above the max or below zero with an error naming the criterion", () => {
    const tree = [parent("1", [leaf("1.1", "2.5")])];
    const error = (() => {
      try {
        computeUnitScore(tree, scores({ "1.1": "2.5001" }));
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ScoreInputError);
    expect(error).toMatchObject({ problem: "points-out-of-range", criterionCode: "1.1" });
    expect(() => computeUnitScore(tree, scores({ "1.1": "-0.01" }))).toThrow(/1\.1/);
    expect(() => computeUnitScore(tree, scores({ "1": "1" }))).toThrow(ScoreInputError);
  });

  it("lists the criteria that lost points, largest loss first, ties by code", () => {
    const tree = [leaf("1.10", "5"), leaf("1.2", "5"), leaf("2", "10"), leaf("3", "80")];
    const score = computeUnitScore(tree, scores({ "1.10": "4", "1.2": "4", "2": "7.5", "3": "80" }));
    expect(score.pointsLost.map((row) => [row.code, row.lost.toFixed()])).toEqual([
      ["2", "2.5"],
      ["1.2", "1"],
      ["1.10", "1"],
    ]);
  });

  it("keeps the exact index of 200/3 and rounds it half-up only when asked", () => {
    const score = computeUnitScore([leaf("1", "30"), leaf("2", "70")], scores({ "1": "20", "2": "N/A" }));
    expect(indexValue(score, 4).toFixed()).toBe("66.6667");
    expect(indexValue(score, 2).toFixed()).toBe("66.67");
    expect(indexValue(score.index, 0).toFixed()).toBe("67");
  });
});
