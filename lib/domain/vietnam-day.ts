// Vietnam keeps UTC+7 all year (no daylight saving): its calendar day is a fixed shift of UTC's,
// whatever zone the server runs in. One response per device per day, the dates a paper form may
// carry and "today's" counts all go by that day.
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Vietnam's calendar day at an instant, yyyy-mm-dd. */
export function vietnamDay(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The same day as a date-only value (midnight UTC), the way a `@db.Date` column stores it. */
export function vietnamCalendarDate(at: Date): Date {
  return new Date(`${vietnamDay(at)}T00:00:00.000Z`);
}

/** The instant that day began in Vietnam. */
export function startOfVietnamDay(at: Date): Date {
  return new Date(vietnamCalendarDate(at).getTime() - VIETNAM_OFFSET_MS);
}
