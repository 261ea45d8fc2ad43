import { moveCriterionInput, type MoveCriterionInput } from "@/lib/domain/criteria-set-input";
import { CriteriaSetEditError, invalidInput } from "@/lib/domain/setup-error";
import {
  assertCriteriaSetEditable,
  criteriaSetNotFound,
  criterionNotFound,
  type CriteriaSetEditResult,
} from "@/lib/domain/criteria-set-edit-rules";
import { criteriaSetProblems } from "@/lib/domain/criteria-set-problems";
import { siblingsInOrder, targetIndex } from "@/lib/domain/criteria-set-editor-view";
import { loadCriteria, lockCriteriaSetForEdit, renumberSiblings, toCheckRows } from "@/lib/data/criteria-sets";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";
import { auditActorId, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";

/** Moves a node among its siblings (one step up or down, or to a position); its parent stays. */
export async function moveCriterion(actor: Actor, input: MoveCriterionInput): Promise<CriteriaSetEditResult & { position: number }> {
  assertCan(actor, "criteria_set.edit");
  const parsed = moveCriterionInput.safeParse(input);
  if (!parsed.success) throw invalidInput(CriteriaSetEditError, parsed.error);
  const command = parsed.data;

  return inTransaction(async (tx) => {
    const set = await lockCriteriaSetForEdit(tx, command.setCode);
    if (!set) throw criteriaSetNotFound(command.setCode);
    assertCriteriaSetEditable(set);
    const criteria = await loadCriteria(tx, set.id);
    const node = criteria.find((criterion) => criterion.code === command.code);
    if (!node) throw criterionNotFound(set.code, command.code);

    const siblings = siblingsInOrder(criteria, node.parentId);
    const from = siblings.findIndex((sibling) => sibling.id === node.id);
    const to = targetIndex(from, siblings.length, command);
    if (to !== from) {
      const reordered = siblings.filter((sibling) => sibling.id !== node.id);
      reordered.splice(to, 0, node);
      await renumberSiblings(tx, reordered);
      await writeAuditLog(tx, {
        actorId: auditActorId(actor),
        action: "criterion.move",
        entityType: "Criterion",
        entityId: node.id,
        before: { set: set.code, code: node.code, position: from + 1 },
        after: { set: set.code, code: node.code, position: to + 1 },
      });
    }
    return {
      setCode: set.code,
      code: node.code,
      position: to,
      problems: criteriaSetProblems(toCheckRows(await loadCriteria(tx, set.id))),
    };
  });
}
