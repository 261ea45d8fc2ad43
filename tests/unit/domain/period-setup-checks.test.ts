import { describe, expect, it } from "vitest";
import { deadlineProblems, shiftYears } from "@/lib/domain/period-deadlines";
import { planClonedUnits, type CloneUnitState } from "@/lib/domain/period-clone-plan";
import { bandCoverage } from "@/lib/domain/band-coverage";

describe("deadlineProblems", () => {
  const day = (text: string) => new Date(`${text}T00:00:00+07:00`);

  it("accepts dates in order and dates left open", () => {
    expect(deadlineProblems({ selfAssessmentOpensAt: day("2025-01-05"), selfAssessmentDeadline: day("2025-02-20"), appraisalDeadline: day("2025-04-15") })).toEqual([]);
    expect(deadlineProblems({ selfAssessmentOpensAt: null, selfAssessmentDeadline: null, appraisalDeadline: day("2025-04-15") })).toEqual([]);
  });

  it("puts each problem on the later date, naming the earlier one it must follow", () => {
    expect(deadlineProblems({ selfAssessmentOpensAt: day("2025-03-01"), selfAssessmentDeadline: day("2025-02-20"), appraisalDeadline: null })).toEqual([
      {
        path: "selfAssessmentDeadline",
        vi: "Hạn tự đánh giá phải sau ngày mở tự đánh giá.",
        en: "The self-assessment deadline must come after the self-assessment opening.",
      },
    ]);
    // Equal moments are out of order too: a deadline at the opening leaves no time at all.
    expect(deadlineProblems({ selfAssessmentOpensAt: day("2025-01-05"), selfAssessmentDeadline: null, appraisalDeadline: day("2025-01-05") }).map((issue) => issue.path)).toEqual([
      "appraisalDeadline",
    ]);
  });
});

describe("shiftYears", () => {
  it("keeps the day and the time of day", () => {
    expect(shiftYears(new Date("2023-02-20T16:59:59Z"), 1)).toEqual(new Date("2024-02-20T16:59:59Z"));
    expect(shiftYears(new Date("2023-02-20T16:59:59Z"), 0)).toEqual(new Date("2023-02-20T16:59:59Z"));
  });

  it("turns 29 February into 28 February in a common year", () => {
    expect(shiftYears(new Date("2024-02-29T10:00:00Z"), 1)).toEqual(new Date("2025-02-28T10:00:00Z"));
  });
});

describe("planClonedUnits", () => {
  const states = (entries: Record<string, boolean>) =>
    new Map<string, CloneUnitState>(Object.entries(entries).map(([id, dissolved]) => [id, { code: id, dissolved }]));

  it("keeps living units in their group and replaces a merged pair by its successor once", () => {
    const plan = planClonedUnits(
      [
        { unitId: "a", unitCode: "a", groupId: "xa" },
        { unitId: "b", unitCode: "b", groupId: "xa" },
        { unitId: "c", unitCode: "c", groupId: "xa" },
      ],
      states({ a: true, b: true, c: false, ab: false }),
      new Map([
        ["a", ["ab"]],
        ["b", ["ab"]],
      ]),
    );
    expect(plan).toEqual({
      units: [
        { unitId: "c", groupId: "xa", replaces: [] },
        { unitId: "ab", groupId: "xa", replaces: ["a", "b"] },
      ],
      skipped: [],
    });
  });

  it("follows a chain of changes to the living units, and keeps a successor already evaluated in its own group", () => {
    const plan = planClonedUnits(
      [
        { unitId: "x", unitCode: "x", groupId: "huyen" },
        { unitId: "y", unitCode: "y", groupId: "so" },
      ],
      states({ x: true, x1: true, x2: false, x3: false, y: false }),
      new Map([
        ["x", ["x1", "y"]],
        ["x1", ["x2", "x3"]],
      ]),
    );
    expect(plan.units).toEqual([
      { unitId: "y", groupId: "so", replaces: ["x"] },
      { unitId: "x2", groupId: "huyen", replaces: ["x"] },
      { unitId: "x3", groupId: "huyen", replaces: ["x"] },
    ]);
  });

  it("leaves out a dissolved unit with no living successor, and survives a cycle in the lineage", () => {
    const plan = planClonedUnits(
      [
        { unitId: "d", unitCode: "d", groupId: "xa" },
        { unitId: "e", unitCode: "e", groupId: "xa" },
      ],
      states({ d: true, e: true, f: true }),
      new Map([
        ["e", ["f"]],
        ["f", ["e"]],
      ]),
    );
    expect(plan).toEqual({
      units: [],
      skipped: [
        { unitCode: "d", reason: "dissolved_without_successor" },
        { unitCode: "e", reason: "dissolved_without_successor" },
      ],
    });
  });
});

describe("bandCoverage", () => {
  const band = (label: string, minIndex: string) => ({ label, labelEn: null, minIndex, headAssessment: null });

  it("has nothing to say when a band starts at 0", () => {
    expect(bandCoverage([band("Tốt", "80"), band("Chưa tốt", "0")]).notice).toBeNull();
  });

  it("says with a decimal comma in Vietnamese below which index units get no band", () => {
    const coverage = bandCoverage([band("A", "90"), band("B", "70.5")]);
    expect(coverage.unbandedBelow).toBe("70.5");
    expect(coverage.notice!.vi).toMatch(/^Đơn vị có chỉ số dưới 70,5 /);
    expect(coverage.notice!.en).toMatch(/^Units with an index below 70\.5 /);
  });

  it("says that no unit gets a band when there is none", () => {
    expect(bandCoverage([]).notice!.en).toBe("This period has no bands: no unit will be given a band.");
  });
});
