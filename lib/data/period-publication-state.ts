import type { Tx } from "./transaction";

/**
 * Locks the period row (so two publications of one period cannot interleave) before anything
 * is read for it, and returns its state as of the lock.
 */
export async function lockPeriodForPublication(tx: Tx, periodCode: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`select id from "Period" where code = ${periodCode} for update`;
  const id = locked[0]?.id;
  if (!id) return null;
  return tx.period.findUniqueOrThrow({ where: { id }, select: { id: true, status: true, decisionNumber: true, decisionDate: true } });
}

export async function loadApprovedSipas(tx: Tx, periodId: string): Promise<Map<string, { index: string; responses: number }>> {
  const rows = await tx.sipasResult.findMany({
    where: { periodId, state: "approved" },
    select: { index: true, responses: true, unit: { select: { code: true } } },
  });
  return new Map(rows.map((row) => [row.unit.code, { index: row.index.toFixed(4), responses: row.responses }]));
}

/**
 * Names of the period's units whose SIPAS figures are computed but not approved (never approved,
 * or their approval revoked or dropped by a recompute): publishing would leave their figures out
 * and keep SIPAS-tied leaf points from figures no longer approved.
 */
export async function listUnitsAwaitingSipasApproval(tx: Tx, periodId: string): Promise<string[]> {
  const rows = await tx.sipasResult.findMany({
    where: { periodId, state: "computed" },
    select: { unit: { select: { name: true, code: true } } },
    orderBy: { unit: { code: "asc" } },
  });
  return rows.map((row) => row.unit.name);
}

export async function markPeriodPublished(
  tx: Tx,
  args: { periodId: string; publicationId: string; decisionNumber: string | null; decisionDate: Date | null },
): Promise<void> {
  const period = await tx.period.update({
    where: { id: args.periodId },
    data: {
      status: "published",
      publishedAt: new Date(),
      currentPublicationId: args.publicationId,
      decisionNumber: args.decisionNumber,
      decisionDate: args.decisionDate,
    },
    select: { criteriaSetId: true },
  });
  // A set used by a published period is never edited again: a new version is made instead.
  await tx.criteriaSet.updateMany({ where: { id: period.criteriaSetId, lockedAt: null }, data: { lockedAt: new Date() } });
}
