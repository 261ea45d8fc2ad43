import { startOfVietnamDay } from "@/lib/domain/vietnam-day";
import { ELEMENTS_IN_ORDER } from "@/lib/data/sipas-questionnaire";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/review/permissions";
import type { SipasSurveyStatusName } from "@/lib/domain/sipas-survey-input";
import { getPrisma } from "./prisma";

/** Reads of the SIPAS console pages (home affairs and the council; nobody else sees them). */

type StatusCounts = { accepted: number; flagged: number; rejected: number };

function emptyCounts(): StatusCounts {
  return { accepted: 0, flagged: 0, rejected: 0 };
}

/** Every period, newest first, with its survey's state and responses counted by status. */
export async function listSipasConsolePeriods(actor: Actor) {
  if (!can(actor, "sipas.read")) return [];
  const prisma = getPrisma();
  const [periods, surveys, counts] = await Promise.all([
    prisma.period.findMany({
      orderBy: [{ year: "desc" }, { code: "asc" }],
      select: { id: true, code: true, name: true, year: true, status: true, previousPeriodId: true, _count: { select: { assessments: true } } },
    }),
    prisma.sipasSurvey.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, periodId: true, name: true, status: true, opensAt: true, closesAt: true } }),
    prisma.sipasResponse.groupBy({ by: ["surveyId", "status"], _count: { _all: true } }),
  ]);
  const surveyByPeriod = new Map<string, (typeof surveys)[number]>();
  for (const survey of surveys) if (!surveyByPeriod.has(survey.periodId)) surveyByPeriod.set(survey.periodId, survey);
  const countsBySurvey = new Map<string, StatusCounts>();
  for (const row of counts) {
    const entry = countsBySurvey.get(row.surveyId) ?? emptyCounts();
    entry[row.status] = row._count._all;
    countsBySurvey.set(row.surveyId, entry);
  }
  return periods.map((period) => {
    const survey = surveyByPeriod.get(period.id);
    return {
      code: period.code,
      name: period.name,
      year: period.year,
      status: period.status,
      units: period._count.assessments,
      previousHasSurvey: Boolean(period.previousPeriodId && surveyByPeriod.has(period.previousPeriodId)),
      survey: survey
        ? { name: survey.name, status: survey.status as SipasSurveyStatusName, opensAt: survey.opensAt, closesAt: survey.closesAt, ...(countsBySurvey.get(survey.id) ?? emptyCounts()) }
        : null,
    };
  });
}

/** One period with its survey (settings, elements, questions) for the questionnaire page. */
export async function loadSipasConsoleSurvey(actor: Actor, periodCode: string) {
  if (!can(actor, "sipas.read")) return null;
  const period = await getPrisma().period.findUnique({
    where: { code: periodCode },
    select: { id: true, code: true, name: true, year: true, status: true, previousPeriod: { select: { code: true, name: true } } },
  });
  if (!period) return null;
  const survey = await getPrisma().sipasSurvey.findFirst({
    where: { periodId: period.id },
    orderBy: { createdAt: "asc" },
    include: {
      elements: ELEMENTS_IN_ORDER,
      _count: { select: { responses: true } },
    },
  });
  return {
    period,
    survey: survey
      ? {
          id: survey.id,
          name: survey.name,
          status: survey.status as SipasSurveyStatusName,
          scaleMin: survey.scaleMin,
          scaleMax: survey.scaleMax,
          satisfiedFrom: survey.satisfiedFrom,
          scaleLabels: Array.isArray(survey.scaleLabels) ? survey.scaleLabels.map(String) : [],
          indexMethod: survey.indexMethod,
          smallSampleThreshold: survey.smallSampleThreshold,
          opensAt: survey.opensAt,
          closesAt: survey.closesAt,
          responses: survey._count.responses,
          elements: survey.elements.map((element) => ({
            code: element.code,
            name: element.name,
            nameEn: element.nameEn,
            weight: element.weight.toFixed(),
            questions: element.questions.map((question) => ({ code: question.code, text: question.text, textEn: question.textEn, required: question.required })),
          })),
        }
      : null,
  };
}


/**
 * The period's units (those assessed in it) with their responses by status, today's (Vietnam
 * time) and the last one's time, in unit code order.
 */
export async function loadSipasUnitCounts(actor: Actor, periodCode: string, now = new Date()) {
  if (!can(actor, "sipas.read")) return null;
  const prisma = getPrisma();
  const period = await prisma.period.findUnique({ where: { code: periodCode }, select: { id: true } });
  if (!period) return null;
  const survey = await prisma.sipasSurvey.findFirst({ where: { periodId: period.id }, orderBy: { createdAt: "asc" }, select: { id: true } });
  const [assessments, byStatus, today] = await Promise.all([
    prisma.assessment.findMany({ where: { periodId: period.id }, select: { unit: { select: { id: true, code: true, name: true } }, group: { select: { name: true } } } }),
    survey ? prisma.sipasResponse.groupBy({ by: ["unitId", "status"], where: { surveyId: survey.id }, _count: { _all: true }, _max: { submittedAt: true } }) : [],
    survey ? prisma.sipasResponse.groupBy({ by: ["unitId"], where: { surveyId: survey.id, submittedAt: { gte: startOfVietnamDay(now) } }, _count: { _all: true } }) : [],
  ]);
  const todayByUnit = new Map(today.map((row) => [row.unitId, row._count._all]));
  const units = assessments
    .map(({ unit, group }) => {
      const rows = byStatus.filter((row) => row.unitId === unit.id);
      const counts = emptyCounts();
      let lastAt: Date | null = null;
      for (const row of rows) {
        counts[row.status] = row._count._all;
        const at = row._max.submittedAt;
        if (at && (!lastAt || at > lastAt)) lastAt = at;
      }
      return { unitCode: unit.code, unitName: unit.name, groupName: group.name, ...counts, today: todayByUnit.get(unit.id) ?? 0, lastAt };
    })
    .sort((a, b) => (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0));
  return { hasSurvey: Boolean(survey), units };
}
