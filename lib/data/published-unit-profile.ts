import type { Prisma } from "@/lib/generated/prisma/client";
import { getPrisma } from "./prisma";
import { getPublicApiUnit, type PublicApiLineageLink } from "./public-api-unit";
import {
  periodHeaderSelect,
  publicationHeaderSelect,
  publishedPeriodWhere,
  toPublishedPeriodHeader,
  type PublishedPeriodHeader,
} from "./published-period-header";
import { compareCodes } from "@/lib/domain/compare-codes";
import { historyComparabilityBreaks, type ComparabilityBreak } from "@/lib/domain/history-comparability";
import type { PublishedFieldScore } from "@/lib/domain/published-field-score";
import { expandPublishedFieldScores, parsePublishedFieldHeadings } from "@/lib/domain/published-field-scores-schema";
import { displayIndex } from "@/lib/scoring/compute-unit-score";
import { bandLevel } from "@/lib/ranking/assign-band";
import {
  breakdownMatchesPublished,
  unitCriterionBreakdown,
  type SelfAppraisalComparison,
  type UnitCriterionBreakdown,
} from "@/lib/scoring/unit-criterion-breakdown";

/** SIPAS figures read as weak below this many responses when the period's survey sets no threshold. */
export const DEFAULT_SMALL_SAMPLE = 30;

export type UnitProfileLineageLink = PublicApiLineageLink;

/** Where a history row comes from: the unit itself, or a unit it continues or that continues it. */
export type HistoryRelation = "self" | "predecessor" | "successor";

/** One published result on the unit's timeline; decimals as exact strings. */
export type UnitHistoryRow = {
  periodCode: string;
  periodName: string;
  year: number;
  unitCode: string;
  /** The unit's name as that publication printed it. */
  unitName: string;
  relation: HistoryRelation;
  groupCode: string;
  groupName: string;
  groupSize: number;
  total: string;
  applicableMax: string;
  /** Half-up to 4 decimals (the API's value). */
  index: string;
  /** Half-up to 2 decimals from the exact index: the shown value. */
  indexDisplay: string;
  rank: number;
  rankChange: number | null;
  band: string | null;
  bandLevel: number | null;
  bandCount: number;
};

export type UnitPeriodOption = { code: string; year: number; name: string };

export type PredecessorRank = { unitCode: string; unitName: string | null; groupCode: string; rank: number };

export type UnitSipas = {
  index: string;
  responses: number | null;
  /** Fewer responses than this make a weak figure, which the page must say. */
  smallSampleThreshold: number;
  /** The 95 % interval of the approved figures (null for imported figures or under 2 responses). */
  ciLow: string | null;
  ciHigh: string | null;
  /** Per element, from the period's approved SIPAS result; empty when there is none. */
  elements: { code: string; name: string | null; index: string; responses: number | null }[];
};

export type UnitPeriodResult = {
  period: PublishedPeriodHeader & { publishSelfPoints: boolean };
  unitName: string;
  group: { code: string; name: string; unitCount: number; meanDisplay: string; meanChangeDisplay: string | null };
  total: string;
  applicableMax: string;
  /** Half-up to 4 decimals (the API's value). */
  index: string;
  /** Half-up to 2 decimals from the exact index, never from the 4-decimal one. */
  indexDisplay: string;
  appraisalPoints: string;
  surveyPoints: string;
  rank: number;
  previousRank: number | null;
  rankChange: number | null;
  /** comparable | new | merged | group-changed | no-previous-period (lib/ranking/rank-change). */
  rankComparability: string;
  predecessorRanks: PredecessorRank[];
  band: string | null;
  /** 0 for the period's highest band; null without a band. */
  bandLevel: number | null;
  bandCount: number;
  fields: PublishedFieldScore[];
  /**
   * Every criterion down to the leaves (self claims only where the period publishes them); null
   * when the frozen scores do not roll up to the published fields.
   */
  breakdown: Omit<UnitCriterionBreakdown, "selfAppraisal"> | null;
  /** Only where the period publishes self-assessed points. */
  selfAppraisal: SelfAppraisalComparison | null;
  sipas: UnitSipas | null;
};

export type PublishedUnitProfile = {
  unit: { code: string; name: string; kind: string };
  lineage: { predecessors: UnitProfileLineageLink[]; successors: UnitProfileLineageLink[] };
  /** The unit's own published periods, newest first. */
  periods: UnitPeriodOption[];
  selected: UnitPeriodResult;
  /** The unit's results and its predecessors' and successors', oldest first. */
  history: UnitHistoryRow[];
  /** Consecutive periods of the history that are not directly comparable, and why. */
  breaks: ComparabilityBreak[];
};

