import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { UnitScoreError, computePeriodResults, type PeriodResultsInput, type PeriodUnitInput } from "@/lib/ranking/compute-period-results";
import { DuplicateUnitError } from "@/lib/ranking/rank-units";
import type { LeafScore } from "@/lib/scoring/compute-unit-score";
import { CriteriaTreeError, buildTree } from "@/lib/scoring/criteria-tree";

const criteria = buildTree([
  { code: "1", parentCode: null, name: "Công tác chỉ đạo, điều hành", maxPoints: "20", method: "appraisal", order: 1 },
  { code: "1.1", parentCode: "1", name: "Kế hoạch CCHC", maxPoints: "8", method: "appraisal", order: 1 },
  { code: "1.2", parentCode: "1", name: "Văn bản QPPL", maxPoints: "12", method: "appraisal", order: 2 },
  { code: "2", parentCode: null, name: "Tác động của CCHC", maxPoints: "80", method: "survey", order: 2 },
]);

function unit(unitCode: string, groupCode: string, points: [string | "N/A", string, string], extra: Partial<PeriodUnitInput> = {}): PeriodUnitInput {
  const codes = ["1.1", "1.2", "2"];
  const scores = new Map<string, LeafScore>(
    points.map((value, i) => [codes[i] as string, value === "N/A" ? { points: null, notApplicable: true } : { points: new Decimal(value), notApplicable: false }]),
  );
  return { unitCode, unitName: `UBND ${unitCode}`, groupCode, predecessors: [], scores, ...extra };
}

const input: PeriodResultsInput = {
  criteria,
  tieBreakers: ["appraisalPoints", "surveyPoints"],
  bands: [
    { label: "Tốt", minIndex: new Decimal(80) },
    { label: "Xuất sắc", minIndex: new Decimal(90) },
    { label: "Khá", minIndex: new Decimal(70) },
  ],
  units: [
    unit("tien-chau", "xa", ["7", "11", "67.82"], {
      selfScores: new Map([["1.1", new Decimal(8)], ["1.2", new Decimal(11)]]),
      reasons: new Map([["1.1", "Kế hoạch ban hành chậm"]]),
    }),
    unit("so-noi-vu", "so", ["8", "12", "75"]),
    unit("tien-lanh", "xa", ["N/A", "10.1", "67"]),
    unit("tien-ha", "xa", ["8", "10.5", "67.32"]),
    unit("tien-son", "xa", ["8", "12", "60"], { predecessors: ["xa-cu-1", "xa-cu-2"] }),
  ],
  previous: {
    ranks: [
      { unitCode: "tien-chau", groupCode: "xa", rank: 1 },
      { unitCode: "tien-lanh", groupCode: "xa", rank: 4 },
      { unitCode: "xa-cu-1", groupCode: "xa", rank: 7 },
      { unitCode: "so-noi-vu", groupCode: "so", rank: 2 },
    ],
    groupMeans: new Map([["xa", new Decimal("84.5")]]),
  },
};

