import { createGroupInput, type CreateGroupInput } from "@/lib/domain/unit-setup-input";
import { invalidInput, UnitSetupError } from "@/lib/domain/setup-error";
import { groupCodeTaken, insertGroup, nextGroupOrder } from "@/lib/data/units-admin";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";
import { auditActorId, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";

export type GroupRecord = { code: string; name: string; nameEn: string | null; order: number };

/** A new peer group (khối); placed after the others unless an order is given. */
export async function createGroup(actor: Actor, input: CreateGroupInput): Promise<GroupRecord> {
  assertCan(actor, "unit.edit");
  const parsed = createGroupInput.safeParse(input);
  if (!parsed.success) throw invalidInput(UnitSetupError, parsed.error);
  const command = parsed.data;
  return inTransaction(async (tx) => {
    if (await groupCodeTaken(tx, command.code)) {
      throw new UnitSetupError("exists", `Đã có khối mã "${command.code}".`, `A group "${command.code}" already exists.`, [
        { path: "code", vi: "Mã khối đã được dùng", en: "This group code is taken" },
      ]);
    }
    const group = await insertGroup(tx, {
      code: command.code,
      name: command.name,
      nameEn: command.nameEn ?? null,
      order: command.order ?? (await nextGroupOrder(tx)),
    });
    await writeAuditLog(tx, {
      actorId: auditActorId(actor),
      action: "group.create",
      entityType: "UnitGroup",
      entityId: group.id,
      after: { code: group.code, name: group.name, nameEn: group.nameEn, order: group.order },
    });
    return { code: group.code, name: group.name, nameEn: group.nameEn, order: group.order };
  });
}
