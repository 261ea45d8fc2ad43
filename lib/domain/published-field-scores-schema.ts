import { z } from "zod";
import type { PublishedFieldScore } from "@/lib/domain/published-field-score";

const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/);

/** `PublishedResult.fields` as the publication stores it: decimals as exact strings. */
const publishedFieldScoresSchema: z.ZodType<PublishedFieldScore[]> = z.array(
  z.object({
    code: z.string(),
    name: z.string(),
    points: decimalString,
    maxPoints: decimalString,
    applicableMax: decimalString,
    notApplicable: z.boolean(),
  }),
);

/** A malformed snapshot is a bug to report with the unit it concerns, never something to show as zeros. */
export function parsePublishedFieldScores(json: unknown, unitCode: string): PublishedFieldScore[] {
  const parsed = publishedFieldScoresSchema.safeParse(json);
  if (!parsed.success) throw new Error(`Published fields of ${unitCode} are malformed: ${parsed.error.message}`);
  return parsed.data;
}
