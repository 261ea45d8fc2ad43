import { createSipasSurveyInput, SIPAS_SURVEY_CODE, SipasSurveyError, type CreateSipasSurveyInput } from "@/lib/domain/sipas-survey-input";
import { invalidInput } from "@/lib/domain/setup-error";
import { defaultSipasQuestionnaire, defaultSipasSurveyName } from "@/lib/sipas/default-questionnaire";
import { insertSipasSurvey, lockPeriodForSipas, lockSipasSurvey, readSipasQuestionnaire } from "@/lib/data/sipas-surveys";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";
import { auditActorId, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";

export type CreateSipasSurveyResult = { id: string; periodCode: string; elements: number; questions: number };

/**
 * Gives a period its SIPAS survey, as a draft: the default questionnaire (five MoHA elements
 * and online services), or a copy of the previous period's survey — scale, labels, method,
 * threshold, elements, weights and questions; the dates are the new period's own. A period has
 * one survey; a published period gets none.
 */
export async function createSipasSurvey(actor: Actor, input: CreateSipasSurveyInput): Promise<CreateSipasSurveyResult> {
  assertCan(actor, "sipas.edit");
  const parsed = createSipasSurveyInput.safeParse(input);
  if (!parsed.success) throw invalidInput(SipasSurveyError, parsed.error);
  const command = parsed.data;

  return inTransaction(async (tx) => {
    const period = await lockPeriodForSipas(tx, command.periodCode);
    if (!period) throw new SipasSurveyError("not_found", `Không có kỳ đánh giá "${command.periodCode}".`, `No period "${command.periodCode}".`);
    if (period.status === "published") {
      throw new SipasSurveyError(
        "published",
        `Kỳ "${period.name}" đã công bố: không thể tạo khảo sát SIPAS mới.`,
        `"${period.name}" is published: no new SIPAS survey can be created for it.`,
      );
    }
    if (await lockSipasSurvey(tx, period.id)) {
      throw new SipasSurveyError("exists", `Kỳ "${period.name}" đã có bảng hỏi SIPAS.`, `"${period.name}" already has a SIPAS questionnaire.`);
    }

    let questionnaire = defaultSipasQuestionnaire();
    let copiedFrom: string | null = null;
    if (command.from === "previous") {
      const previous = period.previousPeriodId ? await readSipasQuestionnaire(tx, period.previousPeriodId) : null;
      if (!previous) {
        throw new SipasSurveyError(
          "no_previous",
          "Kỳ trước của kỳ này không có bảng hỏi SIPAS để sao chép: hãy tạo từ bảng hỏi mặc định.",
          "The previous period has no SIPAS questionnaire to copy: create one from the default questionnaire.",
        );
      }
      questionnaire = previous.questionnaire;
      copiedFrom = period.previousPeriodId;
    }
    const created = await insertSipasSurvey(tx, {
      periodId: period.id,
      code: SIPAS_SURVEY_CODE,
      name: defaultSipasSurveyName(period.year),
      questionnaire,
      opensAt: command.opensAt ?? null,
      closesAt: command.closesAt ?? null,
    });
    const questions = questionnaire.elements.reduce((sum, element) => sum + element.questions.length, 0);
    await writeAuditLog(tx, {
      actorId: auditActorId(actor),
      action: "sipas.survey.create",
      entityType: "SipasSurvey",
      entityId: created.id,
      periodId: period.id,
      after: {
        from: command.from,
        copiedFromPeriodId: copiedFrom,
        elements: questionnaire.elements.map((element) => element.code),
        questions,
        ...("system" in actor ? { command: actor.system } : {}),
      },
    });
    return { id: created.id, periodCode: period.code, elements: questionnaire.elements.length, questions };
  });
}
