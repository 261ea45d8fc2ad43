import type { z } from "zod";
import type { ActionResult } from "@/lib/domain/action-result";
import { issueLanguages } from "@/lib/domain/issue-languages";

/**
 * A form's values that failed their schema. Messages in this codebase's schemas are written
 * "Vietnamese / English"; each language gets its half.
 */
export function invalidInputResult(error: z.ZodError): ActionResult<never> {
  const split = error.issues.map((issue) => {
    const { vi, en } = issueLanguages(issue);
    return { key: issue.path.join(".") || null, code: "invalid", vi, en };
  });
  return { ok: false, code: "invalid", vi: split.map((problem) => problem.vi).join(" "), en: split.map((problem) => problem.en).join(" "), problems: split };
}
