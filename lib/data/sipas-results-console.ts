import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/review/permissions";
import type { SipasIndexMethodName } from "@/lib/sipas/questionnaire";
import { getPrisma } from "./prisma";
import { storedFigures, storedResultSelect, type StoredSipasQuestion } from "./sipas-results";

export type SipasConsoleUnit = {
  unitCode: string;
  unitName: string;
  groupName: string;
  /** Responses as they are now (a recomputation may be due when these differ from the result's). */
  acceptedNow: number;
  flaggedNow: number;
  result: {
    index: string;
    responses: number;
    ciLow: string | null;
    ciHigh: string | null;
    state: "computed" | "approved";
    approvedBy: string | null;
    approvedAt: Date | null;
    elements: Map<string, { index: string; responses: number | null }>;
    questions: StoredSipasQuestion[];
  } | null;
};

export type SipasResultsConsole = {
  period: { code: string; name: string; status: string };
  survey: {
    status: "draft" | "open" | "closed";
    indexMethod: SipasIndexMethodName;
    satisfiedFrom: number;
    smallSampleThreshold: number;
    elements: { code: string; name: string; nameEn: string | null; weight: string; questions: { code: string; text: string; textEn: string | null }[] }[];
  } | null;
  units: SipasConsoleUnit[];
};

/**
 * The council's and home affairs' view of a period's SIPAS figures: every unit of the period in
 * group and code order, its stored result and its responses now. Null for anyone else (an officer
 * sees nothing here) and for an unknown period.
 */
export async function loadSipasResultsConsole(actor: Actor, periodCode: string): Promise<SipasResultsConsole | null> {
  if (!can(actor, "sipas.read")) return null;
  const prisma = getPrisma();
  const period = await prisma.period.findUnique({ where: { code: periodCode }, select: { id: true, code: true, name: true, status: true } });
  if (!period) return null;
  const [survey, assessments, results] = await Promise.all([
    prisma.sipasSurvey.findFirst({
      where: { periodId: period.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        status: true,
        indexMethod: true,
        satisfiedFrom: true,
        smallSampleThreshold: true,
        elements: {
          orderBy: [{ order: "asc" }, { code: "asc" }],
          select: {
            code: true,
            name: true,
            nameEn: true,
            weight: true,
            questions: { orderBy: [{ order: "asc" }, { code: "asc" }], select: { code: true, text: true, textEn: true } },
          },
        },
      },
    }),
    prisma.assessment.findMany({
      where: { periodId: period.id },
      select: { unit: { select: { id: true, code: true, name: true } }, group: { select: { name: true, order: true, code: true } } },
      orderBy: [{ group: { order: "asc" } }, { group: { code: "asc" } }, { unit: { code: "asc" } }],
    }),
    prisma.sipasResult.findMany({ where: { periodId: period.id }, select: storedResultSelect }),
  ]);
  const counts = survey
    ? await prisma.sipasResponse.groupBy({ by: ["unitId", "status"], where: { surveyId: survey.id }, _count: { _all: true } })
    : [];
  const count = (unitId: string, status: string) => counts.find((row) => row.unitId === unitId && row.status === status)?._count._all ?? 0;
  const resultByUnit = new Map(results.map((result) => [result.unitId, result]));

  return {
    period: { code: period.code, name: period.name, status: period.status },
    survey: survey && {
      status: survey.status,
      indexMethod: survey.indexMethod as SipasIndexMethodName,
      satisfiedFrom: survey.satisfiedFrom,
      smallSampleThreshold: survey.smallSampleThreshold,
      elements: survey.elements.map((element) => ({ ...element, weight: element.weight.toFixed() })),
    },
    units: assessments.map(({ unit, group }): SipasConsoleUnit => {
      const result = resultByUnit.get(unit.id);
      const figures = result ? storedFigures(result) : null;
      return {
        unitCode: unit.code,
        unitName: unit.name,
        groupName: group.name,
        acceptedNow: count(unit.id, "accepted"),
        flaggedNow: count(unit.id, "flagged"),
        result:
          result && figures
            ? {
                index: figures.index,
                responses: figures.responses,
                ciLow: figures.ciLow,
                ciHigh: figures.ciHigh,
                state: result.state,
                approvedBy: result.approvedBy?.name ?? null,
                approvedAt: result.approvedAt,
                elements: new Map(figures.elements.map((element) => [element.code, { index: element.index, responses: element.responses }])),
                questions: figures.questions,
              }
            : null,
      };
    }),
  };
}
