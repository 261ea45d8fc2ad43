import { getPrisma } from "./prisma";
import {
  periodHeaderSelect,
  publicationHeaderSelect,
  publishedPeriodWhere,
  toPublishedPeriodHeader,
  type PublishedPeriodHeader,
} from "./published-period-header";
import { compareCodes } from "@/lib/domain/compare-codes";
import type { SipasIndexMethodName } from "@/lib/sipas/questionnaire";
import { DEFAULT_SIPAS_SMALL_SAMPLE, isSmallSample, sipasElementColumns } from "@/lib/domain/sipas-results";

/** An element of the period's SIPAS model; names are null when neither the survey nor the results give one. */
export type SipasElementColumn = { code: string; name: string | null; nameEn: string | null };

/** One unit's published satisfaction figures; indices are percentages as exact decimal strings. */
export type PublishedSipasUnit = {
  unitCode: string;
  unitName: string;
  index: string;
  responses: number | null;
  smallSample: boolean;
  /** Confidence interval of the index, where one was stored. */
  ciLow: string | null;
  ciHigh: string | null;
  /** Aligned with PublishedSipas.elements; null where the unit has no figure for that element. */
  elements: (string | null)[];
};

export type PublishedSipasGroup = { code: string; name: string; units: PublishedSipasUnit[] };

export type PublishedSipas = PublishedPeriodHeader & {
  smallSampleThreshold: number;
  /** How the portal's own survey computed the figures; null for figures imported without a survey. */
  method: { indexMethod: SipasIndexMethodName; satisfiedFrom: number } | null;
  elements: SipasElementColumn[];
  /** Only groups with at least one unit's figures; empty when the period published no SIPAS. */
  groups: PublishedSipasGroup[];
};

/**
 * The SIPAS figures of a published period's current publication, per group, in unit-code order
 * (pages choose the reading order); null when the period is unknown or not public.
 *
 * The overall index and response count are the ones the publication froze from the approved
 * results, like every other public figure. Element indices and the interval exist only on the
 * approved SipasResult, so they are shown only while it still matches what was published: a
 * result changed after publication belongs to the next erratum, not next to the old figure.
 */
export async function getPublishedSipas(periodCode: string): Promise<PublishedSipas | null> {
  const prisma = getPrisma();
  const period = await prisma.period.findFirst({
    where: { code: periodCode, ...publishedPeriodWhere },
    select: {
      ...periodHeaderSelect,
      id: true,
      currentPublication: {
        select: {
          ...publicationHeaderSelect,
          groupStats: { select: { groupName: true, group: { select: { id: true, code: true, order: true } } } },
          results: {
            where: { sipasIndex: { not: null } },
            select: { groupId: true, unitId: true, unitCode: true, unitName: true, sipasIndex: true, sipasResponses: true },
          },
        },
      },
    },
  });
  const publication = period?.currentPublication;
  if (!period || !publication) return null;

  const [approved, survey] = await Promise.all([
    prisma.sipasResult.findMany({
      where: { periodId: period.id, state: "approved", unitId: { in: publication.results.map((row) => row.unitId) } },
      select: {
        unitId: true,
        index: true,
        responses: true,
        ciLow: true,
        ciHigh: true,
        elements: { select: { code: true, name: true, index: true, order: true } },
      },
    }),
    prisma.sipasSurvey.findFirst({
      where: { periodId: period.id },
      orderBy: [{ createdAt: "asc" }, { code: "asc" }],
      select: { smallSampleThreshold: true, indexMethod: true, satisfiedFrom: true, elements: { select: { code: true, name: true, nameEn: true, order: true } } },
    }),
  ]);

  const approvedByUnit = new Map(approved.map((result) => [result.unitId, result]));
  const details = new Map(
    publication.results.flatMap((row) => {
      const result = approvedByUnit.get(row.unitId);
      const stillPublished = result && row.sipasIndex !== null && result.index.equals(row.sipasIndex) && result.responses === row.sipasResponses;
      return stillPublished ? [[row.unitId, result] as const] : [];
    }),
  );

  const surveyElements = survey?.elements ?? [];
  const resultElements = [...details.values()].flatMap((result) => result.elements);
  const columns = sipasElementColumns(surveyElements, resultElements);
  const surveyNames = new Map(surveyElements.map((element) => [element.code, element]));
  const storedNames = new Map<string, string>();
  for (const element of resultElements) if (element.name && !storedNames.has(element.code)) storedNames.set(element.code, element.name);

  const threshold = survey?.smallSampleThreshold ?? DEFAULT_SIPAS_SMALL_SAMPLE;
  const groups = publication.groupStats
    .sort((a, b) => a.group.order - b.group.order || compareCodes(a.group.code, b.group.code))
    .map((stat): PublishedSipasGroup => ({
      code: stat.group.code,
      name: stat.groupName,
      units: publication.results
        .filter((row) => row.groupId === stat.group.id)
        .sort((a, b) => compareCodes(a.unitCode, b.unitCode))
        .map((row): PublishedSipasUnit => {
          const result = details.get(row.unitId);
          const elementIndex = new Map(result?.elements.map((element) => [element.code, element.index.toFixed()]) ?? []);
          return {
            unitCode: row.unitCode,
            unitName: row.unitName,
            index: row.sipasIndex!.toFixed(),
            responses: row.sipasResponses,
            smallSample: isSmallSample(row.sipasResponses, threshold),
            ciLow: result?.ciLow?.toFixed() ?? null,
            ciHigh: result?.ciHigh?.toFixed() ?? null,
            elements: columns.map((code) => elementIndex.get(code) ?? null),
          };
        }),
    }))
    .filter((group) => group.units.length > 0);

  return {
    ...toPublishedPeriodHeader(period, publication),
    smallSampleThreshold: threshold,
    method: survey ? { indexMethod: survey.indexMethod as SipasIndexMethodName, satisfiedFrom: survey.satisfiedFrom } : null,
    elements: columns.map((code) => ({
      code,
      name: surveyNames.get(code)?.name ?? storedNames.get(code) ?? null,
      nameEn: surveyNames.get(code)?.nameEn ?? null,
    })),
    groups,
  };
}
