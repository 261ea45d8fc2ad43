import { mapCriteriaInput, type MapCriteriaInput } from "@/lib/domain/criteria-set-input";
import { CriteriaSetEditError, invalidInput } from "@/lib/domain/setup-error";
import { criteriaSetNotFound } from "@/lib/domain/criteria-set-edit-rules";
import {
  findCriteriaByCode,
  findCriteriaSet,
  insertMapping,
  mappingExists,
  removeMapping,
  shareCriteriaSet,
} from "@/lib/data/criteria-sets";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";
import { auditActorId, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";

export type MapCriteriaResult = { added: { from: string; to: string }[]; removed: { from: string; to: string }[] };

/**
 * Declares (or withdraws) that nodes of two sets correspond — a field of this year's version and
 * the field it continues in last year's — so results on the two sets can be compared. Only nodes
 * of the same level correspond. Locked sets may be mapped: a mapping does not change a tree.
 */
export async function mapCriteria(actor: Actor, input: MapCriteriaInput): Promise<MapCriteriaResult> {
  assertCan(actor, "criteria_set.edit");
  const parsed = mapCriteriaInput.safeParse(input);
  if (!parsed.success) throw invalidInput(CriteriaSetEditError, parsed.error);
  const command = parsed.data;

  return inTransaction(async (tx) => {
    const fromSet = await findCriteriaSet(tx, command.fromSetCode);
    if (!fromSet) throw criteriaSetNotFound(command.fromSetCode);
    const toSet = await findCriteriaSet(tx, command.toSetCode);
    if (!toSet) throw criteriaSetNotFound(command.toSetCode);
    // Neither tree may lose a node while its mappings are written; ids in one order avoid deadlocks.
    for (const id of [fromSet.id, toSet.id].sort()) await shareCriteriaSet(tx, id);

    const fromNodes = new Map((await findCriteriaByCode(tx, fromSet.id, command.pairs.map((pair) => pair.from))).map((node) => [node.code, node]));
    const toNodes = new Map((await findCriteriaByCode(tx, toSet.id, command.pairs.map((pair) => pair.to))).map((node) => [node.code, node]));
    const missing = [
      ...command.pairs.filter((pair) => !fromNodes.has(pair.from)).map((pair) => `${fromSet.code}:${pair.from}`),
      ...command.pairs.filter((pair) => !toNodes.has(pair.to)).map((pair) => `${toSet.code}:${pair.to}`),
    ];
    if (missing.length) {
      const list = [...new Set(missing)].join(", ");
      throw new CriteriaSetEditError("not_found", `Không tìm thấy tiêu chí: ${list}.`, `Criteria not found: ${list}.`);
    }
    const mismatched = command.pairs.filter((pair) => fromNodes.get(pair.from)!.depth !== toNodes.get(pair.to)!.depth);
    if (mismatched.length) {
      const list = mismatched.map((pair) => `${pair.from} → ${pair.to}`).join(", ");
      throw new CriteriaSetEditError(
        "wrong_level",
        `Chỉ ghép lĩnh vực với lĩnh vực, tiêu chí với tiêu chí cùng cấp: ${list}.`,
        `Only nodes of the same level correspond (field to field, criterion to criterion): ${list}.`,
      );
    }

    const added: MapCriteriaResult["added"] = [];
    const removed: MapCriteriaResult["removed"] = [];
    for (const pair of command.pairs) {
      const from = fromNodes.get(pair.from)!.id;
      const to = toNodes.get(pair.to)!.id;
      if (pair.remove) {
        if ((await removeMapping(tx, from, to)) > 0) removed.push({ from: pair.from, to: pair.to });
      } else if (!(await mappingExists(tx, from, to))) {
        await insertMapping(tx, from, to);
        added.push({ from: pair.from, to: pair.to });
      }
    }
    if (added.length || removed.length) {
      await writeAuditLog(tx, {
        actorId: auditActorId(actor),
        action: "criteria_set.map",
        entityType: "CriteriaSet",
        entityId: fromSet.id,
        before: { from: fromSet.code, to: toSet.code, mapped: removed },
        after: { from: fromSet.code, to: toSet.code, mapped: added },
      });
    }
    return { added, removed };
  });
}
