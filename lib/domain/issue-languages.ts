import type { z } from "zod";

// The schemas here write their messages "Vietnamese / English". Where a schema leaves zod its own
// message (a length cap, a list of choices, a wrong type), zod's text is English only and would
// reach a Vietnamese form as it is; it is said here in both languages from the issue's kind instead.

const SEPARATOR = " / ";

type Languages = { vi: string; en: string };

/** An issue's message in each language: the schema's own two halves, else one made from its kind. */
export function issueLanguages(issue: z.core.$ZodIssue): Languages {
  const at = issue.message.indexOf(SEPARATOR);
  if (at !== -1) return { vi: issue.message.slice(0, at), en: issue.message.slice(at + SEPARATOR.length) };
  return described(issue) ?? { vi: `Giá trị không hợp lệ (${issue.message})`, en: issue.message };
}

function described(issue: z.core.$ZodIssue): Languages | null {
  switch (issue.code) {
    case "too_big": {
      const limit = String(issue.maximum);
      if (issue.origin === "string") return { vi: `Quá dài: tối đa ${limit} ký tự.`, en: `Too long: at most ${limit} characters.` };
      if (issue.origin === "array" || issue.origin === "set") return { vi: `Quá nhiều mục: tối đa ${limit}.`, en: `Too many items: at most ${limit}.` };
      return { vi: `Quá lớn: tối đa ${limit}.`, en: `Too large: at most ${limit}.` };
    }
    case "too_small": {
      const limit = String(issue.minimum);
      if (issue.origin === "string") {
        return limit === "1" ? { vi: "Không được để trống.", en: "Must not be empty." } : { vi: `Quá ngắn: ít nhất ${limit} ký tự.`, en: `Too short: at least ${limit} characters.` };
      }
      if (issue.origin === "array" || issue.origin === "set") return { vi: `Cần ít nhất ${limit} mục.`, en: `At least ${limit} items are needed.` };
      return { vi: `Quá nhỏ: ít nhất ${limit}.`, en: `Too small: at least ${limit}.` };
    }
    case "invalid_value": {
      const choices = issue.values.map((value) => String(value)).join(", ");
      return { vi: `Giá trị không nằm trong các lựa chọn: ${choices}.`, en: `Not one of the choices: ${choices}.` };
    }
    case "invalid_type":
      return { vi: "Thiếu giá trị hoặc sai kiểu dữ liệu.", en: `Missing or of the wrong kind (expected ${issue.expected}).` };
    case "invalid_format":
      return issue.format === "email"
        ? { vi: "Email không hợp lệ.", en: "Invalid email address." }
        : { vi: "Sai định dạng.", en: `Invalid format (${issue.format}).` };
    case "not_multiple_of":
      return { vi: `Phải là bội số của ${String(issue.divisor)}.`, en: `Must be a multiple of ${String(issue.divisor)}.` };
    default:
      return null;
  }
}
