import { addCriterionInput, type AddCriterionInput } from "@/lib/domain/criteria-set-input";
import { CriteriaSetEditError, invalidInput } from "@/lib/domain/setup-error";
import { assertCriteriaSetEditable, criteriaSetNotFound, criterionNotFound, ruleAboveMax, type CriteriaSetEditResult } from "@/lib/domain/criteria-set-edit-rules";
import { criteriaSetProblems, MAX_CRITERIA_LEVELS } from "@/lib/domain/criteria-set-problems";
import { siblingsInOrder } from "@/lib/domain/criteria-set-editor-view";
import { countScores, insertCriterion, loadCriteria, lockCriteriaSetForEdit, renumberSiblings, toCheckRows } from "@/lib/data/criteria-sets";
import { writeAuditLog, type AuditEntry } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";
import { auditActorId, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";

/** A value written into an audit row as JSON. */
type AuditJson = NonNullable<AuditEntry["after"]>;

/**
 * Adds a field (no parent), criterion or sub-criterion to a set that is still editable. The set
 * may be left temporarily inconsistent (a parent's max not yet equal to its children's sum): the
 * problems come back with the result, and a period cannot open on the set until they are gone.
 */
export async function addCriterion(actor: Actor, input: AddCriterionInput): Promise<CriteriaSetEditResult> {
  assertCan(actor, "criteria_set.edit");
  const parsed = addCriterionInput.safeParse(input);
  if (!parsed.success) throw invalidInput(CriteriaSetEditError, parsed.error);
  const command = parsed.data;
  const badRule = ruleAboveMax(command.scoringRule, command.maxPoints, command.code);
  if (badRule) throw badRule;

  return inTransaction(async (tx) => {
    const set = await lockCriteriaSetForEdit(tx, command.setCode);
    if (!set) throw criteriaSetNotFound(command.setCode);
    assertCriteriaSetEditable(set);
    const criteria = await loadCriteria(tx, set.id);
    if (criteria.some((criterion) => criterion.code === command.code)) {
      throw new CriteriaSetEditError(
        "exists",
        `Bộ chỉ số đã có tiêu chí mã "${command.code}".`,
        `The set already has a criterion "${command.code}".`,
        [{ path: "code", vi: "Mã tiêu chí đã được dùng", en: "This criterion code is taken" }],
      );
    }
    const parent = command.parentCode ? criteria.find((criterion) => criterion.code === command.parentCode) : null;
    if (command.parentCode && !parent) throw criterionNotFound(set.code, command.parentCode);
    const depth = parent ? parent.depth + 1 : 1;
    if (depth > MAX_CRITERIA_LEVELS) {
      throw new CriteriaSetEditError(
        "too_deep",
        `Không thể thêm tiêu chí con dưới ${command.parentCode}: bộ chỉ số chỉ có ${MAX_CRITERIA_LEVELS} cấp (lĩnh vực, tiêu chí, tiêu chí thành phần).`,
        `Cannot add a child under ${command.parentCode}: a set has ${MAX_CRITERIA_LEVELS} levels (field, criterion, sub-criterion).`,
      );
    }
    if (parent && !criteria.some((criterion) => criterion.parentId === parent.id)) {
      // A scored leaf given a child would stop counting: its points would silently leave the totals.
      const scored = await countScores(tx, [parent.id]);
      if (scored.rows > 0) {
        throw new CriteriaSetEditError(
          "scored",
          `Tiêu chí ${parent.code} đã có điểm của ${scored.units} đơn vị nên không thể thêm tiêu chí con (điểm đó sẽ không còn được tính).`,
          `Criterion ${parent.code} already has points from ${scored.units} unit(s), so it cannot get children (those points would stop counting).`,
        );
      }
    }

    const siblings = siblingsInOrder(criteria, parent?.id ?? null);
    const position = Math.min(command.position ?? siblings.length, siblings.length);
    const id = await insertCriterion(tx, {
      criteriaSetId: set.id,
      parentId: parent?.id ?? null,
      code: command.code,
      name: command.name,
      nameEn: command.nameEn ?? null,
      description: command.description ?? null,
      maxPoints: command.maxPoints,
      method: command.method,
      depth,
      order: position + 1,
      scoringRule: command.scoringRule ?? null,
      sipasInput: command.sipasInput ?? null,
    });
    const reordered: { id: string; order: number }[] = [...siblings];
    reordered.splice(position, 0, { id, order: position + 1 });
    await renumberSiblings(tx, reordered);

    await writeAuditLog(tx, {
      actorId: auditActorId(actor),
      action: "criterion.add",
      entityType: "Criterion",
      entityId: id,
      after: {
        set: set.code,
        code: command.code,
        parent: command.parentCode ?? null,
        name: command.name,
        maxPoints: command.maxPoints,
        method: command.method,
        position: position + 1,
        scoringRule: (command.scoringRule ?? null) as AuditJson | null,
        sipasInput: command.sipasInput ?? null,
      },
    });
    return { setCode: set.code, code: command.code, problems: criteriaSetProblems(toCheckRows(await loadCriteria(tx, set.id))) };
  });
}