// Only a published period's current publication is public: corrected versions and drafts are not.
const publiclyVisible = { publication: { currentOf: { is: publishedPeriodWhere } } } satisfies Prisma.PublishedResultWhereInput;

/** A unit's results and its predecessors' and successors', as the unit page's history shows them. */
export type PublishedUnitHistory = {
  unit: { code: string; name: string; kind: string };
  lineage: { predecessors: UnitProfileLineageLink[]; successors: UnitProfileLineageLink[] };
  /** Oldest first. */
  history: UnitHistoryRow[];
  breaks: ComparabilityBreak[];
  /** The latest publication among the rows: when the history last changed. */
  lastPublishedAt: Date;
};

/** The unit's published timeline; null when the unit is unknown or has no published result. */
export async function getPublishedUnitHistory(unitCode: string): Promise<PublishedUnitHistory | null> {
  const timeline = await loadTimeline(unitCode);
  if (!timeline) return null;
  const { unit, history, breaks, rows } = timeline;
  return {
    unit: { code: unit.unit.code, name: unit.unit.name, kind: unit.unit.kind },
    lineage: unit.lineage,
    history,
    breaks,
    lastPublishedAt: new Date(Math.max(...rows.map((row) => row.publication.publishedAt.getTime()))),
  };
}

/**
 * A unit's public profile in one of its published periods (the latest when `periodCode` is not
 * given). Null when the unit is unknown, has no published result, or has none in that period:
 * the public cannot tell these apart, as with the API.
 */
export async function getPublishedUnitProfile(unitCode: string, periodCode?: string): Promise<PublishedUnitProfile | null> {
  const timeline = await loadTimeline(unitCode);
  if (!timeline) return null;
  const { unit, rows, history, breaks, statOf, bandsOf } = timeline;

  const own = rows.filter((row) => row.unit.code === unit.unit.code);
  const newestFirst = [...own].sort(
    (a, b) =>
      b.publication.period.year - a.publication.period.year ||
      b.publication.publishedAt.getTime() - a.publication.publishedAt.getTime() ||
      compareCodes(a.publication.period.code, b.publication.period.code),
  );
  const chosen = periodCode === undefined ? newestFirst[0] : newestFirst.find((row) => row.publication.period.code === periodCode);
  if (!chosen) return null;

  const lineageNames = new Map([...unit.lineage.predecessors, ...unit.lineage.successors].map((link) => [link.code, link.name]));
  const stat = statOf(chosen);
  const selected = await loadPeriodResult(chosen, {
    group: {
      code: chosen.group.code,
      name: stat.groupName,
      unitCount: stat.unitCount,
      meanDisplay: stat.meanDisplay.toFixed(2),
      meanChangeDisplay: stat.meanChangeDisplay?.toFixed(2) ?? null,
    },
    bandLabels: bandsOf(chosen.publication.period.id),
    lineageNames,
  });

  return {
    unit: { code: unit.unit.code, name: unit.unit.name, kind: unit.unit.kind },
    lineage: unit.lineage,
    periods: newestFirst.map((row) => ({ code: row.publication.period.code, year: row.publication.period.year, name: row.publication.period.name })),
    selected,
    history,
    breaks,
  };
}

