import { z } from "zod";
import { UseCaseError } from "@/lib/domain/use-case-error";
import { describeIssues } from "@/lib/domain/describe-issues";

// Vietnam keeps UTC+7 all year: a day typed in the filter is that day there, wherever the server is.
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

type Moment = { at: Date; wholeDay: boolean };

/**
 * "20/01/2026" or "2026-01-20" is a whole day in Vietnam; "2026-01-20T10:00:00Z" (or with an
 * offset) is that instant, and without an offset it is that time in Vietnam.
 */
export function parseFilterMoment(text: string): Moment | null {
  const day = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (day) {
    const [, a, b, c] = day;
    const [year, month, date] = text.includes("/") ? [Number(c), Number(b), Number(a)] : [Number(a), Number(b), Number(c)];
    const utc = Date.UTC(year, month - 1, date);
    const check = new Date(utc);
    // 31/02 would roll over to March: refuse rather than guess.
    if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return null;
    return { at: new Date(utc - VIETNAM_OFFSET_MS), wholeDay: true };
  }
  const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/.exec(text);
  if (!dateTime) return null;
  const at = new Date(dateTime[3] ? text : `${text}+07:00`);
  return Number.isNaN(at.getTime()) ? null : { at, wholeDay: false };
}

const moment = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString() : typeof value === "string" && value.trim() === "" ? undefined : value),
  z
    .string()
    .trim()
    .transform((text, context) => {
      const parsed = parseFilterMoment(text);
      if (!parsed) {
        context.addIssue({
          code: "custom",
          message: `Ngày "${text}" không hợp lệ (dd/mm/yyyy) / Date "${text}" is not valid (dd/mm/yyyy or ISO 8601)`,
        });
        return z.NEVER;
      }
      return parsed;
    })
    .optional(),
);

/** NFC like every stored code and name, so a value typed decomposed filters the same rows. */
const optionalText = (max: number) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), z.string().normalize("NFC").trim().max(max).optional());

/**
 * The admin's audit-log filter (page, export and any API alike). `from` and `to` are inclusive:
 * a day in `to` includes all of it. `action` is an exact action, or a prefix ending in ".*"
 * ("auth.*"). `cursor` is the id of the last row of the previous page.
 */
export const auditLogFilter = z
  .object({
    periodCode: optionalText(100),
    actorEmail: optionalText(320),
    action: optionalText(100),
    entityType: optionalText(100),
    unitCode: optionalText(100),
    from: moment,
    to: moment,
    cursor: z.preprocess(
      (value) => (value === "" || value === null ? undefined : value),
      z
        .string()
        .regex(/^\d{1,19}$/, { message: "Con trỏ trang không hợp lệ / Invalid page cursor" })
        .optional(),
    ),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .transform(({ from, to, cursor, ...rest }) => ({
    ...rest,
    /** Inclusive lower bound. */
    from: from?.at,
    /** Exclusive upper bound: the day after a whole day, or just after an instant. */
    until: to ? new Date(to.at.getTime() + (to.wholeDay ? DAY_MS : 1)) : undefined,
    cursor: cursor === undefined ? undefined : BigInt(cursor),
  }))
  .refine((filter) => !filter.from || !filter.until || filter.from < filter.until, {
    message: "Ngày bắt đầu phải trước ngày kết thúc / The start date must be before the end date",
    path: ["to"],
  });

export type AuditLogFilterInput = z.input<typeof auditLogFilter>;
export type AuditLogFilter = z.output<typeof auditLogFilter>;

export class AuditLogFilterError extends UseCaseError<"invalid"> {}

export function parseAuditLogFilter(input: AuditLogFilterInput): AuditLogFilter {
  const parsed = auditLogFilter.safeParse(input);
  if (!parsed.success) {
    const { vi, en } = describeIssues(parsed.error);
    throw new AuditLogFilterError("invalid", vi, en);
  }
  return parsed.data;
}
