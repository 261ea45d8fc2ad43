import { randomUUID } from "node:crypto";
import type Decimal from "decimal.js";
import { roundFraction } from "@/lib/scoring/fraction";
import type { PeriodResults } from "@/lib/ranking/compute-period-results";
import type { Tx } from "./transaction";

const CHUNK = 2_000;

/** Totals are sums of points with at most 4 decimals, so this never rounds. */
function fixed4(value: Decimal): string {
  return value.toFixed(4);
}

function json(value: Decimal | null): string | null {
  return value === null ? null : value.toFixed();
}

/**
 * Stores one publication (version 1, or the next erratum) of a period's computed results as
 * snapshot rows and makes it the period's current publication. Earlier versions are kept.
 */
export async function storePublication(
  tx: Tx,
  args: {
    periodId: string;
    results: PeriodResults;
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

  const rows = args.results.groups.flatMap((group) =>
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
        criteria: row.leaves.map((leaf) => ({
          code: leaf.code,
          points: json(leaf.points),
          maxPoints: leaf.maxPoints.toFixed(),
          notApplicable: leaf.notApplicable,
          selfPoints: json(leaf.selfPoints),
          reason: leaf.reason,
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
    data: args.results.groups.map((group) => {
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
        fields: group.pointsLost.fields.map((loss) => ({
          code: loss.code,
          name: loss.name,
          lost: loss.lost.toFixed(),
          applicableMax: loss.applicableMax.toFixed(),
          unitsLosing: loss.unitsLosing,
        })),
        leaves: group.pointsLost.leaves.map((loss) => ({
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
