import { splitUnitInput, type SplitUnitInput } from "@/lib/domain/unit-setup-input";
import { invalidInput, UnitSetupError } from "@/lib/domain/setup-error";
import { lockUnitsByCode } from "@/lib/data/units-admin";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";
import { auditActorId, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";
import { insertNewUnit } from "./create-unit";
import { recordUnitLineage } from "./record-unit-lineage";
import type { UnitLineageResult } from "./merge-units";

/**
 * Records that a unit split into several — new units, or existing ones taking over a part — from
 * `effectiveOn`: lineage rows of kind split, and the predecessor dissolved. Refused for a unit
 * already dissolved, and while it is being evaluated in a period under way.
 */
export async function splitUnit(actor: Actor, input: SplitUnitInput): Promise<UnitLineageResult> {
  assertCan(actor, "unit.edit");
  const parsed = splitUnitInput.safeParse(input);
  if (!parsed.success) throw invalidInput(UnitSetupError, parsed.error);
  const command = parsed.data;
  const existingCodes = command.successors.flatMap((successor) => ("existingCode" in successor ? [successor.existingCode] : []));
  if (existingCodes.includes(command.predecessorCode)) {
    throw new UnitSetupError(
      "invalid",
      "Đơn vị bị chia tách không thể là đơn vị kế thừa của chính nó.",
      "The unit that splits cannot be one of its own successors.",
      [{ path: "successors", vi: "Trùng với đơn vị bị chia tách", en: "Same as the unit that splits" }],
    );
  }

  return inTransaction(async (tx) => {
    const codes = [command.predecessorCode, ...existingCodes];
    const locked = new Map((await lockUnitsByCode(tx, codes)).map((unit) => [unit.code, unit]));
    const missing = codes.filter((code) => !locked.has(code));
    if (missing.length) {
      throw new UnitSetupError("not_found", `Không có đơn vị: ${missing.join(", ")}.`, `No such unit: ${missing.join(", ")}.`);
    }
    const dissolved = codes.filter((code) => locked.get(code)!.dissolvedOn !== null);
    if (dissolved.length) {
      const list = dissolved.map((code) => `${locked.get(code)!.name} (${code}, ${locked.get(code)!.dissolvedOn!.toISOString().slice(0, 10)})`).join(", ");
      throw new UnitSetupError("dissolved", `Đơn vị đã giải thể từ trước: ${list}.`, `Already dissolved: ${list}.`);
    }
    const predecessor = locked.get(command.predecessorCode)!;
    const successors: { id: string; code: string; name: string; created: boolean }[] = [];
    for (const spec of command.successors) {
      if ("existingCode" in spec) {
        const unit = locked.get(spec.existingCode)!;
        successors.push({ id: unit.id, code: unit.code, name: unit.name, created: false });
      } else {
        const created = await insertNewUnit(tx, spec, predecessor.authorityId);
        successors.push({ id: created.id, code: spec.code, name: spec.name, created: true });
      }
    }
    const draftPeriods = await recordUnitLineage(tx, actor, {
      kind: "split",
      predecessors: [predecessor],
      successors,
      effectiveOn: command.effectiveOn,
      note: command.note ?? null,
    });
    const effectiveOn = command.effectiveOn.toISOString().slice(0, 10);
    await writeAuditLog(tx, {
      actorId: auditActorId(actor),
      action: "unit.split",
      entityType: "Unit",
      entityId: predecessor.id,
      unitId: predecessor.id,
      before: { predecessor: { code: predecessor.code, name: predecessor.name, dissolvedOn: null } },
      after: {
        predecessor: { code: predecessor.code, dissolvedOn: effectiveOn },
        successors: successors.map((unit) => ({ code: unit.code, name: unit.name, created: unit.created })),
        effectiveOn,
        note: command.note ?? null,
        draftPeriods,
      },
    });
    return {
      predecessors: [predecessor.code],
      successors: successors.map((unit) => ({ code: unit.code, created: unit.created })),
      effectiveOn,
      draftPeriods,
    };
  });
}
