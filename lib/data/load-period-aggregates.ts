import Decimal from "decimal.js";
import { buildTree, leavesOf, type CriterionNode } from "@/lib/scoring/criteria-tree";
import { toExact } from "@/lib/scoring/exact-decimal";
import { unitTotalsFromFieldSums, type FieldSums } from "@/lib/scoring/unit-totals-from-fields";
import type { RankPeriodInput, RankPeriodUnit } from "@/lib/ranking/rank-period";
import type { TieBreakerKey } from "@/lib/ranking/rank-units";
import type { PreviousRank } from "@/lib/ranking/rank-change";
import type { Tx } from "./transaction";
import { currentClient } from "./transaction";
import { compareCodes } from "@/lib/domain/compare-codes";

export type PeriodAggregates = {
  period: { id: string; code: string; status: string };
  input: RankPeriodInput;
  /** Units with an applicable leaf that has no points yet (or no row at all). */
  unscoredUnits: string[];
  unitIds: Map<string, string>;
  groupIds: Map<string, string>;
  groupNames: Map<string, string>;
  previousMeanDisplay: Map<string, Decimal>;
};

type PeriodRow = {
  id: string;
  code: string;
  status: string;
  tieBreakers: string[];
  previousPeriodId: string | null;
  bands: { label: string; minIndex: string }[];
  criteria: { id: string; code: string; name: string; maxPoints: string; method: "appraisal" | "survey"; order: number; parentCode: string | null }[];
  units: { assessmentId: string; unitId: string; code: string; name: string; groupId: string; groupCode: string; groupName: string; groupOrder: number; predecessors: string[] }[];
};

/** Sums of one unit's leaves in one field (with points split by how leaves are scored). */
type FieldRow = { a: string; f: number; ap: string | null; sp: string | null; am: string | null; pm: string; un: number; n: number };

// Sums arrive as exact decimals of the scoring core's class, so it never has to copy them.
const ZERO = toExact(0);

/**
 * A period's scores summed by PostgreSQL in one pass (exact numeric sums per unit and field),
 * ready for the ranking: at national scale (~300,000 leaf rows) moving every row into the
 * application, or even one row per unit, field and method, costs more than the sum itself.
 */
