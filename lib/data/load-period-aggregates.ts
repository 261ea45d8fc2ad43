import Decimal from "decimal.js";
import { buildTree, leavesOf, type CriterionNode } from "@/lib/scoring/criteria-tree";
import { unitTotalsFromFieldSums, type FieldSums } from "@/lib/scoring/unit-totals-from-fields";
import type { RankPeriodInput, RankPeriodUnit } from "@/lib/ranking/rank-period";
import type { LeafLossSums } from "@/lib/ranking/group-points-lost";
import type { TieBreakerKey } from "@/lib/ranking/rank-units";
import type { PreviousRank } from "@/lib/ranking/rank-change";
import type { Tx } from "./transaction";
import { currentClient } from "./transaction";

export type PeriodAggregates = {
  period: { id: string; code: string; status: string };
  input: RankPeriodInput;
  /** Per group: each leaf's losses summed over the group's units. */
  leafLosses: Map<string, LeafLossSums[]>;
  /** Units with an applicable leaf that has no points yet (or no row at all). */
  unscoredUnits: string[];
  unitIds: Map<string, string>;
  groupIds: Map<string, string>;
  groupNames: Map<string, string>;
  previousMeanDisplay: Map<string, Decimal>;
};

type SumRow = {
  by_unit: boolean;
  unit_id: string | null;
  group_id: string | null;
  field: string | null;
  method: string | null;
  criterion_id: string | null;
  points: string | null;
  applicable_max: string | null;
  present_max: string | null;
  unscored: number;
  losing: number;
  rows: number;
};

const ZERO = new Decimal(0);

function dec(value: string | null): Decimal {
  return value === null ? ZERO : new Decimal(value);
}

/**
 * A period's scores summed by PostgreSQL in one pass (exact numeric sums, grouped per unit and
 * field, and per group and leaf), ready for the ranking: at national scale (~300,000 leaf rows)
 * moving every row into the application costs several times more than the sum itself.
 */
