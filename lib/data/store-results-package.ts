import { randomUUID } from "node:crypto";
import type Decimal from "decimal.js";
import type { NormalizedPackage } from "@/lib/domain/results-package";
import { inferUnitKind } from "@/lib/domain/infer-unit-kind";
import { upsertAuthority } from "./authorities";
import { insertJsonRecords } from "./insert-json-records";
import type { Tx } from "./transaction";

export type StoreIssue = { path: string; code: string; vi: string; en: string };

/** The package is valid on its own but conflicts with what the database already holds. */
export class ResultsPackageConflictError extends Error {
  constructor(readonly issues: StoreIssue[]) {
    super(issues.map((issue) => issue.en).join("; "));
    this.name = "ResultsPackageConflictError";
  }
}

export type StoreOutcome = {
  periodId: string;
  replaced: boolean;
  reusedCriteriaSet: boolean;
  createdUnits: string[];
  renamedUnits: { code: string; from: string; to: string }[];
  warnings: StoreIssue[];
};

/** Rows per INSERT … SELECT FROM json_to_recordset(…): one round trip each, a few MB of JSON. */
const CHUNK = 5_000;

function decimalString(value: Decimal): string {
  return value.toFixed();
}

async function findOrCreateCriteriaSet(tx: Tx, pkg: NormalizedPackage): Promise<{ id: string; reused: boolean }> {
  const existing = await tx.criteriaSet.findUnique({
    where: { code: pkg.criteriaSet.code },
    select: {
      id: true,
      criteria: { select: { code: true, name: true, maxPoints: true, method: true, parent: { select: { code: true } } } },
    },
  });
  const signature = (rows: { code: string; parentCode: string | null; name: string; maxPoints: string; method: string }[]) =>
    rows
      .map((row) => [row.code, row.parentCode ?? "", row.name, row.maxPoints, row.method].join("\u0000"))
      .sort()
      .join("\n");

  const incoming = signature(
    pkg.criteriaSet.criteria.map((criterion) => ({
      code: criterion.code,
      parentCode: criterion.parentCode,
      name: criterion.name,
      maxPoints: criterion.maxPoints.toFixed(4),
      method: criterion.method,
    })),
  );

  if (existing) {
    const stored = signature(
      existing.criteria.map((criterion) => ({
        code: criterion.code,
        parentCode: criterion.parent?.code ?? null,
        name: criterion.name,
        maxPoints: criterion.maxPoints.toFixed(4),
        method: criterion.method,
      })),
    );
    if (stored !== incoming) {
      throw new ResultsPackageConflictError([
        {
          path: "criteriaSet.code",
          code: "criteria_set_differs",
          vi: `Bộ chỉ số "${pkg.criteriaSet.code}" đã có trong cơ sở dữ liệu với cây tiêu chí khác. Hãy dùng mã bộ chỉ số mới cho phiên bản mới.`,
          en: `Criteria set "${pkg.criteriaSet.code}" already exists with a different criteria tree. Use a new set code for a new version.`,
        },
      ]);
    }
    return { id: existing.id, reused: true };
  }

  const setId = randomUUID();
  await tx.criteriaSet.create({ data: { id: setId, code: pkg.criteriaSet.code, name: pkg.criteriaSet.name } });
  const ids = new Map(pkg.criteriaSet.criteria.map((criterion) => [criterion.code, randomUUID()]));
  // Parents come before children in tree order, so one insert satisfies the self-reference.
  await tx.criterion.createMany({
    data: pkg.criteriaSet.criteria.map((criterion) => ({
      id: ids.get(criterion.code)!,
      criteriaSetId: setId,
      parentId: criterion.parentCode ? ids.get(criterion.parentCode)! : null,
      code: criterion.code,
      name: criterion.name,
      maxPoints: decimalString(criterion.maxPoints),
      method: criterion.method,
      depth: criterion.depth,
      order: criterion.order,
    })),
  });
  return { id: setId, reused: false };
}

async function upsertGroups(tx: Tx, pkg: NormalizedPackage): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [order, group] of pkg.groups.entries()) {
    const row = await tx.unitGroup.upsert({
      where: { code: group.code },
      create: { code: group.code, name: group.name, order },
      update: { name: group.name },
      select: { id: true },
    });
    ids.set(group.code, row.id);
  }
  return ids;
}

