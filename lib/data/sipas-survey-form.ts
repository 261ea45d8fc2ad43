import { getPrisma } from "@/lib/data/prisma";
import { loadSipasSurvey, type SipasSurveyRecord } from "@/lib/data/sipas-questionnaire";

export type SurveyFormTarget = {
  period: { code: string; name: string };
  unit: { id: string; code: string; name: string; nameEn: string | null };
  /** null when the period has no survey yet. */
  survey: SipasSurveyRecord | null;
};

/**
 * The period, the unit and the period's survey behind a survey address, or null when the period
 * does not exist or the unit does not take part in it (an assessment row is what makes a unit
 * part of a period): the address then answers 404 like any unknown page.
 */
export async function loadSurveyFormTarget(periodCode: string, unitCode: string): Promise<SurveyFormTarget | null> {
  const assessment = await getPrisma().assessment.findFirst({
    where: { period: { code: periodCode }, unit: { code: unitCode } },
    select: {
      period: { select: { code: true, name: true } },
      unit: { select: { id: true, code: true, name: true, nameEn: true } },
    },
  });
  if (!assessment) return null;
  return { period: assessment.period, unit: assessment.unit, survey: await loadSipasSurvey(periodCode) };
}
