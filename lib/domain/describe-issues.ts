import type { z } from "zod";

/**
 * A refused form's issues in each language: the schemas here write "vi / en" messages, so each
 * is split; a message in one language only (a library default) goes to both.
 */
export function describeIssues(error: z.ZodError): { vi: string; en: string } {
  const parts = error.issues.map((issue) => {
    const [vi, en] = issue.message.split(" / ");
    return { vi: vi!, en: en ?? vi! };
  });
  return { vi: parts.map((part) => part.vi).join("; "), en: parts.map((part) => part.en).join("; ") };
}
