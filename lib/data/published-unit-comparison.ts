import { getPrisma } from "./prisma";
import {
  periodHeaderSelect,
  publicationHeaderSelect,
  publishedPeriodWhere,
  toPublishedPeriodHeader,
  type PublishedPeriodHeader,
} from "./published-period-header";
import { compareCodes } from "@/lib/domain/compare-codes";
import type { PublishedFieldScore } from "@/lib/domain/published-field-score";
import { expandPublishedFieldScores, parsePublishedFieldHeadings } from "@/lib/domain/published-field-scores-schema";
import { displayIndex } from "@/lib/scoring/compute-unit-score";
import { bandLevel } from "@/lib/ranking/assign-band";

/** A unit that can be picked for comparison in the period. */
export type ComparisonUnitOption = { code: string; name: string; groupCode: string };

/** One compared unit's published result; decimals as exact strings. */
export type ComparisonRow = {
  unitCode: string;
  unitName: string;
  groupCode: string;
  groupName: string;
  groupSize: number;
  total: string;
  applicableMax: string;
  /** Half-up to 4 decimals (the API's value). */
  index: string;
  /** Half-up to 2 decimals from the exact index. */
  indexDisplay: string;
  rank: number;
  rankChange: number | null;
  band: string | null;
  bandLevel: number | null;
  /** In the period's field order (the criteria tree's). */
  fields: PublishedFieldScore[];
};

export type PublishedComparison = PublishedPeriodHeader & {
  bandCount: number;
  /** The period's groups in their configured order, named as published. */
  groups: { code: string; name: string }[];
  /** Every unit of the period, by group and then by name, for the picker. */
  options: ComparisonUnitOption[];
  /** The requested units that have a result in the period, in the order asked for. */
  rows: ComparisonRow[];
  /** Requested codes the period has no result for. */
  unknownUnits: string[];
};

const vietnameseOrder = new Intl.Collator("vi");

/**
 * Up to a few units' results in the current publication of one published period, side by side;
 * null when the period is not public. Only the compared units' fields are read, so a national
 * period's picker stays a light query.
 */
export async function getPublishedComparison(periodCode: string, unitCodes: readonly string[]): Promise<PublishedComparison | null> {
  const period = await getPrisma().period.findFirst({
    where: { code: periodCode, ...publishedPeriodWhere },
    select: {
      ...periodHeaderSelect,
      bands: { select: { label: true }, orderBy: [{ minIndex: "desc" }, { label: "asc" }] },
      currentPublication: {
        select: {
          ...publicationHeaderSelect,
          id: true,
          fields: true,
          groupStats: { select: { groupId: true, groupName: true, unitCount: true, group: { select: { code: true, order: true } } } },
          results: { select: { unitCode: true, unitName: true, groupId: true } },
        },
      },
    },
  });
  const publication = period?.currentPublication;
  if (!period || !publication) return null;

  const stats = [...publication.groupStats].sort((a, b) => a.group.order - b.group.order || compareCodes(a.group.code, b.group.code));
  const statByGroupId = new Map(stats.map((stat) => [stat.groupId, stat]));
  const groupPosition = new Map(stats.map((stat, position) => [stat.groupId, position]));
  const options = [...publication.results]
    .sort(
      (a, b) =>
        groupPosition.get(a.groupId)! - groupPosition.get(b.groupId)! ||
        vietnameseOrder.compare(a.unitName, b.unitName) ||
        compareCodes(a.unitCode, b.unitCode),
    )
    .map((row) => ({ code: row.unitCode, name: row.unitName, groupCode: statByGroupId.get(row.groupId)!.group.code }));

  const known = new Set(options.map((option) => option.code));
  const wanted = unitCodes.filter((code) => known.has(code));
  const records =
    wanted.length === 0
      ? []
      : await getPrisma().publishedResult.findMany({
          where: { publicationId: publication.id, unitCode: { in: wanted } },
          select: {
            unitCode: true,
            unitName: true,
            groupId: true,
            total: true,
            applicableMax: true,
            index: true,
            rank: true,
            rankChange: true,
            band: true,
            fields: true,
          },
        });
  const bandLabels = period.bands.map((band) => band.label);
  const headings = parsePublishedFieldHeadings(publication.fields);
  const rows = wanted.map((code): ComparisonRow => {
    const record = records.find((candidate) => candidate.unitCode === code)!;
    const stat = statByGroupId.get(record.groupId)!;
    return {
      unitCode: record.unitCode,
      unitName: record.unitName,
      groupCode: stat.group.code,
      groupName: stat.groupName,
      groupSize: stat.unitCount,
      total: record.total.toFixed(),
      applicableMax: record.applicableMax.toFixed(),
      index: record.index.toFixed(4),
      indexDisplay: displayIndex(record.total.toString(), record.applicableMax.toString()),
      rank: record.rank,
      rankChange: record.rankChange,
      band: record.band,
      bandLevel: bandLevel(record.band, bandLabels),
      fields: expandPublishedFieldScores(headings, record.fields, record.unitCode),
    };
  });

  return {
    ...toPublishedPeriodHeader(period, publication),
    bandCount: bandLabels.length,
    groups: stats.map((stat) => ({ code: stat.group.code, name: stat.groupName })),
    options,
    rows,
    unknownUnits: unitCodes.filter((code) => !known.has(code)),
  };
}
