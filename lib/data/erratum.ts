import type { Tx } from "./transaction";

/**
 * Locks the assessments of the given units of a period FOR UPDATE, in id order, before the
 * caller locks the period: the same order as every other writer of scores (assessment, then
 * period), so a correction and a late edit attempt queue instead of deadlocking.
 */
export async function lockAssessmentsOfUnits(tx: Tx, periodCode: string, unitCodes: string[]) {
  const rows = await tx.assessment.findMany({
    where: { period: { code: periodCode }, unit: { code: { in: unitCodes } } },
    select: { id: true, unit: { select: { id: true, code: true } } },
    orderBy: { id: "asc" },
  });
  if (rows.length) await tx.$queryRaw`select id from "Assessment" where id = any(${rows.map((row) => row.id)}::text[]) order by id for update`;
  return new Map(rows.map((row) => [row.unit.code, { assessmentId: row.id, unitId: row.unit.id }]));
}

export async function findPeriodCriteriaSet(tx: Tx, periodCode: string): Promise<string | null> {
  const period = await tx.period.findUnique({ where: { code: periodCode }, select: { criteriaSetId: true } });
  return period?.criteriaSetId ?? null;
}
