import Decimal from "decimal.js";
import { buildTree, leavesOf } from "@/lib/scoring/criteria-tree";
import { toExact } from "@/lib/scoring/exact-decimal";
import { exactIndex } from "@/lib/scoring/compute-unit-score";
import type { PublishedFieldScore } from "@/lib/domain/published-field-score";
import type { CriterionLoss } from "@/lib/ranking/group-points-lost";
import type { RankPeriodInput, RankPeriodUnit } from "@/lib/ranking/rank-period";
import type { TieBreakerKey } from "@/lib/ranking/rank-units";
import type { PreviousRank } from "@/lib/ranking/rank-change";
import type { Tx } from "./transaction";
import { currentClient } from "./transaction";
import { compareCodes } from "@/lib/domain/compare-codes";

export type PeriodAggregates = {
  period: { id: string; code: string; status: string };
  input: RankPeriodInput<PublishedFieldScore[]>;
  /** Units with an applicable leaf that has no points yet (or no row at all). */
  unscoredUnits: string[];
  unitIds: Map<string, string>;
  groupIds: Map<string, string>;
  groupNames: Map<string, string>;
  previousMeanDisplay: Map<string, Decimal>;
  /** Per group, the points its units lost per field (unordered; see orderLosses). */
  groupFieldLosses: Map<string, CriterionLoss[]>;
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

/** One unit's sums: totals, leaf counts, and [points, applicable max] per field in tree order. */
type UnitSums = { tot: string; am: string; ap: string; sp: string; n: number; un: number; f: ([string, string] | undefined)[] };

/** "13.2470" → "13.247", "0.0000" → "0": the snapshot's decimal strings carry no padding. */
function withoutTrailingZeros(text: string): string {
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

/**
 * A period's units with their exact totals and field sums as the database keeps them, ready for
 * the ranking: at national scale (~300,000 leaf rows) moving every leaf into the application,
 * or even summing them per publication, costs more than the ranking itself.
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
  const criterionIds = new Map(period.criteria.map((criterion) => [criterion.code, criterion.id]));
  const leafCount = leavesOf(tree).length;
  const fieldMax = tree.map((field) => field.maxPoints.toFixed());

  const totalMax = tree.reduce((sum, field) => sum.plus(field.maxPoints), new Decimal(0)).toFixed();

  // The database keeps each unit's sums per field (AssessmentFieldTotal, maintained by triggers
  // on every score write), so ~8 rows per unit are read instead of ~90 leaves summed. A field
  // row's applicable max leaves out N/A leaves; leaves with no score row at all count as
  // applicable (and unscored), so a unit's applicable max is the set's max less its N/A maxima
  // — and a field without any row is all applicable, with no points.
  const [sums] = await tx.$queryRawUnsafe<{ units: string; losses: string }[]>(
    `with per_field as materialized (
       select t."assessmentId" as a, a."groupId" as g, field.pos, field.max,
              t."appraisalPoints" as ap, t."surveyPoints" as sp, t."appraisalPoints" + t."surveyPoints" as pts,
              field.max + t."applicableMax" - t."rowsMax" as am, t."leafRows" as n, t."unappraisedLeaves" as un
         from "AssessmentFieldTotal" t
         join "Assessment" a on a.id = t."assessmentId"
         join unnest($2::text[], $3::numeric[]) with ordinality as field(id, max, pos) on field.id = t."fieldId"
        where a."periodId" = $1)
     select
       -- One line per unit, values separated by spaces (ids and numbers have none): building
       -- ~3,000 JSON objects would cost more than the sums.
       (select coalesce(string_agg(concat_ws(' ', a, tot, am, ap, sp, n, un, f), E'\n'), '')
          from (select a, sum(pts) as tot, $4::numeric + sum(am) - sum(max) as am, sum(ap) as ap, sum(sp) as sp,
                       sum(n) as n, sum(un) as un, string_agg(pos || ' ' || pts || ' ' || am, ' ') as f
                  from per_field group by a) per_unit) as units,
       -- Points lost per group and field from the same read: applicable fields only.
       (select coalesce(json_agg(json_build_object('g', g, 'pos', pos, 'lost', lost::text, 'am', am::text, 'losing', losing)), '[]')::text
          from (select g, pos, sum(am - pts) as lost, sum(am) as am, count(*) filter (where am <> pts) as losing
                  from per_field where am <> 0 group by g, pos) per_group) as losses`,
    period.id,
    tree.map((field) => criterionIds.get(field.code)!),
    fieldMax,
    totalMax,
  );
  const byAssessment = new Map<string, UnitSums>();
  for (const line of (sums?.units ?? "").split("\n")) {
    if (!line) continue;
    const [a, tot, am, ap, sp, n, un, ...perField] = line.split(" ");
    const f: ([string, string] | undefined)[] = new Array(tree.length);
    for (let i = 0; i < perField.length; i += 3) {
      f[Number(perField[i]) - 1] = [withoutTrailingZeros(perField[i + 1]!), withoutTrailingZeros(perField[i + 2]!)];
    }
    byAssessment.set(a!, { tot: tot!, am: am!, ap: ap!, sp: sp!, n: Number(n), un: Number(un), f });
  }
  const groupCodes = new Map(period.units.map((unit) => [unit.groupId, unit.groupCode]));
  const groupFieldLosses = new Map<string, CriterionLoss[]>();
  for (const row of JSON.parse(sums?.losses ?? "[]") as { g: string; pos: number; lost: string; am: string; losing: number }[]) {
    const groupCode = groupCodes.get(row.g)!;
    const field = tree[row.pos - 1]!;
    const losses = groupFieldLosses.get(groupCode) ?? [];
    losses.push({ code: field.code, name: field.name, lost: toExact(row.lost), applicableMax: toExact(row.am), unitsLosing: row.losing });
    groupFieldLosses.set(groupCode, losses);
  }
  // A field without any score row lost its whole max (only while a period is being scored: a
  // published one has every leaf).
  for (const unit of period.units) {
    const present = byAssessment.get(unit.assessmentId)?.f;
    tree.forEach((field, position) => {
      if (present?.[position] || field.maxPoints.isZero()) return;
      const losses = groupFieldLosses.get(unit.groupCode) ?? [];
      groupFieldLosses.set(unit.groupCode, losses);
      let loss = losses.find((candidate) => candidate.code === field.code);
      if (!loss) {
        loss = { code: field.code, name: field.name, lost: toExact(0), applicableMax: toExact(0), unitsLosing: 0 };
        losses.push(loss);
      }
      loss.lost = loss.lost.plus(field.maxPoints);
      loss.applicableMax = loss.applicableMax.plus(field.maxPoints);
      loss.unitsLosing += 1;
    });
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
  const unscoredUnits: string[] = [];
  const ranked: RankPeriodUnit<PublishedFieldScore[]>[] = units.map((unit) => {
    const sums = byAssessment.get(unit.assessmentId);
    if (!sums || sums.n < leafCount || sums.un > 0) unscoredUnits.push(unit.code);
    const total = toExact(sums?.tot ?? 0);
    const applicableMax = toExact(sums?.am ?? totalMax);
    return {
      unitCode: unit.code,
      unitName: unit.name,
      groupCode: unit.groupCode,
      // Only a merge since the previous period breaks comparability; an older one does not.
      predecessors: unit.predecessors.filter((code) => code !== unit.code && previouslyRanked.has(code)),
      totals: {
        total,
        applicableMax,
        index: exactIndex(total, applicableMax),
        appraisalPoints: toExact(sums?.ap ?? 0),
        surveyPoints: toExact(sums?.sp ?? 0),
      },
      fields: tree.map((field, position) => {
        // A field without any score row: all applicable, no points.
        const [points, fieldApplicableMax] = sums?.f[position] ?? ["0", fieldMax[position]!];
        return {
          code: field.code,
          name: field.name,
          points,
          maxPoints: fieldMax[position]!,
          applicableMax: fieldApplicableMax,
          notApplicable: fieldApplicableMax === "0" && fieldMax[position] !== "0",
        };
      }),
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
    groupFieldLosses,
  };
}
