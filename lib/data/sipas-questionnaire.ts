import { currentClient } from "@/lib/data/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SipasQuestionnaire } from "@/lib/sipas/questionnaire";

export type SipasSurveyRecord = {
  id: string;
  code: string;
  name: string;
  status: "draft" | "open" | "closed";
  opensAt: Date | null;
  closesAt: Date | null;
  period: { id: string; code: string; name: string; year: number };
  questionnaire: SipasQuestionnaire;
};

/**
 * A period's SIPAS survey with its questionnaire, or null when the period has none. A period runs
 * one survey (the portal creates it with the code "sipas"); should there be several, the oldest.
 * Inside a transaction it reads through it, so a use case sees the survey it has locked.
 */
export async function loadSipasSurvey(periodCode: string): Promise<SipasSurveyRecord | null> {
  const survey = await currentClient().sipasSurvey.findFirst({
    where: { period: { code: periodCode } },
    orderBy: { createdAt: "asc" },
    include: {
      period: { select: { id: true, code: true, name: true, year: true } },
      elements: ELEMENTS_IN_ORDER,
    },
  });
  if (!survey) return null;
  return {
    id: survey.id,
    code: survey.code,
    name: survey.name,
    status: survey.status,
    opensAt: survey.opensAt,
    closesAt: survey.closesAt,
    period: survey.period,
    questionnaire: questionnaireOf(survey),
  };
}

/** How a survey's elements and questions are read: in their order, then by code. */
export const ELEMENTS_IN_ORDER = {
  orderBy: [{ order: "asc" }, { code: "asc" }],
  include: { questions: { orderBy: [{ order: "asc" }, { code: "asc" }] } },
} satisfies Prisma.SipasSurvey$elementsArgs;

type SurveyWithQuestions = Prisma.SipasSurveyGetPayload<{ include: { elements: { include: { questions: true } } } }>;

/** A stored survey (elements and questions read with ELEMENTS_IN_ORDER) as the questionnaire the portal works with. */
export function questionnaireOf(survey: SurveyWithQuestions): SipasQuestionnaire {
  return {
    scale: {
      min: survey.scaleMin,
      max: survey.scaleMax,
      satisfiedFrom: survey.satisfiedFrom,
      labels: Array.isArray(survey.scaleLabels) ? survey.scaleLabels.map(String) : [],
    },
    indexMethod: survey.indexMethod,
    smallSampleThreshold: survey.smallSampleThreshold,
    elements: survey.elements.map((element) => ({
      code: element.code,
      name: element.name,
      nameEn: element.nameEn,
      weight: element.weight.toFixed(),
      order: element.order,
      questions: element.questions.map((question) => ({
        code: question.code,
        text: question.text,
        textEn: question.textEn,
        order: question.order,
        required: question.required,
      })),
    })),
  };
}
