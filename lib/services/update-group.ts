import { updateGroupInput, type UpdateGroupInput } from "@/lib/domain/unit-setup-input";
import { invalidInput, UnitSetupError } from "@/lib/domain/setup-error";
import { lockGroupByCode, updateGroupRow } from "@/lib/data/units-admin";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";
import { auditActorId, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";
import type { GroupRecord } from "./create-group";

/**
 * Renames a group or changes its place in lists. Past publications keep the name they printed
 * (PublishedGroupStat.groupName); the code never changes, as public addresses use it.
 */
export async function updateGroup(actor: Actor, input: UpdateGroupInput): Promise<GroupRecord> {
  assertCan(actor, "unit.edit");
  const parsed = updateGroupInput.safeParse(input);
  if (!parsed.success) throw invalidInput(UnitSetupError, parsed.error);
  const command = parsed.data;
  return inTransaction(async (tx) => {
    const group = await lockGroupByCode(tx, command.code);
    if (!group) throw new UnitSetupError("not_found", `Không có khối "${command.code}".`, `No group "${command.code}".`);
    const data: { name?: string; nameEn?: string | null; order?: number } = {};
    if (command.name !== undefined && command.name !== group.name) data.name = command.name;
    if (command.nameEn !== undefined && (command.nameEn ?? null) !== group.nameEn) data.nameEn = command.nameEn ?? null;
    if (command.order !== undefined && command.order !== group.order) data.order = command.order;
    if (Object.keys(data).length === 0) return { code: group.code, name: group.name, nameEn: group.nameEn, order: group.order };
    const updated = await updateGroupRow(tx, group.id, data);
    await writeAuditLog(tx, {
      actorId: auditActorId(actor),
      action: "group.update",
      entityType: "UnitGroup",
      entityId: group.id,
      before: Object.fromEntries(Object.keys(data).map((key) => [key, group[key as keyof typeof data] ?? null])),
      after: Object.fromEntries(Object.keys(data).map((key) => [key, data[key as keyof typeof data] ?? null])),
    });
    return { code: updated.code, name: updated.name, nameEn: updated.nameEn, order: updated.order };
  });
}
