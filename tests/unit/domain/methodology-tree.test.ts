import { describe, expect, it } from "vitest";
import { buildMethodologyTree, scoringMethodOf, type MethodologyCriterionRecord } from "@/lib/domain/methodology-tree";

let next = 0;
function record(code: string, parentId: string | null, maxPoints: string, extra: Partial<MethodologyCriterionRecord> = {}): MethodologyCriterionRecord {
  next += 1;
  return {
    id: `id-${code}`,
    parentId,
    code,
    name: `Tiêu chí ${code}`,
    nameEn: null,
    description: null,
    maxPoints,
    method: "appraisal",
    order: next,
    scoringRule: null,
    ...extra,
  };
}

// Stored out of order on purpose: the tree follows `order`, not the database's row order.
const records = [
  record("2", null, "31.5", { method: "survey", order: 2 }),
  record("1.2", "id-1", "3.5", { order: 2, scoringRule: { type: "yes_no" } }),
  record("1", null, "13.5", { order: 1 }),
  record("1.1", "id-1", "10.0000", { order: 1 }),
  record("1.1.1", "id-1.1", "6", { order: 1 }),
  record("1.1.2", "id-1.1", "4", { order: 2, method: "survey" }),
  record("2.1", "id-2", "31.5", { method: "survey", order: 1 }),
];

describe("buildMethodologyTree", () => {
  const tree = buildMethodologyTree(records);

  it("nests fields, criteria and sub-criteria in the set's order and counts each level", () => {
    expect(tree.fields.map((field) => field.code)).toEqual(["1", "2"]);
    expect(tree.fields[0]!.children.map((node) => node.code)).toEqual(["1.1", "1.2"]);
    expect(tree.fields[0]!.children[0]!.children.map((node) => [node.code, node.level])).toEqual([
      ["1.1.1", 3],
      ["1.1.2", 3],
    ]);
    expect(tree.countsByLevel).toEqual([2, 3, 2]);
  });

  it("sums the appraisal and survey share of every node's max from its leaves, exactly", () => {
    const field1 = tree.fields[0]!;
    expect([field1.appraisalMax, field1.surveyMax]).toEqual(["9.5", "4"]);
    expect(field1.children[0]!.maxPoints).toBe("10");
    expect([tree.totalMax, tree.appraisalMax, tree.surveyMax]).toEqual(["45", "9.5", "35.5"]);
    expect(scoringMethodOf(field1)).toBe("mixed");
    expect(scoringMethodOf(tree.fields[1]!)).toBe("survey");
    expect(scoringMethodOf(field1.children[1]!)).toBe("appraisal");
  });

  it("summarises a leaf's scoring rule", () => {
    expect(tree.fields[0]!.children[1]!.scoringRule).toEqual({
      type: "yes_no",
      yes: { share: "100", points: "3.5" },
      no: { share: null, points: "0" },
    });
    expect(tree.fields[0]!.children[0]!.scoringRule).toBeNull();
  });

  it("shows a node whose parent is missing as a field instead of dropping it", () => {
    const orphaned = buildMethodologyTree([record("9", "id-missing", "1", { order: 9 })]);
    expect(orphaned.fields.map((field) => [field.code, field.level])).toEqual([["9", 1]]);
  });

  it("gives an empty tree for an empty set", () => {
    expect(buildMethodologyTree([])).toEqual({ fields: [], countsByLevel: [], totalMax: "0", appraisalMax: "0", surveyMax: "0" });
  });
});
