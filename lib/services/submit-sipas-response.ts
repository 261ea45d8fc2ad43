import { checkSurveyToken, surveyHash } from "@/lib/auth/sipas-survey-token";
import { checkSipasAnswers, sipasQuestions, type SipasAnswerProblem } from "@/lib/sipas/questionnaire";
import { UseCaseError } from "@/lib/domain/use-case-error";
import { vietnamCalendarDate } from "@/lib/domain/vietnam-day";
import { type SipasResponseInput, type SurveyInputProblem } from "@/lib/domain/sipas-response-input";
import { SURVEY_MIN_FILL_MS } from "@/lib/domain/sipas-survey-fields";
import { surveyAvailability } from "@/lib/domain/sipas-survey-availability";
import { hitRateLimit } from "@/lib/data/rate-limit";
import { loadSurveyFormTarget } from "@/lib/data/sipas-survey-form";
import { storeSipasResponse, submissionTokenUsed } from "@/lib/data/store-sipas-response";

export type SubmitSipasResponseCommand = {
  periodCode: string;
  unitCode: string;
  /** The form as read by readSipasResponseForm. */
  form: { ok: true; input: SipasResponseInput } | { ok: false; problems: SurveyInputProblem[] };
  /** The random id of the visitor's device cookie (never stored, only its salted hash). */
  deviceId: string;
  /** The client's address (never stored, only its salted hash). */
  address: string;
};

export type SubmitSipasResponseResult = { responseId: string; status: "accepted" | "flagged" };

export type SurveyRefusalCode =
  | "invalid_link"
  | "token_expired"
  | "not_open"
  | "closed"
  | "rate_limited"
  | "replayed"
  | "already_today"
  | "invalid_answers"
  | "comment_too_long"
  | "dossier_too_long"
  | "too_large";

export class SurveyRefusal extends UseCaseError<SurveyRefusalCode> {
  constructor(
    code: SurveyRefusalCode,
    vi: string,
    en: string,
    /** One per question that was missing or off the scale, for the form to show at the question. */
    readonly problems: { key: string; code: string; vi: string; en: string }[] = [],
  ) {
    super(code, vi, en);
  }
}

export const SURVEY_REFUSALS: Record<Exclude<SurveyRefusalCode, "invalid_answers" | "rate_limited">, { vi: string; en: string }> = {
  invalid_link: {
    vi: "Liên kết khảo sát không hợp lệ — hãy quét lại mã QR.",
    en: "This survey link is not valid — please scan the QR code again.",
  },
  token_expired: {
    vi: "Biểu mẫu đã mở quá lâu. Câu trả lời của bạn vẫn được giữ; hãy bấm Gửi lại.",
    en: "This form was open for too long. Your answers are kept; please press Send again.",
  },
  not_open: { vi: "Khảo sát chưa mở, chưa thể nhận ý kiến.", en: "The survey is not open yet and cannot take responses." },
  closed: { vi: "Khảo sát đã đóng, không nhận thêm ý kiến.", en: "The survey is closed and takes no more responses." },
  replayed: { vi: "Ý kiến này đã được ghi nhận trước đó.", en: "This response was already recorded." },
  already_today: {
    vi: "Bạn đã góp ý cho đơn vị này hôm nay. Cảm ơn bạn!",
    en: "You have already given your opinion on this unit today. Thank you!",
  },
  comment_too_long: { vi: "Góp ý dài tối đa 2.000 ký tự.", en: "The comment may be at most 2,000 characters." },
  dossier_too_long: { vi: "Mã hồ sơ dài tối đa 60 ký tự.", en: "The dossier code may be at most 60 characters." },
  too_large: {
    vi: "Nội dung gửi quá lớn. Góp ý dài tối đa 2.000 ký tự.",
    en: "What was sent is too large. The comment may be at most 2,000 characters.",
  },
};

export function surveyRefusal(code: Exclude<SurveyRefusalCode, "invalid_answers" | "rate_limited">): SurveyRefusal {
  return new SurveyRefusal(code, SURVEY_REFUSALS[code].vi, SURVEY_REFUSALS[code].en);
}

const HOUR_MS = 60 * 60 * 1000;

/** Submissions accepted per address per hour; many citizens may share one address (a one-stop office's Wi-Fi). */
export function submissionsPerAddressPerHour(env: Record<string, string | undefined> = process.env): number {
  const configured = Number.parseInt(env.SIPAS_SUBMISSIONS_PER_ADDRESS_PER_HOUR ?? "", 10);
  return Number.isInteger(configured) && configured > 0 ? configured : 30;
}

