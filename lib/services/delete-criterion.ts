import { deleteCriterionInput, type DeleteCriterionInput } from "@/lib/domain/criteria-set-input";
import { CriteriaSetEditError, invalidInput } from "@/lib/domain/setup-error";
import {
  assertCriteriaSetEditable,
  criteriaSetNotFound,
  criterionNotFound,
  type CriteriaSetEditResult,
} from "@/lib/domain/criteria-set-edit-rules";
import { criteriaSetProblems } from "@/lib/domain/criteria-set-problems";
import { siblingsInOrder, subtreeOf } from "@/lib/domain/criteria-set-editor-view";
import {
  countScores,
  deleteCriterion as removeCriterion,
  loadCriteria,
  lockCriteriaSetForEdit,
  renumberSiblings,
  toCheckRows,
} from "@/lib/data/criteria-sets";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";
import { auditActorId, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";

/**
 * Deletes a node with its subtree and its mappings. Refused while any unit has a score row on the
 * node or below it: points, notes, evidence and the council's comments hang on those rows.
 */
export async function deleteCriterion(actor: Actor, input: DeleteCriterionInput): Promise<CriteriaSetEditResult & { deleted: string[] }> {
  assertCan(actor, "criteria_set.edit");
  const parsed = deleteCriterionInput.safeParse(input);
  if (!parsed.success) throw invalidInput(CriteriaSetEditError, parsed.error);
  const command = parsed.data;

  return inTransaction(async (tx) => {
    const set = await lockCriteriaSetForEdit(tx, command.setCode);
    if (!set) throw criteriaSetNotFound(command.setCode);
    assertCriteriaSetEditable(set);
    const criteria = await loadCriteria(tx, set.id);
    const node = criteria.find((criterion) => criterion.code === command.code);
    if (!node) throw criterionNotFound(set.code, command.code);

    const subtree = subtreeOf(criteria, node.id);
    const scored = await countScores(tx, subtree.map((criterion) => criterion.id));
    if (scored.rows > 0) {
      const below = subtree.length > 1 ? " (hoặc tiêu chí con của nó)" : "";
      const belowEn = subtree.length > 1 ? " (or one below it)" : "";
      throw new CriteriaSetEditError(
        "scored",
        `Không thể xoá tiêu chí ${node.code}: tiêu chí này${below} đã có điểm của ${scored.units} đơn vị, kèm ghi chú và tài liệu kiểm chứng. Có thể sửa tên hoặc điểm tối đa của tiêu chí, hoặc bỏ tiêu chí ở phiên bản mới của bộ chỉ số.`,
        `Cannot delete criterion ${node.code}: ${scored.units} unit(s) already have points on it${belowEn}, with notes and evidence. Edit its name or max instead, or leave it out of a new version of the set.`,
      );
    }
    await removeCriterion(tx, node.id);
    await renumberSiblings(tx, siblingsInOrder(criteria, node.parentId).filter((sibling) => sibling.id !== node.id));
    const deleted = subtree.map((criterion) => criterion.code);
    await writeAuditLog(tx, {
      actorId: auditActorId(actor),
      action: "criterion.delete",
      entityType: "Criterion",
      entityId: node.id,
      before: { set: set.code, code: node.code, name: node.name, maxPoints: node.maxPoints, method: node.method, subtree: deleted },
    });
    return { setCode: set.code, code: node.code, deleted, problems: criteriaSetProblems(toCheckRows(await loadCriteria(tx, set.id))) };
  });
}
