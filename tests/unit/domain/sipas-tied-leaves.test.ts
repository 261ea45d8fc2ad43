import { describe, expect, it } from "vitest";
import { criteriaSetProblems, type CriteriaSetRow } from "@/lib/domain/criteria-set-problems";
import { buildMethodologyTree, type MethodologyCriterionRecord } from "@/lib/domain/methodology-tree";
import { sipasInputSchema } from "@/lib/domain/criteria-set-input";

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

const set = (tie: Partial<CriteriaSetRow>, on = "2.1") =>
  [row("1", null, "60"), row("1.1", "1", "30"), row("1.2", "1", "30"), row("2", null, "40", { method: "survey" }), row("2.1", "2", "40", { method: "survey" })].map(
    (entry) => (entry.code === on ? { ...entry, ...tie } : entry),
  );

describe("a SIPAS tie in the set's checks", () => {
  it("accepts a survey leaf tied without a rule, with a threshold rule or with the proportional rule", () => {
    expect(criteriaSetProblems(set({ sipasInput: "index" }))).toEqual([]);
    expect(criteriaSetProblems(set({ sipasInput: "procedures", scoringRule: { type: "proportional" } }))).toEqual([]);
    const threshold = { type: "threshold", rows: [{ from: { value: 90, inclusive: true }, award: { kind: "fraction", value: 1 } }] };
    expect(criteriaSetProblems(set({ sipasInput: "procedures", scoringRule: threshold }))).toEqual([]);
  });

  it("reports a tie on an appraised leaf, on a parent, and with a rule that does not read a percentage", () => {
    const kinds = (rows: CriteriaSetRow[]) => criteriaSetProblems(rows).map((problem) => [problem.kind, problem.code]);
    expect(kinds(set({ sipasInput: "index" }, "1.1"))).toEqual([["sipas-not-survey", "1.1"]]);
    expect(kinds(set({ sipasInput: "index" }, "2"))).toEqual([["sipas-on-parent", "2"]]);
    expect(kinds(set({ sipasInput: "index", scoringRule: { type: "count", mode: "per_item", pointsPerItem: 1 } }))).toEqual([["sipas-rule", "2.1"]]);
  });
});

describe("a SIPAS tie on the methodology page", () => {
  const record = (code: string, parentId: string | null, extra: Partial<MethodologyCriterionRecord> = {}): MethodologyCriterionRecord => ({
    id: code,
    parentId,
    code,
    name: code,
    nameEn: null,
    description: null,
    maxPoints: "2",
    method: "survey",
    order: 1,
    scoringRule: null,
    ...extra,
  });

  it("marks a tied survey leaf and states the proportional rule it is scored by when it has none", () => {
    const tree = buildMethodologyTree([record("7", null), record("7.1", "7", { sipasInput: "index" }), record("7.2", "7", { order: 2, maxPoints: "0" })]);
    const [tied, handEntered] = tree.fields[0]!.children;
    expect(tied).toMatchObject({ sipasInput: "index", scoringRule: { type: "proportional", max: "2", decimalPlaces: 4 } });
    expect(handEntered).toMatchObject({ sipasInput: null, scoringRule: null });
  });

  it("does not claim SIPAS points for a tie that cannot take effect (appraised leaf, parent)", () => {
    const tree = buildMethodologyTree([record("7", null, { sipasInput: "index" }), record("7.1", "7", { method: "appraisal", sipasInput: "index" })]);
    expect(tree.fields[0]).toMatchObject({ sipasInput: null });
    expect(tree.fields[0]!.children[0]).toMatchObject({ sipasInput: null, scoringRule: null });
  });
});

describe("the SIPAS source field", () => {
  it("takes none, the overall index or an element code, and nothing else", () => {
    expect(sipasInputSchema.parse("  ")).toBeNull();
    expect(sipasInputSchema.parse(null)).toBeNull();
    expect(sipasInputSchema.parse(" civil-servants ")).toBe("civil-servants");
    expect(sipasInputSchema.parse("index")).toBe("index");
    for (const bad of ["Procedures", "thủ-tục", "a--b", "-a", "a b", "x".repeat(41)]) expect(sipasInputSchema.safeParse(bad).success, bad).toBe(false);
  });
});
