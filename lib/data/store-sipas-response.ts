import { currentClient, inTransaction } from "@/lib/data/transaction";

export type NewSipasResponse = {
  surveyId: string;
  unitId: string;
  status: "accepted" | "flagged";
  flagReason: string | null;
  dossierCode: string | null;
  comment: string | null;
  deviceHash: string;
  ipHash: string;
  submissionToken: string;
  submittedOn: Date;
  submittedAt: Date;
  /** Question code → value on the scale. */
  answers: Map<string, number>;
};

export type StoreOutcome = { stored: true; id: string } | { stored: false; duplicate: "token" | "device_today" } | { stored: false; closed: true };

class SurveyClosedMeanwhile extends Error {}

/** Whether a form's nonce was already used (a replayed submission). */
export async function submissionTokenUsed(nonce: string): Promise<boolean> {
  const found = await currentClient().sipasResponse.findUnique({ where: { submissionToken: nonce }, select: { id: true } });
  return found !== null;
}

/**
 * Writes the response and its answers in one transaction: both or neither. A second response with
 * the same nonce, or from the same device for the same unit on the same day, is refused by the
 * unique indexes (so two instances racing cannot both store it) and reported as which duplicate
 * it was.
 */
export async function storeSipasResponse(response: NewSipasResponse): Promise<StoreOutcome> {
  try {
    const id = await inTransaction(async (tx) => {
      // Home affairs closing the survey or editing its questions locks the row for update: a
      // submission in flight then waits, and is refused if the survey closed meanwhile.
      const [survey] = await tx.$queryRaw<{ status: string }[]>`select status::text from "SipasSurvey" where id = ${response.surveyId} for share`;
      if (survey?.status !== "open") throw new SurveyClosedMeanwhile();
      const questions = await tx.sipasQuestion.findMany({
        where: { element: { surveyId: response.surveyId }, code: { in: [...response.answers.keys()] } },
        select: { id: true, code: true },
      });
      const idOf = new Map(questions.map((question) => [question.code, question.id]));
      const created = await tx.sipasResponse.create({
        data: {
          surveyId: response.surveyId,
          unitId: response.unitId,
          source: "online",
          status: response.status,
          flagReason: response.flagReason,
          dossierCode: response.dossierCode,
          comment: response.comment,
          deviceHash: response.deviceHash,
          ipHash: response.ipHash,
          submissionToken: response.submissionToken,
          submittedOn: response.submittedOn,
          submittedAt: response.submittedAt,
          answers: {
            createMany: {
              data: [...response.answers].map(([code, value]) => {
                const questionId = idOf.get(code);
                // The answers were checked against this survey's questionnaire just before.
                if (!questionId) throw new Error(`Question ${code} is not in survey ${response.surveyId}`);
                return { questionId, value };
              }),
            },
          },
        },
        select: { id: true },
      });
      return created.id;
    }, { timeoutMs: 15_000 });
    return { stored: true, id };
  } catch (error) {
    if (error instanceof SurveyClosedMeanwhile) return { stored: false, closed: true };
    if ((error as { code?: string } | null)?.code !== "P2002") throw error;
    // Which unique index refused it: the nonce is checked again, outside the failed transaction.
    return { stored: false, duplicate: (await submissionTokenUsed(response.submissionToken)) ? "token" : "device_today" };
  }
}
