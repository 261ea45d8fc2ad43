import { randomUUID } from "node:crypto";
import { currentClient, type Tx } from "./transaction";

export type UnitKindName = "province" | "ministry" | "department" | "district" | "commune" | "other";

const unitSelect = {
  id: true,
  code: true,
  name: true,
  nameEn: true,
  kind: true,
  authorityId: true,
  parentUnitId: true,
  dissolvedOn: true,
  updatedAt: true,
} as const;

/** The units, locked FOR UPDATE in id order (two merges naming the same units never deadlock). */
export async function lockUnitsByCode(tx: Tx, codes: readonly string[]) {
  const found = await tx.unit.findMany({ where: { code: { in: [...codes] } }, select: { id: true } });
  const ids = found.map((unit) => unit.id).sort();
  if (ids.length) await tx.$queryRaw`select id from "Unit" where id = any(${ids}::text[]) order by id for update`;
  return tx.unit.findMany({ where: { id: { in: ids } }, select: unitSelect });
}

export async function findUnitByCode(tx: Tx, code: string) {
  return tx.unit.findUnique({ where: { code }, select: unitSelect });
}

export async function unitCodeTaken(tx: Tx, code: string): Promise<boolean> {
  return (await tx.unit.count({ where: { code } })) > 0;
}

/**
 * Whether the unit's code is on the public record: a published result names it, or it was
 * evaluated in a period that is published. Its public address and past tables use the code.
 */
export async function unitCodePublished(tx: Tx, unitId: string): Promise<boolean> {
  const results = await tx.publishedResult.count({ where: { unitId } });
  if (results > 0) return true;
  return (await tx.assessment.count({ where: { unitId, period: { status: "published" } } })) > 0;
}

export async function insertUnit(
  tx: Tx,
  data: { code: string; name: string; nameEn: string | null; kind: UnitKindName; authorityId: string | null; parentUnitId: string | null },
): Promise<{ id: string }> {
  return tx.unit.create({ data: { id: randomUUID(), ...data }, select: { id: true } });
}

export async function updateUnitRow(
  tx: Tx,
  id: string,
  data: Partial<{ code: string; name: string; nameEn: string | null; kind: UnitKindName; parentUnitId: string | null }>,
) {
  return tx.unit.update({ where: { id }, data, select: unitSelect });
}

export async function recordNameChange(tx: Tx, unitId: string, oldName: string, newName: string): Promise<void> {
  await tx.unitNameChange.create({ data: { unitId, oldName, newName } });
}

/** The group locked FOR UPDATE. */
export async function lockGroupByCode(tx: Tx, code: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`select id from "UnitGroup" where code = ${code} for update`;
  const id = rows[0]?.id;
  if (!id) return null;
  return tx.unitGroup.findUniqueOrThrow({ where: { id }, select: { id: true, code: true, name: true, nameEn: true, order: true } });
}

export async function groupCodeTaken(tx: Tx, code: string): Promise<boolean> {
  return (await tx.unitGroup.count({ where: { code } })) > 0;
}

export async function nextGroupOrder(tx: Tx): Promise<number> {
  const last = await tx.unitGroup.aggregate({ _max: { order: true } });
  return (last._max.order ?? -1) + 1;
}

export async function insertGroup(tx: Tx, data: { code: string; name: string; nameEn: string | null; order: number }) {
  return tx.unitGroup.create({ data, select: { id: true, code: true, name: true, nameEn: true, order: true } });
}

export async function updateGroupRow(tx: Tx, id: string, data: Partial<{ name: string; nameEn: string | null; order: number }>) {
  return tx.unitGroup.update({ where: { id }, data, select: { id: true, code: true, name: true, nameEn: true, order: true } });
}

/**
 * The units' assessments in periods not yet published, locked the way score saves lock them
 * (the assessment FOR UPDATE, then its period FOR SHARE): no save lands on them and no period
 * changes state until the merge or split commits.
 */
