import { auditActorId, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";
import { assessmentTransition, REOPEN_PERIOD_STATES, type AssessmentStatus } from "@/lib/review/assessment-workflow";
import { reopenAssessmentInput, type ReopenAssessmentInput } from "@/lib/domain/period-workflow-input";
import { assessmentNotFound, invalidInput, periodPublished, WorkflowError } from "@/lib/domain/workflow-error";
import { lockAssessment, updateAssessment } from "@/lib/data/appraisal";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";

export type ReopenAssessmentResult = { status: AssessmentStatus; version: number; reopenedAt: Date };

/**
 * Home affairs reopens one unit before publication, with a reason: it goes back to in_progress
 * (an approval is withdrawn) and its officer may save and submit past the deadline — also while
 * the period is already in appraisal, for that unit alone. Item decisions the council already
 * made are kept; a claim the officer then changes goes back to the council (see
 * reviewStateAfterClaimRevision). An approved period is first moved back to appraisal.
 */
export async function reopenAssessment(actor: Actor, input: ReopenAssessmentInput, now = new Date()): Promise<ReopenAssessmentResult> {
  const parsed = reopenAssessmentInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const command = parsed.data;
  assertCan(actor, "assessment.reopen");

  return inTransaction(async (tx) => {
    const assessment = await lockAssessment(tx, { ...command, unitId: null });
    if (!assessment) throw assessmentNotFound();
    const { period } = assessment;
    if (period.status === "published") throw periodPublished();
    if (!REOPEN_PERIOD_STATES.includes(period.status)) {
      throw period.status === "approved"
        ? new WorkflowError(
            "wrong_state",
            "Kết quả kỳ đánh giá đã được phê duyệt: hãy chuyển kỳ về trạng thái thẩm định trước khi mở lại một đơn vị.",
            "The period's results are approved: move the period back to appraisal before reopening a unit.",
          )
        : new WorkflowError("wrong_state", "Kỳ đánh giá chưa mở tự đánh giá.", "Self-assessment of this period has not opened yet.");
    }
    const next = assessmentTransition(assessment.status, "reopen")!;
    const version = await updateAssessment(tx, {
      id: assessment.id,
      version: assessment.version,
      data: { status: next, reopenedAt: now, reopenReason: command.reason, approvedAt: null, approvedById: null },
    });
    await writeAuditLog(tx, {
      actorId: auditActorId(actor),
      action: "assessment.reopen",
      entityType: "Assessment",
      entityId: assessment.id,
      periodId: period.id,
      unitId: assessment.unit.id,
      before: { status: assessment.status, version: assessment.version, approvedAt: assessment.approvedAt?.toISOString() ?? null },
      after: { status: next, version, reason: command.reason, reopenedAt: now.toISOString() },
    });
    return { status: next, version, reopenedAt: now };
  });
}
