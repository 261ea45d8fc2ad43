import { claimWindow, type AssessmentStatus, type PeriodStatus } from "@/lib/review/assessment-workflow";

export type EvidenceEditState = "open" | "closed" | "published";

/**
 * Whether a unit's evidence may change now: exactly when its claims may (claimWindow, the rule
 * saveSelfScores applies), the evidence being part of the claim. A published period is told apart,
 * since its evidence is frozen for good rather than waiting for a reopening.
 */
export function evidenceEditState(
  assessment: {
    status: string;
    reopenedAt: Date | null;
    period: { status: string; selfAssessmentOpensAt: Date | null; selfAssessmentDeadline: Date | null };
  },
  now: Date,
): EvidenceEditState {
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
