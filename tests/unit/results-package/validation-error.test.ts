import { describe, expect, it } from "vitest";
import {
  formatIssue,
  formatIssuesForTerminal,
  formatPath,
  issue,
  messages,
  quoteValue,
} from "@/lib/results-package/validation-error";

describe("issues", () => {
  it("derive the row and field from the path", () => {
    const built = issue("points_required", ["scores", 11, "points"], { unit: "tien-chau", criterion: "1.1" });
    expect(built).toMatchObject({ path: "scores[11].points", row: 12, field: "points", code: "points_required" });
    expect(issue("empty_text", ["criteriaSet", "criteria", 0, "name"]).row).toBeUndefined();
    expect(formatPath([])).toBe("");
    expect(formatPath(["a b", 0])).toBe('["a b"][0]');
  });

  it("every catalogued message has Vietnamese and English text", () => {
    expect(Object.keys(messages).length).toBeGreaterThan(40);
  });

  it("print one line each, Vietnamese then English", () => {
    const one = issue("points_required", ["scores", 0, "points"], { unit: "x\ny", criterion: "1" });
    const line = formatIssue(one);
    expect(line).not.toContain("\n");
    expect(line.startsWith("scores[0].points (dòng/row 1): Thiếu điểm")).toBe(true);
    expect(line.indexOf("Thiếu")).toBeLessThan(line.indexOf("Points are missing"));
    const out = formatIssuesForTerminal([one, issue("input_empty", [])], { limit: 1 });
    expect(out.split("\n")).toEqual([
      expect.stringContaining("2 lỗi"),
      expect.stringContaining("scores[0].points"),
      "  … và 1 lỗi khác | … and 1 more",
    ]);
    expect(formatIssuesForTerminal([issue("input_empty", [])])).toContain("tệp/file: Tệp rỗng | The file is empty");
  });

  it("quote values from the file safely", () => {
    expect(quoteValue("a\u001b[31mb")).toBe('"a [31mb"');
    expect(quoteValue("x".repeat(100))).toHaveLength(63);
  });
});
