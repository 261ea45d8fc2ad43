import { randomUUID } from "node:crypto";
import { currentClient, type Tx } from "./transaction";

export type TieBreakerName = "appraisalPoints" | "surveyPoints";

export type BandRow = { label: string; labelEn: string | null; minIndex: string; color: string | null; headAssessment: string | null };

const bandSelect = { label: true, labelEn: true, minIndex: true, color: true, headAssessment: true } as const;

function toBandRow(band: { label: string; labelEn: string | null; minIndex: { toFixed(): string }; color: string | null; headAssessment: string | null }): BandRow {
  return { ...band, minIndex: band.minIndex.toFixed() };
}

/**
 * Last year's period as a clone copies it, shared for the transaction so its units, bands and
 * settings cannot change half-way through the copy.
 */
export async function findCloneSource(tx: Tx, code: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`select id from "Period" where code = ${code} for share`;
  const id = rows[0]?.id;
  if (!id) return null;
  const period = await tx.period.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      code: true,
      year: true,
      authorityId: true,
      criteriaSetId: true,
      criteriaSet: { select: { code: true } },
      tieBreakers: true,
      publishSelfPoints: true,
      illustrative: true,
      selfAssessmentOpensAt: true,
      selfAssessmentDeadline: true,
      appraisalDeadline: true,
      bands: { select: bandSelect, orderBy: [{ minIndex: "desc" }, { label: "asc" }] },
      assessments: { select: { unitId: true, groupId: true, unit: { select: { code: true } } }, orderBy: [{ group: { order: "asc" } }, { unit: { code: "asc" } }] },
    },
  });
  return { ...period, bands: period.bands.map(toBandRow) };
}

/** Every unit's state and every lineage link, for following merges and splits from last year's units. */
export async function loadLineageGraph(tx: Tx) {
  const links = await tx.unitLineage.findMany({ select: { predecessorId: true, successorId: true } });
  const units = await tx.unit.findMany({
    where: { OR: [{ dissolvedOn: { not: null } }, { id: { in: links.flatMap((link) => [link.predecessorId, link.successorId]) } }] },
    select: { id: true, code: true, dissolvedOn: true },
  });
  const successorsOf = new Map<string, string[]>();
  for (const link of links) successorsOf.set(link.predecessorId, [...(successorsOf.get(link.predecessorId) ?? []), link.successorId]);
  return { units: new Map(units.map((unit) => [unit.id, { code: unit.code, dissolved: unit.dissolvedOn !== null }])), successorsOf };
}

export async function periodCodeTaken(tx: Tx, code: string): Promise<boolean> {
  return (await tx.period.count({ where: { code } })) > 0;
}

export async function findCriteriaSetId(tx: Tx, code: string): Promise<{ id: string; code: string } | null> {
  return tx.criteriaSet.findUnique({ where: { code }, select: { id: true, code: true } });
}

export async function insertDraftPeriod(
  tx: Tx,
  data: {
    code: string;
    year: number;
    name: string;
    authorityId: string;
    criteriaSetId: string;
    previousPeriodId: string;
    previousPeriodCode: string;
    tieBreakers: TieBreakerName[];
    publishSelfPoints: boolean;
    illustrative: boolean;
    selfAssessmentOpensAt: Date | null;
    selfAssessmentDeadline: Date | null;
    appraisalDeadline: Date | null;
    bands: BandRow[];
    assessments: { unitId: string; groupId: string }[];
  },
): Promise<{ id: string }> {
  const { bands, assessments, ...period } = data;
  const id = randomUUID();
  await tx.period.create({ data: { id, status: "draft", ...period } });
  if (bands.length) await tx.band.createMany({ data: bands.map((band) => ({ periodId: id, ...band })) });
  if (assessments.length) await tx.assessment.createMany({ data: assessments.map((assessment) => ({ periodId: id, ...assessment })) });
  return { id };
}

const periodSettingsSelect = {
  id: true,
  code: true,
  year: true,
  name: true,
  status: true,
  criteriaSetId: true,
  criteriaSet: { select: { code: true } },
  selfAssessmentOpensAt: true,
  selfAssessmentDeadline: true,
  appraisalDeadline: true,
  tieBreakers: true,
  publishSelfPoints: true,
  updatedAt: true,
} as const;

/**
 * The period locked FOR UPDATE for a change of its settings or bands: a state change or a
 * publication (which lock it too) waits, and no save of scores (which shares it) runs meanwhile.
 * With `assessments`, every assessment of the period is locked first, in the order score saves
 * take them (assessment, then period), for changes that touch the assessments themselves.
 */
export async function lockPeriodForSetup(tx: Tx, code: string, options: { assessments?: boolean } = {}) {
  const found = await tx.period.findUnique({ where: { code }, select: { id: true } });
  if (!found) return null;
  if (options.assessments) await tx.$queryRaw`select id from "Assessment" where "periodId" = ${found.id} order by id for update`;
  await tx.$queryRaw`select id from "Period" where id = ${found.id} for update`;
  return tx.period.findUniqueOrThrow({ where: { id: found.id }, select: periodSettingsSelect });
}

