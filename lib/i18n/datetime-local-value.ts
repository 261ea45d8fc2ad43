import { VIETNAM_TIME_ZONE } from "./format-date-time";

/** A moment as a datetime-local field shows it: "2026-11-24T14:05", in Vietnam's time. */
export function toVietnamDateTimeLocal(value: Date | null): string {
  if (!value) return "";
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: VIETNAM_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(value)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/**
 * What a datetime-local field sent, read as Vietnam's time (UTC+7, no daylight saving), whatever
 * the server's zone; "" clears the date; anything else is left for the schema to refuse.
 */
export function fromVietnamDateTimeLocal(text: string | undefined): string | null {
  const value = (text ?? "").trim();
  if (!value) return null;
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+07:00` : value;
}
