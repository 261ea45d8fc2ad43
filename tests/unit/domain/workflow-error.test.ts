import { describe, expect, it } from "vitest";
import { z } from "zod";
import { clockTimeInVietnam, invalidInput, staleItem } from "@/lib/domain/workflow-error";
import { leafPoints } from "@/lib/domain/leaf-points";

describe("a stale change's message", () => {
  it("names who changed the item and when, in Vietnam's time", () => {
    const error = staleItem("1.2", "Nguyễn Văn A", new Date("2026-03-10T07:05:00Z"));
    expect(error.code).toBe("stale");
    expect(error.vi).toBe("Tiêu chí 1.2 vừa được Nguyễn Văn A thay đổi lúc 14:05 — hãy tải lại trang.");
    expect(error.en).toBe("Criterion 1.2 was just changed by Nguyễn Văn A at 14:05 — reload the page.");
    expect(error).toMatchObject({ changedBy: "Nguyễn Văn A", changedAt: new Date("2026-03-10T07:05:00Z") });
  });

  it("still reads well when nobody is known", () => {
    expect(staleItem("3.1", null, null).vi).toBe("Tiêu chí 3.1 vừa được người khác thay đổi — hãy tải lại trang.");
  });

  it("crosses midnight in Vietnam, not on the server's clock", () => {
    expect(clockTimeInVietnam(new Date("2026-03-10T17:30:00Z"))).toBe("00:30");
  });
});

describe("input refusals", () => {
  it("a required text named by code becomes that code's message", () => {
    const schema = z.object({ reason: z.string().trim().min(1, "reason_required") });
    const parsed = schema.safeParse({ reason: "  " });
    expect(parsed.success).toBe(false);
    expect(invalidInput(parsed.error!)).toMatchObject({ code: "reason_required", vi: "Cần nêu lý do.", en: "A reason is required." });
  });

  it.each([
    ["12,5", "12.5"],
    ["0", "0"],
    ["30", "30"],
    ["1.2345", "1.2345"],
  ])("points %s are read as %s", (text, expected) => {
    expect(leafPoints(text, { code: "1.1", maxPoints: "30" })).toBe(expected);
  });

  it.each([
    ["30,0001", "above_max"],
    ["-0,5", "decimal_negative"],
    ["1,23456", "decimal_too_many_decimals"],
    ["abc", "decimal_invalid"],
    ["1.234,5", "decimal_grouped"],
  ])("points %s are refused (%s)", (text, code) => {
    expect(() => leafPoints(text, { code: "1.1", maxPoints: "30" })).toThrow(expect.objectContaining({ code }));
  });
});
