import { auditActorId, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";
import { publishErratumInput, type PublishErratumInput } from "@/lib/domain/period-workflow-input";
import { leafPoints } from "@/lib/domain/leaf-points";
import { invalidInput, periodStatusLabel, shortList, WorkflowError, type WorkflowProblem } from "@/lib/domain/workflow-error";
import { addReviewComment, findLeaf, findScore, writeScore } from "@/lib/data/appraisal";
import { findPeriodCriteriaSet, lockAssessmentsOfUnits } from "@/lib/data/erratum";
import { lockPeriodForPublication } from "@/lib/data/period-publication-state";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";
import { publishPeriodInTransaction } from "@/lib/services/publish-period";

export type PublishErratumResult = { publicationId: string; version: number; corrections: number };

/**
 * A correction after publication (đính chính): the corrected appraised points and a new
 * publication version computed from them, in one transaction. Earlier versions are kept and
 * stay public as history; each corrected leaf is audited with its value before and after.
 */
export async function publishErratum(actor: Actor, input: PublishErratumInput): Promise<PublishErratumResult> {
  const parsed = publishErratumInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const command = parsed.data;
  assertCan(actor, "period.publish");

  return inTransaction(async (tx) => {
    const assessments = await lockAssessmentsOfUnits(tx, command.periodCode, [...new Set(command.corrections.map((item) => item.unitCode))]);
    const period = await lockPeriodForPublication(tx, command.periodCode);
    const criteriaSetId = await findPeriodCriteriaSet(tx, command.periodCode);
    if (!period || !criteriaSetId) {
      throw new WorkflowError("not_found", `Không có kỳ đánh giá "${command.periodCode}".`, `No period "${command.periodCode}".`);
    }
    if (period.status !== "published") {
      const label = periodStatusLabel(period.status);
      throw new WorkflowError(
        "wrong_state",
        `Chỉ đính chính được kỳ đã công bố (kỳ này ${label.vi}); trước khi công bố, hội đồng điều chỉnh trực tiếp.`,
        `Only a published period can be corrected (this one is ${label.en}); before publication the council adjusts the item.`,
      );
    }

    const problems: WorkflowProblem[] = [];
    for (const correction of command.corrections) {
      const target = assessments.get(correction.unitCode);
      const leaf = await findLeaf(tx, criteriaSetId, correction.criterionCode);
      if (!target || !leaf) {
        problems.push({
          criterionCode: correction.criterionCode,
          code: "not_found",
          vi: `Không có tiêu chí thành phần ${correction.criterionCode} của đơn vị ${correction.unitCode} trong kỳ này.`,
          en: `No leaf ${correction.criterionCode} of unit ${correction.unitCode} in this period.`,
        });
        continue;
      }
      let points: string | null = null;
      if (!correction.notApplicable) {
        try {
          points = leafPoints(correction.points!, leaf);
        } catch (error) {
          if (!(error instanceof WorkflowError)) throw error;
          problems.push({ criterionCode: leaf.code, code: error.code, vi: `${correction.unitCode}: ${error.vi}`, en: `${correction.unitCode}: ${error.en}` });
          continue;
        }
      }
      const before = await findScore(tx, target.assessmentId, leaf.id);
      const written = await writeScore(tx, {
        assessmentId: target.assessmentId,
        criterionId: leaf.id,
        existing: before,
        data: {
          appraisedPoints: points,
          notApplicable: correction.notApplicable,
          notApplicableReason: correction.notApplicable ? correction.reason : null,
          appraisalReason: correction.reason,
          reviewState: "adjusted",
        },
        actorId: auditActorId(actor),
      });
      // The assessment is locked by this transaction: nobody else can have written the row.
      if (!written) throw new Error(`Score of ${correction.unitCode}/${leaf.code} changed under its lock`);
      await addReviewComment(tx, { criterionScoreId: written.id, authorId: auditActorId(actor), kind: "adjustment", body: correction.reason });
      await writeAuditLog(tx, {
        actorId: auditActorId(actor),
        action: "score.erratum",
        entityType: "CriterionScore",
        entityId: written.id,
        periodId: period.id,
        unitId: target.unitId,
        before: { criterion: leaf.code, appraisedPoints: before?.appraisedPoints ?? null, notApplicable: before?.notApplicable ?? false },
        after: { criterion: leaf.code, appraisedPoints: points, notApplicable: correction.notApplicable, reason: correction.reason, erratumReason: command.reason },
      });
    }
    if (problems.length) {
      const codes = shortList(problems.map((problem) => problem.criterionCode ?? "?"));
      throw new WorkflowError("invalid", `Đính chính không hợp lệ ở: ${codes}. Chưa có gì thay đổi.`, `Invalid corrections at: ${codes}. Nothing was changed.`, problems);
    }
    const publication = await publishPeriodInTransaction(tx, { periodCode: command.periodCode, actor, reason: command.reason });
    return { publicationId: publication.publicationId, version: publication.version, corrections: command.corrections.length };
  });
}
