import { randomUUID } from "node:crypto";
import type Decimal from "decimal.js";
import { roundFraction } from "@/lib/scoring/fraction";
import type { GroupRanking } from "@/lib/ranking/rank-period";
import type { GroupPointsLost } from "@/lib/ranking/group-points-lost";
import type { Tx } from "./transaction";

const CHUNK = 2_000;

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

  const rows = args.groups.flatMap((group) =>
    group.rows.map((row) => {
      const sipas = args.sipas.get(row.unitCode);
      return {
        publicationId,
        groupId: args.groupIds.get(group.groupCode)!,
        unitId: args.unitIds.get(row.unitCode)!,
        unitCode: row.unitCode,
        unitName: row.unitName,
        total: fixed4(row.total),
        applicableMax: fixed4(row.applicableMax),
        index: row.indexRounded4.toFixed(4),
        appraisalPoints: fixed4(row.appraisalPoints),
        surveyPoints: fixed4(row.surveyPoints),
        rank: row.rank,
        previousRank: row.previousRank,
        rankChange: row.rankChange,
        rankComparability: row.rankComparability,
        band: row.band,
        fields: row.fields.map((field) => ({
          code: field.code,
          name: field.name,
          points: field.points.toFixed(),
          maxPoints: field.maxPoints.toFixed(),
          applicableMax: field.applicableMax.toFixed(),
          notApplicable: field.notApplicable,
        })),
        predecessorRanks: row.predecessorRanks.length ? row.predecessorRanks : undefined,
        sipasIndex: sipas?.index ?? null,
        sipasResponses: sipas?.responses ?? null,
      };
    }),
  );
  for (let start = 0; start < rows.length; start += CHUNK) {
    await tx.publishedResult.createMany({ data: rows.slice(start, start + CHUNK) });
  }

  await tx.publishedGroupStat.createMany({
    data: args.groups.map((group) => {
      const meanDisplay = roundFraction(group.stats.mean.exact, 2);
      const previousDisplay = args.previousMeanDisplay.get(group.groupCode);
      return {
      publicationId,
      groupId: args.groupIds.get(group.groupCode)!,
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
