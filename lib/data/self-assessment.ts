import type { Tx } from "./transaction";

/**
 * The assessment an officer may edit, locked for the rest of the transaction: the unit is the
 * officer's own (checked in the where clause, never trusted from the form). The assessment row
 * is locked FOR UPDATE and the period FOR SHARE, so a submit, a return or a period closing
 * waits for this save instead of slipping in between the state check and the write.
 */
export async function findEditableAssessment(tx: Tx, args: { periodCode: string; unitCode: string; actorUnitId: string }) {
  const found = await tx.assessment.findFirst({
    where: {
      unitId: args.actorUnitId,
      unit: { code: args.unitCode },
      period: { code: args.periodCode },
    },
    select: { id: true, periodId: true },
  });
  if (!found) return null;
  await tx.$queryRaw`select id from "Assessment" where id = ${found.id} for update`;
  await tx.$queryRaw`select id from "Period" where id = ${found.periodId} for share`;
  // The criteria set too: its tree (a leaf's max, its method) cannot change under this write.
  await tx.$queryRaw`select cs.id from "CriteriaSet" cs join "Period" p on p."criteriaSetId" = cs.id where p.id = ${found.periodId} for share of cs`;
  return tx.assessment.findUniqueOrThrow({
    where: { id: found.id },
    select: {
      id: true,
      status: true,
      reopenedAt: true,
      period: { select: { id: true, status: true, selfAssessmentOpensAt: true, selfAssessmentDeadline: true, criteriaSetId: true } },
    },
  });
}

export async function findLeafCriteria(tx: Tx, criteriaSetId: string, codes: string[]) {
  return tx.criterion.findMany({
    where: { criteriaSetId, code: { in: codes }, children: { none: {} } },
    select: { id: true, code: true, maxPoints: true, method: true },
  });
}

export async function findScoresForUpdate(tx: Tx, assessmentId: string, criterionIds: string[]) {
  return tx.criterionScore.findMany({
    where: { assessmentId, criterionId: { in: criterionIds } },
    select: {
      id: true,
      criterionId: true,
      version: true,
      selfPoints: true,
      selfNotApplicable: true,
      selfNote: true,
      reviewState: true,
      // Who saved last, and when: a refused save tells the officer, instead of "someone".
      updatedAt: true,
      updatedBy: { select: { name: true } },
    },
  });
}

export async function writeSelfScore(
  tx: Tx,
  args: {
    assessmentId: string;
    criterionId: string;
    existing: { id: string; version: number } | null;
    selfPoints: string | null;
    selfNotApplicable: boolean;
    selfNotApplicableReason: string | null;
    /** undefined keeps the stored note. */
    selfNote: string | null | undefined;
    /** undefined keeps the stored review state. */
    reviewState?: "pending" | "accepted" | "adjusted" | "returned" | "explained";
    actorId: string;
  },
): Promise<string | null> {
  const data = {
    selfPoints: args.selfPoints,
    selfNotApplicable: args.selfNotApplicable,
    selfNotApplicableReason: args.selfNotApplicableReason,
    selfNote: args.selfNote,
    reviewState: args.reviewState,
    updatedById: args.actorId,
  };
  if (!args.existing) {
    const created = await tx.criterionScore.create({
      data: { assessmentId: args.assessmentId, criterionId: args.criterionId, ...data },
      select: { id: true },
    });
    return created.id;
  }
  // Optimistic lock: the update only lands if nobody saved since the version we read.
  const updated = await tx.criterionScore.updateMany({
    where: { id: args.existing.id, version: args.existing.version },
    data: { ...data, version: { increment: 1 } },
  });
  return updated.count === 1 ? args.existing.id : null;
}

export async function markAssessmentInProgress(tx: Tx, assessmentId: string): Promise<void> {
  await tx.assessment.updateMany({ where: { id: assessmentId, status: "not_started" }, data: { status: "in_progress" } });
}
