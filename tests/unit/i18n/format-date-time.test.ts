import { describe, expect, it } from "vitest";
import { formatDateTime, formatDayInVietnam } from "@/lib/i18n/format-date-time";

describe("moments in Vietnam's time", () => {
  it("shows 07:05 UTC as 14:05 in Hanoi, dd/mm/yyyy first in Vietnamese", () => {
    expect(formatDateTime(new Date("2026-11-24T07:05:00Z"), "vi")).toBe("24/11/2026 14:05");
    expect(formatDateTime(new Date("2026-11-24T07:05:00Z"), "en")).toBe("24 Nov 2026, 14:05");
  });

  it("a deadline late in the UTC evening is already the next day in Vietnam", () => {
    expect(formatDayInVietnam(new Date("2026-11-30T18:00:00Z"), "vi")).toBe("01/12/2026");
    expect(formatDateTime(new Date("2026-11-30T16:59:00Z"), "vi")).toBe("30/11/2026 23:59");
  });
});
