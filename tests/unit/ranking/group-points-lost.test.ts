import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { computeGroupPointsLost } from "@/lib/ranking/group-points-lost";
import { computeUnitScore, type LeafScore } from "@/lib/scoring/compute-unit-score";
import type { CriterionNode } from "@/lib/scoring/criteria-tree";

const leaf = (code: string, max: string): CriterionNode => ({ code, name: `TC ${code}`, maxPoints: new Decimal(max), method: "appraisal", children: [] });
const tree: CriterionNode[] = [
  { code: "1", name: "Chỉ đạo", maxPoints: new Decimal(10), method: "appraisal", children: [leaf("1.1", "4"), leaf("1.2", "6")] },
  { code: "2", name: "TTHC", maxPoints: new Decimal(90), method: "appraisal", children: [leaf("2.1", "90")] },
];
const scores = (entries: [string, string | "N/A"][]) =>
  new Map<string, LeafScore>(entries.map(([code, v]) => [code, v === "N/A" ? { points: null, notApplicable: true } : { points: new Decimal(v), notApplicable: false }]));

describe("computeGroupPointsLost", () => {
  it("sums each criterion's lost points over the group, largest first, skipping N/A and untouched criteria", () => {
    const units = [
      computeUnitScore(tree, scores([["1.1", "3"], ["1.2", "6"], ["2.1", "88.5"]])),
      computeUnitScore(tree, scores([["1.1", "N/A"], ["1.2", "4.5"], ["2.1", "88"]])),
    ];
    const lost = computeGroupPointsLost(tree, units);
    expect(lost.leaves.map((row) => [row.code, row.lost.toFixed(), row.unitsLosing])).toEqual([
      ["2.1", "3.5", 2],
      ["1.2", "1.5", 1],
      ["1.1", "1", 1],
    ]);
    expect(lost.leaves.find((row) => row.code === "1.1")?.applicableMax.toFixed()).toBe("4");
    expect(lost.fields.map((row) => [row.code, row.lost.toFixed()])).toEqual([
      ["2", "3.5"],
      ["1", "2.5"],
    ]);
  });
});
