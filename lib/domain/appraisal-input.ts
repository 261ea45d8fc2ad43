import { z } from "zod";
import { pointsText } from "@/lib/domain/self-score-input";

const periodCode = z.string().trim().min(1).max(100);
const unitCode = z.string().trim().min(1).max(100);

/**
 * The council's decision on one leaf: accept the claim, adjust it (points with a decimal comma
 * accepted, or not applicable) with a reason, or return it for explanation with a comment.
 */
export const appraiseItemInput = z.object({
  periodCode,
  unitCode,
  criterionCode: z.string().trim().min(1).max(50),
  decision: z.enum(["accept", "adjust", "return"]),
  points: pointsText.nullish(),
  notApplicable: z.boolean().default(false),
  /** Why the appraised value differs from the claim (required to adjust an appraised leaf). */
  reason: z.string().trim().max(2000).nullish(),
  /** Shown to the unit; required to return an item. */
  comment: z.string().trim().max(5000).nullish(),
  /** CriterionScore.version as the page read it, or null when the leaf had no row yet. */
  expectedVersion: z.number().int().min(0).nullable(),
});

export type AppraiseItemInput = z.input<typeof appraiseItemInput>;

export const acceptRemainingItemsInput = z.object({
  periodCode,
  unitCode,
  /** Assessment.version as the page read it: what "remaining" meant when the council looked. */
  expectedAssessmentVersion: z.number().int().min(0),
});

export type AcceptRemainingItemsInput = z.input<typeof acceptRemainingItemsInput>;

export const approveAssessmentInput = z.object({
  periodCode,
  unitCode,
  expectedVersion: z.number().int().min(0),
});

export type ApproveAssessmentInput = z.input<typeof approveAssessmentInput>;

/** What a workspace page asks for. */
export const assessmentRef = z.object({ periodCode, unitCode });

export type AssessmentRef = z.input<typeof assessmentRef>;
