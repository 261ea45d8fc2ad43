import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CriteriaSetRow } from "@/lib/domain/criteria-set-problems";
import { currentClient, type Tx } from "./transaction";

/** A criterion as the editor and its checks read it; decimals as strings. */
export type CriterionRecord = {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  nameEn: string | null;
  description: string | null;
  maxPoints: string;
  method: "appraisal" | "survey";
  depth: number;
  order: number;
  scoringRule: unknown;
  /** "index" or a SIPAS element's code when the leaf's points follow from SIPAS. */
  sipasInput: string | null;
};

const criterionSelect = {
  id: true,
  parentId: true,
  code: true,
  name: true,
  nameEn: true,
  description: true,
  maxPoints: true,
  method: true,
  depth: true,
  order: true,
  scoringRule: true,
  sipasInput: true,
} satisfies Prisma.CriterionSelect;

type CriterionRow = Prisma.CriterionGetPayload<{ select: typeof criterionSelect }>;

function toRecord(row: CriterionRow): CriterionRecord {
  return { ...row, maxPoints: row.maxPoints.toFixed(), scoringRule: row.scoringRule ?? null };
}

/** The rows as the pure checks take them: parents by code. */
export function toCheckRows(records: readonly CriterionRecord[]): CriteriaSetRow[] {
  const codeOf = new Map(records.map((record) => [record.id, record.code]));
  return records.map((record) => ({
    code: record.code,
    parentCode: record.parentId === null ? null : (codeOf.get(record.parentId) ?? null),
    name: record.name,
    maxPoints: record.maxPoints,
    method: record.method,
    order: record.order,
    scoringRule: record.scoringRule,
    sipasInput: record.sipasInput,
  }));
}

export type LockedCriteriaSet = {
  id: string;
  code: string;
  name: string;
  version: number;
  lockedAt: Date | null;
  previousVersionId: string | null;
  periods: { id: string; code: string; status: string }[];
};

/**
 * The set, locked for an edit of its tree. The periods using it are locked FOR SHARE first and
 * the set FOR UPDATE after, the order a publication takes them in (period, then the set's
 * lockedAt): a publication or a state change of such a period waits for the edit, and the edit
 * sees whether one of them is published. Score saves (which share the period) are not blocked.
 */
export async function lockCriteriaSetForEdit(tx: Tx, code: string): Promise<LockedCriteriaSet | null> {
  const found = await tx.criteriaSet.findUnique({ where: { code }, select: { id: true } });
  if (!found) return null;
  await tx.$queryRaw`select id from "Period" where "criteriaSetId" = ${found.id} order by id for share`;
  await tx.$queryRaw`select id from "CriteriaSet" where id = ${found.id} for update`;
  return tx.criteriaSet.findUniqueOrThrow({
    where: { id: found.id },
    select: {
      id: true,
      code: true,
      name: true,
      version: true,
      lockedAt: true,
      previousVersionId: true,
      periods: { select: { id: true, code: true, status: true }, orderBy: [{ year: "asc" }, { code: "asc" }] },
    },
  });
}

/** Shares the set's row, so its tree cannot change until the caller's transaction ends. */
export async function shareCriteriaSet(tx: Tx, criteriaSetId: string): Promise<{ code: string } | null> {
  const rows = await tx.$queryRaw<{ code: string }[]>`select code from "CriteriaSet" where id = ${criteriaSetId} for share`;
  return rows[0] ?? null;
}

export async function loadCriteria(tx: Tx, criteriaSetId: string): Promise<CriterionRecord[]> {
  const rows = await tx.criterion.findMany({ where: { criteriaSetId }, select: criterionSelect, orderBy: [{ depth: "asc" }, { order: "asc" }] });
  return rows.map(toRecord);
}

export async function criteriaSetCodeTaken(tx: Tx, code: string): Promise<boolean> {
  return (await tx.criteriaSet.count({ where: { code } })) > 0;
}

