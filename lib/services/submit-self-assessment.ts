import type { UserActor } from "@/lib/auth/actor";
import { assertCan, unitScope } from "@/lib/review/permissions";
import { APPRAISAL_OPEN_PERIOD_STATES, assessmentTransition, claimWindow, type AssessmentStatus } from "@/lib/review/assessment-workflow";
import { submitSelfAssessmentInput, type SubmitSelfAssessmentInput } from "@/lib/domain/self-assessment-workflow-input";
import {
  assessmentNotFound,
  assessmentStatusLabel,
  invalidInput,
  periodPublished,
  shortList,
  staleAssessment,
  WorkflowError,
} from "@/lib/domain/workflow-error";
import { ASSESSMENT_VERSION_ACTIONS, isAnswered, lastChange, listLeavesWithScores, lockAssessment, updateAssessment } from "@/lib/data/appraisal";
import { auditingDeniedAccess } from "@/lib/data/access-denied-audit";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";

export type SubmitSelfAssessmentResult = { status: AssessmentStatus; version: number; submittedAt: Date; resubmitted: boolean };

/**
 * The officer hands the unit's self-assessment to the council: every leaf the unit scores
 * answered, before the deadline (unless home affairs reopened the unit). The same step
 * resubmits a returned unit once every returned item is explained; that one is not bound to
 * the self-assessment deadline, since returns happen during appraisal.
 */
export async function submitSelfAssessment(actor: UserActor, input: SubmitSelfAssessmentInput, now = new Date()): Promise<SubmitSelfAssessmentResult> {
  const parsed = submitSelfAssessmentInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const command = parsed.data;
  assertCan(actor, "self_assessment.submit");

  return auditingDeniedAccess(actor, { ...command, action: "self_assessment.submit" }, () =>
    inTransaction(async (tx) => {
      const assessment = await lockAssessment(tx, { ...command, unitId: unitScope(actor)?.unitId ?? null });
      if (!assessment) throw assessmentNotFound();
      const { period } = assessment;
      if (period.status === "published") throw periodPublished();
      if (assessment.version !== command.expectedVersion) {
        const change = await lastChange(tx, { periodId: period.id, unitId: assessment.unit.id, actions: ASSESSMENT_VERSION_ACTIONS });
        throw staleAssessment(assessment.unit.name, change?.name ?? null, change?.at ?? null);
      }
      const resubmit = assessment.status === "returned";
      const next = assessmentTransition(assessment.status, resubmit ? "resubmit" : "submit");
      if (!next) {
        const label = assessmentStatusLabel(assessment.status);
        throw new WorkflowError("wrong_state", `Không thể nộp: bản đánh giá ${label.vi}.`, `Cannot submit: the assessment is ${label.en}.`);
      }
      const open = resubmit
        ? APPRAISAL_OPEN_PERIOD_STATES.includes(period.status)
        : claimWindow({
            periodStatus: period.status,
            assessmentStatus: assessment.status,
            reopenedAt: assessment.reopenedAt,
            opensAt: period.selfAssessmentOpensAt,
            deadline: period.selfAssessmentDeadline,
            now,
          }) === "open";
      if (!open) {
        throw new WorkflowError(
          "closed",
          "Đã hết hạn nộp bản tự đánh giá (hoặc kỳ tự đánh giá chưa mở). Liên hệ Sở Nội vụ nếu cần mở lại.",
          "The self-assessment deadline has passed (or self-assessment has not opened). Ask home affairs to reopen the unit if needed.",
        );
      }

      const leaves = await listLeavesWithScores(tx, assessment.id, period.criteriaSetId);
      // Survey leaves are scored from the survey, never by the unit.
      const missing = leaves.filter(
        (leaf) => leaf.method === "appraisal" && (!isAnswered(leaf.score) || (leaf.score!.selfNotApplicable && !leaf.score!.selfNotApplicableReason?.trim())),
      );
      if (missing.length) {
        const codes = missing.map((leaf) => leaf.code);
        throw new WorkflowError(
          "incomplete",
          `Còn ${codes.length} tiêu chí thành phần chưa chấm điểm (hoặc chưa nêu lý do không đánh giá): ${shortList(codes)}.`,
          `${codes.length} leaf criteria are not answered yet (points, or not applicable with a reason): ${shortList(codes)}.`,
          missing.map((leaf) => ({
            criterionCode: leaf.code,
            code: "not_answered",
            vi: `Tiêu chí ${leaf.code} chưa được chấm điểm.`,
            en: `Criterion ${leaf.code} is not answered.`,
          })),
        );
      }
      const unexplained = leaves.filter((leaf) => leaf.score?.reviewState === "returned");
      if (unexplained.length) {
        const codes = unexplained.map((leaf) => leaf.code);
        throw new WorkflowError(
          "not_explained",
          `Còn ${codes.length} tiêu chí hội đồng yêu cầu giải trình chưa được giải trình: ${shortList(codes)}.`,
          `${codes.length} returned items are not explained yet: ${shortList(codes)}.`,
          unexplained.map((leaf) => ({
            criterionCode: leaf.code,
            code: "not_explained",
            vi: `Tiêu chí ${leaf.code} chưa được giải trình.`,
            en: `Criterion ${leaf.code} is not explained yet.`,
          })),
        );
      }

      const version = await updateAssessment(tx, { id: assessment.id, version: assessment.version, data: { status: next, submittedAt: now } });
      await writeAuditLog(tx, {
        actorId: actor.userId,
        action: resubmit ? "assessment.resubmit" : "assessment.submit",
        entityType: "Assessment",
        entityId: assessment.id,
        periodId: period.id,
        unitId: assessment.unit.id,
        before: { status: assessment.status, version: assessment.version },
        after: { status: next, version, submittedAt: now.toISOString() },
      });
      return { status: next, version, submittedAt: now, resubmitted: resubmit };
    }),
  );
}
