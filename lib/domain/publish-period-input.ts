import { z } from "zod";

/** dd/mm/yyyy (the way decisions are dated) or ISO yyyy-mm-dd; a real calendar day. */
export const calendarDay = z
  .string()
  .trim()
  .transform((text, context) => {
    const vi = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    const [year, month, day] = vi ? [Number(vi[3]), Number(vi[2]), Number(vi[1])] : iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : [NaN, NaN, NaN];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (!Number.isFinite(year) || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
      context.addIssue({ code: "custom", message: "Ngày không hợp lệ, hãy viết dd/mm/yyyy / Not a valid date, write dd/mm/yyyy" });
      return z.NEVER;
    }
    return date;
  });

/** Home affairs publishes an approved period under its decision (quyết định) number and date. */
export const publishPeriodInput = z.object({
  periodCode: z.string().trim().min(1).max(100),
  decisionNumber: z.string().trim().min(1, "Cần số quyết định / The decision number is required").max(100),
  decisionDate: calendarDay,
});

export type PublishPeriodInput = z.input<typeof publishPeriodInput>;
