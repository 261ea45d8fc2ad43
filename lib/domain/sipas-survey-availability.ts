/**
 * Whether a period's survey takes responses at a moment: "not_open" covers a period without a
 * survey, a survey still in draft and one whose opening date is ahead; "closed" a closed survey or
 * one past its closing date. The form page and the submission share this one rule.
 */
export type SurveyAvailability = "open" | "not_open" | "closed";

export function surveyAvailability(
  survey: { status: "draft" | "open" | "closed"; opensAt: Date | null; closesAt: Date | null } | null,
  now: Date,
): SurveyAvailability {
  if (!survey || survey.status === "draft") return "not_open";
  if (survey.status === "closed") return "closed";
  if (survey.closesAt && now.getTime() > survey.closesAt.getTime()) return "closed";
  if (survey.opensAt && now.getTime() < survey.opensAt.getTime()) return "not_open";
  return "open";
}
