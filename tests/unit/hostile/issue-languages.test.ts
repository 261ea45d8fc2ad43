import { describe, expect, it } from "vitest";
import { z } from "zod";
import { invalidInputResult } from "@/lib/domain/invalid-input-result";
import { describeIssues } from "@/lib/domain/describe-issues";
import { createUserInput } from "@/lib/domain/user-input";

// A refusal reaches a Vietnamese form in Vietnamese even where a schema left zod its own English
// message (a length cap, a list of choices, a wrong type): found by the hostile corpus on the
// account form ("Too big: expected string to have <=200 characters" in the Vietnamese slot).

describe("a refused form's messages", () => {
  it("are said in Vietnamese and English when zod wrote the message", () => {
    const parsed = createUserInput.safeParse({ email: "a@example.vn", name: "x".repeat(10_240), role: "<script>", password: "mat-khau-dai" });
    expect(parsed.success).toBe(false);
    const result = invalidInputResult(parsed.error!);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { key: "name", code: "invalid", vi: "Quá dài: tối đa 200 ký tự.", en: "Too long: at most 200 characters." },
      { key: "role", code: "invalid", vi: "Giá trị không nằm trong các lựa chọn: admin, council, unit_officer.", en: "Not one of the choices: admin, council, unit_officer." },
    ]);
  });

  it("keep a schema's own two halves, and say what is wrong for every kind of issue", () => {
    const schema = z.object({
      code: z.string().min(1, { message: "Cần nhập mã / A code is required" }),
      note: z.string().min(3),
      count: z.number().max(5),
      items: z.array(z.string()).max(1),
      when: z.string(),
    });
    const parsed = schema.safeParse({ code: "", note: "a", count: 9, items: ["a", "b"], when: 1 });
    const { vi, en } = describeIssues(parsed.error!);
    expect(vi).toBe("Cần nhập mã; Quá ngắn: ít nhất 3 ký tự.; Quá lớn: tối đa 5.; Quá nhiều mục: tối đa 1.; Thiếu giá trị hoặc sai kiểu dữ liệu.");
    expect(en).toBe("A code is required; Too short: at least 3 characters.; Too large: at most 5.; Too many items: at most 1.; Missing or of the wrong kind (expected string).");
  });
});
