import type { Prisma } from "@/lib/generated/prisma/client";

/** The public may see a period only once it is published and has a current publication. */
export const publishedPeriodWhere = { status: "published", currentPublicationId: { not: null } } satisfies Prisma.PeriodWhereInput;

export const periodHeaderSelect = {
  code: true,
  year: true,
  name: true,
  illustrative: true,
  authority: { select: { name: true } },
} satisfies Prisma.PeriodSelect;

export const publicationHeaderSelect = { publishedAt: true, decisionNumber: true, decisionDate: true } satisfies Prisma.PublicationSelect;

/** What every public page says about a published period before its tables. */
export type PublishedPeriodHeader = {
  code: string;
  year: number;
  name: string;
  authority: string;
  publishedAt: Date;
  decisionNumber: string | null;
  decisionDate: Date | null;
  illustrative: boolean;
};

export function toPublishedPeriodHeader(
  period: { code: string; year: number; name: string; illustrative: boolean; authority: { name: string } },
  publication: { publishedAt: Date; decisionNumber: string | null; decisionDate: Date | null },
): PublishedPeriodHeader {
  return {
    code: period.code,
    year: period.year,
    name: period.name,
    authority: period.authority.name,
    publishedAt: publication.publishedAt,
    decisionNumber: publication.decisionNumber,
    decisionDate: publication.decisionDate,
    illustrative: period.illustrative,
  };
}
