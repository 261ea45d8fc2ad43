// Query parameters of the public pages (unit page, compare page), validated like the API's: a
// well-formed code that names nothing is a 404, a malformed one is a message saying why.
import { z } from "zod";
import { API_PARAMETER_PROBLEMS, apiCodeSchema, type ApiParameterProblem } from "@/lib/domain/public-api-query";

/** More units than this would not fit side by side on a phone, nor in a readable chart. */
export const COMPARE_MAX_UNITS = 4;

export type PageQueryProblem = ApiParameterProblem | "too_many";

export type PageQueryIssue = { parameter: string; problem: PageQueryProblem };

/** A page's search parameters as Next.js hands them over: repeated keys arrive as arrays. */
export type SearchParams = Record<string, string | string[] | undefined>;

const asList = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * An optional code given at most once. An empty value counts as not given, since a GET form with
 * nothing chosen sends `?period=`.
 */
const optionalCodeParam = z
  .array(z.string())
  .max(1, { error: "repeated" satisfies PageQueryProblem })
  .transform((values) => (values[0] === "" ? undefined : values[0]))
  .pipe(apiCodeSchema.optional());

/**
 * Units as `units=a,b` (the shareable form) or `units=a&units=b` (what a form with one select per
 * unit sends), in the order given; empty entries (a select left blank) and repeats are dropped.
 * The comma always separates: Next.js hands over decoded values, so `%2C` cannot keep a comma
 * inside a code, and a unit whose code holds one (packages allow it; slugs never do) cannot be
 * named here: it is then reported as unknown, never silently confused with another unit.
 */
const unitCodesParam = z
  .array(z.string())
  .transform((values) => [...new Set(values.flatMap((value) => value.split(",")).filter((code) => code !== ""))])
  .pipe(z.array(apiCodeSchema).max(COMPARE_MAX_UNITS, { error: "too_many" satisfies PageQueryProblem }));

const unitPageQuerySchema = z.object({ period: optionalCodeParam });
const compareQuerySchema = z.object({ period: optionalCodeParam, units: unitCodesParam });

export type UnitPageQuery = z.output<typeof unitPageQuerySchema>;
export type CompareQuery = z.output<typeof compareQuerySchema>;

export type PageQueryResult<T> = { ok: true; value: T } | { ok: false; issues: PageQueryIssue[] };

/** `/units/{unit}?period={period}` */
export function parseUnitPageQuery(searchParams: SearchParams): PageQueryResult<UnitPageQuery> {
  return toResult(unitPageQuerySchema.safeParse({ period: asList(searchParams.period) }));
}

/** `/compare?period={period}&units={a},{b}` */
export function parseCompareQuery(searchParams: SearchParams): PageQueryResult<CompareQuery> {
  return toResult(compareQuerySchema.safeParse({ period: asList(searchParams.period), units: asList(searchParams.units) }));
}

/** The one address of a comparison, for sharing. */
export function compareHref(periodCode: string, unitCodes: readonly string[]): string {
  const period = `period=${encodeURIComponent(periodCode)}`;
  return unitCodes.length === 0 ? `/compare?${period}` : `/compare?${period}&units=${unitCodes.map(encodeURIComponent).join(",")}`;
}

function toResult<T>(parsed: z.ZodSafeParseResult<T>): PageQueryResult<T> {
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = new Map<string, PageQueryIssue>();
  for (const issue of parsed.error.issues) {
    const parameter = typeof issue.path[0] === "string" ? issue.path[0] : "?";
    // One message per parameter: three malformed unit codes are one thing to fix.
    if (!issues.has(parameter)) issues.set(parameter, { parameter, problem: problemOf(issue.message) });
  }
  return { ok: false, issues: [...issues.values()] };
}

const PROBLEMS: readonly string[] = [...API_PARAMETER_PROBLEMS, "too_many"];

function problemOf(message: string): PageQueryProblem {
  return PROBLEMS.includes(message) ? (message as PageQueryProblem) : "invalid";
}
