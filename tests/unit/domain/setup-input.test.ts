import { describe, expect, it } from "vitest";
import { z } from "zod";
import { criterionCodeSchema, decimalTextSchema, daySchema, inputIssues, newCodeSchema } from "@/lib/domain/setup-input";
import { addCriterionInput } from "@/lib/domain/criteria-set-input";
import { criteriaSetLock } from "@/lib/domain/criteria-set-edit-rules";
import { subtreeOf, targetIndex } from "@/lib/domain/criteria-set-editor-view";

const maxPoints = decimalTextSchema({ vi: "Điểm tối đa", en: "Max points" }, { max: 100, positive: true });

function issuesOf(schema: z.ZodType, value: unknown) {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : inputIssues(parsed.error);
}

describe("set-up inputs", () => {
  it("reads max points with a decimal comma as a plain decimal string", () => {
    expect(maxPoints.parse("13,5")).toBe("13.5");
    expect(maxPoints.parse(" 2.2500 ")).toBe("2.25");
    expect(maxPoints.parse(7)).toBe("7");
  });

  it("refuses 5 decimals, a negative value, zero, text and more than 100, each in Vietnamese and English", () => {
    expect(issuesOf(maxPoints, "1,23456")[0]).toEqual({
      path: "",
      vi: 'Điểm tối đa: Giá trị "1,23456" có 5 chữ số thập phân; chỉ được tối đa 4',
      en: 'Max points: The value "1,23456" has 5 decimal places; at most 4 are allowed',
    });
    expect(issuesOf(maxPoints, "-2")[0]!.en).toBe('Max points: The value "-2" must not be negative');
    expect(issuesOf(maxPoints, "0")[0]!.vi).toBe("Điểm tối đa phải lớn hơn 0");
    expect(issuesOf(maxPoints, "mười")[0]!.en).toContain("is not a decimal number");
    expect(issuesOf(maxPoints, "100.5")[0]!.vi).toBe("Điểm tối đa không được vượt quá 100");
  });

  it("refuses codes with spaces, capitals or diacritics, and criterion codes with spaces", () => {
    expect(newCodeSchema.parse(" xa-chieng-mai ")).toBe("xa-chieng-mai");
    for (const bad of ["xa chieng mai", "Xa-A", "xã-a", "a--b", ""]) expect(newCodeSchema.safeParse(bad).success).toBe(false);
    expect(criterionCodeSchema.parse("1.2.a")).toBe("1.2.a");
    expect(issuesOf(criterionCodeSchema, "1. 2")[0]!.vi).toContain("không có khoảng trắng");
  });

  it("refuses a day that does not exist", () => {
    expect(daySchema.parse("2024-02-29")).toEqual(new Date("2024-02-29T00:00:00Z"));
    expect(issuesOf(daySchema, "2023-02-29")[0]!.en).toBe("2023-02-29 is not a calendar day");
  });

  it("checks a scoring rule against the rule schema and keeps it as written", () => {
    const base = { setCode: "s", code: "1", name: "Lĩnh vực", maxPoints: "10" };
    const rule = { type: "threshold", rows: [{ from: { value: "95", inclusive: true }, award: { kind: "fraction", value: 1 } }] };
    expect(addCriterionInput.parse({ ...base, scoringRule: rule }).scoringRule).toEqual(rule);
    const bad = issuesOf(addCriterionInput, { ...base, scoringRule: { type: "percent" } });
    expect(bad.map((issue) => issue.path)).toEqual(["scoringRule"]);
    expect(bad[0]!.vi).toMatch(/^Quy tắc chấm điểm không hợp lệ/);
  });
});

describe("criteria set editing rules", () => {
  it("locks a set once locked or used by a published period, and says to make a new version", () => {
    expect(criteriaSetLock({ code: "s", lockedAt: null, periods: [{ code: "p", status: "self_assessment" }] })).toBeNull();
    expect(criteriaSetLock({ code: "s", lockedAt: null, periods: [{ code: "p", status: "published" }] })).toMatchObject({ reason: "published_period" });
    const lock = criteriaSetLock({ code: "s", lockedAt: new Date(), periods: [] })!;
    expect(lock.reason).toBe("locked");
    expect(lock.vi).toContain("Hãy tạo phiên bản mới");
  });

  it("moves a node one step or to a position, never outside its siblings", () => {
    expect(targetIndex(2, 4, { direction: "up" })).toBe(1);
    expect(targetIndex(0, 4, { direction: "up" })).toBe(0);
    expect(targetIndex(3, 4, { direction: "down" })).toBe(3);
    expect(targetIndex(1, 4, { toIndex: 10 })).toBe(3);
  });

  it("finds a node's whole subtree", () => {
    const records = [
      { id: "1", parentId: null },
      { id: "1.1", parentId: "1" },
      { id: "1.1.1", parentId: "1.1" },
      { id: "2", parentId: null },
    ];
    expect(subtreeOf(records, "1").map((record) => record.id)).toEqual(["1", "1.1", "1.1.1"]);
  });
});
