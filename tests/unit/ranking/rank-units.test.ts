import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { formatDecimal } from "@/lib/i18n/format-decimal";
import { DuplicateUnitError, rankUnits, type RankInput } from "@/lib/ranking/rank-units";
import { computeUnitScore, exactIndex, indexValue } from "@/lib/scoring/compute-unit-score";
import type { CriterionNode } from "@/lib/scoring/criteria-tree";

function unit(unitCode: string, total: string, applicableMax = "100", appraisal = "0", survey = "0"): RankInput {
  return {
    unitCode,
    score: { index: exactIndex(total, applicableMax), appraisalPoints: new Decimal(appraisal), surveyPoints: new Decimal(survey) },
  };
}

function ranks(rows: { unitCode: string; rank: number }[]): [string, number][] {
  return rows.map((row) => [row.unitCode, row.rank]);
}

describe("rankUnits", () => {
  it("ranks two districts both published at 85,86 as 1st and 2nd by the finer precision", () => {
    const tree: CriterionNode[] = [
      { code: "1", name: "Chỉ đạo", maxPoints: new Decimal(30), method: "appraisal", children: [] },
      { code: "2", name: "Thể chế", maxPoints: new Decimal(70), method: "appraisal", children: [] },
    ];
    // Tiên Phước-style case: one unit has criterion 1 not applicable, so its index is 60.1/70.
    const first = computeUnitScore(tree, new Map([["1", { points: new Decimal("25.8612"), notApplicable: false }], ["2", { points: new Decimal(60), notApplicable: false }]]));
    const second = computeUnitScore(tree, new Map([["1", { points: null, notApplicable: true }], ["2", { points: new Decimal("60.1"), notApplicable: false }]]));
    expect(formatDecimal(indexValue(first, 4), "vi")).toBe("85,86");
    expect(formatDecimal(indexValue(second, 4), "vi")).toBe("85,86");
    expect(indexValue(second, 4).toFixed()).toBe("85.8571");

    const ranked = rankUnits(
      [
        { unitCode: "b-huyen", score: second },
        { unitCode: "a-huyen", score: first },
      ],
      [],
    );
    expect(ranks(ranked)).toEqual([
      ["a-huyen", 1],
      ["b-huyen", 2],
    ]);
  });

  it("breaks an exact tie by higher appraised points, then survey points, as configured", () => {
    const rows = [unit("x", "85", "100", "55", "30"), unit("y", "85", "100", "60", "25"), unit("z", "85", "100", "60", "25.5")];
    expect(ranks(rankUnits(rows, ["appraisalPoints", "surveyPoints"]))).toEqual([
      ["z", 1],
      ["y", 2],
      ["x", 3],
    ]);
    expect(ranks(rankUnits(rows, ["surveyPoints"]))).toEqual([
      ["x", 1],
      ["z", 2],
      ["y", 3],
    ]);
  });

  it("shares the rank of units still equal and skips the next (1, 1, 3)", () => {
    const rows = [unit("c", "80"), unit("b", "90"), unit("a", "90"), unit("d", "80"), unit("e", "70")];
    expect(ranks(rankUnits(rows, []))).toEqual([
      ["a", 1],
      ["b", 1],
      ["c", 3],
      ["d", 3],
      ["e", 5],
    ]);
  });

  it("shares a rank when indices are equal fractions with different maxima", () => {
    expect(ranks(rankUnits([unit("b", "45", "60"), unit("a", "75")], []))).toEqual([
      ["a", 1],
      ["b", 1],
    ]);
  });

  it("orders 200/3 below 66.666666666666666667, which a 20-digit rounding would tie", () => {
    const rows = [unit("two-thirds", "20", "30"), unit("rounded", "66.666666666666666667"), unit("longer", "66.6666666666666666667")];
    expect(ranks(rankUnits(rows, []))).toEqual([
      ["rounded", 1],
      ["longer", 2],
      ["two-thirds", 3],
    ]);
  });

  it("refuses the same unit twice", () => {
    expect(() => rankUnits([unit("a", "1"), unit("a", "2")], [])).toThrow(DuplicateUnitError);
  });
});
