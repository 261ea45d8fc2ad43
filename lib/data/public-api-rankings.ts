import { getPrisma } from "./prisma";
import { publishedPeriodWhere } from "./published-period-header";
import { compareCodes } from "@/lib/domain/compare-codes";
import type { RankingsRowSource } from "@/lib/results-package/rankings-json";
import { expandPublishedFieldScores, parsePublishedFieldHeadings } from "@/lib/domain/published-field-scores-schema";

/** What a rankings request needs before any row is read: enough to answer 404, 400 or 304. */
export type PublishedRankingsTarget = {
  periodCode: string;
  /** Snapshot rows of a publication are never rewritten: its id names the data exactly. */
  publicationId: string;
  publicationVersion: number;
  publishedAt: Date;
  /** The publication's groups in their configured order. */
  groups: { id: string; code: string; name: string }[];
};

/** The current publication of a published period; null when the period is unknown or not public. */
export async function findPublishedRankingsTarget(periodCode: string): Promise<PublishedRankingsTarget | null> {
  const period = await getPrisma().period.findFirst({
    where: { code: periodCode, ...publishedPeriodWhere },
    select: {
      code: true,
      currentPublication: {
        select: {
          id: true,
          version: true,
          publishedAt: true,
          groupStats: { select: { groupName: true, group: { select: { id: true, code: true, order: true } } } },
        },
      },
    },
  });
  const publication = period?.currentPublication;
  if (!period || !publication) return null;
  return {
    periodCode: period.code,
    publicationId: publication.id,
    publicationVersion: publication.version,
    publishedAt: publication.publishedAt,
    groups: publication.groupStats
      .sort((a, b) => a.group.order - b.group.order || compareCodes(a.group.code, b.group.code))
      .map((stat) => ({ id: stat.group.id, code: stat.group.code, name: stat.groupName })),
  };
}

/** One group's published rows, in rank order, as toRankingsJson takes them. */
export async function loadPublishedRankingRows(publicationId: string, groupId: string): Promise<RankingsRowSource[]> {
  const publication = await getPrisma().publication.findUniqueOrThrow({ where: { id: publicationId }, select: { fields: true } });
  const headings = parsePublishedFieldHeadings(publication.fields);
  const rows = await getPrisma().publishedResult.findMany({
    where: { publicationId, groupId },
    orderBy: [{ rank: "asc" }, { unitCode: "asc" }],
    select: {
      rank: true,
      rankChange: true,
      unitCode: true,
      unitName: true,
      total: true,
      applicableMax: true,
      index: true,
      band: true,
      fields: true,
    },
  });
  return rows.map((row) => ({
    rank: row.rank,
    rankChange: row.rankChange,
    unitCode: row.unitCode,
    unitName: row.unitName,
    total: row.total.toFixed(4),
    applicableMax: row.applicableMax.toFixed(4),
    index: row.index.toFixed(4),
    band: row.band,
    fields: expandPublishedFieldScores(headings, row.fields, row.unitCode),
  }));
}
