import type { z } from "zod";
import { issueLanguages } from "@/lib/domain/issue-languages";

/**
 * A refused form's issues in each language: the schemas here write "vi / en" messages, so each
 * is split; a library default is said in both (issue-languages.ts).
 */
export function describeIssues(error: z.ZodError): { vi: string; en: string } {
  const parts = error.issues.map(issueLanguages);
  return { vi: parts.map((part) => part.vi).join("; "), en: parts.map((part) => part.en).join("; ") };
}
