import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/review/permissions";
import { getPrisma } from "./prisma";
import type { Tx } from "./transaction";

/**
 * Flagged SIPAS responses (honeypot, duplicates, rate limits …) and their review by home affairs.
 * A flagged response never counts until accepted; a rejected one never does.
 */

/** The period's flagged responses, oldest first, with their unit and answers in questionnaire order. */
export async function listFlaggedSipasResponses(actor: Actor, periodCode: string, limit = 500) {
  if (!can(actor, "sipas.read")) return null;
  const survey = await getPrisma().sipasSurvey.findFirst({
    where: { period: { code: periodCode } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      status: true,
      period: { select: { code: true, name: true, status: true } },
      elements: { orderBy: [{ order: "asc" }, { code: "asc" }], select: { questions: { orderBy: [{ order: "asc" }, { code: "asc" }], select: { id: true, code: true } } } },
    },
  });
  if (!survey) return null;
  const [responses, total] = await Promise.all([
    getPrisma().sipasResponse.findMany({
      where: { surveyId: survey.id, status: "flagged" },
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      take: limit,
      select: {
        id: true,
        flagReason: true,
        submittedAt: true,
        source: true,
        dossierCode: true,
        comment: true,
        unit: { select: { code: true, name: true } },
        answers: { select: { questionId: true, value: true } },
      },
    }),
    getPrisma().sipasResponse.count({ where: { surveyId: survey.id, status: "flagged" } }),
  ]);
  const questionOrder = survey.elements.flatMap((element) => element.questions);
  return {
    survey: { name: survey.name, status: survey.status },
    period: survey.period,
    total,
    responses: responses.map((response) => {
      const byQuestion = new Map(response.answers.map((answer) => [answer.questionId, answer.value]));
      return {
        id: response.id,
        flagReason: response.flagReason,
        submittedAt: response.submittedAt,
        source: response.source,
        dossierCode: response.dossierCode,
        comment: response.comment,
        unit: response.unit,
        answers: questionOrder.filter((question) => byQuestion.has(question.id)).map((question) => ({ code: question.code, value: byQuestion.get(question.id)! })),
      };
    }),
  };
}

/** The given responses of one survey, locked for their review, with who reviewed them if someone did. */
export async function lockSipasResponses(tx: Tx, surveyId: string, ids: string[]) {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    select id from "SipasResponse" where "surveyId" = ${surveyId} and id = any(${ids}::text[]) order by id for update`;
  return tx.sipasResponse.findMany({
    where: { id: { in: locked.map((row) => row.id) } },
    select: { id: true, unitId: true, status: true, reviewedAt: true, reviewedBy: { select: { name: true } }, unit: { select: { name: true } } },
  });
}

export async function setSipasResponsesStatus(tx: Tx, ids: string[], review: { status: "accepted" | "rejected"; reviewedById: string | null; reviewedAt: Date }) {
  await tx.sipasResponse.updateMany({ where: { id: { in: ids } }, data: review });
}

/** Units among these whose SIPAS figures the council has approved: their responses are settled. */
export async function unitsWithApprovedSipas(tx: Tx, periodId: string, unitIds: string[]) {
  return tx.sipasResult.findMany({ where: { periodId, unitId: { in: unitIds }, state: "approved" }, select: { unit: { select: { name: true } } } });
}
