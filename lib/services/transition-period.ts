import { auditActorId, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";
import { periodMove, type AssessmentStatus, type PeriodStatus } from "@/lib/review/assessment-workflow";
import { transitionPeriodInput, type TransitionPeriodInput } from "@/lib/domain/period-workflow-input";
import { invalidInput, periodPublished, periodStatusLabel, shortList, stalePeriod, WorkflowError } from "@/lib/domain/workflow-error";
import { lastChange } from "@/lib/data/appraisal";
import { listAssessmentStates, lockPeriod, periodCriteriaSetId, setPeriodStatus } from "@/lib/data/period-state";
import { assertCriteriaSetUsable } from "@/lib/services/validate-criteria-set";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";

export type TransitionPeriodResult = {
  status: PeriodStatus;
  /** Units that had not submitted when self-assessment closed: they keep their state, read-only unless reopened. */
  unsubmittedUnits: { unitCode: string; unitName: string; status: AssessmentStatus }[];
};

const PERIOD_CHANGE_ACTIONS = ["period.transition", "period.publish", "period.erratum"];

/**
 * Home affairs moves a period along draft → self_assessment → appraisal → approved, or back from
 * approved to appraisal before publication. Publication is publishPeriod's, never this.
 */
export async function transitionPeriod(actor: Actor, input: TransitionPeriodInput): Promise<TransitionPeriodResult> {
  const parsed = transitionPeriodInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const command = parsed.data;
  assertCan(actor, "period.transition");

  return inTransaction(async (tx) => {
    const period = await lockPeriod(tx, command.periodCode);
    if (!period) {
      throw new WorkflowError("not_found", `Không có kỳ đánh giá "${command.periodCode}".`, `No period "${command.periodCode}".`);
    }
    if (period.status === "published") throw periodPublished();
    if (period.status !== command.expectedStatus) {
      const change = await lastChange(tx, { periodId: period.id, actions: PERIOD_CHANGE_ACTIONS });
      throw stalePeriod(period.name, change?.name ?? null, change?.at ?? null);
    }
    const from = periodStatusLabel(period.status);
    const to = periodStatusLabel(command.to);
    if (command.to === "published") {
      throw new WorkflowError(
        "wrong_state",
        "Công bố kết quả qua trang công bố (nhập số và ngày quyết định), không chuyển trạng thái trực tiếp.",
        "Publish through the publication page (decision number and date), not by a state change.",
      );
    }
    if (periodMove(period.status, command.to) !== "transition") {
      throw new WorkflowError(
        "wrong_state",
        `Không thể chuyển kỳ đánh giá từ "${from.vi}" sang "${to.vi}".`,
        `A period cannot move from "${from.en}" to "${to.en}".`,
      );
    }
    // Units cannot score against a tree whose points do not add up: the set is checked on opening.
    if (period.status === "draft") await assertCriteriaSetUsable(tx, await periodCriteriaSetId(tx, period.id));
    const states = await listAssessmentStates(tx, period.id);
    if (command.to === "approved") {
      const notApproved = states.filter((state) => state.status !== "approved");
      if (notApproved.length) {
        const names = shortList(notApproved.map((state) => state.unitName));
        throw new WorkflowError(
          "not_approved",
          `Còn ${notApproved.length} đơn vị chưa được hội đồng phê duyệt: ${names}.`,
          `${notApproved.length} unit(s) are not approved by the council yet: ${names}.`,
          [],
          notApproved.map((state) => state.unitCode),
        );
      }
    }
    await setPeriodStatus(tx, period.id, command.to);
    await writeAuditLog(tx, {
      actorId: auditActorId(actor),
      action: "period.transition",
      entityType: "Period",
      entityId: period.id,
      periodId: period.id,
      before: { status: period.status },
      after: { status: command.to, ...("system" in actor ? { command: actor.system } : {}) },
    });
    return {
      status: command.to,
      unsubmittedUnits: command.to === "appraisal" && period.status === "self_assessment"
        ? states.filter((state) => state.status === "not_started" || state.status === "in_progress")
        : [],
    };
  });
}
