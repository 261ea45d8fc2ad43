import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { buildDemoPackages } from "@/scripts/demo-data/build-demo-packages";
import type { CriterionNodeJson } from "@/scripts/demo-data/results-package-json";
import { D, leavesOf } from "./exact-results";

const packages = buildDemoPackages();
const sets = new Map(packages.map((p) => [p.criteriaSet.code, p.criteriaSet]));

function checkParents(node: CriterionNodeJson, depth: number): void {
  expect(node.code.split(".")).toHaveLength(depth);
  expect(node.name.length).toBeGreaterThan(3);
  expect(D(node.maxPoints).decimalPlaces()).toBeLessThanOrEqual(3);
  if (!node.children || node.children.length === 0) return;
  const sum = node.children.reduce((s, c) => s.plus(D(c.maxPoints)), new Decimal(0));
  expect(sum.equals(D(node.maxPoints)), `${node.code}: children sum ${sum.toFixed()} ≠ ${node.maxPoints}`).toBe(true);
  node.children.forEach((child) => {
    expect(child.code.startsWith(`${node.code}.`)).toBe(true);
    checkParents(child, depth + 1);
  });
  const allSurvey = leavesOf(node.children).every((l) => l.method === "survey");
  expect(node.method).toBe(allSurvey ? "survey" : "appraisal");
}

describe("demo criteria sets", () => {
  it("are the three sets so-2022, huyen-2022 and xa-2022", () => {
    expect([...sets.keys()].sort()).toEqual(["huyen-2022", "so-2022", "xa-2022"]);
  });

  it("reuse an identical tree every year under the same set code", () => {
    for (const pkg of packages) {
      expect(pkg.criteriaSet).toEqual(sets.get(pkg.criteriaSet.code));
    }
  });

  it.each([...sets.keys()])("%s: parents equal the exact sum of their children, the set sums to 100", (code) => {
    const set = sets.get(code);
    if (!set) throw new Error(code);
    set.criteria.forEach((field) => checkParents(field, 1));
    const total = set.criteria.reduce((s, f) => s.plus(D(f.maxPoints)), new Decimal(0));
    expect(total.toFixed()).toBe("100");
    const leaves = leavesOf(set.criteria);
    expect(leaves.reduce((s, l) => s.plus(l.max), new Decimal(0)).toFixed()).toBe("100");
    expect(leaves.length).toBeGreaterThanOrEqual(30);
    expect(leaves.length).toBeLessThanOrEqual(40);
    expect(new Set(leaves.map((l) => l.code)).size).toBe(leaves.length);
  });

  it("departments: 7 fields, 20–30 survey points spread over several fields", () => {
    const set = sets.get("so-2022");
    if (!set) throw new Error("so-2022");
    expect(set.criteria.map((f) => f.name)).toEqual([
      "Công tác chỉ đạo, điều hành CCHC",
      "Cải cách thể chế",
      "Cải cách thủ tục hành chính",
      "Cải cách tổ chức bộ máy hành chính",
      "Cải cách chế độ công vụ",
      "Cải cách tài chính công",
      "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
    ]);
    // Three levels in most fields.
    const deepFields = set.criteria.filter((f) => f.children?.some((c) => (c.children?.length ?? 0) > 0));
    expect(deepFields.length * 2).toBeGreaterThan(set.criteria.length);
    const survey = leavesOf(set.criteria).filter((l) => l.method === "survey");
    const surveyPoints = survey.reduce((s, l) => s.plus(l.max), new Decimal(0));
    expect(surveyPoints.greaterThanOrEqualTo(20) && surveyPoints.lessThanOrEqualTo(30)).toBe(true);
    expect(new Set(survey.map((l) => l.code.split(".")[0])).size).toBeGreaterThanOrEqual(5);
  });

  it("districts: 8 fields worth 10 / 10 / 14.5 / 11 / 16 / 7 / 16 / 15.5, field 8 survey-based", () => {
    const set = sets.get("huyen-2022");
    if (!set) throw new Error("huyen-2022");
    expect(set.criteria.map((f) => f.maxPoints)).toEqual([10, 10, 14.5, 11, 16, 7, 16, 15.5]);
    expect(set.criteria[7]?.method).toBe("survey");
    expect(set.criteria[7]?.name.startsWith("Tác động của CCHC")).toBe(true);
  });

  it("communes: 8 fields worth 13.5 / 3 / 21 / 6 / 9 / 5 / 11 / 31.5, field 8 survey-based", () => {
    const set = sets.get("xa-2022");
    if (!set) throw new Error("xa-2022");
    expect(set.criteria.map((f) => f.maxPoints)).toEqual([13.5, 3, 21, 6, 9, 5, 11, 31.5]);
    expect(set.criteria.map((f) => f.name)).toEqual([
      "Công tác chỉ đạo, điều hành CCHC",
      "Cải cách thể chế",
      "Cải cách TTHC",
      "Cải cách tổ chức bộ máy",
      "Cải cách chế độ công vụ",
      "Cải cách tài chính công",
      "Xây dựng chính quyền điện tử, chính quyền số",
      "Tác động của CCHC đến người dân, tổ chức và phát triển KT-XH",
    ]);
    expect(leavesOf([set.criteria[7] as CriterionNodeJson]).every((l) => l.method === "survey")).toBe(true);
  });
});
