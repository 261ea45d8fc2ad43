/**
 * Names and limits of the survey form's fields, shared by the form (a client component, so no
 * zod here) and the server's reading of it (sipas-response-input.ts).
 */
export const SURVEY_FIELDS = {
  token: "token",
  dossierCode: "dossierCode",
  comment: "comment",
  /** The honeypot: named and labelled like a field people expect, hidden from people. */
  honeypot: "email",
  /** Prefix of an answer's field: "q.<question code>". */
  answerPrefix: "q.",
} as const;

export const SURVEY_COMMENT_MAX = 2000;
export const SURVEY_DOSSIER_CODE_MAX = 60;
/** A form submitted sooner than this after it was issued was not filled in by a person. */
export const SURVEY_MIN_FILL_MS = 3000;
/**
 * Largest body read: the answers, a 2,000-character comment in Vietnamese (up to 3 bytes a
 * character, percent-encoded three times over) and room to spare. Anything larger is refused
 * before it is read in full.
 */
export const SURVEY_MAX_BODY_BYTES = 64 * 1024;

export function answerFieldName(questionCode: string): string {
  return `${SURVEY_FIELDS.answerPrefix}${questionCode}`;
}
