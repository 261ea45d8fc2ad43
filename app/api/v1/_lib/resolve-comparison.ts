import { firstParameterError } from "@/lib/domain/public-api-query";
import { comparisonRequestSchema } from "@/lib/domain/public-api-compare-query";
import { getPublishedComparison } from "@/lib/data/published-unit-comparison";
import { toComparisonJson, type ComparisonJson } from "@/lib/results-package/comparison-json";
import { apiError, type ApiContext } from "./public-api-http";
import { notModifiedFor, tableEtag, type TableRepresentation } from "./table-validator";

const COMPARISON_REPRESENTATION_REVISION = "1";

export type ComparisonOutcome =
  | { response: Response }
  | { comparison: ComparisonJson; etag: string; periodName: string; publishedAt: Date };

/**
 * The part the JSON, CSV and XLSX comparison share: the period and `?units=`, the units' published
 * results, and the conditional request. A unit without a result in the period is a 404 naming it,
 * where the page shows the others with a warning: a program must not mistake a part for the whole.
 */
export async function resolveComparison(context: ApiContext, periodParameter: string, representation: TableRepresentation): Promise<ComparisonOutcome> {
  const parsed = comparisonRequestSchema.safeParse({ period: periodParameter, units: context.url.searchParams.getAll("units") });
  if (!parsed.success) {
    const { parameter, problem } = firstParameterError(parsed.error);
    return { response: apiError(context, 400, "invalid_parameter", context.t.invalidParameter(parameter, problem)) };
  }
  const { period, units } = parsed.data;

  const found = await getPublishedComparison(period, units);
  if (!found) return { response: apiError(context, 404, "period_not_found", context.t.periodNotFound(period)) };
  if (found.unknownUnits.length > 0) {
    return { response: apiError(context, 404, "unit_not_found", context.t.unitsNotInPeriod(found.code, found.unknownUnits)) };
  }
  const comparison = toComparisonJson(found.code, found.rows);

  const etag = tableEtag("comparison", COMPARISON_REPRESENTATION_REVISION, representation, comparison);
  const notModified = notModifiedFor(context, etag);
  if (notModified) return { response: notModified };
  return { comparison, etag, periodName: found.name, publishedAt: found.publishedAt };
}

/** `par-index-compare-{period}-{a}-{b}.{extension}`: the units in the order compared. */
export function comparisonFileName(comparison: ComparisonJson, extension: "csv" | "xlsx"): string {
  return `par-index-compare-${comparison.period}-${comparison.rows.map((row) => row.unit.code).join("-")}.${extension}`;
}
