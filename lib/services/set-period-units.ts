import { setPeriodUnitsInput, type SetPeriodUnitsInput } from "@/lib/domain/period-setup-input";
import { invalidInput, PeriodSetupError } from "@/lib/domain/setup-error";
import {
  addAssessments,
  findGroupsByCode,
  findUnitsByCode,
  loadPeriodUnits,
  lockPeriodForSetup,
  moveAssessment,
  removeAssessments,
} from "@/lib/data/period-setup";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";
import { auditActorId, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";

export type SetPeriodUnitsResult = {
  added: { unitCode: string; groupCode: string }[];
  removed: string[];
  moved: { unitCode: string; from: string; to: string }[];
  units: number;
};

const OPEN_FOR_UNITS = new Set(["draft", "self_assessment"]);

/**
 * Sets which units a period evaluates and in which group: units missing from the list leave it,
 * new ones join, and a unit listed under another group moves there (its scores stay). Only while
 * the period is a draft or in self-assessment; a unit with any score row cannot leave, since its
 * claims and evidence would go with it.
 */
export async function setPeriodUnits(actor: Actor, input: SetPeriodUnitsInput): Promise<SetPeriodUnitsResult> {
  assertCan(actor, "period.edit");
  const parsed = setPeriodUnitsInput.safeParse(input);
  if (!parsed.success) throw invalidInput(PeriodSetupError, parsed.error);
  const command = parsed.data;

  return inTransaction(async (tx) => {
    // Assessments may be deleted: lock them first, as score saves do, then the period.
    const period = await lockPeriodForSetup(tx, command.periodCode, { assessments: true });
    if (!period) throw new PeriodSetupError("not_found", `Không có kỳ đánh giá "${command.periodCode}".`, `No period "${command.periodCode}".`);
    if (period.status === "published") {
      throw new PeriodSetupError("published", "Kỳ đánh giá đã công bố: không thể đổi đơn vị.", "The period is published: its units can no longer change.");
    }
    if (!OPEN_FOR_UNITS.has(period.status)) {
      throw new PeriodSetupError(
        "wrong_state",
        "Chỉ thêm, bớt hoặc chuyển khối đơn vị khi kỳ đánh giá còn là bản nháp hoặc đang tự đánh giá.",
        "Units can only be added, removed or moved to another group while the period is a draft or in self-assessment.",
      );
    }

    const current = await loadPeriodUnits(tx, period.id);
    const units = new Map((await findUnitsByCode(tx, command.units.map((entry) => entry.unitCode))).map((unit) => [unit.code, unit]));
    const groups = new Map((await findGroupsByCode(tx, command.units.map((entry) => entry.groupCode))).map((group) => [group.code, group]));
    const missing = [
      ...command.units.filter((entry) => !units.has(entry.unitCode)).map((entry) => `unit ${entry.unitCode}`),
      ...command.units.filter((entry) => !groups.has(entry.groupCode)).map((entry) => `group ${entry.groupCode}`),
    ];
    if (missing.length) {
      const list = [...new Set(missing)].join(", ");
      throw new PeriodSetupError("unknown_reference", `Không tìm thấy: ${list}.`, `Not found: ${list}.`);
    }

    const currentByCode = new Map(current.map((entry) => [entry.unit.code, entry]));
    const wanted = new Set(command.units.map((entry) => entry.unitCode));
    const leaving = current.filter((entry) => !wanted.has(entry.unit.code));
    const scored = leaving.filter((entry) => entry.scoreRows > 0);
    if (scored.length) {
      const list = scored.map((entry) => `${entry.unit.name} (${entry.unit.code})`).join(", ");
      throw new PeriodSetupError(
        "has_scores",
        `Không thể bỏ khỏi kỳ đánh giá đơn vị đã có điểm tự đánh giá: ${list}. Điểm, ghi chú và tài liệu kiểm chứng của đơn vị sẽ mất.`,
        `Units that already have scores cannot leave the period: ${list}. Their points, notes and evidence would be lost.`,
      );
    }
    const joining = command.units.filter((entry) => !currentByCode.has(entry.unitCode));
    const dissolved = joining.filter((entry) => units.get(entry.unitCode)!.dissolvedOn !== null);
    if (dissolved.length) {
      const list = dissolved.map((entry) => entry.unitCode).join(", ");
      throw new PeriodSetupError(
        "dissolved",
        `Đơn vị đã giải thể (sáp nhập hoặc chia tách) không thể tham gia kỳ đánh giá: ${list}. Hãy chọn đơn vị kế thừa.`,
        `Dissolved units (merged or split) cannot join a period: ${list}. Choose their successors instead.`,
      );
    }

    await removeAssessments(tx, leaving.map((entry) => entry.assessmentId));
    await addAssessments(
      tx,
      period.id,
      joining.map((entry) => ({ unitId: units.get(entry.unitCode)!.id, groupId: groups.get(entry.groupCode)!.id })),
    );
    const moved: SetPeriodUnitsResult["moved"] = [];
    for (const entry of command.units) {
      const existing = currentByCode.get(entry.unitCode);
      if (existing && existing.group.code !== entry.groupCode) {
        await moveAssessment(tx, existing.assessmentId, groups.get(entry.groupCode)!.id);
        moved.push({ unitCode: entry.unitCode, from: existing.group.code, to: entry.groupCode });
      }
    }
    const result: SetPeriodUnitsResult = {
      added: joining.map((entry) => ({ unitCode: entry.unitCode, groupCode: entry.groupCode })),
      removed: leaving.map((entry) => entry.unit.code),
      moved,
      units: command.units.length,
    };
    if (result.added.length || result.removed.length || moved.length) {
      await writeAuditLog(tx, {
        actorId: auditActorId(actor),
        action: "period.units",
        entityType: "Period",
        entityId: period.id,
        periodId: period.id,
        before: { units: current.length, removed: leaving.map((entry) => ({ unit: entry.unit.code, group: entry.group.code })) },
        after: { units: result.units, added: result.added, moved },
      });
    }
    return result;
  });
}
