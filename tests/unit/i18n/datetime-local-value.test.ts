import { describe, expect, it } from "vitest";
import { fromVietnamDateTimeLocal, toVietnamDateTimeLocal } from "@/lib/i18n/datetime-local-value";

describe("deadlines typed in Vietnam's time", () => {
  it("shows and reads a deadline in UTC+7 whatever the server's zone", () => {
    const deadline = new Date("2026-11-30T16:59:00Z");
    expect(toVietnamDateTimeLocal(deadline)).toBe("2026-11-30T23:59");
    expect(new Date(fromVietnamDateTimeLocal("2026-11-30T23:59")!).toISOString()).toBe("2026-11-30T16:59:00.000Z");
  });

  it("an empty field clears the date; other text is passed on for the schema to refuse", () => {
    expect(fromVietnamDateTimeLocal("")).toBeNull();
    expect(toVietnamDateTimeLocal(null)).toBe("");
    expect(fromVietnamDateTimeLocal("tomorrow")).toBe("tomorrow");
  });
});
