import { describe, expect, it } from "vitest";
import { criteriaSetProblems, type CriteriaSetRow } from "@/lib/domain/criteria-set-problems";

const row = (code: string, parentCode: string | null, maxPoints: string, extra: Partial<CriteriaSetRow> = {}): CriteriaSetRow => ({
  code,
  parentCode,
  name: `Tiêu chí ${code}`,
  maxPoints,
  method: "appraisal",
  order: 0,
  scoringRule: null,
  ...extra,
});

const valid = [row("1", null, "60"), row("1.1", "1", "30"), row("1.2", "1", "30"), row("2", null, "40"), row("2.1", "2", "40", { method: "survey" })];

describe("criteriaSetProblems", () => {
  it("finds nothing wrong with a tree whose parents equal their children's sum and whose fields sum to 100", () => {
    expect(criteriaSetProblems(valid)).toEqual([]);
  });

  it("reports a parent whose max differs from its children's sum, in both languages with both figures", () => {
    const problems = criteriaSetProblems(valid.map((entry) => (entry.code === "1.2" ? { ...entry, maxPoints: "29.75" } : entry)));
    expect(problems).toEqual([
      {
        kind: "max-mismatch",
        code: "1",
        vi: "Tiêu chí 1 có điểm tối đa 60 nhưng tổng điểm tối đa của các tiêu chí con là 59,75.",
        en: "Criterion 1 has max points 60 but its children's max points sum to 59.75.",
      },
    ]);
  });

  it("reports fields that do not sum to 100, compared exactly", () => {
    const problems = criteriaSetProblems([row("1", null, "33.3333"), row("2", null, "33.3333"), row("3", null, "33.3333")]);
    expect(problems.map((problem) => [problem.kind, problem.vi])).toEqual([["total-not-100", "Tổng điểm tối đa của các lĩnh vực là 99,9999, phải bằng 100."]]);
  });

  it("reports a fourth level once, at the node that starts it", () => {
    const deep = [row("1", null, "100"), row("1.1", "1", "100"), row("1.1.1", "1.1", "100"), row("1.1.1.1", "1.1.1", "100"), row("1.1.1.1.1", "1.1.1.1", "100")];
    expect(criteriaSetProblems(deep).map((problem) => [problem.kind, problem.code])).toEqual([["too-deep", "1.1.1.1"]]);
  });

  it("reports a negative max and an empty set", () => {
    expect(criteriaSetProblems([row("1", null, "-5"), row("2", null, "105")]).map((problem) => problem.kind)).toEqual(["negative-max"]);
    expect(criteriaSetProblems([]).map((problem) => problem.kind)).toEqual(["empty"]);
  });

  it("reports a rule on a parent and a rule giving more than its leaf's max", () => {
    const rules = valid.map((entry) =>
      entry.code === "1"
        ? { ...entry, scoringRule: { type: "yes_no" } }
        : entry.code === "1.1"
          ? { ...entry, scoringRule: { type: "yes_no", yes: { kind: "points", value: 31 } } }
          : entry,
    );
    expect(criteriaSetProblems(rules).map((problem) => [problem.kind, problem.code])).toEqual([
      ["rule-on-parent", "1"],
      ["rule-invalid", "1.1"],
    ]);
  });

  it("reports a parent that does not exist instead of throwing", () => {
    expect(criteriaSetProblems([row("1", null, "100"), row("2.1", "2", "1")]).map((problem) => [problem.kind, problem.code])).toEqual([["broken-tree", "2.1"]]);
  });
});
