import { updateUnitInput, type UpdateUnitInput } from "@/lib/domain/unit-setup-input";
import { invalidInput, UnitSetupError } from "@/lib/domain/setup-error";
import { findUnitByCode, findUnitCodeById, lockUnitsByCode, recordNameChange, unitCodePublished, unitCodeTaken, updateUnitRow } from "@/lib/data/units-admin";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";
import { auditActorId, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";

export type UnitRecord = {
  code: string;
  name: string;
  nameEn: string | null;
  kind: string;
  parentUnitCode: string | null;
  dissolvedOn: Date | null;
  updatedAt: Date;
};

/**
 * Renames a unit (the old name is kept in its name history), or changes its English name, kind,
 * parent or code. The code cannot change once a published period evaluated the unit: its public
 * page and every published table name it by that code.
 */
export async function updateUnit(actor: Actor, input: UpdateUnitInput): Promise<UnitRecord> {
  assertCan(actor, "unit.edit");
  const parsed = updateUnitInput.safeParse(input);
  if (!parsed.success) throw invalidInput(UnitSetupError, parsed.error);
  const command = parsed.data;

  return inTransaction(async (tx) => {
    const [unit] = await lockUnitsByCode(tx, [command.code]);
    if (!unit) throw new UnitSetupError("not_found", `Không có đơn vị "${command.code}".`, `No unit "${command.code}".`);
    if (unit.updatedAt.getTime() !== command.expectedUpdatedAt.getTime()) {
      throw new UnitSetupError(
        "stale",
        "Đơn vị vừa được người khác thay đổi sau khi bạn mở biểu mẫu: hãy tải lại trang rồi sửa lại.",
        "Someone changed the unit after you opened the form: reload the page and make your change again.",
      );
    }
    const data: Parameters<typeof updateUnitRow>[2] = {};
    const before: Record<string, string | null> = {};
    const after: Record<string, string | null> = {};
    if (command.newCode !== undefined && command.newCode !== unit.code) {
      if (await unitCodePublished(tx, unit.id)) {
        throw new UnitSetupError(
          "code_published",
          `Mã "${unit.code}" đã có trong kết quả công bố nên không đổi được (địa chỉ trang đơn vị và các bảng xếp hạng đã công bố dùng mã này).`,
          `Code "${unit.code}" is on published results and cannot change (the unit's public page and published tables use it).`,
          [{ path: "newCode", vi: "Mã đã công bố, không đổi được", en: "Published code, cannot change" }],
        );
      }
      if (await unitCodeTaken(tx, command.newCode)) {
        throw new UnitSetupError("exists", `Đã có đơn vị mã "${command.newCode}".`, `A unit "${command.newCode}" already exists.`, [
          { path: "newCode", vi: "Mã đơn vị đã được dùng", en: "This unit code is taken" },
        ]);
      }
      data.code = command.newCode;
    }
    if (command.name !== undefined && command.name !== unit.name) data.name = command.name;
    if (command.nameEn !== undefined && (command.nameEn ?? null) !== unit.nameEn) data.nameEn = command.nameEn ?? null;
    if (command.kind !== undefined && command.kind !== unit.kind) data.kind = command.kind;
    if (command.parentUnitCode !== undefined) {
      const parent = command.parentUnitCode === null ? null : await findUnitByCode(tx, command.parentUnitCode);
      if (command.parentUnitCode !== null && (!parent || parent.id === unit.id)) {
        throw new UnitSetupError("not_found", `Không có đơn vị cấp trên "${command.parentUnitCode}".`, `No parent unit "${command.parentUnitCode}".`, [
          { path: "parentUnitCode", vi: "Không có đơn vị này", en: "No such unit" },
        ]);
      }
      if ((parent?.id ?? null) !== unit.parentUnitId) {
        data.parentUnitId = parent?.id ?? null;
        before.parentUnit = unit.parentUnitId ? await findUnitCodeById(tx, unit.parentUnitId) : null;
        after.parentUnit = command.parentUnitCode;
      }
    }
    const updated = Object.keys(data).length ? await updateUnitRow(tx, unit.id, data) : unit;
    if (data.name !== undefined) await recordNameChange(tx, unit.id, unit.name, data.name);
    for (const key of ["code", "name", "nameEn", "kind"] as const) {
      if (data[key] !== undefined) {
        before[key] = unit[key];
        after[key] = data[key] ?? null;
      }
    }
    if (Object.keys(after).length) {
      await writeAuditLog(tx, {
        actorId: auditActorId(actor),
        action: "unit.update",
        entityType: "Unit",
        entityId: unit.id,
        unitId: unit.id,
        before,
        after,
      });
    }
    const parentCode = updated.parentUnitId ? await findUnitCodeById(tx, updated.parentUnitId) : null;
    return {
      code: updated.code,
      name: updated.name,
      nameEn: updated.nameEn,
      kind: updated.kind,
      parentUnitCode: parentCode,
      dissolvedOn: updated.dissolvedOn,
      updatedAt: updated.updatedAt,
    };
  });
}