export async function lockUnpublishedAssessments(tx: Tx, unitIds: readonly string[]) {
  const found = await tx.assessment.findMany({
    where: { unitId: { in: [...unitIds] }, period: { status: { not: "published" } } },
    select: { id: true, periodId: true },
  });
  if (found.length === 0) return [];
  const ids = found.map((row) => row.id).sort();
  await tx.$queryRaw`select id from "Assessment" where id = any(${ids}::text[]) order by id for update`;
  const periodIds = [...new Set(found.map((row) => row.periodId))].sort();
  await tx.$queryRaw`select id from "Period" where id = any(${periodIds}::text[]) order by id for share`;
  const rows = await tx.assessment.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      unitId: true,
      groupId: true,
      group: { select: { code: true } },
      unit: { select: { code: true, name: true } },
      period: { select: { id: true, code: true, name: true, status: true } },
      _count: { select: { scores: true } },
    },
    orderBy: [{ period: { year: "asc" } }, { period: { code: "asc" } }],
  });
  return rows.map((row) => ({ ...row, scoreRows: row._count.scores }));
}

/** Units already evaluated in the given periods, by period. */
export async function unitsInPeriods(tx: Tx, periodIds: readonly string[], unitIds: readonly string[]) {
  return tx.assessment.findMany({
    where: { periodId: { in: [...periodIds] }, unitId: { in: [...unitIds] } },
    select: { periodId: true, unitId: true },
  });
}

export async function deleteAssessments(tx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length) await tx.assessment.deleteMany({ where: { id: { in: [...ids] } } });
}

export async function insertAssessments(tx: Tx, rows: readonly { periodId: string; unitId: string; groupId: string }[]): Promise<void> {
  if (rows.length) await tx.assessment.createMany({ data: [...rows] });
}

export async function insertLineage(
  tx: Tx,
  rows: readonly { predecessorId: string; successorId: string; kind: "merge" | "split"; effectiveOn: Date; note: string | null }[],
): Promise<void> {
  if (rows.length) await tx.unitLineage.createMany({ data: [...rows] });
}

export async function markDissolved(tx: Tx, unitIds: readonly string[], on: Date): Promise<void> {
  await tx.unit.updateMany({ where: { id: { in: [...unitIds] }, dissolvedOn: null }, data: { dissolvedOn: on } });
}

export async function existingLineage(tx: Tx, predecessorIds: readonly string[], successorIds: readonly string[]) {
  return tx.unitLineage.findMany({
    where: { predecessorId: { in: [...predecessorIds] }, successorId: { in: [...successorIds] } },
    select: { predecessorId: true, successorId: true },
  });
}

/** Every unit with its parent, lineage both ways, and its group in the latest period evaluating it. */
export async function listUnitRows(options: { includeDissolved: boolean }) {
  const client = currentClient();
  return client.unit.findMany({
    where: options.includeDissolved ? {} : { dissolvedOn: null },
    select: {
      ...unitSelect,
      parentUnit: { select: { code: true, name: true } },
      predecessorLinks: {
        select: { kind: true, effectiveOn: true, note: true, predecessor: { select: { code: true, name: true } } },
        orderBy: { predecessor: { code: "asc" } },
      },
      successorLinks: {
        select: { kind: true, effectiveOn: true, note: true, successor: { select: { code: true, name: true } } },
        orderBy: { successor: { code: "asc" } },
      },
      assessments: {
        select: { period: { select: { code: true, year: true, status: true } }, group: { select: { code: true, name: true } } },
        orderBy: [{ period: { year: "desc" } }, { period: { createdAt: "desc" } }],
        take: 1,
      },
      _count: { select: { publishedResults: true } },
    },
    orderBy: { code: "asc" },
  });
}

export async function listGroupRows() {
  return currentClient().unitGroup.findMany({
    select: { code: true, name: true, nameEn: true, order: true, _count: { select: { assessments: true, publishedResults: true } } },
    orderBy: [{ order: "asc" }, { code: "asc" }],
  });
}

export async function findUnitCodeById(tx: Tx, id: string): Promise<string | null> {
  return (await tx.unit.findUnique({ where: { id }, select: { code: true } }))?.code ?? null;
}
