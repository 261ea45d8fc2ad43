import { getPrisma } from "./prisma";
import { compareCodes } from "@/lib/domain/compare-codes";

export type PublishedPeriodSummary = {
  code: string;
  year: number;
  name: string;
  authority: string;
  publishedAt: Date;
  decisionNumber: string | null;
  decisionDate: Date | null;
  illustrative: boolean;
  groups: { code: string; name: string; unitCount: number; meanDisplay: string }[];
};

/** Every published period (the public may see nothing else), newest year first. */
export async function listPublishedPeriods(): Promise<PublishedPeriodSummary[]> {
  const periods = await getPrisma().period.findMany({
    where: { status: "published", currentPublicationId: { not: null } },
    orderBy: [{ year: "desc" }, { code: "asc" }],
    select: {
      code: true,
      year: true,
      name: true,
      illustrative: true,
      authority: { select: { name: true } },
      currentPublication: {
        select: {
          publishedAt: true,
          decisionNumber: true,
          decisionDate: true,
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
        code: period.code,
        year: period.year,
        name: period.name,
        authority: period.authority.name,
        publishedAt: publication.publishedAt,
        decisionNumber: publication.decisionNumber,
        decisionDate: publication.decisionDate,
        illustrative: period.illustrative,
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
