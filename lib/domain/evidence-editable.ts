import { APPRAISAL_OPEN_PERIOD_STATES, claimWindow, type AssessmentStatus, type PeriodStatus } from "@/lib/review/assessment-workflow";
import { EvidenceError, evidenceErrors } from "@/lib/domain/evidence-file-rules";

export type EvidenceEditState = "open" | "closed" | "published";

type AssessmentState = {
  status: string;
  reopenedAt: Date | null;
  period: { status: string; selfAssessmentOpensAt: Date | null; selfAssessmentDeadline: Date | null };
};

/**
 * Whether a unit's evidence may change now: exactly when its claims may (claimWindow, the rule
 * saveSelfScores applies), the evidence being part of the claim. A published period is told apart,
 * since its evidence is frozen for good rather than waiting for a reopening.
 */
export function evidenceEditState(assessment: AssessmentState, now: Date): EvidenceEditState {
  const window = claimWindow({
    periodStatus: assessment.period.status as PeriodStatus,
    assessmentStatus: assessment.status as AssessmentStatus,
    reopenedAt: assessment.reopenedAt,
    opensAt: assessment.period.selfAssessmentOpensAt,
    deadline: assessment.period.selfAssessmentDeadline,
    now,
  });
  return window === "open" || window === "published" ? window : "closed";
}

/**
 * Whether a file may be added to one leaf now. Besides the unit's own window (evidenceEditState),
 * an explanation (giải trình) often needs a document the council asked for: on a returned unit, a
 * leaf the council returned takes new files while the period still takes explanations. Nothing
 * is removed then (deleteEvidence keeps to evidenceEditState): the council judged those files.
 */
export function evidenceUploadState(assessment: AssessmentState, leafReviewState: string | null, now: Date): EvidenceEditState {
  const state = evidenceEditState(assessment, now);
  if (state !== "closed") return state;
  const answering =
    assessment.status === "returned" &&
    APPRAISAL_OPEN_PERIOD_STATES.includes(assessment.period.status as PeriodStatus) &&
    leafReviewState === "returned";
  return answering ? "open" : "closed";
}

/** Why an upload to this leaf is refused, or null when it may go ahead. */
export function evidenceUploadRefusal(
  assessment: AssessmentState,
  leaf: { code: string; reviewState: string | null },
  now: Date,
): EvidenceError | null {
  const state = evidenceUploadState(assessment, leaf.reviewState, now);
  if (state === "open") return null;
  if (state === "published") return evidenceErrors.published();
  if (assessment.status === "returned" && APPRAISAL_OPEN_PERIOD_STATES.includes(assessment.period.status as PeriodStatus)) {
    return new EvidenceError(
      "closed",
      `Bản tự đánh giá đang chờ giải trình: chỉ bổ sung được tài liệu kiểm chứng cho tiêu chí hội đồng trả lại, tiêu chí ${leaf.code} không thuộc số đó.`,
      `The self-assessment is awaiting explanations: evidence can only be added to items the council returned, and ${leaf.code} is not one of them.`,
    );
  }
  return evidenceErrors.closed();
}
