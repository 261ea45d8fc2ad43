import { randomUUID } from "node:crypto";
import type Decimal from "decimal.js";
import { roundFraction } from "@/lib/scoring/fraction";
import type { GroupRanking } from "@/lib/ranking/rank-period";
import type { CriterionLoss } from "@/lib/ranking/group-points-lost";
import type { PublishedFieldHeading, PublishedFieldScore } from "@/lib/domain/published-field-score";
import type { Tx } from "./transaction";
import { insertJsonRecords } from "./insert-json-records";


/** Totals are sums of points with at most 4 decimals, so this never rounds. */
function fixed4(value: Decimal): string {
  return value.toFixed(4);
}

/**
 * Stores one publication (version 1, or the next erratum) of a period's computed results as
 * snapshot rows and makes it the period's current publication. Earlier versions are kept.
 */
export async function storePublication(
  tx: Tx,
  args: {
    periodId: string;
    groups: readonly GroupRanking<PublishedFieldScore[]>[];
    /** Per group, points lost per field; per leaf they are read from the frozen scores. */
    fieldLosses: ReadonlyMap<string, CriterionLoss[]>;
    unitIds: Map<string, string>;
    groupIds: Map<string, string>;
    groupNames: ReadonlyMap<string, string>;
    sipas: Map<string, { index: string; responses: number }>;
    previousMeanDisplay: ReadonlyMap<string, Decimal>;
    reason: string | null;
    decisionNumber: string | null;
    decisionDate: Date | null;
    publishedById: string | null;
  },
): Promise<{ publicationId: string; version: number }> {
  const latest = await tx.publication.findFirst({
    where: { periodId: args.periodId },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  const version = (latest?.version ?? 0) + 1;
  const publicationId = randomUUID();
  // Every unit has the period's fields in the same order: the publication lists them once and each
  // row only its [points, applicableMax] per field (a national publication writes thousands of rows).
  const fields: PublishedFieldHeading[] = args.groups[0]?.rows[0]?.fields.map(({ code, name, maxPoints }) => ({ code, name, maxPoints })) ?? [];
  for (const group of args.groups) {
    for (const row of group.rows) {
      if (row.fields.length !== fields.length || row.fields.some((field, i) => field.code !== fields[i]!.code || field.maxPoints !== fields[i]!.maxPoints)) {
        throw new Error(`Unit ${row.unitCode} does not have the period's fields`);
      }
    }
  }
  await tx.publication.create({
    data: {
      id: publicationId,
      periodId: args.periodId,
      version,
      reason: args.reason,
      decisionNumber: args.decisionNumber,
      decisionDate: args.decisionDate,
      publishedById: args.publishedById,
      fields,
    },
  });

  // `f` is unpacked as text and cast: json_to_recordset's own json → jsonb conversion costs more.
  const rows = args.groups.flatMap((group) => group.rows.map((row) => ({ group, row, sipas: args.sipas.get(row.unitCode) })));
  await insertJsonRecords(
    tx,
    `insert into "PublishedResult"
       ("id", "publicationId", "groupId", "unitId", "unitCode", "unitName", "total", "applicableMax", "index",
        "appraisalPoints", "surveyPoints", "rank", "previousRank", "rankChange", "rankComparability", "band",
        "fields", "predecessorRanks", "sipasIndex", "sipasResponses")
     select gen_random_uuid()::text, $2, t.g, t.u, t.uc, t.un, t.tot, t.am, t.idx, t.ap, t.sp, t.r, t.pr, t.rc, t.cmp, t.b,
            t.f::jsonb, t.pre, t.si, t.sr
     from json_to_recordset($1::json) as t(g text, u text, uc text, un text, tot numeric, am numeric, idx numeric,
            ap numeric, sp numeric, r int, pr int, rc int, cmp text, b text, f text, pre jsonb, si numeric, sr int)`,
    rows,
    ({ group, row, sipas }) => ({
      g: args.groupIds.get(group.groupCode)!,
      u: args.unitIds.get(row.unitCode)!,
      uc: row.unitCode,
      un: row.unitName,
      tot: fixed4(row.total),
      am: fixed4(row.applicableMax),
      idx: row.indexRounded4.toFixed(4),
      ap: fixed4(row.appraisalPoints),
      sp: fixed4(row.surveyPoints),
      r: row.rank,
      pr: row.previousRank,
      rc: row.rankChange,
      cmp: row.rankComparability,
      b: row.band,
      f: row.fields.map((field) => [field.points, field.applicableMax]),
      pre: row.predecessorRanks.length ? row.predecessorRanks : null,
      si: sipas?.index ?? null,
      sr: sipas?.responses ?? null,
    }),
    { parameters: [publicationId] },
  );

  await tx.publishedGroupStat.createMany({
    data: args.groups.map((group) => {
      const meanDisplay = roundFraction(group.stats.mean.exact, 2);
      const previousDisplay = args.previousMeanDisplay.get(group.groupCode);
      return {
      publicationId,
      groupId: args.groupIds.get(group.groupCode)!,
      groupName: args.groupNames.get(group.groupCode)!,
      unitCount: group.stats.count,
      mean: group.stats.mean.rounded4.toFixed(4),
      median: group.stats.median.rounded4.toFixed(4),
      min: group.stats.min.rounded4.toFixed(4),
      max: group.stats.max.rounded4.toFixed(4),
      meanChange: group.stats.meanChange?.rounded4.toFixed(4) ?? null,
      meanDisplay: meanDisplay.toFixed(2),
      meanChangeDisplay: previousDisplay ? meanDisplay.minus(previousDisplay).toFixed(2) : null,
      pointsLost: {
        fields: args.fieldLosses.get(group.groupCode)!.map((loss) => ({
          code: loss.code,
          name: loss.name,
          lost: loss.lost.toFixed(),
          applicableMax: loss.applicableMax.toFixed(),
          unitsLosing: loss.unitsLosing,
        })),
      },
      };
    }),
  });

  return { publicationId, version };
}
