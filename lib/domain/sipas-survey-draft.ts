import { deflateRawSync, inflateRawSync } from "node:zlib";
import { z } from "zod";

/**
 * A refused form sent without JavaScript comes back filled in: the submission answers 303 to the
 * form with its answers and the reason in a short-lived cookie (a route handler cannot render the
 * page itself, and the answers must not go into an address that proxies log). The page reads it
 * when the address carries the same `retry` id, so an old draft never shows on a fresh visit.
 */
export const SURVEY_DRAFT_COOKIE = "sipas_draft";
export const SURVEY_DRAFT_MAX_AGE_SECONDS = 10 * 60;
// Browsers keep cookies up to 4,096 bytes, name and attributes included.
const MAX_ENCODED = 3600;

const problemSchema = z.object({ key: z.string().nullable(), vi: z.string(), en: z.string() });

export const surveyDraft = z.object({
  retry: z.string().max(40),
  periodCode: z.string(),
  unitCode: z.string(),
  refusal: z.object({ code: z.string(), vi: z.string(), en: z.string(), problems: z.array(problemSchema) }),
  answers: z.record(z.string(), z.string()),
  dossierCode: z.string(),
  comment: z.string(),
});

export type SurveyDraft = z.infer<typeof surveyDraft>;

export function encodeSurveyDraft(draft: SurveyDraft): string {
  let current = { ...draft, comment: draft.comment.slice(0, 2000), dossierCode: draft.dossierCode.slice(0, 60) };
  for (;;) {
    const encoded = deflateRawSync(Buffer.from(JSON.stringify(current))).toString("base64url");
    if (encoded.length <= MAX_ENCODED || current.comment === "") return encoded;
    // Only a long comment in hard-to-compress text gets here: keep as much of it as fits.
    current = { ...current, comment: current.comment.slice(0, Math.floor(current.comment.length * 0.75)) };
  }
}

export function decodeSurveyDraft(value: string | undefined): SurveyDraft | null {
  if (!value || value.length > 5000) return null;
  try {
    const parsed = surveyDraft.safeParse(JSON.parse(inflateRawSync(Buffer.from(value, "base64url"), { maxOutputLength: 200_000 }).toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
