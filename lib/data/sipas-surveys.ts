import type { SipasQuestionnaire } from "@/lib/sipas/questionnaire";
import type { SipasSurveyStatusName } from "@/lib/domain/sipas-survey-input";
import type { Tx } from "./transaction";
import { ELEMENTS_IN_ORDER, questionnaireOf } from "./sipas-questionnaire";

/**
 * Writes of the SIPAS questionnaire's administration. Every change locks the period FOR SHARE
 * (a publication, which locks it FOR UPDATE, waits or goes first) and then the survey FOR UPDATE,
 * so two admins' edits, a state change and the "responses exist" check never interleave.
 */

export type LockedSipasPeriod = { id: string; code: string; name: string; year: number; status: string; previousPeriodId: string | null };

export async function lockPeriodForSipas(tx: Tx, periodCode: string): Promise<LockedSipasPeriod | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`select id from "Period" where code = ${periodCode} for share`;
  const id = rows[0]?.id;
  if (!id) return null;
  return tx.period.findUniqueOrThrow({ where: { id }, select: { id: true, code: true, name: true, year: true, status: true, previousPeriodId: true } });
}

/** The period's survey locked for a change, with its questionnaire and how many responses it has. */
export async function lockSipasSurvey(tx: Tx, periodId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    select id from "SipasSurvey" where "periodId" = ${periodId} order by "createdAt" asc, id asc limit 1 for update`;
  const id = rows[0]?.id;
  if (!id) return null;
  // One after the other: a transaction's queries share one connection.
  const survey = await tx.sipasSurvey.findUniqueOrThrow({
    where: { id },
    include: { elements: ELEMENTS_IN_ORDER },
  });
  const responses = await tx.sipasResponse.count({ where: { surveyId: id } });
  return { ...survey, status: survey.status as SipasSurveyStatusName, responseCount: responses };
}

export type LockedSipasSurvey = NonNullable<Awaited<ReturnType<typeof lockSipasSurvey>>>;

/** A period's survey as a questionnaire (for a copy), without locking: the source is another period. */
export async function readSipasQuestionnaire(tx: Tx, periodId: string): Promise<{ name: string; questionnaire: SipasQuestionnaire } | null> {
  const survey = await tx.sipasSurvey.findFirst({ where: { periodId }, orderBy: { createdAt: "asc" }, include: { elements: ELEMENTS_IN_ORDER } });
  return survey ? { name: survey.name, questionnaire: questionnaireOf(survey) } : null;
}

export async function insertSipasSurvey(
  tx: Tx,
  survey: { periodId: string; code: string; name: string; questionnaire: SipasQuestionnaire; opensAt: Date | null; closesAt: Date | null },
): Promise<{ id: string }> {
  const { questionnaire } = survey;
  const created = await tx.sipasSurvey.create({
    data: {
      periodId: survey.periodId,
      code: survey.code,
      name: survey.name,
      status: "draft",
      scaleMin: questionnaire.scale.min,
      scaleMax: questionnaire.scale.max,
      satisfiedFrom: questionnaire.scale.satisfiedFrom,
      scaleLabels: questionnaire.scale.labels,
      indexMethod: questionnaire.indexMethod,
      smallSampleThreshold: questionnaire.smallSampleThreshold,
      opensAt: survey.opensAt,
      closesAt: survey.closesAt,
    },
    select: { id: true },
  });
  for (const element of questionnaire.elements) {
    await tx.sipasElement.create({
      data: {
        surveyId: created.id,
        code: element.code,
        name: element.name,
        nameEn: element.nameEn,
        weight: element.weight,
        order: element.order,
        questions: {
          createMany: {
            data: element.questions.map((question) => ({
              code: question.code,
              text: question.text,
              textEn: question.textEn,
              order: question.order,
              required: question.required,
            })),
          },
        },
      },
    });
  }
  return created;
}

export async function updateSipasSurveySettings(
  tx: Tx,
  surveyId: string,
  settings: {
    name: string;
    scaleMin: number;
    scaleMax: number;
    scaleLabels: string[];
    satisfiedFrom: number;
    indexMethod: "share_satisfied" | "mean_scaled";
    smallSampleThreshold: number;
    opensAt: Date | null;
    closesAt: Date | null;
  },
): Promise<void> {
  await tx.sipasSurvey.update({ where: { id: surveyId }, data: settings });
}

export async function setSipasSurveyStatus(tx: Tx, surveyId: string, status: SipasSurveyStatusName): Promise<void> {
  await tx.sipasSurvey.update({ where: { id: surveyId }, data: { status } });
}

export async function insertSipasElement(tx: Tx, element: { surveyId: string; code: string; name: string; nameEn: string | null; weight: string; order: number }) {
  await tx.sipasElement.create({ data: element });
}

export async function updateSipasElement(tx: Tx, elementId: string, element: { code: string; name: string; nameEn: string | null; weight: string }) {
  await tx.sipasElement.update({ where: { id: elementId }, data: element });
}

export async function deleteSipasElement(tx: Tx, elementId: string) {
  await tx.sipasElement.delete({ where: { id: elementId } });
}

/** Writes the given order (1, 2, 3 …) to the elements in the order of the ids. */
export async function reorderSipasElements(tx: Tx, elementIds: string[]) {
  for (const [index, id] of elementIds.entries()) await tx.sipasElement.update({ where: { id }, data: { order: index + 1 } });
}

export async function insertSipasQuestion(tx: Tx, question: { elementId: string; code: string; text: string; textEn: string | null; required: boolean; order: number }) {
  await tx.sipasQuestion.create({ data: question });
}

export async function updateSipasQuestion(tx: Tx, questionId: string, question: { code: string; text: string; textEn: string | null; required: boolean }) {
  await tx.sipasQuestion.update({ where: { id: questionId }, data: question });
}

export async function deleteSipasQuestion(tx: Tx, questionId: string) {
  await tx.sipasQuestion.delete({ where: { id: questionId } });
}

export async function reorderSipasQuestions(tx: Tx, questionIds: string[]) {
  for (const [index, id] of questionIds.entries()) await tx.sipasQuestion.update({ where: { id }, data: { order: index + 1 } });
}