async function upsertUnits(
  tx: Tx,
  pkg: NormalizedPackage,
  authorityId: string,
  effectiveOn: Date,
): Promise<{ ids: Map<string, string>; created: string[]; renamed: StoreOutcome["renamedUnits"]; warnings: StoreIssue[] }> {
  const predecessorCodes = pkg.units.flatMap((unit) => unit.predecessors);
  const codes = [...new Set([...pkg.units.map((unit) => unit.code), ...predecessorCodes])];
  const existing = await tx.unit.findMany({ where: { code: { in: codes } }, select: { id: true, code: true, name: true } });
  const ids = new Map(existing.map((unit) => [unit.code, unit.id]));
  const names = new Map(existing.map((unit) => [unit.code, unit.name]));
  const created: string[] = [];
  const renamed: StoreOutcome["renamedUnits"] = [];
  const warnings: StoreIssue[] = [];

  const toCreate = pkg.units.filter((unit) => !ids.has(unit.code));
  for (const unit of toCreate) ids.set(unit.code, randomUUID());
  if (toCreate.length) {
    await insertJsonRecords(
      tx,
      `insert into "Unit" ("id", "code", "name", "kind", "authorityId", "updatedAt")
       select t.id, t.code, t.name, t.kind::"UnitKind", $2, now()
       from json_to_recordset($1::json) as t(id text, code text, name text, kind text)`,
      toCreate,
      (unit) => ({ id: ids.get(unit.code)!, code: unit.code, name: unit.name, kind: inferUnitKind(unit.name) }),
      { parameters: [authorityId] },
    );
    created.push(...toCreate.map((unit) => unit.code));
  }

  for (const unit of pkg.units) {
    const previousName = names.get(unit.code);
    if (previousName !== undefined && previousName !== unit.name) {
      const id = ids.get(unit.code)!;
      await tx.unit.update({ where: { id }, data: { name: unit.name } });
      await tx.unitNameChange.create({ data: { unitId: id, oldName: previousName, newName: unit.name } });
      renamed.push({ code: unit.code, from: previousName, to: unit.name });
    }
  }

  // A predecessor from a year that was never imported is still a real, dissolved unit: record it
  // under its code so the lineage is kept, and say so.
  const unknownPredecessors = [...new Set(predecessorCodes)].filter((code) => !ids.has(code));
  if (unknownPredecessors.length) {
    for (const code of unknownPredecessors) ids.set(code, randomUUID());
    await tx.unit.createMany({
      data: unknownPredecessors.map((code) => ({ id: ids.get(code)!, code, name: code, authorityId, dissolvedOn: effectiveOn })),
    });
    warnings.push({
      path: "units[].predecessors",
      code: "unknown_predecessor",
      vi: `Đơn vị tiền thân chưa có trong cơ sở dữ liệu, đã ghi nhận theo mã: ${unknownPredecessors.join(", ")}`,
      en: `Predecessor units not yet in the database were recorded by code: ${unknownPredecessors.join(", ")}`,
    });
  }

  // A predecessor that several units of this package name was split; otherwise it merged
  // (alone, it was re-coded). One that is itself still evaluated here did not cease to exist.
  const successorsOf = new Map<string, number>();
  for (const code of predecessorCodes) successorsOf.set(code, (successorsOf.get(code) ?? 0) + 1);
  const evaluated = new Set(pkg.units.map((unit) => unit.code));
  for (const unit of pkg.units) {
    const successorId = ids.get(unit.code)!;
    for (const predecessor of unit.predecessors) {
      const predecessorId = ids.get(predecessor)!;
      const kind = (successorsOf.get(predecessor) ?? 0) > 1 ? "split" : "merge";
      await tx.unitLineage.upsert({
        where: { predecessorId_successorId: { predecessorId, successorId } },
        create: { predecessorId, successorId, kind, effectiveOn },
        update: { kind, effectiveOn },
      });
      if (!evaluated.has(predecessor)) {
        await tx.unit.updateMany({ where: { id: predecessorId, dissolvedOn: null }, data: { dissolvedOn: effectiveOn } });
      }
    }
  }
  return { ids, created, renamed, warnings };
}

/**
 * Score rows go in as JSON record sets: a national package has ~300,000 of them, and
 * row-by-row or ORM batch inserts take minutes and gigabytes where this takes seconds.
 */
