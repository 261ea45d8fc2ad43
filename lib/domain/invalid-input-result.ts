import type { z } from "zod";
import type { ActionResult } from "@/lib/domain/action-result";

/**
 * A form's values that failed their schema. Messages in this codebase's schemas are written
 * "Vietnamese / English"; each language gets its half.
 */
export function invalidInputResult(error: z.ZodError): ActionResult<never> {
  const split = error.issues.map((issue) => {
    const [vi, en] = issue.message.split(" / ");
    return { key: issue.path.join(".") || null, code: "invalid", vi: vi ?? issue.message, en: en ?? vi ?? issue.message };
  });
  return { ok: false, code: "invalid", vi: split.map((problem) => problem.vi).join(" "), en: split.map((problem) => problem.en).join(" "), problems: split };
}
