import type { UserActor } from "@/lib/auth/actor";
import { assertCan, unitScope } from "@/lib/review/permissions";
import { APPRAISAL_OPEN_PERIOD_STATES, itemTransition, OFFICER_TURN_STATES, type ReviewState } from "@/lib/review/assessment-workflow";
import { explainItemInput, type ExplainItemInput } from "@/lib/domain/self-assessment-workflow-input";
import { leafPoints } from "@/lib/domain/leaf-points";
import {
  assessmentNotFound,
  assessmentStatusLabel,
  invalidInput,
  periodPublished,
  requiredText,
  staleItem,
  WorkflowError,
} from "@/lib/domain/workflow-error";
import { addReviewComment, findLeaf, findScore, lockAssessment, updateAssessment, writeScore, type ScoreWrite } from "@/lib/data/appraisal";
import { auditingDeniedAccess } from "@/lib/data/access-denied-audit";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";

export type ExplainItemResult = { reviewState: ReviewState; itemVersion: number; assessmentVersion: number };

/**
 * The officer answers an item the council returned (giải trình): an explanation, and where it
 * helps a revised claim. The item goes back to the council; the unit resubmits once every
 * returned item is explained.
 */
export async function explainItem(actor: UserActor, input: ExplainItemInput): Promise<ExplainItemResult> {
  const parsed = explainItemInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const command = parsed.data;
  assertCan(actor, "self_assessment.explain");

  return auditingDeniedAccess(actor, { ...command, action: "self_assessment.explain" }, () =>
    inTransaction(async (tx) => {
      const assessment = await lockAssessment(tx, { ...command, unitId: unitScope(actor)?.unitId ?? null });
      if (!assessment) throw assessmentNotFound();
      const { period } = assessment;
      if (period.status === "published") throw periodPublished();
      if (!APPRAISAL_OPEN_PERIOD_STATES.includes(period.status)) {
        throw new WorkflowError("closed", "Kỳ đánh giá không còn nhận giải trình.", "The period no longer takes explanations.");
      }
      // A returned unit, or one home affairs reopened while an item was still returned.
      if (!OFFICER_TURN_STATES.includes(assessment.status)) {
        const label = assessmentStatusLabel(assessment.status);
        throw new WorkflowError("wrong_state", `Không thể giải trình: bản đánh giá ${label.vi}.`, `Cannot explain: the assessment is ${label.en}.`);
      }
      const leaf = await findLeaf(tx, period.criteriaSetId, command.criterionCode);
      if (!leaf) {
        throw new WorkflowError("unknown_criterion", `Không có tiêu chí thành phần "${command.criterionCode}".`, `No leaf criterion "${command.criterionCode}".`);
      }
      const score = await findScore(tx, assessment.id, leaf.id);
      const next = itemTransition(score?.reviewState ?? "pending", "explain");
      if (!score || !next) {
        throw new WorkflowError(
          "wrong_state",
          `Tiêu chí ${leaf.code} không ở trạng thái chờ giải trình.`,
          `Criterion ${leaf.code} is not awaiting an explanation.`,
        );
      }
      if (score.version !== command.expectedVersion) throw staleItem(leaf.code, score.updatedByName, score.updatedAt);

      const data: ScoreWrite = { reviewState: next };
      if (command.notApplicable === true) {
        if (!command.notApplicableReason) throw requiredText("reason_required", leaf.code);
        Object.assign(data, { selfPoints: null, selfNotApplicable: true, selfNotApplicableReason: command.notApplicableReason });
      } else if (command.points != null && command.points !== "") {
        if (leaf.method === "survey") {
          throw new WorkflowError("survey_scored", `Tiêu chí ${leaf.code} được chấm bằng điều tra xã hội học.`, `Criterion ${leaf.code} is scored by survey.`);
        }
        Object.assign(data, { selfPoints: leafPoints(command.points, leaf), selfNotApplicable: false, selfNotApplicableReason: null });
      }
      const written = await writeScore(tx, { assessmentId: assessment.id, criterionId: leaf.id, existing: score, data, actorId: actor.userId });
      if (!written) throw staleItem(leaf.code, null, null);
      await addReviewComment(tx, { criterionScoreId: written.id, authorId: actor.userId, kind: "explanation", body: command.explanation });
      const assessmentVersion = await updateAssessment(tx, { id: assessment.id, version: assessment.version, data: {} });
      await writeAuditLog(tx, {
        actorId: actor.userId,
        action: "appraisal.explain",
        entityType: "CriterionScore",
        entityId: written.id,
        periodId: period.id,
        unitId: assessment.unit.id,
        before: { criterion: leaf.code, reviewState: score.reviewState, selfPoints: score.selfPoints, selfNotApplicable: score.selfNotApplicable },
        after: {
          criterion: leaf.code,
          reviewState: next,
          selfPoints: data.selfPoints !== undefined ? data.selfPoints : score.selfPoints,
          selfNotApplicable: data.selfNotApplicable ?? score.selfNotApplicable,
          explanation: command.explanation,
        },
      });
      return { reviewState: next, itemVersion: written.version, assessmentVersion };
    }),
  );
}
