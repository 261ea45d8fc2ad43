import { getPrisma } from "./prisma";
import {
  periodHeaderSelect,
  publicationHeaderSelect,
  publishedPeriodWhere,
  toPublishedPeriodHeader,
  type PublishedPeriodHeader,
} from "./published-period-header";
import { compareCodes } from "@/lib/domain/compare-codes";

export type PublishedPeriodSummary = PublishedPeriodHeader & {
  groups: { code: string; name: string; unitCount: number; meanDisplay: string }[];
};

/** Every published period (the public may see nothing else), newest year first. */
export async function listPublishedPeriods(): Promise<PublishedPeriodSummary[]> {
  const periods = await getPrisma().period.findMany({
    where: publishedPeriodWhere,
    orderBy: [{ year: "desc" }, { code: "asc" }],
    select: {
      ...periodHeaderSelect,
      currentPublication: {
        select: {
          ...publicationHeaderSelect,
          groupStats: {
            select: { groupName: true, unitCount: true, meanDisplay: true, group: { select: { code: true, name: true, order: true } } },
          },
        },
      },
    },
  });
  return periods.flatMap((period) => {
    const publication = period.currentPublication;
    if (!publication) return [];
    return [
      {
        ...toPublishedPeriodHeader(period, publication),
        groups: publication.groupStats
          .sort((a, b) => a.group.order - b.group.order || compareCodes(a.group.code, b.group.code))
          .map((stat) => ({
            code: stat.group.code,
            name: stat.groupName,
            unitCount: stat.unitCount,
            meanDisplay: stat.meanDisplay.toFixed(2),
          })),
      },
    ];
  });
}