export async function insertCriterion(
  tx: Tx,
  data: Omit<CriterionRecord, "id" | "scoringRule" | "sipasInput"> & { criteriaSetId: string; scoringRule: unknown; sipasInput?: string | null },
): Promise<string> {
  const { scoringRule, ...rest } = data;
  const row = await tx.criterion.create({
    data: { ...rest, scoringRule: scoringRule === null || scoringRule === undefined ? undefined : (scoringRule as Prisma.InputJsonValue) },
    select: { id: true },
  });
  return row.id;
}

export async function updateCriterion(
  tx: Tx,
  id: string,
  data: Partial<Pick<CriterionRecord, "code" | "name" | "nameEn" | "description" | "maxPoints" | "method" | "sipasInput">> & {
    /** Checked against the rule schema by the caller; null removes the rule. */
    scoringRule?: unknown;
  },
): Promise<void> {
  const { scoringRule, ...rest } = data;
  await tx.criterion.update({
    where: { id },
    data: { ...rest, ...(scoringRule === undefined ? {} : { scoringRule: scoringRule === null ? DB_NULL : (scoringRule as Prisma.InputJsonValue) }) },
  });
}

// SQL NULL in a Json column (a plain null would be stored as the JSON value null).
const DB_NULL = Prisma.DbNull;

/** Numbers siblings 1, 2, … in the given order, writing only the rows whose place changed. */
export async function renumberSiblings(tx: Tx, siblings: readonly { id: string; order: number }[]): Promise<void> {
  for (const [position, sibling] of siblings.entries()) {
    if (sibling.order !== position + 1) await tx.criterion.update({ where: { id: sibling.id }, data: { order: position + 1 } });
  }
}

/** Score rows (of any unit, any period) on these criteria, and how many units they belong to. */
export async function countScores(tx: Tx, criterionIds: readonly string[]): Promise<{ rows: number; units: number }> {
  if (criterionIds.length === 0) return { rows: 0, units: 0 };
  const [counted] = await tx.$queryRaw<{ rows: bigint; units: bigint }[]>`
    select count(*) as rows, count(distinct "assessmentId") as units
      from "CriterionScore" where "criterionId" = any(${[...criterionIds]}::text[])`;
  return { rows: Number(counted?.rows ?? 0), units: Number(counted?.units ?? 0) };
}

/** The highest points anyone claimed or was given on the criterion, as a string; null without any. */
export async function highestScore(tx: Tx, criterionId: string): Promise<string | null> {
  const [row] = await tx.$queryRaw<{ highest: string | null }[]>`
    select greatest(max("selfPoints"), max("appraisedPoints"))::text as highest
      from "CriterionScore" where "criterionId" = ${criterionId}`;
  return row?.highest ?? null;
}

/** Deletes the node; its subtree and mappings go with it (cascading foreign keys). */
export async function deleteCriterion(tx: Tx, id: string): Promise<void> {
  await tx.criterion.delete({ where: { id } });
}

/**
 * A copy of the set under a new code as its next version, every node with a new id, and a
 * mapping from each copy to its origin so the two versions stay comparable field by field.
 */
export async function copyCriteriaSet(
  tx: Tx,
  from: { id: string; version: number },
  target: { code: string; name: string },
): Promise<{ id: string; nodes: number }> {
  const id = randomUUID();
  await tx.criteriaSet.create({ data: { id, code: target.code, name: target.name, version: from.version + 1, previousVersionId: from.id } });
  const origin = await tx.criterion.findMany({ where: { criteriaSetId: from.id }, select: { ...criterionSelect }, orderBy: [{ depth: "asc" }, { order: "asc" }] });
  const copies = new Map(origin.map((row) => [row.id, randomUUID()]));
  if (origin.length) {
    await tx.criterion.createMany({
      data: origin.map((row) => ({
        id: copies.get(row.id)!,
        criteriaSetId: id,
        parentId: row.parentId === null ? null : copies.get(row.parentId)!,
        code: row.code,
        name: row.name,
        nameEn: row.nameEn,
        description: row.description,
        maxPoints: row.maxPoints,
        method: row.method,
        depth: row.depth,
        order: row.order,
        scoringRule: row.scoringRule ?? undefined,
        sipasInput: row.sipasInput,
      })),
    });
    await tx.criterionMapping.createMany({
      data: origin.map((row) => ({ fromCriterionId: copies.get(row.id)!, toCriterionId: row.id })),
    });
  }
  return { id, nodes: origin.length };
}

