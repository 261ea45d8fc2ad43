import type { UserActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";
import { APPRAISAL_OPEN_PERIOD_STATES, assessmentStatusAfterDecision, type AssessmentStatus } from "@/lib/review/assessment-workflow";
import { acceptRemainingItemsInput, type AcceptRemainingItemsInput } from "@/lib/domain/appraisal-input";
import {
  assessmentNotFound,
  assessmentStatusLabel,
  invalidInput,
  periodPublished,
  periodStatusLabel,
  staleAssessment,
  WorkflowError,
} from "@/lib/domain/workflow-error";
import { acceptClaims, ASSESSMENT_VERSION_ACTIONS, isAnswered, lastChange, listLeavesWithScores, lockAssessment, updateAssessment } from "@/lib/data/appraisal";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";

export type AcceptRemainingItemsResult = { accepted: number; criterionCodes: string[]; assessmentStatus: AssessmentStatus; assessmentVersion: number };

/**
 * "Accept the rest unchanged": every item still waiting for a decision (pending, or explained)
 * that has a claim is accepted as claimed. Items without a claim (survey leaves) and items
 * awaiting an explanation are left alone. Refused when anything of the unit changed since the
 * council member's page was read, so nobody accepts an explanation they have not seen.
 */
export async function acceptRemainingItems(actor: UserActor, input: AcceptRemainingItemsInput): Promise<AcceptRemainingItemsResult> {
  const parsed = acceptRemainingItemsInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const command = parsed.data;
  assertCan(actor, "appraisal.review");

  return inTransaction(async (tx) => {
    const assessment = await lockAssessment(tx, { ...command, unitId: null });
    if (!assessment) throw assessmentNotFound();
    const { period } = assessment;
    if (period.status === "published") throw periodPublished();
    if (!APPRAISAL_OPEN_PERIOD_STATES.includes(period.status)) {
      const label = periodStatusLabel(period.status);
      throw new WorkflowError("wrong_state", `Không thể thẩm định: kỳ đánh giá ${label.vi}.`, `Cannot appraise: the period is ${label.en}.`);
    }
    const nextStatus = assessmentStatusAfterDecision(assessment.status, "accept");
    if (!nextStatus) {
      const label = assessmentStatusLabel(assessment.status);
      throw new WorkflowError("wrong_state", `Không thể thẩm định: bản đánh giá ${label.vi}.`, `Cannot appraise: the assessment is ${label.en}.`);
    }
    if (assessment.version !== command.expectedAssessmentVersion) {
      const change = await lastChange(tx, { periodId: period.id, unitId: assessment.unit.id, actions: ASSESSMENT_VERSION_ACTIONS });
      throw staleAssessment(assessment.unit.name, change?.name ?? null, change?.at ?? null);
    }

    const leaves = await listLeavesWithScores(tx, assessment.id, period.criteriaSetId);
    const remaining = leaves.filter(
      (leaf) => leaf.method === "appraisal" && leaf.score && (leaf.score.reviewState === "pending" || leaf.score.reviewState === "explained") && isAnswered(leaf.score),
    );
    if (remaining.length === 0) {
      return { accepted: 0, criterionCodes: [], assessmentStatus: assessment.status, assessmentVersion: assessment.version };
    }
    const written = await acceptClaims(tx, { rows: remaining.map((leaf) => leaf.score!), actorId: actor.userId });
    // Every writer of this unit's scores holds the assessment lock taken above.
    if (written.length !== remaining.length) throw new Error("Scores changed under the assessment lock");
    const assessmentVersion = await updateAssessment(tx, {
      id: assessment.id,
      version: assessment.version,
      data: nextStatus !== assessment.status ? { status: nextStatus } : {},
    });
    for (const leaf of remaining) {
      const score = leaf.score!;
      await writeAuditLog(tx, {
        actorId: actor.userId,
        action: "appraisal.accept",
        entityType: "CriterionScore",
        entityId: score.id,
        periodId: period.id,
        unitId: assessment.unit.id,
        before: { criterion: leaf.code, reviewState: score.reviewState, appraisedPoints: score.appraisedPoints, notApplicable: score.notApplicable, assessmentStatus: assessment.status },
        after: {
          criterion: leaf.code,
          reviewState: "accepted",
          appraisedPoints: score.selfNotApplicable ? null : score.selfPoints,
          notApplicable: score.selfNotApplicable,
          remaining: true,
          assessmentStatus: nextStatus,
        },
      });
    }
    return { accepted: remaining.length, criterionCodes: remaining.map((leaf) => leaf.code), assessmentStatus: nextStatus, assessmentVersion };
  });
}
