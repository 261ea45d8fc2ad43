import { createUnitInput, type CreateUnitInput } from "@/lib/domain/unit-setup-input";
import { invalidInput, UnitSetupError } from "@/lib/domain/setup-error";
import { findUnitByCode, insertUnit, unitCodeTaken } from "@/lib/data/units-admin";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction, type Tx } from "@/lib/data/transaction";
import { auditActorId, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";

/** A new unit (department, district, commune…); it belongs to its parent unit's authority. */
export async function createUnit(actor: Actor, input: CreateUnitInput): Promise<{ id: string; code: string }> {
  assertCan(actor, "unit.edit");
  const parsed = createUnitInput.safeParse(input);
  if (!parsed.success) throw invalidInput(UnitSetupError, parsed.error);
  const unit = parsed.data;
  return inTransaction(async (tx) => {
    const created = await insertNewUnit(tx, unit);
    await writeAuditLog(tx, {
      actorId: auditActorId(actor),
      action: "unit.create",
      entityType: "Unit",
      entityId: created.id,
      unitId: created.id,
      after: { code: unit.code, name: unit.name, nameEn: unit.nameEn ?? null, kind: unit.kind, parentUnit: unit.parentUnitCode ?? null },
    });
    return { id: created.id, code: unit.code };
  });
}

/** Shared with merges and splits that create their successor. */
export async function insertNewUnit(
  tx: Tx,
  unit: { code: string; name: string; nameEn?: string | null; kind: "province" | "ministry" | "department" | "district" | "commune" | "other"; parentUnitCode?: string | null },
  fallbackAuthorityId: string | null = null,
): Promise<{ id: string }> {
  if (await unitCodeTaken(tx, unit.code)) {
    throw new UnitSetupError("exists", `Đã có đơn vị mã "${unit.code}".`, `A unit "${unit.code}" already exists.`, [
      { path: "code", vi: "Mã đơn vị đã được dùng", en: "This unit code is taken" },
    ]);
  }
  const parent = unit.parentUnitCode ? await findUnitByCode(tx, unit.parentUnitCode) : null;
  if (unit.parentUnitCode && !parent) {
    throw new UnitSetupError("not_found", `Không có đơn vị cấp trên "${unit.parentUnitCode}".`, `No parent unit "${unit.parentUnitCode}".`, [
      { path: "parentUnitCode", vi: "Không có đơn vị này", en: "No such unit" },
    ]);
  }
  return insertUnit(tx, {
    code: unit.code,
    name: unit.name,
    nameEn: unit.nameEn ?? null,
    kind: unit.kind,
    authorityId: parent?.authorityId ?? fallbackAuthorityId,
    parentUnitId: parent?.id ?? null,
  });
}
