import { describe, expect, it } from "vitest";
import { publishPeriodInput } from "@/lib/domain/publish-period-input";

describe("a publication's decision", () => {
  it("reads the decision date written dd/mm/yyyy or ISO", () => {
    const parsed = publishPeriodInput.parse({ periodCode: "p", decisionNumber: " 123/QĐ-UBND ", decisionDate: "05/02/2026" });
    expect(parsed.decisionDate.toISOString()).toBe("2026-02-05T00:00:00.000Z");
    expect(parsed.decisionNumber).toBe("123/QĐ-UBND");
    expect(publishPeriodInput.parse({ periodCode: "p", decisionNumber: "1", decisionDate: "2026-02-05" }).decisionDate.getUTCDate()).toBe(5);
  });

  it("refuses a day that does not exist and an empty decision number, in both languages", () => {
    const bad = publishPeriodInput.safeParse({ periodCode: "p", decisionNumber: " ", decisionDate: "31/02/2026" });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((issue) => issue.message).join(" ");
    expect(messages).toContain("dd/mm/yyyy");
    expect(messages).toContain("số quyết định");
  });
});