function answerProblem(problem: SipasAnswerProblem, position: Map<string, number>, scale: { min: number; max: number }) {
  const label = position.has(problem.questionCode) ? `câu ${position.get(problem.questionCode)}` : `“${problem.questionCode}”`;
  const labelEn = position.has(problem.questionCode) ? `question ${position.get(problem.questionCode)}` : `“${problem.questionCode}”`;
  if (problem.problem === "missing") {
    return { key: problem.questionCode, code: "missing", vi: `Hãy chọn một câu trả lời cho ${label}.`, en: `Please choose an answer for ${labelEn}.` };
  }
  if (problem.problem === "out_of_scale") {
    return {
      key: problem.questionCode,
      code: "out_of_scale",
      vi: `Câu trả lời cho ${label} phải là một mức từ ${scale.min} đến ${scale.max}.`,
      en: `The answer to ${labelEn} must be a level from ${scale.min} to ${scale.max}.`,
    };
  }
  return { key: problem.questionCode, code: "unknown_question", vi: `Phiếu không có câu hỏi ${label}.`, en: `The questionnaire has no question ${labelEn}.` };
}

/**
 * Records one citizen's answers from the online form. Refused, with nothing written: a form signed
 * for another unit or period, an old form, a closed survey, too many submissions from one address,
 * a replayed form, a second response from the same device for the unit on the same (Vietnamese)
 * day, missing or off-scale answers. A form that looks automated (the hidden field filled, or sent
 * within seconds of being issued) is stored as flagged, for home affairs to review, and answered
 * like any other, so its sender learns nothing.
 *
 * No audit row: the writer is an anonymous citizen and the response row itself is the record
 * (with its time, hashes and review fields); an audit row per response would double the writes of
 * the busiest path in the portal.
 */
export async function submitSipasResponse(command: SubmitSipasResponseCommand, now: Date = new Date()): Promise<SubmitSipasResponseResult> {
  const { form } = command;
  if (!form.ok) {
    const first = form.problems.includes("invalid_link") ? "invalid_link" : form.problems.find((problem) => problem !== "invalid_form");
    throw surveyRefusal(first ?? "invalid_link");
  }
  const input = form.input;
  const token = checkSurveyToken(input.token, { periodCode: command.periodCode, unitCode: command.unitCode }, now);
  if (!token.ok) throw surveyRefusal(token.reason === "expired" ? "token_expired" : "invalid_link");

  const limit = submissionsPerAddressPerHour();
  const ipHash = surveyHash("address", command.address);
  const hits = await hitRateLimit(`sipas-submit:address:${ipHash}`, HOUR_MS, now);
  if (hits.count > limit) {
    const minutes = Math.max(1, Math.ceil((hits.resetsAt.getTime() - now.getTime()) / 60_000));
    throw new SurveyRefusal(
      "rate_limited",
      `Quá nhiều lượt gửi từ địa chỉ này (tối đa ${limit} lượt mỗi giờ). Vui lòng thử lại sau ${minutes} phút.`,
      `Too many submissions from this address (at most ${limit} an hour). Please try again in ${minutes} minutes.`,
    );
  }

  const target = await loadSurveyFormTarget(command.periodCode, command.unitCode);
  if (!target) throw surveyRefusal("invalid_link");
  const availability = surveyAvailability(target.survey, now);
  if (availability !== "open" || !target.survey) throw surveyRefusal(availability === "closed" ? "closed" : "not_open");
  const survey = target.survey;

  if (await submissionTokenUsed(token.claims.nonce)) throw surveyRefusal("replayed");

  const checked = checkSipasAnswers(survey.questionnaire, input.answers);
  if (!checked.ok) {
    const position = new Map(sipasQuestions(survey.questionnaire).map((question, index) => [question.code, index + 1]));
    const problems = checked.problems.map((problem) => answerProblem(problem, position, survey.questionnaire.scale));
    throw new SurveyRefusal(
      "invalid_answers",
      problems.length === 1 ? problems[0]!.vi : `Còn ${problems.length} câu chưa trả lời hoặc không hợp lệ.`,
      problems.length === 1 ? problems[0]!.en : `${problems.length} questions are unanswered or not valid.`,
      problems,
    );
  }

  const flagReason = input.honeypot !== "" ? "honeypot" : now.getTime() - token.claims.issuedAt.getTime() < SURVEY_MIN_FILL_MS ? "too_fast" : null;
  const outcome = await storeSipasResponse({
    surveyId: survey.id,
    unitId: target.unit.id,
    status: flagReason ? "flagged" : "accepted",
    flagReason,
    dossierCode: input.dossierCode,
    comment: input.comment,
    deviceHash: surveyHash("device", command.deviceId),
    ipHash,
    submissionToken: token.claims.nonce,
    submittedOn: vietnamCalendarDate(now),
    submittedAt: now,
    answers: checked.answers,
  });
  if (!outcome.stored) throw surveyRefusal("closed" in outcome ? "closed" : outcome.duplicate === "token" ? "replayed" : "already_today");
  return { responseId: outcome.id, status: flagReason ? "flagged" : "accepted" };
}
