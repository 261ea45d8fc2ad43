import { z } from "zod";
import { pointsText } from "@/lib/domain/self-score-input";

const periodCode = z.string().trim().min(1).max(100);
const unitCode = z.string().trim().min(1).max(100);

/** Submitting (or resubmitting after explanations) a unit's self-assessment. */
export const submitSelfAssessmentInput = z.object({
  periodCode,
  unitCode,
  /** Assessment.version as the officer's page read it. */
  expectedVersion: z.number().int().min(0),
});

export type SubmitSelfAssessmentInput = z.input<typeof submitSelfAssessmentInput>;

/**
 * The officer's answer (giải trình) to an item the council returned, optionally revising the
 * claim: points, or not applicable with a reason. Leaving both out keeps the claim as it is.
 */
export const explainItemInput = z.object({
  periodCode,
  unitCode,
  criterionCode: z.string().trim().min(1).max(50),
  explanation: z.string().trim().min(1, "explanation_required").max(5000),
  points: pointsText.nullish(),
  notApplicable: z.boolean().optional(),
  notApplicableReason: z.string().trim().max(2000).nullish(),
  /** CriterionScore.version as the page read it. */
  expectedVersion: z.number().int().min(0),
});

export type ExplainItemInput = z.input<typeof explainItemInput>;
