import {
  SIPAS_SURVEY_MOVES,
  SipasSurveyError,
  transitionSipasSurveyInput,
  type SipasSurveyStatusName,
  type TransitionSipasSurveyInput,
} from "@/lib/domain/sipas-survey-input";
import { invalidInput } from "@/lib/domain/setup-error";
import { lockPeriodForSipas, lockSipasSurvey, setSipasSurveyStatus, type LockedSipasSurvey } from "@/lib/data/sipas-surveys";
import { writeAuditLog } from "@/lib/data/audit-log";
import { dropSipasApprovals } from "@/lib/data/sipas-results";
import { inTransaction } from "@/lib/data/transaction";
import { auditActorId, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";

const STATUS_LABEL: Record<SipasSurveyStatusName, { vi: string; en: string }> = {
  draft: { vi: "Bản nháp", en: "Draft" },
  open: { vi: "Đang mở", en: "Open" },
  closed: { vi: "Đã đóng", en: "Closed" },
};

/**
 * Home affairs opens the survey to citizens, closes it, or opens it again (while the period is
 * not published; the council's approvals of SIPAS figures then lapse). The page's state is checked first, so a colleague's move is never repeated;
 * a survey opens only with a questionnaire citizens can answer.
 */
export async function transitionSipasSurvey(actor: Actor, input: TransitionSipasSurveyInput): Promise<{ status: SipasSurveyStatusName }> {
  assertCan(actor, "sipas.edit");
  const parsed = transitionSipasSurveyInput.safeParse(input);
  if (!parsed.success) throw invalidInput(SipasSurveyError, parsed.error);
  const command = parsed.data;

  return inTransaction(async (tx) => {
    const period = await lockPeriodForSipas(tx, command.periodCode);
    if (!period) throw new SipasSurveyError("not_found", `Không có kỳ đánh giá "${command.periodCode}".`, `No period "${command.periodCode}".`);
    const survey = await lockSipasSurvey(tx, period.id);
    if (!survey) throw new SipasSurveyError("not_found", `Kỳ "${period.name}" chưa có bảng hỏi SIPAS.`, `"${period.name}" has no SIPAS questionnaire yet.`);
    if (period.status === "published") {
      throw new SipasSurveyError(
        "published",
        `Kỳ "${period.name}" đã công bố: khảo sát SIPAS không thể mở lại hay thay đổi.`,
        `"${period.name}" is published: its SIPAS survey can no longer be reopened or changed.`,
      );
    }
    if (survey.status !== command.expectedStatus) {
      throw new SipasSurveyError(
        "stale",
        `Khảo sát vừa được người khác chuyển sang "${STATUS_LABEL[survey.status].vi}": hãy tải lại trang.`,
        `Someone else just moved the survey to "${STATUS_LABEL[survey.status].en}": reload the page.`,
      );
    }
    if (!SIPAS_SURVEY_MOVES.some((move) => move.from === survey.status && move.to === command.to)) {
      throw new SipasSurveyError(
        "wrong_state",
        `Không thể chuyển khảo sát từ "${STATUS_LABEL[survey.status].vi}" sang "${STATUS_LABEL[command.to].vi}".`,
        `A survey cannot move from "${STATUS_LABEL[survey.status].en}" to "${STATUS_LABEL[command.to].en}".`,
      );
    }
    if (command.to === "open") assertAnswerable(survey);
    await setSipasSurveyStatus(tx, survey.id, command.to);
    // Reopened, the survey may take responses that change figures the council approved: those
    // approvals lapse, and the period cannot be published until they are given again.
    const approvalsDropped = survey.status === "closed" && command.to === "open" ? await dropSipasApprovals(tx, period.id) : [];
    await writeAuditLog(tx, {
      actorId: auditActorId(actor),
      action: "sipas.survey.transition",
      entityType: "SipasSurvey",
      entityId: survey.id,
      periodId: period.id,
      before: { status: survey.status },
      after: {
        status: command.to,
        ...(approvalsDropped.length ? { approvalsDropped } : {}),
        ...("system" in actor ? { command: actor.system } : {}),
      },
    });
    return { status: command.to };
  });
}

/** A questionnaire citizens can answer: elements, each with questions, a label for every scale point. */
function assertAnswerable(survey: LockedSipasSurvey): void {
  const problems: { path: string; vi: string; en: string }[] = [];
  if (survey.elements.length === 0) problems.push({ path: "elements", vi: "Bảng hỏi chưa có nhóm câu hỏi nào", en: "The questionnaire has no element yet" });
  for (const element of survey.elements) {
    if (element.questions.length === 0) {
      problems.push({ path: `elements.${element.code}`, vi: `Nhóm "${element.name}" chưa có câu hỏi`, en: `Element "${element.nameEn ?? element.name}" has no question` });
    }
  }
  if (survey.elements.length > 0 && !survey.elements.some((element) => element.questions.some((question) => question.required))) {
    problems.push({ path: "elements", vi: "Cần ít nhất một câu hỏi bắt buộc", en: "At least one question must be required" });
  }
  const labels = Array.isArray(survey.scaleLabels) ? survey.scaleLabels.length : 0;
  if (labels !== survey.scaleMax - survey.scaleMin + 1) {
    problems.push({ path: "scaleLabels", vi: "Mỗi mức của thang đo cần một nhãn", en: "Every point of the scale needs a label" });
  }
  if (problems.length) {
    throw new SipasSurveyError(
      "incomplete",
      `Chưa thể mở khảo sát: ${problems.map((problem) => problem.vi).join("; ")}.`,
      `The survey cannot open yet: ${problems.map((problem) => problem.en).join("; ")}.`,
      problems,
    );
  }
}
