import type { UserActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";
import { APPRAISAL_OPEN_PERIOD_STATES, assessmentTransition, isItemDecided, type AssessmentStatus } from "@/lib/review/assessment-workflow";
import { approveAssessmentInput, type ApproveAssessmentInput } from "@/lib/domain/appraisal-input";
import {
  assessmentNotFound,
  assessmentStatusLabel,
  invalidInput,
  periodPublished,
  periodStatusLabel,
  shortList,
  staleAssessment,
  WorkflowError,
} from "@/lib/domain/workflow-error";
import { ASSESSMENT_VERSION_ACTIONS, lastChange, listLeavesWithScores, lockAssessment, updateAssessment } from "@/lib/data/appraisal";
import { writeAuditLog } from "@/lib/data/audit-log";
import { listSipasTiedLeaves } from "@/lib/data/sipas-survey-leaves";
import { inTransaction } from "@/lib/data/transaction";

export type ApproveAssessmentResult = { status: AssessmentStatus; version: number; approvedAt: Date };

/**
 * The council approves a unit once it has decided every leaf (survey leaves included): each one
 * accepted or adjusted, with appraised points or not applicable. Nothing may be waiting for an
 * explanation or for a decision on one.
 */
export async function approveAssessment(actor: UserActor, input: ApproveAssessmentInput, now = new Date()): Promise<ApproveAssessmentResult> {
  const parsed = approveAssessmentInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const command = parsed.data;
  assertCan(actor, "appraisal.approve");

  return inTransaction(async (tx) => {
    const assessment = await lockAssessment(tx, { ...command, unitId: null });
    if (!assessment) throw assessmentNotFound();
    const { period } = assessment;
    if (period.status === "published") throw periodPublished();
    if (!APPRAISAL_OPEN_PERIOD_STATES.includes(period.status)) {
      const label = periodStatusLabel(period.status);
      throw new WorkflowError("wrong_state", `Không thể phê duyệt: kỳ đánh giá ${label.vi}.`, `Cannot approve: the period is ${label.en}.`);
    }
    const next = assessmentTransition(assessment.status, "approve");
    if (!next) {
      const label = assessmentStatusLabel(assessment.status);
      throw new WorkflowError("wrong_state", `Không thể phê duyệt: bản đánh giá ${label.vi}.`, `Cannot approve: the assessment is ${label.en}.`);
    }
    if (assessment.version !== command.expectedVersion) {
      const change = await lastChange(tx, { periodId: period.id, unitId: assessment.unit.id, actions: ASSESSMENT_VERSION_ACTIONS });
      throw staleAssessment(assessment.unit.name, change?.name ?? null, change?.at ?? null);
    }
    const leaves = await listLeavesWithScores(tx, assessment.id, period.criteriaSetId);
    // Survey leaves tied to SIPAS get their points when SIPAS is approved, which may come after the unit.
    const fromSipas = new Set((await listSipasTiedLeaves(tx, period.criteriaSetId)).filter((leaf) => leaf.method === "survey").map((leaf) => leaf.id));
    const undecided = leaves.filter(
      (leaf) => !fromSipas.has(leaf.id) && (!leaf.score || !isItemDecided(leaf.score.reviewState) || (!leaf.score.notApplicable && leaf.score.appraisedPoints === null)),
    );
    if (undecided.length) {
      const codes = undecided.map((leaf) => leaf.code);
      throw new WorkflowError(
        "incomplete",
        `Còn ${codes.length} tiêu chí thành phần chưa có kết quả thẩm định: ${shortList(codes)}.`,
        `${codes.length} leaf criteria have no appraisal decision yet: ${shortList(codes)}.`,
        undecided.map((leaf) => ({
          criterionCode: leaf.code,
          code: leaf.score?.reviewState === "returned" ? "not_explained" : "undecided",
          vi: `Tiêu chí ${leaf.code} chưa được thẩm định xong.`,
          en: `Criterion ${leaf.code} is not decided yet.`,
        })),
      );
    }
    const version = await updateAssessment(tx, {
      id: assessment.id,
      version: assessment.version,
      data: { status: next, approvedAt: now, approvedById: actor.userId },
    });
    await writeAuditLog(tx, {
      actorId: actor.userId,
      action: "assessment.approve",
      entityType: "Assessment",
      entityId: assessment.id,
      periodId: period.id,
      unitId: assessment.unit.id,
      before: { status: assessment.status, version: assessment.version },
      after: { status: next, version, approvedAt: now.toISOString() },
    });
    return { status: next, version, approvedAt: now };
  });
}
