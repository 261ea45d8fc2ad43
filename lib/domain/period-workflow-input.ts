import { z } from "zod";
import { pointsText } from "@/lib/domain/self-score-input";

const periodCode = z.string().trim().min(1).max(100);
const periodStatus = z.enum(["draft", "self_assessment", "appraisal", "approved", "published"]);

/** Home affairs moves a period to its next state (publication has its own use case). */
export const transitionPeriodInput = z.object({
  periodCode,
  to: periodStatus,
  /** The state the admin's page showed: a move made meanwhile by a colleague is not repeated. */
  expectedStatus: periodStatus,
});

export type TransitionPeriodInput = z.input<typeof transitionPeriodInput>;

export const reopenAssessmentInput = z.object({
  periodCode,
  unitCode: z.string().trim().min(1).max(100),
  reason: z.string().trim().min(1, "reason_required").max(2000),
});

export type ReopenAssessmentInput = z.input<typeof reopenAssessmentInput>;

const erratumCorrection = z
  .object({
    unitCode: z.string().trim().min(1).max(100),
    criterionCode: z.string().trim().min(1).max(50),
    points: pointsText.nullish(),
    notApplicable: z.boolean().default(false),
    reason: z.string().trim().min(1, "reason_required").max(2000),
  })
  .refine((correction) => correction.notApplicable !== Boolean(correction.points), {
    message: "Cần điểm mới hoặc \"không đánh giá\", không cả hai / Give new points or not applicable, not both",
  });

/** A correction of a published period: corrected appraised points and a new publication version. */
export const publishErratumInput = z.object({
  periodCode,
  reason: z.string().trim().min(1, "reason_required").max(2000),
  corrections: z
    .array(erratumCorrection)
    .min(1)
    .max(500)
    .refine((items) => new Set(items.map((item) => `${item.unitCode}\u0000${item.criterionCode}`)).size === items.length, {
      message: "Mỗi tiêu chí của một đơn vị chỉ được đính chính một lần / Each leaf of a unit may be corrected once",
    }),
});

export type PublishErratumInput = z.input<typeof publishErratumInput>;
