import type { AssessmentStatus, PeriodStatus } from "@/lib/review/assessment-workflow";
import type { Tx } from "./transaction";

/**
 * Locks the period FOR UPDATE before reading its state: a transition waits for every step that
 * holds the period FOR SHARE (a save, a decision, a reopen) and those wait for it, so none of
 * them acts on a state that is being left.
 */
export async function lockPeriod(tx: Tx, periodCode: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`select id from "Period" where code = ${periodCode} for update`;
  const id = locked[0]?.id;
  if (!id) return null;
  const period = await tx.period.findUniqueOrThrow({ where: { id }, select: { id: true, code: true, name: true, status: true } });
  return { ...period, status: period.status as PeriodStatus };
}

/** The period's units with their assessment state, in unit code order. */
export async function listAssessmentStates(tx: Tx, periodId: string): Promise<{ unitCode: string; unitName: string; status: AssessmentStatus }[]> {
  const rows = await tx.assessment.findMany({
    where: { periodId },
    select: { status: true, unit: { select: { code: true, name: true } } },
  });
  return rows
    .map((row) => ({ unitCode: row.unit.code, unitName: row.unit.name, status: row.status as AssessmentStatus }))
    .sort((a, b) => (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0));
}

export async function setPeriodStatus(tx: Tx, periodId: string, status: Exclude<PeriodStatus, "published">): Promise<void> {
  await tx.period.update({ where: { id: periodId }, data: { status } });
}

export async function periodCriteriaSetId(tx: Tx, periodId: string): Promise<string> {
  const period = await tx.period.findUniqueOrThrow({ where: { id: periodId }, select: { criteriaSetId: true } });
  return period.criteriaSetId;
}
