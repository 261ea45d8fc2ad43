import { getPrisma } from "./prisma";

/** A unit taking part in a period that has a SIPAS survey: what its poster names. Null otherwise. */
export async function findSipasPosterTarget(periodCode: string, unitCode: string) {
  const assessment = await getPrisma().assessment.findFirst({
    where: { period: { code: periodCode, sipasSurveys: { some: {} } }, unit: { code: unitCode } },
    select: { period: { select: { code: true, name: true } }, unit: { select: { code: true, name: true } } },
  });
  return assessment ? { period: assessment.period, unit: assessment.unit } : null;
}
