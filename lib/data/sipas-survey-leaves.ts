import type { Tx } from "./transaction";

/** A leaf whose points follow from the approved SIPAS figures. */
export type SipasTiedLeaf = {
  id: string;
  code: string;
  maxPoints: string;
  method: "appraisal" | "survey";
  scoringRule: unknown;
  /** "index" for the overall index, otherwise a SIPAS element's code. */
  sipasInput: string;
};

/** The codes lockAssessment takes, from the ids the SIPAS approval holds (null when either is unknown). */
export async function findPeriodAndUnitCodes(tx: Tx, args: { periodId: string; unitId: string }): Promise<{ periodCode: string; unitCode: string } | null> {
  const [period, unit] = await Promise.all([
    tx.period.findUnique({ where: { id: args.periodId }, select: { code: true } }),
    tx.unit.findUnique({ where: { id: args.unitId }, select: { code: true } }),
  ]);
  return period && unit ? { periodCode: period.code, unitCode: unit.code } : null;
}

/** Leaves of the set tied to SIPAS, in code order (so audit rows and results list them stably). */
export async function listSipasTiedLeaves(tx: Tx, criteriaSetId: string): Promise<SipasTiedLeaf[]> {
  const rows = await tx.criterion.findMany({
    where: { criteriaSetId, sipasInput: { not: null }, children: { none: {} } },
    select: { id: true, code: true, maxPoints: true, method: true, scoringRule: true, sipasInput: true },
    orderBy: { code: "asc" },
  });
  return rows.map((row) => ({ ...row, maxPoints: row.maxPoints.toFixed(), scoringRule: row.scoringRule ?? null, sipasInput: row.sipasInput! }));
}

/** What SIPAS figure feeds a leaf (null when it is not tied). */
export async function leafSipasInput(tx: Tx, criterionId: string): Promise<string | null> {
  const row = await tx.criterion.findUnique({ where: { id: criterionId }, select: { sipasInput: true } });
  return row?.sipasInput ?? null;
}