export async function findCriteriaSet(tx: Tx, code: string) {
  return tx.criteriaSet.findUnique({ where: { code }, select: { id: true, code: true, name: true, version: true } });
}

export async function findCriteriaByCode(tx: Tx, criteriaSetId: string, codes: readonly string[]) {
  return tx.criterion.findMany({ where: { criteriaSetId, code: { in: [...codes] } }, select: { id: true, code: true, depth: true } });
}

/** Whether the two nodes are mapped, in either direction (a mapping says they correspond). */
export async function mappingExists(tx: Tx, a: string, b: string): Promise<boolean> {
  const count = await tx.criterionMapping.count({
    where: { OR: [{ fromCriterionId: a, toCriterionId: b }, { fromCriterionId: b, toCriterionId: a }] },
  });
  return count > 0;
}

export async function insertMapping(tx: Tx, fromCriterionId: string, toCriterionId: string): Promise<void> {
  await tx.criterionMapping.create({ data: { fromCriterionId, toCriterionId } });
}

/** Removes the mapping in both directions; the number of rows removed. */
export async function removeMapping(tx: Tx, a: string, b: string): Promise<number> {
  const removed = await tx.criterionMapping.deleteMany({
    where: { OR: [{ fromCriterionId: a, toCriterionId: b }, { fromCriterionId: b, toCriterionId: a }] },
  });
  return removed.count;
}

/** Everything the editor page shows of one set, read outside any write. */
export async function loadCriteriaSetEditorData(code: string) {
  const client = currentClient();
  const set = await client.criteriaSet.findUnique({
    where: { code },
    select: {
      id: true,
      code: true,
      name: true,
      version: true,
      lockedAt: true,
      createdAt: true,
      previousVersion: { select: { id: true, code: true, name: true, version: true } },
      nextVersions: { select: { code: true, name: true, version: true }, orderBy: { code: "asc" } },
      periods: { select: { code: true, name: true, year: true, status: true }, orderBy: [{ year: "asc" }, { code: "asc" }] },
    },
  });
  if (!set) return null;
  const criteria = await loadCriteria(client, set.id);
  const previousCriteria = set.previousVersion ? await loadCriteria(client, set.previousVersion.id) : [];
  const ids = criteria.map((criterion) => criterion.id);
  const previousIds = previousCriteria.map((criterion) => criterion.id);
  const mappings = previousIds.length
    ? await client.criterionMapping.findMany({
        where: {
          OR: [
            { fromCriterionId: { in: ids }, toCriterionId: { in: previousIds } },
            { fromCriterionId: { in: previousIds }, toCriterionId: { in: ids } },
          ],
        },
        select: { fromCriterionId: true, toCriterionId: true },
      })
    : [];
  const scored = await client.criterionScore.groupBy({ by: ["criterionId"], where: { criterionId: { in: ids } }, _count: { _all: true } });
  return {
    set,
    criteria,
    previousCriteria,
    mappings,
    scoredRows: new Map(scored.map((row) => [row.criterionId, row._count._all])),
  };
}

/** Every set with what a list of sets shows. */
export async function listCriteriaSetRows() {
  return currentClient().criteriaSet.findMany({
    select: {
      id: true,
      code: true,
      name: true,
      version: true,
      lockedAt: true,
      createdAt: true,
      previousVersion: { select: { code: true } },
      periods: { select: { code: true, status: true, year: true }, orderBy: [{ year: "asc" }, { code: "asc" }] },
      _count: { select: { criteria: true } },
    },
    orderBy: [{ createdAt: "desc" }, { code: "asc" }],
  });
}
