import { currentClient, type Tx } from "./transaction";
import type { UnitScope } from "./evidence-files";

/**
 * A unit's self-assessment as the spreadsheet shows it: the period's criteria and the unit's
 * stored answers. The scope keeps an officer to their own unit (null: council and home affairs);
 * another unit's answers as if it did not exist.
 */
export async function findSelfAssessmentForSheet(args: { periodCode: string; unitCode: string; scope: UnitScope }, tx: Tx = currentClient()) {
  const assessment = await tx.assessment.findFirst({
    where: { period: { code: args.periodCode }, unit: { code: args.unitCode }, ...(args.scope ? { unitId: args.scope.unitId } : {}) },
    select: {
      id: true,
      status: true,
      reopenedAt: true,
      period: { select: { id: true, code: true, name: true, status: true, selfAssessmentOpensAt: true, selfAssessmentDeadline: true, criteriaSetId: true } },
      unit: { select: { id: true, code: true, name: true } },
    },
  });
  if (!assessment) return null;
  const criteria = await tx.criterion.findMany({
    where: { criteriaSetId: assessment.period.criteriaSetId },
    select: { id: true, parentId: true, code: true, name: true, maxPoints: true, method: true, order: true },
  });
  const scores = await tx.criterionScore.findMany({
    where: { assessmentId: assessment.id },
    select: { selfPoints: true, selfNotApplicable: true, selfNotApplicableReason: true, selfNote: true, version: true, criterion: { select: { code: true } } },
  });
  return {
    assessment,
    criteria: criteria.map((criterion) => ({ ...criterion, maxPoints: criterion.maxPoints.toString() })),
    scores: scores.map((score) => ({
      criterionCode: score.criterion.code,
      selfPoints: score.selfPoints?.toString() ?? null,
      selfNotApplicable: score.selfNotApplicable,
      selfNotApplicableReason: score.selfNotApplicableReason,
      selfNote: score.selfNote,
      version: score.version,
    })),
  };
}
