import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import {
  CriteriaTreeError,
  buildTree,
  compareCriterionCodes,
  leavesOf,
  validateTree,
  type CriterionNode,
  type FlatCriterion,
} from "@/lib/scoring/criteria-tree";

const rows: FlatCriterion[] = [
  { code: "1", parentCode: null, name: "Chỉ đạo, điều hành", maxPoints: "13.5", method: "appraisal", order: 1 },
  { code: "1.10", parentCode: "1", name: "Tuyên truyền", maxPoints: "3.5", method: "appraisal", order: 10 },
  { code: "1.2", parentCode: "1", name: "Kế hoạch CCHC", maxPoints: "10", method: "appraisal", order: 2 },
  { code: "2", parentCode: null, name: "Tác động của CCHC", maxPoints: "86.5", method: "survey", order: 2 },
];

function node(code: string, maxPoints: string, children: CriterionNode[] = []): CriterionNode {
  return { code, name: `Tiêu chí ${code}`, maxPoints: new Decimal(maxPoints), method: "appraisal", children };
}

describe("buildTree", () => {
  it("nests criteria under their parents in the set's order, whatever order the rows come in", () => {
    const tree = buildTree([...rows].reverse());
    expect(tree.map((field) => field.code)).toEqual(["1", "2"]);
    expect(tree[0]?.children.map((child) => child.code)).toEqual(["1.2", "1.10"]);
    expect(leavesOf(tree).map((leaf) => leaf.code)).toEqual(["1.2", "1.10", "2"]);
    expect(tree[0]?.maxPoints.toFixed()).toBe("13.5");
    expect(validateTree(tree)).toEqual([]);
  });

  it("refuses a criterion whose parent does not exist, naming it", () => {
    const broken = [...rows, { code: "3.1", parentCode: "3", name: "x", maxPoints: 1, method: "appraisal" as const, order: 1 }];
    expect(() => buildTree(broken)).toThrow(CriteriaTreeError);
    expect(() => buildTree(broken)).toThrow(/3\.1/);
  });

  it("refuses duplicate codes and parent cycles", () => {
    expect(() => buildTree([...rows, rows[0] as FlatCriterion])).toThrow(/more than once/);
    const cycle: FlatCriterion[] = [
      { code: "a", parentCode: "b", name: "a", maxPoints: 1, method: "appraisal", order: 1 },
      { code: "b", parentCode: "a", name: "b", maxPoints: 1, method: "appraisal", order: 1 },
    ];
    expect(() => buildTree(cycle)).toThrow(/cycle/);
  });
});

describe("validateTree", () => {
  it("reports a parent whose max is not the sum of its children", () => {
    const problems = validateTree([node("1", "13.5", [node("1.1", "10"), node("1.2", "3.4")])]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: "max-mismatch", code: "1" });
    expect(problems[0]?.message).toContain("13.4");
  });

  it("reports duplicate codes and negative max points", () => {
    const problems = validateTree([node("1", "0", [node("1.1", "1"), node("1.1", "-1")])]);
    expect(problems.map((problem) => problem.kind).sort()).toEqual(["duplicate-code", "negative-max"]);
  });

  it("accepts a published commune set whose fields sum to 100", () => {
    const fields = ["13.5", "3", "21", "6", "9", "5", "11", "31.5"].map((max, i) => node(String(i + 1), max));
    expect(validateTree(fields)).toEqual([]);
  });
});

describe("compareCriterionCodes", () => {
  it("orders codes as people read them", () => {
    expect(["1.10", "2", "1.2", "1", "1.2.1"].sort(compareCriterionCodes)).toEqual(["1", "1.2", "1.2.1", "1.10", "2"]);
  });
});
