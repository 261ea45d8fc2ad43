import { WorkflowError, type WorkflowProblem } from "@/lib/domain/workflow-error";

/** Refusals of the council's SIPAS review, in both languages. */

export function sipasPeriodNotFound(): WorkflowError {
  return new WorkflowError("not_found", "Không tìm thấy kỳ đánh giá này.", "No such period.");
}

export function sipasSurveyMissing(): WorkflowError {
  return new WorkflowError(
    "not_found",
    "Kỳ đánh giá này chưa có phiếu khảo sát SIPAS: chưa có gì để tính.",
    "This period has no SIPAS survey yet: there is nothing to compute.",
  );
}

const SURVEY_STATUS: Record<string, { vi: string; en: string }> = {
  draft: { vi: "chưa mở", en: "not open yet" },
  open: { vi: "đang mở", en: "still open" },
};

/** While people can still answer, the figure could still change: nothing is approved. */
export function sipasSurveyNotClosed(status: string): WorkflowError {
  const label = SURVEY_STATUS[status] ?? { vi: status, en: status };
  return new WorkflowError(
    "wrong_state",
    `Chưa thể phê duyệt: khảo sát ${label.vi}. Khi khảo sát còn nhận phiếu, số liệu vẫn có thể thay đổi — hãy đóng khảo sát, bấm "Tính lại" rồi phê duyệt.`,
    `Cannot approve yet: the survey is ${label.en}. While it takes responses the figures can still change — close the survey, recompute, then approve.`,
  );
}

export function sipasPublished(): WorkflowError {
  return new WorkflowError(
    "published",
    "Kỳ đánh giá đã công bố: số liệu SIPAS không còn thay đổi được ở đây; việc sửa phải qua đính chính.",
    "The period is published: its SIPAS figures can no longer change here; a correction goes through an erratum.",
  );
}

export function sipasFiguresRejected(detail: string): WorkflowError {
  return new WorkflowError(
    "invalid",
    `Không tính được chỉ số SIPAS: ${detail}. Hãy kiểm tra thang điểm và câu hỏi của phiếu khảo sát.`,
    `The SIPAS figures could not be computed: ${detail}. Check the survey's scale and questions.`,
  );
}

export type SipasUnitRefusal = "no_result" | "already_approved" | "stale" | "responses_changed" | "not_in_period" | "not_approved";

const UNIT_REFUSAL: Record<SipasUnitRefusal, (unit: string) => { vi: string; en: string }> = {
  not_in_period: (unit) => ({ vi: `${unit} không thuộc kỳ đánh giá này.`, en: `${unit} is not evaluated in this period.` }),
  no_result: (unit) => ({
    vi: `${unit} chưa có số liệu SIPAS đã tính — hãy bấm "Tính lại".`,
    en: `${unit} has no computed SIPAS figures — recompute first.`,
  }),
  already_approved: (unit) => ({ vi: `Số liệu SIPAS của ${unit} đã được phê duyệt.`, en: `The SIPAS figures of ${unit} are already approved.` }),
  not_approved: (unit) => ({ vi: `Số liệu SIPAS của ${unit} chưa được phê duyệt.`, en: `The SIPAS figures of ${unit} are not approved.` }),
  stale: (unit) => ({
    vi: `Số liệu SIPAS của ${unit} vừa thay đổi, hãy tải lại trang.`,
    en: `The SIPAS figures of ${unit} just changed; reload the page.`,
  }),
  responses_changed: (unit) => ({
    vi: `Phiếu khảo sát của ${unit} đã thay đổi kể từ lần tính gần nhất — hãy bấm "Tính lại" rồi xem lại số liệu.`,
    en: `The responses of ${unit} changed since the figures were computed — recompute and review them again.`,
  }),
};

export function sipasUnitProblem(refusal: SipasUnitRefusal, unitCode: string, unitName: string): WorkflowProblem {
  const message = UNIT_REFUSAL[refusal](unitName);
  return { criterionCode: unitCode, code: refusal, ...message };
}

/** All or nothing: one unit refused refuses the whole batch, each unit's reason listed. */
export function sipasUnitsRefused(problems: WorkflowProblem[]): WorkflowError {
  const only = problems.length === 1 ? problems[0] : undefined;
  const code = only?.code === "stale" || only?.code === "responses_changed" ? "stale" : "wrong_state";
  return new WorkflowError(
    code,
    only ? only.vi : `Không phê duyệt đơn vị nào: ${problems.length} đơn vị chưa thể phê duyệt. ${problems.map((problem) => problem.vi).join(" ")}`,
    only ? only.en : `No unit was approved: ${problems.length} units cannot be approved yet. ${problems.map((problem) => problem.en).join(" ")}`,
    problems,
    problems.flatMap((problem) => (problem.criterionCode ? [problem.criterionCode] : [])),
  );
}
