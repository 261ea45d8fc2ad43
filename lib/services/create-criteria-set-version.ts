import { createCriteriaSetVersionInput, type CreateCriteriaSetVersionInput } from "@/lib/domain/criteria-set-input";
import { CriteriaSetEditError, invalidInput } from "@/lib/domain/setup-error";
import { criteriaSetNotFound } from "@/lib/domain/criteria-set-edit-rules";
import { criteriaSetProblems, type CriteriaSetProblem } from "@/lib/domain/criteria-set-problems";
import { copyCriteriaSet, criteriaSetCodeTaken, findCriteriaSet, loadCriteria, shareCriteriaSet, toCheckRows } from "@/lib/data/criteria-sets";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";
import { auditActorId, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";

export type CreateCriteriaSetVersionResult = { code: string; version: number; nodes: number; problems: CriteriaSetProblem[] };

/**
 * A new version of a set: every node and scoring rule copied under a new set code, linked to its
 * origin (previousVersionId) and mapped node by node to it, so results on the two versions stay
 * comparable until the editor changes the copy. The way to change a set a published period used.
 */
export async function createCriteriaSetVersion(actor: Actor, input: CreateCriteriaSetVersionInput): Promise<CreateCriteriaSetVersionResult> {
  assertCan(actor, "criteria_set.edit");
  const parsed = createCriteriaSetVersionInput.safeParse(input);
  if (!parsed.success) throw invalidInput(CriteriaSetEditError, parsed.error);
  const command = parsed.data;
  return inTransaction(async (tx) => {
    const from = await findCriteriaSet(tx, command.fromCode);
    if (!from) throw criteriaSetNotFound(command.fromCode);
    // The origin's tree must not change while it is copied.
    await shareCriteriaSet(tx, from.id);
    if (await criteriaSetCodeTaken(tx, command.newCode)) {
      throw new CriteriaSetEditError("exists", `Đã có bộ chỉ số mã "${command.newCode}".`, `A criteria set "${command.newCode}" already exists.`);
    }
    const copy = await copyCriteriaSet(tx, from, { code: command.newCode, name: command.name });
    await writeAuditLog(tx, {
      actorId: auditActorId(actor),
      action: "criteria_set.version",
      entityType: "CriteriaSet",
      entityId: copy.id,
      before: { code: from.code, version: from.version },
      after: { code: command.newCode, name: command.name, version: from.version + 1, previousVersion: from.code, nodes: copy.nodes },
    });
    return {
      code: command.newCode,
      version: from.version + 1,
      nodes: copy.nodes,
      problems: criteriaSetProblems(toCheckRows(await loadCriteria(tx, copy.id))),
    };
  });
}
