import { getPrisma } from "./prisma";
import { periodHeaderSelect, publicationHeaderSelect, publishedPeriodWhere, toPublishedPeriodHeader } from "./published-period-header";
import { compareCodes } from "@/lib/domain/compare-codes";

/** One element of `GET /api/v1/periods` (shared/domain/results-format.md). */
export type PublicApiPeriod = {
  code: string;
  year: number;
  name: string;
  authority: string;
  /** ISO 8601 instant of the current publication (a correction moves it). */
  publishedAt: string;
  groups: { code: string; name: string }[];
};

/** Every published period, newest year first, as the public API lists them. */
export async function listPublicApiPeriods(): Promise<PublicApiPeriod[]> {
  const periods = await getPrisma().period.findMany({
    where: publishedPeriodWhere,
    select: {
      ...periodHeaderSelect,
      currentPublication: {
        select: {
          ...publicationHeaderSelect,
          groupStats: { select: { groupName: true, group: { select: { code: true, order: true } } } },
        },
      },
    },
  });
  // Code-point order, not the database's collation, so every deployment lists ties alike.
  periods.sort((a, b) => b.year - a.year || compareCodes(a.code, b.code));
  return periods.flatMap((period) => {
    const publication = period.currentPublication;
    if (!publication) return [];
    const header = toPublishedPeriodHeader(period, publication);
    return [
      {
        code: header.code,
        year: header.year,
        name: header.name,
        authority: header.authority,
        publishedAt: header.publishedAt.toISOString(),
        // The group's name as published: a later rename does not rewrite a past publication.
        groups: publication.groupStats
          .sort((a, b) => a.group.order - b.group.order || compareCodes(a.group.code, b.group.code))
          .map((stat) => ({ code: stat.group.code, name: stat.groupName })),
      },
    ];
  });
}
