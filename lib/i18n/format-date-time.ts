import type { Locale } from "./locale";

/** Moments (a save, a sign-in) are shown in Vietnam's time, whatever the server's zone. */
export const VIETNAM_TIME_ZONE = "Asia/Ho_Chi_Minh";

/** "24/11/2026 14:05" in Vietnamese, "24 Nov 2026, 14:05" in English, in Vietnam's time. */
export function formatDateTime(value: Date | string, locale: Locale): string {
  const date = typeof value === "string" ? new Date(value) : value;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: VIETNAM_TIME_ZONE,
      day: "2-digit",
      month: locale === "vi" ? "2-digit" : "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return locale === "vi"
    ? `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`
    : `${Number(parts.day)} ${parts.month} ${parts.year}, ${parts.hour}:${parts.minute}`;
}

/** A deadline's calendar day in Vietnam's time: 23:59 on 30/11 is still 30/11 there. */
export function formatDayInVietnam(value: Date | string, locale: Locale): string {
  const date = typeof value === "string" ? new Date(value) : value;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: VIETNAM_TIME_ZONE, day: "2-digit", month: locale === "vi" ? "2-digit" : "short", year: "numeric" })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return locale === "vi" ? `${parts.day}/${parts.month}/${parts.year}` : `${Number(parts.day)} ${parts.month} ${parts.year}`;
}