export async function loadPeriodAggregates(periodCode: string, tx: Tx = currentClient()): Promise<PeriodAggregates | null> {
  // Period, bands, criteria and evaluated units as one JSON document: one round trip.
  const [meta] = await tx.$queryRawUnsafe<{ data: PeriodRow | null }[]>(
    `select json_build_object(
       'id', p.id, 'code', p.code, 'status', p.status, 'tieBreakers', p."tieBreakers", 'previousPeriodId', p."previousPeriodId",
       'bands', coalesce((select json_agg(json_build_object('label', b.label, 'minIndex', b."minIndex"::text)) from "Band" b where b."periodId" = p.id), '[]'),
       'criteria', (select json_agg(json_build_object('id', c.id, 'code', c.code, 'name', c.name, 'maxPoints', c."maxPoints"::text,
                      'method', c.method, 'order', c."order", 'parentCode', parent.code))
                    from "Criterion" c left join "Criterion" parent on parent.id = c."parentId" where c."criteriaSetId" = p."criteriaSetId"),
       'units', coalesce((select json_agg(json_build_object('assessmentId', a.id, 'unitId', u.id, 'code', u.code, 'name', u.name,
                      'groupId', g.id, 'groupCode', g.code, 'groupName', g.name, 'groupOrder', g."order",
                      'predecessors', coalesce((select json_agg(pre.code) from "UnitLineage" l join "Unit" pre on pre.id = l."predecessorId"
                                                where l."successorId" = u.id), '[]')))
                    from "Assessment" a join "Unit" u on u.id = a."unitId" join "UnitGroup" g on g.id = a."groupId"
                    where a."periodId" = p.id), '[]')
     ) as data
     from "Period" p where p.code = $1`,
    periodCode,
  );
  const period = meta?.data;
  if (!period) return null;

  const tree = buildTree(
    period.criteria.map((criterion) => ({
      code: criterion.code,
      parentCode: criterion.parentCode,
      name: criterion.name,
      maxPoints: new Decimal(criterion.maxPoints),
      method: criterion.method,
      order: criterion.order,
    })),
  );
  const leaves: { id: string; field: number; survey: boolean }[] = [];
  const leafCodes = new Map<string, { field: number; node: CriterionNode }>();
  tree.forEach((field, position) => {
    for (const leaf of leavesOf([field])) leafCodes.set(leaf.code, { field: position, node: leaf });
  });
  for (const criterion of period.criteria) {
    const leaf = leafCodes.get(criterion.code);
    if (leaf) leaves.push({ id: criterion.id, field: leaf.field, survey: criterion.method === "survey" });
  }

  // Planner settings for this transaction only: hash aggregation in memory (sorting ~300,000
  // rows by text keys costs more than the sums) and no JIT (compiling costs more than it saves).
  await tx.$executeRawUnsafe(`set local jit = off`);
  await tx.$executeRawUnsafe(`set local enable_sort = off`);
  await tx.$executeRawUnsafe(`set local work_mem = '64MB'`);
  // One JSON document instead of ~27,000 rows: the driver's per-row decoding would cost more
  // than the sums themselves. Leaves without a row count as applicable and unscored (pm < max).
  const [sums] = await tx.$queryRawUnsafe<{ data: string }[]>(
    `select coalesce(json_agg(t), '[]')::text as data from (
       select s."assessmentId" as a, m.f,
              (sum(s."appraisedPoints") filter (where not s."notApplicable" and not m.survey))::text as ap,
              (sum(s."appraisedPoints") filter (where not s."notApplicable" and m.survey))::text as sp,
              (sum(c."maxPoints") filter (where not s."notApplicable"))::text as am,
              sum(c."maxPoints")::text as pm,
              count(*) filter (where not s."notApplicable" and s."appraisedPoints" is null) as un,
              count(*) as n
         from "CriterionScore" s
         join unnest($2::text[], $3::int[], $4::boolean[]) as m(id, f, survey) on m.id = s."criterionId"
         join "Criterion" c on c.id = s."criterionId"
        where s."assessmentId" in (select id from "Assessment" where "periodId" = $1)
        group by s."assessmentId", m.f) t`,
    period.id,
    leaves.map((leaf) => leaf.id),
    leaves.map((leaf) => leaf.field),
    leaves.map((leaf) => leaf.survey),
  );
  const byAssessment = new Map<string, FieldRow[]>();
  for (const row of JSON.parse(sums?.data ?? "[]") as FieldRow[]) {
    const list = byAssessment.get(row.a);
    if (list) list.push(row);
    else byAssessment.set(row.a, [row]);
  }

  let previous: RankPeriodInput["previous"];
  const previousMeanDisplay = new Map<string, Decimal>();
  if (period.previousPeriodId) {
    const publication = (
      await tx.period.findUnique({
        where: { id: period.previousPeriodId },
        select: {
          currentPublication: {
            select: {
              results: { select: { unitCode: true, rank: true, group: { select: { code: true } } } },
              groupStats: { select: { mean: true, meanDisplay: true, group: { select: { code: true } } } },
            },
          },
        },
      })
    )?.currentPublication;
    if (publication) {
      const ranks: PreviousRank[] = publication.results.map((row) => ({ unitCode: row.unitCode, groupCode: row.group.code, rank: row.rank }));
      for (const stat of publication.groupStats) previousMeanDisplay.set(stat.group.code, new Decimal(stat.meanDisplay.toString()));
      previous = {
        ranks,
        groupMeans: new Map(publication.groupStats.map((stat) => [stat.group.code, new Decimal(stat.mean.toString())])),
      };
    }
  }
  const previouslyRanked = new Set(previous?.ranks.map((rank) => rank.unitCode) ?? []);

  // Groups in their configured order, so the publication lists them the same way every time.
  const units = [...period.units].sort(
    (a, b) => a.groupOrder - b.groupOrder || compareCodes(a.groupCode, b.groupCode),
  );
  const fieldMax = tree.map((field) => toExact(field.maxPoints));
  const unscoredUnits: string[] = [];
  const ranked: RankPeriodUnit[] = units.map((unit) => {
    const rows = byAssessment.get(unit.assessmentId) ?? [];
    const sumsByField = new Map(rows.map((row) => [row.f, row]));
    if (rows.reduce((count, row) => count + row.n, 0) < leaves.length || rows.some((row) => row.un > 0)) {
      unscoredUnits.push(unit.code);
    }
    const fields: FieldSums[] = tree.map((field, position) => {
      const sum = sumsByField.get(position);
      const max = fieldMax[position]!;
      return {
        code: field.code,
        name: field.name,
        maxPoints: max,
        appraisalPoints: sum?.ap ? toExact(sum.ap) : ZERO,
        surveyPoints: sum?.sp ? toExact(sum.sp) : ZERO,
        applicableMax: sum ? (sum.am ? toExact(sum.am) : ZERO).plus(max.minus(sum.pm)) : max,
      };
    });
    return {
      unitCode: unit.code,
      unitName: unit.name,
      groupCode: unit.groupCode,
      // Only a merge since the previous period breaks comparability; an older one does not.
      predecessors: unit.predecessors.filter((code) => code !== unit.code && previouslyRanked.has(code)),
      totals: unitTotalsFromFieldSums(fields),
    };
  });

  return {
    period: { id: period.id, code: period.code, status: period.status },
    input: {
      tieBreakers: period.tieBreakers as TieBreakerKey[],
      bands: period.bands.map((band) => ({ label: band.label, minIndex: new Decimal(band.minIndex) })),
      units: ranked,
      previous,
    },
    unscoredUnits,
    unitIds: new Map(units.map((unit) => [unit.code, unit.unitId])),
    groupIds: new Map(units.map((unit) => [unit.groupCode, unit.groupId])),
    groupNames: new Map(units.map((unit) => [unit.groupCode, unit.groupName])),
    previousMeanDisplay,
  };
}
