import { z } from "zod";
import { isUserActor, type Actor } from "@/lib/auth/actor";
import { can, unitScope } from "@/lib/review/permissions";
import { orderCriteriaTree, type SheetScore } from "@/lib/domain/self-assessment-xlsx-layout";
import { writeSelfAssessmentXlsx } from "@/lib/domain/self-assessment-xlsx-write";
import { SelfAssessmentXlsxError } from "@/lib/domain/self-assessment-xlsx-plan";
import { findSelfAssessmentForSheet } from "@/lib/data/self-assessment-xlsx";
import { recordDeniedUnitAccess } from "@/lib/data/access-denied-audit";

const exportInput = z.object({
  periodCode: z.string().trim().min(1).max(100),
  unitCode: z.string().trim().min(1).max(100),
});

/**
 * A unit's self-assessment as an .xlsx workbook to fill in offline (and upload with
 * importSelfAssessmentXlsx): the officer's own unit, or any unit for the council and home affairs.
 * The download name is selfAssessmentXlsxFileName(periodCode, unitCode).
 */
export async function exportSelfAssessmentXlsx(actor: Actor, input: { periodCode: string; unitCode: string }): Promise<Buffer> {
  const parsed = exportInput.safeParse(input);
  if (!parsed.success) throw new SelfAssessmentXlsxError("invalid", "Thiếu kỳ đánh giá hoặc đơn vị.", "The period or unit is missing.");
  const { periodCode, unitCode } = parsed.data;
  if (!can(actor, "assessment.read")) {
    throw new SelfAssessmentXlsxError("forbidden", "Tài khoản của bạn không được xem bản tự đánh giá.", "Your account may not read self-assessments.");
  }
  const found = await findSelfAssessmentForSheet({ periodCode, unitCode, scope: unitScope(actor) });
  if (!found) {
    if (isUserActor(actor)) await recordDeniedUnitAccess(actor, { periodCode, unitCode, action: "assessment.read" });
    throw new SelfAssessmentXlsxError("not_found", "Không tìm thấy bản tự đánh giá của đơn vị này trong kỳ.", "This unit has no self-assessment in this period.");
  }
  const scores = new Map<string, SheetScore>(found.scores.map((score) => [score.criterionCode, score]));
  return writeSelfAssessmentXlsx({
    period: { code: found.assessment.period.code, name: found.assessment.period.name },
    unit: { code: found.assessment.unit.code, name: found.assessment.unit.name },
    criteria: orderCriteriaTree(found.criteria),
    scores,
  });
}