export async function updatePeriodSettings(
  tx: Tx,
  id: string,
  data: Partial<{
    name: string;
    selfAssessmentOpensAt: Date | null;
    selfAssessmentDeadline: Date | null;
    appraisalDeadline: Date | null;
    tieBreakers: TieBreakerName[];
    publishSelfPoints: boolean;
    criteriaSetId: string;
  }>,
) {
  return tx.period.update({ where: { id }, data, select: periodSettingsSelect });
}

export async function loadBands(tx: Tx, periodId: string): Promise<BandRow[]> {
  const bands = await tx.band.findMany({ where: { periodId }, select: bandSelect, orderBy: [{ minIndex: "desc" }, { label: "asc" }] });
  return bands.map(toBandRow);
}

export async function replaceBands(tx: Tx, periodId: string, bands: readonly BandRow[]): Promise<void> {
  await tx.band.deleteMany({ where: { periodId } });
  if (bands.length) await tx.band.createMany({ data: bands.map((band) => ({ periodId, ...band })) });
}

/** The period's units with their group and whether anything was scored for them yet. */
export async function loadPeriodUnits(tx: Tx, periodId: string) {
  const rows = await tx.assessment.findMany({
    where: { periodId },
    select: {
      id: true,
      status: true,
      unit: { select: { id: true, code: true, name: true, dissolvedOn: true } },
      group: { select: { id: true, code: true, name: true } },
      _count: { select: { scores: true } },
    },
    orderBy: [{ group: { order: "asc" } }, { unit: { code: "asc" } }],
  });
  return rows.map((row) => ({ assessmentId: row.id, status: row.status, unit: row.unit, group: row.group, scoreRows: row._count.scores }));
}

export async function findUnitsByCode(tx: Tx, codes: readonly string[]) {
  return tx.unit.findMany({ where: { code: { in: [...codes] } }, select: { id: true, code: true, name: true, dissolvedOn: true } });
}

export async function findGroupsByCode(tx: Tx, codes: readonly string[]) {
  return tx.unitGroup.findMany({ where: { code: { in: [...codes] } }, select: { id: true, code: true } });
}

export async function addAssessments(tx: Tx, periodId: string, entries: readonly { unitId: string; groupId: string }[]): Promise<void> {
  if (entries.length) await tx.assessment.createMany({ data: entries.map((entry) => ({ periodId, ...entry })) });
}

export async function removeAssessments(tx: Tx, assessmentIds: readonly string[]): Promise<void> {
  if (assessmentIds.length) await tx.assessment.deleteMany({ where: { id: { in: [...assessmentIds] } } });
}

export async function moveAssessment(tx: Tx, assessmentId: string, groupId: string): Promise<void> {
  await tx.assessment.update({ where: { id: assessmentId }, data: { groupId } });
}

/** A period's set-up page: settings, criteria set, bands, and units by group. */
export async function loadPeriodSetupData(code: string) {
  const client = currentClient();
  const period = await client.period.findUnique({
    where: { code },
    select: {
      ...periodSettingsSelect,
      authority: { select: { name: true } },
      previousPeriod: { select: { code: true, name: true, year: true } },
      criteriaSet: { select: { code: true, name: true, version: true } },
    },
  });
  if (!period) return null;
  return { period, bands: await loadBands(client, period.id), units: await loadPeriodUnits(client, period.id) };
}

/** What the settings form shows and sends back (updatedAt as its optimistic lock). */
export type PeriodSettings = {
  code: string;
  year: number;
  name: string;
  status: "draft" | "self_assessment" | "appraisal" | "approved" | "published";
  criteriaSetCode: string;
  selfAssessmentOpensAt: Date | null;
  selfAssessmentDeadline: Date | null;
  appraisalDeadline: Date | null;
  tieBreakers: TieBreakerName[];
  publishSelfPoints: boolean;
  updatedAt: Date;
};

export function toPeriodSettings(row: {
  code: string;
  year: number;
  name: string;
  status: PeriodSettings["status"];
  criteriaSet: { code: string };
  selfAssessmentOpensAt: Date | null;
  selfAssessmentDeadline: Date | null;
  appraisalDeadline: Date | null;
  tieBreakers: TieBreakerName[];
  publishSelfPoints: boolean;
  updatedAt: Date;
}): PeriodSettings {
  return {
    code: row.code,
    year: row.year,
    name: row.name,
    status: row.status,
    criteriaSetCode: row.criteriaSet.code,
    selfAssessmentOpensAt: row.selfAssessmentOpensAt,
    selfAssessmentDeadline: row.selfAssessmentDeadline,
    appraisalDeadline: row.appraisalDeadline,
    tieBreakers: row.tieBreakers,
    publishSelfPoints: row.publishSelfPoints,
    updatedAt: row.updatedAt,
  };
}
