import { randomUUID } from "node:crypto";
import type Decimal from "decimal.js";
import { roundFraction } from "@/lib/scoring/fraction";
import type { GroupRanking } from "@/lib/ranking/rank-period";
import type { GroupPointsLost } from "@/lib/ranking/group-points-lost";
import type { Tx } from "./transaction";

const CHUNK = 5_000;

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
    groups: readonly GroupRanking[];
    pointsLost: ReadonlyMap<string, GroupPointsLost>;
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
  await tx.publication.create({
    data: {
      id: publicationId,
      periodId: args.periodId,
      version,
      reason: args.reason,
      decisionNumber: args.decisionNumber,
      decisionDate: args.decisionDate,
      publishedById: args.publishedById,
    },
  });

  // Column arrays through unnest: one statement for thousands of rows (see store-results-package).
  const rows = args.groups.flatMap((group) => group.rows.map((row) => ({ group, row, sipas: args.sipas.get(row.unitCode) })));
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    await tx.$executeRawUnsafe(
      `insert into "PublishedResult"
         ("id", "publicationId", "groupId", "unitId", "unitCode", "unitName", "total", "applicableMax", "index",
          "appraisalPoints", "surveyPoints", "rank", "previousRank", "rankChange", "rankComparability", "band",
          "fields", "predecessorRanks", "sipasIndex", "sipasResponses")
       select gen_random_uuid()::text, $1, t.g, t.u, t.uc, t.un, t.tot, t.am, t.idx, t.ap, t.sp, t.r, t.pr, t.rc, t.cmp, t.b,
              t.f::jsonb, t.pre::jsonb, t.si, t.sr
       from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::numeric[], $7::numeric[], $8::numeric[], $9::numeric[],
                   $10::numeric[], $11::int[], $12::int[], $13::int[], $14::text[], $15::text[], $16::text[], $17::text[],
                   $18::numeric[], $19::int[])
         as t(g, u, uc, un, tot, am, idx, ap, sp, r, pr, rc, cmp, b, f, pre, si, sr)`,
      publicationId,
      chunk.map(({ group }) => args.groupIds.get(group.groupCode)!),
      chunk.map(({ row }) => args.unitIds.get(row.unitCode)!),
      chunk.map(({ row }) => row.unitCode),
      chunk.map(({ row }) => row.unitName),
      chunk.map(({ row }) => fixed4(row.total)),
      chunk.map(({ row }) => fixed4(row.applicableMax)),
      chunk.map(({ row }) => row.indexRounded4.toFixed(4)),
      chunk.map(({ row }) => fixed4(row.appraisalPoints)),
      chunk.map(({ row }) => fixed4(row.surveyPoints)),
      chunk.map(({ row }) => row.rank),
      chunk.map(({ row }) => row.previousRank),
      chunk.map(({ row }) => row.rankChange),
      chunk.map(({ row }) => row.rankComparability),
      chunk.map(({ row }) => row.band),
      chunk.map(({ row }) =>
        JSON.stringify(
          row.fields.map((field) => ({
            code: field.code,
            name: field.name,
            points: field.points.toFixed(),
            maxPoints: field.maxPoints.toFixed(),
            applicableMax: field.applicableMax.toFixed(),
            notApplicable: field.notApplicable,
          })),
        ),
      ),
      chunk.map(({ row }) => (row.predecessorRanks.length ? JSON.stringify(row.predecessorRanks) : null)),
      chunk.map(({ sipas }) => sipas?.index ?? null),
      chunk.map(({ sipas }) => sipas?.responses ?? null),
    );
  }

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
        fields: args.pointsLost.get(group.groupCode)!.fields.map((loss) => ({
          code: loss.code,
          name: loss.name,
          lost: loss.lost.toFixed(),
          applicableMax: loss.applicableMax.toFixed(),
          unitsLosing: loss.unitsLosing,
        })),
        leaves: args.pointsLost.get(group.groupCode)!.leaves.map((loss) => ({
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