async function insertScores(
  tx: Tx,
  pkg: NormalizedPackage,
  assessmentIds: Map<string, string>,
  criterionIds: Map<string, string>,
  progress: (message: string) => void,
): Promise<void> {
  const leafOrder = new Map(
    pkg.criteriaSet.criteria.filter((criterion) => criterion.isLeaf).map((criterion, position) => [criterion.code, String(position).padStart(4, "0")]),
  );
  await insertJsonRecords(
    tx,
    `insert into "CriterionScore"
       ("id", "assessmentId", "criterionId", "selfPoints", "selfNotApplicable", "appraisedPoints", "notApplicable",
        "appraisalReason", "reviewState", "updatedAt")
     select t.a || '-' || t.o, t.a, t.c, t.sp, t.na, t.ap, t.na, t.r, t.rs::"ItemReviewState", now()
     from json_to_recordset($1::json) as t(a text, o text, c text, sp numeric, ap numeric, na boolean, r text, rs text)`,
    pkg.scores,
    (score) => ({
      a: assessmentIds.get(score.unit)!,
      o: leafOrder.get(score.criterion)!,
      c: criterionIds.get(score.criterion)!,
      sp: score.selfPoints ? decimalString(score.selfPoints) : null,
      ap: score.points ? decimalString(score.points) : null,
      na: score.notApplicable,
      r: score.reason,
      rs: score.selfPoints !== null && score.points !== null && !score.selfPoints.equals(score.points) ? "adjusted" : "accepted",
    }),
    { chunk: CHUNK, onChunk: (done) => progress(`Scores ${done}/${pkg.scores.length}`) },
  );
  // Fresh statistics after a bulk load, so the publication's aggregate plans for the real size.
  await tx.$executeRawUnsafe(`analyze "CriterionScore", "Assessment"`);
}

/**
 * Writes a validated package as one period with its units' appraised scores and SIPAS figures.
 * Runs inside the caller's transaction: any conflict throws and nothing is kept.
 */
