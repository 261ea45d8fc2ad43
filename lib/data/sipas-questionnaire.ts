import { currentClient } from "@/lib/data/transaction";
import type { SipasIndexMethodName, SipasQuestionnaire } from "@/lib/sipas/questionnaire";

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
      elements: { orderBy: [{ order: "asc" }, { code: "asc" }], include: { questions: { orderBy: [{ order: "asc" }, { code: "asc" }] } } },
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
    questionnaire: {
      scale: {
        min: survey.scaleMin,
        max: survey.scaleMax,
        satisfiedFrom: survey.satisfiedFrom,
        labels: Array.isArray(survey.scaleLabels) ? survey.scaleLabels.map(String) : [],
      },
      indexMethod: survey.indexMethod as SipasIndexMethodName,
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
    },
  };
}
