import type { LeagueTable } from "@/lib/domain/league-table";
import { expandPublishedFieldScores, parsePublishedFieldHeadings } from "@/lib/domain/published-field-scores-schema";
import { displayIndex } from "@/lib/scoring/compute-unit-score";
import { bandLevel } from "@/lib/ranking/assign-band";
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

/**
 * The current publication of a published period, one league table per group (or only `groupCode`'s,
 * for a page of one group); null if the period is not public. A group the period does not have
 * gives no table.
 */
export async function getPublishedLeagueTables(periodCode: string, options: { groupCode?: string } = {}): Promise<PublishedPeriodTables | null> {
  const onlyGroup = options.groupCode === undefined ? {} : { group: { code: options.groupCode } };
  const period = await getPrisma().period.findFirst({
    where: { code: periodCode, ...publishedPeriodWhere },
    select: {
      ...periodHeaderSelect,
      bands: { select: { label: true }, orderBy: [{ minIndex: "desc" }, { label: "asc" }] },
      currentPublication: {
        select: {
          ...publicationHeaderSelect,
          fields: true,
          groupStats: {
            where: onlyGroup,
            select: { groupName: true, meanDisplay: true, meanChangeDisplay: true, group: { select: { id: true, code: true, name: true, order: true } } },
          },
          results: {
            where: onlyGroup,
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
              fields: true,
            },
          },
        },
      },
    },
  });
  const publication = period?.currentPublication;
  if (!period || !publication) return null;

  const bandLabels = period.bands.map((band) => band.label);
  // The fields as the publication lists them, in the criteria tree's order: the table's columns.
  const fieldColumns = parsePublishedFieldHeadings(publication.fields);
  const tables = publication.groupStats
    .sort((a, b) => a.group.order - b.group.order || compareCodes(a.group.code, b.group.code))
    .map((stat): LeagueTable => {
      // Shared ranks list by unit code in code-point order, as the ranking does (not by collation).
      const results = publication.results
        .filter((row) => row.groupId === stat.group.id)
        .sort((a, b) => a.rank - b.rank || compareCodes(a.unitCode, b.unitCode))
        .map((row) => ({ ...row, fields: expandPublishedFieldScores(fieldColumns, row.fields, row.unitCode) }));
      return {
        groupCode: stat.group.code,
        groupName: stat.groupName,
        meanDisplay: stat.meanDisplay.toFixed(2),
        meanChangeDisplay: stat.meanChangeDisplay?.toFixed(2) ?? null,
        fieldColumns,
        bandCount: period.bands.length,
        rows: results.map((row) => ({
          rank: row.rank,
          rankChange: row.rankChange,
          previousRank: row.previousRank,
          unitCode: row.unitCode,
          unitName: row.unitName,
          total: row.total.toString(),
          applicableMax: row.applicableMax.toString(),
          index: row.index.toString(),
          indexDisplay: displayIndex(row.total.toString(), row.applicableMax.toString()),
          band: row.band,
          bandLevel: bandLevel(row.band, bandLabels),
          fields: row.fields,
        })),
      };
    });

  return { ...toPublishedPeriodHeader(period, publication), tables };
}
