/**
 * Whether a unit's evidence may change now. The rule is the one saveSelfScores applies to points
 * (lib/services/save-self-scores.ts): the period is in self-assessment, the unit has not submitted,
 * it is past the opening and before the deadline, or home affairs reopened the unit. A published
 * period is told apart, since its evidence is frozen for good rather than waiting for a reopening.
 */
export type EvidenceEditState = "open" | "closed" | "published";

const EDITABLE_ASSESSMENT_STATES: ReadonlySet<string> = new Set(["not_started", "in_progress", "returned"]);

export function evidenceEditState(
  assessment: {
    status: string;
    reopenedAt: Date | null;
    period: { status: string; selfAssessmentOpensAt: Date | null; selfAssessmentDeadline: Date | null };
  },
  now: Date,
): EvidenceEditState {
  const { period } = assessment;
  if (period.status === "published") return "published";
  const open =
    period.status === "self_assessment" &&
    EDITABLE_ASSESSMENT_STATES.has(assessment.status) &&
    (!period.selfAssessmentOpensAt || now >= period.selfAssessmentOpensAt) &&
    (!period.selfAssessmentDeadline || now <= period.selfAssessmentDeadline || Boolean(assessment.reopenedAt));
  return open ? "open" : "closed";
}
