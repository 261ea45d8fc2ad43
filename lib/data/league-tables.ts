import type { LeagueTable } from "@/lib/domain/league-table";
import { exactIndex, indexValue } from "@/lib/scoring/compute-unit-score";
import { getPrisma } from "./prisma";
import {
  periodHeaderSelect,
  publicationHeaderSelect,
  publishedPeriodWhere,
  toPublishedPeriodHeader,
  type PublishedPeriodHeader,
} from "./published-period-header";
import { compareCodes } from "@/lib/domain/compare-codes";

export type PublishedPeriodTables = PublishedPeriodHeader & { tables: LeagueTable[] };

/** The current publication of a published period, one league table per group; null if not public. */
export async function getPublishedLeagueTables(periodCode: string): Promise<PublishedPeriodTables | null> {
  const period = await getPrisma().period.findFirst({
    where: { code: periodCode, ...publishedPeriodWhere },
    select: {
      ...periodHeaderSelect,
      currentPublication: {
        select: {
          ...publicationHeaderSelect,
          groupStats: {
            select: { groupName: true, meanDisplay: true, meanChangeDisplay: true, group: { select: { id: true, code: true, name: true, order: true } } },
          },
          results: {
            orderBy: [{ rank: "asc" }, { unitCode: "asc" }],
            select: {
              groupId: true,
              rank: true,
              rankChange: true,
              previousRank: true,
              unitCode: true,
              unitName: true,
              total: true,
              applicableMax: true,
              index: true,
              band: true,
            },
          },
        },
      },
    },
  });
  const publication = period?.currentPublication;
  if (!period || !publication) return null;

  const tables = publication.groupStats
    .sort((a, b) => a.group.order - b.group.order || compareCodes(a.group.code, b.group.code))
    .map((stat) => ({
      groupCode: stat.group.code,
      groupName: stat.groupName,
      meanDisplay: stat.meanDisplay.toFixed(2),
      meanChangeDisplay: stat.meanChangeDisplay?.toFixed(2) ?? null,
      // Shared ranks list by unit code in code-point order, as the ranking does (not by collation).
      rows: publication.results
        .filter((row) => row.groupId === stat.group.id)
        .sort((a, b) => a.rank - b.rank || compareCodes(a.unitCode, b.unitCode))
        .map((row) => ({
          rank: row.rank,
          rankChange: row.rankChange,
          previousRank: row.previousRank,
          unitCode: row.unitCode,
          unitName: row.unitName,
          total: row.total.toString(),
          applicableMax: row.applicableMax.toString(),
          index: row.index.toString(),
          indexDisplay: indexValue(exactIndex(row.total.toString(), row.applicableMax.toString()), 2).toFixed(2),
          band: row.band,
        })),
    }));

  return { ...toPublishedPeriodHeader(period, publication), tables };
}
