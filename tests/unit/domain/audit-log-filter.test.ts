import { describe, expect, it } from "vitest";
import { auditLogFilter, parseFilterMoment } from "@/lib/domain/audit-log-filter";
import { tooManyAttemptsMessage } from "@/lib/domain/sign-in-input";

describe("dates typed in the audit-log filter", () => {
  it("reads dd/mm/yyyy and yyyy-mm-dd as the whole day in Vietnam (UTC+7)", () => {
    expect(parseFilterMoment("5/1/2026")).toEqual({ at: new Date("2026-01-04T17:00:00Z"), wholeDay: true });
    expect(parseFilterMoment("2026-01-05")).toEqual({ at: new Date("2026-01-04T17:00:00Z"), wholeDay: true });
  });

  it("knows leap years and refuses days that do not exist", () => {
    expect(parseFilterMoment("29/02/2024")).not.toBeNull();
    expect(parseFilterMoment("29/02/2026")).toBeNull();
    expect(parseFilterMoment("32/01/2026")).toBeNull();
    expect(parseFilterMoment("01/13/2026")).toBeNull();
    expect(parseFilterMoment("hôm qua")).toBeNull();
  });

  it("reads a time without an offset as Vietnam's time, with one as given", () => {
    expect(parseFilterMoment("2026-01-05T08:30")).toEqual({ at: new Date("2026-01-05T01:30:00Z"), wholeDay: false });
    expect(parseFilterMoment("2026-01-05T08:30:00Z")).toEqual({ at: new Date("2026-01-05T08:30:00Z"), wholeDay: false });
    expect(parseFilterMoment("2026-01-05T08:30:00+09:00")).toEqual({ at: new Date("2026-01-04T23:30:00Z"), wholeDay: false });
  });

  it("makes 'to' inclusive: the end of a whole day, or just after an instant", () => {
    const filter = auditLogFilter.parse({ from: "20/01/2026", to: "20/01/2026" });
    expect(filter.from).toEqual(new Date("2026-01-19T17:00:00Z"));
    expect(filter.until).toEqual(new Date("2026-01-20T17:00:00Z"));
    expect(auditLogFilter.parse({ to: "2026-01-20T10:00:00Z" }).until).toEqual(new Date("2026-01-20T10:00:00.001Z"));
  });

  it("treats empty form fields as not given and takes the cursor as a bigint", () => {
    expect(auditLogFilter.parse({ periodCode: "", from: "", cursor: "", action: "  " })).toEqual({ limit: 50 });
    expect(auditLogFilter.parse({ cursor: "9007199254740993" }).cursor).toBe(9007199254740993n);
    expect(auditLogFilter.safeParse({ cursor: "12; drop table" }).success).toBe(false);
  });
});

describe("the wait after too many wrong passwords", () => {
  it("rounds up to whole minutes and never says zero", () => {
    expect(tooManyAttemptsMessage(14 * 60)).toEqual({
      vi: "Bạn đã nhập sai mật khẩu quá nhiều lần. Vui lòng thử lại sau 14 phút.",
      en: "Too many wrong passwords. Please try again in 14 minutes.",
    });
    expect(tooManyAttemptsMessage(61).en).toContain("2 minutes");
    expect(tooManyAttemptsMessage(5).en).toContain("1 minute.");
  });
});