/** The unit, every published result of it and of its lineage, and what the history makes of them. */
async function loadTimeline(unitCode: string) {
  const unit = await getPublicApiUnit(unitCode);
  if (!unit) return null;

  const relations = new Map<string, HistoryRelation>([[unit.unit.code, "self"]]);
  for (const link of unit.lineage.predecessors) relations.set(link.code, "predecessor");
  for (const link of unit.lineage.successors) relations.set(link.code, "successor");

  const rows = await loadHistoryRows([...relations.keys()]);

  const [groupStats, bands] = await Promise.all([
    getPrisma().publishedGroupStat.findMany({
      where: { OR: uniquePairs(rows.map((row) => ({ publicationId: row.publicationId, groupId: row.groupId }))) },
      select: { publicationId: true, groupId: true, groupName: true, unitCount: true, meanDisplay: true, meanChangeDisplay: true },
    }),
    getPrisma().band.findMany({
      where: { periodId: { in: [...new Set(rows.map((row) => row.publication.period.id))] } },
      select: { periodId: true, label: true },
      orderBy: [{ minIndex: "desc" }, { label: "asc" }],
    }),
  ]);
  const statOf = (row: HistoryRecord) => groupStats.find((stat) => stat.publicationId === row.publicationId && stat.groupId === row.groupId)!;
  const bandsOf = (periodId: string) => bands.filter((band) => band.periodId === periodId).map((band) => band.label);

  const history = rows
    .map((row): UnitHistoryRow => {
      const stat = statOf(row);
      const labels = bandsOf(row.publication.period.id);
      return {
        periodCode: row.publication.period.code,
        periodName: row.publication.period.name,
        year: row.publication.period.year,
        unitCode: row.unit.code,
        unitName: row.unitName,
        relation: relations.get(row.unit.code)!,
        groupCode: row.group.code,
        groupName: stat.groupName,
        groupSize: stat.unitCount,
        total: row.total.toFixed(),
        applicableMax: row.applicableMax.toFixed(),
        index: row.index.toFixed(4),
        indexDisplay: displayIndex(row.total.toString(), row.applicableMax.toString()),
        rank: row.rank,
        rankChange: row.rankChange,
        band: row.band,
        bandLevel: bandLevel(row.band, labels),
        bandCount: labels.length,
      };
    })
    .sort((a, b) => a.year - b.year || compareCodes(a.periodCode, b.periodCode) || relationOrder(a.relation, b.relation) || compareCodes(a.unitCode, b.unitCode));

  const lineageYears = [...unit.lineage.predecessors, ...unit.lineage.successors].map((link) => Number(link.effectiveOn.slice(0, 4)));
  const breaks = historyComparabilityBreaks(
    rows.map((row) => ({
      periodCode: row.publication.period.code,
      year: row.publication.period.year,
      unitCode: row.unit.code,
      criteriaSetId: row.publication.period.criteriaSetId,
    })),
    lineageYears,
  );

  return { unit, rows, history, breaks, statOf, bandsOf };
}

const historySelect = {
  id: true,
  publicationId: true,
  groupId: true,
  unitId: true,
  unitName: true,
  rank: true,
  previousRank: true,
  rankChange: true,
  rankComparability: true,
  predecessorRanks: true,
  total: true,
  applicableMax: true,
  index: true,
  band: true,
  unit: { select: { code: true } },
  group: { select: { code: true } },
  publication: {
    select: {
      ...publicationHeaderSelect,
      period: { select: { ...periodHeaderSelect, id: true, criteriaSetId: true, publishSelfPoints: true } },
    },
  },
} satisfies Prisma.PublishedResultSelect;

type HistoryRecord = Prisma.PublishedResultGetPayload<{ select: typeof historySelect }>;

function loadHistoryRows(unitCodes: string[]): Promise<HistoryRecord[]> {
  return getPrisma().publishedResult.findMany({
    where: { ...publiclyVisible, unit: { code: { in: unitCodes } } },
    select: historySelect,
  });
}

