import { z } from "zod";
import { SURVEY_COMMENT_MAX, SURVEY_DOSSIER_CODE_MAX, SURVEY_FIELDS } from "./sipas-survey-fields";

const optionalText = (max: number, code: string) =>
  z
    .string()
    .max(max, { message: code })
    .transform((value) => value.replace(/\r\n/g, "\n").trim())
    .transform((value) => (value === "" ? null : value));

/**
 * One citizen's survey form as posted, before the answers are checked against the period's
 * questionnaire (checkSipasAnswers). The same names serve the plain HTML form (no JavaScript)
 * and the enhanced one, which posts the same fields.
 */
export const sipasResponseInput = z.object({
  token: z.string().min(1, { message: "invalid_link" }).max(1000, { message: "invalid_link" }),
  answers: z.record(z.string(), z.string().max(20)),
  // Counted before trimming, so the limit is the one the counter in the form shows.
  dossierCode: optionalText(SURVEY_DOSSIER_CODE_MAX, "dossier_too_long"),
  comment: optionalText(SURVEY_COMMENT_MAX, "comment_too_long"),
  honeypot: z.string().max(1000).transform((value) => value.trim()),
});

export type SipasResponseInput = z.output<typeof sipasResponseInput>;

export type SurveyInputProblem = "invalid_link" | "comment_too_long" | "dossier_too_long" | "invalid_form";

/**
 * Reads the posted fields (FormData or URLSearchParams entries). A repeated field keeps its last
 * value, as a browser sends each radio group once. The raw text of every field is returned too, so
 * a refused form can be shown again exactly as it was typed.
 */
export function readSipasResponseForm(entries: Iterable<[string, unknown]>): {
  raw: { token: string; answers: Record<string, string>; dossierCode: string; comment: string };
  parsed: { ok: true; input: SipasResponseInput } | { ok: false; problems: SurveyInputProblem[] };
} {
  const answers: Record<string, string> = {};
  const fields: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (typeof value !== "string") continue;
    if (name.startsWith(SURVEY_FIELDS.answerPrefix)) answers[name.slice(SURVEY_FIELDS.answerPrefix.length)] = value;
    else fields[name] = value;
  }
  const candidate = {
    token: fields[SURVEY_FIELDS.token] ?? "",
    answers,
    dossierCode: fields[SURVEY_FIELDS.dossierCode] ?? "",
    comment: fields[SURVEY_FIELDS.comment] ?? "",
    honeypot: fields[SURVEY_FIELDS.honeypot] ?? "",
  };
  const raw = { token: candidate.token, answers, dossierCode: candidate.dossierCode, comment: candidate.comment };
  const result = sipasResponseInput.safeParse(candidate);
  if (result.success) return { raw, parsed: { ok: true, input: result.data } };
  const known: SurveyInputProblem[] = ["invalid_link", "comment_too_long", "dossier_too_long"];
  const problems = [
    ...new Set(result.error.issues.map((issue) => (known.includes(issue.message as SurveyInputProblem) ? (issue.message as SurveyInputProblem) : "invalid_form"))),
  ];
  return { raw, parsed: { ok: false, problems } };
}
