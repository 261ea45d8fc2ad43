import { z } from "zod";
import { parseDecimalInput } from "@/lib/results-package/decimal-input";
import { issueLanguages } from "@/lib/domain/issue-languages";

/**
 * Building blocks of the home-affairs set-up forms (criteria sets, periods, units and groups).
 * Each message is written "Vietnamese / English" so one zod schema serves the form, the server
 * action and the CLI; `inputIssues` splits it back into the two languages.
 */

/** The two languages of one message, in the form every set-up schema uses. */
export function bilingual(vi: string, en: string): string {
  return `${vi} / ${en}`;
}

export type InputIssue = { path: string; vi: string; en: string };

/** Each issue with its field path ("bands.2.minIndex") and its message in both languages. */
export function inputIssues(error: z.ZodError): InputIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), ...issueLanguages(issue) }));
}

/**
 * A new code for a unit, group, criteria set or period: it becomes part of public addresses
 * (/units/{code}), so only lowercase letters without diacritics, digits and hyphens.
 */
export const newCodeSchema = z
  .string({ error: bilingual("Cần nhập mã", "A code is required") })
  .trim()
  .min(1, { error: bilingual("Cần nhập mã", "A code is required") })
  .max(100, { error: bilingual("Mã dài tối đa 100 ký tự", "A code has at most 100 characters") })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    error: bilingual(
      "Mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, không có khoảng trắng (ví dụ xa-chieng-mai)",
      "A code uses lowercase letters without diacritics, digits and hyphens, no spaces (e.g. xa-chieng-mai)",
    ),
  });

/** A code of something that already exists: imported codes may follow other conventions. */
export const existingCodeSchema = z
  .string({ error: bilingual("Cần nhập mã", "A code is required") })
  .trim()
  .min(1, { error: bilingual("Cần nhập mã", "A code is required") })
  .max(100, { error: bilingual("Mã dài tối đa 100 ký tự", "A code has at most 100 characters") });

/** A criterion code such as "1", "1.2" or "1.2.a": segments joined by dots, no spaces. */
export const criterionCodeSchema = z
  .string({ error: bilingual("Cần nhập mã tiêu chí", "A criterion code is required") })
  .trim()
  .min(1, { error: bilingual("Cần nhập mã tiêu chí", "A criterion code is required") })
  .max(30, { error: bilingual("Mã tiêu chí dài tối đa 30 ký tự", "A criterion code has at most 30 characters") })
  .regex(/^[0-9A-Za-z]+([.\-][0-9A-Za-z]+)*$/, {
    error: bilingual(
      "Mã tiêu chí gồm chữ số hoặc chữ cái không dấu, nối bằng dấu chấm, không có khoảng trắng (ví dụ 1.2.3)",
      "A criterion code is digits or letters without diacritics joined by dots, no spaces (e.g. 1.2.3)",
    ),
  });

/** A name people read (NFC, so the same Vietnamese name typed on two machines is equal). */
export function nameSchema(max = 300) {
  return z
    .string({ error: bilingual("Cần nhập tên", "A name is required") })
    .normalize("NFC")
    .trim()
    .min(1, { error: bilingual("Tên không được để trống", "The name must not be empty") })
    .max(max, { error: bilingual(`Tên dài tối đa ${max} ký tự`, `A name has at most ${max} characters`) });
}

/** Optional text: empty means none. */
export function optionalTextSchema(max: number) {
  return z
    .string({ error: bilingual("Cần nhập văn bản", "Expected text") })
    .normalize("NFC")
    .trim()
    .max(max, { error: bilingual(`Dài tối đa ${max} ký tự`, `At most ${max} characters`) })
    .transform((text) => (text === "" ? null : text))
    .nullish();
}

/**
 * A decimal typed by a person ("13,5" or "13.5", at most 4 decimals, not negative) as a plain
 * decimal string ("13.5"), within [0, max].
 */
export function decimalTextSchema(label: { vi: string; en: string }, options: { max: number; positive?: boolean }) {
  return z
    .union([z.string(), z.number()], { error: bilingual(`${label.vi}: cần một số`, `${label.en}: a number is required`) })
    .transform((raw, ctx) => {
      const parsed = parseDecimalInput(raw);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: bilingual(`${label.vi}: ${parsed.vi}`, `${label.en}: ${parsed.en}`) });
        return z.NEVER;
      }
      if (options.positive && parsed.value.isZero()) {
        ctx.addIssue({ code: "custom", message: bilingual(`${label.vi} phải lớn hơn 0`, `${label.en} must be above 0`) });
        return z.NEVER;
      }
      if (parsed.value.greaterThan(options.max)) {
        ctx.addIssue({
          code: "custom",
          message: bilingual(`${label.vi} không được vượt quá ${options.max}`, `${label.en} must not exceed ${options.max}`),
        });
        return z.NEVER;
      }
      return parsed.value.toFixed();
    });
}

/** A calendar day "YYYY-MM-DD" as a UTC midnight Date (unit lineage is dated by day). */
export const daySchema = z
  .string({ error: bilingual("Cần nhập ngày (YYYY-MM-DD)", "A date is required (YYYY-MM-DD)") })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: bilingual("Ngày phải có dạng YYYY-MM-DD", "A date must look like YYYY-MM-DD") })
  .transform((text, ctx) => {
    const date = new Date(`${text}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
      ctx.addIssue({ code: "custom", message: bilingual(`Ngày ${text} không tồn tại`, `${text} is not a calendar day`) });
      return z.NEVER;
    }
    return date;
  });

/** A moment (deadline) as an ISO string or Date; null clears it. */
export const momentSchema = z.coerce.date({ error: bilingual("Thời điểm không hợp lệ", "Invalid date and time") }).nullable();
