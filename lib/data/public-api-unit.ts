import type { Prisma } from "@/lib/generated/prisma/client";
import { getPrisma } from "./prisma";
import { publishedPeriodWhere } from "./published-period-header";
import { compareCodes } from "@/lib/domain/compare-codes";
import { apiNumber } from "@/lib/results-package/rankings-json";

export type PublicApiLineageLink = {
  code: string;
  /** The other unit's name in its latest published result; null when it has none. */
  name: string | null;
  kind: "merge" | "split";
  /** YYYY-MM-DD */
  effectiveOn: string;
};

export type PublicApiUnitResult = {
  period: { code: string; year: number; name: string };
  group: { code: string; name: string };
  /** The unit's name as that publication printed it. */
  unitName: string;
  rank: number;
  rankChange: number | null;
  total: number;
  applicableMax: number;
  index: number;
  band: string | null;
};

/** `GET /api/v1/units/{unit}` (shared/domain/results-format.md). */
export type PublicApiUnit = {
  unit: { code: string; name: string; kind: string };
  lineage: { predecessors: PublicApiLineageLink[]; successors: PublicApiLineageLink[] };
  results: PublicApiUnitResult[];
};

// A result is public only in the current publication of a published period: earlier versions
// were corrected, and drafts or replaced periods are not public at all.
const publiclyVisible = { publication: { currentOf: { is: publishedPeriodWhere } } } satisfies Prisma.PublishedResultWhereInput;

const publishedNames = {
  where: publiclyVisible,
  select: { unitName: true, publication: { select: { publishedAt: true, period: { select: { code: true, year: true } } } } },
} satisfies Prisma.Unit$publishedResultsArgs;

type PublishedName = { unitName: string; publication: { publishedAt: Date; period: { code: string; year: number } } };

/**
 * A unit, its lineage and its results in every published period (oldest first); null when the
 * unit is unknown or has no published result, which the public cannot tell apart.
 */
export async function getPublicApiUnit(unitCode: string): Promise<PublicApiUnit | null> {
  const unit = await getPrisma().unit.findUnique({
    where: { code: unitCode },
    select: {
      code: true,
      kind: true,
      publishedResults: {
        where: publiclyVisible,
        select: {
          publicationId: true,
          groupId: true,
          unitName: true,
          rank: true,
          rankChange: true,
          total: true,
          applicableMax: true,
          index: true,
          band: true,
          publication: { select: { publishedAt: true, period: { select: { code: true, year: true, name: true } } } },
        },
      },
      predecessorLinks: { select: { kind: true, effectiveOn: true, predecessor: { select: { code: true, publishedResults: publishedNames } } } },
      successorLinks: { select: { kind: true, effectiveOn: true, successor: { select: { code: true, publishedResults: publishedNames } } } },
    },
  });
  if (!unit || unit.publishedResults.length === 0) return null;

  const groupStats = await getPrisma().publishedGroupStat.findMany({
    where: { publicationId: { in: [...new Set(unit.publishedResults.map((row) => row.publicationId))] } },
    select: { publicationId: true, groupId: true, groupName: true, group: { select: { code: true } } },
  });
  const groups = new Map(groupStats.map((stat) => [`${stat.publicationId}/${stat.groupId}`, { code: stat.group.code, name: stat.groupName }]));

  const results = [...unit.publishedResults].sort(
    (a, b) => a.publication.period.year - b.publication.period.year || compareCodes(a.publication.period.code, b.publication.period.code),
  );
  const ownYears = results.map((row) => row.publication.period.year);

  return {
    unit: { code: unit.code, name: latestName(results)!, kind: unit.kind },
    lineage: {
      predecessors: unit.predecessorLinks
        .filter((link) => statedByPublishedPeriod(link.effectiveOn, ownYears))
        .map((link) => lineageLink(link, link.predecessor))
        .sort(byDateThenCode),
      successors: unit.successorLinks
        .filter((link) => statedByPublishedPeriod(link.effectiveOn, link.successor.publishedResults.map((row) => row.publication.period.year)))
        .map((link) => lineageLink(link, link.successor))
        .sort(byDateThenCode),
    },
    results: results.map((row) => ({
      period: row.publication.period,
      group: groups.get(`${row.publicationId}/${row.groupId}`)!,
      unitName: row.unitName,
      rank: row.rank,
      rankChange: row.rankChange,
      total: apiNumber(row.total.toFixed(4)),
      applicableMax: apiNumber(row.applicableMax.toFixed(4)),
      index: apiNumber(row.index.toFixed(4)),
      band: row.band,
    })),
  };
}

/**
 * Lineage is recorded by whichever import states it, published or not, and carries no period.
 * A package of year Y records its merges as effective on 1 January Y, so a link counts as
 * published once its successor has a published result from that year on; a draft period's
 * merge stays hidden until the period is published.
 */
function statedByPublishedPeriod(effectiveOn: Date, successorPublishedYears: number[]): boolean {
  const year = effectiveOn.getUTCFullYear();
  return successorPublishedYears.some((published) => published >= year);
}

function lineageLink(
  link: { kind: "merge" | "split"; effectiveOn: Date },
  other: { code: string; publishedResults: PublishedName[] },
): PublicApiLineageLink {
  return { code: other.code, name: latestName(other.publishedResults), kind: link.kind, effectiveOn: link.effectiveOn.toISOString().slice(0, 10) };
}

/** The unit's name as last published: names a later, unpublished import gave it stay private. */
function latestName(results: readonly PublishedName[]): string | null {
  let latest: PublishedName | null = null;
  for (const row of results) {
    if (
      !latest ||
      row.publication.period.year > latest.publication.period.year ||
      (row.publication.period.year === latest.publication.period.year && row.publication.publishedAt > latest.publication.publishedAt)
    ) {
      latest = row;
    }
  }
  return latest?.unitName ?? null;
}

function byDateThenCode(a: PublicApiLineageLink, b: PublicApiLineageLink): number {
  return compareCodes(a.effectiveOn, b.effectiveOn) || compareCodes(a.code, b.code);
}
