import { rankPeriod } from "@/lib/ranking/rank-period";
import { orderLosses } from "@/lib/ranking/group-points-lost";
import { loadPeriodAggregates } from "@/lib/data/load-period-aggregates";
import { storePublication } from "@/lib/data/store-publication";
import { findSipasPublicationBlock, loadApprovedSipas, lockPeriodForPublication, markPeriodPublished } from "@/lib/data/period-publication-state";
import { writeAuditLog } from "@/lib/data/audit-log";
import { describeSipasPublicationBlock } from "@/lib/i18n/sipas-publication-block";
import { inTransaction, type Tx } from "@/lib/data/transaction";
import { UseCaseError } from "@/lib/domain/use-case-error";
import { auditActorId, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";

export type PublishPeriodCommand = {
  periodCode: string;
  actor: Actor;
  /** Required to correct a period that is already published (an erratum). */
  reason?: string | null;
  decisionNumber?: string | null;
  decisionDate?: Date | null;
};

export class PublishPeriodError extends UseCaseError<"not_found" | "wrong_state" | "reason_required" | "empty" | "unscored" | "sipas_unapproved"> {}

/**
 * Computes the period's results from its current scores and stores them as a new publication:
 * the first one, or a corrected version (erratum) that keeps every earlier one.
 */
export async function publishPeriodInTransaction(tx: Tx, command: PublishPeriodCommand) {
  assertCan(command.actor, "period.publish");
  const current = await lockPeriodForPublication(tx, command.periodCode);
  if (!current) {
    throw new PublishPeriodError("not_found", `Không có kỳ đánh giá "${command.periodCode}".`, `No period "${command.periodCode}".`);
  }
  const aggregates = (await loadPeriodAggregates(command.periodCode, tx))!;
  const { period } = aggregates;
  if (current.status !== "approved" && current.status !== "published") {
    throw new PublishPeriodError(
      "wrong_state",
      `Chỉ công bố được kỳ đã phê duyệt (hiện tại: ${current.status}).`,
      `Only an approved period can be published (current state: ${current.status}).`,
    );
  }
  const reason = command.reason?.trim() || null;
  if (current.status === "published" && !reason) {
    throw new PublishPeriodError(
      "reason_required",
      "Kỳ này đã công bố: phải nêu lý do đính chính.",
      "This period is already published: a correction needs a reason.",
    );
  }
  if (aggregates.input.units.length === 0) {
    throw new PublishPeriodError("empty", "Kỳ đánh giá chưa có đơn vị nào.", "The period evaluates no unit.");
  }
  const unscored = aggregates.unscoredUnits;
  if (unscored.length) {
    const names = unscored.slice(0, 5).join(", ") + (unscored.length > 5 ? ` (+${unscored.length - 5})` : "");
    throw new PublishPeriodError(
      "unscored",
      `Còn tiêu chí chưa có điểm thẩm định ở ${unscored.length} đơn vị: ${names}.`,
      `${unscored.length} unit(s) still have leaves without appraised points: ${names}.`,
    );
  }
  const sipasBlock = await findSipasPublicationBlock(tx, period.id);
  if (sipasBlock) {
    const text = describeSipasPublicationBlock(sipasBlock);
    throw new PublishPeriodError("sipas_unapproved", text.vi, text.en);
  }

  const ranking = rankPeriod(aggregates.input);
  const fieldLosses = new Map(ranking.groups.map((group) => [group.groupCode, orderLosses(aggregates.groupFieldLosses.get(group.groupCode) ?? [])]));
  const decisionNumber = command.decisionNumber ?? current.decisionNumber;
  const decisionDate = command.decisionDate ?? current.decisionDate;
  const { publicationId, version } = await storePublication(tx, {
    periodId: period.id,
    groups: ranking.groups,
    fieldLosses,
    unitIds: aggregates.unitIds,
    groupIds: aggregates.groupIds,
    groupNames: aggregates.groupNames,
    sipas: await loadApprovedSipas(tx, period.id),
    previousMeanDisplay: aggregates.previousMeanDisplay,
    reason,
    decisionNumber,
    decisionDate,
    publishedById: auditActorId(command.actor),
  });
  await markPeriodPublished(tx, { periodId: period.id, publicationId, decisionNumber, decisionDate });
  await writeAuditLog(tx, {
    actorId: auditActorId(command.actor),
    action: version === 1 ? "period.publish" : "period.erratum",
    entityType: "Period",
    entityId: period.id,
    periodId: period.id,
    before: { status: current.status },
    after: { status: "published", publicationVersion: version, reason },
  });
  return { publicationId, version, groups: ranking.groups };
}

export function publishPeriod(command: PublishPeriodCommand) {
  return inTransaction((tx) => publishPeriodInTransaction(tx, command));
}
