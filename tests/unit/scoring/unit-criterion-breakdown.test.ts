import { describe, expect, it } from "vitest";
import type { FlatCriterion } from "@/lib/scoring/criteria-tree";
import {
  breakdownMatchesPublished,
  shareOfMax,
  unitCriterionBreakdown,
  type LeafScoreRecord,
} from "@/lib/scoring/unit-criterion-breakdown";

// Field 1 (13.5): 1.1 (6: 1.1.1 = 2.5, 1.1.2 = 3.5) and 1.2 (7.5); field 2 (31.5, survey): 2.1 (31.5).
const criteria: FlatCriterion[] = [
  { code: "2", parentCode: null, name: "Tác động", maxPoints: "31.5", method: "survey", order: 2 },
  { code: "1", parentCode: null, name: "Chỉ đạo", maxPoints: "13.5", method: "appraisal", order: 1 },
  { code: "1.1", parentCode: "1", name: "Kế hoạch", maxPoints: "6", method: "appraisal", order: 1 },
  { code: "1.1.2", parentCode: "1.1", name: "Ban hành đúng hạn", maxPoints: "3.5", method: "appraisal", order: 2 },
  { code: "1.1.1", parentCode: "1.1", name: "Có kế hoạch", maxPoints: "2.5", method: "appraisal", order: 1 },
  { code: "1.2", parentCode: "1", name: "Văn bản QPPL", maxPoints: "7.5", method: "appraisal", order: 2 },
  { code: "2.1", parentCode: "2", name: "Hài lòng", maxPoints: "31.5", method: "survey", order: 1 },
];

const score = (code: string, appraised: string | null, extra: Partial<LeafScoreRecord> = {}): LeafScoreRecord => ({
  code,
  appraisedPoints: appraised,
  notApplicable: false,
  selfPoints: null,
  selfNotApplicable: false,
  appraisalReason: null,
  ...extra,
});

describe("unitCriterionBreakdown", () => {
  const scores = [
    score("1.1.1", "2.5", { selfPoints: "2.5" }),
    score("1.1.2", "2.75", { selfPoints: "3.5", appraisalReason: "Ban hành chậm 5 ngày" }),
    score("1.2", null, { notApplicable: true, selfNotApplicable: true }),
    score("2.1", "23.815"),
  ];
  const breakdown = unitCriterionBreakdown(criteria, scores);

  it("rolls leaves up exactly, leaving not-applicable leaves out of the maximum", () => {
    expect(breakdown.total).toBe("29.065");
    expect(breakdown.applicableMax).toBe("37.5");
    expect(breakdown.fields).toEqual([
      { code: "1", points: "5.25", applicableMax: "6" },
      { code: "2", points: "23.815", applicableMax: "31.5" },
    ]);
  });

  it("lists every node depth first in the tree's order, with its field", () => {
    expect(breakdown.rows.map((row) => [row.code, row.depth, row.isLeaf, row.fieldCode])).toEqual([
      ["1", 1, false, "1"],
      ["1.1", 2, false, "1"],
      ["1.1.1", 3, true, "1"],
      ["1.1.2", 3, true, "1"],
      ["1.2", 2, true, "1"],
      ["2", 1, false, "2"],
      ["2.1", 2, true, "2"],
    ]);
    const na = breakdown.rows.find((row) => row.code === "1.2")!;
    expect(na).toMatchObject({ notApplicable: true, maxPoints: "7.5", applicableMax: "0", points: "0", lost: "0" });
    expect(breakdown.rows.find((row) => row.code === "1")).toMatchObject({ maxPoints: "13.5", applicableMax: "6", points: "5.25", lost: "0.75" });
  });

  it("orders points lost largest first, ties by code, without not-applicable or full-mark leaves", () => {
    expect(breakdown.pointsLost).toEqual([
      { code: "2.1", name: "Hài lòng", fieldCode: "2", fieldName: "Tác động", points: "23.815", applicableMax: "31.5", lost: "7.685" },
      { code: "1.1.2", name: "Ban hành đúng hạn", fieldCode: "1", fieldName: "Chỉ đạo", points: "2.75", applicableMax: "3.5", lost: "0.75" },
    ]);
    const tied = unitCriterionBreakdown(criteria, [
      score("1.1.1", "2"),
      score("1.1.2", "3"),
      score("1.2", "7"),
      score("2.1", "31.5"),
    ]);
    expect(tied.pointsLost.map((loss) => [loss.code, loss.lost])).toEqual([
      ["1.1.1", "0.5"],
      ["1.1.2", "0.5"],
      ["1.2", "0.5"],
    ]);
  });

  it("sets the unit's claims against the appraisal, with the council's reason", () => {
    expect(breakdown.selfAppraisal).toEqual({
      selfTotal: "6",
      // The same leaves on both sides: 1.1.1 and 1.1.2 (1.2 is not applicable either way; 2.1 is a survey leaf).
      appraisedTotal: "5.25",
      claimedLeaves: 3,
      differences: [
        {
          code: "1.1.2",
          name: "Ban hành đúng hạn",
          fieldCode: "1",
          maxPoints: "3.5",
          selfPoints: "3.5",
          selfNotApplicable: false,
          appraisedPoints: "2.75",
          notApplicable: false,
          difference: "-0.75",
          reason: "Ban hành chậm 5 ngày",
        },
      ],
    });
    expect(breakdown.rows.find((row) => row.code === "1.1.2")!.self).toEqual({ points: "3.5", notApplicable: false });
    expect(breakdown.rows.find((row) => row.code === "1.2")!.self).toEqual({ points: null, notApplicable: true });
    // Survey leaves carry no claim.
    expect(breakdown.rows.find((row) => row.code === "2.1")!.self).toBeNull();
  });

  it("reports a claim of not applicable that the council scored", () => {
    const ruled = unitCriterionBreakdown(criteria, [
      score("1.1.1", "2.5"),
      score("1.1.2", "3.5"),
      score("1.2", "4", { selfNotApplicable: true, appraisalReason: "Đơn vị có ban hành văn bản QPPL" }),
      score("2.1", "30"),
    ]);
    expect(ruled.selfAppraisal.differences).toEqual([
      expect.objectContaining({ code: "1.2", selfPoints: null, selfNotApplicable: true, appraisedPoints: "4", difference: null }),
    ]);
  });

  it("agrees with a publication's fields only when every field matches exactly", () => {
    expect(
      breakdownMatchesPublished(breakdown, [
        { code: "1", points: "5.2500", applicableMax: "6" },
        { code: "2", points: "23.815", applicableMax: "31.5000" },
      ]),
    ).toBe(true);
    expect(
      breakdownMatchesPublished(breakdown, [
        { code: "1", points: "5.5", applicableMax: "6" },
        { code: "2", points: "23.815", applicableMax: "31.5" },
      ]),
    ).toBe(false);
    expect(breakdownMatchesPublished(breakdown, [{ code: "1", points: "5.25", applicableMax: "6" }])).toBe(false);
  });
});

describe("shareOfMax", () => {
  it("rounds half-up once from the exact quotient", () => {
    expect(shareOfMax("11.5", "13.5")).toBe("85.19");
    expect(shareOfMax("1", "8")).toBe("12.50");
    // 0.12345 / 1 × 100 = 12.345 exactly: half-up gives 12.35 (a float would give 12.34).
    expect(shareOfMax("0.12345", "1")).toBe("12.35");
    expect(shareOfMax("2", "3")).toBe("66.67");
  });

  it("has no share when nothing was applicable", () => {
    expect(shareOfMax("0", "0")).toBeNull();
  });
});
