import { z } from "zod";
import type { PublishedFieldHeading, PublishedFieldScore } from "@/lib/domain/published-field-score";

const decimalString = z.string().regex(/^\d+(\.\d+)?$/);
const ZERO = /^0(\.0+)?$/;

/** `Publication.fields`: the period's fields as published, in tree order. */
const headingsSchema: z.ZodType<PublishedFieldHeading[]> = z.array(z.object({ code: z.string(), name: z.string(), maxPoints: decimalString }));

/** `PublishedResult.fields`: [points, applicableMax] per field, in the order of the headings. */
const compactSchema = z.array(z.tuple([decimalString, decimalString]));

/** A malformed snapshot is a bug to report, never something to show as zeros. */
export function parsePublishedFieldHeadings(json: unknown): PublishedFieldHeading[] {
  const parsed = headingsSchema.safeParse(json);
  if (!parsed.success) throw new Error(`A publication's field list is malformed: ${parsed.error.message}`);
  return parsed.data;
}

/**
 * One unit's published fields, whole: the publication's headings with the unit's points. A
 * field whose applicable max is 0 (but whose max is not) is not applicable to the unit.
 */
export function expandPublishedFieldScores(headings: readonly PublishedFieldHeading[], json: unknown, unitCode: string): PublishedFieldScore[] {
  const parsed = compactSchema.safeParse(json);
  if (!parsed.success || parsed.data.length !== headings.length) {
    throw new Error(`Published fields of ${unitCode} are malformed: ${parsed.success ? "not one entry per field" : parsed.error.message}`);
  }
  return headings.map((heading, position) => {
    const [points, applicableMax] = parsed.data[position]!;
    return {
      code: heading.code,
      name: heading.name,
      points,
      maxPoints: heading.maxPoints,
      applicableMax,
      notApplicable: ZERO.test(applicableMax) && !ZERO.test(heading.maxPoints),
    };
  });
}