export async function storeResultsPackage(
  tx: Tx,
  pkg: NormalizedPackage,
  options: { replace: boolean; illustrative?: boolean; onProgress?: (message: string) => void },
): Promise<StoreOutcome> {
  const progress = options.onProgress ?? (() => {});
  const existingPeriod = await tx.period.findUnique({ where: { code: pkg.period.code }, select: { id: true, status: true } });
  if (existingPeriod && options.replace && existingPeriod.status !== "approved" && existingPeriod.status !== "published") {
    // A period still in its yearly cycle holds officers' claims, evidence and the council's
    // comments: a results package must not wipe them.
    throw new ResultsPackageConflictError([
      {
        path: "period.code",
        code: "period_in_progress",
        vi: `Kỳ đánh giá "${pkg.period.code}" đang trong quá trình chấm điểm (${existingPeriod.status}): không thể thay thế bằng gói kết quả.`,
        en: `Period "${pkg.period.code}" is still being scored (${existingPeriod.status}): a results package cannot replace it.`,
      },
    ]);
  }
  if (existingPeriod && !options.replace) {
    throw new ResultsPackageConflictError([
      {
        path: "period.code",
        code: "period_exists",
        vi: `Kỳ đánh giá "${pkg.period.code}" đã có trong cơ sở dữ liệu. Dùng --replace để thay thế toàn bộ kết quả của kỳ này.`,
        en: `Period "${pkg.period.code}" already exists. Use --replace to replace all of its results.`,
      },
    ]);
  }

  const authority = { id: await upsertAuthority(tx, pkg.period.authority) };

  const criteriaSet = await findOrCreateCriteriaSet(tx, pkg);
  const groupIds = await upsertGroups(tx, pkg);
  const effectiveOn = new Date(Date.UTC(pkg.period.year, 0, 1));
  const units = await upsertUnits(tx, pkg, authority.id, effectiveOn);

  const previous = pkg.period.previous
    ? await tx.period.findUnique({ where: { code: pkg.period.previous }, select: { id: true } })
    : null;
  const warnings = [...units.warnings];
  if (pkg.period.previous && !previous) {
    warnings.push({
      path: "period.previous",
      code: "unknown_previous_period",
      vi: `Kỳ trước "${pkg.period.previous}" chưa có trong cơ sở dữ liệu: chưa tính được thay đổi thứ hạng (kỳ này sẽ được liên kết khi kỳ trước được nhập).`,
      en: `Previous period "${pkg.period.previous}" is not in the database: rank change cannot be computed yet (the link is made when it is imported).`,
    });
  }

  const periodData = {
    year: pkg.period.year,
    name: pkg.period.name,
    authorityId: authority.id,
    criteriaSetId: criteriaSet.id,
    status: "approved" as const,
    previousPeriodId: previous?.id ?? null,
    previousPeriodCode: pkg.period.previous,
    decisionNumber: pkg.period.decision?.number ?? null,
    decisionDate: pkg.period.decision ? new Date(`${pkg.period.decision.date}T00:00:00Z`) : null,
    tieBreakers: pkg.tieBreakers,
    illustrative: options.illustrative ?? false,
    publishedAt: null,
    currentPublicationId: null,
  };

  let periodId: string;
  if (existingPeriod) {
    periodId = existingPeriod.id;
    progress(`Replacing period ${pkg.period.code}`);
    await tx.period.update({ where: { id: periodId }, data: periodData });
    // Earlier publications of a replaced period go with it: a replace is a re-import, not an erratum.
    await tx.publication.deleteMany({ where: { periodId } });
    await tx.assessment.deleteMany({ where: { periodId } });
    await tx.band.deleteMany({ where: { periodId } });
    await tx.sipasResult.deleteMany({ where: { periodId } });
  } else {
    periodId = randomUUID();
    await tx.period.create({ data: { id: periodId, code: pkg.period.code, ...periodData } });
  }

  // Periods imported earlier that name this one as their previous period get their link now.
  await tx.period.updateMany({
    where: { previousPeriodCode: pkg.period.code, previousPeriodId: null, NOT: { id: periodId } },
    data: { previousPeriodId: periodId },
  });

  // Lineage this package no longer states (a replaced package with other predecessors) goes.
  const stated = new Map(pkg.units.map((unit) => [units.ids.get(unit.code)!, new Set(unit.predecessors.map((code) => units.ids.get(code)!))]));
  for (const [successorId, predecessorIds] of stated) {
    await tx.unitLineage.deleteMany({
      where: { successorId, effectiveOn, predecessorId: { notIn: [...predecessorIds] } },
    });
  }

  if (pkg.bands.length) {
    await tx.band.createMany({
      data: pkg.bands.map((band) => ({ periodId, label: band.label, minIndex: decimalString(band.minIndex) })),
    });
  }

  // Ids in insertion order (a per-import prefix, then a counter) keep the primary-key and
  // (assessmentId, criterionId) indexes appending instead of splitting pages at random.
  const batch = randomUUID();
  const assessmentIds = new Map(pkg.units.map((unit, position) => [unit.code, `${batch}-${String(position).padStart(7, "0")}`]));
  await insertJsonRecords(
    tx,
    `insert into "Assessment" ("id", "periodId", "unitId", "groupId", "status", "approvedAt", "updatedAt")
     select t.id, $2, t.u, t.g, 'approved', now(), now()
     from json_to_recordset($1::json) as t(id text, u text, g text)`,
    pkg.units,
    (unit) => ({ id: assessmentIds.get(unit.code)!, u: units.ids.get(unit.code)!, g: groupIds.get(unit.group)! }),
    { parameters: [periodId] },
  );

  const criterionIds = new Map(
    (await tx.criterion.findMany({ where: { criteriaSetId: criteriaSet.id }, select: { id: true, code: true } })).map(
      (criterion) => [criterion.code, criterion.id],
    ),
  );
  await insertScores(tx, pkg, assessmentIds, criterionIds, progress);

  const sipasIds = new Map(pkg.sipas.map((row) => [row.unit, randomUUID()]));
  await insertJsonRecords(
    tx,
    `insert into "SipasResult" ("id", "periodId", "unitId", "index", "responses", "state", "approvedAt", "updatedAt")
     select t.id, $2, t.u, t.idx, t.n, 'approved', now(), now()
     from json_to_recordset($1::json) as t(id text, u text, idx numeric, n int)`,
    pkg.sipas,
    (row) => ({ id: sipasIds.get(row.unit)!, u: units.ids.get(row.unit)!, idx: decimalString(row.index), n: row.responses }),
    { parameters: [periodId] },
  );
  await insertJsonRecords(
    tx,
    `insert into "SipasElementResult" ("sipasResultId", "code", "index", "order")
     select t.r, t.code, t.idx, t.o from json_to_recordset($1::json) as t(r text, code text, idx numeric, o int)`,
    pkg.sipas.flatMap((row) => row.elements.map((element, order) => ({ row, element, order }))),
    ({ row, element, order }) => ({ r: sipasIds.get(row.unit)!, code: element.code, idx: decimalString(element.index), o: order }),
  );

  return {
    periodId,
    replaced: Boolean(existingPeriod),
    reusedCriteriaSet: criteriaSet.reused,
    createdUnits: units.created,
    renamedUnits: units.renamed,
    warnings,
  };
}
