import { editSipasElementInput, SipasSurveyError, type EditSipasElementInput } from "@/lib/domain/sipas-survey-input";
import { invalidInput } from "@/lib/domain/setup-error";
import { deleteSipasElement, insertSipasElement, reorderSipasElements, updateSipasElement } from "@/lib/data/sipas-surveys";
import { writeAuditLog } from "@/lib/data/audit-log";
import { auditActorId, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";
import { frozenByResponses, withEditableSurvey } from "@/lib/services/update-sipas-survey";

/**
 * Adds, edits, deletes or moves one element (nhóm tiêu chí) of the questionnaire. Once citizens
 * have answered, elements can be renamed and reordered but not added, deleted, recoded or
 * reweighted: the figures computed from the answers would no longer mean what they meant.
 */
export async function editSipasElement(actor: Actor, input: EditSipasElementInput): Promise<void> {
  assertCan(actor, "sipas.edit");
  const parsed = editSipasElementInput.safeParse(input);
  if (!parsed.success) throw invalidInput(SipasSurveyError, parsed.error);
  const command = parsed.data;

  await withEditableSurvey(command.periodCode, async (tx, { period, survey }) => {
    const elements = survey.elements;
    const target = command.op === "add" ? null : elements.find((element) => element.code === command.elementCode);
    if (command.op !== "add" && !target) {
      throw new SipasSurveyError("not_found", `Không có nhóm câu hỏi "${command.elementCode}".`, `No element "${command.elementCode}".`);
    }
    const frozen = survey.responseCount > 0;
    let before: Record<string, string | null> | null = target ? { code: target.code, name: target.name, nameEn: target.nameEn, weight: target.weight.toFixed() } : null;
    let after: Record<string, string | null> | null = null;

    if (command.op === "add" || command.op === "update") {
      const takenBy = elements.find((element) => element.code === command.code && element !== target);
      if (takenBy) {
        throw new SipasSurveyError("exists", `Mã nhóm "${command.code}" đã được dùng.`, `Element code "${command.code}" is taken.`, [
          { path: "code", vi: "Mã đã được dùng", en: "This code is taken" },
        ]);
      }
      after = { code: command.code, name: command.name, nameEn: command.nameEn ?? null, weight: command.weight };
      if (frozen && (command.op === "add" || target!.code !== command.code || !target!.weight.equals(command.weight))) {
        throw frozenByResponses(survey.responseCount, command.op === "add" ? [] : ["code", "weight"].filter((key) => before![key] !== after![key]));
      }
      if (command.op === "add") {
        await insertSipasElement(tx, {
          surveyId: survey.id,
          code: command.code,
          name: command.name,
          nameEn: command.nameEn ?? null,
          weight: command.weight,
          order: elements.length + 1,
        });
      } else {
        await updateSipasElement(tx, target!.id, { code: command.code, name: command.name, nameEn: command.nameEn ?? null, weight: command.weight });
      }
    } else if (command.op === "delete") {
      if (frozen) throw frozenByResponses(survey.responseCount);
      await deleteSipasElement(tx, target!.id);
      await reorderSipasElements(tx, elements.filter((element) => element !== target).map((element) => element.id));
    } else {
      const ids = elements.map((element) => element.id);
      const from = ids.indexOf(target!.id);
      const to = command.direction === "up" ? from - 1 : from + 1;
      if (to < 0 || to >= ids.length) return;
      [ids[from], ids[to]] = [ids[to]!, ids[from]!];
      await reorderSipasElements(tx, ids);
      before = { order: String(from + 1) };
      after = { order: String(to + 1) };
    }
    await writeAuditLog(tx, {
      actorId: auditActorId(actor),
      action: `sipas.element.${command.op}`,
      entityType: "SipasSurvey",
      entityId: survey.id,
      periodId: period.id,
      before: before ?? undefined,
      after: after ?? { code: target!.code, deleted: "true" },
    });
  });
}