describe("computePeriodResults", () => {
  const results = computePeriodResults(input);
  const xa = results.groups[0];

  it("lists groups in the order their units first appear, and ranks within each group only", () => {
    expect(results.groups.map((group) => group.groupCode)).toEqual(["xa", "so"]);
    expect(results.groups[1]?.rows.map((row) => [row.unitCode, row.rank])).toEqual([["so-noi-vu", 1]]);
  });

  it("ranks by exact index, then by appraised points, and reports rank changes", () => {
    // tien-lanh: 77.1 of 92 = 83.804…; tien-chau and tien-ha both 85.82 and tied on the index, tien-ha has more appraised points.
    expect(xa?.rows.map((row) => [row.unitCode, row.rank, row.indexRounded4.toFixed(), row.band, row.previousRank, row.rankChange, row.rankComparability])).toEqual([
      ["tien-ha", 1, "85.82", "Tốt", null, null, "new"],
      ["tien-chau", 2, "85.82", "Tốt", 1, -1, "comparable"],
      ["tien-lanh", 3, "83.8043", "Tốt", 4, 1, "comparable"],
      ["tien-son", 4, "80", "Tốt", null, null, "merged"],
    ]);
    expect(xa?.rows[3]?.predecessorRanks).toEqual([{ unitCode: "xa-cu-1", groupCode: "xa", rank: 7 }]);
  });

  it("keeps field scores, leaves with self-assessed points and reasons, and points lost", () => {
    const chau = xa?.rows.find((row) => row.unitCode === "tien-chau");
    expect(chau?.fields.map((field) => [field.code, field.points.toFixed(), field.maxPoints.toFixed()])).toEqual([
      ["1", "18", "20"],
      ["2", "67.82", "80"],
    ]);
    expect(chau?.leaves.map((leaf) => [leaf.code, leaf.points?.toFixed(), leaf.selfPoints?.toFixed() ?? null, leaf.adjustment?.toFixed() ?? null, leaf.reason])).toEqual([
      ["1.1", "7", "8", "-1", "Kế hoạch ban hành chậm"],
      ["1.2", "11", "11", "0", null],
      ["2", "67.82", null, null, null],
    ]);
    expect(chau?.pointsLost.map((row) => [row.code, row.lost.toFixed()])).toEqual([
      ["2", "12.18"],
      ["1.1", "1"],
      ["1.2", "1"],
    ]);
    const lanh = xa?.rows.find((row) => row.unitCode === "tien-lanh");
    expect(lanh?.leaves[0]).toMatchObject({ code: "1.1", points: null, notApplicable: true });
    expect(lanh?.applicableMax.toFixed()).toBe("92");
  });

  it("gives group statistics with the change against last year's mean", () => {
    expect(xa?.stats.count).toBe(4);
    expect(xa?.stats.mean.rounded4.toFixed()).toBe("83.8611");
    expect(xa?.stats.meanChange?.rounded4.toFixed()).toBe("-0.6389");
    expect(results.groups[1]?.stats.meanChange).toBeNull();
    expect(xa?.pointsLost.fields[0]).toMatchObject({ code: "2", unitsLosing: 4 });
  });

  it("gives the same results whatever order the units come in", () => {
    const soFirst = [...input.units].reverse().sort((a, b) => (a.groupCode === "so" ? -1 : b.groupCode === "so" ? 1 : 0));
    const shuffled = computePeriodResults({ ...input, units: soFirst });
    expect(shuffled.groups.map((group) => group.groupCode)).toEqual(["so", "xa"]);
    expect(shuffled.groups[1]).toEqual(xa);
    expect(shuffled.groups[0]).toEqual(results.groups[1]);
  });

  it("names the unit and criterion when points are out of range", () => {
    const bad = { ...input, units: [unit("tien-chau", "xa", ["9", "11", "67"])] };
    expect(() => computePeriodResults(bad)).toThrow(UnitScoreError);
    expect(() => computePeriodResults(bad)).toThrow(/tien-chau.*1\.1/);
    const badSelf = { ...input, units: [unit("tien-chau", "xa", ["7", "11", "67"], { selfScores: new Map([["1.2", new Decimal(13)]]) })] };
    expect(() => computePeriodResults(badSelf)).toThrow(/self-assessed/);
  });

  it("refuses an inconsistent criteria tree or a unit listed twice", () => {
    const badTree = buildTree([
      { code: "1", parentCode: null, name: "x", maxPoints: "20", method: "appraisal", order: 1 },
      { code: "1.1", parentCode: "1", name: "y", maxPoints: "19", method: "appraisal", order: 1 },
    ]);
    expect(() => computePeriodResults({ ...input, criteria: badTree, units: [] })).toThrow(CriteriaTreeError);
    const first = input.units[0] as PeriodUnitInput;
    expect(() => computePeriodResults({ ...input, units: [first, { ...first, groupCode: "so" }] })).toThrow(DuplicateUnitError);
  });
});