export async function loadPeriodAggregates(periodCode: string, tx: Tx = currentClient()): Promise<PeriodAggregates | null> {
  const period = await tx.period.findUnique({
    where: { code: periodCode },
    select: {
      id: true,
      code: true,
      status: true,
      previousPeriodId: true,
      tieBreakers: true,
      bands: { select: { label: true, minIndex: true } },
      criteriaSet: {
        select: {
          criteria: {
            select: { id: true, code: true, name: true, maxPoints: true, method: true, order: true, parent: { select: { code: true } } },
          },
        },
      },
      assessments: {
        select: {
          unit: { select: { id: true, code: true, name: true, predecessorLinks: { select: { predecessor: { select: { code: true } } } } } },
          group: { select: { id: true, code: true, name: true, order: true } },
        },
      },
    },
  });
  if (!period) return null;

  const criteria = period.criteriaSet.criteria;
  const tree = buildTree(
    criteria.map((criterion) => ({
      code: criterion.code,
      parentCode: criterion.parent?.code ?? null,
      name: criterion.name,
      maxPoints: new Decimal(criterion.maxPoints.toString()),
      method: criterion.method,
      order: criterion.order,
    })),
  );
  const fieldOfLeaf = new Map<string, CriterionNode>();
  for (const field of tree) for (const leaf of leavesOf([field])) fieldOfLeaf.set(leaf.code, field);
  const leafCount = fieldOfLeaf.size;
  const criterionById = new Map(criteria.map((criterion) => [criterion.id, criterion]));
  const leafIds = criteria.filter((criterion) => fieldOfLeaf.has(criterion.code));

  // Planner settings for this transaction only: hash aggregation in memory (sorting ~300,000
  // rows by text keys costs more than the sums) and no JIT (compiling costs more than it saves).
  await tx.$executeRawUnsafe(`set local jit = off`);
  await tx.$executeRawUnsafe(`set local enable_sort = off`);
  await tx.$executeRawUnsafe(`set local work_mem = '64MB'`);
  const mapping = [leafIds.map((criterion) => criterion.id), leafIds.map((criterion) => fieldOfLeaf.get(criterion.code)!.code)];
  // One JSON document per query instead of ~27,000 rows: the driver's per-row decoding would
  // cost more than the sums themselves.
  const [byUnit] = await tx.$queryRawUnsafe<{ data: string }[]>(
    `select coalesce(json_agg(t), '[]')::text as data from (
       select true as by_unit, a."unitId" as unit_id, m.field, c.method::text as method,
              (sum(s."appraisedPoints") filter (where not s."notApplicable"))::text as points,
              (sum(c."maxPoints") filter (where not s."notApplicable"))::text as applicable_max,
              sum(c."maxPoints")::text as present_max,
              count(*) filter (where not s."notApplicable" and s."appraisedPoints" is null) as unscored,
              count(*) as rows
         from "CriterionScore" s
         join "Assessment" a on a.id = s."assessmentId"
         join "Criterion" c on c.id = s."criterionId"
         join unnest($2::text[], $3::text[]) as m(criterion_id, field) on m.criterion_id = c.id
        where a."periodId" = $1
        group by a."unitId", m.field, c.method) t`,
    period.id,
    ...mapping,
  );
  const [byGroup] = await tx.$queryRawUnsafe<{ data: string }[]>(
    `select coalesce(json_agg(t), '[]')::text as data from (
       select false as by_unit, a."groupId" as group_id, s."criterionId" as criterion_id,
              (sum(s."appraisedPoints") filter (where not s."notApplicable"))::text as points,
              (sum(c."maxPoints") filter (where not s."notApplicable"))::text as applicable_max,
              count(*) filter (where not s."notApplicable" and coalesce(s."appraisedPoints", 0) < c."maxPoints") as losing
         from "CriterionScore" s
         join "Assessment" a on a.id = s."assessmentId"
         join "Criterion" c on c.id = s."criterionId"
        where a."periodId" = $1 and c.id = any($2::text[])
        group by a."groupId", s."criterionId") t`,
    period.id,
    mapping[0],
  );
  const sums = [...(JSON.parse(byUnit?.data ?? "[]") as SumRow[]), ...(JSON.parse(byGroup?.data ?? "[]") as SumRow[])];

  type FieldAccumulator = Map<string, { appraisal: Decimal; survey: Decimal; applicableMax: Decimal; presentMax: Decimal }>;
  const perUnit = new Map<string, { fields: FieldAccumulator; unscored: number; rows: number }>();
  const groupCodeById = new Map(period.assessments.map((assessment) => [assessment.group.id, assessment.group.code]));
  const leafLosses = new Map<string, LeafLossSums[]>();
  for (const row of sums) {
    if (row.by_unit) {
      const unit = perUnit.get(row.unit_id!) ?? { fields: new Map(), unscored: 0, rows: 0 };
      const field = unit.fields.get(row.field!) ?? { appraisal: ZERO, survey: ZERO, applicableMax: ZERO, presentMax: ZERO };
      const points = dec(row.points);
      unit.fields.set(row.field!, {
        appraisal: row.method === "survey" ? field.appraisal : field.appraisal.plus(points),
        survey: row.method === "survey" ? field.survey.plus(points) : field.survey,
        applicableMax: field.applicableMax.plus(dec(row.applicable_max)),
        presentMax: field.presentMax.plus(dec(row.present_max)),
      });
      unit.unscored += Number(row.unscored);
      unit.rows += Number(row.rows);
      perUnit.set(row.unit_id!, unit);
    } else {
      const groupCode = groupCodeById.get(row.group_id!)!;
      const criterion = criterionById.get(row.criterion_id!)!;
      const applicableMax = dec(row.applicable_max);
      const list = leafLosses.get(groupCode) ?? [];
      list.push({
        code: criterion.code,
        name: criterion.name,
        lost: applicableMax.minus(dec(row.points)),
        applicableMax,
        unitsLosing: Number(row.losing),
      });
      leafLosses.set(groupCode, list);
    }
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
  const assessments = [...period.assessments].sort(
    (a, b) => a.group.order - b.group.order || (a.group.code < b.group.code ? -1 : a.group.code > b.group.code ? 1 : 0),
  );
  const unscoredUnits: string[] = [];
  const units: RankPeriodUnit[] = assessments.map((assessment) => {
    const sumsOfUnit = perUnit.get(assessment.unit.id);
    if (!sumsOfUnit || sumsOfUnit.unscored > 0 || sumsOfUnit.rows < leafCount) unscoredUnits.push(assessment.unit.code);
    const fields: FieldSums[] = tree.map((field) => {
      const sum = sumsOfUnit?.fields.get(field.code);
      // Leaves with no row at all count as applicable and unscored, as in the leaf engine.
      const missingMax = new Decimal(field.maxPoints).minus(sum?.presentMax ?? ZERO);
      return {
        code: field.code,
        name: field.name,
        maxPoints: new Decimal(field.maxPoints),
        appraisalPoints: sum?.appraisal ?? ZERO,
        surveyPoints: sum?.survey ?? ZERO,
        applicableMax: (sum?.applicableMax ?? ZERO).plus(missingMax),
      };
    });
    return {
      unitCode: assessment.unit.code,
      unitName: assessment.unit.name,
      groupCode: assessment.group.code,
      // Only a merge since the previous period breaks comparability; an older one does not.
      predecessors: assessment.unit.predecessorLinks
        .map((link) => link.predecessor.code)
        .filter((code) => code !== assessment.unit.code && previouslyRanked.has(code)),
      totals: unitTotalsFromFieldSums(fields),
    };
  });

  return {
    period: { id: period.id, code: period.code, status: period.status },
    input: {
      tieBreakers: period.tieBreakers as TieBreakerKey[],
      bands: period.bands.map((band) => ({ label: band.label, minIndex: new Decimal(band.minIndex.toString()) })),
      units,
      previous,
    },
    leafLosses,
    unscoredUnits,
    unitIds: new Map(assessments.map((assessment) => [assessment.unit.code, assessment.unit.id])),
    groupIds: new Map(assessments.map((assessment) => [assessment.group.code, assessment.group.id])),
    groupNames: new Map(assessments.map((assessment) => [assessment.group.code, assessment.group.name])),
    previousMeanDisplay,
  };
}
