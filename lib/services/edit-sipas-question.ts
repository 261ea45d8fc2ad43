import { editSipasQuestionInput, SipasSurveyError, type EditSipasQuestionInput } from "@/lib/domain/sipas-survey-input";
import { invalidInput } from "@/lib/domain/setup-error";
import { deleteSipasQuestion, insertSipasQuestion, reorderSipasQuestions, updateSipasQuestion } from "@/lib/data/sipas-surveys";
import { writeAuditLog } from "@/lib/data/audit-log";
import { auditActorId, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";
import { frozenByResponses, withEditableSurvey } from "@/lib/services/update-sipas-survey";

/**
 * Adds, edits, deletes or moves one question. A question code is unique in the whole
 * questionnaire (answers and import columns are keyed by it alone). Once citizens have answered,
 * the wording may still be corrected and questions reordered, but none added, deleted, recoded
 * or made required or optional.
 */
export async function editSipasQuestion(actor: Actor, input: EditSipasQuestionInput): Promise<void> {
  assertCan(actor, "sipas.edit");
  const parsed = editSipasQuestionInput.safeParse(input);
  if (!parsed.success) throw invalidInput(SipasSurveyError, parsed.error);
  const command = parsed.data;

  await withEditableSurvey(command.periodCode, async (tx, { period, survey }) => {
    const all = survey.elements.flatMap((element) => element.questions.map((question) => ({ ...question, element })));
    const target = command.op === "add" ? null : all.find((question) => question.code === command.questionCode);
    if (command.op !== "add" && !target) {
      throw new SipasSurveyError("not_found", `Không có câu hỏi "${command.questionCode}".`, `No question "${command.questionCode}".`);
    }
    const frozen = survey.responseCount > 0;
    let before: Record<string, string | boolean | null> | null = target
      ? { code: target.code, text: target.text, textEn: target.textEn, required: target.required, element: target.element.code }
      : null;
    let after: Record<string, string | boolean | null> | null = null;

    if (command.op === "add" || command.op === "update") {
      const element = command.op === "add" ? survey.elements.find((candidate) => candidate.code === command.elementCode) : target!.element;
      if (!element) {
        throw new SipasSurveyError("not_found", `Không có nhóm câu hỏi "${command.op === "add" ? command.elementCode : ""}".`, `No such element.`);
      }
      if (all.some((question) => question.code === command.code && question.id !== target?.id)) {
        throw new SipasSurveyError("exists", `Mã câu hỏi "${command.code}" đã được dùng trong bảng hỏi.`, `Question code "${command.code}" is already used in the questionnaire.`, [
          { path: "code", vi: "Mã đã được dùng", en: "This code is taken" },
        ]);
      }
      after = { code: command.code, text: command.text, textEn: command.textEn ?? null, required: command.required, element: element.code };
      if (frozen && (command.op === "add" || target!.code !== command.code || target!.required !== command.required)) {
        throw frozenByResponses(survey.responseCount, command.op === "add" ? [] : ["code", "required"].filter((key) => before![key] !== after![key]));
      }
      const fields = { code: command.code, text: command.text, textEn: command.textEn ?? null, required: command.required };
      if (command.op === "add") await insertSipasQuestion(tx, { elementId: element.id, ...fields, order: element.questions.length + 1 });
      else await updateSipasQuestion(tx, target!.id, fields);
    } else if (command.op === "delete") {
      if (frozen) throw frozenByResponses(survey.responseCount);
      await deleteSipasQuestion(tx, target!.id);
      await reorderSipasQuestions(tx, target!.element.questions.filter((question) => question.id !== target!.id).map((question) => question.id));
    } else {
      const ids = target!.element.questions.map((question) => question.id);
      const from = ids.indexOf(target!.id);
      const to = command.direction === "up" ? from - 1 : from + 1;
      if (to < 0 || to >= ids.length) return;
      [ids[from], ids[to]] = [ids[to]!, ids[from]!];
      await reorderSipasQuestions(tx, ids);
      before = { code: target!.code, order: String(from + 1) };
      after = { code: target!.code, order: String(to + 1) };
    }
    await writeAuditLog(tx, {
      actorId: auditActorId(actor),
      action: `sipas.question.${command.op}`,
      entityType: "SipasSurvey",
      entityId: survey.id,
      periodId: period.id,
      before: before ?? undefined,
      after: after ?? { code: target!.code, deleted: true },
    });
  });
}
