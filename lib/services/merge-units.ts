import { mergeUnitsInput, type MergeUnitsInput } from "@/lib/domain/unit-setup-input";
import { invalidInput, UnitSetupError } from "@/lib/domain/setup-error";
import { lockUnitsByCode } from "@/lib/data/units-admin";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";
import { auditActorId, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";
import { insertNewUnit } from "./create-unit";
import { recordUnitLineage, type DraftPeriodChange } from "./record-unit-lineage";

export type UnitLineageResult = {
  predecessors: string[];
  successors: { code: string; created: boolean }[];
  effectiveOn: string;
  /** Draft periods that now evaluate the successors instead of the predecessors. */
  draftPeriods: DraftPeriodChange[];
};

/**
 * Records that units merged into one — a new unit, or an existing one that absorbs them — from
 * `effectiveOn`: lineage rows of kind merge, and the predecessors dissolved (an existing
 * successor stays). Refused for a unit already dissolved, and while a predecessor is being
 * evaluated in a period under way (see recordUnitLineage for what happens to periods).
 */
export async function mergeUnits(actor: Actor, input: MergeUnitsInput): Promise<UnitLineageResult> {
  assertCan(actor, "unit.edit");
  const parsed = mergeUnitsInput.safeParse(input);
  if (!parsed.success) throw invalidInput(UnitSetupError, parsed.error);
  const command = parsed.data;
  const existingSuccessor = "existingCode" in command.successor ? command.successor.existingCode : null;
  if (existingSuccessor && command.predecessorCodes.includes(existingSuccessor)) {
    throw new UnitSetupError(
      "invalid",
      "Đơn vị tiếp nhận không thể đồng thời là đơn vị bị hợp nhất.",
      "The unit that absorbs the others cannot be one of the merged units.",
      [{ path: "successor", vi: "Trùng với đơn vị bị hợp nhất", en: "Also listed as merged" }],
    );
  }
  if (!existingSuccessor && command.predecessorCodes.length < 2) {
    throw new UnitSetupError(
      "invalid",
      "Hợp nhất thành đơn vị mới cần ít nhất hai đơn vị; đổi mã hoặc tên một đơn vị thì sửa đơn vị đó.",
      "A merge into a new unit needs at least two units; to rename or re-code one unit, edit it.",
      [{ path: "predecessorCodes", vi: "Cần ít nhất hai đơn vị", en: "At least two units" }],
    );
  }

  return inTransaction(async (tx) => {
    const codes = [...command.predecessorCodes, ...(existingSuccessor ? [existingSuccessor] : [])];
    const locked = new Map((await lockUnitsByCode(tx, codes)).map((unit) => [unit.code, unit]));
    const missing = codes.filter((code) => !locked.has(code));
    if (missing.length) {
      throw new UnitSetupError("not_found", `Không có đơn vị: ${missing.join(", ")}.`, `No such unit: ${missing.join(", ")}.`);
    }
    const dissolved = codes.filter((code) => locked.get(code)!.dissolvedOn !== null);
    if (dissolved.length) {
      const list = dissolved.map((code) => `${locked.get(code)!.name} (${code}, ${locked.get(code)!.dissolvedOn!.toISOString().slice(0, 10)})`).join(", ");
      throw new UnitSetupError(
        "dissolved",
        `Đơn vị đã giải thể từ trước, không thể hợp nhất thêm: ${list}.`,
        `Already dissolved, so it cannot merge again: ${list}.`,
      );
    }
    const predecessors = command.predecessorCodes.map((code) => locked.get(code)!);
    let successor: { id: string; code: string; name: string; created: boolean };
    if (existingSuccessor) {
      const unit = locked.get(existingSuccessor)!;
      successor = { id: unit.id, code: unit.code, name: unit.name, created: false };
    } else {
      const spec = command.successor as Exclude<typeof command.successor, { existingCode: string }>;
      const created = await insertNewUnit(tx, spec, predecessors[0]!.authorityId);
      successor = { id: created.id, code: spec.code, name: spec.name, created: true };
    }
    const draftPeriods = await recordUnitLineage(tx, actor, {
      kind: "merge",
      predecessors,
      successors: [successor],
      effectiveOn: command.effectiveOn,
      note: command.note ?? null,
    });
    const effectiveOn = command.effectiveOn.toISOString().slice(0, 10);
    await writeAuditLog(tx, {
      actorId: auditActorId(actor),
      action: "unit.merge",
      entityType: "Unit",
      entityId: successor.id,
      unitId: successor.id,
      before: { predecessors: predecessors.map((unit) => ({ code: unit.code, name: unit.name, dissolvedOn: null })) },
      after: {
        successor: { code: successor.code, name: successor.name, created: successor.created },
        predecessors: predecessors.map((unit) => ({ code: unit.code, dissolvedOn: effectiveOn })),
        effectiveOn,
        note: command.note ?? null,
        draftPeriods,
      },
    });
    return {
      predecessors: predecessors.map((unit) => unit.code),
      successors: [{ code: successor.code, created: successor.created }],
      effectiveOn,
      draftPeriods,
    };
  });
}
