import { getPrisma } from "./prisma";
import {
  periodHeaderSelect,
  publicationHeaderSelect,
  publishedPeriodWhere,
  toPublishedPeriodHeader,
  type PublishedPeriodHeader,
} from "./published-period-header";
import { bandRanges, type BandRanges } from "@/lib/domain/band-ranges";
import { compareCodes } from "@/lib/domain/compare-codes";
import { buildMethodologyTree, type MethodologyTree } from "@/lib/domain/methodology-tree";

export type TieBreakerName = "appraisalPoints" | "surveyPoints";

/** One version of a period's results: the original publication (version 1) or an erratum. */
export type PublicationVersion = {
  version: number;
  /** Why the results were corrected; null for the original publication. */
  reason: string | null;
  decisionNumber: string | null;
  decisionDate: Date | null;
  publishedAt: Date;
  /** The version every public page and the API show. */
  current: boolean;
};

export type PublishedMethodology = PublishedPeriodHeader & {
  criteriaSet: { code: string; name: string; version: number };
  tree: MethodologyTree;
  bands: BandRanges;
  /** Applied in this order after the exact index (results-format.md, Computation). */
  tieBreakers: TieBreakerName[];
  /** The groups units were ranked in, as the current publication names them. */
  groups: { code: string; name: string }[];
  /** Newest first. */
  publications: PublicationVersion[];
};

/** How a published period was evaluated and published; null when the period is unknown or not public. */
export async function getPublishedMethodology(periodCode: string): Promise<PublishedMethodology | null> {
  const period = await getPrisma().period.findFirst({
    where: { code: periodCode, ...publishedPeriodWhere },
    select: {
      ...periodHeaderSelect,
      tieBreakers: true,
      currentPublicationId: true,
      criteriaSet: {
        select: {
          code: true,
          name: true,
          version: true,
          criteria: {
            select: {
              id: true,
              parentId: true,
              code: true,
              name: true,
              nameEn: true,
              description: true,
              maxPoints: true,
              method: true,
              order: true,
              scoringRule: true,
              sipasInput: true,
            },
          },
        },
      },
      bands: { select: { label: true, labelEn: true, minIndex: true, headAssessment: true } },
      publications: {
        orderBy: { version: "desc" },
        select: { id: true, version: true, reason: true, decisionNumber: true, decisionDate: true, publishedAt: true },
      },
      currentPublication: {
        select: {
          ...publicationHeaderSelect,
          groupStats: { select: { groupName: true, group: { select: { code: true, order: true } } } },
        },
      },
    },
  });
  const publication = period?.currentPublication;
  if (!period || !publication) return null;

  return {
    ...toPublishedPeriodHeader(period, publication),
    criteriaSet: { code: period.criteriaSet.code, name: period.criteriaSet.name, version: period.criteriaSet.version },
    tree: buildMethodologyTree(
      period.criteriaSet.criteria.map((criterion) => ({ ...criterion, maxPoints: criterion.maxPoints.toFixed() })),
    ),
    bands: bandRanges(period.bands.map((band) => ({ ...band, minIndex: band.minIndex.toFixed() }))),
    tieBreakers: period.tieBreakers,
    groups: publication.groupStats
      .sort((a, b) => a.group.order - b.group.order || compareCodes(a.group.code, b.group.code))
      .map((stat) => ({ code: stat.group.code, name: stat.groupName })),
    publications: period.publications.map((version) => ({
      version: version.version,
      reason: version.reason,
      decisionNumber: version.decisionNumber,
      decisionDate: version.decisionDate,
      publishedAt: version.publishedAt,
      current: version.id === period.currentPublicationId,
    })),
  };
}
