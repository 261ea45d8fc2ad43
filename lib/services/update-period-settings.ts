import { updatePeriodSettingsInput, type UpdatePeriodSettingsInput } from "@/lib/domain/period-setup-input";
import { invalidInput, PeriodSetupError } from "@/lib/domain/setup-error";
import { deadlineProblems } from "@/lib/domain/period-deadlines";
import {
  findCriteriaSetId,
  lockPeriodForSetup,
  toPeriodSettings,
  updatePeriodSettings as writeSettings,
  type PeriodSettings,
} from "@/lib/data/period-setup";
import { writeAuditLog, type AuditEntry } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";
import { auditActorId, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";

type Setting = keyof Omit<PeriodSettings, "code" | "year" | "status" | "updatedAt">;

/**
 * Changes a period's name, dates, tie-breakers, whether self-assessed points are published, and
 * (while a draft) its criteria set. Refused once published, when the dates are out of order, and
 * when someone changed the period since the form was read (`expectedUpdatedAt`).
 */
export async function updatePeriodSettings(actor: Actor, input: UpdatePeriodSettingsInput): Promise<PeriodSettings> {
  assertCan(actor, "period.edit");
  const parsed = updatePeriodSettingsInput.safeParse(input);
  if (!parsed.success) throw invalidInput(PeriodSetupError, parsed.error);
  const command = parsed.data;

  return inTransaction(async (tx) => {
    // A new criteria set rewrites every assessment's field totals (a trigger), so the assessments
    // are locked first, in the order score saves lock them.
    const locked = await lockPeriodForSetup(tx, command.periodCode, { assessments: command.criteriaSetCode !== undefined });
    if (!locked) throw new PeriodSetupError("not_found", `Không có kỳ đánh giá "${command.periodCode}".`, `No period "${command.periodCode}".`);
    const current = toPeriodSettings(locked);
    if (current.status === "published") {
      throw new PeriodSetupError(
        "published",
        "Kỳ đánh giá đã công bố: không thể sửa thiết lập. Mọi thay đổi sau công bố đi qua đính chính.",
        "The period is published: its settings can no longer change. Any change after publication goes through an erratum.",
      );
    }
    if (current.updatedAt.getTime() !== command.expectedUpdatedAt.getTime()) {
      throw new PeriodSetupError(
        "stale",
        "Kỳ đánh giá vừa được người khác thay đổi sau khi bạn mở biểu mẫu: hãy tải lại trang rồi sửa lại.",
        "Someone changed the period after you opened the form: reload the page and make your change again.",
      );
    }

    const next: Pick<PeriodSettings, Setting> = {
      name: command.name ?? current.name,
      criteriaSetCode: command.criteriaSetCode ?? current.criteriaSetCode,
      selfAssessmentOpensAt: command.selfAssessmentOpensAt === undefined ? current.selfAssessmentOpensAt : command.selfAssessmentOpensAt,
      selfAssessmentDeadline: command.selfAssessmentDeadline === undefined ? current.selfAssessmentDeadline : command.selfAssessmentDeadline,
      appraisalDeadline: command.appraisalDeadline === undefined ? current.appraisalDeadline : command.appraisalDeadline,
      tieBreakers: command.tieBreakers ?? current.tieBreakers,
      publishSelfPoints: command.publishSelfPoints ?? current.publishSelfPoints,
    };
    const order = deadlineProblems(next);
    if (order.length) {
      throw new PeriodSetupError("invalid", order.map((issue) => issue.vi).join(" "), order.map((issue) => issue.en).join(" "), order);
    }
    const changed = (Object.keys(next) as Setting[]).filter((key) => comparable(next[key]) !== comparable(current[key]));
    if (changed.length === 0) return current;

    let criteriaSetId: string | undefined;
    if (changed.includes("criteriaSetCode")) {
      if (current.status !== "draft") {
        throw new PeriodSetupError(
          "wrong_state",
          "Chỉ đổi được bộ chỉ số khi kỳ đánh giá còn là bản nháp (chưa đơn vị nào chấm điểm).",
          "The criteria set can only change while the period is a draft (before any unit scores).",
          [{ path: "criteriaSetCode", vi: "Kỳ không còn là bản nháp", en: "The period is no longer a draft" }],
        );
      }
      const set = await findCriteriaSetId(tx, next.criteriaSetCode);
      if (!set) {
        throw new PeriodSetupError("unknown_reference", `Không có bộ chỉ số "${next.criteriaSetCode}".`, `No criteria set "${next.criteriaSetCode}".`, [
          { path: "criteriaSetCode", vi: "Không có bộ chỉ số này", en: "No such criteria set" },
        ]);
      }
      criteriaSetId = set.id;
    }

    const updated = toPeriodSettings(
      await writeSettings(tx, locked.id, {
        name: changed.includes("name") ? next.name : undefined,
        selfAssessmentOpensAt: changed.includes("selfAssessmentOpensAt") ? next.selfAssessmentOpensAt : undefined,
        selfAssessmentDeadline: changed.includes("selfAssessmentDeadline") ? next.selfAssessmentDeadline : undefined,
        appraisalDeadline: changed.includes("appraisalDeadline") ? next.appraisalDeadline : undefined,
        tieBreakers: changed.includes("tieBreakers") ? next.tieBreakers : undefined,
        publishSelfPoints: changed.includes("publishSelfPoints") ? next.publishSelfPoints : undefined,
        criteriaSetId,
      }),
    );
    const pick = (values: Pick<PeriodSettings, Setting>) =>
      Object.fromEntries(changed.map((key) => [key, auditValue(values[key])])) as NonNullable<AuditEntry["after"]>;
    await writeAuditLog(tx, {
      actorId: auditActorId(actor),
      action: "period.settings",
      entityType: "Period",
      entityId: locked.id,
      periodId: locked.id,
      before: pick(current),
      after: pick(next),
    });
    return updated;
  });
}

function comparable(value: unknown): string {
  return JSON.stringify(value instanceof Date ? value.toISOString() : (value ?? null));
}

function auditValue(value: unknown): string | boolean | string[] | null {
  if (value instanceof Date) return value.toISOString();
  return (value ?? null) as string | boolean | string[] | null;
}
