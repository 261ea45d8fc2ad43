// Path and query parameters of the public read-only API (shared/domain/results-format.md).
//
// Codes of periods, groups and units come from results packages, where a code may be any
// non-empty text (the importer trims it and normalises it to NFC). The API therefore refuses only
// what no stored code can be, so that a well-formed code is answered 404 when it is unknown and
// never 400: empty, padded with spaces, containing control characters, or absurdly long.
import { z } from "zod";

/** Longer than any code a package would carry; a bound keeps error messages and lookups small. */
export const API_CODE_MAX_LENGTH = 200;

export const API_PARAMETER_PROBLEMS = ["empty", "padded", "control_character", "too_long", "repeated", "too_many", "invalid"] as const;
export type ApiParameterProblem = (typeof API_PARAMETER_PROBLEMS)[number];

const CONTROL_CHARACTER = /\p{Cc}/u;

/** One code as it arrives in a path segment or a query value; NFC like the importer's codes. */
export const apiCodeSchema = z
  .string()
  .normalize("NFC")
  .superRefine((value, context) => {
    const problem: ApiParameterProblem | null =
      value.length === 0
        ? "empty"
        : value.trim() !== value
          ? "padded"
          : CONTROL_CHARACTER.test(value)
            ? "control_character"
            : [...value].length > API_CODE_MAX_LENGTH
              ? "too_long"
              : null;
    if (problem) context.addIssue({ code: "custom", message: problem });
  });

/**
 * A query parameter that may appear at most once: `?group=a&group=b` is refused rather than
 * silently answered for one of them.
 */
const optionalSingleCode = z
  .array(z.string())
  .max(1, { error: "repeated" satisfies ApiParameterProblem })
  .transform((values) => values[0])
  .pipe(apiCodeSchema.optional());

/**
 * `GET /api/v1/periods/{period}/rankings[.csv|.xlsx]?group={group}`, and the SIPAS figures
 * (`/sipas[.csv|.xlsx]`), which are per group alike.
 */
export const rankingsRequestSchema = z.object({
  period: apiCodeSchema,
  group: optionalSingleCode,
});
export type RankingsRequest = z.output<typeof rankingsRequestSchema>;

/** `GET /api/v1/units/{unit}` */
export const unitRequestSchema = z.object({ unit: apiCodeSchema });
export type UnitRequest = z.output<typeof unitRequestSchema>;

export type ApiParameterError = { parameter: string; problem: ApiParameterProblem };

/**
 * The first problem of a failed parse, named by parameter, so that the API can answer one clear
 * message in the client's language instead of zod's text.
 */
export function firstParameterError(error: z.ZodError): ApiParameterError {
  const issue = error.issues[0];
  const parameter = typeof issue?.path[0] === "string" ? issue.path[0] : "?";
  const message = issue?.message;
  const problem = (API_PARAMETER_PROBLEMS as readonly string[]).includes(message ?? "")
    ? (message as ApiParameterProblem)
    : "invalid";
  return { parameter, problem };
}
