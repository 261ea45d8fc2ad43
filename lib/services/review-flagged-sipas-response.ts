import { reviewFlaggedSipasResponsesInput, SipasSurveyError, type ReviewFlaggedSipasResponsesInput } from "@/lib/domain/sipas-survey-input";
import { invalidInput } from "@/lib/domain/setup-error";
import { clockTimeInVietnam } from "@/lib/domain/workflow-error";
import { lockPeriodForSipas } from "@/lib/data/sipas-surveys";
import { lockSipasResponses, setSipasResponsesStatus, unitsWithApprovedSipas } from "@/lib/data/sipas-flagged-responses";
import { writeAuditLog } from "@/lib/data/audit-log";
import { currentClient, inTransaction } from "@/lib/data/transaction";
import { auditActorId, isUserActor, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";

/**
 * Home affairs decides flagged responses: accepted ones count from now on, rejected ones never.
 * One or many at once, all or none: if a colleague has reviewed any of them since the page was
 * read, nothing is changed and the message says who and when. A unit whose SIPAS figures the
 * council has approved keeps them: its responses are no longer reviewed.
 */
export async function reviewFlaggedSipasResponses(actor: Actor, input: ReviewFlaggedSipasResponsesInput, now = new Date()): Promise<{ reviewed: number }> {
  assertCan(actor, "sipas.edit");
  const parsed = reviewFlaggedSipasResponsesInput.safeParse(input);
  if (!parsed.success) throw invalidInput(SipasSurveyError, parsed.error);
  const command = parsed.data;
  const status = command.decision === "accept" ? "accepted" : "rejected";

  return inTransaction(async (tx) => {
    const period = await lockPeriodForSipas(tx, command.periodCode);
    if (!period) throw new SipasSurveyError("not_found", `Không có kỳ đánh giá "${command.periodCode}".`, `No period "${command.periodCode}".`);
    if (period.status === "published") {
      throw new SipasSurveyError("published", `Kỳ "${period.name}" đã công bố: phiếu khảo sát không thể xem xét lại.`, `"${period.name}" is published: its responses can no longer be reviewed.`);
    }
    const survey = await currentClient().sipasSurvey.findFirst({ where: { periodId: period.id }, orderBy: { createdAt: "asc" }, select: { id: true } });
    if (!survey) throw new SipasSurveyError("not_found", `Kỳ "${period.name}" chưa có bảng hỏi SIPAS.`, `"${period.name}" has no SIPAS questionnaire yet.`);
    const responses = await lockSipasResponses(tx, survey.id, command.responseIds);
    if (responses.length !== command.responseIds.length) {
      throw new SipasSurveyError("not_found", "Không tìm thấy một số phiếu đã chọn trong khảo sát này.", "Some of the chosen responses are not in this survey.");
    }
    const reviewed = responses.filter((response) => response.status !== "flagged");
    if (reviewed.length) {
      const first = reviewed[0]!;
      const who = first.reviewedBy?.name ?? null;
      const at = first.reviewedAt ? clockTimeInVietnam(first.reviewedAt) : null;
      throw new SipasSurveyError(
        "stale",
        `${reviewed.length} phiếu đã được ${who ?? "người khác"} xem xét${at ? ` lúc ${at}` : ""}: không phiếu nào được thay đổi, hãy tải lại trang.`,
        `${reviewed.length} response(s) were already reviewed by ${who ?? "someone else"}${at ? ` at ${at}` : ""}: nothing was changed; reload the page.`,
      );
    }
    const settled = await unitsWithApprovedSipas(tx, period.id, [...new Set(responses.map((response) => response.unitId))]);
    if (settled.length) {
      const names = settled.map((row) => row.unit.name).join(", ");
      throw new SipasSurveyError(
        "wrong_state",
        `Chỉ số SIPAS của ${names} đã được hội đồng phê duyệt: phiếu của đơn vị này không thể xem xét lại.`,
        `The SIPAS figures of ${names} are approved by the council: that unit's responses can no longer be reviewed.`,
      );
    }
    await setSipasResponsesStatus(tx, command.responseIds, { status, reviewedById: isUserActor(actor) ? actor.userId : null, reviewedAt: now });
    for (const response of responses) {
      await writeAuditLog(tx, {
        actorId: auditActorId(actor),
        action: `sipas.response.${command.decision}`,
        entityType: "SipasResponse",
        entityId: response.id,
        periodId: period.id,
        unitId: response.unitId,
        before: { status: "flagged" },
        after: { status },
      });
    }
    return { reviewed: responses.length };
  });
}
