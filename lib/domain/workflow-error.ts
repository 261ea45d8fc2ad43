import type { z } from "zod";
import { UseCaseError } from "@/lib/domain/use-case-error";
import { describeIssues } from "@/lib/domain/describe-issues";
import type { DecimalInputErrorCode } from "@/lib/results-package/decimal-input";

export type WorkflowErrorCode =
  | "invalid"
  | "not_found"
  | "unknown_criterion"
  | "published"
  | "wrong_state"
  | "closed"
  | "incomplete"
  | "not_explained"
  | "not_approved"
  | "stale"
  | "reason_required"
  | "comment_required"
  | "explanation_required"
  | "not_answered"
  | "survey_scored"
  | "above_max"
  | DecimalInputErrorCode;

/** One leaf (or unit) a refusal is about, for the form to mark. */
export type WorkflowProblem = { criterionCode: string | null; code: string; vi: string; en: string };

/**
 * A step of the yearly workflow refused. `problems` lists the leaves concerned (missing answers,
 * items not decided), `unitCodes` the units (those not approved when closing a period).
 */
export class WorkflowError extends UseCaseError<WorkflowErrorCode> {
  constructor(
    code: WorkflowErrorCode,
    vi: string,
    en: string,
    readonly problems: WorkflowProblem[] = [],
    readonly unitCodes: string[] = [],
  ) {
    super(code, vi, en);
  }
}

/**
 * Someone else changed what the form shows since it was read. Nothing was written by this
 * request, and nothing of theirs was overwritten; the page reloads and the user tries again.
 */
export class StaleError extends WorkflowError {
  constructor(
    vi: string,
    en: string,
    /** Name of whoever made the change, when known. */
    readonly changedBy: string | null,
    readonly changedAt: Date | null,
  ) {
    super("stale", vi, en);
  }
}

/** "14:05" in Vietnam's time, whatever the server's time zone. */
export function clockTimeInVietnam(at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.hour}:${parts.minute}`;
}

function byWhom(changedBy: string | null, changedAt: Date | null): { vi: string; en: string } {
  const time = changedAt ? clockTimeInVietnam(changedAt) : null;
  return {
    vi: `${changedBy ? `được ${changedBy}` : "được người khác"} thay đổi${time ? ` lúc ${time}` : ""}`,
    en: `changed by ${changedBy ?? "someone else"}${time ? ` at ${time}` : ""}`,
  };
}

export function staleItem(criterionCode: string, changedBy: string | null, changedAt: Date | null): StaleError {
  const who = byWhom(changedBy, changedAt);
  return new StaleError(
    `Tiêu chí ${criterionCode} vừa ${who.vi} — hãy tải lại trang.`,
    `Criterion ${criterionCode} was just ${who.en} — reload the page.`,
    changedBy,
    changedAt,
  );
}

export function staleAssessment(unitName: string, changedBy: string | null, changedAt: Date | null): StaleError {
  const who = byWhom(changedBy, changedAt);
  return new StaleError(
    `Bản đánh giá của ${unitName} vừa ${who.vi} — hãy tải lại trang.`,
    `The assessment of ${unitName} was just ${who.en} — reload the page.`,
    changedBy,
    changedAt,
  );
}

export function stalePeriod(periodName: string, changedBy: string | null, changedAt: Date | null): StaleError {
  const who = byWhom(changedBy, changedAt);
  return new StaleError(
    `Kỳ đánh giá ${periodName} vừa ${who.vi} — hãy tải lại trang.`,
    `The period ${periodName} was just ${who.en} — reload the page.`,
    changedBy,
    changedAt,
  );
}

/** Same answer whether the unit is another's or does not exist, so existence is not revealed. */
export function assessmentNotFound(): WorkflowError {
  return new WorkflowError(
    "not_found",
    "Không tìm thấy bản đánh giá của đơn vị này trong kỳ đánh giá.",
    "No assessment of this unit in this period.",
  );
}

export function periodPublished(): WorkflowError {
  return new WorkflowError(
    "published",
    "Kỳ đánh giá đã công bố: mọi điểm, nhận xét và tài liệu chỉ còn để xem. Việc sửa sau công bố phải qua đính chính.",
    "The period is published and read-only: scores, comments and evidence can no longer change. A correction goes through an erratum.",
  );
}

// Schemas name a required text's refusal by code (e.g. `.min(1, "reason_required")`): the same
// schema then serves the form, which shows the message of that code in its own language.
const REQUIRED_TEXT: Partial<Record<WorkflowErrorCode, { vi: string; en: string }>> = {
  reason_required: { vi: "Cần nêu lý do.", en: "A reason is required." },
  comment_required: { vi: "Cần ghi nhận xét để đơn vị giải trình.", en: "A comment is required so the unit knows what to explain." },
  explanation_required: { vi: "Cần nhập nội dung giải trình.", en: "An explanation is required." },
};

export function invalidInput(error: z.ZodError): WorkflowError {
  for (const issue of error.issues) {
    const known = REQUIRED_TEXT[issue.message as WorkflowErrorCode];
    if (known) return new WorkflowError(issue.message as WorkflowErrorCode, known.vi, known.en);
  }
  const { vi, en } = describeIssues(error);
  return new WorkflowError("invalid", `Dữ liệu gửi lên không hợp lệ (${vi}).`, `Invalid input (${en}).`);
}

export function requiredText(code: "reason_required" | "comment_required" | "explanation_required", criterionCode?: string): WorkflowError {
  const message = REQUIRED_TEXT[code]!;
  return criterionCode
    ? new WorkflowError(code, `Tiêu chí ${criterionCode}: ${message.vi}`, `Criterion ${criterionCode}: ${message.en}`)
    : new WorkflowError(code, message.vi, message.en);
}

const ASSESSMENT_STATUS_LABEL: Record<string, { vi: string; en: string }> = {
  not_started: { vi: "chưa bắt đầu", en: "not started" },
  in_progress: { vi: "đang tự chấm", en: "in progress" },
  submitted: { vi: "đã nộp, chờ thẩm định", en: "submitted, awaiting appraisal" },
  in_appraisal: { vi: "đang thẩm định", en: "in appraisal" },
  returned: { vi: "được trả lại để giải trình", en: "returned for explanation" },
  approved: { vi: "đã phê duyệt", en: "approved" },
};

const PERIOD_STATUS_LABEL: Record<string, { vi: string; en: string }> = {
  draft: { vi: "đang chuẩn bị", en: "draft" },
  self_assessment: { vi: "đang tự đánh giá", en: "self-assessment" },
  appraisal: { vi: "đang thẩm định", en: "appraisal" },
  approved: { vi: "đã phê duyệt kết quả", en: "approved" },
  published: { vi: "đã công bố", en: "published" },
};

export function assessmentStatusLabel(status: string): { vi: string; en: string } {
  return ASSESSMENT_STATUS_LABEL[status] ?? { vi: status, en: status };
}

export function periodStatusLabel(status: string): { vi: string; en: string } {
  return PERIOD_STATUS_LABEL[status] ?? { vi: status, en: status };
}

/** "1.1, 1.2, 2.3 (+4)": a list short enough for a message; the full list is in `problems`. */
export function shortList(items: readonly string[], max = 10): string {
  return items.slice(0, max).join(", ") + (items.length > max ? ` (+${items.length - max})` : "");
}