async function loadPeriodResult(
  row: HistoryRecord,
  context: {
    group: UnitPeriodResult["group"];
    bandLabels: string[];
    lineageNames: ReadonlyMap<string, string | null>;
  },
): Promise<UnitPeriodResult> {
  const period = row.publication.period;
  const prisma = getPrisma();
  const [snapshot, criteria, scores, sipasResult, survey] = await Promise.all([
    prisma.publishedResult.findUniqueOrThrow({
      where: { id: row.id },
      select: {
        appraisalPoints: true,
        surveyPoints: true,
        fields: true,
        sipasIndex: true,
        sipasResponses: true,
        publication: { select: { fields: true } },
      },
    }),
    prisma.criterion.findMany({
      where: { criteriaSetId: period.criteriaSetId },
      select: { id: true, parentId: true, code: true, name: true, maxPoints: true, method: true, order: true },
    }),
    prisma.criterionScore.findMany({
      where: { assessment: { periodId: period.id, unitId: row.unitId } },
      select: {
        criterionId: true,
        appraisedPoints: true,
        notApplicable: true,
        selfPoints: true,
        selfNotApplicable: true,
        appraisalReason: true,
      },
    }),
    prisma.sipasResult.findFirst({
      where: { periodId: period.id, unitId: row.unitId, state: "approved" },
      select: {
        index: true,
        responses: true,
        ciLow: true,
        ciHigh: true,
        elements: { select: { code: true, name: true, index: true, responses: true }, orderBy: [{ order: "asc" }, { code: "asc" }] },
      },
    }),
    prisma.sipasSurvey.findFirst({
      where: { periodId: period.id },
      orderBy: { createdAt: "asc" },
      select: { smallSampleThreshold: true, elements: { select: { code: true, name: true } } },
    }),
  ]);

  const fields = expandPublishedFieldScores(parsePublishedFieldHeadings(snapshot.publication.fields), snapshot.fields, row.unit.code);
  const codeOf = new Map(criteria.map((criterion) => [criterion.id, criterion.code]));
  const full = unitCriterionBreakdown(
    criteria.map((criterion) => ({
      code: criterion.code,
      parentCode: criterion.parentId === null ? null : codeOf.get(criterion.parentId)!,
      name: criterion.name,
      maxPoints: criterion.maxPoints.toString(),
      method: criterion.method,
      order: criterion.order,
    })),
    scores.map((score) => ({
      code: codeOf.get(score.criterionId)!,
      appraisedPoints: score.appraisedPoints?.toString() ?? null,
      notApplicable: score.notApplicable,
      selfPoints: score.selfPoints?.toString() ?? null,
      selfNotApplicable: score.selfNotApplicable,
      appraisalReason: score.appraisalReason,
    })),
  );
  const consistent = breakdownMatchesPublished(full, fields);
  const { selfAppraisal, ...breakdown } = full;
  // A unit's own claims are public only where the period says so; otherwise they never leave here.
  if (!period.publishSelfPoints) breakdown.rows = breakdown.rows.map((criterion) => ({ ...criterion, self: null }));

  const surveyNames = new Map(survey?.elements.map((element) => [element.code, element.name]) ?? []);
  // The interval belongs to the approved figures only while they are still the ones published.
  const interval =
    sipasResult && snapshot.sipasIndex !== null && sipasResult.index.equals(snapshot.sipasIndex) && sipasResult.responses === snapshot.sipasResponses
      ? { ciLow: sipasResult.ciLow?.toFixed() ?? null, ciHigh: sipasResult.ciHigh?.toFixed() ?? null }
      : { ciLow: null, ciHigh: null };
  const sipas: UnitSipas | null =
    snapshot.sipasIndex === null
      ? null
      : {
          index: snapshot.sipasIndex.toFixed(),
          responses: snapshot.sipasResponses,
          smallSampleThreshold: survey?.smallSampleThreshold ?? DEFAULT_SMALL_SAMPLE,
          ...interval,
          elements: (sipasResult?.elements ?? []).map((element) => ({
            code: element.code,
            name: element.name ?? surveyNames.get(element.code) ?? null,
            index: element.index.toFixed(),
            responses: element.responses,
          })),
        };

  return {
    period: { ...toPublishedPeriodHeader(period, row.publication), publishSelfPoints: period.publishSelfPoints },
    unitName: row.unitName,
    group: context.group,
    total: row.total.toFixed(),
    applicableMax: row.applicableMax.toFixed(),
    index: row.index.toFixed(4),
    indexDisplay: displayIndex(row.total.toString(), row.applicableMax.toString()),
    appraisalPoints: snapshot.appraisalPoints.toFixed(),
    surveyPoints: snapshot.surveyPoints.toFixed(),
    rank: row.rank,
    previousRank: row.previousRank,
    rankChange: row.rankChange,
    rankComparability: row.rankComparability,
    predecessorRanks: parsePredecessorRanks(row.predecessorRanks).map((rank) => ({
      ...rank,
      unitName: context.lineageNames.get(rank.unitCode) ?? null,
    })),
    band: row.band,
    bandLevel: bandLevel(row.band, context.bandLabels),
    bandCount: context.bandLabels.length,
    fields,
    // Leaf scores that no longer add up to what was published (corrected, erratum not yet
    // published) would contradict the published figures next to them, so they are not shown.
    breakdown: consistent ? breakdown : null,
    selfAppraisal: consistent && period.publishSelfPoints ? selfAppraisal : null,
    sipas,
  };
}

function relationOrder(a: HistoryRelation, b: HistoryRelation): number {
  const order: Record<HistoryRelation, number> = { predecessor: 0, self: 1, successor: 2 };
  return order[a] - order[b];
}

function uniquePairs(pairs: { publicationId: string; groupId: string }[]): { publicationId: string; groupId: string }[] {
  return [...new Map(pairs.map((pair) => [`${pair.publicationId}/${pair.groupId}`, pair])).values()];
}

function parsePredecessorRanks(json: unknown): { unitCode: string; groupCode: string; rank: number }[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((entry) =>
    entry && typeof entry === "object" && typeof entry.unitCode === "string" && typeof entry.groupCode === "string" && Number.isInteger(entry.rank)
      ? [{ unitCode: entry.unitCode as string, groupCode: entry.groupCode as string, rank: entry.rank as number }]
      : [],
  );
}
